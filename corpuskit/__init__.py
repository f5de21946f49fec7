"""corpuskit: clean, validate and gate a corpus of scraped text seeds.

>>> from corpuskit import clean_text
>>> clean_text("Sponsor: Acme\\n\\n" + BODY).record.text == BODY + "\\n"
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "clean_bytes", "clean_file", "clean_text"]

if TYPE_CHECKING:
    from corpuskit.pipeline import clean_bytes, clean_file, clean_text


def __getattr__(name: str):
    # The API is imported on first use, so `corpuskit --help` starts fast.
    if name in ("clean_text", "clean_file", "clean_bytes", "CleanResult"):
        from corpuskit import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'corpuskit' has no attribute {name!r}")
