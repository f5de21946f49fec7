"""What several commands share: settings from pyproject.toml and the command line."""

from __future__ import annotations

from pathlib import Path

from corpuskit.config import Config, ConfigError, load_config
from corpuskit.discover import discover


def load_settings(args) -> Config:
    """The effective config: pyproject.toml's `[tool.corpuskit]`, then the flags."""
    config, _ = load_config()
    updates = {}
    select, extend, ignore = (_codes(getattr(args, f, None)) for f in ("select", "extend_select", "ignore"))
    if select or extend:
        updates["select"] = (select or config.select) + extend
    if ignore:
        updates["ignore"] = config.ignore + ignore
    return config.model_copy(update=updates) if updates else config


def _codes(value: str | None) -> list[str]:
    return [code.strip().upper() for code in (value or "").split(",") if code.strip()]


def seeds_of(args, config: Config) -> list[Path]:
    """The seed files named by the arguments, or by `paths` in the config."""
    return list(discover(args.paths or config.paths, config.include, config.exclude))


def stray_reports(args, config: Config) -> list:
    """Reports for files in the corpus folders that are not read (F004, F005)."""
    from corpuskit.discover import strays

    reports = []
    for path, code, message in strays(args.paths or config.paths, config.include, config.exclude):
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
