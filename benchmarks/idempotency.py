"""Idempotency on real pages: does cleaning the cleaned text change it again?

Cleans every page of the shared dev sets (both text views), then cleans the output once
more, and prints per set and view how many pages came out different the second time,
grouped by the codes of the rules that acted then (removed or lifted something). With
`--with-meta` the output is cleaned again under its record's metadata written as front
matter, as a record is given back: a title already lifted is then known. The property
tests check the invariant on generated documents; this script checks it on the pages
that seeds look like.

    python benchmarks/idempotency.py                # every page of both sets
    python benchmarks/idempotency.py --limit 100    # the first 100 pages of each set
    python benchmarks/idempotency.py --show 5       # and the first lines that changed
    python benchmarks/idempotency.py --with-meta    # the record: text and metadata
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import quality

from corpuskit import clean_text


def front_matter(meta) -> str:
    """A record's metadata as YAML front matter (JSON values are YAML too)."""
    values = meta.model_dump(mode="json")
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items() if value]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" if lines else ""


def second_actions(text: str, with_meta: bool) -> list[tuple[str, str]]:
    """(code, line) of what cleaning the cleaned text removed or lifted (empty when it
    changed nothing); `with_meta`: the text under its record's metadata as front matter."""
    once = clean_text(text).record
    twice = clean_text((front_matter(once.meta) if with_meta else "") + once.text)
    if twice.record.text == once.text:
        return []
    return [
        (f.code, (f.text or "").strip()[:80])
        for f in twice.report.findings
        if f.action and f.action not in ("flagged", "fixed", "lifted:front-matter")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=quality.DEFAULT_BENCH)
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set")
    parser.add_argument("--show", type=int, default=0, help="print N changed pages per set and view")
    parser.add_argument(
        "--with-meta", action="store_true", help="clean the text again under its metadata, as front matter"
    )
    args = parser.parse_args(argv)
    load_args = argparse.Namespace(bench_dir=args.bench_dir, folds=1, fold=0, limit=args.limit, html=False)
    started = time.monotonic()
    changed_total = pages_total = 0
    for set_name in ("gold", "snippets"):
        pages = quality.load_set(set_name, load_args)
        for view in ("full", "residual"):
            by_codes: Counter[str] = Counter()
            shown = 0
            for page in pages:
                actions = second_actions(page[f"text_{view}"], args.with_meta)
                if not actions:
                    continue
                by_codes[" ".join(sorted({code for code, _ in actions}))] += 1
                if shown < args.show:
                    shown += 1
                    print(f"  {page['id']}: " + "; ".join(f"{code} {line!r}" for code, line in actions[:3]))
            changed = sum(by_codes.values())
            changed_total += changed
            pages_total += len(pages)
            groups = ", ".join(f"{codes}: {n}" for codes, n in by_codes.most_common())
            print(f"{set_name} text_{view}: {changed} of {len(pages)} pages changed again ({groups or '-'})")
    share = changed_total / max(1, pages_total)
    took = time.monotonic() - started
    print(f"all: {changed_total} of {pages_total} page views ({share:.1%}) in {took:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
