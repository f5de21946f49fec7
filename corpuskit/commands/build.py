"""`corpuskit build`: the cleaned corpus as JSONL and one JSON report per seed.

Seeds are cleaned in id order and written as they come (streaming: memory stays flat).
Two passes: the first counts how many seeds hold each line (hashes only, `linefreq`),
the second cleans every seed with those counts; the counts are saved next to the corpus
(`corpus.lines`) for `check` to reuse. The outputs are written to temporary places and
moved into position only when every seed has been processed, so a failed or interrupted
build leaves the previous output untouched.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from corpuskit import cached_run
from corpuskit import corpus as corpus_checks
from corpuskit.atomic import InterruptShield, atomic_dir, atomic_file
from corpuskit.budget import max_seed_bytes
from corpuskit.commands.common import corpus_files, engine_of, load_settings, stray_reports
from corpuskit.destinations import check_corpus_file, check_page_file, check_reports_folder
from corpuskit.discover import sorted_by_id
from corpuskit.engines.output import Printed, render
from corpuskit.linefreq import count_corpus, save_table, table_path, use_table
from corpuskit.models import FileReport
from corpuskit.progress import track
from corpuskit.project import setting_path
from corpuskit.reporters import REPORTERS, Context
from corpuskit.spill import Spool


def run(args) -> int:
    config = load_settings(args)
    output = Path(args.output or setting_path(config.output))
    reports_dir = Path(args.reports or setting_path(config.reports))
    files = corpus_files(args, config)
    strays = files.strays
    paths = [str(path) for path in sorted_by_id(files.seeds)]  # a str: a quarter of a Path's memory
    del files
    check_corpus_file(output, paths, "--output" if args.output else "the corpus file")
    check_reports_folder(reports_dir, paths, output, "--reports" if args.reports else "the reports folder")
    if args.html:
        files = (output, corpus_checks.index_path(config, output), table_path(output))
        check_page_file(Path(args.html), paths, files, reports_dir, "--html")
    if (getattr(args, "engine", None) or "local") == "local":  # first pass: how many seeds hold each line
        from corpuskit.engines.local import count_corpus as count_in_workers
        from corpuskit.engines.local import seed_hashes_of

        jobs = getattr(args, "jobs", None)
        if args.no_cache:
            table = count_in_workers(paths, jobs, max_seed_bytes(config))
        else:  # line hashes kept in the results cache: unchanged seeds are not read again
            from corpuskit import line_pass

            hash_seeds = partial(seed_hashes_of, jobs=jobs, max_bytes=max_seed_bytes(config))
            table = line_pass.count_corpus(paths, config, hash_seeds)
    else:
        table = count_corpus(paths, max_seed_bytes(config))
    with use_table(table):  # second pass: clean with those counts
        if args.no_cache and not args.html:  # workers clean and serialize: the fastest path
            outputs = engine_of(args, "render_all")(paths, config)
            results = None
        elif not args.html and (getattr(args, "engine", None) or "local") == "local":
            # workers clean, serialize and make the cache entries; this process writes
            make = engine_of(args, "render_entries")
            outputs = cached_run.run_outputs(lambda misses: make(misses, config), paths, config)
            results = None
        else:
            run_engine = engine_of(args, "run")
            fresh = cached_run.run(
                lambda misses: run_engine(misses, config), paths, config, enabled=not args.no_cache, full=True
            )
            results = list(fresh) if args.html else None
            outputs = (render(result) for result in (results if results is not None else fresh))
        checking = corpus_checks.Review(config)  # ids and duplicates between seeds
        written = total = 0
        named: set[str] = set()  # report names written: a seed whose id is taken (C001) gets another
        problems: Spool[FileReport | Printed] = Spool()  # printed at the end, kept on disk till then
        # the corpus and its reports change together: Ctrl-C waits for both switches
        with InterruptShield() as shield, atomic_file(output) as corpus, atomic_dir(reports_dir) as folder:
            for out in track(outputs, len(paths), "cleaning"):
                total += 1
                found = checking.judge(out.id, out.path, out.prints)
                if found:
                    out = out.with_findings(found)
                if out.record_json is not None:
                    corpus.write(out.record_json + "\n")
                    written += 1
                (folder / report_name(out.id, named)).write_text(out.report_json, encoding="utf-8")
                if out.worst >= config.fail_on.rank:
                    problems.append(out.printed(config.fail_on.rank))
            shield.hold()
    save_table(table, table_path(output))  # for `check`
    checking.save(corpus_checks.index_path(config, output))  # read by `check`
    if results is not None:
        from corpuskit.reporters.html import write_review

        write_review(Path(args.html), results, config)
    not_read = 0
    for report in stray_reports(strays, config):
        if report.findings[0].severity.rank >= config.fail_on.rank:
            problems.append(report)
            not_read += 1
    if problems:
        context = Context(fail_on=config.fail_on, not_read=not_read, checked=total)
        REPORTERS["text"](problems, sys.stderr, context)
    records, reports = f"{written} record{'s' * (written != 1)}", f"{total} report{'s' * (total != 1)}"
    print(f"wrote {records} to {output} and {reports} to {reports_dir}/", file=sys.stderr)
    return 1 if problems else 0


def report_name(seed_id: str, taken: set[str]) -> str:
    """The file name of a seed's report: `<id>.json`, or `<id>~2.json` (`~3`, ...) when a
    seed with the same id (C001) already has that one; added to `taken`.

    >>> taken = set()
    >>> report_name("a", taken), report_name("a", taken), report_name("a", taken)
    ('a.json', 'a~2.json', 'a~3.json')
    """
    name, number = f"{seed_id}.json", 1
    while name in taken:
        number += 1
        name = f"{seed_id}~{number}.json"
    taken.add(name)
    return name
