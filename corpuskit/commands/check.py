"""`corpuskit check`: clean every seed in memory, print findings, exit by policy.

When the last `build` left a line-frequency table next to the corpus, it is used, so a
check judges repeated lines as the build did."""

from __future__ import annotations

import sys

from corpuskit.commands.common import load_settings, seeds_of
from corpuskit.engines import local
from corpuskit.linefreq import cached_table
from corpuskit.models import FileReport, Severity
from corpuskit.reporters import REPORTERS


def failing(reports: list[FileReport], fail_on: Severity) -> bool:
    return any(f.severity.rank >= fail_on.rank for r in reports for f in r.findings)


def run(args) -> int:
    config = load_settings(args)
    table, warning = cached_table(config.output)  # line counts of the last build, if any
    if warning:
        print(warning, file=sys.stderr)
    reports = [result.report for result in local.run(seeds_of(args, config), config, table)]
    REPORTERS[args.output_format](reports, sys.stdout)
    fail_on = Severity.WARNING if args.strict else config.fail_on
    return 1 if failing(reports, fail_on) else 0
