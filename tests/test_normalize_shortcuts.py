"""The shortcuts of the text path give exactly what the plain definitions give.

Each shortcut here replaces a slower computation whose result is easy to state; the tests
compare the two on generated input, edge cases included.
"""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit import ftfy_gate
from corpuskit.decode import decode, utf8_of
from corpuskit.ftfy_gate import _COMPOSING_STARTERS, _LISTED_UNICODE, _normalized
from corpuskit.normalize import _common_length, _fix_line, _minimal_fix, fix_line, normalize

# Few distinct characters, of every width a str can hold (1, 2 and 4 bytes, a surrogate),
# so generated strings share long stretches and differ in single characters.
CHARS = st.sampled_from(["a", "b", " ", "\u00e9", "\u00a0", "\u2019", "\U0001f600", "\ud800"])
SHORT = st.text(alphabet=CHARS, max_size=12)


def _naive_common(a: str, b: str, limit: int, from_end: bool) -> int:
    n = 0
    while n < limit and (a[len(a) - 1 - n] == b[len(b) - 1 - n] if from_end else a[n] == b[n]):
        n += 1
    return n


@st.composite
def related_pairs(draw) -> tuple[str, str]:
    """Two strings built from a shared start and end around different middles."""
    head, tail = draw(SHORT), draw(SHORT)
    return head + draw(SHORT) + tail, head + draw(SHORT) + tail


@settings(max_examples=500, deadline=None)
@given(related_pairs(), st.data())
def test_common_length_is_the_naive_count(pair, data):
    a, b = pair
    limit = data.draw(st.integers(0, min(len(a), len(b))))
    for from_end in (False, True):
        assert _common_length(a, b, limit, from_end) == _naive_common(a, b, limit, from_end)
        assert _common_length(b, a, limit, from_end) == _naive_common(b, a, limit, from_end)


def test_common_length_on_long_strings():
    base = "x" * 700 + "\u00e9" + "y" * 300
    for at in (0, 1, 350, 699, 700, 701, 1000):
        other = base[:at] + "Z" + base[at + 1 :]
        assert _common_length(base, other, len(base), False) == at
        assert _common_length(base, other, len(base), True) == len(base) - 1 - at
    assert _common_length(base, base + "!", len(base), False) == len(base)


@settings(max_examples=300, deadline=None)
@given(related_pairs())
def test_minimal_fix_records_only_what_changed(pair):
    before, after = pair
    fix = _minimal_fix(1, 0, before, after, ["x"])
    prefix = fix.start
    assert before[:prefix] + fix.fixed + before[prefix + len(fix.original) :] == after
    assert before[:prefix] + fix.original + after[fix.end :] == before
    shared = min(len(before), len(after))
    assert prefix == _naive_common(before, after, shared, False)
    assert len(before) - prefix - len(fix.original) == _naive_common(before, after, shared - prefix, True)


# Characters around every way a text can fail to be normalized: combining marks that
# compose with an ASCII letter or sign before them, starters that compose with the starter
# before them (Hangul, Indic vowel signs), marks out of order, characters with a singleton,
# excluded or compatibility decomposition; and plain ones.
NORMALIZATION_CHARS = [
    *"ae=<> .?",
    *"\u0301\u0338\u0323\u0316\u05b0",  # marks: acute, long solidus, dot below, grave below, sheva
    *"\u1100\u1161\u11a8\uac00",  # Hangul: leading, vowel, final, syllable
    *"\u0b47\u0b3e\u0dd9\u0dcf\u1025\u102e",  # Oriya, Sinhala and Myanmar vowel signs that compose
    *"\u212b\u0958\u0344\ufb01\u00bd\u2126",  # angstrom, excluded, two-mark, ligature, half, ohm
    *"\u00e9\u00c5\u2019\u201c\u4e2d\U0001f600\u0416",  # plain
]
PADDING = "plain ascii words " * 12


def _non_ascii(text: str) -> str:
    return "".join(ch for ch in text if not ch.isascii())


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(NORMALIZATION_CHARS), max_size=10),
    st.sampled_from(["NFC", "NFKC", "NFD", "NFKD"]),
)
def test_normal_form_shortcut_is_the_full_check(text, form):
    for whole in (text, PADDING + text, text + PADDING, PADDING + text + PADDING):
        assert _normalized(form, whole, _non_ascii(whole)) == unicodedata.is_normalized(form, whole), (
            form,
            whole,
        )


def test_every_composing_starter_is_listed():
    """The starters that take the second place of a canonical composition, from the
    decompositions of the running Unicode version, are all in the list."""
    if unicodedata.unidata_version not in _LISTED_UNICODE:
        pytest.skip(f"Unicode {unicodedata.unidata_version} is not listed: every text gets the full check")
    second = set()
    for point in range(0x110000):
        parts = unicodedata.decomposition(chr(point)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second.add(chr(int(parts[1], 16)))
    starters = {ch for ch in second if not unicodedata.combining(ch)}
    assert len(starters) > 20 and starters <= _COMPOSING_STARTERS
    hangul = {chr(point) for point in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}  # vowels, finals
    assert hangul <= _COMPOSING_STARTERS


@pytest.mark.parametrize(
    "pair", ["\u1100\u1161", "\uac00\u11a8", "\u0b47\u0b3e", "\u0dd9\u0dcf", "\u1025\u102e"]
)
def test_starters_that_compose_are_caught(pair):
    for form in ("NFC", "NFKC"):
        assert not unicodedata.is_normalized(form, pair)
        assert not _normalized(form, PADDING + pair, pair)
    assert _normalized("NFD", PADDING + pair[1], pair[1])


def test_under_another_unicode_version_every_text_gets_the_full_check(monkeypatch):
    text = PADDING + "=\u0338"
    assert not _normalized("NFC", text, "\u0338")
    monkeypatch.setattr(unicodedata, "unidata_version", "99.0.0")
    monkeypatch.setattr(ftfy_gate, "_COMPOSING_STARTERS", frozenset())
    assert not _normalized("NFC", PADDING + "\u0b47\u0b3e", "\u0b47\u0b3e")


# Lines of words, odd spaces and every kind of whitespace `str.rstrip` removes, some of
# which send the line to ftfy (controls, line separators), and tags.
LINE_CHARS = [
    "a",
    "b",
    "é",
    " ",
    "\t",
    "\x0c",
    "\xa0",
    "\u2009",
    "\u3000",
    "\x85",
    "\u2028",
    "\x1c",
    "<b>",
    "&amp;",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINE_CHARS), max_size=12), st.booleans())
def test_shared_ends_known_from_the_repair_are_the_counted_ones(pieces, strip_tags):
    line = "".join(pieces)
    fixed, steps, shared = _fix_line(line, strip_tags)
    assert (fixed, steps) == fix_line(line, strip_tags)
    if shared is not None:
        same = min(len(line), len(fixed))
        prefix = _naive_common(line, fixed, same, False)
        assert shared == (prefix, _naive_common(line, fixed, same - prefix, True)), line


def test_shared_ends_are_known_for_the_common_repairs():
    assert _fix_line("one\u00a0space", False)[2] == (3, 5)
    assert _fix_line("cut  ", False)[2] == (3, 0)
    assert _fix_line("both\u00a0and  ", False)[2] == (4, 0)
    assert _fix_line("two\u00a0odd\u00a0spaces", False)[2] is None  # left to the search


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*LINE_CHARS, "Ã©", "\u00e9?", "\r\n", "\n", "\r", "\ud800", "ﬁ", "x" * 30]),
        max_size=14,
    )
)
def test_normalize_given_the_utf8_is_normalize(pieces):
    text = "".join(pieces)
    given = normalize(text, utf8=text.encode("utf-8", "surrogatepass"))
    alone = normalize(text)
    assert (given.text, given.fixes, given.newline, given.newline_changes) == (
        alone.text,
        alone.fixes,
        alone.newline,
        alone.newline_changes,
    )


def test_utf8_is_handed_on_only_when_it_is_the_texts():
    for raw in [b"caf\xc3\xa9", b"plain"]:
        assert utf8_of(raw, decode(raw).decoding) is raw
    for raw in [codecs.BOM_UTF8 + b"caf\xc3\xa9", b"caf\xe9", "café".encode("utf-16")]:
        assert utf8_of(raw, decode(raw).decoding) is None
