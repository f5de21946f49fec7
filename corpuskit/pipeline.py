"""`clean`: the one pure per-document function every driver calls.

bytes → decode → normalize → segment → span rules → block rules in passes until nothing
changes → metadata → assemble → record rules → record + report.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpuskit import __version__
from corpuskit.assemble import assemble, kept_ranges
from corpuskit.budget import OverBudget, time_budget
from corpuskit.decode import DecodeError, decode, utf8_of
from corpuskit.explicit import ExplicitMeta, Problem, find_front_matter, merge, read_sidecar
from corpuskit.fix_kinds import fix_kind
from corpuskit.html import HtmlPage, is_html, read_html
from corpuskit.lexicon import compile_loaded
from corpuskit.linefreq import LineTable, current_table
from corpuskit.metadata import detect_language
from corpuskit.models import (
    Checksums,
    Decoding,
    Detail,
    FieldOrigin,
    FileReport,
    Finding,
    Flags,
    HtmlStage,
    Provenance,
    SeedMeta,
    SeedRecord,
    Severity,
    Stats,
)
from corpuskit.normalize import STRIP_TAGS_STEP, normalize
from corpuskit.rules import ALL_RULES, BLOCK_RULES, RECORD_RULES, SPAN_RULES, selected
from corpuskit.rules.base import LIFT, Context, Hit, Rule, Verdict
from corpuskit.rules.explicit import FrontMatter
from corpuskit.rules.gate import UnusedSuppression, layout_problems
from corpuskit.rules.html import MarkedButKept, StrayMarkup
from corpuskit.rules.lines import PaywallNote, compile_screen
from corpuskit.rules.notices import CharsetDetected, EncodingFixed, OverTime, UnreadableSeed
from corpuskit.rules.record import published_problem
from corpuskit.segment import Block, segment
from corpuskit.suppress import matches, parse_directive, per_file_ignores

if TYPE_CHECKING:
    from corpuskit.config import Config


def _default_config() -> Config:
    """The default settings (pydantic is imported only here, when no settings are given)."""
    from corpuskit.config import Config

    return Config()


MAX_PASSES = 8
_NEWLINE = re.compile("\n")
_EMPTY_NOTES = {
    "title": "no single headline in the header",
    "authors": "no byline in the header",
    "published": "no date line in the header",
    "source": "no outlet line in the header",
    "url": "not given",
}


@dataclass
class CleanResult:
    """What cleaning one seed produces; `record` is None when the seed is unreadable."""

    record: SeedRecord | None
    report: FileReport


def seed_id(name: str) -> str:
    """The seed's file name without its extension.

    >>> seed_id("seeds/000_d384953f4071e83d.txt"), seed_id("page.html")
    ('000_d384953f4071e83d', 'page')
    """
    return Path(name).stem


def clean_file(
    path: str | Path,
    config: Config | None = None,
    explicit: Sequence[ExplicitMeta] = (),
    name: str | None = None,
    line_table: LineTable | None = None,
) -> CleanResult:
    """Clean one seed file; a sidecar beside it (`<seed>.meta.yaml|yml|json`) is read
    and wins over every other metadata source. `name` (default: the path) is the path the
    report shows. `line_table` says which lines recur across the corpus
    (`corpuskit.linefreq`; default: the table in use, if any)."""
    path = Path(path)
    shown = str(path) if name is None else name
    config = config or _default_config()
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _unreadable(shown, f"cannot read {shown}: {err.strerror or err}")
    sidecar, problems = read_sidecar(path)
    sources = [*([sidecar] if sidecar else []), *explicit]
    try:
        with time_budget(config.time_budget):
            return _clean_bytes(raw, shown, config, sources, problems, line_table)
    except OverBudget as err:
        return _unreadable(shown, f"{shown}: {err} (time-budget); not cleaned", OverTime)


def warm_up() -> CleanResult:
    """Load what cleaning loads on first use (ftfy, the language model, the lexicons) and
    compile what a long run compiles (the lexicons' patterns, the line rules' screen), e.g.
    once before forking workers that then share it; returns the sample's result."""
    result = clean_text("Published 1 January 2020\n\nCafé â€œx\n\n" + "The word is here. " * 6)
    compile_loaded()
    compile_screen()
    return result


def clean_text(
    text: str,
    seed: str = "-",
    config: Config | None = None,
    explicit: Sequence[ExplicitMeta] = (),
    line_table: LineTable | None = None,
) -> CleanResult:
    """Clean a seed given as text. `explicit`: metadata from outside the text, strongest
    first (see `corpuskit.explicit`); front matter in the text comes before it."""
    raw = text.encode("utf-8", "surrogatepass")
    return _clean(
        text,
        Decoding(encoding="utf-8"),
        raw,
        seed,
        seed,
        config or _default_config(),
        list(explicit),
        [],
        layout=False,
        line_table=line_table,
    )


def clean_bytes(
    raw: bytes,
    name: str = "-",
    config: Config | None = None,
    explicit: Sequence[ExplicitMeta] = (),
    line_table: LineTable | None = None,
) -> CleanResult:
    """Clean a seed given as bytes; `name` gives its id and, by its suffix, its kind.
    `explicit`: metadata from outside the text, strongest first (an HTML page's meta
    tags, say); front matter in the text comes before it."""
    return _clean_bytes(raw, name, config, list(explicit), [], line_table)


def _clean_bytes(raw, name, config, explicit, problems, line_table=None) -> CleanResult:
    try:
        decoded = decode(raw)
    except DecodeError as err:
        return _unreadable(name, f"{name}: {err}")
    return _clean(
        decoded.text,
        decoded.decoding,
        raw,
        seed_id(name),
        name,
        config or _default_config(),
        explicit,
        problems,
        line_table=line_table,
    )


def _unreadable(path: str, message: str, rule: type[Rule] = UnreadableSeed) -> CleanResult:
    finding = _finding(rule, message, rule.severity)
    report = FileReport(
        id=seed_id(path), path=path, decoding=Decoding(encoding="unknown"), findings=[finding]
    )
    return CleanResult(None, report)


def _finding(rule: type[Rule], message: str, severity: Severity, **where) -> Finding:
    return Finding(
        code=rule.code, rule=rule.name, category=rule.category, severity=severity, message=message, **where
    )


_NEWLINE = re.compile("\n")


class _Locator:
    """Offsets in the normalized text to 1-based line and column."""

    def __init__(self, text: str):
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def __call__(self, offset: int) -> dict[str, int]:
        line = bisect.bisect_right(self.starts, offset)
        return {"line": line, "column": offset - self.starts[line - 1] + 1}


class _ElementLocator(_Locator):
    """HTML seeds: offsets in the extracted text view to the element each line came from
    (its source line in the page, when the parser knows it, and its CSS path)."""

    def __init__(self, text: str, elements: list[tuple[str, int | None]]):
        super().__init__(text)
        self.elements = elements

    def __call__(self, offset: int) -> dict:
        line = bisect.bisect_right(self.starts, offset) - 1
        element, source_line = self.elements[line] if line < len(self.elements) else (None, None)
        return {"line": source_line or 1, "column": 1, "element": element}


def _clean(
    text: str,
    decoding: Decoding,
    raw: bytes,
    sid: str,
    path: str,
    config: Config,
    explicit: list[ExplicitMeta],
    problems: list[Problem],
    noqa: tuple[str, ...] | None = None,
    layout: bool = True,
    line_table: LineTable | None = None,
) -> CleanResult:
    """Clean decoded text. `noqa` replaces the codes of the seed's own suppression line
    (to find unused ones); `layout=False` skips the file-layout codes E003 and E004
    (text given as a string has no file layout). `line_table`: lines that recur across
    the corpus (default: the table in use, if any)."""
    line_table = line_table if line_table is not None else current_table()
    given = (explicit, problems)  # as passed, for cleaning again without one suppression
    page = None
    if is_html(path):
        off = frozenset(
            c for c in ALL_RULES if c.startswith("H1") and not selected(c, config.select, config.ignore)
        )
        page = read_html(text, config.html_parser, off)
    strip_tags = page is None and selected(StrayMarkup.code, config.select, config.ignore)
    normalized = normalize(page.text if page else text, strip_tags, None if page else utf8_of(raw, decoding))
    source = normalized.text
    directive = parse_directive(source)  # `corpuskit: noqa: CODES` on the first line
    suppressed = per_file_ignores(path, config.per_file_ignores)
    suppressed += noqa if noqa is not None else directive.codes if directive else ()

    def on(rule: type[Rule]) -> bool:
        return selected(rule.code, config.select, config.ignore) and not matches(rule.code, suppressed)

    def severity(rule: type[Rule]) -> Severity:
        return config.severity.get(rule.code, rule.severity)

    decoding = decoding.model_copy(
        update={"newline": normalized.newline, "newline_changes": normalized.newline_changes}
    )
    locate = _ElementLocator(source, page.extraction.elements) if page else _Locator(source)
    findings: list[Finding] = _html_findings(page, on, severity) if page else []

    if decoding.detected and on(CharsetDetected):
        findings.append(
            _finding(
                CharsetDetected,
                f"not UTF-8: decoded as {decoding.encoding} (confidence {decoding.confidence})",
                severity(CharsetDetected),
            )
        )
    for fix in normalized.fixes:
        rule = StrayMarkup if STRIP_TAGS_STEP in fix.explanation else EncodingFixed
        if on(rule):
            findings.append(
                _finding(
                    rule,
                    f"{', '.join(fix.explanation)}: {fix.original!r} -> {fix.fixed!r}",
                    severity(rule),
                    start=fix.start,
                    end=fix.end,
                    text=fix.fixed,
                    action="fixed",
                    **locate(fix.start),
                )
            )

    for rule, message, where in layout_problems(normalized) if layout else ():
        if on(rule):
            findings.append(_finding(rule, message, severity(rule), **where, **locate(where["start"])))

    front, front_problems = find_front_matter(source, path)
    body_start = front.end if front else 0
    blocks = segment(source)
    if directive:  # the suppression line is layout, not text
        blocks = [b for b in blocks if b.start != directive.start]
        for position, block in enumerate(blocks):
            block.index = position
    if front:
        blocks = _after(blocks, body_start)
        findings.append(
            _finding(
                FrontMatter,
                "front matter lifted into metadata",
                severity(FrontMatter),
                start=0,
                end=body_start,
                text=source[:body_start],
                action="lifted:front-matter",
                **locate(0),
            )
        )
        if front.meta:
            explicit = (
                [s for s in explicit if s.origin == "sidecar"]
                + [front.meta]
                + [s for s in explicit if s.origin != "sidecar"]
            )
    span_findings = _apply_span_rules(blocks, [r for r in SPAN_RULES if on(r)], severity, locate, source)
    declared_language = page.meta["language"][0] if page and "language" in page.meta else None
    decisions, flags = _decide_blocks(
        blocks, [r for r in BLOCK_RULES if on(r)], declared_language, line_table
    )

    meta, origins = SeedMeta(), {}
    if page:
        _apply_declared(meta, origins, page.meta)
        flags += _keep_lifts_the_seed_contradicts(decisions, meta, origins)
    dropped: list[tuple[int, int]] = []
    for block in blocks:
        hit = decisions.get(block.index)
        if hit is None:
            findings.extend(span_findings.get(block.index, []))
            if block.spans_removed:
                dropped.extend(block.spans_removed)
            continue
        dropped.append((block.start, block.end))
        action = "removed"
        if hit.action == LIFT:
            action = f"lifted:{hit.field}"
            note = _apply_lift(meta, origins, hit, source[block.start : block.end])
            if note:
                hit.message += f" ({note})"
        findings.append(_block_finding(hit, action, severity, source, locate))
    for hit in flags:
        findings.append(_block_finding(hit, "flagged", severity, source, locate))

    kept = [b for b in blocks if b.index not in decisions]
    if front:
        dropped.append((0, body_start))
    cleaned, pieces, layout = assemble(source, kept, dropped)

    language, confidence, note = detect_language(cleaned)
    meta.language = language
    origins["language"] = FieldOrigin(
        origin="inferred" if language else "empty", method="py3langid", confidence=confidence, note=note
    )
    if page and "language" in page.meta:
        _merge_declared_language(meta, origins, page.meta["language"])
    for problem in [*problems, *front_problems, *merge(meta, origins, explicit)]:
        findings.append(_problem_finding(problem, severity, path))
    _screen_inferred_date(meta, origins, config)
    for field, why in _EMPTY_NOTES.items():
        if field not in origins:
            origins[field] = FieldOrigin(origin="empty", method="none", note=why)

    record = SeedRecord(
        id=sid,
        text=cleaned,
        meta=meta,
        flags=Flags(
            truncated=any(d.rule is PaywallNote for d in decisions.values()),
            encoding_fixed=bool(normalized.fixes),
            flagged=len(flags) + sum(f.code == MarkedButKept.code for f in findings),
        ),
        stats=_stats(text, source[body_start:], cleaned),
        checksums=Checksums(
            raw_sha256=hashlib.sha256(raw).hexdigest(),
            text_sha256=hashlib.sha256(cleaned.encode("utf-8", "surrogatepass")).hexdigest(),
        ),
        provenance=Provenance(corpuskit_version=__version__, config_hash=config.digest()),
    )
    report = FileReport(
        id=sid,
        path=path,
        decoding=decoding,
        encoding_fixes=normalized.fixes,
        findings=findings,
        metadata=origins,
        pieces=pieces,
        layout=layout,
        html=HtmlStage(parser=page.parser, root=page.extraction.root, view_sha256=page.view_sha256)
        if page
        else None,
    )
    for rule in RECORD_RULES:
        if on(rule):
            for verdict in rule().check(record, report, config):
                if isinstance(verdict, str):
                    verdict = Verdict(verdict)
                level = config.severity.get(rule.code, verdict.severity or rule.severity)
                report.findings.append(_finding(rule, verdict.message, level, detail=verdict.detail))
    if directive and noqa is None and on(UnusedSuppression):
        for code in [*directive.codes, *directive.invalid] or [""]:
            if code in directive.codes:  # used when lifting it alone brings findings back
                others = tuple(c for c in directive.codes if c != code)
                again = _clean(text, decoding, raw, sid, path, config, *given, others, layout)
                without = again.report.findings
                if any(matches(f.code, [code]) for f in without):
                    continue
            message = f"suppression of {code} suppresses nothing" if code else "suppression names no code"
            where = {"start": directive.start, "end": directive.end, "text": code or None}
            where.update(locate(directive.start))
            report.findings.append(_finding(UnusedSuppression, message, severity(UnusedSuppression), **where))
    for finding in report.findings:
        finding.fix = fix_kind(finding)
    report.findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.code))
    return CleanResult(record, report)


def _screen_inferred_date(meta: SeedMeta, origins: dict[str, FieldOrigin], config: Config) -> None:
    """An inferred date the policy refuses (future, before the earliest year) is a wrong
    guess: drop it and say why. Explicit dates are judged by M108 instead."""
    origin = origins.get("published")
    if meta.published is None or origin is None or origin.origin != "inferred":
        return
    problem = published_problem(meta.published, config)
    if problem:
        meta.published = None
        origins["published"] = origin.model_copy(
            update={"origin": "empty", "note": f"inferred date dropped: {problem[1]}"}
        )


def _after(blocks: list[Block], start: int) -> list[Block]:
    """The blocks from offset `start` on, numbered again from 0."""
    kept = [b for b in blocks if b.start >= start]
    for number, block in enumerate(kept):
        block.index = number
    return kept


def _problem_finding(problem: Problem, severity, path: str) -> Finding:
    from corpuskit.rules import ALL_RULES

    rule = ALL_RULES[problem.code]
    where = ""
    if problem.file and problem.file != path:  # a sidecar: name it, and the line
        where = f"{problem.file}:{problem.line}: " if problem.line else f"{problem.file}: "
    return _finding(
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


def _html_findings(page: HtmlPage, on, severity) -> list[Finding]:
    """One finding per element (or run of blocks) the HTML stage left out or kept unsure."""
    found = []
    for removal in page.extraction.removals:
        rule = ALL_RULES[removal.code]
        if not on(rule):
            continue
        flagged = rule is MarkedButKept
        found.append(
            _finding(
                rule,
                f"{removal.element}: {removal.reason}" if removal.element else removal.reason,
                severity(rule),
                line=removal.line or 1,
                text=removal.text or None,
                action="flagged" if flagged else "removed",
                element=removal.element or None,
            )
        )
    return found


def _keep_lifts_the_seed_contradicts(decisions: dict[int, Hit], meta: SeedMeta, origins) -> list[Hit]:
    """A line lifted into a field the seed declares leaves the text only when it repeats
    the declared value; otherwise it is no title (or byline) after all, and stays, flagged."""
    kept = []
    for index, hit in list(decisions.items()):
        if hit.action != LIFT or hit.field not in origins or origins[hit.field].origin != "explicit":
            continue
        if not _agrees(hit.field, hit.value, getattr(meta, hit.field)):
            del decisions[index]
            method = origins[hit.field].method
            message = f"{hit.message}: differs from the declared {hit.field} ({method}), kept"
            kept.append(Hit(hit.rule, hit.block, "flag", message))
    return kept


def _agrees(field: str, lifted, declared) -> bool:
    """Whether a lifted value says what the declared one says.

    >>> _agrees("title", "Rain floods the valley", "Rain floods the valley - The Courier")
    True
    >>> _agrees("title", "Zwei Mal ging sie heuer leer aus", "Kuzmina jubelt in Antholz")
    False
    """
    if field == "authors":
        return bool({a.lower() for a in lifted} & {a.lower() for a in declared})
    if field == "published":
        return _day(lifted) == _day(declared)
    said, told = _WORDS.findall(str(lifted).lower()), _WORDS.findall(str(declared).lower())
    return bool(said) and len(set(said) & set(told)) >= 0.8 * len(set(said))


_WORDS = re.compile(r"\w+")


def _day(value):
    return value.date() if hasattr(value, "date") else value


def _apply_declared(meta: SeedMeta, origins: dict[str, FieldOrigin], declared: dict) -> None:
    """Metadata the seed declares (an HTML page's tags): set before the text rules lift
    anything, so those only fill what is still empty. The language is merged later."""
    for field, (value, origin) in declared.items():
        if field != "language" and field not in origins:
            setattr(meta, field, list(value) if field == "authors" else value)
            origins[field] = origin


def _merge_declared_language(meta: SeedMeta, origins: dict[str, FieldOrigin], declared) -> None:
    """The detector's language stands when it is sure; the declared one fills a gap. Pages
    often declare their template's language, not the article's."""
    value, origin = declared
    detected = origins["language"]
    if meta.language is None:
        meta.language = value
        origins["language"] = origin.model_copy(update={"note": f"detector unsure: {detected.note}"})
    elif meta.language != value:
        detected.note = f"{detected.note}; the page declares '{value}' ({origin.method})"


def _apply_span_rules(blocks, rules, severity, locate, source) -> dict[int, list[Finding]]:
    """Cut spans out of blocks (before any block rule sees them); findings by block."""
    found: dict[int, list[Finding]] = {}
    for block in blocks:
        for rule in rules:
            for start, end, message in rule().spans(block):
                src_start, src_end = block.start + start, block.start + end
                block.spans_removed.append((src_start, src_end))
                found.setdefault(block.index, []).append(
                    _finding(
                        rule,
                        message,
                        severity(rule),
                        start=src_start,
                        end=src_end,
                        text=source[src_start:src_end],
                        action="removed",
                        **locate(src_start),
                    )
                )
        if block.spans_removed:
            block.text = "".join(source[s:e] for s, e in kept_ranges(block)).strip()
    return found


def _decide_blocks(
    blocks: list[Block], rules, declared_language: str | None = None, line_table: LineTable | None = None
) -> tuple[dict[int, Hit], list[Hit]]:
    """Run block rules in passes over the blocks still kept until a pass removes and lifts
    nothing; return the removals and lifts of all passes and the flags of the last."""
    instances = [rule() for rule in rules]
    decisions: dict[int, Hit] = {}
    survivors = blocks
    flags: list[Hit] = []
    memo: dict = {}  # shared by the passes
    for _ in range(MAX_PASSES):
        removed = {i: h.rule.code for i, h in decisions.items()}
        ctx = Context(survivors, blocks, removed, declared_language, line_table, memo)
        for rule in instances:
            for hit in rule.check(ctx):
                ctx.add(hit)
        changed = ctx.decisions
        flags = ctx.final_flags()
        if not changed:
            break
        decisions.update(changed)
        survivors = [b for b in survivors if b.index not in changed]
    return decisions, flags


def _apply_lift(meta: SeedMeta, origins: dict[str, FieldOrigin], hit: Hit, text: str) -> str | None:
    """Put a lifted value into the metadata; the first value of a field wins (authors
    accumulate). Returns a note when the value was not used."""
    field = hit.field
    origin = FieldOrigin(origin="inferred", method=hit.rule.code, line=hit.block.line, text=text)
    if field in origins and origins[field].origin == "explicit":
        return f"{field} already declared ({origins[field].method})"
    if field == "authors":
        meta.authors.extend(a for a in hit.value if a not in meta.authors)
        origins.setdefault(field, origin)
        return None
    if getattr(meta, field) is not None:
        return f"{field} already set"
    setattr(meta, field, hit.value)
    origins[field] = origin
    return None


def _block_finding(hit: Hit, action: str, severity, source: str, locate) -> Finding:
    block = hit.block
    rule_severity = severity(hit.rule)
    if action == "flagged":
        rule_severity = max(rule_severity, Severity.WARNING, key=lambda s: s.rank)
    return _finding(
        hit.rule,
        hit.message,
        rule_severity,
        start=block.start,
        end=block.end,
        text=source[block.start : block.end],
        action=action,
        **locate(block.start),
    )


def _stats(original: str, source: str, cleaned: str) -> Stats:
    solid_in = len("".join(source.split()))  # characters that are not whitespace
    solid_out = len("".join(cleaned.split()))
    share = 0.0 if not solid_in else round(max(0.0, 1 - solid_out / solid_in), 4)
    return Stats(
        chars_in=len(original),
        chars_out=len(cleaned),
        lines_in=original.count("\n") + (1 if original and not original.endswith("\n") else 0),
        lines_out=cleaned.count("\n"),
        removed_share=share,
    )
