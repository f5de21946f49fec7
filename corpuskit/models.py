"""The data corpuskit emits: one record per seed (the corpus line) and one report per seed.

The models are plain dataclasses, so building them costs nothing and a check of one seed
never imports pydantic. Validating, reading and writing JSON, and JSON Schema come from
pydantic, built for a model the first time one of its `model_*` methods is called. Every
model forbids unknown keys, so a typo in a sidecar or a stale report fails loudly.
`corpuskit schema` exports these models as JSON Schema into `schemas/`.

Field annotations name pydantic's `Field`, `AwareDatetime` and `BeforeValidator`; they stay
strings until `adapter` resolves them with those names at hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from corpuskit.severity import Severity  # its own module: the gate uses it without pydantic

if TYPE_CHECKING:
    from pydantic import AwareDatetime, BeforeValidator, Field, TypeAdapter


@cache
def adapter(cls: Any) -> TypeAdapter:
    """pydantic's validator and serializer for a model class (or a type made of them, such
    as `list[Finding]`), built on first use."""
    from pydantic import AwareDatetime, BeforeValidator, Field, TypeAdapter  # noqa: F401 - see above

    return TypeAdapter(cls)


class Model:
    """Base for every corpuskit model: pydantic's model methods, for dataclasses.

    >>> Gap(start=0, text=" ").model_dump_json()
    '{"start":0,"text":" "}'
    >>> Gap.model_validate({"start": 3, "text": ""}).model_copy(update={"start": 4})
    Gap(start=4, text='')
    """

    __pydantic_config__: ClassVar[dict] = {"extra": "forbid"}

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        return adapter(type(self)).dump_python(self, mode=mode)

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return adapter(type(self)).dump_json(self, indent=indent).decode()

    def model_copy(self, *, update: dict[str, Any] | None = None):
        return dataclasses.replace(self, **(update or {}))

    @classmethod
    def model_validate(cls, data: Any):
        return adapter(cls).validate_python(data)

    @classmethod
    def model_validate_json(cls, data: str | bytes):
        return adapter(cls).validate_json(data)

    @classmethod
    def model_json_schema(cls, by_alias: bool = True) -> dict[str, Any]:
        return adapter(cls).json_schema(by_alias=by_alias)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))


model = dataclass(kw_only=True)  # every model: keyword arguments only


@model
class SeedMeta(Model):
    """Metadata of one seed. A field is empty rather than guessed.

    The same model validates explicit metadata (front matter, sidecars), so its errors
    carry stable types: `extra_forbidden` (unknown key), `list_type`, `string_type`,
    `string_pattern_mismatch` (language), `published_format`, `published_naive`.
    """

    title: Annotated[str | None, Field(min_length=1)] = None
    authors: list[str] = field(default_factory=list)
    published: Annotated[
        dt.date | AwareDatetime | None,
        BeforeValidator(_published),
        Field(description="ISO 8601 date, or date-time with its UTC offset"),
    ] = None
    source: Annotated[str | None, Field(min_length=1)] = None
    url: Annotated[
        str | None, Field(pattern=r"^https?://[^\s/]+\S*$", description="absolute http(s) URL")
    ] = None
    language: Annotated[str | None, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code")] = None


class PublishedError(ValueError):
    """A publication date explicit metadata cannot use; `type` is the stable error type."""

    def __init__(self, type_: str, message: str):
        super().__init__(message)
        self.type = type_


def parse_published(value: Any) -> dt.date | dt.datetime | None:
    """A publication date as written in explicit metadata: a date, an aware date-time, or
    their ISO 8601 text. A date-time without UTC offset is refused (ambiguous).

    >>> parse_published("2024-01-07T12:58:00+01:00").isoformat(), parse_published("2023-11-23")
    ('2024-01-07T12:58:00+01:00', datetime.date(2023, 11, 23))
    >>> try:
    ...     parse_published("2024-01-07 12:58")
    ... except PublishedError as err:
    ...     print(err.type)
    published_naive
    >>> try:
    ...     parse_published("2023-02-30")
    ... except PublishedError as err:
    ...     print(err)
    no such date: day is out of range for month
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError as err:
            if re.match(r"^\d{4}-\d{2}-\d{2}(?:$|T)", text):  # the right form, but no such day
                raise PublishedError("published_format", f"no such date: {err}") from None
            raise PublishedError(
                "published_format",
                "expected an ISO 8601 date (2023-11-23) or date-time with UTC offset "
                "(2024-01-07T12:58:00+01:00)",
            ) from None
        if not isinstance(value, dt.datetime):
            return value
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        if offset is None:
            raise PublishedError(
                "published_naive",
                "a date-time needs its UTC offset (2024-01-07T12:58:00+01:00); or give the date alone",
            )
        return value.replace(tzinfo=dt.timezone(offset))
    raise PublishedError("published_format", "expected an ISO 8601 date or date-time with UTC offset")


def _published(value: Any) -> Any:
    """`parse_published` as a pydantic validator: its errors keep their types."""
    from pydantic_core import PydanticCustomError

    try:
        return parse_published(value)
    except PublishedError as err:
        raise PydanticCustomError(err.type, str(err)) from None


@model
class Flags(Model):
    """Facts about a seed that a consumer of the corpus may want to filter on."""

    truncated: Annotated[bool, Field(description="a paywall or 'continue reading' note was found")] = False
    encoding_fixed: Annotated[bool, Field(description="ftfy repaired at least one line")] = False
    flagged: Annotated[int, Field(description="blocks or spans kept although a rule was unsure")] = 0


@model
class Stats(Model):
    """Sizes in and out. `removed_share` is the share of non-space characters removed."""

    chars_in: int
    chars_out: int
    lines_in: int
    lines_out: int
    removed_share: float


@model
class Checksums(Model):
    raw_sha256: str
    text_sha256: str


@model
class Provenance(Model):
    corpuskit_version: str
    config_hash: str


@model
class SeedRecord(Model):
    """One line of the cleaned corpus (`build/corpus.jsonl`)."""

    id: str
    text: str
    meta: SeedMeta
    flags: Flags
    stats: Stats
    checksums: Checksums
    provenance: Provenance


@model
class Detail(Model):
    """What exactly is wrong, for findings about values (validation errors): a stable
    error type, the field path, the offending value, and where it was written when that
    is not the seed itself (a sidecar)."""

    type: str
    loc: Annotated[list[str | int], Field(description="field path, e.g. ['authors', 1]")] = field(
        default_factory=list
    )
    value: Any = None
    file: Annotated[str | None, Field(description="the file holding the value, when not the seed")] = None
    line: Annotated[int | None, Field(description="1-based line in that file")] = None


@model
class Finding(Model):
    """One thing a rule found. Offsets index the normalized input (see `FileReport`); for an
    HTML seed that is the extracted text view, while `line`, `column` and `element` point
    into the page."""

    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    line: Annotated[int, Field(description="1-based line in the seed")] = 1
    column: Annotated[int, Field(description="1-based column in the seed")] = 1
    start: Annotated[int | None, Field(description="offset into the normalized input")] = None
    end: int | None = None
    text: Annotated[str | None, Field(description="the text concerned")] = None
    action: Annotated[
        str | None, Field(description="removed, lifted:<field>, fixed or flagged; none for a plain report")
    ] = None
    detail: Detail | None = None
    fix: Annotated[
        Literal["safe", "unsafe"] | None,
        Field(
            description="how `corpuskit check --fix` can repair the seed file itself: safe (applied by "
            "--fix), unsafe (needs --unsafe-fixes), or none"
        ),
    ] = None
    element: Annotated[
        str | None, Field(description="HTML seeds: short CSS path of the element concerned")
    ] = None

    def __post_init__(self):
        self.severity = Severity(self.severity)  # given by its name ("warning") or itself


@model
class EncodingFix(Model):
    """One changed stretch of a line: `original` became `fixed` at [start, end) of the
    normalized input."""

    line: int
    start: int
    end: int
    original: str
    fixed: str
    explanation: list[str]


@model
class NewlineChange(Model):
    """A line ending that differs from the seed's usual one, at `offset` of the
    normalized input (where a plain `\\n` now stands)."""

    offset: int
    original: str


@model
class Decoding(Model):
    """How the bytes became text, and the line endings that normalization replaced."""

    encoding: str
    bom: bool = False
    detected: Annotated[bool, Field(description="the encoding was guessed, not declared")] = False
    confidence: float | None = None
    newline: Annotated[str, Field(description="the usual line ending, replaced by \\n")] = "\n"
    newline_changes: list[NewlineChange] = field(default_factory=list)


@model
class FieldOrigin(Model):
    """Where one metadata field came from, or why it stayed empty."""

    origin: Literal["explicit", "inferred", "empty"]
    method: Annotated[
        str, Field(description="rule code, detector, or explicit source (front-matter, sidecar, ...)")
    ]
    file: Annotated[str | None, Field(description="the file an explicit value was read from")] = None
    line: int | None = None
    text: str | None = None
    confidence: float | None = None
    note: str | None = None


@model
class Piece(Model):
    """Kept text: `length` characters at `out` in the cleaned text came from `src`
    in the normalized input."""

    out: int
    src: int
    length: int


@model
class Gap(Model):
    """Layout dropped between kept pieces (blank lines, indentation)."""

    start: int
    text: str


@model
class HtmlStage(Model):
    """What the HTML stage made of an HTML seed. Its normalized input is the extracted text
    view (the page's main content, one block a line), not the page: the report rebuilds that
    view exactly, and every element left out is a finding (H1xx) with its text."""

    parser: Annotated[str, Field(description="lxml or bs4 (beautifulsoup4 on lxml)")]
    root: Annotated[str | None, Field(description="CSS path of the element taken as the main content")] = None
    view_sha256: Annotated[str, Field(description="sha256 of the extracted text view (UTF-8)")]


@model
class FileReport(Model):
    """Everything corpuskit did to one seed, enough to rebuild the original exactly:
    cleaned text + `pieces` + removed/lifted findings + `layout` give the normalized
    input; reversing `encoding_fixes` and `decoding` gives the original bytes. For an HTML
    seed (`html` set) the same steps give the extracted text view instead, and the page's
    bytes are identified by `checksums.raw_sha256` of the record."""

    id: str
    path: str
    decoding: Decoding
    encoding_fixes: list[EncodingFix] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    metadata: dict[str, FieldOrigin] = field(default_factory=dict)
    pieces: list[Piece] = field(default_factory=list)
    layout: list[Gap] = field(default_factory=list)
    html: Annotated[HtmlStage | None, Field(description="HTML seeds only")] = None
