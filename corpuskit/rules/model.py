"""The line model rule: boilerplate told from article text by statistics, not phrases.

It runs after the lexicon, caption and metadata rules, on the blocks they left open.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import numpy as np

from corpuskit.linefeatures import BlockFeatures
from corpuskit.linemodel import LineModel, default_model, describe
from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit

_override: list[LineModel | None] = []


@contextmanager
def using_model(model: LineModel | None) -> Iterator[None]:
    """Clean with another line model (None: none at all) inside the block; for training
    and cross-validation."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def active_model() -> LineModel | None:
    return _override[-1] if _override else default_model()


def explain(reasons: list[tuple[str, float, float]]) -> str:
    """The features that pushed a block out most, with their values and contributions."""
    return ", ".join(f"{describe(name, value)} (+{push:.1f})" for name, value, push in reasons) or (
        "no single strong feature"
    )


class LineScore(BlockRule):
    """Removes lines that a trained model scores as boilerplate; flags the unsure ones.

    What it does: scores every line still kept with stacked logistic regressions over
    general features: its length and word count, the share of frequent function words (stopword
    lists of 39 languages), terminal punctuation, capitals, digits, symbols, links, menu
    separators, words of the boilerplate lexicons, how often the line recurs in the
    document and across the corpus (when a line table is given), and its context: what
    the neighbouring lines look like, and whether it lies in the densest run of article
    text. A line scored as confident boilerplate is removed; an unsure one is flagged and
    stays; when every line left would go, all are flagged instead (the model never empties
    a document). The finding names the three features that pushed the line out most.

    Why: boilerplate comes in endless wordings and languages; lexicons catch the common
    phrases, statistics catch the rest (menus, link lists, widgets, footers), the way
    jusText and boilerpipe do on HTML, here from plain text alone.

    Example:
        >>> from corpuskit import clean_text
        >>> menu = "\\n".join(["Politik", "Wirtschaft", "Kultur", "Sport", "Wetter"])
        >>> r = clean_text(BODY + "\\n\\n" + BODY + "\\n\\n" + menu)
        >>> r.record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> print(next(f.message for f in r.report.findings if f.text == "Kultur"))
        boilerplate (p=0.87): words 1 (+3.0), stopwords 0 (+0.7), score of nearby lines +1.1 (+0.6)
    """

    code, name, category = "B301", "line-model", "boilerplate"
    summary = "line scored as boilerplate by the line model"

    def __init__(self) -> None:
        self._features: BlockFeatures | None = None  # of every block, computed once

    def check(self, ctx: Context) -> Iterable[Hit]:
        model = active_model()
        blocks = list(ctx.open_blocks())
        if model is None or not blocks:
            return
        if self._features is None:
            self._features = BlockFeatures.of(ctx.all_blocks, ctx.line_table)
        rows = np.fromiter((b.index for b in blocks), dtype=np.int64, count=len(blocks))
        prediction = model.predict_features(self._features.take(rows))
        probability = prediction.probability
        ctx.line_scores.update(zip(rows.tolist(), probability.tolist(), strict=True))
        # Never empty a document: when every line left would go, the model is unsure.
        remove_at = model.remove_at if (probability < model.remove_at).any() else float("inf")
        hits = np.flatnonzero(probability >= model.flag_at)
        for row, reasons in zip(hits.tolist(), prediction.reasons(hits), strict=True):
            p = float(probability[row])
            if p >= remove_at:
                yield self.hit(blocks[row], REMOVE, f"boilerplate (p={p:.2f}): {explain(reasons)}")
            else:
                yield self.hit(blocks[row], FLAG, f"maybe boilerplate (p={p:.2f}): {explain(reasons)}")
