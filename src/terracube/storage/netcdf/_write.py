"""Write an ``xarray.Dataset`` as one CF-compliant NetCDF4 file: coordinates, CRS, compression."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final

from terracube.errors import StorageError
from terracube.storage.bands import StoredBand, WriterDriver, uri_to_path
from terracube.storage.netcdf._lock import NETCDF_LOCK

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DEFAULT_VARIABLE_PARAMS", "NetCDFWriterDriver", "write_dataset_to_netcdf"]

#: Compression and chunking of data variables unless ``variable_params`` says otherwise.
DEFAULT_VARIABLE_PARAMS: Final = {"zlib": True, "complevel": 4, "shuffle": True}

#: Variable parameters handed to ``netCDF4.Dataset.createVariable``.
_CREATE_KEYS: Final = frozenset(
    {"zlib", "compression", "complevel", "shuffle", "fletcher32", "contiguous", "chunksizes", "endian",
     "least_significant_digit", "significant_digits", "quantize_mode", "szip_coding", "szip_pixels_per_block",
     "blosc_shuffle"}
)  # fmt: skip

_TIME_UNITS: Final = "seconds since 1970-01-01 00:00:00"


def _version() -> str:
    """terracube's version, from the installed package's metadata (storage imports no upper layer)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("terracube")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "(not installed)"


def _file_path(uri: str) -> Path:
    try:
        return Path(uri_to_path(uri))
    except ValueError:
        raise StorageError(f"the netcdf writer writes local files (file:// URIs), not {uri!r}") from None


def write_dataset_to_netcdf(
    dataset: Any,
    path: str | os.PathLike[str],
    *,
    global_attributes: Mapping[str, Any] | None = None,
    variable_params: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Write ``dataset`` (data variables over ``[time,] y, x``) as a CF-1.8 NetCDF4 file.

    The file has the coordinate variables (``time`` in seconds since 1970, ``y``/``x`` or
    ``latitude``/``longitude`` at pixel centres), a ``spatial_ref`` grid-mapping variable (CF
    attributes from pyproj, ``crs_wkt``, and GDAL's ``spatial_ref`` and ``GeoTransform``),
    and one compressed, chunked variable per data variable with ``_FillValue`` (its ``nodata``
    attribute), ``units`` and ``grid_mapping``. It is written to a temporary name and moved into
    place, so a failed write leaves nothing and readers never see a partial file.

    Parameters
    ----------
    dataset
        An ``xarray.Dataset`` with an odc-geo GeoBox (``dataset.odc.geobox``).
    path
        The file to create; an existing file is never overwritten.
    global_attributes
        File attributes, added to ``Conventions``, ``history`` and ``date_created``.
    variable_params
        Per variable ``createVariable`` settings (``zlib``, ``compression``, ``complevel``,
        ``shuffle``, ``chunksizes``...) and ``attrs`` (extra attributes).

    Raises
    ------
    StorageError
        The file exists already, the dataset has no GeoBox, or writing failed.
    """
    import odc.geo.xr  # noqa: F401  (registers .odc)

    path = Path(path)
    if path.exists():
        raise StorageError(f"{str(path)!r} exists already; terracube never overwrites a storage unit")
    gbox = dataset.odc.geobox
    if gbox is None or gbox.crs is None:
        raise StorageError(
            "cannot write a dataset without a GeoBox and CRS (attach one with odc.geo's assign_crs)"
        )
    if not dataset.data_vars:
        raise StorageError("cannot write a dataset without data variables")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with NETCDF_LOCK:
            _write(dataset, gbox, tmp, global_attributes or {}, variable_params or {})
        _move_no_clobber(tmp, path)
    except BaseException as e:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(e, StorageError):
            raise
        if isinstance(e, Exception):
            raise StorageError(f"writing {str(path)!r} failed: {type(e).__name__}: {e}") from e
        raise


def _move_no_clobber(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)  # atomic, and fails if `path` appeared meanwhile
    except FileExistsError:
        raise StorageError(
            f"{str(path)!r} exists already; terracube never overwrites a storage unit"
        ) from None
    except OSError:
        if path.exists():
            raise StorageError(
                f"{str(path)!r} exists already; terracube never overwrites a storage unit"
            ) from None
        os.replace(tmp, path)  # file systems without hard links
        return
    tmp.unlink()


def _write(
    dataset: Any,
    gbox: Any,
    tmp: Path,
    global_attributes: Mapping[str, Any],
    variable_params: Mapping[str, Mapping[str, Any]],
) -> None:
    import netCDF4
    import numpy as np

    ydim, xdim = gbox.dimensions
    has_time = "time" in dataset.dims
    with netCDF4.Dataset(tmp, "w", format="NETCDF4") as nc:
        nc.set_auto_maskandscale(False)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        attrs: dict[str, Any] = {
            "Conventions": "CF-1.8",
            "date_created": now,
            "history": f"{now}: written by terracube {_version()}",
        }
        attrs.update(_attr_values(global_attributes))
        nc.setncatts(attrs)

        dims: tuple[str, ...] = (ydim, xdim)
        if has_time:
            times = np.asarray(dataset["time"].values).astype("datetime64[ns]")
            nc.createDimension("time", len(times))
            tv = nc.createVariable("time", "f8", ("time",))
            tv.setncatts(
                {"units": _TIME_UNITS, "calendar": "standard", "standard_name": "time", "long_name": "Time",
                 "axis": "T"}
            )  # fmt: skip
            tv[:] = (times - np.datetime64("1970-01-01T00:00:00", "ns")) / np.timedelta64(1, "s")
            dims = ("time", ydim, xdim)
        _write_spatial(nc, gbox, ydim, xdim)

        for name, var in dataset.data_vars.items():
            name = str(name)
            if tuple(var.dims) != dims:
                raise StorageError(
                    f"variable {name!r} has dims {tuple(var.dims)!r}; the writer expects {dims!r}"
                )
            params: dict[str, Any] = dict(DEFAULT_VARIABLE_PARAMS)
            params.update(variable_params.get(name, {}))
            extra_attrs: dict[str, Any] = dict(params.pop("attrs", {}) or {})
            unknown = set(params) - _CREATE_KEYS
            if unknown:
                raise StorageError(f"unknown netcdf variable_params for {name!r}: {sorted(unknown)}")
            if "chunksizes" not in params and not params.get("contiguous"):
                ny, nx = gbox.shape
                chunks = (min(ny, 512), min(nx, 512))
                params["chunksizes"] = (1, *chunks) if has_time else chunks
            if params.get("compression"):
                params.pop("zlib", None)
            dtype = np.dtype(var.dtype)
            nodata = var.attrs.get("nodata", var.encoding.get("_FillValue"))
            fill = None if nodata is None else np.array(nodata).astype(dtype)
            v = nc.createVariable(name, dtype, dims, fill_value=fill, **params)
            vattrs: dict[str, Any] = {"grid_mapping": "spatial_ref"}
            if var.attrs.get("units") is not None:
                vattrs["units"] = str(var.attrs["units"])
            if nodata is not None:
                vattrs["nodata"] = fill
            vattrs.update(
                _attr_values({k: v for k, v in var.attrs.items() if k not in ("nodata", "units", "crs")})
            )
            vattrs.update(_attr_values(extra_attrs))
            vattrs.pop("_FillValue", None)
            v.setncatts(vattrs)
            if has_time:
                for i in range(var.shape[0]):
                    v[i, :, :] = np.asarray(var[i].values, dtype=dtype)
            else:
                v[:, :] = np.asarray(var.values, dtype=dtype)


def _write_spatial(nc: Any, gbox: Any, ydim: str, xdim: str) -> None:
    import numpy as np
    from pyproj import CRS as ProjCRS

    ny, nx = gbox.shape
    nc.createDimension(ydim, ny)
    nc.createDimension(xdim, nx)
    coords = gbox.coordinates
    crs = ProjCRS.from_user_input(str(gbox.crs))
    geographic = crs.is_geographic
    unit = "m"
    with contextlib.suppress(IndexError, AttributeError):
        unit = crs.axis_info[0].unit_name or "m"
    unit = {"metre": "m", "meter": "m", "degree": "degrees"}.get(unit, unit)
    for dim, axis in ((ydim, "Y"), (xdim, "X")):
        cv = nc.createVariable(dim, "f8", (dim,))
        if geographic:
            std = "latitude" if axis == "Y" else "longitude"
            cattrs = {
                "standard_name": std,
                "long_name": std,
                "units": "degrees_north" if axis == "Y" else "degrees_east",
            }
        else:
            std = "projection_y_coordinate" if axis == "Y" else "projection_x_coordinate"
            cattrs = {
                "standard_name": std,
                "long_name": f"{axis.lower()} coordinate of projection",
                "units": unit,
            }
        cattrs["axis"] = axis
        cv.setncatts(cattrs)
        cv[:] = np.asarray(coords[dim].values, dtype="f8")
    sr = nc.createVariable("spatial_ref", "i4")
    a, b, c, d, e, f = gbox.transform[:6]
    wkt = crs.to_wkt()
    srattrs: dict[str, Any] = {}
    with contextlib.suppress(Exception):  # not every CRS has a CF grid mapping
        srattrs.update(crs.to_cf())
    srattrs["crs_wkt"] = wkt
    srattrs["spatial_ref"] = wkt
    srattrs["GeoTransform"] = " ".join(repr(float(v)) for v in (c, a, b, f, d, e))
    sr.setncatts(_attr_values(srattrs))


def _attr_values(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attribute values NetCDF can store: nested mappings and None become JSON text or are dropped."""
    import json

    import numpy as np

    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, dict | list) and not (
            isinstance(v, list) and all(isinstance(i, int | float) for i in v)
        ):
            out[str(k)] = json.dumps(v, default=str)
        elif isinstance(v, bool | np.bool_):
            out[str(k)] = int(v)
        else:
            out[str(k)] = v
    return out


class NetCDFWriterDriver(WriterDriver):
    """CF-compliant NetCDF4 files on local disk, one per storage unit, compressed and chunked."""

    __slots__ = ()

    name: ClassVar[str] = "netcdf"
    description: ClassVar[str] = "CF-1.8 NetCDF4 files with CRS, coordinates and compression"
    aliases: ClassVar[tuple[str, ...]] = ("NetCDF CF",)
    format: ClassVar[str] = "NetCDF"
    uri_scheme: ClassVar[str] = "file"
    suffix: ClassVar[str] = ".nc"

    def mk_uri(self, path: str, storage_config: Mapping[str, Any]) -> str:
        """docstring inherited"""
        return Path(_file_path(path)).absolute().as_uri()

    def write_dataset_to_storage(
        self,
        dataset: Any,
        uri: str,
        *,
        global_attributes: Mapping[str, Any] | None = None,
        variable_params: Mapping[str, Mapping[str, Any]] | None = None,
        storage_config: Mapping[str, Any] | None = None,
    ) -> dict[str, StoredBand]:
        """docstring inherited"""
        path = _file_path(uri)
        write_dataset_to_netcdf(
            dataset, path, global_attributes=global_attributes, variable_params=variable_params
        )
        return {str(name): StoredBand(path=path.name, layer=str(name)) for name in dataset.data_vars}

    def delete_dataset_from_storage(
        self,
        uri: str,
        stored: Mapping[str, StoredBand],
        *,
        storage_config: Mapping[str, Any] | None = None,
    ) -> None:
        """docstring inherited"""
        with contextlib.suppress(FileNotFoundError):
            _file_path(uri).unlink()
