"""The s3aio writer and reader on local disk and on a moto S3 server, checked against numpy."""

from __future__ import annotations

import json
import pickle
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.xr import xr_coords

from terracube.drivers import reader_driver, writer_driver
from terracube.errors import LoadError, StorageError
from terracube.storage.bands import BandInfo, DataSource, RasterReader
from terracube.storage.s3aio import S3AIODataSource, S3AIOReaderDriver, S3AIOWriterDriver
from terracube.storage.s3aio._location import band_location, unit_location, unit_name
from terracube.storage.testing import MOTO_CREDENTIALS

if TYPE_CHECKING:
    from pathlib import Path

GBOX = GeoBox((45, 70), Affine(10, 0, 500000, 0, -10, 7000000), "EPSG:32633")
TIMES = np.array(["2022-01-01T10:00", "2022-01-11T10:00", "2022-01-21T10:00"], dtype="datetime64[ns]")


def _dataset(seed: int = 0) -> xr.Dataset:
    rng = np.random.default_rng(seed)
    dims = ("time", *GBOX.dimensions)
    red = rng.integers(1, 4000, (3, *GBOX.shape)).astype("uint16")
    temp = rng.random((3, *GBOX.shape)).astype("float32")
    temp[1, 3:7, 9:12] = np.nan
    return xr.Dataset(
        {
            "red": (dims, red, {"nodata": 0, "units": "1"}),
            "temp": (dims, temp, {"nodata": float("nan"), "units": "K"}),
        },
        coords={"time": TIMES, **xr_coords(GBOX)},
    )


def _band(stored: dict[str, Any], uri: str, name: str, step: int, **options: str) -> BandInfo:
    st = stored[name]
    tr = GBOX.transform
    return BandInfo(
        name, uri + st["path"], "uint16" if name == "red" else "float32", 0 if name == "red" else float("nan"),
        band=step + 1, crs="EPSG:32633", transform=(tr.a, tr.b, tr.c, tr.d, tr.e, tr.f), shape=GBOX.shape,
        format="aio", driver_data=st["driver_data"], dataset_id=f"d-{step}",
        storage_options=tuple(sorted(options.items())),
    )  # fmt: skip


def _write(writer: S3AIOWriterDriver, location: str, **config: Any) -> tuple[str, dict[str, Any]]:
    uri = writer.mk_uri(location, config)
    return uri, dict(writer.write_dataset_to_storage(_dataset(), uri, storage_config=config))


def test_entry_points() -> None:
    assert isinstance(writer_driver("s3aio"), S3AIOWriterDriver)
    assert isinstance(writer_driver("aio"), S3AIOWriterDriver)
    assert isinstance(reader_driver("file", "aio"), S3AIOReaderDriver)
    assert isinstance(reader_driver("s3", "aio"), S3AIOReaderDriver)


@pytest.mark.parametrize("codec", ["raw", "zstd"])
def test_round_trip_on_local_disk(tmp_path: Path, codec: str) -> None:
    data = _dataset()
    uri, stored = _write(
        S3AIOWriterDriver(), str(tmp_path / "Unit_One"), chunks={"y": 16, "x": 32}, codec=codec
    )
    assert uri == (tmp_path / "unit-one").as_uri() + "/"
    assert sorted(p.name for p in (tmp_path / "unit-one").iterdir()) == ["red", "temp"]
    layout = stored["red"]["driver_data"]
    assert layout["bucket"] == "unit-one" and layout["array"] == "red"
    header = layout["header"]
    assert header["shape"] == [3, 45, 70] and header["chunks"] == [1, 16, 32]
    assert header["dtype"] == "<u2" and header["codec"]["name"] == codec and header["fill_value"] == 0
    assert header["dims"] == ["time", "y", "x"]
    json.dumps(stored)  # the document part is plain JSON
    for step in range(3):
        for name in ("red", "temp"):
            src = S3AIOReaderDriver().new_datasource(_band(stored, uri, name, step))
            assert isinstance(src, DataSource)
            with src.open() as rdr:
                assert isinstance(rdr, RasterReader)
                assert rdr.shape == GBOX.shape and rdr.transform == GBOX.transform
                assert rdr.dtype == data[name].dtype.name
                np.testing.assert_array_equal(rdr.read(), data[name].values[step])
                np.testing.assert_array_equal(
                    rdr.read(((5, 40), (17, 69))), data[name].values[step, 5:40, 17:69]
                )


def test_window_reads_only_its_chunks(tmp_path: Path) -> None:
    data = _dataset()
    uri, stored = _write(S3AIOWriterDriver(), str(tmp_path / "unit1"), chunks={"y": 16, "x": 32})
    chunks = tmp_path / "unit1" / "red" / "c"
    # Remove every chunk of step 1 but grid cell (1, 1, 0): rows 16-31, columns 0-31.
    for f in chunks.iterdir():
        if f.name.startswith("1.") and f.name != "1.1.0":
            f.unlink()
    with S3AIODataSource(_band(stored, uri, "red", 1)).open() as rdr:
        np.testing.assert_array_equal(rdr.read(((18, 30), (4, 31))), data.red.values[1, 18:30, 4:31])
        with pytest.raises(LoadError, match=r"band 'red' of dataset 'd-1'.*red/c/1\.0\.0"):
            rdr.read()


def test_reduced_resolution_reads(tmp_path: Path) -> None:
    data = _dataset()
    uri, stored = _write(S3AIOWriterDriver(), str(tmp_path / "unit1"), chunks={"y": 16, "x": 16})
    red = data.red.values[0]
    with S3AIODataSource(_band(stored, uri, "red", 0)).open() as rdr:
        # Whole factors: pixel centres, rows and columns read with a stride.
        np.testing.assert_array_equal(rdr.read(((0, 44), (0, 70)), (11, 35)), red[2:44:4, 1:70:2])
        # Other factors: nearest pixel centres.
        got = rdr.read(None, (10, 20))
        rows = np.floor((np.arange(10) + 0.5) * 4.5).astype(int)
        cols = np.floor((np.arange(20) + 0.5) * 3.5).astype(int)
        np.testing.assert_array_equal(got, red[np.ix_(rows, cols)])
        avg = rdr.read(((0, 44), (0, 70)), (22, 35), resampling="average")
        want = red[:44, :70].reshape(22, 2, 35, 2).astype("float64").mean(axis=(1, 3))
        assert np.abs(avg - want).max() <= 1  # GDAL rounds integer averages
        out = np.zeros((22, 35), "float64")
        assert rdr.read(((0, 44), (0, 70)), (22, 35), out=out) is out
        np.testing.assert_array_equal(out, red[1:44:2, 1:70:2])


def test_out_of_a_wider_dtype_and_non_contiguous(tmp_path: Path) -> None:
    data = _dataset()
    uri, stored = _write(S3AIOWriterDriver(), str(tmp_path / "unit1"))
    big = np.zeros((60, 80), "uint16")
    with S3AIODataSource(_band(stored, uri, "red", 2)).open() as rdr:
        rdr.read(((10, 30), (20, 60)), out=big[5:25, 30:70])
        wide = np.zeros((20, 40), "int64")
        rdr.read(((10, 30), (20, 60)), out=wide)
    np.testing.assert_array_equal(big[5:25, 30:70], data.red.values[2, 10:30, 20:60])
    np.testing.assert_array_equal(wide, data.red.values[2, 10:30, 20:60])
    assert big[:5].sum() == 0 and big[:, :30].sum() == 0


def test_data_source_pickles_and_reads_anywhere(tmp_path: Path) -> None:
    data = _dataset()
    uri, stored = _write(S3AIOWriterDriver(), str(tmp_path / "unit1"))
    src = pickle.loads(pickle.dumps(S3AIODataSource(_band(stored, uri, "temp", 1))))
    with src.open() as rdr:
        np.testing.assert_array_equal(rdr.read(), data.temp.values[1])


def test_a_moved_folder_stays_readable(tmp_path: Path) -> None:
    data = _dataset()
    _, stored = _write(S3AIOWriterDriver(), str(tmp_path / "a" / "unit1"))
    (tmp_path / "a").rename(tmp_path / "b")
    moved = (tmp_path / "b" / "unit1").as_uri() + "/"
    with S3AIODataSource(_band(stored, moved, "red", 0)).open() as rdr:
        np.testing.assert_array_equal(rdr.read(), data.red.values[0])


def test_never_overwrites_and_leaves_nothing_on_failure(tmp_path: Path) -> None:
    writer = S3AIOWriterDriver()
    uri, _ = _write(writer, str(tmp_path / "unit1"))
    with pytest.raises(StorageError, match="exists already"):
        writer.write_dataset_to_storage(_dataset(), uri)
    bad = _dataset().assign(red=lambda d: d.red.isel(time=0))  # a 2-d band
    with pytest.raises(StorageError, match="band 'red' has dims \\('y', 'x'\\)"):
        writer.write_dataset_to_storage(bad, writer.mk_uri(str(tmp_path / "unit2"), {}))
    assert not (tmp_path / "unit2").exists()
    with pytest.raises(StorageError, match="unknown s3aio variable_params \\['zlib'\\]"):
        writer.write_dataset_to_storage(_dataset(), uri, variable_params={"red": {"zlib": True}})
    with pytest.raises(StorageError, match="chunk sizes must be positive integers"):
        writer.write_dataset_to_storage(
            _dataset(), writer.mk_uri(str(tmp_path / "unit3"), {}), storage_config={"chunks": {"x": 0}}
        )
    assert not (tmp_path / "unit3").exists()
    writer.delete_dataset_from_storage(uri, {})
    assert not (tmp_path / "unit1").exists()


def test_per_band_chunks_and_codec(tmp_path: Path) -> None:
    writer = S3AIOWriterDriver()
    uri = writer.mk_uri(str(tmp_path / "unit1"), {})
    stored = writer.write_dataset_to_storage(
        _dataset(), uri,
        variable_params={"temp": {"chunksizes": [3, 8, 8], "codec": "zstd", "attrs": {"long_name": "surface temperature"}}},
    )  # fmt: skip
    assert stored["temp"]["driver_data"]["attrs"] == {"long_name": "surface temperature"}
    assert "attrs" not in stored["red"]["driver_data"]
    assert stored["temp"]["driver_data"]["header"]["chunks"] == [3, 8, 8]
    assert stored["temp"]["driver_data"]["header"]["codec"]["name"] == "zstd"
    assert stored["red"]["driver_data"]["header"]["chunks"] == [1, 45, 70]


def test_document_errors_name_the_band(tmp_path: Path) -> None:
    uri, stored = _write(S3AIOWriterDriver(), str(tmp_path / "unit1"))
    band = _band(stored, uri, "red", 0)
    no_layout = BandInfo("red", band.uri, "uint16", 0, format="aio", dataset_id="d-9")
    with pytest.raises(LoadError, match="dataset 'd-9'.*no s3aio layout"), S3AIODataSource(no_layout).open():
        pass
    far = BandInfo(
        "red", band.uri, "uint16", 0, band=7, format="aio", driver_data=band.driver_data, dataset_id="d-9"
    )
    with (
        pytest.raises(LoadError, match="time step 7 of array 'red', which has 3"),
        S3AIODataSource(far).open(),
    ):
        pass
    elsewhere = BandInfo("red", (tmp_path / "x" / "red").as_uri(), "uint16", 0, format="aio",
                         driver_data=band.driver_data, dataset_id="d-9")  # fmt: skip
    with (
        pytest.raises(LoadError, match="does not end with the recorded bucket and array 'unit1/red'"),
        S3AIODataSource(elsewhere).open(),
    ):
        pass


def test_corrupt_chunk_names_band_and_chunk(tmp_path: Path) -> None:
    uri, stored = _write(S3AIOWriterDriver(), str(tmp_path / "unit1"), chunks={"y": 16, "x": 32})
    chunk = tmp_path / "unit1" / "temp" / "c" / "0.0.0"
    chunk.write_bytes(chunk.read_bytes()[:100])
    with (
        S3AIODataSource(_band(stored, uri, "temp", 0)).open() as rdr,
        pytest.raises(LoadError, match=r"band 'temp' of dataset 'd-0'.*temp/c/0\.0\.0"),
    ):
        rdr.read()


def test_locations() -> None:
    assert unit_name("S2_ARD_20200101T000000_" + "x" * 60) == "00-" + "x" * 60
    assert len(unit_name("S2_ARD_20200101T000000_" + "x" * 60)) <= 63
    loc = unit_location("s3://bkt/some/prefix/unit/")
    assert (loc.root, loc.bucket, loc.array("red")) == (None, "bkt", "some/prefix/unit/red")
    loc = unit_location("file:///data/cube/unit-1/")
    assert (loc.root, loc.bucket, loc.array("red")) == ("/data/cube", "unit-1", "red")
    with pytest.raises(StorageError, match="not a valid name"):
        unit_location("file:///data/cube/Bad_Name/")
    with pytest.raises(StorageError, match="s3:// or file://"):
        unit_location("https://example.org/unit/")
    assert band_location("s3://other/p/u/red", "bkt", "q/u/red") == (None, "other", "p/u/red")
    assert band_location("file:///d/c/unit-1/red", "unit-1", "red") == ("/d/c", "unit-1", "red")
    with pytest.raises(StorageError, match="s3aio writes to s3:// URIs or local folders"):
        S3AIOWriterDriver().mk_uri("https://example.org/x", {})


# --- S3 (moto) ----------------------------------------------------------------------------------


@pytest.fixture
def moto_bucket(moto_endpoint: str, boto3_client: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh bucket on the session's moto server; credentials in the environment."""
    for var in ("TERRACUBE_S3_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", MOTO_CREDENTIALS["access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", MOTO_CREDENTIALS["secret_access_key"])
    bucket = f"aio-{uuid.uuid4().hex[:10]}"
    boto3_client.create_bucket(Bucket=bucket)
    return bucket


def test_round_trip_on_s3(moto_endpoint: str, moto_bucket: str, boto3_client: Any) -> None:
    data = _dataset()
    writer = S3AIOWriterDriver()
    opts = {"s3_endpoint": moto_endpoint, "s3_region": "us-east-1"}
    uri = writer.mk_uri(f"s3://{moto_bucket}/cube/unit", opts)
    assert uri == f"s3://{moto_bucket}/cube/unit/"
    stored = writer.write_dataset_to_storage(data, uri, storage_config={**opts, "chunks": {"y": 16, "x": 32}})
    keys = [o["Key"] for o in boto3_client.list_objects_v2(Bucket=moto_bucket)["Contents"]]
    assert "cube/unit/red/header.json" in keys and "cube/unit/temp/c/2.2.2" in keys
    assert stored["red"]["driver_data"]["array"] == "cube/unit/red"
    with S3AIODataSource(_band(dict(stored), uri, "temp", 1, **opts)).open() as rdr:
        np.testing.assert_array_equal(rdr.read(), data.temp.values[1])
        np.testing.assert_array_equal(rdr.read(((20, 40), (33, 66))), data.temp.values[1, 20:40, 33:66])
    with pytest.raises(StorageError, match="exists already"):
        writer.write_dataset_to_storage(data, uri, storage_config=opts)
    writer.delete_dataset_from_storage(uri, stored, storage_config=opts)
    assert "Contents" not in boto3_client.list_objects_v2(Bucket=moto_bucket)
    with pytest.raises(StorageError, match="bucket 'no-such-bucket-here' .* does not exist"):
        writer.write_dataset_to_storage(data, "s3://no-such-bucket-here/u/", storage_config=opts)


def test_missing_chunk_on_s3_names_it(moto_endpoint: str, moto_bucket: str, boto3_client: Any) -> None:
    writer = S3AIOWriterDriver()
    opts = {"s3_endpoint": moto_endpoint}
    uri = f"s3://{moto_bucket}/u/"
    stored = writer.write_dataset_to_storage(_dataset(), uri, storage_config={**opts, "chunks": {"y": 16}})
    boto3_client.delete_object(Bucket=moto_bucket, Key="u/red/c/0.1.0")
    with S3AIODataSource(_band(dict(stored), uri, "red", 0, **opts)).open() as rdr:
        rdr.read(((0, 16), (0, 70)))
        with pytest.raises(LoadError, match=r"band 'red' of dataset 'd-0'.*u/red/c/0\.1\.0"):
            rdr.read()


def test_missing_optional_packages_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec

    def without(name: str, *args: Any) -> Any:
        return None if name in ("obstore", "zstandard") else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without)
    writer = S3AIOWriterDriver()
    with pytest.raises(
        StorageError, match=r"s3aio on S3 needs the obstore package: pip install 'terracube\[s3\]'"
    ):
        writer.write_dataset_to_storage(_dataset(), "s3://bucket/unit/")
    uri = writer.mk_uri(str(tmp_path / "unit1"), {})
    with pytest.raises(StorageError, match="the 'zstd' codec needs the zstandard package"):
        writer.write_dataset_to_storage(_dataset(), uri, storage_config={"codec": "zstd"})
    assert not (tmp_path / "unit1").exists()
    # Local disk, raw: neither is needed.
    stored = writer.write_dataset_to_storage(_dataset(), uri)
    with S3AIODataSource(_band(dict(stored), uri, "red", 0)).open() as rdr:
        np.testing.assert_array_equal(rdr.read(), _dataset().red.values[0])
