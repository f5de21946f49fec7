"""How much a finding matters to the gate: its own module, so the gate and the reporters
use it without importing the models."""

from __future__ import annotations

from enum import Enum


class Severity(str, Enum):
    """How much a finding matters to the gate (ordered: info < warning < error)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error.

        >>> Severity("warning").rank > Severity.INFO.rank
        True
        """
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
