"""The Ray engine: the same build on a Ray cluster, through Ray Data (extra `corpuskit[ray]`).

The driver (the machine running `corpuskit build --engine ray`) lists the seeds and sorts
them by id; Ray workers read and clean them in batches (`map_batches`) and serialize the
record and report; the results stream back to the driver in order, and the driver writes
`corpus.jsonl` and the reports exactly as the local engine does: same files, same bytes,
same atomic replacement at the end.

- Without `--ray-address`, a local Ray instance is started with `--jobs` CPUs (default:
  all) and stopped afterwards. With `--ray-address ADDRESS` (e.g. `auto` on a cluster
  node, or `ray://head:10001`), the build joins that cluster and uses its CPUs.
- Workers read the seed files themselves: on a cluster of several machines the seeds must
  be at the same absolute path on every node (a shared file system). corpuskit's own code
  is shipped to the workers with the job (`py_modules`); its dependencies (ftfy, pydantic,
  py3langid, dateparser, ...) must be installed on the cluster's nodes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from corpuskit.config import Config, ConfigError
from corpuskit.corpus import Fingerprint
from corpuskit.engines.output import Output, render
from corpuskit.linefreq import current_table
from corpuskit.models import FileReport, SeedRecord
from corpuskit.pipeline import CleanResult, clean_file
from corpuskit.snapshot import json_values

BATCH = 16  # seeds per Ray Data batch


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError("--engine ray needs Ray Data: pip install 'corpuskit[ray]'") from None
    return ray


def render_all(
    paths: Iterable[Path], config: Config, jobs: int | None = None, address: str | None = None
) -> Iterator[Output]:
    """Clean and serialize every seed on Ray; outputs in the order of `paths`."""
    rows = [
        {"index": index, "path": str(path), "file": str(Path(path).resolve())}
        for index, path in enumerate(paths)
    ]
    if not rows:
        return
    ray = _ray()
    started = _connect(ray, address, jobs)
    try:
        settings = json_values(config)
        dataset = ray.data.from_items(rows).map_batches(
            _CleanBatch(settings, current_table()), batch_size=BATCH, batch_format="pyarrow"
        )
        for expected, row in enumerate(dataset.iter_rows()):
            if row["index"] != expected:  # pragma: no cover - Ray Data keeps order when asked to
                raise RuntimeError(f"ray returned seed {row['index']} where {expected} was due")
            yield Output(
                id=row["id"],
                path=row["path"],
                record_json=row["record_json"],
                report_json=row["report_json"],
                worst=row["worst"],
                prints=_prints(row),
            )
    finally:
        if started:
            ray.shutdown()


def _prints(row) -> Fingerprint | None:
    if row["digest"] is None:
        return None
    return Fingerprint(row["digest"], np.frombuffer(row["signature"], dtype=np.uint32))


def run(
    paths: Iterable[Path], config: Config, jobs: int | None = None, address: str | None = None
) -> Iterator[CleanResult]:
    """Clean every seed on Ray; results in the order of `paths`."""
    for out in render_all(paths, config, jobs, address):
        record = SeedRecord.model_validate_json(out.record_json) if out.record_json is not None else None
        yield CleanResult(record, FileReport.model_validate_json(out.report_json))


def _connect(ray, address: str | None, jobs: int | None) -> bool:
    """Join the cluster at `address`, or start a local instance; True if started here."""
    import corpuskit

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # no progress notes on stderr
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    if ray.is_initialized():
        return False
    options = {
        "runtime_env": {"py_modules": [corpuskit], "env_vars": {"OPENBLAS_NUM_THREADS": "1"}},
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.WARNING,
    }
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(num_cpus=jobs if jobs and jobs > 0 else None, **options)
    return True


class _CleanBatch:
    """The work of one Ray Data batch: clean each seed, serialize record and report."""

    def __init__(self, settings: dict, table=None):
        self.settings = settings
        self.table = table  # the run's line table (corpuskit.linefreq), shipped with the task

    def __call__(self, batch):
        import pyarrow as pa

        config = Config.model_validate(self.settings)
        columns = batch.to_pydict()
        outs = [
            render(clean_file(file, config, name=path, line_table=self.table))
            for file, path in zip(columns["file"], columns["path"], strict=True)
        ]
        return pa.table(
            {
                "index": columns["index"],
                "id": [o.id for o in outs],
                "path": [o.path for o in outs],
                "record_json": pa.array([o.record_json for o in outs], pa.large_string()),
                "report_json": pa.array([o.report_json for o in outs], pa.large_string()),
                "worst": [o.worst for o in outs],
                "digest": pa.array([o.prints.digest if o.prints else None for o in outs], pa.binary()),
                "signature": pa.array(
                    [o.prints.signature.tobytes() if o.prints else None for o in outs], pa.binary()
                ),
            }
        )
