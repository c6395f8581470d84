"""What storage drivers and the loader agree on: bands, data sources, readers and writers.

Reading. For each (dataset, measurement) the loader builds a :class:`BandInfo` — everything
known about that band from the index: resolved URI, band number, layer, dtype, nodata, grid,
format and the writer's ``driver_data``. It picks the reader driver registered in
``terracube.plugins.io.read`` for ``(band.uri_scheme, band.format)`` and calls
``driver.new_datasource(band)``. The :class:`DataSource` it returns is small and picklable (it
travels to Dask workers); ``source.open()`` is a context manager yielding a
:class:`RasterReader` whose ``read(window, out_shape, out=...)`` returns native pixels, possibly
at a reduced resolution. Reprojection and fusing are the loader's job, never the driver's.

Writing. A writer driver registered in ``terracube.plugins.io.write`` stores an
``xarray.Dataset`` with ``(time, y, x)`` variables at a URI and returns, per band, where it put
it (:class:`StoredBand`). ``Datacube.write`` turns that into eo3 dataset documents: the dataset
for time step ``i`` of a storage unit reads its band ``i + 1`` (``measurements.<b>.band``).

This module imports nothing heavy at import time and nothing of terracube but ``model`` and
``errors``, so storage drivers, the loader and third-party plugins can all depend on it.
"""

from __future__ import annotations

import math
import posixpath
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    NotRequired,
    Protocol,
    TypeAlias,
    TypedDict,
    runtime_checkable,
)
from urllib.parse import unquote, urlparse

from terracube.errors import LoadError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence
    from contextlib import AbstractContextManager

    import numpy as np
    from affine import Affine
    from odc.geo import CRS
    from odc.geo.geobox import GeoBox

    from terracube.model import Dataset

__all__ = [
    "BandInfo",
    "DataSource",
    "DriverInfo",
    "RasterReader",
    "ReaderDriver",
    "ReaderDriverProtocol",
    "StoredBand",
    "Window",
    "WriterDriver",
    "WriterDriverProtocol",
    "check_window",
    "guess_format",
    "is_nan",
    "nearest_indices",
    "resample",
    "resolve_uri",
    "uri_scheme",
    "uri_to_path",
]

Window: TypeAlias = tuple[tuple[int, int], tuple[int, int]]
"""A pixel window ``((row_start, row_stop), (col_start, col_stop))``, stops exclusive."""

#: File suffix -> format name, for datasets whose document gives no ``odc:file_format``.
_SUFFIX_FORMATS: dict[str, str] = {
    ".tif": "GeoTIFF",
    ".tiff": "GeoTIFF",
    ".jp2": "JPEG2000",  # Sentinel-2 as ESA's and Earth Search's STAC Items serve it
    ".nc": "NetCDF",
    ".nc4": "NetCDF",
}


# --- URIs ----------------------------------------------------------------------------------------

#: A path segment that needs normalising (``.``, ``..``, empty).
_DOTS = re.compile(r"(^|/)\.{1,2}(/|$)|//")


def uri_scheme(uri: str) -> str:
    """The scheme of a URI, ``"file"`` for a plain path (a Windows drive letter is a path)."""
    scheme = urlparse(uri).scheme
    return "file" if len(scheme) <= 1 else scheme.lower()


def resolve_uri(base: str | None, path: str) -> str:
    """Resolve a measurement ``path`` against the dataset's location ``base``.

    An absolute URI or path is returned as it is (a path as a ``file://`` URI); an empty path
    names ``base`` itself; a relative path is taken relative to the folder holding ``base``.

    >>> resolve_uri("file:///data/ls8/x/metadata.yaml", "B1.tif")
    'file:///data/ls8/x/B1.tif'
    >>> resolve_uri("s3://bucket/x/meta.json", "../y/B1.tif")
    's3://bucket/y/B1.tif'
    >>> resolve_uri(None, "/data/B1.tif")
    'file:///data/B1.tif'

    Raises
    ------
    ValueError
        ``path`` is relative and there is no ``base`` to resolve it against.
    """
    if "://" in path:
        return path
    if path.startswith("/"):
        return "file://" + path if base is None or uri_scheme(base) == "file" else _with_path(base, path)
    if base is None:
        raise ValueError(f"relative measurement path {path!r} but the dataset has no location to resolve it")
    if path and "://" in base and not any(c in base for c in "?#;") and not _DOTS.search(path):
        # The common case, kept cheap (a load resolves one path per band and dataset): a plain
        # relative path next to a plain URI.
        return base[: base.rfind("/") + 1] + path
    if "://" not in base:
        base = "file://" + posixpath.abspath(base)
    if not path:
        return base
    parsed = urlparse(base)
    folder = posixpath.dirname(parsed.path)
    return _with_path(base, posixpath.normpath(posixpath.join(folder, path)))


def _with_path(base: str, path: str) -> str:
    parsed = urlparse(base)
    return parsed._replace(path=path, params="", query="", fragment="").geturl()


def uri_to_path(uri: str) -> str:
    """The local path of a ``file://`` URI (or a plain path).

    Raises
    ------
    ValueError
        The URI is not a local file.
    """
    if "://" not in uri:
        return uri
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        raise ValueError(f"{uri!r} is not a local file URI")
    return unquote(parsed.path)


def guess_format(uri: str) -> str | None:
    """A format name from a file suffix (``.tif`` -> ``GeoTIFF``, ``.jp2`` -> ``JPEG2000``,
    ``.nc`` -> ``NetCDF``), or None."""
    suffix = posixpath.splitext(urlparse(uri).path)[1].lower()
    return _SUFFIX_FORMATS.get(suffix)


# --- BandInfo ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BandInfo:
    """Everything the index knows about one band of one dataset: what a reader needs.

    A small, picklable value; build it with :meth:`from_dataset`.
    """

    name: str
    """The product's measurement name (not an alias)."""
    uri: str
    """Where the band's data lives: the dataset location resolved with the measurement's path."""
    dtype: str
    """numpy dtype name of the measurement."""
    nodata: float | int | None
    """The measurement's nodata value (NaN for float bands without one)."""
    units: str = "1"
    """Units of the values."""
    band: int | None = None
    """1-based band number in the file; for a storage unit with a time axis, the time step + 1."""
    layer: str | None = None
    """Variable or layer name inside the file (NetCDF variable, s3aio array name), if any."""
    crs: str | None = None
    """The dataset's CRS (``EPSG:<code>``, else WKT)."""
    transform: tuple[float, float, float, float, float, float] | None = None
    """Affine coefficients ``(a, b, c, d, e, f)`` of the measurement's grid (pixel -> CRS)."""
    shape: tuple[int, int] | None = None
    """``(rows, cols)`` of the measurement's grid."""
    format: str = ""
    """File format, e.g. ``GeoTIFF``, ``NetCDF`` or ``aio``."""
    driver_data: dict[str, Any] = field(default_factory=dict, hash=False)
    """What the writer recorded for this band (``driver_data.<band>`` of the document). Read-only."""
    center_time: dt.datetime | None = None
    """The dataset's centre time."""
    dataset_id: str = ""
    """The dataset's id, for error messages."""
    storage_options: tuple[tuple[str, str], ...] = ()
    """Settings for reaching the storage (e.g. ``s3_endpoint``, ``s3_region``), sorted pairs.

    Never secrets: credentials come from the usual chain (environment variables, profiles)."""

    @classmethod
    def from_dataset(
        cls,
        dataset: Dataset,
        name: str,
        *,
        storage_options: Mapping[str, str] | None = None,
    ) -> BandInfo:
        """Describe the measurement ``name`` (or an alias of it) of ``dataset``.

        Raises
        ------
        LoadError
            The product or the document has no such measurement, or its path cannot be resolved.
        """
        product = dataset.product
        by_name = {n: m for m in product.measurements.values() for n in (m.name, *m.aliases)}
        if name not in by_name:
            raise LoadError(
                f"product {product.name!r} has no measurement {name!r}; it has {sorted(product.measurements)}"
            )
        m = by_name[name]
        entry = dataset.measurement_doc(m.name)
        if entry is None:
            raise LoadError(
                f"dataset {str(dataset.id)!r} (product {product.name!r}) has no measurement {m.name!r} "
                f"in its document; it has {sorted(dataset.measurements)}"
            )
        try:
            uri = resolve_uri(dataset.uri, entry["path"])
        except ValueError as e:
            raise LoadError(f"dataset {str(dataset.id)!r}, measurement {m.name!r}: {e}") from None
        grid = dataset.grids.get(entry.get("grid", "default"))
        fmt = dataset.format or guess_format(uri) or ""
        driver_data = dataset.driver_data.get(m.name) or {}
        crs = dataset.crs
        return cls(
            name=m.name,
            uri=uri,
            dtype=m.dtype,
            nodata=m.nodata,
            units=m.units,
            band=entry.get("band"),
            layer=entry.get("layer"),
            crs=None if crs is None else str(crs),
            transform=None if grid is None else grid.transform,
            shape=None if grid is None else grid.shape,
            format=fmt,
            driver_data=dict(driver_data),
            center_time=dataset.center_time,
            dataset_id=str(dataset.id),
            storage_options=tuple(sorted((storage_options or {}).items())),
        )

    @property
    def uri_scheme(self) -> str:
        """The scheme of :attr:`uri` (``file`` for a plain path)."""
        return uri_scheme(self.uri)

    @property
    def options(self) -> dict[str, str]:
        """:attr:`storage_options` as a dict."""
        return dict(self.storage_options)

    @property
    def affine(self) -> Affine | None:
        """:attr:`transform` as an ``affine.Affine``, or None."""
        if self.transform is None:
            return None
        from affine import Affine

        return Affine(*self.transform)

    @property
    def geobox(self) -> GeoBox | None:
        """The band's grid as an odc-geo GeoBox, or None when the document gives no grid."""
        if self.transform is None or self.shape is None or self.crs is None:
            return None
        from odc.geo.geobox import GeoBox

        return GeoBox(self.shape, self.affine, self.crs)  # type: ignore[arg-type]

    def describe(self) -> str:
        """``band 'red' of dataset '...' (file:///...)``, for error messages."""
        return f"band {self.name!r} of dataset {self.dataset_id!r} ({self.uri})"

    def __repr__(self) -> str:
        return f"BandInfo({self.name!r}, {self.uri!r}, format={self.format!r}, band={self.band!r})"


# --- reading -------------------------------------------------------------------------------------


@runtime_checkable
class RasterReader(Protocol):
    """An open band: its grid and a windowed read. Yielded by :meth:`DataSource.open`."""

    @property
    def crs(self) -> CRS | str:
        """CRS of the stored pixels (anything ``odc.geo.CRS`` accepts)."""
        ...

    @property
    def transform(self) -> Affine:
        """Pixel -> CRS transform of the stored pixels."""
        ...

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, cols)``."""
        ...

    @property
    def dtype(self) -> np.dtype[Any] | str:
        """dtype of the stored pixels."""
        ...

    @property
    def nodata(self) -> float | int | None:
        """The stored nodata value, if the storage records one."""
        ...

    def read(
        self,
        window: Window | None = None,
        out_shape: tuple[int, int] | None = None,
        *,
        out: np.ndarray[Any, Any] | None = None,
        resampling: str = "nearest",
    ) -> np.ndarray[Any, Any]:
        """Read a window (default: everything), optionally at a reduced resolution.

        Parameters
        ----------
        window
            ``((row_start, row_stop), (col_start, col_stop))`` inside the band.
        out_shape
            Return this many ``(rows, cols)`` covering the window: a decimated or overview
            read. Readers without overviews sample (``nearest``) or resample as they can.
        out
            Write into this 2-D array (of ``out_shape`` or the window's shape) and return it.
        resampling
            How to reduce the resolution when ``out_shape`` is smaller than the window.

        Raises
        ------
        LoadError
            The data cannot be read; the message names the band, dataset and URI.
        """
        ...


@runtime_checkable
class DataSource(Protocol):
    """One band of one dataset, not yet opened. Picklable: it is shipped to Dask workers."""

    @property
    def band(self) -> BandInfo:
        """What the index knows about the band."""
        ...

    def open(self) -> AbstractContextManager[RasterReader]:
        """Open the band for reading.

        Raises
        ------
        LoadError
            Missing, unreadable or corrupt data; the message names the band, dataset and URI.
        """
        ...


def nearest_indices(start: int, stop: int, n: int) -> np.ndarray[Any, Any]:
    """``n`` indices sampling ``[start, stop)`` at pixel centres (nearest-neighbour decimation).

    >>> nearest_indices(0, 8, 4).tolist()
    [1, 3, 5, 7]
    """
    import numpy as np

    step = (stop - start) / n
    idx = np.floor(start + (np.arange(n) + 0.5) * step).astype(np.int64)
    out: np.ndarray[Any, Any] = np.clip(idx, start, stop - 1)
    return out


def resample(
    data: np.ndarray[Any, Any], shape: tuple[int, int], method: str = "nearest", nodata: Any = None
) -> np.ndarray[Any, Any]:
    """Resample a 2-D window to ``shape`` covering the same area (a reduced-resolution read).

    ``nearest`` samples pixel centres (:func:`nearest_indices`); other methods (``average``,
    ``bilinear``, ``mode``...) use GDAL's resamplers, skipping ``nodata``.

    Raises
    ------
    LoadError
        An unknown method.
    """
    import numpy as np

    h, w = data.shape
    if method == "nearest":
        out: np.ndarray[Any, Any] = data[
            np.ix_(nearest_indices(0, h, shape[0]), nearest_indices(0, w, shape[1]))
        ]
        return out
    import rasterio.warp
    from affine import Affine
    from rasterio.enums import Resampling

    try:
        rs = Resampling[method]
    except KeyError:
        raise LoadError(f"unknown resampling {method!r}; use one of {[r.name for r in Resampling]}") from None
    out = np.empty(shape, dtype=data.dtype)
    # Any projected CRS and a north-up grid (GDAL takes an identity transform for "no grid"):
    # source and destination share them, so this only resamples.
    crs = "EPSG:3857"
    rasterio.warp.reproject(
        np.ascontiguousarray(data), out, src_transform=Affine(1.0, 0.0, 0.0, 0.0, -1.0, h), src_crs=crs,
        dst_transform=Affine(w / shape[1], 0.0, 0.0, 0.0, -h / shape[0], h), dst_crs=crs, resampling=rs,
        src_nodata=nodata, dst_nodata=nodata,
    )  # fmt: skip
    return out


class DriverInfo:
    """Mixin giving a driver class plain class-level metadata shown by ``repr``.

    Set the metadata as class attributes; the repr shows each attribute named in
    :attr:`repr_attrs` that the class defines and that is not empty (None, ``""``, an empty
    sequence or 0).

    Examples
    --------
    >>> class ZarrReader(DriverInfo):
    ...     name = "zarr"
    ...     description = "Zarr v3 arrays"
    ...     protocols = ("file", "s3")
    ...     formats = ("zarr",)
    >>> ZarrReader()
    <ZarrReader name='zarr' description='Zarr v3 arrays' protocols=('file', 's3') formats=('zarr',)>
    """

    __slots__ = ()

    name: ClassVar[str] = ""
    """Short name of the driver, usually its entry-point name."""

    description: ClassVar[str] = ""
    """One line saying what it does, shown by ``terracube system drivers``."""

    url: ClassVar[str] = ""
    """Where to read more about it."""

    repr_attrs: ClassVar[tuple[str, ...]] = (
        "name",
        "description",
        "url",
        "protocols",
        "formats",
        "priority",
        "aliases",
        "format",
        "uri_scheme",
    )
    """Attributes the repr shows, in order, when present and not empty."""

    def __repr__(self) -> str:
        parts = []
        for attr in self.repr_attrs:
            value = getattr(self, attr, None)
            if value is None or (isinstance(value, str | tuple | list | frozenset) and not value):
                continue
            if isinstance(value, int) and value == 0:
                continue
            if isinstance(value, list):
                value = tuple(value)
            parts.append(f"{attr}={value!r}")
        return f"<{type(self).__qualname__}{''.join(' ' + p for p in parts)}>"


@runtime_checkable
class ReaderDriverProtocol(Protocol):
    """A reader driver, as the init function of a ``terracube.plugins.io.read`` entry point returns.

    :class:`ReaderDriver` is a base class for one; any object with these members works. It may
    also define ``priority`` (a number, default 0): when several readers support a (scheme,
    format) pair the highest priority wins.
    """

    @property
    def name(self) -> str:
        """Short name."""
        ...

    @property
    def protocols(self) -> Sequence[str]:
        """URI schemes it reads."""
        ...

    @property
    def formats(self) -> Sequence[str]:
        """Format names it reads (``odc:file_format`` of the datasets)."""
        ...

    def supports(self, protocol: str, fmt: str) -> bool:
        """Whether it reads this (scheme, format) pair; called with its own spellings."""
        ...

    def new_datasource(self, band: BandInfo) -> DataSource:
        """A picklable data source for one band of one dataset (no I/O yet)."""
        ...


class ReaderDriver(DriverInfo, ABC):
    """Base of reader drivers (entry-point group ``terracube.plugins.io.read``).

    Set the class attributes; implement :meth:`new_datasource`.
    """

    __slots__ = ()
    repr_attrs = ("name", "protocols", "formats", "priority")

    protocols: ClassVar[tuple[str, ...]] = ()
    """URI schemes it reads."""
    formats: ClassVar[tuple[str, ...]] = ()
    """Format names it reads (``odc:file_format`` of the datasets)."""
    priority: ClassVar[int] = 0
    """When several readers claim a (scheme, format) pair the highest priority wins."""

    def supports(self, protocol: str, fmt: str) -> bool:
        """Whether it reads this (scheme, format) pair (compared ignoring case)."""
        return protocol.lower() in {p.lower() for p in self.protocols} and fmt.lower() in {
            f.lower() for f in self.formats
        }

    @abstractmethod
    def new_datasource(self, band: BandInfo) -> DataSource:
        """A picklable data source for one band of one dataset (no I/O yet)."""


class StoredBand(TypedDict):
    """Where a writer put one band: what goes into the eo3 document's ``measurements.<band>``."""

    path: str
    """URI of the data, or a path relative to the storage unit's URI (``""``: the unit itself)."""
    layer: NotRequired[str]
    """Variable or array name inside the storage unit."""
    driver_data: NotRequired[dict[str, Any]]
    """Anything the reader needs back (layout, codec...): stored as ``driver_data.<band>``."""


@runtime_checkable
class WriterDriverProtocol(Protocol):
    """A writer driver, as the init function of a ``terracube.plugins.io.write`` entry point returns.

    :class:`WriterDriver` is a base class for one (its docstring states the contract of
    ``write_dataset_to_storage`` and ``delete_dataset_from_storage``); any object with these
    members works.
    """

    @property
    def name(self) -> str:
        """Short name."""
        ...

    @property
    def aliases(self) -> Sequence[str]:
        """Other names it answers to in :func:`~terracube.drivers.writer_driver`."""
        ...

    @property
    def format(self) -> str:
        """Format name written into the dataset documents."""
        ...

    @property
    def uri_scheme(self) -> str:
        """Scheme of the URIs it writes."""
        ...

    def mk_uri(self, path: str, storage_config: Mapping[str, Any]) -> str:
        """The URI of a storage unit named ``path`` under ``storage_config``."""
        ...


class WriterDriver(DriverInfo, ABC):
    """Base of writer drivers (entry-point group ``terracube.plugins.io.write``).

    Contract with ``Datacube.write``:

    * :meth:`write_dataset_to_storage` receives an ``xarray.Dataset`` whose data variables are
      the product's measurements, each with dims ``(time, y, x)`` (or ``latitude, longitude``),
      attributes ``nodata`` and ``units``, and an odc-geo GeoBox attached (``ds.odc.geobox``).
      It writes one storage unit at ``uri`` — all or nothing: on failure it leaves nothing
      behind — and returns one :class:`StoredBand` per variable. Time step ``i`` of the unit is
      then read back as band ``i + 1``.
    * :meth:`delete_dataset_from_storage` removes what a successful write stored; it is called
      when indexing fails afterwards, so that neither half remains.
    """

    __slots__ = ()
    repr_attrs = ("name", "aliases", "format", "uri_scheme")

    aliases: ClassVar[tuple[str, ...]] = ()
    """Other names it answers to."""
    format: ClassVar[str] = ""
    """Format written into dataset documents (``odc:file_format``); readers are chosen by it."""
    uri_scheme: ClassVar[str] = "file"
    """Scheme of the URIs it writes."""
    suffix: ClassVar[str] = ""
    """File suffix of a storage unit (``.nc``), empty when units are not files."""

    @abstractmethod
    def mk_uri(self, path: str, storage_config: Mapping[str, Any]) -> str:
        """The URI of a storage unit named ``path`` (a path or URI) under ``storage_config``."""

    @abstractmethod
    def write_dataset_to_storage(
        self,
        dataset: Any,
        uri: str,
        *,
        global_attributes: Mapping[str, Any] | None = None,
        variable_params: Mapping[str, Mapping[str, Any]] | None = None,
        storage_config: Mapping[str, Any] | None = None,
    ) -> dict[str, StoredBand]:
        """Write every data variable of ``dataset`` to one storage unit at ``uri``.

        Parameters
        ----------
        dataset
            An ``xarray.Dataset`` as described in the class docstring.
        uri
            Where to write; an existing unit is never overwritten.
        global_attributes
            Attributes of the storage unit as a whole (title, history...).
        variable_params
            Per variable settings (compression, chunking), by variable name.
        storage_config
            Driver settings (bucket, chunking...).

        Returns
        -------
        dict
            Band name -> :class:`StoredBand`.

        Raises
        ------
        terracube.errors.StorageError
            The unit exists already, or the write failed (nothing is left behind).
        """

    @abstractmethod
    def delete_dataset_from_storage(
        self,
        uri: str,
        stored: Mapping[str, StoredBand],
        *,
        storage_config: Mapping[str, Any] | None = None,
    ) -> None:
        """Remove a storage unit this driver wrote (used to undo a write).

        ``storage_config`` is the one the unit was written with (it says how to reach it).
        """


def check_window(window: Window | None, shape: Sequence[int], what: str) -> Window:
    """Return the window, defaulting to the whole band; refuse one outside ``shape``.

    Raises
    ------
    LoadError
        The window is empty or reaches outside the band.
    """
    if window is None:
        return (0, int(shape[0])), (0, int(shape[1]))
    (r0, r1), (c0, c1) = window
    if not (0 <= r0 < r1 <= shape[0] and 0 <= c0 < c1 <= shape[1]):
        raise LoadError(f"window {window!r} is not inside {what} of shape {tuple(shape)!r}")
    return (int(r0), int(r1)), (int(c0), int(c1))


def is_nan(value: Any) -> bool:
    """Whether ``value`` is a float NaN."""
    return isinstance(value, float) and math.isnan(value)
