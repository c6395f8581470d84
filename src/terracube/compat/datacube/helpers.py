"""``datacube.helpers``: :func:`write_geotiff` and :func:`ga_pq_fuser`, which ODC 1.8 still offered.

ODC deprecated both (``write_cog`` of :mod:`datacube.utils.cog` writes Cloud-Optimised
GeoTIFFs); notebooks written before that call them, so they are here with ODC's arguments.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from terracube.errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Mapping

    import numpy as np

__all__ = ["ga_pq_fuser", "write_geotiff"]

#: Tile size of the file; a grid smaller than this on either side is written in strips.
_BLOCK = 256

#: The bit of Geoscience Australia's pixel-quality band that says a pixel holds data.
_GA_PQ_VALID = 1 << 8


def write_geotiff(
    filename: str | os.PathLike[str],
    dataset: Any,
    profile_override: Mapping[str, Any] | None = None,
    time_index: int | None = None,
) -> None:
    """Write one time step of loaded data as a GeoTIFF with a band per data variable.

    The bands are the data variables in order, each 2-D over the GeoBox (``dataset.odc.geobox``):
    select a time step first (``ds.isel(time=0)``). The file is LZW-compressed, tiled (256
    pixels) when the grid is at least that large, and its nodata is the variables' ``nodata``
    attribute when they share one, else 0 as in ODC. An existing file is replaced.

    Parameters
    ----------
    filename
        The file to write.
    dataset
        An ``xarray.Dataset`` (or one ``DataArray``) with a GeoBox, its variables of one dtype.
    profile_override
        rasterio creation options that win over these (``{"nodata": -999, "compress": "deflate"}``...).
    time_index
        Select this time step first (ODC 1.7's argument; ``dataset.isel(time=i)`` says the same).

    Raises
    ------
    StorageError
        The data has no GeoBox, a variable is not 2-D, or the variables' dtypes differ.
    rasterio.errors.RasterioIOError
        The file cannot be written.
    """
    import numpy as np
    import odc.geo.xr  # noqa: F401  (registers .odc)
    import rasterio

    from terracube.storage.bands import is_nan

    if hasattr(dataset, "to_dataset") and not hasattr(dataset, "data_vars"):
        dataset = dataset.to_dataset(name=dataset.name or "band")
    if time_index is not None:
        dataset = dataset.isel(time=time_index)
    gbox = dataset.odc.geobox
    if gbox is None or gbox.crs is None:
        raise StorageError("write_geotiff needs data with a GeoBox and CRS (attach one with assign_crs)")
    names = list(dataset.data_vars)
    if not names:
        raise StorageError("write_geotiff: the dataset has no data variables")
    for n in names:
        extra = [d for d in dataset[n].dims if d not in gbox.dimensions]
        if extra:
            raise StorageError(
                f"write_geotiff writes 2-D bands; variable {n!r} also has dims {extra}: select one step "
                f"first, e.g. dataset.isel({extra[0]}=0)"
            )
    dtypes = {dataset[n].dtype for n in names}
    if len(dtypes) > 1:
        raise StorageError(
            f"write_geotiff writes bands of one dtype; the variables have {sorted(str(d) for d in dtypes)}: "
            "cast them first, e.g. dataset.astype('float32')"
        )
    nodatas = [dataset[n].attrs.get("nodata") for n in names]
    shared = nodatas[0] is not None and all(
        v == nodatas[0] or (is_nan(v) and is_nan(nodatas[0])) for v in nodatas
    )
    h, w = gbox.shape
    profile: dict[str, Any] = {
        "driver": "GTiff", "width": w, "height": h, "count": len(names), "dtype": np.dtype(dtypes.pop()).name,
        "crs": gbox.crs.to_wkt(), "transform": gbox.transform, "compress": "lzw", "interleave": "band",
        "nodata": nodatas[0] if shared else 0,
    }  # fmt: skip
    if min(h, w) >= _BLOCK:
        profile.update(tiled=True, blockxsize=_BLOCK, blockysize=_BLOCK)
    profile.update(profile_override or {})
    with rasterio.open(os.fspath(filename), "w", **profile) as f:
        for band, n in enumerate(names, 1):
            f.write(np.asarray(dataset[n].transpose(*gbox.dimensions).values), band)
            f.set_band_description(band, str(n))


def ga_pq_fuser(dest: np.ndarray[Any, Any], src: np.ndarray[Any, Any]) -> None:
    """Fuse Geoscience Australia pixel-quality bands (a ``fuse_func`` for ``dc.load``).

    Where ``dest`` has no data (bit 8 clear) it takes ``src``; where both have data it keeps
    only the flags both set (bitwise AND).
    """
    import numpy as np

    dest_empty = (dest & _GA_PQ_VALID) == 0
    both = ~dest_empty & ((src & _GA_PQ_VALID) != 0)
    np.copyto(dest, dest & src, where=both)
    np.copyto(dest, src, where=dest_empty)
