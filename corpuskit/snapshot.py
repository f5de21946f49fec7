"""The effective settings without pydantic, for a check answered from the results cache.

Validating `[tool.corpuskit]` takes the settings model, and importing pydantic costs more
than printing a cached result. So `check` keeps the validated settings of a
pyproject.toml (`Config.model_dump(mode="json")`) in the user's cache folder
(`corpuskit.usercache`), keyed by the file's path and bytes, corpuskit's version and
the size and time of the modules that define the settings. A later check of the same
project reads them back as a `Settings`: the same attributes, plain values (severities as
`Severity`). A seed that has to be cleaned gets the full `Config` (`full_config`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from corpuskit import __version__
from corpuskit.project import find_pyproject
from corpuskit.settings_digest import settings_digest
from corpuskit.severity import Severity

SNAPSHOT_VERSION = 1
_DEFINITIONS = ("config.py", "models.py", "settings_digest.py", "severity.py", "snapshot.py")


class Settings:
    """The fields of `corpuskit.config.Config` as plain attributes, read from a snapshot.

    >>> s = Settings({"select": ["ALL"], "ignore": [], "severity": {"E003": "info"}, "fail_on": "error"})
    >>> s.fail_on is Severity.ERROR, s.severity["E003"].rank, s.model_copy(update={"ignore": ["E"]}).ignore
    (True, 0, ['E'])
    """

    def __init__(self, values: dict):
        self._values = values
        for name, value in values.items():
            setattr(self, name, value)
        self.severity = {code: Severity(level) for code, level in values.get("severity", {}).items()}
        if "fail_on" in values:
            self.fail_on = Severity(values["fail_on"])

    def model_copy(self, update: dict | None = None) -> Settings:
        """A copy with some fields replaced (JSON-ready values: lists of codes)."""
        return Settings({**self._values, **(update or {})})

    def json_values(self) -> dict:
        """Every field as `Config.model_dump(mode="json")` gives it."""
        return self._values

    def digest(self) -> str:
        """`Config.digest` of these settings."""
        return settings_digest(self._values)

    def full(self):
        """The validated `Config` these settings stand for."""
        from corpuskit.config import Config

        return Config.model_validate(self._values)


def full_config(config):
    """`config` as a `Config` (a `Settings` is validated into one)."""
    return config.full() if isinstance(config, Settings) else config


def json_values(config) -> dict:
    """The fields of a `Config` or a `Settings`, JSON-ready."""
    if isinstance(config, Settings):
        return config.json_values()
    return config.model_dump(mode="json")


def _file(start: Path | None = None) -> tuple[Path | None, Path] | None:
    """(the pyproject.toml, where its snapshot is kept); None when the file cannot be read."""
    from corpuskit.usercache import cache_folder, stamp

    pyproject = find_pyproject((start or Path.cwd()).resolve())
    parts = [f"v{SNAPSHOT_VERSION}", __version__]
    package = Path(__file__).parent
    try:
        if pyproject is not None:
            parts.append(str(pyproject))
            with open(pyproject, "rb") as handle:
                parts.append(hashlib.sha256(handle.read()).hexdigest())
        digest = stamp(parts, [package / name for name in _DEFINITIONS])
    except OSError:
        return None
    return pyproject, cache_folder() / f"settings-{digest}.json"


def load(start: Path | None = None) -> Settings | None:
    """The settings of the project, from its snapshot; None when there is none yet."""
    found = _file(start)
    if found is None:
        return None
    try:
        values = json.loads(found[1].read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(values, dict) or "fail_on" not in values:
        return None
    try:
        return Settings(values)
    except (ValueError, TypeError, AttributeError):
        return None


def save(config, start: Path | None = None) -> None:
    """Keep the settings of the project (a validated `Config`) for the next check; a cache
    folder that cannot be written is no error."""
    from corpuskit.usercache import save as save_file

    found = _file(start)
    if found is not None:
        save_file(found[1], json.dumps(config.model_dump(mode="json")).encode())
