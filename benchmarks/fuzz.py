"""Long fuzzing run: arbitrary bytes and text through the whole pipeline.

Checks on every input (as a text seed, and some as an HTML page) that no exception
escapes, that the record and the report fit the schema, that the original bytes are
rebuilt from the cleaned text and the report, that cleaning is deterministic and
idempotent, and that no document exceeds the time budget. Prints how many inputs were tried and every
failure found (with a reproducer written to --out).

    python benchmarks/fuzz.py --examples 20000
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpuskit import clean_bytes, clean_text
from corpuskit.assemble import rebuild_original, rebuild_view
from corpuskit.budget import time_budget
from corpuskit.models import FileReport, SeedRecord

SEED_LIKE = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            ["Sponsor: X", "Photo: AP", "Read more: y", "By Jane Doe", "23 Nov 2023", "Trending Now"]
        ),
        st.text(alphabet="ABCDEFGHIJ :.!?’”–-|", max_size=60),
        # letters of mojibake beside odd spaces: ftfy judges a letter by what stands beside it
        st.text(alphabet="ÂÃâ€™©é\u0080\u009d \t\u00a0\u2009\u3000&;amp", max_size=20),
    ),
    max_size=30,
).map("\n".join)
FRONT_MATTER = st.tuples(
    st.lists(
        st.one_of(
            st.sampled_from(["title", "authors", "published", "source", "url", "language", "x"]).flatmap(
                lambda key: st.text(max_size=40).map(lambda value: f"{key}: {value}")
            ),
            st.text(alphabet="-:[]{}&*!|>'\"#%@ \tab019", max_size=30),
        ),
        max_size=6,
    ),
    SEED_LIKE,
).map(lambda pair: "---\n" + "\n".join(pair[0]) + "\n---\n" + pair[1])
MARKUP = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<title>", "<script>"]),
        st.sampled_from(['<html lang="', '<meta property="article:published_time" content="', '">', "&amp;"]),
        st.text(max_size=60),
    ),
    max_size=60,
).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "cp1251", "utf-8-sig"])


def check(raw: bytes, name: str) -> None:
    with time_budget(30):
        result = clean_bytes(raw, name=name)
    FileReport.model_validate_json(result.report.model_dump_json())
    if result.record is None:
        assert [f.code for f in result.report.findings] == ["F001"], result.report.findings
        return
    SeedRecord.model_validate_json(result.record.model_dump_json())
    assert clean_bytes(raw, name=name).record == result.record, "not deterministic"
    if result.report.html is not None:  # a page: the report rebuilds its extracted text view
        view = rebuild_view(result.record.text, result.report)
        assert hashlib.sha256(view.encode()).hexdigest() == result.report.html.view_sha256, "view not rebuilt"
        return
    assert rebuild_original(result.record.text, result.report) == raw, "original not rebuilt"
    again = clean_text(result.record.text)
    assert again.record.text == result.record.text, "not idempotent"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--out", default="fuzz-failures.txt")
    args = parser.parse_args(argv)
    failures: list[str] = []
    tried = 0

    texts = st.one_of(SEED_LIKE, FRONT_MATTER)
    inputs = st.one_of(st.binary(max_size=4000), st.tuples(texts, ENCODINGS).map(_encode))
    pages = st.tuples(MARKUP, ENCODINGS).map(_encode)

    @settings(
        max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.one_of(inputs.map(lambda raw: (raw, "fuzz.txt")), pages.map(lambda raw: (raw, "fuzz.html"))))
    def run(case: tuple[bytes, str]) -> None:
        nonlocal tried
        tried += 1
        raw, name = case
        try:
            check(raw, name)
        except Exception as err:
            failures.append(f"{err!r}\n{name} {raw!r}\n{traceback.format_exc()}")

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
