"""`corpuskit rules` lists every rule; `corpuskit rule CODE` prints one rule's documentation."""

from __future__ import annotations

import json
import sys

from corpuskit.rules import ALL_RULES

EXAMPLE_NOTE = "(In the examples, BODY stands for a paragraph of article text.)"


def run_list(args) -> int:
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "category": r.category,
            "severity": r.severity.value,
            "summary": r.summary,
        }
        for r in ALL_RULES.values()
    ]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        print(f"{row['code']:5} {row['name']:22} {row['category']:11} {row['severity']:8} {row['summary']}")
    return 0


def run_one(args) -> int:
    rule = ALL_RULES.get(args.code.upper())
    if rule is None:
        print(f"corpuskit: unknown rule code {args.code!r} (see `corpuskit rules`)", file=sys.stderr)
        return 2
    print(f"{rule.code} {rule.name} ({rule.category}, default severity {rule.severity.value})\n")
    print(rule.doc())
    if "BODY" in rule.doc():
        print(f"\n{EXAMPLE_NOTE}")
    return 0
