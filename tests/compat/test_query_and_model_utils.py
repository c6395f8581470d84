"""``datacube.api.query`` and ``datacube.model.utils`` as helper packages use them.

A helper computes the mean sun angles of each solar day of a query (``query_group_by``,
``dc.group_datasets``, ``xr_apply``), and another counts datasets with
``index.datasets.count(**Query(**query).search_terms)``.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING

import numpy as np
import pytest
import rasterio
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox

from terracube import Datacube
from terracube.api import eo3_document
from terracube.errors import QueryError
from terracube.index.memory import MemoryIndex

if TYPE_CHECKING:
    from pathlib import Path

# Two neighbouring scenes of one pass (16:00 and 16:01 UTC on 1 Jan is 2 Jan in eastern Australia)
# and a scene of a later pass.
GBOX_A = GeoBox((32, 32), Affine(30, 0, 600000, 0, -30, 6000000), "EPSG:32755")
GBOX_B = GeoBox((32, 32), Affine(30, 0, 600960, 0, -30, 6000000), "EPSG:32755")
SCENES = [
    (GBOX_A, "2021-01-01T16:00:00", 10.0),
    (GBOX_B, "2021-01-01T16:01:00", 20.0),
    (GBOX_A, "2021-01-17T16:00:00", 40.0),
]
PRODUCT = {
    "name": "ard",
    "description": "Surface reflectance",
    "metadata_type": "eo3",
    "metadata": {"product": {"name": "ard"}},
    "measurements": [{"name": "red", "dtype": "int16", "nodata": -999, "units": "1"}],
}


@pytest.fixture
def dc(tmp_path: Path) -> Datacube:
    index = MemoryIndex()
    index.init_db()
    product = index.products.add_document(PRODUCT)
    for i, (gbox, time, cloud) in enumerate(SCENES):
        folder = tmp_path / f"scene{i}"
        folder.mkdir()
        profile = {
            "driver": "GTiff", "width": 32, "height": 32, "count": 1, "dtype": "int16", "crs": str(gbox.crs),
            "transform": gbox.transform, "nodata": -999,
        }  # fmt: skip
        with rasterio.open(folder / "red.tif", "w", **profile) as f:
            f.write(np.full((32, 32), i + 1, dtype="int16"), 1)
        doc = eo3_document(
            product, gbox, dt.datetime.fromisoformat(time), {"red": {"path": "red.tif"}},
            properties={"eo:cloud_cover": cloud},
        )  # fmt: skip
        index.datasets.add(index.datasets.from_doc(doc, uri=(folder / "odc-metadata.yaml").as_uri()))
    return Datacube(index=index)


def _lonlat_query() -> dict[str, object]:
    box = GBOX_A.extent.to_crs("EPSG:4326").boundingbox
    return {"x": (box.left, box.right + 0.01), "y": (box.bottom, box.top), "time": ("2021-01", "2021-01")}


def test_mean_metadata_per_solar_day(dc: Datacube) -> None:
    from terracube.compat.datacube.api.query import query_group_by
    from terracube.compat.datacube.model.utils import xr_apply

    query = {"product": "ard", **_lonlat_query(), "group_by": "solar_day", "measurements": ["red"]}
    gb = query_group_by(**query)
    assert gb.dimension == "time" and repr(gb) == "GroupBy('solar_day')"
    datasets = dc.find_datasets(**query)
    grouped = dc.group_datasets(datasets, gb)
    cloud = xr_apply(grouped, lambda t, dd: np.mean([d.metadata.cloud_cover for d in dd]), dtype=float)
    assert cloud.dims == ("time",)
    assert cloud.values.tolist() == [15.0, 40.0]  # the two scenes of one pass are one step
    assert cloud.time.values[0] == np.datetime64("2021-01-01T16:00:00", "ns")
    # the same grouping as the load's own
    loaded = dc.load(**query)
    assert loaded.sizes["time"] == 2
    assert dc.load(**{**query, "group_by": gb}).sizes["time"] == 2


def test_group_by_time_and_functions(dc: Datacube) -> None:
    from terracube.compat.datacube.api.query import query_group_by, solar_day

    datasets = dc.find_datasets(product="ard")
    assert len(dc.group_datasets(datasets, query_group_by())) == 3
    assert len(dc.group_datasets(datasets, query_group_by(group_by="time", x=(1, 2)))) == 3
    by_month = query_group_by(group_by=lambda d: d.center_time.month)
    assert len(dc.group_datasets(datasets, by_month)) == 1
    assert query_group_by(group_by=by_month) is by_month
    first = min(datasets, key=lambda d: d.center_time)
    assert solar_day(first) == np.datetime64("2021-01-02")
    assert solar_day(first, longitude=0.0) == np.datetime64("2021-01-01")
    with pytest.raises(QueryError, match=r"group_by='day' is not understood"):
        query_group_by(group_by="day")


def test_query_reads_a_load_query(dc: Datacube) -> None:
    from terracube.compat.datacube.api.query import Query

    q = Query(product="ard", **_lonlat_query(), measurements=["red"], output_crs="EPSG:3577", resolution=30)
    assert q.product == "ard"
    assert q.geopolygon is not None and q.geopolygon.crs == "EPSG:4326"
    assert q.geopolygon.contains(GBOX_A.extent.centroid.to_crs("EPSG:4326"))
    assert set(q.search) == {"time"}
    assert q.search["time"].begin == dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    assert dc.index.datasets.count(**q.search_terms) == 3
    assert dc.index.datasets.count(**Query(product="ard", cloud_cover=(0, 15)).search_terms) == 1
    # the region in another CRS, and a product object
    ext = GBOX_B.extent.boundingbox
    q = Query(product=dc.index.products.get_by_name("ard"), x=(ext.left, ext.right), y=(ext.bottom, ext.top),
              crs="EPSG:32755")  # fmt: skip
    assert q.geopolygon.crs == "EPSG:32755"
    assert q.search_terms["product"] == "ard"
    # settable, as helpers extend it
    q.asset = "x"
    assert q.asset == "x"


def test_query_like_and_geopolygon(dc: Datacube) -> None:
    from terracube.compat.datacube.api.query import Query

    loaded = dc.load(product="ard", time="2021-01-17")
    q = Query(product="ard", like=loaded)
    assert q.geopolygon is not None and q.geopolygon.crs == "EPSG:32755"
    assert dc.index.datasets.count(**q.search_terms) == 1  # the time of `like` too
    q = Query(geopolygon=GBOX_B.extent)
    assert q.geopolygon == GBOX_B.extent
    assert q.product is None and "product" not in q.search_terms


def test_query_refuses_what_it_cannot_search() -> None:
    from terracube.compat.datacube.api.query import Query

    with pytest.raises(QueryError, match=r"dask_chunks is an option of load\(\)"):
        Query(product="ard", dask_chunks={"time": 1})
    with pytest.raises(QueryError, match=r"like= gives the region"):
        Query(like=GBOX_A, x=(1, 2), y=(1, 2))


def test_xr_apply_forms() -> None:
    from terracube.compat.datacube.model.utils import xr_apply

    a = xr.DataArray(np.arange(6).reshape(2, 3), dims=("y", "x"), coords={"y": [0, 1], "x": [10, 20, 30]})
    out = xr_apply(a, lambda labels, v: v + labels["x"], dtype="int64")
    assert out.values.tolist() == [[10, 21, 32], [13, 24, 35]]
    assert list(out.coords) == ["y", "x"]
    idx = xr_apply(a, lambda i, labels, v: i[0] * 100 + i[1], dtype=int, with_numeric_index=True)
    assert idx.values.tolist() == [[0, 1, 2], [100, 101, 102]]
    assert xr_apply([], lambda t, dd: 0, dtype=float).sizes["time"] == 0


def test_attribute_paths_after_import_datacube() -> None:
    datacube = importlib.import_module("terracube.compat.datacube")
    assert datacube.api.query.Query.__name__ == "Query"
    assert callable(datacube.model.utils.xr_apply)
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        datacube.model.nothing  # noqa: B018
