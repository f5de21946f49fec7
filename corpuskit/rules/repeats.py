"""Repetition across the corpus: a short line that many other documents hold is page chrome.

Counts come from the corpus line table (`corpuskit.linefreq`: `build` counts every line in
a first pass, `check` reuses the table of the last build). Without a table the rule is silent.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from corpuskit.linefeatures import REPEATS_MAX_WORDS
from corpuskit.linefreq import line_hashes
from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit

MIN_OTHER_DOCUMENTS = 50


class CorpusRepeat(BlockRule):
    """Removes a short line that recurs in many other documents of the corpus.

    What it does: looks up every line of up to 15 words in the corpus line table (lines
    are compared after folding case, digits and punctuation); a line that at least 50
    other documents also hold is removed, or flagged when it reads like a sentence (ends
    with terminal punctuation). A piece of a sentence cut into lines stays ("The" /
    "council met …": the next line goes on in lower case). Longer lines are never
    counted: a paragraph found in other documents is more likely a syndicated article
    than chrome. Nor is a line of digits alone ("6", "12.03.2023"): it folds to the key
    of every number of its shape, so its count says how common numbers are.

    Why: menus, section names, promos and widget titles come back on every page of a
    site, in every language; how often a line recurs is a statistic, not a phrase list
    (CCNet removes lines by their hash counts the same way). The line model reads the
    same count and runs first (the line is context for its neighbours); this rule takes
    what it leaves, so a count far beyond those the model was trained on does not depend
    on how the model extrapolates.

    Example:
        >>> import numpy as np
        >>> from corpuskit import clean_text
        >>> from corpuskit.linefreq import LineTable, line_hash
        >>> promo = "Unsere Leserreisen im Überblick"
        >>> hashes = np.array([line_hash(promo)], dtype=np.uint64)
        >>> table = LineTable(hashes, np.array([400], dtype=np.uint32), 400)  # 400 documents
        >>> doc = BODY + "\\n\\n" + promo + "\\n\\n" + BODY
        >>> clean_text(doc, line_table=table).record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> promo in clean_text(doc).record.text  # no line table: nothing is known
        True
    """

    code, name, category = "B302", "corpus-repeat", "navigation"
    summary = "short line found in many other documents of the corpus"

    def check(self, ctx: Context) -> Iterable[Hit]:
        table = ctx.line_table
        if table is None or not len(table):
            return
        # a line without a letter ("6", "12.03.2023") shares its key with every number of its shape
        blocks = [b for b in ctx.open_blocks() if b.word_count <= REPEATS_MAX_WORDS and b.letter_share > 0]
        if not blocks:
            return
        known = ctx.memo.setdefault(CorpusRepeat, {})  # block index -> count, kept over passes
        fresh = [b for b in blocks if b.index not in known]
        if fresh:
            counts = table.lookup(np.array(line_hashes([b.text for b in fresh]), dtype=np.uint64))
            known.update(zip((b.index for b in fresh), counts.tolist(), strict=True))
        for block in blocks:
            others = max(known[block.index] - 1, 0)
            if others >= MIN_OTHER_DOCUMENTS and not ctx.in_a_cut_sentence(block):
                action = FLAG if block.ends_sentence else REMOVE
                yield self.hit(block, action, f"other documents with this line {others}")
