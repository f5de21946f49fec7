"""Metadata benchmark for corpuskit on the shared dev pages (`--help` for the options).

Cleans a text view of every page in dev.jsonl (default `text_full`) with `clean_text` and
scores the extracted title, authors, published date and language against reference
metadata, printing per field: correct, wrong, missing (and pages without a reference).

References, per page (any one of them may match):
- title: `meta.title` of the page (newspaper4k and l3s-gn1 pages), and from the page's HTML
  (dev_html.jsonl.gz) `og:title`, `twitter:title` and JSON-LD `headline`;
- authors: `meta.authors` (newspaper4k), JSON-LD `author` names, `<meta name=author>`,
  `article:author`, `parsely-author`, `sailthru.author` (values that are URLs are ignored);
- published: `meta.date` (newspaper4k), `article:published_time`, JSON-LD `datePublished`,
  and the usual date meta tags (`pubdate`, `publishdate`, `date`, `dc.date.issued`,
  `parsely-pub-date`, `sailthru.date`, `originalpublicationdate`, itemprop `datePublished`);
- language: the page's `lang`;
- source (printed for information, no target): `og:site_name`, JSON-LD `publisher.name`.

What counts as correct:
- title: equal to a reference after normalization (Unicode NFKC, case folded, quotes,
  dashes and all other punctuation turned into spaces, spaces collapsed); a reference's
  trailing site name (" - Site", " | Site") may be left out; the `meta.title` of l3s-gn1
  pages runs the headline into the deck, so there the headline followed by more words
  counts too;
- authors: the same set of names as one reference source, each name normalized like a
  title, a leading "By" dropped and role entries ("Entertainment Writer") left out of
  the reference (a partial list is wrong; a reference of roles only is no reference);
- published: the same calendar date as a reference, each read in its own UTC offset; when
  the reference is an instant (a time with a zone), the value's date may be that instant's
  date in the value's own offset, or, for a value without a zone (a dateline gives the
  local date), in any offset from UTC-12 to UTC+14;
- language: the same ISO 639-1 code (`no`, `nb` and `nn` count as one).

An extracted value that is not correct is wrong; no value is missing. Pages without any
reference for a field are not scored for it, with a value or without (a date reference is
read only in ISO form: "NaT" or "Jan 16, 2008" is no reference). Targets: wrong <= 2 % of scored pages for
every field; title and published date found for >= 80 % of news pages (newspaper4k pages,
whose references are complete); language right for >= 98 % of pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import re
import sys
import time
import unicodedata
import warnings
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO_ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(REPO_ROOT))

FIELDS = ("title", "authors", "published", "language")
INFO_FIELDS = ("source",)  # scored and printed, no target
TARGETS = {"wrong": 0.02, "found_news": 0.80, "language_right": 0.98}
NEWS = "newspaper4k"
DATE_KEYS = {
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
    "originalpublicationdate",
    "publication_date",
    "published_time",
}
AUTHOR_KEYS = {"author", "article:author", "parsely-author", "sailthru.author"}
TITLE_KEYS = {"og:title", "twitter:title"}
_PUNCT = re.compile(r"[\W_]+")
_SUFFIX = re.compile(r"\s+[-–—|:·•]\s+[^-–—|:·•]{1,60}$")


def norm(text: str) -> str:
    """Case-folded words of a string, punctuation dropped.

    >>> norm("“Iron Claw” — Director's Cut!")
    'iron claw director s cut'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def title_variants(title: str) -> set[str]:
    variants = {norm(title)}
    stripped = _SUFFIX.sub("", title.strip())
    if stripped != title.strip():
        variants.add(norm(stripped))
    return {v for v in variants if v}


def calendar_date(value: str) -> str | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "") or re.match(
        r"\s*(\d{4})(\d{2})(\d{2})(?:\D|$)",
        value or "",  # 20231221 or 20231221T...
    )
    if not match or int(match.group(1)) < 1990:  # 0001-01-01 and the like are placeholders
        return None
    return "-".join(match.groups())


def _instant(value: str) -> dt.datetime | None:
    """A reference's date-time when it gives a time and a zone ("...T04:26:47Z")."""
    text = (value or "").strip().replace("Z", "+00:00").replace("z", "+00:00")
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None and "T" in text.upper() else None


def local_dates(ref: str, value: str) -> set[str]:
    """The calendar dates a reference instant falls on where the value was written: in
    the value's own offset, or anywhere from UTC-12 to UTC+14 when it gives none.

    >>> sorted(local_dates("2019-11-20T04:26:47Z", "2019-11-19T23:26:00-05:00"))
    ['2019-11-19']
    >>> sorted(local_dates("2019-11-19T04:50:22+00:00", "2019-11-18"))
    ['2019-11-18', '2019-11-19']
    """
    stamp = _instant(ref)
    if stamp is None:
        return set()
    own = _instant(value)
    if own is not None:
        return {stamp.astimezone(own.tzinfo).date().isoformat()}
    return {stamp.astimezone(dt.timezone(dt.timedelta(hours=h))).date().isoformat() for h in (-12, 14)}


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _jsonld_items(data):
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from _jsonld_items(data.get("@graph", []))


def html_references(html: str) -> dict[str, list]:
    """Reference values from meta tags and JSON-LD."""
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    soup = BeautifulSoup(html, "lxml")
    refs: dict[str, list] = {"title": [], "authors": [], "published": [], "source": []}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if not content:
            continue
        if key == "og:site_name":
            refs["source"].append(content)
        elif key in TITLE_KEYS:
            refs["title"].append(content)
        elif key in DATE_KEYS:
            refs["published"].append(content)
        elif key in AUTHOR_KEYS and not content.startswith(("http://", "https://", "www.")):
            refs["authors"].append([n.strip() for n in re.split(r",| and ", content) if n.strip()])
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        for item in _jsonld_items(data):
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("publisher"), dict) and isinstance(item["publisher"].get("name"), str):
                refs["source"].append(item["publisher"]["name"])
            if isinstance(item.get("headline"), str):
                refs["title"].append(item["headline"])
            if isinstance(item.get("datePublished"), str):
                refs["published"].append(item["datePublished"])
            names = [n for n in _names(item.get("author")) if not n.startswith("http")]
            if names:
                refs["authors"].append(names)
    return refs


def page_references(page: dict, html: str | None) -> dict[str, list]:
    refs = html_references(html) if html else {"title": [], "authors": [], "published": [], "source": []}
    meta = page.get("meta") or {}
    if meta.get("title"):
        refs["title"].insert(0, meta["title"])
    if meta.get("authors"):
        refs["authors"].insert(0, [a.strip() for a in meta["authors"].split(",") if a.strip()])
    if meta.get("date"):
        refs["published"].insert(0, meta["date"])
    refs["language"] = [page["lang"]] if page.get("lang") else []
    return refs


_ROLE = re.compile(r"\b(?:editor|writer|correspondent|reporter|staff|network|at large)\b")


def ref_names(ref: list[str]) -> set[str]:
    """Reference author names, normalized: a leading "By" / "Analysis by" dropped, and
    entries that are roles ("CNN Editor-at-large") left out."""
    names = {re.sub(r"^(?:\w+ )?by ", "", norm(a)) for a in ref}
    return {n for n in names if n and not _ROLE.search(n)}


def judge(field: str, value, refs: list, dataset: str = "") -> str:
    """'correct', 'wrong', 'missing' or 'unscored' (no reference)."""
    empty = value is None or value == [] or value == ""
    if field == "authors":
        refs = [ref for ref in refs if ref and ref_names(ref)]  # roles only: no reference
    if field == "published":
        refs = [ref for ref in refs if calendar_date(ref)]  # unread ("NaT", "Jan 16, 2008"): none
    if not refs:
        return "unscored"
    if empty:
        return "missing"
    if field in ("title", "source"):
        wanted = set().union(*(title_variants(r) for r in refs))
        if norm(value) in wanted:
            return "correct"
        run_on = [norm(r) for r in refs[:1] if dataset == "l3s-gn1"]  # headline run into the deck
        return "correct" if any(r.startswith(norm(value) + " ") for r in run_on) else "wrong"
    if field == "authors":
        got = {norm(a) for a in value}
        return "correct" if any(got == ref_names(ref) for ref in refs if ref) else "wrong"
    if field == "published":
        wanted = {calendar_date(r) for r in refs}
        wanted |= {d for r in refs if calendar_date(r) for d in local_dates(r, str(value))}
        return "correct" if calendar_date(str(value)) in wanted else "wrong"
    same = {"nb": "no", "nn": "no"}
    return "correct" if same.get(value, value) in {same.get(r, r) for r in refs} else "wrong"


def in_fold(page_id: str, folds: int, fold: int) -> bool:
    return folds <= 1 or int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % folds == fold


def load(args) -> list[tuple[dict, str | None]]:
    pages = []
    if not (args.bench_dir / "dev.jsonl").is_file():
        raise SystemExit(f"{args.bench_dir / 'dev.jsonl'}: not found (give --bench-dir)")
    with (args.bench_dir / "dev.jsonl").open("rb") as fh:
        for line in fh:
            page = json.loads(line)
            wanted_set = not args.dataset or page["dataset"] in args.dataset.split(",")
            if wanted_set and in_fold(page["id"], args.folds, args.fold):
                pages.append(page)
                if args.limit and len(pages) >= args.limit:
                    break
    wanted, html = {p["id"] for p in pages}, {}
    path = args.bench_dir / "dev_html.jsonl.gz"
    if path.exists() and not args.no_html:
        with gzip.open(path, "rb") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in wanted:
                    html[row["id"]] = row["html"]
    return [(p, html.get(p["id"])) for p in pages]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--view", default="text_full", help="text view of dev.jsonl to clean")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    ap.add_argument("--dataset", help="only pages of these datasets (comma-separated)")
    ap.add_argument("--folds", type=int, default=1, help="K: split pages by sha1(id) mod K")
    ap.add_argument("--fold", type=int, default=0, help="I: evaluate only fold I")
    ap.add_argument("--no-html", action="store_true", help="references from dev.jsonl `meta` only")
    ap.add_argument("--show", choices=[*FIELDS, "none"], default="none", help="print wrong values")
    ap.add_argument("--per-page", type=Path, help="write per-page values and verdicts as JSONL")
    args = ap.parse_args(argv)

    from corpuskit import clean_text

    pages = load(args)
    counts = {f: Counter() for f in FIELDS + INFO_FIELDS}
    news = {f: Counter() for f in FIELDS}
    rows = []
    started = time.perf_counter()
    for page, html in pages:
        refs = page_references(page, html)
        meta = clean_text(page[args.view], seed=page["id"]).record.meta
        row = {"id": page["id"], "dataset": page["dataset"]}
        for field in FIELDS + INFO_FIELDS:
            value = getattr(meta, field)
            value = value.isoformat() if hasattr(value, "isoformat") else value
            verdict = judge(field, value, refs[field], page["dataset"])
            counts[field][verdict] += 1
            if page["dataset"] == NEWS and field in news:
                news[field][verdict] += 1
            row[field] = {"value": value, "verdict": verdict, "refs": refs[field][:3]}
            if args.show == field and verdict == "wrong":
                print(f"WRONG {field}: {value!r}  refs={refs[field][:3]!r}  ({page['id']})")
        rows.append(row)
    elapsed = time.perf_counter() - started

    print(f"{len(pages)} pages ({args.view}), {elapsed:.1f} s")
    print(f"{'field':10} {'correct':>8} {'wrong':>6} {'missing':>8} {'no ref':>7} {'wrong %':>8}  target")
    ok = True
    for field in FIELDS:
        c = counts[field]
        scored = c["correct"] + c["wrong"] + c["missing"]
        wrong = c["wrong"] / scored if scored else 0.0
        ok &= wrong <= TARGETS["wrong"]
        print(
            f"{field:10} {c['correct']:8} {c['wrong']:6} {c['missing']:8} {c['unscored']:7} "
            f"{wrong:8.1%}  wrong <= {TARGETS['wrong']:.0%}"
        )
    for field in INFO_FIELDS:
        c = counts[field]
        scored = c["correct"] + c["wrong"] + c["missing"]
        wrong = c["wrong"] / scored if scored else 0.0
        print(
            f"{field:10} {c['correct']:8} {c['wrong']:6} {c['missing']:8} {c['unscored']:7} "
            f"{wrong:8.1%}  (no target; reference og:site_name, JSON-LD publisher)"
        )
    total_news = sum(news["title"].values())
    print(f"news pages ({NEWS}): {total_news}")
    for field in ("title", "authors", "published"):
        c = news[field]
        scored = c["correct"] + c["wrong"] + c["missing"]
        found = (c["correct"] + c["wrong"]) / scored if scored else 0.0
        right = c["correct"] / scored if scored else 0.0
        target = f"  target found >= {TARGETS['found_news']:.0%}" if field != "authors" else ""
        if field != "authors":
            ok &= found >= TARGETS["found_news"]
        print(f"  {field:10} found {found:6.1%}  correct {right:6.1%}{target}")
    c = counts["language"]
    scored = c["correct"] + c["wrong"] + c["missing"]
    right = c["correct"] / scored if scored else 0.0
    ok &= right >= TARGETS["language_right"]
    print(f"language right: {right:.1%} of {scored} pages  target >= {TARGETS['language_right']:.0%}")
    print("all targets met" if ok else "some targets missed")
    if args.per_page:
        with args.per_page.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
