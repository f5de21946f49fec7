"""Throughput of the line model alone (features of every line, then scoring), in MB of
input text per CPU-second, on a text view of the shared dev sets.

    python benchmarks/line_speed.py [--view full] [--limit N] [--passes 2]

Segmentation is done before the clock starts; `--passes` scorings per document stand for
the pipeline's passes (features are computed once, scores in every pass).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from corpuskit.linefeatures import BlockFeatures, stopwords  # noqa: E402
from corpuskit.linefreq import LineCounter  # noqa: E402
from corpuskit.linemodel import default_model  # noqa: E402
from corpuskit.segment import segment  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=REPO_ROOT.parent / "shared" / "bench")
    ap.add_argument("--view", default="full", choices=["full", "residual"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args(argv)
    texts = []
    if not (args.bench_dir / "dev.jsonl").is_file():
        raise SystemExit(f"{args.bench_dir / 'dev.jsonl'}: not found (give --bench-dir)")
    with (args.bench_dir / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)[f"text_{args.view}"])
            if args.limit and len(texts) >= args.limit:
                break
    docs = [segment(t) for t in texts]
    for blocks in docs:
        for block in blocks:
            block.words  # noqa: B018 - the segmenter's words, shared with every rule
    counter = LineCounter()
    for t in texts:
        counter.add_text(t)
    table = counter.table()
    model = default_model()
    stopwords()  # a one-time table, outside the clock
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lines = sum(len(d) for d in docs)
    start = time.process_time()
    features = [BlockFeatures.of(blocks, table) for blocks in docs]
    middle = time.process_time()
    for feats in features:
        for _ in range(args.passes):
            model.predict_features(feats)
    end = time.process_time()
    print(f"{len(texts)} documents, {lines} lines, {megabytes:.2f} MB (text_{args.view})")
    per_line = (middle - start) / lines * 1e6
    print(f"  features: {megabytes / (middle - start):6.1f} MB/CPU-s ({per_line:.2f} us/line)")
    print(f"  scoring x{args.passes}: {megabytes / (end - middle):6.1f} MB/CPU-s")
    print(f"  together: {megabytes / (end - start):6.1f} MB/CPU-s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
