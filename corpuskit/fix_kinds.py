"""Which findings can be fixed in the seed file, and how safely.

A safe fix changes how a seed is written, never what it says (encoding repair, whitespace,
line endings, the final newline); an unsafe one changes what it says or how it is stored
(removing boilerplate, rewriting another charset as UTF-8).
`fix_kind` fills `Finding.fix`; `corpuskit.fixes` applies the fixes.
"""

from __future__ import annotations

from collections.abc import Iterable

from corpuskit.models import Finding

SAFE, UNSAFE = "safe", "unsafe"

# code -> kind of fix, for codes whose fix does not depend on the finding's action
FIX_KINDS: dict[str, str] = {"E001": SAFE, "E003": SAFE, "E004": SAFE, "E002": UNSAFE}


def fix_kind(finding: Finding) -> str | None:
    """Whether a finding can be fixed in the seed file, and how safely.

    >>> from corpuskit.models import Finding
    >>> def f(code, action=None):
    ...     return Finding(code=code, rule="r", category="c", severity="info", message="m", action=action)
    >>> fix_kind(f("E001", "fixed")), fix_kind(f("B101", "removed")), fix_kind(f("M002", "lifted:authors"))
    ('safe', 'unsafe', None)
    """
    kind = FIX_KINDS.get(finding.code)
    if kind is None and finding.action == "removed":
        kind = UNSAFE
    return kind


def assign_fixes(findings: list[Finding]) -> None:
    """Fill `fix` on every finding of a seed (`fix_kind`), but a removed line that a lifted
    field rests on (`evidence_of_lifts`) gets none: an unsafe fix keeps it."""
    kept = evidence_of_lifts(findings)
    for finding in findings:
        finding.fix = None if finding.action == "removed" and finding.text in kept else fix_kind(finding)


def evidence_of_lifts(findings: list[Finding]) -> set[str]:
    """Removed lines a lifted field rests on, which an unsafe fix keeps: the credit or the
    copyright line that names the outlet printed above the article (M004 lifts a name only
    when the page signs with it). Deleting them would lose `meta.source` the next time the
    seed is cleaned.

    >>> lifted = Finding(code="M004", rule="source-line", category="metadata", severity="info",
    ...     message="outlet name: Dagbladet", text="Dagbladet", action="lifted:source")
    >>> credit = Finding(code="B103", rule="credit", category="credit", severity="info",
    ...     message="credit", text="Foto: Dagbladet", action="removed")
    >>> evidence_of_lifts([lifted, credit])
    {'Foto: Dagbladet'}
    """
    names = {f.text for f in findings if f.action == "lifted:source" and f.text}
    return {
        f.text for f in findings if f.action == "removed" and f.text and any(name in f.text for name in names)
    }


def fixable_codes(findings: Iterable[Finding], unsafe: bool) -> set[str]:
    """Codes whose fixes apply: safe ones, and unsafe ones when allowed."""
    kinds = {SAFE, UNSAFE} if unsafe else {SAFE}
    return {f.code for f in findings if f.fix in kinds}
