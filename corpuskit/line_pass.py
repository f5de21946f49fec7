"""Build's first pass through the results cache: each seed's line hashes are stored by
the hash of its bytes, so counting the lines of an unchanged corpus reads no seed again
(a seed's hash is known from its size and time, `cache.seed_shas`). The counts are the
ones `linefreq.count_corpus` finds by reading every seed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from corpuskit.cache import Cache, cache_dir, seed_shas
from corpuskit.linefreq import LineCounter, LineTable

if TYPE_CHECKING:
    from corpuskit.config import Config

BATCH = 500  # seeds whose hashes or line hashes one query asks about


def count_corpus(
    paths: Sequence[str], config: Config, hash_seeds: Callable[[Sequence[str]], Iterable[np.ndarray | None]]
) -> LineTable:
    """The line table of `paths`: stored line hashes where the cache holds them, the
    others made by `hash_seeds` (in order; None for a seed that cannot be read) and
    stored."""
    cache = Cache(cache_dir(config), config)
    counter = LineCounter()
    keys: list[str | None] = []
    misses: list[int] = []  # positions of the seeds whose line hashes are not stored
    for first in range(0, len(paths), BATCH):
        shas = seed_shas(cache, list(paths[first : first + BATCH]))
        batch = [None if sha is None else cache.lines_key(sha) for sha in shas]
        stored = cache.read_lines(sorted({key for key in batch if key is not None}))
        for at, key in enumerate(batch, start=first):
            if key in stored:  # seeds with the same bytes share a key: each one counts
                counter.add_hashes(np.frombuffer(stored[key], dtype=np.uint64))
            else:
                misses.append(at)
        keys += batch
    rows: list[tuple[str, bytes]] = []
    for at, hashes in zip(misses, hash_seeds([paths[at] for at in misses]), strict=True):
        if hashes is None:
            continue  # the second pass reports it
        counter.add_hashes(hashes)
        if keys[at] is not None:
            rows.append((keys[at], hashes.tobytes()))
        if len(rows) >= BATCH:
            cache.store_lines(rows)
            rows = []
    cache.store_lines(rows)
    cache.close()
    return counter.table()
