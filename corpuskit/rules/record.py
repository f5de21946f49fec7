"""Record rules: judge the finished record against the corpus policy."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from corpuskit.models import Detail, FileReport, SeedRecord, Severity
from corpuskit.rules.base import RecordRule, Verdict
from corpuskit.segment import words as segment_words

if TYPE_CHECKING:
    from corpuskit.config import Config


class MissingField(RecordRule):
    """Base of the missing-field rules: a field the policy requires (error) or recommends
    (warning) is empty; a field it does neither is not reported."""

    field: str
    severity = Severity.WARNING

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[Verdict]:
        if getattr(record.meta, self.field) not in (None, []):
            return
        if self.field in config.required_fields:
            level = Severity.ERROR
        elif self.field in config.recommended_fields:
            level = Severity.WARNING
        else:
            return
        origin = report.metadata.get(self.field)
        why = f": {origin.note}" if origin and origin.note else ""
        hint = "" if self.field == "language" else "; give it in front matter or a sidecar"
        yield Verdict(f"no {self.noun}{why}{hint}", level)


class MissingTitle(MissingField):
    """Reports a seed without a title.

    What it does: a seed whose `meta.title` is empty after extraction (no explicit title,
    no headline found in the header) gets a warning when `title` is among the
    `recommended-fields` (the default) and an error when it is among the
    `required-fields`.

    Why: records without a title are harder to review and to deduplicate; the fix is a
    title in front matter or a sidecar.

    Example:
        >>> from corpuskit import clean_text
        >>> [f.code for f in clean_text(BODY).report.findings]
        ['M101', 'M102']
    """

    code, name, category = "M101", "missing-title", "metadata"
    summary = "no title found"
    field, noun = "title", "title"


class MissingPublished(MissingField):
    """Reports a seed without a publication date.

    What it does: a seed whose `meta.published` is empty after extraction gets a warning
    (`published` is among the default `recommended-fields`) or, when required, an error.

    Why: undated news cannot be placed in time; the fix is a date in front matter or a
    sidecar.

    Example:
        >>> from corpuskit import clean_text
        >>> "M102" in [f.code for f in clean_text("Published 2024-03-01\\n\\n" + BODY).report.findings]
        False
    """

    code, name, category = "M102", "missing-published", "metadata"
    summary = "no publication date found"
    field, noun = "published", "publication date"


class UnknownLanguage(MissingField):
    """Reports a seed whose language cannot be told.

    What it does: a seed whose cleaned text is too short, or too mixed, for the language
    detector to be sure (confidence below 0.5), and that gives no language explicitly,
    gets a warning (`language` is among the default `recommended-fields`) or, when
    required, an error.

    Why: language decides which corpus a text belongs to; a guess would be worse than none.

    Example:
        >>> from corpuskit import clean_text
        >>> [f.message for f in clean_text("Hi.").report.findings if f.code == "M103"]
        ['no language: too little text to tell the language']
    """

    code, name, category = "M103", "unknown-language", "metadata"
    summary = "language could not be told"
    field, noun = "language", "language"


class MissingAuthors(MissingField):
    """Reports a seed without authors, when the policy asks for them.

    What it does: with `authors` in `required-fields` (error) or `recommended-fields`
    (warning), a seed whose `meta.authors` is empty is reported; by default it is not.

    Why: some corpora must credit every text; a byline in the header or front matter
    gives the names.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> r = clean_text(BODY, config=Config(required_fields=["authors"]))
        >>> [(f.code, f.severity.value) for f in r.report.findings if f.code == "M104"]
        [('M104', 'error')]
    """

    code, name, category = "M104", "missing-authors", "metadata"
    summary = "no authors found (when the policy asks)"
    field, noun = "authors", "authors"


class MissingSource(MissingField):
    """Reports a seed without a source, when the policy asks for one.

    What it does: with `source` in `required-fields` (error) or `recommended-fields`
    (warning), a seed whose `meta.source` (the outlet) is empty is reported; by default
    it is not.

    Why: provenance matters for licensing and for balancing a corpus across outlets.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> r = clean_text("© 2024 Dagbladet\\n\\n" + BODY, config=Config(required_fields=["source"]))
        >>> "M105" in [f.code for f in r.report.findings]
        False
    """

    code, name, category = "M105", "missing-source", "metadata"
    summary = "no source found (when the policy asks)"
    field, noun = "source", "source"


class MissingUrl(MissingField):
    """Reports a seed without a URL, when the policy asks for one.

    What it does: with `url` in `required-fields` (error) or `recommended-fields`
    (warning), a seed whose `meta.url` is empty is reported; a URL comes only from front
    matter, a sidecar or the page's own metadata, never from a guess.

    Why: the address of the original lets a reader check the seed against its source.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> r = clean_text(BODY, config=Config(recommended_fields=["url"]))
        >>> [(f.code, f.severity.value) for f in r.report.findings]
        [('M106', 'warning')]
    """

    code, name, category = "M106", "missing-url", "metadata"
    summary = "no URL given (when the policy asks)"
    field, noun = "url", "URL"


class LanguageNotAllowed(RecordRule):
    """Fails a seed in a language the corpus does not take.

    What it does: with `allowed-languages` set (ISO 639-1 codes), a seed whose language
    (explicit or detected) is not among them is an error. An unknown language is M103's
    business, not this rule's.

    Why: a corpus built for some languages must not take in others by accident.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> german = "Der Gemeinderat hat am Dienstag lange über den neuen Haushalt der Stadt beraten."
        >>> policy = Config(allowed_languages=["en", "nb"])
        >>> [f.message for f in clean_text(german, config=policy).report.findings if f.code == "M107"]
        ["language 'de' is not allowed (allowed: en, nb)"]
    """

    code, name, category = "M107", "language-not-allowed", "metadata"
    severity = Severity.ERROR
    summary = "language not in allowed-languages"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[Verdict]:
        language = record.meta.language
        if config.allowed_languages and language and language not in config.allowed_languages:
            yield Verdict(
                f"language {language!r} is not allowed (allowed: {', '.join(config.allowed_languages)})",
                detail=Detail(type="language_not_allowed", loc=["meta", "language"], value=language),
            )


class PublishedOutOfRange(RecordRule):
    """Fails a seed dated in the future or before the corpus's earliest year.

    What it does: an explicit `published` (front matter, sidecar, page metadata) later
    than tomorrow or before `earliest-published-year` (default 1900) is an error. An
    inferred date out of range is never kept: the field stays empty and the report says
    why.

    Why: a date in the future or far in the past is a typo or a wrong value.

    Example:
        >>> from corpuskit import clean_text
        >>> r = clean_text("---\\npublished: 2999-01-01\\n---\\n" + BODY)
        >>> [(f.detail.type, f.detail.value) for f in r.report.findings if f.code == "M108"]
        [('published_in_future', '2999-01-01')]
    """

    code, name, category = "M108", "published-out-of-range", "metadata"
    severity = Severity.ERROR
    summary = "publication date in the future or too early"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[Verdict]:
        value = record.meta.published
        if value is None:
            return
        problem = published_problem(value, config)
        if problem:
            type_, message = problem
            yield Verdict(
                message, detail=Detail(type=type_, loc=["meta", "published"], value=value.isoformat())
            )


def published_problem(value: dt.date, config: Config) -> tuple[str, str] | None:
    """(type, message) when a publication date breaks the policy, else None."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if day > dt.date.today() + dt.timedelta(days=1):
        return "published_in_future", f"published {value.isoformat()} is in the future"
    if day.year < config.earliest_published_year:
        return (
            "published_too_early",
            f"published {value.isoformat()} is before {config.earliest_published_year} "
            "(earliest-published-year)",
        )
    return None


class EmptyAfterCleaning(RecordRule):
    """Fails a seed that has no text left after cleaning.

    What it does: reports an error when the cleaned text is empty: the seed was empty,
    whitespace only, or nothing but boilerplate.

    Why: an empty record is useless in a corpus and usually means a broken scrape.

    Example:
        >>> from corpuskit import clean_text
        >>> [f.code for f in clean_text("\\n  \\n").report.findings if f.severity == "error"]
        ['D001']
    """

    code, name, category = "D001", "empty-after-cleaning", "document"
    severity = Severity.ERROR
    summary = "no text left after cleaning"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[str]:
        if not record.text.strip():
            yield "no text left after cleaning"


class OverRemoval(RecordRule):
    """Warns when cleaning removed most of a seed.

    What it does: reports a seed whose removed share of non-space characters is above
    `max-removed-share` (default 0.6).

    Why: a seed that loses most of its text is either mostly boilerplate or was cut by a
    rule by mistake; either way a person should look.

    Example:
        >>> from corpuskit import clean_text
        >>> "D002" in [f.code for f in clean_text("Sponsor: Acme\\n" * 20 + BODY).report.findings]
        True
    """

    code, name, category = "D002", "over-removal", "document"
    severity = Severity.WARNING
    summary = "most of the seed was removed"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[str]:
        share = record.stats.removed_share
        if record.text.strip() and share > config.max_removed_share:
            yield f"{share:.0%} of the seed was removed (limit {config.max_removed_share:.0%})"


class TooShort(RecordRule):
    """Fails a seed with too little text left after cleaning.

    What it does: with `min-words` set (default 0: off), a seed whose cleaned text has
    fewer words is an error. An empty seed is D001's business.

    Why: a few words are a broken scrape or a teaser, not an article.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> [f.message for f in clean_text(BODY, config=Config(min_words=50)).report.findings
        ...  if f.code == "D003"]
        ['27 words after cleaning (minimum 50)']
    """

    code, name, category = "D003", "too-short", "document"
    severity = Severity.ERROR
    summary = "fewer words than min-words after cleaning"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[Verdict]:
        if not config.min_words or not record.text.strip():
            return
        words = len(segment_words(record.text))
        if words < config.min_words:
            yield Verdict(
                f"{words} words after cleaning (minimum {config.min_words})",
                detail=Detail(type="too_few_words", loc=["text"], value=words),
            )


class IdPattern(RecordRule):
    """Fails a seed whose id does not follow the corpus's naming pattern.

    What it does: with `id-pattern` set (a regular expression; default: none), a seed whose
    id (the file name without extension) does not match it in full is an error.

    Why: ids name records downstream; a corpus with a naming scheme must keep it.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> policy = Config(id_pattern=r"\\d{3}_[0-9a-f]{16}")
        >>> [f.code for f in clean_text(BODY, seed="draft", config=policy).report.findings
        ...  if f.code == "F002"]
        ['F002']
        >>> [f.code for f in clean_text(BODY, seed="005_0123456789abcdef", config=policy).report.findings
        ...  if f.code == "F002"]
        []
    """

    code, name, category = "F002", "id-pattern", "file"
    severity = Severity.ERROR
    summary = "seed id does not match id-pattern"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[Verdict]:
        if config.id_pattern and not re.fullmatch(config.id_pattern, record.id):
            yield Verdict(
                f"seed id {record.id!r} does not match id-pattern {config.id_pattern!r}",
                detail=Detail(type="id_pattern_mismatch", loc=["id"], value=record.id),
            )
