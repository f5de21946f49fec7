"""`path:line:col: CODE message`, one finding a line, then a summary (text), or the
lines alone (concise). `[*]` marks a finding that `--fix` repairs in the seed file."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from corpuskit.models import FileReport


def write_text(reports: list[FileReport], stream: TextIO, context=None) -> None:
    counts: Counter[str] = Counter()
    fixes: Counter[str] = Counter()
    for report in reports:
        for f in report.findings:
            counts[f.severity.value] += 1
            fixes[f.fix] += 1
            action = f" [{f.action}]" if f.action else ""
            mark = "[*] " if f.fix == "safe" else ""
            stream.write(f"{report.path}:{f.line}:{f.column}: {f.code} {mark}{f.message}{action}\n")
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))
    stream.write(f"{len(reports)} seeds checked: {summary}.\n")
    if fixes["safe"] or fixes["unsafe"]:
        hint = f"[*] {fixes['safe']} fixable with `--fix`"
        if fixes["unsafe"]:
            hint += f"; {fixes['unsafe']} more with `--fix --unsafe-fixes`"
        stream.write(hint + ".\n")


def write_concise(reports: list[FileReport], stream: TextIO, context=None) -> None:
    for report in reports:
        for f in report.findings:
            stream.write(f"{report.path}:{f.line}:{f.column}: {f.code} {f.message}\n")
