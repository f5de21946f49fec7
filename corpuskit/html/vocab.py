"""The class-name vocabulary (`corpuskit/lexicons/html_classes.txt`) and its matcher.

An element's class, id and aria-label values are split into tokens and parts; a part that
matches a word of the vocabulary marks the element (advertising, share bar, comments, ...).
The file's header documents the patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

FILE = "html_classes.txt"
_SEPARATORS = re.compile(r"[\W\d_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_TAXONOMY = frozenset("category cat tag format type status term taxonomy".split())
_STATE_WORDS = frozenset(
    "no not non has have with without show hide is js enable enabled disable disabled allow can".split()
)


Kind = tuple[str, bool]  # (category, weak)
Match = tuple[str, str, bool]  # (category, the word found, weak)


@dataclass(frozen=True)
class _Patterns:
    exact: dict[str, Kind]  # part -> (category, weak)
    prefix: dict[str, Kind]  # word -> (category, weak), for parts starting with it
    suffix: dict[str, Kind]
    infix: dict[str, Kind]
    sequences: tuple[tuple[tuple[str, ...], Kind], ...]
    tokens: dict[str, Kind]  # whole class token -> (category, weak)
    affixes: re.Pattern[str]  # one pass over a part for the prefix, suffix and infix words

    def affix(self, part: str) -> Match | None:
        match = self.affixes.search(part)
        if match is None:
            return None
        kind = match.lastgroup
        category, weak = getattr(self, kind)[match.group(kind)]
        return category, part, weak


class VocabularyError(ValueError):
    """The vocabulary file is malformed; the message names the line."""


@cache
def patterns() -> _Patterns:
    """The compiled vocabulary.

    >>> patterns().exact["ad"], patterns().tokens["sr-only"], patterns().exact["abo"]
    (('ad', False), ('hidden', False), ('paywall', True))
    """
    text = resources.files("corpuskit.lexicons").joinpath(FILE).read_text("utf-8")
    exact: dict[str, Kind] = {}
    tokens: dict[str, Kind] = {}
    prefix: dict[str, Kind] = {}
    suffix: dict[str, Kind] = {}
    infix: dict[str, Kind] = {}
    sequences = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) != 3 or not all(f.strip() for f in fields):
            raise VocabularyError(f"lexicons/{FILE}:{number}: expected '<category><TAB><lang><TAB><pattern>'")
        category, _, pattern = (f.strip() for f in fields)
        pattern = pattern.lower()
        weak = pattern.startswith("~")
        pattern = pattern.lstrip("~")
        category = (category, weak)
        if pattern.startswith("="):
            tokens[pattern[1:]] = category
        elif pattern.startswith("*") and pattern.endswith("*"):
            infix[pattern.strip("*")] = category
        elif pattern.endswith("*"):
            prefix[pattern[:-1]] = category
        elif pattern.startswith("*"):
            suffix[pattern[1:]] = category
        elif "-" in pattern:
            sequences.append((tuple(pattern.split("-")), category))
        else:
            exact[pattern] = category
    alternatives = []
    for kind, words in (("prefix", prefix), ("suffix", suffix), ("infix", infix)):
        if words:
            body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            anchor_start, anchor_end = (
                ("^", "") if kind == "prefix" else ("", "$") if kind == "suffix" else ("", "")
            )
            alternatives.append(f"{anchor_start}(?P<{kind}>{body}){anchor_end}")
    affixes = re.compile("|".join(alternatives) or "(?!)")
    return _Patterns(exact, prefix, suffix, infix, tuple(sequences), tokens, affixes)


def split_parts(token: str) -> list[str]:
    """A class token's parts, lower-cased.

    >>> split_parts("socialShare-bar_2"), split_parts("BBCNewsLink"), split_parts("légende")
    (['social', 'share', 'bar'], ['bbc', 'news', 'link'], ['légende'])
    """
    parts = []
    for piece in _SEPARATORS.split(token):
        if piece:
            parts.extend(p.lower() for p in _CAMEL.split(piece) if p)
    return parts


def _match_parts(parts: list[str], pats: _Patterns) -> Match | None:
    for part in parts:
        kind = pats.exact.get(part)
        if kind:
            return kind[0], part, kind[1]
    for part in parts:
        found = pats.affix(part)
        if found:
            return found
    if len(parts) > 1:
        for seq, kind in pats.sequences:
            n = len(seq)
            for i in range(len(parts) - n + 1):
                if parts[i] == seq[0] and tuple(parts[i : i + n]) == seq:
                    return kind[0], "-".join(seq), kind[1]
    return None


@lru_cache(maxsize=8192)
def classify(value: str) -> Match | None:
    """(category, word, weak) when a class, id or aria-label value marks boilerplate.

    >>> classify("post-footer share-bar"), classify("no-ads article-body")
    (('navigation', 'footer', False), None)
    >>> classify("header"), classify("sr-only"), classify("Kommentare")
    (None, ('hidden', 'sr-only', False), ('comments', 'kommentare', False))
    >>> classify("post type-post category-newsletter tag-ads"), classify("elementor-widget")
    (None, ('navigation', 'widget', True))
    """
    pats = patterns()
    for token in value.split():
        lowered = token.lower()
        kind = pats.tokens.get(lowered)
        if kind:
            return kind[0], lowered, kind[1]
        parts = split_parts(token)
        if not parts or parts[0] in _STATE_WORDS or parts[0] in _TAXONOMY:
            continue
        found = _match_parts(parts, pats)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)
def classify_label(label: str) -> Match | None:
    """The same for a free-text aria-label ("Share this article", "Werbung"): its words are
    read as the parts of one token.

    >>> classify_label("Share this article"), classify_label("Article text")
    (('share', 'share', False), None)
    """
    parts = split_parts(label)
    if not parts or len(parts) > 8:
        return None
    return _match_parts(parts, patterns())
