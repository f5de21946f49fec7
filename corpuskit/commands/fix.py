"""`corpuskit fix`: apply fixes to the seed files, name each file changed, and exit 1 when
any changed (as pre-commit expects of a hook that rewrites files); `--diff` only shows."""

from __future__ import annotations

import sys

from corpuskit import gate
from corpuskit.commands.common import corpus_files, load_settings


def run(args) -> int:
    config = load_settings(args)
    changed = gate.apply_fixes(corpus_files(args, config).seeds, config, args, sys.stdout)
    return 1 if changed else 0
