"""Findings as cleaning makes them: which rules are on for a seed and at what severity,
where a finding stands in the seed (line and column, or the HTML element), and the
findings made from a rule's hit, a metadata problem or an element the HTML stage left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corpuskit.models import Detail, Finding, Severity
from corpuskit.rules import ALL_RULES, selected
from corpuskit.rules.base import Hit, Rule
from corpuskit.rules.html import MarkedButKept
from corpuskit.suppress import matches

if TYPE_CHECKING:
    from collections.abc import Iterable

    from corpuskit.config import Config
    from corpuskit.explicit import Problem
    from corpuskit.html import HtmlPage

_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class RuleSwitches:
    """Which rules are on for one seed, and at what severity: selected by the settings and
    not suppressed (per-file ignores, the seed's own `corpuskit: noqa` line)."""

    config: Config
    suppressed: tuple[str, ...]

    def on(self, rule: type[Rule]) -> bool:
        return selected(rule.code, self.config.select, self.config.ignore) and not matches(
            rule.code, self.suppressed
        )

    def enabled(self, rules: Iterable[type[Rule]]) -> list:
        """The rules among `rules` that are on, in their order."""
        return [rule for rule in rules if self.on(rule)]

    def severity(self, rule: type[Rule]) -> Severity:
        return self.config.severity.get(rule.code, rule.severity)


def finding(rule: type[Rule], message: str, severity: Severity, **where) -> Finding:
    return Finding(
        code=rule.code, rule=rule.name, category=rule.category, severity=severity, message=message, **where
    )


class Locator:
    """Offsets in the normalized text to 1-based line and column."""

    def __init__(self, text: str):
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def __call__(self, offset: int) -> dict[str, int]:
        line = bisect.bisect_right(self.starts, offset)
        return {"line": line, "column": offset - self.starts[line - 1] + 1}


class ElementLocator(Locator):
    """HTML seeds: offsets in the extracted text view to the element each line came from
    (its source line in the page, when the parser knows it, and its CSS path)."""

    def __init__(self, text: str, elements: list[tuple[str, int | None]]):
        super().__init__(text)
        self.elements = elements

    def __call__(self, offset: int) -> dict:
        line = bisect.bisect_right(self.starts, offset) - 1
        element, source_line = self.elements[line] if line < len(self.elements) else (None, None)
        return {"line": source_line or 1, "column": 1, "element": element}


def block_finding(hit: Hit, action: str, severity, source: str, locate) -> Finding:
    block = hit.block
    rule_severity = severity(hit.rule)
    if action == "flagged":
        rule_severity = max(rule_severity, Severity.WARNING, key=lambda s: s.rank)
    return finding(
        hit.rule,
        hit.message,
        rule_severity,
        start=block.start,
        end=block.end,
        text=source[block.start : block.end],
        action=action,
        **locate(block.start),
    )


def problem_finding(problem: Problem, severity, path: str) -> Finding:
    rule = ALL_RULES[problem.code]
    where = ""
    if problem.file and problem.file != path:  # a sidecar: name it, and the line
        where = f"{problem.file}:{problem.line}: " if problem.line else f"{problem.file}: "
    return finding(
        rule,
        where + problem.message,
        severity(rule),
        line=problem.seed_line,
        detail=Detail(
            type=problem.type,
            loc=list(problem.loc),
            value=problem.value,
            file=problem.file,
            line=problem.line,
        ),
    )


def html_findings(page: HtmlPage, rules: RuleSwitches) -> list[Finding]:
    """One finding per element (or run of blocks) the HTML stage left out or kept unsure."""
    found = []
    for removal in page.extraction.removals:
        rule = ALL_RULES[removal.code]
        if not rules.on(rule):
            continue
        flagged = rule is MarkedButKept
        found.append(
            finding(
                rule,
                f"{removal.element}: {removal.reason}" if removal.element else removal.reason,
                rules.severity(rule),
                line=removal.line or 1,
                text=removal.text or None,
                action="flagged" if flagged else "removed",
                element=removal.element or None,
            )
        )
    return found
