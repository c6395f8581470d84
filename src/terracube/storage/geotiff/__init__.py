"""GeoTIFF through rasterio: the ``geotiff`` reader driver, and a writer for loaded data.

The reader reads ``file://``, ``http(s)://`` and ``s3://`` URIs (formats ``GeoTIFF``, ``COG``, ``TIFF``),
windowed and at reduced resolution: a read with a smaller ``out_shape`` uses the COG's
overviews. S3 settings come from the environment's storage options (see :func:`gdal_options`).
rasterio is imported only when a band is opened. :func:`write_dataset_to_geotiff` writes a
loaded ``xarray.Dataset`` as one GeoTIFF (what ``terracube load --output x.tif`` does).
"""

from __future__ import annotations

from terracube.storage.geotiff._reader import (
    GeoTIFFReaderDriver,
    RasterioDataSource,
    RasterioReader,
    gdal_options,
)
from terracube.storage.geotiff._writer import write_dataset_to_geotiff

__all__ = [
    "GeoTIFFReaderDriver",
    "RasterioDataSource",
    "RasterioReader",
    "gdal_options",
    "reader_driver_init",
    "write_dataset_to_geotiff",
]


def reader_driver_init() -> GeoTIFFReaderDriver:
    """Entry point of ``terracube.plugins.io.read``: the ``geotiff`` reader."""
    return GeoTIFFReaderDriver()
