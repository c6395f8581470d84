"""The rasterio GeoTIFF/COG reader: lookup, windows, overviews, errors, HTTP."""

from __future__ import annotations

import http.server
import pickle
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
import rasterio
from affine import Affine

from terracube.drivers import reader_driver
from terracube.errors import LoadError
from terracube.storage.bands import BandInfo, DataSource, RasterReader
from terracube.storage.geotiff import GeoTIFFReaderDriver, RasterioDataSource, gdal_options

if TYPE_CHECKING:
    from collections.abc import Iterator

TRANSFORM = Affine(10, 0, 500000, 0, -10, 7000000)


def write_tif(
    path: Path, data: np.ndarray, *, overviews: tuple[int, ...] = (), nodata: float | None = None
) -> None:
    count = 1 if data.ndim == 2 else data.shape[0]
    with rasterio.open(
        path, "w", driver="GTiff", width=data.shape[-1], height=data.shape[-2], count=count, dtype=data.dtype.name,
        crs="EPSG:32633", transform=TRANSFORM, tiled=True, blockxsize=16, blockysize=16, nodata=nodata,
    ) as f:  # fmt: skip
        f.write(data if data.ndim == 3 else data[None])
        if overviews:
            f.build_overviews(list(overviews), rasterio.enums.Resampling.average)


def band(uri: str, **kw: object) -> BandInfo:
    args: dict[str, object] = {
        "name": "b",
        "uri": uri,
        "dtype": "int16",
        "nodata": -1,
        "format": "GeoTIFF",
        "dataset_id": "d-1",
    }
    args.update(kw)
    return BandInfo(**args)  # type: ignore[arg-type]


@pytest.fixture
def data() -> np.ndarray:
    return np.arange(64 * 48, dtype="int16").reshape(64, 48)


def test_found_through_entry_points() -> None:
    for scheme, fmt in (("file", "GeoTIFF"), ("https", "COG"), ("s3", "geotiff"), ("http", "tiff")):
        assert isinstance(reader_driver(scheme, fmt), GeoTIFFReaderDriver)
    drv = GeoTIFFReaderDriver()
    assert (
        drv.supports("S3", "COG")
        and not drv.supports("ftp", "GeoTIFF")
        and not drv.supports("file", "NetCDF")
    )
    assert "name='geotiff'" in repr(drv) and "protocols=('file', 'http', 'https', 's3')" in repr(drv)


def test_reads_windows_and_reports_the_grid(tmp_path: Path, data: np.ndarray) -> None:
    write_tif(tmp_path / "a.tif", data, nodata=-1)
    src = GeoTIFFReaderDriver().new_datasource(band((tmp_path / "a.tif").as_uri()))
    assert isinstance(src, DataSource)
    src = pickle.loads(pickle.dumps(src))
    with src.open() as rdr:
        assert isinstance(rdr, RasterReader)
        assert rdr.shape == (64, 48) and rdr.dtype == "int16" and rdr.nodata == -1
        assert rdr.transform == TRANSFORM and str(rdr.crs) == "EPSG:32633"
        np.testing.assert_array_equal(rdr.read(), data)
        np.testing.assert_array_equal(rdr.read(((10, 20), (5, 40))), data[10:20, 5:40])
        # Straight into a strided view of a bigger array, with a dtype change.
        big = np.zeros((30, 60), dtype="float32")
        rdr.read(((0, 10), (0, 20)), out=big[5:15, 30:50])
        np.testing.assert_array_equal(big[5:15, 30:50], data[:10, :20])
        assert (big[:5] == 0).all() and (big[5:15, :30] == 0).all()
        with pytest.raises(LoadError, match="window .* is not inside"):
            rdr.read(((0, 65), (0, 1)))
        with pytest.raises(LoadError, match="unknown resampling 'fuzzy'"):
            rdr.read(out_shape=(8, 6), resampling="fuzzy")


def test_reduced_reads_use_overviews(tmp_path: Path, data: np.ndarray) -> None:
    write_tif(tmp_path / "cog.tif", data.astype("float32"), overviews=(2, 4))
    with RasterioDataSource(band((tmp_path / "cog.tif").as_uri(), dtype="float32")).open() as rdr:
        assert rdr.overviews == [2, 4]
        small = rdr.read(out_shape=(16, 12))
        with rasterio.open(tmp_path / "cog.tif", overview_level=1) as f:
            np.testing.assert_array_equal(small, f.read(1))
        # The x4 overview averages 4x4 blocks: not what sampling the full resolution gives.
        assert not np.array_equal(small, data[1::4, 1::4])
        np.testing.assert_allclose(small, data.astype("float32").reshape(16, 4, 12, 4).mean(axis=(1, 3)))


def test_band_number_selects_the_band(tmp_path: Path, data: np.ndarray) -> None:
    write_tif(tmp_path / "multi.tif", np.stack([data, data + 1, data + 2]))
    with RasterioDataSource(band((tmp_path / "multi.tif").as_uri(), band=3)).open() as rdr:
        np.testing.assert_array_equal(rdr.read(), data + 2)
    with (
        pytest.raises(LoadError, match="the file has 3 band\\(s\\), the document asks for band 4"),
        RasterioDataSource(band((tmp_path / "multi.tif").as_uri(), band=4)).open(),
    ):
        pass


def test_missing_and_corrupt_files_name_the_dataset(tmp_path: Path, data: np.ndarray) -> None:
    missing = band((tmp_path / "nope.tif").as_uri())
    with (
        pytest.raises(LoadError, match="cannot open band 'b' of dataset 'd-1' \\(file://.*nope.tif\\)"),
        RasterioDataSource(missing).open(),
    ):
        pass
    write_tif(tmp_path / "cut.tif", data)
    whole = (tmp_path / "cut.tif").read_bytes()
    (tmp_path / "cut.tif").write_bytes(whole[: len(whole) // 2])
    with (
        RasterioDataSource(band((tmp_path / "cut.tif").as_uri())).open() as rdr,
        pytest.raises(LoadError, match="cannot read band 'b' of dataset 'd-1'"),
    ):
        rdr.read()


def test_gdal_options() -> None:
    opts = gdal_options(
        "s3", {"s3_endpoint": "http://127.0.0.1:9000", "s3_region": "ap-southeast-2", "s3_unsigned": "true"}
    )
    assert opts["AWS_S3_ENDPOINT"] == "127.0.0.1:9000"
    assert opts["AWS_HTTPS"] == "NO" and opts["AWS_VIRTUAL_HOSTING"] == "FALSE"
    assert opts["AWS_REGION"] == "ap-southeast-2" and opts["AWS_NO_SIGN_REQUEST"] == "YES"
    assert opts["GDAL_DISABLE_READDIR_ON_OPEN"] == "EMPTY_DIR"
    # Remote reads always time out rather than wait forever; storage options override it.
    assert opts["GDAL_HTTP_TIMEOUT"] == "60" and opts["GDAL_HTTP_CONNECTTIMEOUT"] == "10"
    assert gdal_options("https", {"gdal_gdal_http_timeout": "5"})["GDAL_HTTP_TIMEOUT"] == "5"
    assert gdal_options("s3", {"s3_endpoint": "minio.example.org"})["AWS_HTTPS"] == "YES"
    assert gdal_options("file", {"s3_endpoint": "http://x", "gdal_gdal_cachemax": "512"}) == {
        "GDAL_CACHEMAX": "512"
    }


class _RangeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with HTTP Range support (what GDAL's /vsicurl/ needs)."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        rng = self.headers.get("Range")
        if rng:
            start_s, end_s = rng.removeprefix("bytes=").split("-")
            start, end = int(start_s), min(int(end_s or len(body) - 1), len(body) - 1)
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(body)}")
            body = body[start : end + 1]
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(path.stat().st_size))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()

    def handler(*args: object) -> _RangeHandler:
        return _RangeHandler(*args, directory=str(root))  # type: ignore[arg-type]

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def test_reads_over_http(http_root: tuple[str, Path], data: np.ndarray) -> None:
    url, root = http_root
    write_tif(root / "a.tif", data, overviews=(2,))
    src = reader_driver("http", "GeoTIFF").new_datasource(band(f"{url}/a.tif"))
    with src.open() as rdr:
        assert rdr.shape == (64, 48)
        np.testing.assert_array_equal(rdr.read(((16, 32), (0, 16))), data[16:32, :16])
    with (
        pytest.raises(LoadError, match="cannot open band 'b'.*missing.tif"),
        RasterioDataSource(band(f"{url}/missing.tif")).open(),
    ):
        pass


def test_silent_server_times_out_instead_of_hanging() -> None:
    # A socket that accepts connections (in its backlog) but never answers.
    import socket
    import time

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        port = sock.getsockname()[1]
        b = BandInfo(
            "b", f"http://127.0.0.1:{port}/a.tif", "uint16", 0, format="GeoTIFF", dataset_id="d-1",
            storage_options=(("gdal_gdal_http_max_retry", "0"), ("gdal_gdal_http_timeout", "1")),
        )  # fmt: skip
        t0 = time.perf_counter()
        with (
            pytest.raises(LoadError, match="cannot open band 'b' of dataset 'd-1'"),
            RasterioDataSource(b).open(),
        ):
            pass
        assert time.perf_counter() - t0 < 10
    finally:
        sock.close()
