"""`corpuskit check`: clean every seed in memory, print findings, exit by policy.

With `--fix` the seeds are fixed first (safe fixes; `--unsafe-fixes` too), then checked;
with `--diff` the fixes are shown, nothing is written and nothing else is reported.
When the last `build` left a line-frequency table next to the corpus, it is used, so a
check judges repeated lines as the build did.

What a check needs is imported when it is needed: the pipeline (and numpy, the line
model) only when a seed has to be cleaned, pydantic only to validate settings not seen
before, the line table only when a build left one, so a pre-commit run on one seed starts
fast.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

from corpuskit import cached_run, corpus, gate
from corpuskit.commands.common import corpus_files, engine_of, load_settings, stray_reports
from corpuskit.progress import track
from corpuskit.project import setting_path
from corpuskit.snapshot import full_config
from corpuskit.spill import Spool

LINE_TABLE_SUFFIX = ".lines"  # `corpuskit.linefreq.TABLE_SUFFIX`, without importing numpy


def line_table(output: str):
    """The line counts of the last build next to the corpus `output` (`cached_table`),
    looked for before `corpuskit.linefreq` is imported: `(table or None, warning or None)`."""
    if not Path(output).with_suffix(LINE_TABLE_SUFFIX).is_file():
        return None, None
    from corpuskit.linefreq import cached_table

    return cached_table(output)


def run(args) -> int:
    config = load_settings(args, snapshot=True)  # plain settings: pydantic only for a miss
    files = corpus_files(args, config)
    paths = files.seeds
    if args.output_file:
        from corpuskit.destinations import check_output_file

        check_output_file(Path(args.output_file), paths, "--output-file")
    if args.fix or args.diff:
        config = full_config(config)
        fixing = gate.apply_fixes(paths, config, args, sys.stdout)
        if args.diff:  # only the fixes: the seeds that cannot be read are named here
            sys.stderr.writelines(fixing.unreadable)
            return 1 if fixing.changed or fixing.unreadable else 0
    style = gate.output_format(args.output_format)
    render = style if style in ("text", "concise") and not args.statistics else None
    table, warning = line_table(setting_path(config.output))  # line counts of the last build, if any
    prior, index_warning = corpus.load_index(config)  # and its index of the seeds
    for note in (warning, index_warning):
        if note:
            print(note, file=sys.stderr)
    with _using(table):
        run_engine = engine_of(args, "run")
        fresh_prints: dict[str, corpus.Fingerprint | None] = {}

        def runner(misses):
            for result in run_engine(misses, config):  # settings read back serve as well
                if result.record is not None:
                    fresh_prints[result.report.path] = corpus.fingerprint(result.record.text)
                yield result

        results = cached_run.run(runner, paths, config, enabled=not args.no_cache, render=render)
        reports = (result.report for result in track(results, len(paths), "checking"))
        checked: Spool = Spool()  # printed at the end, kept on disk till then
        for report in corpus.reviewed(reports, paths, fresh_prints, config, prior):  # ids, duplicates
            checked.append(report)
    strays = stray_reports(files.strays, config)
    for report in strays:
        checked.append(report)
    return gate.emit(checked, config, args, not_read=len(strays))


def _using(table):
    if table is None:
        return nullcontext()
    from corpuskit.linefreq import use_table

    return use_table(table)
