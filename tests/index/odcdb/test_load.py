"""``Datacube.load`` straight from an ODC database, and from its clone: the same pixels, NaN nodata kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pytest
import rasterio
from affine import Affine
from odc.geo.geobox import GeoBox

from terracube import Datacube
from terracube.index.odcdb import OdcIndex
from terracube.index.sqlite import SQLiteIndex

if TYPE_CHECKING:
    from pathlib import Path

    from tests.index.conftest import PgServer

RES = 0.01
N = 16  # pixels a side of each wofs_nan dataset (see data/make_odc_data.py)


def water(i: int) -> np.ndarray:
    """The band written for dataset ``w<i>``: distinct values, a NaN diagonal."""
    data = (i * 1000 + np.arange(N * N, dtype="float32")).reshape(N, N)
    data[np.arange(N), np.arange(N)] = np.nan
    return data


@pytest.fixture
def with_files(fresh_odc_url: str, tmp_path: Path, pg_server: PgServer, kind: str) -> str:
    """The ODC database with its wofs_nan datasets moved to real GeoTIFFs under ``tmp_path``."""
    db = fresh_odc_url.rsplit("/", 1)[1]
    for i in range(8):
        folder = tmp_path / f"w{i}"
        folder.mkdir()
        x0, y0 = 149.0 + 0.16 * (i % 4), -35.0 - 0.16 * (i // 4)
        profile = {
            "driver": "GTiff", "width": N, "height": N, "count": 1, "dtype": "float32", "crs": "EPSG:4326",
            "transform": Affine(RES, 0, x0, 0, -RES, y0), "nodata": float("nan"),
        }  # fmt: skip
        with rasterio.open(folder / f"w{i}_water.tif", "w", **profile) as f:
            f.write(water(i), 1)
        old, new = f"///data/wofs/wofs_nan_w{i}/odc-metadata.yaml", f"//{folder}/odc-metadata.yaml"
        table = "agdc.dataset_location" if kind == "postgres" else "odc.dataset"
        pg_server.sql(f"UPDATE {table} SET uri_body = '{new}' WHERE uri_body = '{old}'", db)
    return fresh_odc_url


def assert_loads_the_files(index: object) -> None:
    gbox = GeoBox.from_bbox((149.0, -35.32, 149.64, -35.0), "EPSG:4326", resolution=RES)
    with Datacube(index=index) as dc:
        ds = dc.load(product="wofs_nan", like=gbox)
    assert ds.water.dtype == np.float32 and np.isnan(ds.water.attrs["nodata"])
    assert ds.sizes["time"] == 4 and ds.water.shape[1:] == (32, 64)  # two datasets per day
    for t in range(4):
        for i in (2 * t, 2 * t + 1):
            row, col = N * (i // 4), N * (i % 4)
            got = ds.water.isel(time=t).values[row : row + N, col : col + N]
            np.testing.assert_array_equal(got, water(i))
        other = [k for k in range(8) if k not in (2 * t, 2 * t + 1)]
        for i in other:  # not in this time step: nodata
            row, col = N * (i // 4), N * (i % 4)
            assert np.isnan(ds.water.isel(time=t).values[row : row + N, col : col + N]).all()


def test_load_straight_from_odc_and_from_its_clone(with_files: str, tmp_path: Path, kind: str) -> None:
    odc = OdcIndex.open(with_files)
    assert_loads_the_files(odc)
    copy = SQLiteIndex(tmp_path / "copy.db")
    copy.init_db()
    counts = copy.clone(odc, products=["wofs_nan"])
    assert counts["datasets"].completed == 8
    assert_loads_the_files(copy)
    copy.close()
    odc.close()
