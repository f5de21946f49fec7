"""Readers' comments below the article, told by the header that opens them."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from corpuskit.lexicon import lexicon
from corpuskit.rules.base import REMOVE, BlockRule, Context, Hit, is_prose
from corpuskit.rules.headlines import body_span
from corpuskit.rules.site_notes import _COUNT
from corpuskit.segment import Block

MAX_OPENER_WORDS = 6
MIN_ARTICLE_WORDS = 150  # prose of the article above the header
MAX_LABELS_BELOW = 1  # more comment labels below the header: one per post of a blog's front page
_NOT_A_HEADER = re.compile(r"[\"{}\[\]<>=/\\|;]")  # code ('"Comment": {'), markup, a link row

CALL, LABEL = "call", "label"


def comment_opener(block: Block) -> str | None:
    """How a short line opens a comment section: a call to write one ("Leave a reply",
    "Kommentar schreiben") or a label, with its count or without ("Comments", "12
    Kommentare", "Vos réactions (11)"); None for any other line.

    >>> from corpuskit.segment import segment
    >>> lines = "Leave a Reply\\nKommentare (12)\\nComments\\nComments are welcome.\\n\\"Comment\\": {"
    >>> [comment_opener(b) for b in segment(lines)]
    ['call', 'label', 'label', None, None]
    """
    if block.word_count > MAX_OPENER_WORDS or block.ends_sentence or _NOT_A_HEADER.search(block.text):
        return None
    bare = " ".join(_COUNT.sub(" ", block.text).split())
    if lexicon("comment_call").whole_line(bare):
        return CALL
    if lexicon("comment_count").whole_line(bare):
        return LABEL
    return None


class CommentSection(BlockRule):
    """Removes the readers' comments below the article, from the header that opens them.

    What it does: finds the first line that opens a comment section, a label
    ("Comments", "12 Kommentare", "Vos réactions (11)", "Komentarze") or a call to write
    one ("Leave a reply", "Schreibe einen Kommentar", "Laisser un commentaire"), alone on
    a line of up to six words, below at least 150 words of the article's running text;
    that line and every line below it still kept are removed: the comments, the comment
    form and the page's footer. Nothing is removed when two or more comment labels stand
    below the first one: that is a page of several posts ("Comments (3)" under each), or
    one label per comment, and the text between them may be articles.

    Why: a scraped news page or blog post carries its readers' comments below the article;
    they are written by others, about the article, and the line model alone keeps many of
    them, since each is running text. The header that opens them is in every language and
    says what follows; a comment count beside the byline stands above the article's text,
    so it never opens a section here.

    Example:
        >>> from corpuskit import clean_text
        >>> article = "\\n\\n".join([BODY] * 8)
        >>> comment = "I think the library deserves every cent, and more besides."
        >>> r = clean_text(article + "\\n\\nComments\\n\\n" + comment)
        >>> r.record.text == article + "\\n"
        True
    """

    code, name, category = "B126", "comment-section", "comments"
    summary = "comment section below the article"

    def check(self, ctx: Context) -> Iterable[Hit]:
        openers = ctx.memo.get("comment_openers")  # asked once a document, kept over the passes
        if openers is None:
            openers = ctx.memo["comment_openers"] = [
                (block, kind) for block in ctx.all_blocks if (kind := comment_opener(block))
            ]
        if not openers:
            return
        blocks = list(ctx.open_blocks())
        start, end = body_span(blocks)
        if end < start:
            return
        header = self._header(blocks[start:], openers)
        if header is None:
            return
        labels_below = sum(kind == LABEL for block, kind in openers if block.index > header.index)
        if labels_below > MAX_LABELS_BELOW:
            return
        message = f"{self.summary}: below the header '{header.text}'"
        for block in blocks[start:]:
            if block.index >= header.index:
                yield self.hit(block, REMOVE, message)

    @staticmethod
    def _header(body: list[Block], openers: list[tuple[Block, str]]) -> Block | None:
        """The first opener below `MIN_ARTICLE_WORDS` words of prose of the body and on."""
        indexes = np.array([block.index for block in body])
        prose = np.cumsum([block.word_count if is_prose(block) else 0 for block in body])
        for block, _ in openers:
            above = int(np.searchsorted(indexes, block.index))  # body blocks above the opener
            if above and prose[above - 1] >= MIN_ARTICLE_WORDS:
                return block
        return None
