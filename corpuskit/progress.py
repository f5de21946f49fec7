"""A progress bar on standard error for long runs, and silence everywhere else.

It shows only when standard error is a terminal, not under pre-commit (`PRE_COMMIT`),
not in CI (`CI`), and not when `CORPUSKIT_NO_PROGRESS` is set; it appears once a run
has taken `DELAY` seconds, so short runs print nothing, and erases itself at the end.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

DELAY = 0.5
INTERVAL = 0.1
WIDTH = 30


def wanted(stream: TextIO | None = None, environ: dict | None = None) -> bool:
    """Whether a bar may be drawn on `stream` (standard error by default).

    >>> import io
    >>> wanted(io.StringIO(), {})
    False
    """
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    if any(environ.get(name) for name in ("CI", "PRE_COMMIT", "CORPUSKIT_NO_PROGRESS")):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render(done: int, total: int, elapsed: float, label: str) -> str:
    """One frame of the bar.

    >>> render(50, 200, 2.0, "cleaning")
    '\\rcleaning [#######.......................]  50/200 seeds  2.0 s'
    """
    filled = WIDTH * done // total if total else WIDTH
    bar = "#" * filled + "." * (WIDTH - filled)
    width = len(str(total))
    return f"\r{label} [{bar}] {done:>{width}}/{total} seeds {elapsed:4.1f} s"


def track(
    items: Iterable[T],
    total: int,
    label: str = "cleaning",
    stream: TextIO | None = None,
    environ: dict | None = None,
    clock=time.monotonic,
) -> Iterator[T]:
    """Yield `items`, drawing a bar on `stream` when `wanted` says so."""
    stream = stream if stream is not None else sys.stderr
    if not wanted(stream, environ):
        yield from items
        return
    start = last = clock()
    drawn = 0
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            now = clock()
            if now - start >= DELAY and now - last >= INTERVAL:
                frame = render(done, total, now - start, label)
                stream.write(frame)
                stream.flush()
                drawn = len(frame)
                last = now
    finally:
        if drawn:
            stream.write("\r" + " " * (drawn - 1) + "\r")
            stream.flush()
