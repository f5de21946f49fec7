"""Bad input never breaks the gate: one test per row of the README's table of bad inputs."""

from __future__ import annotations

import codecs
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpuskit import clean_bytes, clean_file
from corpuskit.assemble import rebuild_original
from corpuskit.atomic import InterruptShield, atomic_dir, atomic_file
from corpuskit.cli import main
from corpuskit.linefreq import LineTable

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Die Bürger von Zürich stimmten am Sonntag über den neuen Haushalt ab, berichtete die Zeitung."


def codes(result) -> list[str]:
    return [f.code for f in result.report.findings]


def assert_rebuilds(result, raw: bytes) -> None:
    assert rebuild_original(result.record.text, result.report) == raw


def test_a_long_run_of_repaired_text_is_quoted_short():
    """A scrape with a run of 100,000 stray tags: its finding stays one readable line."""
    from corpuskit import clean_text

    findings = clean_text('<span class="x">' * 100_000 + "The council met on Tuesday.").report.findings
    [markup] = [f for f in findings if f.code == "H201"]
    assert len(markup.message) < 400 and "(1,600,000 characters)" in markup.message


def test_binary_file_is_refused_with_its_name():
    result = clean_bytes(bytes(range(256)) * 16, name="seeds/photo.txt")
    assert result.record is None
    assert codes(result) == ["F001"]
    assert "seeds/photo.txt: binary data, not text" in result.report.findings[0].message


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_single_byte_files_are_decoded_and_reported(encoding):
    raw = TEXT.encode(encoding)
    result = clean_bytes(raw, name="x.txt")
    assert result.record.text == TEXT + "\n"
    assert result.report.decoding.detected and "E002" in codes(result)
    assert_rebuilds(result, raw)


def test_invalid_utf8_is_decoded_with_a_detected_charset():
    raw = TEXT.encode("utf-8")[:-10] + b"\xff\xfe sagt sie." + TEXT.encode("cp1252")
    result = clean_bytes(raw, name="x.txt")
    assert result.record is not None and "E002" in codes(result)
    assert_rebuilds(result, raw)


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_with_and_without_bom(bom):
    raw = (codecs.BOM_UTF16_LE if bom else b"") + TEXT.encode("utf-16-le")
    result = clean_bytes(raw, name="x.txt")
    assert result.record.text == TEXT + "\n"
    assert result.report.decoding.bom is bom
    assert ("E002" in codes(result)) is not bom
    assert_rebuilds(result, raw)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Hello there, plain English text.\n",  # ASCII only: the bytes are valid UTF-8 too
        "今日はいい天気ですね。散歩に行きましょう。\n",
        "今天天气很好，我们一起去公园散步吧。政府昨天宣布了新的经济政策，市场反应积极。",  # no ASCII at all
        "Сегодня прекрасная погода, правительство объявило о новой политике.\n",
        "วันนี้อากาศดีมาก รัฐบาลประกาศนโยบายเศรษฐกิจใหม่\n",
    ],
)
def test_utf16_without_bom_is_detected_in_any_script(text, codec):
    raw = text.encode(codec)
    result = clean_bytes(raw, name="x.txt")
    assert (result.report.decoding.encoding, result.report.decoding.bom) == (codec, False)
    assert "E002" in codes(result) and "F001" not in codes(result)
    assert_rebuilds(result, raw)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("Hello there, plain English text.\n".encode("utf-16-le"), "not UTF-8: decoded as utf-16-le"),
        ("Café crème.\n".encode("cp1252"), "not UTF-8: decoded as cp1252"),
    ],
)
def test_a_charset_without_a_confidence_is_named_alone(raw, says):
    (message,) = [f.message for f in clean_bytes(raw, name="x.txt").report.findings if f.code == "E002"]
    assert message == says


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "shift_jis", "gbk"])
def test_other_encodings_are_not_taken_for_utf16(encoding):
    text = TEXT if encoding == "cp1252" else "Die Burger stimmten ab. 市民は日曜日に予算について投票した。"
    raw = (text * 3).encode(encoding)
    assert not clean_bytes(raw, name="x.txt").report.decoding.encoding.startswith("utf-16")


def test_safe_fixes_keep_utf16_without_bom(tmp_path):
    seed = tmp_path / "a.txt"
    seed.write_bytes("Hello there, plain English text.   \n".encode("utf-16-le"))
    assert main(["fix", "--no-cache", str(seed)]) == 1
    assert seed.read_bytes() == "Hello there, plain English text.\n".encode("utf-16-le")


CYRILLIC = "Городской совет собрался во вторник вечером, чтобы обсудить новый бюджет.\n"
FRENCH = (
    "Le conseil a voté — « à l’unanimité » — le budget du café municipal, mardi soir, après un long débat."
)


@pytest.mark.parametrize(
    ("stray", "kept"),
    [(b"caf\xe9\n", "café"), (f"{FRENCH}\n".encode("cp1252"), FRENCH)],
    ids=["latin-1 byte", "cp1252 line"],
)
def test_utf8_with_a_few_bytes_of_another_charset_keeps_both(tmp_path, stray, kept):
    """Read exactly (Latin-1), repaired line by line: neither UTF-16 ideographs nor F001."""
    raw = CYRILLIC.encode() * 3 + stray
    result = clean_bytes(raw, name="x.txt")
    assert result.report.decoding.encoding == "latin-1"
    assert CYRILLIC.strip() in result.record.text and kept in result.record.text
    assert_rebuilds(result, raw)
    seed = tmp_path / "x.txt"
    seed.write_bytes(raw)
    main(["fix", "--no-cache", str(seed)])  # the repaired text does not fit Latin-1: left as it is
    assert seed.read_bytes() == raw


@pytest.mark.parametrize(
    "raw",
    [
        CYRILLIC.encode("utf-32-le"),
        CYRILLIC.encode("utf-32-be"),
        ("Plain text. " * 4).encode("utf-16-le") + b"x",
    ],
    ids=["utf-32-le", "utf-32-be", "utf-16-odd"],
)
def test_valid_utf8_full_of_nul_bytes_is_binary(tmp_path, raw):
    """UTF-32 without a byte-order mark reads as UTF-8: a safe fix must not strip its NULs."""
    result = clean_bytes(raw, name="x.txt")
    assert result.record is None and [f.code for f in result.report.findings] == ["F001"]
    seed = tmp_path / "x.txt"
    seed.write_bytes(raw)
    assert main(["fix", "--no-cache", str(seed)]) == 1  # named as unreadable
    assert seed.read_bytes() == raw


@pytest.mark.parametrize("raw", [b"", b"  \n\t\n \r\n"])
def test_empty_and_whitespace_only_are_errors(raw):
    result = clean_bytes(raw, name="x.txt")
    assert [f.code for f in result.report.findings if f.severity == "error"] == ["D001"]
    assert_rebuilds(result, raw)


def test_nul_bytes_are_removed_and_recorded():
    raw = TEXT.encode().replace(b" ", b"\x00 ", 3)
    result = clean_bytes(raw, name="x.txt")
    assert "\x00" not in result.record.text and "E001" in codes(result)
    assert_rebuilds(result, raw)


def test_mixed_line_endings_are_normalized_and_rebuilt():
    raw = b"First paragraph of text.\r\nSecond one.\rThird one.\nFourth.\r\n"
    result = clean_bytes(raw, name="x.txt")
    assert "\r" not in result.record.text
    assert_rebuilds(result, raw)


def test_one_huge_line_and_many_tiny_lines_finish():
    huge = ("Ein Satz über den Haushalt der Stadt. " * 200_000).encode()  # ~7.6 MB on one line
    result = clean_bytes(huge, name="x.txt")
    assert result.record.stats.chars_out > 7_000_000
    tiny = b"a\n" * 100_000
    assert clean_bytes(tiny, name="y.txt").record is not None


def test_unreadable_file_is_an_error_naming_it(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    result = clean_file(link)
    assert result.record is None and codes(result) == ["F001"]
    assert str(link) in result.report.findings[0].message


def test_a_seed_over_its_time_budget_is_reported(tmp_path, monkeypatch):
    from corpuskit.config import Config

    seed = tmp_path / "slow.txt"
    seed.write_text(TEXT, encoding="utf-8")

    def slow(*args, **kwargs):
        time.sleep(5)

    monkeypatch.setattr("corpuskit.pipeline._clean_bytes", slow)
    result = clean_file(seed, Config(time_budget=0.2))
    assert result.record is None and codes(result) == ["F003"]
    assert "took longer than 0.2 s" in result.report.findings[0].message


def test_a_budget_longer_than_the_timer_holds_is_no_limit(tmp_path):
    from corpuskit.config import Config

    seed = tmp_path / "a.txt"
    seed.write_text(TEXT, encoding="utf-8")
    for seconds in (1e10, 1e300):
        assert clean_file(seed, Config(time_budget=seconds)).record is not None


@pytest.mark.parametrize("setting", ["time-budget", "max-seed-size", "near-duplicate-threshold"])
@pytest.mark.parametrize("value", ["inf", "nan"])
def test_a_setting_that_is_not_a_finite_number_is_refused(tmp_path, monkeypatch, capsys, setting, value):
    (tmp_path / "pyproject.toml").write_text(f"[tool.corpuskit]\n{setting} = {value}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert (
        f"pyproject.toml: [tool.corpuskit]: {setting}: Input should be a finite number"
        in capsys.readouterr().err
    )


def test_a_seed_over_the_size_limit_is_reported_without_being_read(tmp_path, monkeypatch):
    from corpuskit.config import Config

    seed = tmp_path / "dump.txt"
    seed.write_text(TEXT * 20, encoding="utf-8")  # 1,900 bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    result = clean_file(seed, Config(max_seed_size=0.001))
    assert result.record is None and codes(result) == ["F007"]
    message = f"{seed} is 0.0 MB, more than max-seed-size (0.001 MB); not read"
    assert result.report.findings[0].message == message


def test_the_size_limit_counts_bytes_and_zero_lifts_it():
    from corpuskit.config import Config

    raw = ("Ærlig talt, " + TEXT).encode("utf-8")

    def cleaned(raw: bytes, mb: float):
        return clean_bytes(raw, name="a.txt", config=Config(max_seed_size=mb))

    assert cleaned(raw, len(raw) / 1e6).record is not None
    assert codes(cleaned(raw, (len(raw) - 1) / 1e6)) == ["F007"]
    assert cleaned(raw * 10_000, 0).record is not None


@pytest.fixture()
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_output_folder_that_cannot_be_written(project, capsys):
    (project / "blocker").write_text("a file, not a folder")
    assert main(["build", "-o", "blocker/corpus.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "blocker" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["build", "-o", "seeds/000_d384953f4071e83d.txt"],
            "--output seeds/000_d384953f4071e83d.txt: is one of the seeds",
        ),
        (["build", "-o", "seeds"], "--output seeds: is a folder"),
        (["build", "-o", "-"], "--output -: give a file"),
        (["check", "--output-file", "-"], "--output-file -: give a file"),
        (["build", "--reports", "seeds"], "--reports seeds: holds seeds"),
        (["build", "--reports", "."], "--reports .: holds the corpus file"),
        (["build", "--reports", "notes.md"], "--reports notes.md: is a file"),
        (["build", "--reports", "docs"], "--reports docs: holds files that are not reports (notes.md, old/)"),
        (
            ["build", "-o", "build/reports/corpus.jsonl"],
            "the reports folder build/reports: holds the corpus file",
        ),
        (
            ["build", "--html", "seeds/002_cc0332b19ed06b34.txt"],
            "--html seeds/002_cc0332b19ed06b34.txt: is one",
        ),
        (
            ["check", "--output-file", "seeds/001_70b67248d1ab0fe6.txt"],
            "--output-file seeds/001_70b67248d1ab0fe6.txt: is one",
        ),
        (["build", "-o", "pyproject.toml"], "--output pyproject.toml: is a project's settings file"),
        (["check", "--output-file", "pyproject.toml"], "--output-file pyproject.toml: is a project's"),
        (["build", "--html", "pyproject.toml"], "--html pyproject.toml: is a project's settings file"),
        (["build", "--html", "build/corpus.jsonl"], "--html build/corpus.jsonl: is also a file the build"),
        (["build", "--html", "build/corpus.lines"], "--html build/corpus.lines: is also a file the build"),
        (["build", "--html", "build/reports/page.html"], "--html build/reports/page.html: lies in the"),
    ],
)
def test_an_output_over_the_seeds_or_other_files_is_refused(project, capsys, args, says):
    (project / "notes.md").write_text("mine")
    (project / "docs" / "old").mkdir(parents=True)
    (project / "docs" / "notes.md").write_text("mine too")
    (project / "docs" / "a.json").write_text("{}")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_a_corpus_file_that_is_a_pipe_is_refused(project, capsys):
    """The corpus has its index and line table beside it: `-o /dev/null` makes no sense."""
    os.mkfifo(project / "pipe")
    assert main(["build", "-o", "pipe"]) == 2
    assert "--output pipe: is not a regular file" in capsys.readouterr().err
    assert (project / "pipe").is_fifo() and not (project / "pipe.lines").exists()


@pytest.mark.parametrize("args", [["check", "--output-file", "pipe"], ["build", "--html", "pipe"]])
def test_an_output_that_is_a_pipe_is_written_into_not_replaced(project, args):
    """`--output-file /dev/null` must leave the device in place: a pipe stands in for it."""
    import threading

    os.mkfifo(project / "pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((project / "pipe").read_bytes()), daemon=True)
    reader.start()
    main(args)
    reader.join(timeout=30)
    assert (project / "pipe").is_fifo() and received and received[0]


def test_a_reports_folder_of_reports_is_replaced(project):
    """An earlier build's reports, and a file the system leaves (a name with a dot), do not
    stop the next build."""
    assert main(["build"]) == 0
    (project / "build" / "reports" / ".DS_Store").write_bytes(b"\0")
    (project / "build" / "reports" / "gone.json").write_text("{}")
    assert main(["build"]) == 0
    assert not (project / "build" / "reports" / "gone.json").exists()


def test_full_disk_leaves_the_previous_build(project, monkeypatch, capsys):
    assert main(["build"]) == 0
    before = (project / "build/corpus.jsonl").read_bytes()
    listing = sorted(p.name for p in (project / "build").iterdir())
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["build"]) == 2
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert "No space left on device" in capsys.readouterr().err
    assert (project / "build/corpus.jsonl").read_bytes() == before
    assert sorted(p.name for p in (project / "build").iterdir()) == listing


def _big_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        paragraphs = [f"{TEXT} Absatz {number}-{i}." for i in range(40)]
        (folder / f"{number:05d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")


def _build(cwd: Path) -> subprocess.Popen:
    # --no-cache: every build does the same work, so the first one's duration places the
    # signals inside the later ones (with the results cache, later builds take a fraction).
    # Ctrl-C as in a terminal: a shell running the tests in the background ignores SIGINT,
    # and its children would inherit that.
    return subprocess.Popen(
        [sys.executable, "-m", "corpuskit", "build", "big", "--no-cache"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_build_leaves_the_previous_build(tmp_path, sig):
    """Killed at several points, a build leaves either the previous output or, when the
    signal came after the switch, the complete new one: never a mix, never half a file."""
    _big_corpus(tmp_path / "big", 300)
    # the first build after a change also compiles modules and fills the user cache: it
    # would place the signals after the end of the later ones
    assert _build(tmp_path).wait(timeout=300) == 0
    started = time.monotonic()
    assert _build(tmp_path).wait(timeout=300) == 0
    duration = time.monotonic() - started
    before = _outputs(tmp_path)
    (tmp_path / "big/99999.txt").write_text(TEXT, encoding="utf-8")  # a finished build differs
    seen, interrupted = [], 0
    for share in (0.1, 0.25, 0.4, 0.55, 0.7):  # imports, cleaning, writing
        process = _build(tmp_path)
        time.sleep(share * duration)
        process.send_signal(sig)
        code = process.wait(timeout=60)
        interrupted += code != 0
        assert code in (0, 130, -sig), process.stderr.read()
        if sig == signal.SIGINT:
            assert "Traceback" not in process.stderr.read().decode()
        seen.append(_outputs(tmp_path))
        if seen[-1] != before:  # the switch happened: put the previous output back
            shutil.rmtree(tmp_path / "build")
            (tmp_path / "big/99999.txt").rename(tmp_path / "aside.txt")
            assert _build(tmp_path).wait(timeout=300) == 0
            (tmp_path / "aside.txt").rename(tmp_path / "big/99999.txt")
    assert interrupted, "every build finished before its signal: the corpus is too small"
    assert _build(tmp_path).wait(timeout=300) == 0
    after = _outputs(tmp_path)
    assert all(state in (before, after) for state in seen)


def test_ctrl_c_between_the_two_switches_leaves_no_mix(tmp_path, monkeypatch):
    """Ctrl-C right after the reports were switched, before the corpus was: the build
    finishes both switches, then stops."""
    corpus, reports = tmp_path / "corpus.jsonl", tmp_path / "reports"
    corpus.write_text("old\n", encoding="utf-8")
    reports.mkdir()
    (reports / "old.json").write_text("{}", encoding="utf-8")
    replace = os.replace

    def replace_then_interrupt(source, target):
        replace(source, target)
        if Path(target) == reports:
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(os, "replace", replace_then_interrupt)
    with (
        pytest.raises(KeyboardInterrupt),
        InterruptShield() as shield,
        atomic_file(corpus) as out,
        atomic_dir(reports) as folder,
    ):
        out.write("new\n")
        (folder / "new.json").write_text("{}", encoding="utf-8")
        shield.hold()
    assert corpus.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in reports.iterdir()] == ["new.json"]


def _outputs(folder: Path) -> tuple[bytes, list[str]]:
    corpus = (folder / "build/corpus.jsonl").read_bytes()
    assert all(json.loads(line) for line in corpus.splitlines())
    return corpus, sorted(p.name for p in (folder / "build/reports").iterdir())


def test_symlink_outside_the_corpus_is_not_read(project, capsys):
    outside = project / "secret.txt"
    outside.write_text("Private notes that must never enter the corpus, said the owner.", encoding="utf-8")
    (project / "seeds/link.txt").symlink_to(outside)
    assert main(["check", "seeds"]) == 1
    out = capsys.readouterr().out
    assert f"seeds/link.txt:1:1: F004 seeds/link.txt: link to {outside}, outside seeds: not read" in out
    assert main(["build"]) == 1
    assert "Private notes" not in (project / "build/corpus.jsonl").read_text("utf-8")


def test_a_broken_link_in_the_corpus_is_an_unreadable_seed(project, capsys):
    """A seed deleted or moved, or content a large-file store has not fetched, leaves a
    link to nothing: the gate fails on it instead of passing a corpus without it."""
    (project / "seeds/gone.txt").symlink_to("moved/gone.txt")
    assert main(["check", "seeds"]) == 1
    out = capsys.readouterr().out
    assert "seeds/gone.txt:1:1: F001 cannot read seeds/gone.txt: link to moved/gone.txt, which does" in out
    assert main(["build"]) == 1
    assert "F001 cannot read seeds/gone.txt" in capsys.readouterr().err
    assert (project / "build/reports/gone.json").is_file()


@pytest.mark.parametrize("command", [["fix"], ["check", "--diff"]])
def test_fixing_names_the_seeds_it_cannot_read_and_fails(project, capsys, command):
    """A fix hook that passes over a seed it cannot read would let the commit through."""
    (project / "fresh").mkdir()
    (project / "fresh/ok.txt").write_text(TEXT + "\n", encoding="utf-8")
    (project / "fresh/bin.txt").write_bytes(bytes(range(256)) * 16)
    (project / "fresh/gone.txt").symlink_to("moved/gone.txt")
    assert main([*command, "fresh/ok.txt"]) == 0
    capsys.readouterr()
    assert main([*command, "fresh"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in err if " F00" in line] == [
        "fresh/bin.txt:1:1",
        "fresh/gone.txt:1:1",
    ]
    assert (project / "fresh/ok.txt").read_text("utf-8") == TEXT + "\n"


def test_a_link_loop_is_named_as_such(project, capsys):
    (project / "seeds/loop.txt").symlink_to("loop.txt")
    assert main(["check", "seeds"]) == 1
    assert "seeds/loop.txt:1:1: F004 seeds/loop.txt: a link loop: not read" in capsys.readouterr().out


def test_build_counts_every_seed_checked_beside_those_that_fail(project, capsys):
    (project / "seeds/empty.txt").write_text("\n", encoding="utf-8")
    seeds = len(os.listdir(project / "seeds"))
    assert main(["build"]) == 1
    assert f"{seeds} seeds checked, 1 failing: 1 error, 0 warning, 0 info." in capsys.readouterr().err


def test_a_seed_over_the_size_limit_fails_the_gate_and_the_rest_is_built(project, capsys):
    """Its lines are not counted either: the first pass does not read it."""
    big = (TEXT + "\n") * 3_000  # 0.3 MB
    (project / "seeds/big.txt").write_text(big, encoding="utf-8")
    (project / "pyproject.toml").write_text("[tool.corpuskit]\nmax-seed-size = 0.1\n", encoding="utf-8")
    expected = "seeds/big.txt:1:1: F007 seeds/big.txt is 0.3 MB, more than max-seed-size (0.1 MB); not read"
    for args in (["check", "--no-cache"], ["check"], ["check"]):  # the second check: with the cache
        assert main([*args, "--output-format", "concise", "seeds"]) == 1
        assert expected in capsys.readouterr().out.splitlines()
    for args in (["build", "--no-cache"], ["build"]):
        assert main(args) == 1
        records = (project / "build/corpus.jsonl").read_text("utf-8").splitlines()
        assert [json.loads(r)["id"] for r in records] == sorted(p.stem for p in project.glob("seeds/0*"))
        report = json.loads((project / "build/reports/big.json").read_text("utf-8"))
        assert [f["code"] for f in report["findings"]] == ["F007"]
        assert LineTable.load(project / "build/corpus.lines").documents == len(records)
    (project / "pyproject.toml").write_text("[tool.corpuskit]\nmax-seed-size = 1\n", encoding="utf-8")
    main(["check", "--output-format", "concise", "seeds"])  # a new limit: the cached F007 is not reused
    assert "F007" not in capsys.readouterr().out


def test_a_file_name_that_is_not_utf8_is_reported_not_read(project, capsys):
    """Such a name cannot go into UTF-8 JSON: the file is reported with its bytes escaped."""
    (project / os.fsdecode(b"seeds/caf\xe9.txt")).write_text(TEXT + "\n", encoding="utf-8")
    assert main(["check", "seeds"]) == 1
    assert "seeds/caf\\xe9.txt:1:1: F006 seeds/caf\\xe9.txt: file name is not valid UTF-8" in (
        capsys.readouterr().out
    )
    for output_format in ("json", "sarif"):
        assert main(["check", "seeds", "--output-format", output_format]) == 1
        assert "caf\\\\xe9.txt" in capsys.readouterr().out  # JSON escapes the backslash
    seeds = len(os.listdir(project / "seeds")) - 1
    assert main(["build"]) == 1
    assert len((project / "build/corpus.jsonl").read_text("utf-8").splitlines()) == seeds


def test_a_file_name_with_a_line_break_keeps_each_finding_on_one_line(project, capsys):
    (project / "seeds/two\nlines.txt").write_text("Menu\n" + TEXT + "\n", encoding="utf-8")
    for output_format in ("text", "concise"):
        main(["check", "seeds", "--output-format", output_format])
        lines = capsys.readouterr().out.splitlines()
        assert any(line.startswith("seeds/two\\nlines.txt:1:1: ") for line in lines)
        assert not any(line.startswith("lines.txt") for line in lines)


def test_a_file_name_with_a_control_character_is_escaped_for_github(project, capsys, monkeypatch):
    (project / "seeds/red\x1b[31m.txt").write_text("Menu\n" + TEXT + "\n", encoding="utf-8")
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["check", "seeds", "--output-format", "github"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "file=seeds/red\\x1b[31m.txt," in out
    assert "\x1b" not in summary.read_text("utf-8")


def test_a_seed_named_two_ways_is_checked_once(project, capsys):
    seed = "seeds/000_d384953f4071e83d.txt"
    assert main(["check", "seeds", seed, str(project / seed), f"./{seed}"]) in (0, 1)
    out = capsys.readouterr().out
    assert "C001" not in out and "C002" not in out
    assert f"{len(os.listdir(project / 'seeds'))} seeds checked" in out


def test_sidecar_without_its_seed_is_reported(project, capsys):
    (project / "seeds/gone.meta.yaml").write_text("title: A seed that was deleted\n", encoding="utf-8")
    assert main(["check", "seeds"]) == 0  # a warning
    assert "seeds/gone.meta.yaml:1:1: F005" in capsys.readouterr().out
    assert main(["check", "--strict", "seeds"]) == 1
    assert main(["check", "seeds/gone.meta.yaml"]) == 0  # named alone
    out = capsys.readouterr().out
    assert "seeds/gone.meta.yaml:1:1: F005" in out and "0 seeds checked (1 file not read)" in out


def test_a_sidecar_named_alone_checks_its_seeds(project, capsys):
    (project / "seeds/b.txt").write_text(TEXT + "\n", encoding="utf-8")
    (project / "seeds/b.html").write_text(f"<p>{TEXT}</p>", encoding="utf-8")
    (project / "seeds/b.meta.yaml").write_text("published: 2023-02-30\n", encoding="utf-8")
    assert main(["check", "seeds/b.meta.yaml"]) == 1
    out = capsys.readouterr().out
    assert "seeds/b.html:1:1: M203" in out and "seeds/b.txt:1:1: M203" in out
    assert not any(line.startswith("seeds/b.meta.yaml") for line in out.splitlines())  # not a seed
