"""Caption rules: captions told by what only captions write (their photo's credit at the
end, "... Foto: Andina"; a note in parentheses, "(l.)", "(Symbolbild)"; an agency's
archive tag, "FILE - ..."; a label in capitals, "ULYKKE: ..."), or by where they stand
(right after a photo credit)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache

from corpuskit.lexicon import every_phrase, lexicon, read_phrases
from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit
from corpuskit.rules.lines import PhotoCredit
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
    """A credit at the end of a block: a credit label and a colon or "=" ("Foto: X",
    "(Photo: AP)", "사진=X") or a copyright sign ("© X", "(C) X"), after a sentence end, a
    separator or an opening bracket; group `credit` is the credit, group `caption` what stands before it."""
    by_language = read_phrases("credit")
    labels = {p.rstrip(" :") for lang, phrases in by_language.items() if lang != "mul" for p in phrases}
    label = "|".join(re.escape(p) for p in sorted(labels, key=len, reverse=True))
    mark = rf"(?:(?:{label})\s*[:：=＝]|©|\(c\))"
    return re.compile(
        rf"^(?P<caption>.*?\S)(?:\s*[|–—/]\s*|(?<=[.!?…])\s+|(?<=。)|\s*[(（\[［])[(（\[［]?"
        rf"(?P<credit>{mark}\s*[^\s:：].*?)[)）\]］]?[.。]?\s*$",
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
    credit label and a colon or "=" ("Foto: Andina", "(Photo: AP)", "Bild: dpa",
    "（写真：ロイター）", "(사진=연합뉴스)") or a copyright
    sign ("| © Getty Images", "/ (C) Kab Niang"), standing after a sentence end, a
    separator or an opening parenthesis, and naming a person or an agency in at most ten
    words. The credit labels are those of the photo-credit lexicon (B103), in every
    language it holds. Japanese and Chinese captions end with the photographer's name and
    "taken by", without a colon ("…＝東京都千代田区で、山田太郎撮影", "…。新华社记者 李贺 摄",
    "…（张三 摄）"): see `photographer_at_end`.

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


_MAY_HOLD_CREDIT = re.compile(r"[:：=＝©(（\[［]")


@per_block
def _credit(block: Block) -> str | None:
    """`credit_at_end` or `photographer_at_end` of a caption-length block, asked once per
    block; a block without a colon, "=", a copyright sign or a bracket holds no credit mark
    and skips the first pattern, one that does not end with "撮影" or "摄" the second."""
    text = block.text
    if block.word_count > MAX_CAPTION_WORDS:
        return None
    credit = credit_at_end(text) if _MAY_HOLD_CREDIT.search(text) else None
    if credit is None and text.rstrip(" )）").endswith(("撮影", "摄", "攝")):
        credit = photographer_at_end(text)
    return credit


# Japanese and Chinese captions end with the photographer's name and the word for "taken
# by", with no colon. Japanese: "撮影" after "＝", "、" or a parenthesis, and a name in Han
# characters, katakana or Latin letters (no hiragana: "京都で撮影" is a sentence's verb).
# Chinese: "摄" after a full stop, a space or a parenthesis, and a name of at most eight
# characters, maybe after a reporter's title ("新华社记者 李贺 摄"); "拍摄" is the verb.
_NAME_CHAR = "\u4e00-\u9fff\u30a0-\u30ffA-Za-zＡ-Ｚａ-ｚ"
_PHOTOGRAPHER = re.compile(
    rf"(?P<caption>.*?\S)\s*(?:[＝=、（(]\s*(?P<ja>[{_NAME_CHAR}][{_NAME_CHAR}・ ]{{0,11}}撮影)"
    r"|[。\s（(](?P<zh>(?:\S{0,8}?[记記]者\s*)?[^\s。，、（）()]{1,8}?\s?(?<!拍)[摄攝]))[)）]?$",
    re.DOTALL,
)


def photographer_at_end(text: str) -> str | None:
    """The photographer's credit that ends a Japanese or Chinese caption, or None. A
    Japanese caption joins its picture and its place with "＝"; without one, the line is
    no caption.

    >>> photographer_at_end("記者会見する首相＝東京都千代田区で2024年5月1日、山田太郎撮影")
    '山田太郎撮影'
    >>> photographer_at_end("記者会見する首相（1日、首相官邸で）＝山田太郎撮影")
    '山田太郎撮影'
    >>> photographer_at_end("5月1日，游客在北京天坛公园游览。新华社记者 李贺 摄")
    '新华社记者 李贺 摄'
    >>> photographer_at_end("游客在天坛公园游览（张三 摄）")
    '张三 摄'
    >>> photographer_at_end("新作映画、京都で撮影") is None  # a headline: no "＝", a verb
    True
    >>> photographer_at_end("纪录片在北京 现场拍摄") is None  # "拍摄", to film
    True
    """
    match = _PHOTOGRAPHER.match(text.strip())
    if match is None:
        return None
    if match.group("ja") and "＝" not in text and "=" not in text:
        return None
    return (match.group("ja") or match.group("zh")).strip()


_PARENTHESIS = re.compile(r"(?<=\w)\s*\(([^()]{1,40})\)")
_RANK_FIRST = re.compile(r"^(?:\d+\.|\w+)\s+(?=\S+\s)")  # "2.", "second", "2nd" before a note of two words


@cache
def _caption_notes() -> frozenset[str]:
    return every_phrase("caption_marker")


def caption_note(text: str) -> str | None:
    """The first parenthesis after a word that only a photo caption writes: where a person
    stands in the picture, or that the picture is an archive or stock image; None when
    there is none. A rank may stand before a note of two words or more ("2. von rechts",
    "second from left"), not before a single word ("weiter links" is a direction).

    >>> caption_note("Marcell Jansen (l.) und Piotr Trochowski haben einen guten Draht.")
    'l.'
    >>> caption_note("Die Ministerin (2. von rechts) beim Besuch der Schule.")
    '2. von rechts'
    >>> caption_note("Wer die Äste auf die Wege zieht, ist unklar (Symbolbild).")
    'Symbolbild'
    >>> caption_note("Die Straße führt (weiter links) in den Wald.") is None
    True
    >>> caption_note("Hubraum (l) und Leistung (kW) stehen im Fahrzeugschein.") is None
    True
    >>> caption_note("(links) Weitere Informationen") is None  # no word before it
    True
    """
    notes = _caption_notes()
    for match in _PARENTHESIS.finditer(text):
        content = match.group(1).strip()
        if content in notes or _RANK_FIRST.sub("", content) in notes:
            return content
    return None


@cache
def _caption_tags() -> re.Pattern[str]:
    tags = sorted(every_phrase("caption_tag"), key=len, reverse=True)
    return re.compile(rf"({'|'.join(map(re.escape, tags))})(?:\s+[-–—]|:)\s+\w")


def caption_tag(text: str) -> str | None:
    """The tag in capitals with which a news agency opens the caption of an archive photo
    ("FILE - ...", "ARCHIV - ..."), followed by a dash or a colon; None when the block does
    not open with one. Case counts: "File - Edit" is a menu, "Archiv: Alle Artikel" a label.

    >>> caption_tag("FILE - Tourists look out from the South Rim at the Grand Canyon, May 4, 2023.")
    'FILE'
    >>> caption_tag("ARCHIV - Ein Polizist sichert den Tatort in der Innenstadt.")
    'ARCHIV'
    >>> caption_tag("File - Edit - View") is None, caption_tag("FILES are stored here.") is None
    (True, True)
    """
    match = _caption_tags().match(text)
    return match.group(1) if match else None


@per_block
def _caption_mark(block: Block) -> str | None:
    """How a block shows that it is a caption: its archive tag or its note in parentheses
    (asked once per block, not in every pass)."""
    tag = caption_tag(block.text)
    if tag is not None:
        return f"the archive tag '{tag}'"
    note = caption_note(block.text) if "(" in block.text else None
    return None if note is None else f"the note '({note})'"


class MarkedCaption(BlockRule):
    """Removes a photo caption marked by a note that only captions write.

    What it does: removes a block of at most 50 words holding, right after a word, a
    parenthesis that says where someone stands in the picture ("(l.)", "(rechts)",
    "(left)", "(2. von rechts)", "(à gauche)", "(z lewej)") or that the picture is an
    archive or stock image ("(Symbolbild)", "(file photo)", "(foto de archivo)"), or
    opening with a news agency's archive tag in capitals and a dash or a colon ("FILE -
    ...", "ARCHIVO - ...", "ARCHIV - ..."). A longer block with such a mark is flagged,
    not removed. The notes are those of the caption-marker lexicon, matched
    case-sensitively and whole ("(Links)", web links, and "(l)", litres, are not notes);
    the tags those of the caption-tag lexicon, in capitals ("File - Edit" is a menu).

    Why: a scraped picture leaves its caption between the paragraphs; running text does
    not tell the reader who stands on the left, nor open with an agency's archive tag,
    but a caption does.

    Example:
        >>> from corpuskit import clean_text
        >>> doc = BODY + "\\n\\nMarcell Jansen (l.) und Piotr Trochowski beim HSV.\\n\\n" + BODY
        >>> clean_text(doc).record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> doc = BODY + "\\n\\nFILE - Tourists at the Grand Canyon, May 4, 2023.\\n\\n" + BODY
        >>> clean_text(doc).record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> doc = BODY + "\\n\\nThe switch (left on older models) turns it off.\\n\\n" + BODY
        >>> "The switch" in clean_text(doc).record.text
        True
    """

    code, name, category = "B124", "caption-marker", "caption"
    summary = "photo caption marked by a note in parentheses or an archive tag"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.open_blocks():
            mark = _caption_mark(block)
            if mark is None:
                continue
            if block.word_count <= MAX_CAPTION_WORDS:
                yield self.hit(block, REMOVE, f"photo caption with {mark}")
            else:
                yield self.hit(block, FLAG, f"long block with {mark}: maybe a caption")


_CAPS_LABEL = re.compile(r"^(\w[\w' .-]{1,40}?)\s?:\s+\S")


@per_block
def caps_label(block: Block) -> str | None:
    """The label of a "LABEL IN CAPITALS: sentence" block.

    >>> from corpuskit.segment import segment
    >>> [caps_label(b) for b in segment("ULYKKE: Bilen havnet i grøfta.\\nQ: Why?\\nNote: lower")]
    ['ULYKKE', None, None]
    """
    match = _CAPS_LABEL.match(block.text)
    if not match:
        return None
    label = match.group(1)
    letters = sum(ch.isalpha() for ch in label)
    if letters < 3 or not label.isupper() or any(ch.isdigit() for ch in label):
        return None
    return label


class CaptionLabel(BlockRule):
    """Removes photo captions written as "LABEL IN CAPITALS: sentence".

    What it does: removes blocks that open with a label in capitals and a colon
    ("ULYKKE: ...", "HEARTBREAK: ...") when the document holds two or more such
    blocks with different labels, each used once. A lone labelled block, or labels that
    repeat (a transcript's speakers), are flagged, not removed.

    Why: many newspapers caption photos this way; the captions were scraped inline with the
    article. A single labelled paragraph may be a dateline lede ("NEW DELHI: ...") and a
    repeated label is a speaker, so those stay.

    Example:
        >>> from corpuskit import clean_text
        >>> doc = "DRAMA: Feuerwehr vor Ort.\\n\\n" + BODY + "\\n\\nTRAUER: Blumen am Tatort.\\n\\n" + BODY
        >>> clean_text(doc).record.text == BODY + "\\n\\n" + BODY + "\\n"
        True
        >>> doc = "SMITH: We agree.\\n\\nJONES: We do not.\\n\\nSMITH: Then vote."
        >>> clean_text(doc).record.text.count("SMITH")
        2
    """

    code, name, category = "B104", "caption-label", "caption"
    summary = "photo caption with a label in capitals"

    def check(self, ctx: Context) -> Iterable[Hit]:
        labelled = [(b, label) for b in ctx.blocks if (label := caps_label(b))]
        labels = [label for _, label in labelled]
        distinct = set(labels)
        captions = len(distinct) >= 2 and len(distinct) == len(labels)
        for block, label in labelled:
            if ctx.decided(block) or lexicon("inline_promo", case_sensitive=True).whole_line(label):
                continue
            if captions:
                yield self.hit(block, REMOVE, f"photo caption labelled '{label}'")
            else:
                reason = "repeats" if labels.count(label) > 1 else "stands alone"
                yield self.hit(block, FLAG, f"labelled block '{label}' kept: the label {reason}")


class CaptionAfterCredit(BlockRule):
    """Removes a caption that follows a photo credit and repeats another line.

    What it does: a short block (25 words or fewer) right after a removed credit line is a
    caption; when most of its words repeat another block (the caption echoes the headline)
    it is removed, otherwise it is flagged. A line holding only a date is a dateline, left
    to the dateline rule (M003).

    Why: scraped media blocks come as credit + caption; the caption repeats the headline or
    describes a picture that is not there. Article text after a credit stays unless echoed.

    Example:
        >>> from corpuskit import clean_text
        >>> doc = "Rain floods the valley\\n\\nPhoto: AP\\n\\nRain floods the valley.\\n\\n" + BODY
        >>> "Rain floods the valley." in clean_text(doc).record.text
        False
    """

    code, name, category = "B105", "caption-after-credit", "caption"
    summary = "caption after a photo credit"

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in list(ctx.open_blocks()):
            if block.index == 0 or block.word_count > 25 or not block.words:
                continue
            if ctx.rule_of(ctx.all_blocks[block.index - 1]) != PhotoCredit.code:
                continue
            if _is_date_line(block, ctx):
                continue  # the article's dateline below a credit ("Reuters"), not a caption
            if _echoes_another(block, ctx):
                yield self.hit(block, REMOVE, "caption repeating another line, after a credit")
            else:
                yield self.hit(block, FLAG, "short block after a photo credit: maybe a caption")


def _is_date_line(block: Block, ctx: Context) -> bool:
    """A short line holding a date and nothing else (weekday, time, zone allowed)."""
    if block.word_count > 12 or not any(ch.isdigit() for ch in block.text):
        return False
    from corpuskit.metadata import parse_date

    return parse_date(block.text, ctx.language_hint(), False) is not None


def _echoes_another(block: Block, ctx: Context) -> bool:
    """Whether another block, as long or longer, holds 80 % of the block's distinct words.

    Such a block lacks at most `len(words) - shared` of them, so it holds one of any that
    many + 1: only the blocks holding the block's rarest words are compared (a page of a
    thousand pictures would otherwise compare every caption with every block).

    >>> from corpuskit.segment import segment
    >>> blocks = segment("Rain floods the valley\\n\\nPhoto: AP\\n\\nRain floods the valley.")
    >>> ctx = Context(blocks, blocks, {})
    >>> _echoes_another(blocks[2], ctx), _echoes_another(blocks[1], ctx)
    (True, False)
    """
    words = block.lowered_words
    shared = math.ceil(0.8 * len(words))
    holding = _blocks_holding(ctx)
    rarest = sorted(words, key=lambda word: len(holding[word]))[: len(words) - shared + 1]
    for word in rarest:  # the rarest first: an echo is found in a few comparisons
        for index in holding[word]:
            other = ctx.all_blocks[index]
            if other is block or other.word_count < len(words):
                continue
            if len(words & other.lowered_words) >= shared:
                return True
    return False


def _blocks_holding(ctx: Context) -> dict[str, list[int]]:
    """For every lower-cased word of the document, the blocks holding it (made once a
    document, when a caption is first compared)."""
    holding = ctx.memo.get(_blocks_holding)
    if holding is None:
        holding = ctx.memo[_blocks_holding] = {}
        for other in ctx.all_blocks:
            for word in other.lowered_words:
                holding.setdefault(word, []).append(other.index)
    return holding
