"""`path:line:col: CODE message`, one finding a line, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from corpuskit.models import FileReport


def write_text(reports: list[FileReport], stream: TextIO) -> None:
    counts: Counter[str] = Counter()
    for report in reports:
        for f in report.findings:
            counts[f.severity.value] += 1
            action = f" [{f.action}]" if f.action else ""
            stream.write(f"{report.path}:{f.line}:{f.column}: {f.code} {f.message}{action}\n")
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))
    stream.write(f"{len(reports)} seeds checked: {summary}.\n")
