"""The local engine: seeds cleaned in this process, or in `jobs` worker processes.

Work goes out in small batches with a bounded number in flight and comes back in the
order of the paths, so memory stays flat however large the corpus and the output is the
same for every number of jobs.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from corpuskit import linefreq
from corpuskit.engines.output import Made, Output, made, render
from corpuskit.linefreq import LineTable, current_table, use_table
from corpuskit.pipeline import CleanResult, clean_file, warm_up

if TYPE_CHECKING:
    from corpuskit.config import Config  # or the `corpuskit.snapshot.Settings` read back for one

T = TypeVar("T")
BATCH = 8  # seeds per task: large enough to amortize the round trip, small enough to balance
IN_FLIGHT_PER_JOB = 4  # tasks queued per worker
COUNT_BATCH = 32  # seeds per task of the first pass (reading and hashing lines: light work)


def jobs_or_cpus(jobs: int | None) -> int:
    """`jobs`, with 0 or None meaning one per CPU.

    >>> jobs_or_cpus(3), jobs_or_cpus(0) == (os.cpu_count() or 1)
    (3, True)
    """
    return jobs if jobs and jobs > 0 else (os.cpu_count() or 1)


def run(paths: Iterable[Path], config: Config, jobs: int | None = 1) -> Iterator[CleanResult]:
    """Clean every seed; results in the order of `paths`."""
    return _map(_clean_batch, list(paths), config, jobs)


def render_all(paths: Iterable[Path], config: Config, jobs: int | None = 1) -> Iterator[Output]:
    """Clean and serialize every seed (workers serialize); outputs in the order of `paths`."""
    return _map(_render_batch, list(paths), config, jobs)


def render_entries(paths: Iterable[Path], config: Config, jobs: int | None = 1) -> Iterator[Made]:
    """Clean and serialize every seed and make its results-cache entry, all in the
    workers; in the order of `paths`."""
    return _map(_made_batch, list(paths), config, jobs)


def count_corpus(paths: Sequence[Path], jobs: int | None = 1, max_bytes: int | None = None) -> LineTable:
    """`linefreq.count_corpus` (build's first pass), the seeds read and their lines hashed
    in `jobs` worker processes; this process only adds up the hashes."""
    counter = linefreq.LineCounter()
    for hashes in seed_hashes_of(paths, jobs, max_bytes):
        if hashes is not None:
            counter.add_hashes(hashes)
    return counter.table()


def seed_hashes_of(paths: Sequence, jobs: int | None = 1, max_bytes: int | None = None) -> Iterator:
    """`linefreq.seed_hashes` of every seed, in order, read and hashed in `jobs` worker
    processes; meanwhile this process warms up what the second pass's workers share."""
    jobs = min(1 if jobs is None else jobs_or_cpus(jobs), max(1, len(paths) // COUNT_BATCH))
    if jobs == 1:
        yield from (linefreq.seed_hashes(path, max_bytes) for path in paths)  # one seed at a time
        return
    batches = [paths[start : start + COUNT_BATCH] for start in range(0, len(paths), COUNT_BATCH)]
    with _context().Pool(jobs) as pool:
        counted = pool.imap(partial(_hash_batch, max_bytes=max_bytes), batches)
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # py3langid: one BLAS thread a worker
        _warm_up()  # meanwhile, what the second pass's workers will share (`_map`)
        for found in counted:
            yield from found


def _hash_batch(paths: Sequence[Path], max_bytes: int | None) -> list:
    return [linefreq.seed_hashes(path, max_bytes) for path in paths]


def _warm_up() -> None:
    """`pipeline.warm_up`, and the serializers of a seed's outputs built (`made`)."""
    made(warm_up())


def _context():
    import multiprocessing  # only here: a one-seed check does without it

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _map(work: Callable[[Sequence[Path]], list[T]], paths: list[Path], config: Config, jobs: int | None):
    jobs = min(1 if jobs is None else jobs_or_cpus(jobs), max(1, len(paths)))
    if jobs == 1:
        _init(config)  # the line table in use is this process's
        for start in range(0, len(paths), BATCH):
            yield from work(paths[start : start + BATCH])
        return
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # py3langid: one BLAS thread a worker
    _warm_up()  # imports and models loaded once, shared by the forked workers
    gc.freeze()  # and left alone by their garbage collector (no copies of pages it would touch)
    try:
        pool = _context().Pool(jobs, initializer=_init, initargs=(config, current_table()))
    finally:
        gc.unfreeze()
    with pool:
        pending: deque = deque()
        for start, end in _tasks(len(paths), jobs):
            pending.append(pool.apply_async(work, (paths[start:end],)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _tasks(count: int, jobs: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each task: `BATCH` seeds, and the last few smaller, so that the
    workers run out of work at about the same time.

    >>> [end - start for start, end in _tasks(40, 2)]
    [8, 8, 8, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    start = 0
    while start < count:
        size = BATCH if count - start > jobs * BATCH else max(1, BATCH // 4)
        yield start, min(count, start + size)
        start += size


_config: Config | None = None


def _init(config: Config, table=None) -> None:
    """Set up a worker: its config and the line table of the run (`use_table`)."""
    global _config
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _config = config
    if table is not None:
        use_table(table).__enter__()  # for the worker's whole life


def _clean_batch(paths: Sequence[Path]) -> list[CleanResult]:
    return [clean_file(path, _config) for path in paths]


def _render_batch(paths: Sequence[Path]) -> list[Output]:
    return [render(clean_file(path, _config)) for path in paths]


def _made_batch(paths: Sequence[Path]) -> list[Made]:
    return [made(clean_file(path, _config)) for path in paths]
