"""Cold latency of `corpuskit check` on one seed: what a pre-commit hook costs per commit.

Each run is a new process (`python -m corpuskit check SEED --no-cache`), timed wall-clock
from the outside (and its CPU time, which a busy machine inflates less). Printed per seed:
the minimum and the median of `--runs` runs. Also:
`python -c pass` (the floor), the very first run on a machine (py3langid's model not yet
unpacked into the user cache; a temporary cache folder stands in), and a run that finds
the seed in the results cache. Target: under 0.5 s.

    python benchmarks/latency.py [--runs 7] [SEED ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.5


CPU: list[float] = []  # CPU seconds (user + system) of each timed child, in order


def wall(command: list[str], env: dict, cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def cpu_of_last(count: int) -> float:
    return statistics.median(CPU[-count:])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("seeds", nargs="*", type=Path, help="seed files (default: every seed in seeds/)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    seeds = args.seeds or sorted((REPO_ROOT / "seeds").glob("*.txt"))
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PRE_COMMIT": "1"}
    env.pop("CORPUSKIT_CACHE_DIR", None)
    check = [sys.executable, "-m", "corpuskit", "check", "--output-format", "concise"]

    floor = [wall([sys.executable, "-c", "pass"], env, REPO_ROOT) for _ in range(args.runs)]
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (wall times grow with it; CPU times less)")
    print(
        f"python -c pass: min {min(floor):.3f} s, median {statistics.median(floor):.3f} s, "
        f"CPU {cpu_of_last(args.runs):.3f} s"
    )

    with tempfile.TemporaryDirectory() as empty:
        first = wall(
            [*check, "--no-cache", str(seeds[0])], {**env, "CORPUSKIT_MODEL_CACHE": empty}, REPO_ROOT
        )
    print(f"first run on a machine (language model unpacked now), {seeds[0].name}: {first:.3f} s")
    wall([*check, "--no-cache", str(seeds[0])], env, REPO_ROOT)  # unpack into the real user cache

    print(f"\ncold `corpuskit check SEED --no-cache`, {args.runs} runs each (target < {TARGET} s):")
    medians = []
    for seed in seeds:
        times = [wall([*check, "--no-cache", str(seed)], env, REPO_ROOT) for _ in range(args.runs)]
        medians.append(statistics.median(times))
        verdict = "ok" if medians[-1] < TARGET else "over"
        cpu = cpu_of_last(args.runs)
        figures = f"min {min(times):.3f} s  median {medians[-1]:.3f} s  CPU {cpu:.3f} s"
        print(f"  {seed.name:28} {figures}  {verdict}")
    print(f"  median of medians: {statistics.median(medians):.3f} s")

    with tempfile.TemporaryDirectory() as folder:
        cached = {**env, "CORPUSKIT_CACHE_DIR": folder}
        wall([*check, str(seeds[0])], cached, REPO_ROOT)
        times = [wall([*check, str(seeds[0])], cached, REPO_ROOT) for _ in range(args.runs)]
    print(
        f"\nseed unchanged, found in the results cache: median {statistics.median(times):.3f} s, "
        f"CPU {cpu_of_last(args.runs):.3f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
