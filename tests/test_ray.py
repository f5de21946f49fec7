"""The Ray engine against a local Ray instance (2 CPUs): the same files, byte for byte, as
the local engine. Runs when Ray Data is installed (`pip install -e ".[ray]"`)."""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]'")
pytest.importorskip("ray.data", reason="the ray extra is not installed: pip install -e '.[ray]'")

from corpuskit.cli import main  # noqa: E402
from corpuskit.engines.ray import _connect  # noqa: E402
from tests.test_engines import _snapshot, _write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray instance with 2 CPUs for the module (the engine joins it)."""
    started = _connect(ray, None, 2)
    yield
    if started:
        ray.shutdown()


def test_ray_build_and_check_match_the_local_engine(local_ray, tmp_path, monkeypatch, capsys):
    _write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "-o", "local/corpus.jsonl", "--reports", "local/reports"]) == 1
    assert main(["build", "--engine", "ray", "-o", "ray/corpus.jsonl", "--reports", "ray/reports"]) == 1
    assert _snapshot(tmp_path / "ray") == _snapshot(tmp_path / "local")
    capsys.readouterr()
    assert main(["check", "--engine", "ray", "seeds"]) == 1
    on_ray = capsys.readouterr().out
    assert main(["check", "seeds"]) == 1
    assert capsys.readouterr().out == on_ray
    assert "seeds/zz_bad.txt:1:1: F001" in on_ray
