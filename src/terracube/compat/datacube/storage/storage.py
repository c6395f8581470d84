"""``datacube.storage.storage``: where ODC 1.7 kept ``write_dataset_to_netcdf``."""

from __future__ import annotations

from terracube.compat.datacube.drivers.netcdf import write_dataset_to_netcdf

__all__ = ["write_dataset_to_netcdf"]
