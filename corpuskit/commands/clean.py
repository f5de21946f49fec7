"""`corpuskit clean FILE`: print the cleaned text (or, with --json, record and report)."""

from __future__ import annotations

import json
import sys

from corpuskit.commands.common import load_settings
from corpuskit.pipeline import clean_bytes, clean_file


def run(args) -> int:
    """Clean one seed and print it; exit 1, naming the problem on stderr, when the seed
    could not be read (F00x) or no text is left (D001), as `check` fails it."""
    config = load_settings(args)
    if args.file == "-":
        result = clean_bytes(sys.stdin.buffer.read(), name="-", config=config)
    else:
        result = clean_file(args.file, config)
    if args.json:
        document = {
            "record": result.record.model_dump(mode="json") if result.record else None,
            "report": result.report.model_dump(mode="json"),
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif result.record is not None:
        sys.stdout.write(result.record.text)
    if result.record is None:
        for finding in result.report.findings:
            print(f"corpuskit: {finding.message}", file=sys.stderr)
        return 1
    empty = [f for f in result.report.findings if f.code == "D001"]
    for finding in empty:
        print(f"corpuskit: {args.file}: {finding.message}", file=sys.stderr)
    return 1 if empty else 0
