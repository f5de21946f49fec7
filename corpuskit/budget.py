"""The budgets a seed is held to: a seed that takes too long is reported, not waited
for; a seed too large is reported, not read."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

LONGEST_TIMER = 10**8  # seconds (three years): a longer budget is no limit, and the timer cannot count it


class OverBudget(Exception):
    """Cleaning one document took longer than its budget."""


@contextmanager
def time_budget(seconds: float):
    """Raise `OverBudget` in the block once `seconds` of wall time have passed.

    Works where a real-time timer can interrupt the running code (the main thread of a
    process on Unix); elsewhere the block runs unbounded. ``seconds <= 0`` disables it, as
    does a budget over `LONGEST_TIMER` (which the system's timer may not hold).

    >>> with time_budget(5):
    ...     sum(range(10))
    45
    """
    in_main_thread = threading.current_thread() is threading.main_thread()
    usable = 0 < seconds <= LONGEST_TIMER and hasattr(signal, "setitimer") and in_main_thread
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


def max_seed_bytes(config) -> int | None:
    """`max-seed-size` (MB) of a `Config` or its snapshot, in bytes; None for no limit.

    >>> from types import SimpleNamespace
    >>> max_seed_bytes(SimpleNamespace(max_seed_size=2.5)), max_seed_bytes(SimpleNamespace(max_seed_size=0))
    (2500000, None)
    """
    return int(config.max_seed_size * 1_000_000) if config.max_seed_size else None
