"""UTF-16 without a byte-order mark: whether bytes are such text, and in which byte order.

Text in UTF-16 has a side of high bytes: ASCII and Latin-1 characters put NUL there, and
a script keeps to a few 256-character pages, so the high bytes repeat few values while
the low bytes vary. Read in the right order, the text is letters, marks, digits,
punctuation and spaces; read the wrong way round, or read from a single-byte file (two
ASCII letters make one CJK ideograph), it holds unassigned and private-use characters,
control and format characters, or unpaired surrogates, which no strict decoder accepts.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

_SAMPLE = 1 << 14
"""Characters (and twice as many bytes) judged: enough to be sure, cheap on a large seed."""

_BAD = frozenset(("Cc", "Cn", "Co", "Cs", "Cf"))
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
"""Controls and format characters real text holds: whitespace, soft hyphen, zero-width
characters, direction marks."""

_MAX_BAD_SHARE = 50
"""At most one character in this many may be one text never holds."""

_NOT_HIGH_BYTE_VALUES = b"\t\n\r" + bytes(range(0x20, 0x100))
"""Bytes deleted to see whether a sample holds one of the values below 0x20 that the high
bytes of UTF-16 text take; tab and line breaks fill the high side only with other such
values around them (a page of 0x09, 0x0A or 0x0D)."""

_MAX_ASCII_PAIRS = 0.75
"""A larger share of code units made of two printable ASCII bytes is a single-byte file
(mostly ASCII text) read two bytes at a time."""


def byte_order(raw: bytes) -> str | None:
    """The codec of UTF-16 text whose high bytes are on one side of `raw` (odd offsets:
    little-endian, even: big-endian), or None. A side holds the high bytes when NUL (ASCII
    and Latin-1 characters) is in at least one code unit in sixteen, or one other value
    below 0x20 (an alphabet's page: 0x04 Cyrillic, 0x0E Thai) in half of them, and that
    value (nearly) never on the other side, and few code units are two printable ASCII
    bytes. Such text can be valid UTF-8 too; a UTF-8 or single-byte file with a stray NUL
    or control byte is not read this way.

    >>> byte_order("Grüße".encode("utf-16-le")), byte_order("Grüße".encode("utf-16-be"))
    ('utf-16-le', 'utf-16-be')
    """
    sample = raw[: 2 * _SAMPLE]
    if not sample.translate(None, _NOT_HIGH_BYTE_VALUES):
        return None  # no byte below 0x20 but tab and line breaks: a plain text file (one C pass)
    units = len(sample) // 2
    sides = (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2]))
    for value in range(0x20):
        for codec, side, other in sides:
            count = side.count(value)
            need = max(1, units // 16) if value == 0 else max(1, units // 2)
            if count >= need and other.count(value) <= count // 8:
                return codec if _ascii_pairs(sample) <= _MAX_ASCII_PAIRS else None
    return None


def read_utf16(raw: bytes, orders: tuple[str, ...] = ("utf-16-le", "utf-16-be")) -> tuple[str, str] | None:
    """(codec, text) when `raw` reads as UTF-16 text without a byte-order mark in one of
    the byte `orders` (when both do, the one whose characters keep to fewer pages and
    scripts); None when none does.

    >>> read_utf16("Grüße aus Zürich".encode("utf-16-be"))
    ('utf-16-be', 'Grüße aus Zürich')
    >>> read_utf16(b"caf\\xe9 cr\\xe8me") is None
    True
    """
    if len(raw) < 2 or len(raw) % 2:
        return None
    readings = []
    for codec in orders:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        bad = _bad_characters(sample)
        if bad * _MAX_BAD_SHARE <= len(sample):
            readings.append((bad, -_concentration(sample), codec, text))
    if not readings:
        return None
    _, _, codec, text = min(readings)
    return codec, text


def _ascii_pairs(sample: bytes) -> float:
    """The share of two-byte code units whose bytes are both printable ASCII."""
    units = len(sample) // 2
    pairs = sum(
        1 for a, b in zip(sample[0::2], sample[1::2], strict=False) if _printable(a) and _printable(b)
    )
    return pairs / units if units else 0.0


def _printable(byte: int) -> bool:
    """Whether `byte` is a printable ASCII character."""
    return 0x20 <= byte < 0x7F


def _bad_characters(text: str) -> int:
    """How many characters text never holds: unassigned, private-use, surrogates, and
    control and format characters other than whitespace and zero-width marks."""
    category = unicodedata.category
    return sum(n for ch, n in Counter(text).items() if ch not in _TEXT_CONTROLS and category(ch) in _BAD)


def _concentration(text: str) -> float:
    """The chance that two characters of `text` lie in the same 256-character page, plus
    the chance that they have the same first word in their Unicode names (mostly their
    script: "LATIN", "CJK", "HANGUL"): high for text read in its own byte order, low for
    the same bytes read the wrong way round, scattered over pages and scripts."""
    pages: Counter[int] = Counter()
    scripts: Counter[str] = Counter()
    for ch, n in Counter(text).items():
        pages[ord(ch) >> 8] += n
        scripts[unicodedata.name(ch, "").partition(" ")[0]] += n
    return sum(n * n for n in (*pages.values(), *scripts.values())) / (len(text) ** 2 or 1)
