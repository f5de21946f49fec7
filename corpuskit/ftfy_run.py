"""`ftfy.fix_and_explain` at a lower cost, with exactly its result.

ftfy repeats one pass of fixers until a pass changes nothing: unescape HTML, fix the
encoding, then C1 controls, ligatures, character width, quotes, line breaks, surrogates,
terminal escapes and control characters, then Unicode normalization. Most of these fixers
can only act on a few characters (an ampersand, a C1 control, a ligature, ...), yet each
call reads the whole line (two of them through `str.translate`, which is slow on
non-ASCII text). `fix_and_explain` here runs the same passes in the same order and calls
a fixer only when one of its characters is in the text: a fixer left out would have
returned the text unchanged and added no step. Fixers without a known set of characters
(width, quotes, line breaks, off in corpuskit) are always called when enabled.

A pass's encoding repair is the same pure function of its input as in the pass before,
so when a pass starts from exactly the text the encoding repair returned in the pass
before, its last step is not run again: ftfy's loop would compute the same text and steps.
An encoding step on a text that is not bad (`ftfy.badness.is_bad`, which the gate answers
at a fraction of ftfy's cost) returns it unchanged with no step, as ftfy's does; on a text
that is bad, ftfy's step runs with that check answered by the gate as well.

tests/test_ftfy_gate.py compares the result, steps included, with ftfy's own on real
mojibake and generated text; `check_ftfy_tables` (corpuskit.ftfy_gate) and
`check_triggers` refuse an ftfy whose fixers differ from the ones modelled here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from corpuskit.ftfy_gate import GateError, char_class

# The fixers of one pass after the encoding repair, in ftfy's order.
AFTER_ENCODING = (
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_character_width",
    "uncurl_quotes",
    "fix_line_breaks",
    "fix_surrogates",
    "remove_terminal_escapes",
    "remove_control_chars",
)


@cache
def triggers() -> dict[str, re.Pattern[str]]:
    """For each fixer that can only act on certain characters, a pattern finding one.

    >>> sorted(triggers())[:3]
    ['fix_c1_controls', 'fix_latin_ligatures', 'fix_surrogates']
    """
    from ftfy import chardata

    chars = {
        "unescape_html": "&",  # every entity begins with one
        "fix_c1_controls": "".join(map(chr, range(0x80, 0xA0))),  # chardata.C1_CONTROL_RE
        "fix_latin_ligatures": "".join(map(chr, chardata.LIGATURES)),  # str.translate
        "fix_surrogates": "".join(map(chr, range(0xD800, 0xE000))),  # fixes.SURROGATE_RE
        "remove_terminal_escapes": "\x1b",  # fixes.ANSI_RE begins with ESC
        "remove_control_chars": "".join(map(chr, chardata.CONTROL_CHARS)),  # str.translate
    }
    return {name: re.compile(f"[{char_class(found)}]") for name, found in chars.items()}


@cache
def _any_trigger() -> re.Pattern[str]:
    return re.compile("|".join(p.pattern for name, p in triggers().items() if name != "unescape_html"))


@cache
def check_triggers() -> None:
    """Refuse an ftfy whose fixers are not the ones `triggers` models."""
    import ftfy
    from ftfy import badness, chardata, fixes

    if chardata.C1_CONTROL_RE.pattern != r"[\x80-\x9f]" or fixes.SURROGATE_RE.pattern != "[\ud800-\udfff]":
        raise GateError("ftfy's C1 or surrogate patterns changed; re-derive corpuskit.ftfy_run")
    if not fixes.ANSI_RE.pattern.startswith("\033"):
        raise GateError("ftfy's terminal escape pattern changed; re-derive corpuskit.ftfy_run")
    step = getattr(ftfy, "_fix_encoding_one_step_and_explain", None)
    if not callable(step) or step.__code__.co_freevars or ftfy.is_bad is not badness.is_bad:
        raise GateError("ftfy's encoding step is not what corpuskit.ftfy_run expects")


def fix_and_explain(text: str, config, gate=None):
    """What `ftfy.fix_and_explain(text, config=config)` returns, fixers without work skipped.

    `gate`: the `corpuskit.ftfy_gate.Gate` of `config`. A text it clears is one ftfy would
    return unchanged with no step, so once a repair leads to such a text, the repair ends
    there instead of running one more step and one more pass to find out.

    >>> from corpuskit.ftfy_settings import ftfy_config
    >>> fixed, steps = fix_and_explain("doesnâ€™t &amp; ﬁne", ftfy_config())
    >>> fixed, [name for _, name in steps]
    ('doesn’t & fine', ['unescape_html', 'decode_inconsistent_utf8', 'fix_latin_ligatures'])
    """
    import ftfy

    check_triggers()
    if config.unescape_html == "auto" and "<" in text:
        config = config._replace(unescape_html=False)
    steps: list | None = [] if config.explain else None
    found = triggers()
    last: tuple | None = None  # the encoding repair's last step: its input and steps
    while True:
        original = text
        if config.unescape_html and "&" in text:
            text = _apply("unescape_html", text, steps)
        if config.fix_encoding:
            if steps is None:
                text = ftfy.fix_encoding(text)
            else:
                text, plan, last = _fix_encoding(text, config, last, gate)
                steps.extend(plan)
        busy = _any_trigger().search(text) is not None
        for name in AFTER_ENCODING:
            if getattr(config, name):
                pattern = found.get(name)
                if pattern is None or (busy and pattern.search(text) is not None):
                    text = _apply(name, text, steps)
        if config.normalization is not None:
            fixed = unicodedata.normalize(config.normalization, text)
            if steps is not None and fixed != text:
                steps.append(ftfy.ExplanationStep("normalize", config.normalization))
            text = fixed
        if text == original or (gate is not None and not gate.might_change(text)):
            return ftfy.ExplainedText(text, steps)


def _apply(name: str, text: str, steps: list | None) -> str:
    """One fixer, its step recorded when it changed the text (as ftfy's `_try_fix`)."""
    import ftfy

    fixed = ftfy.FIXERS[name](text)
    if steps is not None and fixed != text:
        steps.append(ftfy.ExplanationStep("apply", name))
    return fixed


def _encoding_step(gate):
    """ftfy's one encoding step (`ftfy._fix_encoding_one_step_and_explain`), its code
    unchanged, run with ftfy's globals but for `is_bad`, which is the gate's: the same
    answer (`Gate.is_bad`), without reading a long text up to its first bad stretch. ftfy
    itself is left as it is."""
    step = gate.__dict__.get("_ftfy_step")
    if step is None:
        import types

        import ftfy

        original = ftfy._fix_encoding_one_step_and_explain
        names = {**vars(ftfy), "is_bad": gate.is_bad}
        step = types.FunctionType(original.__code__, names, original.__name__, original.__defaults__)
        step.__kwdefaults__ = original.__kwdefaults__
        gate._ftfy_step = step
    return step


def _fix_encoding(text: str, config, last: tuple | None, gate=None) -> tuple[str, list, tuple]:
    """`ftfy.fix_encoding_and_explain`: its one step repeated until the text stays the
    same. Returns the text, the steps, and the last step's (input, steps): that step
    returned its input unchanged, and a step is a pure function of its input, so when the
    next pass hands over the same text, the result is that step's alone. A text the gate
    clears is one such step would return unchanged, with no step; so is a text that is not
    bad (ftfy's step checks that first), which the gate finds out faster than ftfy does;
    and a text that is bad goes to ftfy's step with that check answered by the gate too
    (`_encoding_step`)."""
    import ftfy

    if last is not None and last[0] == text:
        return text, list(last[1]), last
    step = ftfy._fix_encoding_one_step_and_explain if gate is None else _encoding_step(gate)
    plan: list = []
    while True:
        previous = text
        if gate is not None and not gate.is_bad(text):
            step_plan = []  # ftfy's step returns a text that is not bad unchanged, first thing
        else:
            text, step_plan = step(text, config)
            step_plan = list(step_plan or ())
        plan.extend(step_plan)
        if text == previous:
            return text, plan, (text, step_plan)
        if gate is not None and not gate.might_change(text):
            return text, plan, (text, [])
