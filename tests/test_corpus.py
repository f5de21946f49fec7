"""Corpus checks: unique ids, exact and near duplicates, and the index `build` leaves for
`check`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuskit.cli import main
from corpuskit.config import Config
from corpuskit.corpus import (
    StoredIndex,
    UnreadableIndex,
    fingerprint,
    index_path,
    review,
    signature,
    similarity,
)
from corpuskit.pipeline import clean_text

ROOT = Path(__file__).resolve().parents[1]
SEED = "001_70b67248d1ab0fe6"

ARTICLE_DE = (
    "Der Gemeinderat hat am Dienstagabend über den neuen Haushalt beraten. Nach langer Debatte "
    "beschlossen die Mitglieder, die Bibliothek drei weitere Jahre zu finanzieren. Die Opposition "
    "kritisierte die hohen Kosten für das neue Rathaus und forderte eine unabhängige Prüfung."
)
ARTICLE_DE_OTHER = (
    "Der Gemeinderat hat am Dienstagabend über die Schulen beraten. Die Eltern forderten mehr "
    "Lehrer und kleinere Klassen, der Bürgermeister versprach eine Antwort bis zum Sommer. Über "
    "den Haushalt soll erst im Herbst entschieden werden, teilte die Verwaltung mit."
)
ARTICLE_FR = (
    "Le conseil municipal s'est réuni mardi soir pour examiner le nouveau budget. Après un long "
    "débat, les élus ont décidé de financer la bibliothèque pendant trois ans de plus, malgré les "
    "critiques de l'opposition sur le coût du nouvel hôtel de ville."
)


@pytest.fixture()
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys, code: str) -> list[dict]:
    document = json.loads(capsys.readouterr().out)
    return [
        dict(f, path=file["path"])
        for file in document["files"]
        for f in file["findings"]
        if f["code"] == code
    ]


def test_the_five_seeds_are_not_duplicates(project, capsys):
    assert main(["check", "--output-format", "json", "seeds"]) == 0
    assert [
        f for f in json.loads(capsys.readouterr().out)["files"] for f in f["findings"] if f["code"][0] == "C"
    ] == []


def test_exact_duplicate_in_one_run_names_both_files(project, capsys):
    text = (project / "seeds" / f"{SEED}.txt").read_text("utf-8")
    (project / "seeds" / "009_0000000000000009.txt").write_text("Sponsor: Acme\n" + text, encoding="utf-8")
    assert main(["check", "--output-format", "json", "seeds"]) == 1
    [finding] = findings(capsys, "C002")
    assert finding["path"] == "seeds/009_0000000000000009.txt"
    assert finding["message"] == f"same cleaned text as seeds/{SEED}.txt"
    assert finding["detail"]["file"] == f"seeds/{SEED}.txt" and finding["severity"] == "error"


def test_new_seed_is_checked_against_the_index_not_the_files(project, capsys):
    assert main(["build"]) == 0
    assert index_path(Config()).exists()
    original = project / "seeds" / f"{SEED}.txt"
    (project / "seeds" / "009_0000000000000009.txt").write_text(original.read_text("utf-8"), encoding="utf-8")
    original.write_text("Changed since the last build, and not read again by check.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--output-format", "json", "seeds/009_0000000000000009.txt"]) == 1
    [finding] = findings(capsys, "C002")
    assert finding["detail"]["file"] == f"seeds/{SEED}.txt"


def test_near_duplicate_reports_the_similarity(project, capsys):
    assert main(["build"]) == 0
    text = (project / "seeds" / "002_cc0332b19ed06b34.txt").read_text("utf-8")
    paragraphs = text.strip().split("\n")
    edited = "\n\n".join(paragraphs[:-1]).replace("More than 20 wives", "More than twenty wives")
    (project / "seeds" / "009_0000000000000009.txt").write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--output-format", "json", "seeds/009_0000000000000009.txt"]) == 1
    [finding] = findings(capsys, "C003")
    similar = finding["detail"]["value"]
    assert 0.8 <= similar < 1.0
    assert finding["message"] == (
        f"near duplicate of seeds/002_cc0332b19ed06b34.txt: similarity {similar:.2f} (threshold 0.80)"
    )
    assert main(["check", "--ignore", "C003", "seeds/009_0000000000000009.txt"]) == 0


def test_checking_the_indexed_seeds_again_finds_nothing(project, capsys):
    assert main(["build"]) == 0
    seed = project / "seeds" / f"{SEED}.txt"
    seed.write_text(
        seed.read_text("utf-8") + "\nOne more paragraph at the end of the article.\n", encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["check", "--output-format", "json", "seeds"]) == 0  # not a duplicate of its old self
    assert findings(capsys, "C003") == []


def test_a_deleted_seed_in_the_index_is_not_a_duplicate(project, capsys):
    assert main(["build"]) == 0
    seed = project / "seeds" / f"{SEED}.txt"
    moved = project / "seeds" / "009_0000000000000009.txt"
    seed.rename(moved)
    assert main(["check", str(moved.relative_to(project))]) == 0


def test_duplicate_ids(project, capsys):
    (project / "seeds" / "sub").mkdir()
    shutil.copy(project / "seeds" / f"{SEED}.txt", project / "seeds" / "sub" / f"{SEED}.md")
    (project / "seeds" / "sub" / f"{SEED}.md").write_text(ARTICLE_FR * 3, encoding="utf-8")
    assert main(["check", "--output-format", "json", "seeds"]) == 1
    [finding] = findings(capsys, "C001")
    assert finding["detail"]["type"] == "duplicate_id"
    assert {finding["path"], finding["detail"]["file"]} == {f"seeds/{SEED}.txt", f"seeds/sub/{SEED}.md"}


def test_a_build_keeps_the_report_of_every_seed_with_a_duplicate_id(project, capsys):
    (project / "seeds" / "sub").mkdir()
    for name in ("sub/a.txt", "a.md", "a.txt"):
        (project / "seeds" / name).write_text(f"{name}\n\n{ARTICLE_FR}\n\n{ARTICLE_DE}\n", encoding="utf-8")
    assert main(["build", "seeds"]) == 1
    assert "and 8 reports" in capsys.readouterr().err
    reports = sorted(p.name for p in (project / "build" / "reports").iterdir())
    assert len(reports) == 8 and {"a.json", "a~2.json", "a~3.json"} <= set(reports)
    paths = {json.loads((project / "build" / "reports" / name).read_text())["path"] for name in reports}
    assert {"seeds/a.txt", "seeds/a.md", "seeds/sub/a.txt"} <= paths


def test_similar_topics_in_several_languages_are_not_duplicates():
    texts = [ARTICLE_DE, ARTICLE_DE_OTHER, ARTICLE_FR, ARTICLE_DE.replace("Bibliothek", "Stadtbibliothek")]
    results = [clean_text(t, seed=f"{i}.txt") for i, t in enumerate(texts)]
    review(results, Config())
    codes = [[f.code for f in r.report.findings if f.code[0] == "C"] for r in results]
    assert codes == [[], [], [], []]  # one word changed in a short text is 3 shingles of 40 apart
    assert similarity(signature(ARTICLE_DE), signature(ARTICLE_DE_OTHER)) < 0.2


@given(st.lists(st.sampled_from(ARTICLE_DE.split() + ARTICLE_FR.split()), max_size=120), st.integers(1, 40))
def test_signature_does_not_depend_on_how_many_shingles_are_hashed_at_a_time(words, rows):
    """A long text's shingles are hashed a chunk at a time (a book would otherwise take a
    gigabyte); the minimum over the chunks is the minimum over all."""
    import corpuskit.corpus

    text = " ".join(words)
    whole = signature(text)
    original = corpuskit.corpus.SIGNATURE_ROWS
    corpuskit.corpus.SIGNATURE_ROWS = rows
    try:
        assert (signature(text) == whole).all()
    finally:
        corpuskit.corpus.SIGNATURE_ROWS = original


def test_threshold_is_configurable():
    texts = [ARTICLE_DE, ARTICLE_DE.replace("Bibliothek", "Stadtbibliothek")]
    results = [clean_text(t, seed=f"{i}.txt") for i, t in enumerate(texts)]
    review(results, Config(near_duplicate_threshold=0.6))
    assert [f.code for f in results[1].report.findings if f.code[0] == "C"] == ["C003"]


def _read(path):
    """An index file's ids, paths, text hashes and signatures."""
    stored = StoredIndex.open(path)
    hashes = [stored.digest(row) for row in range(len(stored))]
    return stored.ids.read().tolist(), stored.paths.read().tolist(), hashes, stored.signatures.read()


def test_index_round_trip_and_stale_index(tmp_path):
    results = [clean_text(t, seed=f"{i}.txt") for i, t in enumerate([ARTICLE_DE, ARTICLE_FR])]
    path = tmp_path / "corpus.index.npz"
    review(results, Config()).save(path)
    ids, _, hashes, signatures = _read(path)
    prints = [fingerprint(r.record.text) for r in results]
    assert ids == ["0.txt", "1.txt"] and hashes == [p.digest for p in prints]
    assert (signatures == [p.signature for p in prints]).all()
    path.write_bytes(b"not an index")
    with pytest.raises(UnreadableIndex, match="cannot be read"):
        StoredIndex.open(path)
    assert StoredIndex.open(tmp_path / "missing.npz") is None


CHINESE = (
    "市议会周二晚上召开会议，讨论公共图书馆的新预算。经过长时间的辩论，议员们同意再为图书馆提供三年的资金，"
    "市长称这一决定是市民的胜利。新大楼将于明年春天开放，开放时间更长，并设有儿童阅览室。"
    "据图书馆馆长介绍，由于新的阅读计划，自去年以来访客人数翻了一番。"
)


def test_near_duplicates_in_a_script_without_spaces():
    # one word changed in a Chinese article: its shingles are words, not whole clauses
    texts = [CHINESE, CHINESE.replace("开放时间更长", "开放时间更短")]
    results = [clean_text(t, seed=f"{i}.txt") for i, t in enumerate(texts)]
    review(results, Config())
    assert [f.code for f in results[1].report.findings if f.code[0] == "C"] == ["C003"]
    other = "经济部长周三宣布了新的税收政策，预计将影响数百万家庭。反对派批评该计划过于仓促。"
    assert similarity(signature(CHINESE), signature(other)) < 0.2


@given(
    st.lists(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=1, max_size=4), max_size=40),
    st.integers(1, 8),
)
def test_band_index_finds_what_a_plain_dict_finds(keys_by_row, merge_at):
    """Rows by band key, wherever the keys stand (the recent dict or the merged arrays)."""
    from corpuskit.corpus import RowIndex

    index, plain = RowIndex(merge_at), {}
    for row, keys in enumerate(keys_by_row):
        index.add(keys, row)
        for key in keys:
            plain.setdefault(key, []).append(row)
        for asked in keys_by_row[: row + 1]:
            assert index.rows(asked) == {r for key in asked for r in plain.get(key, [])}


@given(st.lists(st.sampled_from(["", ARTICLE_DE, ARTICLE_FR, CHINESE]), min_size=1, max_size=6))
def test_saved_index_is_the_index_in_memory(tmp_path_factory, texts):
    """`Review.save` writes, from its temporary files, the seeds with a text, in order,
    with their fingerprints (empty texts, copies, ids in any script)."""
    from corpuskit.corpus import Review

    checking = Review(Config())
    for number, text in enumerate(texts):
        checking.judge(f"séed-{number}", f"seeds/日本/{number}.txt", fingerprint(text))
    folder = tmp_path_factory.mktemp("index")
    checking.save(folder / "streamed.npz")
    ids, paths, hashes, signatures = _read(folder / "streamed.npz")
    kept = [(n, fingerprint(text)) for n, text in enumerate(texts) if text]
    assert ids == [f"séed-{n}" for n, _ in kept]
    assert paths == [f"seeds/日本/{n}.txt" for n, _ in kept] and hashes == [p.digest for _, p in kept]
    assert signatures.shape == (len(kept), 128)
    assert all((row == p.signature).all() for row, (_, p) in zip(signatures, kept, strict=True))


def test_check_judges_each_report_as_it_comes(tmp_path, monkeypatch):
    """`reviewed` passes a report on once judged, before the next one is asked for, and
    lets go of its fingerprint: a check over a large corpus holds neither."""
    from corpuskit.corpus import fingerprint, reviewed

    monkeypatch.chdir(tmp_path)  # no index of an earlier build here
    results = [clean_text(t, seed=f"{i}.txt") for i, t in enumerate([ARTICLE_DE, ARTICLE_DE, ARTICLE_FR])]
    fresh = {r.report.path: fingerprint(r.record.text) for r in results}
    asked: list[str] = []

    def produced():
        for result in results:
            asked.append(result.report.id)
            yield result.report

    ids = [r.report.id for r in results]
    stream = reviewed(produced(), [r.report.path for r in results], fresh, Config())
    assert next(stream).id == ids[0] and asked == ids[:1]
    second = next(stream)
    assert asked == ids[:2] and [f.code for f in second.findings if f.code[0] == "C"] == ["C002"]
    assert list(fresh) == [results[2].report.path]
    assert [r.id for r in stream] == ids[2:]


def test_review_against_a_stored_index(tmp_path, monkeypatch):
    """The last build's index, read in place: the seeds checked again are left out, and
    the others are found by id, by text and by signature."""
    from corpuskit.corpus import Review, StoredIndex, fingerprint

    monkeypatch.chdir(tmp_path)  # the index names seeds by relative path; they must exist
    texts = {"a": ARTICLE_DE, "b": ARTICLE_FR, "c": CHINESE}
    built = Review(Config())
    for sid, text in texts.items():
        Path(f"{sid}.txt").write_text(text, encoding="utf-8")
        built.judge(sid, f"{sid}.txt", fingerprint(text))
    built.save(Path("corpus.index.npz"))

    prior = StoredIndex.open(Path("corpus.index.npz"))
    checking = Review(Config(), prior, superseded=iter(["a"]))
    assert checking.prior_fingerprint("b", "./b.txt").digest == fingerprint(ARTICLE_FR).digest
    assert checking.prior_fingerprint("b", "elsewhere/b.txt") is None

    def codes(sid, path, text):
        return [(f.code, f.detail.file) for f in checking.judge(sid, path, fingerprint(text))]

    assert codes("a", "a.txt", ARTICLE_DE) == []  # its own old version does not count
    assert codes("new", "new.txt", ARTICLE_FR) == [("C002", "b.txt")]
    assert codes("near", "near.txt", CHINESE.replace("开放时间更长", "开放时间更短")) == [("C003", "c.txt")]
    assert codes("c", "sub/c.txt", ARTICLE_DE_OTHER) == [("C001", "c.txt")]
    Path("b.txt").unlink()  # a seed deleted since the build is nobody's duplicate
    checking = Review(Config(), prior)
    assert codes("new", "new.txt", ARTICLE_FR) == []


def test_an_index_that_cannot_be_used_is_named_in_a_warning(project, capsys):
    import numpy as np

    assert main(["build"]) == 0
    index = index_path(Config())
    np.savez(index, version=np.array([1, 5, 128]))  # an index of an older version
    capsys.readouterr()
    assert main(["check", "seeds"]) == 0
    assert capsys.readouterr().err.startswith(f"warning: {index}: written by another version of corpuskit;")
    index.write_bytes(b"PK damaged")
    assert main(["check", "seeds"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"warning: {index}: cannot be read (") and "compared with each other only" in err


@pytest.mark.parametrize(
    ("column", "damage", "says"),
    [
        (
            "hashes",
            lambda a: a[:, :3],
            "its hashes column holds |u1 values of shape (5, 3), not rows of 32 |u1",
        ),
        ("signatures", lambda a: a[:, :5], "its signatures column holds <u4 values of shape (5, 5)"),
        ("signatures", lambda a: a.astype("<u8"), "its signatures column holds <u8 values of shape (5, 128)"),
        ("ids", lambda a: a[:3], "its columns differ in length"),
        ("ids", lambda a: a[0], "its ids column holds <U"),
        ("version", lambda a: a[0], "written by another version of corpuskit"),
    ],
)
def test_an_index_with_columns_of_another_shape_is_named_in_a_warning(project, capsys, column, damage, says):
    """An index whose columns do not hold what `build` writes (written by something else,
    or damaged) is left aside with a warning, as an unreadable one is."""
    import numpy as np

    assert main(["build"]) == 0
    index = index_path(Config())
    arrays = dict(np.load(index))
    np.savez(index, **dict(arrays, **{column: damage(arrays[column])}))
    capsys.readouterr()
    assert main(["check", "seeds"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"warning: {index}: {says}") and "compared with each other only" in err
