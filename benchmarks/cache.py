"""The results cache on a large corpus: check 5,000 seeds, change one, check again.

Seeds are the `text_full` texts of ../shared/bench/dev.jsonl, written round-robin into a
temporary project (`--seeds` of them; so most seeds are exact copies of another, the
duplicate checks' worst case). Each check is a new process timed wall-clock from the
outside, with its CPU time, its modules' bytecode compiled once (as an installed copy has
it). Printed: the first (empty cache) check, the check after
one seed changed (target < 2 s) with the number of seeds it cleaned (new cache entries),
and a check with nothing changed. The first check is split over `--fill-jobs` processes
(the cache takes concurrent writers); it only fills the cache and is not the figure sought.

    python benchmarks/cache.py [--seeds 5000] [--fill-jobs 2] [--bench ../shared/bench]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "bench"
TARGET = 2.0


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed: {done.stderr.decode(errors='replace')}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, done.returncode


def entries(project: Path) -> int:
    sys.path.insert(0, str(REPO_ROOT))
    from corpuskit.cache import SCHEMA  # the cache file of this checkout's corpuskit

    with sqlite3.connect(project / ".corpuskit_cache" / f"v{SCHEMA}.sqlite3") as db:
        return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=5000)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder holding dev.jsonl")
    parser.add_argument("--fill-jobs", type=int, default=2, help="processes that fill the cache first")
    args = parser.parse_args()
    source = args.bench / "dev.jsonl"
    if not source.is_file():
        raise SystemExit(f"{source}: not found (give --bench)")
    texts = [json.loads(line)["text_full"] for line in source.read_text("utf-8").splitlines() if line.strip()]
    bytecode = tempfile.TemporaryDirectory(prefix="corpuskit-pyc-")  # compiled once, as installed
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "PRE_COMMIT": "1",
        "PYTHONPYCACHEPREFIX": bytecode.name,
    }
    env.pop("CORPUSKIT_CACHE_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    check = [sys.executable, "-m", "corpuskit", "check", "--output-format", "concise", "seeds"]
    with tempfile.TemporaryDirectory(prefix="corpuskit-cache-bench-") as folder:
        project = Path(folder)
        (project / "pyproject.toml").write_text("[tool.corpuskit]\n", encoding="utf-8")
        seeds = project / "seeds"
        seeds.mkdir()
        size = 0
        for number in range(args.seeds):
            text = texts[number % len(texts)]
            size += len(text.encode("utf-8"))
            (seeds / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        print(f"{args.seeds} seeds, {size / 1e6:.1f} MB, from {len(texts)} texts of {source.name}")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        files = sorted(str(p.relative_to(project)) for p in seeds.iterdir())
        start = time.perf_counter()
        fillers = [
            subprocess.Popen(
                [*check[:-1], *files[job :: args.fill_jobs]],
                cwd=project,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for job in range(args.fill_jobs)
        ]
        for filler in fillers:
            filler.wait()
        fill = time.perf_counter() - start
        print(
            f"first check (empty cache, {args.fill_jobs} processes): {fill:7.2f} s wall, "
            f"{entries(project)} entries"
        )

        changed = seeds / f"{args.seeds // 2:05d}.txt"
        changed.write_text(changed.read_text("utf-8") + "\nOne more sentence was added to this seed.\n")
        before = entries(project)
        wall, cpu, _ = timed(check, project, env)
        cleaned = entries(project) - before
        verdict = "ok" if wall < TARGET else "over"
        print(
            f"after changing one seed:          {wall:7.2f} s wall, {cpu:7.2f} s CPU, "
            f"{cleaned} seed(s) cleaned again  (target < {TARGET} s: {verdict})"
        )

        wall, cpu, _ = timed(check, project, env)
        print(f"nothing changed:                  {wall:7.2f} s wall, {cpu:7.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
