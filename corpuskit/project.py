"""The project a command runs in: the nearest pyproject.toml, and the error a malformed
configuration raises. Nothing here imports pydantic, so a check answered from the results
cache can find its settings (`corpuskit.snapshot`) without the settings model."""

from __future__ import annotations

import os
from functools import lru_cache
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


@lru_cache(maxsize=8)
def _root_of(cwd: str) -> str | None:
    found = find_pyproject(Path(cwd))
    return str(found.parent) if found else None


def path_forms(path: str | Path) -> set[str]:
    """The forms of a path that the patterns of the settings (`exclude`,
    `per-file-ignores`) are matched against: as given, relative to the project's folder
    (the one holding pyproject.toml; so `seeds/drafts/*` matches however the path was
    named, from any folder), relative to the current folder, and the file's name.

    >>> sorted(path_forms(os.path.join(os.getcwd(), "seeds", "a.txt")))[-2:]
    ['a.txt', 'seeds/a.txt']
    """
    given = Path(path).as_posix()
    forms = {given, Path(path).name}
    cwd = os.getcwd()
    absolute = os.path.normpath(os.path.join(cwd, path))
    for base in (_root_of(cwd), cwd):
        if base and absolute.startswith(base.rstrip(os.sep) + os.sep):
            forms.add(Path(absolute[len(base.rstrip(os.sep)) + 1 :]).as_posix())
    return forms
