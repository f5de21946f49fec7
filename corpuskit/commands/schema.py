"""`corpuskit schema`: JSON Schema of the models, written to `schemas/` (or checked)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from corpuskit.config import Config
from corpuskit.models import FileReport, SeedMeta, SeedRecord

MODELS = {"seed-record": SeedRecord, "seed-meta": SeedMeta, "file-report": FileReport, "config": Config}


def rendered() -> dict[str, str]:
    """File name -> schema text, exactly as committed."""
    return {
        f"{name}.schema.json": json.dumps(
            model.model_json_schema(by_alias=True), indent=2, ensure_ascii=False
        )
        + "\n"
        for name, model in MODELS.items()
    }


def run(args) -> int:
    folder = Path(args.dir)
    stale = []
    for name, text in rendered().items():
        path = folder / name
        current = path.read_text("utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not args.check:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        for path in stale:
            print(f"{path}: out of date; run `corpuskit schema`", file=sys.stderr)
        return 1
    if not args.check:
        print(f"{len(stale)} schema files updated in {folder}/", file=sys.stderr)
    return 0
