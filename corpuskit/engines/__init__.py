"""Engines run the one per-document function, `corpuskit.pipeline.clean`, over many seeds.

- `local`: this machine, in this process (`jobs=1`) or in `jobs` worker processes;
- `ray`: a Ray cluster through Ray Data (extra `corpuskit[ray]`).

Every engine yields results in the order of the paths it is given, so the output does not
depend on the engine or on the number of workers. `render` yields `Output`s (the record
and report already serialized by the worker, which keeps the writing process light);
`run` yields `CleanResult`s.
"""

from __future__ import annotations

from importlib import import_module

ENGINES = ("local", "ray")


def get(name: str):
    """The engine module of that name (`local` or `ray`)."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    return import_module(f"corpuskit.engines.{name}")
