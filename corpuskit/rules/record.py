"""Record rules: judge the finished record against the corpus policy."""

from __future__ import annotations

from collections.abc import Iterable

from corpuskit.config import Config
from corpuskit.models import FileReport, SeedRecord, Severity
from corpuskit.rules.base import RecordRule


class MissingTitle(RecordRule):
    """Warns when a seed has no title.

    What it does: reports a seed whose `meta.title` is empty after extraction (no explicit
    title, no headline found in the header).

    Why: records without a title are harder to review and to deduplicate; the fix is a
    title in front matter or a sidecar.

    Example:
        >>> from corpuskit import clean_text
        >>> [f.code for f in clean_text(BODY).report.findings]
        ['M101', 'M102']
    """

    code, name, category = "M101", "missing-title", "metadata"
    severity = Severity.WARNING
    summary = "no title found"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[str]:
        if not record.meta.title:
            yield "no title found in the text; give one in front matter or a sidecar"


class MissingPublished(RecordRule):
    """Warns when a seed has no publication date.

    What it does: reports a seed whose `meta.published` is empty after extraction.

    Why: undated news cannot be placed in time; the fix is a date in front matter or a
    sidecar.

    Example:
        >>> from corpuskit import clean_text
        >>> "M102" in [f.code for f in clean_text("Published 2024-03-01\\n\\n" + BODY).report.findings]
        False
    """

    code, name, category = "M102", "missing-published", "metadata"
    severity = Severity.WARNING
    summary = "no publication date found"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[str]:
        if record.meta.published is None:
            yield "no publication date found in the text; give one in front matter or a sidecar"


class UnknownLanguage(RecordRule):
    """Warns when the language of a seed cannot be told.

    What it does: reports a seed whose cleaned text is too short, or too mixed, for the
    language detector to be sure (confidence below 0.5).

    Why: language decides which corpus a text belongs to; a guess would be worse than none.

    Example:
        >>> from corpuskit import clean_text
        >>> "M103" in [f.code for f in clean_text("Hi.").report.findings]
        True
    """

    code, name, category = "M103", "unknown-language", "metadata"
    severity = Severity.WARNING
    summary = "language could not be told"

    def check(self, record: SeedRecord, report: FileReport, config: Config) -> Iterable[str]:
        if record.meta.language is None:
            origin = report.metadata.get("language")
            yield origin.note if origin and origin.note else "language could not be told"


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
