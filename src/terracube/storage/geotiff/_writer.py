"""Write a loaded ``xarray.Dataset`` as one tiled, compressed GeoTIFF (a band per time and variable)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from terracube.storage.bands import is_nan

if TYPE_CHECKING:
    import os

__all__ = ["write_dataset_to_geotiff"]

#: Tile size of the output (a smaller output is written in strips).
_BLOCK = 256


def write_dataset_to_geotiff(dataset: Any, path: str | os.PathLike[str]) -> None:
    """Write ``dataset`` (data variables over ``time, y, x``) as one GeoTIFF.

    The file holds one band per (time step, variable), time-major, each described as
    ``<variable> <time>`` with ``measurement``, ``time`` and ``units`` tags, and the file tags
    ``measurements`` and ``times`` listing both axes. Bands share the widest dtype of the
    variables and the variables' nodata when they agree. It is deflate-compressed, tiled
    (256 pixels) when the grid is at least that large, BigTIFF when needed, and written to a
    temporary name and moved into place, so a failed write leaves nothing behind.

    Parameters
    ----------
    dataset
        An ``xarray.Dataset`` with a ``time`` dimension and an odc-geo GeoBox
        (``dataset.odc.geobox``), as ``Datacube.load`` returns.
    path
        The file to write (replaced if it exists).

    Raises
    ------
    rasterio.errors.RasterioIOError
        The file cannot be written.
    """
    import numpy as np
    import odc.geo.xr  # noqa: F401  (registers .odc)
    import rasterio

    path = Path(path)
    gbox = dataset.odc.geobox
    names = list(dataset.data_vars)
    dtype = np.result_type(*(dataset[n].dtype for n in names))
    nodatas = [dataset[n].attrs.get("nodata") for n in names]
    same = all(v == nodatas[0] or (is_nan(v) and is_nan(nodatas[0])) for v in nodatas)
    count = dataset.sizes["time"] * len(names)
    h, w = gbox.shape
    profile: dict[str, Any] = {
        "driver": "GTiff", "width": w, "height": h, "count": count, "dtype": dtype.name,
        "crs": str(gbox.crs), "transform": gbox.transform, "compress": "deflate",
        "nodata": nodatas[0] if same else None, "BIGTIFF": "IF_SAFER",
    }  # fmt: skip
    if min(h, w) >= _BLOCK:
        profile.update(tiled=True, blockxsize=_BLOCK, blockysize=_BLOCK)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with rasterio.open(tmp, "w", **profile) as f:
            band = 1
            for i, t in enumerate(dataset.time.values):
                stamp = str(np.datetime_as_string(t, unit="s"))
                for n in names:
                    f.write(dataset[n].values[i].astype(dtype, copy=False), band)
                    f.set_band_description(band, f"{n} {stamp}")
                    f.update_tags(
                        band, measurement=n, time=stamp, units=str(dataset[n].attrs.get("units", ""))
                    )
                    band += 1
            times = ",".join(str(t)[:19] for t in dataset.time.values)
            f.update_tags(measurements=",".join(names), times=times)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
