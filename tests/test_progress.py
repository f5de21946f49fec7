"""The progress bar: drawn on a terminal for long runs, never under CI, pre-commit or in pipes."""

from __future__ import annotations

import io

from corpuskit.progress import track


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def ticking(step: float):
    now = [0.0]

    def clock() -> float:
        now[0] += step
        return now[0]

    return clock


def test_long_run_on_a_terminal_draws_and_erases():
    stream = Terminal()
    assert list(track(range(50), 50, "cleaning", stream=stream, environ={}, clock=ticking(0.2))) == list(
        range(50)
    )
    out = stream.getvalue()
    assert "cleaning [" in out and "50/50 seeds" in out
    assert out.endswith("\r") and out.rstrip("\r ").endswith("s")


def test_short_run_draws_nothing():
    stream = Terminal()
    list(track(range(3), 3, stream=stream, environ={}, clock=ticking(0.01)))
    assert stream.getvalue() == ""


def test_silent_in_ci_pre_commit_and_pipes():
    for environ, stream in (
        ({"CI": "true"}, Terminal()),
        ({"PRE_COMMIT": "1"}, Terminal()),
        ({}, io.StringIO()),
    ):
        assert list(track(range(20), 20, stream=stream, environ=environ, clock=ticking(1.0))) == list(
            range(20)
        )
        assert stream.getvalue() == ""
