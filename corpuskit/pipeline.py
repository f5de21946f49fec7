"""`clean`: the one pure per-document function every driver calls.

bytes → decode → normalize → segment → span rules → block rules in passes until nothing
changes → metadata → assemble → record rules → record + report.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from corpuskit import __version__
from corpuskit.assemble import assemble, kept_ranges
from corpuskit.config import Config
from corpuskit.decode import DecodeError, decode
from corpuskit.html import HtmlPage, is_html, read_html
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
    Severity,
    Stats,
)
from corpuskit.normalize import STRIP_TAGS_STEP, normalize
from corpuskit.rules import ALL_RULES, BLOCK_RULES, RECORD_RULES, SPAN_RULES, selected
from corpuskit.rules.base import LIFT, Context, Hit, Rule
from corpuskit.rules.html import MarkedButKept, StrayMarkup
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


def clean_file(path: str | Path, config: Config | None = None) -> CleanResult:
    """Clean one seed file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _unreadable(str(path), f"cannot read {path}: {err.strerror or err}")
    return clean_bytes(raw, name=str(path), config=config)


def clean_text(text: str, seed: str = "-", config: Config | None = None) -> CleanResult:
    """Clean a seed given as text."""
    raw = text.encode("utf-8", "surrogatepass")
    return _clean(text, Decoding(encoding="utf-8"), raw, seed, seed, config or Config())


def clean_bytes(raw: bytes, name: str = "-", config: Config | None = None) -> CleanResult:
    """Clean a seed given as bytes; `name` gives its id and, by its suffix, its kind."""
    try:
        decoded = decode(raw)
    except DecodeError as err:
        return _unreadable(name, f"{name}: {err}")
    return _clean(decoded.text, decoded.decoding, raw, seed_id(name), name, config or Config())


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


_NEWLINE = re.compile("\n")


class _Locator:
    """Offsets in the normalized text to 1-based line and column."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in _NEWLINE.finditer(text)]

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


def _clean(text: str, decoding: Decoding, raw: bytes, sid: str, path: str, config: Config) -> CleanResult:
    def on(rule: type[Rule]) -> bool:
        return selected(rule.code, config.select, config.ignore)

    def severity(rule: type[Rule]) -> Severity:
        return config.severity.get(rule.code, rule.severity)

    page = None
    if is_html(path):
        off = frozenset(code for code in ALL_RULES if code.startswith("H1") and not on(ALL_RULES[code]))
        page = read_html(text, config.html_parser, off)
    normalized = normalize(page.text if page else text, strip_tags=page is None and on(StrayMarkup))
    decoding = decoding.model_copy(
        update={"newline": normalized.newline, "newline_changes": normalized.newline_changes}
    )
    source = normalized.text
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

    blocks = segment(source)
    span_findings = _apply_span_rules(blocks, [r for r in SPAN_RULES if on(r)], severity, locate, source)
    declared_language = page.meta["language"][0] if page and "language" in page.meta else None
    decisions, flags = _decide_blocks(blocks, [r for r in BLOCK_RULES if on(r)], declared_language)

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
    cleaned, pieces, layout = assemble(source, kept, dropped)

    language, confidence, note = detect_language(cleaned)
    meta.language = language
    origins["language"] = FieldOrigin(
        origin="inferred" if language else "empty", method="py3langid", confidence=confidence, note=note
    )
    if page and "language" in page.meta:
        _merge_declared_language(meta, origins, page.meta["language"])
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
        html=HtmlStage(parser=page.parser, root=page.extraction.root, view_sha256=page.view_sha256)
        if page
        else None,
    )
    for rule in RECORD_RULES:
        if on(rule):
            for message in rule().check(record, report, config):
                report.findings.append(_finding(rule, message, severity(rule)))
    report.findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.code))
    return CleanResult(record, report)


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
    blocks: list[Block], rules, declared_language: str | None = None
) -> tuple[dict[int, Hit], list[Hit]]:
    """Run block rules in passes over the blocks still kept until a pass removes and lifts
    nothing; return the removals and lifts of all passes and the flags of the last."""
    instances = [rule() for rule in rules]
    decisions: dict[int, Hit] = {}
    survivors = blocks
    flags: list[Hit] = []
    for _ in range(MAX_PASSES):
        ctx = Context(survivors, blocks, {i: h.rule.code for i, h in decisions.items()}, declared_language)
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
    solid_in = sum(map(len, source.split()))  # characters that are not whitespace
    solid_out = sum(map(len, cleaned.split()))
    share = 0.0 if not solid_in else round(max(0.0, 1 - solid_out / solid_in), 4)
    return Stats(
        chars_in=len(original),
        chars_out=len(cleaned),
        lines_in=original.count("\n") + (1 if original and not original.endswith("\n") else 0),
        lines_out=cleaned.count("\n"),
        removed_share=share,
    )
