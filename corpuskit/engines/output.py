"""What a worker hands back to the process that writes the build: one seed's corpus line
and report, already serialized, plus what the writer needs to judge the seed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from corpuskit.corpus import Fingerprint, fingerprint
from corpuskit.models import FileReport, Finding
from corpuskit.pipeline import CleanResult
from corpuskit.reporters.text import render_text, tally
from corpuskit.severity import Severity


@dataclass(frozen=True)
class Printed:
    """A failing seed as the text reporter prints it: its lines and its counts."""

    path: str
    rendered: dict[str, str]
    tally: dict[str, int]


@dataclass(frozen=True)
class Output:
    id: str
    path: str
    record_json: str | None  # one line of corpus.jsonl, without its newline; None: no record
    report_json: str  # the text of reports/<id>.json
    worst: int  # highest severity rank among the findings, -1 without findings
    prints: Fingerprint | None  # for the corpus checks (duplicates) in the writing process

    def with_findings(self, findings: list[Finding]) -> Output:
        """The same output with corpus findings added to its report: their JSON is put in
        the report's text, which is not read back (byte for byte what dumping the report
        with the findings added gives: tests/test_engines.py).

        >>> from corpuskit.models import Decoding
        >>> report = FileReport(id="a", path="a.txt", decoding=Decoding(encoding="utf-8"))
        >>> out = Output("a", "a.txt", None, report.model_dump_json(indent=2) + "\\n", -1, None)
        >>> out.with_findings([]) == out
        True
        """
        if not findings:
            return self
        start, end = findings_span(self.report_json)
        added = ",\n".join("    " + f.model_dump_json(indent=2).replace("\n", "\n    ") for f in findings)
        if end - start == 2:  # "[]"
            listed = "[\n" + added + "\n  ]"
        else:
            listed = self.report_json[start : end - 4] + ",\n" + added + "\n  ]"
        return replace(
            self,
            report_json=self.report_json[:start] + listed + self.report_json[end:],
            worst=max(self.worst, *(f.severity.rank for f in findings)),
        )

    def printed(self, rank: int) -> Printed:
        """What `build` prints of this seed when it fails: `failing` rendered as text lines,
        with its counts (a few hundred bytes, where the report object takes kilobytes: a
        build keeps one for every failing seed until the end)."""
        report = self.failing(rank)
        lines = render_text(report.path, report.findings)
        return Printed(report.path, {"text": lines}, tally(report.findings))

    def failing(self, rank: int) -> FileReport:
        """The report with only its findings of severity `rank` or above, for printing:
        read from the JSON up to the end of the findings (what follows them, the pieces
        and metadata, is most of it and keeps its defaults), and of the findings only
        those at or above `rank` (a seed has a hundred findings, and one fails it)."""
        start, end = findings_span(self.report_json)
        listed = self.report_json[start:end]
        kept = [listed[first:last] for first, last in _items_at(listed, rank)]
        findings = "[\n" + ",\n".join(kept) + "\n  ]" if kept else "[]"
        return FileReport.model_validate_json(self.report_json[:start] + findings + "\n}")


def findings_span(report_json: str) -> tuple[int, int]:
    """Where the list of findings is in a report's JSON (as `model_dump_json(indent=2)`
    writes it: the list's items are indented by four spaces, its closing bracket by two).

    >>> findings_span('{\\n  "findings": [],\\n  "x": 1\\n}')
    (16, 18)
    """
    start = report_json.index(_FINDINGS_KEY) + len(_FINDINGS_KEY) - 1
    if report_json.startswith("[]", start):
        return start, start + 2
    return start, report_json.index("\n  ]", start) + 4


_FINDINGS_KEY = '\n  "findings": ['


def _items_at(listed: str, rank: int) -> Iterator[tuple[int, int]]:
    """Where the findings of severity `rank` or above are in a list of findings as
    `model_dump_json(indent=2)` writes it inside a report (`findings_span`): found by
    their severity key, indented by six spaces (a nested object's keys are indented by
    more), between braces indented by four on lines of their own (a JSON string holds
    no raw line break, so such a line is always an item's edge).

    >>> info, error = '    {\\n      "severity": "info"\\n    }', '    {\\n      "severity": "error"\\n    }'
    >>> listed = "[\\n" + info + ",\\n" + error + "\\n  ]"
    >>> [listed[a:b] for a, b in _items_at(listed, 2)]
    ['    {\\n      "severity": "error"\\n    }']
    """
    for match in _SEVERITY_AT[rank].finditer(listed):
        yield listed.rfind("\n    {", 0, match.start()) + 1, listed.index("\n    }", match.end()) + 6


_SEVERITY_AT = {
    rank: re.compile(
        '\n      "severity": "(?:' + "|".join(s.value for s in Severity if s.rank >= rank) + ')"'
    )
    for rank in range(3)
}


def render(result: CleanResult, prints: Fingerprint | None = None) -> Output:
    """Serialize a result exactly as `corpuskit build` writes it; `prints`: the record's
    fingerprint when already known (stored with a cache entry), else made here."""
    record = result.record
    if prints is None and record is not None:
        prints = fingerprint(record.text)
    return _render(result, prints)


def _render(result: CleanResult, prints: Fingerprint | None, record_json: str | None = None) -> Output:
    report = result.report
    record = result.record
    if record is not None and record_json is None:
        record_json = record.model_dump_json()
    return Output(
        id=report.id,
        path=report.path,
        record_json=record_json,
        report_json=report.model_dump_json(indent=2) + "\n",
        worst=max((f.severity.rank for f in report.findings), default=-1),
        prints=prints,
    )


@dataclass(frozen=True)
class Made:
    """A worker's whole share of a build for one seed: the output, and the results cache's
    entry for it (without its key, which the writing process adds; None without a record)."""

    output: Output
    raw_sha256: str | None
    entry: tuple | None


def made(result: CleanResult) -> Made:
    """`render`, plus the cache entry; the fingerprint and the record's JSON made once."""
    from corpuskit.cache import make_entry

    record = result.record
    if record is None:
        return Made(_render(result, None), None, None)
    prints = fingerprint(record.text)
    record_json = record.model_dump_json()
    entry = make_entry("", result, prints, record_json)[1:]
    return Made(_render(result, prints, record_json), record.checksums.raw_sha256, entry)
