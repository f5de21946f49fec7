"""The header and footer rules: page chrome above and below the article is removed;
what above it reads like text is flagged, not removed (it may be a standfirst)."""

from __future__ import annotations

from collections.abc import Iterable

from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit, is_sentence
from corpuskit.rules.header import is_menu, is_title_like
from corpuskit.rules.headlines import own_list_below
from corpuskit.segment import Block

MODEL_READS_TEXT = 0.5  # a line score below this: the line model reads the line as text


class HeaderClutter(BlockRule):
    """Removes the page chrome above the article.

    What it does: in the header (before the first paragraph of running text), a line of
    ten words or fewer that is neither a sentence nor a possible headline is removed:
    mastheads in capitals, counters, crumbs, lone symbols; unless it has three words or
    more and the line model (B301) reads it as text (a line of a hard-wrapped paragraph,
    a list item; a menu or a breadcrumb trail, "Home > News > World", is no text), or it
    is a piece of a sentence cut into lines ("WeWork" / "is reportedly being investigated
    …": the next line goes on in lower case). A line between two sentences is flagged
    instead: a subheading, a speaker's name, a live blog's time.

    Why: a careless scrape starts with the page's navigation and widgets; but an article
    that opens with a wrapped paragraph or a list also has short lines "above the first
    paragraph", and they are article text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("DAILY PLANET\\n| Home | World\\n42\\n\\n" + BODY).record.text == BODY + "\\n"
        True
    """

    code, name, category = "B111", "header-clutter", "navigation"
    summary = "page chrome above the article"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.header():
            if block.word_count <= 10 and not is_sentence(block) and not is_title_like(block):
                if ctx.in_a_cut_sentence(block):
                    continue  # a piece of a sentence cut into lines
                reads_as_text = ctx.line_scores.get(block.index, 1.0) < MODEL_READS_TEXT
                if block.word_count >= 3 and reads_as_text and not is_menu(block.text):
                    continue  # the line model reads it as text: a wrapped line, a list item
                if ctx.between_sentences(block):
                    yield self.hit(block, FLAG, "short line between sentences kept: a subheading?")
                else:
                    yield self.hit(block, REMOVE, "short line above the article, not a sentence")


class FooterClutter(BlockRule):
    """Removes the page chrome below the article.

    What it does: after the last paragraph of running text, a line of ten words or fewer
    that is not a sentence is removed (tags, counters, link rows), unless the line model
    (B301) reads it as text (a line of a hard-wrapped paragraph, a table cell) or it is a
    piece of a sentence cut into lines, or a line that announces the writer's own list
    ("Top stories of the year:") or a line of that list, which the headline list rule
    (B123) flags and keeps. When what stands below the article holds more
    than twice the article's words, such a line is flagged instead: the article goes on
    there, in a table or a list of lines without full stops. So is a line between two
    sentences: the subheading of a closing paragraph of short sentences.

    Why: the end of a scraped page is navigation and widgets; but a paragraph wrapped
    into short lines also ends "below the last paragraph", and it is article text. Page
    chrome below an article is seldom twice as long as the article; a table after a one-line
    introduction is.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nTags: Politik, Wahlen\\n12 Kommentare").record.text == BODY + "\\n"
        True
    """

    code, name, category = "B112", "footer-clutter", "navigation"
    summary = "page chrome below the article"

    def check(self, ctx: Context) -> Iterable[Hit]:
        footer = ctx.footer()
        outweighs = ctx.outweighs_the_article(footer)
        own_lists = _own_lists(footer)
        for block in footer:
            if block.word_count <= 10 and not is_sentence(block):
                if ctx.in_a_cut_sentence(block):
                    continue  # a piece of a sentence cut into lines
                if block.index in own_lists:
                    continue  # the headline list rule (B123) flags the list and keeps it
                if ctx.line_scores.get(block.index, 1.0) < MODEL_READS_TEXT:
                    continue  # the line model reads it as text: a wrapped line, a table cell
                if outweighs:
                    yield self.hit(block, FLAG, "short line below the article, which it outweighs: a table?")
                elif ctx.between_sentences(block):
                    yield self.hit(block, FLAG, "short line between sentences kept: a subheading?")
                else:
                    yield self.hit(block, REMOVE, "short line below the article, not a sentence")


def _own_lists(footer: list[Block]) -> set[int]:
    """Indices of the lines that announce the writer's own list ("Top stories of the
    year:") and of the list's lines (`own_list_below`)."""
    found: set[int] = set()
    for at, head in enumerate(footer):
        run = own_list_below(head, footer[at + 1 :])
        if run:
            found.update(b.index for b in [head, *run])
    return found


class HeaderText(BlockRule):
    """Flags header text that may or may not belong to the article.

    What it does: a header line that reads like a sentence, or a headline candidate that
    could not be told apart from another, stays in the text and is flagged.

    Why: a standfirst or a deck is article text; precision first, so a person decides.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text("Kurz gesagt: Es regnet.\\n\\n" + BODY)
        >>> [f.code for f in r.report.findings if f.action == "flagged"]
        ['B113']
    """

    code, name, category = "B113", "header-text", "header"
    summary = "header text kept, maybe not article"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.header():
            yield self.hit(block, FLAG, "text above the article kept: standfirst, deck or headline?")
