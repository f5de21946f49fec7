"""The rule registry: every code a user can see, in the order the pipeline applies them.

Block rules run in this order within each pass, and the first decision about a block
wins: line rules first (what a block says), then captions, then the header and footer
rules (where a block stands).
"""

from __future__ import annotations

from collections.abc import Iterable

from corpuskit.rules.base import BlockRule, Notice, RecordRule, Rule, SpanRule
from corpuskit.rules.byline import Byline
from corpuskit.rules.captions import CaptionAfterCredit, CaptionLabel, CreditedCaption, MarkedCaption
from corpuskit.rules.clutter import FooterClutter, HeaderClutter, HeaderText
from corpuskit.rules.comments import CommentSection
from corpuskit.rules.corpus import DuplicateId, ExactDuplicate, NearDuplicate
from corpuskit.rules.dateline import Dateline, ExtraDateline
from corpuskit.rules.explicit import (
    ExplicitValueInvalid,
    FrontMatter,
    FrontMatterInvalid,
    PageValueIgnored,
    SidecarInvalid,
)
from corpuskit.rules.gate import FinalNewline, MixedLineEndings, UnusedSuppression
from corpuskit.rules.headlines import HeadlineList
from corpuskit.rules.html import (
    HiddenElement,
    InvisibleMarkup,
    LinkList,
    MarkedBoilerplate,
    MarkedButKept,
    OutsideMainContent,
    PageChrome,
    StrayMarkup,
)
from corpuskit.rules.lines import (
    CookieNotice,
    Disclaimer,
    NavCrumb,
    PaywallNote,
    PhotoCredit,
    ReadingTime,
    ReadMoreTeaser,
    SectionLabel,
    ShareLine,
    SponsorLabel,
)
from corpuskit.rules.model import LineScore
from corpuskit.rules.notices import (
    CharsetDetected,
    EncodingFixed,
    LinkOutside,
    OrphanSidecar,
    OversizedSeed,
    OverTime,
    UnnamableFile,
    UnreadableSeed,
)
from corpuskit.rules.record import (
    EmptyAfterCleaning,
    IdPattern,
    LanguageNotAllowed,
    MissingAuthors,
    MissingPublished,
    MissingSource,
    MissingTitle,
    MissingUrl,
    OverRemoval,
    PublishedOutOfRange,
    TooShort,
    UnknownLanguage,
)
from corpuskit.rules.repeats import CorpusRepeat
from corpuskit.rules.site_notes import (
    CommentNotice,
    DownloadLabel,
    PageNotice,
    RelatedHeader,
    ShopButton,
    SubscribeAppeal,
)
from corpuskit.rules.source_line import SourceLine
from corpuskit.rules.spans import InlinePromo
from corpuskit.rules.timestamps import RelativeTime
from corpuskit.rules.title import Title

SPAN_RULES: tuple[type[SpanRule], ...] = (InlinePromo,)

BLOCK_RULES: tuple[type[BlockRule], ...] = (
    SponsorLabel,
    PaywallNote,
    PhotoCredit,
    ReadMoreTeaser,
    SectionLabel,
    NavCrumb,
    ShareLine,
    CookieNotice,
    ReadingTime,
    RelativeTime,
    Disclaimer,
    CaptionLabel,
    CaptionAfterCredit,
    CreditedCaption,
    MarkedCaption,
    Byline,
    Dateline,
    ExtraDateline,
    SourceLine,
    Title,
    LineScore,
    CommentNotice,
    DownloadLabel,
    RelatedHeader,
    PageNotice,
    SubscribeAppeal,
    ShopButton,
    CorpusRepeat,
    HeadlineList,
    CommentSection,
    HeaderClutter,
    FooterClutter,
    HeaderText,
)

RECORD_RULES: tuple[type[RecordRule], ...] = (
    MissingTitle,
    MissingPublished,
    UnknownLanguage,
    MissingAuthors,
    MissingSource,
    MissingUrl,
    LanguageNotAllowed,
    PublishedOutOfRange,
    EmptyAfterCleaning,
    OverRemoval,
    TooShort,
    IdPattern,
)

NOTICES: tuple[type[Notice], ...] = (
    EncodingFixed,
    CharsetDetected,
    UnreadableSeed,
    OverTime,
    OversizedSeed,
    LinkOutside,
    OrphanSidecar,
    UnnamableFile,
    FrontMatter,
    FrontMatterInvalid,
    SidecarInvalid,
    ExplicitValueInvalid,
    PageValueIgnored,
    DuplicateId,
    ExactDuplicate,
    NearDuplicate,
    FinalNewline,
    MixedLineEndings,
    UnusedSuppression,
    InvisibleMarkup,
    PageChrome,
    MarkedBoilerplate,
    HiddenElement,
    OutsideMainContent,
    LinkList,
    MarkedButKept,
    StrayMarkup,
)

ALL_RULES: dict[str, type[Rule]] = {
    rule.code: rule
    for rule in sorted((*SPAN_RULES, *BLOCK_RULES, *RECORD_RULES, *NOTICES), key=lambda r: r.code)
}


def _specificity(code: str, selectors: list[str]) -> int | None:
    lengths = [0 if s == "ALL" else len(s) for s in selectors if s == "ALL" or code.startswith(s)]
    return max(lengths, default=None)


def check_selectors(selectors: Iterable[str]) -> None:
    """Raise ValueError naming the first selector that selects no rule: neither `ALL` nor
    a code or the prefix of one. A typo there would switch rules off (or fail to) without
    a word, so settings and flags holding one are refused.

    >>> check_selectors(["ALL", "B", "B1", "B101"])
    >>> for wrong in ("B9", "b101", "B1O1", ""):
    ...     try:
    ...         check_selectors(["B1", wrong])
    ...     except ValueError as err:
    ...         print(err)
    unknown rule code or prefix 'B9' (see `corpuskit rules`)
    unknown rule code or prefix 'b101' (see `corpuskit rules`)
    unknown rule code or prefix 'B1O1' (see `corpuskit rules`)
    unknown rule code or prefix '' (see `corpuskit rules`)

    An empty code would be the prefix of every code: ignored, it would switch every rule off.
    """
    for selector in selectors:
        if selector != "ALL" and not (selector and any(code.startswith(selector) for code in ALL_RULES)):
            raise ValueError(f"unknown rule code or prefix {selector!r} (see `corpuskit rules`)")


def selected(code: str, select: list[str], ignore: list[str]) -> bool:
    """Whether a code is on, given ruff-style selectors (codes, prefixes or ALL): the most
    specific selector wins, and `ignore` wins a tie.

    >>> selected("B101", ["ALL"], ["B1"]), selected("M001", ["ALL"], ["B1"])
    (False, True)
    >>> selected("B101", ["B101"], ["B"])
    True
    """
    chosen, dropped = _specificity(code, select), _specificity(code, ignore)
    return chosen is not None and (dropped is None or chosen > dropped)
