"""Bytes to text: byte-order mark, then strict UTF-8, then a detected charset.

Decoding is always exact and reversible: the chosen codec encodes the text back to the
same bytes, which the reconstruction test relies on.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from corpuskit.models import Decoding

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
    try:
        return Decoded(raw.decode("utf-8"), Decoding(encoding="utf-8"))
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw[:4096] and _looks_like_utf16(raw):
        codec = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        try:
            return Decoded(raw.decode(codec), Decoding(encoding=codec, detected=True))
        except UnicodeDecodeError:
            pass
    return _detect(raw)


def utf8_of(raw: bytes, decoding: Decoding) -> bytes | None:
    """`raw` when it is exactly the UTF-8 of the text decoded from it (UTF-8 without a
    byte-order mark), else None: `corpuskit.normalize.normalize` then need not encode the
    text again.

    >>> [utf8_of(raw, decode(raw).decoding) for raw in (b"caf\\xc3\\xa9", b"caf\\xe9")]
    [b'caf\\xc3\\xa9', None]
    """
    return raw if decoding.encoding == "utf-8" and not decoding.bom else None


def _looks_like_utf16(raw: bytes) -> bool:
    """Half the bytes of ASCII-heavy UTF-16 are NUL, all on one side."""
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 4 and min(even, odd) < len(sample) // 64 + 1


_MULTIBYTE_MIN_HIGH_BYTES = 16


def _detect(raw: bytes) -> Decoded:
    """Ask charset-normalizer, keep the first guess that decodes to the same bytes again,
    and refuse binary data. Multi-byte East Asian guesses need enough non-ASCII bytes to
    be believed; a few stray high bytes are far more often a Western single-byte file."""
    from charset_normalizer import from_bytes

    high = sum(b >= 0x80 for b in raw)
    if high < _MULTIBYTE_MIN_HIGH_BYTES:
        western = _plausible_cp1252(raw)
        if western is not None:
            return Decoded(western, Decoding(encoding="cp1252", detected=True, confidence=None))
    for match in from_bytes(raw):
        codec = codecs.lookup(match.encoding).name
        if high < _MULTIBYTE_MIN_HIGH_BYTES and not _single_byte(codec):
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.encode(codec) == raw:
            _refuse_binary(text)
            confidence = round(1.0 - float(match.chaos), 3)
            return Decoded(text, Decoding(encoding=codec, detected=True, confidence=confidence))
    for codec in ("cp1252", "latin-1"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        _refuse_binary(text)
        return Decoded(text, Decoding(encoding=codec, detected=True, confidence=0.0))
    raise DecodeError("not text: no character encoding fits these bytes")  # pragma: no cover


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
    _refuse_binary(text)
    return text


def _is_latin_letter(ch: str) -> bool:
    import unicodedata

    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _single_byte(codec: str) -> bool:
    return len("é€ж".encode(codec, "replace")) == 3 if codec not in ("utf_16", "utf_32") else False


def _refuse_binary(text: str) -> None:
    """Text has few control characters; binary data decoded as a charset has many."""
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or "\x7f" <= ch <= "\x9f")
    if controls > max(2, len(text) // 20):
        raise DecodeError(f"binary data, not text ({controls} control characters)")


def encode(text: str, decoding: Decoding) -> bytes:
    """The inverse of `decode`: the original bytes from the decoded text."""
    bom = dict((codec, bom) for bom, codec in _BOMS)[decoding.encoding] if decoding.bom else b""
    return bom + text.encode(decoding.encoding)
