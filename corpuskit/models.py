"""The data corpuskit emits: one record per seed (the corpus line) and one report per seed.

Every model forbids unknown keys, so a typo in a sidecar or a stale report fails loudly.
`corpuskit schema` exports these models as JSON Schema into `schemas/`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from corpuskit.severity import Severity  # its own module: the gate uses it without pydantic


class Model(BaseModel):
    """Base for every corpuskit model: unknown keys are errors. Validators are built on
    first use, so a run that reads only a few models (a check answered from the results
    cache) does not pay for the others."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class SeedMeta(Model):
    """Metadata of one seed. A field is empty rather than guessed.

    The same model validates explicit metadata (front matter, sidecars), so its errors
    carry stable types: `extra_forbidden` (unknown key), `list_type`, `string_type`,
    `string_pattern_mismatch` (language), `published_format`, `published_naive`.
    """

    title: str | None = Field(default=None, min_length=1)
    authors: list[str] = Field(default_factory=list)
    published: dt.date | AwareDatetime | None = Field(
        default=None, description="ISO 8601 date, or date-time with its UTC offset"
    )
    source: str | None = Field(default=None, min_length=1)
    url: str | None = Field(default=None, min_length=1)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", description="ISO 639-1 code")

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> Any:
        return parse_published(value)


def parse_published(value: Any) -> dt.date | dt.datetime | None:
    """A publication date as written in explicit metadata: a date, an aware date-time, or
    their ISO 8601 text. A date-time without UTC offset is refused (ambiguous).

    >>> parse_published("2024-01-07T12:58:00+01:00").isoformat(), parse_published("2023-11-23")
    ('2024-01-07T12:58:00+01:00', datetime.date(2023, 11, 23))
    >>> try:
    ...     parse_published("2024-01-07 12:58")
    ... except PydanticCustomError as err:
    ...     print(err.type)
    published_naive
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError(
                "published_format",
                "expected an ISO 8601 date (2023-11-23) or date-time with UTC offset "
                "(2024-01-07T12:58:00+01:00)",
            ) from None
        if not isinstance(value, dt.datetime):
            return value
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        if offset is None:
            raise PydanticCustomError(
                "published_naive",
                "a date-time needs its UTC offset (2024-01-07T12:58:00+01:00); or give the date alone",
            )
        return value.replace(tzinfo=dt.timezone(offset))
    raise PydanticCustomError("published_format", "expected an ISO 8601 date or date-time with UTC offset")


class Flags(Model):
    """Facts about a seed that a consumer of the corpus may want to filter on."""

    truncated: bool = Field(False, description="a paywall or 'continue reading' note was found")
    encoding_fixed: bool = Field(False, description="ftfy repaired at least one line")
    flagged: int = Field(0, description="blocks or spans kept although a rule was unsure")


class Stats(Model):
    """Sizes in and out. `removed_share` is the share of non-space characters removed."""

    chars_in: int
    chars_out: int
    lines_in: int
    lines_out: int
    removed_share: float


class Checksums(Model):
    raw_sha256: str
    text_sha256: str


class Provenance(Model):
    corpuskit_version: str
    config_hash: str


class SeedRecord(Model):
    """One line of the cleaned corpus (`build/corpus.jsonl`)."""

    id: str
    text: str
    meta: SeedMeta
    flags: Flags
    stats: Stats
    checksums: Checksums
    provenance: Provenance


class Detail(Model):
    """What exactly is wrong, for findings about values (validation errors): a stable
    error type, the field path, the offending value, and where it was written when that
    is not the seed itself (a sidecar)."""

    type: str
    loc: list[str | int] = Field(default_factory=list, description="field path, e.g. ['authors', 1]")
    value: Any = None
    file: str | None = Field(None, description="the file holding the value, when not the seed")
    line: int | None = Field(None, description="1-based line in that file")


class Finding(Model):
    """One thing a rule found. Offsets index the normalized input (see `FileReport`); for an
    HTML seed that is the extracted text view, while `line`, `column` and `element` point
    into the page."""

    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    line: int = Field(1, description="1-based line in the seed")
    column: int = Field(1, description="1-based column in the seed")
    start: int | None = Field(None, description="offset into the normalized input")
    end: int | None = None
    text: str | None = Field(None, description="the text concerned")
    action: str | None = Field(
        None, description="removed, lifted:<field>, fixed or flagged; none for a plain report"
    )
    detail: Detail | None = None
    fix: Literal["safe", "unsafe"] | None = Field(
        None,
        description="how `corpuskit check --fix` can repair the seed file itself: safe (applied by "
        "--fix), unsafe (needs --unsafe-fixes), or none",
    )
    element: str | None = Field(None, description="HTML seeds: short CSS path of the element concerned")


class EncodingFix(Model):
    """One changed stretch of a line: `original` became `fixed` at [start, end) of the
    normalized input."""

    line: int
    start: int
    end: int
    original: str
    fixed: str
    explanation: list[str]


class NewlineChange(Model):
    """A line ending that differs from the seed's usual one, at `offset` of the
    normalized input (where a plain `\\n` now stands)."""

    offset: int
    original: str


class Decoding(Model):
    """How the bytes became text, and the line endings that normalization replaced."""

    encoding: str
    bom: bool = False
    detected: bool = Field(False, description="the encoding was guessed, not declared")
    confidence: float | None = None
    newline: str = Field("\n", description="the usual line ending, replaced by \\n")
    newline_changes: list[NewlineChange] = Field(default_factory=list)


class FieldOrigin(Model):
    """Where one metadata field came from, or why it stayed empty."""

    origin: Literal["explicit", "inferred", "empty"]
    method: str = Field(description="rule code, detector, or explicit source (front-matter, sidecar, ...)")
    file: str | None = Field(None, description="the file an explicit value was read from")
    line: int | None = None
    text: str | None = None
    confidence: float | None = None
    note: str | None = None


class Piece(Model):
    """Kept text: `length` characters at `out` in the cleaned text came from `src`
    in the normalized input."""

    out: int
    src: int
    length: int


class Gap(Model):
    """Layout dropped between kept pieces (blank lines, indentation)."""

    start: int
    text: str


class HtmlStage(Model):
    """What the HTML stage made of an HTML seed. Its normalized input is the extracted text
    view (the page's main content, one block a line), not the page: the report rebuilds that
    view exactly, and every element left out is a finding (H1xx) with its text."""

    parser: str = Field(description="lxml or bs4 (beautifulsoup4 on lxml)")
    root: str | None = Field(None, description="CSS path of the element taken as the main content")
    view_sha256: str = Field(description="sha256 of the extracted text view (UTF-8)")


class FileReport(Model):
    """Everything corpuskit did to one seed, enough to rebuild the original exactly:
    cleaned text + `pieces` + removed/lifted findings + `layout` give the normalized
    input; reversing `encoding_fixes` and `decoding` gives the original bytes. For an HTML
    seed (`html` set) the same steps give the extracted text view instead, and the page's
    bytes are identified by `checksums.raw_sha256` of the record."""

    id: str
    path: str
    decoding: Decoding
    encoding_fixes: list[EncodingFix] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    metadata: dict[str, FieldOrigin] = Field(default_factory=dict)
    pieces: list[Piece] = Field(default_factory=list)
    layout: list[Gap] = Field(default_factory=list)
    html: HtmlStage | None = Field(None, description="HTML seeds only")
