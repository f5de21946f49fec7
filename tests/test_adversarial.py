"""No input makes cleaning hang or crash: adversarial lines built from the pieces the
rules' patterns look for, repeated many times (a regex that backtracks would blow up)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuskit import clean_bytes, clean_text
from corpuskit.budget import time_budget

PIECES = [
    " ",
    "  ",
    "\t",
    ".",
    ":",
    " :",
    "|",
    "-",
    "–",
    "”",
    "“",
    "'",
    "’",
    "»",
    "(",
    ")",
    "©",
    "&",
    "&amp;",
    "READ MORE",
    "JUST IN",
    "LES OGSÅ",
    "Read more",
    "Photo",
    "Foto:",
    "Sponsor",
    "By",
    "Von",
    "date",
    "2023",
    "12.03.",
    "Nov",
    "A",
    "AB",
    "ABC",
    "a",
    "word",
    "Word",
    "Ünïcödé",
    "é",
    "\u00a0",
    "\u200b",
    "â€™",
    "Ã©",
    "\x00",
    "\x85",
    "<p>",
    "</div>",
    "http://x.y/z",
    "@",
    "#",
]

adversarial = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).flatmap(
    lambda parts: st.integers(min_value=50, max_value=2000).map(lambda n: "".join(parts) * n)
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(adversarial, st.sampled_from(["", "\n", "\n\n"]))
def test_adversarial_lines_finish_within_the_budget(line, separator):
    text = separator.join([line, line[: len(line) // 2], line])
    with time_budget(20):  # generous bound: linear work on ~100 kB takes well under a second
        result = clean_text(text)
    assert result.record is not None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_no_exception_escapes_on_arbitrary_bytes(raw):
    result = clean_bytes(raw, name="fuzz.txt")
    assert result.record is not None or [f.code for f in result.report.findings] == ["F001"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_no_exception_escapes_on_arbitrary_text(text):
    result = clean_text(text)
    again = clean_text(text)
    assert result.record.model_dump_json() == again.record.model_dump_json()
