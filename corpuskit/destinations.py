"""Where a command writes, checked before it reads a seed: never over a seed, never over
a folder of other files.

`build` replaces its reports folder whole (the new one takes the old one's place), and
writes the corpus file in one step; `check --output-file` writes one file. A mistyped
path must not cost the seeds or anything else:

- a file written (the corpus, `--output-file`) is a file name (not `-`), not a folder,
  not one of the seeds and not a project's settings (`pyproject.toml`); the corpus file,
  which has its index and line table beside it, is not a device or a pipe either, and no
  other output of the same build is written over it or into the reports folder;
- the reports folder is not a file, holds no seed (it is not the seeds' folder or one
  above it), does not hold the corpus file, and holds nothing but reports (`*.json`; names
  of files starting with a dot are ignored), since whatever else is in it would be deleted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from corpuskit.atomic import is_special

SHOWN = 3  # entries named in an error


class DestinationError(ValueError):
    """An output path that would overwrite a seed or other files."""


def check_output_file(path: Path, seeds: Iterable[str | Path], option: str) -> None:
    """A file a command writes: neither a folder nor one of `seeds`.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> seed = folder / "a.txt"
    >>> _ = seed.write_text("x")
    >>> try:
    ...     check_output_file(seed, [seed], "-o")
    ... except DestinationError as err:
    ...     print(str(err).replace(str(folder), "seeds"))
    -o seeds/a.txt: is one of the seeds; give another file
    >>> check_output_file(folder / "corpus.jsonl", [seed], "-o")  # a new file: fine

    `-` is not taken for the standard output: the corpus file has its index beside it, and
    outputs are written whole or not at all.
    """
    if str(path) == "-":
        raise DestinationError(f"{option} -: give a file (outputs are files, written whole)")
    if path.is_dir():
        raise DestinationError(f"{option} {path}: is a folder; give a file")
    if path.name == "pyproject.toml":
        raise DestinationError(f"{option} {path}: is a project's settings file; give another file")
    if not path.exists():
        return
    name = path.name
    for seed in seeds:
        seed = str(seed)
        if os.path.basename(seed) == name and os.path.samefile(seed, path):
            raise DestinationError(f"{option} {path}: is one of the seeds; give another file")


def check_corpus_file(path: Path, seeds: Iterable[str | Path], option: str) -> None:
    """The corpus file of a build: an output file (`check_output_file`) that is a file,
    since its index and line table are written beside it.

    >>> try:
    ...     check_corpus_file(Path("/dev/null"), [], "-o")
    ... except DestinationError as err:
    ...     print(err)
    -o /dev/null: is not a regular file (the corpus has its index and line table beside it); give a file
    """
    check_output_file(path, seeds, option)
    if is_special(path):
        raise DestinationError(
            f"{option} {path}: is not a regular file (the corpus has its index and line table beside it); "
            "give a file"
        )


def check_page_file(
    path: Path, seeds: Iterable[str | Path], files: Iterable[Path], reports: Path, option: str
) -> None:
    """The review page of a build: an output file that is none of the build's other `files`
    (the corpus, its index and line table) and not in the reports folder it replaces.

    >>> try:
    ...     check_page_file(Path("build/corpus.jsonl"), [], [Path("build/corpus.jsonl")], Path("r"), "--html")
    ... except DestinationError as err:
    ...     print(err)
    --html build/corpus.jsonl: is also a file the build writes (build/corpus.jsonl); give another file
    """
    check_output_file(path, seeds, option)
    page = os.path.realpath(path)
    for other in files:
        if os.path.realpath(other) == page:
            raise DestinationError(
                f"{option} {path}: is also a file the build writes ({other}); give another file"
            )
    if _within(page, os.path.realpath(reports)):
        raise DestinationError(f"{option} {path}: lies in the reports folder, which the build replaces")


def check_reports_folder(path: Path, seeds: Iterable[str | Path], corpus: Path, option: str) -> None:
    """The folder `build` replaces with the reports: see the module's docstring."""
    if path.exists() and not path.is_dir():
        raise DestinationError(f"{option} {path}: is a file; give a folder")
    folder = os.path.realpath(path)
    if _within(os.path.realpath(corpus), folder):
        raise DestinationError(f"{option} {path}: holds the corpus file {corpus}; give another folder")
    seed_folders = {os.path.dirname(seed) for seed in map(str, seeds)}  # a few, for many seeds
    for seed_folder in sorted(seed_folders):
        if _within(os.path.realpath(seed_folder or "."), folder):
            raise DestinationError(
                f"{option} {path}: holds seeds ({seed_folder}); the build replaces the whole folder: "
                "give another folder"
            )
    if path.is_dir():
        others = sorted(_not_reports(path))
        if others:
            named = ", ".join(others[:SHOWN]) + (
                f" and {len(others) - SHOWN} more" if len(others) > SHOWN else ""
            )
            raise DestinationError(
                f"{option} {path}: holds files that are not reports ({named}); the build replaces "
                "the whole folder: give another folder, or empty this one"
            )


def _within(inner: str, outer: str) -> bool:
    """Whether the path `inner` is `outer` or lies under it (both resolved).

    >>> _within("/a/b/c", "/a/b"), _within("/a/b", "/a/b"), _within("/a/bc", "/a/b")
    (True, True, False)
    """
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def _not_reports(folder: Path) -> Iterable[str]:
    """Entries of a reports folder that a build would delete but did not write: all but
    `*.json` files and files whose names start with a dot (left by the system)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield entry.name + "/"
            elif entry.name.startswith("."):
                continue
            elif not entry.name.endswith(".json"):
                yield entry.name
