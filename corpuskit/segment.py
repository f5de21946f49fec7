"""Normalized text to blocks: every non-blank line is one block, with its offsets.

Seeds come as one paragraph per line, with or without blank lines between paragraphs; a
block is the unit the rules keep, remove, lift or flag.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import TypeVar

T = TypeVar("T")

# Words, in every script. Chinese and Japanese put no space between words: Han characters
# and kana count one word per two characters, the length of a word there on average; Thai,
# Lao, Myanmar and Khmer, unspaced as well, one word per five characters. Elsewhere a word
# is a run of word characters and the combining marks that belong to them (Devanagari and
# Bengali vowel signs, Arabic and Hebrew points), joined by an apostrophe, a period or a
# hyphen ("don't", "U.S."). `HAN_KANA` holds the ranges of Han characters and kana, for a
# character class.
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNSPACED = "\u0e00-\u0eff\u1000-\u1049\u1050-\u109f\u1780-\u17dd"


def _mark_ranges() -> str:
    """Regex ranges of the combining marks (vowel signs, points, accents) of the scripts in
    use, which belong to the letters they sit on."""
    codes = [
        code
        for first, last in ((0x0300, 0x1FFF), (0x20D0, 0x20FF), (0x3099, 0x309A), (0xFE20, 0xFE2F))
        for code in range(first, last + 1)
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
    ]
    ranges, start = [], codes[0]
    for previous, code in zip(codes, [*codes[1:], None], strict=True):
        if code != previous + 1:
            ranges.append(f"\\u{start:04x}-\\u{previous:04x}" if previous > start else f"\\u{start:04x}")
            start = code
    return "".join(ranges)


_MARK = re.compile(f"[{_mark_ranges()}]")
# The marks, and the joiners inside Indic and Persian words, for a character class: `\w` leaves
# them out, so a pattern that looks at the edges of a word adds them ("पढ़" is no word of "पढ़ें")
WORD_MARKS = _MARK.pattern[1:-1] + "\u200c\u200d"
_LETTERS = rf"(?:[^\W{HAN_KANA}{_UNSPACED}]|[{WORD_MARKS}])+"
WORD = re.compile(rf"[{HAN_KANA}]{{1,2}}|[{_UNSPACED}]{{1,5}}|{_LETTERS}(?:['’.-]{_LETTERS})*")
_PLAIN_WORD = re.compile(r"\w+(?:['’.-]\w+)*")  # the same words, in text without those scripts
_NEEDS_WORD = re.compile(rf"[{HAN_KANA}{_UNSPACED}{WORD_MARKS}]")


def words(text: str) -> list[str]:
    """The words of a text, as `WORD` finds them (faster on text that needs no more than
    `\\w`)."""
    return (WORD if _NEEDS_WORD.search(text) else _PLAIN_WORD).findall(text)


def capital(char: str) -> bool:
    """A capital letter, or a letter of a script without case (Bengali, Arabic, Chinese),
    which may start a headline or a name as a capital does.

    >>> [capital(c) for c in "Aaজ1"]
    [True, False, True, False]
    """
    return char.isupper() or (char.isalpha() and not char.islower())


# Marks that end a sentence, in every script: Latin, CJK (。！？), Devanagari and Bengali
# (। ॥), Arabic (؟), Urdu (۔), Ethiopic (።), Burmese (။), Armenian (։)
SENTENCE_MARKS = ".!?…。！？।॥؟۔።။։។"
FULL_STOPS = ".。।॥۔።။։។"  # the marks that end a statement (not a question or a cry)
# Thai and Lao end a sentence with a space, not a mark: a line ending in their letters ends
# as a sentence may
UNMARKED_ENDS = "\u0e01-\u0e4e\u0e81-\u0ece"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters: nothing a reader sees
_TERMINAL = re.compile(rf"(?:[{SENTENCE_MARKS}][\"'”’»)\]]*|[{UNMARKED_ENDS}])[{INVISIBLE}]*$")


class cached_property:
    """`functools.cached_property` without its lock: computed on first access, then a
    plain attribute of the instance (blocks are never shared between threads)."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


def per_block(func: Callable[[Block], T]) -> Callable[[Block], T]:
    """Keep a function's answer about a block on the block: for questions that depend on
    the block alone, which rules ask again in every pass.

    >>> @per_block
    ... def shout(block):
    ...     print("asked")
    ...     return block.text.upper()
    >>> block = segment("Title")[0]
    >>> shout(block), shout(block)
    asked
    ('TITLE', 'TITLE')
    """
    key = f"_{func.__module__}.{func.__qualname__}"

    @wraps(func)
    def answer(block: Block) -> T:
        known = block.__dict__.get(key, _UNKNOWN)
        if known is _UNKNOWN:
            known = block.__dict__[key] = func(block)
        return known

    return answer


_UNKNOWN = object()


@dataclass(eq=False)
class Block:
    """One non-blank line: `text` is `source[start:end]` with the span removals applied."""

    index: int
    line: int
    start: int
    end: int
    text: str
    spans_removed: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def words(self) -> list[str]:
        """The block's words, in any script.

        >>> [len(b.words) for b in segment("Don't stop.\\nप्रधानमंत्री ने आज भाषण दिया।\\n市议会周二开会。")]
        [2, 5, 4]
        """
        return words(self.text)

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def lowered_words(self) -> frozenset[str]:
        """The block's words, lower-cased."""
        return frozenset(w.lower() for w in self.words)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def ends_sentence(self) -> bool:
        """Ends with terminal punctuation of any script, maybe followed by closing quotes.

        >>> [b.ends_sentence for b in segment("ভবনটি বসন্তে খুলবে।\\nهل هذا صحيح؟\\nनया पुल\\nMenu")]
        [True, True, False, False]
        >>> segment("ห้องสมุดจะเปิดในฤดูใบไม้ผลิหน้า")[0].ends_sentence  # Thai: no mark
        True
        >>> segment("It rained.\u200b")[0].ends_sentence  # a zero-width space after it
        True
        """
        return bool(_TERMINAL.search(self.text))

    @cached_property
    def letter_share(self) -> float:
        """The share of letters, with the combining marks that belong to them.

        >>> [round(b.letter_share, 2) for b in segment("नगर परिषद ने बजट को मंजूरी दी\\n12:30 | 5")]
        [0.79, 0.0]
        """
        text = self.text
        letters = sum(map(str.isalpha, text))
        if not text.isascii():
            letters += len(_MARK.findall(text))
        return letters / max(1, len(text))

    @cached_property
    def is_upper(self) -> bool:
        """All cased letters are capitals, and they are most of the letters (a masthead, a
        label); a Thai or Japanese headline that names "PM2.5" or "NHK" is no such line.

        >>> [b.is_upper for b in segment("BREAKING NEWS\\nฝุ่น PM2.5 ในกรุงเทพฯ สูงเกินมาตรฐาน")]
        [True, False]
        """
        if not self.text.isupper():
            return False
        letters = sum(map(str.isalpha, self.text))
        return sum(map(str.isupper, self.text)) * 2 >= letters


def segment(text: str) -> list[Block]:
    """Split normalized text into blocks with offsets; leading spaces are layout.

    >>> [(b.line, b.start, b.text) for b in segment("  Title\\n\\nBody text.\\n")]
    [(1, 2, 'Title'), (3, 9, 'Body text.')]
    """
    blocks: list[Block] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.strip()
        if content:
            start = offset + (len(line) - len(line.lstrip()))
            blocks.append(Block(len(blocks), number, start, start + len(content), content))
        offset += len(line) + 1
    return blocks
