"""A check starts fast: the command line imports nothing heavy, and a check of a plain text
seed loads neither ftfy nor lxml (pre-commit runs one process per commit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import BODY, BODY_NB
from corpuskit import corpus, linefreq, segment
from corpuskit.commands import check
from corpuskit.ftfy_gate import Gate, default_gate

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("pydantic", "numpy", "ftfy", "lxml", "dateparser", "py3langid")


def _modules_after(code: str, cwd: Path, cache: Path) -> dict:
    """Run `code` in a new interpreter (this checkout's corpuskit) and return what it prints
    last: a JSON object."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "CORPUSKIT_MODEL_CACHE": str(cache)}
    env.pop("CORPUSKIT_CACHE_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


LOADED = "import json, sys; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"


def test_importing_the_command_line_loads_nothing_heavy(tmp_path):
    loaded = _modules_after(f"import corpuskit.cli\n{LOADED}", tmp_path, tmp_path)
    assert "corpuskit" in loaded
    assert [m for m in HEAVY if m in loaded] == []


@pytest.mark.parametrize("body", [BODY, BODY_NB], ids=["en", "nb"])
def test_checking_a_clean_text_seed_loads_neither_ftfy_nor_lxml_nor_pydantic(tmp_path, body):
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.corpuskit]\n", encoding="utf-8")
    (project / "seeds" / "one.txt").write_text(f"{body}\n\n{body}\n", encoding="utf-8")
    code = (
        "import io, contextlib\nfrom corpuskit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'seeds/one.txt', '--no-cache'])\n" + LOADED
    )
    cache = tmp_path / "models"
    first = _modules_after(code, project, cache)  # builds the gate's description from ftfy
    assert "ftfy" in first and list(cache.glob("ftfy-gate-*.json"))
    assert "pydantic" in first and list(cache.glob("settings-*.json"))  # settings validated once
    again = _modules_after(code, project, cache)
    assert [m for m in ("ftfy", "lxml", "pydantic", "multiprocessing") if m in again] == []
    assert "numpy" in again  # the line model: it did clean the seed


def test_a_broken_gate_description_is_rebuilt(tmp_path, monkeypatch):
    from corpuskit import ftfy_gate

    monkeypatch.setenv("CORPUSKIT_MODEL_CACHE", str(tmp_path))
    file = ftfy_gate._spec_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("{not json", encoding="utf-8")
    default_gate.cache_clear()
    try:
        gate = default_gate()
        assert gate.might_change("doesnâ€™t") and not gate.might_change("plain")
        assert json.loads(file.read_text("utf-8")) == gate.spec()  # written again, whole
        assert Gate.from_spec(json.loads(file.read_text("utf-8"))).might_change("caf&eacute;")
    finally:
        default_gate.cache_clear()


def test_minhash_parameters_are_the_generators():
    rng = np.random.default_rng(corpus.MINHASH_SEED)
    a = rng.integers(1, 2**63, size=corpus.NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=corpus.NUM_PERM, dtype=np.uint64)
    _, multipliers, offsets, _ = corpus._hashing()
    assert multipliers.tolist() == a.tolist() and offsets.tolist() == b.tolist()


@pytest.mark.parametrize("text", [BODY, BODY_NB + " " + BODY_NB, "a b c d e a b c d e a b c d e"])
def test_shingles_are_sorted_and_distinct(text):
    mask, _, _, weights = corpus._hashing()
    words = segment.words(text.lower())
    import zlib

    hashes = np.array([zlib.crc32(w.encode()) for w in words], dtype=np.uint64)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, corpus.SHINGLE)
    expected = np.unique((windows * weights).sum(axis=1) & mask)
    assert corpus.shingles(text).tolist() == expected.tolist()


def test_check_looks_for_the_line_table_where_build_writes_it(tmp_path):
    assert check.LINE_TABLE_SUFFIX == linefreq.TABLE_SUFFIX
    output = tmp_path / "corpus.jsonl"
    assert check.line_table(str(output)) == (None, None)
    linefreq.save_table(linefreq.count_corpus([]), linefreq.table_path(output))
    table, warning = check.line_table(str(output))
    assert table is not None and warning is None


def test_lexicon_lookups_match_the_regex_definitions():
    """Whole-line, prefix and in-line matching (looked up in a set, or through the compiled
    trie once a lexicon is busy) answer what the plain alternations they replace answer."""
    import re

    from corpuskit.lexicon import EDGE_PUNCT, folded, lexicon, read_phrases

    folder = Path(__file__).resolve().parents[1] / "corpuskit" / "lexicons"
    tails = ["", " ", ": x", "s", "-x", "/", ".", ",", "x", "\u00a0y", " \u2013 z", "é"]
    for category in sorted(p.stem for p in folder.glob("*.txt")):
        lex = lexicon(category)
        phrases = sorted({folded(p) for group in read_phrases(category).values() for p in group})
        alternation = "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))
        cores = {p.strip(EDGE_PUNCT) for p in phrases}  # a phrase's own edge marks go too
        prefix = re.compile(rf"(?:{alternation})(?=$|[\s:：|｜/–—\-.,】」』])")
        for phrase in phrases[:: max(1, len(phrases) // 40)]:
            for line in [
                phrase.upper(),
                phrase.replace("'", "’"),
                f"« {phrase}",
                *(phrase + tail for tail in tails),
                phrase[:-1],
            ]:
                core = folded(line).strip(EDGE_PUNCT)
                found = lex.whole_line(line)
                assert (found is not None) == (core in cores), (category, line)
                assert found is None or found.strip(EDGE_PUNCT) == core, (category, line)
                found = prefix.match(folded(line).lstrip(EDGE_PUNCT))
                expected = found.group(0) if found else None
                assert lex.prefix(line) == expected, (category, line)
                compiled = lex._prefix.match(folded(line).lstrip(EDGE_PUNCT))  # after COMPILE_AFTER
                assert (compiled.group(0) if compiled else None) == expected, (category, line)
        heads = ["", "x ", "x", "(", "_", "é", "1 ", "« "]
        for phrase in phrases[:: max(1, len(phrases) // 40)]:
            for head in heads:
                for line in [head + phrase.upper(), *(f"{head}{phrase}{tail} {phrase}" for tail in tails)]:
                    text = folded(line)
                    found = lex._anywhere.search(text)  # as after COMPILE_AFTER
                    assert lex._search_in_set(text) == (found.group(0) if found else None), (category, line)


def _check_twice(project: Path, cache: Path, *args: str) -> list[tuple[str, list[str]]]:
    code = (
        "import io, contextlib, json, sys\nfrom corpuskit.cli import main\nout = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['check', *{list(args)!r}])\n"
        "print(json.dumps([out.getvalue(), code, sorted({m.split('.')[0] for m in sys.modules})]))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "CORPUSKIT_MODEL_CACHE": str(cache)}
    env["CORPUSKIT_CACHE_DIR"] = str(cache / "results")
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True, check=True
        )
        runs.append(tuple(json.loads(done.stdout.strip().splitlines()[-1])))
    return runs


def test_a_check_answered_from_the_cache_loads_neither_pydantic_nor_numpy(tmp_path):
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.corpuskit]\nignore = ["M"]\n', encoding="utf-8")
    (project / "seeds" / "one.txt").write_text(f"Sponsor: Acme\n\n{BODY}  \n", encoding="utf-8")
    (first, code, loaded), (again, code_again, loaded_again) = _check_twice(
        project, tmp_path / "cache", "seeds/one.txt"
    )
    assert "pydantic" in loaded and first == again and code == code_again
    assert "E001" in first and "M10" not in first  # the settings were applied both times
    assert [m for m in ("pydantic", "numpy", "ftfy", "lxml") if m in loaded_again] == []


def test_the_settings_snapshot_follows_the_pyproject(tmp_path, monkeypatch):
    from corpuskit import snapshot
    from corpuskit.cache import config_fingerprint
    from corpuskit.commands.common import load_settings
    from corpuskit.project import ConfigError

    monkeypatch.setenv("CORPUSKIT_MODEL_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.corpuskit]\nfail-on = "warning"\nseverity = {E003 = "info"}\n', "utf-8")
    args = type("Args", (), {"select": None, "extend_select": None, "ignore": "B1"})()
    full = load_settings(args)
    assert snapshot.load() is None
    load_settings(args, snapshot=True)  # validates and keeps the snapshot
    light = load_settings(args, snapshot=True)
    assert isinstance(light, snapshot.Settings) and light.ignore == ["B1"]
    assert light.fail_on is full.fail_on and light.severity == full.severity
    assert config_fingerprint(light) == config_fingerprint(full) == config_fingerprint(light.full())
    assert light.full() == full
    pyproject.write_text('[tool.corpuskit]\nfail-on = "error"\n', "utf-8")
    assert snapshot.load() is None  # another file: validated again
    assert load_settings(args, snapshot=True).fail_on.value == "error"
    pyproject.write_text('[tool.corpuskit]\nfail-on = "sometimes"\n', "utf-8")
    with pytest.raises(ConfigError):
        load_settings(args, snapshot=True)


def test_another_version_of_a_library_changes_the_cache_fingerprint(tmp_path, monkeypatch):
    from corpuskit import cache

    library = tmp_path / "somelib"
    library.mkdir()
    (library / "__init__.py").write_text('__version__ = "1.0"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cache, "_LIBRARIES", (*cache._LIBRARIES, "somelib"))
    one = cache.code_fingerprint()
    assert cache.code_fingerprint() == one and "somelib" not in sys.modules
    (library / "__init__.py").write_text('__version__ = "1.10"\n', encoding="utf-8")
    assert cache.code_fingerprint() != one
    monkeypatch.setattr(cache, "_LIBRARIES", (*cache._LIBRARIES[:-1], "not_installed_anywhere"))
    assert cache._library_stamp("not_installed_anywhere") == "none"


def test_checking_one_seed_compiles_no_lexicon_screen(tmp_path):
    """The screen of the line lexicons pays off over many blocks only: one seed is asked
    rule by rule, and its sponsor label still goes."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text(f"Anzeige\n\n{BODY}\n\n{BODY}\n", encoding="utf-8")
    code = (
        "import io, json, contextlib\nfrom corpuskit.cli import main\n"
        "from corpuskit.rules import lines\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    main(['check', 'seeds/one.txt', '--no-cache', '--output-format', 'json'])\n"
        "codes = [f['code'] for r in json.loads(out.getvalue())['files'] for f in r['findings']]\n"
        "print(json.dumps([lines._screen.cache_info().currsize, 'B101' in codes]))"
    )
    assert _modules_after(code, tmp_path, tmp_path / "models") == [0, True]
