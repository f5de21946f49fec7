"""Features of a block for the line model.

Two kinds, both computed from the block and the blocks still standing, so cleaning
cleaned text sees the same values:

- intrinsic features read one block's text (length, stopword density, punctuation,
  capitals, digits, symbols, links, chrome words, repetition across the corpus); they are
  computed once per block;
- context features place a block among the blocks still standing (what its neighbours
  look like, where it stands, whether it lies in the densest run of good text, whether its
  text repeats in the document); they are recomputed in every pass, as whole arrays.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat

import numpy as np

from corpuskit.lexicon import WORD_CHAR, every_phrase, read_phrases
from corpuskit.linefreq import LineTable, line_hashes
from corpuskit.segment import SENTENCE_MARKS, Block
from corpuskit.usercache import kept

INTRINSIC = (
    "words",  # log(1 + words)
    "chars",  # log(1 + characters)
    "terminal",  # ends like a sentence
    "colon_end",  # ends with a colon
    "open_end",  # ends with another mark: , ; | - ( ...
    "first_upper",  # starts with a capital letter
    "first_lower",  # starts with a small letter (a paragraph broken across lines)
    "capitalised",  # share of words that start with a capital
    "all_caps",  # cased letters all capitals (three letters or more)
    "digits",  # share of characters that are digits
    "symbols",  # share of characters that are neither word characters nor spaces
    "stopwords",  # share of words that are frequent function words (any language)
    "stopword_count",  # log(1 + stopwords)
    "chrome_words",  # share of words from the boilerplate lexicons
    "credit_words",  # share of words from the credit and photo agency lexicons
    "link",  # holds a URL, an e-mail address or a handle
    "separators",  # log(1 + menu separators: | • · » › ...)
    "word_length",  # mean word length (characters, capped at 12) / 10
    "sentences",  # log(1 + sentence ends inside the line)
    "leading_mark",  # starts with a mark, not a letter, digit or quote
    "date_time",  # holds a year or a clock time
    "quotes",  # holds quotation marks
    "corpus_repeats",  # log(1 + other documents of the corpus holding the line)
)

_I = {name: i for i, name in enumerate(INTRINSIC)}

CONTEXT = (
    "prev_score",  # stage-one score of the block before (0 at the edge)
    "next_score",  # stage-one score of the block after
    "near_score",  # mean stage-one score of the 3 blocks on each side
    "far_score",  # mean stage-one score of the 10 blocks on each side
    "prev_words",  # log(1 + words) of the block before
    "next_words",  # log(1 + words) of the block after
    "in_body",  # lies in the densest run of good text
    "body_distance",  # log(1 + blocks between this block and that run)
    "before_body",  # stands above that run
    "position",  # relative position among the blocks standing
    "edge",  # first or last block standing
    "doc_repeats",  # log(1 + other blocks with the same text)
    "doc_blocks",  # log(1 + blocks standing)
    "doc_score",  # mean stage-one score of the blocks standing
    "doc_good",  # share of the words standing in blocks that look like text
)
_C = {name: i for i, name in enumerate(CONTEXT)}

_DIGIT_RUN = re.compile(r"[0-9]+(?::[0-9]+)?")  # a year (18xx-20xx) or a clock time (h:mm) is one
_SEPARATOR_MARKS = "|•·»›«‹/\\>"
_QUOTES = '"“”„«»'
_OPEN_END = ",;|-–—(/&+:"
_CHROME_LEXICONS = ("nav", "share", "trending", "sponsor", "cookie", "paywall", "teaser")
_CREDIT_LEXICONS = ("credit", "photo_agency")


@cache
def stopwords() -> frozenset[str]:
    """Frequent function words of every language in `lexicons/stopwords.txt`, merged."""
    return every_phrase("stopwords")


_LEXICON_WORD = re.compile(f"{WORD_CHAR}+")  # a word with its vowel signs and joiners


def _lexicon_words(categories: tuple[str, ...], shortest: int) -> frozenset[str]:
    """The words of some lexicons' phrases, `shortest` characters or more, less stopwords.

    >>> sorted(_lexicon_words(("teaser",), 3) & {"पढ़ें", "पढ", "read"})
    ['read', 'पढ़ें']
    """
    words = set()
    for category in categories:
        for phrases in read_phrases(category).values():
            for phrase in phrases:
                words.update(w for w in _LEXICON_WORD.findall(phrase.lower()) if len(w) >= shortest)
    return frozenset(words - stopwords())


@cache
def chrome_words() -> frozenset[str]:
    """Words of the boilerplate lexicons (menus, share calls, paywalls, ...), three
    letters or more and not stopwords.

    >>> "newsletter" in chrome_words(), "the" in chrome_words()
    (True, False)
    """
    return _lexicon_words(_CHROME_LEXICONS, 3)


@cache
def credit_words() -> frozenset[str]:
    """Words of the credit and photo agency lexicons ("photo", "foto", "getty", "ap", ...).

    >>> "getty" in credit_words(), "reuters" in credit_words()
    (True, True)
    """
    return _lexicon_words(_CREDIT_LEXICONS, 2)


# Character classes, as bits, for a whole document at once.
_BITS = (
    "digit", "upper", "lower", "space", "symbol", "separator", "quote", "terminal", "at",
    "alnum", "closer", "colon", "open", "opener",
)  # fmt: skip
_BIT = {name: 1 << i for i, name in enumerate(_BITS)}
_COUNTED = ("digit", "upper", "lower", "symbol", "separator", "quote", "at")
_MARKS = {
    "separator": _SEPARATOR_MARKS,
    "quote": _QUOTES,
    "terminal": SENTENCE_MARKS,
    "at": "@",
    "closer": "\"'”’»)]",
    "colon": ":",
    "open": _OPEN_END.replace(":", ""),
    "opener": _QUOTES + "'‘(",
}
_LINK_NEEDLES = ("://", "www.", ".com", ".org", ".net", ".htm")


_CLASSES = np.zeros(0x10000, dtype=np.uint16)  # class bits of the BMP's characters ...
_CLASSIFIED = np.zeros(0x10000, dtype=bool)  # ... filled in as documents bring them


def _classes(codes: np.ndarray) -> np.ndarray:
    """Class bits of code points; characters past the BMP count as symbols.

    A character is classified the first time a document holds it (a whole-plane table
    would cost a one-seed check a seventh of a second).

    >>> bits = _classes(np.array([ord("A"), ord("7"), ord("?"), 0x1F600], dtype=np.uint32))
    >>> [bool(b & _BIT[name]) for b, name in zip(bits.tolist(), ["upper", "digit", "terminal", "symbol"])]
    [True, True, True, True]
    """
    plane = np.minimum(codes, 0xFFFF)
    present = np.zeros(0x10000, dtype=bool)
    present[plane] = True
    for code in np.flatnonzero(present & ~_CLASSIFIED).tolist():
        _CLASSES[code] = _class_bits(chr(code))
        _CLASSIFIED[code] = True
    classes = _CLASSES[plane]
    classes[codes > 0xFFFF] = _BIT["symbol"]
    return classes


def _class_bits(ch: str) -> int:
    bits = 0
    if ch.isdigit():
        bits |= _BIT["digit"]
    if ch.isupper():
        bits |= _BIT["upper"]
    elif ch.islower():
        bits |= _BIT["lower"]
    if ch.isspace():
        bits |= _BIT["space"]
    elif ch.isalnum():
        bits |= _BIT["alnum"]
    elif ch != "_":
        bits |= _BIT["symbol"]
    for name, marks in _MARKS.items():
        if ch in marks:
            bits |= _BIT[name]
    return bits


_STOP, _CHROME, _CREDIT = 1, 2, 4


@cache
def _word_kinds() -> dict[str, int]:
    """Lower-cased word -> bits: stopword, boilerplate lexicon word, credit word. Built
    from the lexicons once, then read from the user's cache folder (building it is a
    tenth of a one-seed check).

    >>> _word_kinds()["the"] & _STOP, _word_kinds()["newsletter"] & _CHROME
    (1, 2)
    """
    lexicons = resources.files("corpuskit.lexicons")
    categories = ("stopwords", *_CHROME_LEXICONS, *_CREDIT_LEXICONS)
    sources = [__file__, *(str(lexicons.joinpath(f"{name}.txt")) for name in categories)]
    return kept("word-kinds", sources, _build_word_kinds)


def _build_word_kinds() -> dict[str, int]:
    kinds: dict[str, int] = {}
    for words, bit in ((stopwords(), _STOP), (chrome_words(), _CHROME), (credit_words(), _CREDIT)):
        for word in words:
            kinds[word] = kinds.get(word, 0) | bit
    return kinds


def intrinsic_rows(blocks: list[Block]) -> np.ndarray:
    """The intrinsic features of blocks, one row each in the order of `INTRINSIC`
    (corpus repetition left at 0: `corpus_repeats` fills it). Characters are classified
    for the whole document at once; words are looked up in the lexicons in bulk.

    >>> from corpuskit.segment import segment
    >>> row = intrinsic_rows(segment("The council met on Tuesday."))[0]  # the, on; met (Dutch)
    >>> dict(zip(INTRINSIC, row.tolist()))["terminal"], dict(zip(INTRINSIC, row.tolist()))["stopwords"]
    (1.0, 0.6)
    """
    return _intrinsic(blocks)[0]


def _intrinsic(blocks: list[Block]) -> tuple[np.ndarray, list[str]]:
    """Intrinsic rows, and the lower-cased text of every block."""
    n = len(blocks)
    out = np.zeros((n, len(INTRINSIC)))
    if not n:
        return out, []
    texts = [b.text for b in blocks]
    joined = "\n".join(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    starts[1:] = np.cumsum(lengths + 1)[:-1]
    ends = starts + lengths
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _classes(codes)

    # per-block counts of each counted class (each block keeps its "\n"), a class at a
    # time: a table of every character's bits would take 30 bytes a character
    counts = {
        name: np.add.reduceat(((classes & _BIT[name]) != 0).astype(np.int32), starts).astype(float)
        for name in _COUNTED
    }
    inner = np.zeros(len(classes), dtype=np.int32)  # a sentence end followed by a space
    inner[:-1] = ((classes[:-1] & _BIT["terminal"]) != 0) & ((classes[1:] & _BIT["space"]) != 0)
    inner[ends - 1] = 0  # the "\n" after a block is not part of it
    inner_ends = np.add.reduceat(inner, starts)

    last = ends - 1  # the last character before closing quotes and brackets
    while True:
        closing = (last >= starts) & ((classes[np.maximum(last, 0)] & _BIT["closer"]) != 0)
        if not closing.any():
            break
        last = np.where(closing, last - 1, last)
    last_class = np.where(last >= starts, classes[np.maximum(last, 0)], 0)
    end_class, first_class = classes[ends - 1], classes[starts]

    word_lists = [b.words for b in blocks]
    word_counts = np.fromiter(map(len, word_lists), dtype=np.int64, count=n)
    words = [w for ws in word_lists for w in ws]
    lowered = "\n".join(words).lower().split("\n") if words else []
    owner = np.repeat(np.arange(n), word_counts)

    def per_block(values) -> np.ndarray:
        return np.bincount(owner, weights=np.fromiter(values, dtype=float, count=len(words)), minlength=n)

    kinds = np.fromiter(map(_word_kinds().get, lowered, repeat(0)), dtype=np.int64, count=len(words))
    stop = np.bincount(owner, weights=(kinds & _STOP) != 0, minlength=n)
    chrome = np.bincount(owner, weights=(kinds & _CHROME) != 0, minlength=n)
    credit = np.bincount(owner, weights=(kinds & _CREDIT) != 0, minlength=n)
    capitalised = per_block(map(str.istitle, words))
    letters = per_block(map(len, words))

    links = counts["at"] > 0
    folded, folded_starts = joined.lower(), starts
    if len(folded) == len(joined):
        lowered_texts = folded.split("\n")
    else:  # a few characters grow when lower-cased ("İ"): fold line by line
        lowered_texts = [t.lower() for t in texts]
        folded = "\n".join(lowered_texts)
        folded_starts = np.zeros(n, dtype=np.int64)
        folded_starts[1:] = np.cumsum(np.fromiter(map(len, lowered_texts), dtype=np.int64, count=n) + 1)[:-1]
    for needle in _LINK_NEEDLES:
        at = folded.find(needle)
        while at >= 0:
            links[np.searchsorted(folded_starts, at, side="right") - 1] = True
            at = folded.find(needle, at + 1)
    dated = np.zeros(n, dtype=bool)
    if counts["digit"].any():
        for match in _DIGIT_RUN.finditer(joined):
            whole, _, minutes = match.group().partition(":")
            year = len(whole) == 4 and whole[:2] in ("18", "19", "20")
            if year or (len(whole) <= 2 and len(minutes) == 2):
                dated[np.searchsorted(starts, match.start(), side="right") - 1] = True

    terminal = (last_class & _BIT["terminal"]) != 0
    safe = np.maximum(word_counts, 1)
    has_words = word_counts > 0
    out[:, _I["words"]] = np.log1p(word_counts)
    out[:, _I["chars"]] = np.log1p(lengths)
    out[:, _I["terminal"]] = terminal
    out[:, _I["colon_end"]] = (end_class & _BIT["colon"]) != 0
    out[:, _I["open_end"]] = ~terminal & ((end_class & _BIT["open"]) != 0)
    out[:, _I["first_upper"]] = (first_class & _BIT["upper"]) != 0
    out[:, _I["first_lower"]] = (first_class & _BIT["lower"]) != 0
    out[:, _I["capitalised"]] = np.where(has_words, capitalised / safe, 0.0)
    out[:, _I["all_caps"]] = (counts["upper"] >= 3) & (counts["lower"] == 0)
    out[:, _I["digits"]] = counts["digit"] / lengths
    out[:, _I["symbols"]] = counts["symbol"] / lengths
    out[:, _I["stopwords"]] = np.where(has_words, stop / safe, 0.0)
    out[:, _I["stopword_count"]] = np.log1p(stop)
    out[:, _I["chrome_words"]] = np.where(has_words, chrome / safe, 0.0)
    out[:, _I["credit_words"]] = np.where(has_words, credit / safe, 0.0)
    out[:, _I["link"]] = links
    out[:, _I["separators"]] = np.log1p(counts["separator"])
    out[:, _I["word_length"]] = np.where(has_words, np.minimum(12.0, letters / safe) / 10, 0.0)
    out[:, _I["sentences"]] = np.log1p(inner_ends)
    out[:, _I["leading_mark"]] = (first_class & (_BIT["alnum"] | _BIT["opener"])) == 0
    out[:, _I["date_time"]] = dated
    out[:, _I["quotes"]] = counts["quote"] > 0
    return out, lowered_texts


CORPUS_COLUMN = INTRINSIC.index("corpus_repeats")


REPEATS_MAX_WORDS = 15


def corpus_repeats(blocks: list[Block], table: LineTable | None) -> np.ndarray:
    """log(1 + other documents holding each block's line), from the corpus table, for
    lines of up to `REPEATS_MAX_WORDS` words: a longer line found in other documents is
    more likely a syndicated article than page chrome, so it is not counted."""
    out = np.zeros(len(blocks))
    if table is None or not len(table) or not blocks:
        return out
    rows = [i for i, b in enumerate(blocks) if b.word_count <= REPEATS_MAX_WORDS]
    hashes = np.array(line_hashes([blocks[i].text for i in rows]), dtype=np.uint64)
    counts = table.lookup(hashes).astype(float)
    out[rows] = np.log1p(np.maximum(counts - 1, 0))
    return out


@dataclass
class BlockFeatures:
    """What the line model needs of every block of a document, computed once."""

    x: np.ndarray  # intrinsic features, one row per block
    words: np.ndarray  # word counts
    text_ids: np.ndarray  # equal for blocks with the same lower-cased text

    @classmethod
    def of(cls, blocks: list[Block], table: LineTable | None = None) -> BlockFeatures:
        x, folded = _intrinsic(blocks)  # `folded`: each block's text, lower-cased
        x[:, CORPUS_COLUMN] = corpus_repeats(blocks, table)
        words = np.fromiter((b.word_count for b in blocks), dtype=float, count=len(blocks))
        ids: dict[str, int] = {}
        text_ids = np.array([ids.setdefault(t, len(ids)) for t in folded], dtype=np.int64)
        return cls(x, words, text_ids)

    def take(self, rows: np.ndarray) -> BlockFeatures:
        return BlockFeatures(self.x[rows], self.words[rows], self.text_ids[rows])


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of the `radius` values on each side (the value itself left out)."""
    n = len(values)
    cumulative = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(n)
    lo, hi = np.maximum(index - radius, 0), np.minimum(index + radius + 1, n)
    total = cumulative[hi] - cumulative[lo] - values
    width = hi - lo - 1
    return np.where(width > 0, total / np.maximum(width, 1), 0.0)


def densest_run(gain: np.ndarray) -> tuple[int, int]:
    """The run of consecutive blocks with the largest total gain (start, end inclusive);
    (0, -1) when no gain is positive.

    >>> densest_run(np.array([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0]))
    (1, 3)
    >>> densest_run(np.array([-1.0, -2.0]))
    (0, -1)
    """
    if not len(gain):
        return 0, -1
    total = np.concatenate([[0.0], np.cumsum(gain)])
    lowest = np.minimum.accumulate(total)
    where_lowest = np.maximum.accumulate(np.where(total == lowest, np.arange(len(total)), 0))
    best = total[1:] - lowest[:-1]
    end = int(np.argmax(best))
    if best[end] <= 0:
        return 0, -1
    return int(where_lowest[end]), end


def context(words: np.ndarray, score: np.ndarray, text_ids: np.ndarray) -> np.ndarray:
    """Context features (columns in the order of `CONTEXT`) of the blocks standing, in
    document order, from their word counts, their scores of the stage before (log-odds of
    being boilerplate) and their text ids (`BlockFeatures`)."""
    n = len(score)
    out = np.zeros((n, len(CONTEXT)))
    if n == 0:
        return out
    out[1:, _C["prev_score"]] = score[:-1]
    out[:-1, _C["next_score"]] = score[1:]
    out[:, _C["near_score"]] = _window_mean(score, 3)
    out[:, _C["far_score"]] = _window_mean(score, 10)
    log_words = np.log1p(words)
    out[1:, _C["prev_words"]] = log_words[:-1]
    out[:-1, _C["next_words"]] = log_words[1:]
    start, end = densest_run(np.clip(-score, -3, 3) * log_words)
    index = np.arange(n)
    if end >= start:
        out[:, _C["in_body"]] = (index >= start) & (index <= end)
        distance = np.where(index < start, start - index, np.maximum(index - end, 0))
        out[:, _C["body_distance"]] = np.log1p(distance)
        out[:, _C["before_body"]] = index < start
    else:
        out[:, _C["body_distance"]] = np.log1p(n)
    out[:, _C["position"]] = index / max(1, n - 1)
    out[[0, -1], _C["edge"]] = 1.0
    _, inverse, counts = np.unique(text_ids, return_inverse=True, return_counts=True)
    out[:, _C["doc_repeats"]] = np.log1p(counts[inverse] - 1)
    out[:, _C["doc_blocks"]] = math.log1p(n)
    out[:, _C["doc_score"]] = score.mean()
    out[:, _C["doc_good"]] = words[score < 0].sum() / max(1.0, words.sum())
    return out
