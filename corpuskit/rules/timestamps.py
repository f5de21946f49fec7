"""Time stamps counted back from the moment of reading ("3 hours ago", "vor 2 Tagen")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from corpuskit.lexicon import every_phrase
from corpuskit.rules.base import REMOVE, BlockRule, Context, Hit
from corpuskit.segment import HAN_KANA, UNMARKED_ENDS, Block, per_block

_DIGIT = re.compile(r"\d")
_MARKS = r"[\s•·|()\[\]–—-]*"  # bullets, separators and brackets around the stamp


def _phrases(category: str) -> list[str]:
    """A lexicon's phrases of every language, longest first."""
    return sorted(every_phrase(category), key=lambda p: (-len(p), p))


@cache
def _relative_time() -> re.Pattern[str]:
    """Every frame of the relative-time lexicon around one or two counts with their unit:
    "3 hours", "2 Std.", "5m", "8 years, 2 months". A unit ends its word, but Japanese,
    Chinese and Thai write the frame on without a space ("3時間前", "3小时前", "3 ชั่วโมงที่แล้ว")."""
    unit = "|".join(map(re.escape, _phrases("time_unit")))
    span = rf"\d+\s*(?:{unit})\.?(?![^\W{HAN_KANA}{UNMARKED_ENDS}])"
    time = rf"{span}(?:,?\s+{span})?"
    frames = (re.escape(frame).replace(re.escape("{time}"), time) for frame in _phrases("relative_time"))
    return re.compile(rf"{_MARKS}(?:{'|'.join(frames)}){_MARKS}", re.IGNORECASE)


@per_block
def relative_time(block: Block) -> bool:
    """The whole block is a time counted back from now.

    >>> from corpuskit.segment import segment
    >>> [relative_time(b) for b in segment("3 hours ago\\nvor 2 Tagen\\n· hace 21 minutos")]
    [True, True, True]
    >>> [relative_time(b) for b in segment("3時間前\\n2天前\\n3 시간 전\\n3時間目")]
    [True, True, True, False]
    >>> [relative_time(b) for b in segment("3 ชั่วโมงที่แล้ว\\n2 วันที่ผ่านมา\\n3 วันทำการ")]
    [True, True, False]
    >>> [relative_time(b) for b in segment("Three hours ago\\n3 hours ago, the bridge fell.")]
    [False, False]
    >>> relative_time(segment("Il y a 3 solutions")[0])  # "there are", not "ago"
    False
    """
    if block.word_count > 6 or not _DIGIT.search(block.text):
        return False
    return _relative_time().fullmatch(block.text) is not None


class RelativeTime(BlockRule):
    """Removes a line that is only a time counted back from the moment of reading.

    What it does: removes a line made of a count and its unit, or two ("3 hours ago",
    "8 years, 2 months ago", "vor 2 Tagen", "hace 21 minutos", "il y a 3 jours", "2
    godziny temu", "3時間前", "3小时前"), in a frame of the relative-time lexicon, with
    nothing else but bullets or brackets. The count must be written in digits and the unit
    must be one of time ("Il y a 3 solutions" says "there are", not "ago").

    Why: news pages print such stamps under every teaser, comment and live-blog entry;
    they tell when the page was read, not what the article says, and no date can be
    read from them.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\n5 days ago\\n\\n" + BODY).record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> "3 hours ago, the bridge" in clean_text(BODY + "\\n\\n3 hours ago, the bridge fell.").record.text
        True
    """

    code, name, category = "B125", "relative-time", "navigation"
    summary = "time stamp counted back from the reading ('3 hours ago')"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.open_blocks():
            if relative_time(block):
                yield self.hit(block, REMOVE, "time stamp counted back from the moment of reading")
