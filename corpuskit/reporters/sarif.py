"""SARIF 2.1.0: the format code-scanning dashboards read. Every registered rule is
described (name, summary, documentation, default level); every finding is a result with
its location, the text concerned and a fingerprint that stays the same while the finding
does (it does not depend on line numbers)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from corpuskit import __version__
from corpuskit.models import FileReport, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "corpuskitFinding/v1"


def _uri(path: str) -> tuple[str, str | None]:
    """A relative path stays relative to the source root; an absolute one is a file URI."""
    posix = Path(path).as_posix()
    if Path(path).is_absolute():
        return Path(path).as_uri(), None
    return quote(posix), "%SRCROOT%"


def _rules() -> list[dict]:
    from corpuskit.fix_kinds import FIX_KINDS
    from corpuskit.rules import ALL_RULES

    described = []
    for code, rule in ALL_RULES.items():
        doc = rule.doc()
        first = doc.split("\n\n")[0].replace("\n", " ")
        described.append(
            {
                "id": code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": first},
                "help": {"text": doc},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"category": rule.category, "fix": FIX_KINDS.get(code)},
            }
        )
    return described


def fingerprint(path: str, code: str, subject: str, occurrence: int) -> str:
    """Stable identity of a finding: its file, code, the text concerned and which
    occurrence of that text it is; not its line, so edits elsewhere keep it.

    >>> fingerprint("a.txt", "B101", "Sponsor: x", 0) == fingerprint("a.txt", "B101", "Sponsor: x", 0)
    True
    """
    payload = "\x1f".join((Path(path).as_posix(), code, " ".join(subject.split()), str(occurrence)))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def document(reports: list[FileReport]) -> dict:
    rules = _rules()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results = []
    for report in reports:
        uri, base = _uri(report.path)
        seen: Counter[tuple[str, str]] = Counter()
        for f in report.findings:
            subject = f.text if f.text is not None else f.message
            occurrence = seen[(f.code, subject)]
            seen[(f.code, subject)] += 1
            location: dict = {
                "artifactLocation": {"uri": uri},
                "region": {"startLine": f.line, "startColumn": f.column},
            }
            if base:
                location["artifactLocation"]["uriBaseId"] = base
            if f.text:
                location["region"]["snippet"] = {"text": f.text[:2000]}
            result = {
                "ruleId": f.code,
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {FINGERPRINT: fingerprint(report.path, f.code, subject, occurrence)},
                "properties": {"rule": f.rule, "category": f.category, "action": f.action, "fix": f.fix},
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "corpuskit",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "invocations": [{"executionSuccessful": True}],
                "results": results,
            }
        ],
    }


def write_sarif(reports: list[FileReport], stream: TextIO, context=None) -> None:
    json.dump(document(reports), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
