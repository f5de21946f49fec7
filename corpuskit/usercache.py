"""The user's cache folder: things a new process would otherwise rebuild at start-up.

A one-seed check pays for everything it builds before it reads the seed (unpacking
py3langid's model, the ftfy gate's patterns, the word tables of the lexicons). Each is
kept once in `$CORPUSKIT_MODEL_CACHE`, else `$XDG_CACHE_HOME/corpuskit`, else
`~/.cache/corpuskit`, under a name that changes with what it was built from, so a stale
copy is never read. Writing is atomic, and a folder that cannot be written (or a copy that
cannot be read) is no error: the thing is built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    explicit = os.environ.get("CORPUSKIT_MODEL_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "corpuskit"


def stamp(parts: Iterable[str], files: Iterable[Path | str] = ()) -> str:
    """A short digest of `parts` and of the size and time of `files`: what a cached copy
    was built from. Raises OSError when a file cannot be read.

    >>> stamp(["v1"]) == stamp(["v1"]) != stamp(["v2"])
    True
    """
    pieces = list(parts)
    for file in files:
        status = os.stat(file)
        pieces.append(f"{file}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(pieces).encode()).hexdigest()[:24]


def save(file: Path, data: bytes) -> None:
    """Write `data` to `file` atomically (a temporary sibling, then a rename); a cache
    folder that cannot be written is no error."""
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, file)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def kept(name: str, files: Iterable[Path | str], build: Callable[[], T]) -> T:
    """`build()`, or what it returned in an earlier process while `files` (the sources it
    reads, its own module among them) have not changed. The value must be made of
    what `marshal` keeps: numbers, strings, and dicts, lists, tuples, sets of them.

    >>> import tempfile
    >>> os.environ["CORPUSKIT_MODEL_CACHE"] = tempfile.mkdtemp()
    >>> calls = []
    >>> def squares():
    ...     calls.append(1)
    ...     return {n: n * n for n in range(4)}
    >>> kept("squares", [__file__], squares) == kept("squares", [__file__], squares)
    True
    >>> len(calls)  # the second process, here the second call, read the copy
    1
    >>> del os.environ["CORPUSKIT_MODEL_CACHE"]
    """
    from corpuskit import __version__

    try:
        file = cache_folder() / f"{name}-{stamp([__version__], files)}.marshal"
    except OSError:
        return build()
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return marshal.loads(file.read_bytes())
    value = build()
    save(file, marshal.dumps(value))
    return value
