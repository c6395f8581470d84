"""``datacube.drivers.netcdf``: :func:`write_dataset_to_netcdf`, by terracube's NetCDF writer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.errors import UnsupportedError

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping

__all__ = ["write_dataset_to_netcdf"]


def write_dataset_to_netcdf(
    dataset: Any,
    filename: str | os.PathLike[str],
    global_attributes: Mapping[str, Any] | None = None,
    variable_params: Mapping[str, Mapping[str, Any]] | None = None,
    netcdfparams: Mapping[str, Any] | None = None,
) -> None:
    """Write an ``xarray.Dataset`` with a GeoBox (over ``[time,] y, x``) as one NetCDF4 file.

    :func:`terracube.storage.netcdf.write_dataset_to_netcdf` under ODC's argument names: CF
    coordinates, a ``spatial_ref`` grid mapping, compressed variables with ``_FillValue`` from
    each variable's ``nodata`` attribute. As in ODC, an existing file is an error.

    Parameters
    ----------
    dataset
        Data variables with a GeoBox (``dataset.odc.geobox``), such as ``dc.load`` returns.
    filename
        The file to create.
    global_attributes
        File attributes.
    variable_params
        Per variable settings (``zlib``, ``complevel``, ``chunksizes``...).
    netcdfparams
        Not offered (options of ``netCDF4.Dataset``): terracube always writes NetCDF4.

    Raises
    ------
    terracube.errors.StorageError
        The file exists, the dataset has no GeoBox, or writing failed.
    UnsupportedError
        ``netcdfparams`` was given.
    """
    from terracube.storage.netcdf import write_dataset_to_netcdf as write

    if netcdfparams:
        raise UnsupportedError(
            f"write_dataset_to_netcdf(netcdfparams={dict(netcdfparams)!r}) is not offered: terracube "
            "always writes NetCDF4 files; leave netcdfparams out"
        )
    write(dataset, filename, global_attributes=global_attributes, variable_params=variable_params)
