"""Ways to print findings: one function per format, `(reports, stream) -> None`."""

from __future__ import annotations

from corpuskit.reporters.json_format import write_json
from corpuskit.reporters.text import write_text

REPORTERS = {"text": write_text, "json": write_json}
