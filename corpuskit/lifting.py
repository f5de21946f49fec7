"""The seed's metadata from its sources, strongest first: what the seed declares (an HTML
page's tags) is set before the text rules lift anything, so lifted lines only fill what
is still empty; a line lifted into a declared field that says otherwise stays in the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corpuskit.models import FieldOrigin, SeedMeta
from corpuskit.rules.base import LIFT, Hit
from corpuskit.rules.record import published_problem

if TYPE_CHECKING:
    from corpuskit.config import Config

EMPTY_NOTES = {
    "title": "no single headline in the header",
    "authors": "no byline in the header",
    "published": "no date line in the header",
    "source": "no outlet line in the header",
    "url": "not given",
}


def apply_declared(meta: SeedMeta, origins: dict[str, FieldOrigin], declared: dict) -> None:
    """Metadata the seed declares (an HTML page's tags): set before the text rules lift
    anything, so those only fill what is still empty. The language is merged later."""
    for field, (value, origin) in declared.items():
        if field != "language" and field not in origins:
            setattr(meta, field, list(value) if field == "authors" else value)
            origins[field] = origin


def apply_lift(meta: SeedMeta, origins: dict[str, FieldOrigin], hit: Hit, text: str) -> str | None:
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


def declared_by_page(meta: SeedMeta, origins: dict[str, FieldOrigin]) -> dict[str, tuple]:
    """The fields an HTML page declares (set by `apply_declared`): field -> (value, origin)."""
    return {f: (getattr(meta, f), o.method) for f, o in origins.items() if o.origin == "explicit"}


def keep_lifts_the_seed_contradicts(decisions: dict[int, Hit], declared: dict[str, tuple]) -> list[Hit]:
    """A line lifted into a field the seed declares (field -> (value, where)) leaves the
    text only when it repeats the declared value; otherwise it is no title (or byline)
    after all, and stays, flagged. So a seed whose front matter gives its title keeps a
    first line that only looks like one, and cleaning a record again under its metadata
    lifts no other title."""
    kept = []
    for index, hit in list(decisions.items()):
        if hit.action != LIFT or hit.field not in declared:
            continue
        value, where = declared[hit.field]
        if not _agrees(hit.field, hit.value, value):
            del decisions[index]
            message = f"{hit.message}: differs from the declared {hit.field} ({where}), kept"
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


def merge_declared_language(meta: SeedMeta, origins: dict[str, FieldOrigin], declared) -> None:
    """The detector's language stands when it is sure; the declared one fills a gap. Pages
    often declare their template's language, not the article's."""
    value, origin = declared
    detected = origins["language"]
    if meta.language is None:
        meta.language = value
        origins["language"] = origin.model_copy(update={"note": f"detector unsure: {detected.note}"})
    elif meta.language != value:
        detected.note = f"{detected.note}; the page declares '{value}' ({origin.method})"


def screen_inferred_date(meta: SeedMeta, origins: dict[str, FieldOrigin], config: Config) -> None:
    """An inferred date the policy refuses (future, before the earliest year) is a wrong
    guess: drop it and say why. Explicit dates are judged by M108 instead."""
    origin = origins.get("published")
    if meta.published is None or origin is None or origin.origin != "inferred":
        return
    problem = published_problem(meta.published, config)
    if problem:
        meta.published = None
        origins["published"] = origin.model_copy(
            update={"origin": "empty", "note": f"inferred date dropped: {problem[1]}"}
        )


def note_empty_fields(origins: dict[str, FieldOrigin]) -> None:
    """Say why each field the text rules fill is still empty."""
    for field, why in EMPTY_NOTES.items():
        if field not in origins:
            origins[field] = FieldOrigin(origin="empty", method="none", note=why)
