"""The byline rule: names of the article's authors, lifted into metadata."""

from __future__ import annotations

from collections.abc import Iterable

from corpuskit.rules.base import LIFT, BlockRule, Context, Hit
from corpuskit.rules.header import BYLINE_REACH, bylines, title_blocks, with_title_window
from corpuskit.segment import Block


class Byline(BlockRule):
    """Lifts a byline into `meta.authors`.

    What it does: a header line that starts with a byline word ("By", "Written by", "Av",
    "Par", "Von", "Por", "Di", "Door", "Autor:", ...) followed by one or more names is
    removed from the text and its names become `meta.authors`. A byline word alone on its
    line takes the names from the lines after it ("By" / "Jane Doe" / "and" / "John Roe",
    as pages converted to text often print it). Roles ("Staff Writer") and credentials
    ("MS, RDN") are not names. When a headline is known and several bylines stand in the
    header, the first one after the headline is the article's.

    Why: bylines are metadata; left in the text they pollute it, dropped they are lost.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Av Kari Nordmann og Ola Hansen\\n\\n" + BODY).record.meta.authors
        ['Kari Nordmann', 'Ola Hansen']
        >>> clean_text("Par\\nMarie Dubois\\net\\nJean Martin\\n\\n" + BODY).record.meta.authors
        ['Marie Dubois', 'Jean Martin']
    """

    code, name, category = "M002", "byline", "metadata"
    summary = "byline lifted into meta.authors"

    def check(self, ctx: Context) -> Iterable[Hit]:
        if "M002" in ctx.removed_by.values():
            return
        # once the headline is lifted it is known: a later pass, whose header has lost it,
        # would take another line for the headline (a linked phrase inside a paragraph)
        title = [] if "M001" in ctx.removed_by.values() else title_blocks(ctx)
        header = with_title_window(ctx, ctx.header(), title)
        found = list(bylines(header))
        headline = title[:1] or _lifted_headline(ctx)
        if headline:
            # a byline well above the headline belongs to something else (a menu, a teaser)
            top = headline[0].index  # counted in the document's lines: the same in every pass
            found = [f for f in found if f[0][-1].index >= top - 2 * BYLINE_REACH]
        if len(found) > 1 and title:
            after = [f for f in found if f[0][0].index > title[0].index]
            names = (after[:1] or found[-1:])[0][1]
            found = [f for f in found if f[1] == names]  # the article's byline and its copies
        for blocks, names in found:
            for block in blocks:
                yield self.hit(block, LIFT, f"byline: {', '.join(names)}", field="authors", value=names)


def _lifted_headline(ctx: Context) -> list[Block]:
    """[the headline] when an earlier pass lifted it."""
    lifted = [b for b in ctx.all_blocks if ctx.removed_by.get(b.index) == "M001"]
    return lifted[-1:]
