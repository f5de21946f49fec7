"""One test of a line against many lexicons at once: could any of them match it?

Line rules ask a dozen lexicons about every block, yet most blocks hold no phrase of any of
them. A screen merges the phrases of many lexicons into two patterns, one for phrases that
must start the line (prefix and whole-line matches) and one for phrases anywhere in it
(searches), so a block is asked one question instead of a dozen, and only a block that
passes is asked the exact ones. A screen never turns a match away: whatever a lexicon
finds at the start of a line, or anywhere in it, the screen finds too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpuskit.lexicon import EDGE_PUNCT, WORD_CHAR, folded, read_phrases, trie_pattern
from corpuskit.segment import WORD_MARKS

_EDGE = "[" + re.escape(EDGE_PUNCT) + "]*"


def fold(text: str) -> str:
    """A line as the screen reads it: folded as the lexicons read it (lower case, one
    apostrophe), and with the final sigma written as any other (`lower()` picks σ or ς by
    the letters around it, so a phrase matched in its own case, "ΔΕΙΤΕ ΕΠΙΣΗΣ", may
    lower-case apart from the line).

    >>> fold("ΔΕΙΤΕ ΕΠΙΣΗΣ: Παράδειγμα"), fold("Editor’s Picks")
    ('δειτε επισησ: παράδειγμα', "editor's picks")
    """
    return folded(text).replace("ς", "σ")


class Screen:
    """Phrases of the lexicons `at_start` (looked for at the start of a line, edge
    punctuation aside) and of the lexicons `inside` (looked for anywhere in it).

    >>> screen = Screen(["nav"], ["cookie"])
    >>> [screen.may_match(fold(t)) for t in ["« Back", "We use cookies.", "Backpacks sell well."]]
    [True, True, False]
    """

    def __init__(self, at_start: Iterable[str], inside: Iterable[str]):
        # a start phrase is followed by a separator, edge punctuation or the end: no letter,
        # nor a vowel sign or a point of one
        self._start = re.compile(rf"{_EDGE}(?:{trie_pattern(_phrases(at_start))})(?![^\W_]|[{WORD_MARKS}])")
        self._inside = re.compile(rf"(?<!{WORD_CHAR})(?:{trie_pattern(_phrases(inside))})(?!{WORD_CHAR})")

    def may_match(self, folded: str) -> bool:
        """Whether a phrase may match the line (given through `fold`); False is certain."""
        return self._start.match(folded) is not None or self._inside.search(folded) is not None


def _phrases(categories: Iterable[str]) -> list[str]:
    return sorted({fold(p) for c in categories for group in read_phrases(c).values() for p in group})
