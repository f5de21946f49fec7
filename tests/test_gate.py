"""The gate: rule selection and suppressions, fixes to seed files, output formats, exit codes."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import BODY, BODY_DE
from corpuskit import clean_bytes, clean_file
from corpuskit.cli import main
from corpuskit.config import Config
from corpuskit.fixes import fix_bytes
from corpuskit.models import Severity
from corpuskit.reporters.github import escape_data, escape_property, step_summary

DATA = Path(__file__).with_name("data")


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """An empty project folder (own pyproject.toml, own cache) as cwd. Its seeds share
    paragraphs on purpose, so the corpus checks (C) are off."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.corpuskit]\nignore = ["C"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("CORPUSKIT_CACHE_DIR", raising=False)
    return tmp_path


def seed(project: Path, name: str, text: str | bytes) -> Path:
    path = project / "seeds" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def codes(path) -> list[str]:
    return [f.code for f in clean_file(path).report.findings]


# --- selection --------------------------------------------------------------------------


def test_select_extend_select_and_ignore(project, capsys):
    seed(project, "a.txt", f"Sponsor: Acme\n\n{BODY}\n")
    assert main(["check", "--select", "B101", "--output-format", "concise"]) == 0
    assert {line.split()[1] for line in capsys.readouterr().out.splitlines()} == {"B101"}
    assert main(["check", "--select", "B101", "--extend-select", "M1", "--output-format", "concise"]) == 0
    assert {line.split()[1] for line in capsys.readouterr().out.splitlines()} == {"B101", "M101", "M102"}
    assert main(["check", "--ignore", "b,m", "--output-format", "concise"]) == 0
    assert capsys.readouterr().out == ""


def test_ignored_rule_does_not_clean(project):
    path = seed(project, "a.txt", f"Sponsor: Acme\n\n{BODY}\n")
    assert main(["build", "--ignore", "B,M0"]) == 0  # no rule may remove or lift it
    record = json.loads((project / "build/corpus.jsonl").read_text("utf-8"))
    assert record["text"].startswith("Sponsor: Acme")
    assert "B101" in codes(path)


def test_per_file_ignores(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.corpuskit]\nper-file-ignores = { "seeds/legacy/*" = ["M1"], "*.htm" = ["B"] }\n',
        encoding="utf-8",
    )
    (project / "seeds/legacy").mkdir()
    seed(project, "legacy/old.txt", f"{BODY}\n")
    seed(project, "new.txt", f"{BODY_DE}\n")
    assert main(["check", "--output-format", "concise"]) == 0
    out = capsys.readouterr().out
    assert "seeds/new.txt:1:1: M101" in out
    assert "legacy/old.txt" not in out


@pytest.mark.parametrize("where", ["root", "absolute", "inside seeds"])
def test_patterns_are_relative_to_the_project_however_paths_are_named(project, capsys, monkeypatch, where):
    """`exclude` and `per-file-ignores` patterns name paths from the folder of
    pyproject.toml, whether the seeds are named relative to it, absolutely, or from a
    folder below it."""
    (project / "pyproject.toml").write_text(
        '[tool.corpuskit]\nexclude = ["seeds/drafts/*"]\nper-file-ignores = { "seeds/legacy/*" = ["M1"] }\n',
        encoding="utf-8",
    )
    for folder in ("drafts", "legacy"):
        (project / "seeds" / folder).mkdir()
    seed(project, "drafts/draft.txt", f"{BODY_DE}\n")
    seed(project, "legacy/old.txt", f"{BODY}\n")
    seed(project, "new.txt", f"{BODY}\n\n{BODY_DE}\n")
    named = {"root": "seeds", "absolute": str(project / "seeds"), "inside seeds": "."}[where]
    if where == "inside seeds":
        monkeypatch.chdir(project / "seeds")
    assert main(["check", "--output-format", "concise", named]) == 0
    out = capsys.readouterr().out
    assert "new.txt:1:1: M101" in out
    assert "draft.txt" not in out and "old.txt" not in out


def test_a_command_in_a_folder_below_works_on_the_project(project, capsys, monkeypatch):
    """`paths`, `output` and `reports` are relative to the folder of pyproject.toml, and the
    corpus index knows a seed however it is named: from a folder below, absolutely."""
    (project / "pyproject.toml").write_text("[tool.corpuskit]\n", encoding="utf-8")
    seed(project, "a.txt", f"{BODY}\n")
    seed(project, "b.txt", f"{BODY_DE}\n")
    monkeypatch.chdir(project / "seeds")
    assert main(["build"]) == 0
    assert len((project / "build/corpus.jsonl").read_text("utf-8").splitlines()) == 2
    assert not (project / "seeds/build").exists()
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "2 seeds checked" in capsys.readouterr().out
    for named in ("a.txt", str(project / "seeds/a.txt")):  # the index's own seed: no duplicate
        assert main(["check", named]) == 0
        assert "C00" not in capsys.readouterr().out
    (project / "seeds/copy.txt").write_text(f"{BODY}\n", encoding="utf-8")
    assert main(["check", "copy.txt"]) == 1
    assert "C002 same cleaned text as seeds/a.txt" in capsys.readouterr().out


def test_noqa_directive_switches_rules_off_for_one_seed(project):
    plain = seed(project, "plain.txt", f"Foto: NTB\n\n{BODY}\n")
    quiet = seed(project, "quiet.txt", f"# corpuskit: noqa: B1, M101\nFoto: NTB\n\n{BODY}\n")
    assert "B103" in codes(plain) and "M101" in codes(plain)
    result = clean_file(quiet)
    found = [f.code for f in result.report.findings]
    assert not [c for c in found if c.startswith(("B1", "M101", "Q"))]
    assert result.record.text.startswith("Foto: NTB")  # the rule did not run: the text stays
    assert "corpuskit" not in result.record.text  # the directive line is not text


@pytest.mark.parametrize(
    "first_line",
    ["<!-- corpuskit: noqa: B -->", "// corpuskit: noqa: B", "corpuskit: noqa: B", "% CORPUSKIT: NOQA: b"],
)
def test_noqa_comment_styles(first_line):
    raw = f"{first_line}\nAnzeige\n\n{BODY_DE}\n".encode()
    res = clean_bytes(raw, name="x.txt")
    assert not [f.code for f in res.report.findings if f.code.startswith(("B", "Q"))]
    assert res.record.text.startswith("Anzeige")


def test_unused_and_empty_suppressions_are_reported(project):
    path = seed(project, "a.txt", f"# corpuskit: noqa: B101, B106, bogus!\n{BODY_DE}\n")
    unused = [(f.code, f.text, f.line) for f in clean_file(path).report.findings if f.code == "Q001"]
    assert unused == [("Q001", "B101", 1), ("Q001", "B106", 1), ("Q001", "BOGUS!", 1)]
    empty = seed(project, "b.txt", f"# corpuskit: noqa\n{BODY}\n")
    messages = [f.message for f in clean_file(empty).report.findings if f.code == "Q001"]
    assert messages == ["suppression names no code"]


def test_a_layout_suppression_is_unused_in_text_without_a_file(project):
    """Text given as a string has no file layout (no E003 or E004), so suppressing those
    codes suppresses nothing there; in a file that lacks its final newline it does."""
    from corpuskit import clean_text

    first_line = "# corpuskit: noqa: E003"
    unused = [f.text for f in clean_text(f"{first_line}\n{BODY_DE}").report.findings if f.code == "Q001"]
    assert unused == ["E003"]
    path = seed(project, "a.txt", f"{first_line}\n{BODY_DE}")
    assert [f for f in clean_file(path).report.findings if f.code in ("E003", "Q001")] == []


def test_suppressions_are_judged_with_the_line_table_given():
    """Whether a suppression is used is found by cleaning again with the same line counts
    as the seed's own cleaning: a line only the given table says recurs (B301 and B302
    remove it) is found again, so both suppressions are used."""
    import numpy as np

    from corpuskit import clean_text
    from corpuskit.linefreq import LineTable, line_hash

    promo = "Unsere Leserreisen im Überblick"
    table = LineTable(np.array([line_hash(promo)], dtype=np.uint64), np.array([400], dtype=np.uint32), 400)
    text = f"# corpuskit: noqa: B301, B302\n{BODY_DE}\n\n{promo}\n\n{BODY_DE}\n"
    res = clean_text(text, line_table=table)
    assert [f.text for f in res.report.findings if f.code == "Q001"] == []
    assert promo in res.record.text


def test_directive_later_in_the_text_is_text(project):
    path = seed(project, "a.txt", f"{BODY}\n\n# corpuskit: noqa: M101\n\n{BODY}\n")
    found = [f.code for f in clean_file(path).report.findings]
    assert "M101" in found and "Q001" not in found


def test_reconstruction_with_a_directive():
    from corpuskit.assemble import rebuild_original

    raw = f"  # corpuskit: noqa: B101\r\nSponsor: Acme\r\n\r\n{BODY}".encode()
    res = clean_bytes(raw, name="x.txt")
    assert rebuild_original(res.record.text, res.report) == raw


# --- fixes ----------------------------------------------------------------------------------


def test_every_finding_says_whether_a_fix_exists():
    raw = f"Sponsor: Acme\n\nByline: none\nWritten by Anna Berg\n\n{BODY}  \n\n\n".encode()
    kinds = {(f.code, f.action, f.fix) for f in clean_bytes(raw, name="x.txt").report.findings}
    assert ("B101", "removed", "unsafe") in kinds
    assert ("M002", "lifted:authors", None) in kinds
    assert ("E001", "fixed", "safe") in kinds
    assert ("E003", None, "safe") in kinds
    assert ("M102", None, None) in kinds


def test_safe_fixes_keep_the_words(project):
    raw = f"Sponsor: Acme\r\n\r\nThe café’s menu doesnâ€™t change.\u00a0 \r\n{BODY}\n\n\n".encode()
    outcome = fix_bytes(raw, "x.txt", Config())
    text = outcome.after.decode()
    assert text == f"Sponsor: Acme\r\n\r\nThe café’s menu doesn’t change.\r\n{BODY}\r\n"
    assert fix_bytes(outcome.after, "x.txt", Config()).changed is False  # idempotent


def test_unsafe_fixes_delete_boilerplate_but_keep_lifted_lines():
    raw = (
        f"Written by Anna Berg\n\nSponsor: Acme\n\n{BODY}\n\nRead more: Floods hit the north\n\n"
        f"{BODY_DE}\nShare on Facebook\n"
    ).encode()
    outcome = fix_bytes(raw, "x.txt", Config(), unsafe=True)
    assert outcome.after.decode() == f"Written by Anna Berg\n\n{BODY}\n\n{BODY_DE}\n"
    assert set(outcome.codes) >= {"B101", "B106", "B109"}
    again = clean_bytes(outcome.after, name="x.txt")
    assert not [f for f in again.report.findings if f.fix]


def test_unsafe_fix_cuts_an_inline_promo():
    sentence = BODY + " JUST IN: Floods hit the north as rivers burst their banks"
    raw = f"{sentence}\n\n{BODY_DE}\n".encode()
    assert fix_bytes(raw, "x.txt", Config(), unsafe=True).after.decode() == f"{BODY}\n\n{BODY_DE}\n"


def test_charset_is_rewritten_only_as_an_unsafe_fix():
    raw = f"Smörgåsbord på svenska, {BODY}".encode("cp1252")
    safe = fix_bytes(raw, "x.txt", Config())
    assert safe.after == raw + b"\n"  # still cp1252, final newline added
    unsafe = fix_bytes(raw, "x.txt", Config(), unsafe=True)
    assert unsafe.after == f"Smörgåsbord på svenska, {BODY}\n".encode()


def test_fix_command_rewrites_and_exits_1_then_0(project, capsys):
    dirty = seed(project, "a.txt", f"{BODY}   \n\n")
    clean = seed(project, "b.txt", f"{BODY_DE}\n")
    before = clean.stat().st_mtime_ns
    assert main(["fix"]) == 1
    assert dirty.read_text("utf-8") == f"{BODY}\n"
    assert clean.stat().st_mtime_ns == before
    err = capsys.readouterr().err
    assert "fixed seeds/a.txt (E001, E003)" in err and "b.txt" not in err
    assert main(["fix"]) == 0


def test_check_fix_reports_what_is_left(project, capsys):
    seed(project, "a.txt", f"Sponsor: Acme  \n\n{BODY}")
    assert main(["check", "--fix", "--output-format", "concise"]) == 0
    out = capsys.readouterr().out
    assert "E001" not in out and "E003" not in out and "B101" in out


def test_diff_writes_nothing_and_exits_1(project, capsys):
    path = seed(project, "a.txt", f"Sponsor: Acme\n\n{BODY}")
    assert main(["check", "--diff"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/seeds/a.txt\n+++ b/seeds/a.txt\n")
    assert "-Sponsor" not in out
    assert path.read_text("utf-8") == f"Sponsor: Acme\n\n{BODY}"
    assert main(["check", "--diff", "--unsafe-fixes"]) == 1
    assert "-Sponsor: Acme\n" in capsys.readouterr().out
    path.write_text(f"{BODY}\n", encoding="utf-8")
    assert main(["check", "--diff"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "flags", [["--output-format", "sarif"], ["--output-file", "out.sarif"], ["--statistics"]]
)
def test_diff_refuses_the_options_of_a_report(project, capsys, flags):
    seed(project, "a.txt", f"Sponsor: Acme  \n\n{BODY}")
    assert main(["check", "--diff", *flags]) == 2
    assert "--diff prints the fixes as a diff; it takes no" in capsys.readouterr().err
    assert not (project / "out.sarif").exists()


@pytest.mark.parametrize(
    ("outlet", "credit"), [("Dagbladet", "Foto: Dagbladet"), ("Le Monde", "Images Le Monde")]
)
def test_unsafe_fixes_keep_the_line_the_source_rests_on(project, outlet, credit):
    """The outlet above the article is lifted because a credit signs with it: deleting the
    credit would lose `meta.source` when the fixed seed is cleaned again."""
    path = seed(project, "a.txt", f"{outlet}\n{outlet}\n\n{BODY}\n\n{credit}\nSponsor: Acme\n")
    findings = clean_file(path).report.findings
    assert clean_file(path).record.meta.source == outlet
    assert {f.text: f.fix for f in findings if f.action == "removed"} == {
        credit: None,
        "Sponsor: Acme": "unsafe",
    }
    assert main(["fix", "--unsafe-fixes"]) == 1
    assert credit in path.read_text("utf-8") and "Sponsor" not in path.read_text("utf-8")
    assert clean_file(path).record.meta.source == outlet


def test_fix_keeps_file_mode_and_encoding(project):
    path = seed(project, "a.txt", b"\xef\xbb\xbfTitle  \n" + BODY.encode())
    path.chmod(0o640)
    assert main(["fix"]) == 1
    assert path.read_bytes().startswith(b"\xef\xbb\xbfTitle\n")
    assert path.stat().st_mode & 0o777 == 0o640


# --- output formats and exit codes ----------------------------------------------------------


def test_exit_zero_and_strict(project):
    seed(project, "bad.txt", bytes(range(256)) * 4)
    seed(project, "a.txt", f"{BODY}\n")
    assert main(["check"]) == 1
    assert main(["check", "--exit-zero"]) == 0
    assert main(["check", "seeds/a.txt"]) == 0
    assert main(["check", "--strict", "seeds/a.txt"]) == 1


def test_text_marks_safe_fixes(project, capsys):
    seed(project, "a.txt", f"Sponsor: Acme\n\n{BODY}")
    main(["check"])
    out = capsys.readouterr().out
    assert "seeds/a.txt:3:" in out and "E003 [*] no line break" in out
    assert "fixable with `--fix`; 1 more with `--fix --unsafe-fixes`" in out


def test_statistics(project, capsys):
    seed(project, "a.txt", f"Sponsor: Acme\n\nAnzeige\n\n{BODY}\n")
    seed(project, "b.txt", f"Sponsor: Acme\n\n{BODY}\n")
    assert main(["check", "--statistics"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["3", "B101", "sponsor-label"]
    assert main(["check", "--statistics", "--output-format", "json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table[0] == {"code": "B101", "name": "sponsor-label", "count": 3, "fix": "unsafe"}


def test_output_file(project, capsys):
    seed(project, "a.txt", f"{BODY}\n")
    assert main(["check", "--output-format", "json", "--output-file", "out/check.json"]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads((project / "out/check.json").read_text("utf-8"))["summary"]["files"] == 1


def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("seeds/a,b:c.txt") == "seeds/a%2Cb%3Ac.txt"
    assert escape_data("bell\x07 esc\x1b[0m tab\t\r\n") == "bell\\x07 esc\\x1b[0m tab\\t%0D%0A"


def test_github_format_is_the_default_in_actions(project, capsys, monkeypatch):
    seed(project, "a,b.txt", f"Sponsor: 50% off\n\n{BODY}\n")
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "::notice file=seeds/a%2Cb.txt,line=1,col=1,title=B101 sponsor-label::" in out
    assert "::warning file=seeds/a%2Cb.txt,line=1,col=1,title=M101 missing-title::" in out
    markdown = summary.read_text("utf-8")
    assert markdown.startswith("## corpuskit check: ✅ passed")
    assert "| B101 | sponsor-label | info | 1 | 1 | unsafe |" in markdown
    assert "| `seeds/a,b.txt` | 0 | 2 | 1 |" in markdown


def test_an_unwritable_step_summary_is_a_warning_not_a_failure(project, capsys, monkeypatch):
    seed(project, "a.txt", f"{BODY}\n")
    summary = project / "no-such-folder" / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--output-format", "github"]) == 0
    assert f"corpuskit: warning: cannot write the step summary {summary}" in capsys.readouterr().err


def test_step_summary_stays_under_one_mebibyte():
    from corpuskit.models import Decoding, FileReport, Finding

    finding = Finding(code="M101", rule="missing-title", category="metadata", severity="warning", message="m")
    reports = [
        FileReport(
            id=f"s{i}",
            path=f"seeds/{'x' * 200}{i}|<b>.txt",
            decoding=Decoding(encoding="utf-8"),
            findings=[finding],
        )
        for i in range(20000)
    ]
    text = step_summary(reports, Severity.ERROR)
    assert len(text.encode()) < 1024 * 1024
    assert "\\|&lt;b&gt;.txt" in text
    assert text.count("\n| `seeds/") == 25


def test_sarif_is_valid_and_fingerprints_are_stable(project, capsys):
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
    path = seed(project, "a.txt", f"Sponsor: Acme\n\n{BODY}\n\nSponsor: Acme\n")
    seed(project, "bad.txt", bytes(range(256)) * 4)
    assert main(["check", "--output-format", "sarif"]) == 1
    first = json.loads(capsys.readouterr().out)
    jsonschema.validate(first, schema)
    run = first["runs"][0]
    assert run["tool"]["driver"]["name"] == "corpuskit"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["B101"]["shortDescription"]["text"] and "What it does" in rules["B101"]["help"]["text"]
    results = [r for r in run["results"] if r["ruleId"] == "B101"]
    assert len(results) == 2
    assert run["tool"]["driver"]["rules"][results[0]["ruleIndex"]]["id"] == "B101"
    prints = [r["partialFingerprints"]["corpuskitFinding/v1"] for r in results]
    assert len(set(prints)) == 2
    assert {r["level"] for r in run["results"] if r["ruleId"] == "F001"} == {"error"}
    path.write_text(f"A new first line.\n\n{path.read_text('utf-8')}", encoding="utf-8")  # lines shift
    main(["check", "--output-format", "sarif"])
    again = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert [r["partialFingerprints"]["corpuskitFinding/v1"] for r in again if r["ruleId"] == "B101"] == prints
    assert [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in again if r["ruleId"] == "B101"
    ] == [
        3,
        7,
    ]


def test_junit_one_case_per_seed(project, capsys):
    seed(project, "a.txt", f"{BODY}\n")
    seed(project, "b.txt", bytes(range(256)) * 4)
    seed(project, "c.txt", "Ctrl \x01 char & <tag>\n" + BODY + "\n")
    assert main(["check", "--output-format", "junit"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]
    assert root.find("testsuite").get("tests") == "3" and root.find("testsuite").get("failures") == "1"
    assert cases[1].find("failure").get("type") == "F001"
    assert cases[0].find("failure") is None and "M101" in cases[0].find("system-out").text
    assert main(["check", "--output-format", "junit", "--strict"]) == 1
    strict = ET.fromstring(capsys.readouterr().out)
    assert strict.find("testsuite").get("failures") == "3"


def test_reporters_accept_the_old_call():
    from corpuskit.reporters import REPORTERS

    stream = io.StringIO()
    REPORTERS["text"]([clean_bytes(BODY.encode(), name="x.txt").report], stream)
    assert stream.getvalue().endswith("fixable with `--fix`.\n")


def test_excludes_apply_to_files_named_explicitly(project, capsys):
    config = '[tool.corpuskit]\nexclude = ["seeds/vendor/*"]\n'
    (project / "pyproject.toml").write_text(config, encoding="utf-8")
    (project / "seeds/vendor").mkdir()
    vendored = seed(project, "vendor/v.txt", f"{BODY}   ")
    assert main(["fix", "seeds/vendor/v.txt"]) == 0
    assert vendored.read_text("utf-8") == f"{BODY}   "
    assert main(["check", "--output-format", "concise", "seeds/vendor/v.txt"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Sponsor: Acme\n\n\n{B}\n\nShare on Facebook\n", "{B}\n"),
        ("{B}\n\n\nAnzeige\n\n{B}\n", "{B}\n\n\n{B}\n"),  # the wider of the gaps stays
        ("{B}\nAnzeige\n{B}\n\n\n\n{B}\n", "{B}\n{B}\n\n\n\n{B}\n"),  # other layout untouched
        ("\n\nSponsor: Acme\n{B}", "{B}\n"),
    ],
)
def test_unsafe_fixes_keep_the_layout_around_deletions(before, after):
    raw = before.format(B=BODY).encode()
    assert fix_bytes(raw, "x.txt", Config(), unsafe=True).after.decode() == after.format(B=BODY)
