"""The results cache: unchanged seeds are not cleaned again; a change to the seed, the
config or corpuskit itself makes them miss; --no-cache and clean-cache."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import BODY, BODY_DE, BODY_ES, BODY_FR, BODY_NB
from corpuskit import cache, cached_run
from corpuskit.cli import main


@pytest.fixture()
def project(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.corpuskit]\n", encoding="utf-8")
    for number in range(4):
        (tmp_path / "seeds" / f"s{number}.txt").write_text(
            f"Sponsor: Acme {number}\n\n{(BODY_DE, BODY, BODY_NB, BODY_ES)[number]}\n", encoding="utf-8"
        )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CORPUSKIT_CACHE_DIR", raising=False)
    return tmp_path


@pytest.fixture()
def cleaned(monkeypatch):
    """The paths the pipeline actually cleans."""
    import corpuskit.engines.local as local

    seen: list[str] = []
    original = local.clean_file

    def spy(path, config=None):
        seen.append(str(path))
        return original(path, config)

    monkeypatch.setattr(local, "clean_file", spy)
    return seen


def test_second_check_cleans_only_the_changed_seed(project, cleaned, capsys):
    assert main(["check"]) == 0
    first = capsys.readouterr().out
    assert len(cleaned) == 4
    assert (project / ".corpuskit_cache/.gitignore").read_text("utf-8").endswith("*\n")
    cleaned.clear()
    assert main(["check"]) == 0
    assert cleaned == [] and capsys.readouterr().out == first  # same output, nothing cleaned
    (project / "seeds/s2.txt").write_text(f"{BODY_FR}\n", encoding="utf-8")
    assert main(["check"]) == 0
    assert cleaned == ["seeds/s2.txt"]
    assert capsys.readouterr().out != first


def test_config_change_misses(project, cleaned):
    assert main(["check"]) == 0
    cleaned.clear()
    assert main(["check", "--ignore", "B101"]) == 0
    assert len(cleaned) == 4
    cleaned.clear()
    (project / "pyproject.toml").write_text("[tool.corpuskit]\nmax-removed-share = 0.9\n", encoding="utf-8")
    assert main(["check"]) == 0
    assert len(cleaned) == 4


def test_build_from_cache_is_identical(project, cleaned, monkeypatch):
    assert main(["build"]) == 0
    corpus = (project / "build/corpus.jsonl").read_bytes()
    index = (project / "build/corpus.index.npz").read_bytes()
    reports = {p.name: p.read_bytes() for p in (project / "build/reports").iterdir()}
    cleaned.clear()

    def no_fingerprint(text):
        raise AssertionError("a cached seed's fingerprint is read from its entry")

    monkeypatch.setattr("corpuskit.engines.output.fingerprint", no_fingerprint)
    assert main(["build"]) == 0
    assert cleaned == []
    assert (project / "build/corpus.jsonl").read_bytes() == corpus
    assert (project / "build/corpus.index.npz").read_bytes() == index
    assert {p.name: p.read_bytes() for p in (project / "build/reports").iterdir()} == reports


def test_build_fills_the_cache_for_check(project, cleaned):
    assert main(["build"]) == 0  # saves the line counts that check then reads: same results
    cleaned.clear()
    assert main(["check"]) == 0
    assert cleaned == []


@pytest.mark.parametrize("sidecar", ["s1.meta.yaml", "s1.txt.meta.json"])
def test_a_sidecar_change_misses(project, cleaned, capsys, sidecar):
    """Adding or editing a seed's sidecar cleans that seed again; removing it brings back
    the entry of the seed without one."""
    assert main(["check"]) == 0
    first = capsys.readouterr().out
    template = "title: {}\n" if sidecar.endswith(".yaml") else '{{"title": {}}}'
    sidecar_path = project / "seeds" / sidecar
    for value, status in (('"Le titre"', 0), ("12", 1)):
        sidecar_path.write_text(template.format(value), encoding="utf-8")
        cleaned.clear()
        capsys.readouterr()
        assert main(["check"]) == status
        assert cleaned == ["seeds/s1.txt"]
        assert ("M203" in capsys.readouterr().out) == bool(status)
    sidecar_path.unlink()
    cleaned.clear()
    assert main(["check"]) == 0
    assert cleaned == [] and capsys.readouterr().out == first


def test_line_counts_are_part_of_the_key(project, cleaned):
    assert main(["check"]) == 0  # no build yet: no line counts
    cleaned.clear()
    assert main(["build"]) == 0  # cleans with the corpus's line counts: different results
    assert len(cleaned) == 4


def test_no_cache_and_clean_cache(project, cleaned, capsys):
    assert main(["check", "--no-cache"]) == 0
    assert not (project / ".corpuskit_cache").exists()
    assert main(["check"]) == 0
    cleaned.clear()
    assert main(["check", "--no-cache"]) == 0
    assert len(cleaned) == 4
    assert main(["clean-cache"]) == 0
    assert not (project / ".corpuskit_cache").exists()
    assert "removed" in capsys.readouterr().err
    assert main(["clean-cache"]) == 0
    assert "no cache" in capsys.readouterr().err


def test_unreadable_seeds_are_not_cached(project, cleaned):
    (project / "seeds/bad.txt").write_bytes(bytes(range(256)) * 4)
    assert main(["check"]) == 1
    cleaned.clear()
    assert main(["check"]) == 1
    assert cleaned == ["seeds/bad.txt"]


def test_corrupt_cache_is_ignored(project, cleaned):
    assert main(["check"]) == 0
    (project / f".corpuskit_cache/v{cache.SCHEMA}.sqlite3").write_bytes(b"this is not a database")
    for extra in (project / ".corpuskit_cache").glob(f"v{cache.SCHEMA}.sqlite3-*"):
        extra.unlink()
    cleaned.clear()
    assert main(["check"]) == 0
    assert len(cleaned) == 4


def test_a_damaged_entry_is_made_again(project, cleaned):
    """An entry whose stored result cannot be read is cleaned again: same output, no error."""
    assert main(["build"]) == 0
    corpus = (project / "build/corpus.jsonl").read_bytes()
    with sqlite3.connect(project / f".corpuskit_cache/v{cache.SCHEMA}.sqlite3") as db:
        db.execute("UPDATE entries SET result = ? WHERE path = ?", (b"not compressed", "seeds/s1.txt"))
    db.close()
    cleaned.clear()
    assert main(["build"]) == 0
    assert cleaned == ["seeds/s1.txt"]
    assert (project / "build/corpus.jsonl").read_bytes() == corpus


def test_the_files_of_an_older_schema_are_deleted(project):
    folder = project / ".corpuskit_cache"
    folder.mkdir()
    older = [folder / f"v{cache.SCHEMA - 1}.sqlite3", folder / f"v{cache.SCHEMA - 1}.sqlite3-wal"]
    for path in older:
        path.write_bytes(b"an older cache")
    assert main(["check"]) == 0
    assert (folder / f"v{cache.SCHEMA}.sqlite3").exists()
    assert not any(path.exists() for path in older)


def test_entries_are_stored_compressed(project):
    """A report takes several times the bytes of its seed: the stored findings, lines
    and result are compressed, and read back the same."""
    import sqlite3

    assert main(["build"]) == 0
    with sqlite3.connect(project / f".corpuskit_cache/v{cache.SCHEMA}.sqlite3") as db:
        rows = db.execute("SELECT findings, text, concise, result FROM entries").fetchall()
    assert len(rows) == 4
    for row in rows:
        findings, text, *_ = (cache._decompressed(blob) for blob in row)
        assert "B101" in {f["code"] for f in json.loads(findings)} and "B101" in text


@pytest.mark.parametrize("setting", ["../mine", "seeds"])  # the project's own folder is refused
def test_a_cache_dir_of_other_files_is_neither_used_nor_deleted(project, capsys, setting):
    mine = project.parent / f"mine-{project.name}"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious", encoding="utf-8")
    setting = setting.replace("mine", mine.name)
    (project / "pyproject.toml").write_text(f'[tool.corpuskit]\ncache-dir = "{setting}"\n', encoding="utf-8")

    def files() -> dict:
        return {p: p.read_bytes() for folder in (project, mine) for p in folder.rglob("*") if p.is_file()}

    before = files()
    assert main(["check"]) == 0
    assert main(["clean-cache"]) == 0
    assert "no cache to remove" in capsys.readouterr().err
    assert files() == before


@pytest.mark.parametrize("spelling", ["absolute", "parent", "environment"])
def test_a_cache_dir_that_is_the_project_however_spelled_is_refused(project, capsys, monkeypatch, spelling):
    if spelling == "environment":
        monkeypatch.setenv("CORPUSKIT_CACHE_DIR", str(project))
    else:
        folder = project if spelling == "absolute" else project.parent
        (project / "pyproject.toml").write_text(
            f'[tool.corpuskit]\ncache-dir = "{folder}"\n', encoding="utf-8"
        )
    assert main(["check"]) == 2
    assert "is the project's folder or one above it" in capsys.readouterr().err
    assert not (project / ".gitignore").exists()


def test_clean_cache_keeps_a_link_to_the_cache_folder(project, capsys):
    (project / "real").mkdir()
    (project / "link").symlink_to(project / "real")
    (project / "pyproject.toml").write_text('[tool.corpuskit]\ncache-dir = "link"\n', encoding="utf-8")
    assert main(["check"]) == 0
    assert main(["clean-cache"]) == 0
    assert (project / "link").is_symlink() and not any((project / "real").iterdir())


def test_clean_cache_keeps_what_else_the_cache_folder_holds(project, capsys):
    assert main(["check"]) == 0
    (project / ".corpuskit_cache" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["clean-cache"]) == 0
    assert "kept what else it holds: notes.txt" in capsys.readouterr().err
    assert [p.name for p in (project / ".corpuskit_cache").iterdir()] == ["notes.txt"]


def test_cache_dir_setting_and_environment(project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.corpuskit]\ncache-dir = "tmp/ck"\n', encoding="utf-8")
    assert main(["check"]) == 0
    assert (project / f"tmp/ck/v{cache.SCHEMA}.sqlite3").exists()
    monkeypatch.setenv("CORPUSKIT_CACHE_DIR", str(project / "elsewhere"))
    assert main(["check"]) == 0
    assert (project / f"elsewhere/v{cache.SCHEMA}.sqlite3").exists()


def test_source_change_changes_the_fingerprint(tmp_path, monkeypatch):
    assert cache.code_fingerprint() == cache.code_fingerprint()
    package = tmp_path / "pkg"
    (package / "rules").mkdir(parents=True)
    (package / "rules/x.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    one = cache.code_fingerprint()
    (package / "rules/x.py").write_text("x = 22\n", encoding="utf-8")
    assert cache.code_fingerprint() != one


@pytest.mark.parametrize("output", ["text", "concise", "json", "github", "sarif", "junit", "statistics"])
def test_cached_output_is_the_fresh_output(project, capsys, output):
    (project / "seeds/bad.txt").write_bytes(bytes(range(256)) * 4)
    (project / "seeds/s1.txt").write_text(f"Smörgåsbord  \r\n{BODY}", encoding="utf-8")
    (project / "seeds/s4.txt").write_bytes((project / "seeds/s0.txt").read_bytes())  # a duplicate
    flags = ["--statistics"] if output == "statistics" else ["--output-format", output]
    assert main(["check", "--no-cache", *flags]) == 1
    fresh = capsys.readouterr().out
    assert main(["check", *flags]) == 1  # fills the cache
    assert main(["check", *flags]) == 1  # reads it
    assert capsys.readouterr().out == fresh * 2


def test_findings_of_a_report_read_for_printing_only(project):
    from corpuskit.config import Config

    config = Config()
    paths = sorted((project / "seeds").glob("*.txt"))
    runner = cached_run.local_runner(config)
    fresh = [r.report for r in cached_run.run(runner, paths, config)]
    printed = [r.report for r in cached_run.run(runner, paths, config, render="text")]
    assert all(r.rendered.keys() == {"text"} for r in printed)
    assert [r.findings for r in printed] == [r.findings for r in fresh]


def test_corpus_findings_join_a_cached_report_without_parsing_it(project):
    from corpuskit.config import Config
    from corpuskit.models import Finding

    config = Config()
    paths = sorted((project / "seeds").glob("*.txt"))[:1]
    runner = cached_run.local_runner(config)
    list(cached_run.run(runner, paths, config))  # fills the cache
    [report] = [r.report for r in cached_run.run(runner, paths, config, render="text")]
    stored, lines, counts = len(report.tally), report.rendered["text"], dict(report.tally)
    extra = Finding(code="C002", rule="r", category="c", severity="error", message="same text as x")
    report.add_findings([extra])
    assert report._findings is None  # printed and counted without parsing the stored ones
    assert report.rendered["text"] == lines + f"{report.path}:1:1: C002 same text as x\n"
    assert report.tally == {**counts, "error": counts["error"] + 1} and len(report.tally) == stored
    assert (
        report.findings[-1] == extra
        and len(report.findings) == sum(counts[s] for s in ("error", "warning", "info")) + 1
    )


def test_unchanged_old_files_are_not_read_again(project, cleaned, monkeypatch):
    import os
    from pathlib import Path

    old = 1_600_000_000
    for path in (project / "seeds").iterdir():
        os.utime(path, (old, old))
    assert main(["check"]) == 0
    reads: list[str] = []
    original = Path.read_bytes

    def counting(self):
        reads.append(self.name)
        return original(self)

    hash_of = cache._sha256_of

    def hashing(name):
        reads.append(Path(name).name)
        return hash_of(name)

    monkeypatch.setattr(Path, "read_bytes", counting)
    monkeypatch.setattr(cache, "_sha256_of", hashing)
    cleaned.clear()
    assert main(["check"]) == 0
    assert reads == [] and cleaned == []
    target = project / "seeds/s1.txt"
    text = target.read_text("utf-8")
    target.write_text(text.replace("council", "COUNCIL"), encoding="utf-8")  # same size
    os.utime(target, (old + 60, old + 60))
    assert main(["check"]) == 0
    assert reads.count("s1.txt") == 2 and cleaned == ["seeds/s1.txt"]  # hashed, then cleaned


def test_entries_are_read_a_batch_at_a_time(project, cleaned, monkeypatch):
    """A build from a full cache reads the entries in batches of `_ENTRIES` as it writes,
    never all at once, and writes the same output."""
    assert main(["build"]) == 0
    corpus = (project / "build/corpus.jsonl").read_bytes()
    asked: list[int] = []
    original = cache.Cache.lookup

    def lookup(self, keys, full, render=None):
        asked.append(len(keys))
        return original(self, keys, full, render)

    monkeypatch.setattr(cached_run, "_ENTRIES", 3)
    monkeypatch.setattr(cache.Cache, "lookup", lookup)
    cleaned.clear()
    assert main(["build"]) == 0
    assert asked == [3, 1] and cleaned == []
    assert (project / "build/corpus.jsonl").read_bytes() == corpus


def test_an_entry_gone_when_read_is_made_again(project, cleaned, monkeypatch, capsys):
    """An entry found at the start of a run but dropped before it is read (another run
    deleted it) is cleaned again, with the same output."""
    assert main(["check"]) == 0
    first = capsys.readouterr().out
    original = cache.Cache.lookup

    def lookup(self, keys, full, render=None):
        found = original(self, keys, full, render)
        return {key: entry for key, entry in found.items() if entry[1] != "seeds/s2.txt"}

    monkeypatch.setattr(cache.Cache, "lookup", lookup)
    cleaned.clear()
    assert main(["check"]) == 0
    assert cleaned == ["seeds/s2.txt"] and capsys.readouterr().out == first


def _lines_table(project):
    return (project / "build/corpus.lines").read_bytes()


def test_a_warm_build_counts_lines_without_reading_the_seeds(project, monkeypatch):
    (project / "seeds/s4.txt").write_bytes((project / "seeds/s0.txt").read_bytes())  # the same bytes twice
    assert main(["build", "--no-cache"]) in (0, 1)
    counted = _lines_table(project)
    assert main(["build"]) in (0, 1)
    assert _lines_table(project) == counted

    def no_reading(path):
        raise AssertionError(f"{path} read again for its line hashes")

    monkeypatch.setattr("corpuskit.linefreq.seed_hashes", no_reading)
    assert main(["build"]) in (0, 1)
    assert _lines_table(project) == counted  # both copies counted from one stored row


def test_a_changed_seed_is_counted_again(project):
    assert main(["build"]) == 0
    (project / "seeds/s1.txt").write_text(f"Sponsor: Acme 0\n\nMehr lesen\n\n{BODY_FR}\n", encoding="utf-8")
    assert main(["build"]) == 0
    from_cache = _lines_table(project)
    assert main(["build", "--no-cache"]) == 0
    assert _lines_table(project) == from_cache


@pytest.mark.parametrize("damage", [b"\x01\x02\x03", "not bytes", None])
def test_damaged_line_hashes_are_counted_again_and_stored_over(project, damage):
    """A stored row of line hashes that is not whole 64-bit hashes is a miss: the seeds
    are read again, the counts are those of a build without the cache, the row is written
    over."""
    assert main(["build", "--no-cache"]) == 0
    counted = _lines_table(project)
    assert main(["build"]) == 0
    database = project / f".corpuskit_cache/v{cache.SCHEMA}.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE lines SET hashes = ?", (damage,))
    db.close()
    for jobs in ("1", "2"):
        assert main(["build", "-j", jobs]) == 0
        assert _lines_table(project) == counted
    with sqlite3.connect(database) as db:
        sizes = [size for (size,) in db.execute("SELECT length(hashes) FROM lines")]
    db.close()
    assert sizes and all(size and size % 8 == 0 for size in sizes)
