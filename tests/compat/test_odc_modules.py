"""ODC's older and smaller modules notebooks import: helpers, storage, drivers, utils.dates/rio, index.hl, not-offered names."""

from __future__ import annotations

import datetime as dt
import importlib
import uuid
from typing import TYPE_CHECKING

import numpy as np
import pytest
import rasterio
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.xr import xr_coords

from terracube.errors import ConfigError, NotOfferedError, QueryError, StorageError, UnsupportedError
from terracube.storage.access import reset_s3_access, s3_access_options

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GBOX = GeoBox((40, 30), Affine(30, 0, 600000, 0, -30, 6000000), "EPSG:32755")


def _loaded(times: int = 1) -> xr.Dataset:
    """Data as dc.load gives it: (time, y, x) with a GeoBox, nodata and units attributes."""
    rng = np.random.default_rng(5)
    dims = ("time", *GBOX.dimensions)
    shape = (times, *GBOX.shape)
    attrs = {"nodata": -999, "units": "1", "crs": "EPSG:32755"}
    return xr.Dataset(
        {
            "red": (dims, rng.integers(0, 3000, shape).astype("int16"), attrs),
            "nir": (dims, rng.integers(0, 6000, shape).astype("int16"), attrs),
        },
        coords={"time": np.arange(times).astype("datetime64[D]").astype("datetime64[ns]"), **xr_coords(GBOX)},
    )


# --- datacube.helpers -------------------------------------------------------------------------


def test_write_geotiff_writes_a_band_per_variable(tmp_path: Path) -> None:
    from terracube.compat.datacube.helpers import write_geotiff

    ds = _loaded(2)
    write_geotiff(tmp_path / "rgb.tif", ds.isel(time=1))  # ODC's call: one time step
    with rasterio.open(tmp_path / "rgb.tif") as f:
        assert (f.count, f.width, f.height, f.dtypes[0]) == (2, 30, 40, "int16")
        assert f.transform == GBOX.transform and f.crs.to_epsg() == 32755
        assert f.nodata == -999 and f.descriptions == ("red", "nir")
        np.testing.assert_array_equal(f.read(2), ds.nir.values[1])
    # ODC 1.7's time_index, a profile override, and one band given as a DataArray
    write_geotiff(
        str(tmp_path / "nir.tif"), ds.nir, profile_override={"nodata": 0, "compress": "deflate"}, time_index=0
    )
    with rasterio.open(tmp_path / "nir.tif") as f:
        assert (f.count, f.nodata, f.compression.name) == (1, 0, "deflate")
        np.testing.assert_array_equal(f.read(1), ds.nir.values[0])
    # No shared nodata attribute: 0, as ODC writes it.
    ndvi = ((ds.nir - ds.red) / (ds.nir + ds.red)).isel(time=0).to_dataset(name="ndvi")
    ndvi["ndvi"].attrs = {}
    write_geotiff(tmp_path / "ndvi.tif", ndvi)
    with rasterio.open(tmp_path / "ndvi.tif") as f:
        assert (f.nodata, f.dtypes[0]) == (0, "float64")


def test_write_geotiff_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    from terracube.compat.datacube.helpers import write_geotiff

    ds = _loaded(2)
    with pytest.raises(StorageError, match=r"variable 'red' also has dims \['time'\]: select one step first"):
        write_geotiff(tmp_path / "x.tif", ds)
    with pytest.raises(StorageError, match=r"one dtype; the variables have \['float32', 'int16'\]"):
        write_geotiff(tmp_path / "x.tif", ds.isel(time=0).assign(nir=ds.nir.isel(time=0).astype("float32")))
    with pytest.raises(StorageError, match="needs data with a GeoBox"):
        write_geotiff(tmp_path / "x.tif", xr.Dataset({"a": (("y", "x"), np.zeros((2, 2)))}))
    assert not (tmp_path / "x.tif").exists()


def test_ga_pq_fuser() -> None:
    from terracube.compat.datacube.helpers import ga_pq_fuser

    valid = 1 << 8
    dest = np.array([0, valid | 0b1011, valid | 0b0110, 0], dtype="uint16")
    src = np.array([valid | 0b0001, valid | 0b0110, 0, 0], dtype="uint16")
    ga_pq_fuser(dest, src)
    # empty dest takes src; both valid: the flags both set; src empty: dest kept
    np.testing.assert_array_equal(dest, [valid | 0b0001, valid | 0b0010, valid | 0b0110, 0])


# --- datacube.storage, datacube.drivers -------------------------------------------------------


def test_storage_masking_is_utils_masking() -> None:
    from terracube.compat.datacube.storage import masking as old
    from terracube.compat.datacube.utils import masking

    for name in masking.__all__:
        assert getattr(old, name) is getattr(masking, name), name
    datacube = importlib.import_module("terracube.compat.datacube")
    assert datacube.storage.masking.make_mask is masking.make_mask


@pytest.mark.parametrize("module", ["drivers.netcdf", "storage.storage"])
def test_write_dataset_to_netcdf(tmp_path: Path, module: str) -> None:
    write = importlib.import_module(f"terracube.compat.datacube.{module}").write_dataset_to_netcdf
    ds = _loaded(2)
    write(ds, tmp_path / "out.nc", global_attributes={"title": "demo"})
    with xr.open_dataset(tmp_path / "out.nc", mask_and_scale=False) as back:
        assert back.attrs["title"] == "demo"
        np.testing.assert_array_equal(back.red.values, ds.red.values)
        assert back.red.attrs["_FillValue"] == -999
    with pytest.raises(StorageError, match="exists already"):
        write(ds, tmp_path / "out.nc")
    with pytest.raises(
        UnsupportedError, match=r"netcdfparams=\{'format': 'NETCDF3_CLASSIC'\}\) is not offered"
    ):
        write(ds, tmp_path / "other.nc", netcdfparams={"format": "NETCDF3_CLASSIC"})


# --- datacube.utils ---------------------------------------------------------------------------


def test_normalise_dt_and_spatial_dims() -> None:
    from terracube.compat.datacube.utils import spatial_dims
    from terracube.compat.datacube.utils.dates import normalise_dt

    assert normalise_dt("2020-01-02T10:00:00+10:00") == dt.datetime(2020, 1, 2)
    assert normalise_dt(dt.datetime(2020, 1, 2, 5, tzinfo=dt.timezone(dt.timedelta(hours=5)))) == dt.datetime(
        2020, 1, 2
    )
    assert normalise_dt(np.datetime64("2020-01-02T03:04:05")) == dt.datetime(2020, 1, 2, 3, 4, 5)
    with pytest.raises(ValueError, match="not an ISO 8601"):
        normalise_dt("yesterday")
    assert spatial_dims(_loaded()) == ("y", "x")


def test_assign_crs_reads_the_datas_crs() -> None:
    from terracube.compat.datacube.utils.geometry import assign_crs

    raw = xr.DataArray(np.zeros((3, 3)), dims=("y", "x"), coords={"y": [3.0, 2.0, 1.0], "x": [1.0, 2.0, 3.0]})
    assert assign_crs(raw.assign_attrs(crs="EPSG:3577")).odc.crs.epsg == 3577  # ODC: crs is optional
    assert assign_crs(raw, crs="EPSG:4326", crs_coord_name="crs_ref").odc.crs.epsg == 4326
    with pytest.raises(QueryError, match=r"found no CRS on the data .*give crs="):
        assign_crs(raw)


@pytest.fixture
def clean_s3_access() -> Iterator[None]:
    reset_s3_access()
    yield
    reset_s3_access()


@pytest.mark.usefixtures("clean_s3_access")
def test_set_default_rio_config(monkeypatch: pytest.MonkeyPatch) -> None:
    from terracube.compat.datacube.utils.rio import set_default_rio_config

    set_default_rio_config(GDAL_HTTP_MAX_RETRY=3)
    assert s3_access_options() == {"gdal_GDAL_HTTP_MAX_RETRY": "3", "s3_cloud_defaults": "false"}
    set_default_rio_config(aws={"aws_unsigned": True, "region_name": "us-west-2"}, cloud_defaults=True)
    assert s3_access_options() == {"s3_unsigned": "true", "s3_region": "us-west-2"}
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-2")
    set_default_rio_config(aws="auto", cloud_defaults=True)  # the environment's credentials and region
    assert s3_access_options() == {}
    with pytest.raises(ConfigError, match=r"does not take \['aws_secret_access_key'\]"):
        set_default_rio_config(aws={"aws_secret_access_key": "x"})
    with pytest.raises(ConfigError, match=r"aws is None, 'auto' or a dict"):
        set_default_rio_config(aws="yes")


# --- datacube.index.hl, datacube.testutils.geom -----------------------------------------------


def test_doc2dataset() -> None:
    from terracube.api import eo3_document
    from terracube.compat.datacube.index.hl import Doc2Dataset
    from terracube.index.memory import MemoryIndex

    index = MemoryIndex()
    index.init_db()
    index.products.add_document(
        {
            "name": "ls",
            "description": "Landsat",
            "metadata_type": "eo3",
            "metadata": {"product": {"name": "ls"}},
            "measurements": [{"name": "red", "dtype": "int16", "nodata": -1, "units": "1"}],
        }
    )
    product = index.products.get_by_name("ls")
    assert product is not None
    doc = eo3_document(product, GBOX, dt.datetime(2021, 1, 1), {"red": {"path": "red.tif"}})
    doc["lineage"] = {"source_ids": {"ard": [str(uuid.uuid4())]}}
    resolver = Doc2Dataset(index)
    ds, err = resolver(doc, "file:///data/ls/odc-metadata.yaml")
    assert err is None and ds is not None and ds.uri == "file:///data/ls/odc-metadata.yaml"
    assert [(c, str(i)) for c, i in ds.source_ids] == [("ard", doc["lineage"]["source_ids"]["ard"][0])]
    bare, _ = Doc2Dataset(index, skip_lineage=True)(doc, None)
    assert bare is not None and not bare.source_ids
    missing, err = resolver({**doc, "product": {"name": "nope"}}, None)
    assert missing is None and "no such product in the index" in (err or "")
    assert Doc2Dataset(index, products=["other"])(doc, None) == (None, "product 'ls' is not one of ['other']")
    assert Doc2Dataset(index, exclude_products=["ls"])(doc, None) == (None, "product 'ls' is excluded")
    with pytest.raises(UnsupportedError, match="eo3 dataset documents only"):
        Doc2Dataset(index, eo3=False)


def test_testutils_geom() -> None:
    from terracube.compat.datacube.testutils.geom import epsg3577, epsg4326

    assert (epsg4326.epsg, epsg3577.epsg) == (4326, 3577)


# --- names terracube does not offer ------------------------------------------------------------


def test_virtual_products_are_not_offered() -> None:
    with pytest.raises(
        NotOfferedError, match=r"virtual products \(datacube.virtual\) are not offered .* dc.load"
    ):
        importlib.import_module("terracube.compat.datacube.virtual")
    with pytest.raises(ImportError, match="datacube.virtual"):  # NotOfferedError is an ImportError
        from terracube.compat.datacube.virtual import catalog_from_file  # type: ignore[attr-defined]  # noqa: F401


@pytest.mark.parametrize(
    ("name", "hint"),
    [("GridWorkflow", "removed in ODC 1.9"), ("Tile", "GridWorkflow"), ("API", "use datacube.Datacube()")],
)
def test_removed_classes_import_and_refuse_use(name: str, hint: str) -> None:
    # Modules that import them without using them (CEOS's data access helpers do) still load.
    cls = getattr(importlib.import_module("terracube.compat.datacube.api"), name)
    with pytest.raises(UnsupportedError, match=hint):
        cls(None)
    with pytest.raises(UnsupportedError, match=hint):
        _ = cls.list_cells
    assert not hasattr(cls, "_partialmethod")  # introspection sees a plain class
