"""Datacube.write: store and index in one call, eo3 documents, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.xr import xr_coords

from terracube import Datacube
from terracube.errors import DriverNotFoundError, QueryError, StorageError
from terracube.index.memory import MemoryIndex

GBOX = GeoBox((40, 50), Affine(10, 0, 300000, 0, -10, 5000000), "EPSG:32633")
TIMES = np.array(["2021-03-01T10:00:00", "2021-03-11T10:00:00"], dtype="datetime64[ns]")


@pytest.fixture
def dc() -> Datacube:
    index = MemoryIndex()
    index.init_db()
    index.products.add_document(
        {
            "name": "s2",
            "description": "Sentinel-2-like test bands",
            "metadata_type": "eo3",
            "metadata": {"product": {"name": "s2"}, "properties": {"eo:platform": "sentinel-2a"}},
            "measurements": [
                {"name": "nbart_red", "dtype": "int16", "nodata": -999, "units": "1", "aliases": ["red"]},
                {"name": "temp", "dtype": "float32", "nodata": "NaN", "units": "K"},
            ],
        }
    )
    return Datacube(index=index)


def _data(gbox: GeoBox = GBOX, times: Any = TIMES, seed: int = 0) -> xr.Dataset:
    rng = np.random.default_rng(seed)
    shape = (len(times), *gbox.shape)
    red = rng.integers(-100, 3000, shape).astype("int16")
    red[:, :3, :4] = -999
    temp = rng.random(shape).astype("float32") * 300
    temp[-1, 5:9, 5:9] = np.nan
    dims = ("time", *gbox.dimensions)
    return xr.Dataset({"red": (dims, red), "temp": (dims, temp)}, coords={"time": times, **xr_coords(gbox)})


def test_netcdf_round_trip_is_pixel_exact(dc: Datacube, tmp_path: Path) -> None:
    data = _data()
    written = dc.write(
        data, "s2", driver="netcdf", location=str(tmp_path / "out"), properties={"eo:cloud_cover": 3.5}
    )
    assert len(written) == 2
    files = list((tmp_path / "out").iterdir())
    assert len(files) == 1 and files[0].suffix == ".nc"
    assert {d.uri for d in written} == {files[0].as_uri()}
    loaded = dc.load("s2", measurements=["red", "temp"])
    assert loaded.odc.geobox == GBOX
    np.testing.assert_array_equal(loaded.time.values, TIMES)
    np.testing.assert_array_equal(loaded.red.values, data.red.values)
    np.testing.assert_array_equal(loaded.temp.values, data.temp.values)  # NaNs in the same places
    window = dc.load("s2", measurements=["temp"], like=GBOX[10:30, 5:25], dask_chunks={"x": 7, "y": 6})
    np.testing.assert_array_equal(window.temp.values, data.temp.values[:, 10:30, 5:25])


def test_documents_are_complete_eo3(dc: Datacube, tmp_path: Path) -> None:
    (ds, _) = dc.write(
        _data(), "s2", driver="netcdf", location=str(tmp_path), properties={"eo:cloud_cover": 3.5}
    )
    doc = ds.metadata_doc
    assert doc["$schema"] == "https://schemas.opendatacube.org/dataset"
    assert doc["product"] == {"name": "s2"}
    assert doc["crs"] == "epsg:32633"
    assert doc["grids"]["default"] == {
        "shape": [40, 50],
        "transform": [10.0, 0.0, 300000.0, 0.0, -10.0, 5000000.0, 0.0, 0.0, 1.0],
    }
    assert doc["geometry"]["type"] == "Polygon"
    assert ds.extent.area == pytest.approx(400 * 500)
    props = doc["properties"]
    assert props["datetime"] == "2021-03-01T10:00:00Z"
    assert props["odc:file_format"] == "NetCDF"
    assert props["eo:platform"] == "sentinel-2a" and props["eo:cloud_cover"] == 3.5
    name = Path(ds.uri.removeprefix("file://")).name
    assert doc["measurements"] == {
        "nbart_red": {"path": name, "band": 1, "layer": "nbart_red"},
        "temp": {"path": name, "band": 1, "layer": "temp"},
    }
    assert [d.id for d in dc.find_datasets(product="s2", time="2021-03-01", cloud_cover=(0, 5))] == [ds.id]
    lon, lat = GBOX.extent.centroid.to_crs("EPSG:4326").coords[0]
    assert len(dc.find_datasets(product="s2", lat=lat, lon=lon)) == 2


def test_scalar_time_and_explicit_file_and_ids(dc: Datacube, tmp_path: Path) -> None:
    data = _data(times=TIMES[:1]).isel(time=0)
    target = tmp_path / "one.nc"
    (ds,) = dc.write(
        data, "s2", driver="NetCDF CF", location=str(target), ids=["6f0f9c3e-8d8b-4b6e-9a39-1b5a4f0c2d11"]
    )
    assert str(ds.id) == "6f0f9c3e-8d8b-4b6e-9a39-1b5a4f0c2d11"
    assert ds.uri == target.as_uri()
    with pytest.raises(StorageError, match="exists already"):
        dc.write(data, "s2", driver="netcdf", location=str(target))
    assert len(dc.find_datasets(product="s2")) == 1


def test_index_failure_removes_the_file(
    dc: Datacube, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("index is down")

    monkeypatch.setattr(dc.index.datasets, "add_batch", boom)
    with pytest.raises(RuntimeError, match="index is down"):
        dc.write(_data(), "s2", driver="netcdf", location=str(tmp_path / "out"))
    assert list((tmp_path / "out").iterdir()) == []
    monkeypatch.undo()
    assert dc.find_datasets(product="s2") == []


def test_write_failure_indexes_nothing(dc: Datacube, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="unknown netcdf variable_params.*'colour'"):
        dc.write(
            _data(), "s2", driver="netcdf", location=str(tmp_path), variable_params={"temp": {"colour": 1}}
        )
    assert dc.find_datasets(product="s2") == []
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.drop_vars("temp"), "lacks measurements \\['temp'\\]"),
        (lambda d: d.assign(blue=d.temp), "no measurement \\['blue'\\]"),
        (lambda d: d.drop_vars("time").isel(time=0), "no time coordinate"),
        (lambda d: d.drop_vars(["spatial_ref", "x", "y"]), "no GeoBox"),
        (lambda d: d.assign(temp=d.temp.astype("complex64")), "is complex64; product 's2' stores float32"),
        (lambda d: d.assign(red=d.red.astype("int32") * 100), "do not fit int16"),
        (lambda d: d.assign(temp=d.temp.isel(time=0)), "has dims"),
    ],
)
def test_bad_input_is_refused_before_writing(dc: Datacube, tmp_path: Path, change: Any, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        dc.write(change(_data()), "s2", driver="netcdf", location=str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_safe_casts_are_applied(dc: Datacube, tmp_path: Path) -> None:
    data = _data()
    wider = data.assign(temp=data.temp.astype("float64"), red=data.red.astype("int32"))
    dc.write(wider, "s2", driver="netcdf", location=str(tmp_path))
    loaded = dc.load("s2")
    assert loaded.temp.dtype == np.float32
    np.testing.assert_array_equal(loaded.nbart_red.values, data.red.values)


def test_unknown_driver(dc: Datacube, tmp_path: Path) -> None:
    with pytest.raises(DriverNotFoundError, match="no writer driver named 'zarrr'.*'netcdf'"):
        dc.write(_data(), "s2", driver="zarrr", location=str(tmp_path))


def test_geographic_grid(dc: Datacube, tmp_path: Path) -> None:
    gbox = GeoBox.from_bbox((149.0, -36.0, 149.2, -35.9), "EPSG:4326", resolution=0.01)
    data = _data(gbox=gbox)
    (ds, _) = dc.write(data, "s2", driver="netcdf", location=str(tmp_path))
    assert ds.metadata_doc["crs"] == "epsg:4326"
    loaded = dc.load("s2", measurements=["temp"])
    assert loaded.temp.dims == ("time", "latitude", "longitude")
    np.testing.assert_array_equal(loaded.temp.values, data.temp.values)


# --- s3aio ---------------------------------------------------------------------------------------


def test_s3aio_round_trip_and_document(dc: Datacube, tmp_path: Path) -> None:
    data = _data()
    written = dc.write(
        data, "s2", driver="s3aio", location=str(tmp_path), storage_config={"chunks": {"y": 16}}
    )
    (unit,) = tmp_path.iterdir()
    assert sorted(p.name for p in unit.iterdir()) == ["nbart_red", "temp"]
    doc = written[1].metadata_doc
    assert doc["properties"]["odc:file_format"] == "aio"
    assert written[1].uri == unit.as_uri() + "/"
    assert doc["measurements"]["temp"] == {"path": "temp", "band": 2, "layer": "temp"}
    layout = doc["driver_data"]["nbart_red"]
    assert layout["bucket"] == unit.name and layout["array"] == "nbart_red"
    assert layout["header"]["shape"] == [2, 40, 50] and layout["header"]["chunks"] == [1, 16, 50]
    loaded = dc.load("s2", measurements=["red", "temp"])
    np.testing.assert_array_equal(loaded.red.values, data.red.values)
    np.testing.assert_array_equal(loaded.temp.values, data.temp.values)
    # The document alone is enough: a new index with a copy of it reads the same pixels.
    other = MemoryIndex()
    other.init_db()
    other.products.add(dc.index.products.get_by_name("s2"))
    other.datasets.add(other.datasets.from_doc(doc, uri=written[1].uri))
    again = Datacube(index=other).load("s2", measurements=["temp"])
    np.testing.assert_array_equal(again.temp.values[0], data.temp.values[1])


def test_s3aio_index_failure_deletes_the_written_objects(
    dc: Datacube, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("index is down")

    monkeypatch.setattr(dc.index.datasets, "add_batch", boom)
    with pytest.raises(RuntimeError, match="index is down"):
        dc.write(_data(), "s2", driver="s3aio", location=str(tmp_path / "out"))
    assert list((tmp_path / "out").iterdir()) == []
    monkeypatch.undo()
    assert dc.find_datasets(product="s2") == []


def test_s3aio_write_failure_indexes_nothing(dc: Datacube, tmp_path: Path) -> None:
    # The first band is stored, the second is refused: the first is removed again.
    with pytest.raises(StorageError, match="chunk sizes must be positive integers"):
        dc.write(
            _data(), "s2", driver="s3aio", location=str(tmp_path),
            variable_params={"temp": {"chunksizes": [1, 0, 8]}},
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []
    assert dc.find_datasets(product="s2") == []


def test_s3aio_on_s3_all_or_nothing(
    dc: Datacube, moto_endpoint: str, s3_bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import boto3

    s3 = boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1")
    cube = Datacube(index=dc.index, storage_options={"s3_endpoint": moto_endpoint})
    data = _data()

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("index is down")

    with monkeypatch.context() as m:
        m.setattr(dc.index.datasets, "add_batch", boom)
        with pytest.raises(RuntimeError, match="index is down"):
            cube.write(data, "s2", driver="s3aio", location=f"s3://{s3_bucket}/cube")
    assert "Contents" not in s3.list_objects_v2(Bucket=s3_bucket)
    with pytest.raises(StorageError, match="bucket 'not-there-at-all' .* does not exist"):
        cube.write(data, "s2", driver="s3aio", location="s3://not-there-at-all/cube")
    assert dc.find_datasets(product="s2") == []
    written = cube.write(data, "s2", driver="s3aio", location=f"s3://{s3_bucket}/cube")
    assert written[0].uri.startswith(f"s3://{s3_bucket}/cube/s2_20210301T100000_")
    np.testing.assert_array_equal(cube.load("s2").temp.values, data.temp.values)
