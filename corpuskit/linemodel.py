"""The line model: stacked logistic regressions over the features of `linefeatures`.

Stage one reads each block alone (intrinsic features); the next stage adds the block's
context, including the previous stage's scores of its neighbours (context smoothing). Weights,
feature scaling and decision thresholds live in a small JSON file shipped with the
package (`corpuskit/data/line_model.json`), written by `benchmarks/train_lines.py`;
inference is plain numpy. Every decision can be explained: a feature's contribution is
its weight times its standardized value, and the largest ones are named.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from corpuskit.linefeatures import CONTEXT, INTRINSIC, BlockFeatures, context
from corpuskit.linefreq import LineTable
from corpuskit.segment import Block

MODEL_FILE = "line_model.json"

LABELS = {  # feature -> how a finding names it
    "words": "words",
    "chars": "characters",
    "terminal": "ends like a sentence",
    "colon_end": "ends with a colon",
    "open_end": "ends open",
    "first_upper": "starts with a capital",
    "first_lower": "starts with a small letter",
    "capitalised": "capitalised words",
    "all_caps": "all capitals",
    "digits": "digits",
    "symbols": "symbols",
    "stopwords": "stopword share",
    "stopword_count": "stopwords",
    "chrome_words": "boilerplate words",
    "credit_words": "credit words",
    "link": "link or address",
    "separators": "menu separators",
    "word_length": "mean word length",
    "sentences": "sentence ends inside",
    "leading_mark": "starts with a mark",
    "date_time": "date or time",
    "quotes": "quotation marks",
    "corpus_repeats": "other documents with this line",
    "prev_score": "score of the line before",
    "next_score": "score of the line after",
    "near_score": "score of nearby lines",
    "far_score": "score of surrounding lines",
    "prev_words": "words in the line before",
    "next_words": "words in the line after",
    "in_body": "in the article body",
    "body_distance": "lines from the article body",
    "before_body": "above the article body",
    "position": "position in the document",
    "edge": "first or last line",
    "doc_repeats": "same line elsewhere in the document",
    "doc_blocks": "lines in the document",
    "doc_score": "score of the document",
    "doc_good": "share of words in text-like lines",
}
_COUNTS = {
    "words", "chars", "stopword_count", "separators", "sentences", "corpus_repeats", "prev_words",
    "next_words", "body_distance", "doc_repeats", "doc_blocks",
}  # fmt: skip
_SHARES = {
    "capitalised", "digits", "symbols", "stopwords", "chrome_words", "credit_words", "position", "doc_good"
}  # fmt: skip
_SCORES = {"prev_score", "next_score", "near_score", "far_score", "doc_score"}


def describe(name: str, value: float) -> str:
    """A feature and its value as a finding shows them.

    >>> describe("words", 1.0986), describe("stopwords", 0.25), describe("in_body", 0.0)
    ('words 2', 'stopword share 25%', 'in the article body: no')
    """
    label = LABELS.get(name, name)
    if name in _COUNTS:
        return f"{label} {round(math.expm1(value))}"
    if name in _SHARES:
        return f"{label} {value:.0%}"
    if name in _SCORES:
        return f"{label} {value:+.1f}"
    if name == "word_length":
        return f"{label} {value * 10:.1f}"
    return f"{label}: {'yes' if value else 'no'}"


@dataclass
class Stage:
    """One logistic regression on standardized features."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def from_dict(cls, data: dict) -> Stage:
        return cls(
            tuple(data["features"]),
            np.array(data["mean"], dtype=float),
            np.array(data["scale"], dtype=float),
            np.array(data["coef"], dtype=float),
            float(data["intercept"]),
        )

    def to_dict(self) -> dict:
        return {
            "features": list(self.names),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(float(self.intercept), 6),
        }

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per-feature contributions to the log-odds (rows: blocks)."""
        return (x - self.mean) / self.scale * self.coef

    def logit(self, x: np.ndarray) -> np.ndarray:
        return self.contributions(x).sum(axis=1) + self.intercept


@dataclass
class Prediction:
    """Scores of the blocks given to `LineModel.predict`, in their order."""

    probability: np.ndarray  # of being boilerplate
    contributions: np.ndarray  # last stage's contributions to the log-odds
    values: np.ndarray  # last stage's feature values
    names: tuple[str, ...]

    def reasons(self, rows: np.ndarray, top: int = 3) -> list[list[tuple[str, float, float]]]:
        """For each row, the `top` features that pushed the block out most, as
        (name, value, contribution), strongest first."""
        contrib = self.contributions[rows]
        order = np.argsort(-contrib, axis=1, kind="stable")[:, :top]
        return [
            [(self.names[j], float(self.values[r, j]), float(c[j])) for j in cols if c[j] > 0]
            for r, c, cols in zip(rows.tolist(), contrib, order.tolist(), strict=True)
        ]


class LineModel:
    """Stage one reads the intrinsic features; every further stage adds the context
    features computed from the scores of the stage before it."""

    def __init__(self, stages: list[Stage], remove_at: float, flag_at: float, meta: dict):
        if (
            not stages
            or stages[0].names != INTRINSIC
            or any(s.names != INTRINSIC + CONTEXT for s in stages[1:])
        ):
            raise ValueError("line model: its features do not match this version of corpuskit")
        self.stages = stages
        self.remove_at, self.flag_at = remove_at, flag_at
        self.meta = meta

    @classmethod
    def from_dict(cls, data: dict) -> LineModel:
        return cls(
            [Stage.from_dict(s) for s in data["stages"]],
            float(data["remove_at"]),
            float(data["flag_at"]),
            data.get("meta", {}),
        )

    def to_dict(self) -> dict:
        return {
            "format": 1,
            "remove_at": self.remove_at,
            "flag_at": self.flag_at,
            "stages": [s.to_dict() for s in self.stages],
            "meta": self.meta,
        }

    @classmethod
    def load(cls, path: str | Path) -> LineModel:
        return cls.from_dict(json.loads(Path(path).read_text("utf-8")))

    def predict(self, blocks: list[Block], table: LineTable | None = None) -> Prediction:
        """Probabilities of being boilerplate for blocks in document order."""
        return self.predict_features(BlockFeatures.of(blocks, table))

    def predict_features(self, features: BlockFeatures) -> Prediction:
        x1 = features.x
        score = self.stages[0].logit(x1) if len(x1) else np.zeros(0)
        x, stage = x1, self.stages[0]
        for stage in self.stages[1:]:
            x = np.hstack([x1, context(features.words, score, features.text_ids)])
            score = stage.logit(x)
        contrib = stage.contributions(x)
        return Prediction(1 / (1 + np.exp(-score)), contrib, x, stage.names)


@cache
def default_model() -> LineModel | None:
    """The model shipped with the package; None when the file is absent."""
    resource = resources.files("corpuskit.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return LineModel.from_dict(json.loads(resource.read_text("utf-8")))
