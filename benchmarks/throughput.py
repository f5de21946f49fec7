"""Throughput benchmark: `corpuskit build` against the ftfy baseline, on the same corpus.

The corpus is made of seed files (one `.txt` file per document, the format `corpuskit build`
reads) in a temporary folder: the `text_full` and `text_residual` views of every page of
../shared/bench/dev.jsonl, replicated with distinct ids until it reaches `--size-mb`, with
every `--mojibake-every`-th document turned into mojibake (its UTF-8 bytes decoded as
cp1252 or latin-1, as a careless scraper does).

Each pipeline runs in its own process and is measured from outside: wall time, CPU time
(user + system, worker processes included), peak RSS of the largest process and of the
whole process tree (sampled), and MB of input per CPU-second (= MB/s per core).

- baseline: read every seed → `ftfy.fix_text` on the whole document (corpuskit's ftfy
  settings) → write JSONL; what peer pipelines do (datatrove's FTFY formatter, NeMo
  Curator's unicode reformatter, data-juicer's fix_unicode).
- corpuskit text path: the same read → repair → write JSONL, with corpuskit's repair instead
  of ftfy everywhere: decode, `corpuskit.normalize.normalize` (the exact ftfy gate, odd
  spaces, trailing whitespace, the edit log), write the text and the number of fixes.
- corpuskit build: `python -m corpuskit build SEEDS -j N` (corpus + one report per seed:
  every rule, metadata, language), for each N of `--jobs`; the outputs of every N must be
  byte-identical, which is checked. Each build starts with an empty results cache of its
  own (a later run would otherwise read the results of the one before).

The same command can take a tenth more or less time from one run to the next on a shared
machine; `--repeat R` runs every pipeline R times, in turn, and the figures and verdicts
are then medians (the largest RSS of any run).

    python benchmarks/throughput.py --size-mb 20            # a quick run
    python benchmarks/throughput.py                         # the issue's 200 MB
    python benchmarks/throughput.py --repeat 3              # the same, medians of 3 runs
    python benchmarks/throughput.py --size-mb 1000 --jobs 1 # the flat-memory check
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "bench"
TARGET_MB_PER_CORE = 25.0
TARGET_RATIO = 10.0
TARGET_SCALING = 1.8
TARGET_RSS_MB = 300.0


def make_corpus(bench_dir: Path, folder: Path, size_mb: float, mojibake_every: int) -> dict:
    """Write seed files into `folder` until `size_mb` MB; return what was written."""
    pages = []
    if not (bench_dir / "dev.jsonl").is_file():
        raise SystemExit(f"{bench_dir / 'dev.jsonl'}: not found (give --bench-dir)")
    with (bench_dir / "dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            pages += [page["text_full"], page["text_residual"]]
    folder.mkdir(parents=True, exist_ok=True)
    limit, written, count, broken = size_mb * 1e6, 0, 0, 0
    copy = 0
    while written < limit:
        for index, text in enumerate(pages):
            if written >= limit:
                break
            if mojibake_every and count % mojibake_every == mojibake_every - 1:
                codec = ("cp1252", "latin-1")[broken % 2]
                text = text.encode("utf-8").decode(codec, errors="replace")
                broken += 1
            data = text.encode("utf-8", "surrogatepass")
            (folder / f"{copy:03d}_{index:05d}.txt").write_bytes(data)
            written += len(data)
            count += 1
        copy += 1
    return {"seeds": count, "bytes": written, "mojibake_seeds": broken}


def _json_lines():
    """obj -> one JSON line's bytes, newline included, written by pydantic's serializer
    (pydantic_core, which corpuskit writes its records with): nearly three times as fast
    as the standard library's."""
    from pydantic_core import to_json

    return lambda obj: to_json(obj) + b"\n"


def _seed_files(seeds: Path) -> list[tuple[str, str]]:
    """(id, path) of every seed file, in name order, as plain strings: `Path` objects cost
    more to make, sort and open than some of the work measured."""
    folder = str(seeds)
    names = sorted(os.listdir(folder))
    return [(name.rpartition(".")[0] or name, os.path.join(folder, name)) for name in names]


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def baseline(seeds: Path, output: Path) -> None:
    """Read every seed, fix the whole document with ftfy, write JSONL."""
    sys.path.insert(0, str(REPO_ROOT))
    import ftfy

    from corpuskit.ftfy_settings import ftfy_config

    config = ftfy_config()._replace(explain=False)
    line = _json_lines()
    with output.open("wb") as out:
        for seed_id, path in _seed_files(seeds):
            text = _read(path).decode("utf-8", errors="replace")
            out.write(line({"id": seed_id, "text": ftfy.fix_text(text, config=config)}))


def text_path(seeds: Path, output: Path) -> None:
    """Read every seed, decode and normalize it as corpuskit does, write JSONL."""
    sys.path.insert(0, str(REPO_ROOT))
    from corpuskit.decode import decode, utf8_of
    from corpuskit.normalize import normalize

    line = _json_lines()
    with output.open("wb") as out:
        for seed_id, path in _seed_files(seeds):
            raw = _read(path)
            decoded = decode(raw)
            normalized = normalize(decoded.text, utf8=utf8_of(raw, decoded.decoding))
            out.write(line({"id": seed_id, "text": normalized.text, "fixes": len(normalized.fixes)}))


class TreeRss:
    """Samples the summed RSS of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self, pid: int) -> list[int]:
        pids = [pid]
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                for child in task.read_text().split():
                    pids += self._tree(int(child))
            except OSError:
                pass
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree(self.pid):
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def measure(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run `command` in a fresh wrapper process; its own rusage covers the command alone."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from throughput import TreeRss\n"
        "start = time.perf_counter()\n"
        "child = subprocess.Popen(sys.argv[2:])\n"
        "sampler = TreeRss(child.pid)\n"
        "code = child.wait()\n"
        "wall = time.perf_counter() - start\n"
        "tree = sampler.stop()\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'code': code, 'wall_s': wall, 'cpu_s': usage.ru_utime + usage.ru_stime,\n"
        "                  'max_rss_mb': usage.ru_maxrss / 1024, 'tree_rss_mb': tree / 2**20}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), OPENBLAS_NUM_THREADS="1", **(env or {}))
    done = subprocess.run(
        [sys.executable, "-c", wrapper, str(Path(__file__).parent), *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"measurement failed: {' '.join(command)}\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stderr"] = done.stderr
    return result


def digest(folder: Path) -> str:
    """One hash over corpus.jsonl and every report."""
    h = hashlib.sha256((folder / "corpus.jsonl").read_bytes())
    for path in sorted((folder / "reports").iterdir()):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _pipelines(args, work: Path, jobs: list[int]):
    """(name, label, command, env) of each pipeline measured on `work`/seeds, writing to
    `work`/out.jsonl or `work`/out; env only for builds."""
    seeds, out = work / "seeds", work / "out"
    script = str(Path(__file__).resolve())
    if not args.no_baseline:
        yield (
            "baseline",
            "ftfy baseline",
            [sys.executable, script, "--baseline-run", str(seeds), "out.jsonl"],
            None,
        )
    yield (
        "text_path",
        "corpuskit text path",
        [sys.executable, script, "--text-path-run", str(seeds), "out.jsonl"],
        None,
    )
    for n in jobs:
        command = [sys.executable, "-m", "corpuskit", "build", str(seeds), "-j", str(n)]
        command += ["-o", str(out / "corpus.jsonl"), "--reports", str(out / "reports")]
        env = {"CORPUSKIT_CACHE_DIR": str(work / f"cache{n}")}  # cold: no run reads another's
        yield f"jobs{n}", f"corpuskit build -j {n}", command, env


def median_of(measured: list[dict]) -> dict:
    """Median wall and CPU time of several runs, the largest RSS of any.

    >>> median_of([{"wall_s": 3, "cpu_s": 2, "max_rss_mb": 9, "tree_rss_mb": 9, "code": 0},
    ...            {"wall_s": 1, "cpu_s": 4, "max_rss_mb": 7, "tree_rss_mb": 8, "code": 0}])
    {'code': 0, 'wall_s': 2.0, 'cpu_s': 3.0, 'max_rss_mb': 9, 'tree_rss_mb': 9}
    """
    return {
        "code": max(m["code"] for m in measured),
        "wall_s": statistics.median(m["wall_s"] for m in measured),
        "cpu_s": statistics.median(m["cpu_s"] for m in measured),
        "max_rss_mb": max(m["max_rss_mb"] for m in measured),
        "tree_rss_mb": max(m["tree_rss_mb"] for m in measured),
    }


def row(name: str, m: dict, mb: float) -> str:
    rate = mb / m["cpu_s"] if m["cpu_s"] else float("nan")
    return (
        f"{name:<26}{rate:>10.2f}{mb / m['wall_s']:>10.2f}{m['wall_s']:>9.1f}{m['cpu_s']:>9.1f}"
        f"{m['max_rss_mb']:>10.0f}{m['tree_rss_mb']:>10.0f}"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--size-mb", type=float, default=200.0, help="corpus size in MB (default 200)")
    ap.add_argument("--mojibake-every", type=int, default=10, help="every Nth seed is mojibake (0: none)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated job counts for corpuskit (default 1,2)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the ftfy baseline")
    ap.add_argument("--workdir", type=Path, help="where to build (default: a temporary folder, removed)")
    ap.add_argument(
        "--repeat", type=int, default=1, help="run every pipeline R times, in turn; figures are medians"
    )
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--baseline-run", nargs=2, metavar=("SEEDS", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--text-path-run", nargs=2, metavar=("SEEDS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.baseline_run:
        baseline(Path(args.baseline_run[0]), Path(args.baseline_run[1]))
        return 0
    if args.text_path_run:
        text_path(Path(args.text_path_run[0]), Path(args.text_path_run[1]))
        return 0
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="corpuskit-throughput-"))
    try:
        seeds = work / "seeds"
        if seeds.exists():
            shutil.rmtree(seeds)
        made = make_corpus(args.bench_dir, seeds, args.size_mb, args.mojibake_every)
        mb = made["bytes"] / 1e6
        print(f"corpus: {made['seeds']} seed files, {mb:.1f} MB ({made['mojibake_seeds']} with mojibake)")
        print(f"  in {work}")
        head = f"{'MB/CPU-s':>10}{'MB/s':>10}{'wall s':>9}{'CPU s':>9}{'RSS MB':>10}{'tree MB':>10}"
        print(f"{'pipeline':<26}{head}")
        figures: dict = {"corpus": made}
        runs: dict[str, list[dict]] = {}
        digests = {}
        for turn in range(max(1, args.repeat)):  # in turn: a slow spell of the machine hits all alike
            for name, label, command, env in _pipelines(args, work, jobs):
                if env:  # a build: a cold results cache of its own, outputs kept for the digest
                    shutil.rmtree(env["CORPUSKIT_CACHE_DIR"], ignore_errors=True)
                m = measure(command, work, env)
                if m["code"] not in (0, 1):
                    raise SystemExit(f"{label} failed (exit {m['code']}):\n{m['stderr'][-3000:]}")
                if env:
                    digests.setdefault(name, set()).add(digest(work / "out"))
                shutil.rmtree(work / "out", ignore_errors=True)
                (work / "out.jsonl").unlink(missing_ok=True)
                m.pop("stderr", None)
                runs.setdefault(name, []).append(m)
                suffix = f" ({turn + 1})" if args.repeat > 1 else ""
                print(row(label + suffix, m, mb), flush=True)
        for name, measured in runs.items():
            figures[name] = median_of(measured)
        if args.repeat > 1:
            print("medians")
            for name, label, *_ in _pipelines(args, work, jobs):
                print(row(label, figures[name], mb))
        digests = {name.removeprefix("jobs"): sorted(found) for name, found in digests.items()}
        print("\nRSS MB: the largest single process; tree MB: all processes together (sampled)")
        checks = []
        if 1 in jobs:
            rate = mb / figures["jobs1"]["cpu_s"]
            good = rate >= TARGET_MB_PER_CORE
            checks.append((f"build MB/s per core >= {TARGET_MB_PER_CORE:g}", f"{rate:.2f}", good))
            if "baseline" in figures:
                ratio = rate / (mb / figures["baseline"]["cpu_s"])
                good = ratio >= TARGET_RATIO
                checks.append((f"build vs ftfy baseline >= {TARGET_RATIO:g}x", f"{ratio:.1f}x", good))
            if 2 in jobs:
                speedup = figures["jobs1"]["wall_s"] / figures["jobs2"]["wall_s"]
                good = speedup >= TARGET_SCALING
                checks.append((f"2 jobs vs 1 (wall) >= {TARGET_SCALING:g}x", f"{speedup:.2f}x", good))
            rss = figures["jobs1"]["max_rss_mb"]
            checks.append((f"peak RSS (1 job) < {TARGET_RSS_MB:g} MB", f"{rss:.0f}", rss < TARGET_RSS_MB))
        if "baseline" in figures:
            text_rate = mb / figures["text_path"]["cpu_s"]
            ratio = text_rate / (mb / figures["baseline"]["cpu_s"])
            good = text_rate >= TARGET_MB_PER_CORE
            checks.append((f"text path MB/s per core >= {TARGET_MB_PER_CORE:g}", f"{text_rate:.2f}", good))
            good = ratio >= TARGET_RATIO
            checks.append((f"text path vs ftfy baseline >= {TARGET_RATIO:g}x", f"{ratio:.1f}x", good))
        same = len({d for found in digests.values() for d in found}) <= 1
        if digests:  # builds ran
            checks.append(("outputs identical for every -j", "yes" if same else "NO", same))
        print("\ntargets")
        for label, value, ok in checks:
            print(f"  {label:<40}{value:>10}  {'PASS' if ok else 'MISS'}")
        if args.size_mb < 150:
            print("  note: a small corpus; the targets are defined on ~200 MB (RSS on 1 GB)")
        if jobs and (os.cpu_count() or 1) < max(jobs):
            print(f"  note: only {os.cpu_count()} CPUs")
        if args.json:
            report = {"figures": figures, "runs": runs, "digests": digests}
            args.json.write_text(json.dumps(report, indent=2), "utf-8")
        return 0 if same else 1
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
