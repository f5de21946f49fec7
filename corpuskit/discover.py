"""Which files are seeds: the paths given, folders walked, include and exclude applied."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterator
from pathlib import Path

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")


class PathError(ValueError):
    """A path given on the command line does not exist."""


def is_excluded(path: Path, patterns: list[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def is_seed_name(path: Path, include: list[str]) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIXES):
        return False
    return any(fnmatch.fnmatch(name, p) for p in include)


def discover(paths: list[str], include: list[str], exclude: list[str]) -> Iterator[Path]:
    """Seed files under `paths`, sorted, each once. A file named explicitly is a seed
    whatever its name; folders are walked for names matching `include`.

    >>> list(discover([], ["*.txt"], []))
    []
    """
    seen: set[Path] = set()
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise PathError(f"{given}: no such file or folder")
        if path.is_dir():
            outside = escape_check(path)
            candidates = sorted(
                (p for p in path.rglob("*") if is_seed_name(p, include) and p.is_file() and not outside(p)),
                key=_path_order,
            )
        else:
            candidates = [path]
        for candidate in candidates:
            if candidate not in seen and not is_excluded(candidate, exclude):
                seen.add(candidate)
                found.append(candidate)
    return iter(found)


def sorted_by_id(paths) -> list[Path]:
    """Seeds in the order of the corpus: by id (the file name without its extension), then
    by path.

    >>> [str(p) for p in sorted_by_id([Path("b/a.txt"), Path("a/b.txt"), Path("a/a.md")])]
    ['a/a.md', 'b/a.txt', 'a/b.txt']
    """
    return sorted(paths, key=lambda path: (Path(path).stem, str(path)))


def escapes(path: Path, folder: Path) -> bool:
    """A symbolic link (or a file under one) that leads out of the folder being walked.

    >>> escapes(Path("seeds/a.txt"), Path("seeds"))
    False
    """
    return escape_check(folder)(path)


def escape_check(folder: Path) -> Callable[[Path], bool]:
    """`escapes` for the files of one folder: the folder and each directory below it are
    resolved once, and a file that is no link costs one `lstat` (a large corpus holds
    thousands of files in a few directories)."""
    try:
        root = folder.resolve()
    except (OSError, RuntimeError):  # a link loop
        return lambda path: True
    directories: dict[Path, bool] = {}

    def check(path: Path) -> bool:
        try:
            if path.is_symlink():
                return not path.resolve().is_relative_to(root)
            inside = directories.get(path.parent)
            if inside is None:
                inside = directories[path.parent] = path.parent.resolve().is_relative_to(root)
            return not inside
        except (OSError, RuntimeError):  # a link loop
            return True

    return check


def strays(paths: list[str], include: list[str], exclude: list[str]) -> list[tuple[Path, str, str]]:
    """Files in the walked folders that are not read, and why: (path, code, message).

    F004: a seed-named file whose link leads outside the folder (never followed, so a
    corpus cannot pull in files from elsewhere). F005: a sidecar with no seed beside it.
    """
    found: list[tuple[Path, str, str]] = []
    for given in paths:
        folder = Path(given)
        if not folder.is_dir():
            continue
        outside = escape_check(folder)
        here = []
        for path in folder.rglob("*"):
            sidecar = path.name.endswith(SIDECAR_SUFFIXES)
            if not sidecar and not outside(path):
                continue  # the usual case: a seed, or a file that is no seed, inside the folder
            if is_excluded(path, exclude) or (not path.is_file() and not path.is_symlink()):
                continue
            if not sidecar and is_seed_name(path, include):
                target = _target(path)
                here.append((path, "F004", f"{path}: link to {target}, outside {folder}: not read"))
            elif sidecar and not _has_seed(path):
                here.append((path, "F005", f"{path}: sidecar without a seed beside it: not used"))
        found.extend(sorted(here, key=lambda item: _path_order(item[0])))
    return found


def _path_order(path: Path) -> tuple[str, ...]:
    """The order of sorted paths (their parts compared in turn), without comparing
    `Path` objects, which is slow for thousands of them."""
    return path.parts


def _target(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "a link loop"


def _has_seed(sidecar: Path) -> bool:
    name = sidecar.name
    for suffix in SIDECAR_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return (sidecar.parent / name).is_file() or any(
        p.is_file() and p.stem == name and not p.name.endswith(SIDECAR_SUFFIXES)
        for p in sidecar.parent.glob(f"{name}.*")
    )
