"""Header and footer rules: the blocks before the first and after the last paragraph of
running text.

The header holds the title, byline, dateline and outlet, which are lifted into metadata,
and the page's chrome (mastheads, counters, crumbs), which is removed. Whatever in the
header reads like a sentence is flagged, not removed: it may be a standfirst.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from corpuskit.metadata import parse_byline, parse_copyright, parse_date
from corpuskit.rules.base import FLAG, LIFT, REMOVE, BlockRule, Context, Hit, is_sentence
from corpuskit.segment import Block


class Byline(BlockRule):
    """Lifts a byline into `meta.authors`.

    What it does: a header line that starts with a byline word ("By", "Written by", "Av",
    "Par", "Von", "Por", "Di", "Door", "Autor:", ...) followed by one or more names is
    removed from the text and its names become `meta.authors`.

    Why: bylines are metadata; left in the text they pollute it, dropped they are lost.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Av Kari Nordmann og Ola Hansen\\n\\n" + BODY).record.meta.authors
        ['Kari Nordmann', 'Ola Hansen']
    """

    code, name, category = "M002", "byline", "metadata"
    summary = "byline lifted into meta.authors"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.header():
            names = parse_byline(block.text) if block.word_count <= 20 else None
            if names:
                yield self.hit(block, LIFT, f"byline: {', '.join(names)}", field="authors", value=names)


class Dateline(BlockRule):
    """Lifts the dateline nearest the article into `meta.published`.

    What it does: header lines that hold a date and nothing else (a dateline word such as
    "Published" or "Publisert" allowed) are taken out of the text; the one nearest the
    first paragraph becomes `meta.published` (with its UTC offset when the line gives a
    zone), the others are removed by M005.

    Why: a page's chrome often prints today's date at the top; the article's own date
    stands right above the article.

    Example:
        >>> from corpuskit import clean_text
        >>> str(clean_text("Publisert 12.03.2023\\n\\n" + BODY).record.meta.published)
        '2023-03-12'
    """

    code, name, category = "M003", "dateline", "metadata"
    summary = "dateline lifted into meta.published"

    def check(self, ctx: Context) -> Iterable[Hit]:
        header = [b for b in ctx.header() if b.word_count <= 12 and any(ch.isdigit() for ch in b.text)]
        dated = [(b, v) for b in header if (v := parse_date(b.text, ctx.language_hint()))]
        for position, (block, value) in enumerate(dated):
            if position == len(dated) - 1:
                yield self.hit(block, LIFT, f"dateline: {value.isoformat()}", field="published", value=value)
            else:
                yield Hit(
                    ExtraDateline, block, REMOVE, f"date line further from the article ({value.isoformat()})"
                )


class ExtraDateline(BlockRule):
    """Removes header date lines that are not the article's date.

    What it does: a header line holding only a date, when another date line stands nearer
    the article, is removed (emitted by the dateline rule, M003).

    Why: sites print the current date or a republication date in their masthead.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text("Jun 24, 2025\\n\\n23 Nov 2023\\n\\n" + BODY)
        >>> str(r.record.meta.published), "2025" in r.record.text
        ('2023-11-23', False)
    """

    code, name, category = "M005", "extra-dateline", "metadata"
    summary = "date line that is not the publication date"

    def check(self, ctx: Context) -> Iterable[Hit]:
        return ()


class SourceLine(BlockRule):
    """Lifts the outlet's name into `meta.source`.

    What it does: in the header, a short name repeated on consecutive lines (an outlet
    printed as logo and as text), or a copyright line ("© 2023 Outlet"), is removed and
    becomes `meta.source`.

    Why: republished articles carry the original outlet's name above the text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Dagbladet\\nDagbladet\\n\\n" + BODY).record.meta.source
        'Dagbladet'
    """

    code, name, category = "M004", "source-line", "metadata"
    summary = "outlet name lifted into meta.source"

    def check(self, ctx: Context) -> Iterable[Hit]:
        header = ctx.header()
        for previous, block in pairwise(header):
            if block.text == previous.text and _is_outlet_name(block):
                for line in (previous, block):
                    yield self.hit(line, LIFT, f"outlet name: {block.text}", field="source", value=block.text)
                return
        for block in header + ctx.footer():
            outlet = parse_copyright(block.text)
            if outlet:
                yield self.hit(block, LIFT, f"copyright line: {outlet}", field="source", value=outlet)
                return


def _is_outlet_name(block: Block) -> bool:
    return 1 <= block.word_count <= 5 and block.letter_share >= 0.6 and not block.ends_sentence


def is_title_like(block: Block) -> bool:
    """Two to 25 words, mostly letters, mixed case, not ending like a sentence or label."""
    first = block.text[:1]
    return (
        2 <= block.word_count <= 25
        and block.letter_share >= 0.6
        and not block.is_upper
        and (first.isalnum() or first in "\"'“‘«")
        and not block.text.endswith((".", ",", ":", ";", "|"))
    )


class Title(BlockRule):
    """Lifts the headline into `meta.title`.

    What it does: when exactly one header line reads like a headline (2 to 25 words, mixed
    case, no final full stop) and it is not a byline, date or outlet, it is removed from
    the text and becomes `meta.title`. With two or more candidates none is lifted: they are
    flagged (B113) and stay.

    Why: the headline is metadata. Guessing between a kicker, a headline and a deck would
    sometimes lift the wrong one; precision first.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Hochwasser in Bayern: Pegel steigen weiter\\n\\n" + BODY).record.meta.title
        'Hochwasser in Bayern: Pegel steigen weiter'
    """

    code, name, category = "M001", "title", "metadata"
    summary = "headline lifted into meta.title"

    def check(self, ctx: Context) -> Iterable[Hit]:
        candidates = [b for b in ctx.header() if is_title_like(b)]
        if len(candidates) == 1:
            block = candidates[0]
            yield self.hit(block, LIFT, f"title: {block.text}", field="title", value=block.text)


class HeaderClutter(BlockRule):
    """Removes the page chrome above the article.

    What it does: in the header (before the first paragraph of running text), a line of
    ten words or fewer that is neither a sentence nor a possible headline is removed:
    mastheads in capitals, counters, crumbs, lone symbols.

    Why: a careless scrape starts with the page's navigation and widgets.

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
                yield self.hit(block, REMOVE, "short line above the article, not a sentence")


FOOTER_AGREEMENT = 0.5


class FooterClutter(BlockRule):
    """Removes the page chrome below the article.

    What it does: after the last paragraph of running text, a line of ten words or fewer
    that is not a sentence is removed (tags, counters, link rows), unless the line model
    (B301) reads it as text (a line of a hard-wrapped paragraph, a table cell).

    Why: the end of a scraped page is navigation and widgets; but a paragraph wrapped
    into short lines also ends "below the last paragraph", and it is article text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nTags: Politik, Wahlen\\n12 Kommentare").record.text == BODY + "\\n"
        True
    """

    code, name, category = "B112", "footer-clutter", "navigation"
    summary = "page chrome below the article"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.footer():
            if block.word_count <= 10 and not is_sentence(block):
                if ctx.line_scores.get(block.index, 1.0) < FOOTER_AGREEMENT:
                    continue  # the line model reads it as text: a wrapped line, a table cell
                yield self.hit(block, REMOVE, "short line below the article, not a sentence")


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
