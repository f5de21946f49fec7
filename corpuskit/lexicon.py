"""Multilingual phrase lists (data files in `corpuskit/lexicons/`) and their matchers.

A lexicon file holds ``<lang>\\t<phrase>`` lines. Matching is case-insensitive unless the
lexicon is loaded with ``case_sensitive=True``; three modes exist: the whole line, a line
prefix (followed by a separator or the end), and a substring.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from importlib import resources

from corpuskit.segment import WORD_MARKS

# What a lexicon line may carry around its phrase: punctuation, quotes, brackets and bullets,
# those of Chinese and Japanese too ("【PR】", "▶ 관련기사", "・利用規約")
EDGE_PUNCT = " \t.:;,!?|·•–—-_*#>»«\"'“”‘’()[]【】「」『』〈〉《》（）［］：；，。！？｜・▶►▷■□◆◇●○★☆※→　"
# what may follow a prefix phrase, or the end ("：" in Chinese, "】" after "【PR", "=" in
# Korean and Japanese credits, "사진=연합뉴스")
_PHRASE_END = re.compile(r"[\s:：|｜/–—\-.,=＝】」』]")
# A character of a word: `\w`, and the vowel signs, points and joiners it leaves out
WORD_CHAR = rf"[\w{WORD_MARKS}]"
_IN_WORD = re.compile(WORD_CHAR)


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


def every_phrase(category: str) -> frozenset[str]:
    """Phrases of one lexicon, all languages merged.

    >>> "Sponsor" in every_phrase("sponsor")
    True
    """
    return frozenset(p for phrases in read_phrases(category).values() for p in phrases)


def trie_pattern(phrases: list[str]) -> str:
    """One regex that matches exactly what the alternation of `phrases` (longest first)
    matches, as a character trie: `re` then walks one branch per character instead of
    trying every phrase in turn.

    At any position at most one branch of a node can match (branches start with different
    characters), so the phrases the text could match lie on one path of the trie; each
    optional tail is greedy, so the longest of them is tried first and a shorter one only
    when what follows it fails, which is the order of the longest-first alternation.

    >>> trie_pattern(["ab", "abcd", "ax"])
    'a(?:b(?:cd)?|x)'
    >>> import re
    >>> pattern = re.compile(trie_pattern(["ab", "abc"]) + "(?=$| )")
    >>> [m and m.group(0) for m in map(pattern.match, ["abc x", "abcd", "ab cd"])]
    ['abc', None, 'ab']
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _node_pattern(trie) if trie else "(?!)"


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = []
    for char in sorted(c for c in node if c):
        child, chain = node[char], re.escape(char)
        while len(child) == 1 and "" not in child:  # a run without choices: one literal
            [(char, child)] = child.items()
            chain += re.escape(char)
        tail = _node_pattern(child) if child.keys() != {""} else ""
        branches.append(chain + tail)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # the phrase may stop here: the longer ones first, then nothing
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body


# Typographic apostrophes read as the plain one: "Editor’s picks" is "Editor's picks"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def _same_apostrophe(text: str) -> str:
    return text.translate(_APOSTROPHES)


def folded(text: str) -> str:
    """Text as the lexicons read it when case does not count: lower case, and every
    apostrophe the plain one. Every lexicon and the line rules' screen ask for the same
    lines, so the answers are kept (`MEMO_SIZE` of them).

    >>> folded("Editor’s Picks"), folded("Plus d‘articles")
    ("editor's picks", "plus d'articles")
    """
    answer = _FOLDED.get(text)
    if answer is None:
        answer = _remember(_FOLDED, text, text.lower().translate(_APOSTROPHES))
    return answer


_FOLDED: dict[str, str] = {}


class Lexicon:
    """Compiled matchers for one phrase list."""

    def __init__(self, category: str, phrases: list[str], case_sensitive: bool = False):
        self.category = category
        fold = _same_apostrophe if case_sensitive else folded
        self._phrases = frozenset(fold(p) for p in phrases)
        self._fold = fold
        self._longest = max(map(len, self._phrases), default=0)
        self._prefix_calls = self._search_calls = 0
        self._prefix_answers: dict[str, str | None] = {}  # a bounded memo of each mode
        self._search_answers: dict[str, str | None] = {}

    # Patterns are compiled on first use: compiling them all is most of the start-up cost
    # of a one-seed check. Prefixes and phrases inside a line are looked up in the set
    # until a lexicon has answered `COMPILE_AFTER` lines; the compiled trie (several times
    # faster per line) takes over then.
    @cached_property
    def _trie(self) -> str:
        return trie_pattern(sorted(self._phrases))

    @cached_property
    def _prefix(self) -> re.Pattern:
        return re.compile(rf"(?:{self._trie})(?={_PHRASE_END.pattern}|$)")

    @cached_property
    def _anywhere(self) -> re.Pattern:
        return re.compile(rf"(?<!{WORD_CHAR})(?:{self._trie})(?!{WORD_CHAR})")

    @cached_property
    def _cores(self) -> dict[str, str]:
        """Each phrase by its core, the phrase without the punctuation at its edges."""
        return {phrase.strip(EDGE_PUNCT): phrase for phrase in sorted(self._phrases, reverse=True)}

    def whole_line(self, text: str) -> str | None:
        """The phrase when the line is that phrase alone, give or take punctuation (a
        phrase's own, too: "会員登録（無料）" is the line "会員登録（無料".

        >>> nav = Lexicon("t", ["Back", "Zurück", "会員登録（無料）"])
        >>> nav.whole_line("« Zurück"), nav.whole_line("Back to school"), nav.whole_line("会員登録（無料）")
        ('zurück', None, '会員登録（無料）')
        """
        return self._cores.get(self._fold(text).strip(EDGE_PUNCT))

    def prefix(self, text: str) -> str | None:
        """The phrase the line starts with, when a separator or the end follows it.

        >>> credit = Lexicon("t", ["Photo", "Foto"])
        >>> credit.prefix("Foto: NTB"), credit.prefix("Photographers gathered")
        ('foto', None)
        """
        answer = self._prefix_answers.get(text, _MISSING)
        if answer is _MISSING:
            self._prefix_calls += 1
            if self._prefix_calls > COMPILE_AFTER:
                match = self._prefix.match(self._fold(text).lstrip(EDGE_PUNCT))
                answer = match.group(0) if match else None
            else:
                answer = self._prefix_in_set(text)
            _remember(self._prefix_answers, text, answer)
        return answer

    def _prefix_in_set(self, text: str) -> str | None:
        line = self._fold(text).lstrip(EDGE_PUNCT)
        head = line[: self._longest + 1]
        ends = [m.start() for m in _PHRASE_END.finditer(head)]
        if len(line) <= self._longest:
            ends.append(len(line))
        for end in reversed(ends):  # the longest phrase that ends where a separator stands
            if line[:end] in self._phrases:
                return line[:end]
        return None

    def search(self, text: str) -> str | None:
        """The first phrase found anywhere in the line, on word boundaries: a letter's
        vowel sign or point, or a joiner, belongs to its word as the letter does.

        >>> Lexicon("t", ["left to read"]).search("You have 50% of this article left to read.")
        'left to read'
        >>> Lexicon("t", ["खबर"]).search("ताज़ा खबरें"), Lexicon("t", ["खबर"]).search("बड़ी खबर।")
        (None, 'खबर')
        """
        answer = self._search_answers.get(text, _MISSING)
        if answer is _MISSING:
            self._search_calls += 1
            if self._search_calls > COMPILE_AFTER:
                match = self._anywhere.search(self._fold(text))
                answer = match.group(0) if match else None
            else:
                answer = self._search_in_set(self._fold(text))
            _remember(self._search_answers, text, answer)
        return answer

    def _search_in_set(self, line: str) -> str | None:
        """`_anywhere.search` without the pattern: from the left, at each place where a
        word may start, the longest phrase that ends where a word may end.

        >>> Lexicon("t", ["read", "read more"])._search_in_set("to read more.")
        'read more'
        >>> Lexicon("t", ["read", "read more"])._search_in_set("to read mores and bread")
        'read'
        """
        firsts, lengths, phrases = self._firsts, self._lengths, self._phrases
        size = len(line)
        for start, char in enumerate(line):
            if char not in firsts or (start and _is_word(line[start - 1])):
                continue
            for length in lengths:
                end = start + length
                if end <= size and line[start:end] in phrases and (end == size or not _is_word(line[end])):
                    return line[start:end]
        return None

    def compile(self) -> None:
        """Compile both patterns now and use them from the next lookup on: what a long run
        ends up doing anyway (see `compile_loaded`)."""
        _ = self._prefix, self._anywhere
        self._prefix_calls = max(self._prefix_calls, COMPILE_AFTER)
        self._search_calls = max(self._search_calls, COMPILE_AFTER)

    @cached_property
    def _firsts(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self._phrases)

    @cached_property
    def _lengths(self) -> list[int]:
        return sorted({len(phrase) for phrase in self._phrases}, reverse=True)


def _is_word(char: str) -> bool:
    """What `WORD_CHAR` matches: what `\\w` matches in a `str` pattern (letters, digits,
    numerals and the underscore), and the combining marks and joiners inside words.

    >>> [_is_word(c) for c in "a_1 -\u0947\u200c"]
    [True, True, True, False, False, True, True]
    """
    return char.isalnum() or char == "_" or (not char.isascii() and _IN_WORD.match(char) is not None)


_MISSING = object()
COMPILE_AFTER = 500  # lookups of one lexicon and mode answered without compiling its pattern
MEMO_SIZE = 2048  # answers kept per lexicon and mode (lines recur within and across documents)


def _remember(answers: dict, text: str, answer: str | None) -> str | None:
    """Keep an answer; forget them all once there are `MEMO_SIZE` (memory stays flat)."""
    if len(answers) >= MEMO_SIZE:
        answers.clear()
    answers[text] = answer
    return answer


@cache
def lexicon(category: str, case_sensitive: bool = False) -> Lexicon:
    """The compiled lexicon of one category, every language merged."""
    phrases = [p for group in read_phrases(category).values() for p in group]
    _loaded.append(Lexicon(category, phrases, case_sensitive))
    return _loaded[-1]


_loaded: list[Lexicon] = []  # every lexicon `lexicon` has made, in order


def compile_loaded() -> None:
    """Compile the patterns of every lexicon loaded so far (`Lexicon.compile`).

    Done once before forking worker processes, which then share the patterns; each would
    otherwise compile its own copy, a cost a one-process run pays once.

    >>> cookie = lexicon("cookie")
    >>> compile_loaded()
    >>> "_anywhere" in vars(cookie), cookie.search("We use cookies on this site.")
    (True, 'we use cookies')
    """
    for loaded in _loaded:
        loaded.compile()
