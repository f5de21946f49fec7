"""`corpuskit config`: the effective settings, every key with its default and meaning."""

from __future__ import annotations

import json

from corpuskit.config import Config, load_config


def run(args) -> int:
    config, path = load_config()
    print(f"# from {path or 'defaults (no pyproject.toml found)'}")
    for name, field in Config.model_fields.items():
        key = name.replace("_", "-")
        value = json.dumps(getattr(config, name), default=str, ensure_ascii=False)
        default = json.dumps(field.default, default=str, ensure_ascii=False)
        print(f"{key} = {value}    # {field.description}; default {default}")
    return 0
