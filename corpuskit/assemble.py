"""Cleaned text from kept blocks, and its exact inverse.

`assemble` joins what stayed into paragraphs separated by one blank line and records,
for every kept stretch, where it came from (`Piece`) and every dropped stretch of layout
(`Gap`). `rebuild_normalized` puts the normalized input back together from the cleaned
text, those pieces and gaps, and the removed or lifted findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from corpuskit.decode import encode
from corpuskit.models import FileReport, Gap, Piece
from corpuskit.normalize import restore
from corpuskit.segment import Block


def kept_ranges(block: Block) -> list[tuple[int, int]]:
    """Source ranges of a block that survive its span removals."""
    ranges, cursor = [], block.start
    for start, end in sorted(block.spans_removed):
        if start > cursor:
            ranges.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < block.end:
        ranges.append((cursor, block.end))
    return ranges


def assemble(
    source: str, kept: list[Block], dropped: Iterable[tuple[int, int]]
) -> tuple[str, list[Piece], list[Gap]]:
    """Join kept blocks; return the text, its pieces, and the layout gaps left over once
    the `dropped` ranges (removed or lifted by rules) are accounted for.

    >>> from corpuskit.segment import segment
    >>> blocks = segment("  One.\\nTwo.\\n")
    >>> text, pieces, gaps = assemble("  One.\\nTwo.\\n", blocks, [])
    >>> text, [(g.start, g.text) for g in gaps]
    ('One.\\n\\nTwo.\\n', [(0, '  '), (6, '\\n'), (11, '\\n')])
    """
    parts: list[str] = []
    pieces: list[Piece] = []
    out = 0
    for number, block in enumerate(kept):
        if number:
            parts.append("\n\n")
            out += 2
        for start, end in kept_ranges(block):
            pieces.append(Piece(out=out, src=start, length=end - start))
            parts.append(source[start:end])
            out += end - start
    text = "".join(parts) + "\n" if parts else ""
    covered = sorted([(p.src, p.src + p.length) for p in pieces] + list(dropped))
    gaps, cursor = [], 0
    for start, end in covered:
        if start > cursor:
            gaps.append(Gap(start=cursor, text=source[cursor:start]))
        cursor = max(cursor, end)
    if cursor < len(source):
        gaps.append(Gap(start=cursor, text=source[cursor:]))
    return text, pieces, gaps


def rebuild_normalized(cleaned: str, report: FileReport) -> str:
    """The normalized input, from the cleaned text and the report alone."""
    chunks = [(p.src, cleaned[p.out : p.out + p.length]) for p in report.pieces]
    chunks += [
        (f.start, f.text)
        for f in report.findings
        if f.action and f.action.startswith(("removed", "lifted")) and f.start is not None
    ]
    chunks += [(g.start, g.text) for g in report.layout]
    chunks.sort(key=lambda chunk: chunk[0])
    position, out = 0, []
    for start, text in chunks:
        if start != position:
            raise ValueError(f"report does not cover the input at offset {position}")
        out.append(text or "")
        position += len(text or "")
    return "".join(out)


def rebuild_view(cleaned: str, report: FileReport) -> str:
    """The decoded seed (for an HTML seed: the extracted text view), from the cleaned text
    and the report alone."""
    return restore(rebuild_normalized(cleaned, report), report.encoding_fixes, report.decoding)


def rebuild_original(cleaned: str, report: FileReport) -> bytes:
    """The seed's original bytes, from the cleaned text and the report alone (text seeds;
    an HTML seed's report rebuilds its extracted text view, see `rebuild_view`)."""
    if report.html is not None:
        raise ValueError(
            f"{report.path}: an HTML seed's report rebuilds its extracted text view "
            "(rebuild_view), not the page; the page is identified by checksums.raw_sha256"
        )
    normalized = rebuild_normalized(cleaned, report)
    return encode(restore(normalized, report.encoding_fixes, report.decoding), report.decoding)
