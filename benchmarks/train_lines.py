"""Train the line model (`corpuskit/data/line_model.json`) on the shared dev sets, and
measure it by cross-validation with page-level folds.

    python benchmarks/train_lines.py                 # cross-validate, then train and write
    python benchmarks/train_lines.py --folds 0       # train on every page and write only
    python benchmarks/train_lines.py --no-write      # cross-validate only
    python benchmarks/train_lines.py --no-write --drop doc_good,edge   # ablation

Labels: on the gold pages (dev.jsonl) a line is article text when most of its word tokens
align with the gold text (difflib over the token sequences); on the snippet pages
(snippets_dev.jsonl) a line holding a must-stay snippet is article text and a line
holding a must-go snippet is boilerplate (other lines are left out). Both text views of
every page are used. Features are computed by corpuskit itself, on the lines its other
rules leave to the model, with a line table built from the pages of the same set and view
(as `corpuskit build` would). Training needs scikit-learn (the `bench` extra);
the shipped model is read with numpy alone.

Cross-validation: pages are split by sha1(id) mod K (as `quality.py --folds`); for each
fold a model is trained on the other folds, and corpuskit, run with it on the held-out
pages, is scored with quality.py's measures. The figures printed are those of held-out
pages only.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import quality  # noqa: E402

from corpuskit import clean_text, linemodel  # noqa: E402
from corpuskit.linefeatures import CONTEXT, INTRINSIC, BlockFeatures, context  # noqa: E402
from corpuskit.linefreq import LineCounter, LineTable  # noqa: E402
from corpuskit.linemodel import LineModel, Stage  # noqa: E402
from corpuskit.rules import model as model_rule  # noqa: E402

TARGET = REPO_ROOT / "corpuskit" / "data" / "line_model.json"
VIEWS = ("full", "residual")


@dataclass
class Doc:
    """One page in one view, as the line model sees it in the first pass."""

    page: dict
    set_name: str
    view: str
    blocks: list  # open blocks when the model runs, in order
    feats: BlockFeatures  # of those blocks
    label: np.ndarray  # 1 boilerplate, 0 article text, -1 unknown
    weight: np.ndarray
    fold: int = 0
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- capture and labels


def capture(text: str, table: LineTable | None):
    """The blocks left open for the line model in the first pass, and all blocks."""
    seen: list = []

    def check(self, ctx):
        if not seen:
            seen.append((list(ctx.open_blocks()), ctx.all_blocks))
        return ()

    original = model_rule.LineScore.check
    model_rule.LineScore.check = check
    try:
        clean_text(text, line_table=table)
    finally:
        model_rule.LineScore.check = original
    return seen[0] if seen else ([], [])


def gold_labels(all_blocks, open_blocks, gold: str):
    """Share of each open block's tokens aligned with the gold text -> label, weight."""
    seq, owner = [], []
    for block in all_blocks:
        toks = quality.tokens(block.text)
        seq.extend(toks)
        owner.extend([block.index] * len(toks))
    gold_tokens = quality.tokens(gold)
    matched = np.zeros(len(seq), dtype=bool)
    matcher = difflib.SequenceMatcher(None, seq, gold_tokens, autojunk=False)
    for a, _, size in matcher.get_matching_blocks():
        matched[a : a + size] = True
    hits, totals = defaultdict(int), defaultdict(int)
    for i, block_index in enumerate(owner):
        totals[block_index] += 1
        hits[block_index] += matched[i]
    label = np.full(len(open_blocks), -1, dtype=int)
    weight = np.zeros(len(open_blocks))
    doc_tokens = max(1, sum(totals[b.index] for b in open_blocks))
    for row, block in enumerate(open_blocks):
        n = totals[block.index]
        if n:
            label[row] = int(hits[block.index] / n < 0.5)
            weight[row] = n / doc_tokens
    return label, weight


def _squash_with_owner(blocks):
    parts, owner = [], []
    for row, block in enumerate(blocks):
        s = quality.squash(block.text)
        parts.append(s)
        owner.extend([row] * len(s))
    return "".join(parts), owner


def snippet_labels(open_blocks, all_blocks, page: dict):
    """Blocks holding a must-stay snippet -> 0, a must-go snippet -> 1 (each snippet
    weighs 1, shared among the blocks it spans); blocks with both or neither: unknown."""
    full = quality.squash(page["text_full"])
    flat, owner = _squash_with_owner(open_blocks)
    good, bad = defaultdict(float), defaultdict(float)
    for snippets, into in ((page["with"], good), (page["without"], bad)):
        for snippet in snippets:
            s = quality.squash(unicodedata.normalize("NFC", snippet))
            if not s or s not in full:
                continue
            start = flat.find(s)
            if start < 0:
                continue
            rows = sorted(set(owner[start : start + len(s)]))
            for row in rows:
                into[row] += 1 / len(rows)
    label = np.full(len(open_blocks), -1, dtype=int)
    weight = np.zeros(len(open_blocks))
    for row in set(good) | set(bad):
        if row in good and row in bad:
            continue
        label[row] = int(row in bad)
        weight[row] = good.get(row, 0) + bad.get(row, 0)
    return label, weight


def build_tables(pages_by_set) -> dict:
    """A line table per set and view, from the pages themselves (as `build` would)."""
    tables = {}
    for set_name, pages in pages_by_set.items():
        for view in VIEWS:
            counter = LineCounter()
            for page in pages:
                counter.add_text(page[f"text_{view}"])
            tables[(set_name, view)] = counter.table()
    return tables


def load_docs(args, pages_by_set, tables) -> list[Doc]:
    """Capture and label every page view (cached in `--cache` when given: the features are
    recomputed from the cached blocks, so the cache survives feature changes)."""
    import pickle

    captured = {}
    if args.cache and args.cache.exists():
        captured = pickle.loads(args.cache.read_bytes())
    docs, changed = [], False
    for set_name, pages in pages_by_set.items():
        for view in VIEWS:
            table = tables.get((set_name, view)) if args.corpus_table else None
            for page in pages:
                key = (set_name, view, page["id"])
                if key not in captured:
                    open_blocks, all_blocks = capture(page[f"text_{view}"], table)
                    if set_name == "gold":
                        label, weight = gold_labels(all_blocks, open_blocks, page["gold"])
                    else:
                        label, weight = snippet_labels(open_blocks, all_blocks, page)
                    captured[key] = (open_blocks, label, weight)
                    changed = True
                open_blocks, label, weight = captured[key]
                feats = BlockFeatures.of(open_blocks, table)
                fold = fold_of(page["id"], args.folds)
                docs.append(Doc(page, set_name, view, open_blocks, feats, label, weight, fold))
    if args.cache and changed:
        args.cache.write_bytes(pickle.dumps(captured))
    return docs


def fold_of(page_id: str, folds: int) -> int:
    if folds <= 1:
        return 0
    return next(i for i in range(folds) if quality.in_fold(page_id, folds, i))


# ---------------------------------------------------------------- training


def fit_stage(x: np.ndarray, y: np.ndarray, w: np.ndarray, names, c: float) -> Stage:
    from sklearn.linear_model import LogisticRegression

    mean = np.average(x, axis=0, weights=w)
    scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w))
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit(z, y, sample_weight=w / w.mean())
    return Stage(tuple(names), mean, scale, lr.coef_[0].copy(), float(lr.intercept_[0]))


def training_rows(docs: list[Doc], args):
    """Labelled rows with weights: every page weighs the same within its set; the snippet
    set weighs `--snippet-weight` times the gold set in total."""
    xs, ys, ws, owners = [], [], [], []
    totals = defaultdict(float)
    for doc in docs:
        known = doc.label >= 0
        if known.any():
            totals[doc.set_name] += 1
    for d, doc in enumerate(docs):
        known = doc.label >= 0
        if not known.any():
            continue
        w = doc.weight[known]
        if doc.set_name == "gold":
            w = np.sqrt(w) if args.sqrt_weights else w
            w = w / max(w.sum(), 1e-9) / totals["gold"]
            if doc.view == "residual":
                w = w * args.residual_weight
        else:
            w = w / max(w.sum(), 1e-9) / totals["snippets"] * args.snippet_weight
        xs.append(np.flatnonzero(known))
        ys.append(doc.label[known])
        ws.append(w)
        owners.append(np.full(known.sum(), d))
    return xs, np.concatenate(ys), np.concatenate(ws), np.concatenate(owners)


def train(docs: list[Doc], args) -> LineModel:
    rows, y, w, owners = training_rows(docs, args)
    order = _unique(owners)
    x1 = np.vstack([docs[d].feats.x[r] for d, r in zip(order, rows, strict=True)])
    stages = [fit_stage(x1, y, w, INTRINSIC, args.c)]
    scores = {d: stages[0].logit(docs[d].feats.x) for d in order}
    for _ in range(args.stages - 1):
        full = {
            d: np.hstack([docs[d].feats.x, context(docs[d].feats.words, scores[d], docs[d].feats.text_ids)])
            for d in order
        }
        x = np.vstack([full[d][r] for d, r in zip(order, rows, strict=True)])
        stage = fit_stage(x, y, w, INTRINSIC + CONTEXT, args.c)
        stages.append(stage)
        scores = {d: stage.logit(full[d]) for d in order}
    return LineModel(stages, args.remove_at, args.flag_at, {})


def _unique(owners: np.ndarray) -> list[int]:
    out, last = [], None
    for o in owners.tolist():
        if o != last:
            out.append(o)
            last = o
    return out


def probabilities(model: LineModel, doc: Doc) -> np.ndarray:
    if not doc.blocks:
        return np.zeros(0)
    return model.predict_features(doc.feats).probability


# ---------------------------------------------------------------- evaluation


def settle(model: LineModel, doc: Doc, remove_at: float, passes: int = 50) -> np.ndarray:
    """Which open blocks stay when the model alone runs in passes over the blocks still
    standing until nothing changes (as the pipeline runs it)."""
    keep = np.ones(len(doc.blocks), dtype=bool)
    for _ in range(passes):
        rows = np.flatnonzero(keep)
        if not len(rows):
            break
        p = model.predict_features(doc.feats.take(rows)).probability
        out = rows[p >= remove_at]
        if not len(out):
            break
        keep[out] = False
    return keep


def proxy_output(doc: Doc, keep: np.ndarray) -> str:
    """Quick stand-in for the pipeline's output: the open blocks the model keeps."""
    return "\n\n".join(b.text for b, k in zip(doc.blocks, keep, strict=True) if k)


def pipeline_output(doc: Doc, model: LineModel | None, table: LineTable | None) -> str:
    with model_rule.using_model(model):
        return clean_text(doc.page[f"text_{doc.view}"], line_table=table).record.text


def score(doc: Doc, out: str) -> dict:
    return (quality.score_gold if doc.set_name == "gold" else quality.score_snippets)(doc.page, out)


def summarize(scored: dict) -> dict:
    """scored[(set, view)] = list of (doc, per-page scores) -> figures."""
    figures = {}
    for (set_name, view), items in sorted(scored.items()):
        figures[(set_name, view)] = {"ALL": quality.aggregate(set_name, [s for _, s in items])}
        keys = sorted({k for _, s in items for k in s["keys"]})
        for key in keys:
            figures[(set_name, view)][key] = quality.aggregate(
                set_name, [s for _, s in items if key in s["keys"]]
            )
        if set_name == "snippets":
            groups = sorted({s["lang_group"] for _, s in items})
            figures[(set_name, view)]["groups"] = {
                g: quality.aggregate(set_name, [s for _, s in items if s["lang_group"] == g]) for g in groups
            }
    return figures


def _prf(m: dict) -> str:
    return f"P {m['P'] or 0:.3f}  R {m['R'] or 0:.3f}  F1 {m['F1'] or 0:.3f}"


def print_figures(title: str, figures: dict, nothing: dict | None = None) -> None:
    print(f"\n== {title}")
    for (set_name, view), groups in figures.items():
        base = (nothing or {}).get((set_name, view), {})
        print(f"  {set_name} text_{view}:")
        names = [k for k in groups if k not in ("ALL", "groups")] + ["ALL"]
        if set_name == "snippets":
            names = [f"[{g}]" for g in groups["groups"]] + ["ALL"]
        for name in names:
            m = groups["groups"][name[1:-1]] if name.startswith("[") else groups[name]
            b = (base.get("groups", {}).get(name[1:-1]) if name.startswith("[") else base.get(name)) or {}
            line = f"    {name:<18} n={m['n']:<4} " + _prf(m)
            if b:
                line += "   | nothing: " + _prf(b)
            line += f"  empty {m['empties']}"
            print(line)


def cross_validate(docs: list[Doc], tables, args) -> dict:
    """Held-out figures: each fold scored with a model trained on the other folds."""
    scored_proxy, scored_pipe = defaultdict(list), defaultdict(list)
    for fold in range(args.folds):
        train_docs = [d for d in docs if d.fold != fold]
        test_docs = [d for d in docs if d.fold == fold]
        model = train(train_docs, args)
        for doc in test_docs:
            keep = settle(model, doc, args.remove_at)
            scored_proxy[(doc.set_name, doc.view)].append((doc, score(doc, proxy_output(doc, keep))))
            if args.pipeline:
                table = tables.get((doc.set_name, doc.view)) if args.corpus_table else None
                out = pipeline_output(doc, model, table)
                scored_pipe[(doc.set_name, doc.view)].append((doc, score(doc, out)))
        print(f"  fold {fold}: trained on {len(train_docs)} page views, scored {len(test_docs)}", flush=True)
    return {"proxy": summarize(scored_proxy), "pipeline": summarize(scored_pipe) if args.pipeline else None}


def nothing_figures(docs: list[Doc]) -> dict:
    scored = defaultdict(list)
    for doc in docs:
        scored[(doc.set_name, doc.view)].append((doc, score(doc, doc.page[f"text_{doc.view}"])))
    return summarize(scored)


def drop_context(names: list[str], write: bool) -> None:
    """Leave some context features at 0 in training and in every fold's cleaning: the
    figures show what the others do without them (cross-validation only: a model trained
    so would not match the features corpuskit computes)."""
    global context
    unknown = sorted(set(names) - set(CONTEXT))
    if unknown:
        raise SystemExit(f"--drop: no context feature named {', '.join(unknown)}")
    if write:
        raise SystemExit("--drop measures only: add --no-write")
    columns = [CONTEXT.index(name) for name in names]
    full = context

    def dropped(*args):
        out = full(*args)
        out[:, columns] = 0.0
        return out

    context = linemodel.context = dropped


# ---------------------------------------------------------------- main


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=quality.DEFAULT_BENCH)
    ap.add_argument("--folds", type=int, default=5, help="K page-level folds (0: no cross-validation)")
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each set only")
    ap.add_argument("--stages", type=int, default=3, help="stacked regressions (1: no context)")
    ap.add_argument("--c", type=float, default=0.1, help="inverse L2 strength of every regression")
    ap.add_argument("--remove-at", type=float, default=0.7, help="probability from which a line goes")
    ap.add_argument("--flag-at", type=float, default=0.5, help="probability from which a line is flagged")
    ap.add_argument("--snippet-weight", type=float, default=1.0, help="snippet set weight vs gold set")
    ap.add_argument("--residual-weight", type=float, default=1.0, help="gold residual pages vs full pages")
    ap.add_argument("--sqrt-weights", action="store_true", help="weigh gold lines by sqrt(tokens)")
    ap.add_argument("--no-corpus-table", dest="corpus_table", action="store_false")
    ap.add_argument("--no-pipeline", dest="pipeline", action="store_false", help="proxy figures only")
    ap.add_argument("--no-write", dest="write", action="store_false")
    ap.add_argument("--output", type=Path, default=TARGET)
    ap.add_argument("--cache", type=Path, help="keep captured lines and labels in this file")
    ap.add_argument("--drop", default="", help="context features left at 0, comma-separated (ablation)")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        import sklearn  # noqa: F401 - fit_stage uses it
    except ImportError:
        raise SystemExit('training needs scikit-learn: pip install -e ".[bench]"') from None
    if args.drop:
        drop_context(args.drop.split(","), args.write)
    qargs = argparse.Namespace(bench_dir=args.bench_dir, folds=1, fold=0, limit=args.limit, html=False)
    start = time.time()
    pages_by_set = {name: quality.load_set(name, qargs) for name in ("gold", "snippets")}
    tables = build_tables(pages_by_set)
    docs = load_docs(args, pages_by_set, tables)
    labelled = sum(int((d.label >= 0).sum()) for d in docs)
    print(
        f"{len(docs)} page views, {sum(len(d.blocks) for d in docs)} lines ({labelled} labelled) "
        f"in {time.time() - start:.0f} s",
        flush=True,
    )
    nothing = nothing_figures(docs)
    if args.folds > 1:
        result = cross_validate(docs, tables, args)
        print_figures(
            f"cross-validated, {args.folds} folds, proxy (first pass, model alone)", result["proxy"], nothing
        )
        if result["pipeline"]:
            print_figures(
                f"cross-validated, {args.folds} folds, corpuskit with the fold's model",
                result["pipeline"],
                nothing,
            )
    if args.write:
        model = train(docs, args)
        model.meta = {
            "trained_on": "shared/bench dev.jsonl + snippets_dev.jsonl, both text views",
            "pages": {name: len(pages) for name, pages in pages_by_set.items()},
            "c": args.c,
            "snippet_weight": args.snippet_weight,
            "corpus_table": args.corpus_table,
        }
        import json

        args.output.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.output}")
    print(f"done in {time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
