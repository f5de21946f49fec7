"""Seeds run through the results cache: each result comes from the cache where an entry
fits, else from an engine, and in the order of the seeds either way.

The engine is called once, on the misses; what it makes is stored as it comes. Entries
are read and written a few at a time (`_ENTRIES`), so the entries of a large corpus are
never all in memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from corpuskit.cache import CachedReport, make_entry, result_of_entry, seed_keys, stored_prints

if TYPE_CHECKING:
    from corpuskit.config import Config
    from corpuskit.pipeline import CleanResult

_ENTRIES = 32  # entries held at once, read or to be written (each can take tens of kilobytes)

Runner = Callable[[list[Path]], Iterable["CleanResult"]]


def local_runner(config: Config) -> Runner:
    """The local engine, imported only when a seed has to be cleaned (a run that finds
    everything in the cache never loads the pipeline)."""

    def runner(paths: list[Path]):
        from corpuskit.engines import local

        return local.run(paths, config)

    return runner


def run_outputs(runner, paths: Iterable[Path], config: Config) -> Iterator:
    """`build`'s results as `Output`s, in the order of `paths`: rendered from the cache
    where an entry fits, else made by `runner` (called once, on the misses), which yields
    `Made`s: the output and the cache entry both made by the worker, so the writing
    process only stores entries."""
    from corpuskit.engines.output import render

    paths = list(paths)
    cache, keys, hits, fresh = _look_up(runner, paths, config)

    def cached(entry, key):  # the fingerprint stored with the entry, not made again
        return render(result_of_entry(entry, True, (cache.file, key)), stored_prints(entry))

    def keep(made) -> tuple:
        if made.entry is None:
            return None, made.output
        return (cache.key(made.output.path, made.raw_sha256), *made.entry), made.output

    yield from _in_order(
        cache, paths, keys, hits, fresh, runner,
        fetch=lambda wanted: cache.lookup(wanted, True),
        cached=cached,
        path_of=lambda made: made.output.path,
        keep=keep,
    )  # fmt: skip


def run(
    runner: Runner,
    paths: Iterable[Path],
    config: Config,
    *,
    enabled: bool = True,
    full: bool = False,
    render: str | None = None,
) -> Iterator:
    """Results for `paths` in order: from the cache where an entry fits, from `runner`
    (called once, on the misses) otherwise. With `full=False` every result that can be
    cached comes as a `CachedReport` (findings and rendered lines, record None), whether
    it was read or just made: `check` needs no more, and prints both alike. `render`
    ("text" or "concise") says the findings will only be printed in that style: only
    those lines are read; "tally" reads only the counts. (The findings are then read
    if something asks for them.)"""
    paths = list(paths)
    if not enabled:
        yield from runner(paths)
        return
    cache, keys, hits, fresh = _look_up(runner, paths, config)

    def keep(result) -> tuple:
        if result.record is None:
            return None, result
        entry = make_entry(cache.key(result.report.path, result.record.checksums.raw_sha256), result)
        if not full:  # what a later run would read: same output, a fraction of the memory
            result = type(result)(None, CachedReport(*entry[1:8], entry[9]))
        return entry, result

    file = cache.file
    yield from _in_order(
        cache, paths, keys, hits, fresh, runner,
        fetch=lambda wanted: cache.lookup(wanted, full, render),
        cached=lambda entry, key: result_of_entry(entry, full, (file, key)),
        path_of=lambda result: result.report.path,
        keep=keep,
    )  # fmt: skip


def _look_up(runner, paths: list, config: Config) -> tuple:
    """(cache, key of each path, 1 for each path with an entry, the runner's results for
    the others)."""
    cache, keys = seed_keys(paths, config)
    hits = cache.present(keys)
    misses = [path for path, hit in zip(paths, hits, strict=True) if not hit]
    cache.hits, cache.misses = len(paths) - len(misses), len(misses)
    return cache, keys, hits, iter(runner(misses)) if misses else iter(())


def _in_order(cache, paths, keys, hits: bytearray, fresh: Iterator, runner, *, fetch, cached, path_of, keep):
    """Results in the order of `paths`. A hit: `cached(entry, key)`, its entry read with
    those of the next hits, `_ENTRIES` at a time (`fetch(keys)`), so the entries of a large
    corpus are never all in memory; one gone by then (another run dropped it) is made
    again by `runner`, as is one that cannot be read. Else the runner's result for that
    path (they may come in any order). A result made here passes through `keep(result) ->
    (entry to store or None, result to yield)`; entries are stored in batches, and the
    cache is closed however the caller stops."""
    waiting: dict[str, object] = {}
    pending: list[tuple] = []
    entries: dict[str, tuple] = {}
    try:
        for at, path in enumerate(paths):
            key = keys[at]
            if hits[at] and key not in entries:
                entries = fetch(_next_hits(keys, hits, at))
            if hits[at] and key in entries:
                result = _read_entry(cached, entries.pop(key), key)
                if result is not None:
                    yield result
                    continue
            if hits[at]:  # an entry gone by now (another run dropped it) or unreadable
                result = next(iter(runner([path])))
            else:
                while str(path) not in waiting:
                    made = next(fresh)
                    waiting[path_of(made)] = made
                result = waiting.pop(str(path))
            entry, result = keep(result)
            if entry is not None:
                pending.append(entry)
                if len(pending) >= _ENTRIES:
                    cache.store(pending)
                    pending = []
            yield result
    finally:
        cache.store(pending)
        cache.close()


def _read_entry(cached, entry: tuple, key: str):
    """The result `cached` reads from an entry, or None when the entry cannot be read (a
    damaged cache file, or an entry that no longer fits the schema): the seed is then
    cleaned again, and its entry replaced."""
    try:
        return cached(entry, key)
    except (ValueError, KeyError, TypeError, zlib.error):  # pydantic's and json's errors are ValueErrors
        return None


def _next_hits(keys: list, hits: bytearray, start: int) -> list[str]:
    """The keys of the next `_ENTRIES` hits from `start` on."""
    found = []
    for at in range(start, len(keys)):
        if hits[at]:
            found.append(keys[at])
            if len(found) == _ENTRIES:
                break
    return found
