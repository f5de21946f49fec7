"""The main content of an HTML page as lines of text, and a record of what was dropped.

1. Blocks: paragraphs, headings, list items, table rows (and any other element holding
   text of its own) become blocks; `<br>` starts a new line within a block. Each block
   knows its length and its link text (link density).
2. Never article (H1xx findings, each naming the element by a short CSS path): invisible
   or interactive markup, navigation, dialogs, forms, figure captions and credits, hidden
   elements, header/footer/aside outside the article, and elements whose class, id, role
   or aria-label marks advertising, sponsors, paywalls, share bars, cookie banners,
   newsletter boxes, related links, comments and the like (`lexicons/html_classes.txt`).
   An element holding half of the page's running text is never dropped for its name: it
   is kept and flagged instead; weak words only drop elements without running text.
3. Main content: every block weighs its running text against its links and chrome; teaser
   cards weigh nothing; the element whose blocks weigh most, discounted by its link
   density, is the content root. `<article>`, `<main>`, schema.org `articleBody`, content
   class names and the paragraph after the title heading give a bonus, not a blank cheque.
   A lone paragraph takes its siblings; when nothing holds a fifth of the page's text, the
   whole page is the root. The heading just above the root stays with it, with the
   standfirst between them.
4. Inside the root, `<header>`, `<footer>` and `<aside>` stay when they hold running text
   or belong to an `<article>`; blocks made mostly of links go, and so do headings whose
   section went.

The remaining blocks are the extracted text view, one line per line, blocks separated by
a blank line; the pipeline runs the text rules over it exactly as over a text seed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpuskit.html.tree import Node, Tree
from corpuskit.html.vocab import classify, classify_label, names_content
from corpuskit.segment import SENTENCE_MARKS

# Elements that end the running line: each starts and ends a block.
BLOCK_TAGS = frozenset(
    (
        "html body div p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table thead tbody tfoot tr caption "
        "blockquote pre address article section main header footer aside nav figure figcaption "
        "form fieldset legend details summary dialog menu center hr noscript hgroup frameset "
        "noframes output"
    ).split()
)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}
CELLS = frozenset(("td", "th"))
# Never article, whatever their attributes say.
CHROME_TAGS = {
    "nav": "navigation",
    "menu": "navigation",
    "dialog": "dialog",
    "form": "form",
    "button": "form",
    "label": "form",
    "legend": "form",
    "noscript": "noscript",
    "figcaption": "caption",
}
PAGE_PARTS = frozenset(("header", "footer", "aside"))
CARD_TAGS = frozenset(("li", "article", "div", "section"))
# A <figure> holding one of these is content (a pull quote, a table, a listing).
FIGURE_CONTENT = frozenset(("blockquote", "table", "pre", "code", "ul", "ol", "p"))
ROLES = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "toolbar": "navigation",
    "search": "navigation",
    "tablist": "navigation",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SENTENCE = re.compile(rf"[{SENTENCE_MARKS};:]")

# Codes of the HTML stage (documented in corpuskit/rules/html.py).
H_INVISIBLE, H_CHROME, H_MARKED, H_HIDDEN, H_OUTSIDE, H_LINKS, H_KEPT = (
    "H101",
    "H102",
    "H103",
    "H104",
    "H105",
    "H106",
    "H107",
)

PROTECT_SHARE = 0.5  # a marked element holding this share of the running text is kept
UNSURE_WEIGHT = 0.25  # what the text under a kept, boilerplate-named element counts for the root
TITLE_BONUS = 1.5  # for the elements around the paragraph that follows the title heading
MIN_ROOT_SHARE = 0.2  # a content root shows at least this share of the page's text
LINK_SHARE = 0.6  # a block with more link text than this is a link list (H106)


@dataclass(eq=False)
class Block:
    """Text of one block-level element (or of the stretch of one between `<br>`s)."""

    owner: Node
    text: str
    link_chars: int
    joined: bool = False  # continues the previous block after a <br>
    after_gap: bool = False  # an element was left out just before it
    words: int = 0
    mass: float = 0.0
    prose: bool = False
    dropped: str | None = None  # code of the reason it is left out


@dataclass
class Removal:
    """Something the HTML stage left out: an element or a group of blocks."""

    code: str
    element: str  # short CSS path
    reason: str
    text: str
    line: int | None = None


@dataclass
class Extraction:
    """The extracted text view, one entry a line, with the element each line came from."""

    lines: list[str] = field(default_factory=list)
    elements: list[tuple[str, int | None]] = field(default_factory=list)  # per line: (css path, source line)
    removals: list[Removal] = field(default_factory=list)
    root: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + ("\n" if self.lines else "")


# --- blocks -----------------------------------------------------------------------------


INLINE, BOUNDARY, BREAK, LINK, CELL = range(5)


def collect_blocks(tree: Tree, skip: set[int] | None = None, roles: list[int] | None = None) -> list[Block]:
    """Blocks of the tree in document order, leaving out the subtrees of `skip` (node
    positions). `roles` (from `element_roles`) may be passed when already known.

    Iterative: an explicit stack stands for the recursion, so nesting depth is no risk.
    """
    skip = skip or set()
    roles = roles or element_roles(tree)
    blocks: list[Block] = []
    parts: list[str] = []
    link_chars = 0
    link_depth = 0
    owners: list[Node] = [tree.root]
    joined = False
    gap = False

    def flush(next_joined: bool) -> None:
        nonlocal parts, link_chars, joined, gap
        text = " ".join("".join(parts).split())
        if text:
            blocks.append(Block(owners[-1], text, min(link_chars, len(text)), joined, gap))
            joined = next_joined
            gap = False
        elif not next_joined:
            joined = False
        parts = []
        link_chars = 0

    stack: list[tuple[Node, int]] = [(tree.root, 0)]
    while stack:
        node, index = stack[-1]
        children = node.children
        if index == 0 and node is not tree.root:
            role = roles[node.index]  # entering the node
            if role == BOUNDARY:
                if parts:
                    flush(False)
                else:
                    joined = False
                owners.append(node)
            elif role == LINK:
                link_depth += 1
            elif role == BREAK:
                if parts:
                    flush(True)
            elif role == CELL:
                parts.append(" ")
        if index < len(children):
            stack[-1] = (node, index + 1)
            child = children[index]
            if type(child) is str:
                parts.append(child)
                if link_depth:
                    link_chars += len(child.strip())
            elif child.index not in skip:
                stack.append((child, 0))
            else:
                if roles[child.index] == BOUNDARY and parts:
                    flush(False)  # a block left out still ends the running line
                gap = True
            continue
        stack.pop()  # leaving the node
        role = roles[node.index]
        if role == BOUNDARY or node is tree.root:
            if parts:
                flush(False)
            else:
                joined = False
            owners.pop()
        elif role == LINK:
            link_depth -= 1
        elif role == CELL:
            parts.append(" ")
    return blocks


def element_roles(tree: Tree) -> list[int]:
    """What each element does to the running line, by position: starts and ends a block
    (BOUNDARY), breaks the line (BREAK), marks link text (LINK), separates the cells of a
    one-line table row (CELL), or nothing (INLINE).

    A table row whose cells hold no block elements or line breaks is one line; its cells
    are separated by a space. An `<a>` around more than a dozen blocks (an unclosed link
    that swallows the page) is not link text.
    """
    nodes = tree.order
    blocks_under = [0] * len(nodes)
    for node in reversed(nodes):
        parent = node.parent
        if parent is not None:
            count = blocks_under[node.index] + (node.tag in BLOCK_TAGS or node.tag == "br")
            if count:
                blocks_under[parent.index] += count
    roles = [INLINE] * len(nodes)
    for node in nodes:
        tag = node.tag
        if tag in BLOCK_TAGS:
            roles[node.index] = BOUNDARY
        elif tag in CELLS:
            parent = node.parent
            row_is_line = parent is not None and parent.tag == "tr" and not blocks_under[parent.index]
            roles[node.index] = CELL if row_is_line else BOUNDARY
        elif tag == "br":
            roles[node.index] = BREAK
        elif tag == "a" and blocks_under[node.index] <= MAX_BLOCKS_IN_LINK:
            roles[node.index] = LINK
    return roles


MAX_BLOCKS_IN_LINK = 12


def _weigh(block: Block) -> None:
    """Mass of a block: running text counts for the block's ancestors, links against them.

    A block is prose when it has ten words or more (or 40 characters of a script written
    without spaces), is not mostly links, and reads like a sentence.
    """
    text = block.text
    length = len(text)
    words = text.count(" ") + 1
    block.words = words
    density = block.link_chars / length if length else 0.0
    spaced = words >= length / 12
    long_enough = words >= 10 if spaced else length >= 40
    if density > 0.5:
        block.mass = -float(length)
    elif long_enough and (words >= 20 or _SENTENCE.search(text)):
        block.prose = True
        block.mass = length - 2.0 * block.link_chars
    else:
        block.mass = -0.1 * length


# --- naming elements ----------------------------------------------------------------------


def css_path(node: Node, limit: int = 4) -> str:
    """A short CSS path: up to `limit` steps, stopping early at an element with an id.

    >>> from corpuskit.html.tree import parse
    >>> tree = parse('<div id="main"><section class="a b c"><p>x</p></section></div>')
    >>> css_path(tree.order[-1])
    'div#main > section.a.b > p'
    """
    steps: list[str] = []
    current: Node | None = node
    while current is not None and current.tag != "html" and len(steps) < limit:
        step = current.tag
        ident = current.attrs.get("id", "").strip()
        if ident and _SIMPLE_NAME.fullmatch(ident):
            steps.append(f"{step}#{ident}")
            break
        classes = [c for c in current.attrs.get("class", "").split() if _SIMPLE_NAME.fullmatch(c)][:2]
        steps.append(step + "".join(f".{c}" for c in classes))
        current = current.parent
    return " > ".join(reversed(steps))


_SIMPLE_NAME = re.compile(r"-?[A-Za-z_][\w-]{0,60}")


def _text_of(node: Node) -> str:
    """The visible text under a node, lines joined by a newline (iterative)."""
    lines: list[str] = []
    current: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if type(item) is str:
            if item == "\x00":  # end of a block element
                if current:
                    lines.append(" ".join("".join(current).split()))
                    current = []
                continue
            current.append(item)
            continue
        if item.tag in BLOCK_TAGS or item.tag in CELLS or item.tag == "br":
            if current:
                lines.append(" ".join("".join(current).split()))
                current = []
            stack.append("\x00")
        stack.extend(reversed(item.children))
    if current:
        lines.append(" ".join("".join(current).split()))
    return "\n".join(line for line in lines if line)


# --- the extractor ----------------------------------------------------------------------------


def extract(tree: Tree, disabled: frozenset[str] = frozenset(), title: str | None = None) -> Extraction:
    """Extract the main content of a parsed page; codes in `disabled` (H102 to H106) leave
    in what they would leave out. `title`, the title the page declares, helps find where
    the article starts.

    >>> from corpuskit.html.tree import parse
    >>> page = parse(
    ...     "<body><nav><a href='/'>Home</a></nav><article><h1>Rain</h1>"
    ...     f"<p>{BODY}</p><div class='share-bar'>Share</div></article></body>"
    ... )
    >>> result = extract(page)
    >>> result.lines == ["Rain", "", BODY]
    True
    >>> [(r.code, r.element) for r in result.removals]
    [('H102', 'body > nav'), ('H103', 'body > article > div.share-bar')]
    """
    result = Extraction()
    if tree.invisible:
        counts = ", ".join(f"{tag} ×{n}" for tag, n in sorted(tree.invisible.items()))
        result.removals.append(
            Removal(H_INVISIBLE, "", f"markup never shown as text dropped: {counts}", "", None)
        )
    nodes = tree.order

    # 1. blocks of the whole page
    roles = element_roles(tree)
    blocks = _weighed(collect_blocks(tree, None, roles))
    article_body = {n.index for n in nodes if n.attrs and _is_article_body(n)}
    semantic = [n for n in nodes if n.tag in ("article", "main") or n.index in article_body]

    # 2. elements that are never article
    marks = _never_article(nodes, blocks, semantic, disabled, result)

    # 3. the content root, chosen on what a reader sees (hidden text only when nothing is visible)
    blocks = _weighed(collect_blocks(tree, marks.skip | marks.hidden, roles))
    unsure = {d for i in marks.kept for d in _descendants(nodes, i)}
    _mark_teasers(nodes, blocks)
    weight = _root_weights(nodes, blocks, unsure)
    if marks.hidden and max(weight, default=0) <= 0:
        marks.hidden = set()
        blocks = _weighed(collect_blocks(tree, marks.skip, roles))
        weight = _root_weights(nodes, blocks, unsure)
    if not blocks:
        return result
    root_index = 1 if H_OUTSIDE in disabled else _content_root(nodes, blocks, weight, roles, semantic, title)
    root_index = _or_whole_page(nodes, blocks, root_index, unsure, article_body)
    inside = _descendants(nodes, root_index)
    result.root = css_path(nodes[root_index])
    restored = _restore_hidden(nodes, blocks, marks, inside, result)
    if restored:
        blocks = _weighed(collect_blocks(tree, marks.skip | (marks.hidden - restored), roles))

    # 4. blocks inside the root; page parts and link lists inside it
    first_inside = _drop_inside_root(nodes, blocks, inside, article_body, disabled)
    _keep_heading_above(blocks, first_inside)
    _drop_orphan_headings(blocks)
    _record_dropped_blocks(blocks, nodes, root_index, result)

    # 5. the view
    _write_view(blocks, result)
    return result


@dataclass
class _Marks:
    """Elements that are never article, as step 2 leaves them (indexes in `Tree.order`)."""

    skip: set[int]  # dropped with everything under them
    hidden: set[int]  # hidden, with running text: dropped unless between the root's paragraphs
    deferred: dict[int, tuple[str, str]]  # (code, reason) of the hidden ones
    kept: set[int]  # named as chrome but holding running text: kept, their text counted less


def _never_article(nodes: list[Node], blocks: list[Block], semantic: list[Node], disabled, result) -> _Marks:
    """Mark the elements that are never article (`_never_article_reason`), and the page
    parts outside an `<article>`; an element holding half of the page's running text is
    kept and flagged instead, and weak words drop only elements without running text.
    The dropped elements are recorded in `result`."""
    prose_under = _accumulate(nodes, blocks, lambda b: len(b.text) if b.prose else 0)
    total_prose = prose_under[0] or 1
    marked: dict[int, tuple[str, str]] = {}
    deferred: dict[int, tuple[str, str]] = {}
    kept: set[int] = set()  # marked, but holding running text
    in_article: set[int] = set()
    for node in semantic:
        if node.tag != "main":
            in_article.update(_descendants(nodes, node.index))
    for i, node in enumerate(nodes):
        if i < 2:
            continue  # html, body
        verdict = _never_article_reason(node)
        if verdict is None and in_article and i not in in_article:
            part = _page_part(node)
            if part:
                # an article's own header sometimes stands outside it: running text stays
                verdict = H_CHROME, f"{part} outside the article", part == "<header>"
        if verdict is None or verdict[0] in disabled:
            continue
        code, reason, weak = verdict
        share = prose_under[i] / total_prose
        if weak and (share > 0 or node in semantic):
            kept.add(i)  # the word names the content as often as the chrome: the text stays
        elif code == H_HIDDEN and 0 < share < PROTECT_SHARE:
            deferred[i] = (code, reason)  # hidden running text: decided once the root is known
        elif share >= PROTECT_SHARE:
            if not _inside(node, kept):
                result.removals.append(
                    Removal(
                        H_KEPT,
                        css_path(node),
                        f"{reason}, but it holds {share:.0%} of the page's running text: kept",
                        "",
                        node.line,
                    )
                )
            kept.add(i)
        else:
            marked[i] = (code, reason)
    skip = _dropped_subtrees(nodes, marked)
    for i in sorted(skip):
        node = nodes[i]
        code, reason = marked[i]
        text = _text_of(node)
        if text:
            result.removals.append(Removal(code, css_path(node), reason, text, node.line))
    hidden = {i for i in _dropped_subtrees(nodes, deferred) if not _inside(nodes[i], skip)}
    return _Marks(skip, hidden, deferred, kept)


def _content_root(nodes, blocks: list[Block], weight: list[float], roles, semantic, title) -> int:
    """The element whose blocks weigh most, discounted by its link density, with a bonus
    for the elements around the paragraph after the title heading; a lone paragraph takes
    its siblings."""
    links = _accumulate(nodes, blocks, lambda b: b.link_chars)
    chars = _accumulate(nodes, blocks, lambda b: len(b.text))
    for i, total in enumerate(chars):
        if total and weight[i] > 0:
            weight[i] *= 1 - links[i] / total  # an element made of links is a menu, not an article
    opening = _opening_paragraph(blocks, title)
    if opening is not None:
        node = opening.owner
        while node is not None:  # the article starts under its title
            if weight[node.index] > 0:
                weight[node.index] *= TITLE_BONUS
            node = node.parent
    root_index = _choose_root(nodes, weight, semantic)
    if root_index > 1 and all(roles[i] != BOUNDARY for i in _descendants(nodes, root_index)[1:]):
        # a single paragraph stands out: the article is it and its sibling paragraphs
        root_index = nodes[root_index].parent.index
    return root_index


def _or_whole_page(nodes, blocks: list[Block], root_index: int, unsure: set[int], article_body) -> int:
    """The root, or the whole page (its `<body>`) when the root holds less than a fifth of
    the text a reader sees and is no `<article>`: no main content stands out, so the page
    stays whole, less what is never article."""
    inside = _descendants(nodes, root_index)
    texts = [b for b in blocks if b.link_chars <= LINK_SHARE * len(b.text)]
    shown = sum(len(b.text) * (UNSURE_WEIGHT if b.owner.index in unsure else 1) for b in texts)
    held = sum(len(b.text) for b in texts if b.owner.index in inside)
    is_article = nodes[root_index].tag == "article" or root_index in article_body
    return 1 if held < MIN_ROOT_SHARE * shown and not is_article else root_index


def _restore_hidden(nodes, blocks: list[Block], marks: _Marks, inside: range, result) -> set[int]:
    """The hidden elements with running text that stay: those between the visible
    paragraphs of the main content (pages hide the rest of an article from some readers)
    and not shown elsewhere already. The others are recorded as dropped in `result`."""
    prose_parents = set()
    for block in blocks:
        if block.prose:
            node = block.owner
            for _ in range(3):  # the paragraph, its parent and grandparent
                prose_parents.add(node.index)
                node = node.parent
                if node is None:
                    break
    restored = set()
    visible = {block.text for block in blocks} if marks.hidden else set()
    for i in sorted(marks.hidden):
        node = nodes[i]
        code, reason = marks.deferred[i]
        if i in inside and node.parent.index in prose_parents and not _shown_already(node, visible):
            restored.add(i)
            if not result.removals or result.removals[-1].reason != f"{reason}, between paragraphs: kept":
                result.removals.append(
                    Removal(H_KEPT, css_path(node), f"{reason}, between paragraphs: kept", "", node.line)
                )
        else:
            result.removals.append(Removal(code, css_path(node), reason, _text_of(node), node.line))
    return restored


def _drop_inside_root(nodes, blocks: list[Block], inside: range, article_body, disabled) -> int | None:
    """Mark the blocks outside the root, and inside it the page parts without running text
    and the link lists; returns the number of the first block inside the root."""
    part_of = _page_parts(nodes, inside, article_body)
    keep_parts = {part_of[b.owner.index] for b in blocks if b.prose and b.owner.index in part_of} - {None}
    first_inside = None
    for number, block in enumerate(blocks):
        owner_index = block.owner.index
        if owner_index not in inside:
            block.dropped = H_OUTSIDE
            continue
        if first_inside is None:
            first_inside = number
        part = part_of[owner_index]
        if part is not None and part not in keep_parts and H_CHROME not in disabled:
            block.dropped = H_CHROME
        elif (
            block.link_chars > LINK_SHARE * len(block.text)
            and block.owner.tag not in HEADINGS
            and H_LINKS not in disabled
        ):
            block.dropped = H_LINKS
    return first_inside


def _write_view(blocks: list[Block], result: Extraction) -> None:
    """The blocks that stay, one line each, a blank line between blocks (not between the
    lines of one block broken by `<br>`), with the element of each line."""
    for block in blocks:
        if block.dropped:
            continue
        if result.lines and not block.joined:
            result.lines.append("")
            result.elements.append(result.elements[-1])
        result.lines.append(block.text)
        result.elements.append((css_path(block.owner), block.owner.line))


def _mark_teasers(nodes: list[Node], blocks: list[Block]) -> None:
    """Teaser cards weigh nothing for the root: three or more sibling elements of the same tag
    and class, most of them a linked headline first, over a short text (under 400
    characters)."""
    by_owner: dict[int, list[Block]] = {}
    order = {block: number for number, block in enumerate(blocks)}
    for block in blocks:
        by_owner.setdefault(block.owner.index, []).append(block)
    cards: dict[tuple, list[Node]] = {}
    for node in nodes:
        parent = node.parent
        if parent is not None and node.tag in CARD_TAGS:
            cards.setdefault((parent.index, node.tag, node.attrs.get("class", "")), []).append(node)
    for group in cards.values():
        if len(group) < 3:
            continue
        members = []
        for node in group:
            found = (b for i in _descendants(nodes, node.index) for b in by_owner.get(i, ()))
            inner = sorted(found, key=order.__getitem__)
            text = sum(len(b.text) for b in inner)
            first = inner[0] if inner else None
            headline = first is not None and first.link_chars > LINK_SHARE * len(first.text) >= 12
            members.append((inner, text, headline))
        if sum(headline and text < 400 for _, text, headline in members) * 3 >= len(members) * 2:
            for inner, _, _ in members:
                for block in inner:
                    block.mass = min(block.mass, 0.0)


def _opening_paragraph(blocks: list[Block], title: str | None) -> Block | None:
    """The first paragraph of running text after the heading that repeats the page's
    declared title, if there is such a heading."""
    if not title:
        return None
    wanted = _title_words(title)
    if not wanted:
        return None
    for number, block in enumerate(blocks):
        if block.owner.tag in HEADINGS and len(block.text) < 400:
            found = _title_words(block.text)
            if found and len(found & wanted) >= 0.8 * max(len(found), len(wanted)):
                return next((b for b in blocks[number + 1 : number + 12] if b.prose), None)
    return None


def _title_words(text: str) -> set[str]:
    return set(_WORDS.findall(text.lower()))


_WORDS = re.compile(r"\w+")


def _weighed(blocks: list[Block]) -> list[Block]:
    for block in blocks:
        _weigh(block)
    return blocks


def _accumulate(nodes, blocks, value) -> list[float]:
    """Sum a per-block value over every element's subtree (one bottom-up pass)."""
    totals = [0.0] * len(nodes)
    for block in blocks:
        totals[block.owner.index] += value(block)
    for i in range(len(nodes) - 1, 0, -1):
        parent = nodes[i].parent
        if parent is not None:
            totals[parent.index] += totals[i]
    return totals


def _root_weights(nodes, blocks, unsure: set[int]) -> list[float]:
    """What every element weighs as a content root. Text under an element named as
    boilerplate but kept (`unsure`) counts half for that element and those inside it, and
    nothing for the elements around it: it neither makes nor breaks a wider root."""
    if not unsure:
        return _accumulate(nodes, blocks, lambda b: b.mass)
    half = _accumulate(nodes, blocks, lambda b: b.mass * UNSURE_WEIGHT if b.owner.index in unsure else b.mass)
    none = _accumulate(nodes, blocks, lambda b: 0.0 if b.owner.index in unsure else b.mass)
    return [half[i] if i in unsure else none[i] for i in range(len(nodes))]


def _descendants(nodes, root_index: int) -> range:
    """Positions of an element and every element under it: a contiguous run in document
    order."""
    end = root_index + 1
    while end < len(nodes) and nodes[end].parent.index >= root_index:
        end += 1
    return range(root_index, end)


def _dropped_subtrees(nodes, marked) -> set[int]:
    """Positions of the topmost marked elements (their subtrees go with them)."""
    top: set[int] = set()
    covered: set[int] = set()
    for i, node in enumerate(nodes):
        parent = node.parent
        if parent is not None and parent.index in covered:
            covered.add(i)
        elif i in marked:
            covered.add(i)
            top.add(i)
    return top


def _shown_already(node: Node, visible: set[str]) -> bool:
    """Whether the hidden element only repeats text that is visible elsewhere."""
    lines = _text_of(node).split("\n")
    return all(line in visible for line in lines)


def _holds(node: Node, tags: frozenset[str]) -> bool:
    """Whether an element has a descendant with one of these tags (iterative)."""
    stack = [node]
    while stack:
        current = stack.pop()
        for child in current.children:
            if type(child) is not str:
                if child.tag in tags:
                    return True
                stack.append(child)
    return False


def _inside(node: Node, positions: set[int]) -> bool:
    """Whether an ancestor of the node is at one of `positions`."""
    parent = node.parent
    while parent is not None:
        if parent.index in positions:
            return True
        parent = parent.parent
    return False


def _is_article_body(node: Node) -> bool:
    """schema.org articleBody, role main or article, or a class or id that names the
    article's own container ("entry-content", "article-body")."""
    attrs = node.attrs
    if not attrs:
        return False
    if attrs.get("itemprop", "").lower() == "articlebody":
        return True
    if attrs.get("role", "").lower() in ("main", "article"):
        return True
    return any(names_content(attrs[key]) for key in ("class", "id") if key in attrs)


def _never_article_reason(node: Node) -> tuple[str, str, bool] | None:
    """(code, reason, weak) when an element is never article text, from its tag or
    attributes; a weak reason leaves out only elements without running text."""
    tag = node.tag
    kind = CHROME_TAGS.get(tag)
    if kind is not None:
        return H_CHROME, f"<{tag}>: {kind}", False
    if tag == "figure" and not _holds(node, FIGURE_CONTENT):
        return H_CHROME, "<figure> without quote, table or code: caption or credit", False
    attrs = node.attrs
    if not attrs:
        return None
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return H_HIDDEN, "hidden element", False
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return H_HIDDEN, f"hidden by its style ({style.strip()[:40]})", False
    role = attrs.get("role")
    if role:
        kind = ROLES.get(role.strip().lower())
        if kind in ("navigation", "dialog"):
            return H_CHROME, f"role={role.strip()}: {kind}", False
    for key in ("class", "id"):
        value = attrs.get(key)
        if value:
            found = classify(value)
            if found:
                category, word, weak = found
                return _marked(category, f"{key} '{word}'", weak)
    label = attrs.get("aria-label")
    if label:
        found = classify_label(label)
        if found:
            category, word, weak = found
            return _marked(category, f"aria-label '{word}'", weak)
    return None


_CATEGORY_NAMES = {
    "ad": "advertising",
    "sponsor": "sponsored content",
    "paywall": "paywall or subscription prompt",
    "share": "share bar",
    "cookie": "cookie banner",
    "newsletter": "newsletter box",
    "related": "related links",
    "comments": "comments",
    "navigation": "navigation",
    "dialog": "dialog",
    "caption": "caption or credit",
    "author": "author's note",
    "meta": "byline, date or tags",
    "notice": "disclaimer or notice",
    "hidden": "hidden text",
}


def _marked(category: str, where: str, weak: bool) -> tuple[str, str, bool]:
    code = H_HIDDEN if category == "hidden" else H_MARKED
    return code, f"{where} marks {_CATEGORY_NAMES.get(category, category)}", weak


_BONUS = {"articlebody": 1.3, "article": 1.2, "main": 1.1}


def _choose_root(nodes, weight, semantic: list[Node]) -> int:
    """The element whose blocks weigh most; semantic containers get a bonus."""
    best, best_score = 1, weight[1]  # body
    for i in range(2, len(nodes)):
        if weight[i] > best_score:
            best, best_score = i, weight[i]
    for node in semantic:
        i = node.index
        if weight[i] <= 0:
            continue
        kind = "articlebody" if node.tag not in ("article", "main") or _is_article_body(node) else node.tag
        score = weight[i] * _BONUS.get(kind, 1.0)
        if score > best_score:
            best, best_score = i, score
    return best


def _page_part(node: Node) -> str | None:
    """ "<header>", "<footer>" or "<aside>" (by tag or role) when the element is one."""
    if node.tag in PAGE_PARTS:
        return f"<{node.tag}>"
    role = node.attrs.get("role")
    kind = ROLES.get(role.strip().lower()) if role else None
    return f"role={role.strip()}" if kind in PAGE_PARTS else None


def _page_parts(nodes, inside: range, article_body: set[int]) -> dict[int, int | None]:
    """For every element inside the root: the position of the nearest <header>, <footer>
    or <aside> (or role) above it within the root, or None when there is none or an
    <article> comes first (one pass, top-down)."""
    part_of: dict[int, int | None] = {inside.start: None}
    for i in inside[1:]:
        node = nodes[i]
        if node.tag == "article" or i in article_body:
            part_of[i] = None
        elif _page_part(node):
            part_of[i] = i
        else:
            part_of[i] = part_of.get(node.parent.index)
    return part_of


def _keep_heading_above(blocks: list[Block], first_inside: int | None) -> None:
    """Bring back the heading just above the content root, and the paragraphs of running
    text between them (a standfirst); at most a few blocks lie between them, none of them
    links."""
    if first_inside is None:
        return
    lead: list[Block] = []
    for number in range(first_inside - 1, max(-1, first_inside - 8), -1):
        block = blocks[number]
        if block.dropped != H_OUTSIDE:
            continue
        if block.owner.tag in HEADINGS:
            for kept in [block, *lead]:
                kept.dropped = None
            return
        if block.prose and block.link_chars <= LINK_SHARE * len(block.text):
            lead.append(block)


def _drop_orphan_headings(blocks: list[Block]) -> None:
    """A heading whose section was left out goes too: one with nothing kept after it, or
    followed by a heading of its level or higher with something left out in between."""
    kept = [number for number, block in enumerate(blocks) if not block.dropped]
    if all(blocks[number].owner.tag in HEADINGS for number in kept):
        return  # headings alone are all there is: they stay
    for position, number in enumerate(kept):
        block = blocks[number]
        level = HEADING_LEVEL.get(block.owner.tag)
        if level is None:
            continue
        following = kept[position + 1] if position + 1 < len(kept) else None
        if following is None:
            block.dropped = H_OUTSIDE
            continue
        next_level = HEADING_LEVEL.get(blocks[following].owner.tag)
        if next_level is not None and next_level <= level:
            between = blocks[number + 1 : following + 1]
            if any(b.after_gap for b in between) or any(b.dropped for b in between[:-1]):
                block.dropped = H_OUTSIDE


def _record_dropped_blocks(blocks, nodes, root_index, result: Extraction) -> None:
    """One removal per run of consecutive dropped blocks under the same element."""
    run: list[Block] = []
    run_key = None

    def close() -> None:
        if not run:
            return
        code, owner = run_key
        reason = {
            H_OUTSIDE: "outside the main content",
            H_CHROME: "page header, footer or aside inside the content, without running text",
            H_LINKS: "mostly links",
        }[code]
        text = "\n".join(b.text for b in run)
        result.removals.append(Removal(code, css_path(owner), reason, text, owner.line))

    for block in blocks:
        if not block.dropped:
            close()
            run, run_key = [], None
            continue
        owner = block.owner
        if block.dropped == H_OUTSIDE:
            owner = _run_owner(owner, nodes, root_index)
        key = (block.dropped, owner)
        if key != run_key:
            close()
            run, run_key = [], key
        run.append(block)
    close()


def _run_owner(node: Node, nodes, root_index: int) -> Node:
    """For a block outside the root: the topmost element that does not contain the root."""
    root = nodes[root_index]
    ancestors_of_root = set()
    current = root
    while current is not None:
        ancestors_of_root.add(id(current))
        current = current.parent
    top = node
    current = node.parent
    while current is not None and id(current) not in ancestors_of_root:
        top = current
        current = current.parent
    return top
