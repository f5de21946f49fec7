"""`corpuskit check`: clean every seed in memory, print findings, exit by policy.

With `--fix` the seeds are fixed first (safe fixes; `--unsafe-fixes` too), then checked;
with `--diff` the fixes are shown, nothing is written and nothing else is reported.
When the last `build` left a line-frequency table next to the corpus, it is used, so a
check judges repeated lines as the build did.
"""

from __future__ import annotations

import sys

from corpuskit import cache, corpus, gate
from corpuskit.commands.common import engine_of, load_settings, seeds_of, stray_reports
from corpuskit.linefreq import cached_table, use_table
from corpuskit.progress import track


def run(args) -> int:
    config = load_settings(args)
    paths = seeds_of(args, config)
    if args.fix or args.diff:
        changed = gate.apply_fixes(paths, config, args, sys.stdout)
        if args.diff:
            return 1 if changed else 0
    style = gate.output_format(args.output_format)
    render = style if style in ("text", "concise") and not args.statistics else None
    table, warning = cached_table(config.output)  # line counts of the last build, if any
    if warning:
        print(warning, file=sys.stderr)
    with use_table(table):
        run_engine = engine_of(args, "run")
        fresh_prints: dict[str, corpus.Fingerprint | None] = {}

        def runner(misses):
            for result in run_engine(misses, config):
                if result.record is not None:
                    fresh_prints[result.report.path] = corpus.fingerprint(result.record.text)
                yield result

        results = cache.run(runner, paths, config, enabled=not args.no_cache, render=render)
        reports = [result.report for result in track(results, len(paths), "checking")]
        corpus.review_reports(reports, fresh_prints, config)  # ids, duplicates vs the last build
    return gate.emit(reports + stray_reports(args, config), config, args)
