"""The review page: one self-contained HTML file for people to read what cleaning did.

A table of seeds (status, counts, sizes) and, for each seed, its text with removed
stretches struck through and coloured by category, lifted lines marked, flagged lines
highlighted and encoding repairs underlined (the original in the tooltip); the metadata
with where each field came from; the encoding fixes; the findings. Filters by rule, by
status and by name. Nothing is loaded from the network (a Content-Security-Policy says
so), and everything that comes from a seed is escaped: the page runs only its own script,
pinned by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections import Counter
from html import escape
from pathlib import Path

from corpuskit import __version__
from corpuskit.config import Config
from corpuskit.models import FileReport, Severity

_PALETTE = {
    "sponsor": "#d9480f",
    "paywall": "#c2255c",
    "credit": "#862e9c",
    "caption": "#5f3dc4",
    "teaser": "#1971c2",
    "navigation": "#0c8599",
    "share": "#2b8a3e",
    "cookie": "#5c940d",
    "header": "#e67700",
    "promo": "#a61e4d",
    "metadata": "#364fc7",
    "document": "#495057",
    "encoding": "#087f5b",
}

_SCRIPT = """
(function () {
  var rule = document.getElementById("f-rule");
  var status = document.getElementById("f-status");
  var name = document.getElementById("f-name");
  var count = document.getElementById("shown");
  function apply() {
    var r = rule.value, s = status.value, n = name.value.toLowerCase(), shown = 0;
    var items = document.querySelectorAll("[data-seed]");
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var ok = (!r || (" " + el.getAttribute("data-rules") + " ").indexOf(" " + r + " ") >= 0) &&
               (!s || el.getAttribute("data-status") === s) &&
               (!n || el.getAttribute("data-seed").toLowerCase().indexOf(n) >= 0);
      el.hidden = !ok;
      if (ok && el.tagName === "TR") { shown++; }
    }
    count.textContent = String(shown);
  }
  rule.addEventListener("change", apply);
  status.addEventListener("change", apply);
  name.addEventListener("input", apply);
  apply();
})();
"""

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #212529; background: #f8f9fa; }
header { background: #212529; color: #f8f9fa; padding: 12px 20px; }
header h1 { font-size: 18px; margin: 0 0 4px; }
main { padding: 12px 20px 40px; }
.filters { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin: 8px 0 12px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #dee2e6; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #e9ecef; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; border-radius: 3px; padding: 0 6px; color: #fff; }
.status-fail { background: #c92a2a; }
.status-warn { background: #e67700; }
.status-ok { background: #2b8a3e; }
section.seed { background: #fff; border: 1px solid #dee2e6; margin: 18px 0; padding: 8px 16px 16px; }
section.seed h2 { font-size: 16px; margin: 8px 0; word-break: break-all; }
pre.doc { white-space: pre-wrap; word-wrap: break-word; background: #fcfcfc; border: 1px solid #e9ecef;
  padding: 10px; font: 13px/1.5 ui-monospace, monospace; max-height: 640px; overflow: auto; }
del { text-decoration: line-through; text-decoration-thickness: 2px; }
.lifted { background: #dbe4ff; border-bottom: 2px solid #364fc7; }
.flagged { background: #fff3bf; }
.fixed { border-bottom: 2px dotted #087f5b; }
.legend span { margin-right: 10px; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
.muted { color: #868e96; }
"""


def _css_class(category: str) -> str:
    return "cat-" + re.sub(r"[^a-z0-9-]", "-", category.lower())


def _colour(category: str) -> str:
    if category in _PALETTE:
        return _PALETTE[category]
    hue = int(hashlib.sha256(category.encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue}, 60%, 38%)"


def _status(report: FileReport, fail_on: Severity) -> str:
    ranks = [f.severity.rank for f in report.findings]
    if any(rank >= fail_on.rank for rank in ranks):
        return "fail"
    if any(rank >= Severity.WARNING.rank for rank in ranks):
        return "warn"
    return "ok"


def _marked_text(source: str, report: FileReport) -> str:
    """The normalized seed as HTML: every stretch wrapped by what happened to it."""
    marks = []  # (start, end, kind, finding-or-fix)
    for f in report.findings:
        if f.start is None or f.end is None or f.end <= f.start or not f.action:
            continue
        kind = "removed" if f.action == "removed" else "lifted" if f.action.startswith("lifted") else None
        kind = kind or ("flagged" if f.action == "flagged" else None)
        if kind:
            marks.append((f.start, f.end, kind, f))
    for fix in report.encoding_fixes:
        if fix.end > fix.start:
            marks.append((fix.start, fix.end, "fixed", fix))
    bounds = sorted({0, len(source), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for left, right in itertools.pairwise(bounds):
        if right <= left:
            continue
        piece = escape(source[left:right])
        covering = [m for m in marks if m[0] <= left and right <= m[1]]
        for _start, _end, kind, item in sorted(
            covering, key=lambda m: ("fixed", "flagged", "lifted", "removed").index(m[2])
        ):
            if kind == "fixed":
                title = f"encoding fix: {item.original!r} -> {item.fixed!r} ({', '.join(item.explanation)})"
                piece = f'<span class="fixed" title="{escape(title)}">{piece}</span>'
            else:
                title = escape(f"{item.code} {item.rule}: {item.message}")
                css = _css_class(item.category)
                if kind == "removed":
                    piece = f'<del class="{css}" title="{title}">{piece}</del>'
                else:
                    piece = f'<span class="{kind} {css}" title="{title}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _source_of(result) -> str | None:
    from corpuskit.assemble import rebuild_normalized

    if result.record is None:
        return None
    try:
        return rebuild_normalized(result.record.text, result.report)
    except ValueError:
        return None


def _seed_section(result, fail_on: Severity) -> str:
    report = result.report
    status = _status(report, fail_on)
    codes = " ".join(sorted({f.code for f in report.findings}))
    parts = [
        f'<section class="seed" id="seed-{escape(report.id)}" data-seed="{escape(report.path)}" '
        f'data-status="{status}" data-rules="{escape(codes)}">',
        f'<h2><span class="status status-{status}">{status}</span> {escape(report.path)}</h2>',
    ]
    record = result.record
    if record is not None:
        rows = []
        for field in ("title", "authors", "published", "source", "url", "language"):
            value = getattr(record.meta, field)
            shown = ", ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
            origin = report.metadata.get(field)
            how = ""
            if origin is not None:
                how = origin.origin + (f" by {origin.method}" if origin.method != "none" else "")
                how += f", line {origin.line}" if origin.line else ""
                how += f" ({origin.note})" if origin.note else ""
            rows.append(
                f"<tr><th>{field}</th><td>{escape(shown)}</td><td class='muted'>{escape(how)}</td></tr>"
            )
        parts.append(
            "<details open><summary>Metadata</summary><table>" + "".join(rows) + "</table></details>"
        )
        stats = record.stats
        parts.append(
            f"<p class='muted'>{stats.chars_in} characters in, {stats.chars_out} out; "
            f"{stats.removed_share:.0%} removed; decoded as {escape(report.decoding.encoding)}"
            f"{' (detected)' if report.decoding.detected else ''}.</p>"
        )
    if report.encoding_fixes:
        rows = [
            f"<tr><td class='n'>{fix.line}</td><td>{escape(repr(fix.original))}</td>"
            f"<td>{escape(repr(fix.fixed))}</td><td>{escape(', '.join(fix.explanation))}</td></tr>"
            for fix in report.encoding_fixes
        ]
        parts.append(
            f"<details><summary>Encoding fixes ({len(rows)})</summary><table><tr><th>line</th>"
            "<th>original</th><th>fixed</th><th>why</th></tr>" + "".join(rows) + "</table></details>"
        )
    source = _source_of(result)
    if source is not None:
        parts.append(
            "<details open><summary>Text</summary><pre class='doc'>"
            + _marked_text(source, report)
            + "</pre></details>"
        )
    rows = [
        f"<tr data-code='{escape(f.code)}'><td class='n'>{f.line}:{f.column}</td><td>{escape(f.code)}</td>"
        f"<td>{escape(f.rule)}</td><td>{f.severity.value}</td><td>{escape(f.action or '')}</td>"
        f"<td>{escape(f.fix or '')}</td><td>{escape(f.message)}</td></tr>"
        for f in report.findings
    ]
    parts.append(
        f"<details open><summary>Findings ({len(rows)})</summary><table><tr><th>where</th><th>code</th>"
        "<th>rule</th><th>severity</th><th>action</th><th>fix</th><th>message</th></tr>"
        + "".join(rows)
        + "</table></details>"
    )
    parts.append("</section>")
    return "\n".join(parts)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render(results: list, config: Config, fail_on: Severity | None = None) -> str:
    """The whole page as one string."""
    fail_on = fail_on or config.fail_on
    reports = [r.report for r in results]
    categories = sorted({f.category for r in reports for f in r.findings})
    style = _STYLE + "".join(
        f".{_css_class(c)} {{ color: {_colour(c)}; text-decoration-color: {_colour(c)}; }}\n"
        for c in categories
    )
    codes = Counter(f.code for r in reports for f in r.findings)
    names = {f.code: f.rule for r in reports for f in r.findings}
    statuses = Counter(_status(r, fail_on) for r in reports)
    rows = []
    for result in results:
        report = result.report
        status = _status(report, fail_on)
        severities = Counter(f.severity.value for f in report.findings)
        actions = Counter((f.action or "").split(":")[0] for f in report.findings)
        share = f"{result.record.stats.removed_share:.0%}" if result.record is not None else "-"
        seed_codes = " ".join(sorted({f.code for f in report.findings}))
        rows.append(
            f'<tr data-seed="{escape(report.path)}" data-status="{status}" data-rules="{escape(seed_codes)}">'
            f'<td><a href="#seed-{escape(report.id)}">{escape(report.path)}</a></td>'
            f'<td><span class="status status-{status}">{status}</span></td>'
            f"<td class='n'>{severities['error']}</td><td class='n'>{severities['warning']}</td>"
            f"<td class='n'>{severities['info']}</td><td class='n'>{actions['removed']}</td>"
            f"<td class='n'>{actions['lifted']}</td><td class='n'>{len(report.encoding_fixes)}</td>"
            f"<td class='n'>{share}</td></tr>"
        )
    rule_options = "".join(
        f'<option value="{escape(code)}">{escape(code)} {escape(names[code])} ({count})</option>'
        for code, count in sorted(codes.items())
    )
    status_options = "".join(
        f'<option value="{s}">{s} ({statuses[s]})</option>' for s in ("fail", "warn", "ok")
    )
    legend = "".join(f'<span class="{_css_class(c)}"><del>{escape(c)}</del></span>' for c in categories)
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(_SCRIPT)}; base-uri 'none'; form-action 'none'"
    )
    sections = "\n".join(_seed_section(result, fail_on) for result in results)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>corpuskit review: {len(reports)} seeds</title>
<style>{style}</style>
</head>
<body>
<header><h1>corpuskit review</h1>
<div>{len(reports)} seeds: {statuses["fail"]} fail, {statuses["warn"]} warn, {statuses["ok"]} ok
(fails on {fail_on.value}); corpuskit {__version__}</div></header>
<main>
<div class="filters">
<label>Rule <select id="f-rule"><option value="">all rules</option>{rule_options}</select></label>
<label>Status <select id="f-status"><option value="">any status</option>{status_options}</select></label>
<label>Name <input id="f-name" type="search" placeholder="part of a path"></label>
<span><span id="shown">{len(reports)}</span> of {len(reports)} seeds shown</span>
</div>
<p class="legend">Removed text is struck through in the colour of its category: {legend}
<span class="lifted">lifted into metadata</span> <span class="flagged">flagged, kept</span>
<span class="fixed">encoding repaired</span></p>
<table id="seeds"><thead><tr><th>seed</th><th>status</th><th>errors</th><th>warnings</th><th>info</th>
<th>removed</th><th>lifted</th><th>encoding fixes</th><th>removed share</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody></table>
{sections}
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def write_review(path: Path, results: list, config: Config) -> None:
    """Write the page atomically."""
    from corpuskit.atomic import atomic_file

    with atomic_file(Path(path)) as handle:
        handle.write(render(results, config))
