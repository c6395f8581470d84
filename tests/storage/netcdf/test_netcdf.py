"""The netcdf writer and reader: CF files, windowed and reduced-resolution reads, clear errors."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

import netCDF4
import numpy as np
import pytest
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.xr import xr_coords

from terracube.drivers import reader_driver, writer_driver
from terracube.errors import LoadError, StorageError
from terracube.storage.bands import BandInfo, resample
from terracube.storage.netcdf import NetCDFDataSource, NetCDFWriterDriver, write_dataset_to_netcdf

if TYPE_CHECKING:
    from pathlib import Path

GBOX = GeoBox((40, 60), Affine(25, 0, 300000, 0, -25, 6000000), "EPSG:32756")
TIMES = np.array(["2022-06-01T01:00", "2022-06-17T01:00"], dtype="datetime64[ns]")


def _dataset() -> xr.Dataset:
    rng = np.random.default_rng(5)
    dims = ("time", *GBOX.dimensions)
    red = rng.integers(1, 5000, (2, *GBOX.shape)).astype("int16")
    red[1, :4, :4] = -999
    temp = rng.random((2, *GBOX.shape)).astype("float32")
    return xr.Dataset(
        {
            "red": (dims, red, {"nodata": -999, "units": "1"}),
            "temp": (dims, temp, {"nodata": float("nan"), "units": "K"}),
        },
        coords={"time": TIMES, **xr_coords(GBOX)},
    )


def _band(path: Path, name: str, step: int, **kw: Any) -> BandInfo:
    tr = GBOX.transform
    return BandInfo(
        name, path.as_uri(), "int16" if name == "red" else "float32", -999 if name == "red" else float("nan"),
        band=step + 1, layer=name, crs="EPSG:32756", transform=(tr.a, tr.b, tr.c, tr.d, tr.e, tr.f),
        shape=GBOX.shape, format="NetCDF", dataset_id=f"d-{step}", **kw,
    )  # fmt: skip


@pytest.fixture
def nc_file(tmp_path: Path) -> Path:
    path = tmp_path / "unit.nc"
    write_dataset_to_netcdf(_dataset(), path, global_attributes={"title": "test"})
    return path


def test_cf_file(nc_file: Path) -> None:
    with netCDF4.Dataset(nc_file) as nc:
        assert nc.Conventions.startswith("CF-") and nc.title == "test"
        red = nc.variables["red"]
        assert red.dimensions == ("time", "y", "x") and red.grid_mapping == "spatial_ref"
        assert red._FillValue == -999 and red.units == "1"
        assert red.filters()["zlib"] is True
        assert (
            "32756" in nc.variables["spatial_ref"].crs_wkt
            or "UTM zone 56S" in nc.variables["spatial_ref"].crs_wkt
        )
        assert nc.variables["time"].units.startswith("seconds since 1970")
    back = xr.open_dataset(nc_file, mask_and_scale=False)
    np.testing.assert_array_equal(back.red.values, _dataset().red.values)
    np.testing.assert_allclose(back.x.values, GBOX.coords["x"].values)
    back.close()


def test_reads_every_step_and_window(nc_file: Path) -> None:
    data = _dataset()
    src = reader_driver("file", "NetCDF").new_datasource(_band(nc_file, "red", 1))
    src = pickle.loads(pickle.dumps(src))
    with src.open() as rdr:
        assert rdr.shape == GBOX.shape and rdr.transform == GBOX.transform and rdr.nodata == -999
        np.testing.assert_array_equal(rdr.read(), data.red.values[1])
        np.testing.assert_array_equal(rdr.read(((3, 33), (10, 59))), data.red.values[1, 3:33, 10:59])
        out = np.zeros((30, 49), "int32")
        assert rdr.read(((3, 33), (10, 59)), out=out) is out
        np.testing.assert_array_equal(out, data.red.values[1, 3:33, 10:59])


def test_reduced_resolution_reads_resample(nc_file: Path) -> None:
    temp = _dataset().temp.values[0]
    with NetCDFDataSource(_band(nc_file, "temp", 0)).open() as rdr:
        near = rdr.read(None, (20, 30))
        np.testing.assert_array_equal(near, temp[1::2, 1::2])
        avg = rdr.read(None, (20, 30), resampling="average")
        np.testing.assert_allclose(avg, temp.reshape(20, 2, 30, 2).mean(axis=(1, 3)), rtol=1e-5)


def test_resample_helper() -> None:
    a = np.arange(64, dtype="float32").reshape(8, 8)
    np.testing.assert_array_equal(resample(a, (4, 4)), a[1::2, 1::2])
    np.testing.assert_allclose(resample(a, (2, 2), "average"), a.reshape(2, 4, 2, 4).mean(axis=(1, 3)))
    with pytest.raises(LoadError, match="unknown resampling 'smooth'"):
        resample(a, (2, 2), "smooth")


def test_missing_and_corrupt_files_name_the_dataset(nc_file: Path, tmp_path: Path) -> None:
    gone = tmp_path / "gone.nc"
    with (
        pytest.raises(LoadError, match=r"cannot open band 'red' of dataset 'd-0' \(file://.*gone\.nc\)"),
        NetCDFDataSource(_band(gone, "red", 0)).open(),
    ):
        pass
    bad = tmp_path / "bad.nc"
    bad.write_bytes(b"CDF\x01 not really")
    with (
        pytest.raises(LoadError, match="cannot open band 'red' of dataset 'd-0'.*bad.nc"),
        NetCDFDataSource(_band(bad, "red", 0)).open(),
    ):
        pass
    nir = BandInfo(
        "nir", nc_file.as_uri(), "int16", -999, band=1, layer="nir", format="NetCDF", dataset_id="d-0"
    )
    with pytest.raises(LoadError, match="the file has no variable 'nir'"), NetCDFDataSource(nir).open():
        pass
    with (
        pytest.raises(LoadError, match="has 2 step\\(s\\) along 'time', the document asks for band 5"),
        NetCDFDataSource(_band(nc_file, "red", 4)).open(),
    ):
        pass


def test_writer_driver(tmp_path: Path) -> None:
    writer = writer_driver("netcdf")
    assert isinstance(writer, NetCDFWriterDriver) and writer.format == "NetCDF"
    uri = writer.mk_uri(str(tmp_path / "a.nc"), {})
    assert uri == (tmp_path / "a.nc").as_uri()
    stored = writer.write_dataset_to_storage(_dataset(), uri, variable_params={"temp": {"complevel": 9}})
    assert stored == {"red": {"path": "a.nc", "layer": "red"}, "temp": {"path": "a.nc", "layer": "temp"}}
    with pytest.raises(StorageError, match="exists already"):
        writer.write_dataset_to_storage(_dataset(), uri)
    with pytest.raises(StorageError, match="local files"):
        writer.write_dataset_to_storage(_dataset(), "s3://bucket/a.nc")
    writer.delete_dataset_from_storage(uri, stored)
    assert not (tmp_path / "a.nc").exists()
