"""Cold latency of `corpuskit check` on one seed: what a pre-commit hook costs per commit.

Each run is a new process (`python -m corpuskit check SEED --no-cache`), timed wall-clock
from the outside (and its CPU time, which a busy machine inflates less). Printed per seed:
the minimum and the median of `--runs` runs. Also:
`python -c pass` (the floor), the very first run on a machine (py3langid's model not yet
unpacked into the user cache; a temporary cache folder stands in), and a run that finds
the seed in the results cache. Target: under 0.5 s.

The children run this checkout's corpuskit (checked first) with its bytecode compiled once
into a temporary folder, as `pip install` (and so pre-commit's hook environment) leaves it;
a process that compiles every module from source each time (PYTHONDONTWRITEBYTECODE and
no `__pycache__`) is timed once as well, for comparison.

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
    bytecode = tempfile.TemporaryDirectory(prefix="corpuskit-pyc-")
    source_env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PRE_COMMIT": "1"}
    source_env.pop("CORPUSKIT_CACHE_DIR", None)
    env = {**source_env, "PYTHONPYCACHEPREFIX": bytecode.name}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    source_env["PYTHONDONTWRITEBYTECODE"] = "1"
    check = [sys.executable, "-m", "corpuskit", "check", "--output-format", "concise"]
    where = subprocess.run(
        [sys.executable, "-c", "import corpuskit; print(corpuskit.__file__)"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(where).resolve().is_relative_to(REPO_ROOT):
        raise SystemExit(f"the children would run {where}, not this checkout's corpuskit")
    print(f"timing {Path(where).parent}")

    floor = [wall([sys.executable, "-c", "pass"], env, REPO_ROOT) for _ in range(args.runs)]
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (wall times grow with it; CPU times less)")
    print(
        f"python -c pass: min {min(floor):.3f} s, median {statistics.median(floor):.3f} s, "
        f"CPU {cpu_of_last(args.runs):.3f} s"
    )

    for seed in seeds:  # bytecode of every module a seed needs, as an installed package has it
        wall([*check, "--no-cache", str(seed)], env, REPO_ROOT)
    with tempfile.TemporaryDirectory() as empty:
        first = wall(
            [*check, "--no-cache", str(seeds[0])], {**env, "CORPUSKIT_MODEL_CACHE": empty}, REPO_ROOT
        )
    print(
        f"first run on a machine (language model unpacked, ftfy gate built now), {seeds[0].name}: "
        f"{first:.3f} s"
    )
    from_source = [wall([*check, "--no-cache", str(seeds[0])], source_env, REPO_ROOT) for _ in range(3)]
    print(
        f"PYTHONDONTWRITEBYTECODE=1 (modules without __pycache__ compiled each time), {seeds[0].name}: "
        f"median {statistics.median(from_source):.3f} s, CPU {cpu_of_last(3):.3f} s"
    )

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
        f"\nseed unchanged, found in the results cache: min {min(times):.3f} s, "
        f"median {statistics.median(times):.3f} s, CPU {cpu_of_last(args.runs):.3f} s"
    )
    bytecode.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
