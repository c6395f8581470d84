"""The ``netcdf`` reader and writer drivers: CF-compliant NetCDF4 files on local disk.

The writer stores an ``xarray.Dataset`` as one file per storage unit: coordinates, a CF grid
mapping with the CRS, and compressed, chunked variables. The reader reads one variable
(``layer``) at one time step (``band``) through netCDF4, windowed. netCDF4 is imported only
when a file is opened; every netCDF4 call holds one lock because HDF5 is not thread-safe.
"""

from __future__ import annotations

from terracube.storage.netcdf._read import NetCDFDataSource, NetCDFReader, NetCDFReaderDriver
from terracube.storage.netcdf._write import (
    DEFAULT_VARIABLE_PARAMS,
    NetCDFWriterDriver,
    write_dataset_to_netcdf,
)

__all__ = [
    "DEFAULT_VARIABLE_PARAMS",
    "NetCDFDataSource",
    "NetCDFReader",
    "NetCDFReaderDriver",
    "NetCDFWriterDriver",
    "reader_driver_init",
    "write_dataset_to_netcdf",
    "writer_driver_init",
]


def reader_driver_init() -> NetCDFReaderDriver:
    """Entry point of ``terracube.plugins.io.read``: the ``netcdf`` reader."""
    return NetCDFReaderDriver()


def writer_driver_init() -> NetCDFWriterDriver:
    """Entry point of ``terracube.plugins.io.write``: the ``netcdf`` writer."""
    return NetCDFWriterDriver()
