"""``datacube.testutils.io``: read a raster file into xarray (:func:`rio_slurp_xarray`)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from odc.geo.geobox import GeoBox

__all__ = ["rio_slurp_xarray"]


def rio_slurp_xarray(
    fname: str | os.PathLike[str],
    gbox: GeoBox | None = None,
    resampling: str = "nearest",
    band: int = 1,
    dst_nodata: Any = None,
) -> Any:
    """One band of a raster file as a DataArray with a GeoBox, optionally reprojected onto `gbox`.

    Parameters
    ----------
    fname
        A path or a URL GDAL can open (``s3://`` and ``https://`` through GDAL's virtual files
        need their ``/vsis3/`` or ``/vsicurl/`` form).
    gbox
        Read onto this grid (reprojecting with `resampling`); default: the file's own grid.
    resampling
        ``"nearest"``, ``"bilinear"``, ``"average"``...
    band
        Band number in the file, from 1.
    dst_nodata
        Value for pixels `gbox` covers and the file does not; default: the file's nodata
        (else 0).

    Returns
    -------
    xarray.DataArray
        Dims ``(y, x)`` (``latitude``, ``longitude`` for a geographic CRS) with ``nodata`` in
        its attributes.
    """
    import numpy as np
    import rasterio
    from odc.geo.geobox import GeoBox
    from odc.geo.xr import wrap_xr
    from rasterio.enums import Resampling
    from rasterio.warp import reproject

    with rasterio.open(os.fspath(fname)) as src:
        nodata = src.nodatavals[band - 1]
        if gbox is None:
            gbox = GeoBox((src.height, src.width), src.transform, src.crs)
            data = src.read(band)
        else:
            fill = dst_nodata if dst_nodata is not None else (nodata if nodata is not None else 0)
            data = np.full(gbox.shape, fill, dtype=src.dtypes[band - 1])
            reproject(
                rasterio.band(src, band), data, dst_transform=gbox.transform, dst_crs=str(gbox.crs),
                dst_nodata=fill, resampling=Resampling[resampling],
            )  # fmt: skip
            nodata = fill
    return wrap_xr(data, gbox, nodata=nodata)
