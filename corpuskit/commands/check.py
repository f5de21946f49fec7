"""`corpuskit check`: clean every seed in memory, print findings, exit by policy."""

from __future__ import annotations

import sys

from corpuskit import corpus
from corpuskit.commands.common import engine_of, load_settings, seeds_of
from corpuskit.models import FileReport, Severity
from corpuskit.reporters import REPORTERS


def failing(reports: list[FileReport], fail_on: Severity) -> bool:
    return any(f.severity.rank >= fail_on.rank for r in reports for f in r.findings)


def run(args) -> int:
    config = load_settings(args)
    results = list(engine_of(args, "run")(seeds_of(args, config), config))
    corpus.review(results, config, prior=corpus.load_index(config))  # ids, duplicates vs the last build
    reports = [result.report for result in results]
    REPORTERS[args.output_format](reports, sys.stdout)
    fail_on = Severity.WARNING if args.strict else config.fail_on
    return 1 if failing(reports, fail_on) else 0
