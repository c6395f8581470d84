"""The s3aio reader: one time step of one band's chunked array, reading only the chunks a window needs."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from terracube.errors import LoadError, StorageError
from terracube.storage.bands import BandInfo, ReaderDriver, check_window, resample
from terracube.storage.s3aio._location import band_location, lio_for, require, store_config

if TYPE_CHECKING:
    from collections.abc import Iterator

    import numpy as np
    from affine import Affine

    from terracube.storage.s3 import S3LIO
    from terracube.storage.s3.labelled import ArrayHeader

__all__ = ["S3AIODataSource", "S3AIOReader", "S3AIOReaderDriver"]


def _header(band: BandInfo) -> tuple[str, str, ArrayHeader]:
    from terracube.storage.s3.labelled import ArrayHeader

    dd = band.driver_data
    try:
        bucket, array, layout = dd["bucket"], dd["array"], dd["header"]
    except (KeyError, TypeError):
        raise LoadError(
            f"cannot read {band.describe()}: its document has no s3aio layout (driver_data.{band.name} "
            "with bucket, array and header); was it written by the s3aio driver?"
        ) from None
    try:
        header = ArrayHeader.from_json(json.dumps(layout).encode(), what=f"driver_data.{band.name}")
        if not header.codec.is_raw:
            require("zstandard", f"reading {header.codec.name}-compressed arrays")
    except StorageError as e:
        raise LoadError(f"cannot read {band.describe()}: {e}") from None
    return str(bucket), str(array), header


def _describe_failure(exc: BaseException) -> str:
    # A failed parallel read names every failing chunk; its first cause tells why.
    if isinstance(exc, BaseExceptionGroup):
        return f"{exc.message} (first: {_describe_failure(exc.exceptions[0])})"
    return f"{type(exc).__name__}: {exc}"


class S3AIOReader:
    """One time step of one band (see :class:`~terracube.storage.bands.RasterReader`)."""

    __slots__ = ("_band", "_bucket", "_header", "_lio", "_name", "_step")

    def __init__(self, lio: S3LIO, bucket: str, name: str, header: ArrayHeader, band: BandInfo) -> None:
        self._lio, self._bucket, self._name, self._header, self._band = lio, bucket, name, header, band
        if len(header.shape) != 3:
            raise LoadError(
                f"cannot read {band.describe()}: array {name!r} has shape {header.shape}, not (time, y, x)"
            )
        self._step = (band.band or 1) - 1
        if not 0 <= self._step < header.shape[0]:
            raise LoadError(
                f"cannot read {band.describe()}: the document asks for time step {self._step + 1} of array "
                f"{name!r}, which has {header.shape[0]}"
            )
        if band.shape is not None and tuple(band.shape) != header.shape[1:]:
            raise LoadError(
                f"cannot read {band.describe()}: the document's grid is {band.shape}, the array is {header.shape[1:]}"
            )

    @property
    def crs(self) -> str:
        """docstring inherited"""
        if self._band.crs is None:
            raise LoadError(f"cannot read {self._band.describe()}: its document gives no CRS")
        return self._band.crs

    @property
    def transform(self) -> Affine:
        """docstring inherited"""
        tr = self._band.affine
        if tr is None:
            tr = self._transform_from_coords()
        return tr

    def _transform_from_coords(self) -> Affine:
        from affine import Affine

        h = self._header
        ys, xs = h.coords[1], h.coords[2]
        if ys is None or xs is None or not (ys.is_regular and xs.is_regular):
            raise LoadError(
                f"cannot read {self._band.describe()}: no grid in the document nor regular x/y labels"
            )
        dx, dy = float(xs.step), float(ys.step)
        return Affine(dx, 0.0, float(xs.start) - dx / 2, 0.0, dy, float(ys.start) - dy / 2)

    @property
    def shape(self) -> tuple[int, int]:
        """docstring inherited"""
        return (self._header.shape[1], self._header.shape[2])

    @property
    def dtype(self) -> str:
        """docstring inherited"""
        return self._header.numpy_dtype.name

    @property
    def nodata(self) -> float | int | None:
        """docstring inherited"""
        fill = self._header.fill_value
        return fill if isinstance(fill, int | float) else None

    @property
    def header(self) -> ArrayHeader:
        """The array's header (from the document)."""
        return self._header

    def _get(self, sel: tuple[Any, ...], out: np.ndarray[Any, Any] | None) -> np.ndarray[Any, Any]:
        try:
            return self._lio.get_data_unlabeled_mp(
                self._bucket, self._name, sel, header=self._header, out=out
            )
        except (StorageError, BaseExceptionGroup) as e:
            raise LoadError(f"cannot read {self._band.describe()}: {_describe_failure(e)}") from e

    def read(
        self,
        window: tuple[tuple[int, int], tuple[int, int]] | None = None,
        out_shape: tuple[int, int] | None = None,
        *,
        out: np.ndarray[Any, Any] | None = None,
        resampling: str = "nearest",
    ) -> np.ndarray[Any, Any]:
        """docstring inherited

        Only the chunks the window touches are read (inside uncompressed chunks only the byte
        runs it needs). A reduced-resolution read samples pixel centres for ``nearest`` (whole
        factors read only those rows and columns) and resamples the full window otherwise.
        """
        import numpy as np

        (r0, r1), (c0, c1) = check_window(window, self.shape, self._band.describe())
        h, w = r1 - r0, c1 - c0
        dtype = self._header.numpy_dtype
        if out_shape is None or tuple(out_shape) == (h, w):
            if out is not None and out.dtype == dtype:
                return self._get((self._step, slice(r0, r1), slice(c0, c1)), out)
            data = self._get((self._step, slice(r0, r1), slice(c0, c1)), None)
            if out is not None:
                np.copyto(out, data, casting="unsafe")
                return out
            return data
        oh, ow = int(out_shape[0]), int(out_shape[1])
        if resampling == "nearest":
            if h % oh == 0 and w % ow == 0:
                sy, sx = h // oh, w // ow
                sel = (self._step, slice(r0 + sy // 2, r1, sy), slice(c0 + sx // 2, c1, sx))
                data = self._get(sel, None)
            else:
                data = resample(self._get((self._step, slice(r0, r1), slice(c0, c1)), None), (oh, ow))
        else:
            full = self._get((self._step, slice(r0, r1), slice(c0, c1)), None)
            data = resample(full, (oh, ow), resampling, self.nodata)
        if out is not None:
            np.copyto(out, data, casting="unsafe")
            return out
        return data


@dataclass(frozen=True, slots=True)
class S3AIODataSource:
    """One band of one dataset stored by the s3aio writer. Picklable: holds only the BandInfo."""

    band: BandInfo
    """What the index knows about the band, with its layout in ``driver_data``."""

    @contextlib.contextmanager
    def open(self) -> Iterator[S3AIOReader]:
        """docstring inherited

        Nothing is fetched on open: the layout comes from the document. The store (S3 or local
        disk) is the one cached for the band's place and storage options.
        """
        band = self.band
        bucket, array, header = _header(band)
        try:
            root, bucket, array = band_location(band.uri, bucket, array)
            lio = lio_for(store_config(root, band.options))
        except (StorageError, ValueError) as e:
            raise LoadError(f"cannot open {band.describe()}: {e}") from e
        yield S3AIOReader(lio, bucket, array, header, band)


class S3AIOReaderDriver(ReaderDriver):
    """Bands written by the s3aio writer, on S3 or local disk (format ``aio``)."""

    __slots__ = ()

    name: ClassVar[str] = "s3aio"
    description: ClassVar[str] = (
        "s3aio chunked arrays on S3 or local disk: reads only the chunks a window needs"
    )
    protocols: ClassVar[tuple[str, ...]] = ("s3", "file")
    formats: ClassVar[tuple[str, ...]] = ("aio",)

    def new_datasource(self, band: BandInfo) -> S3AIODataSource:
        """docstring inherited"""
        return S3AIODataSource(band)
