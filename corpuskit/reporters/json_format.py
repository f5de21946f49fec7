"""One JSON document: every file with its findings, and the totals."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from corpuskit import __version__

if TYPE_CHECKING:
    from corpuskit.models import FileReport


def write_json(reports: list[FileReport], stream: TextIO, context=None) -> None:
    counts = Counter(f.severity.value for r in reports for f in r.findings)
    document = {
        "corpuskit_version": __version__,
        "files": [
            {"path": r.path, "id": r.id, "findings": [f.model_dump(mode="json") for f in r.findings]}
            for r in reports
        ],
        "summary": {"files": len(reports), **{s: counts[s] for s in ("error", "warning", "info")}},
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
