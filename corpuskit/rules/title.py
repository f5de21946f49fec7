"""The title rule: the article's headline, lifted into metadata."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpuskit.lexicon import lexicon
from corpuskit.rules.base import LIFT, BlockRule, Context, Hit
from corpuskit.rules.header import title_blocks


class Title(BlockRule):
    """Lifts the headline into `meta.title`.

    What it does: the headline is a line that repeats the document's first line,
    whole or without a trailing site name ("Floods hit the north | Daily Planet" above,
    "Floods hit the north" further down: a page's title and its headline); failing that,
    the only header line that reads like a headline (3 to 25 words, mixed case, no final
    full stop; two words only when they share a word with the page's title: alone, they
    are a place, a label or a name as often as a headline) and is not a byline, date,
    outlet or credit, nor cut short (ending on an article or "of"). It is removed from the text and
    becomes `meta.title`; the page-title line goes with it, and the site name at its end
    becomes `meta.source` when no outlet line gave one; further copies of either line go
    too (one left behind would be lifted by the next cleaning). With two or more candidates and
    no repetition none is lifted: they are flagged (B113) and stay. A line of roles and
    desks ("Staff and agencies") is a credit, never a headline.

    Why: the headline is metadata. Guessing between a kicker, a headline and a deck would
    sometimes lift the wrong one; precision first.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Hochwasser in Bayern: Pegel steigen weiter\\n\\n" + BODY).record.meta.title
        'Hochwasser in Bayern: Pegel steigen weiter'
        >>> page = "Floods hit the north | Daily Planet\\nHome\\nWorld news today\\nFloods hit the north\\n"
        >>> meta = clean_text(page + "Rain all week\\n\\n" + BODY).record.meta
        >>> meta.title, meta.source
        ('Floods hit the north', 'Daily Planet')
    """

    code, name, category = "M001", "title", "metadata"
    summary = "headline lifted into meta.title"

    def check(self, ctx: Context) -> Iterable[Hit]:
        if "M001" in ctx.removed_by.values():
            return
        blocks = title_blocks(ctx)
        if not blocks:
            return
        texts = {b.text for b in blocks}
        copies = [b for b in ctx.blocks if b.text in texts and b not in blocks]  # lifted with it
        for block in [*blocks, *copies]:
            if not ctx.is_kept(block):
                continue
            value = _LABEL.sub("", blocks[0].text) or blocks[0].text
            outlet = _site_name(block.text, value) if block is not blocks[0] else None
            if outlet:
                yield self.hit(block, LIFT, f"page title: {value} | {outlet}", field="source", value=outlet)
            else:
                yield self.hit(block, LIFT, f"title: {value}", field="title", value=value)


_LABEL = re.compile(r"\s*\[[^\[\]]{1,20}\]$")  # "... Finale [Watch]": a label, not the headline


def _site_name(page_title: str, headline: str) -> str | None:
    """The last part of a page title after its headline ("... | Belgium | The Guardian"),
    when it reads like a name: one to five words, no digits, not a byline."""
    if not page_title.startswith(headline):
        return None
    parts = [p.strip() for p in re.split(r"\s+(?:\||-|–|—|·|::)\s+", page_title[len(headline) :])]
    last = parts[-1].strip(" |–—-·") if parts else ""
    if not last or any(ch.isdigit() for ch in last) or not 1 <= len(last.split()) <= 5:
        return None
    if lexicon("byline").prefix(last) or not last[0].isupper():
        return None
    return last
