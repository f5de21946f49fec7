"""Codes of the HTML stage (H1xx: elements of an HTML seed left out of the extracted text view)
and of markup found in text seeds (H2xx).

The HTML stage runs before the text rules: it decides which elements of the page make the
extracted text view, and the text rules then clean that view like any text seed. Each H1xx
finding names the element by a short CSS path (`element`) and keeps its text, so nothing
leaves a page without a trace. `--ignore` of H102, H103, H104, H105 or H106 keeps what the
code would leave out.
"""

from __future__ import annotations

from corpuskit.models import Severity
from corpuskit.rules.base import Notice


class InvisibleMarkup(Notice):
    """Reports the markup of an HTML seed that is never shown as text.

    What it does: scripts, styles, templates, SVG and MathML, embedded media and frames,
    form controls and the document head are not read for text; one finding per page
    counts them by tag.

    Why: none of it is text a reader sees; counting it keeps the report short.

    Example:
        >>> from corpuskit import clean_bytes
        >>> page = f"<script>track()</script><style>p{{}}</style><p>{BODY}</p>"
        >>> [f.message for f in clean_bytes(page.encode(), name="a.html").report.findings if f.code == "H101"]
        ['markup never shown as text dropped: script ×1, style ×1']
    """

    code, name, category = "H101", "invisible-markup", "html"
    summary = "markup never shown as text"


class PageChrome(Notice):
    """Removes the page's navigation, forms and captions.

    What it does: leaves out `<nav>`, `<menu>`, `<dialog>`, `<form>`, buttons and labels,
    `<noscript>`, `<figcaption>`, a `<figure>` holding no quote, table, list or code (its
    text is a caption or credit), and elements with role navigation, menu, toolbar, search
    or dialog; a `<header>`, `<footer>` or `<aside>` outside the page's `<article>`; and,
    on pages without one, such an element inside the main content that holds no running
    text.

    Why: these parts of a page are never the article's text. A header, footer or aside
    inside the article that holds sentences (a fact box, an author's note) stays.

    Example:
        >>> from corpuskit import clean_bytes
        >>> page = f"<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><p>{BODY}</p>"
        >>> r = clean_bytes(page.encode(), name="a.html")
        >>> r.record.text == BODY + "\\n", [f.element for f in r.report.findings if f.code == "H102"]
        (True, ['body > nav'])
    """

    code, name, category = "H102", "page-chrome", "html"
    summary = "navigation, form or caption element"


class MarkedBoilerplate(Notice):
    """Removes elements whose class, id or aria-label names them as boilerplate.

    What it does: splits class, id and aria-label values into words ("socialShare-bar" ->
    social, share, bar) and leaves out an element when a word names advertising, sponsored
    content, a paywall prompt, a share bar, a cookie banner, a newsletter box, related
    links, comments, navigation, a dialog, a caption or credit, an author's note, a byline
    or date, or a disclaimer. The words are data, in several languages
    (`corpuskit/lexicons/html_classes.txt`), with exceptions ("shareholder", "commentary").
    Tokens that describe a state or a taxonomy ("no-ads", "has-comments",
    "category-newsletter") are not read. Weak words ("paywall", "widget", "teaser", "image")
    leave out only elements without running text. An element holding half or more of the
    page's running text is kept and flagged (H107) instead.

    Why: page templates name their parts; those names are the strongest sign of
    boilerplate a page offers, in any language of the text.

    Example:
        >>> from corpuskit import clean_bytes
        >>> page = f"<article><p>{BODY}</p><div class='werbung'>Jetzt kaufen!</div></article>"
        >>> r = clean_bytes(page.encode(), name="a.html")
        >>> r.record.text == BODY + "\\n", [f.message for f in r.report.findings if f.code == "H103"]
        (True, ["body > article > div.werbung: class 'werbung' marks advertising"])
    """

    code, name, category = "H103", "marked-boilerplate", "html"
    summary = "element named as boilerplate by its class, id or label"


class HiddenElement(Notice):
    """Removes elements a reader does not see.

    What it does: leaves out elements with the `hidden` attribute, `aria-hidden="true"`, an
    inline style `display: none` or `visibility: hidden`, or a class that hides them for
    screen readers only ("sr-only", "visually-hidden").

    Why: hidden text is template residue (labels, duplicates, tracking), not the article.

    Example:
        >>> from corpuskit import clean_bytes
        >>> page = f"<p>{BODY}</p><div style='display:none'>Danke für Ihren Besuch</div>"
        >>> clean_bytes(page.encode(), name="a.html").record.text == BODY + "\\n"
        True
    """

    code, name, category = "H104", "hidden-element", "html"
    summary = "element hidden from the reader"


class OutsideMainContent(Notice):
    """Removes what lies outside the page's main content.

    What it does: weighs every block (running text counts for it, links and short chrome
    against it; teaser cards count for nothing), takes the element whose blocks weigh most,
    discounted by its link density, as the main content, and leaves out the rest of the
    page. `<article>`, schema.org `articleBody`, containers named like "article-body" and
    the elements around the paragraph after the title heading get a bonus but must still
    hold most of the weight. The heading just above the main content stays with it, with
    any standfirst between them; a heading whose section was left out goes. When no
    element holds a fifth of the page's text, nothing stands out and the whole page stays.

    Why: menus, teasers and footers surround the article; the article is where the running
    text is.

    Example:
        >>> from corpuskit import clean_bytes
        >>> links = "".join(f"<li><a href='/{i}'>Teaser headline number {i}</a></li>" for i in range(8))
        >>> page = f"<div><ul>{links}</ul></div><div><h1>Budget</h1><p>{BODY}</p><p>{BODY}</p></div>"
        >>> clean_bytes(page.encode(), name="a.html").record.text.count("Teaser")
        0
    """

    code, name, category = "H105", "outside-main-content", "html"
    summary = "outside the page's main content"


class LinkList(Notice):
    """Removes blocks of the main content that are mostly links.

    What it does: leaves out a block (not a heading) of which more than 60 % of the text is
    link text: link rows, tag lists, "related" lists without a telling class.

    Why: running text links a few words; a block that is mostly links points elsewhere.

    Example:
        >>> from corpuskit import clean_bytes
        >>> page = (f"<article><p>{BODY}</p><p><a href='/a'>Wahlen</a>, <a href='/b'>Politik</a>,"
        ...         " <a href='/c'>Bayern</a></p></article>")
        >>> "Wahlen" in clean_bytes(page.encode(), name="a.html").record.text
        False
    """

    code, name, category = "H106", "link-list", "html"
    summary = "block made mostly of links"


class MarkedButKept(Notice):
    """Flags an element named as boilerplate that holds much of the page's running text.

    What it does: when an element's class, id, role or tag says boilerplate (H102, H103,
    H104) but the element holds half or more of the page's running text, it stays and this
    finding says so; so does hidden text between the visible paragraphs of the main
    content (the rest of an article hidden from some readers).

    Why: precision first. Templates put a "sidebar" or "comments" class on wrappers that
    also hold the article; dropping them would lose it.

    Example:
        >>> from corpuskit import clean_bytes
        >>> page = f"<div class='page-sidebar-layout'><p>{BODY}</p></div>"
        >>> r = clean_bytes(page.encode(), name="a.html")
        >>> r.record.text == BODY + "\\n", [f.code for f in r.report.findings if f.action == "flagged"]
        (True, ['H107'])
    """

    code, name, category = "H107", "marked-but-kept", "html"
    severity = Severity.WARNING
    summary = "named as boilerplate but holds running text: kept"


class StrayMarkup(Notice):
    """Removes HTML tags left in a text seed.

    What it does: in a text seed (not an HTML page), removes tags of HTML elements ("<p>",
    "</a>", "<br/>", `<a href="...">`, `<span class="x">`) and HTML comments; a tag between
    two words becomes a space. Something that only looks like a tag ("a <b and c>", "<3")
    stays: every attribute must have a value. HTML entities are decoded by ftfy (E001).

    Why: copy-pasted or half-converted pages leave markup in the text.

    Example:
        >>> from corpuskit import clean_text
        >>> clean_text("<p>The council met.<br>It agreed.</p>").record.text
        'The council met. It agreed.\\n'
    """

    code, name, category = "H201", "stray-markup", "html"
    summary = "HTML tags in a text seed"
