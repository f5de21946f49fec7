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
_TAXONOMY = frozenset("category cat tag format type status term taxonomy author".split())
_STATE_WORDS = frozenset(
    "no not non has have with without show hide is js enable enabled disable disabled allow can".split()
)


Kind = tuple[str, bool]  # (category, weak)
Match = tuple[str, str, bool]  # (category, the word found, weak)


@dataclass(frozen=True)
class _Patterns:
    kinds: dict[tuple[str, str], Kind]  # (pattern kind, word) -> (category, weak)
    tokens: dict[str, Kind]  # whole class token -> (category, weak)
    words: re.Pattern[str]  # every other pattern, over the parts joined by spaces
    exceptions: frozenset[str]  # parts never read

    def search(self, parts: list[str], sequences_only: bool = False) -> Match | None:
        """The first strong word among the parts, else the first weak one."""
        text = " ".join("" if part in self.exceptions else part for part in parts)
        first_weak = None
        for match in self.words.finditer(text):
            kind = match.lastgroup
            if sequences_only and kind != "sequence":
                continue
            category, weak = self.kinds[kind, match.group(kind)]
            if kind in ("exact", "sequence"):
                found = category, match.group(kind).replace(" ", "-"), weak
            else:
                start = text.rfind(" ", 0, match.start(kind)) + 1
                end = text.find(" ", match.end(kind))
                found = category, text[start : end if end >= 0 else len(text)], weak
            if not weak:
                return found
            first_weak = first_weak or found
        return first_weak


class VocabularyError(ValueError):
    """The vocabulary file is malformed; the message names the line."""


CONTENT = "content"  # the category of words that name the article itself


@cache
def _entries() -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """(category, pattern) of every line of the vocabulary file, and the exceptions."""
    text = resources.files("corpuskit.lexicons").joinpath(FILE).read_text("utf-8")
    entries: list[tuple[str, str]] = []
    exceptions: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) != 3 or not all(f.strip() for f in fields):
            raise VocabularyError(f"lexicons/{FILE}:{number}: expected '<category><TAB><lang><TAB><pattern>'")
        category, _, pattern = (f.strip() for f in fields)
        pattern = pattern.lower()
        if pattern.startswith("!"):
            exceptions.add(pattern[1:])
        else:
            entries.append((category, pattern))
    return tuple(entries), frozenset(exceptions)


@cache
def patterns() -> _Patterns:
    """The compiled vocabulary of boilerplate words.

    >>> patterns().kinds["exact", "ad"], patterns().tokens["sr-only"], patterns().kinds["exact", "abo"]
    (('ad', False), ('hidden', False), ('paywall', True))
    """
    entries, exceptions = _entries()
    return _compile([e for e in entries if e[0] != CONTENT], exceptions)


@cache
def content_patterns() -> _Patterns:
    """The compiled vocabulary of words that name the article's own container."""
    entries, exceptions = _entries()
    return _compile([e for e in entries if e[0] == CONTENT], exceptions)


def _compile(entries: list[tuple[str, str]], exceptions: frozenset[str]) -> _Patterns:
    exact: dict[str, Kind] = {}
    tokens: dict[str, Kind] = {}
    prefix: dict[str, Kind] = {}
    suffix: dict[str, Kind] = {}
    infix: dict[str, Kind] = {}
    sequences: dict[str, Kind] = {}
    for category, pattern in entries:
        weak = pattern.startswith("~")
        pattern = pattern.lstrip("~")
        kind = (category, weak)
        if pattern.startswith("="):
            tokens[pattern[1:]] = kind
        elif pattern.startswith("*") and pattern.endswith("*"):
            infix[pattern.strip("*")] = kind
        elif pattern.endswith("*"):
            prefix[pattern[:-1]] = kind
        elif pattern.startswith("*"):
            suffix[pattern[1:]] = kind
        elif "-" in pattern:
            sequences[pattern.replace("-", " ")] = kind
        else:
            exact[pattern] = kind
    kinds: dict[tuple[str, str], Kind] = {}
    for name, found in (
        ("sequence", sequences),
        ("exact", exact),
        ("prefix", prefix),
        ("suffix", suffix),
        ("infix", infix),
    ):
        for word, value in found.items():
            kinds[name, word] = value
    shapes = {
        "sequence": r"(?<![^ ])(?P<sequence>{})(?![^ ])",
        "exact": r"(?<![^ ])(?P<exact>{})(?![^ ])",
        "prefix": r"(?<![^ ])(?P<prefix>{})",
        "suffix": r"(?P<suffix>{})(?![^ ])",
        "infix": r"(?P<infix>{})",
    }
    alternatives = []
    for name, shape in shapes.items():
        words = sorted((w for k, w in kinds if k == name), key=len, reverse=True)
        if words:
            alternatives.append(shape.format("|".join(re.escape(w) for w in words)))
    return _Patterns(kinds, tokens, re.compile("|".join(alternatives) or "(?!)"), exceptions)


def split_parts(token: str) -> list[str]:
    """A class token's parts, lower-cased.

    >>> split_parts("socialShare-bar_2"), split_parts("BBCNewsLink"), split_parts("légende")
    (['social', 'share', 'bar'], ['bbc', 'news', 'link'], ['légende'])
    """
    pieces = _SEPARATORS.split(token)
    if token.islower():  # no camelCase to split
        return [piece for piece in pieces if piece]
    parts = []
    for piece in pieces:
        if piece:
            parts.extend(p.lower() for p in _CAMEL.split(piece) if p)
    return parts


def _match_parts(parts: list[str], pats: _Patterns) -> Match | None:
    return pats.search(parts)


def classify(value: str) -> Match | None:
    """(category, word, weak) when a class, id or aria-label value marks boilerplate.

    >>> classify("post-footer share-bar"), classify("no-ads article-body")
    (('navigation', 'footer', False), None)
    >>> classify("header"), classify("sr-only"), classify("Kommentare")
    (None, ('hidden', 'sr-only', False), ('comments', 'kommentare', False))
    >>> classify("category-newsletter author-jdoe post_format-post-format-gallery")
    >>> classify("widget")
    ('navigation', 'widget', True)
    >>> classify("shareholder-letter commentary"), classify("share-tools"), classify("fb-comments")
    (None, ('share', 'share', False), ('comments', 'comments', False))
    """
    return read_value(value)[0]


def names_content(value: str) -> bool:
    """Whether a class or id value names the article's own container ("article-body",
    "entry-content", "artikel-text").

    >>> names_content("c-article__body rich-text"), names_content("article-teaser")
    (True, False)
    """
    return read_value(value)[1]


@lru_cache(maxsize=16384)
def read_value(value: str) -> tuple[Match | None, bool]:
    """What a class or id value says: the boilerplate it marks, and whether it names the
    article's container; every token is split once for both."""
    pats, content = patterns(), content_patterns()
    found: Match | None = None
    names = False
    for token in value.split():
        parts = split_parts(token)
        if not parts:
            continue
        if not names and content.search(parts):
            names = True
        if found is not None:
            continue
        kind = pats.tokens.get(token.lower())
        if kind:
            found = kind[0], token.lower(), kind[1]
        elif parts[0] in _STATE_WORDS:
            continue
        elif len(parts) > 1 and (parts[0] in _TAXONOMY or (len(parts) > 2 and parts[1] in _TAXONOMY)):
            found = pats.search(parts, sequences_only=True)  # "author-box", not "author-jdoe"
        else:
            found = pats.search(parts)
    return found, names


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
