"""The corpus policy of `[tool.corpuskit]`: required and recommended fields, languages,
minimum words, date range and id pattern; errors carry a type, a path and a value."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import BODY, BODY_DE, BODY_FR
from corpuskit import clean_text
from corpuskit.cli import main
from corpuskit.config import Config, ConfigError, load_config


def found(res, code: str):
    return [f for f in res.report.findings if f.code == code]


def test_default_policy_warns_for_title_and_date_only():
    res = clean_text(BODY)
    assert {(f.code, f.severity.value) for f in res.report.findings} == {
        ("M101", "warning"),
        ("M102", "warning"),
    }


def test_required_fields_are_errors_and_other_fields_are_silent():
    policy = Config(required_fields=["title", "authors", "source"], recommended_fields=["url"])
    res = clean_text("Av Kari Nordmann\n\n" + BODY, config=policy)
    levels = {f.code: f.severity.value for f in res.report.findings if f.code.startswith("M1")}
    assert levels == {"M101": "error", "M105": "error", "M106": "warning"}  # authors were found
    quiet = Config(recommended_fields=[])
    assert clean_text(BODY, config=quiet).report.findings == []


def test_severity_override_beats_the_policy():
    res = clean_text(BODY, config=Config(severity={"M101": "info"}, required_fields=["title"]))
    assert [f.severity.value for f in found(res, "M101")] == ["info"]


@pytest.mark.parametrize(("body", "lang"), [(BODY_DE, "de"), (BODY_FR, "fr")])
def test_language_outside_allowed_is_an_error(body, lang):
    res = clean_text(body, config=Config(allowed_languages=["en", "nb"]))
    [finding] = found(res, "M107")
    assert finding.severity == "error"
    assert (finding.detail.type, finding.detail.loc, finding.detail.value) == (
        "language_not_allowed",
        ["meta", "language"],
        lang,
    )
    assert found(clean_text(BODY, config=Config(allowed_languages=["en", "nb"])), "M107") == []


def test_min_words_counts_the_cleaned_text():
    policy = Config(min_words=30)
    short = clean_text("Sponsor: Acme\n\n" + BODY, config=policy)
    [finding] = found(short, "D003")
    assert (finding.detail.type, finding.detail.value) == ("too_few_words", 27)
    assert found(clean_text(BODY + " " + BODY, config=policy), "D003") == []
    assert found(clean_text("", config=policy), "D003") == []  # empty is D001's business


def test_explicit_dates_out_of_range_are_errors():
    policy = Config(earliest_published_year=1995)
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    for value, type_ in [(future, "published_in_future"), ("1990-05-01", "published_too_early")]:
        res = clean_text(f"---\npublished: {value}\n---\n" + BODY, config=policy)
        [finding] = found(res, "M108")
        assert (finding.detail.type, finding.detail.value, finding.severity) == (type_, value, "error")
    assert found(clean_text("---\npublished: 2001-05-01\n---\n" + BODY, config=policy), "M108") == []


@pytest.mark.parametrize(
    "line", ["Publisert 12.03.1985", "Veröffentlicht am 3. März 1987", "Published 1989-11-09"]
)
def test_inferred_dates_out_of_range_are_dropped_with_a_reason(line):
    res = clean_text(line + "\n\n" + BODY, config=Config(earliest_published_year=1995))
    assert res.record.meta.published is None
    assert found(res, "M108") == []
    origin = res.report.metadata["published"]
    assert origin.origin == "empty" and "before 1995" in origin.note
    assert line not in res.record.text  # still a date line, still lifted out of the text


def test_id_pattern():
    policy = Config(id_pattern=r"\d{3}_[0-9a-f]{16}")
    [finding] = found(clean_text(BODY, seed="005_0123456789ABCDEF", config=policy), "F002")
    assert (finding.detail.type, finding.detail.value) == ("id_pattern_mismatch", "005_0123456789ABCDEF")
    assert found(clean_text(BODY, seed="005_0123456789abcdef", config=policy), "F002") == []
    assert found(clean_text(BODY, seed="any name at all"), "F002") == []  # the default takes any id


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("required-fields = ['titel']", "required-fields.0"),
        ("allowed-languages = ['english']", "not an ISO 639-1 code"),
        ("id-pattern = '[unclosed'", "not a regular expression"),
        ("min-words = -1", "min-words"),
        ("near-duplicate-threshold = 0", "near-duplicate-threshold"),
        ("select = ['B1O1']", "select: unknown rule code or prefix 'B1O1'"),
        ("ignore = ['ALL', 'b1o1']", "ignore: unknown rule code or prefix 'B1O1'"),
        ("ignore = ['']", "ignore: unknown rule code or prefix ''"),
        ("select = ['B1', '']", "select: unknown rule code or prefix ''"),
        ("per-file-ignores = {'*.txt' = ['B9']}", "per-file-ignores: unknown rule code or prefix 'B9'"),
        ("per-file-ignores = {'seeds/*' = ['']}", "per-file-ignores: unknown rule code or prefix ''"),
        ("severity = {B1 = 'info'}", "severity: 'B1' is not a rule code"),
        ("output = ''", "output: '' names a folder; give the corpus file"),
        ("output = '.'", "output: '.' names a folder"),
        ("output = 'build/..'", "output: 'build/..' names a folder"),
        ('output = "x\\u0000y"', "output: 'x\\\\x00y' holds a NUL character"),
        ('paths = ["seeds", "a\\u0000"]', "paths: 'a\\\\x00' holds a NUL character"),
        ("reports = ''", "reports: '' is the project's folder or one above it"),
        ("cache-dir = '.'", "cache-dir: '.' is the project's folder or one above it"),
        ("cache-dir = '../..'", "cache-dir: '../..' is the project's folder or one above it"),
    ],
)
def test_bad_policy_names_the_key(tmp_path, line, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_path_settings_of_their_own_are_accepted(tmp_path):
    lines = "output = 'out/c.jsonl'\nreports = '/srv/reports'\ncache-dir = '../cache'\npaths = ['.']\n"
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{lines}", encoding="utf-8")
    config = load_config(tmp_path)[0]
    assert (config.output, config.reports, config.cache_dir) == ("out/c.jsonl", "/srv/reports", "../cache")


def test_known_selectors_are_accepted(tmp_path):
    lines = "select = ['ALL', 'B', 'B1', 'M101']\nignore = ['H1']\nseverity = {M101 = 'error'}\n"
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{lines}", encoding="utf-8")
    assert load_config(tmp_path)[0].select == ["ALL", "B", "B1", "M101"]


def test_codes_in_the_settings_take_any_case_as_the_flags_do(tmp_path):
    lines = (
        "select = ['all', 'b1']\nignore = ['m1']\nper-file-ignores = {'*.txt' = ['h1']}\n"
        "severity = {m101 = 'error'}\n"
    )
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{lines}", encoding="utf-8")
    config = load_config(tmp_path)[0]
    assert (config.select, config.ignore, config.per_file_ignores) == (
        ["ALL", "B1"],
        ["M1"],
        {"*.txt": ["H1"]},
    )
    assert list(config.severity) == ["M101"]


@pytest.mark.parametrize("flag", ["--select", "--extend-select", "--ignore"])
def test_a_flag_naming_no_rule_is_refused(tmp_path, monkeypatch, capsys, flag):
    """A typo in a selector would switch the gate off (or a rule on) without a word."""
    from corpuskit.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BODY + "\n", encoding="utf-8")
    assert main(["check", flag, "B1,X9", "a.txt"]) == 2
    assert f"{flag}: unknown rule code or prefix 'X9'" in capsys.readouterr().err


def test_config_command_lists_every_policy_key(capsys):
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    for key in [
        "required-fields",
        "recommended-fields",
        "allowed-languages",
        "min-words",
        "max-removed-share",
        "earliest-published-year",
        "id-pattern",
        "near-duplicate-threshold",
    ]:
        assert f"\n{key} = " in out and "default" in out.split(f"\n{key} = ")[1].split("\n")[0]
