"""The project a command runs in: the nearest pyproject.toml, and the error a malformed
configuration raises. Nothing here imports pydantic, so a check answered from the results
cache can find its settings (`corpuskit.snapshot`) without the settings model."""

from __future__ import annotations

from pathlib import Path


class ConfigError(ValueError):
    """The configuration file is malformed; the message names the file and the key."""


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in `start` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
