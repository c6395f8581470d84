from __future__ import annotations

import datetime as dt
import pickle
import uuid
from pathlib import Path
from typing import Any

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from odc.geo.geom import Geometry, lonlat_bounds

from terracube.errors import DocumentError
from terracube.index.testing import box_geometry, dataset_doc, product_doc
from terracube.model import Dataset, Grid, LineageDirection, LineageTree, Product, Range, eo3_metadata_type

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


def test_document_kept_as_json_text_until_first_read() -> None:
    doc = dataset_doc("p1")
    a = Dataset.from_doc(doc, PRODUCT, uri="file:///a.yaml")
    text = a.to_json().decode()
    lazy = Dataset._make_json(a.id, PRODUCT, text, a.uri, None, None)
    assert object.__getattribute__(lazy, "_json") == text  # nothing decoded yet
    assert lazy.uri == a.uri and lazy.id == a.id  # index state reads no document
    assert lazy.metadata_doc == a.metadata_doc
    with pytest.raises(AttributeError):
        object.__getattribute__(lazy, "_json")  # decoded once, the text let go
    assert lazy == a
    b = Dataset._make_json(a.id, PRODUCT, text.encode(), a.uri, None, None)
    assert b == a and b.time == a.time and b.extent == a.extent
    assert pickle.loads(pickle.dumps(Dataset._make_json(a.id, PRODUCT, text, a.uri, None, None))) == a
    with pytest.raises(AttributeError, match="no_such"):
        _ = lazy.no_such  # type: ignore[attr-defined]


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
    assert ds.source_ids[0][0] == "ard"
    assert ds.sources is None  # ODC's source datasets are never loaded
    assert ds.crs is not None
    assert ds.crs.epsg == 4326
    assert set(ds.measurements) == {"red", "nir", "fmask"}


def test_grids_bands_and_driver_data_are_read_only_views() -> None:
    doc = dataset_doc("p1")
    doc["grids"]["coarse"] = {"shape": [50, 50], "transform": [0.02, 0.0, 149.0, 0.0, -0.02, -35.0]}
    doc["measurements"]["fmask"]["grid"] = "coarse"
    doc["driver_data"] = {"red": {"codec": "zstd"}}
    ds = Dataset.from_doc(doc, PRODUCT)
    assert dict(ds.grids) == {
        "default": Grid((100, 100), (0.01, 0.0, 149.0, 0.0, -0.01, -35.0)),
        "coarse": Grid((50, 50), (0.02, 0.0, 149.0, 0.0, -0.02, -35.0)),
    }
    assert ds.grids is ds.grids  # parsed once
    assert ds.measurement_doc("fmask") == {"path": "fmask.tif", "grid": "coarse"}
    assert ds.measurement_doc("blue") is None
    assert ds.driver_data["red"] == {"codec": "zstd"}
    with pytest.raises(TypeError):
        ds.grids["other"] = Grid((1, 1), (1.0, 0.0, 0.0, 0.0, -1.0, 0.0))  # type: ignore[index]
    with pytest.raises(TypeError):
        ds.measurement_doc("red")["path"] = "elsewhere.tif"  # type: ignore[index]
    with pytest.raises(TypeError):
        ds.driver_data["nir"] = {}  # type: ignore[index]
    assert pickle.loads(pickle.dumps(ds)).grids == ds.grids
    plain = Dataset.from_doc(dataset_doc("p1"), PRODUCT)
    assert dict(plain.driver_data) == {}


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


# --- many documents at once: the same datasets and errors as one at a time -----------------------


def _footprint_docs() -> list[dict[str, Any]]:
    with_hole = {
        "type": "Polygon",
        "coordinates": [
            [[500000, 6000000], [600000, 6000000], [600000, 6100000], [500000, 6100000], [500000, 6000000]],
            [[510000, 6010000], [520000, 6010000], [520000, 6020000], [510000, 6010000]],
        ],
    }
    two = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[500000, 6000000], [510000, 6000000], [510000, 6010000], [500000, 6000000]]],
            [[[520000, 6000000], [530000, 6000000], [530000, 6010000], [520000, 6000000]]],
        ],
    }
    docs = [
        dataset_doc("p1"),  # lon/lat
        dataset_doc("p1", lonlat=(179.5, -20.0, 180.5, -19.0)),  # lon/lat past 180
        dataset_doc("p1", crs="EPSG:32755", geometry=box_geometry(500000, 6000000, 600000, 6100000)),
        dataset_doc("p1", crs="EPSG:32633", geometry=box_geometry(300000, 4000000, 400000, 4100000)),
        dataset_doc("p1", crs="EPSG:32760", geometry=box_geometry(600000, 5000000, 900000, 5300000)),  # 180
        dataset_doc("p1", crs="EPSG:32755", geometry=with_hole),
        dataset_doc("p1", crs="EPSG:32755", geometry=two),
        dataset_doc("p1", crs="EPSG:32755", geometry=box_geometry(500000, 6000000, 600000, 6100000)),
        dataset_doc("p1", crs=None),
        dataset_doc("p1", time=("2020-01-01T00:00:00Z", "2020-01-03T00:00:00+10:00")),
    ]
    del docs[7]["geometry"]  # the union of its grids
    return docs


def test_from_docs_gives_the_datasets_of_from_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _footprint_docs()
    uris = [f"file:///d/{i}.yaml" for i in range(len(docs))]
    expected = [Dataset.from_doc(d, PRODUCT, uri=u) for d, u in zip(docs, uris, strict=True)]
    # Valid documents take the batch path: never one at a time.
    monkeypatch.setattr(Dataset, "from_doc", classmethod(lambda *a, **k: pytest.fail("one at a time")))
    got = Dataset.from_docs(docs, PRODUCT, uris=uris)
    assert got == expected
    for a, b in zip(got, expected, strict=True):
        assert a.search_values() == b.search_values()
        assert a.lonlat_bounds == b.lonlat_bounds
        assert (a.lonlat_footprint is None) == (b.lonlat_footprint is None)
        if a.lonlat_footprint is not None:
            assert shapely.to_wkb(a.lonlat_footprint) == shapely.to_wkb(b.lonlat_footprint)
            assert shapely.to_wkb(a.extent.geom) == shapely.to_wkb(b.extent.geom)
    assert Dataset.from_docs([], PRODUCT) == []


@pytest.mark.parametrize(
    ("first", "mutate"),
    [
        (1, lambda d: d["properties"].update(datetime="2020-13-45")),
        (
            1,
            lambda d: d.update(
                geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
            ),
        ),
        (1, lambda d: d.update(geometry=box_geometry(0, 100, 1, 101))),  # off the lon/lat range
        (
            1,
            lambda d: d.update(crs="EPSG:32755", geometry=box_geometry(1e8, 1e6, 1e8 + 1, 1e6 + 1)),
        ),  # off the Earth
        (1, lambda d: d["properties"].update({"eo:cloud_cover": "lots"})),
        (1, lambda d: d["product"].update(name="other")),
        (3, lambda d: d.update(id="not-a-uuid")),
    ],
)
def test_from_docs_raises_from_doc_s_error_for_the_first_bad_document(first: int, mutate: Any) -> None:
    docs = _footprint_docs()
    mutate(docs[first])
    docs[5]["properties"]["datetime"] = "later"  # a second bad document: never the one named
    wheres = [f"doc {i}" for i in range(len(docs))]
    with pytest.raises(DocumentError) as expected:
        Dataset.from_doc(docs[first], PRODUCT, where=wheres[first])
    with pytest.raises(DocumentError) as err:
        Dataset.from_docs(docs, PRODUCT, wheres=wheres)
    assert str(err.value) == str(expected.value)
    assert (err.value.field, err.value.doc) == (expected.value.field, f"doc {first}")


def test_from_docs_takes_a_product_per_document() -> None:
    other = Product.from_doc(product_doc("p2"), eo3_metadata_type())
    docs = [dataset_doc("p1"), dataset_doc("p2")]
    assert [d.product.name for d in Dataset.from_docs(docs, [PRODUCT, other])] == ["p1", "p2"]
    with pytest.raises(DocumentError, match="being added to 'p1'"):
        Dataset.from_docs(docs, PRODUCT)
    with pytest.raises(ValueError, match="2 documents need as many products, uris and wheres"):
        Dataset.from_docs(docs, [PRODUCT])


def test_non_finite_numbers_kept_as_odc_stores_them() -> None:
    doc = dataset_doc("p1", properties={"x:none": None, "x:far": float("inf"), "x:gain": [float("nan")]})
    ds = Dataset.from_doc(doc, PRODUCT)
    props = ds.metadata_doc["properties"]
    assert (props["x:gain"], props["x:far"], props["x:none"]) == (["NaN"], "Infinity", None)
    assert b'"x:far":"Infinity"' in ds.to_json()
    assert Dataset.from_doc(ds.metadata_doc, PRODUCT) == ds
    wide = Dataset.from_doc(dataset_doc("p1", properties={"x:count": 2**70}), PRODUCT)
    assert b'"x:count":1180591620717411303424' in wide.to_json()


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_search_field_value_refused(value: float) -> None:
    # ODC stores it, and then no search by cloud cover finds the dataset.
    doc = dataset_doc("p1", cloud_cover=value)
    with pytest.raises(DocumentError, match=r"properties.eo:cloud_cover \(search field 'cloud_cover'\)") as e:
        Dataset.from_doc(doc, PRODUCT)
    assert e.value.field == "properties.eo:cloud_cover"
    with pytest.raises(DocumentError, match="no search by cloud_cover can find"):
        Dataset.from_docs([dataset_doc("p1"), doc], PRODUCT)
    # As an ODC database stores it (a string), it is kept, and is no value of the field.
    stored = Dataset.from_doc(dataset_doc("p1", cloud_cover="NaN"), PRODUCT)
    assert "cloud_cover" not in stored.search_values()


def test_band_grid_the_document_does_not_define() -> None:
    doc = dataset_doc("p1")
    doc["measurements"]["nir"]["grid"] = "g15m"
    assert Dataset.from_doc(doc, PRODUCT).measurements["nir"]["grid"] == "g15m"


def test_fields_as_attributes() -> None:
    doc = dataset_doc("p1", time=("2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"), region_code=None)
    ds = Dataset.from_doc(doc, PRODUCT, uri="file:///data/a%20b/ds.yaml")
    md = ds.metadata
    assert md.cloud_cover == 20.0
    assert md.platform == "landsat-8"
    assert md.region_code is None  # a field the document lacks
    assert md.time == Range(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), dt.datetime(2020, 1, 2, tzinfo=dt.UTC))
    assert md.lon == Range(149.0, 150.0)
    assert md.creation_dt == "2021-01-01T00:00:00Z"  # a standard section, as written
    assert md.label == doc["label"]
    assert md.id == doc["id"]
    assert md.fields["region_code"] is None
    assert md.fields["platform"] == "landsat-8"
    assert md.search_fields["cloud_cover"] == 20.0
    assert md.system_fields["label"] == doc["label"]
    assert md.doc["id"] == doc["id"]
    assert "cloud_cover" in dir(md)
    assert "format" in dir(md)
    with pytest.raises(AttributeError, match=r"has no field 'colour'; its fields are \["):
        _ = md.colour
    with pytest.raises(AttributeError, match="read-only"):
        md.platform = "x"


def test_odc_s_other_names() -> None:
    ds = Dataset.from_doc(dataset_doc("p1"), PRODUCT, uri="file:///data/a%20b/ds.yaml")
    assert ds.type is ds.product
    assert ds.is_eo3
    assert ds.metadata_type is PRODUCT.metadata_type
    assert ds.local_uri == "file:///data/a%20b/ds.yaml"
    assert ds.local_path == Path("/data/a b/ds.yaml")
    remote = ds.replace(uri="s3://bucket/ds.yaml")
    assert (remote.local_uri, remote.local_path) == (None, None)
    assert ds.replace(uri=None).local_path is None
    assert ds.replace(uri="file://host/share/ds.yaml").local_path is None
    assert ds.uris == ["file:///data/a%20b/ds.yaml"] and remote.uris == ["s3://bucket/ds.yaml"]
    assert ds.replace(uri=None).uris == []


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"x:none": None},  # a null: the exact path
        {"x:nan": float("nan"), "x:inf": float("-inf")},
        {"x:text": "says :null and [null"},  # looks like a null to the quick check only
        {"x:count": 2**70},  # beyond orjson
        {"x:when": dt.datetime(2020, 1, 2, 3, 4, 5)},  # written as text
        {"x:id": uuid.UUID(int=7)},
        {"x:slash": "a\\u0000b"},  # a backslash, not a NUL
    ],
)
def test_stored_json_and_shipping_keep_the_document(extra: dict[str, Any]) -> None:
    from terracube.model._docs import doc_json, jsonify

    doc = dataset_doc("p1", properties=extra)
    ds = Dataset.from_doc(doc, PRODUCT, uri="file:///d/x.yaml")
    assert ds.metadata_doc["properties"] == {**ds.metadata_doc["properties"], **jsonify(extra)}
    assert ds.to_json() == doc_json(ds.metadata_doc)
    (many,) = Dataset.from_docs([doc], PRODUCT, uris=["file:///d/x.yaml"])
    assert many.to_json() == ds.to_json()
    shipped = pickle.loads(pickle.dumps(ds._shipped(("row",))))
    back = Dataset._unshipped(shipped, PRODUCT)
    assert back == ds
    assert back.to_json() == ds.to_json()
    assert back._derived["row"] == ("row",)


def test_shipped_dataset_stays_json_until_its_document_is_read() -> None:
    src = uuid.UUID(int=5)
    doc = dataset_doc("p1", lineage={"level1": [str(src)]})
    ds = Dataset.from_doc(doc, PRODUCT, uri="file:///d/x.yaml")
    back = Dataset._unshipped(pickle.loads(pickle.dumps(ds._shipped(None))), PRODUCT)
    assert back.source_ids == (("level1", src),)
    moved = back.replace(uri="file:///e/x.yaml", archived_time=None)
    for d in (back, moved):
        assert object.__getattribute__(d, "_json") == ds.to_json()  # not decoded by any of that
    assert moved.uri == "file:///e/x.yaml"
    assert moved.metadata_doc == ds.metadata_doc
    assert back == ds


def test_nul_character_refused_after_the_quick_check() -> None:
    with pytest.raises(DocumentError, match=r"field properties.x:bad holds a NUL character"):
        Dataset.from_doc(dataset_doc("p1", properties={"x:bad": "a\x00b"}), PRODUCT)
    with pytest.raises(DocumentError, match=r"has a key holding a NUL character"):
        Dataset.from_doc(dataset_doc("p1", properties={"x\x00": 1}), PRODUCT)
