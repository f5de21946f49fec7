"""Explicit metadata: front matter and sidecars win over inferred values, are validated,
and their errors name the file, the line and what is wrong."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import BODY
from corpuskit import clean_bytes, clean_file, clean_text
from corpuskit.assemble import rebuild_original
from corpuskit.explicit import ExplicitMeta

CET = dt.timezone(dt.timedelta(hours=1))


def codes(res, code: str) -> list:
    return [f for f in res.report.findings if f.code == code]


def test_front_matter_wins_and_leaves_the_text():
    text = (
        "---\ntitle: Budget agreed\nauthors: [Jane Doe]\npublished: 2024-01-07T12:58:00+01:00\n"
        "source: Daily Planet\nurl: https://example.org/a\nlanguage: en\n---\n\nWritten by Kari Nordmann\n\n"
        + BODY
        + "\n"
    )
    res = clean_text(text)
    meta = res.record.meta
    assert (meta.title, meta.authors, meta.source, meta.url, meta.language) == (
        "Budget agreed",
        ["Jane Doe"],
        "Daily Planet",
        "https://example.org/a",
        "en",
    )
    assert meta.published == dt.datetime(2024, 1, 7, 12, 58, tzinfo=CET)
    assert res.record.text == BODY + "\n"
    origins = res.report.metadata
    assert {k: (o.origin, o.method, o.line) for k, o in origins.items()} == {
        "title": ("explicit", "front-matter", 2),
        "authors": ("explicit", "front-matter", 3),
        "published": ("explicit", "front-matter", 4),
        "source": ("explicit", "front-matter", 5),
        "url": ("explicit", "front-matter", 6),
        "language": ("explicit", "front-matter", 7),
    }
    assert "Kari Nordmann" in origins["authors"].note  # what the text said is kept in the report
    assert rebuild_original(res.record.text, res.report) == text.encode()
    assert [f.code for f in res.report.findings if f.severity != "info"] == []


def test_front_matter_with_crlf_and_bom_is_rebuilt():
    text = "\ufeff---\r\ntitle: Rådet møttes\r\nlanguage: nb\r\n...\r\n" + BODY + "\r\n"
    raw = text.encode("utf-8")
    res = clean_bytes(raw, name="seed.txt")
    assert res.record.meta.title == "Rådet møttes" and res.record.text == BODY + "\n"
    assert rebuild_original(res.record.text, res.report) == raw


@pytest.mark.parametrize(
    ("front", "type_", "line"),
    [
        ("title: [unclosed\n", "yaml_syntax", 3),
        ("- just\n- a list\n", "not_a_mapping", 2),
        ("title: Eins\ntitle: Zwei\n", "duplicate_key", 3),
        ("title: &t [Le titre, *t]\n", "yaml_nesting", 2),  # an alias inside itself
        ("authors: " + "[" * 20 + "]" * 20 + "\n", "yaml_nesting", 2),
        ("authors: " + "[" * 3000 + "]" * 3000 + "\n", "yaml_nesting", 2),  # deeper than the parser goes
    ],
)
def test_malformed_front_matter_is_an_error_with_its_line(front, type_, line):
    res = clean_text("---\n" + front + "---\n" + BODY)
    [finding] = codes(res, "M201")
    assert (finding.severity, finding.detail.type, finding.line) == ("error", type_, line)
    assert res.record.text == BODY + "\n"  # the block is still not text


def test_unclosed_front_matter_is_an_error_but_a_rule_line_is_not():
    res = clean_text("---\ntitle: Le conseil\n\n" + BODY)
    assert [(f.detail.type, f.line) for f in codes(res, "M201")] == [("front_matter_unclosed", 1)]
    assert codes(clean_text("---\n\n" + BODY), "M201") == []
    assert codes(clean_text("--- fin ---\n\n" + BODY), "M006") == []


@pytest.mark.parametrize(
    ("line", "type_", "loc", "value"),
    [
        ("titel: Hochwasser", "extra_forbidden", ["titel"], "Hochwasser"),
        ("authors: Jane Doe", "list_type", ["authors"], "Jane Doe"),
        ("authors: [Kari Nordmann, 42]", "string_type", ["authors", 1], 42),
        ("published: 2024-01-07 12:58", "published_naive", ["published"], "2024-01-07 12:58"),
        ("published: hier", "published_format", ["published"], "hier"),
        ("language: Deutsch", "string_pattern_mismatch", ["language"], "Deutsch"),
        ("title: 12", "string_type", ["title"], 12),
        ("published: 2023-02-30", "published_format", ["published"], "2023-02-30"),  # no such day
        ("published: 2023-13-01", "published_format", ["published"], "2023-13-01"),
        ("url: www.lemonde.fr/a", "string_pattern_mismatch", ["url"], "www.lemonde.fr/a"),
    ],
)
def test_invalid_values_carry_type_path_and_value(line, type_, loc, value):
    res = clean_text(f"---\nsource: Le Monde\n{line}\n---\n" + BODY)
    [finding] = codes(res, "M203")
    assert (finding.detail.type, finding.detail.loc, finding.detail.value) == (type_, loc, value)
    assert finding.line == 3 and finding.severity == "error"
    assert res.record.meta.source == "Le Monde"  # the valid fields are still used


def test_empty_values_count_as_not_given():
    res = clean_text("---\ntitle:\nauthors: []\n---\nHochwasser in Bayern: Pegel steigen\n\n" + BODY)
    assert res.record.meta.title == "Hochwasser in Bayern: Pegel steigen"
    assert res.report.metadata["title"].origin == "inferred"
    assert codes(res, "M203") == []


@pytest.fixture()
def seed(tmp_path):
    path = tmp_path / "007_0123456789abcdef.txt"
    path.write_text("---\ntitle: From front matter\nlanguage: en\n---\n" + BODY, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".meta.yaml", ".meta.yml", ".txt.meta.yaml", ".meta.json"])
def test_sidecar_wins_over_front_matter(seed, suffix):
    values = {"title": "From the sidecar", "published": "2023-11-23", "authors": ["Ana Pérez"]}
    text = (
        json.dumps(values)
        if suffix.endswith("json")
        else "\n".join(f"{k}: {json.dumps(v)}" for k, v in values.items())
    )
    seed.with_name(seed.stem + suffix).write_text(text, encoding="utf-8")
    res = clean_file(seed)
    meta = res.record.meta
    assert (meta.title, meta.published, meta.authors, meta.language) == (
        "From the sidecar",
        dt.date(2023, 11, 23),
        ["Ana Pérez"],
        "en",
    )
    title = res.report.metadata["title"]
    assert (title.origin, title.method, title.file, title.line) == (
        "explicit",
        "sidecar",
        str(seed.with_name(seed.stem + suffix)),
        1,
    )
    assert "front-matter gave 'From front matter'" in title.note
    assert res.report.metadata["language"].method == "front-matter"


@pytest.mark.parametrize(
    ("name", "content", "type_", "line"),
    [
        ("x.meta.json", '{\n  "title": "A",\n}', "json_syntax", 3),
        ("x.meta.json", '{"title": "A", "title": "B"}', "duplicate_key", 1),
        ("x.meta.json", '["A"]', "not_a_mapping", 1),
        ("x.meta.json", '{"authors": ' + "[" * 20 + "]" * 20 + "}", "json_nesting", 1),
        ("x.meta.json", '{"authors": ' + "[" * 100_000 + "]" * 100_000 + "}", "json_nesting", 1),
        ("x.meta.yaml", "title: A\n  authors: B\n", "yaml_syntax", 2),
        ("x.meta.yaml", "titre: Le titre\n", "extra_forbidden", 1),
        ("x.meta.yaml", "title: A\nlanguage: fr-FR\n", "string_pattern_mismatch", 2),
    ],
)
def test_malformed_sidecar_names_file_and_line(tmp_path, name, content, type_, line):
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    res = clean_file(tmp_path / "x.txt")
    [finding] = [f for f in res.report.findings if f.code in ("M202", "M203")]
    assert finding.severity == "error"
    assert (finding.detail.type, finding.detail.file, finding.detail.line) == (
        type_,
        str(tmp_path / name),
        line,
    )
    assert finding.message.startswith(f"{tmp_path / name}:{line}: ")


def test_two_sidecars_are_an_error(tmp_path):
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "x.meta.yaml").write_text("title: A\n", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text('{"title": "B"}', encoding="utf-8")
    [finding] = codes(clean_file(tmp_path / "x.txt"), "M202")
    assert finding.detail.type == "sidecar_ambiguous" and "x.meta.json" in finding.message
    assert clean_file(tmp_path / "x.txt").record.meta.title is None


@pytest.mark.parametrize("kind", ["folder", "broken link"])
def test_a_sidecar_that_cannot_be_read_is_an_error(tmp_path, kind):
    (tmp_path / "x.txt").write_text(BODY, encoding="utf-8")
    sidecar = tmp_path / "x.meta.yaml"
    if kind == "folder":
        sidecar.mkdir()
    else:
        sidecar.symlink_to(tmp_path / "nowhere.yaml")
    [finding] = codes(clean_file(tmp_path / "x.txt"), "M202")
    assert finding.detail.type == "sidecar_unreadable" and finding.detail.file == str(sidecar)
    assert finding.severity == "error"


def test_page_metadata_is_lenient_and_weaker_than_front_matter():
    page = ExplicitMeta(
        {
            "title": "Page title",
            "authors": "Ana Pérez",
            "published": "December 21, 2023",
            "language": "es-ES",
        },
        "html-meta",
        strict=False,
    )
    res = clean_text("---\ntitle: Front title\n---\n" + BODY, explicit=[page])
    meta = res.record.meta
    assert (meta.title, meta.authors, meta.published, meta.language) == (
        "Front title",
        ["Ana Pérez"],
        dt.date(2023, 12, 21),
        "es",
    )
    assert res.report.metadata["authors"].method == "html-meta"
    bad = ExplicitMeta({"published": "hace dos días", "language": "español"}, "html-meta", strict=False)
    res = clean_text(BODY, explicit=[bad])
    assert sorted(f.detail.loc[0] for f in codes(res, "M204")) == ["language", "published"]
    assert {f.severity for f in codes(res, "M204")} == {"info"}
    assert res.record.meta.language == "en" and res.report.metadata["language"].origin == "inferred"


@pytest.mark.parametrize(
    ("front", "first_line"),
    [
        ("title: Budget agreed for the town", "More news from the capital"),
        ("title: Der Haushalt ist beschlossen", "Weitere Nachrichten aus der Region"),
    ],
)
def test_a_line_that_contradicts_the_front_matter_stays(front, first_line):
    """A first line that only looks like a title is not lifted when the front matter gives
    another title: it stays, flagged. Cleaning a record again under its own metadata
    therefore lifts no other line as its title."""
    res = clean_text(f"---\n{front}\n---\n{first_line}\n\n{BODY}\n")
    assert res.record.text == f"{first_line}\n\n{BODY}\n"
    flagged = [f for f in res.report.findings if f.action == "flagged" and f.code.startswith("M")]
    assert [f.text for f in flagged] == [first_line] and "differs from the declared" in flagged[0].message


def test_a_line_that_repeats_the_front_matter_title_is_lifted():
    res = clean_text(f"---\ntitle: Budget agreed for the town\n---\nBudget agreed for the town\n\n{BODY}\n")
    assert res.record.text == BODY + "\n" and res.record.meta.title == "Budget agreed for the town"
