"""Line rules: a whole block is boilerplate because of what it says.

Each rule matches a multilingual lexicon (`corpuskit/lexicons/<category>.txt`) in one mode
(whole line, prefix or substring) and caps the block's length, so a phrase inside a real
paragraph never removes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import ClassVar

from corpuskit.lexicon import COMPILE_AFTER, EDGE_PUNCT, lexicon
from corpuskit.metadata import before_source, parse_date
from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit, is_sentence
from corpuskit.screen import Screen, fold
from corpuskit.segment import SENTENCE_MARKS, Block, per_block, segment

_LABEL_FOLLOWERS = ":|-–—/=：｜＝】」』"  # what ends a label: a colon, a bar, a dash, "=", a bracket
_UNKNOWN = object()


def _label_prefix(category: str, block: Block) -> str | None:
    """A lexicon phrase starting the block, alone or followed by a label separator."""
    phrase = lexicon(category).prefix(block.text)
    if phrase is None:
        return None
    rest = block.lowered.lstrip(EDGE_PUNCT).removeprefix(phrase).lstrip()
    return phrase if not rest or rest[0] in _LABEL_FOLLOWERS else None


class LexiconLineRule(BlockRule):
    """Base for rules that remove a block matching a lexicon; subclasses pick the mode.

    A subclass names the lexicons its `match` looks for at the start of a line (prefix or
    whole line: `at_start`) and anywhere in it (`inside`): a block that holds no phrase of
    any line rule's lexicons is never asked (`corpuskit.screen`)."""

    at_start: ClassVar[tuple[str, ...]] = ()
    inside: ClassVar[tuple[str, ...]] = ()
    max_words: int = 40
    # a notice rule also reads the opening sentence of a longer block (up to this many
    # words): legal notices run long, but say what they are in their first sentence
    notice_words: int = 0
    _every: ClassVar[list[type[LexiconLineRule]]] = []

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        LexiconLineRule._every.append(cls)

    def __init__(self) -> None:
        self._answers: dict[int, str | None] = {}  # block index -> match (of the block alone)

    def match(self, block: Block) -> str | None:
        """The first phrase of the `inside` lexicons found in the block (rules that look
        at the start of a line say how)."""
        for category in self.inside:
            phrase = lexicon(category).search(block.text)
            if phrase:
                return phrase
        return None

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in screened_blocks(ctx):
            if block.index in ctx.decisions or block.index in ctx.removed_by:
                continue
            phrase = self._answers.get(block.index, _UNKNOWN)
            if phrase is _UNKNOWN:
                phrase = self._match_block(block)
                self._answers[block.index] = phrase
            if phrase:
                yield self.verdict(block, phrase)

    def verdict(self, block: Block, phrase: str) -> Hit:
        """The hit for a block that matched `phrase`: removed (a rule may flag instead)."""
        return self.hit(block, REMOVE, f"{self.summary} ('{phrase}')")

    def _match_block(self, block: Block) -> str | None:
        if block.word_count <= self.max_words:
            return self.match(block)
        if block.word_count <= self.notice_words:
            opening = opening_sentence(block)
            if opening is not None and opening.word_count <= self.max_words:
                return self.match(opening)
        return None


_SENTENCE_BREAK = re.compile(rf"(?<=[{SENTENCE_MARKS}])\s+(?=\S)")


def opening_sentence(block: Block) -> Block | None:
    """The first sentence of a block of several, as a block of its own; None for one.

    >>> from corpuskit.segment import segment
    >>> opening_sentence(segment("Comments are moderated. Be kind. Thank you.")[0]).text
    'Comments are moderated.'
    >>> opening_sentence(segment("One sentence only.")[0]) is None
    True
    """
    parts = _SENTENCE_BREAK.split(block.text, maxsplit=1)
    return segment(parts[0])[0] if len(parts) == 2 else None


_unscreened = 0  # short blocks this process gave the line rules (screened once past COMPILE_AFTER)


def screened_blocks(ctx: Context) -> list[Block]:
    """The blocks some line rule may match, in order: screened once for all line rules.

    Compiling the screen costs more than asking every rule about a few hundred blocks (the
    lexicons answer those from their phrase sets), so the first `COMPILE_AFTER` blocks of a
    process, a `check` of a few seeds, go to the rules unscreened: the same answers. A
    document that would take the count past it is screened (one seed of 100,000 lines)."""
    global _unscreened
    rules = tuple(LexiconLineRule._every)
    found = ctx.memo.get(rules)
    if found is None:
        most = max(max(rule.max_words, rule.notice_words) for rule in rules)
        found = [b for b in ctx.all_blocks if b.word_count <= most]
        _unscreened += len(found)
        if _unscreened > COMPILE_AFTER:
            screen = _screen(rules)
            found = [b for b in found if screen.may_match(fold(b.text))]
        ctx.memo[rules] = found
    return found


def compile_screen() -> None:
    """Build the line rules' screen now and screen every block from here on: what a long
    run ends up doing anyway, done once before forking worker processes (they share it)."""
    global _unscreened
    _screen(tuple(LexiconLineRule._every))
    _unscreened = max(_unscreened, COMPILE_AFTER)


@cache
def _screen(rules: tuple[type[LexiconLineRule], ...]) -> Screen:
    """The screen of the line rules' lexicons."""
    at_start = {name for rule in rules for name in rule.at_start}
    inside = {name for rule in rules for name in rule.inside}
    return Screen(sorted(at_start), sorted(inside))


class SponsorLabel(LexiconLineRule):
    """Removes sponsor and advertising labels.

    What it does: removes a line that is a sponsor or advertising label ("Sponsor",
    "Advertisement", "Anzeige", "Annonse", "Publicité", "Реклама", ...), alone or
    followed by a separator and the sponsor's pitch.

    Why: ad slots survive scraping as short labelled lines and are never article text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Anzeige: Jetzt testen!\\n\\n" + BODY).record.text == BODY + "\\n"
        True
    """

    code, name, category = "B101", "sponsor-label", "sponsor"
    summary = "sponsor or advertising label"
    at_start, max_words = ("sponsor",), 30

    def match(self, block: Block) -> str | None:
        return lexicon("sponsor").whole_line(block.text) or _label_prefix("sponsor", block)


class PaywallNote(LexiconLineRule):
    """Removes paywall and subscription notes, and marks the record truncated.

    What it does: removes a short line holding a paywall phrase ("of this article left to
    read", "Article réservé à nos abonnés", "Dieser Artikel ist nur für Abonnenten", ...)
    and sets `flags.truncated`.

    Why: the note is not article text, and it tells the corpus user that the article is
    incomplete.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text(BODY + "\\n\\nDieser Artikel ist nur für Abonnenten.")
        >>> r.record.flags.truncated, r.record.text == BODY + "\\n"
        (True, True)
    """

    code, name, category = "B102", "paywall-note", "paywall"
    summary = "paywall or subscription note"
    inside, max_words = ("paywall",), 40


class PhotoCredit(LexiconLineRule):
    """Removes photo, video and image credit lines.

    What it does: removes a short line that starts with a credit label ("Photo:", "Foto:",
    "Bild:", "Images", "Kuva:", "사진=", ...) or a copyright sign ("© Oli Scarff/Getty
    Images") followed by a separator or by a name, or that is an agency credit alone ("Getty
    Images", "AFP", "NTB"). A copyright sign with a year or "rights" is the site's
    copyright notice, left to the source-line rule (M004); a date that names its outlet
    ("3 May 2023 | Source: Reuters") is a dateline, left to M003.

    Why: credits are captions of media that were not scraped; they carry no article text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Foto: NTB Scanpix\\n\\n" + BODY).record.text == BODY + "\\n"
        True
        >>> "Images" in clean_text(BODY + "\\n\\nImages of the war shocked the world.").record.text
        True
        >>> clean_text(BODY + "\\n\\n© Bundesrat | Frank Bräuer").record.text == BODY + "\\n"
        True
    """

    code, name, category = "B103", "photo-credit", "credit"
    summary = "photo or media credit"
    at_start, inside, max_words = ("credit",), ("photo_agency",), 12

    def match(self, block: Block) -> str | None:
        phrase = lexicon("credit").prefix(block.text)
        if phrase:
            rest = block.text.lstrip(EDGE_PUNCT)[len(phrase) :].strip()
            if phrase == "©":  # a name, or the site's copyright notice ("© 2023 Outlet") for M004
                return phrase if rest and not block.ends_sentence and not _NOTICE.search(rest) else None
            if not rest or rest[0] in _LABEL_FOLLOWERS or is_name_like(rest):
                return phrase
            return None
        if block.word_count <= 6 and not block.ends_sentence:
            agency = lexicon("photo_agency").search(block.text)
            return agency if agency and not _dated_source(block.text) else None
        return None


def _dated_source(text: str) -> bool:
    """A date that names its outlet ("3 May 2023 | Source: Reuters"): a dateline, for M003."""
    date_part = before_source(text)
    return date_part != text and parse_date(date_part, None, False) is not None


_NOTICE = re.compile(r"(?:19|20)[0-9]{2}|rights|copyright|powered by", re.IGNORECASE)


@per_block
def is_credit(block: Block) -> bool:
    """Whether a line is a photo or media credit as B103 reads one (the header rules ask
    too: a credit is no headline, and an outlet signs the page's pictures)."""
    return PhotoCredit().match(block) is not None


def is_name_like(text: str) -> bool:
    """A few capitalised words without a full stop: a person or an outlet.

    >>> is_name_like("Dagbladet.no"), is_name_like("of the war shocked the world.")
    (True, False)
    """
    words = text.split()
    return (
        0 < len(words) <= 5
        and all(w[0].isupper() or not w[0].isalpha() for w in words)
        and not text.endswith((".", "!", "?"))
    )


class ReadMoreTeaser(LexiconLineRule):
    """Removes "Read more" teasers that link to other articles.

    What it does: removes a line of up to 30 words that starts with a teaser phrase
    ("Read more", "Lire aussi", "Lesen Sie auch", "Les også", "Leer más", ...) or with a
    capitalised promo label and a colon ("READ MORE:", "JUST IN:"). A line that runs on
    from the phrase without a colon or a dash and ends like a sentence ("Read more about
    the hospice's work and you see why the village cares.") is flagged and stays.

    Why: teasers are headlines of other articles inserted between paragraphs; the writer's
    own sentence may open with the same words.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nLire aussi : La réforme des retraites").record.text == BODY + "\\n"
        True
    """

    code, name, category = "B106", "read-more-teaser", "teaser"
    summary = "teaser for another article"
    at_start, max_words = ("teaser", "inline_promo"), 30

    def verdict(self, block: Block, phrase: str) -> Hit:
        """A line that runs on from the phrase without a label's separator and ends like a
        sentence is flagged, not removed: "See also the notes below." is the writer's own
        pointer, "Read more about the hospice's work and you see why." a sentence."""
        rest = block.lowered.lstrip(EDGE_PUNCT).removeprefix(phrase.lower()).lstrip()
        labelled = not rest or phrase[-1] in _LABEL_FOLLOWERS or rest[0] in _LABEL_FOLLOWERS
        if not labelled and is_sentence(block):
            return self.hit(block, FLAG, f"sentence starting with a teaser phrase kept ('{phrase}')")
        return super().verdict(block, phrase)

    def match(self, block: Block) -> str | None:
        phrase = lexicon("teaser").prefix(block.text)
        if phrase:
            return phrase
        label = lexicon("inline_promo", case_sensitive=True).prefix(block.text)
        if label and block.text.lstrip()[len(label) :].lstrip().startswith(":"):
            return label
        return None


class SectionLabel(LexiconLineRule):
    """Removes section labels such as "Trending now" and "Most read".

    What it does: removes a line that is only a section label of a site's widgets
    ("Trending Now", "Meistgelesen", "Les plus lus", "Mest lest", ...).

    Why: the label introduces a list of links to other articles.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Meistgelesen\\n\\n" + BODY).record.text == BODY + "\\n"
        True
    """

    code, name, category = "B107", "section-label", "navigation"
    summary = "section label"
    at_start, max_words = ("trending",), 6

    def match(self, block: Block) -> str | None:
        return lexicon("trending").whole_line(block.text)


class NavCrumb(LexiconLineRule):
    """Removes navigation crumbs left alone on a line.

    What it does: removes a line that is only a navigation word ("back", "Home",
    "Zurück", "Tilbake", "Retour", "Menu", ...). The line is the phrase, so the cap on its
    length only has to let the longest phrase through: six words, as Japanese and Chinese
    count one word per two characters ("プライバシーポリシー" is five).

    Why: buttons and breadcrumbs of the page's chrome are scraped as lone words.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Tilbake\\n" + BODY).record.text == BODY + "\\n"
        True
    """

    code, name, category = "B108", "nav-crumb", "navigation"
    summary = "navigation crumb"
    at_start, max_words = ("nav",), 6

    def match(self, block: Block) -> str | None:
        return lexicon("nav").whole_line(block.text)


class ShareLine(LexiconLineRule):
    """Removes share, follow, newsletter and comment calls.

    What it does: removes a line of up to 15 words that starts with a share or newsletter
    call ("Share on Facebook", "Newsletter abonnieren", "Inscrivez-vous à notre
    newsletter", "Del på Facebook", ...).

    Why: calls to action belong to the page, not to the article.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nNewsletter abonnieren").record.text == BODY + "\\n"
        True
    """

    code, name, category = "B109", "share-line", "share"
    summary = "share or newsletter call"
    at_start, max_words = ("share",), 15

    def match(self, block: Block) -> str | None:
        return lexicon("share").prefix(block.text)


class CookieNotice(LexiconLineRule):
    """Removes cookie and consent notices.

    What it does: removes a line of up to 60 words holding a cookie-notice phrase ("We use
    cookies", "Diese Website verwendet Cookies", "Nous utilisons des cookies", ...) or a
    phrase of a consent manager's panel or of a blocked embed's placeholder ("Strictly
    Necessary Cookies" alone on its line, "If you do not allow these cookies", "Mit dem
    Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube"), and a longer
    block of up to 200 words whose opening sentence holds one.

    Why: consent banners are scraped with the page and say nothing about the article; the
    long ones spell out the law after a first sentence that says what they are, and their
    settings panel lists every kind of cookie with a paragraph on each.

    Example:
        >>> from corpuskit import clean_text
        >>> notice = "Nous utilisons des cookies pour améliorer votre expérience."
        >>> clean_text(BODY + "\\n\\n" + notice).record.text == BODY + "\\n"
        True
    """

    code, name, category = "B110", "cookie-notice", "cookie"
    summary = "cookie or consent notice"
    at_start, inside = ("consent_label",), ("cookie", "consent")
    max_words, notice_words = 60, 200

    def match(self, block: Block) -> str | None:
        return super().match(block) or lexicon("consent_label").whole_line(block.text)


class ReadingTime(LexiconLineRule):
    """Removes reading-time notes.

    What it does: removes a line of up to 8 words that holds a reading-time phrase and a
    number ("5 min read", "Lesezeit: 3 Minuten", "11 minut czytania", "Temps de lecture :
    4 min", ...).

    Why: the estimate is printed by the site beside the byline; it says nothing about the
    story and is never a sentence of it.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Lesezeit: 3 Minuten\\n\\n" + BODY).record.text == BODY + "\\n"
        True
        >>> "reading time" in clean_text(BODY + "\\n\\nWe cut the reading time.").record.text
        True
    """

    code, name, category = "B115", "reading-time", "navigation"
    summary = "reading-time note"
    inside, max_words = ("reading_time",), 8

    def match(self, block: Block) -> str | None:
        if not any(ch.isdigit() for ch in block.text):
            return None
        return lexicon("reading_time").search(block.text)


class Disclaimer(LexiconLineRule):
    """Removes affiliate disclosures, opinion disclaimers and rights notices.

    What it does: removes a line of up to 40 words that holds a disclosure or notice
    phrase ("we may earn a commission", "Affiliate-Links", "do not necessarily reflect the
    views", "n'engagent que leurs auteurs", "Wszelkie prawa zastrzeżone", ...), and a
    longer block of up to 200 words whose opening sentence of up to 40 words holds one.

    Why: the site prints these around every article; they speak about the page, not the
    story. Long disclosures say what they are in their first sentence.

    Example:
        >>> from corpuskit import clean_text
        >>> note = "Die mit Sternchen markierten Links sind Affiliate-Links."
        >>> clean_text(BODY + "\\n\\n" + note).record.text == BODY + "\\n"
        True
    """

    code, name, category = "B116", "disclaimer", "disclaimer"
    summary = "disclosure, disclaimer or rights notice"
    inside, max_words, notice_words = ("disclaimer",), 40, 200
