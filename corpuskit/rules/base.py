"""What a rule is, what it returns, and the view of a document it works on.

Rules come in three kinds, all registered with a stable code:

- `SpanRule`: finds stretches inside a block to cut (inline promos); runs once, first.
- `BlockRule`: decides whole blocks (remove, lift into metadata, flag); runs in passes over
  the blocks still kept until nothing changes, so cleaning cleaned text changes nothing.
- `RecordRule`: judges the finished record (missing title, over-removal); reports only.

Stages of the pipeline that report (decoding, encoding fixes) have codes too, as `Notice`
rules, so every code a user can see has documentation behind `corpuskit rule CODE`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from corpuskit.models import Severity
from corpuskit.segment import INVISIBLE, SENTENCE_MARKS, UNMARKED_ENDS, Block

if TYPE_CHECKING:
    from corpuskit.config import Config
    from corpuskit.linefreq import LineTable
    from corpuskit.models import FileReport, SeedRecord

REMOVE, LIFT, FLAG = "remove", "lift", "flag"

_SENTENCE_END = re.compile(rf"[{SENTENCE_MARKS}][\"'”’»)\]]*(?:\s|$)|[{UNMARKED_ENDS}]$")
_UNMARKED_END = re.compile(rf"[{UNMARKED_ENDS}]$")


def ends_unmarked(block: Block) -> bool:
    """The line ends in a Thai or Lao letter: a script that marks no sentence end, so the
    end does not tell a sentence from a headline there.

    >>> from corpuskit.segment import segment
    >>> [ends_unmarked(b) for b in segment("ห้องสมุดจะเปิดในฤดูใบไม้ผลิหน้า\\nThe library opens.")]
    [True, False]
    """
    return bool(_UNMARKED_END.search(block.text))


MIN_PROSE_WORDS = 12
# Thai and Lao end a sentence unmarked, as a headline ends: a paragraph there is longer
# than a headline (20 words are about 100 characters)
MIN_UNMARKED_PROSE_WORDS = 20


def is_prose(block: Block) -> bool:
    """A paragraph of running text: twelve words or more and at least one full stop; in a
    script that marks no sentence end, twenty words or more.

    >>> from corpuskit.segment import segment
    >>> [is_prose(b) for b in segment("Trending Now\\n" + "word " * 12 + "end.")]
    [False, True]
    >>> headline = "รัฐบาลเร่งแก้ปัญหาฝุ่น PM2.5 ในกรุงเทพฯ สั่งตรวจรถควันดำทุกเขต"
    >>> is_prose(segment(headline)[0]), is_prose(segment(" ".join([headline] * 2))[0])
    (False, True)
    """
    known = block.__dict__.get("_prose")  # asked in every pass: kept on the block
    if known is None:
        shortest = MIN_UNMARKED_PROSE_WORDS if ends_unmarked(block) else MIN_PROSE_WORDS
        known = (
            block.word_count >= shortest
            and block.letter_share > 0.5
            and bool(_SENTENCE_END.search(block.text))
        )
        block.__dict__["_prose"] = known
    return known


FOOTER_OUTWEIGHS = 2  # "below the article" holds this many times its words: it goes on there
CUT_SENTENCE_WORDS = 5  # two pieces of a sentence hold this many words at least: "home" / "news" is a menu


def _closes_a_sentence(block: Block) -> bool:
    """A piece that ends a sentence, but not with an ellipsis ("read more…" closes nothing)."""
    return block.ends_sentence and not block.text.rstrip("\"'”’»)]" + INVISIBLE).endswith(("…", ".."))


def is_sentence(block: Block) -> bool:
    """A short sentence: four words or more ending with terminal punctuation."""
    return block.word_count >= 4 and block.ends_sentence


class Rule:
    """A registered rule. Subclasses set the class attributes and document themselves:
    the docstring says what it does, why, and gives an example."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.INFO
    summary: ClassVar[str]

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


class Notice(Rule):
    """A code reported by a pipeline stage rather than by a rule of its own."""


@dataclass
class Hit:
    """A rule's decision about one block (or, with `span`, a stretch of it)."""

    rule: type[Rule]
    block: Block
    action: str
    message: str
    field: str | None = None
    value: Any = None
    span: tuple[int, int] | None = None


class Context:
    """One pass over the blocks still kept. Rules run in registry order; the first
    removal or lift of a block wins, and later rules see it. A flag is weaker: it holds
    only if no later rule removes or lifts the block."""

    def __init__(
        self,
        blocks: list[Block],
        all_blocks: list[Block],
        removed_by: dict[int, str],
        declared_language: str | None = None,
        line_table: LineTable | None = None,
        memo: dict | None = None,
    ):
        self.blocks = blocks
        self.declared_language = declared_language  # the seed's own word, when it gives one
        self.line_table = line_table  # line repetition across the corpus, when known
        self.all_blocks = all_blocks
        self.removed_by = removed_by  # block index -> rule code, from earlier passes
        self.memo = {} if memo is None else memo  # what depends on all blocks alone: kept over passes
        self.decisions: dict[int, Hit] = {}
        self.flags: dict[int, Hit] = {}
        self.line_scores: dict[int, float] = {}  # block index -> line model's probability
        self._zones: tuple[int, int] | None = None
        self._language: str | bool | None = False

    def decided(self, block: Block) -> Hit | None:
        return self.decisions.get(block.index)

    def add(self, hit: Hit) -> None:
        """Record a rule's decision, unless an earlier one already holds."""
        index = hit.block.index
        if hit.action == FLAG:
            self.flags.setdefault(index, hit)
        else:
            self.decisions.setdefault(index, hit)

    def final_flags(self) -> list[Hit]:
        return [hit for index, hit in self.flags.items() if index not in self.decisions]

    def is_kept(self, block: Block) -> bool:
        return block.index not in self.decisions

    def in_a_cut_sentence(self, block: Block) -> bool:
        """Whether the block is a piece of a sentence cut into lines at its links, its drop
        cap or its italics: the next line, still kept, carries its sentence on in lower case
        ("WeWork" / "is reportedly being investigated …"), or it carries on the sentence of
        the line before ("The Bills" / "do" / "get in, they might …"). Article text, however
        short the piece. A line that ends a sentence or a label ("Tags:") is whole. The two
        pieces hold five words at least ("home" / "news" is a menu), unless the lower-case
        one closes the sentence with a full stop ("Homepage des Herstellers" / "nachlesen.").
        """
        return self._carries_on(block, block.index + 1) or self._carries_on(block, block.index - 1)

    def _carries_on(self, block: Block, at: int) -> bool:
        if not 0 <= at < len(self.all_blocks):
            return False
        neighbour = self.all_blocks[at]
        if neighbour.index in self.removed_by or not self.is_kept(neighbour):
            return False
        first, second = (block, neighbour) if at > block.index else (neighbour, block)
        if first.ends_sentence or first.text.rstrip().endswith(":"):
            return False
        enough = first.word_count + second.word_count >= CUT_SENTENCE_WORDS or _closes_a_sentence(second)
        return enough and second.text.lstrip()[:1].islower()

    def between_sentences(self, block: Block) -> bool:
        """Whether the lines before and after the block, both still kept, are sentences:
        a short line inside running text is its subheading, a speaker's name or the time
        of a live blog's entry ("… the council said." / "Reactions" / "The mayor …")."""
        return self._sentence_at(block.index - 1) and self._sentence_at(block.index + 1)

    def _sentence_at(self, at: int) -> bool:
        if not 0 <= at < len(self.all_blocks):
            return False
        block = self.all_blocks[at]
        return block.index not in self.removed_by and self.is_kept(block) and is_sentence(block)

    def open_blocks(self) -> Iterator[Block]:
        """Blocks no rule has removed or lifted yet in this pass."""
        return (b for b in self.blocks if b.index not in self.decisions)

    def rule_of(self, block: Block) -> str | None:
        """Code of the rule that removed or lifted this block (any pass), if any."""
        hit = self.decisions.get(block.index)
        return hit.rule.code if hit is not None else self.removed_by.get(block.index)

    def zones(self) -> tuple[int, int]:
        """Positions (in `blocks`) of the first and last prose block still standing.

        Fixed the first time a zone rule asks, after the line rules have decided.
        With no prose at all there are no zones: (len, -1).
        """
        if self._zones is None:
            prose = [i for i, b in enumerate(self.blocks) if is_prose(b) and self.is_kept(b)]
            self._zones = (prose[0], prose[-1]) if prose else (len(self.blocks), -1)
        return self._zones

    def outweighs_the_article(self, footer: list[Block]) -> bool:
        """Whether the `footer` (what stands below the article) holds more than twice the
        article's words: then the zones are wrong (the article goes on in a table, a list,
        lines without full stops) and short lines "below the article" may be article text."""
        first, last = self.zones()
        body = sum(b.word_count for b in self.blocks[first : last + 1] if self.is_kept(b))
        return sum(b.word_count for b in footer) > FOOTER_OUTWEIGHS * body

    def language_hint(self) -> str | None:
        """The language of the prose blocks, for rules that read dates or names; the
        language the seed declares when the prose does not tell."""
        if self._language is False:
            from corpuskit.metadata import detect_language

            prose = " ".join(b.text for b in self.blocks if is_prose(b))
            self._language = detect_language(prose[:2000])[0] or self.declared_language
        return self._language

    def header(self) -> list[Block]:
        """Open blocks before the first prose block."""
        first, last = self.zones()
        if last < first:
            return []
        return [b for b in self.blocks[:first] if b.index not in self.decisions]

    def footer(self) -> list[Block]:
        """Open blocks after the last prose block."""
        first, last = self.zones()
        if last < first:
            return []
        return [b for b in self.blocks[last + 1 :] if b.index not in self.decisions]


class BlockRule(Rule):
    def check(self, ctx: Context) -> Iterable[Hit]:
        raise NotImplementedError

    def hit(self, block: Block, action: str, message: str, **extra: Any) -> Hit:
        return Hit(type(self), block, action, message, **extra)


class SpanRule(Rule):
    def spans(self, block: Block) -> Iterable[tuple[int, int, str]]:
        """Yield (start, end, message) offsets into `block.text`."""
        raise NotImplementedError


@dataclass
class Verdict:
    """A record rule's finding before it becomes one: the message, the severity when the
    policy sets it (else the rule's), and the validation detail."""

    message: str
    severity: Severity | None = None
    detail: Any = None


class RecordRule(Rule):
    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[str | Verdict]:
        """Yield messages or verdicts; the pipeline turns each into a finding."""
        raise NotImplementedError
