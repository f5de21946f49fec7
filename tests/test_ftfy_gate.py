"""The ftfy gate is exact: skipping ftfy where the gate says it cannot change a line gives
the same output as running ftfy on every line with the same settings.

Checked on real mojibake made here from known text in many languages and encodings, on
generated text (hypothesis), and through `normalize`, whose whole-text fast path must
agree with the line-by-line definition that runs ftfy everywhere.
"""

from __future__ import annotations

import contextlib
import itertools
import re

import ftfy
import pytest
from ftfy import chardata, fixes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuskit.normalize as normalize_module
from corpuskit.ftfy_gate import (
    _ANY_SEQUENCE,
    _LOSSY_REPAIRED,
    _SPACE_REPAIRED,
    Gate,
    GateError,
    char_class,
    check_ftfy_tables,
    default_gate,
)
from corpuskit.ftfy_run import _encoding_step, fix_and_explain, triggers
from corpuskit.ftfy_settings import ftfy_config
from corpuskit.normalize import normalize, normalize_lines

CONFIG = ftfy_config()
GATE = default_gate()

KNOWN = [
    "The café’s “special” costs €5 — naïve, isn’t it?",
    "À l’été, les élèves ont lu « Les Misérables » à Noël ; déjà‑vu ?",
    "Größere Straßen führen über die Brücke. Fuß gänger, weiß 100 °C.",
    "¿Dónde está el niño? ¡Mañana será otro día! Año 2024.",
    "Não há razão para ações; São Paulo é a maior cidade à noite.",
    "Perché è così difficile? Però la città è bella — Più tardi.",
    "Zażółć gęślą jaźń; pół roku w Łodzi, Świętokrzyskie.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy. Ťuk!",
    "Árvíztűrő tükörfúrógép, őszintén szólva.",
    "Știință și învățământ în România, Brașov.",
    "Şişli'de ığdır ve Çağlayan; İstanbul güzel.",
    "Ąžuolas, čiuožykla, ėjo, įėjimas, ūsai, Šiauliai.",
    "Ģimene, ķēde, ļoti, ņemt, ūdens, Rīga.",
    "Blåbærsyltetøy og rødgrøt på Ørsta; Æsøy.",
    "Räksmörgås åt vi på ön. Hyvää päivää, äiti ja öljyä.",
    "Þórður og Ægir fóru í bæinn.",
    "Съешь же ещё этих мягких французских булок, да выпей чаю — «ёлка».",
    "В Москве и Санкт-Петербурге. О чём речь? Р 100.",
    "Гей, хлопці, вставайте! Їжак і ґанок, Київ, Україна.",
    "Ъгъл, щастие и юнашки песни в София.",
    "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία — Αθήνα, Ελλάδα.",
    "שלום עולם, مرحبا بالعالم",
    "你好，世界。こんにちは世界。안녕하세요. नमस्ते दुनिया",
    "Party 🎉 time 👍🏽 now ✓",
    "≤ ≥ ≠ ∞ √ ∑ π ± × ÷ µ ° ‰ † ‡ • … ™ © ® ¶ § ½ ¼",
    "Ställ dig här, Åsa! Ørjan såg Ærø.",
]
ENCODINGS = [
    "cp1252",
    "latin-1",
    "cp1250",
    "cp1251",
    "mac_roman",
    "cp437",
    "iso-8859-2",
    "cp1253",
    "cp1254",
    "cp1257",
    "sloppy-windows-1252",
    "sloppy-windows-1251",
    "sloppy-windows-1250",
]
SPECIAL = [
    "caf&eacute; &amp; &#233; P&EACUTE;REZ &bogus; &#x41;",
    "<b>&amp;</b> stays",
    "AT&T and Q&A",
    "\x1b[31mred\x1b[0m",
    "bell\x07 and nul\x00 and del\x7f",
    "C1 \x80\x93quoted\x94 \x85",
    "ﬁnance ﬂow ﬀ ĳ",
    "lone \ud800 surrogate \udc00",
    "e\u0301 decomposed, A\u030a",
    "\ufeffbom and \u200b zero width \u2060",
    "\ufffd replacement",
    "Ã  la carte; Ã© Ã¨",
    "â€œquotedâ€\ufffd",
    "doesn?t it? caf?",
    "fÃ cil",
]


def _mojibake(text: str) -> list[str]:
    out = []
    for encoding in ENCODINGS:
        broken = text.encode("utf-8").decode(encoding, errors="replace")
        out += [broken, broken.replace("\xa0", " "), broken.replace("\ufffd", "?")]
        half = len(text) // 2
        out.append(text[:half] + broken[half : half + 12] + text[half:])
        with contextlib.suppress(UnicodeEncodeError):
            out.append(broken.encode("utf-8").decode(encoding, errors="replace"))  # twice
    return out


REAL_MOJIBAKE = [m for text in KNOWN for m in _mojibake(text)]
LINES = KNOWN + SPECIAL + REAL_MOJIBAKE


def ftfy_leaves_alone(line: str) -> bool:
    fixed, steps = ftfy.fix_and_explain(line, config=CONFIG)
    return fixed == line and not steps


def assert_exact(line: str) -> None:
    if not GATE.might_change(line):
        assert ftfy_leaves_alone(line), f"gate skipped a line ftfy changes: {line!r}"


def test_gate_is_exact_on_real_mojibake():
    changed = 0
    for line in LINES:
        assert_exact(line)
        changed += not ftfy_leaves_alone(line)
    assert changed > len(REAL_MOJIBAKE) // 2  # the corpus really is broken


def test_gate_lets_clean_text_through():
    """The point of the gate: clean text in every script skips ftfy."""
    assert [line for line in KNOWN if GATE.might_change(line)] == []
    assert not GATE.might_change("AT&T and Q&A") and not GATE.might_change("doesn?t it? caf?")
    assert [GATE.might_change(line) for line in ("caf&eacute;", "\x1b[0m", "ﬁn", "Ã© Ã¨")] == [True] * 4


def _ftfy_itself(line: str) -> tuple[str, list[str]]:
    fixed, steps = ftfy.fix_and_explain(line, config=CONFIG)
    return fixed, [name for _, name in steps or ()]


def _everywhere(monkeypatch, text: str):
    """The reference: ftfy itself (not corpuskit's faster run of it) on every line."""
    with monkeypatch.context() as patch:
        patch.setattr(normalize_module, "might_need_ftfy", lambda line: True)
        patch.setattr(normalize_module._Ftfy, "fix", staticmethod(_ftfy_itself))
        return normalize_lines(text)


def _same(gated, reference) -> None:
    assert gated.text == reference.text
    assert gated.newline == reference.newline
    assert [f.model_dump() for f in gated.fixes] == [f.model_dump() for f in reference.fixes]
    assert [c.model_dump() for c in gated.newline_changes] == [
        c.model_dump() for c in reference.newline_changes
    ]


def test_normalize_matches_ftfy_everywhere_on_real_mojibake(monkeypatch):
    for start in range(0, len(LINES), 9):
        text = "\n".join(LINES[start : start + 9]) + "\n"
        _same(normalize(text), _everywhere(monkeypatch, text))
        crlf = text.replace("\n", "\r\n")
        _same(normalize(crlf), _everywhere(monkeypatch, crlf))


# Characters around every boundary the gate cares about: bytes 80-FF in each single-byte
# encoding ftfy tries, spaces, "?", entities, controls, combining marks, other scripts.
_HIGH = sorted({bytes([b]).decode(e) for e in chardata.CHARMAP_ENCODINGS for b in range(0x80, 0x100)})
ALPHABET = [*"aeoAZ09 ?&#;x", "\xa0", "\ufffd", "\x1a", "\x00", "\x1b", "\u0301", "\u200b", "ﬁ", "你", "🎉"]
ALPHABET += [*_HIGH, "\ud83d", "\u2028", "\x85", "\t", "\x0c"]
BREAKABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=24
)


@st.composite
def broken_lines(draw) -> str:
    """Text made into mojibake the way it happens in the wild, maybe mixed with clean text."""
    text = draw(BREAKABLE)
    encoding = draw(st.sampled_from(ENCODINGS))
    broken = text.encode("utf-8").decode(encoding, errors="replace")
    broken = draw(st.sampled_from([broken, broken.replace("\xa0", " "), broken.replace("\ufffd", "?")]))
    before, after = draw(BREAKABLE), draw(BREAKABLE)
    return re.sub("[\r\n]", " ", draw(st.sampled_from([broken, before + broken + after])))


LINE = st.one_of(st.text(alphabet=st.sampled_from(ALPHABET), max_size=30), broken_lines())
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(LINE)
def test_gate_is_exact_on_generated_lines(line):
    assert_exact(line)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(LINE, max_size=8),
    st.lists(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]), min_size=8, max_size=8),
)
def test_normalize_matches_ftfy_everywhere_on_generated_documents(lines, endings):
    text = "".join(line + end for line, end in zip(lines, endings, strict=False))
    _same(normalize(text), _everywhere(pytest.MonkeyPatch(), text))


def test_byte_rules_cover_ftfy_repairs():
    """Every match of ftfy's byte-level repairs starts with a pair or triple of bytes the
    gate's rules catch (checked over one byte from each class those patterns use; the
    six-byte surrogate alternatives start with ED and a continuation byte)."""
    check_ftfy_tables()
    whole = re.compile(_ANY_SEQUENCE + b"|" + _SPACE_REPAIRED)
    lossy = re.compile(_ANY_SEQUENCE + b"|" + _LOSSY_REPAIRED)
    samples = b"\x00\x1a\x20\x3f\x41\x80\x85\x90\xa0\xa5\xb5\xc3\xed"
    for first in range(256):
        for rest in itertools.product(samples, repeat=3):
            candidate = bytes([first, *rest])
            if chardata.ALTERED_UTF8_RE.match(candidate) or fixes.A_GRAVE_WORD_RE.match(candidate):
                assert whole.match(candidate), candidate
            found = chardata.LOSSY_UTF8_RE.match(candidate)
            # byte 1A is U+FFFD in the sloppy codecs: a line holding it always goes to ftfy
            if found and b"\x1a" not in found.group():
                assert lossy.match(candidate), candidate


def test_gate_follows_the_settings():
    """Fixers corpuskit leaves off would be caught if someone turned them on."""
    curly = "“kept” ‘as is’"
    assert not GATE.might_change(curly)
    assert Gate(CONFIG._replace(uncurl_quotes=True)).might_change(curly)
    wide = "ｗｉｄｅ"
    assert not GATE.might_change(wide)
    assert Gate(CONFIG._replace(fix_character_width=True)).might_change(wide)
    form_feed = "page\x0cbreak"
    assert not GATE.might_change(form_feed)
    assert Gate(CONFIG._replace(fix_line_breaks=True)).might_change(form_feed)
    for config in (CONFIG._replace(uncurl_quotes=True), CONFIG._replace(fix_line_breaks=True)):
        gate = Gate(config)
        for line in [curly, wide, form_feed, "a\u2028b", "‘x’ and “y”", *KNOWN[:4]]:
            fixed, steps = ftfy.fix_and_explain(line, config=config)
            assert gate.might_change(line) or (fixed == line and not steps), (config, line)


def test_gate_from_its_description_is_the_same_gate():
    """What `default_gate` reads from the cache folder behaves exactly like a gate built from
    ftfy, line by line and on whole texts."""
    built = Gate(CONFIG)
    again = Gate.from_spec(built.spec())
    assert again.spec() == built.spec()
    for line in LINES:
        assert again.might_change(line) == built.might_change(line), line
    for lines in itertools.combinations(KNOWN[:5] + SPECIAL[:5] + REAL_MOJIBAKE[:30:6], 2):
        text = "\n".join(lines)
        assert again.suspects(text, also="\xa0") == built.suspects(text, also="\xa0")


def test_gate_description_of_another_version_is_refused():
    spec = Gate(CONFIG).spec()
    with pytest.raises(GateError):
        Gate.from_spec({**spec, "version": -1})


def test_char_class_is_exact():
    for chars in ["dcba-x", "]^\\-[", "\x00\x01\x02\x7f", "".join(map(chr, range(0xD800, 0xE000))) + "é&"]:
        pattern = re.compile(f"[{char_class(chars)}]")
        assert {ch for ch in map(chr, range(0x10000)) if pattern.fullmatch(ch)} == set(chars), chars


# What the whole-text scans of `normalize` rely on: whitespace at a line's end in every
# form `str.rstrip` removes, ampersands with and without entities, mixed with mojibake.
LINE_ENDS = ["", " ", "\t", "\x0c", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u2028", "\u2029"]
LINE_ENDS.append(" \t\xa0")
AMPERSANDS = ["AT&T", "Q&A &", "&amp;", "&#233;", "&bogus", "& x;", "<b>&amp;</b>", "&EACUTE;"]


def test_normalize_matches_ftfy_everywhere_on_line_ends_and_ampersands(monkeypatch):
    bodies = [*AMPERSANDS, "plain", "café", "“quoted” – text", "Ã© Ã¨", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "ﬁne"]
    for ending in ["\n", "\r\n", "\r"]:
        for tail in LINE_ENDS:
            lines = [body + tail for body in bodies]
            for text in ("\n".join(lines), "\n".join(lines) + "\n", tail + "\n" + lines[0]):
                text = text.replace("\n", ending)
                _same(normalize(text), _everywhere(monkeypatch, text))
                _same(normalize(text, strip_tags=True), _strip_tags_everywhere(monkeypatch, text))


def _strip_tags_everywhere(monkeypatch, text: str):
    with monkeypatch.context() as patch:
        patch.setattr(normalize_module, "might_need_ftfy", lambda line: True)
        patch.setattr(normalize_module._Ftfy, "fix", staticmethod(_ftfy_itself))
        return normalize_lines(text, strip_tags=True)


def _same_as_ftfy(line: str) -> None:
    theirs = ftfy.fix_and_explain(line, config=CONFIG)
    for mine in fix_and_explain(line, CONFIG), fix_and_explain(line, CONFIG, GATE):
        assert (mine.text, mine.explanation) == (theirs.text, theirs.explanation), line


# Lines whose repair brings up characters of the fixers run after the encoding repair
# (ligatures, controls, C1, surrogates, escapes), so that a later pass has work to do.
REPAIRED = ["ﬁne ﬂow", "bell\x07 nul\x00 “x”", "C1 \x81\x9d é", "\x1b[31mré\x1b[0m", "Ĳssel ǆ", "\ufeffé"]
AFTER_REPAIR = [
    text.encode("utf-8", "surrogatepass").decode(encoding, errors="replace")
    for text in REPAIRED
    for encoding in ["cp1252", "latin-1", "mac_roman", "sloppy-windows-1252", "cp437"]
]


def test_faster_ftfy_run_is_ftfy_on_real_mojibake():
    for line in LINES + SPECIAL + AFTER_REPAIR + [line + " &amp; ﬁ\x81" for line in AFTER_REPAIR]:
        _same_as_ftfy(line)


@SETTINGS
@given(LINE)
def test_faster_ftfy_run_is_ftfy_on_generated_lines(line):
    _same_as_ftfy(line)


TRIGGERS = {name: pattern for name, pattern in triggers().items()}
NO_TRIGGER = st.text(
    alphabet=st.sampled_from([ch for ch in ALPHABET if not any(p.search(ch) for p in TRIGGERS.values())])
)


@settings(max_examples=200, deadline=None)
@given(NO_TRIGGER, st.sampled_from(sorted(TRIGGERS)))
def test_a_fixer_without_its_characters_changes_nothing(text, name):
    """Why skipping a fixer is safe: on text without one of its characters it is a no-op."""
    assert ftfy.FIXERS[name](text) == text


def test_a_fixer_changes_no_character_outside_its_set():
    for name, pattern in TRIGGERS.items():
        rest = pattern.sub("", "".join(map(chr, range(0x110000))))
        assert ftfy.FIXERS[name](rest) == rest, name


def test_every_pair_is_of_a_kind_suspects_looks_for():
    """`suspects` looks for pairs of two non-ASCII characters and of a non-ASCII character
    and "?" in the runs of such characters, and for pairs of a space lead and a space: so
    no pair may begin with an ASCII character or have another ASCII character second, and
    the space leads are exactly the characters a space may follow in a pair (checked for
    every character a pair may begin with)."""
    pairs, space_leads = GATE._pairs, GATE._space_leads
    first = re.compile(pairs.pattern.partition("](?:")[0] + "]")  # every pair begins with one
    assert first.search("".join(map(chr, range(0x10000, 0x110000)))) is None
    leads = [ch for ch in map(chr, range(0x10000)) if first.match(ch)]
    assert len(leads) > 300 and not any(ch.isascii() for ch in leads)
    for ch in leads:
        for follower in map(chr, range(128)):
            if pairs.match(ch + follower):
                assert follower == "?" or (follower == " " and space_leads.match(ch)), hex(ord(ch))
        assert bool(space_leads.match(ch)) == bool(pairs.match(ch + " ")), hex(ord(ch))
    assert space_leads.search("".join(ch for ch in map(chr, range(0x110000)) if not first.match(ch))) is None


def _first_suspect_in_each_line(text: str, also: str, line_ends: str) -> dict[int, int]:
    """The reference for `suspects`: by regex, line by line, where each line first holds a
    character the gate looks for (an ampersand only where an entity begins), or a pair, or
    ends in one of `line_ends`."""
    singles = re.compile(GATE._singles.pattern[:-2] + char_class(also) + "]")  # without "&"
    assert GATE._singles.pattern.endswith("&]")
    first = {}
    start = 0
    for number, line in enumerate(text.split("\n")):
        spots = [m.start() for m in (singles.search(line), GATE._pairs.search(line)) if m is not None]
        spots += [m.start() for m in GATE._entity.finditer(line)][:1]
        spots += [len(line) - 1] if line[-1:] and line[-1] in line_ends else []
        if spots:
            first[number] = start + min(spots)
        start += len(line) + 1
    return first


def _first_found_in_each_line(text: str, spots: list[int]) -> dict[int, int]:
    first: dict[int, int] = {}
    for spot in sorted(spots):
        first.setdefault(text.count("\n", 0, spot), spot)
    return first


def _assert_suspects_exact(text: str, also: str = "\xa0\u2028") -> None:
    for line_ends in ("", " \t\x0c"):
        spots = GATE.suspects(text, also=also, line_ends=line_ends)
        if spots is not None:
            expected = _first_suspect_in_each_line(text, also, line_ends)
            assert _first_found_in_each_line(text, spots) == expected, (text, line_ends)


PAIR_TEXTS = [
    "He said “it’s fine” — and left… ©2024 ™\n“itâ€™s”\n—Ã©\nx ’Ð¿ y\n\u00e9\u00e9\n«Ñ»",
    "fÃ cil and Ã  la\nvoilÃ \nÃ\nà?é? and caf\u00e9? x\nâ€ and Ã¢â‚¬â„¢",
    "éÃ© twice\nxÃ©\nÃ©Ã©Ã©\n?Ã\n Ã ?",
    "Съешь же ещё этих мягких французских булок\nВ Москве и Санкт-Петербурге. О чём речь? Р 100.",
    "ÐŸÑ€Ð¸Ð²ÐµÑ‚\nplain\n\nÎ±Î²Î³ and ÃƒÂ©",
    "ends \nin\t\nspace é \nand Ã \n\x0c\n \n\t",
    "ascii ends \nin\t\nspace\x0c\n ",
]


@pytest.mark.parametrize("tries", [0, 25, 10**9])
def test_suspects_find_the_first_pair_of_every_line(tries, monkeypatch):
    """Found by trying the pattern where two non-ASCII characters (or one and "?") meet,
    or by one regex scan of the text when there are many such places (both ways are
    checked), and with `str.find` for a space lead and a space."""
    monkeypatch.setattr("corpuskit.ftfy_gate._PAIR_TRIES", tries)
    for text in PAIR_TEXTS + ["\n".join(LINES[i : i + 20]) for i in range(0, len(LINES), 20)]:
        _assert_suspects_exact(text)
    assert GATE.suspects("He said “it’s fine” — and left… ©2024 ™") == []


@SETTINGS
@given(st.lists(LINE, max_size=6))
def test_suspects_find_the_first_spot_of_every_generated_line(lines):
    for tries in (0, 10**9):  # pairs looked for where characters meet, or by a regex scan
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("corpuskit.ftfy_gate._PAIR_TRIES", tries)
            _assert_suspects_exact("\n".join(lines))


def test_ftfy_encoding_step_with_the_gates_badness_check_is_ftfys():
    """`_encoding_step` runs ftfy's own step with `is_bad` answered by the gate; on every
    line, bad or not, it returns what ftfy's step returns, and ftfy is left unchanged."""
    step = _encoding_step(GATE)
    assert step is not ftfy._fix_encoding_one_step_and_explain and ftfy.is_bad is ftfy.badness.is_bad
    for line in LINES + AFTER_REPAIR:
        assert step(line, CONFIG) == ftfy._fix_encoding_one_step_and_explain(line, CONFIG), line
