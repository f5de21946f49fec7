"""Header and footer rules: the blocks before the first and after the last paragraph of
running text.

The header holds the title, byline, dateline and outlet, which are lifted into metadata,
and the page's chrome (mastheads, counters, crumbs), which is removed. Whatever in the
header reads like a sentence is flagged, not removed: it may be a standfirst.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise

from corpuskit.lexicon import lexicon, read_phrases
from corpuskit.metadata import parse_byline, parse_copyright, parse_date, parse_names
from corpuskit.rules.base import FLAG, LIFT, REMOVE, BlockRule, Context, Hit, is_prose, is_sentence
from corpuskit.segment import FULL_STOPS, Block, capital, per_block


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
        title = title_blocks(ctx)
        header = _with_title_window(ctx, ctx.header(), title)
        found = list(_bylines(header))
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


_CONNECTORS = frozenset({"and", "und", "et", "og", "och", "y", "e", "en", "ja", "i", "a", "&"})


def _bylines(header: list[Block]) -> Iterator[tuple[list[Block], list[str]]]:
    """(blocks, names) of every byline in the header, one line or several."""
    words = _bare_byline_words()
    skip: set[int] = set()
    for position, block in enumerate(header):
        if block.index in skip:
            continue
        names = parse_byline(block.text) if block.word_count <= 20 else None
        if names:
            yield [block], names
            continue
        if block.text.strip().rstrip(":").strip().lower() not in words:
            continue
        used, names, expecting = [block], [], True
        for following in header[position + 1 : position + 6]:
            more = parse_names(following.text) if following.word_count <= 8 else None
            if more and expecting:
                used.append(following)
                names.extend(n for n in more if n not in names)
                expecting = False  # another name only after "and", "und", "et", ...
            elif names and not expecting and following.text.strip().lower() in _CONNECTORS:
                used.append(following)
                expecting = True
            else:
                break
        if names:
            while len(used) > 1 and used[-1].text.strip().lower() in _CONNECTORS:
                used.pop()
            skip.update(b.index for b in used)
            yield used, names


@cache
def _bare_byline_words() -> frozenset[str]:
    return frozenset(
        p.lower().rstrip(":").strip() for group in read_phrases("byline").values() for p in group
    )


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
        if "M003" in ctx.removed_by.values():
            return
        title = title_blocks(ctx) or _first_byline(ctx)  # the byline, when no headline is known
        in_header = {b.index for b in ctx.header()}
        header = _with_title_window(ctx, ctx.header(), title)
        hint = ctx.language_hint() if any(b.word_count <= 12 and _has_digit(b.text) for b in header) else None
        dated = [
            (position, b, v)
            for position, b in enumerate(header)
            if b.word_count <= 16 and _has_digit(b.text) and (v := _line_date(b.text, hint))
        ]
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
                note = "a date of change" if _is_update(block) else "not the article's date line"
                yield Hit(ExtraDateline, block, REMOVE, f"date line, {note} ({value.isoformat()})")


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
            if following.word_count <= 16 and _has_digit(following.text):
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
        if _has_digit(rest):
            value = parse_date(_ORIGINAL_FILLER.sub("", rest), language, False)
        elif not rest.strip(" .:") and position + 1 < len(blocks):
            following = blocks[position + 1]
            if following.word_count <= 12 and _has_digit(following.text):
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
    2023"), the one that is not a date of change.

    >>> str(_line_date("Posted: Dec 20, 2023 | Last Updated: December 21, 2023", "en"))
    '2023-12-20'
    """
    if " | " not in text:
        return parse_date(text, language, False) if len(text.split()) <= 12 else None
    parts = [p for p in text.split(" | ") if p.strip()]
    if len(parts) != 2:
        return None
    dates = [parse_date(p, language, False) for p in parts]
    if not all(dates):
        return None
    first = [
        d for p, d in zip(parts, dates, strict=True) if lexicon("date_updated").prefix(p.strip()) is None
    ]
    return first[0] if len(first) == 1 else None


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
            if block.word_count <= 16 and _has_digit(block.text):
                value = _line_date(block.text, language)
            elif labels.whole_line(block.text) and position + 1 < len(open_blocks):
                following = open_blocks[position + 1]
                if following.word_count <= 12 and _has_digit(following.text):
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


def _has_digit(text: str) -> bool:
    return any(map(str.isdigit, text))


def _is_update(block: Block, lines: list[Block] | None = None) -> bool:
    """A date of change: "Updated ..." on the line, or "Updated" alone on one of the two
    lines before it (`lines`: the document's blocks, whatever rules decided of them)."""
    if lexicon("date_updated").prefix(block.text) is not None:
        return True
    for before in (lines or [])[max(0, block.index - 2) : block.index]:
        if before.word_count <= 3 and lexicon("date_updated").prefix(before.text) is not None:
            return True
    return False


TITLE_WINDOW = 12


def _with_title_window(ctx: Context, header: list[Block], title: list[Block]) -> list[Block]:
    """The header, and when a headline is known the open blocks just after it (a deck or
    a caption between headline and byline ends the header too early) and the three just
    before it as well."""
    if not title:
        return header
    at = next((i for i, b in enumerate(ctx.blocks) if b is title[0]), None)
    if at is None:
        return header
    seen = {b.index for b in header}
    near = ctx.blocks[max(0, at - NEAR_ARTICLE) : at] + ctx.blocks[at + 1 : at + 1 + TITLE_WINDOW]
    window = [b for b in near if ctx.is_kept(b) and b.index not in seen]
    return sorted([*header, *window], key=lambda b: b.index)


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


NEAR_ARTICLE = 3


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


class SourceLine(BlockRule):
    """Lifts the outlet's name into `meta.source`.

    What it does: in the header, close to the article (among its last six lines), a short
    name repeated on consecutive lines (an outlet printed as logo and as text), or a
    copyright line ("© 2023 Outlet"), is removed and becomes `meta.source`.

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
        near = header[-(NEAR_ARTICLE + 3) :]  # a masthead pair far above the article is navigation
        title = title_blocks(ctx)
        for previous, block in pairwise(near):
            if previous in title or block in title:
                continue  # the page's title above its headline: the headline, not an outlet
            if block.text == previous.text and _is_outlet_name(block):
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


# A title does not end with a full stop (in any script), a comma, a colon or a separator
_NOT_TITLE_END = tuple(FULL_STOPS + ",:;|，、；：،؛")
_FULL_STOP_END = tuple(FULL_STOPS)


@per_block
def is_title_like(block: Block) -> bool:
    """Two to 25 words, mostly letters, mixed case, not ending like a sentence or label."""
    first = block.text[:1]
    return (
        2 <= block.word_count <= 25
        and block.letter_share >= 0.6
        and not block.is_upper
        and (first.isalnum() or first in "\"'“‘«")
        and not block.text.endswith(_NOT_TITLE_END)
        and not only_roles(block.text)
    )


_ROLE_JOINERS = frozenset({*_CONNECTORS, "the", "from", "with", "der", "die", "la", "le", "les", "el", "los"})


def only_roles(text: str) -> bool:
    """Whether a line names roles or desks and nothing else: a credit ("Staff and agencies",
    "Redaktion und Agenturen"), never a headline.

    >>> only_roles("Staff and agencies"), only_roles("Rédaction et agences")
    (True, True)
    >>> only_roles("Agencies warn of a staff shortage"), only_roles("and")
    (False, False)
    """
    words = [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in _ROLE_JOINERS]
    return bool(words) and all(lexicon("byline_role").whole_line(w) for w in words)


class Title(BlockRule):
    """Lifts the headline into `meta.title`.

    What it does: the headline is a line that repeats the document's first line,
    whole or without a trailing site name ("Floods hit the north | Daily Planet" above,
    "Floods hit the north" further down: a page's title and its headline); failing that,
    the only header line that reads like a headline (2 to 25 words, mixed case, no final
    full stop) and is not a byline, date or outlet. It is removed from the text and
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


_STAMP = re.compile(r"\s*[(\[]\s*\d[\d/.:-]*\d\s*[)\]][\s|–—·-]*$")
_SITE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|·|::)\s+(?:(?!\s[-|–—·]\s)[^|–—·])+$")


def title_blocks(ctx: Context) -> list[Block]:
    """The headline block first, then any other line that gives the same title (the
    page's title line); empty when there is no confident choice. Memoized per pass."""
    memo = ctx.__dict__.setdefault("_title_blocks", {})
    if "value" not in memo:
        header = [b for b in ctx.header() if not _is_date_or_byline(b, ctx)]
        found = _echoed_title(ctx) or _similar_title(ctx) or _title_above_byline(ctx)
        found = found or _single_title(header, ctx)
        copies = {b.text for b in found}  # lifted with it
        others = [b for b in header if is_title_like(b) and b.text not in copies and _headline_like(b)]
        if found and len(others) == 1:
            found = []  # the one candidate left would be lifted by the next cleaning
        memo["value"] = [] if found and _is_outlet(ctx, found[0]) else found
    return memo["value"]


def _is_outlet(ctx: Context, block: Block) -> bool:
    """Whether a line names the outlet of a copyright line ("© 2007 The Daily Planet"):
    a masthead, not a headline."""
    key = _title_key(block.text)
    return any(_COPYRIGHT.match(b.text) and key in _title_key(b.text) for b in ctx.all_blocks)


_COPYRIGHT = re.compile(r"\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def _is_date_or_byline(block: Block, ctx: Context) -> bool:
    if block.word_count > 12:
        return False
    if _has_digit(block.text) and parse_date(block.text, ctx.language_hint(), False) is not None:
        return True
    return _is_byline(block)


@per_block
def _is_byline(block: Block) -> bool:
    return parse_byline(block.text) is not None


@per_block
def _block_key(block: Block) -> str:
    """The block's `_title_key`."""
    return _title_key(block.text)


def _echoed_title(ctx: Context) -> list[Block]:
    """[headline, first line] when a later line repeats the document's first line (four
    words or more), whole or without trailing site names: a page's title above its
    headline. Case and quote marks do not count."""
    first = _page_title_line(ctx)
    if first is None:
        return []
    stripped = [v for v in _without_site(first.text) if len(v.split()) >= 3]
    # case and quote marks may differ from the whole title or the title without its site
    # name; a shorter part ("Headline - more of it - Site") must match as it stands
    loose, exact = {_title_key(v) for v in stripped[:2]}, set(stripped[2:])
    for block in ctx.blocks:
        if block is first or (_block_key(block) not in loose and block.text not in exact):
            continue
        if ctx.is_kept(block) and is_title_like(block):
            # still "Site | Section | Headline": which part is the headline?
            return [] if " | " in block.text else [block, *_if_open(ctx, first)]
    return []


def _first_line(ctx: Context) -> Block | None:
    """The document's first line still standing (a page's title, in a page saved as
    text): what cleaning the cleaned text again would see first."""
    return ctx.blocks[0] if ctx.blocks else None


def _if_open(ctx: Context, block: Block) -> list[Block]:
    return [block] if block.index not in ctx.removed_by and ctx.is_kept(block) else []


_QUOTES = str.maketrans("‘’‚‛′“”„‟″«»", '\'\'\'\'\'"""""""')


def _title_key(text: str) -> str:
    """A line as compared with the page title: case, quote marks and spaces folded.

    >>> _title_key("‘The Voice:’  Dan + Shay") == _title_key("'the voice:' Dan + Shay")
    True
    """
    return " ".join(text.translate(_QUOTES).casefold().split())


SIMILAR_TITLE = 0.6
_WORD = re.compile(r"\w+")


def _similar_title(ctx: Context) -> list[Block]:
    """[headline, first line] when a later headline-like line shares most of its words
    with the document's first line (a page title rewritten for search engines: "Dixie
    Chicks co-founder dead at 65 after car crash" above "Dixie Chicks co-founder dead at
    65 after head-on collision"); the line sharing the most wins, the earlier on a tie,
    and two different lines sharing as much leave the choice open."""
    page_title = _page_title(ctx)
    if page_title is None:
        return []
    page = set(_WORD.findall(page_title.casefold()))
    if len(page) < 4:
        return []
    scored = []
    for block in ctx.blocks[: _article_start(ctx)]:  # a headline stands above the article
        if block is _first_line(ctx) or block.word_count < 4 or not ctx.is_kept(block):
            continue
        if not _headline_like(block) or " | " in block.text:
            continue
        key = _block_key(block)
        if key != _page_title_start(ctx) and _page_title_start(ctx).startswith(key):
            continue  # the page title's beginning: a headline cut over two lines
        words = set(_WORD.findall(block.text.casefold()))
        share = 2 * len(page & words) / (len(page) + len(words))
        if share >= SIMILAR_TITLE:
            scored.append((share, block))
    if not scored:
        return []
    best = max(share for share, _ in scored)
    top = [b for share, b in scored if share == best]
    if len({_title_key(b.text) for b in top}) > 1:
        return []
    return [top[0], *_if_open(ctx, _first_line(ctx))]


def _page_title(ctx: Context) -> str | None:
    """The document's first line without trailing site names, when it can be a page's
    title (four to 40 words, not a sentence)."""
    first = _page_title_line(ctx)
    return None if first is None else _without_site(first.text)[-1]


def _reads_as_sentences(block: Block) -> bool:
    """A full stop at its end (closing quotes aside) or inside: prose, not a page's title."""
    text = block.text.rstrip("\"'”’»)]")
    full_stop = block.ends_sentence and text.endswith(_FULL_STOP_END)
    return full_stop or bool(_INNER_SENTENCE.search(block.text))


def _page_title_line(ctx: Context) -> Block | None:
    """The first line when it can be a page's title: four to 40 words, not a sentence, not
    a byline or a date line (a byline printed twice is no title)."""
    first = _first_line(ctx)
    if first is None or not 4 <= first.word_count <= 40 or _reads_as_sentences(first):
        return None
    return None if _is_date_or_byline(first, ctx) else first


def _page_title_start(ctx: Context) -> str:
    """The first line without its last part (a site name), as a key."""
    first = _first_line(ctx)
    return _title_key(_without_site(first.text)[:2][-1]) if first is not None else ""


def _without_site(page_title: str) -> list[str]:
    """A page title, then the same without one trailing part after another: one site
    part at a time ("Headline | World | Site").

    >>> _without_site("Floods hit the north - a wet week - Daily Planet")[1:]
    ['Floods hit the north - a wet week', 'Floods hit the north']

    A date or a number in brackets at the end may be the page's stamp, not its title:

    >>> _without_site("Floods hit the north  (2023/12/18)-")
    ['Floods hit the north  (2023/12/18)', 'Floods hit the north']
    >>> _without_site("Hochwasser [12.03.2024]")
    ['Hochwasser [12.03.2024]', 'Hochwasser']
    >>> _without_site("Floods hit the north (Opinion)")
    ['Floods hit the north (Opinion)']
    """
    text = page_title.rstrip(" |–—-·")
    variants = [text]
    if (unstamped := _STAMP.sub("", text)) != text and unstamped:
        variants.append(unstamped)
        text = unstamped
    for _ in range(4):
        shorter = _SITE_SUFFIX.sub("", text)
        if shorter == text or not shorter:
            break
        variants.append(shorter)
        text = shorter
    return variants


# a sentence ending inside the line: a word of two small letters or more, a full stop, then
# more text; "vs." ("Liverpool vs. Arsenal") and the like are abbreviations, not ends
_INNER_SENTENCE = re.compile(r"\b(?!(?:vs|no|nr|co|ca|st|cf)\.)[^\W\d_]*[a-z]{2}[.]\s+\w")


@per_block
def _headline_like(block: Block) -> bool:
    """Title-like, not cut short ("..." at its end) and not two sentences."""
    return (
        is_title_like(block)
        and not block.text.endswith(("…", "..."))
        and not _INNER_SENTENCE.search(block.text)
        and block.text.count(":") < 3  # "Blog: Site: World: Headline": crumbs
        and "://" not in block.text
        and any(map(capital, block.text))
    )


def _shares_words(text: str, page_title: str | None) -> bool:
    """Whether a line has a word of four letters or more in common with the page title
    (true when there is no page title to compare with)."""
    if page_title is None:
        return True
    page = {w for w in _WORD.findall(page_title.casefold()) if len(w) >= 4}
    return bool(page & {w for w in _WORD.findall(text.casefold()) if len(w) >= 4})


BYLINE_REACH = 4


def _article_start(ctx: Context) -> int:
    """Position (in `ctx.blocks`) of the third paragraph of running text below the page
    title: the article's first paragraph is at or above it (a page title, a promotion or
    a deck may read as prose)."""
    first = _first_line(ctx)
    prose = [p for p, b in enumerate(ctx.blocks) if b is not first and is_prose(b)][:3]
    return prose[-1] if prose else len(ctx.blocks)


def _first_byline(ctx: Context) -> list[Block]:
    """The blocks of the first byline above the article's first paragraphs. Memoized
    per pass."""
    memo = ctx.__dict__.setdefault("_first_byline", {})
    if "value" not in memo:
        # the article's first paragraph is among the first three paragraphs below the page
        # title (a page title, a promotion or a deck may read as prose)
        kept = [b for b in ctx.blocks[: _article_start(ctx)] if ctx.is_kept(b)]
        found = next(_bylines(kept), None)
        memo["value"] = found[0] if found else []
    return memo["value"]


def _title_above_byline(ctx: Context) -> list[Block]:
    """[headline] when the first byline near the top has a headline-like line just
    above it (a deck, a caption or a date in between are passed over) that is not
    itself below another headline-like line, and that speaks of what the page title
    speaks of."""
    byline = _first_byline(ctx)
    if not byline:
        return []
    kept = [b for b in ctx.blocks if ctx.is_kept(b)]
    at = kept.index(byline[0])
    above = kept[max(0, at - BYLINE_REACH) : at]
    for position in range(len(above) - 1, -1, -1):
        block = above[position]
        if block.word_count >= 3 and _headline_like(block) and not block.ends_sentence:
            before = above[position - 1] if position else None
            if before is not None and before.word_count >= 3 and _headline_like(before):
                return []  # a kicker or a headline above: which one is it?
            if block is _first_line(ctx) or not _shares_words(block.text, _page_title(ctx)):
                return []
            return [block]
    return []


def _single_title(header: list[Block], ctx: Context) -> list[Block]:
    """The only headline-like line of the header, when it speaks of what the page title
    speaks of."""
    candidates = [b for b in header if is_title_like(b)]
    if len(candidates) != 1 or not _headline_like(candidates[0]):
        return []
    short = candidates[0].word_count < 3 and candidates[0] is not _first_line(ctx)
    if short and (_page_title(ctx) is None or not _shares_words(candidates[0].text, _page_title(ctx))):
        return []  # two words, nothing else to go by: a menu's entry as likely as a headline
    if candidates[0].text[0].islower():
        return []  # "and John Roe", "with us": the end of something else
    block = candidates[0]
    if block is not _first_line(ctx) and not _shares_words(block.text, _page_title(ctx)):
        return []
    return candidates


MODEL_READS_TEXT = 0.5  # a line score below this: the line model reads the line as text


class HeaderClutter(BlockRule):
    """Removes the page chrome above the article.

    What it does: in the header (before the first paragraph of running text), a line of
    ten words or fewer that is neither a sentence nor a possible headline is removed:
    mastheads in capitals, counters, crumbs, lone symbols; unless it has three words or
    more and the line model (B301) reads it as text (a line of a hard-wrapped paragraph,
    a list item).

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
                if block.word_count >= 3 and ctx.line_scores.get(block.index, 1.0) < MODEL_READS_TEXT:
                    continue  # the line model reads it as text: a wrapped line, a list item
                yield self.hit(block, REMOVE, "short line above the article, not a sentence")


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
                if ctx.line_scores.get(block.index, 1.0) < MODEL_READS_TEXT:
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
