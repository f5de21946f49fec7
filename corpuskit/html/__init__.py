"""HTML seeds: the page's main content as lines of text, its declared metadata, and a record
of every element left out.

`read_html` is what the pipeline calls for a `.html` / `.htm` seed. Its `text` (the
extracted text view) then goes through the same normalization, segmentation and text rules
as a text seed; its `meta` (field -> (value, origin)) is merged into the record's metadata;
its `removals` become H1xx findings that point at the elements by a short CSS path.

Parsers (`html-parser` in the configuration): "lxml" (the default) or "bs4"
(beautifulsoup4 on the lxml parser). Both read the page with libxml2 and give the same
extraction; see README.md for the figures behind the default.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpuskit.html.content import Extraction, Removal
    from corpuskit.html.meta import Declared

__all__ = ["PARSERS", "SUFFIXES", "HtmlPage", "Removal", "is_html", "read_html"]

SUFFIXES = (".html", ".htm", ".xhtml")


def __getattr__(name: str):
    # The parser and the extraction are imported when a page is read, so checking a text
    # seed never loads lxml.
    if name == "PARSERS":
        from corpuskit.html.tree import PARSERS

        return PARSERS
    if name == "Removal":
        from corpuskit.html.content import Removal

        return Removal
    raise AttributeError(f"module 'corpuskit.html' has no attribute {name!r}")


def is_html(name: str) -> bool:
    """Whether a seed is an HTML page, by its file name.

    >>> is_html("seeds/page.HTML"), is_html("notes.txt"), is_html("-")
    (True, False, False)
    """
    return PurePath(name).suffix.lower() in SUFFIXES


@dataclass
class HtmlPage:
    """What the HTML stage hands to the pipeline."""

    text: str  # the extracted text view: the input of the text rules
    meta: Declared  # field -> (value, origin), declared by the page
    extraction: Extraction
    parser: str

    @property
    def view_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


def read_html(text: str, parser: str = "lxml", disabled: frozenset[str] = frozenset()) -> HtmlPage:
    """Extract the main content and metadata of a page given as decoded text; `disabled`
    holds the H codes switched off.

    >>> page = read_html('<html lang="en"><head><title>Floods hit the valley | Courier</title></head><body>'
    ...                  f'<nav>Home</nav><p>{BODY}</p></body></html>')
    >>> page.text == BODY + "\\n", page.meta["title"][0], page.meta["language"][0]
    (True, 'Floods hit the valley', 'en')
    """
    from corpuskit.html.content import extract
    from corpuskit.html.meta import page_metadata
    from corpuskit.html.tree import parse

    tree = parse(text, parser)
    meta = page_metadata(tree.head)
    title = meta["title"][0] if "title" in meta else None
    extraction = extract(tree, disabled, title)
    return HtmlPage(extraction.text, meta, extraction, parser)
