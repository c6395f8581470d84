"""The Datacube takes ODC's call forms: app=/config=/raw_config=, list_products, list_measurements, like=, ds.geobox."""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pytest
from affine import Affine
from odc.geo.geobox import GeoBox

from terracube import Datacube
from terracube.api._connect import application_name
from terracube.errors import ConfigError, QueryError

from .conftest import CRS, tile_gbox

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

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
         "load": {"crs": "EPSG:3577", "resolution": {"x": 25, "y": -25}},
         "measurements": [{"name": "water", "dtype": "uint8", "nodata": 1, "units": "1",
                           "flags_definition": {"wet": {"bits": 7, "values": {"0": False, "1": True}}}}]}
    )  # fmt: skip
    cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00")
    cube.add(tile_gbox(1, 0), "2021-01-02T00:00:00")
    dc = cube.dc
    products = dc.list_products()
    assert isinstance(products, pd.DataFrame)
    assert list(products.columns) == ["name", "description", "license", "default_crs", "default_resolution"]
    assert list(products.index) == ["albers", "ls"]
    assert products.loc["albers", "default_crs"] == "EPSG:3577"
    assert products.loc["albers", "default_resolution"] == (-25, 25)
    assert products.loc["albers", "license"] == "CC-BY-4.0" and pd.isna(products.loc["ls", "default_crs"])
    counted = dc.list_products(dataset_count=True)
    assert counted["dataset_count"].to_dict() == {"albers": 0, "ls": 2}
    assert dc.list_products(with_pandas=False)[1]["name"] == "ls"
    measurements = dc.list_measurements()
    assert list(measurements.index.names) == ["product", "measurement"]
    assert list(measurements.index) == [("albers", "water"), ("ls", "red"), ("ls", "swir")]
    assert {"name", "dtype", "units", "nodata", "aliases", "flags_definition"} <= set(measurements.columns)
    assert measurements.loc[("ls", "red"), "aliases"] == ["band_4"]
    assert np.isnan(measurements.loc[("ls", "swir"), "nodata"])
    assert measurements.loc[("albers", "water"), "flags_definition"]["wet"]["bits"] == 7
    assert dc.list_measurements(with_pandas=False)[0]["measurement"] == "water"


# --- finding and loading ----------------------------------------------------------------------


def test_find_datasets_predicate_limit_and_metadata(cube: Cube) -> None:
    a = cube.add(tile_gbox(0, 0), "2021-01-01T00:00:00", properties={"eo:cloud_cover": 10.0})
    cube.add(tile_gbox(0, 0), "2021-02-01T00:00:00", properties={"eo:cloud_cover": 80.0})
    dc = cube.dc
    found = dc.find_datasets(product="ls", time=("2021-01-01", "2021-01-31"))
    assert [d.id for d in found] == [a.dataset.id]
    assert len(list(dc.find_datasets_lazy(product="ls"))) == 2
    md = found[0].metadata
    assert md.cloud_cover == 10.0 and md.search_fields["cloud_cover"] == 10.0
    assert md.fields["id"] == a.dataset.id and md.time.begin.year == 2021
    with pytest.raises(AttributeError, match=r"dataset metadata has no field 'colour'; fields: \["):
        _ = md.colour
    clear = dc.load("ls", measurements=["red"], dataset_predicate=lambda d: d.metadata.cloud_cover < 50)
    assert clear.sizes["time"] == 1
    np.testing.assert_array_equal(clear.red.values[0], a.red)
    assert dc.load("ls", measurements=["red"], limit=1).sizes["time"] == 1


def test_loaded_data_has_odc_geo_properties(cube: Cube) -> None:
    gbox = tile_gbox(0, 0)
    cube.add(gbox, "2021-01-01T00:00:00")
    ds = cube.dc.load("ls")
    assert ds.geobox == gbox and ds.red.geobox == gbox
    assert ds.crs == CRS and ds.red.crs.epsg == 32755
    assert ds.affine == gbox.transform
    assert ds.extent == gbox.extent
    ds.red.isel(time=0).values  # noqa: B018 (still plain data)


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
