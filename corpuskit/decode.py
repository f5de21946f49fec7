"""Bytes to text: byte-order mark, then UTF-16 by its high bytes, then strict UTF-8, then
a detected charset.

Decoding is always exact and reversible: the chosen codec encodes the text back to the
same bytes, which the reconstruction test relies on.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from corpuskit.models import Decoding
from corpuskit.utf16 import byte_order, read_utf16

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding corpuskit accepts."""


@dataclass(frozen=True)
class Decoded:
    text: str
    decoding: Decoding


def decode(raw: bytes) -> Decoded:
    """Decode seed bytes, recording how.

    >>> decode("café".encode()).decoding.encoding
    'utf-8'
    >>> d = decode("café".encode("cp1252"))
    >>> d.text, d.decoding.detected
    ('café', True)
    >>> decode(codecs.BOM_UTF8 + b"hi").decoding.bom
    True
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(codec), Decoding(encoding=codec, bom=True))
            except UnicodeDecodeError as err:
                raise DecodeError(f"byte-order mark says {codec}, but {err.reason}") from None
    order = byte_order(raw)
    utf16 = _utf16(raw, (order,), None) if order is not None else None
    if utf16 is not None:
        return utf16
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(raw)
    nuls = raw.count(0)  # one C pass: valid UTF-8 is not text yet
    if nuls >= _NULS_OF_BINARY and nuls * 10 >= len(raw):
        raise DecodeError(f"binary data, not text ({nuls} NUL bytes: UTF-32, or UTF-16 cut short?)")
    return Decoded(text, Decoding(encoding="utf-8"))


_NULS_OF_BINARY = 16
"""NUL bytes, and one byte in ten at least, that make bytes which are valid UTF-8 binary
data: text holds none, UTF-32 without a byte-order mark or UTF-16 of an odd length (which
no UTF-16 reading takes) hold NULs in every character, and a safe fix that strips them as
control characters (E001) would leave a file of letters torn from their code points."""


def utf8_of(raw: bytes, decoding: Decoding) -> bytes | None:
    """`raw` when it is exactly the UTF-8 of the text decoded from it (UTF-8 without a
    byte-order mark), else None: `corpuskit.normalize.normalize` then need not encode the
    text again.

    >>> [utf8_of(raw, decode(raw).decoding) for raw in (b"caf\\xc3\\xa9", b"caf\\xe9")]
    [b'caf\\xc3\\xa9', None]
    """
    return raw if decoding.encoding == "utf-8" and not decoding.bom else None


_MULTIBYTE_MIN_HIGH_BYTES = 16


def _detect(raw: bytes) -> Decoded:
    """Ask charset-normalizer, keep the first guess that decodes to the same bytes again
    (a UTF-16 guess: that reads as text, in the byte order that reads best), else UTF-16
    text it did not recognise, and refuse binary data. Multi-byte East Asian guesses need
    enough non-ASCII bytes to be believed; a few stray high bytes are far more often a
    Western single-byte file."""
    from charset_normalizer import from_bytes

    high = sum(b >= 0x80 for b in raw)
    if high < _MULTIBYTE_MIN_HIGH_BYTES:
        western = _plausible_cp1252(raw)
        if western is not None:
            return Decoded(western, Decoding(encoding="cp1252", detected=True, confidence=None))
    if _mostly_utf8(raw, high):
        return Decoded(raw.decode("latin-1"), Decoding(encoding="latin-1", detected=True, confidence=None))
    for match in from_bytes(raw):
        codec = codecs.lookup(match.encoding).name
        if codec.startswith("utf-16"):
            utf16 = _utf16(raw, ("utf-16-le", "utf-16-be"), round(1.0 - float(match.chaos), 3))
            if utf16 is not None:
                return utf16
            continue
        if high < _MULTIBYTE_MIN_HIGH_BYTES and not _single_byte(codec):
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.encode(codec) == raw:
            if _binary(text):
                break
            confidence = round(1.0 - float(match.chaos), 3)
            return Decoded(text, Decoding(encoding=codec, detected=True, confidence=confidence))
    utf16 = _utf16(raw, ("utf-16-le", "utf-16-be"), 0.0)
    if utf16 is not None:
        return utf16
    for codec in ("cp1252", "latin-1"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        _refuse_binary(text)
        return Decoded(text, Decoding(encoding=codec, detected=True, confidence=0.0))
    raise DecodeError("not text: no character encoding fits these bytes")  # pragma: no cover


def _mostly_utf8(raw: bytes, high: int) -> bool:
    """UTF-8 but for a few bytes of another charset (a pasted line, a stray "caf\\xe9"): at
    most one high byte in ten is outside a valid UTF-8 sequence. Such a file is read as
    Latin-1, exactly, and ftfy repairs the UTF-8 in it line by line (E001); no charset of
    its own would read both parts, and UTF-16 would read them as ideographs.

    >>> _mostly_utf8("Городской совет. ".encode() + b"caf\\xe9", 31), _mostly_utf8(b"caf\\xe9", 1)
    (True, False)
    """
    replaced = raw.decode("utf-8", "replace").count("\ufffd") - raw.count("\ufffd".encode())
    return 0 < replaced * 10 <= high


def _utf16(raw: bytes, orders: tuple[str, ...], confidence: float | None) -> Decoded | None:
    """`raw` decoded as UTF-16 without a byte-order mark in the best of `orders`, when one
    reads as text (`corpuskit.utf16.read_utf16`)."""
    reading = read_utf16(raw, orders)
    if reading is None:
        return None
    codec, text = reading
    return Decoded(text, Decoding(encoding=codec, detected=True, confidence=confidence))


def _plausible_cp1252(raw: bytes) -> str | None:
    """cp1252 text whose non-ASCII characters are all Latin letters or Western
    typography: with few high bytes, the likeliest reading of a non-UTF-8 file."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in set(text):
        if ch >= "\x80" and not (_is_latin_letter(ch) or ch in "’‘“”–—…€•«»°§©®™·´¨"):
            return None
    return None if _binary(text) else text


def _is_latin_letter(ch: str) -> bool:
    import unicodedata

    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _single_byte(codec: str) -> bool:
    return len("é€ж".encode(codec, "replace")) == 3 if codec not in ("utf_16", "utf_32") else False


def _refuse_binary(text: str) -> None:
    """Refuse binary data decoded as a charset, naming how many control characters it has."""
    if _binary(text):
        raise DecodeError(f"binary data, not text ({_controls(text)} control characters)")


def _binary(text: str) -> bool:
    """Text has few control characters; binary data decoded as a charset has many."""
    return _controls(text) > max(2, len(text) // 20)


def _controls(text: str) -> int:
    """How many control characters `text` holds, other than tabs, line breaks and form feeds."""
    return sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")


def encode(text: str, decoding: Decoding) -> bytes:
    """The inverse of `decode`: the original bytes from the decoded text."""
    bom = dict((codec, bom) for bom, codec in _BOMS)[decoding.encoding] if decoding.bom else b""
    return bom + text.encode(decoding.encoding)
