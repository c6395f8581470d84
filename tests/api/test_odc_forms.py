"""The Datacube takes ODC's call forms: app=/config=/raw_config=, list_products, list_measurements, like=, ds.geobox."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pytest
from affine import Affine
from odc.geo.geobox import GeoBox

from terracube import Datacube
from terracube.api import eo3_document
from terracube.api._connect import application_name
from terracube.errors import ConfigError, LoadError, QueryError

from .conftest import CRS, tile_gbox, write_tif

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from terracube.model import Dataset, Product

    from .conftest import Cube

PG = os.environ.get("TERRACUBE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


# --- connecting -------------------------------------------------------------------------------


def _ini(path: Path, db: Path) -> Path:
    path.write_text(f"[default]\ndb_url: sqlite:///{db}\n\n[other]\ndb_url: sqlite:///{db}.other\n")
    return path


def test_config_forms(tmp_path: Path) -> None:
    conf = _ini(tmp_path / "cube.conf", tmp_path / "index.db")
    with Datacube(config=str(conf), app="notebook") as dc:
        assert dc.index.path == str(tmp_path / "index.db")
    with Datacube(config=[tmp_path / "missing.conf", conf], env="other") as dc:
        assert dc.index.path == str(tmp_path / "index.db.other")
    with Datacube(raw_config=conf.read_text(), env="other", app="x") as dc:
        assert dc.index.path.endswith("index.db.other")
    with pytest.raises(ConfigError, match=r"none of the configuration files \["):
        Datacube(config=[tmp_path / "a.conf", tmp_path / "b.conf"])
    with pytest.raises(ConfigError, match=r"not both"):
        Datacube(config=str(conf), raw_config="[default]\ndb_url: memory://\n")


def test_index_excludes_the_other_forms(cube: Cube) -> None:
    with pytest.raises(ValueError, match=r"give either index= or app=, not both"):
        Datacube(index=cube.index, app="notebook")
    with pytest.raises(TypeError, match=r"app must be a string"):
        Datacube(app=5, raw_config="[default]\ndb_url: memory://\n")  # type: ignore[arg-type]


def test_application_name() -> None:
    assert application_name("my notebook: NDVI/2") == "my-notebook-NDVI-2 terracube"
    assert application_name("") == "terracube"
    long = application_name("x" * 100)
    assert len(long) == 63 and long.endswith(" terracube")


@pytest.fixture
def pg_db() -> Iterator[str]:
    import psycopg

    name = f"tc_app_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG.rsplit('/', 1)[0]}/{name}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_app_is_the_postgres_application_name(pg_db: str) -> None:
    with Datacube(raw_config=f"[default]\ndb_url: {pg_db}\n", app="flood mapping") as dc:
        dc.index.init_db()
        with dc.index.engine.connect() as conn:
            from sqlalchemy import text

            names = conn.execute(
                text("SELECT application_name FROM pg_stat_activity WHERE datname = current_database()")
            ).scalars()
            assert "flood-mapping terracube" in set(names)


# --- listing ----------------------------------------------------------------------------------


def test_list_products_and_measurements(cube: Cube) -> None:
    cube.index.products.add_document(
        {"name": "albers", "metadata_type": "eo3", "description": "On a grid", "license": "CC-BY-4.0",
         "metadata": {"product": {"name": "albers"}},
         "load": {"crs": "EPSG:3577", "resolution": {"x": 25, "y": -25}},
         "measurements": [{"name": "water", "dtype": "uint8", "nodata": 1, "units": "1",
                           "flags_definition": {"wet": {"bits": 7, "values": {"0": False, "1": True}}}}]}
    )  # fmt: skip
    cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    cube.add(tile_gbox(1, 0), "2021-01-02T00:00:00")
    dc = cube.dc
    products = dc.list_products()
    assert isinstance(products, pd.DataFrame)
    assert list(products.columns) == [
        "name", "description", "license", "default_crs", "default_resolution",  # ODC's columns
        "crs", "resolution", "tile_size", "spatial_dimensions",  # and ODC's before 1.8.4
    ]  # fmt: skip
    assert list(products.index) == ["albers", "ls"]
    assert products.loc["albers", "default_crs"] == "EPSG:3577"
    assert products.loc["albers", "default_resolution"] == (-25, 25)
    assert products.loc["albers", "license"] == "CC-BY-4.0" and pd.isna(products.loc["ls", "default_crs"])
    counted = dc.list_products(dataset_count=True)
    assert counted["dataset_count"].to_dict() == {"albers": 0, "ls": 2}
    assert dc.list_products(with_pandas=False)[1]["name"] == "ls"
    assert pd.isna(products.loc["albers", "crs"])  # the older columns read the storage section only
    measurements = dc.list_measurements()
    assert list(measurements.index.names) == ["product", "measurement"]
    assert list(measurements.index) == [("albers", "water"), ("ls", "red"), ("ls", "swir")]
    assert {"name", "dtype", "units", "nodata", "aliases", "flags_definition"} <= set(measurements.columns)
    assert measurements.loc[("ls", "red"), "aliases"] == ["band_4"]
    assert np.isnan(measurements.loc[("ls", "swir"), "nodata"])
    assert measurements.loc[("albers", "water"), "flags_definition"]["wet"]["bits"] == 7
    assert dc.list_measurements(with_pandas=False)[0]["measurement"] == "water"


def test_measurements_read_as_odcs_dicts(cube: Cube) -> None:
    # Older notebooks read a product's bands as ODC's Measurement dicts: the valid bit of a
    # pixel-quality band for a fuser, or a band's flags copied onto derived data before masking.
    from terracube.api.masking import make_mask

    cube.index.products.add_document(
        {"name": "pq", "description": "Pixel quality", "metadata_type": "eo3", "metadata": {"product": {"name": "pq"}},
         "measurements": [{"name": "pixelquality", "dtype": "uint16", "nodata": 0, "units": "1",
                           "spectral_definition": {"wavelength": [1], "response": [1]},
                           "flags_definition": {"contiguous": {"bits": 8, "values": {"0": False, "1": True}}}}]}
    )  # fmt: skip
    band = cube.dc.index.products.get_by_name("pq").measurements["pixelquality"]
    valid_bit = band["flags_definition"]["contiguous"]["bits"]
    assert valid_bit == 8 and band["nodata"] == 0 and band["dtype"] == "uint16"
    assert "flags_definition" in band and "aliases" not in band and band.get("aliases", []) == []
    assert dict(band)["spectral_definition"] == {"wavelength": [1], "response": [1]}
    assert list(band) == band.keys() and len(band) == len(band.items()) == len(band.values())
    swir = cube.product.measurements["swir"]
    assert np.isnan(swir["nodata"]) and cube.product.measurements["red"]["aliases"] == ["band_4"]
    with pytest.raises(KeyError, match=r"measurement 'swir' has no 'flags_definition'; it has \["):
        _ = swir["flags_definition"]
    import xarray as xr

    derived = xr.DataArray(np.array([[0x100, 0]], "uint16"), dims=("y", "x"))
    derived.attrs["flags_definition"] = band["flags_definition"]
    assert make_mask(derived, contiguous=True).values.tolist() == [[True, False]]


def test_list_products_has_odcs_older_columns(cube: Cube) -> None:
    # Before 1.8.4, ODC listed each search field the product metadata sets and its storage grid.
    cube.index.products.add_document(
        {"name": "ls8", "description": "Landsat 8", "metadata_type": "eo3",
         "metadata": {"product": {"name": "ls8"}, "properties": {"eo:platform": "landsat-8", "eo:instrument": "OLI"}},
         "storage": {"crs": "EPSG:4326", "resolution": {"longitude": 0.00025, "latitude": -0.00025},
                     "tile_size": {"longitude": 1, "latitude": 1}},
         "measurements": [{"name": "red", "dtype": "int16", "nodata": -999, "units": "1"}]}
    )  # fmt: skip
    products = cube.dc.list_products()
    assert list(products.columns)[5:] == [
        "instrument",
        "platform",
        "crs",
        "resolution",
        "tile_size",
        "spatial_dimensions",
    ]
    row = products.loc["ls8"]
    assert (row.platform, row.instrument, row.crs) == ("landsat-8", "OLI", "EPSG:4326")
    assert row.spatial_dimensions == ("latitude", "longitude")
    assert pd.isna(products.loc["ls", "platform"])  # a product that sets no platform
    # CEOS' and DEA's notebooks filter on them.
    assert list(products[products.platform == "landsat-8"].name) == ["ls8"]


# --- finding and loading ----------------------------------------------------------------------


def test_find_datasets_predicate_limit_and_metadata(cube: Cube) -> None:
    a = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00", properties={"eo:cloud_cover": 10.0})
    cube.add(tile_gbox(0, 0), "2021-02-01T00:00:00", properties={"eo:cloud_cover": 80.0})
    dc = cube.dc
    found = dc.find_datasets(product="ls", time=("2021-01-01", "2021-01-31"))
    assert [d.id for d in found] == [a.dataset.id]
    assert len(list(dc.find_datasets_lazy(product="ls"))) == 2
    # ODC's Dataset.bounds: the footprint's bounding box in the dataset's CRS.
    left, bottom, right, top = found[0].bounds
    assert (left, bottom, right, top) == tuple(tile_gbox(0, 0).extent.boundingbox)
    assert found[0].bounds.crs == CRS
    md = found[0].metadata
    assert md.cloud_cover == 10.0 and md.search_fields["cloud_cover"] == 10.0
    assert md.fields["id"] == str(a.dataset.id) and md.time.begin.year == 2021  # as the document writes it
    with pytest.raises(AttributeError, match=r"has no field 'colour'; its fields are \["):
        _ = md.colour
    clear = dc.load("ls", measurements=["red"], dataset_predicate=lambda d: d.metadata.cloud_cover < 50)
    assert clear.sizes["time"] == 1
    np.testing.assert_array_equal(clear.red.values[0], a.red)
    assert dc.load("ls", measurements=["red"], limit=1).sizes["time"] == 1


def test_find_datasets_takes_a_load_query(cube: Cube) -> None:
    # Notebooks build one query for dc.load and pass it to find_datasets (and helpers such as a
    # most-common-CRS finder do): ODC's search leaves the load options aside.
    a = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    cube.add(tile_gbox(0, 0), "2021-03-01T00:00:00")
    query = {
        "x": (600300, 600900), "y": (5999100, 5999700), "crs": CRS, "time": ("2021-01", "2021-02"),
        "measurements": ["red"], "output_crs": CRS, "resolution": (-30, 30), "group_by": "solar_day",
    }  # fmt: skip
    assert [d.id for d in cube.dc.find_datasets(product="ls", **query)] == [a.dataset.id]
    assert cube.dc.load(product="ls", **query).sizes["time"] == 1
    with pytest.raises(
        QueryError, match=r"dask_chunks, resampling are options of load\(\), not search terms"
    ):
        cube.dc.find_datasets(product="ls", dask_chunks={"time": 1}, resampling="bilinear", **query)
    # ODC's id= search term: one id or several, with the other terms.
    by_id = cube.dc.load(product="ls", id=str(a.dataset.id), measurements=["red"])
    np.testing.assert_array_equal(by_id.red.values[0], a.red)
    assert cube.dc.find_datasets(product="ls", id=[a.dataset.id], time="2021-03") == []
    with pytest.raises(QueryError, match=r"id= takes dataset ids \(UUIDs\), not 'x'"):
        cube.dc.find_datasets(product="ls", id="x")


def test_find_datasets_lazy_filters(cube: Cube) -> None:
    a = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00", properties={"eo:cloud_cover": 10.0})
    cube.add(tile_gbox(0, 0), "2021-02-01T00:00:00", properties={"eo:cloud_cover": 80.0})
    clear = cube.dc.find_datasets_lazy(product="ls", dataset_predicate=lambda d: d.metadata.cloud_cover < 50)
    assert [d.id for d in clear] == [a.dataset.id]
    assert len(list(cube.dc.find_datasets_lazy(product="ls", ensure_location=True))) == 2
    unlocated = cube.index.datasets.from_doc(
        {**a.dataset.metadata_doc, "id": str(uuid.uuid4())}, uri=None
    )  # the same grid, no location
    cube.index.datasets.add(unlocated)
    assert len(cube.dc.find_datasets(product="ls")) == 3
    assert len(list(cube.dc.find_datasets_lazy(product="ls", ensure_location=True))) == 2


def test_like_loaded_data_gives_its_time_range(cube: Cube) -> None:
    # As in ODC: like=<loaded data> without time= loads the times of that data's range only.
    jan = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    cube.add(tile_gbox(0, 0), "2021-01-11T00:00:00")
    cube.add(tile_gbox(0, 0), "2021-03-01T00:00:00")
    first = cube.dc.load("ls", measurements=["red"], time=("2021-01-01", "2021-01-20"))
    assert first.sizes["time"] == 2
    again = cube.dc.load("ls", measurements=["swir"], like=first)
    assert list(again.time.values) == list(first.time.values)
    one = first.isel(time=0)  # a scalar time coordinate
    assert cube.dc.load("ls", measurements=["red"], like=one).sizes["time"] == 1
    assert [d.id for d in cube.dc.find_datasets(product="ls", like=one)] == [jan.dataset.id]
    # time= wins over like's range; a GeoBox has no time.
    assert cube.dc.load("ls", measurements=["red"], like=first, time="2021-03").sizes["time"] == 1
    assert cube.dc.load("ls", measurements=["red"], like=first.odc.geobox).sizes["time"] == 3
    with pytest.raises(QueryError, match="like= gives the region; leave out"):
        cube.dc.find_datasets(product="ls", like=first, lat=(-36, -35), lon=(147, 148))


def test_fuse_func_per_band_and_default_resampling(cube: Cube) -> None:
    # Two overlapping scenes on one solar day: fuse_func may differ by band, as in ODC 1.8.
    a = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    b = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:05")

    def take_max(dest: np.ndarray, src: np.ndarray) -> None:
        np.maximum(dest, src, out=dest)

    ds = cube.dc.load("ls", group_by="solar_day", fuse_func={"red": take_max}, resampling=None)
    np.testing.assert_array_equal(ds.red.values[0], np.maximum(a.red, b.red))
    np.testing.assert_array_equal(ds.swir.values[0], a.swir)  # "*" not given: first valid wins
    both = cube.dc.load("ls", group_by="solar_day", fuse_func={"*": take_max, "swir": None})
    np.testing.assert_array_equal(both.red.values[0], np.maximum(a.red, b.red))
    np.testing.assert_array_equal(both.swir.values[0], a.swir)
    with pytest.raises(QueryError, match=r"fuse_func names bands that are not loaded: \['nir'\]"):
        cube.dc.load("ls", group_by="solar_day", fuse_func={"nir": take_max})
    with pytest.raises(QueryError, match=r"fuse_func for 'red' must be a function"):
        cube.dc.load("ls", group_by="solar_day", fuse_func={"red": "max"})


def _sensor(cube: Cube, name: str, red_band: str, dtype: str = "uint16") -> Product:
    """A product whose red band has a sensor's own name, with ``red`` as its alias."""
    return cube.index.products.add_document({
        "name": name, "description": f"{name} surface reflectance", "metadata_type": "eo3",
        "metadata": {"product": {"name": name}},
        "measurements": [
            {"name": "SR_B1", "dtype": "uint16", "nodata": 0, "units": "1"},
            {"name": red_band, "dtype": dtype, "nodata": 0, "units": "1", "aliases": ["red"]},
        ],
    })  # fmt: skip


def _scene(cube: Cube, product: Product, time: str, bands: dict[str, int]) -> Dataset:
    gbox = tile_gbox(0, 0)
    folder = cube.root / f"{product.name}-{time}"
    folder.mkdir()
    for band, value in bands.items():
        write_tif(folder / f"{band}.tif", np.full(gbox.shape, value, dtype="uint16"), gbox, nodata=0)
    doc = eo3_document(
        product, gbox, dt.datetime.fromisoformat(time), {b: {"path": f"{b}.tif"} for b in bands}
    )
    return cube.index.datasets.add(cube.index.datasets.from_doc(doc, uri=(folder / "m.yaml").as_uri()))


def test_datasets_of_several_products_load_together(cube: Cube) -> None:
    """A helper finds the datasets of each sensor's product and loads them in one call."""
    ls7, ls8 = _sensor(cube, "ls7_sr", "SR_B3"), _sensor(cube, "ls8_sr", "SR_B4")
    _scene(cube, ls7, "2020-01-01", {"SR_B1": 1, "SR_B3": 73})
    _scene(cube, ls8, "2020-01-09", {"SR_B1": 2, "SR_B3": 83, "SR_B4": 84})
    found = [*cube.dc.find_datasets(product="ls7_sr"), *cube.dc.find_datasets(product="ls8_sr")]
    ds = cube.dc.load(datasets=found, measurements=["red"], group_by="solar_day")
    assert ds.red.dtype == "uint16" and ds.red.attrs["nodata"] == 0
    # each dataset's own red band: SR_B3 of ls7, SR_B4 (not SR_B3) of ls8
    assert ds.red.values[:, 0, 0].tolist() == [73, 84]
    same = cube.dc.load(product=["ls7_sr", ls8], measurements=["red", "SR_B1"])
    assert same.red.values[:, 0, 0].tolist() == [73, 84] and same.SR_B1.values[:, 0, 0].tolist() == [1, 2]
    assert cube.dc.load(product=("ls8_sr",), measurements=["red"]).sizes["time"] == 1
    with pytest.raises(
        QueryError,
        match=r"'ls7_sr' and 'ls8_sr' cannot be loaded together: .*no measurement or alias 'SR_B3'",
    ):
        cube.dc.load(datasets=found)  # all of ls7's bands by name: ls8 has no SR_B3 band
    with pytest.raises(QueryError, match=r"product=\[\] names no product"):
        cube.dc.load(product=[])


def test_products_loaded_together_need_the_same_dtype(cube: Cube) -> None:
    ls7, other = _sensor(cube, "ls7_sr", "SR_B3"), _sensor(cube, "other_sr", "SR_B4", dtype="int16")
    _scene(cube, ls7, "2020-01-01", {"SR_B1": 1, "SR_B3": 73})
    _scene(cube, other, "2020-01-09", {"SR_B1": 2, "SR_B4": 84})
    with pytest.raises(
        QueryError, match=r"'red' is uint16 with nodata 0 in the first and int16 with nodata 0"
    ):
        cube.dc.load(product=["ls7_sr", "other_sr"], measurements=["red"])
    assert cube.dc.load(product=["ls7_sr", "other_sr"], measurements=["SR_B1"]).sizes["time"] == 2


def test_no_measurements_loads_the_grid_and_times(cube: Cube) -> None:
    """``measurements=[]``: the extent and dates of the data, without reading a pixel."""
    cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(1, 0), "2020-01-09")
    ds = cube.dc.load("ls", measurements=[])
    assert list(ds.data_vars) == []
    assert dict(ds.sizes) == {"time": 2, "y": 64, "x": 128}
    assert ds.odc.geobox == cube.dc.load("ls").odc.geobox
    assert ds.time.values.astype("datetime64[D]").astype(str).tolist() == ["2020-01-01", "2020-01-09"]


def test_per_band_mappings_may_name_bands_not_loaded(cube: Cube) -> None:
    """One resampling mapping serves loads of different bands, as helper functions pass it."""
    cube.add(tile_gbox(0, 0), "2020-01-01")
    per_band = {"*": "bilinear", "swir": "nearest", "band_4": "average"}
    ds = cube.dc.load("ls", measurements=["red"], output_crs="EPSG:3577", resolution=40, resampling=per_band)
    assert list(ds.data_vars) == ["red"]
    with pytest.raises(
        QueryError, match=r"not loaded: \['oa_fmask'\]; the product's bands are \['red', 'swir'\]"
    ):
        cube.dc.load("ls", measurements=["red"], resampling={"*": "bilinear", "oa_fmask": "nearest"})
    with pytest.raises(QueryError, match=r"unknown resampling 'nearst' for 'swir'"):
        cube.dc.load("ls", measurements=["red"], resampling={"swir": "nearst"})
    with pytest.raises(QueryError, match=r"fuse_func for 'swir' must be a function"):
        cube.dc.load("ls", measurements=["red"], fuse_func={"swir": "max"})


def test_patch_url_rewrites_each_files_url(cube: Cube, tmp_path: Path) -> None:
    # ODC's patch_url (planetary_computer.sign_url, say): a function of each file's URL.
    scene = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    moved = tmp_path / "elsewhere"
    scene.folder.rename(moved)
    seen: list[str] = []

    def patch(url: str) -> str:
        seen.append(url)
        return url.replace(scene.folder.as_uri(), moved.as_uri())

    with pytest.raises(Exception, match="red.tif"):
        cube.dc.load("ls", measurements=["red"])
    ds = cube.dc.load("ls", measurements=["red", "swir"], patch_url=patch)
    np.testing.assert_array_equal(ds.red.values[0], scene.red)
    assert sorted(u.rsplit("/", 1)[1] for u in seen) == ["red.tif", "swir.tif"]
    lazy = cube.dc.load("ls", measurements=["red"], patch_url=patch, dask_chunks={})
    np.testing.assert_array_equal(lazy.red.values[0], scene.red)
    with pytest.raises(LoadError, match=r"patch_url\(.*red.tif'\) gave None, not a URL string"):
        cube.dc.load("ls", measurements=["red"], patch_url=lambda u: None)


def test_loaded_data_has_odc_geo_properties(cube: Cube) -> None:
    gbox = tile_gbox(0, 0)
    cube.add(gbox, "2021-01-01T00:00:00")
    ds = cube.dc.load("ls")
    assert ds.geobox == gbox and ds.red.geobox == gbox
    assert ds.crs == CRS and ds.red.crs.epsg == 32755
    assert ds.affine == gbox.transform
    assert ds.extent == gbox.extent
    # ODC 1.8's attributes: the dataset's and each band's CRS, as notebooks read them
    assert ds.attrs == {"crs": CRS, "grid_mapping": "spatial_ref"} and ds.red.attrs["crs"] == CRS
    assert cube.dc.load("ls", dask_chunks={}).attrs["crs"] == CRS
    ds.red.isel(time=0).values  # noqa: B018 (still plain data)


def test_geobox_is_none_on_data_without_one(cube: Cube) -> None:
    # A rasterizing helper builds an array on a loaded band's coordinates, then asks
    # `if out.geobox is None:` to decide whether to attach the CRS itself, as ODC allowed.
    import xarray as xr
    from odc.geo.xr import assign_crs

    cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    band = cube.dc.load("ls", measurements=["red"]).red.isel(time=0)
    burned = xr.DataArray(
        np.ones(band.shape, "uint8"), coords=[band.y.values, band.x.values], dims=["y", "x"], name="burned"
    )
    assert burned.geobox is None and burned.extent is None and burned.affine is None
    with pytest.raises(AttributeError, match="crs"):
        _ = burned.crs  # no CRS property, as xarray says for an attribute it does not have
    burned = assign_crs(burned, str(band.crs))
    assert burned.geobox == band.geobox and burned.affine == band.affine
    # A variable or attribute of that name is still what xarray gives.
    table = xr.Dataset({"extent": ("row", [1, 2])}, attrs={"affine": "a"})
    assert list(table.extent.values) == [1, 2] and table.affine == "a" and table.geobox is None


class Odc18GeoBox:
    """The shape of an ODC 1.8 GeoBox: width, height, affine and a CRS with ``crs_str``."""

    class Crs:
        crs_str = CRS

    def __init__(self, gbox: GeoBox) -> None:
        self.width, self.height = gbox.shape.x, gbox.shape.y
        self.affine = gbox.transform
        self.crs = self.Crs()


class Tile:
    """Something holding a GeoBox in ``.geobox`` (as ODC's tiles and loaded data do)."""

    def __init__(self, geobox: Any) -> None:
        self.geobox = geobox


@pytest.mark.parametrize("wrap", [lambda g: g, Odc18GeoBox, Tile, lambda g: Tile(Odc18GeoBox(g))])
def test_like_accepts_anything_with_a_geobox(cube: Cube, wrap: Any) -> None:
    scene = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    target = GeoBox((32, 16), Affine(30, 0, 600000 + 16 * 30, 0, -30, 6000000 - 8 * 30), CRS)
    ds = cube.dc.load("ls", measurements=["red"], like=wrap(target))
    assert ds.odc.geobox == target
    np.testing.assert_array_equal(ds.red.values[0], scene.red[8:40, 16:32])
    again = cube.dc.load("ls", measurements=["red"], like=ds)
    assert again.odc.geobox == target


def test_like_that_cannot_be_read_is_an_error(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    with pytest.raises(QueryError, match=r"like= needs something with a GeoBox: .*got builtins.dict"):
        cube.dc.load("ls", like={"crs": CRS})
    with pytest.raises(QueryError, match=r"got .*Tile"):
        cube.dc.load("ls", like=Tile(None))
    import xarray as xr

    with pytest.raises(QueryError, match=r"got xarray.core.dataset.Dataset"):
        cube.dc.load("ls", like=xr.Dataset({"a": ("x", [1])}))
