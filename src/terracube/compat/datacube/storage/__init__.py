"""``datacube.storage``: where ODC before 1.8 kept ``masking`` (and ``storage.write_dataset_to_netcdf``)."""

from __future__ import annotations

import importlib
from typing import Any

__all__: list[str] = []

_SUBMODULES = {"masking", "storage"}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
