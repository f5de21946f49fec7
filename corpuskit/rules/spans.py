"""Span rules: boilerplate inside a paragraph that otherwise stays."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from corpuskit.lexicon import every_phrase
from corpuskit.rules.base import SpanRule
from corpuskit.segment import Block


@cache
def _promo_pattern() -> re.Pattern[str]:
    labels = sorted(every_phrase("inline_promo"), key=len)
    alternation = "|".join(re.escape(label) for label in reversed(labels))
    # After the end of a sentence (maybe a closing quote), a label in capitals, a colon,
    # then the teaser up to the end of the paragraph.
    return re.compile(rf"(?<=[.!?…\"'“”’»)]) {{1,3}}(?:{alternation}) ?: {{1,3}}\S.*$")


class InlinePromo(SpanRule):
    """Removes a promo link appended to the end of a paragraph.

    What it does: cuts "JUST IN: ...", "READ MORE: ...", "LES OGSÅ: ...", "LIRE AUSSI :
    ..." and the like, from the label (in capitals, after the end of a sentence) to the end
    of the paragraph; the rest of the paragraph stays.

    Why: sites splice headlines of other articles into the last line of a paragraph.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("Er sagte: „Wir bleiben.“ LESEN SIE AUCH: Neue Regeln ab Mai").record.text
        'Er sagte: „Wir bleiben.“\\n'
    """

    code, name, category = "B201", "inline-promo", "promo"
    summary = "promo link at the end of a paragraph"

    def spans(self, block: Block) -> Iterable[tuple[int, int, str]]:
        match = _promo_pattern().search(block.text)
        if match and match.start() > 0:
            yield match.start(), match.end(), f"inline promo: {match.group(0).strip()}"
