"""Decisions about blocks: span rules cut inline promos out of blocks first, then the
block rules run in passes over the blocks still standing until a pass removes and lifts
nothing (a rule may see its context change as others remove lines).
"""

from __future__ import annotations

from corpuskit.assemble import kept_ranges
from corpuskit.findings import finding
from corpuskit.linefreq import LineTable
from corpuskit.models import Finding
from corpuskit.rules.base import Context, Hit
from corpuskit.segment import Block

MAX_PASSES = 8


def apply_span_rules(blocks, rules, severity, locate, source) -> dict[int, list[Finding]]:
    """Cut spans out of blocks (before any block rule sees them); findings by block."""
    found: dict[int, list[Finding]] = {}
    for block in blocks:
        for rule in rules:
            for start, end, message in rule().spans(block):
                src_start, src_end = block.start + start, block.start + end
                block.spans_removed.append((src_start, src_end))
                found.setdefault(block.index, []).append(
                    finding(
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


def decide_blocks(
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
