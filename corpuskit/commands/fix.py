"""`corpuskit fix`: apply fixes to the seed files, name each file changed, and exit 1 when
any changed (as pre-commit expects of a hook that rewrites files) or could not be read;
`--diff` only shows."""

from __future__ import annotations

import sys

from corpuskit import gate
from corpuskit.commands.common import corpus_files, load_settings


def run(args) -> int:
    config = load_settings(args)
    fixing = gate.apply_fixes(corpus_files(args, config).seeds, config, args, sys.stdout)
    sys.stderr.writelines(fixing.unreadable)
    return 1 if fixing.changed or fixing.unreadable else 0
