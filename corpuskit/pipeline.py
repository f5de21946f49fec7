"""`clean`: the one pure per-document function every driver calls.

bytes → decode → normalize → segment → span rules → block rules in passes until nothing
changes → metadata → assemble → record rules → record + report.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpuskit import __version__
from corpuskit.assemble import assemble
from corpuskit.budget import OverBudget, max_seed_bytes, time_budget
from corpuskit.decide import apply_span_rules, decide_blocks
from corpuskit.decode import DecodeError, decode, utf8_of
from corpuskit.explicit import ExplicitMeta, Problem, declared_values, find_front_matter, merge, read_sidecar
from corpuskit.findings import (
    ElementLocator,
    Locator,
    RuleSwitches,
    block_finding,
    finding,
    html_findings,
    problem_finding,
)
from corpuskit.fix_kinds import assign_fixes
from corpuskit.html import HtmlPage, is_html, read_html
from corpuskit.lexicon import compile_loaded
from corpuskit.lifting import (
    apply_declared,
    apply_lift,
    declared_by_page,
    keep_lifts_the_seed_contradicts,
    merge_declared_language,
    note_empty_fields,
    screen_inferred_date,
)
from corpuskit.linefreq import LineTable, current_table
from corpuskit.metadata import detect_language
from corpuskit.models import (
    Checksums,
    Decoding,
    FieldOrigin,
    FileReport,
    Finding,
    Flags,
    HtmlStage,
    Provenance,
    SeedMeta,
    SeedRecord,
    Stats,
)
from corpuskit.normalize import STRIP_TAGS_STEP, Normalized, normalize
from corpuskit.rules import ALL_RULES, BLOCK_RULES, RECORD_RULES, SPAN_RULES, selected
from corpuskit.rules.base import LIFT, Hit, Rule, Verdict
from corpuskit.rules.explicit import FrontMatter
from corpuskit.rules.gate import UnusedSuppression, layout_problems
from corpuskit.rules.html import MarkedButKept, StrayMarkup
from corpuskit.rules.lines import PaywallNote, compile_screen
from corpuskit.rules.notices import CharsetDetected, EncodingFixed, OversizedSeed, OverTime, UnreadableSeed
from corpuskit.segment import Block, segment
from corpuskit.suppress import Directive, matches, parse_directive, per_file_ignores

if TYPE_CHECKING:
    from corpuskit.config import Config


def _default_config() -> Config:
    """The default settings (pydantic is imported only here, when no settings are given)."""
    from corpuskit.config import Config

    return Config()


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
        if too_large := _oversized(shown, path.stat().st_size, config):
            return too_large  # not read: it could be gigabytes
        raw = path.read_bytes()
    except OSError as err:
        return _unreadable(shown, f"cannot read {shown}: {_why_unreadable(path, err)}")
    sidecar, problems = read_sidecar(path)
    sources = [*([sidecar] if sidecar else []), *explicit]
    try:
        with time_budget(config.time_budget):
            return _clean_bytes(raw, shown, config, sources, problems, line_table)
    except OverBudget as err:
        return _unreadable(shown, f"{shown}: {err} (time-budget); not cleaned", OverTime)


def _why_unreadable(path: Path, err: OSError) -> str:
    """What went wrong reading a seed; for a link whose file is gone (a seed deleted or
    moved, or content a large-file store has not fetched), where the link leads."""
    if path.is_symlink() and not path.exists():
        try:
            return f"link to {os.readlink(path)}, which does not exist"
        except OSError:
            pass
    return err.strerror or str(err)


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
    config = config or _default_config()
    if too_large := _oversized(name, len(raw), config):
        return too_large
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
        config,
        explicit,
        problems,
        line_table=line_table,
    )


def _oversized(name: str, size: int, config: Config) -> CleanResult | None:
    """F007 for a seed of more than `max-seed-size` MB (`size` in bytes); None otherwise."""
    limit = max_seed_bytes(config)
    if limit is None or size <= limit:
        return None
    size_mb, limit_mb = size / 1_000_000, config.max_seed_size
    message = f"{name} is {size_mb:.1f} MB, more than max-seed-size ({limit_mb:g} MB); not read"
    return _unreadable(name, message, OversizedSeed)


def _unreadable(path: str, message: str, rule: type[Rule] = UnreadableSeed) -> CleanResult:
    report = FileReport(
        id=seed_id(path),
        path=path,
        decoding=Decoding(encoding="unknown"),
        findings=[finding(rule, message, rule.severity)],
    )
    return CleanResult(None, report)


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
    page = _read_page(text, path, config)
    strip_tags = page is None and selected(StrayMarkup.code, config.select, config.ignore)
    normalized = normalize(page.text if page else text, strip_tags, None if page else utf8_of(raw, decoding))
    source = normalized.text
    directive = parse_directive(source)  # `corpuskit: noqa: CODES` on the first line
    suppressed = per_file_ignores(path, config.per_file_ignores)
    suppressed += noqa if noqa is not None else directive.codes if directive else ()
    rules = RuleSwitches(config, tuple(suppressed))
    locate = ElementLocator(source, page.extraction.elements) if page else Locator(source)
    seen_as = decoding.model_copy(
        update={"newline": normalized.newline, "newline_changes": normalized.newline_changes}
    )
    findings = html_findings(page, rules) if page else []
    findings += _text_findings(seen_as, normalized, layout, rules, locate)

    front, front_problems = find_front_matter(source, path)
    body_start = front.end if front else 0
    blocks = _blocks(source, directive, body_start)
    sources = list(explicit)
    if front:
        findings.append(_front_matter_finding(source, body_start, rules, locate))
        if front.meta:  # after a sidecar, before the rest
            sources = [s for s in explicit if s.origin == "sidecar"] + [front.meta]
            sources += [s for s in explicit if s.origin != "sidecar"]
    span_findings = apply_span_rules(blocks, rules.enabled(SPAN_RULES), rules.severity, locate, source)
    declared_language = page.meta["language"][0] if page and "language" in page.meta else None
    decisions, flags = decide_blocks(blocks, rules.enabled(BLOCK_RULES), declared_language, line_table)

    meta, origins = SeedMeta(), {}
    if page:
        apply_declared(meta, origins, page.meta)
        flags += keep_lifts_the_seed_contradicts(decisions, declared_by_page(meta, origins))
    if any(source.strict for source in sources):  # front matter, a sidecar: a title-like line
        # that is not the declared title stays (a byline or a dateline goes whatever it says)
        declared = declared_values(sources)
        flags += keep_lifts_the_seed_contradicts(
            decisions, {"title": declared["title"]} if "title" in declared else {}
        )
    decided, dropped = _apply_decisions(
        blocks, decisions, span_findings, meta, origins, source, rules, locate
    )
    findings += decided
    findings += [block_finding(hit, "flagged", rules.severity, source, locate) for hit in flags]
    if front:
        dropped.append((0, body_start))
    cleaned, pieces, gaps = assemble(source, [b for b in blocks if b.index not in decisions], dropped)

    _detect_language(meta, origins, cleaned, page)
    for problem in [*problems, *front_problems, *merge(meta, origins, sources)]:
        findings.append(problem_finding(problem, rules.severity, path))
    screen_inferred_date(meta, origins, config)
    note_empty_fields(origins)

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
        decoding=seen_as,
        encoding_fixes=normalized.fixes,
        findings=findings,
        metadata=origins,
        pieces=pieces,
        layout=gaps,
        html=HtmlStage(parser=page.parser, root=page.extraction.root, view_sha256=page.view_sha256)
        if page
        else None,
    )
    _run_record_rules(record, report, config, rules)
    if directive and noqa is None and rules.on(UnusedSuppression):

        def without(codes: tuple[str, ...]) -> CleanResult:
            return _clean(
                text, decoding, raw, sid, path, config, explicit, problems, codes, layout, line_table
            )

        report.findings += _unused_suppressions(directive, without, rules, locate)
    assign_fixes(report.findings)
    report.findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.code))
    return CleanResult(record, report)


QUOTED_CHARS = 120  # of a repaired stretch, quoted in a finding's message; the report keeps it whole


def _clipped(text: str) -> str:
    """A stretch of text quoted for a message: whole when short, else its start and its
    length, so that one finding stays one readable line (a run of a million tags).

    >>> print(_clipped("<br>"), _clipped("<p>" * 100)[-25:])
    '<br>' <p><p>'… (300 characters)
    """
    if len(text) <= QUOTED_CHARS:
        return repr(text)
    return f"{text[:QUOTED_CHARS]!r}… ({len(text):,} characters)"


def _read_page(text: str, path: str, config: Config) -> HtmlPage | None:
    """An HTML seed's page (its text view and what it declares); None for a text seed."""
    if not is_html(path):
        return None
    off = frozenset(
        c for c in ALL_RULES if c.startswith("H1") and not selected(c, config.select, config.ignore)
    )
    return read_html(text, config.html_parser, off)


def _text_findings(
    decoding: Decoding, normalized: Normalized, layout: bool, rules: RuleSwitches, locate: Locator
) -> list[Finding]:
    """What decoding and normalizing found: another charset (E002), each repair of the
    encoding or the whitespace (E001) or of stray markup, and with `layout` the file-layout
    codes (E003, E004)."""
    found = []
    if decoding.detected and rules.on(CharsetDetected):
        sure = "" if decoding.confidence is None else f" (confidence {decoding.confidence})"
        message = f"not UTF-8: decoded as {decoding.encoding}{sure}"
        found.append(finding(CharsetDetected, message, rules.severity(CharsetDetected)))
    for fix in normalized.fixes:
        rule = StrayMarkup if STRIP_TAGS_STEP in fix.explanation else EncodingFixed
        if rules.on(rule):
            found.append(
                finding(
                    rule,
                    f"{', '.join(fix.explanation)}: {_clipped(fix.original)} -> {_clipped(fix.fixed)}",
                    rules.severity(rule),
                    start=fix.start,
                    end=fix.end,
                    text=fix.fixed,
                    action="fixed",
                    **locate(fix.start),
                )
            )
    for rule, message, where in layout_problems(normalized) if layout else ():
        if rules.on(rule):
            found.append(finding(rule, message, rules.severity(rule), **where, **locate(where["start"])))
    return found


def _blocks(source: str, directive: Directive | None, body_start: int) -> list[Block]:
    """The text's blocks, numbered from 0, without the suppression line and the front
    matter (which ends at `body_start`)."""
    blocks = segment(source)
    if directive:  # the suppression line is layout, not text
        blocks = [b for b in blocks if b.start != directive.start]
        for position, block in enumerate(blocks):
            block.index = position
    return _after(blocks, body_start) if body_start else blocks


def _front_matter_finding(source: str, body_start: int, rules: RuleSwitches, locate: Locator) -> Finding:
    return finding(
        FrontMatter,
        "front matter lifted into metadata",
        rules.severity(FrontMatter),
        start=0,
        end=body_start,
        text=source[:body_start],
        action="lifted:front-matter",
        **locate(0),
    )


def _apply_decisions(
    blocks: list[Block],
    decisions: dict[int, Hit],
    span_findings: dict[int, list[Finding]],
    meta: SeedMeta,
    origins: dict[str, FieldOrigin],
    source: str,
    rules: RuleSwitches,
    locate: Locator,
) -> tuple[list[Finding], list[tuple[int, int]]]:
    """The findings of the blocks' decisions and of the spans cut from the blocks that
    stay, with every lifted value put into the metadata; and the ranges of the source
    that leave the text."""
    found: list[Finding] = []
    dropped: list[tuple[int, int]] = []
    for block in blocks:
        hit = decisions.get(block.index)
        if hit is None:
            found.extend(span_findings.get(block.index, []))
            dropped.extend(block.spans_removed)
            continue
        dropped.append((block.start, block.end))
        action = "removed"
        if hit.action == LIFT:
            action = f"lifted:{hit.field}"
            note = apply_lift(meta, origins, hit, source[block.start : block.end])
            if note:
                hit.message += f" ({note})"
        found.append(block_finding(hit, action, rules.severity, source, locate))
    return found, dropped


def _detect_language(meta: SeedMeta, origins: dict[str, FieldOrigin], cleaned: str, page) -> None:
    """The cleaned text's language, merged with the one an HTML page declares."""
    language, confidence, note = detect_language(cleaned)
    meta.language = language
    origins["language"] = FieldOrigin(
        origin="inferred" if language else "empty", method="py3langid", confidence=confidence, note=note
    )
    if page and "language" in page.meta:
        merge_declared_language(meta, origins, page.meta["language"])


def _run_record_rules(record: SeedRecord, report: FileReport, config: Config, rules: RuleSwitches) -> None:
    """Add the findings of the rules that judge the whole record (each sees those before it)."""
    for rule in rules.enabled(RECORD_RULES):
        for verdict in rule().check(record, report, config):
            if isinstance(verdict, str):
                verdict = Verdict(verdict)
            level = config.severity.get(rule.code, verdict.severity or rule.severity)
            report.findings.append(finding(rule, verdict.message, level, detail=verdict.detail))


def _unused_suppressions(
    directive: Directive,
    without: Callable[[tuple[str, ...]], CleanResult],
    rules: RuleSwitches,
    locate: Locator,
) -> list[Finding]:
    """Q001 for each code of the seed's suppression line that suppresses nothing: cleaning
    again with only the other codes suppressed (`without(codes)`) brings back no finding
    of it; and for a line that names no code."""
    found = []
    for code in [*directive.codes, *directive.invalid] or [""]:
        if code in directive.codes:
            others = tuple(c for c in directive.codes if c != code)
            if any(matches(f.code, [code]) for f in without(others).report.findings):
                continue
        message = f"suppression of {code} suppresses nothing" if code else "suppression names no code"
        where = {"start": directive.start, "end": directive.end, "text": code or None}
        where.update(locate(directive.start))
        found.append(finding(UnusedSuppression, message, rules.severity(UnusedSuppression), **where))
    return found


def _after(blocks: list[Block], start: int) -> list[Block]:
    """The blocks from offset `start` on, numbered again from 0."""
    kept = [b for b in blocks if b.start >= start]
    for number, block in enumerate(kept):
        block.index = number
    return kept


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
