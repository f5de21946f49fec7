"""Switching rules off for one seed: a `corpuskit: noqa` line, and per-file ignores.

A seed names the codes (or prefixes) it wants off on its first non-blank line::

    # corpuskit: noqa: B105, M101

The marker may stand alone or inside a comment (``#``, ``//``, ``;``, ``%``, or
``<!-- … -->``). The line is not part of the text: cleaning drops it as layout, so the
cleaned record and the reconstruction are unaffected. A suppressed rule does not run on
that seed at all (its text stays); a code that would have matched nothing is reported as
Q001. Front matter or a sidecar can carry the same list (`noqa_from_meta`).

`per-file-ignores` in `[tool.corpuskit]` maps path patterns to codes in the same way,
without the unused check.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from corpuskit.project import path_forms

_DIRECTIVE = re.compile(
    r"^(?:<!--|#|//|;|%)?\s*corpuskit\s*:\s*noqa\b\s*:?\s*(?P<codes>[^>]*?)\s*(?:-->)?$", re.IGNORECASE
)
_CODE = re.compile(r"^(?:ALL|[A-Z]+[0-9]*)$")


@dataclass(frozen=True)
class Directive:
    """A `corpuskit: noqa` line: where it stands and what it names."""

    start: int
    end: int
    line: int
    codes: tuple[str, ...]
    invalid: tuple[str, ...] = ()


def parse_directive(text: str) -> Directive | None:
    """The suppression on the first non-blank line of normalized text, if there is one.

    >>> parse_directive("# corpuskit: noqa: B105, m101\\nText.").codes
    ('B105', 'M101')
    >>> parse_directive("<!-- corpuskit: noqa: B1 -->\\n").codes
    ('B1',)
    >>> parse_directive("Text first.\\n# corpuskit: noqa: B105") is None
    True
    """
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.strip()
        if not content:
            offset += len(line) + 1
            continue
        match = _DIRECTIVE.match(content)
        if not match:
            return None
        start = offset + len(line) - len(line.lstrip())
        names = [c.upper() for c in re.split(r"[\s,]+", match.group("codes")) if c]
        valid = tuple(c for c in names if _CODE.match(c))
        invalid = tuple(c for c in names if not _CODE.match(c))
        return Directive(start, start + len(content), number, valid, invalid)
    return None


def matches(code: str, selectors: list[str] | tuple[str, ...]) -> bool:
    """Whether a code is named by any selector (a code, a prefix or ALL).

    >>> matches("B105", ["B1"]), matches("M101", ["B"]), matches("M101", ["ALL"])
    (True, False, True)
    """
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def per_file_ignores(path: str, table: dict[str, list[str]]) -> list[str]:
    """Codes switched off for `path` by `per-file-ignores` (fnmatch patterns matched
    against the path as given, relative to the project's folder, and its name:
    `project.path_forms`).

    >>> per_file_ignores("seeds/legacy/a.txt", {"seeds/legacy/*": ["M101"], "*.html": ["B"]})
    ['M101']
    """
    if not table:
        return []
    candidates = path_forms(path)
    codes: list[str] = []
    for pattern, names in table.items():
        if any(fnmatch.fnmatch(c, pattern) for c in candidates):
            codes.extend(n for n in names if n not in codes)
    return codes


def noqa_from_meta(meta: dict) -> list[str]:
    """The hook for explicit metadata (front matter or a sidecar): the codes under
    `corpuskit: {noqa: [...]}` or a top-level `noqa` key.

    >>> noqa_from_meta({"corpuskit": {"noqa": ["b105"]}}), noqa_from_meta({"noqa": "M101, M102"})
    (['B105'], ['M101', 'M102'])
    """
    value = meta.get("noqa")
    nested = meta.get("corpuskit")
    if isinstance(nested, dict) and "noqa" in nested:
        value = nested["noqa"]
    if isinstance(value, str):
        value = re.split(r"[\s,]+", value)
    return [str(v).upper() for v in value or () if str(v).strip()]
