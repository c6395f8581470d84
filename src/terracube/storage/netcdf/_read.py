"""Read one band of a NetCDF file through netCDF4: a variable, one time step, a window."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from terracube.errors import LoadError
from terracube.storage.bands import BandInfo, ReaderDriver, check_window, resample, uri_to_path
from terracube.storage.netcdf._lock import NETCDF_LOCK

if TYPE_CHECKING:
    from collections.abc import Iterator

    import numpy as np
    from affine import Affine

__all__ = ["NetCDFDataSource", "NetCDFReader", "NetCDFReaderDriver"]


class NetCDFReader:
    """An open NetCDF variable at one time step (see :class:`~terracube.storage.bands.RasterReader`).

    The grid comes from the file: 1-D coordinate variables of the two spatial dimensions, else
    the grid mapping's GDAL ``GeoTransform``, else the dataset document. Files stored south-up
    (ascending ``y``) are presented north-up. The CRS comes from the variable's grid mapping
    (``crs_wkt`` or ``spatial_ref``), else the document.
    """

    __slots__ = ("_band", "_crs", "_dtype", "_flip", "_index", "_nodata", "_shape", "_transform", "_var")

    def __init__(self, nc: Any, band: BandInfo) -> None:
        name = band.layer or band.name
        if name not in nc.variables:
            raise LoadError(
                f"cannot read {band.describe()}: the file has no variable {name!r}; it has {sorted(nc.variables)}"
            )
        var = nc.variables[name]
        var.set_auto_maskandscale(False)
        self._var = var
        self._band = band
        if var.ndim == 3:
            n = var.shape[0]
            i = (band.band or 1) - 1
            if not 0 <= i < n:
                raise LoadError(
                    f"cannot read {band.describe()}: variable {name!r} has {n} step(s) along "
                    f"{var.dimensions[0]!r}, the document asks for band {band.band}"
                )
            self._index: tuple[int, ...] = (i,)
        elif var.ndim == 2:
            if band.band not in (None, 1):
                raise LoadError(
                    f"cannot read {band.describe()}: variable {name!r} is 2-D, there is no band {band.band}"
                )
            self._index = ()
        else:
            raise LoadError(
                f"cannot read {band.describe()}: variable {name!r} has dims {var.dimensions}, not [t,] y, x"
            )
        self._shape = (int(var.shape[-2]), int(var.shape[-1]))
        self._dtype = str(var.dtype)
        fill = getattr(var, "_FillValue", None)
        self._nodata = band.nodata if fill is None else fill.item() if hasattr(fill, "item") else fill
        self._transform, self._flip = self._grid(nc, var)
        self._crs = self._find_crs(nc, var)

    def _grid(self, nc: Any, var: Any) -> tuple[Affine, bool]:
        import numpy as np
        from affine import Affine

        ydim, xdim = var.dimensions[-2:]
        yv, xv = nc.variables.get(ydim), nc.variables.get(xdim)
        if (
            yv is not None
            and xv is not None
            and yv.ndim == 1
            and xv.ndim == 1
            and len(yv) > 1
            and len(xv) > 1
        ):
            y = np.asarray(yv[:], dtype="f8")
            x = np.asarray(xv[:], dtype="f8")
            rx = (x[-1] - x[0]) / (len(x) - 1)
            ry = (y[-1] - y[0]) / (len(y) - 1)
            if ry > 0:  # south-up: present it north-up
                return Affine(rx, 0.0, x[0] - rx / 2, 0.0, -ry, y[-1] + ry / 2), True
            return Affine(rx, 0.0, x[0] - rx / 2, 0.0, ry, y[0] - ry / 2), False
        gm = nc.variables.get(getattr(var, "grid_mapping", ""))
        gt = getattr(gm, "GeoTransform", None) if gm is not None else None
        if gt:
            c, a, b, f, d, e = (float(v) for v in str(gt).split())
            return Affine(a, b, c, d, e, f), False
        if self._band.affine is not None:
            return self._band.affine, False
        raise LoadError(
            f"cannot read {self._band.describe()}: the file gives no grid and neither does the document"
        )

    def _find_crs(self, nc: Any, var: Any) -> Any:
        gm = nc.variables.get(getattr(var, "grid_mapping", ""))
        if gm is not None:
            for attr in ("crs_wkt", "spatial_ref"):
                wkt = getattr(gm, attr, None)
                if wkt:
                    return str(wkt)
        if self._band.crs is None:
            raise LoadError(
                f"cannot read {self._band.describe()}: the file has no CRS and neither has the document"
            )
        return self._band.crs

    @property
    def crs(self) -> Any:
        """docstring inherited"""
        return self._crs

    @property
    def transform(self) -> Affine:
        """docstring inherited"""
        return self._transform

    @property
    def shape(self) -> tuple[int, int]:
        """docstring inherited"""
        return self._shape

    @property
    def dtype(self) -> str:
        """docstring inherited"""
        return self._dtype

    @property
    def nodata(self) -> float | int | None:
        """docstring inherited"""
        return self._nodata

    def read(
        self,
        window: tuple[tuple[int, int], tuple[int, int]] | None = None,
        out_shape: tuple[int, int] | None = None,
        *,
        out: np.ndarray[Any, Any] | None = None,
        resampling: str = "nearest",
    ) -> np.ndarray[Any, Any]:
        """docstring inherited

        A reduced-resolution read reads the window, then resamples it (see
        :func:`~terracube.storage.bands.resample`).
        """
        import numpy as np

        (r0, r1), (c0, c1) = check_window(window, self._shape, self._band.describe())
        if self._flip:
            h = self._shape[0]
            rows = slice(h - r1, h - r0)
        else:
            rows = slice(r0, r1)
        try:
            with NETCDF_LOCK:
                data = np.asarray(self._var[(*self._index, rows, slice(c0, c1))])
        except (RuntimeError, OSError, IndexError, ValueError) as e:
            raise LoadError(f"cannot read {self._band.describe()}: {type(e).__name__}: {e}") from e
        if self._flip:
            data = data[::-1]
        if out is not None and out_shape is None:
            out_shape = out.shape
        if out_shape is not None and tuple(out_shape) != data.shape:
            data = resample(data, (int(out_shape[0]), int(out_shape[1])), resampling, self._nodata)
        if out is not None:
            out[...] = data
            return out
        return data


@dataclass(frozen=True, slots=True)
class NetCDFDataSource:
    """One band of one dataset stored in a NetCDF file. Picklable."""

    band: BandInfo
    """What the index knows about the band."""

    @contextlib.contextmanager
    def open(self) -> Iterator[NetCDFReader]:
        """docstring inherited"""
        import netCDF4

        band = self.band
        try:
            path = uri_to_path(band.uri)
        except ValueError:
            raise LoadError(
                f"cannot open {band.describe()}: the netcdf reader reads local files only"
            ) from None
        with NETCDF_LOCK:
            try:
                nc = netCDF4.Dataset(path, "r")
            except OSError as e:
                raise LoadError(f"cannot open {band.describe()}: {e}") from e
            try:
                reader = NetCDFReader(nc, band)
            except BaseException:
                nc.close()
                raise
        try:
            yield reader
        finally:
            with NETCDF_LOCK:
                nc.close()


class NetCDFReaderDriver(ReaderDriver):
    """NetCDF files on local disk through netCDF4 (a variable per band, a time step per dataset)."""

    __slots__ = ()

    name: ClassVar[str] = "netcdf"
    description: ClassVar[str] = "NetCDF4/CF files on local disk through netCDF4"
    protocols: ClassVar[tuple[str, ...]] = ("file",)
    formats: ClassVar[tuple[str, ...]] = ("NetCDF",)

    def new_datasource(self, band: BandInfo) -> NetCDFDataSource:
        """docstring inherited"""
        return NetCDFDataSource(band)
