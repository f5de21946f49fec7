"""The line rules' screen: it may let a line through for nothing, never turn a match away."""

from pathlib import Path

import pytest

from conftest import BODY, BODY_FR
from corpuskit import clean_text
from corpuskit.lexicon import Lexicon, folded, read_phrases
from corpuskit.rules.lines import LexiconLineRule, _screen
from corpuskit.screen import Screen, fold
from corpuskit.segment import segment

FOLDER = Path(__file__).resolve().parents[1] / "corpuskit" / "lexicons"
LEXICONS = sorted(p.stem for p in FOLDER.glob("*.txt"))


def _lines(phrase: str) -> list[str]:
    heads = ["", "« ", "x ", "(", "1 ", "- "]
    tails = ["", ":", ": Ola Nordmann", " x", ".", "!", "_", "s", "/x", " – z", "\u0345"]
    cases = (phrase, phrase.upper(), phrase.lower(), phrase.replace("'", "’"))
    return [line for p in cases for line in [*(h + p for h in heads), *(p + t for t in tails), f"« {p}: x"]]


def test_every_line_a_line_rule_matches_passes_the_screen():
    """Lines made of the phrases of every lexicon (not only those the rules name, so a rule
    that reads a lexicon it does not declare fails here), in several cases, with heads
    and tails."""
    rules = tuple(LexiconLineRule._every)
    screen, most = _screen(rules), max(rule.max_words for rule in rules)
    matched = 0
    for category in LEXICONS:
        phrases = sorted({p for group in read_phrases(category).values() for p in group})
        for phrase in [*phrases[:: max(1, len(phrases) // 30)], "ΔΕΙΤΕ ΕΠΙΣΗΣ"]:
            for line in _lines(phrase):
                [block] = segment(line)
                for rule in rules:
                    if block.word_count <= rule.max_words and rule().match(block):
                        matched += 1
                        assert block.word_count <= most and screen.may_match(fold(block.text)), (rule, line)
    assert matched > 500


def test_the_screen_turns_away_plain_text_in_several_languages():
    screen = _screen(tuple(LexiconLineRule._every))
    prose = [
        "The council met on Tuesday to discuss the budget.",
        "Die Regierung hat am Montag neue Regeln beschlossen.",
        "Le gouvernement a présenté lundi son projet de loi.",
        "Regjeringen la fram statsbudsjettet i dag.",
    ]
    assert [screen.may_match(fold(line)) for line in prose] == [False] * 4


def test_a_screen_reads_its_lexicons_in_both_places():
    screen = Screen(["credit"], ["paywall"])
    assert screen.may_match(fold("Foto: NTB Scanpix"))
    assert screen.may_match(fold("Vous avez lu 50% de cet article. Article réservé à nos abonnés"))
    assert not screen.may_match(fold("Photographers gathered at the scene."))
    assert not screen.may_match(fold("Fotografen warteten vor dem Gericht."))


@pytest.mark.parametrize(
    ("body", "line", "code"),
    [
        (BODY, "Editor’s choice", "B107"),
        (BODY_FR, "Les propos tenus n’engagent que leurs auteurs.", "B116"),
        (BODY_FR, "Publié à l’origine le 3 mars 2024", "M003"),
    ],
)
def test_a_typographic_apostrophe_reads_as_the_plain_one(body, line, code):
    # the lexicons write "Editor's choice" and "n'engagent"; pages as often print ’
    result = clean_text(f"{body}\n\n{line}\n\n{body}")
    assert line not in result.record.text
    assert [f.code for f in result.report.findings if f.text == line] == [code]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("ताज़ा खबरें", None),  # a vowel sign and a nasal mark go on: "खबरें" is the longer word
        ("किताब अच्छी है", None),  # "ताब" after a vowel sign is the end of "किताब"
        ("बड़ी खबर: पुल खुला", "खबर"),
        ("کوکی‌ها را پاک کنید", None),  # a joiner ties "ها" to the word
        ("کوکی ها را پاک کنید", "کوکی"),
    ],
)
def test_a_phrase_is_never_part_of_a_word_in_a_script_with_vowel_signs(line, found):
    """Python's \\w leaves out vowel signs, points and joiners; a word goes on through them."""
    lexicon = Lexicon("t", ["खबर", "ताब", "کوکی"])
    assert lexicon._search_in_set(folded(line)) == found  # looked up in the set
    lexicon.compile()
    assert lexicon.search(line) == found  # the compiled pattern


def test_a_start_phrase_followed_by_a_vowel_sign_does_not_pass_the_screen():
    screen = Screen(["nav"], [])
    assert screen.may_match(fold("होम"))
    assert not screen.may_match(fold("होमी भाभा"))  # "होम" and a vowel sign: a name
