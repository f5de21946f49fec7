"""`Gate.is_bad` is `ftfy.badness.is_bad`: searching ftfy's badness pattern only around
its key characters finds a match exactly when searching the whole text does.

Every alternative of ftfy's pattern is sampled (a random string it matches, read from the
parsed pattern) and put at every kind of place in a longer text: at the start, at the end,
next to other keys, far from them; generated and real text without a match are checked too.
"""

from __future__ import annotations

import random
import re

import pytest
from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.ftfy_gate import Gate, _badness_keys, char_class, default_gate
from corpuskit.ftfy_settings import ftfy_config

try:
    from re import _compiler as sre_compiler
    from re import _constants as sre
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as sre_compiler  # type: ignore[no-redef]
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as sre_parser  # type: ignore[no-redef]

GATE = default_gate()


@pytest.fixture(autouse=True)
def _windows_from_the_first_call(monkeypatch):
    """Gates search whole texts for their first calls; these tests check the windows."""
    monkeypatch.setattr("corpuskit.ftfy_gate._WHOLE_SEARCHES_FIRST", 0)


TREE = sre_parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
# Characters to draw from: every character the pattern names, ASCII, and a few others.
POOL = sorted(set(BADNESS_RE.pattern) | set(map(chr, range(32, 127))) | set("\t\xa0éжß\u3000\u2028"))


def _members(item) -> list[str]:
    """The characters of POOL that one item of the parsed pattern matches."""
    single = sre_compiler.compile(sre_parser.SubPattern(TREE.state, [item]), BADNESS_RE.flags)
    return [ch for ch in POOL if single.fullmatch(ch)]


def _alternatives() -> list[list[tuple[int, int, list[str]]]]:
    """Each alternative of the pattern as items (fewest, most, characters)."""
    (op, (_, alternatives)), *rest = list(TREE)
    assert op is sre.BRANCH and not rest
    out = []
    for alternative in alternatives:
        items = []
        for op, av in alternative:
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                items.append((av[0], av[1], _members(next(iter(av[2])))))
            elif op is sre.AT:
                items.append((0, 0, []))
            else:
                items.append((1, 1, _members((op, av))))
        out.append(items)
    return out


ALTERNATIVES = _alternatives()
KEYS = re.compile(f"[{GATE._badness_keys[0]}]")
# Context: ASCII, and non-ASCII characters that are not keys
FILLER = [ch for ch in POOL if not KEYS.match(ch)]


def _sample(items, rnd: random.Random) -> str:
    return "".join(rnd.choice(chars) for low, high, chars in items for _ in range(rnd.randint(low, high)))


def _texts(seed: int, count: int):
    """Matches of every alternative, alone and in context of every length."""
    rnd = random.Random(seed)
    for _ in range(count):
        for items in ALTERNATIVES:
            match = _sample(items, rnd)
            left = "".join(rnd.choice(FILLER) for _ in range(rnd.choice([0, 1, 2, 3, 7, 40])))
            right = "".join(rnd.choice(FILLER) for _ in range(rnd.choice([0, 1, 2, 3, 7, 40])))
            yield match
            yield left + match + right
            yield left + match
            yield match + right


def _agree(gate: Gate, text: str) -> None:
    assert gate.is_bad(text) == is_bad(text), text


def test_every_alternative_is_found_wherever_it_stands():
    texts = list(_texts(0, 60))
    assert all(is_bad(_sample(items, random.Random(3))) for items in ALTERNATIVES)
    assert sum(map(is_bad, texts)) > 0.95 * len(texts)  # a "^" alternative needs the start
    for text in texts:
        _agree(GATE, text)


def test_texts_without_a_match_are_not_bad():
    rnd = random.Random(1)
    pool = [*POOL, "\n"]
    clean = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 60)))
        clean += not is_bad(text)
        _agree(GATE, text)
    assert clean > 300


LIKELY = st.text(alphabet=st.sampled_from(POOL), max_size=40)


@settings(max_examples=400, deadline=None)
@given(LIKELY, st.sampled_from(["", "plain words ", "x" * 30, "é" * 9, "a\u00a0b "]))
def test_generated_text_agrees_with_ftfy(text, pad):
    _agree(GATE, text)
    _agree(GATE, pad + text + pad)


def test_real_mojibake_and_clean_text_agree_with_ftfy():
    clean = [
        "The café’s “special” costs €5 — naïve, isn’t it? " * 4,
        "Съешь же ещё этих мягких французских булок, да выпей чаю — «ёлка». В Москве и С.",
        "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία — Αθήνα, Ελλάδα. ≤ ≥ ≠ ∞ √ ∑ π ± × ÷ µ ° ‰ † ‡ •",
        "Blåbærsyltetøy og rødgrøt på Ørsta; Æsøy. Árvíztűrő tükörfúrógép, őszintén szólva.",
    ]
    for text in clean:
        for encoding in ["cp1252", "latin-1", "cp1251", "mac_roman", "cp437", "cp1253", "cp1257"]:
            broken = text.encode("utf-8").decode(encoding, errors="replace")
            for line in (text, broken, "x " * 50 + broken, text + broken[:9], broken[-7:] + text):
                _agree(GATE, line)


@pytest.mark.parametrize("shrink", ["before", "after", "keys"])
def test_a_narrower_window_would_be_caught(shrink):
    """The tests above fail for a gate whose windows are too narrow or whose keys miss a
    character. (The reach after a key read from the pattern may be more than needed:
    "ГўВЂВ.x" reaches 6 after its key Г, but В is a key too.)"""
    keys, before, after = _badness_keys(BADNESS_RE)
    gate = Gate.from_spec(default_gate().spec())
    if shrink == "before":
        gate._badness_keys = (keys, before - 1, after)
    elif shrink == "after":
        gate._badness_keys = (keys, before, 1)
    else:
        fewer = [chr(c) for c in range(0x10000) if KEYS.match(chr(c)) and c != 0x9F]
        gate._badness_keys = (char_class(fewer), before, after)
    with pytest.raises(AssertionError):
        for text in _texts(0, 60):
            _agree(gate, text)


def test_reach_is_read_from_the_pattern():
    assert _badness_keys(re.compile("[a-z]\\s?[ÃÂ] |ÃŠ|^x[€™]")) == ("ÂÃ€™", 2, 1)
    assert _badness_keys(re.compile("ab[ÿ]cd|é")) == ("éÿ", 2, 2)
    for unbounded in ["(?<=a)é", "é$", "[a-z]+é", "é\\b", "(é)", "é|a", "[^a]é"]:
        assert _badness_keys(re.compile(unbounded)) is None, unbounded
    assert _badness_keys(re.compile("é", re.IGNORECASE)) is None


def test_a_gate_without_keys_searches_the_whole_text():
    gate = Gate.from_spec({**default_gate().spec(), "badness_keys": None})
    for text in list(_texts(2, 3))[:200]:
        _agree(gate, text)
    assert not gate.is_bad("plain text") and gate.is_bad("x doesnâ€™t")


def test_gate_config_keys_come_from_ftfy():
    assert Gate(ftfy_config())._badness_keys == _badness_keys(BADNESS_RE) == GATE._badness_keys


def test_first_calls_search_whole_texts_then_windows(monkeypatch):
    monkeypatch.setattr("corpuskit.ftfy_gate._WHOLE_SEARCHES_FIRST", 3)
    gate = Gate.from_spec(default_gate().spec())
    texts = ["plain", "x doesnâ€™t", "Ã©", "caf\u00e9", "x " * 40 + "Ã©"]
    answers = [gate.is_bad(text) for text in texts]
    assert answers == [is_bad(text) for text in texts] == [False, True, True, False, True]
    assert gate._badness_cluster is not None and gate._badness_calls == 4
