"""Quality benchmark for corpuskit on the shared dev sets (`--help` for the options).

corpuskit runs as `corpuskit build` would on the pages of each set and view: with a line
table counting the pages that hold each line (`--no-line-table`: every page alone).
Gold pages (dev.jsonl): bag-of-token P/R/F1 of the cleaned text against the gold text,
macro (mean over pages) and micro (summed counts). Snippet pages (snippets_dev.jsonl):
must-stay / must-go snippets found in the output (NFC, no whitespace, case-sensitive),
micro P/R/F1 per language. "nothing" rows score the input itself as the output.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
import textwrap
import time
import unicodedata
from collections import Counter
from pathlib import Path

try:
    import orjson

    loads = orjson.loads
except ImportError:  # orjson is optional
    import json

    orjson, loads = None, json.loads

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "bench"
FILES = {
    "gold": ("dev.jsonl", "dev_html.jsonl.gz"),
    "snippets": ("snippets_dev.jsonl", "snippets_dev_html.jsonl.gz"),
}
TOKEN_RE = re.compile(r"\w+")
WS_RE = re.compile(r"\s+")
BASELINES = {  # reference figures measured on this dev set (all pages)
    ("gold", "full"): "macro F1: doing nothing 0.742 | C4-style line filter 0.693 | jusText on "
    "the lines 0.651 | trafilatura on the HTML 0.905 | "
    "line oracle (ceiling) 0.964",
    ("gold", "residual"): "macro F1: doing nothing 0.913 (recall 0.932) | C4-style 0.741 | "
    "jusText 0.691 | line oracle (ceiling) 0.939",
    ("snippets", "full"): "F1: doing nothing 0.696 | C4-style 0.691 | jusText on the lines 0.755 "
    "| trafilatura on the HTML 0.926",
    ("gold", "html"): "macro F1: trafilatura defaults 0.905 | trafilatura favor_precision 0.900 | "
    "jusText 0.830 | trafilatura empty outputs: 6",
    ("snippets", "html"): "F1: trafilatura 0.926",
}
TRAFILATURA_EMPTIES = 6


def dumps(obj, indent: bool = True) -> str:
    """Serialise to JSON text (indented, or one line)."""
    if orjson:
        return orjson.dumps(obj, option=orjson.OPT_INDENT_2 if indent else 0).decode()
    return json.dumps(obj, indent=2 if indent else None, ensure_ascii=False)


def in_fold(page_id: str, folds: int, fold: int) -> bool:
    """True when sha1(id) mod folds == fold (always true without folds)."""
    return folds <= 1 or int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % folds == fold


def load_set(set_name: str, args) -> list[dict]:
    """First --limit pages of a set in the selected fold (+ their `html` in HTML mode)."""
    text_file, html_file = FILES[set_name]
    pages, html = [], {}
    if not (args.bench_dir / text_file).is_file():
        raise SystemExit(f"{args.bench_dir / text_file}: not found (give --bench-dir)")
    with (args.bench_dir / text_file).open("rb") as fh:
        for line in fh:
            page = loads(line)
            if in_fold(page["id"], args.folds, args.fold):
                pages.append(page)
                if args.limit and len(pages) >= args.limit:
                    break
    if not args.html:
        return pages
    wanted = {p["id"] for p in pages}
    with gzip.open(args.bench_dir / html_file, "rb") as fh:
        for row in map(loads, fh):
            if row["id"] in wanted:
                html[row["id"]] = row["html"]
    if len(html) < len(pages):
        print(f"warning: {len(pages) - len(html)} pages have no HTML in {html_file}; skipped")
    return [dict(p, html=html[p["id"]]) for p in pages if p["id"] in html]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return TOKEN_RE.findall(text.lower())


def squash(text: str) -> str:
    """NFC-normalise and remove all whitespace (snippet matching form)."""
    return WS_RE.sub("", unicodedata.normalize("NFC", text))


def prf(inter: int, n_out: int, n_ref: int) -> tuple[float, float, float]:
    """P, R, F1 from counts; empty output scores 0 (1 when the reference is empty too)."""
    if n_out == 0:
        return (1.0, 1.0, 1.0) if n_ref == 0 else (0.0, 0.0, 0.0)
    p, r = inter / n_out, (inter / n_ref if n_ref else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def snip_prf(fw: int, fwo: int, aw: int) -> tuple:
    """Snippet P = fw/(fw+fwo), R = fw/aw, F1 (None when there is nothing to score)."""
    p = fw / (fw + fwo) if fw + fwo else (0.0 if aw else None)  # nothing kept: P = 0
    r = fw / aw if aw else None
    f = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    return p, r, f


def score_gold(page: dict, out: str) -> dict:
    """Token-bag scores of one output against the page's gold text."""
    o, g = Counter(tokens(out)), Counter(tokens(page["gold"]))
    n_out, n_ref, inter = sum(o.values()), sum(g.values()), sum((o & g).values())
    p, r, f = prf(inter, n_out, n_ref)
    return {
        "P": p,
        "R": r,
        "F1": f,
        "inter": inter,
        "n_out": n_out,
        "n_ref": n_ref,
        "empty": n_out == 0,
        "keys": [page["dataset"]],
    }


def score_snippets(page: dict, out: str) -> dict:
    """Must-stay/must-go snippets (those present in text_full) found in the output."""
    full, flat = squash(page["text_full"]), squash(out)
    keep = [s for s in map(squash, page["with"]) if s and s in full]
    drop = [s for s in map(squash, page["without"]) if s and s in full]
    fw, fwo = sum(s in flat for s in keep), sum(s in flat for s in drop)
    p, r, f = snip_prf(fw, fwo, len(keep))
    lang, group = page["lang"], page.get("lang_group") or page["lang"]
    return {
        "P": p,
        "R": r,
        "F1": f,
        "fw": fw,
        "fwo": fwo,
        "aw": len(keep),
        "awo": len(drop),
        "empty": not tokens(out),
        "lang_group": group,
        "keys": [lang] + ([f"[{group}]"] if group != lang else []),
    }


def aggregate(kind: str, docs: list[dict]) -> dict:
    """Group figures: macro+micro token scores (gold) or micro snippet scores."""
    n, empties = len(docs), sum(d["empty"] for d in docs)
    if kind == "gold":
        mean = {k: sum(d[k] for d in docs) / n if n else 0.0 for k in ("P", "R", "F1")}
        sums = [sum(d[k] for d in docs) for k in ("inter", "n_out", "n_ref")]
        mp, mr, mf = prf(*sums)
        return {**mean, "P_micro": mp, "R_micro": mr, "F1_micro": mf, "empties": empties, "n": n}
    sums = {k: sum(d[k] for d in docs) for k in ("fw", "fwo", "aw", "awo")}
    p, r, f = snip_prf(sums["fw"], sums["fwo"], sums["aw"])
    return {"P": p, "R": r, "F1": f, "kept": r, **sums, "empties": empties, "n": n}


def run_system(fn, pages: list[dict], source: str, fatal=()) -> dict:
    """Apply fn to every page; time it in CPU seconds, count exceptions (empty output)."""
    outs, errors, cpu, size = [], [], 0.0, 0
    for page in pages:
        size += len(page[source].encode("utf-8"))
        start = time.process_time()
        try:
            out = fn(page) or ""
        except fatal:
            raise
        except Exception as exc:  # noqa: BLE001, RUF100 - a failure = an empty output
            out = ""
            errors.append({"id": page["id"], "error": f"{type(exc).__name__}: {exc}"})
        cpu += time.process_time() - start
        outs.append(out)
    return {
        "outputs": outs,
        "errors": errors,
        "cpu_s": cpu,
        "mb": size / 1e6,
        "mb_per_cpu_s": size / 1e6 / cpu if cpu else None,
    }


def line_table(pages: list[dict], key: str, args):
    """Line counts over the pages of the run, as `corpuskit build` makes them over a
    corpus (None with --no-line-table)."""
    if not args.line_table:
        return None
    from corpuskit.linefreq import LineCounter

    counter = LineCounter()
    for page in pages:
        counter.add_text(page[key])
    return counter.table()


def corpuskit_config(args):
    """The default settings, less the rules named by --ignore (to measure what each earns)."""
    from corpuskit.config import Config

    return Config(ignore=args.ignore)


def make_systems(args, ck, view: str, pages: list[dict]) -> dict:
    """name -> (function(page) -> text, input field, exceptions that abort the run)."""
    if not args.html:
        key = f"text_{view}"
        table = line_table(pages, key, args)
        config = corpuskit_config(args)

        def corpuskit_text(page):
            return ck.clean_text(page[key], config=config, line_table=table).record.text

        return {
            "corpuskit": (corpuskit_text, key, ()),
            "nothing": (lambda p: p[key], key, ()),
        }

    from corpuskit.config import Config

    config = Config(html_parser=args.html_parser)

    def corpuskit_html(page):
        name = re.sub(r"[^\w.-]+", "_", page["id"]) + ".html"
        return ck.clean_bytes(page["html"].encode("utf-8"), name=name, config=config).record.text

    systems = {"corpuskit": (corpuskit_html, "html", (NotImplementedError,))}
    if args.trafilatura:
        try:
            from trafilatura import extract
        except ImportError:
            raise SystemExit('--trafilatura needs trafilatura: pip install -e ".[bench]"') from None

        systems["trafilatura"] = (lambda p: extract(p["html"]), "html", ())
    systems["nothing(text_full)"] = (lambda p: p["text_full"], "text_full", ())
    return systems


def fmt(x, width: int = 6, digits: int = 3) -> str:
    """Fixed-width number (or '-')."""
    if isinstance(x, float):
        return f"{x:{width}.{digits}f}"
    return ("-" if x is None else str(x)).rjust(width)


def print_table(kind: str, title: str, groups: dict) -> None:
    """One fixed-width table: rows = (group, system), overall rows last."""
    print(f"\n== {title}")
    cols = (
        [("P", "P"), ("R", "R"), ("F1", "F1mac"), ("F1_micro", "F1mic")]
        if kind == "gold"
        else [("P", "P"), ("R", "R=kept"), ("F1", "F1mic"), ("aw", "with"), ("awo", "w/out")]
    )
    cols += [("empties", "empty"), ("n", "n")]
    print(f"{'group':<18}{'system':<20}" + "".join(h.rjust(7) for _, h in cols))
    for group, system in sorted(groups, key=lambda g: (g[0] == "ALL", g[0].startswith("["), g)):
        m = groups[(group, system)]
        print(f"{group[:17]:<18}{system:<20}" + "".join(" " + fmt(m[k]) for k, _ in cols))


def evaluate(set_name: str, view: str, pages: list[dict], args, ck, per_doc) -> dict:
    """Run all systems on one set/view, print the table; return its figures."""
    scorer = score_gold if set_name == "gold" else score_snippets
    groups, entry = {}, {"systems": {}, "throughput": {}, "errors": {}}
    for name, (fn, source, fatal) in make_systems(args, ck, view, pages).items():
        run = run_system(fn, pages, source, fatal)
        docs = [scorer(p, o) for p, o in zip(pages, run["outputs"], strict=True)]
        for key in {"ALL"} | {k for d in docs for k in d["keys"]}:
            groups[(key, name)] = aggregate(set_name, [d for d in docs if key == "ALL" or key in d["keys"]])
        figures = {k: v for (k, s), v in groups.items() if s == name}
        if set_name == "snippets":
            figures["lang_group_F1"] = {
                g: aggregate(set_name, [d for d in docs if d["lang_group"] == g])["F1"]
                for g in sorted({d["lang_group"] for d in docs})
            }
        entry["systems"][name] = figures
        entry["throughput"][name] = {k: run[k] for k in ("mb", "cpu_s", "mb_per_cpu_s")}
        entry["errors"][name] = {"count": len(run["errors"]), "first": run["errors"][:3]}
        if per_doc and not name.startswith("nothing"):
            write_per_doc(per_doc, set_name, view, name, pages, docs, run["outputs"])
    label = view if view == "html" else f"text_{view}"
    legend = " ([x] = lang_group)" if set_name == "snippets" else ""
    print_table(set_name, f"{set_name} pages · {label} · {len(pages)} pages{legend}", groups)
    for name, t in entry["throughput"].items():
        if not name.startswith("nothing"):
            err = entry["errors"][name]
            print(
                f"  {name}: {fmt(t['mb_per_cpu_s'], 0, 2)} MB/CPU-s ({t['mb']:.2f} MB in "
                f"{t['cpu_s']:.2f} CPU-s), {err['count']} pages raised an exception"
            )
            for e in err["first"]:
                print(f"    {e['id']}: {e['error'][:200]}")
    if (set_name, view) in BASELINES:
        print("  reference figures measured on this dev set (all pages):")
        print(textwrap.fill(BASELINES[(set_name, view)], 96, initial_indent="    ", subsequent_indent="    "))
    if args.limit or args.folds > 1:
        print("  note: subset run (--limit/--folds); reference figures are for all pages")
    return entry


def write_per_doc(fh, set_name, view, system, pages, docs, outputs) -> None:
    """Append one JSON line per page with its scores (worst pages: sort by F1)."""
    keys = ("P", "R", "F1") + (("fw", "fwo", "aw", "awo") if set_name == "snippets" else ())
    for page, d, out in zip(pages, docs, outputs, strict=True):
        row = {
            "id": page["id"],
            "set": set_name,
            "dataset": page["dataset"],
            "lang": page["lang"],
            "view": view,
            "system": system,
            **{k: d[k] for k in keys},
            "out_chars": len(out),
            "out_tokens": len(tokens(out)),
        }
        fh.write(dumps(row, indent=False) + "\n")


def targets(report: dict, html: bool) -> list[dict]:
    """Check the project's targets against corpuskit's figures (None when not run)."""

    def get(set_name, view, key, system="corpuskit", group="ALL"):
        figures = report.get(set_name, {}).get(view, {}).get("systems", {}).get(system, {})
        value = figures.get(group, {})
        return value if key is None else value.get(key)

    if html:
        cap = get("gold", "html", "empties", "trafilatura")
        cap = TRAFILATURA_EMPTIES if cap is None else cap
        checks = [
            ("HTML gold macro F1 >= 0.93", get("gold", "html", "F1"), 0.93),
            ("HTML snippet F1 >= 0.93", get("snippets", "html", "F1"), 0.93),
            (f"HTML gold empty outputs <= trafilatura's ({cap})", get("gold", "html", "empties"), -cap),
        ]
    else:
        groups = get("snippets", "full", None, group="lang_group_F1") or {}
        worst = min((v for v in groups.values() if v is not None), default=None)
        checks = [
            ("text_full macro F1 >= 0.90", get("gold", "full", "F1"), 0.90),
            ("text_residual macro F1 >= 0.93", get("gold", "residual", "F1"), 0.93),
            ("text_residual macro recall >= 0.925", get("gold", "residual", "R"), 0.925),
            ("snippets text_full F1 >= 0.93", get("snippets", "full", "F1"), 0.93),
            ("snippets text_full recall >= 0.95", get("snippets", "full", "R"), 0.95),
            ("snippets worst language group F1 >= 0.88", worst, 0.88),
        ]
    out = []
    for label, value, bound in checks:  # a negative bound means "value <= -bound"
        ok = None if value is None else (value >= bound if bound >= 0 else value <= -bound)
        out.append(
            {"target": label, "value": value, "status": {None: "n/a", True: "PASS", False: "MISS"}[ok]}
        )
    return out


def load_corpuskit(html: bool):
    """Import corpuskit from this repo; None (with a message) when the API is missing."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        import corpuskit
    except ImportError as exc:
        print(f"error: cannot import corpuskit ({exc})", file=sys.stderr)
        return None
    needed = "clean_bytes" if html else "clean_text"
    if not hasattr(corpuskit, needed):
        print(f"error: corpuskit has no {needed}() yet", file=sys.stderr)
        return None
    return corpuskit


def parse_args(argv):
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--views", default="full,residual", help="text views (ignored with --html)")
    ap.add_argument("--set", default="gold,snippets", help="page sets: gold,snippets")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    ap.add_argument("--html", action="store_true", help="clean the HTML with clean_bytes()")
    ap.add_argument("--trafilatura", action="store_true", help="HTML mode: also run trafilatura")
    ap.add_argument(
        "--html-parser", default="lxml", choices=("lxml", "bs4"), help="HTML mode: corpuskit's parser"
    )
    ap.add_argument("--json", type=Path, help="write all figures as JSON")
    ap.add_argument("--per-doc", type=Path, help="write per-page scores as JSONL")
    ap.add_argument("--folds", type=int, default=1, help="K: split pages by sha1(id) mod K")
    ap.add_argument("--ignore", default="", help="rule codes or prefixes to switch off, e.g. B301,B111")
    ap.add_argument(
        "--no-line-table",
        dest="line_table",
        action="store_false",
        help="clean each page alone, without line counts over the pages (as `build` makes)",
    )
    ap.add_argument("--fold", type=int, default=0, help="I: evaluate only fold I")
    args = ap.parse_args(argv)
    args.views = ["html"] if args.html else [v.strip() for v in args.views.split(",")]
    args.set = [v.strip() for v in args.set.split(",")]
    args.ignore = [c.strip() for c in args.ignore.split(",") if c.strip()]
    if set(args.views) - {"full", "residual", "html"} or set(args.set) - set(FILES):
        ap.error("--views takes full,residual and --set takes gold,snippets")
    if args.trafilatura and not args.html:
        ap.error("--trafilatura needs --html")
    if args.folds > 1 and not 0 <= args.fold < args.folds:
        ap.error("--fold must be in [0, --folds)")
    return args


def main(argv=None) -> int:
    """Run the benchmark; 0 on success, 2 when corpuskit (or trafilatura) cannot run."""
    args = parse_args(argv)
    ck = load_corpuskit(args.html)
    if ck is None:
        return 2
    if args.trafilatura:
        try:
            import trafilatura  # noqa: F401 - benchmark-only dependency
        except ImportError as exc:
            print(
                f"error: trafilatura is not importable ({exc}); install it with "
                "`pip install trafilatura lxml_html_clean`",
                file=sys.stderr,
            )
            return 2
    report, per_doc = {}, (args.per_doc.open("w", encoding="utf-8") if args.per_doc else None)
    try:
        for set_name in args.set:
            pages = load_set(set_name, args)
            for view in args.views:
                report.setdefault(set_name, {})[view] = evaluate(set_name, view, pages, args, ck, per_doc)
    except NotImplementedError as exc:
        print(
            f"\nerror: corpuskit.clean_bytes() raised NotImplementedError ({exc}); "
            "the HTML path is not implemented yet",
            file=sys.stderr,
        )
        return 2
    finally:
        if per_doc:
            per_doc.close()
    checks = targets(report, args.html)
    print("\n== targets (corpuskit; defined on all pages of the dev sets)")
    for c in checks:
        print(f"  {c['target']:<48}{fmt(c['value'], 7)}  {c['status']}")
    if args.json:
        reference = {f"{s}/{v}": text for (s, v), text in BASELINES.items()}
        args.json.write_text(
            dumps(
                {
                    "args": {k: str(v) for k, v in vars(args).items()},
                    "results": report,
                    "targets": checks,
                    "reference": reference,
                }
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
