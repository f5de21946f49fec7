"""`path:line:col: CODE message`, one finding a line, then a summary (text), or the
lines alone (concise). `[*]` marks a finding that `--fix` repairs in the seed file.

A report read from the results cache carries its lines already rendered (`rendered`) and
its counts (`tally`), so a large corpus that did not change is printed without building
a single finding object.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from corpuskit.models import FileReport


def one_line(text: str) -> str:
    """The text with what is not printable (line breaks, controls, odd spaces) written as
    escapes, so that a finding stays on one line whatever its file is named.

    >>> print(one_line("seeds/two\\nlines.txt"), one_line("seeds/Zürich.txt"))
    seeds/two\\nlines.txt seeds/Zürich.txt
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def render_text(path: str, findings) -> str:
    path, out = one_line(path), []
    for f in findings:
        action = f" [{f.action}]" if f.action else ""
        mark = "[*] " if f.fix == "safe" else ""
        out.append(f"{path}:{f.line}:{f.column}: {f.code} {mark}{one_line(f.message)}{action}\n")
    return "".join(out)


def render_concise(path: str, findings) -> str:
    path = one_line(path)
    return "".join(f"{path}:{f.line}:{f.column}: {f.code} {one_line(f.message)}\n" for f in findings)


def tally(findings) -> dict:
    """Counts by severity and by kind of fix."""
    severities = Counter(f.severity.value for f in findings)
    fixes = Counter(f.fix for f in findings if f.fix)
    return {
        **{s: severities[s] for s in ("error", "warning", "info")},
        "safe": fixes["safe"],
        "unsafe": fixes["unsafe"],
    }


def _rendered(report, style: str) -> str:
    cached = getattr(report, "rendered", None)
    if cached and style in cached:
        return cached[style]
    render = render_text if style == "text" else render_concise
    return render(report.path, report.findings)


def write_text(reports: list[FileReport], stream: TextIO, context=None) -> None:
    totals: Counter[str] = Counter()
    for report in reports:
        stream.write(_rendered(report, "text"))
        totals.update(getattr(report, "tally", None) or tally(report.findings))
    summary = ", ".join(f"{totals[s]} {s}" for s in ("error", "warning", "info"))
    strays = context.not_read if context else 0
    seeds = len(reports) - strays
    checked = f"{seeds} seed{'s' * (seeds != 1)} checked"
    if context and context.checked is not None:  # only the failing seeds were reported
        checked = f"{context.checked} seed{'s' * (context.checked != 1)} checked, {seeds} failing"
    not_read = f" ({strays} file{'s' * (strays != 1)} not read)" if strays else ""
    stream.write(f"{checked}{not_read}: {summary}.\n")
    if totals["safe"] or totals["unsafe"]:
        hint = f"[*] {totals['safe']} fixable with `--fix`"
        if totals["unsafe"]:
            hint += f"; {totals['unsafe']} more with `--fix --unsafe-fixes`"
        stream.write(hint + ".\n")


def write_concise(reports: list[FileReport], stream: TextIO, context=None) -> None:
    for report in reports:
        stream.write(_rendered(report, "concise"))
