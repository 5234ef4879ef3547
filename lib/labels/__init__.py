"""Label tables by page; `merge_label_tables` joins them and refuses duplicated keys."""

from __future__ import annotations

import importlib
import pkgutil


def merge_label_tables() -> dict[str, dict[str, str]]:
    """All `LABELS` dicts of this package's modules in one dict (a key may appear once)."""
    merged: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        labels = importlib.import_module(f"{__name__}.{module_info.name}").LABELS
        duplicated = merged.keys() & labels.keys()
        if duplicated:
            raise ValueError(f"label keys defined twice: {sorted(duplicated)}")
        merged.update(labels)
    return merged
