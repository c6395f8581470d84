"""The ``geotiff`` reader driver: GeoTIFF and Cloud-Optimised GeoTIFF through rasterio.

It reads ``file://``, ``http(s)://`` and ``s3://`` URIs (formats ``GeoTIFF``, ``COG``, ``TIFF``),
windowed and at reduced resolution: a read with a smaller ``out_shape`` uses the COG's
overviews. S3 settings come from the environment's storage options (see :func:`gdal_options`).
rasterio is imported only when a band is opened.
"""

from __future__ import annotations

from terracube.storage.geotiff._reader import (
    GeoTIFFReaderDriver,
    RasterioDataSource,
    RasterioReader,
    gdal_options,
)

__all__ = [
    "GeoTIFFReaderDriver",
    "RasterioDataSource",
    "RasterioReader",
    "gdal_options",
    "reader_driver_init",
]


def reader_driver_init() -> GeoTIFFReaderDriver:
    """Entry point of ``terracube.plugins.io.read``: the ``geotiff`` reader."""
    return GeoTIFFReaderDriver()
