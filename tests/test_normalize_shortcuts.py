"""The shortcuts of the text path give exactly what the plain definitions give.

Each shortcut here replaces a slower computation whose result is easy to state; the tests
compare the two on generated input, edge cases included.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.normalize import _common_length, _minimal_fix

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
