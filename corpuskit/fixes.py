"""Fixes to the seed files themselves: applying them (`corpuskit.fix_kinds` says which
findings have one).

Safe fixes change how a seed is written, never what it says: encoding repair (E001),
whitespace (E001), line endings (E004) and the final newline (E003). Unsafe fixes change what it says or
how it is stored: boilerplate the rules removed (every finding with action `removed`) is
deleted from the file, and a seed in a detected charset is rewritten as UTF-8 (E002).
Lifted lines (byline, dateline, title) stay: deleting them would lose the metadata.

`fix_text` applies the fixes to a seed's text; `fix_bytes` computes the new file; `diff`
shows it and `write` writes it atomically.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from corpuskit import fix_kinds
from corpuskit.models import Finding

if TYPE_CHECKING:
    from corpuskit.config import Config
    from corpuskit.normalize import Normalized

_LINE_END = re.compile(r"\r\n|\r|\n")


def fix_text(text: str, normalized: Normalized, findings: list[Finding], codes: set[str]) -> str:
    """The decoded seed with the fixes of `codes` applied.

    >>> from corpuskit.normalize import normalize
    >>> raw = "Title  \\r\\nBody\\u00a0text\\r\\n\\r\\n"
    >>> fix_text(raw, normalize(raw), [], {"E001", "E003"})
    'Title\\r\\nBody text\\r\\n'
    """
    lines = normalized.text.split("\n") if "E001" in codes else _LINE_END.split(text)
    rows = [[line, ending] for line, ending in zip(lines, [*_LINE_END.findall(text), ""], strict=True)]
    removed = [
        f for f in findings if f.action == "removed" and f.fix and f.code in codes and f.start is not None
    ]
    if removed:
        rows = _remove(normalized.text, rows, removed)
    newline = normalized.newline
    if "E004" in codes:
        for row in rows:
            row[1] = newline if row[1] else ""
    if "E003" in codes:
        while rows and not rows[-1][0].strip():
            rows.pop()
        if rows:
            rows[-1][1] = rows[-1][1] or newline
    return "".join(line + ending for line, ending in rows)


def _remove(source: str, rows: list[list[str]], removed: list[Finding]) -> list[list[str]]:
    """Delete removed blocks (whole lines) and removed spans (inside a line). Blank lines
    that end up next to each other collapse to the longest blank run that was there."""
    normalized_lines = source.split("\n")
    starts = [0]
    for line in normalized_lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    gone: set[int] = set()
    cuts: dict[int, list[tuple[int, int]]] = {}
    for finding in removed:
        number = bisect.bisect_right(starts, finding.start) - 1
        line = normalized_lines[number]
        lo, hi = finding.start - starts[number], (finding.end or finding.start) - starts[number]
        if not line[:lo].strip() and not line[hi:].strip():
            gone.add(number)
        else:
            cuts.setdefault(number, []).append((lo, hi))
    for number, spans in cuts.items():
        line = normalized_lines[number]
        for lo, hi in sorted(spans, reverse=True):
            left, right = line[:lo].rstrip(), line[hi:].lstrip()
            line = f"{left} {right}" if left and right else left + right
        rows[number][0] = line.rstrip()
    kept: list[list[str]] = []
    number = 0
    while number < len(rows):
        if number not in gone and rows[number][0].strip():
            kept.append(rows[number])
            number += 1
            continue
        first = number
        while number < len(rows) and (number in gone or not rows[number][0].strip()):
            number += 1
        run = range(first, number)
        blanks = [i for i in run if i not in gone]
        if len(blanks) == len(run):
            kept.extend(rows[i] for i in run)
            continue
        if number == len(rows):  # at the end: only the end of the last line stays
            terminal = rows[-1]
            if len(rows) - 1 not in gone and not terminal[0] and not terminal[1]:
                kept.append(terminal)
            break
        longest = current = 0
        for i in run:
            current = 0 if i in gone else current + 1
            longest = max(longest, current)
        kept.extend(rows[i] for i in blanks[: 0 if first == 0 else longest])
    return kept


# --- applying fixes to files ---------------------------------------------------------


@dataclass
class FixOutcome:
    """What fixing one seed did (or would do)."""

    path: str
    before: bytes
    after: bytes
    codes: Counter = field(default_factory=Counter)
    note: str | None = None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_bytes(
    raw: bytes, name: str, config: Config, unsafe: bool = False, findings: list[Finding] | None = None
) -> FixOutcome:
    """The fixed content of one seed (given as bytes); iterates unsafe fixes until
    cleaning finds nothing more to delete (three rounds at most). `findings`, when
    given, are those of `raw` (from the cache), saving the first cleaning."""
    from corpuskit.decode import DecodeError, decode
    from corpuskit.normalize import normalize
    from corpuskit.pipeline import clean_bytes

    outcome = FixOutcome(name, raw, raw)
    current = raw
    for round_ in range(3 if unsafe else 1):
        if round_ == 0 and findings is not None:
            found = findings
        else:
            result = clean_bytes(current, name=name, config=config)
            if result.record is None:
                break
            found = result.report.findings
        codes = fix_kinds.fixable_codes(found, unsafe)
        if not codes:
            break
        try:
            decoded = decode(current)
        except DecodeError:  # pragma: no cover - clean_bytes reported it already
            break
        text = fix_text(decoded.text, normalize(decoded.text), found, codes)
        new = _encode(text, decoded.decoding, to_utf8="E002" in codes)
        if new is None:
            outcome.note = (
                f"fixed text does not fit {decoded.decoding.encoding}; --unsafe-fixes rewrites it as UTF-8"
            )
            break
        if new == current:
            break
        outcome.codes.update(f.code for f in found if f.code in codes)
        current = new
    outcome.after = current
    return outcome


def _encode(text: str, decoding, to_utf8: bool) -> bytes | None:
    from corpuskit.decode import encode
    from corpuskit.models import Decoding

    if to_utf8 and decoding.encoding != "utf-8":
        decoding = Decoding(encoding="utf-8")
    try:
        return encode(text, decoding)
    except UnicodeEncodeError:
        return None


def diff(outcome: FixOutcome) -> str:
    """A unified diff of one outcome, as text."""
    import difflib

    before = outcome.before.decode("utf-8", "replace") if outcome.before else ""
    after = outcome.after.decode("utf-8", "replace")
    try:
        from corpuskit.decode import decode

        before = decode(outcome.before).text
    except Exception:
        pass
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{outcome.path}",
        tofile=f"b/{outcome.path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write(outcome: FixOutcome) -> None:
    """Replace the seed file atomically with the fixed content."""
    from corpuskit.atomic import atomic_bytes

    atomic_bytes(Path(outcome.path), outcome.after)
