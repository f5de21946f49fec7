"""Site notes: lines a site prints around every article about its own pages.

Comment-section notices and headers, download labels, headers of lists of other articles,
notes of the page about itself (search prompts, browser notices), subscription appeals and
shop buttons.
Each rule reads a multilingual lexicon (`corpuskit/lexicons/<category>.txt`) and caps the
line's length, so the same words inside a paragraph of the article never remove it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpuskit.lexicon import lexicon
from corpuskit.rules.base import FLAG, REMOVE, BlockRule, Context, Hit
from corpuskit.rules.lines import LexiconLineRule, is_name_like, screened_blocks
from corpuskit.segment import Block

_COUNT = re.compile(r"[\d()\[\]{}]+")
_QUOTES = "\"'“”„«»‘’‚‹›「『"


class CommentNotice(LexiconLineRule):
    """Removes comment-moderation notices and comment-section headers.

    What it does: removes a line of up to 60 words that holds a comment-policy phrase
    ("Please understand that comments are moderated", "Kommentare werden moderiert", "Les
    commentaires sont modérés", "Los comentarios son moderados", ...), or a block of up to
    200 words whose opening sentence holds one (a comment form's privacy text), a short line that
    heads a comment section: a label with its count ("12 Kommentare", "Vos réactions (11)",
    "11 responses to “Title”"), a sort control ("Sorted by:") or a call to join the
    discussion alone on its line ("Dołącz do dyskusji").

    Why: the site's comment box is scraped below the article; its rules and counters speak
    about the page, never about the story.

    Example:
        >>> from corpuskit import clean_text
        >>> note = "Please understand that comments are moderated before they appear."
        >>> clean_text(BODY + "\\n\\n" + note).record.text == BODY + "\\n"
        True
        >>> clean_text(BODY + "\\n\\nVos réactions (11)").record.text == BODY + "\\n"
        True
        >>> doc = BODY + "\\n\\nThe mayor read the comments aloud.\\n\\n" + BODY
        >>> "comments" in clean_text(doc).record.text
        True
    """

    code, name, category = "B117", "comment-notice", "comments"
    summary = "comment-section notice or header"
    at_start, inside = ("comment_count",), ("comment_notice", "comment_count")
    max_words, notice_words = 60, 200

    def match(self, block: Block) -> str | None:
        phrase = lexicon("comment_notice").search(block.text)
        if phrase:
            return phrase
        return comment_header(block) if block.word_count <= 30 else None


def comment_header(block: Block) -> str | None:
    """The label of a comment-section header: a count and a label, a label of two words or
    more, or a count, a label and a quoted title.

    >>> from corpuskit.segment import segment
    >>> texts = ["12 Kommentare", "Kommentare", "Sorted by:", "11 responses to “Alone”", "Responses to rain"]
    >>> [comment_header(b) for b in segment("\\n".join(texts))]
    ['kommentare', None, 'sorted by', 'responses to', None]
    """
    text = block.text.strip()
    bare = " ".join(_COUNT.sub(" ", text).split())
    counted = bare != " ".join(text.split())
    words = lexicon("comment_count")
    label = words.whole_line(bare) if block.word_count <= 12 else None
    if label:
        return label if counted or " " in label else None
    label = words.prefix(bare)
    if label and counted:
        rest = bare.lstrip(" •·*#>").lower().removeprefix(label).lstrip(" :")
        if rest[:1] in _QUOTES:
            return label
    return None


_FILE_SIZE = re.compile(
    r"\b(?:PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|RTF|EPUB|ZIP|CSV|MP3)\b.{0,40}?"
    r"\b\d+(?:[.,]\d+)?\s?(?:[kKMG]i?B|KByte|MByte|Ko|Mo)\b"
)


class DownloadLabel(BlockRule):
    """Removes labels of file downloads and printable versions.

    What it does: removes a line of up to 12 words, not a sentence, that holds a download
    phrase ("PDF version", "Pressemitteilung als PDF", "Télécharger au format EPUB",
    "Descargar PDF", ...) or names a file type with its size ("PDF | 38 KB").

    Why: links to the article as a file, or to its attachments, are scraped as short labels;
    they are the page's furniture, not text of the article.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nPDF | 38 KB | Datei ist nicht barrierefrei").record.text == BODY + "\\n"
        True
        >>> clean_text(BODY + "\\n\\nPressemitteilung als PDF").record.text == BODY + "\\n"
        True
        >>> "PDF" in clean_text(BODY + "\\n\\nThe report came out as a PDF file.\\n\\n" + BODY).record.text
        True
    """

    code, name, category = "B118", "download-label", "download"
    summary = "download or print label"
    max_words = 12

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in ctx.open_blocks():
            if block.word_count > self.max_words or block.ends_sentence:
                continue
            phrase = lexicon("download").search(block.text)
            if phrase is None and (size := _FILE_SIZE.search(block.text)):
                phrase = size.group(0)
            if phrase:
                yield self.hit(block, REMOVE, f"{self.summary} ('{phrase}')")


class RelatedHeader(LexiconLineRule):
    """Removes headers of lists of other articles ("More from …", "Mehr aus …").

    What it does: a line of up to 8 words, not a sentence, that starts with a related-list
    phrase ("More from", "Mehr aus", "Weitere Beiträge", "Más sobre", "Plus d'articles",
    "Altri articoli", "Meer over", ...) is removed when nothing follows the phrase but a
    colon or a name (capitalised words: a region, a section, an author); when ordinary words
    follow it ("Mehr aus weniger machen") the line may be a subheading, so it is flagged.

    Why: the list of other articles below (or inside) a story is introduced by such a
    header; the links are headlines of other stories, and the header is not article text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nMehr aus Thüringen").record.text == BODY + "\\n"
        True
        >>> "More from" in clean_text(BODY + "\\n\\nMore from less: how farms adapt").record.text
        True
    """

    code, name, category = "B119", "related-header", "navigation"
    summary = "header of a list of other articles"
    at_start, max_words = ("related",), 8

    def match(self, block: Block) -> str | None:
        if block.ends_sentence:
            return None
        return lexicon("related").prefix(block.text)

    def check(self, ctx: Context) -> Iterable[Hit]:
        for block in screened_blocks(ctx):
            if block.index in ctx.decisions or block.index in ctx.removed_by:
                continue
            phrase = self.match(block) if block.word_count <= self.max_words else None
            if not phrase:
                continue
            rest = block.text.strip(" \t•·*#>«»\"'“”")[len(phrase) :].strip(" :|–—-")
            if not rest or is_name_like(_without_particles(rest)):
                yield self.hit(block, REMOVE, f"{self.summary} ('{phrase}')")
            else:
                yield self.hit(block, FLAG, f"maybe a {self.summary} ('{phrase}'): kept")


def _without_particles(text: str) -> str:
    """The text less its leading short lower-case words ("aus der", "on", "de la").

    >>> _without_particles("aus der Kolumne"), _without_particles("weniger machen")
    ('Kolumne', 'weniger machen')
    """
    words = text.split()
    while len(words) > 1 and words[0].islower() and len(words[0]) <= 4:
        words.pop(0)
    return " ".join(words)


class PageNotice(LexiconLineRule):
    """Removes notes of the page about itself: search prompts, browser notices.

    What it does: removes a line of up to 40 words that holds a page-notice phrase ("Haben
    Sie das Gesuchte nicht gefunden?", "You are using a browser version with limited
    support", "Your browser does not support", "Cliquez pour agrandir", ...).

    Why: these lines talk to the visitor about the page (its search box, the browser, an
    image to click); they are never part of the story.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text(BODY + "\\n\\nHaben Sie das Gesuchte nicht gefunden?").record.text == BODY + "\\n"
        True
        >>> "browser" in clean_text(BODY + "\\n\\nThe browser war ended years ago.\\n\\n" + BODY).record.text
        True
    """

    code, name, category = "B120", "page-notice", "page"
    summary = "note of the page about itself"
    inside, max_words = ("page_notice",), 40


class SubscribeAppeal(LexiconLineRule):
    """Removes subscription and newsletter appeals.

    What it does: removes a line of up to 50 words that holds an appeal phrase ("Cancel
    anytime", "Cancela cuando quieras", "never miss our top stories", "straight to your
    inbox", "Zapraszamy do subskrypcji", "Double-Opt-In", ...).

    Why: sites pitch subscriptions and newsletters between and below articles; the pitch
    is the site's, not the author's. A paywall note (B102) also marks the article
    truncated; an appeal does not.

    Example:
        >>> from corpuskit import clean_text
        >>> appeal = "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras."
        >>> r = clean_text(BODY + "\\n\\n" + appeal)
        >>> r.record.text == BODY + "\\n", r.record.flags.truncated
        (True, False)
    """

    code, name, category = "B121", "subscribe-appeal", "appeal"
    summary = "subscription or newsletter appeal"
    inside, max_words = ("subscribe",), 50


class ShopButton(LexiconLineRule):
    """Removes shop and order buttons.

    What it does: removes a line that is only a shop or order button ("Buy now", "Add to
    cart", "In den Warenkorb", "Ausgabe kaufen", "Ajouter au panier", "Kup teraz", "See
    Details", "Zum Angebot", ...).

    Why: a magazine's or a blog's page offers the issue or the book beside the article;
    the button's label is scraped as a lone line and is never a sentence of the story.

    Example:
        >>> from corpuskit import clean_text
        >>> "kaufen" in clean_text(BODY + "\\n\\nAusgabe kaufen\\n\\n" + BODY).record.text
        False
        >>> "kaufen" in clean_text(BODY + "\\n\\nWir wollten die Ausgabe kaufen.\\n\\n" + BODY).record.text
        True
    """

    code, name, category = "B122", "shop-button", "shop"
    summary = "shop or order button"
    at_start, max_words = ("shop",), 6

    def match(self, block: Block) -> str | None:
        return lexicon("shop").whole_line(block.text)
