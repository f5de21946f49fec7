"""The plain-date reader gives exactly what dateparser gives, or leaves the string to it."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from corpuskit import metadata
from corpuskit.quickdate import quick_date

FORMS = ("{y}-{m:02d}-{d:02d}", "{d:02d}.{m:02d}.{y}", "{d}.{m}.{y}", "{mon} {d}, {y}", "{d} {month} {y}")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]  # fmt: skip


def samples(count: int = 60) -> list[str]:
    rng = random.Random(7)
    out = []
    for _ in range(count):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        form = rng.choice(FORMS)
        out.append(
            form.format(
                y=day.year,
                m=day.month,
                d=day.day,
                mon=MONTHS[day.month - 1],
                month=MONTH_NAMES[day.month - 1],
            )
        )
    return out


def dateparser_only(text: str, language: str | None, monkeypatch) -> dt.datetime | None:
    with monkeypatch.context() as patch:
        patch.setattr("corpuskit.quickdate.quick_date", lambda *_: None)
        return metadata._dateparser_parse(text, language)


@pytest.mark.parametrize("language", [None, "en", "no", "de"])
def test_same_answer_as_dateparser(language, monkeypatch):
    taken = 0
    for text in samples(25):
        quick = quick_date(text, language)
        if quick is not None:
            taken += 1
            assert quick == dateparser_only(text, language, monkeypatch), text
    assert taken >= 10


def test_impossible_and_other_forms_are_left_to_dateparser():
    assert quick_date("31.02.2023") is None
    assert quick_date("Foo 3, 2023") is None
    assert quick_date("3 mars 2023", "fr") is None
    assert quick_date("Published 2023-03-01") is None
