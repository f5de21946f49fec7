"""Configuration: `[tool.corpuskit]` in the nearest pyproject.toml, keys in kebab-case.

Every key, its default and its meaning are listed by `corpuskit config`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

import tomllib
from pydantic import ConfigDict, Field, ValidationError

from corpuskit.models import Model, Severity


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(Model):
    """The effective settings of one run."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)

    paths: list[str] = Field(["seeds"], description="files or folders to clean when none are given")
    include: list[str] = Field(
        ["*.txt", "*.md", "*.text", "*.html", "*.htm"], description="file-name patterns of seeds"
    )
    exclude: list[str] = Field([], description="path patterns (fnmatch) never treated as seeds")
    select: list[str] = Field(["ALL"], description="rule codes or prefixes to apply")
    ignore: list[str] = Field([], description="rule codes or prefixes to skip")
    severity: dict[str, Severity] = Field({}, description="per-code severity overrides")
    fail_on: Severity = Field(Severity.ERROR, description="lowest severity that fails the gate")
    max_removed_share: float = Field(
        0.6, ge=0, le=1, description="D002 warns when cleaning removes more than this share"
    )
    output: str = Field("build/corpus.jsonl", description="where `build` writes the corpus")
    reports: str = Field("build/reports", description="where `build` writes one report per seed")
    html_parser: Literal["lxml", "bs4"] = Field(
        "lxml", description="HTML seeds: lxml, or bs4 (beautifulsoup4 on lxml; same output, slower)"
    )

    def digest(self) -> str:
        """Hash of the settings that change what cleaning produces."""
        payload = self.model_dump_json(include={"select", "ignore", "severity", "max_removed_share"})
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


class ConfigError(ValueError):
    """The configuration file is malformed; the message names the file and the key."""


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> tuple[Config, Path | None]:
    """The `[tool.corpuskit]` table of the nearest pyproject.toml, or the defaults."""
    path = find_pyproject((start or Path.cwd()).resolve())
    if path is None:
        return Config(), None
    try:
        table = tomllib.loads(path.read_text("utf-8")).get("tool", {}).get("corpuskit", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    try:
        return Config.model_validate(table), path
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(table)'}: {e['msg']}" for e in err.errors()
        )
        raise ConfigError(f"{path}: [tool.corpuskit]: {problems}") from None
