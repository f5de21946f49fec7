"""A small bounded memo for pure functions of text.

Block rules run in passes and ask the same questions about the same lines again; a memo
answers the repeats. It forgets everything once it holds `size` answers, so memory stays
flat over any corpus, and it only ever returns what the function returned for the same
arguments, so results are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

F = TypeVar("F", bound=Callable)
_MISSING = object()


def memo(size: int = 4096) -> Callable[[F], F]:
    """Memoize a function of hashable positional arguments (immutable results only).

    >>> calls = []
    >>> @memo(size=2)
    ... def double(x):
    ...     calls.append(x)
    ...     return 2 * x
    >>> double(1), double(1), double(2), double(3), double(1), calls
    (2, 2, 4, 6, 2, [1, 2, 3, 1])
    """

    def decorate(func: F) -> F:
        answers: dict = {}

        @wraps(func)
        def wrapper(*args, **kwargs):
            if kwargs:
                return func(*args, **kwargs)
            value = answers.get(args, _MISSING)
            if value is _MISSING:
                value = func(*args)
                if len(answers) >= size:
                    answers.clear()
                answers[args] = value
            return value

        wrapper.cache_clear = answers.clear  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
