from __future__ import annotations

import datetime as dt
import pickle
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from odc.geo.geom import Geometry, lonlat_bounds

from terracube.errors import DocumentError
from terracube.index.testing import box_geometry, dataset_doc, product_doc
from terracube.model import Dataset, LineageDirection, LineageTree, Product, Range, eo3_metadata_type

PRODUCT = Product.from_doc(product_doc("p1"), eo3_metadata_type())


def test_value_semantics() -> None:
    doc = dataset_doc("p1")
    a = Dataset.from_doc(doc, PRODUCT, uri="file:///a.yaml")
    b = Dataset.from_doc(doc, PRODUCT, uri="file:///a.yaml")
    assert a == b
    assert hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a
    assert a != a.replace(uri="file:///b.yaml")
    assert a != a.replace(archived_time=dt.datetime.now(dt.UTC))
    changed = a.metadata_doc
    changed["properties"]["eo:platform"] = "x"
    assert a.metadata_doc["properties"]["eo:platform"] == "landsat-8"  # copies, not views


def test_lineage_trees_ride_along() -> None:
    a = Dataset.from_doc(dataset_doc("p1"), PRODUCT)
    src = LineageTree(
        LineageDirection.SOURCES, a.id, {"ard": (LineageTree(LineageDirection.SOURCES, uuid.uuid4()),)}
    )
    der = LineageTree(LineageDirection.DERIVED, a.id, {})
    b = a.with_lineage_trees(source_tree=src)
    assert (a.source_tree, a.derived_tree) == (None, None)  # a new value; the old one is unchanged
    assert (b.source_tree, b.derived_tree) == (src, None)
    assert b == a
    assert hash(b) == hash(a)
    c = b.with_lineage_trees(derived_tree=der)
    assert (c.source_tree, c.derived_tree) == (src, der)
    assert c.replace(uri="file:///moved.yaml").source_tree == src
    assert pickle.loads(pickle.dumps(c)).derived_tree == der
    assert c.with_lineage_trees(source_tree=None).source_tree is None


def test_sections() -> None:
    doc = dataset_doc(
        "p1", time=("2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z"), lineage={"ard": [dataset_doc()["id"]]}
    )
    ds = Dataset.from_doc(doc, PRODUCT)
    assert ds.time == Range(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), dt.datetime(2020, 1, 3, tzinfo=dt.UTC))
    assert ds.center_time == dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # properties.datetime when given
    assert ds.format == "GeoTIFF"
    assert ds.creation_dt == dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    assert ds.sources[0][0] == "ard"
    assert ds.crs is not None
    assert ds.crs.epsg == 4326
    assert set(ds.measurements) == {"red", "nir", "fmask"}


def test_footprint_from_grids_when_no_geometry() -> None:
    doc = dataset_doc("p1", lonlat=(10, 20, 11, 21))
    del doc["geometry"]
    ds = Dataset.from_doc(doc, PRODUCT)
    assert ds.extent is not None
    assert ds.lonlat_bounds == pytest.approx((10, 20, 11, 21))


def test_product_name_must_match() -> None:
    with pytest.raises(DocumentError, match="product.name = 'other'"):
        Dataset.from_doc(dataset_doc("other"), PRODUCT)


@settings(max_examples=60, deadline=None)
@given(
    zone=st.integers(1, 60),
    south=st.booleans(),
    x0=st.floats(200_000, 700_000),
    y0=st.floats(1_000_000, 8_000_000),
    w=st.floats(1_000, 200_000),
    h=st.floats(1_000, 200_000),
    clockwise=st.booleans(),
)
def test_lonlat_bounds_match_odc_geo(
    zone: int, south: bool, x0: float, y0: float, w: float, h: float, clockwise: bool
) -> None:
    """The derived lon/lat extent equals odc-geo's lonlat_bounds, in any zone, either winding."""
    crs = f"EPSG:{32700 + zone if south else 32600 + zone}"
    geom = box_geometry(x0, y0, x0 + w, y0 + h, clockwise=clockwise)
    ds = Dataset.from_doc(dataset_doc("p1", crs=crs, geometry=geom), PRODUCT)
    expected = lonlat_bounds(Geometry(geom, crs))
    assert ds.lonlat_bounds == pytest.approx(tuple(expected), abs=1e-9)
    fp = ds.lonlat_footprint
    assert fp is not None
    assert fp.bounds[0] >= -180
    assert fp.bounds[2] <= 180
    lon = ds.search_values()["lon"]
    assert (lon.begin, lon.end) == pytest.approx((expected.left, expected.right), abs=1e-9)
