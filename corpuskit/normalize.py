"""Encoding and whitespace repair, line by line, with an edit log.

Each line goes through ftfy (conservative: typographic quotes, dashes and character widths
are kept; NFC), odd spaces become plain spaces and trailing whitespace goes. Line endings
become ``\\n``. Every change is recorded as an `EncodingFix` (or in `Decoding.newline_changes`),
so `restore` rebuilds the decoded text exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from corpuskit.ftfy_gate import default_gate
from corpuskit.ftfy_settings import ftfy_config
from corpuskit.models import Decoding, EncodingFix, NewlineChange

_LINE_END = re.compile(r"\r\n|\r|\n")
_ODD_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
_BREAKS_INSIDE_A_LINE = re.compile("[\r\n]")
_NEWLINE = re.compile("\n")
_TAG_OPEN = re.compile("<")
# Whitespace that `str.rstrip` removes: the ASCII spaces below, and characters the gate
# reports anyway (ASCII and C1 controls, odd spaces) or is told to (line separators).
_TRAILING_SPACES = " \t\x0c"
_SUSPECT_SPACES = _ODD_SPACES + "\u2028\u2029"


class _Ftfy:
    """The ftfy fixer, loaded on first use so a clean ASCII seed never imports it."""

    config = None

    @classmethod
    def fix(cls, line: str) -> tuple[str, list[str]]:
        from corpuskit.ftfy_run import fix_and_explain  # ftfy's result, idle fixers skipped

        if cls.config is None:
            cls.config = ftfy_config()
        fixed, steps = fix_and_explain(line, cls.config, default_gate())
        return fixed, [name for _, name in steps or ()]


def might_need_ftfy(line: str) -> bool:
    """Exact, cheap test: False only when ftfy would return the line unchanged (see
    `corpuskit.ftfy_gate`), so ftfy runs on the few lines it could fix.

    >>> might_need_ftfy("plain ASCII text"), might_need_ftfy("caf\\u00e9"), might_need_ftfy("a &amp; b")
    (False, False, True)
    >>> might_need_ftfy("doesn\u00e2\u20ac\u2122t")
    True
    """
    return default_gate().might_change(line)


_TAG_NAMES = (
    "a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|center|cite|code|dd|del|"
    "div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|"
    "input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|"
    "section|select|small|source|span|strike|strong|style|sub|sup|table|tbody|td|textarea|tfoot|th|"
    "thead|time|title|tr|tt|u|ul|video|wbr"
)
_ATTRIBUTE = r"""\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+)"""
_COMMENT = r"<!--(?!\s*corpuskit:).*?-->"  # a comment holding a corpuskit directive is not stray


@cache
def stray_tag() -> re.Pattern[str]:
    """The pattern of an HTML tag or comment in a line of text (compiled on first use: most
    seeds hold no "<" at all)."""
    return re.compile(rf"<(?:/(?:{_TAG_NAMES})\s*|(?:{_TAG_NAMES})(?:{_ATTRIBUTE})*\s*/?)>|{_COMMENT}", re.I)


STRIP_TAGS_STEP = "strip stray HTML tags"


def strip_stray_tags(line: str) -> str:
    """Remove HTML tags and comments from a line of text; a tag between two words becomes
    a space. Only tags of HTML elements whose attributes all have values are tags; a
    comment holding a `corpuskit:` directive is the seed's own and stays.

    >>> strip_stray_tags('<p>One<br/>two <a href="/x" class=k>three</a></p>')
    'One two three'
    >>> strip_stray_tags("if a <b and c> d, or <3")
    'if a <b and c> d, or <3'
    """
    if "<" not in line:
        return line
    pieces = stray_tag().split(line)
    if len(pieces) == 1:
        return line
    out = pieces[0]
    for piece in pieces[1:]:
        if out and piece and not out[-1].isspace() and not piece[0].isspace():
            out += " "
        elif out and piece and out[-1].isspace() and piece[0].isspace():
            piece = piece.lstrip()
        out += piece
    return out


def fix_line(line: str, strip_tags: bool = False) -> tuple[str, list[str]]:
    """Repair one line; return the new line and the names of the fixes applied. With
    `strip_tags`, HTML tags are removed first (text seeds only).

    >>> fix_line("doesnâ€™t\\u00a0stop  ")
    ('doesn’t stop', ['decode_inconsistent_utf8', 'replace odd spaces', 'strip trailing whitespace'])
    >>> fix_line("“kept” – as is")
    ('“kept” – as is', [])
    """
    fixed, steps, _ = _fix_line(line, strip_tags)
    return fixed, steps


def _fix_line(
    line: str, strip_tags: bool, again: bool = True
) -> tuple[str, list[str], tuple[int, int] | None]:
    """`fix_line`, and when only odd spaces and trailing whitespace changed, how many
    characters at the start and at the end the line and its repair share (known from
    where the changes are: the first odd space or where the whitespace is cut, and the
    only odd space or the cut end), else None.

    >>> _fix_line("a\u00a0b\u2009c ", False)
    ('a b c', ['replace odd spaces', 'strip trailing whitespace'], (1, 0))
    >>> _fix_line("a\u00a0bc", False)[2], _fix_line("a\u00a0b c\u00a0d", False)[2]
    ((1, 2), None)
    """
    steps: list[str] = []
    original = line
    if strip_tags:
        stripped = strip_stray_tags(line)
        if stripped != line:
            line = stripped
            steps.append(STRIP_TAGS_STEP)
    if might_need_ftfy(line):
        line, ftfy_steps = _Ftfy.fix(line)
        steps.extend(ftfy_steps)
        if _BREAKS_INSIDE_A_LINE.search(line):
            line = _BREAKS_INSIDE_A_LINE.sub(" ", line)
            steps.append("line break inside a line to space")
    odd = _ODD_SPACE.search(line)
    if odd is None:
        spaced, count = line, 0
    else:
        spaced, count = _ODD_SPACE.subn(" ", line)
        steps.append("replace odd spaces")
    stripped = spaced.rstrip()
    if len(stripped) < len(spaced):
        steps.append("strip trailing whitespace")
    if again and not stripped.isascii():  # ftfy judges other letters by what stands beside them
        core = stripped.lstrip()  # the line as the record shows it: ftfy may see more there
        if core != line and might_need_ftfy(core):
            return _fix_again(stripped, steps)
    if line is not original:
        return stripped, steps, None
    shared = len(stripped) if odd is None else min(odd.start(), len(stripped))
    if len(stripped) < len(line):  # whitespace cut: the line ends in it, the repair does not
        return stripped, steps, (shared, 0)
    if count == 1:
        return stripped, steps, (shared, len(line) - 1 - odd.start())
    return stripped, steps, None


def _fix_again(line: str, steps: list[str], rounds: int = 2) -> tuple[str, list[str], None]:
    """Repair a line again, as the record will show it (without the whitespace around it),
    until nothing changes (at most `rounds` more times). ftfy reads the characters beside
    a letter to judge it: a letter it left alone beside an odd space or a tab can be
    mojibake it fixes once the space is plain or the tab gone from the record. Without
    this, cleaning cleaned text would change it.

    >>> fix_line("\u00a0\u00c2\u0080")[0]
    ' €'
    """
    for _ in range(rounds):
        core = line.lstrip()
        fixed, more, _ = _fix_line(core, False, again=False)
        if fixed == core:
            break
        line, steps = line[: len(line) - len(core)] + fixed, steps + more
    return line, steps, None


@dataclass
class Normalized:
    text: str
    fixes: list[EncodingFix] = field(default_factory=list)
    newline: str = "\n"
    newline_changes: list[NewlineChange] = field(default_factory=list)


def normalize(text: str, strip_tags: bool = False, utf8: bytes | None = None) -> Normalized:
    """Normalize decoded text and log every change (`strip_tags`: see `fix_line`; `utf8`:
    the text's UTF-8, when the caller has it, see `corpuskit.decode.utf8_of`).

    Only lines that can change are looked at one by one: odd spaces, trailing whitespace
    and what ftfy could fix are found by scanning the whole text, so a clean document
    costs a few C-speed scans and is never split into lines. `normalize_lines` is the
    plain line-by-line definition; both give the same result (tests/test_ftfy_gate.py).

    >>> n = normalize("a\\r\\nb\\u00a0\\r\\n")
    >>> n.text, n.newline, [f.explanation for f in n.fixes]
    ('a\\nb\\n', '\\r\\n', [['replace odd spaces', 'strip trailing whitespace']])
    """
    if "\r" in text:
        endings = _LINE_END.findall(text)
        if len(set(endings)) > 1:
            return normalize_lines(text, strip_tags)
        newline = endings[0]
        joined = text.replace(newline, "\n")
    else:
        joined, newline = text, "\n"
    # and whitespace at the end of a line that the gate does not report anyway (its other
    # whitespace characters are controls, C1 or odd spaces: `_SUSPECT_SPACES`)
    utf8 = utf8 if joined is text else None
    positions = default_gate().suspects(joined, also=_SUSPECT_SPACES, line_ends=_TRAILING_SPACES, utf8=utf8)
    if positions is None:  # not in normal form: every line may change
        positions = [0, *(m.end() for m in _NEWLINE.finditer(joined))]
    if strip_tags and "<" in joined:
        positions += [m.start() for m in _TAG_OPEN.finditer(joined)]
    if not positions:
        return Normalized(joined, [], newline, [])
    fixes: list[EncodingFix] = []
    pieces: list[str] = []
    cursor = 0  # where the text not yet copied to `pieces` begins
    done = 0  # where the last line looked at ends
    number, counted = 1, 0  # the line number of offset `counted`
    delta = 0  # length change so far
    for position in sorted(positions):
        if position < done:
            continue  # on a line already looked at
        start = joined.rfind("\n", 0, position) + 1
        end = joined.find("\n", position)
        if end < 0:
            end = len(joined)
        done = end + 1
        number += joined.count("\n", counted, start)
        counted = start
        line = joined[start:end]
        fixed, steps, shared = _fix_line(line, strip_tags)
        if fixed != line:
            fixes.append(_minimal_fix(number, start + delta, line, fixed, steps, shared))
            pieces += (joined[cursor:start], fixed)
            delta += len(fixed) - len(line)
            cursor = end
    if not fixes:
        return Normalized(joined, [], newline, [])
    pieces.append(joined[cursor:])
    return Normalized("".join(pieces), fixes, newline, [])


def normalize_lines(text: str, strip_tags: bool = False) -> Normalized:
    """`normalize`, line by line: the reference definition, and the path for mixed line
    endings."""
    parts = _LINE_END.split(text)
    endings = _LINE_END.findall(text)
    newline = Counter(endings).most_common(1)[0][0] if endings else "\n"
    out: list[str] = []
    fixes: list[EncodingFix] = []
    changes: list[NewlineChange] = []
    offset = 0
    for number, line in enumerate(parts, start=1):
        fixed, steps, shared = _fix_line(line, strip_tags)
        if fixed != line:
            fixes.append(_minimal_fix(number, offset, line, fixed, steps, shared))
        out.append(fixed)
        offset += len(fixed)
        if number <= len(endings):
            ending = endings[number - 1]
            if ending != newline:
                changes.append(NewlineChange(offset=offset, original=ending))
            offset += 1
    return Normalized("\n".join(out), fixes, newline, changes)


def _minimal_fix(
    number: int, offset: int, before: str, after: str, steps: list[str], shared: tuple[int, int] | None = None
) -> EncodingFix:
    """Record only the stretch that changed: common prefix and suffix are left out
    (`shared`: their lengths, when the caller knows them).

    >>> f = _minimal_fix(3, 10, "ab\u00a0cd  ", "ab cd", ["x"])
    >>> f.start, f.end, f.original, f.fixed
    (12, 15, '\\xa0cd  ', ' cd')
    """
    if shared is not None:
        prefix, suffix = shared
    else:
        prefix = _common_length(before, after, min(len(before), len(after)), False)
        limit = min(len(before), len(after)) - prefix
        suffix = _common_length(before, after, limit, True)
    return EncodingFix(
        line=number,
        start=offset + prefix,
        end=offset + len(after) - suffix,
        original=before[prefix : len(before) - suffix],
        fixed=after[prefix : len(after) - suffix],
        explanation=steps,
    )


def _common_length(a: str, b: str, limit: int, from_end: bool) -> int:
    """How many characters (at most `limit`) `a` and `b` share at the start (or the end),
    found by bisection with `str.startswith` (`str.endswith`) at C speed: each step
    compares only the stretch not yet known to be shared, so the whole search reads about
    `limit` characters in a dozen steps, whatever the length.

    >>> _common_length("abcdef", "abcxef", 6, False), _common_length("abcdef", "abcxef", 6, True)
    (3, 2)
    >>> [_common_length("abc", "abd", n, False) for n in range(4)], _common_length("", "x", 0, True)
    ([0, 1, 2, 2], 0)
    """
    low, high = 0, limit  # `low` characters are shared, `high` are not (unless all `limit` are)
    if from_end:
        end_a, end_b = len(a), len(b)
        if a.endswith(b[end_b - limit :]):
            return limit
        while high - low > 1:
            mid = (low + high) // 2
            if a.endswith(b[end_b - mid : end_b - low], 0, end_a - low):
                low = mid
            else:
                high = mid
        return low
    if a.startswith(b[:limit]):
        return limit
    while high - low > 1:
        mid = (low + high) // 2
        if a.startswith(b[low:mid], low):
            low = mid
        else:
            high = mid
    return low


def restore(normalized: str, fixes: list[EncodingFix], decoding: Decoding) -> str:
    """Undo normalization: the decoded text exactly as it was.

    >>> n = normalize("x\\u00a0\\r\\ny\\n")
    >>> d = Decoding(encoding="utf-8", newline=n.newline, newline_changes=n.newline_changes)
    >>> restore(n.text, n.fixes, d) == "x\\u00a0\\r\\ny\\n"
    True
    """
    text = normalized
    changes = {c.offset: c.original for c in decoding.newline_changes}
    pieces: list[str] = []
    cursor = 0
    events = sorted(
        [(f.start, f.end, f.original) for f in fixes]
        + [(pos, pos + 1, None) for pos, ch in enumerate(text) if ch == "\n"]
    )
    for start, end, original in events:
        pieces.append(text[cursor:start])
        if original is None:
            pieces.append(changes.get(start, decoding.newline))
        else:
            pieces.append(original)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
