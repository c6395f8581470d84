"""``datacube.utils``: ``masking``, ``geometry``, ``cog``, ``aws``, ``rio``, ``dask`` and ``dates``,
and :func:`spatial_dims`.

Submodules load on first use (``datacube.utils.masking`` after ``import datacube`` works).
"""

from __future__ import annotations

import importlib
from typing import Any

from odc.geo.xr import spatial_dims

__all__ = ["spatial_dims"]

_SUBMODULES = {"aws", "cog", "dask", "dates", "geometry", "masking", "rio"}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
