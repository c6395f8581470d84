"""The user-facing API: :class:`Datacube` finds, loads and writes data.

Import order inside it: ``_grouping`` and ``_geobox`` <- ``_load`` <- ``_write`` <- ``core``.
It uses ``index/``, ``model/``, ``drivers/`` and ``storage/``; xarray, rasterio and dask are
imported only inside the functions that need them.
"""

from __future__ import annotations

from terracube.api._grouping import DatasetGroup, group_datasets, solar_day
from terracube.api._write import eo3_document
from terracube.api.core import Datacube

__all__ = ["Datacube", "DatasetGroup", "eo3_document", "group_datasets", "solar_day"]
