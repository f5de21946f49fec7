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
from functools import cache

import numpy as np

from corpuskit.lexicon import read_phrases
from corpuskit.linefreq import LineTable, line_hash
from corpuskit.segment import Block

INTRINSIC = (
    "words",  # log(1 + words)
    "chars",  # log(1 + characters)
    "terminal",  # ends like a sentence
    "colon_end",  # ends with a colon
    "open_end",  # ends with another mark: , ; | - ( ...
    "first_upper",  # starts with a capital letter
    "capitalised",  # share of words that start with a capital
    "all_caps",  # cased letters all capitals (three letters or more)
    "digits",  # share of characters that are digits
    "symbols",  # share of characters that are neither word characters nor spaces
    "stopwords",  # share of words that are frequent function words (any language)
    "stopword_count",  # log(1 + stopwords)
    "chrome_words",  # share of words from the boilerplate lexicons
    "link",  # holds a URL, an e-mail address or a handle
    "separators",  # log(1 + menu separators: | • · » › ...)
    "word_length",  # mean word length (characters, capped at 12) / 10
    "sentences",  # log(1 + sentence ends inside the line)
    "leading_mark",  # starts with a mark, not a letter, digit or quote
    "date_time",  # holds a year or a clock time
    "quotes",  # holds quotation marks
    "corpus_repeats",  # log(1 + other documents of the corpus holding the line)
)

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
)

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…](?=[\"'”’»)\]]*\s+\S)")
_SYMBOL = re.compile(r"[^\w\s]")
_LINK = re.compile(r"https?://|www\.|\w@\w|(?<!\w)@\w|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_DATE_TIME = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)|(?<!\d)\d{1,2}:\d\d(?!\d)")
_SEPARATOR_MARKS = "|•·»›«‹/\\>"
_QUOTES = '"“”„«»'
_OPEN_END = ",;|-–—(/&+:"
_DIGIT_DELETE = str.maketrans("", "", "0123456789")
_CHROME_LEXICONS = ("nav", "share", "trending", "sponsor", "cookie", "paywall", "teaser", "credit")


@cache
def stopwords() -> frozenset[str]:
    """Frequent function words of every language in `lexicons/stopwords.txt`, merged."""
    return frozenset(w for words in read_phrases("stopwords").values() for w in words)


@cache
def chrome_words() -> frozenset[str]:
    """Words of the boilerplate lexicons (menus, share calls, paywalls, credits, ...),
    three letters or more and not stopwords.

    >>> "newsletter" in chrome_words(), "the" in chrome_words()
    (True, False)
    """
    words = set()
    for category in _CHROME_LEXICONS:
        for phrases in read_phrases(category).values():
            for phrase in phrases:
                words.update(w for w in re.findall(r"\w+", phrase.lower()) if len(w) >= 3)
    return frozenset(words - stopwords())


def intrinsic(block: Block) -> list[float]:
    """The intrinsic features of a block, in the order of `INTRINSIC` (corpus repetition
    left at 0: `corpus_repeats` fills it for a whole document).

    >>> from corpuskit.segment import segment
    >>> row = intrinsic(segment("The council met on Tuesday.")[0])  # the, on; met (Dutch)
    >>> dict(zip(INTRINSIC, row))["terminal"], dict(zip(INTRINSIC, row))["stopwords"]
    (1.0, 0.6)
    """
    text = block.text
    n = len(text)
    words = block.words
    count = len(words)
    lowered = [w.lower() for w in words]
    stop = sum(map(stopwords().__contains__, lowered))
    chrome = sum(map(chrome_words().__contains__, lowered))
    capitalised = sum(w[:1].isupper() for w in words)
    digits = n - len(text.translate(_DIGIT_DELETE))
    symbols = len(_SYMBOL.findall(text))
    first = text[:1]
    last = text[-1:]
    terminal = bool(_TERMINAL.search(text))
    letters = sum(len(w) for w in words)
    return [
        math.log1p(count),
        math.log1p(n),
        float(terminal),
        float(last == ":"),
        float(not terminal and last in _OPEN_END and last != ":"),
        float(first.isupper()),
        capitalised / count if count else 0.0,
        float(text.isupper() and sum(ch.isalpha() for ch in text[:40]) >= 3),
        digits / n,
        symbols / n,
        stop / count if count else 0.0,
        math.log1p(stop),
        chrome / count if count else 0.0,
        float(bool(_LINK.search(text))),
        math.log1p(sum(map(text.count, _SEPARATOR_MARKS))),
        min(12.0, letters / count) / 10 if count else 0.0,
        math.log1p(len(_SENTENCE_END.findall(text))),
        float(not (first.isalnum() or first in _QUOTES or first in "'‘(")),
        float(bool(digits and _DATE_TIME.search(text))),
        float(any(q in text for q in _QUOTES)),
        0.0,
    ]


CORPUS_COLUMN = INTRINSIC.index("corpus_repeats")


def corpus_repeats(blocks: list[Block], table: LineTable | None) -> np.ndarray:
    """log(1 + other documents holding each block's line), from the corpus table."""
    if table is None or not len(table) or not blocks:
        return np.zeros(len(blocks))
    hashes = np.array([line_hash(b.text) for b in blocks], dtype=np.uint64)
    counts = table.lookup(hashes).astype(float)
    return np.log1p(np.maximum(counts - 1, 0))


def intrinsic_matrix(blocks: list[Block], table: LineTable | None, cache: dict | None = None) -> np.ndarray:
    """Intrinsic feature rows of blocks; rows are kept in `cache` (by block index), so
    each block is read once however many passes ask."""
    cache = {} if cache is None else cache
    fresh = [b for b in blocks if b.index not in cache]
    if fresh:
        repeats = corpus_repeats(fresh, table).tolist()
        for block, repeat in zip(fresh, repeats, strict=True):
            row = intrinsic(block)
            row[CORPUS_COLUMN] = repeat
            cache[block.index] = row
    return np.array([cache[b.index] for b in blocks], dtype=float).reshape(len(blocks), len(INTRINSIC))


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
    """
    best, best_span = 0.0, (0, -1)
    running, start = 0.0, 0
    for i, value in enumerate(gain.tolist()):
        if running <= 0:
            running, start = value, i
        else:
            running += value
        if running > best:
            best, best_span = running, (start, i)
    return best_span


def context(blocks: list[Block], words: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Context features (columns in the order of `CONTEXT`) of blocks in document order,
    from their word counts and stage-one scores (log-odds of being boilerplate)."""
    n = len(blocks)
    out = np.zeros((n, len(CONTEXT)))
    if n == 0:
        return out
    good = -score
    out[1:, 0] = score[:-1]
    out[:-1, 1] = score[1:]
    out[:, 2] = _window_mean(score, 3)
    out[:, 3] = _window_mean(score, 10)
    log_words = np.log1p(words)
    out[1:, 4] = log_words[:-1]
    out[:-1, 5] = log_words[1:]
    start, end = densest_run(np.clip(good, -3, 3) * log_words)
    index = np.arange(n)
    if end >= start:
        out[:, 6] = (index >= start) & (index <= end)
        out[:, 7] = np.log1p(np.where(index < start, start - index, np.maximum(index - end, 0)))
        out[:, 8] = index < start
    else:
        out[:, 7] = np.log1p(n)
    out[:, 9] = index / max(1, n - 1)
    out[[0, -1], 10] = 1.0
    keys = [b.text.lower() for b in blocks]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    out[:, 11] = np.log1p(np.array([seen[k] - 1 for k in keys], dtype=float))
    out[:, 12] = math.log1p(n)
    return out
