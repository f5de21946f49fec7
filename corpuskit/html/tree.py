"""HTML text to the small tree the extractor reads, built by one of two parsers.

beautifulsoup4 with the lxml parser (`"bs4"`) and lxml alone (`"lxml"`) read the markup
with the same libxml2 parser, so they give the same tree; lxml builds it without a Python
object per tag and is several times faster, and it knows the source line of each element.
Both builders walk iteratively (no recursion, whatever the nesting), never touch the
network and never expand entities declared in the document.

The tree keeps what the extractor needs: elements with their attributes, text, and the
source line when the parser knows it. Invisible markup (scripts, styles, templates,
embedded media) is counted and left out; `<head>` gives only the metadata in `Head`.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field

MAX_DEPTH = 255  # libxml2's own limit; deeper elements hand their text to the last level

# Never visible as text: dropped while building, counted in `Tree.invisible`.
INVISIBLE = frozenset(
    {
        "script",
        "style",
        "template",
        "svg",
        "math",
        "canvas",
        "iframe",
        "frame",
        "object",
        "embed",
        "video",
        "audio",
        "source",
        "track",
        "picture",
        "img",
        "map",
        "area",
        "link",
        "meta",
        "base",
        "param",
        "input",
        "select",
        "option",
        "optgroup",
        "datalist",
        "textarea",
        "head",
        "title",
    }
)
PARSERS = ("bs4", "lxml")
_METADATA = frozenset(("meta", "title", "link", "base"))


class Node:
    """One element: tag, attributes (all values strings), children (`Node` or `str`)."""

    __slots__ = ("attrs", "children", "index", "line", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None, line: int | None = None):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []
        self.line = line
        self.index = 0  # position in document order, set when the tree is complete

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


@dataclass
class Head:
    """What the page says about itself: `<title>`, `<meta>` tags, JSON-LD, `<html lang>`."""

    title: str | None = None
    metas: list[dict[str, str]] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    lang: str | None = None
    base: str | None = None  # the first `<base href>`


@dataclass
class Tree:
    root: Node
    order: list[Node]  # every element, in document order (pre-order)
    head: Head
    invisible: Counter = field(default_factory=Counter)  # tag -> count of dropped invisible elements


def parse(text: str, parser: str = "bs4") -> Tree:
    """Parse HTML text into a `Tree` with the chosen parser.

    >>> tree = parse('<html lang="de"><title>T</title><p>Hallo <b>Welt</b><script>x()</script></p>')
    >>> [n.tag for n in tree.order], tree.head.lang, tree.head.title, dict(tree.invisible)
    (['html', 'body', 'p', 'b'], 'de', 'T', {'script': 1})
    >>> parse("<p>x</p>", parser="lxml").order[-1].children
    ['x']
    """
    if parser == "lxml":
        return _from_lxml(text)
    if parser == "bs4":
        return _from_bs4(text)
    raise ValueError(f"unknown HTML parser {parser!r} (choose one of {', '.join(PARSERS)})")


class _Builder:
    """Collects elements and head data; shared by both parsers."""

    def __init__(self):
        self.root = Node("html", {}, None)
        self.order: list[Node] = [self.root]
        self.head = Head()
        self.invisible: Counter = Counter()

    def head_element(self, tag: str, attrs: dict[str, str], text: str | None) -> None:
        """Read an invisible element: metadata is kept, anything else counted."""
        if tag not in _METADATA:
            self.invisible[tag] += 1
        if tag == "meta":
            self.head.metas.append(attrs)
        elif tag == "title" and self.head.title is None and text:
            self.head.title = text
        elif tag == "link":
            self.head.links.append(attrs)
        elif tag == "base" and self.head.base is None and attrs.get("href"):
            self.head.base = attrs["href"]
        elif tag == "script" and "ld+json" in attrs.get("type", "").lower() and text:
            self.head.jsonld.append(text)

    def tree(self) -> Tree:
        if len(self.order) == 1 or self.order[1].tag != "body":
            # every page gets a body, so the extractor always has one to fall back on
            body = Node("body", {}, self.root)
            body.children, self.root.children = self.root.children, [body]
            for child in body.children:
                if isinstance(child, Node):
                    child.parent = body
            self.order.insert(1, body)
        for position, node in enumerate(self.order):
            node.index = position
        return Tree(self.root, self.order, self.head, self.invisible)


def _from_lxml(text: str) -> Tree:
    from lxml import etree

    builder = _Builder()
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, collect_ids=False
    )
    try:
        top = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        top = None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # nested deeper than libxml2 builds a tree (256): it drops all that follows, while
        # the bs4 path keeps the text below MAX_DEPTH
        return _from_bs4(text)
    if top is None:
        return builder.tree()
    builder.head.lang = top.get("lang") or top.get("xml:lang")
    builder.root.attrs = dict(top.items())
    stack: list[Node] = [builder.root]
    order = builder.order
    walker = etree.iterwalk(top, events=("start", "end"))
    next(walker)  # the root element itself
    for event, el in walker:
        tag = el.tag
        if type(tag) is not str:
            continue
        if event == "start":
            if tag in INVISIBLE:
                walker.skip_subtree()
                if tag == "head":
                    for child in el.iter():
                        name = child.tag
                        if isinstance(name, str) and name != "head":
                            builder.head_element(name, dict(child.items()), child.text)
                else:
                    builder.head_element(tag, dict(el.items()), el.text)
                continue
            parent = stack[-1]
            items = el.items()
            node = Node(tag, dict(items) if items else {}, parent, el.sourceline)
            parent.children.append(node)
            order.append(node)
            stack.append(node)
            text = el.text
            if text:
                node.children.append(text)
        else:
            if tag not in INVISIBLE:
                stack.pop()
            tail = el.tail
            if tail:
                stack[-1].children.append(tail)
    return builder.tree()


_MULTI_VALUED = ("class", "rel")


def _bs4_attrs(attrs: dict) -> dict[str, str]:
    if not attrs:
        return {}
    out = dict(attrs)
    for key in _MULTI_VALUED:
        value = out.get(key)
        if isinstance(value, list):
            out[key] = " ".join(value)
    return out


def _from_bs4(text: str) -> Tree:
    from bs4 import BeautifulSoup, NavigableString, Tag

    builder = _Builder()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about markup that looks like a URL or file name
        soup = BeautifulSoup(text, "lxml")
    top = soup.find("html", recursive=False)
    if top is None:
        return builder.tree()
    builder.head.lang = top.get("lang") or top.get("xml:lang")
    builder.root.attrs = _bs4_attrs(top.attrs)
    # explicit stack of (bs4 element, our node, next child index): no recursion
    stack: list[tuple[Tag, Node, int]] = [(top, builder.root, 0)]
    while stack:
        tag, node, index = stack[-1]
        contents = tag.contents
        if index >= len(contents):
            stack.pop()
            continue
        stack[-1] = (tag, node, index + 1)
        child = contents[index]
        kind = type(child)
        if kind is NavigableString:
            node.children.append(str(child))
            continue
        if kind is not Tag and not isinstance(child, Tag):
            continue  # comments, doctypes, processing instructions, CDATA
        name = child.name
        if name in INVISIBLE:
            if name == "head":
                for item in child.find_all(True):
                    builder.head_element(item.name, _bs4_attrs(item.attrs), item.string)
            else:
                builder.head_element(name, _bs4_attrs(child.attrs), child.string)
            continue
        if len(stack) >= MAX_DEPTH:
            # too deep: the text stays, attached to the deepest element kept
            node.children.append(child.get_text())
            continue
        new = Node(name, _bs4_attrs(child.attrs), node)
        node.children.append(new)
        builder.order.append(new)
        stack.append((child, new, 0))
    return builder.tree()
