"""``datacube.drivers``: only ``netcdf.write_dataset_to_netcdf``, which notebooks call.

terracube's own drivers are plugins of ``terracube.drivers`` (see docs/drivers.md).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__: list[str] = []


def __getattr__(name: str) -> Any:
    if name == "netcdf":
        return importlib.import_module(f"{__name__}.netcdf")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
