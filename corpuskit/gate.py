"""What `check` and `fix` do around cleaning: applying fixes to seed files, choosing the
output format and file, statistics, the GitHub step summary, and the exit code."""

from __future__ import annotations

import os
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from corpuskit.severity import Severity

if TYPE_CHECKING:
    from corpuskit.config import Config
    from corpuskit.models import FileReport

FORMATS = ("text", "concise", "json", "github", "sarif", "junit")


def output_format(requested: str | None) -> str:
    """The format asked for; by default `github` inside GitHub Actions, else `text`."""
    if requested:
        return requested
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def fail_on(args, config: Config) -> Severity:
    return Severity.WARNING if getattr(args, "strict", False) else config.fail_on


def worst(report: FileReport) -> int:
    """Rank of the most serious finding of a report (-1 without findings); a cached
    report answers from its counts."""
    counts = getattr(report, "tally", None)
    if counts is not None:
        return next((rank for rank, s in ((2, "error"), (1, "warning"), (0, "info")) if counts[s]), -1)
    return max((f.severity.rank for f in report.findings), default=-1)


def failing(reports: list[FileReport], threshold: Severity) -> bool:
    return any(worst(r) >= threshold.rank for r in reports)


@contextmanager
def _destination(path: str | None):
    if not path:
        yield sys.stdout
        return
    from corpuskit.atomic import atomic_file

    with atomic_file(Path(path)) as handle:
        yield handle


def write_statistics(reports: list[FileReport], stream: TextIO, as_json: bool) -> None:
    """Findings per rule, most frequent first."""
    counts: Counter[str] = Counter()
    about: dict[str, tuple[str, str | None]] = {}
    for report in reports:
        for f in report.findings:
            counts[f.code] += 1
            about.setdefault(f.code, (f.rule, f.fix))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        import json

        table = [{"code": c, "name": about[c][0], "count": n, "fix": about[c][1]} for c, n in rows]
        json.dump(table, stream, indent=2)
        stream.write("\n")
        return
    for code, count in rows:
        mark = "[*]" if about[code][1] == "safe" else ""
        stream.write(f"{count:>6}  {code:<5} {mark:<3} {about[code][0]}\n")


def emit(reports: list[FileReport], config: Config, args, not_read: int = 0) -> int:
    """Print the reports as asked and return the exit code (0 passes, 1 fails); `not_read`
    of the reports are on files that were not read (they are not counted as seeds)."""
    from corpuskit.reporters import REPORTERS, Context

    threshold = fail_on(args, config)
    chosen = output_format(getattr(args, "output_format", None))
    with _destination(getattr(args, "output_file", None)) as stream:
        if getattr(args, "statistics", False):
            write_statistics(reports, stream, as_json=chosen == "json")
        else:
            REPORTERS[chosen](reports, stream, Context(fail_on=threshold, not_read=not_read))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen == "github" and summary:
        _append_step_summary(summary, reports, threshold)
    if getattr(args, "exit_zero", False):
        return 0
    return 1 if failing(reports, threshold) else 0


def _append_step_summary(path: str, reports: list[FileReport], threshold: Severity) -> None:
    """Append the Markdown summary to the job page's file. The summary is a nicety: a file
    that cannot be written is named in a warning on stderr, and the findings alone still
    decide the exit code."""
    from corpuskit.reporters.github import append_step_summary

    try:
        append_step_summary(path, reports, threshold)
    except OSError as err:
        reason = err.strerror or err
        print(f"corpuskit: warning: cannot write the step summary {path}: {reason}", file=sys.stderr)


@dataclass
class Fixing:
    """What `apply_fixes` did: the seeds it changed (or, with `--diff`, would change) and
    the seeds it could not read, each as its error lines (`path:line:col: F00x message`)."""

    changed: list = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def apply_fixes(paths: list[Path], config: Config, args, stream: TextIO) -> Fixing:
    """Fix the seeds (or, with `--diff`, show the diffs).

    Seeds whose findings (cached where possible) have no applicable fix are not read
    again; the others are cleaned once and rewritten atomically. A seed that cannot be
    read has nothing to fix; it is returned with its errors, for the caller to report."""
    from corpuskit import cached_run
    from corpuskit.fix_kinds import fixable_codes
    from corpuskit.fixes import diff, fix_bytes, write
    from corpuskit.reporters.text import render_concise

    unsafe = getattr(args, "unsafe_fixes", False)
    show_diff = getattr(args, "diff", False)
    enabled = not getattr(args, "no_cache", False)
    fixing = Fixing()
    results = cached_run.run(cached_run.local_runner(config), paths, config, enabled=enabled, render="tally")
    for result in results:
        if result.record is None and result.report.decoding.encoding == "unknown":
            errors = [f for f in result.report.findings if f.severity is Severity.ERROR]
            fixing.unreadable.append(render_concise(result.report.path, errors))
            continue
        counts = getattr(result.report, "tally", None)
        if counts is not None and not counts["safe"] and not (unsafe and counts["unsafe"]):
            continue  # known from the counts alone
        if not fixable_codes(result.report.findings, unsafe):
            continue
        path = Path(result.report.path)
        outcome = fix_bytes(path.read_bytes(), str(path), config, unsafe, result.report.findings)
        if outcome.note:
            print(f"{path}: {outcome.note}", file=sys.stderr)
        if not outcome.changed:
            continue
        fixing.changed.append(outcome)
        codes = ", ".join(f"{code} x{n}" if n > 1 else code for code, n in sorted(outcome.codes.items()))
        if show_diff:
            stream.write(diff(outcome))
        else:
            write(outcome)
            print(f"fixed {path} ({codes})", file=sys.stderr)
    return fixing
