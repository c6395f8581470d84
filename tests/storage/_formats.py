"""Helpers shared by the format drivers' conformance test modules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.storage.bands import BandInfo

if TYPE_CHECKING:
    import xarray as xr
    from odc.geo.geobox import GeoBox


def as_dataset(data: np.ndarray, gbox: GeoBox, nodata: Any, name: str = "b") -> xr.Dataset:
    """One band ``name`` over ``(time, y, x)`` with daily times."""
    import xarray as xr
    from odc.geo.xr import xr_coords

    times = np.datetime64("2022-03-01T10:00", "ns") + np.arange(len(data)) * np.timedelta64(1, "D")
    return xr.Dataset(
        {name: (("time", *gbox.dimensions), data, {"nodata": nodata, "units": "1"})},
        coords={"time": times, **xr_coords(gbox)},
    )


def band_info(
    uri: str, data: np.ndarray, gbox: GeoBox, nodata: Any, step: int, fmt: str, **kw: Any
) -> BandInfo:
    """What the index says about time step ``step`` of a band stored at ``uri``."""
    tr = gbox.transform
    return BandInfo(
        "b", uri, data.dtype.name, nodata, band=step + 1, crs=str(gbox.crs),
        transform=(tr.a, tr.b, tr.c, tr.d, tr.e, tr.f), shape=gbox.shape, format=fmt, dataset_id=f"d-{step}", **kw,
    )  # fmt: skip
