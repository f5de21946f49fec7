"""What several commands share: settings from pyproject.toml and the command line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from corpuskit.discover import Walk, walk
from corpuskit.project import ConfigError, setting_path

if TYPE_CHECKING:
    from corpuskit.config import Config


def load_settings(args, snapshot: bool = False) -> Config:
    """The effective config: pyproject.toml's `[tool.corpuskit]`, then the flags. With
    `snapshot`, the settings validated by an earlier run for the same pyproject.toml come
    back as a `corpuskit.snapshot.Settings` (no pydantic); `full_config` makes it a `Config`."""
    if snapshot:
        from corpuskit import snapshot as snapshots

        config = snapshots.load()
        if config is None:
            config = _validated(save=True)
    else:
        config = _validated()
    updates = {}
    select, extend, ignore = (_codes(getattr(args, f, None)) for f in ("select", "extend_select", "ignore"))
    for flag, codes in (("--select", select), ("--extend-select", extend), ("--ignore", ignore)):
        if codes:
            from corpuskit.rules import check_selectors  # only when the flags name codes

            try:
                check_selectors(codes)
            except ValueError as err:
                raise ConfigError(f"{flag}: {err}") from None
    if select or extend:
        updates["select"] = (select or config.select) + extend
    if ignore:
        updates["ignore"] = config.ignore + ignore
    return config.model_copy(update=updates) if updates else config


def _validated(save: bool = False) -> Config:
    from corpuskit.config import load_config

    if not save:
        return load_config()[0]
    from corpuskit import snapshot as snapshots

    before = snapshots._file()
    config = load_config()[0]
    if before is not None and snapshots._file() == before:  # the file did not change meanwhile
        snapshots.save(config)
    return config


def _codes(value: str | None) -> list[str]:
    return [code.strip().upper() for code in (value or "").split(",") if code.strip()]


def corpus_files(args, config: Config) -> Walk:
    """The seed files named by the arguments, or by `paths` in the config, and the files
    of the walked folders that are not read. Finding no seed at all is said on stderr (a
    mistyped path or `include` pattern would otherwise pass the gate unnoticed)."""
    paths = args.paths or [setting_path(path) for path in config.paths]
    found = walk(paths, config.include, config.exclude)
    if not found.seeds and paths:
        where = ", ".join(paths)
        print(
            f"corpuskit: warning: no seeds in {where} (files named {', '.join(config.include)})",
            file=sys.stderr,
        )
    return found


def stray_reports(strays: list, config: Config) -> list:
    """Reports for files in the corpus folders that are not read (F004, F005, F006)."""
    reports = []
    for path, code, message in strays:
        from corpuskit.models import Decoding, FileReport, Finding  # only when there are strays
        from corpuskit.pipeline import seed_id
        from corpuskit.rules import ALL_RULES, selected

        if not selected(code, config.select, config.ignore):
            continue
        rule = ALL_RULES[code]
        finding = Finding(
            code=code,
            rule=rule.name,
            category=rule.category,
            severity=config.severity.get(code, rule.severity),
            message=message,
        )
        reports.append(
            FileReport(
                id=seed_id(str(path)),
                path=str(path),
                decoding=Decoding(encoding="unknown"),
                findings=[finding],
            )
        )
    return reports


def engine_of(args, function: str):
    """`function` (`run` or `render_all`) of the engine the flags choose, with its options
    bound: `(paths, config) -> iterator`, in the order of the paths. The engine (and the
    pipeline with it) is imported on the first call: a run that finds every seed in the
    results cache never loads it."""
    from corpuskit import engines

    name = getattr(args, "engine", None) or "local"
    if name not in engines.ENGINES:
        engines.get(name)  # the error that names the engines
    options = {"jobs": getattr(args, "jobs", None)}
    if name == "ray":
        options["address"] = getattr(args, "ray_address", None)
    elif getattr(args, "ray_address", None):
        raise ConfigError("--ray-address needs --engine ray")

    def call(paths, config: Config):
        return getattr(engines.get(name), function)(paths, config, **options)

    return call
