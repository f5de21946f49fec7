"""Engines: the output is byte-identical whatever the number of worker processes, and a
failing worker fails the build without touching the previous output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.cli import main
from corpuskit.models import FileReport, SeedRecord
from corpuskit.severity import Severity

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "The council met on Tuesday evening to discuss the new budget for the library.",
    "Der Rat hat am Dienstag über den Haushalt beraten und die Mitglieder stimmten zu.",
    "Le conseil a discuté du budget mardi et les membres ont accepté de financer la ville.",
    "Rådet møttes tirsdag for å diskutere budsjettet, og medlemmene ble enige om planen.",
]
EXTRAS = [
    "Sponsor: Acme",
    "Photo: AP",
    "Read more: Floods",
    "23 Nov 2023",
    "Written by Jane Doe",
    "caf\u00c3\u00a9",
]


def _write_corpus(folder: Path) -> None:
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    for number in range(37):
        lines = [EXTRAS[number % len(EXTRAS)], ""] + [
            SENTENCES[(number + k) % 4] for k in range(1 + number % 5)
        ]
        name = f"{(number * 7919) % 101:03d}_gen"
        (folder / "seeds" / f"{name}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (folder / "seeds" / "zz_bad.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "seeds" / "000_empty.txt").write_bytes(b"")


def _snapshot(folder: Path) -> dict[str, bytes]:
    files = {"corpus": (folder / "corpus.jsonl").read_bytes()}
    files.update({p.name: p.read_bytes() for p in sorted((folder / "reports").iterdir())})
    return files


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    _write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_is_identical_for_every_number_of_jobs(corpus):
    outputs = {}
    for jobs in (1, 2, 3):
        assert (
            main(
                ["build", "-j", str(jobs), "-o", f"out{jobs}/corpus.jsonl", "--reports", f"out{jobs}/reports"]
            )
            == 1
        )
        outputs[jobs] = _snapshot(corpus / f"out{jobs}")
    assert len(outputs[1]) == 1 + 5 + 37 + 2
    assert outputs[2] == outputs[1]
    assert outputs[3] == outputs[1]
    ids = [line.split('"')[3] for line in outputs[1]["corpus"].decode().splitlines()]
    assert ids == sorted(ids) and "zz_bad" not in ids
    # what the workers built without validation (pieces, gaps) is valid on output
    for line in outputs[1]["corpus"].decode().splitlines():
        SeedRecord.model_validate_json(line)
    for name, data in outputs[1].items():
        if name != "corpus":
            assert FileReport.model_validate_json(data).model_dump_json(indent=2) + "\n" == data.decode()


def test_check_is_identical_for_every_number_of_jobs(corpus, capsys):
    assert main(["check", "seeds"]) == 1
    one = capsys.readouterr().out
    assert main(["check", "-j", "2", "seeds"]) == 1
    assert capsys.readouterr().out == one
    assert "seeds/zz_bad.txt:1:1: F001" in one


def test_failing_worker_leaves_previous_output(corpus, monkeypatch):
    assert main(["build", "-j", "2"]) == 1
    before = _snapshot(corpus / "build")

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("corpuskit.models.FileReport.model_dump_json", explode)
    (corpus / "seeds/new.txt").write_text("A new seed.\n", encoding="utf-8")
    assert main(["build", "-j", "2"]) == 2
    assert _snapshot(corpus / "build") == before
    listing = sorted(p.name for p in (corpus / "build").iterdir())
    assert listing == ["corpus.index.npz", "corpus.jsonl", "corpus.lines", "reports"]


def test_ray_address_needs_the_ray_engine(corpus, capsys):
    assert main(["build", "--ray-address", "auto"]) == 2
    assert "--ray-address needs --engine ray" in capsys.readouterr().err


def test_corpus_findings_are_put_in_the_report_text_as_a_dump_would_write_them():
    """`Output.with_findings` edits the report's JSON in place of reading and dumping it
    again: the text must be the same, for reports with and without findings of their
    own, `failing` must read back exactly the findings at or above a severity, and
    `printed` must print them as the text reporter does."""
    from corpuskit.engines.output import render
    from corpuskit.models import Detail, Finding
    from corpuskit.pipeline import clean_file, clean_text
    from corpuskit.reporters.text import render_text, tally
    from corpuskit.severity import Severity

    detail = Detail(type="duplicate_text", loc=["text"], value=1.0, file="x")
    added = [
        Finding(
            code="C002",
            rule="exact-duplicate",
            category="corpus",
            severity=Severity.ERROR,
            message='same cleaned text as "a\nb".txt',
            detail=detail,
        ),
        Finding(code="C003", rule="near-duplicate", category="corpus", severity=Severity.INFO, message="ünï"),
    ]
    results = [clean_file(path) for path in sorted((ROOT / "seeds").iterdir())]
    bare = clean_text("Just one plain sentence of article text here.")
    bare.report.findings.clear()  # a report without findings of its own
    results += [clean_text(""), bare]
    for result in results:
        out = render(result)
        for findings in (added[:1], added):
            expected = FileReport.model_validate_json(out.report_json)  # what the writer did before
            expected.findings.extend(findings)
            got = out.with_findings(findings)
            assert got.report_json == expected.model_dump_json(indent=2) + "\n"
            assert got.worst == max(f.severity.rank for f in expected.findings)
            for level in Severity:
                failing = got.failing(level.rank).findings
                assert failing == [f for f in expected.findings if f.severity.rank >= level.rank]
                printed = got.printed(level.rank)  # what build keeps to print: the same lines
                assert printed.rendered["text"] == render_text(out.path, failing)
                assert printed.tally == tally(failing)


_TRICKY = st.sampled_from(
    ['"severity": "error"', '\n      "severity": "error"', "\n    },\n    {", "{", "}", "\n"]
)


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(Severity)),
            st.lists(st.one_of(_TRICKY, st.text(max_size=8)), max_size=4).map("".join),
            st.booleans(),
        ),
        max_size=6,
    )
)
def test_failing_reads_the_findings_at_a_severity_whatever_their_text(specs):
    """`failing` picks the findings at or above a severity from the report's JSON text
    before reading them: messages, texts and nested values that look like the JSON
    around them must not move an item's edges or its severity."""
    from corpuskit.engines.output import render
    from corpuskit.models import Detail, Finding
    from corpuskit.pipeline import clean_text

    result = clean_text("Just one plain sentence of article text here.")
    result.report.findings = [
        Finding(
            code="C002",
            rule="exact-duplicate",
            category="corpus",
            severity=severity,
            message=text,
            text=text or None,
            detail=Detail(type="x", loc=[text], value={"severity": "error", "v": [text]}) if nested else None,
        )
        for severity, text, nested in specs
    ]
    out = render(result)
    for level in Severity:
        expected = [f for f in result.report.findings if f.severity.rank >= level.rank]
        assert out.failing(level.rank).findings == expected


def test_warm_up_leaves_workers_nothing_to_compile():
    """What `warm_up` compiles before the workers are forked: every lexicon loaded so far
    answers from its compiled patterns, and the line rules screen from the first block."""
    from corpuskit import lexicon
    from corpuskit.engines.local import _warm_up
    from corpuskit.rules import lines

    _warm_up()
    assert lexicon._loaded, "the sample loads the line rules' lexicons"
    for loaded in lexicon._loaded:
        assert {"_prefix", "_anywhere"} <= set(vars(loaded)), loaded.category
    assert lines._unscreened >= lexicon.COMPILE_AFTER


def test_the_first_pass_in_one_process_reads_a_seed_at_a_time(tmp_path, monkeypatch):
    """Its hashes go to the counter seed by seed: a corpus's hashes are never all held."""
    from corpuskit import linefreq
    from corpuskit.engines.local import seed_hashes_of

    paths = []
    for n in range(5):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Line {n}\n", encoding="utf-8")
    read: list[Path] = []
    original = linefreq.seed_hashes

    def reading(path, max_bytes=None):
        read.append(path)
        return original(path, max_bytes)

    monkeypatch.setattr(linefreq, "seed_hashes", reading)
    hashes = seed_hashes_of(paths, jobs=1)
    next(hashes)
    assert read == paths[:1]
    assert len(list(hashes)) == 4 and read == paths
