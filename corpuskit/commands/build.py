"""`corpuskit build`: the cleaned corpus as JSONL and one JSON report per seed.

Two passes: the first counts how many seeds hold each line (hashes only, `linefreq`),
the second cleans every seed with those counts; the counts are saved next to the corpus
(`corpus.lines`) for `check` to reuse. The outputs are written to temporary places and
moved into position only when every seed has been processed, so a failed or interrupted
build leaves the previous output untouched.
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpuskit.atomic import atomic_dir, atomic_file
from corpuskit.commands.check import failing
from corpuskit.commands.common import load_settings, seeds_of
from corpuskit.engines import local
from corpuskit.linefreq import count_corpus, save_table, table_path
from corpuskit.reporters import REPORTERS


def run(args) -> int:
    config = load_settings(args)
    output = Path(args.output or config.output)
    reports_dir = Path(args.reports or config.reports)
    seeds = seeds_of(args, config)
    table = count_corpus(seeds)
    results = sorted(local.run(seeds, config, table), key=lambda r: (r.report.id, r.report.path))
    with atomic_file(output) as corpus, atomic_dir(reports_dir) as folder:
        for result in results:
            if result.record is not None:
                corpus.write(result.record.model_dump_json() + "\n")
            (folder / f"{result.report.id}.json").write_text(
                result.report.model_dump_json(indent=2) + "\n", encoding="utf-8"
            )
    save_table(table, table_path(output))
    reports = [r.report for r in results]
    written = sum(r.record is not None for r in results)
    problems = [r for r in reports if failing([r], config.fail_on)]
    if problems:
        REPORTERS["text"](
            [
                r.model_copy(
                    update={"findings": [f for f in r.findings if f.severity.rank >= config.fail_on.rank]}
                )
                for r in problems
            ],
            sys.stderr,
        )
    print(
        f"wrote {written} records to {output} and {len(reports)} reports to {reports_dir}/", file=sys.stderr
    )
    return 1 if problems else 0
