"""Memory and time of checking one large seed: a build's peak memory is that of its largest
seed, so it must grow with the seed's size no faster than the seed's own text does.

Each seed is made from ../shared/bench/dev.jsonl and checked by a new process
(`python -m corpuskit check SEED --no-cache`, with `max-seed-size` and `time-budget`
lifted), measured from outside: wall time, CPU time and peak RSS. Two shapes of seed,
each at every size of `--sizes-mb`:

- prose: the gold article texts of the dev pages, one after another (a book, a long
  report);
- chrome: the lines of their `text_full` views (a page of a hundred thousand short lines:
  menus, links, labels).

    python benchmarks/seed_memory.py                   # 1, 3 and 10 MB
    python benchmarks/seed_memory.py --sizes-mb 1 30
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "bench"
WIDTHS = (6, 8, 8, 9, 12, 11)


def make_seed(pages: list[dict], field: str, size_mb: float, path: Path) -> float:
    """Write the pages' `field` texts one after another into `path` until `size_mb` MB."""
    limit = int(size_mb * 1_000_000)
    parts, total = [], 0
    while total < limit:
        for page in pages:
            text = page[field].strip() + "\n\n"
            parts.append(text)
            total += len(text.encode("utf-8"))
            if total >= limit:
                break
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size / 1e6


def measure(seed: Path) -> dict:
    """Wall s, CPU s and peak RSS (MB) of `corpuskit check SEED --no-cache` in a new process."""
    command = [sys.executable, "-m", "corpuskit", "check", str(seed), "--no-cache"]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=seed.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings that fail the gate, which a long seed may have
        raise SystemExit(f"{seed.name}: corpuskit check exited {code}\n{stderr}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def aligned(cells: tuple[str, ...]) -> str:
    return " ".join(f"{cell:>{width}}" for cell, width in zip(cells, WIDTHS, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[1, 3, 10])
    args = parser.parse_args(argv)
    dev = args.bench_dir / "dev.jsonl"
    if not dev.is_file():
        raise SystemExit(f"{dev}: not found (give --bench-dir)")
    pages = [json.loads(line) for line in dev.open(encoding="utf-8")]

    header = ("MB", "wall s", "CPU s", "MB/CPU-s", "peak RSS MB", "RSS / seed")
    print(f"{'seed':8} {aligned(header)}")
    with tempfile.TemporaryDirectory(prefix="corpuskit-seed-memory-") as folder:
        settings = "[tool.corpuskit]\nmax-seed-size = 0\ntime-budget = 0\n"  # no limits: measure
        Path(folder, "pyproject.toml").write_text(settings, encoding="utf-8")
        for shape, field in (("prose", "gold"), ("chrome", "text_full")):
            for size in args.sizes_mb:
                seed = Path(folder) / f"{shape}-{size:g}.txt"
                mb = make_seed(pages, field, size, seed)
                got = measure(seed)
                rss = got["peak_rss_mb"]
                row = (f"{mb:.1f}", f"{got['wall_s']:.2f}", f"{got['cpu_s']:.2f}", f"{mb / got['cpu_s']:.2f}")
                row += (f"{rss:.0f}", f"{rss / mb:.0f}x")
                print(f"{shape:8} {aligned(row)}")
                seed.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
