"""The composite GitHub Action: inputs reach the script only through the environment (no
expression expansion inside shell code), and its check step runs the gate as documented."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import BODY

ROOT = Path(__file__).resolve().parents[1]


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def test_action_shape():
    spec = action()
    assert spec["runs"]["using"] == "composite"
    steps = spec["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs must reach shell code through env"
    assert {"path", "args", "output-format", "output-file", "version"} <= set(spec["inputs"])


def test_check_step_runs_the_gate(tmp_path):
    step = next(s for s in action()["runs"]["steps"] if s.get("id") == "check")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "corpuskit"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m corpuskit "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    project = tmp_path / "project"
    (project / "corpus").mkdir(parents=True)
    (project / "corpus/a.txt").write_text(f"Sponsor: Acme\n\n{BODY}\n", encoding="utf-8")
    (project / "corpus/b.txt").write_bytes(bytes(range(256)) * 4)
    outputs = tmp_path / "github_output"
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_ACTIONS": "true",
        "CORPUSKIT_PATHS": "corpus/a.txt corpus/b.txt",
        "CORPUSKIT_ARGS": "--select F,B1",
        "CORPUSKIT_FORMAT": "github",
        "CORPUSKIT_OUTPUT_FILE": "",
    }
    done = subprocess.run(["bash", "-c", step["run"]], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "::error file=corpus/b.txt,line=1,col=1,title=F001 unreadable-seed::" in done.stdout
    assert "::notice file=corpus/a.txt" in done.stdout and "M101" not in done.stdout
    assert outputs.read_text("utf-8") == "exit-code=1\n"
    assert "corpuskit check: ❌ failed" in summary.read_text("utf-8")
