"""The command line: outputs, exit codes, atomic writes, errors without tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpuskit.cli import main
from corpuskit.commands import schema

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    """A project folder with the five seeds, as cwd."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_writes_sorted_corpus_and_reports(corpus, capsys):
    assert main(["build"]) == 0
    lines = (corpus / "build/corpus.jsonl").read_text("utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(p.stem for p in (corpus / "seeds").glob("*.txt"))
    record = json.loads(lines[1])
    assert set(record) == {"id", "text", "meta", "flags", "stats", "checksums", "provenance"}
    assert record["meta"]["published"] == "2024-01-07T12:58:00+01:00"
    reports = sorted(p.stem for p in (corpus / "build/reports").glob("*.json"))
    assert reports == ids
    report = json.loads((corpus / "build/reports" / f"{ids[0]}.json").read_text("utf-8"))
    assert {"decoding", "findings", "encoding_fixes", "metadata", "pieces", "layout"} <= set(report)
    assert "wrote 5 records" in capsys.readouterr().err


def test_build_output_options(corpus):
    assert main(["build", "seeds", "-o", "out/c.jsonl", "--reports", "out/r"]) == 0
    assert len((corpus / "out/c.jsonl").read_text("utf-8").splitlines()) == 5
    assert len(list((corpus / "out/r").glob("*.json"))) == 5


@pytest.fixture()
def umask_027():
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def test_outputs_get_the_permissions_of_the_umask_or_of_what_they_replace(corpus, umask_027):
    """Outputs are written privately, then renamed: they must not stay private, or the
    corpus a build publishes is unreadable to the rest of the team."""
    assert main(["build", "--html", "build/report.html"]) == 0
    mode = {name: (corpus / "build" / name).stat().st_mode & 0o777 for name in os.listdir(corpus / "build")}
    assert mode == {
        "corpus.jsonl": 0o640,
        "corpus.lines": 0o640,
        "corpus.index.npz": 0o640,
        "report.html": 0o640,
        "reports": 0o750,
    }
    (corpus / "build/corpus.jsonl").chmod(0o644)
    (corpus / "build/reports").chmod(0o755)
    assert main(["build", "--no-cache"]) == 0
    assert (corpus / "build/corpus.jsonl").stat().st_mode & 0o777 == 0o644
    assert (corpus / "build/reports").stat().st_mode & 0o777 == 0o755


def test_failed_build_leaves_previous_output(corpus, monkeypatch):
    assert main(["build"]) == 0
    before = (corpus / "build/corpus.jsonl").read_bytes()
    lines_before = (corpus / "build/corpus.lines").read_bytes()
    (corpus / "seeds/005_0000000000000000.txt").write_text("A new seed.\n", encoding="utf-8")

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("corpuskit.models.SeedRecord.model_dump_json", explode)
    assert main(["build"]) == 2
    assert (corpus / "build/corpus.jsonl").read_bytes() == before
    assert (corpus / "build/corpus.lines").read_bytes() == lines_before
    assert sorted(p.name for p in (corpus / "build").iterdir()) == [
        "corpus.index.npz",
        "corpus.jsonl",
        "corpus.lines",
        "reports",
    ]


def test_check_exit_codes(corpus, capsys):
    assert main(["check", "seeds"]) == 0
    out = capsys.readouterr().out
    assert "seeds/000_d384953f4071e83d.txt:5:1: B101 " in out
    assert main(["check", "--strict", "seeds"]) == 1
    assert main(["check", "no/such/folder"]) == 2
    assert "no/such/folder: no such file or folder" in capsys.readouterr().err


def test_check_json(corpus, capsys):
    assert main(["check", "--output-format", "json", "seeds/002_cc0332b19ed06b34.txt"]) == 0
    document = json.loads(capsys.readouterr().out)
    codes = {f["code"] for f in document["files"][0]["findings"]}
    assert codes == {"E003", "M101", "M102"}
    assert document["summary"]["warning"] == 2


def test_check_fails_on_error_and_names_the_file(corpus, capsys):
    (corpus / "seeds/bad.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "seeds/empty.txt").write_bytes(b"")
    assert main(["check", "seeds"]) == 1
    out = capsys.readouterr().out
    assert "seeds/bad.txt:1:1: F001" in out
    assert "seeds/empty.txt:1:1: D001" in out


def test_select_and_ignore(corpus, capsys):
    assert main(["check", "--ignore", "M1", "--strict", "seeds/002_cc0332b19ed06b34.txt"]) == 0
    assert main(["check", "--select", "M101", "seeds/002_cc0332b19ed06b34.txt"]) == 0
    assert "M102" not in capsys.readouterr().out


def test_clean_file_and_stdin(corpus, capsys, monkeypatch):
    assert main(["clean", "seeds/004_69ae0e0288f3ce44.txt"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("The wives and partners") and "JUST IN" not in text
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Sponsor: Acme\n\nHello there.\n")))
    assert main(["clean", "-", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["record"]["text"] == "Hello there.\n"
    assert "B101" in {f["code"] for f in document["report"]["findings"]}


@pytest.mark.parametrize("raw", [b"", b"  \n\t\n"])
def test_clean_of_an_empty_seed_fails_like_check(corpus, capsys, monkeypatch, raw):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert main(["clean", "-"]) == 1
    assert "corpuskit: -: no text left after cleaning" in capsys.readouterr().err


def test_clean_missing_file(corpus, capsys):
    assert main(["clean", "nope.txt"]) == 1
    assert "cannot read nope.txt" in capsys.readouterr().err


def test_rules_and_rule_docs(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "B101  sponsor-label" in listing
    assert main(["rule", "b104"]) == 0
    doc = capsys.readouterr().out
    assert "What it does" in doc and "Why" in doc and "Example" in doc
    assert main(["rule", "Z999"]) == 2


def test_every_rule_is_documented():
    from corpuskit.rules import ALL_RULES

    for rule in ALL_RULES.values():
        doc = rule.doc()
        assert "What it does:" in doc and "Why:" in doc and "Example:" in doc, rule.code
        assert ">>>" in doc, rule.code


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["check", "--output-format", "xml"]) == 2


def test_a_folder_without_seeds_is_said(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    assert main(["check", "empty"]) == 0
    assert "warning: no seeds in empty (files named *.txt, *.md" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "says"), [("-3", "must be 0 or more, not -3"), ("x", "not a whole number")]
)
def test_jobs_must_be_a_count(capsys, value, says):
    assert main(["build", "--jobs", value]) == 2
    assert says in capsys.readouterr().err


def test_bad_config_is_a_usage_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text("[tool.corpuskit]\nfail-on = 'sometimes'\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "pyproject.toml: [tool.corpuskit]: fail-on" in capsys.readouterr().err


def test_settings_of_their_own_type_are_accepted(tmp_path):
    from corpuskit.config import load_config

    lines = "min-words = 5\ntime-budget = 30\nmax-removed-share = 1\nnear-duplicate-threshold = 0.9\n"
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{lines}")
    config = load_config(tmp_path)[0]
    assert (config.min_words, config.time_budget, config.max_removed_share) == (5, 30.0, 1.0)


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_corpus_file_that_names_a_folder_is_a_usage_error(tmp_path, monkeypatch, capsys, command):
    (tmp_path / "pyproject.toml").write_text("[tool.corpuskit]\noutput = '.'\n")
    monkeypatch.chdir(tmp_path)
    assert main([command]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml: [tool.corpuskit]: output: '.' names a folder" in err and "internal" not in err


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("languages = ['de']", "languages: unknown setting; did you mean `allowed-languages`?"),
        ("failon = 'error'", "failon: unknown setting; did you mean `fail-on`?"),
        ("colour = 'blue'", "colour: unknown setting; the settings are paths, include,"),
        ("min_words = 5", "min_words: unknown setting; did you mean `min-words`?"),
        ("fail_on = 'error'", "fail_on: unknown setting; did you mean `fail-on`?"),
        ("min-words = true", "min-words: Input should be a valid integer"),
        ("min-words = '5'", "min-words: Input should be a valid integer"),
        ("min-words = 5.0", "min-words: Input should be a valid integer"),
        ("time-budget = '60'", "time-budget: Input should be a valid number"),
        ("near-duplicate-threshold = true", "near-duplicate-threshold: Input should be a valid number"),
    ],
)
def test_an_unknown_setting_names_the_nearest(tmp_path, monkeypatch, capsys, line, says):
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{line}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert says in capsys.readouterr().err


def test_a_reader_that_goes_away_stops_the_output_quietly(corpus):
    """`corpuskit check | head` is how findings are skimmed: no "cannot write" error and
    no traceback when head stops reading, and an exit code that a shell with `pipefail`
    does not take for a passed check."""
    process = subprocess.Popen(
        [sys.executable, "-m", "corpuskit", "check", "--no-cache", "--output-format", "json", "seeds"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # before the first finding is written
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert err == ""


def test_ctrl_c_wrapped_by_a_library_is_an_interruption(monkeypatch, capsys):
    """pydantic turns a KeyboardInterrupt raised while it serializes into its own error: a
    Ctrl-C then must still read as an interruption (exit 130), not an internal error."""
    import signal

    import pydantic_core

    import corpuskit.commands.check as check

    def serialize_and_interrupt(args):
        return pydantic_core.to_json(object(), fallback=lambda _: signal.raise_signal(signal.SIGINT))

    monkeypatch.setattr(check, "run", serialize_and_interrupt)
    assert main(["check"]) == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "internal error" not in err


def test_committed_schemas_match_the_models():
    for name, text in schema.rendered().items():
        assert (ROOT / "schemas" / name).read_text("utf-8") == text, f"run `corpuskit schema` ({name})"


CITIES = ["Bergen", "Lyon", "Graz", "Porto", "Gent", "Turku", "Malmö", "Brno", "Split", "Bilbao"]
SHARED = "Unsere Leserreisen im Überblick"


@pytest.fixture()
def repeated_line_corpus(tmp_path, monkeypatch):
    """Sixty short articles that all carry the same promo line between paragraphs."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(60):
        city = CITIES[i % len(CITIES)]
        paragraph = (
            f"Der Stadtrat von {city} hat am Dienstag zum {i + 2}. Mal über den Haushalt beraten "
            f"und nach langer Debatte beschlossen, die Bibliothek weitere {i + 3} Jahre zu finanzieren."
        )
        text = f"{paragraph}\n\n{paragraph}\n\n{SHARED}\n\n{paragraph}\n\n{paragraph}\n"
        (seeds / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _shared_line_findings(capsys) -> list[str]:
    out = capsys.readouterr().out
    return [line for line in out.splitlines() if "B301" in line and "other documents with this line" in line]


def test_build_saves_line_counts_and_check_reuses_them(repeated_line_corpus, capsys):
    assert main(["check", "--output-format", "text", "seeds"]) == 0
    assert _shared_line_findings(capsys) == []  # no build yet: nothing says the line recurs
    assert main(["build"]) == 0
    capsys.readouterr()
    corpus = (repeated_line_corpus / "build/corpus.jsonl").read_text("utf-8")
    assert SHARED not in corpus
    assert corpus.count("Stadtrat") == 240
    assert (repeated_line_corpus / "build/corpus.lines").is_file()
    assert main(["check", "seeds"]) == 0
    assert len(_shared_line_findings(capsys)) == 60


def test_check_warns_about_an_unreadable_line_table(repeated_line_corpus, capsys):
    (repeated_line_corpus / "build").mkdir()
    (repeated_line_corpus / "build/corpus.lines").write_bytes(b"garbage")
    assert main(["check", "seeds"]) == 0
    captured = capsys.readouterr()
    assert "corpus.lines" in captured.err and "not a corpuskit line table" in captured.err
    assert "Traceback" not in captured.err
