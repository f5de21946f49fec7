"""Codes about the corpus as a whole: ids and duplicates between seeds (`corpuskit.corpus`)."""

from __future__ import annotations

from corpuskit.models import Severity
from corpuskit.rules.base import Notice


class DuplicateId(Notice):
    """Fails a seed whose id is already taken by another seed.

    What it does: the id of a seed is its file name without extension; two files with
    the same id (in different folders, or `x.txt` beside `x.md`) are an error, reported on
    the second with the first's path. `check` also looks at the ids the last `build`
    indexed.

    Why: the id names the record in the corpus; two records with one id overwrite or
    confuse each other downstream.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> from corpuskit.corpus import review
        >>> results = [clean_text(BODY, seed="a/x.txt"), clean_text(BODY + " More.", seed="b/x.txt")]
        >>> for r in results:
        ...     r.report.id = "x"
        >>> _ = review(results, Config())
        >>> [f.message for f in results[1].report.findings if f.code == "C001"]
        ["seed id 'x' is also the id of a/x.txt"]
    """

    code, name, category = "C001", "duplicate-id", "corpus"
    severity = Severity.ERROR
    summary = "seed id used by another seed"


class ExactDuplicate(Notice):
    """Fails a seed whose cleaned text is the same as another seed's.

    What it does: seeds whose cleaned texts have the same SHA-256 are duplicates; the one
    that comes later (in path order, or the new seed when checked against the last
    build's index) is reported with the other's path.

    Why: a duplicate adds nothing to a corpus and skews everything counted over it.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> from corpuskit.corpus import review
        >>> results = [clean_text(BODY, seed="a.txt"), clean_text("Sponsor: Acme\\n\\n" + BODY, seed="b.txt")]
        >>> _ = review(results, Config())
        >>> [(f.message, f.detail.value) for f in results[1].report.findings if f.code == "C002"]
        [('same cleaned text as a.txt', 1.0)]
    """

    code, name, category = "C002", "exact-duplicate", "corpus"
    severity = Severity.ERROR
    summary = "same cleaned text as another seed"


class NearDuplicate(Notice):
    """Fails a seed whose cleaned text is nearly the same as another seed's.

    What it does: the estimated Jaccard similarity of the two texts' word 5-grams
    (MinHash, 128 hash functions) at or above `near-duplicate-threshold` (default 0.8)
    makes the later seed a near duplicate of the other; the finding names the other seed
    and gives the similarity.

    Why: the same story with a new headline, an extra paragraph or another boilerplate
    line is still the same story.

    Example:
        >>> from corpuskit import clean_text
        >>> from corpuskit.config import Config
        >>> from corpuskit.corpus import review
        >>> long = " ".join([BODY] * 4).replace("three", "four", 1)
        >>> results = [clean_text(" ".join([BODY] * 4), seed="a.txt"), clean_text(long, seed="b.txt")]
        >>> _ = review(results, Config())
        >>> [f.message.split(":")[0] for f in results[1].report.findings if f.code == "C003"]
        ['near duplicate of a.txt']
    """

    code, name, category = "C003", "near-duplicate", "corpus"
    severity = Severity.ERROR
    summary = "nearly the same text as another seed"
