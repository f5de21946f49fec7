"""The lexical score of a line: a logistic regression over its hashed words.

Each line becomes a bag of features: its lower-cased words (digits read as 0, so numbers
count by their shape), the pairs of neighbouring words, and the character pairs of words
written without spaces (Chinese, Japanese, Thai, ...). A feature is hashed with CRC-32
(stable across runs and machines) into one of `2**bits` buckets; a line's score is the
sum of its buckets' weights over the square root of its feature count, plus an intercept:
the log-odds that the line is boilerplate, read from its words alone. The line model
(`linemodel`) takes that score as one more intrinsic feature.

The weights are written by `benchmarks/train_lines.py` into a small NumPy file shipped with
the package (`corpuskit/data/line_lexicon.npz`: the buckets kept and their weights as
float16) and read on first use. Every score can be explained: the words whose weights
pushed it up most are named (`LexicalModel.top_words`).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

LEXICON_FILE = "line_lexicon.npz"
_DIGIT = re.compile(r"\d")
_FIRST: dict[str, int] = {}  # lower-cased word -> its first feature hash (see `_learn`)
_HASHES_MAX = 200_000
_PAIR_MIX = np.uint64(0x9E3779B97F4A7C15)
_MASK32 = np.uint64(0xFFFFFFFF)


def _unspaced(ch: str) -> bool:
    """Scripts written without spaces between words (CJK, kana, Thai, Lao, Khmer, ...)."""
    code = ord(ch)
    return (
        0x0E00 <= code <= 0x0EFF
        or 0x1780 <= code <= 0x17FF
        or 0x2E80 <= code <= 0x9FFF
        or (0xF900 <= code <= 0xFAFF)
    )


def word_features(word: str) -> list[str]:
    """The features a lower-cased word stands for: itself with digits read as 0, or, in a
    script written without spaces, its character pairs.

    >>> word_features("newsletter"), word_features("2024"), word_features("新聞記事")
    (['newsletter'], ['0000'], ['新聞', '聞記', '記事'])
    """
    if len(word) > 2 and _unspaced(word[0]):
        return [word[i : i + 2] for i in range(len(word) - 1)]
    return [_DIGIT.sub("0", word)]


def _hashes(word: str) -> tuple[int, ...]:
    """The feature hashes of one lower-cased word."""
    return tuple(zlib.crc32(f.encode("utf-8", "surrogatepass")) for f in word_features(word))


def _learn(word: str) -> int:
    """The first feature hash of a word, cached; negative (-1 - hash) when the word stands
    for more features than one."""
    hashes = _hashes(word)
    first = hashes[0] if len(hashes) == 1 else -1 - hashes[0]
    if len(_FIRST) < _HASHES_MAX:
        _FIRST[word] = first
    return first


def pair_hash(first: int, second: int) -> int:
    """The hash of a pair of neighbouring words, from the hashes of both (stable)."""
    return int(_pair(np.array([first], dtype=np.uint64), np.array([second], dtype=np.uint64))[0])


def _pair(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    mixed = (first * _PAIR_MIX) & _MASK32
    return ((mixed ^ (second << np.uint64(7)) ^ (second >> np.uint64(25))) + np.uint64(1)) & _MASK32


def hashed_lines(lowered: list[str], word_counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Feature hashes of lines, given all their lower-cased words in order and the word
    count of each line: (owner, hashes), one entry per feature occurrence (unigrams, then
    pairs of neighbouring words within a line), `owner` the line's row.

    >>> owner, hashes = hashed_lines(["sign", "up", "today"], np.array([2, 1]))
    >>> owner.tolist()
    [0, 0, 1, 0]
    """
    n = len(word_counts)
    if not lowered:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    firsts = list(map(_FIRST.get, lowered))
    if None in firsts:
        firsts = [_learn(w) if h is None else h for w, h in zip(lowered, firsts, strict=True)]
    signed = np.array(firsts, dtype=np.int64)
    word_owner = np.repeat(np.arange(n), word_counts)
    several = signed < 0
    first = np.where(several, -1 - signed, signed).astype(np.uint64)
    unigrams, owner = first, word_owner
    if several.any():  # words written without spaces: all their character pairs
        rows = np.flatnonzero(several)
        rest = [_hashes(lowered[i])[1:] for i in rows.tolist()]
        extra = np.array([h for hs in rest for h in hs], dtype=np.uint64)
        unigrams = np.concatenate([first, extra])
        owner = np.concatenate([word_owner, np.repeat(word_owner[rows], [len(hs) for hs in rest])])
    # neighbouring words (by their first feature) within a line
    same = word_owner[1:] == word_owner[:-1]
    pairs = _pair(first[:-1][same], first[1:][same])
    return np.concatenate([owner, word_owner[1:][same]]), np.concatenate([unigrams, pairs])


def rows_of(owner: np.ndarray, hashes: np.ndarray, n: int, bits: int):
    """Sparse rows (indptr, buckets, values) of n lines: each distinct bucket once, values
    1 / sqrt(distinct buckets of the line)."""
    buckets = (hashes & np.uint64((1 << bits) - 1)).astype(np.int64)
    keys = np.sort(owner.astype(np.int64) << bits | buckets)
    if len(keys):
        distinct = np.empty(len(keys), dtype=bool)
        distinct[0] = True
        np.not_equal(keys[1:], keys[:-1], out=distinct[1:])
        keys = keys[distinct]
    rows, buckets = keys >> bits, keys & ((1 << bits) - 1)
    counts = np.bincount(rows, minlength=n)
    indptr = np.concatenate([[0], np.cumsum(counts)])
    values = 1 / np.sqrt(np.maximum(counts, 1))[rows]
    return indptr, buckets, values


@dataclass
class LexicalModel:
    """Bucket weights of a hashed bag-of-words logistic regression."""

    bits: int
    buckets: np.ndarray  # kept buckets, sorted
    weights: np.ndarray  # their weights
    intercept: float
    max_words: int = 0  # lines of more words score 0 (0: every line is scored)

    def __post_init__(self) -> None:
        self._dense = np.zeros(1 << self.bits, dtype=np.float32)
        self._dense[self.buckets] = self.weights

    def scores(self, owner: np.ndarray, hashes: np.ndarray, n: int) -> np.ndarray:
        """Log-odds of being boilerplate of n lines, from `hashed_lines`."""
        indptr, buckets, values = rows_of(owner, hashes, n, self.bits)
        rows = np.repeat(np.arange(n), np.diff(indptr))
        total = np.bincount(rows, weights=self._dense[buckets] * values, minlength=n)
        return total + self.intercept

    def gated(self, scores: np.ndarray, word_counts: np.ndarray) -> np.ndarray:
        """Scores of lines of more than `max_words` words set to 0 (when it is set).

        >>> LexicalModel(4, np.array([8]), np.array([0.5]), 0.0, 3).gated(np.ones(2), np.array([3, 4]))
        array([1., 0.])
        """
        if self.max_words <= 0:
            return scores
        return np.where(word_counts <= self.max_words, scores, 0.0)

    def score_texts(self, lowered_words: list[list[str]]) -> np.ndarray:
        """Log-odds of lines given as lists of lower-cased words."""
        counts = np.fromiter(map(len, lowered_words), dtype=np.int64, count=len(lowered_words))
        flat = [w for ws in lowered_words for w in ws]
        return self.scores(*hashed_lines(flat, counts), len(lowered_words))

    def top_words(self, words: list[str], top: int = 3) -> list[tuple[str, float]]:
        """The words and word pairs of a line whose weights push it out most, as (text,
        weight), strongest first (positive weights only)."""
        lowered = [w.lower() for w in words]
        found: dict[str, float] = {}
        mask = (1 << self.bits) - 1
        firsts = []
        for word in lowered:
            hashes = _hashes(word)
            firsts.append(hashes[0])
            features = word_features(word)
            for feature, h in zip(features, hashes, strict=True):
                name = feature if len(features) > 1 else word
                found[name] = max(found.get(name, -np.inf), float(self._dense[h & mask]))
        for i in range(len(lowered) - 1):
            pair = f"{lowered[i]} {lowered[i + 1]}"
            found.setdefault(pair, float(self._dense[pair_hash(firsts[i], firsts[i + 1]) & mask]))
        ranked = sorted(((w, v) for w, v in found.items() if v > 0), key=lambda item: (-item[1], item[0]))
        return ranked[:top]

    def feature_weight(self, feature: str) -> float:
        """The weight of one word, or of two words joined by a space (a pair).

        >>> model = LexicalModel(4, np.array([8]), np.array([0.5]), 0.0)
        >>> model.feature_weight("newsletter"), model.feature_weight("said")
        (0.5, 0.0)
        """
        mask = (1 << self.bits) - 1
        first, _, second = feature.partition(" ")
        h = pair_hash(_hashes(first)[0], _hashes(second)[0]) if second else _hashes(first)[0]
        return float(self._dense[h & mask])

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {
            "bits": np.array(self.bits, dtype=np.int64),
            "buckets": self.buckets.astype(np.uint32),
            "weights": self.weights.astype(np.float16),
            "intercept": np.array(self.intercept, dtype=np.float64),
            "max_words": np.array(self.max_words, dtype=np.int64),
        }

    @classmethod
    def from_arrays(cls, data) -> LexicalModel:
        return cls(
            int(data["bits"]),
            np.asarray(data["buckets"], dtype=np.int64),
            np.asarray(data["weights"], dtype=np.float32),
            float(data["intercept"]),
            int(data["max_words"]),
        )


@cache
def default_lexicon() -> LexicalModel | None:
    """The lexical weights shipped with the package; None when the file is absent."""
    resource = resources.files("corpuskit.data").joinpath(LEXICON_FILE)
    if not resource.is_file():
        return None
    with resource.open("rb") as fh, np.load(fh) as data:
        return LexicalModel.from_arrays(data)
