"""eo3 documents to STAC Items and back: nothing of the eo3 document is lost."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terracube.errors import DocumentError
from terracube.index.testing import box_geometry, dataset_doc
from terracube.model.eo3 import check_eo3
from terracube.stac import (
    EO_EXTENSION,
    PROJECTION_EXTENSION,
    RASTER_EXTENSION,
    collection_to_product_doc,
    eo3_to_item,
    item_to_eo3,
    product_to_collection,
    stac_problems,
)

BANDS = {
    "red": {"dtype": "int16", "nodata": -999, "units": "1", "aliases": ("band_4", "red")},
    "nir": {"dtype": "float32", "nodata": float("nan"), "units": "reflectance", "aliases": ()},
}
LL = {"type": "Polygon", "coordinates": [[[149.0, -36.0], [150.0, -36.0], [150.0, -35.0], [149.0, -36.0]]]}


def _round_trip(doc: dict[str, Any], uri: str | None) -> dict[str, Any]:
    before = copy.deepcopy(doc)
    item = eo3_to_item(doc, uri=uri, bands=BANDS, lonlat_geometry=LL, lonlat_bbox=(149, -36, 150, -35))
    assert doc == before  # the document is not touched
    assert stac_problems(item) == []
    back, location = item_to_eo3(item)
    assert location == uri
    return back


# --- documents, varied ---------------------------------------------------------------------------

_ids = st.uuids(version=4).map(str)
_paths = st.sampled_from(
    ["red.tif", "./sub/red.tif", "../other/red.tif", "s3://bucket/x/red.tif", "/abs/red.nc"]
)
_uris = st.sampled_from(
    [None, "file:///data/a/ds.odc-metadata.yaml", "s3://bucket/ds/x.yaml", "file:///data/multi.yaml#2"]
)
EXTRA_PROPERTIES = {
    "title": "a title of its own",
    "odc:x": [1, {"y": None}],
    "sat:orbit_state": "descending",
    "eo:instrument": "OLI_TIRS",
    "eo:sun_azimuth": 40.5,
    "eo:gsd": 30,
    "eo:unknown_thing": 3,
    "platform": "landsat-9",
    "instruments": ["tirs"],
}
_crs = st.sampled_from(["EPSG:4326", "epsg:4326", "EPSG:32755", "ESRI:54008"])


@st.composite
def eo3_docs(draw: st.DrawFn) -> dict[str, Any]:
    time = draw(
        st.sampled_from(
            [
                "2020-06-15T10:00:00Z",
                "2020-06-15T10:00:00.123456+00:00",
                "2020-06-15T20:00:00+10:00",
                "2020-06-15T10:00:00",
                ("2020-06-01T00:00:00Z", "2020-06-30T00:00:00Z"),
                ("2020-06-01T00:00:00", "2020-06-30T10:00:00+10:00"),
            ]
        )
    )
    lineage = draw(
        st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(["ard", "level1", "dem"]),
                st.lists(_ids, min_size=0, max_size=3, unique=True),
                max_size=3,
            ),
        )
    )
    crs = draw(_crs)
    geometry = (
        box_geometry(149, -36, 150, -35)
        if crs.lower() == "epsg:4326"
        else box_geometry(600000, 6000000, 700000, 6100000)
    )
    doc = dataset_doc(
        "ls8",
        id=draw(_ids),
        time=time,
        crs=crs,
        geometry=geometry,
        grids=draw(st.booleans()),
        cloud_cover=draw(st.one_of(st.none(), st.floats(0, 100))),
        properties={k: EXTRA_PROPERTIES[k] for k in draw(st.sets(st.sampled_from(sorted(EXTRA_PROPERTIES))))},
        lineage=lineage,
    )
    if draw(st.booleans()):
        doc.pop("label")
    meas: dict[str, Any] = {}
    for name in draw(st.lists(st.sampled_from(["red", "nir", "fmask"]), unique=True, max_size=3)):
        m: dict[str, Any] = {"path": draw(_paths)}
        if draw(st.booleans()):
            m["band"] = draw(st.integers(1, 4))
        if draw(st.booleans()):
            m["layer"] = "values"
        if draw(st.booleans()):  # as item_to_eo3 keeps an Item's media type and asset key
            m["type"] = draw(st.sampled_from(["image/tiff; application=geotiff", "image/jp2", "text/plain"]))
        if draw(st.booleans()):
            m["asset"] = draw(st.sampled_from([name, f"{name}.tif", f"{name}-x", "red"]))
        meas[name] = m
    doc["measurements"] = meas
    if "grids" in doc and meas and draw(st.booleans()):
        first = next(iter(meas))
        doc["grids"]["g60"] = {"shape": [10, 10], "transform": [60.0, 0.0, 1.0, 0.0, -60.0, 2.0]}
        meas[first]["grid"] = "g60"
    if "grids" in doc and draw(st.booleans()):
        doc["grids"]["unused"] = {
            "shape": [5, 5],
            "transform": [1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0],
        }
    acc = draw(
        st.sampled_from(
            [
                None,
                {},
                {"thumbnail": {"path": "t.jpg", "type": "image/jpeg"}},
                {"checksum:sha1": {"path": "x.sha1"}},
            ]
        )
    )
    if acc is None:
        doc.pop("accessories")
    else:
        doc["accessories"] = acc
    if draw(st.booleans()):
        doc["product"]["href"] = "https://example.com/products/ls8.yaml"
    if draw(st.booleans()):
        doc["extra_field"] = {"kept": [1, 2]}
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=eo3_docs(), uri=_uris)
def test_round_trip_keeps_every_eo3_field(doc: dict[str, Any], uri: str | None) -> None:
    check_eo3(doc, where="generated")
    assert _round_trip(doc, uri) == doc


def test_item_in_stac_terms() -> None:
    doc = dataset_doc(
        "ls8",
        id=uuid.UUID(int=7),
        crs="epsg:32755",
        geometry=box_geometry(600000, 6000000, 700000, 6100000),
        time=("2020-06-01T00:00:00Z", "2020-06-30T00:00:00Z"),
        lineage={"ard": [str(uuid.UUID(int=1)), str(uuid.UUID(int=2))]},
    )
    item = eo3_to_item(
        doc, uri="file:///data/x/ds.yaml", bands=BANDS, lonlat_geometry=LL, lonlat_bbox=(179, -36, 181, -35)
    )
    assert item["stac_extensions"] == [EO_EXTENSION, PROJECTION_EXTENSION, RASTER_EXTENSION]
    assert item["collection"] == "ls8"
    assert item["bbox"] == [179, -36, -179, -35]  # across the antimeridian: west > east
    p = item["properties"]
    assert (p["proj:code"], p["odc:crs"]) == ("EPSG:32755", "epsg:32755")
    assert p["proj:shape"] == doc["grids"]["default"]["shape"]
    assert p["proj:geometry"] == doc["geometry"]
    assert (p["start_datetime"], p["end_datetime"]) == ("2020-06-01T00:00:00Z", "2020-06-30T00:00:00Z")
    assert p["title"] == doc["label"]
    red = item["assets"]["red"]
    assert red["href"] == "file:///data/x/red.tif"
    assert red["type"] == "image/tiff; application=geotiff"
    assert red["roles"] == ["data"]
    assert red["eo:bands"] == [{"name": "red", "common_name": "red"}]
    assert red["raster:bands"] == [{"nodata": -999, "data_type": "int16", "unit": "1"}]
    assert item["assets"]["nir"]["raster:bands"][0]["nodata"] == "nan"
    assert item["assets"]["metadata:processor"]["roles"] == ["metadata"]
    via = [lk for lk in item["links"] if lk["rel"] == "via"]
    assert via == [
        {
            "rel": "via",
            "href": "file:///data/x/ds.yaml",
            "title": "eo3 dataset document",
            "type": "application/yaml",
        }
    ]
    derived = [(lk["href"], lk["odc:classifier"]) for lk in item["links"] if lk["rel"] == "derived_from"]
    assert derived == [(f"./{uuid.UUID(int=1)}.json", "ard"), (f"./{uuid.UUID(int=2)}.json", "ard")]
    assert not any(k.startswith("odc:") for k in item if k != "odc:lineage")


def test_accessory_named_like_a_band_is_refused() -> None:
    doc = dataset_doc("ls8")
    doc["accessories"] = {"red": {"path": "red.yaml"}}
    with pytest.raises(DocumentError, match="accessory 'red' has the name of a measurement"):
        eo3_to_item(doc)


# --- Items from elsewhere ------------------------------------------------------------------------


def _foreign_item() -> dict[str, Any]:
    """An Item as other catalogs write them: projection 1.x, bands at 10 and 20 m, no odc: fields."""
    t10 = [10.0, 0.0, 600000.0, 0.0, -10.0, 6100000.0]
    t20 = [20.0, 0.0, 600000.0, 0.0, -20.0, 6100000.0]
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [],
        "id": "3b8f5c0e-5d1a-4c7e-9a52-0a4c3f5e9d11",
        "collection": "s2_l2a",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[147.0, -36.0], [148.1, -36.0], [148.1, -35.1], [147.0, -36.0]]],
        },
        "bbox": [147.0, -36.0, 148.1, -35.1],
        "properties": {
            "datetime": "2021-03-04T00:12:34Z",
            "platform": "sentinel-2a",
            "eo:cloud_cover": 12.5,
            "proj:epsg": 32755,
            "created": "2021-03-05T00:00:00Z",
        },
        "links": [
            {"rel": "self", "href": "https://example.com/items/x.json"},
            {
                "rel": "derived_from",
                "href": "https://example.com/l1c/4d2b8a8e-1f0b-4bb0-8c0e-5b1a9b7c6d5e.json",
            },
            {"rel": "derived_from", "href": "https://example.com/l1c/S2A_L1C_T55HFA"},
        ],
        "assets": {
            "red": {
                "href": "https://example.com/data/B04.tif",
                "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                "roles": ["data"],
                "proj:shape": [10980, 10980],
                "proj:transform": t10,
                "eo:bands": [{"name": "B04", "common_name": "red"}],
                "raster:bands": [{"data_type": "uint16", "nodata": 0, "unit": "1"}],
            },
            "swir16": {
                "href": "https://example.com/data/B11.tif",
                "roles": ["data"],
                "proj:shape": [5490, 5490],
                "proj:transform": t20,
                "raster:bands": [{"data_type": "uint16", "nodata": 0}],
            },
            "scl": {
                "href": "https://example.com/data/SCL.tif",
                "roles": ["data"],
                "proj:shape": [5490, 5490],
                "proj:transform": t20,
            },
            "thumbnail": {
                "href": "https://example.com/data/preview.jpg",
                "type": "image/jpeg",
                "roles": ["thumbnail"],
            },
        },
    }


def test_foreign_item_becomes_eo3() -> None:
    doc, location = item_to_eo3(_foreign_item())
    assert location is None
    check_eo3(doc, where="foreign")
    assert doc["product"] == {"name": "s2_l2a"}
    assert doc["crs"] == "EPSG:32755"
    # The Item's own footprint, not the whole grid, in the native CRS.
    assert doc["geometry"]["type"] == "Polygon"
    assert all(400_000 < x < 700_000 for x, _ in doc["geometry"]["coordinates"][0])
    assert doc["grids"]["default"]["shape"] == [10980, 10980]
    assert doc["grids"]["swir16"]["shape"] == [5490, 5490]
    assert doc["measurements"] == {  # a media type other than the file name's is kept, or none
        "red": {
            "path": "https://example.com/data/B04.tif",
            "type": "image/tiff; application=geotiff; profile=cloud-optimized",
        },
        "swir16": {"path": "https://example.com/data/B11.tif", "grid": "swir16", "type": None},
        "scl": {"path": "https://example.com/data/SCL.tif", "grid": "swir16", "type": None},
    }
    assert doc["accessories"] == {
        "thumbnail": {"path": "https://example.com/data/preview.jpg", "type": "image/jpeg"}
    }
    assert doc["properties"] == {  # platform as eo3 names it, so the eo3 type's platform field finds it
        "datetime": "2021-03-04T00:12:34Z",
        "eo:platform": "sentinel-2a",
        "eo:cloud_cover": 12.5,
        "created": "2021-03-05T00:00:00Z",
    }
    # Only derived_from links naming a UUID can be eo3 lineage.
    assert doc["lineage"] == {"source_ids": {"source": ["4d2b8a8e-1f0b-4bb0-8c0e-5b1a9b7c6d5e"]}}


def test_transform_in_gdal_order_is_read_as_the_affine() -> None:
    # Some older Items give proj:transform in GDAL's geotransform order [x0, a, b, y0, d, e].
    item = _foreign_item()
    for a in item["assets"].values():
        if "proj:transform" in a:
            t = a["proj:transform"]
            a["proj:transform"] = [t[2], t[0], t[1], t[5], t[3], t[4]]
    doc, _ = item_to_eo3(item)
    check_eo3(doc, where="gdal order")
    want, _ = item_to_eo3(_foreign_item())
    assert doc["grids"] == want["grids"]
    assert doc["grids"]["default"]["transform"][:6] == [10.0, 0.0, 600000.0, 0.0, -10.0, 6100000.0]


def test_foreign_item_without_projection_is_lonlat() -> None:
    item = _foreign_item()
    del item["properties"]["proj:epsg"]
    for a in item["assets"].values():
        a.pop("proj:shape", None)
        a.pop("proj:transform", None)
    item["properties"]["start_datetime"] = "2021-03-01T00:00:00Z"
    item["properties"]["end_datetime"] = "2021-03-31T00:00:00Z"
    item["properties"]["datetime"] = None
    doc, _ = item_to_eo3(item)
    check_eo3(doc, where="foreign")
    assert doc["crs"] == "EPSG:4326"
    assert doc["geometry"] == item["geometry"]
    assert "grids" not in doc
    assert doc["properties"]["dtr:start_datetime"] == "2021-03-01T00:00:00Z"
    assert "datetime" not in doc["properties"]


def test_foreign_item_with_a_crs_but_no_native_footprint_is_reprojected() -> None:
    item = _foreign_item()
    for a in item["assets"].values():
        a.pop("proj:shape", None)
        a.pop("proj:transform", None)
    doc, _ = item_to_eo3(item)
    check_eo3(doc, where="foreign")
    x0 = doc["geometry"]["coordinates"][0][0][0]
    assert 300_000 < x0 < 900_000  # UTM eastings, not degrees


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "Collection"}, "not a STAC Item"),
        ({"collection": None}, "names no collection"),
        ({"properties": None}, "needs properties"),
        ({"assets": [{"href": "x.tif"}]}, "assets are an object of asset key to asset, not list"),
        ({"id": None}, "a STAC Item needs an id"),
    ],
)
def test_bad_items_name_the_problem(change: dict[str, Any], message: str) -> None:
    item = {**_foreign_item(), **change}
    with pytest.raises(DocumentError, match=message):
        item_to_eo3(item, where="x.json")


def test_projection_without_crs_is_refused() -> None:
    item = _foreign_item()
    del item["properties"]["proj:epsg"]
    with pytest.raises(DocumentError, match="no proj:code, proj:epsg, proj:wkt2 or proj:projjson"):
        item_to_eo3(item)


# --- products and Collections --------------------------------------------------------------------


def test_collection_keeps_the_product_definition() -> None:
    from terracube.index.testing import product_doc

    definition = product_doc("ls8")
    coll = product_to_collection(
        definition, bbox=(179.0, -10.0, 181.0, 10.0), interval=("2020-01-01T00:00:00Z", None)
    )
    assert stac_problems(coll) == []
    assert coll["extent"]["spatial"]["bbox"] == [[179.0, -10.0, -179.0, 10.0]]
    assert coll["extent"]["temporal"]["interval"] == [["2020-01-01T00:00:00Z", None]]
    assert coll["item_assets"]["fmask"]["raster:bands"] == [{"nodata": 0, "data_type": "uint8", "unit": "1"}]
    assert coll["license"] == "CC-BY-4.0"
    assert collection_to_product_doc(coll) == definition


def test_product_inferred_from_a_foreign_item() -> None:
    doc = collection_to_product_doc(None, sample_item=_foreign_item())
    assert doc["name"] == "s2_l2a"
    assert doc["measurements"] == [  # the eo band's name is an alias; its common name is the band's
        {"name": "red", "dtype": "uint16", "nodata": 0, "units": "1", "aliases": ["B04"]},
        {"name": "swir16", "dtype": "uint16", "nodata": 0, "units": "1"},
        {"name": "scl", "dtype": "float32", "nodata": "NaN", "units": "1"},
    ]
    with pytest.raises(DocumentError, match="no data assets to infer measurements from"):
        collection_to_product_doc({"id": "empty", "item_assets": {}}, sample_item={"assets": {}})


@pytest.mark.parametrize(
    ("crs", "may_wrap"),
    [
        ("EPSG:32655", False),  # a UTM zone
        ("EPSG:3577", False),  # a national grid
        ("EPSG:4326", True),
        ("EPSG:6933", True),  # a global equal-area grid
        ("+proj=sinu +R=6371007.181 +units=m +no_defs", True),  # MODIS's sinusoidal
    ],
)
def test_only_crs_of_half_the_globe_or_more_are_checked_for_wrapping(crs: str, may_wrap: bool) -> None:
    # Every Item of a UTM or national grid skips the footprint transform that finds a wrap.
    from terracube.stac._mapping import _may_wrap

    assert _may_wrap(crs) is may_wrap
