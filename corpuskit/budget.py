"""A time budget per document: a seed that takes too long is reported, not waited for."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class OverBudget(Exception):
    """Cleaning one document took longer than its budget."""


@contextmanager
def time_budget(seconds: float):
    """Raise `OverBudget` in the block once `seconds` of wall time have passed.

    Works where a real-time timer can interrupt the running code (the main thread of a
    process on Unix); elsewhere the block runs unbounded. ``seconds <= 0`` disables it.

    >>> with time_budget(5):
    ...     sum(range(10))
    45
    """
    in_main_thread = threading.current_thread() is threading.main_thread()
    usable = seconds > 0 and hasattr(signal, "setitimer") and in_main_thread
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise OverBudget(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
