"""`clean`: the one pure per-document function every driver calls.

bytes → decode → normalize → segment → span rules → block rules in passes until nothing
changes → metadata → assemble → record rules → record + report.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from pathlib import Path

from corpuskit import __version__
from corpuskit.assemble import assemble, kept_ranges
from corpuskit.config import Config
from corpuskit.decode import DecodeError, decode
from corpuskit.linefreq import LineTable
from corpuskit.metadata import detect_language
from corpuskit.models import (
    Checksums,
    Decoding,
    FieldOrigin,
    FileReport,
    Finding,
    Flags,
    Provenance,
    SeedMeta,
    SeedRecord,
    Severity,
    Stats,
)
from corpuskit.normalize import normalize
from corpuskit.rules import BLOCK_RULES, RECORD_RULES, SPAN_RULES, selected
from corpuskit.rules.base import LIFT, Context, Hit, Rule
from corpuskit.rules.lines import PaywallNote
from corpuskit.rules.notices import CharsetDetected, EncodingFixed, UnreadableSeed
from corpuskit.segment import Block, segment

MAX_PASSES = 8
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
    path: str | Path, config: Config | None = None, line_table: LineTable | None = None
) -> CleanResult:
    """Clean one seed file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _unreadable(str(path), f"cannot read {path}: {err.strerror or err}")
    return clean_bytes(raw, name=str(path), config=config, line_table=line_table)


def clean_text(
    text: str, seed: str = "-", config: Config | None = None, line_table: LineTable | None = None
) -> CleanResult:
    """Clean a seed given as text; `line_table` (optional) says which lines recur across
    the corpus (`corpuskit.linefreq`)."""
    raw = text.encode("utf-8", "surrogatepass")
    return _clean(text, Decoding(encoding="utf-8"), raw, seed, seed, config or Config(), line_table)


def clean_bytes(
    raw: bytes, name: str = "-", config: Config | None = None, line_table: LineTable | None = None
) -> CleanResult:
    """Clean a seed given as bytes; `name` gives its id and, by its suffix, its kind."""
    try:
        decoded = decode(raw)
    except DecodeError as err:
        return _unreadable(name, f"{name}: {err}")
    return _clean(decoded.text, decoded.decoding, raw, seed_id(name), name, config or Config(), line_table)


def _unreadable(path: str, message: str) -> CleanResult:
    finding = _finding(UnreadableSeed, message, Severity.ERROR)
    report = FileReport(
        id=seed_id(path), path=path, decoding=Decoding(encoding="unknown"), findings=[finding]
    )
    return CleanResult(None, report)


def _finding(rule: type[Rule], message: str, severity: Severity, **where) -> Finding:
    return Finding(
        code=rule.code, rule=rule.name, category=rule.category, severity=severity, message=message, **where
    )


class _Locator:
    """Offsets in the normalized text to 1-based line and column."""

    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def __call__(self, offset: int) -> dict[str, int]:
        line = bisect.bisect_right(self.starts, offset)
        return {"line": line, "column": offset - self.starts[line - 1] + 1}


def _clean(
    text: str,
    decoding: Decoding,
    raw: bytes,
    sid: str,
    path: str,
    config: Config,
    line_table: LineTable | None = None,
) -> CleanResult:
    def on(rule: type[Rule]) -> bool:
        return selected(rule.code, config.select, config.ignore)

    def severity(rule: type[Rule]) -> Severity:
        return config.severity.get(rule.code, rule.severity)

    normalized = normalize(text)
    decoding = decoding.model_copy(
        update={"newline": normalized.newline, "newline_changes": normalized.newline_changes}
    )
    source = normalized.text
    locate = _Locator(source)
    findings: list[Finding] = []

    if decoding.detected and on(CharsetDetected):
        findings.append(
            _finding(
                CharsetDetected,
                f"not UTF-8: decoded as {decoding.encoding} (confidence {decoding.confidence})",
                severity(CharsetDetected),
            )
        )
    if on(EncodingFixed):
        for fix in normalized.fixes:
            findings.append(
                _finding(
                    EncodingFixed,
                    f"{', '.join(fix.explanation)}: {fix.original!r} -> {fix.fixed!r}",
                    severity(EncodingFixed),
                    start=fix.start,
                    end=fix.end,
                    text=fix.fixed,
                    action="fixed",
                    **locate(fix.start),
                )
            )

    blocks = segment(source)
    span_findings = _apply_span_rules(blocks, [r for r in SPAN_RULES if on(r)], severity, locate, source)
    decisions, flags = _decide_blocks(blocks, [r for r in BLOCK_RULES if on(r)], line_table)

    meta, origins = SeedMeta(), {}
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
    cleaned, pieces, layout = assemble(source, kept, dropped)

    language, confidence, note = detect_language(cleaned)
    meta.language = language
    origins["language"] = FieldOrigin(
        origin="inferred" if language else "empty", method="py3langid", confidence=confidence, note=note
    )
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
            flagged=len(flags),
        ),
        stats=_stats(text, source, cleaned),
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
    )
    for rule in RECORD_RULES:
        if on(rule):
            for message in rule().check(record, report, config):
                report.findings.append(_finding(rule, message, severity(rule)))
    report.findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.code))
    return CleanResult(record, report)


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


def _decide_blocks(blocks: list[Block], rules, line_table=None) -> tuple[dict[int, Hit], list[Hit]]:
    """Run block rules in passes over the blocks still kept until a pass removes and lifts
    nothing; return the removals and lifts of all passes and the flags of the last."""
    instances = [rule() for rule in rules]
    decisions: dict[int, Hit] = {}
    survivors = blocks
    flags: list[Hit] = []
    for _ in range(MAX_PASSES):
        ctx = Context(survivors, blocks, {i: h.rule.code for i, h in decisions.items()}, line_table)
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
    solid_in = sum(not ch.isspace() for ch in source)
    solid_out = sum(not ch.isspace() for ch in cleaned)
    share = 0.0 if not solid_in else round(max(0.0, 1 - solid_out / solid_in), 4)
    return Stats(
        chars_in=len(original),
        chars_out=len(cleaned),
        lines_in=original.count("\n") + (1 if original and not original.endswith("\n") else 0),
        lines_out=cleaned.count("\n"),
        removed_share=share,
    )
