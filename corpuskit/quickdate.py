"""Plain dates read without dateparser: its first call in a process compiles hundreds of
regular expressions (about a quarter of a second), which a one-seed check cannot afford.

Only forms with one reading are taken here, and each gives exactly what dateparser gives
(a test compares them); anything else returns None and goes to dateparser:
ISO dates (2024-03-01), day.month.year (01.03.2024), and English month names
(Mar 1, 2024 / 1 March 2024) when the document is English or of unknown language.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})")


def quick_date(text: str, language: str | None = None) -> dt.datetime | None:
    """A date in one of the plain forms, as dateparser would return it (midnight, no
    zone), or None.

    >>> [str(quick_date(s)) for s in ("2024-03-01", "Jun 24, 2025", "23 Nov 2023")]
    ['2024-03-01 00:00:00', '2025-06-24 00:00:00', '2023-11-23 00:00:00']
    >>> quick_date("23 Nov 2023", "fr") is None, quick_date("Jan.07 - 2024 12:58 PM CET") is None
    (True, True)
    """
    text = text.strip()
    parts: tuple[int, int, int] | None = None
    if match := _ISO.fullmatch(text):
        parts = int(match[1]), int(match[2]), int(match[3])
    elif match := _DOTTED.fullmatch(text):
        parts = int(match[3]), int(match[2]), int(match[1])
    elif language in (None, "en"):
        if match := _MONTH_DAY_YEAR.fullmatch(text):
            month, day, year = match[1], match[2], match[3]
        elif match := _DAY_MONTH_YEAR.fullmatch(text):
            day, month, year = match[1], match[2], match[3]
        else:
            return None
        number = _MONTHS.get(month.lower())
        if number is None:
            return None
        parts = int(year), number, int(day)
    if parts is None:
        return None
    try:
        return dt.datetime(*parts)
    except ValueError:
        return None
