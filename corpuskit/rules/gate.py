"""Codes of the gate itself: the layout of the seed file, and suppressions.

These report on the file rather than on its text: the fixes for E003 and E004 are safe
(`corpuskit check --fix`), and Q001 says a suppression in a seed no longer suppresses
anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpuskit.models import Severity
from corpuskit.rules.base import Notice

if TYPE_CHECKING:
    from corpuskit.normalize import Normalized


class FinalNewline(Notice):
    """Reports a seed that does not end with exactly one line break.

    What it does: a seed file whose last line has no line break, or that ends with blank
    lines, gets this finding; `--fix` ends it with one line break (safe fix). Text given
    as a string (`clean_text`) has no file layout and is not checked.

    Why: files without a final newline or with trailing blank lines make noisy diffs and
    break tools that read line by line.

    Example:
        >>> from corpuskit import clean_bytes
        >>> [f.code for f in clean_bytes(BODY.encode(), "a.txt").report.findings if f.code[0] == "E"]
        ['E003']
        >>> [f.code for f in clean_bytes(f"{BODY}\\n".encode(), "a.txt").report.findings if f.code[0] == "E"]
        []
    """

    code, name, category = "E003", "final-newline", "whitespace"
    summary = "no single line break at the end of the file"


class MixedLineEndings(Notice):
    """Reports a seed whose lines end in different ways (LF, CRLF, CR).

    What it does: the usual line ending of the file wins; each line that ends otherwise
    is one finding, and `--fix` gives it the usual ending (safe fix).

    Why: mixed line endings come from copying between systems and make diffs unreadable.

    Example:
        >>> from corpuskit import clean_bytes
        >>> raw = f"{BODY}\\r\\n{BODY}\\n{BODY}\\n".encode()
        >>> [f.line for f in clean_bytes(raw, "a.txt").report.findings if f.code == "E004"]
        [1]
    """

    code, name, category = "E004", "mixed-line-endings", "whitespace"
    summary = "a line ends differently from the rest of the file"


class UnusedSuppression(Notice):
    """Reports a suppression in a seed that suppresses nothing.

    What it does: a seed may switch rules off for itself with a first line such as
    ``# corpuskit: noqa: B105, M101``; each code (or prefix) there that would bring back no
    finding if it alone were lifted (the others still suppressed) is reported, and so is a
    suppression that names no code.

    Why: a suppression that outlived its reason hides the next real problem.

    Example:
        >>> from corpuskit import clean_text
        >>> res = clean_text("# corpuskit: noqa: B101, B103\\nSponsor: Acme\\n\\n" + BODY + "\\n")
        >>> [(f.code, f.text) for f in res.report.findings if f.code in ("B101", "Q001")]
        [('Q001', 'B103')]
    """

    code, name, category = "Q001", "unused-suppression", "suppression"
    severity = Severity.WARNING
    summary = "a suppression in the seed suppresses nothing"


def layout_problems(normalized: Normalized) -> list[tuple[type[Notice], str, dict]]:
    """File-layout problems of a normalized seed: (rule, message, where) for E003
    (final newline) and E004 (mixed line endings); `where` holds offsets into the
    normalized text.

    >>> from corpuskit.normalize import normalize
    >>> for rule, message, _ in layout_problems(normalize("a\\r\\nb\\nc\\n\\n")):
    ...     print(rule.code, message)
    E004 line ends with '\\r\\n', the file uses '\\n'
    E003 1 blank line at the end of the file
    """
    text = normalized.text
    problems: list[tuple[type[Notice], str, dict]] = []
    for change in normalized.newline_changes:
        message = f"line ends with {change.original!r}, the file uses {normalized.newline!r}"
        problems.append((MixedLineEndings, message, {"start": change.offset, "end": change.offset + 1}))
    if text.strip():
        body = text.rstrip()
        tail = text[len(body) :]
        blank = tail.count("\n") - 1
        if not tail.count("\n"):
            message = "no line break at the end of the file"
            problems.append((FinalNewline, message, {"start": len(text), "end": len(text)}))
        elif blank > 0 or tail.strip("\n"):
            lines = "line" if blank == 1 else "lines"
            message = f"{blank} blank {lines} at the end of the file"
            start = len(body) + 1
            problems.append((FinalNewline, message, {"start": start, "end": len(text)}))
    return problems
