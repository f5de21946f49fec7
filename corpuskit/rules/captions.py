"""Captions that carry their photo's credit at the end ("... Foto: Andina")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from corpuskit.lexicon import read_phrases
from corpuskit.rules.base import REMOVE, BlockRule, Context, Hit
from corpuskit.segment import Block, per_block

MAX_CAPTION_WORDS = 50
MAX_CREDIT_WORDS = 10
_NOT_A_CREDIT = re.compile(
    r"[?!]"  # a question or an exclamation
    r"|\.\s+\w+\s+\w+\s+\w+\s+\w+"  # a sentence after a full stop
    r"|^(?:©|\(c\))\s*(?:\d{4}|copyright)",  # a copyright notice ("© 2023 Outlet"), not a credit
    re.IGNORECASE,
)


@cache
def _credit_tail() -> re.Pattern[str]:
    """A credit at the end of a block: a credit label and a colon ("Foto: X", "(Photo: AP)")
    or a copyright sign ("© X", "(C) X"), after a sentence end, a separator or an opening
    parenthesis; group `credit` is the credit, group `caption` what stands before it."""
    by_language = read_phrases("credit")
    labels = {p.rstrip(" :") for lang, phrases in by_language.items() if lang != "mul" for p in phrases}
    label = "|".join(re.escape(p) for p in sorted(labels, key=len, reverse=True))
    mark = rf"(?:(?:{label})\s*:|©|\(c\))"
    return re.compile(
        rf"^(?P<caption>.*?\S)(?:\s*[|–—/]\s*|(?<=[.!?…])\s+|\s*\()\(?"
        rf"(?P<credit>{mark}\s*[^\s:].*?)\)?\.?\s*$",
        re.IGNORECASE | re.DOTALL,
    )


def credit_at_end(text: str) -> str | None:
    """The credit that ends a caption, or None.

    The credit names a person or an agency: at most ten words, no question or exclamation,
    no sentence of running text after a full stop; and a caption stands before it.

    >>> credit_at_end("Son tres los periodos de vacaciones. Foto: Andina")
    'Foto: Andina'
    >>> credit_at_end("Lee Elder war der Zuschauermagnet. | © Augusta National/Getty Images")
    '© Augusta National/Getty Images'
    >>> credit_at_end("Le piquet de grève dans le hall / (C) Kab Niang")
    '(C) Kab Niang'
    >>> credit_at_end("Oberflächenreif bei Panex (Foto: V. Berret, 19.01.2022).")
    'Foto: V. Berret, 19.01.2022'
    >>> credit_at_end("We looked at the photo: it showed the river.") is None
    True
    >>> credit_at_end("Foto: NTB") is None  # a credit alone: the photo-credit rule's
    True
    >>> credit_at_end("Part of the group. © 2024 Outlet, Inc. All rights reserved.") is None
    True
    """
    match = _credit_tail().match(text)
    if not match:
        return None
    credit = match.group("credit").strip()
    if len(credit.split()) > MAX_CREDIT_WORDS or _NOT_A_CREDIT.search(credit):
        return None
    return credit


class CreditedCaption(BlockRule):
    """Removes a photo caption that ends with the photo's credit.

    What it does: removes a block of at most 50 words that ends with a media credit: a
    credit label and a colon ("Foto: Andina", "(Photo: AP)", "Bild: dpa") or a copyright
    sign ("| © Getty Images", "/ (C) Kab Niang"), standing after a sentence end, a
    separator or an opening parenthesis, and naming a person or an agency in at most ten
    words. The credit labels are those of the photo-credit lexicon (B103), in every
    language it holds.

    Why: a scraped picture leaves its caption and its credit on one line; running text
    never ends with a photographer's name after a colon or a copyright sign.

    Example:
        >>> from corpuskit import clean_text
        >>> doc = BODY + "\\n\\nDie Feuerwehr im Einsatz am Montag. Foto: Stadt Trier\\n\\n" + BODY
        >>> clean_text(doc).record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> doc = BODY + "\\n\\nThe photo: a river in spring, before the flood came.\\n\\n" + BODY
        >>> "a river in spring" in clean_text(doc).record.text
        True
    """

    code, name, category = "B114", "credited-caption", "caption"
    summary = "photo caption ending with its credit"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.open_blocks():
            credit = _credit(block)
            if credit:
                yield self.hit(block, REMOVE, f"photo caption with its credit ('{credit}')")


@per_block
def _credit(block: Block) -> str | None:
    """`credit_at_end` of a caption-length block, asked once per block; a block without a
    colon, a copyright sign or a parenthesis holds no credit mark and skips the pattern."""
    text = block.text
    if block.word_count > MAX_CAPTION_WORDS or not (":" in text or "©" in text or "(" in text):
        return None
    return credit_at_end(text)
