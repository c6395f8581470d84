"""One process-wide lock around netCDF4/HDF5 calls: the HDF5 library is not thread-safe."""

from __future__ import annotations

import threading

__all__ = ["NETCDF_LOCK"]

NETCDF_LOCK = threading.RLock()
"""Held around every netCDF4 call of the netcdf reader and writer."""
