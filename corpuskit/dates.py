"""A fast, strict reader for date lines: numeric dates, month names in many languages
(lexicons/month.txt), a time and a time zone.

`read_date_line` accounts for every word of the line: the date, a time, a zone, and words
from lexicons/date_filler.txt (weekdays, "at", "um", "kl."). A line it cannot fully
account for is `UNKNOWN`, and the caller may ask a slower general parser (dateparser,
which costs a second to load and warm up); a line it reads is never sent there.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from corpuskit.lexicon import read_phrases

UNKNOWN = object()  # the line holds words this reader does not know

_ZONES = {  # abbreviation -> hours east of UTC; ambiguous ones (IST, ET, PT, CT) are left out
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2, "met": 1,
    "mest": 2, "mez": 1, "mesz": 2, "eet": 2, "eest": 3, "msk": 3, "est": -5, "edt": -4,
    "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8,
    "hst": -10, "ast": -4, "adt": -3, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8,
    "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
}  # fmt: skip
_VAGUE_ZONES = frozenset({"et", "pt", "ct", "mt", "ist"})  # a zone, but which offset?

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})"
    r"(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)"
)
_YMD = re.compile(r"(?<!\d)(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d.]\d)")
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")
_TIME = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?![\d])", re.IGNORECASE
)
_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)")
_TOKEN = re.compile(r"\d+(?:st|nd|rd|th|er|º|ª|\.)?|[^\W\d_]+")


@cache
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for phrases in read_phrases("month").values():
        for phrase in phrases:
            number, *names = phrase.split()
            for name in names:
                table[name.lower()] = int(number)
    return table


@cache
def _fillers() -> frozenset[str]:
    return frozenset(
        w.lower() for group in read_phrases("date_filler").values() for p in group for w in p.split()
    )


def read_date_line(text: str, language: str | None = None):
    """A date line's date, or an aware date-time when it gives a time and a zone; None
    when it is not a full date (day, month and year); `UNKNOWN` when words remain that
    this reader does not know.

    >>> read_date_line("Jan.07 - 2024 12:58 PM CET").isoformat()
    '2024-01-07T12:58:00+01:00'
    >>> read_date_line("December 21, 2023 at 3:53PM PST").isoformat()
    '2023-12-21T15:53:00-08:00'
    >>> read_date_line("Mittwoch, 6. November 2023, 14:30 Uhr"), read_date_line("le 1er mars 2022")
    (datetime.date(2023, 11, 6), datetime.date(2022, 3, 1))
    >>> read_date_line("03/12/2023", "en"), read_date_line("03/12/2023", "fr"), read_date_line("12.03.23")
    (datetime.date(2023, 3, 12), datetime.date(2023, 12, 3), datetime.date(2023, 3, 12))
    >>> read_date_line("2023-11-23T08:15:00Z").isoformat(), read_date_line("May 2023")
    ('2023-11-23T08:15:00+00:00', None)
    >>> read_date_line("10 Best Games Of 2023") is UNKNOWN, read_date_line("31.02.2024")
    (True, None)
    """
    lowered = text.lower()
    found = _find_date(lowered, language)
    if found is None:
        return _no_date(lowered)
    day, (start, end), clock = found
    rest = lowered[:start] + " " + lowered[end:]
    if clock is None:
        clock, rest = _find_time(rest)
    else:
        rest = rest.replace(clock[2], " ", 1) if clock[2] else rest
    zone, rest = _find_zone(rest)
    words = [t.rstrip(".") for t in _TOKEN.findall(rest)]
    if any(w and not w.isdigit() and w not in _fillers() for w in words):
        return UNKNOWN
    if any(w.isdigit() for w in words):
        return None  # another number: a second date, a count, not a date line
    if day is None:
        return None
    if clock and clock[0] is not None and zone is not None and zone is not False:
        hour, minute = clock[0], clock[1]
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    return day


def _no_date(lowered: str):
    """No full date: UNKNOWN when unknown words could hide one (a month name in a
    language not listed), else None."""
    words = [t.rstrip(".") for t in _TOKEN.findall(lowered)]
    if any(not w.isdigit() and w not in _fillers() and w not in _months() and w not in _ZONES for w in words):
        return UNKNOWN
    return None


def _find_date(text: str, language: str | None):
    """(date or None when invalid, span, clock or None) of the first date in `text`."""
    match = _ISO.search(text)
    if match:
        year, month, day, hour, minute, _, zone = match.groups()
        value = _date(int(year), int(month), int(day))
        clock = None
        if hour is not None:
            clock = (int(hour), int(minute), "")
            if zone:
                text_zone = _offset(zone)
                if value is not None and text_zone is not None and int(hour) < 24 and int(minute) < 60:
                    stamp = dt.datetime(
                        value.year, value.month, value.day, int(hour), int(minute), tzinfo=text_zone
                    )
                    return stamp, match.span(), (None, None, "")
        return value, match.span(), clock
    for pattern in (_CJK, _YMD):
        match = pattern.search(text)
        if match:
            numbers = [g for g in match.groups() if g and g.isdigit()]
            year, month, day = (int(n) for n in numbers)
            return _date(year, month, day), match.span(), None
    match = _NUMERIC.search(text)
    if match:
        first, separator, second, year_text = match.groups()
        year = _full_year(year_text)
        a, b = int(first), int(second)
        if separator == "/" and language in (None, "en") and b <= 31:
            month, day = (a, b) if a <= 12 else (b, a)
        else:
            day, month = (a, b) if b <= 12 else (b, a)
        return _date(year, month, day), match.span(), None
    return _named(text)


def _named(text: str):
    """A date with a month name: one month word, one year, one day number."""
    months = _months()
    month = span = None
    for token in re.finditer(r"[^\W\d_]+\.?", text):
        name = token.group(0).rstrip(".")
        if name in months:
            if month is not None and months[name] != month:
                return None
            month, span = months[name], token.span()
    if month is None:
        return None
    year_match = re.search(r"(?<![\d:.])((?:19|20)\d\d)(?![\d:])", text)
    if not year_match:
        return None
    pieces = [span, year_match.span()]
    rest = _blank(text, pieces)
    days = [
        m
        for m in re.finditer(
            r"(?<![\d:.,])(\d{1,2})(?:st|nd|rd|th|er|º|ª|\.)?(?![\d:]|\.\d|\s*(?:[ap]\.?m\b|h\d))", rest
        )
        if 1 <= int(m.group(1)) <= 31
    ]
    if not days:
        return None
    day = days[0]
    pieces.append(day.span())
    start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
    inner = _blank(text[start:end], [(a - start, b - start) for a, b in pieces])
    if re.search(r"\d", inner):
        return None  # something else between the parts: not one date
    return _date(int(year_match.group(1)), month, int(day.group(1))), (start, end), None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _find_time(text: str):
    """((hour, minute, matched text) or None, text without it)."""
    for match in _TIME.finditer(text):
        hour, minute, _, meridiem = match.groups()
        if minute is None and meridiem is None:
            continue  # a lone number is not a time
        h, m = int(hour), int(minute or 0)
        if meridiem:
            if not 1 <= h <= 12:
                return None, text
            h = h % 12 + (12 if meridiem.startswith("p") else 0)
        if h > 23 or m > 59:
            return None, text
        return (h, m, match.group(0)), text[: match.start()] + " " + text[match.end() :]
    return None, text


def _find_zone(text: str):
    """(tzinfo, or False for a zone whose offset is unknown, or None; text without it)."""
    for token in re.finditer(r"[^\W\d_]+", text):
        word = token.group(0)
        if word in _ZONES:
            offset = _OFFSET.match(text, token.end())
            if word in ("utc", "gmt") and offset:
                return _offset(offset.group(0)), text[: token.start()] + " " + text[offset.end() :]
            zone = dt.timezone(dt.timedelta(hours=_ZONES[word]))
            return zone, text[: token.start()] + " " + text[token.end() :]
        if word in _VAGUE_ZONES:
            return False, text[: token.start()] + " " + text[token.end() :]
    match = re.search(r"(?<![\w-])[+-]\d{2}:?\d{2}(?!\d)", text)
    if match:
        return _offset(match.group(0)), text[: match.start()] + " " + text[match.end() :]
    return None, text


def _offset(text: str) -> dt.timezone | None:
    text = text.strip().lower()
    if text in ("z", "utc", "gmt"):
        return dt.timezone.utc
    match = re.fullmatch(r"(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", text)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > dt.timedelta(hours=14):
        return None
    return dt.timezone(-delta if sign == "-" else delta)


def _full_year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    short = int(text)
    return 2000 + short if short <= dt.date.today().year % 100 + 1 else 1900 + short


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
