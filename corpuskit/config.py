"""Configuration: `[tool.corpuskit]` in the nearest pyproject.toml, keys in kebab-case.

Every key, its default and its meaning are listed by `corpuskit config`.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path, PurePath
from typing import Literal

import tomllib
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpuskit.project import ConfigError, find_pyproject
from corpuskit.settings_digest import settings_digest
from corpuskit.severity import Severity

__all__ = ["Config", "ConfigError", "find_pyproject", "load_config"]

MetaField = Literal["title", "authors", "published", "source", "url", "language"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(BaseModel):
    """The effective settings of one run."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, defer_build=True, allow_inf_nan=False
    )

    paths: list[str] = Field(
        ["seeds"],
        description="files or folders to clean when none are given, relative to the folder of pyproject.toml",
    )
    include: list[str] = Field(
        ["*.txt", "*.md", "*.text", "*.html", "*.htm"], description="file-name patterns of seeds"
    )
    exclude: list[str] = Field([], description="path patterns (fnmatch) never treated as seeds")
    select: list[str] = Field(["ALL"], description="rule codes or prefixes to apply")
    ignore: list[str] = Field([], description="rule codes or prefixes to skip")
    per_file_ignores: dict[str, list[str]] = Field(
        {}, description="path pattern (fnmatch) -> rule codes or prefixes switched off for those seeds"
    )
    severity: dict[str, Severity] = Field({}, description="per-code severity overrides")
    fail_on: Severity = Field(Severity.ERROR, description="lowest severity that fails the gate")
    max_removed_share: float = Field(
        0.6, strict=True, ge=0, le=1, description="D002 warns when cleaning removes more than this share"
    )
    time_budget: float = Field(
        60.0, strict=True, ge=0, description="seconds one seed may take before F003 reports it (0: no limit)"
    )
    max_seed_size: float = Field(
        10.0,
        strict=True,
        ge=0,
        description="MB a seed may hold; a larger one is reported (F007) and not read (0: no limit)",
    )
    required_fields: list[MetaField] = Field(
        [], description="metadata fields every seed must have: an error (M101-M106) when empty"
    )
    recommended_fields: list[MetaField] = Field(
        ["title", "published", "language"],
        description="metadata fields a seed should have: a warning (M101-M106) when empty",
    )
    allowed_languages: list[str] = Field(
        [], description="ISO 639-1 codes a seed may be in (M107 error otherwise); empty: any"
    )
    min_words: int = Field(
        0, strict=True, ge=0, description="D003 fails a seed with fewer words after cleaning; 0: off"
    )
    earliest_published_year: int = Field(
        1900,
        strict=True,
        ge=1,
        description="M108 fails an explicit date before this year (or in the future); "
        "an inferred one is dropped",
    )
    id_pattern: str | None = Field(
        None, description="regular expression every seed id (file name without extension) must match (F002)"
    )
    near_duplicate_threshold: float = Field(
        0.8,
        strict=True,
        gt=0,
        le=1,
        description="C003 fails a seed whose text is this similar to another's (estimated Jaccard "
        "of word 5-grams)",
    )
    output: str = Field(
        "build/corpus.jsonl",
        description="where `build` writes the corpus, relative to the folder of pyproject.toml",
    )
    reports: str = Field(
        "build/reports",
        description="where `build` writes one report per seed, relative to the folder of pyproject.toml",
    )
    html_parser: Literal["lxml", "bs4"] = Field(
        "lxml", description="HTML seeds: lxml, or bs4 (beautifulsoup4 on lxml; same output, slower)"
    )

    cache_dir: str = Field(
        ".corpuskit_cache", description="results cache, relative to the folder of pyproject.toml"
    )

    @field_validator("paths")
    @classmethod
    def _paths(cls, value: list[str]) -> list[str]:
        """Folders and files to clean: names a file system can hold."""
        for path in value:
            _no_nul(path)
        return value

    @field_validator("output")
    @classmethod
    def _output(cls, value: str) -> str:
        """The corpus file: a file name (its index and line counts are named after it)."""
        _no_nul(value)
        if PurePath(value).name in ("", ".."):
            raise ValueError(f"{value!r} names a folder; give the corpus file, e.g. 'build/corpus.jsonl'")
        return value

    @field_validator("reports", "cache_dir")
    @classmethod
    def _folder(cls, value: str) -> str:
        """A folder corpuskit replaces whole (`build`'s reports) or marks as its own (the
        cache, whose `.gitignore` hides it from git): never the project's folder or one above it."""
        _no_nul(value)
        if set(PurePath(os.path.normpath(value)).parts) <= {".", "..", os.sep}:
            raise ValueError(
                f"{value!r} is the project's folder or one above it, which corpuskit would replace "
                "or hide from git; give a folder of its own"
            )
        return value

    @field_validator("select", "ignore")
    @classmethod
    def _selectors(cls, value: list[str]) -> list[str]:
        """Rule codes or prefixes, in upper case whatever the case written (as the flags)."""
        from corpuskit.rules import check_selectors  # the rule registry, only when settings are validated

        codes = [code.upper() for code in value]
        check_selectors(codes)
        return codes

    @field_validator("per_file_ignores")
    @classmethod
    def _per_file(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        """Rule codes or prefixes by path pattern, in upper case."""
        from corpuskit.rules import check_selectors

        value = {pattern: [code.upper() for code in codes] for pattern, codes in value.items()}
        for codes in value.values():
            check_selectors(codes)
        return value

    @field_validator("severity")
    @classmethod
    def _severity_codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        """Severities by rule code (a whole code, in upper case)."""
        from corpuskit.rules import ALL_RULES

        value = {code.upper(): severity for code, severity in value.items()}
        for code in value:
            if code not in ALL_RULES:
                raise ValueError(f"{code!r} is not a rule code (see `corpuskit rules`)")
        return value

    @field_validator("allowed_languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        for code in value:
            if not re.fullmatch(r"[a-z]{2}", code):
                raise ValueError(f"{code!r} is not an ISO 639-1 code (two lowercase letters)")
        return value

    @field_validator("id_pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as err:
                raise ValueError(f"not a regular expression: {err}") from None
        return value

    def digest(self) -> str:
        """Hash of the settings that change what cleaning produces (record and findings)."""
        return settings_digest(self.model_dump(mode="json"))


def _no_nul(path: str) -> None:
    """Refuse a path no file system takes: one holding a NUL character."""
    if "\0" in path:
        raise ValueError(f"{path!r} holds a NUL character, which no path can")


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
        return Config.model_validate(table, by_alias=True, by_name=False), path  # keys in kebab-case only
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(table)'}: {_config_message(e)}" for e in err.errors()
        )
        raise ConfigError(f"{path}: [tool.corpuskit]: {problems}") from None


def _config_message(error: dict) -> str:
    """What is wrong with a setting; an unknown key names the nearest known one.

    >>> _config_message({"type": "extra_forbidden", "loc": ("fail_on",), "msg": "Extra inputs..."})
    'unknown setting; did you mean `fail-on`?'
    """
    if error["type"] == "extra_forbidden" and len(error["loc"]) == 1:
        known = [field.alias or name for name, field in Config.model_fields.items()]
        near = difflib.get_close_matches(str(error["loc"][0]), known, n=1, cutoff=0.6)
        return (
            f"unknown setting; did you mean `{near[0]}`?"
            if near
            else f"unknown setting; the settings are {', '.join(known)}"
        )
    return error["msg"].removeprefix("Value error, ")
