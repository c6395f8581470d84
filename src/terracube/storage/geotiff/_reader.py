"""The rasterio reader: GeoTIFF and COG on local disk, HTTP(S) and S3."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final
from urllib.parse import urlparse

from terracube.errors import LoadError
from terracube.storage.access import with_s3_access
from terracube.storage.bands import BandInfo, ReaderDriver, check_window, uri_to_path

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    import numpy as np
    from affine import Affine

__all__ = ["GeoTIFFReaderDriver", "RasterioDataSource", "RasterioReader", "gdal_options"]

#: GDAL settings for remote reads: no directory listing on open, a few retries, and timeouts
#: on connecting and on every request so that a server that stops answering gives an error
#: instead of a read that never returns (``gdal_*`` storage options override them).
_REMOTE_DEFAULTS: Final = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "GDAL_HTTP_MAX_RETRY": "3",
    "GDAL_HTTP_RETRY_DELAY": "0.5",
    "GDAL_HTTP_CONNECTTIMEOUT": "10",
    "GDAL_HTTP_TIMEOUT": "60",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif,.tiff,.TIF,.TIFF",
}


def gdal_options(scheme: str, options: Mapping[str, str]) -> dict[str, str]:
    """GDAL configuration for reading a URI of ``scheme`` with terracube storage options.

    ==================================  ==============================================
    storage option                      GDAL configuration
    ==================================  ==============================================
    ``s3_endpoint`` (a URL)             ``AWS_S3_ENDPOINT`` (host:port), ``AWS_HTTPS``
                                        (from the URL's scheme), ``AWS_VIRTUAL_HOSTING``
                                        (FALSE unless ``s3_path_style`` is false)
    ``s3_region``                       ``AWS_REGION``
    ``s3_unsigned`` (true/false)        ``AWS_NO_SIGN_REQUEST``
    ``s3_requester_pays`` (true/false)  ``AWS_REQUEST_PAYER=requester``
    ``s3_profile``                      ``AWS_PROFILE``
    ``s3_cloud_defaults=false``         leaves out the directory-listing and file
                                        extension limits of remote reads
    ``gdal_<NAME>``                     ``<NAME>`` as given (e.g. ``gdal_gdal_http_timeout``)
    ==================================  ==============================================

    Credentials are not storage options: GDAL and rasterio read them from the usual places
    (``AWS_ACCESS_KEY_ID``... environment variables, ``~/.aws``), on every worker.

    >>> gdal_options("s3", {"s3_endpoint": "http://127.0.0.1:9000"})["AWS_S3_ENDPOINT"]
    '127.0.0.1:9000'
    """
    out: dict[str, str] = {}
    if scheme != "file":
        out.update(_REMOTE_DEFAULTS)
        if not _true(options.get("s3_cloud_defaults", "true")):
            del out["GDAL_DISABLE_READDIR_ON_OPEN"], out["CPL_VSIL_CURL_ALLOWED_EXTENSIONS"]
    for key, value in options.items():
        if key.startswith("gdal_"):
            out[key[5:].upper()] = value
    if scheme == "s3":
        endpoint = options.get("s3_endpoint")
        if endpoint:
            parsed = urlparse(endpoint if "://" in endpoint else f"https://{endpoint}")
            out["AWS_S3_ENDPOINT"] = parsed.netloc + parsed.path.rstrip("/")
            out["AWS_HTTPS"] = "NO" if parsed.scheme == "http" else "YES"
            path_style = options.get("s3_path_style")
            out["AWS_VIRTUAL_HOSTING"] = (
                "TRUE" if path_style is not None and not _true(path_style) else "FALSE"
            )
        if options.get("s3_region"):
            out["AWS_REGION"] = options["s3_region"]
        if _true(options.get("s3_unsigned", "")):
            out["AWS_NO_SIGN_REQUEST"] = "YES"
        if _true(options.get("s3_requester_pays", "")):
            out["AWS_REQUEST_PAYER"] = "requester"
        if options.get("s3_profile"):
            out["AWS_PROFILE"] = options["s3_profile"]
        # GDAL's own name for the variable botocore and the AWS tools read.
        shared = os.environ.get("AWS_SHARED_CREDENTIALS_FILE")
        if shared and "CPL_AWS_CREDENTIALS_FILE" not in os.environ:
            out.setdefault("CPL_AWS_CREDENTIALS_FILE", shared)
    return out


def _true(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _rio_path(uri: str) -> str:
    return uri_to_path(uri) if urlparse(uri).scheme in ("", "file") or "://" not in uri else uri


class RasterioReader:
    """An open GeoTIFF band (see :class:`~terracube.storage.bands.RasterReader`)."""

    __slots__ = ("_band", "_bidx", "_src")

    def __init__(self, src: Any, band: BandInfo) -> None:
        self._src = src
        self._band = band
        self._bidx = band.band or 1
        if not 1 <= self._bidx <= src.count:
            raise LoadError(
                f"cannot read {band.describe()}: the file has {src.count} band(s), the document asks for "
                f"band {self._bidx}"
            )

    @property
    def crs(self) -> Any:
        """docstring inherited"""
        crs = self._src.crs
        if crs is None:
            if self._band.crs is None:
                raise LoadError(
                    f"cannot read {self._band.describe()}: the file has no CRS and neither has the document"
                )
            return self._band.crs
        return crs

    @property
    def transform(self) -> Affine:
        """docstring inherited"""
        tr: Affine = self._src.transform
        return tr

    @property
    def shape(self) -> tuple[int, int]:
        """docstring inherited"""
        return (int(self._src.height), int(self._src.width))

    @property
    def dtype(self) -> str:
        """docstring inherited"""
        return str(self._src.dtypes[self._bidx - 1])

    @property
    def nodata(self) -> float | int | None:
        """docstring inherited"""
        v = self._src.nodatavals[self._bidx - 1]
        return None if v is None else v

    @property
    def overviews(self) -> list[int]:
        """Decimation factors of the band's overviews (COG), finest first."""
        return list(self._src.overviews(self._bidx))

    def read(
        self,
        window: tuple[tuple[int, int], tuple[int, int]] | None = None,
        out_shape: tuple[int, int] | None = None,
        *,
        out: np.ndarray[Any, Any] | None = None,
        resampling: str = "nearest",
    ) -> np.ndarray[Any, Any]:
        """docstring inherited"""
        from rasterio.enums import Resampling
        from rasterio.errors import RasterioError
        from rasterio.windows import Window

        (r0, r1), (c0, c1) = check_window(window, self.shape, self._band.describe())
        win = Window(c0, r0, c1 - c0, r1 - r0)
        try:
            rs = Resampling[resampling]
        except KeyError:
            raise LoadError(
                f"unknown resampling {resampling!r}; use one of {[r.name for r in Resampling]}"
            ) from None
        try:
            if out is not None:
                data: np.ndarray[Any, Any] = self._src.read(self._bidx, window=win, out=out, resampling=rs)
            else:
                data = self._src.read(self._bidx, window=win, out_shape=out_shape, resampling=rs)
        except RasterioError as e:
            raise LoadError(f"cannot read {self._band.describe()}: {e}") from e
        return data


@dataclass(frozen=True, slots=True)
class RasterioDataSource:
    """One band of one GeoTIFF/COG, read through rasterio. Picklable."""

    band: BandInfo
    """What the index knows about the band."""

    @contextlib.contextmanager
    def open(self) -> Iterator[RasterioReader]:
        """docstring inherited"""
        import rasterio
        from rasterio.errors import RasterioError

        band = self.band
        scheme = band.uri_scheme
        opts = gdal_options(scheme, with_s3_access(band.options))
        env = rasterio.Env(**opts) if opts else contextlib.nullcontext()
        with env:
            try:
                src = rasterio.open(_rio_path(band.uri))
            except (RasterioError, OSError) as e:
                raise LoadError(f"cannot open {band.describe()}: {e}") from e
            with src:
                yield RasterioReader(src, band)


class GeoTIFFReaderDriver(ReaderDriver):
    """GeoTIFF and Cloud-Optimised GeoTIFF through rasterio (local files, HTTP(S), S3); JPEG 2000
    too, which GDAL reads the same way (read only: nothing here writes it)."""

    __slots__ = ()

    name: ClassVar[str] = "geotiff"
    description: ClassVar[str] = (
        "GeoTIFF / COG (and JPEG 2000) through rasterio: file, http(s), s3; windowed and overview reads"
    )
    protocols: ClassVar[tuple[str, ...]] = ("file", "http", "https", "s3")
    formats: ClassVar[tuple[str, ...]] = ("GeoTIFF", "COG", "TIFF", "JPEG2000")

    def new_datasource(self, band: BandInfo) -> RasterioDataSource:
        """docstring inherited"""
        return RasterioDataSource(band)
