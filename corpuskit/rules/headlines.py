"""Lists of other articles' headlines below the article, told by their shape alone.

A news page ends with "related", "most read" and "more from" lists: one headline per line,
each without a full stop, one after the other. Their wording is endless (every headline is
new) and in every language, so no phrase list can name them; their shape can.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import numpy as np

from corpuskit.dates import read_date_line
from corpuskit.lexicon import lexicon
from corpuskit.linefeatures import densest_run, stopwords
from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit, ends_unmarked, is_prose
from corpuskit.segment import FULL_STOPS, Block, capital

MIN_RUN = 3  # headlines in a row below the article
MIN_RUN_ABOVE = 6  # above it, where the page's own headline and deck stand
MIN_ANNOUNCED_RUN = 2  # below a header of a list of other articles
MAX_ANNOUNCED_WORDS = 25  # there; a longer line is a paragraph cut short by a link
# rules whose removed line heads a list of other articles: "More from …", "Most read"
LIST_HEADER_RULES = ("B119", "B107")
READ_MORE_RULE = "B106"  # a "read more" phrase alone on its line heads a list too
TITLE_COPY_RULES = ("M001",)  # the page's own headline, lifted, may top the list
MIN_MEAN_WORDS = 6.0  # a headline says something; "Beans and lentils" is a list item
MIN_WORDS, MAX_WORDS = 3, 40
MIN_BRIDGE_WORDS = 5  # a headline that opens with a number, or ends like a wrapped line
SHORT_FUNCTION_WORD = 3  # "the", "of", "und": a line that ends with one was wrapped
MIN_BODY_WORDS = 200  # the article the list follows
NON_PROSE_WEIGHT = 0.5  # what a line that is not prose costs the article body, per word

# A line that ends like a clause or a sentence, in any script ("。", "।", "،"); a truncated
# headline ends with an ellipsis
_CLAUSE_END = re.compile(rf"(?<!\.\.)[{FULL_STOPS}:;,，、；：،؛][\"'”’»)\]」』]*$")
_OPENERS = "\"'“‘«„¿¡"
# A line that ends with a year: a dated entry of an archive, a changelog or a bibliography
_ENDS_WITH_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\W*$")


def opens_like_a_headline(block: Block) -> bool:
    """A capital first (an opening quote before it, or any letter in a script without
    case), or a number when five words or more follow ("5 new cafés to try in town").

    >>> from corpuskit.segment import segment
    >>> lines = "«Nous avons gagné»\\n40 Helfer besuchen die Kirche\\n2 Eier"
    >>> [opens_like_a_headline(b) for b in segment(lines)]
    [True, True, False]
    """
    text = block.text
    first = text[0]
    if first.isdigit():
        return block.word_count >= MIN_BRIDGE_WORDS
    return capital(first) or (first in _OPENERS and len(text) > 1 and capital(text[1]))


def is_headline_like(block: Block, function_word: int = SHORT_FUNCTION_WORD) -> bool:
    """A line shaped like a headline: three to forty words, opening like one (a capital,
    or a number before five words or more), not ending with a full stop,
    colon or comma or with a function word of up to `function_word` letters written in
    lower case (a line of a wrapped paragraph). A tabloid headline may hold two sentences
    ("Star gives birth! Soap actress reveals the name"); its end tells it from prose.

    >>> from corpuskit.segment import segment
    >>> lines = "Council backs the library budget\\nThe council met. It voted.\\nand then some more"
    >>> [is_headline_like(b) for b in segment(lines)]
    [True, False, False]
    >>> [is_headline_like(b) for b in segment("The members argued for hours before the")]
    [False]
    >>> wrapped = segment("Wir berichten heute über")[0]
    >>> is_headline_like(wrapped), is_headline_like(wrapped, function_word=5)
    (True, False)
    >>> [is_headline_like(b) for b in segment("Wer zahlt die neue Brücke?\\n«Nous avons gagné la finale»")]
    [True, True]
    >>> [is_headline_like(b) for b in segment("Star gives birth! Soap actress reveals the name")]
    [True]
    """
    if not MIN_WORDS <= block.word_count <= MAX_WORDS:
        return False
    if not opens_like_a_headline(block):
        return False
    last = block.words[-1]
    wrapped = len(last) <= function_word and last.islower() and last in stopwords()
    # a clause, a wrapped paragraph's line, or a script whose sentences end unmarked
    return not (_CLAUSE_END.search(block.text) or wrapped or ends_unmarked(block))


def body_span(blocks: list[Block]) -> tuple[int, int]:
    """Positions in `blocks` of the first and last line of the article body: the run of
    lines where prose outweighs everything else most (each prose word counts one, each
    other word half against); (0, -1) when that body holds fewer than 200 words of prose.

    >>> from corpuskit.segment import segment
    >>> prose = "This sentence is a plain line of prose with enough words to count. " * 4
    >>> blocks = segment("Menu\\n" + "\\n".join([prose] * 5) + "\\nHeadline one\\nHeadline two")
    >>> body_span(blocks)
    (1, 5)
    """
    if not blocks:
        return 0, -1
    prose = np.array([is_prose(b) for b in blocks])
    words = np.array([b.word_count for b in blocks], dtype=float)
    start, end = densest_run(np.where(prose, words, -NON_PROSE_WEIGHT * words))
    if end < start or words[start : end + 1][prose[start : end + 1]].sum() < MIN_BODY_WORDS:
        return 0, -1
    return start, end


def bridges_headlines(block: Block) -> bool:
    """A line that may stand between two headlines of a run and be one: five words or
    more, a capital or a number first, no full stop, colon or comma at the end. A headline
    may end like a wrapped line, with a short word ("… kündigt Widerstand an", "… it cannot
    pay for"), or open with a number ("40 Helfer besuchen …"); its neighbours say which.

    >>> from corpuskit.segment import segment
    >>> lines = "Bischof kündigt Widerstand gegen das Dekret an\\n5 new cafés to try in town\\nDer Rat hat."
    >>> [bridges_headlines(b) for b in segment(lines)]
    [True, True, False]
    """
    if not MIN_BRIDGE_WORDS <= block.word_count <= MAX_WORDS or _CLAUSE_END.search(block.text):
        return False
    return opens_like_a_headline(block)


def headline_runs(blocks: list[Block], shortest: int, function_word: int) -> Iterator[list[Block]]:
    """Runs of `shortest` or more headline-like lines in a row, six words long on average;
    a line between two headline-like lines belongs to the run when it bridges them."""
    run: list[Block] = []
    headline = [is_headline_like(b, function_word) for b in blocks] + [False]
    for i, block in enumerate([*blocks, None]):
        if block is not None and (headline[i] or (run and headline[i + 1] and bridges_headlines(block))):
            run.append(block)
            continue
        if len(run) >= shortest and sum(b.word_count for b in run) / len(run) >= MIN_MEAN_WORDS:
            yield run
        run = []


def announces_other_articles(text: str) -> bool:
    """The line opens with a "read more" or "related" phrase: what follows it is a list of
    other articles, not the writer's own list.

    >>> announces_other_articles("Lesen Sie auch:"), announces_other_articles("You will need:")
    (True, False)
    """
    return bool(lexicon("teaser").prefix(text) or lexicon("related").prefix(text))


def own_list_below(block: Block, following: list[Block]) -> list[Block]:
    """The writer's own list of headline-like lines that a line announces, or []: the line
    ends with a colon, is no "read more" or "related" phrase, and a run of headlines (as
    the headline list rule B123 finds them) starts right below it. B123 flags such a run
    and keeps it; the line that announces it stays with it.

    >>> from corpuskit.segment import segment
    >>> lines = segment("Top weather stories of the year:\\nVanishing ice at the top of the world\\n"
    ...                 "Record flood threat on the coast road\\nA tropical summer on the Prairies")
    >>> len(own_list_below(lines[0], lines[1:]))
    3
    >>> lines = segment("Lesen Sie auch:\\nStorm closes the coast road again\\n"
    ...                 "Why the old bridge will cost twice as much\\nFive new cafés to try in town")
    >>> own_list_below(lines[0], lines[1:])
    []
    """
    if not following or not block.text.endswith(":") or announces_other_articles(block.text):
        return []
    run = next(headline_runs(following, MIN_RUN, SHORT_FUNCTION_WORD), [])
    return run if run and run[0] is following[0] else []


def _doubt(run: list[Block], ctx: Context) -> str | None:
    """Why a run of headline-like lines may be the page's own list after all, or None.

    >>> from corpuskit.segment import segment
    >>> _doubt(segment("Step 1: Heat the oven\\nStep 2: Mix the flour\\nStep 3: Bake it"), None)
    'the lines begin alike (an enumeration)'
    >>> _doubt(segment("The storm is over\\nThe bridge will cost more\\nThe cafés open"), None) is None
    True
    """
    first = run[0].index
    before = ctx.all_blocks[first - 1] if ctx is not None and first > 0 else None  # removed or not
    if (
        before is not None
        and before.text.endswith(":")
        and not announces_other_articles(before.text)
        and ctx.rule_of(before) not in LIST_HEADER_RULES  # "Top Headlines:", a section label
    ):
        return "announced by the line above (the writer's own list?)"
    if sum(bool(_ENDS_WITH_YEAR.search(b.text)) for b in run) * 2 >= len(run):
        return "dated entries (an archive or a reading list)"
    if sum(b.text.rstrip("\"'”’»)").endswith(("?", "？")) for b in run) * 2 >= len(run):
        return "questions (a table of contents, a FAQ)"
    leads = Counter(w for w in (b.words[0].lower() for b in run) if w not in stopwords())
    if leads and leads.most_common(1)[0][1] * 2 >= len(run) and len(run) > 2:
        return "the lines begin alike (an enumeration)"
    return None


_TEASER_CUT = re.compile(r"(?<=\w)\s?(?:…|\.\.\.)$")


def _cut_teaser(text: str) -> str | None:
    """What stands before the ellipsis of a headline cut short, when four words or more.

    >>> _cut_teaser("Ministerio di Husticia no lo tolera ningun acto di violencia contra…")
    'Ministerio di Husticia no lo tolera ningun acto di violencia contra'
    >>> _cut_teaser("Wait for it…") is None, _cut_teaser("A whole headline here") is None
    (True, True)
    """
    match = _TEASER_CUT.search(text)
    if not match:
        return None
    stem = text[: match.start()]
    return stem if len(stem.split()) >= 4 else None


def is_date_line(block: Block) -> bool:
    """The line is a date and nothing else: a teaser's date, not another headline.

    >>> from corpuskit.segment import segment
    >>> [is_date_line(b) for b in segment("Tuesday, 26 December 2006\\nThe budget of 2006 passes")]
    [True, False]
    """
    return isinstance(read_date_line(block.text), dt.date)


def _announced_headline(block: Block) -> bool:
    """A line of a list below its header: shaped like a headline, 25 words at most, and no
    date (a teaser's date below its headline ends the list)."""
    return is_headline_like(block) and block.word_count <= MAX_ANNOUNCED_WORDS and not is_date_line(block)


def heads_a_list(block: Block, ctx: Context) -> bool:
    """The line was removed as a header of a list of other articles: a related or
    most-read header ("More from Politics", "Meistgelesen"), or a "read more" phrase
    standing alone on its line ("TE PUEDE INTERESAR", "Lesen Sie auch:")."""
    rule = ctx.rule_of(block)
    if rule in LIST_HEADER_RULES:
        return True
    return rule == READ_MORE_RULE and lexicon("teaser").whole_line(block.text) is not None


def list_header_above(block: Block, ctx: Context) -> Block | None:
    """The header of a list of other articles right above the line, or None. Lines
    lifted as the page's title may stand between them: the page's own headline often
    heads its "latest news" list too."""
    position = block.index - 1
    while position >= 0 and ctx.rule_of(ctx.all_blocks[position]) in TITLE_COPY_RULES:
        position -= 1
    if position < 0:
        return None
    header = ctx.all_blocks[position]
    return header if heads_a_list(header, ctx) else None


class HeadlineList(BlockRule):
    """Removes a list of other articles' headlines below (or well above) the article.

    What it does: after the article body (the stretch of lines where running text
    outweighs the rest most, with at least 200 words of it), a run of three or more
    lines in a row that are each shaped like a headline (three to forty words, a
    capital or a number first, no full stop, colon, comma or short function word at the
    end), six words long on average, is removed; a line between two of them that ends
    with a short word ("… kündigt Widerstand an") belongs to the run. Above the body the
    same holds for a run of six or more that does not touch the body (the page's own
    headline and deck stand there). The run is flagged and stays instead when it may be
    the page's own list: the line above announces it ("Further reading:", but not a
    "read more" or "related" phrase such as "Lesen Sie auch:", nor a section label
    removed as one, such as "Top Headlines:"), half its
    lines end with a year (an archive, a reading list) or are questions (a table of
    contents, a FAQ), or half begin with the same word that is not a function word
    ("Step 1: …", "Step 2: …"). Once a run is removed, the other copies of its headlines
    on the page go too, and so does a copy cut short with an ellipsis ("Council votes to
    close the old…"), or the whole headline when the run holds the cut one. Two or more
    headline-shaped lines of 25 words at most right below a removed header of such a list
    ("More from Politics", "Most read", "এই বিভাগের আরো খবর", or a "read more" phrase alone
    on its line: "TE PUEDE INTERESAR", "Lesen Sie auch:") are removed wherever they stand,
    however short the article; the page's own headline, lifted as a copy of the title, may
    stand between the header and the list, and a date ends the list ("read more" also ends
    a teaser, above the next one's headline and date).

    Why: "related", "most read" and "more from" lists follow the article on most news
    pages; every headline in them is new, in any language, so no lexicon can list them,
    but articles do not end in several full-stop-less headlines in a row, and a
    subheading below the body would be followed by its paragraph (the body would reach
    it). Lists inside the body (ingredients, specifications) are never touched, and
    short items ("Beans and lentils") do not make a headline list.

    Example:
        >>> from corpuskit import clean_text
        >>> related = ["Storm closes the coast road for a second night",
        ...            "Why the old bridge will cost twice as much",
        ...            "Five new cafés to try in the harbour district"]
        >>> body = "\\n\\n".join([BODY] * 8)
        >>> r = clean_text(body + "\\n\\n" + "\\n".join(related))
        >>> r.record.text == body + "\\n"
        True
    """

    code, name, category = "B123", "headline-list", "navigation"
    summary = "list of other articles' headlines around the article"

    def check(self, ctx: Context) -> Iterable[Hit]:
        blocks = list(ctx.open_blocks())
        hits: list[Hit] = []
        start, end = body_span(blocks)
        if end >= start:
            for run in headline_runs(blocks[end + 1 :], MIN_RUN, SHORT_FUNCTION_WORD):
                hits += self._judge(run, ctx, "below")
            # above the body the page's own headline and deck stand: a longer run, apart from it
            for run in headline_runs(blocks[: max(start - 1, 0)], MIN_RUN_ABOVE, SHORT_FUNCTION_WORD):
                hits += self._judge(run, ctx, "above")
        judged = {hit.block.index for hit in hits}
        hits += [hit for hit in self._announced(blocks, ctx) if hit.block.index not in judged]
        judged.update(hit.block.index for hit in hits)
        yield from hits
        yield from self._copies(blocks, hits, judged)

    def _announced(self, blocks: list[Block], ctx: Context) -> Iterator[Hit]:
        """Headlines right below a removed header of a list of other articles ("More from
        this section", "Most read"), wherever they stand and however short the article."""
        position = 0
        while position < len(blocks):
            header = list_header_above(blocks[position], ctx)
            if header is None:
                position += 1
                continue
            end = position
            while end < len(blocks) and _announced_headline(blocks[end]):
                end += 1
            run, position = blocks[position:end], max(end, position + 1)
            if len(run) >= MIN_ANNOUNCED_RUN:
                for number, block in enumerate(run, start=1):
                    message = f"headline {number} of {len(run)} below the list header '{header.text}'"
                    yield self.hit(block, REMOVE, message)

    def _copies(self, blocks: list[Block], hits: list[Hit], judged: set[int]) -> Iterator[Hit]:
        """Other copies of a removed headline: the page shows the same teaser twice
        ("Most read" and "More from the section"), once inside a run and once alone."""
        removed = [hit.block.text for hit in hits if hit.action == REMOVE]
        if not removed:
            return
        exact = set(removed)
        stems = [stem for text in removed if (stem := _cut_teaser(text))]
        for block in blocks:
            if block.index in judged:
                continue
            text = block.text
            own_stem = _cut_teaser(text)
            if (
                text in exact
                or any(text.startswith(stem) for stem in stems)
                or (own_stem and any(other.startswith(own_stem) for other in removed))
            ):
                yield self.hit(block, REMOVE, "copy of a headline removed from a list of other articles")

    def _judge(self, run: list[Block], ctx: Context, where: str) -> Iterator[Hit]:
        doubt = _doubt(run, ctx)
        if doubt:
            for block in run:
                yield self.hit(
                    block, FLAG, f"{len(run)} headline-like lines {where} the article kept: {doubt}"
                )
            return
        for number, block in enumerate(run, start=1):
            yield self.hit(block, REMOVE, f"headline {number} of {len(run)} in a row {where} the article")
