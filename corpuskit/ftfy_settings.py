"""The ftfy settings corpuskit uses everywhere: the fixer, the gate that tells which lines
it could change (`corpuskit.ftfy_gate`), and the differential tests that hold the two
together.

Quotes stay curly, full-width characters and line breaks stay as they are, text is
NFC-normalized, and every fix is explained (the explanation names the finding's steps).
"""

from __future__ import annotations


def ftfy_config():
    """ftfy settings corpuskit uses everywhere (a function: ftfy is imported lazily)."""
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        uncurl_quotes=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization="NFC",
        explain=True,
    )
