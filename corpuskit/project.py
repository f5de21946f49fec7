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
    (`project_path`: so `seeds/drafts/*` matches however the path was named, from any
    folder), and the file's name.

    >>> sorted(path_forms(os.path.join(os.getcwd(), "seeds", "a.txt")))[-2:]
    ['a.txt', 'seeds/a.txt']
    """
    return {Path(path).as_posix(), Path(path).name, Path(project_path(path)).as_posix()}


def _project_folder() -> str:
    """The folder of the nearest pyproject.toml, else the current folder."""
    cwd = os.getcwd()
    return _root_of(cwd) or cwd


def project_path(path: str | Path) -> str:
    """A seed's path as the corpus index keeps it: relative to the project's folder (the
    one holding pyproject.toml, else the current one), so one seed named from another
    folder or absolutely is still the same seed; a path outside that folder stays
    absolute.

    >>> project_path(os.path.join(os.getcwd(), "seeds", "a.txt")) == project_path("seeds/./a.txt")
    True
    """
    root = _project_folder().rstrip(os.sep) + os.sep
    absolute = os.path.abspath(path)
    return absolute[len(root) :] if absolute.startswith(root) else absolute


def from_project(path: str) -> str:
    """Where a `project_path` is on the file system."""
    return os.path.join(_project_folder(), path)


def setting_path(path: str) -> str:
    """A path written in the settings (`paths`, `output`, `reports`): relative to the
    project's folder, as named from the current folder (the same path when the command
    runs in the project's folder).

    >>> setting_path("/srv/corpus/seeds")
    '/srv/corpus/seeds'
    """
    if os.path.isabs(path):
        return path
    return os.path.relpath(os.path.join(_project_folder(), path))
