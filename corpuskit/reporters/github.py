"""GitHub Actions: one workflow command per finding (shown as annotations on the
changed files), and a Markdown summary for the job page (`$GITHUB_STEP_SUMMARY`)."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from corpuskit.models import FileReport, Severity
from corpuskit.reporters.text import one_line

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_LIMIT = 1024 * 1024 - 64 * 1024  # GitHub takes at most 1 MiB per step summary
WORST_FILES = 25


def escape_data(text: str) -> str:
    """The message part of a workflow command: line breaks in GitHub's own escapes, other
    characters that are not printable (ESC, tabs, direction overrides) written as the text
    format writes them, so that no control character reaches the log raw.

    >>> escape_data("50% off\\nnow")
    '50%25 off%0Anow'
    >>> print(escape_data("seeds/\\x1b[31mred.txt"))
    seeds/\\x1b[31mred.txt
    """
    text = "\n".join("\r".join(map(one_line, line.split("\r"))) for line in text.split("\n"))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title) of a workflow command.

    >>> escape_property("a,b: c.txt")
    'a%2Cb%3A c.txt'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(reports: list[FileReport], stream: TextIO, context=None) -> None:
    for report in reports:
        for f in report.findings:
            props = [f"file={escape_property(report.path)}", f"line={f.line}", f"col={f.column}"]
            props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
            message = f.message + (f" [{f.action}]" if f.action else "")
            stream.write(f"::{LEVELS[f.severity]} {','.join(props)}::{escape_data(message)}\n")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return one_line(" ".join(text.split()))


def step_summary(reports: list[FileReport], fail_on: Severity) -> str:
    """Markdown: verdict, findings per rule, the files with the most serious findings;
    kept under the size GitHub accepts."""
    severities = ("error", "warning", "info")
    totals = Counter(f.severity.value for r in reports for f in r.findings)
    failed = any(f.severity.rank >= fail_on.rank for r in reports for f in r.findings)
    verdict = "❌ failed" if failed else "✅ passed"
    lines = [
        f"## corpuskit check: {verdict}",
        "",
        f"{len(reports)} seeds, "
        + ", ".join(f"{totals[s]} {s}" for s in severities)
        + f" (fails on {fail_on.value}).",
        "",
    ]
    rules: dict[str, list] = {}
    for report in reports:
        for f in report.findings:
            entry = rules.setdefault(f.code, [f.rule, f.severity.value, 0, set(), f.fix])
            entry[2] += 1
            entry[3].add(report.path)
    if rules:
        lines += ["| rule | name | severity | findings | seeds | fix |", "|---|---|---|--:|--:|---|"]
        order = sorted(rules.items(), key=lambda kv: (-Severity(kv[1][1]).rank, -kv[1][2], kv[0]))
        for code, (name, severity, count, seeds, fix) in order:
            lines.append(f"| {code} | {name} | {severity} | {count} | {len(seeds)} | {fix or ''} |")
        lines.append("")
    ranked = sorted(
        (r for r in reports if r.findings),
        key=lambda r: (
            tuple(-sum(f.severity.value == s for f in r.findings) for s in severities),
            r.path,
        ),
    )
    if ranked:
        lines += [
            f"### Worst files (top {min(WORST_FILES, len(ranked))} of {len(ranked)})",
            "",
            "| file | errors | warnings | info |",
            "|---|--:|--:|--:|",
        ]
        for report in ranked[:WORST_FILES]:
            counts = Counter(f.severity.value for f in report.findings)
            lines.append(
                f"| `{_cell(report.path)}` | {counts['error']} | {counts['warning']} | {counts['info']} |"
            )
        lines.append("")
    text = "\n".join(lines) + "\n"
    if len(text.encode("utf-8")) > SUMMARY_LIMIT:
        text = text.encode("utf-8")[:SUMMARY_LIMIT].decode("utf-8", "ignore")
        text = text[: text.rfind("\n") + 1] + "\n_(summary cut to fit the size limit)_\n"
    return text


def append_step_summary(path: str, reports: list[FileReport], fail_on: Severity) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(step_summary(reports, fail_on))
