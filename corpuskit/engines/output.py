"""What a worker hands back to the process that writes the build: one seed's corpus line
and report, already serialized, plus what the writer needs to judge the seed."""

from __future__ import annotations

from dataclasses import dataclass

from corpuskit.pipeline import CleanResult


@dataclass(frozen=True)
class Output:
    id: str
    path: str
    record_json: str | None  # one line of corpus.jsonl, without its newline; None: no record
    report_json: str  # the text of reports/<id>.json
    worst: int  # highest severity rank among the findings, -1 without findings


def render(result: CleanResult) -> Output:
    """Serialize a result exactly as `corpuskit build` writes it."""
    report = result.report
    return Output(
        id=report.id,
        path=report.path,
        record_json=result.record.model_dump_json() if result.record is not None else None,
        report_json=report.model_dump_json(indent=2) + "\n",
        worst=max((f.severity.rank for f in report.findings), default=-1),
    )
