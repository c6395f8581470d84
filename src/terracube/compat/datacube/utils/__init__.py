"""``datacube.utils``: ``masking``, ``geometry``, ``cog``, ``aws``, ``rio`` and ``dask``.

Submodules load on first use (``datacube.utils.masking`` after ``import datacube`` works).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__: list[str] = []

_SUBMODULES = {"aws", "cog", "dask", "geometry", "masking", "rio"}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
