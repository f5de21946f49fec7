"""Long fuzzing run: arbitrary bytes and text through the whole pipeline.

Checks on every input that no exception escapes, that the original bytes are rebuilt
from the cleaned text and the report, that cleaning is deterministic and idempotent, and
that no document exceeds the time budget. Prints how many inputs were tried and every
failure found (with a reproducer written to --out).

    python benchmarks/fuzz.py --examples 20000
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpuskit import clean_bytes, clean_text
from corpuskit.assemble import rebuild_original
from corpuskit.budget import time_budget

SEED_LIKE = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            ["Sponsor: X", "Photo: AP", "Read more: y", "By Jane Doe", "23 Nov 2023", "Trending Now"]
        ),
        st.text(alphabet="ABCDEFGHIJ :.!?’”–-|", max_size=60),
    ),
    max_size=30,
).map("\n".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "cp1251", "utf-8-sig"])


def check(raw: bytes, name: str) -> None:
    with time_budget(30):
        result = clean_bytes(raw, name=name)
    if result.record is None:
        assert [f.code for f in result.report.findings] == ["F001"], result.report.findings
        return
    assert rebuild_original(result.record.text, result.report) == raw, "original not rebuilt"
    assert clean_bytes(raw, name=name).record == result.record, "not deterministic"
    again = clean_text(result.record.text)
    assert again.record.text == result.record.text, "not idempotent"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--out", default="fuzz-failures.txt")
    args = parser.parse_args(argv)
    failures: list[str] = []
    tried = 0

    @settings(
        max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.one_of(st.binary(max_size=4000), st.tuples(SEED_LIKE, ENCODINGS).map(_encode)))
    def run(raw: bytes) -> None:
        nonlocal tried
        tried += 1
        try:
            check(raw, "fuzz.txt")
        except Exception as err:
            failures.append(f"{err!r}\n{raw!r}\n{traceback.format_exc()}")

    started = time.monotonic()
    run()
    print(f"inputs tried: {tried} in {time.monotonic() - started:.0f} s; failures: {len(failures)}")
    if failures:
        Path(args.out).write_text("\n\n".join(failures), encoding="utf-8")
        print(f"reproducers written to {args.out}; first: {failures[0].splitlines()[0]}")
    return 1 if failures else 0


def _encode(pair: tuple[str, str]) -> bytes:
    text, encoding = pair
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")


if __name__ == "__main__":
    raise SystemExit(main())
