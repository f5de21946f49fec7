"""The source line rule: the outlet that published the article, lifted into metadata."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from corpuskit.metadata import parse_copyright
from corpuskit.rules.base import LIFT, BlockRule, Context, Hit
from corpuskit.rules.header import NEAR_ARTICLE, title_blocks
from corpuskit.rules.lines import is_credit
from corpuskit.segment import Block, capital, per_block


class SourceLine(BlockRule):
    """Lifts the outlet's name into `meta.source`.

    What it does: in the header, close to the article (among its last six lines), a short
    name repeated on consecutive lines (an outlet printed as logo and as text) that the
    page also names in a credit or a copyright line ("Images Le Monde.fr", "© 2023 Le
    Monde"), or a copyright line ("© 2023 Outlet") alone, is removed and becomes
    `meta.source`. A copyright line that names a media company ("Telegraph Media Group",
    "Groupe Le Monde": lexicons/media_group.txt) gives none: the company owns the outlet.

    Why: republished articles carry the original outlet's name above the text. A name
    printed twice is not enough: a section heading under its crumb ("World", "World"), an
    author's picture and name, a headline shown twice look the same; an outlet also signs
    the page's pictures or its copyright.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Dagbladet\\nDagbladet\\n\\n" + BODY + "\\n\\nFoto: Dagbladet").record.meta.source
        'Dagbladet'
        >>> print(clean_text("World\\nWorld\\n\\n" + BODY).record.meta.source)  # nothing signed
        None
    """

    code, name, category = "M004", "source-line", "metadata"
    summary = "outlet name lifted into meta.source"

    def check(self, ctx: Context) -> Iterable[Hit]:
        header = ctx.header()
        near = header[-(NEAR_ARTICLE + 3) :]  # a masthead pair far above the article is navigation
        title = title_blocks(ctx)
        for previous, block in pairwise(near):
            if previous in title or block in title:
                continue  # the page's title above its headline: the headline, not an outlet
            if block.text == previous.text and _is_outlet_name(block) and _signs_the_page(ctx, block):
                for line in (previous, block):
                    yield self.hit(line, LIFT, f"outlet name: {block.text}", field="source", value=block.text)
                return
        for block in header + ctx.footer():
            outlet = _copyright_outlet(block)
            if outlet:
                yield self.hit(block, LIFT, f"copyright line: {outlet}", field="source", value=outlet)
                return


@per_block
def _copyright_outlet(block: Block) -> str | None:
    return parse_copyright(block.text)


def _signs_the_page(ctx: Context, name: Block) -> bool:
    """Whether another line of the page names it in a credit or a copyright line."""
    return any(
        name.text in block.text and block.text != name.text and (is_credit(block) or _copyright_outlet(block))
        for block in ctx.all_blocks
    )


def _is_outlet_name(block: Block) -> bool:
    """A name: one to five words, capitalised, no digits, not a sentence (a repeated
    "2019 Elections" or "sports" is a section's heading, not an outlet)."""
    return (
        1 <= block.word_count <= 5
        and block.letter_share >= 0.6
        and not block.ends_sentence
        and capital(block.text[0])
        and not any(ch.isdigit() for ch in block.text)
    )
