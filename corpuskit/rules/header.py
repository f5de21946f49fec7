"""The header of a document: where its title and bylines stand.

The header is the run of blocks before the first paragraph of running text. The rules
that lift the title, byline, dateline and outlet (`title`, `byline`, `dateline`,
`source_line`) and those that clear the page chrome around the article (`clutter`) share
what this module finds there: the headline's blocks (`title_blocks`), the bylines
(`bylines`), and the window of lines around the headline where a dateline may stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from corpuskit.lexicon import lexicon, read_phrases
from corpuskit.metadata import CUT_SHORT, parse_byline, parse_date, parse_names
from corpuskit.rules.base import Context, is_prose
from corpuskit.rules.lines import is_credit
from corpuskit.segment import FULL_STOPS, INVISIBLE, Block, capital, per_block

_CONNECTORS = frozenset({"and", "und", "et", "og", "och", "y", "e", "en", "ja", "i", "a", "&"})


def bylines(header: list[Block]) -> Iterator[tuple[list[Block], list[str]]]:
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


def has_digit(text: str) -> bool:
    return any(map(str.isdigit, text))


TITLE_WINDOW = 12


def with_title_window(ctx: Context, header: list[Block], title: list[Block]) -> list[Block]:
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


NEAR_ARTICLE = 3


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
        and not block.text.rstrip(INVISIBLE).endswith(_NOT_TITLE_END)
        and not only_roles(block.text)
        and not is_menu(block.text)
    )


_MENU_SEPARATOR = re.compile(r"\s[|•·]\s")
_TRAIL_SEPARATOR = re.compile(r"\s[>›»→]\s")


def is_menu(text: str) -> bool:
    """Whether a line is a menu or a breadcrumb trail: four items or more of one to three
    words each, between menu separators; or three items or more of one to four words,
    between arrows ("Home > News > World", "首页 > 新闻 > 国内"). A page's title names its
    site or section once or twice, never a row of them, and points no arrow.

    >>> is_menu("Trang chủ | Thời sự | Thế giới | Kinh doanh"), is_menu("Home • World • Sport • Arts")
    (True, True)
    >>> is_menu("Site | Section | Council votes to close three branch libraries"), is_menu("A | B | C")
    (False, False)
    >>> is_menu("Startseite › Politik › Ausland"), is_menu("Site » Council votes to close three libraries")
    (True, False)
    """
    items = _MENU_SEPARATOR.split(text.strip())
    if len(items) >= 4 and all(1 <= len(item.split()) <= 3 for item in items):
        return True
    trail = _TRAIL_SEPARATOR.split(text.strip())
    return len(trail) >= 3 and all(1 <= len(item.split()) <= 4 for item in trail)


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
    if has_digit(block.text) and parse_date(block.text, ctx.language_hint(), False) is not None:
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
    text = block.text.rstrip("\"'”’»)]" + INVISIBLE)
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
    """Title-like, not cut short ("..." or an article at its end), not two sentences and
    not a credit ("©", "Photo: …")."""
    return (
        is_title_like(block)
        and not block.text.endswith(("…", "..."))
        and block.words[-1].casefold() not in CUT_SHORT
        and "©" not in block.text
        and not _INNER_SENTENCE.search(block.text)
        and block.text.count(":") < 3  # "Blog: Site: World: Headline": crumbs
        and "://" not in block.text
        and any(map(capital, block.text))
        and not is_credit(block)
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


def first_byline(ctx: Context) -> list[Block]:
    """The blocks of the first byline above the article's first paragraphs. Memoized
    per pass."""
    memo = ctx.__dict__.setdefault("first_byline", {})
    if "value" not in memo:
        # the article's first paragraph is among the first three paragraphs below the page
        # title (a page title, a promotion or a deck may read as prose)
        kept = [b for b in ctx.blocks[: _article_start(ctx)] if ctx.is_kept(b)]
        found = next(bylines(kept), None)
        memo["value"] = found[0] if found else []
    return memo["value"]


def _title_above_byline(ctx: Context) -> list[Block]:
    """[headline] when the first byline near the top has a headline-like line just
    above it (a deck, a caption or a date in between are passed over) that is not
    itself below another headline-like line, and that speaks of what the page title
    speaks of."""
    byline = first_byline(ctx)
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
    short = candidates[0].word_count < 3
    if short and (_page_title(ctx) is None or not _shares_words(candidates[0].text, _page_title(ctx))):
        return []  # two words, nothing else to go by: a place, a label or a name as likely
    if candidates[0].text[0].islower():
        return []  # "and John Roe", "with us": the end of something else
    block = candidates[0]
    if block is not _first_line(ctx) and not _shares_words(block.text, _page_title(ctx)):
        return []
    return candidates
