"""Outputs appear whole or not at all: written to a temporary sibling, then renamed.

The temporary sibling is private while it is written; it is given the permissions the
output had, or those a new file or folder gets (the umask's), before the rename.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def final_mode(path: Path, folder: bool = False) -> int:
    """The permissions an output written in place of `path` gets: those of the file or
    folder it replaces, else those `open` or `mkdir` would give under the umask.

    >>> import tempfile
    >>> new = Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> oct(final_mode(new)) == oct(0o666 & ~_umask())
    True
    >>> _ = new.write_text("")
    >>> new.chmod(0o640)
    >>> oct(final_mode(new))
    '0o640'
    """
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return (0o777 if folder else 0o666) & ~_umask()


def is_special(path: Path) -> bool:
    """Whether `path` is a device, a pipe or a socket: written into, never replaced.

    >>> is_special(Path("/dev/null")), is_special(Path("/no/such/file"))
    (True, False)
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextmanager
def atomic_file(path: Path):
    """Open a temporary file beside `path` for writing text; on success it replaces
    `path`, on any error it is deleted and `path` is untouched. A device or a pipe
    (`--output-file /dev/null`) is written into: replacing it would put a file in its place."""
    if is_special(path):
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_dir(path: Path):
    """Fill a temporary folder beside `path`; on success it takes the place of `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield tmp
        os.chmod(tmp, final_mode(path, folder=True))
        old = path.with_name(f".{path.name}.old-{os.getpid()}")
        if path.exists():
            os.replace(path, old)
        os.replace(tmp, path)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def atomic_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step, keeping its permissions: a reader sees the
    old content or the new, never a half-written file."""
    path = Path(path)
    mode = final_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class InterruptShield:
    """Holds back Ctrl-C from `hold()` to the end of the `with` block, then raises it: for
    switching several outputs that must change together (a corpus and its reports).

    >>> try:
    ...     with InterruptShield() as shield:
    ...         shield.hold()
    ...         signal.raise_signal(signal.SIGINT)
    ...         print("switched")
    ... except KeyboardInterrupt:
    ...     print("interrupted after the switch")
    switched
    interrupted after the switch
    """

    def __init__(self) -> None:
        self._previous = None
        self._caught = False

    def __enter__(self) -> InterruptShield:
        return self

    def hold(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._catch)

    def _catch(self, signum, frame) -> None:
        self._caught = True

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
            if self._caught and exc[0] is None:
                raise KeyboardInterrupt
