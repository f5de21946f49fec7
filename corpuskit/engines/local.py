"""The local engine: seeds cleaned one after another in this process, in path order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corpuskit.config import Config
from corpuskit.linefreq import LineTable
from corpuskit.pipeline import CleanResult, clean_file


def run(paths: Iterable[Path], config: Config, line_table: LineTable | None = None) -> Iterator[CleanResult]:
    for path in paths:
        yield clean_file(path, config, line_table)
