"""The published hooks, installed by real pre-commit from a commit of this checkout, in a
fresh git repository: a dirty seed and a broken seed block the commit; once the fix hook
has rewritten the dirty seed and the broken one is repaired, the commit goes through; a
broken sidecar committed alone blocks the commit too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BODY = (
    "The council met on Tuesday evening to discuss the new budget, and after a long debate "
    "the members agreed to fund the library."
)
DIRTY = f"Rain in the valley  \r\n{BODY}\n"  # trailing spaces, mixed line endings
FIXED = f"Rain in the valley\r\n{BODY}\r\n"


def git(*args: str, cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=check, capture_output=True, text=True)


def snapshot_of_checkout(target: Path, env: dict) -> str:
    """Copy this checkout as it is now (committed or not) into a new repository and commit
    it there: pre-commit installs hooks from a repository and a revision."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target, env=env)
    git("add", "-A", cwd=target, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=target, env=env)
    return git("rev-parse", "HEAD", cwd=target, env=env).stdout.strip()


@pytest.fixture()
def env(tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "CORPUSKIT"))}
    environ.update(
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
        GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
    )
    (tmp_path / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    environ.pop("CI", None)
    return environ


def test_commit_blocked_then_fixed(tmp_path, env):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    rev = snapshot_of_checkout(hooks, env)
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    git("init", "-q", cwd=project, env=env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {rev}\n"
        "    hooks:\n      - id: corpuskit-fix\n      - id: corpuskit-check\n",
        encoding="utf-8",
    )
    (project / "seeds/dirty.txt").write_bytes(DIRTY.encode())
    (project / "seeds/broken.txt").write_bytes(bytes(range(256)) * 8)
    (project / "notes.txt").write_text("not a seed  \n", encoding="utf-8")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=project, env=env, check=True, capture_output=True)
    git("add", "-A", cwd=project, env=env)

    blocked = git("commit", "-m", "add seeds", cwd=project, env=env, check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "fixed seeds/dirty.txt" in output
    assert "seeds/broken.txt:1:1: F001" in output
    assert (project / "seeds/dirty.txt").read_bytes() == FIXED.encode()
    assert (project / "notes.txt").read_text("utf-8") == "not a seed  \n"  # outside seeds/: untouched
    assert git("rev-list", "--all", cwd=project, env=env).stdout == ""  # nothing committed

    repaired = "The library will stay open for another three years, the council decided on Tuesday.\n"
    (project / "seeds/broken.txt").write_text(repaired, encoding="utf-8")
    git("add", "-A", cwd=project, env=env)
    passed = git("commit", "-m", "add seeds", cwd=project, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    committed = git("show", "HEAD:seeds/dirty.txt", cwd=project, env=env).stdout
    assert committed.replace("\r\n", "\n") == FIXED.replace("\r\n", "\n")

    # a sidecar alone: the check takes it and checks its seed
    (project / "seeds/dirty.meta.yaml").write_text("published: 2023-02-30\n", encoding="utf-8")
    git("add", "-A", cwd=project, env=env)
    blocked = git("commit", "-m", "date the seed", cwd=project, env=env, check=False)
    assert blocked.returncode != 0 and "seeds/dirty.txt:1:1: M203" in blocked.stdout + blocked.stderr
    (project / "seeds/dirty.meta.yaml").write_text("published: 2023-02-28\n", encoding="utf-8")
    git("add", "-A", cwd=project, env=env)
    passed = git("commit", "-m", "date the seed", cwd=project, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_manifest_and_config_are_valid():
    for command, file in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", command, file], cwd=ROOT, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
