"""`corpuskit clean-cache`: delete the results cache."""

from __future__ import annotations

import sys

from corpuskit import cache
from corpuskit.config import load_config


def run(args) -> int:
    config, _ = load_config()
    folder = cache.clean(config)
    print(f"removed {folder}" if folder else "no cache to remove", file=sys.stderr)
    return 0
