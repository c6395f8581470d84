"""``datacube.index``: ``hl.Doc2Dataset``, which turns dataset documents into datasets of an index."""

from __future__ import annotations

import importlib
from typing import Any

__all__: list[str] = []


def __getattr__(name: str) -> Any:
    if name == "hl":
        return importlib.import_module(f"{__name__}.hl")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
