"""Which files are seeds: the paths given, folders walked, include and exclude applied."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from corpuskit.project import path_forms

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")


def sidecar_names(seed_name: str) -> list[str]:
    """The names a sidecar of a seed may have: `<name>.meta.yaml|yml|json` or
    `<stem>.meta.yaml|yml|json`, in that order of preference.

    >>> sidecar_names("a.txt")[:4]
    ['a.txt.meta.yaml', 'a.txt.meta.yml', 'a.txt.meta.json', 'a.meta.yaml']
    """
    dot = seed_name.rfind(".")
    stem = seed_name[:dot] if 0 < dot < len(seed_name) - 1 else seed_name  # as pathlib's stem
    return list(dict.fromkeys(base + suffix for base in (seed_name, stem) for suffix in SIDECAR_SUFFIXES))


class PathError(ValueError):
    """A path given on the command line does not exist."""


def is_excluded(path: Path, patterns: list[str]) -> bool:
    """Whether an `exclude` pattern matches the path (see `project.path_forms`)."""
    if not patterns:
        return False
    forms = path_forms(path)
    return any(fnmatch.fnmatch(form, p) for p in patterns for form in forms)


def is_seed_name(path: Path, include: list[str]) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIXES):
        return False
    return any(fnmatch.fnmatch(name, p) for p in include)


def escaped_path(path: Path) -> str | None:
    """The path with its bytes that are not UTF-8 escaped, or None when it is all UTF-8.

    >>> escaped_path(Path(os.fsdecode(b"seeds/bad\\xffname.txt")))
    'seeds/bad\\\\xffname.txt'
    >>> escaped_path(Path("seeds/Zürich.txt")) is None
    True
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return None


class Walk(NamedTuple):
    """What a walk of the corpus paths found."""

    seeds: list[Path]  # sorted, each once
    strays: list[tuple[Path, str, str]]  # files not read, and why: (path, code, message)


def walk(paths: list[str], include: list[str], exclude: list[str]) -> Walk:
    """The seed files under `paths`, and the files of the walked folders that are not
    read, each folder walked once. A file named explicitly is a seed whatever its name,
    but for a sidecar, which stands for its seed (a changed sidecar changes the seed's
    metadata); folders are walked for names matching `include`.

    Not read: F004, a seed-named file whose link leads outside the folder or into a loop
    (never followed, so a corpus cannot pull in files from elsewhere); F005, a sidecar with no
    seed beside it; F006, a seed whose path is not valid UTF-8.

    >>> walk([], ["*.txt"], [])
    Walk(seeds=[], strays=[])
    """
    seen: set[str] = set()
    seeds: list[Path] = []
    strays: list[tuple[Path, str, str]] = []
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise PathError(f"{given}: no such file or folder")
        if path.is_dir():
            candidates, found = _walk_folder(path, include, exclude)
            strays.extend(found)
        elif path.name.endswith(SIDECAR_SUFFIXES):
            candidates = seeds_of_sidecar(path)
            if not candidates:
                strays.append((path, "F005", f"{path}: sidecar without a seed beside it: not used"))
        else:
            candidates = [path]
        for candidate in candidates:
            where = os.path.abspath(candidate)  # one file named two ways is one seed
            if where not in seen and not is_excluded(candidate, exclude):
                seen.add(where)
                escaped = escaped_path(candidate)
                if escaped is None:
                    seeds.append(candidate)
                else:
                    message = f"{escaped}: file name is not valid UTF-8: not read"
                    strays.append((Path(escaped), "F006", message))
    return Walk(seeds, strays)


def _walk_folder(folder: Path, include: list[str], exclude: list[str]) -> tuple[list[Path], list]:
    """(the seeds in `folder`, sorted; its strays, sorted)."""
    outside = escape_check(folder)
    seeds, strays = [], []
    for path in folder.rglob("*"):
        sidecar = path.name.endswith(SIDECAR_SUFFIXES)
        seed_named = not sidecar and is_seed_name(path, include)
        if not seed_named and not sidecar:
            continue
        if seed_named and not outside(path):
            if path.is_file() or path.is_symlink():  # a broken link is a seed that cannot be read (F001)
                seeds.append(path)
            continue
        if is_excluded(path, exclude) or (not path.is_file() and not path.is_symlink()):
            continue
        if seed_named:
            target = _target(path)
            where = "a link loop" if target is None else f"link to {target}, outside {folder}"
            strays.append((path, "F004", f"{path}: {where}: not read"))
        elif not seeds_of_sidecar(path):
            strays.append((path, "F005", f"{path}: sidecar without a seed beside it: not used"))
    return sorted(seeds, key=_path_order), sorted(strays, key=lambda stray: _path_order(stray[0]))


def sorted_by_id(paths) -> list[Path]:
    """Seeds in the order of the corpus: by id (the file name without its extension), then
    by path.

    >>> [str(p) for p in sorted_by_id([Path("b/a.txt"), Path("a/b.txt"), Path("a/a.md")])]
    ['a/a.md', 'b/a.txt', 'a/b.txt']
    """
    return sorted(paths, key=lambda path: (Path(path).stem, str(path)))


def escape_check(folder: Path) -> Callable[[Path], bool]:
    """Whether a file of `folder` is a symbolic link (or a file under one) that leads out
    of it. The folder and each directory below it are resolved once, and a file that is
    no link costs one `lstat` (a large corpus holds thousands of files in a few
    directories).

    >>> escape_check(Path("seeds"))(Path("seeds/a.txt"))
    False
    """
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


def _path_order(path: Path) -> tuple[str, ...]:
    """The order of sorted paths (their parts compared in turn), without comparing
    `Path` objects, which is slow for thousands of them."""
    return path.parts


def _target(path: Path) -> str | None:
    """Where a link leads; None for a link loop."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return None


def seeds_of_sidecar(sidecar: Path) -> list[Path]:
    """The files beside a sidecar whose sidecar it is: the one named as it is without its
    suffix, and those with that name as their stem, sorted.

    >>> seeds_of_sidecar(Path("seeds/no-such.meta.yaml"))
    []
    """
    name = sidecar.name
    for suffix in SIDECAR_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    named = [sidecar.parent / name] if (sidecar.parent / name).is_file() else []
    stem_named = [
        p
        for p in sidecar.parent.glob(f"{glob.escape(name)}.*")
        if p.is_file() and p.stem == name and not p.name.endswith(SIDECAR_SUFFIXES)
    ]
    return sorted(set(named + stem_named), key=_path_order)
