"""The dateline rules: the article's publication date, lifted into metadata, and the
other date lines of its header."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from corpuskit.lexicon import lexicon
from corpuskit.metadata import before_source, parse_byline, parse_date
from corpuskit.rules.base import LIFT, REMOVE, BlockRule, Context, Hit, is_prose
from corpuskit.rules.header import NEAR_ARTICLE, first_byline, has_digit, title_blocks, with_title_window
from corpuskit.segment import Block, per_block


class Dateline(BlockRule):
    """Lifts the article's dateline into `meta.published`.

    What it does: header lines that hold a date and nothing else (a dateline word such as
    "Published" or "Publisert", a weekday, a time and a zone allowed) are taken out of the
    text; one of them becomes `meta.published` (with its UTC offset when the line gives a
    zone), the others are removed by M005. The article's date is the first date line
    after the headline when one is known (or one of the three lines just above it), else
    the one nearest the first paragraph, if it stands among the last three header lines.
    A line dated as a change ("Updated", "Zuletzt aktualisiert", "Mis à jour") is never
    taken for the publication date; with no other date line the field stays empty. When
    no headline or byline places the date, a line labelled as the date of publication
    ("Published", "Posted on", "Veröffentlicht am", "Publié le": lexicons/date_published.txt)
    is taken wherever it stands, if it stands above most of the running text and no
    other labelled line gives another date. When the headline is printed more than once
    (in a list of teasers, then over the article) and no date stands by the first copy,
    a date line right after another copy (or after its byline) is the article's, if every
    such line gives the same day. Failing all these, a note saying when the article was
    first published ("This story was originally published", "Ursprünglich veröffentlicht
    am", "Publié initialement le": lexicons/date_original.txt) gives the date wherever it
    stands, if every such note agrees; the note is lifted even when another date wins.
    Once the dateline is lifted, a later pass (whose header grew as the chrome above the
    article went) lifts copies of it and removes the other date lines it finds there.

    Why: a page's chrome often prints today's date at the top; the article's own date
    stands by its headline or right above the article, or says what it is.

    Example:
        >>> from corpuskit import clean_text
        >>> str(clean_text("Publisert 12.03.2023\\n\\n" + BODY).record.meta.published)
        '2023-03-12'
        >>> r = clean_text("Sunday, 24 December 2023\\nMenu\\nFloods hit the north\\nBy Jane Doe\\n"
        ...                "21 Dec 2023\\n\\n" + BODY)
        >>> str(r.record.meta.published)
        '2023-12-21'
        >>> clean_text("Mis à jour le 3 mars 2024\\n\\n" + BODY).record.meta.published is None
        True
        >>> promo = "Sign up now and get the best stories of the week in your inbox every Friday."
        >>> str(clean_text(f"{promo}\\nPosted on\\nDec 3, 2023\\n{BODY}").record.meta.published)
        '2023-12-03'
        >>> note = "This story was originally published\\nDecember 22, 2023, 11:09 AM."
        >>> str(clean_text(f"Updated December 26, 2023\\n{BODY}\\n{note}").record.meta.published)
        '2023-12-22'
    """

    code, name, category = "M003", "dateline", "metadata"
    summary = "dateline lifted into meta.published"

    def check(self, ctx: Context) -> Iterable[Hit]:
        title = title_blocks(ctx) or first_byline(ctx)  # the byline, when no headline is known
        in_header = {b.index for b in ctx.header()}
        header = with_title_window(ctx, ctx.header(), title)
        hint = ctx.language_hint() if any(b.word_count <= 12 and has_digit(b.text) for b in header) else None
        dated = [
            (position, b, v)
            for position, b in enumerate(header)
            if b.word_count <= 16 and has_digit(b.text) and (v := _line_date(b.text, hint))
        ]
        if "M003" in ctx.removed_by.values():  # lifted in an earlier pass
            yield from self._header_grown(ctx, dated, in_header)
            return
        chosen = _article_date(dated, header, title, ctx.all_blocks)
        labelled = _labelled_date(ctx)
        if labelled is not None and chosen is not None:
            chosen_value = next(v for _, b, v in dated if b is chosen)
            # the article's date printed again, labelled; or another date: a teaser's, a comment's
            same = _day(chosen_value) == _day(labelled[1])
            labelled = (labelled[0], chosen_value) if same else None
        by_copy = None
        if chosen is None and labelled is None and title:
            by_copy = _date_by_headline_copy(ctx, title[0], hint)
        original = _originally_published(ctx)
        if labelled is not None:
            lines, value = labelled
            for block in lines:
                yield self.hit(
                    block, LIFT, f"labelled dateline: {value.isoformat()}", field="published", value=value
                )
        for block, value in by_copy or ():
            yield self.hit(
                block,
                LIFT,
                f"dateline by a copy of the headline: {value.isoformat()}",
                field="published",
                value=value,
            )
        if original is not None:  # lifted even when another date wins: the next cleaning would take it
            lines, value = original
            for block in lines:
                if value is None:
                    yield Hit(ExtraDateline, block, REMOVE, "date of first publication, other notes disagree")
                else:
                    yield self.hit(
                        block,
                        LIFT,
                        f"originally published: {value.isoformat()}",
                        field="published",
                        value=value,
                    )
        for _, block, value in dated:
            if labelled is not None and block in labelled[0]:
                continue
            if block is chosen or (chosen is not None and block.text == chosen.text):  # and its copies
                yield self.hit(block, LIFT, f"dateline: {value.isoformat()}", field="published", value=value)
            elif block.index in in_header:
                yield _extra_dateline(block, value)

    def _header_grown(self, ctx: Context, dated, in_header: set[int]) -> Iterable[Hit]:
        """Once the dateline is lifted, the date lines that a later pass finds in the header
        (grown as the chrome above the article went): copies of the lifted line are lifted
        with it, the others removed, as cleaning the cleaned text would."""
        lifted = {b.text for b in ctx.all_blocks if ctx.removed_by.get(b.index) == "M003"}
        for _, block, value in dated:
            if block.text in lifted:
                yield self.hit(block, LIFT, f"dateline: {value.isoformat()}", field="published", value=value)
            elif block.index in in_header:
                yield _extra_dateline(block, value)


def _extra_dateline(block: Block, value) -> Hit:
    """M005's removal of a header date line that is not the article's."""
    note = "a date of change" if _is_update(block) else "not the article's date line"
    return Hit(ExtraDateline, block, REMOVE, f"date line, {note} ({value.isoformat()})")


COPY_REACH = 2


def _date_by_headline_copy(ctx: Context, headline: Block, language: str | None):
    """[(block, date)] of the date lines that stand right after a copy of the headline
    (the next line, or the one after a byline), when every such date is the same day: the
    article's date printed by its headline where the page prints the article again, or in a
    list of teasers that includes the article itself. Lines other rules removed in earlier
    passes count as evidence; only open ones are lifted."""
    found = []
    blocks = ctx.all_blocks
    for at, block in enumerate(blocks):
        if block.text != headline.text:
            continue
        for following in blocks[at + 1 : at + 1 + COPY_REACH]:
            if following.text == headline.text or is_prose(following):
                break
            value = None
            if following.word_count <= 16 and has_digit(following.text):
                value = _line_date(following.text, language or ctx.language_hint())
            if value is not None:
                if not _is_update(following, blocks):
                    found.append((following, value))
                break
            if ctx.rule_of(following) != "M002" and parse_byline(following.text) is None:
                break  # only a byline may stand between the headline and its date
    if len({_day(v) for _, v in found}) != 1:
        return None
    return [(b, v) for b, v in found if _is_open(ctx, b)] or None


def _is_open(ctx: Context, block: Block) -> bool:
    """Neither removed nor lifted, in an earlier pass or in this one."""
    return block.index not in ctx.removed_by and ctx.is_kept(block)


def _originally_published(ctx: Context):
    """([lines], date) of the lines that say when the article was first published ("This
    story was originally published" above "December 22, 2023"; lexicons/date_original.txt),
    wherever they stand, when they all give the same day (lines other rules removed count
    as evidence; only open ones are lifted); ([lines], None) when they disagree (they go
    all the same: one left behind would give its date to the next cleaning)."""
    found = []
    blocks = ctx.all_blocks
    for position, block in enumerate(blocks):
        if not (phrase := _original_label(block)):
            continue
        rest = block.text.lstrip()[len(phrase) :].strip(" :,")
        lines, value = [block], None
        language = ctx.language_hint()
        if has_digit(rest):
            value = parse_date(_ORIGINAL_FILLER.sub("", rest), language, False)
        elif not rest.strip(" .:") and position + 1 < len(blocks):
            following = blocks[position + 1]
            if following.word_count <= 12 and has_digit(following.text):
                lines, value = [block, following], parse_date(following.text, language, False)
        if value is not None:
            found.append((lines, value))
    lines = [line for lines, _ in found for line in lines if _is_open(ctx, line)]
    if not lines:
        return None
    return lines, (found[0][1] if len({_day(v) for _, v in found}) == 1 else None)


@per_block
def _original_label(block: Block) -> str | None:
    """The date_original phrase a block of up to 24 words starts with."""
    return lexicon("date_original").prefix(block.text) if block.word_count <= 24 else None


_ORIGINAL_FILLER = re.compile(r"^(?:on|am|le|el|il|op|den|em|w|dne)\s+", re.IGNORECASE)


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _line_date(text: str, language: str | None):
    """The date of a date line; of a line of two ("Posted: 20 Dec 2023 | Updated: 21 Dec
    2023", "입력 2024.07.21 09:30 수정 2024.07.21 11:02"), the one that is not a date of
    change.

    >>> str(_line_date("Posted: Dec 20, 2023 | Last Updated: December 21, 2023", "en"))
    '2023-12-20'
    >>> str(_line_date("입력 2024.07.21 09:30 수정 2024.07.21 11:02", "ko"))
    '2024-07-21'
    """
    parts = _two_dates(before_source(text))
    if len(parts) == 1:
        return parse_date(parts[0], language, False) if len(parts[0].split()) <= 12 else None
    if len(parts) != 2:
        return None
    dates = [parse_date(p, language, False) for p in parts]
    if not all(dates):
        return None
    first = [
        d for p, d in zip(parts, dates, strict=True) if lexicon("date_updated").prefix(p.strip()) is None
    ]
    return first[0] if len(first) == 1 else None


def _two_dates(text: str) -> list[str]:
    """The parts of a line that may give two dates: split at " | ", or where a label of
    change starts after the first date ("Published 3 May 2023 Updated 4 May 2023")."""
    if " | " in text:
        return [p for p in text.split(" | ") if p.strip()]
    label = lexicon("date_updated").search(text)
    at = text.lower().find(label) if label else -1
    return [text[:at], text[at:]] if at > 0 else [text]


def _labelled_date(ctx: Context):
    """([lines], date) of a date line whose label says it is the publication date
    ("Published Fri, Dec 22 2023", "Posted on" above "Dec 23, 2023"), wherever it stands,
    when no headline or byline placed the article's date: the first such line, if it
    stands above most of the running text (below it, it dates a comment or a teaser) and
    no other labelled line gives another date (a list of teasers); with every copy."""
    labels = lexicon("date_published")
    language = None
    found, before, words = [], 0, 0
    open_blocks = [b for b in ctx.blocks if ctx.is_kept(b)]
    for position, block in enumerate(open_blocks):
        prose = block.word_count if is_prose(block) else 0
        if _publication_label(block):
            language = language or ctx.language_hint()
            lines, value = [block], None
            if block.word_count <= 16 and has_digit(block.text):
                value = _line_date(block.text, language)
            elif labels.whole_line(block.text) and position + 1 < len(open_blocks):
                following = open_blocks[position + 1]
                if following.word_count <= 12 and has_digit(following.text):
                    lines, value = [block, following], _line_date(following.text, language)
            if value is not None:
                found.append((before, lines, value))
        before += prose
        words += prose
    days = {_day(v) for _, _, v in found}
    if len(days) != 1 or 2 * found[0][0] > words:
        return None
    return [line for _, lines, _ in found for line in lines], found[0][2]  # every copy goes


@per_block
def _publication_label(block: Block) -> bool:
    """Whether a block starts with a date_published phrase, not a date_updated one."""
    text = block.text
    return bool(lexicon("date_published").prefix(text)) and lexicon("date_updated").prefix(text) is None


def _is_update(block: Block, lines: list[Block] | None = None) -> bool:
    """A date of change: "Updated ..." on the line, or "Updated" alone on one of the two
    lines before it (`lines`: the document's blocks, whatever rules decided of them)."""
    if lexicon("date_updated").prefix(block.text) is not None:
        return True
    for before in (lines or [])[max(0, block.index - 2) : block.index]:
        if before.word_count <= 3 and lexicon("date_updated").prefix(before.text) is not None:
            return True
    return False


def _article_date(dated, header: list[Block], title: list[Block], lines: list[Block]) -> Block | None:
    """The block of the article's own date among the header's date lines."""
    published = [d for d in dated if not _is_update(d[1], lines)]
    if not published:
        return None
    if title:
        # where the headline stands in the header (it may be past the header's end, with
        # only the window after it included)
        anchor = sum(1 for b in header if b.index < title[0].index)
        after = [d for d in published if d[1].index > title[0].index]
        if after:
            return after[0][1]
        before = [d for d in published if anchor - 3 <= d[0] < anchor]
        return before[-1][1] if before else None
    last = published[-1]
    return last[1] if last[0] >= len(header) - NEAR_ARTICLE else None  # else a masthead's date


class ExtraDateline(BlockRule):
    """Removes header date lines that are not the article's date.

    What it does: a header line holding only a date that is not the article's dateline
    (the masthead's date of today, a date of change) is removed (emitted by the dateline
    rule, M003).

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
