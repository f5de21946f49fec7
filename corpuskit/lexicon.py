"""Multilingual phrase lists (data files in `corpuskit/lexicons/`) and their matchers.

A lexicon file holds ``<lang>\\t<phrase>`` lines. Matching is case-insensitive unless the
lexicon is loaded with ``case_sensitive=True``; three modes exist: the whole line, a line
prefix (followed by a separator or the end), and a substring.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from importlib import resources

from corpuskit.memo import memo

_EDGE_PUNCT = " \t.:;,!?|·•–—-_*#>»«\"'“”‘’()[]"
_SEPARATORS = ":|/–—-.,"  # what may follow a prefix phrase, besides whitespace and the end


def read_phrases(category: str) -> dict[str, list[str]]:
    """Phrases of one lexicon, by language.

    >>> "en" in read_phrases("sponsor")
    True
    """
    text = resources.files("corpuskit.lexicons").joinpath(f"{category}.txt").read_text("utf-8")
    phrases: dict[str, list[str]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        lang, sep, phrase = raw.partition("\t")
        if not sep or not phrase.strip():
            raise ValueError(f"lexicons/{category}.txt:{number}: expected '<lang><TAB><phrase>'")
        phrases.setdefault(lang.strip(), []).append(phrase.strip())
    return phrases


class Lexicon:
    """Compiled matchers for one phrase list."""

    def __init__(self, category: str, phrases: list[str], case_sensitive: bool = False):
        self.category = category
        fold = (lambda s: s) if case_sensitive else str.lower
        unique = sorted({fold(p) for p in phrases}, key=lambda p: (-len(p), p))
        self._alternation = "|".join(re.escape(p) for p in unique)
        self._fold = fold
        # whole lines and prefixes are looked up in a set (no regex to compile)
        self._phrases = frozenset(unique)
        self._lengths = sorted({len(p) for p in unique}, reverse=True)

    # The search pattern is compiled on first use: compiling the big alternations is most
    # of the start-up time of a one-seed check.

    @cached_property
    def _anywhere(self) -> re.Pattern:
        return re.compile(rf"(?<!\w)(?:{self._alternation})(?!\w)")

    @memo()
    def whole_line(self, text: str) -> str | None:
        """The phrase when the line is that phrase alone, give or take punctuation.

        >>> nav = Lexicon("t", ["Back", "Zurück"])
        >>> nav.whole_line("« Zurück"), nav.whole_line("Back to school")
        ('zurück', None)
        """
        core = self._fold(text).strip(_EDGE_PUNCT)
        return core if core and core in self._phrases else None

    @memo()
    def prefix(self, text: str) -> str | None:
        """The phrase the line starts with, when a separator or the end follows it.

        >>> credit = Lexicon("t", ["Photo", "Foto"])
        >>> credit.prefix("Foto: NTB"), credit.prefix("Photographers gathered")
        ('foto', None)
        """
        line = self._fold(text).lstrip(_EDGE_PUNCT)
        for length in self._lengths:  # the longest phrase that ends at a separator
            if length <= len(line) and line[:length] in self._phrases and _ends(line, length):
                return line[:length]
        return None

    @memo()
    def search(self, text: str) -> str | None:
        """The first phrase found anywhere in the line, on word boundaries.

        >>> Lexicon("t", ["left to read"]).search("You have 50% of this article left to read.")
        'left to read'
        """
        match = self._anywhere.search(self._fold(text))
        return match.group(0) if match else None


def _ends(line: str, length: int) -> bool:
    """Whether a prefix phrase of that length ends where a separator or the line ends."""
    return length == len(line) or line[length].isspace() or line[length] in _SEPARATORS


@cache
def lexicon(category: str, case_sensitive: bool = False) -> Lexicon:
    """The compiled lexicon of one category, every language merged."""
    phrases = [p for group in read_phrases(category).values() for p in group]
    return Lexicon(category, phrases, case_sensitive)
