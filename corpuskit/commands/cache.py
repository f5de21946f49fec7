"""`corpuskit clean-cache`: delete the results cache."""

from __future__ import annotations

import sys

from corpuskit import cache
from corpuskit.config import load_config


def run(args) -> int:
    config, _ = load_config()
    cleaned = cache.clean(config)
    if cleaned is None:
        print(f"no cache to remove in {cache.cache_dir(config)}", file=sys.stderr)
        return 0
    folder, others = cleaned
    kept = f" (kept what else it holds: {', '.join(others[:3])}{', ...' if len(others) > 3 else ''})"
    print(f"removed the cache in {folder}{kept if others else ''}", file=sys.stderr)
    return 0
