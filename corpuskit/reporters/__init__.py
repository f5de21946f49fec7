"""Ways to print findings: one function per format, `(reports, stream, context) -> None`.

`context` (a `Context`, optional) tells a format what it may need beyond the reports:
the severity that fails the gate, how many reports are on files not read, and how many
seeds were checked when only the failing ones are reported. Formats
other than text and JSON are imported on use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from corpuskit.reporters.json_format import write_json
from corpuskit.reporters.text import write_concise, write_text
from corpuskit.severity import Severity


@dataclass
class Context:
    fail_on: Severity = Severity.ERROR
    not_read: int = 0  # reports on files of the corpus folders that were not read (F004-F006)
    checked: int | None = None  # seeds checked, when the reports are only those that fail (build)


def _lazy(module: str, function: str) -> Callable:
    def write(reports, stream, context: Context | None = None) -> None:
        getattr(import_module(f"corpuskit.reporters.{module}"), function)(reports, stream, context)

    return write


REPORTERS: dict[str, Callable] = {
    "text": write_text,
    "concise": write_concise,
    "json": write_json,
    "github": _lazy("github", "write_github"),
    "sarif": _lazy("sarif", "write_sarif"),
    "junit": _lazy("junit", "write_junit"),
}
