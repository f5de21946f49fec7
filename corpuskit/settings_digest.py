"""The digest of the settings that change what cleaning produces: every record's
`config_hash`, and part of the results cache's key.

Its own module, as both the validated settings (`corpuskit.config.Config`) and their
snapshot read back without pydantic (`corpuskit.snapshot.Settings`) compute it.
"""

from __future__ import annotations

import hashlib
import json

# The settings that change what cleaning produces (record and findings).
DIGESTED = frozenset({
    "select", "ignore", "per_file_ignores", "severity", "max_removed_share", "time_budget",
    "max_seed_size",
    "required_fields", "recommended_fields", "allowed_languages", "min_words",
    "earliest_published_year", "id_pattern",
})  # fmt: skip


def settings_digest(values: dict) -> str:
    """A short hash of the `DIGESTED` settings among `values` (JSON-ready, in the order
    of the fields of `Config`): the `config_hash` of every record.

    >>> settings_digest({"select": ["ALL"], "paths": ["seeds"]}) == settings_digest({"select": ["ALL"]})
    True
    """
    digested = {name: value for name, value in values.items() if name in DIGESTED}
    payload = json.dumps(digested, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]
