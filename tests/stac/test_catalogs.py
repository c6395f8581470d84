"""STAC Items in the shapes of the big public catalogs: they import, and export back the same.

The Items are written in ``catalog_items.py`` after the shapes USGS, Earth Search (v0, v1),
Planetary Computer, Digital Earth Africa, Digital Earth Pacific, Digital Earth Australia and
pystac's examples give them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import posixpath
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
import shapely.geometry

from terracube.errors import DocumentError, DuplicateRecordError
from terracube.index.memory import MemoryIndex
from terracube.index.testing import dataset_doc, product_doc
from terracube.stac import (
    STAC_UUID_NAMESPACE,
    StacToDatasets,
    collection_to_product_doc,
    dataset_to_item,
    export_stac,
    import_stac,
    item_to_eo3,
    item_uuid,
    product_name_for,
    stac_problems,
)
from terracube.stac._mapping import _is_data
from terracube.storage.bands import resolve_uri

from .catalog_items import (
    CATALOGS,
    COG,
    cdse_sentinel2_l2a,
    dea_eodatasets,
    earth_search_v0,
    earth_search_v1,
    esa_worldcover,
    noaa_cdr_sea_ice,
    planet_psscene,
    planetary_computer_modis,
    planetary_computer_modis_polar,
    planetary_computer_s2,
    planetary_computer_zarr,
    pystac_extended,
    pystac_simple,
    sentinel3_olci,
    stactools_landsat_c2,
    stactools_sentinel2,
    usgs_landsat_c2,
    usgs_landsat_c2_band_indices,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from terracube.model import Dataset


def _write(path: Path, item: dict[str, Any]) -> Path:
    path.write_text(json.dumps(item))
    return path


def _import_one(tmp_path: Path, item: dict[str, Any], **kwargs: Any) -> tuple[MemoryIndex, Dataset]:
    index = MemoryIndex()
    index.init_db()
    result = import_stac(index, [_write(tmp_path / "item.json", item)], **kwargs)
    assert result.added == 1
    (ds,) = index.datasets.search()
    return index, ds


#: What each shape gives: its product, and its bands (the number, and some of them).
EXPECTED = {
    "usgs-landsat-c2": ("landsat_c2l2_sr", 5, {"red", "nir08", "qa_pixel"}),
    "usgs-landsat-c2-band-indices": ("landsat_c2l2_sr", 4, {"SR_B2_TIF", "QA_PIXEL_TIF"}),
    "earth-search-v0": ("sentinel_s2_l2a_cogs", 17, {"B01", "B8A", "SCL", "visual", "overview"}),
    "earth-search-v1": ("sentinel_2_l2a", 28, {"red", "red_jp2", "scl", "visual", "visual_3"}),
    "planetary-computer-s2": ("sentinel_2_l2a", 18, {"B04", "SCL", "visual_2"}),
    "planetary-computer-nasadem": ("nasadem", 1, {"elevation"}),
    "planetary-computer-io-lulc": ("io_lulc", 1, {"data"}),
    "de-africa": ("gm_s2_annual", 4, {"B02", "SMAD"}),
    "de-pacific": ("dep_s2_geomad", 4, {"red", "count"}),
    "dea-eodatasets": ("ga_ls8c_ard_3", 4, {"nbart_red", "oa_fmask"}),
    "pystac-simple": ("simple_collection", 1, {"visual"}),
    "pystac-extended": ("simple_collection", 6, {"analytic", "analytic_4", "visual", "udm"}),
    "planet-psscene": (
        "psscene",
        8,
        {"ortho_visual", "ortho_visual_3", "ortho_analytic_4b_sr_4", "ortho_udm2"},
    ),
    "esa-worldcover": ("esa_worldcover", 4, {"map", "input_quality", "input_quality_3"}),
    "sentinel3-olci": ("sentinel_3_olci_lfr_l2_netcdf", 4, {"ogvi", "otci", "iwv", "lqsf"}),
    "cdse-sentinel2-l2a": ("sentinel_2_l2a", 9, {"AOT_10m", "B02_20m", "SCL_20m", "TCI_10m", "TCI_10m_3"}),
    "stactools-sentinel2": ("sentinel2_l2a", 19, {"blue_20m", "visual_60m_3", "blue", "visual_2", "aot"}),
    "planetary-computer-modis": ("modis_09A1_061", 5, {"hdf", "sur_refl_b01", "sur_refl_qc_500m"}),
    "stactools-landsat-c2": ("landsat_c2_l2", 6, {"coastal", "lwir11", "qa_pixel"}),
}


@pytest.mark.parametrize("name", sorted(CATALOGS))
def test_every_catalog_shape_imports(name: str, tmp_path: Path) -> None:
    item = CATALOGS[name]()
    index, ds = _import_one(tmp_path, item)
    product, count, some = EXPECTED[name]
    assert ds.product.name == product
    assert ds.id == item_uuid(item)
    assert len(ds.measurements) == count
    assert some <= set(ds.measurements)
    assert set(ds.product.measurements) == set(ds.measurements)
    # Searchable where the Item says it is, and when.
    west, south, _, north = item["bbox"]
    lon = (west + 0.01, west + 0.02)
    assert index.datasets.count(product=product, lon=lon, lat=(south + 0.01, north - 0.01)) == 1
    assert index.datasets.count(product=product, lon=(lon[0] + 30, lon[1] + 30)) == 0
    props = item["properties"]
    when = dt.datetime.fromisoformat(props.get("start_datetime") or props["datetime"])
    day = dt.timedelta(days=1)
    assert index.datasets.count(product=product, time=(when - day, when + day)) == 1
    assert index.datasets.count(product=product, time=(when - 9 * day, when - 8 * day)) == 0


def _normal(url: str) -> str:
    """A URL with its ``.`` and ``..`` segments resolved."""
    scheme, _, path = url.rpartition("://")
    return f"{scheme}://{posixpath.normpath(path)}" if scheme else posixpath.normpath(url)


#: Item properties whose form the round trip changes (projection 1.x's proj:epsg is written as
#: proj:code; the grids travel as the Item's or the assets' proj:shape/proj:transform) or that
#: are eo3 names STAC spells otherwise (eodatasets' Items hold eo3's own).
_REFORMED = {"proj:epsg", "proj:code", "proj:shape", "proj:transform", "proj:geometry"}
_EO3_NAMES = {"eo:gsd", "eo:platform", "eo:instrument", "eo:sun_azimuth", "eo:sun_elevation"}


@pytest.mark.parametrize("name", sorted(CATALOGS))
def test_round_trip_keeps_what_stac_says(name: str, tmp_path: Path) -> None:
    item = CATALOGS[name]()
    _, ds = _import_one(tmp_path, item)
    out = dataset_to_item(ds)
    assert stac_problems(out) == []
    assert out["id"] == item["id"]
    # Geometry: the same footprint (made again from the native one, to float precision).
    before, after = shapely.geometry.shape(item["geometry"]), shapely.geometry.shape(out["geometry"])
    assert before.symmetric_difference(after).area / before.area < 1e-3
    assert out["bbox"] == pytest.approx(item["bbox"], abs=1e-5)
    # Time.
    for key in ("datetime", "start_datetime", "end_datetime"):
        assert out["properties"].get(key) == item["properties"].get(key)
    # Properties: every one STAC or an extension defines comes back as it was.
    for key, value in item["properties"].items():
        if key in _REFORMED or key in _EO3_NAMES:
            continue
        assert out["properties"][key] == value, key
    if item["properties"].get("proj:epsg") is not None:
        assert out["properties"]["proj:code"] == f"EPSG:{item['properties']['proj:epsg']}"
    # Assets: the same keys, hrefs (relative ones resolved against the Item's file) and media types.
    assert set(out["assets"]) == set(item["assets"])
    for key, asset in item["assets"].items():
        href = asset["href"]
        expected = (tmp_path / href).as_uri() if href.startswith("./") else href
        assert _normal(out["assets"][key]["href"]) == _normal(expected), key
        assert out["assets"][key].get("type") == asset.get("type"), key
    # And the exported Item reads back into the same dataset.
    again, location = item_to_eo3(out)
    assert again == ds.metadata_doc
    assert location == ds.uri


def test_the_round_trip_through_a_catalog_gives_the_same_datasets(tmp_path: Path) -> None:
    items = [CATALOGS[name]() for name in sorted(CATALOGS)]
    (tmp_path / "in").mkdir()
    for n, item in enumerate(items):
        _write(tmp_path / "in" / f"{n}.json", item)
    first = MemoryIndex()
    first.init_db()
    assert import_stac(first, [tmp_path / "in"]).added == len(items)
    export_stac(first, tmp_path / "out")
    second = MemoryIndex()
    second.init_db()
    result = import_stac(second, [tmp_path / "out" / "catalog.json"])
    assert result.added == len(items)
    assert {d.id: (d.metadata_doc, d.uri) for d in second.datasets.search()} == {
        d.id: (d.metadata_doc, d.uri) for d in first.datasets.search()
    }
    for p in first.products.get_all():
        assert second.products.get_by_name_unsafe(p.name).definition == p.definition
    # The catalog's Items keep their own ids, in files named by dataset id.
    out = json.loads((tmp_path / "out" / "items" / f"{item_uuid(items[0])}.json").read_text())
    assert out["id"] == items[0]["id"]


# --- 1. Item ids that are not UUIDs --------------------------------------------------------------

#: Dataset ids datacube 1.9's STAC converter (``stac2ds``, on odc-stac) gives these Items.
ODC_IDS = {
    "usgs-landsat-c2": "5a958dac-177e-550a-b67a-2d06a24e2c75",
    "earth-search-v0": "a54e2a18-9756-5fc4-b0ea-653ebcd48d9e",
    "earth-search-v1": "7220070d-b213-5f3d-ab43-5e74f5242ffd",
    "planetary-computer-s2": "8066c0ad-8b0d-5044-920b-68c584bd8f81",
    "planetary-computer-nasadem": "5b2c0974-11ca-539f-b4d7-207eea00291c",
    "planetary-computer-io-lulc": "6c84adbf-0431-5047-8431-4054f5778867",
    "de-pacific": "477af745-f018-5253-9e75-fc5c7b71ed7e",
    "pystac-simple": "82b3f336-80a5-55b8-bdae-f18a25dc170c",
}


@pytest.mark.parametrize("name", sorted(ODC_IDS))
def test_non_uuid_ids_get_the_ids_odc_gives_them(name: str, tmp_path: Path) -> None:
    item = CATALOGS[name]()
    assert item_uuid(item) == uuid.UUID(ODC_IDS[name])
    _, ds = _import_one(tmp_path, item)
    assert str(ds.id) == ODC_IDS[name]
    assert ds.metadata_doc["properties"]["stac:id"] == item["id"]
    assert dataset_to_item(ds)["id"] == item["id"]


def test_the_uuid_rule() -> None:
    assert uuid.uuid5(uuid.NAMESPACE_URL, "https://stacspec.org") == STAC_UUID_NAMESPACE
    item = pystac_simple()
    assert item_uuid(item) == uuid.uuid5(STAC_UUID_NAMESPACE, "simple-collection\n20201211_223832_CS2\n")
    # Without a collection: the odc:product property, else "_" (ids datacube 1.9 gives too).
    del item["collection"]
    assert item_uuid(item) == uuid.UUID("2e7552ce-c6e2-5dd3-92f8-a7a87ca0eef4")
    item["properties"]["odc:product"] = "ga_ls8c_ard_3"
    assert item_uuid(item) == uuid.UUID("3124fb9e-344f-5297-8074-8cb1de66416b")
    # A UUID is the id, in any spelling uuid.UUID reads; the spelling is kept.
    spelled = "{" + "0F9BFC5C-14D3-4A8E-9F3B-7C1D2E3F4A5B" + "}"
    item["id"] = spelled
    doc, _ = item_to_eo3(item, product="x")
    assert (doc["id"], doc["properties"]["stac:id"]) == ("0f9bfc5c-14d3-4a8e-9f3b-7c1d2e3f4a5b", spelled)
    item["id"] = "0f9bfc5c-14d3-4a8e-9f3b-7c1d2e3f4a5b"
    assert "stac:id" not in item_to_eo3(item, product="x")[0]["properties"]
    with pytest.raises(DocumentError, match="a STAC Item needs an id"):
        item_uuid({**item, "id": ""})


# --- 2. Collection names that are not product names ----------------------------------------------


@pytest.mark.parametrize(
    ("collection", "product"),
    [
        ("sentinel-2-l2a", "sentinel_2_l2a"),
        ("landsat-c2l2-sr", "landsat_c2l2_sr"),
        ("io-lulc", "io_lulc"),
        ("ga_ls8c_ard_3", "ga_ls8c_ard_3"),
        ("NAIP 2020.v2", "NAIP_2020_v2"),
    ],
)
def test_collection_names_become_product_names(collection: str, product: str) -> None:
    assert product_name_for(collection) == product


def test_the_product_made_says_its_collection_and_a_given_one_wins(tmp_path: Path) -> None:
    index = MemoryIndex()
    index.init_db()
    result = import_stac(index, [_write(tmp_path / "a.json", earth_search_v1())])
    assert (result.products, result.made_from) == (["sentinel_2_l2a"], {"sentinel_2_l2a": "sentinel-2-l2a"})
    # --product names a product the index does not hold yet: it is made from the Item.
    result = import_stac(index, [_write(tmp_path / "b.json", planetary_computer_s2())], product="pc_s2")
    assert (result.products, result.made_from) == (["pc_s2"], {"pc_s2": "sentinel-2-l2a"})
    assert index.datasets.count(product="pc_s2") == 1
    assert index.datasets.count(product="sentinel_2_l2a") == 1


# --- 3. eo:bands given as indices ----------------------------------------------------------------


def test_eo_bands_given_as_indices_name_the_items_bands(tmp_path: Path) -> None:
    item = usgs_landsat_c2_band_indices()
    _, ds = _import_one(tmp_path, item)
    aliases = {m.name: m.aliases for m in ds.product.measurements.values()}
    assert aliases["SR_B4_TIF"] == ("SR_B4", "red")
    assert aliases["QA_PIXEL_TIF"] == ()
    item["assets"]["SR_B2.TIF"]["eo:bands"] = [7, "x", None]  # out of range, nonsense: ignored
    assert collection_to_product_doc(None, sample_item=item)["measurements"][0]["name"] == "SR_B2_TIF"
    assert stac_problems(item)  # reported, not a crash
    assert any("eo:bands[0]: not an object" in p for p in stac_problems(item))


# --- 4. assets without roles ---------------------------------------------------------------------


def test_assets_without_roles_are_decided_by_media_type(tmp_path: Path) -> None:
    _, ds = _import_one(tmp_path, earth_search_v0())
    assert len(ds.measurements) == 17  # every COG
    assert set(ds.metadata_doc["accessories"]) == {"thumbnail", "info", "metadata"}
    assert ds.measurements["B01"]["grid"] == "B01"  # 60 m
    assert ds.measurements["SCL"]["grid"] == "B05"  # 20 m, named after the first band on it


@pytest.mark.parametrize(
    ("asset", "need_grid", "data"),
    [
        ({"roles": ["data"], "type": "application/json"}, False, True),  # the role says so
        ({"type": "image/tiff; application=geotiff"}, False, True),
        ({"type": "image/jp2"}, False, True),
        ({"type": "image/vnd.stac.geotiff; cloud-optimized=true", "roles": ["cloud"]}, False, True),
        ({"type": "application/x-netcdf"}, False, True),
        ({"type": "image/png", "roles": ["thumbnail"]}, False, False),
        ({"type": "image/png", "roles": ["overview"]}, False, False),
        ({"type": "image/tiff", "roles": ["metadata"]}, False, False),
        ({"type": "image/tiff", "roles": ["metadata", "water-mask"]}, False, True),
        (
            {"type": "image/tiff", "roles": ["metadata"], "raster:bands": [{"data_type": "int16"}]},
            False,
            True,
        ),
        ({"type": "image/tiff", "roles": ["metadata"], "bands": [{"data_type": "int16"}]}, False, True),
        ({"type": "image/tiff", "roles": ["metadata"], "raster:bands": [{"unit": "m"}]}, False, False),
        ({"type": "application/json"}, False, False),
        ({"type": "text/plain"}, False, False),
        ({"href": "x/B1.TIF"}, False, True),
        ({"href": "x/B1.TIF?sig=1"}, False, True),
        ({"href": "x/B1.txt"}, False, False),
        ({"href": "x/B1.tif", "roles": ["metadata"]}, False, False),
        ({"type": "image/png"}, True, False),  # the other assets have grids, this one none
        ({"type": "image/png", "proj:shape": [1, 1], "proj:transform": [1, 0, 0, 0, -1, 0]}, True, True),
    ],
)
def test_which_assets_are_bands(asset: dict[str, Any], need_grid: bool, data: bool) -> None:
    assert _is_data(asset, need_grid=need_grid) is data


def test_an_item_with_17_cogs_never_has_no_data_assets() -> None:
    item = earth_search_v0()
    for a in item["assets"].values():
        a.pop("proj:shape", None)
        a.pop("proj:transform", None)
    doc = collection_to_product_doc(None, sample_item=item)
    cogs = {k for k, a in item["assets"].items() if a["type"] == COG}
    assert len(cogs) == 17
    assert cogs <= {m["name"] for m in doc["measurements"]}
    with pytest.raises(DocumentError, match="no data assets to infer measurements from"):
        collection_to_product_doc(None, sample_item={"assets": {"t": {"type": "text/plain", "href": "x"}}})


# --- 5. A repeated common_name -------------------------------------------------------------------


def test_a_repeated_common_name_is_no_alias_and_bands_keep_their_names(tmp_path: Path) -> None:
    _, ds = _import_one(tmp_path, planetary_computer_s2())
    aliases = {m.name: m.aliases for m in ds.product.measurements.values()}
    for band in ("B05", "B06", "B07"):
        assert aliases[band] == ()  # rededge names four bands: none of them
    assert aliases["B8A"] == ("nir08",)
    assert aliases["B04"] == ("red",)  # the band of its own, not the first of "visual"
    assert aliases["visual"] == () and aliases["visual_2"] == ()
    # Digital Earth Pacific names every asset's one band "b1": no band gets it.
    _, ds = _import_one(tmp_path, CATALOGS["de-pacific"]())
    assert all(m.aliases == () for m in ds.product.measurements.values())


# --- 6. Items without a collection ---------------------------------------------------------------


def test_an_item_without_collection_uses_odc_product_else_the_given_product(tmp_path: Path) -> None:
    _, ds = _import_one(tmp_path, dea_eodatasets())
    assert ds.product.name == "ga_ls8c_ard_3"
    assert ds.metadata_doc["lineage"] == {"source_ids": {"level1": ["6c2a4a1e-3c4d-5e6f-8a9b-0c1d2e3f4a5b"]}}
    item = pystac_simple()
    del item["collection"]
    with pytest.raises(
        DocumentError,
        match=r"item\.json: the STAC Item names no collection and has no odc:product property, so "
        r"its product is unknown; give the product to import it into \(--product NAME\)",
    ):
        _import_one(tmp_path, item)
    _, ds = _import_one(tmp_path, item, product="cs2")
    assert ds.product.name == "cs2"


# --- 7. Relative hrefs ---------------------------------------------------------------------------


def test_relative_hrefs_resolve_against_the_items_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    item = pystac_extended()  # hrefs ./x.tif, no self link
    item["assets"]["udm"]["href"] = "../udm.tif"
    index = MemoryIndex()
    index.init_db()
    import_stac(index, [_write(tmp_path / "sub" / "item.json", item)])
    (ds,) = index.datasets.search()
    assert ds.uri == (tmp_path / "sub" / "item.json").as_uri()
    assert ds.measurements["analytic"]["path"] == "./20201211_223832_CS2_analytic.tif"
    assert resolve_uri(ds.uri, ds.measurements["udm"]["path"]) == (tmp_path / "udm.tif").as_uri()
    assert (
        resolve_uri(ds.uri, ds.measurements["analytic"]["path"])
        == (tmp_path / "sub" / "20201211_223832_CS2_analytic.tif").as_uri()
    )


def test_relative_hrefs_of_items_in_one_file_resolve_against_their_self_links(tmp_path: Path) -> None:
    a, b = pystac_extended(), pystac_extended()
    b["id"] = "other"
    a["links"].append({"rel": "self", "href": "https://example.com/cat/a/item.json"})
    (tmp_path / "items.ndjson").write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n")
    index = MemoryIndex()
    index.init_db()
    assert import_stac(index, [tmp_path / "items.ndjson"]).added == 2
    uris = {d.metadata_doc["properties"]["stac:id"]: d.uri for d in index.datasets.search()}
    assert uris == {
        a["id"]: "https://example.com/cat/a/item.json",
        "other": (tmp_path / "items.ndjson").as_uri(),
    }
    # An Item alone, without a file, resolves against its self link.
    _, location = item_to_eo3(a)
    assert location == "https://example.com/cat/a/item.json"


def test_absolute_hrefs_give_no_location(tmp_path: Path) -> None:
    _, ds = _import_one(tmp_path, usgs_landsat_c2())
    assert ds.uri is None
    assert ds.measurements["red"]["path"].startswith("https://landsatlook.usgs.gov/")


# --- 8. A failed import leaves nothing behind ----------------------------------------------------


@pytest.mark.parametrize(
    "breaks",
    [
        lambda item: item["properties"].update(datetime="not a time"),  # fails validation
        lambda item: item["properties"].update(**{"proj:epsg": None}),  # fails conversion
    ],
)
def test_a_failed_import_makes_no_product(breaks: Callable[[dict[str, Any]], None], tmp_path: Path) -> None:
    item = earth_search_v1()
    breaks(item)
    index = MemoryIndex()
    index.init_db()
    with pytest.raises(DocumentError):
        import_stac(index, [_write(tmp_path / "item.json", item)])
    assert [p.name for p in index.products.get_all()] == []
    # Reported and skipped the same: nothing made either.
    errors: list[str] = []
    convert = StacToDatasets(index)
    assert list(convert([("bad", item)], on_error=lambda label, e: errors.append(label))) == []
    assert errors == ["bad"]
    assert (convert.added_products, [p.name for p in index.products.get_all()]) == ([], [])


def test_a_product_whose_every_dataset_fails_to_add_is_deleted(tmp_path: Path) -> None:
    index = MemoryIndex()
    index.init_db()
    index.products.add_document(product_doc("ls8"))
    item = pystac_simple()
    # The Item's dataset id is taken, by a dataset of another product.
    index.datasets.add(index.datasets.from_doc(dataset_doc("ls8", id=item_uuid(item))))
    with pytest.raises(DuplicateRecordError, match="already in the index"):
        import_stac(index, [_write(tmp_path / "item.json", item)])
    assert [p.name for p in index.products.get_all()] == ["ls8"]


def test_items_after_a_bad_one_still_make_their_product(tmp_path: Path) -> None:
    good, bad = earth_search_v1(), copy.deepcopy(earth_search_v1())
    bad["id"] = "broken"
    bad["properties"]["datetime"] = "soon"
    index = MemoryIndex()
    index.init_db()
    errors: list[str] = []
    convert = StacToDatasets(index)
    datasets = list(convert([("bad", bad), ("good", good)], on_error=lambda label, e: errors.append(label)))
    assert ([label for label, _ in datasets], errors) == (["good"], ["bad"])
    assert convert.added_products == ["sentinel_2_l2a"]
    assert index.products.get_by_name("sentinel_2_l2a") is not None


def test_a_collection_read_first_describes_the_bands_its_items_do_not(tmp_path: Path) -> None:
    # Planetary Computer's Items give no raster:bands; its Collection's item_assets do.
    collection = {
        "type": "Collection",
        "stac_version": "1.0.0",
        "id": "sentinel-2-l2a",
        "description": "Sentinel-2 Level-2A",
        "license": "proprietary",
        "extent": {"spatial": {"bbox": [[-180, -90, 180, 90]]}, "temporal": {"interval": [[None, None]]}},
        "links": [],
        "item_assets": {
            "B04": {"type": COG, "roles": ["data"], "raster:bands": [{"data_type": "uint16", "nodata": 0}]},
            "SCL": {"type": COG, "roles": ["data"], "raster:bands": [{"data_type": "uint8", "nodata": 0}]},
        },
    }
    (tmp_path / "cat").mkdir()
    _write(tmp_path / "cat" / "collection.json", collection)
    _write(tmp_path / "cat" / "item.json", planetary_computer_s2())
    index = MemoryIndex()
    index.init_db()
    result = import_stac(index, [tmp_path / "cat"])
    assert result.made_from == {"sentinel_2_l2a": "sentinel-2-l2a"}
    product = index.products.get_by_name_unsafe("sentinel_2_l2a")
    assert product.definition["license"] == "proprietary"
    dtypes = {m.name: (m.dtype, m.nodata) for m in product.measurements.values()}
    assert dtypes["B04"] == ("uint16", 0)
    assert dtypes["SCL"] == ("uint8", 0)
    assert dtypes["B03"][0] == "float32"  # described nowhere


def test_a_lon_lat_footprint_cut_at_the_antimeridian_is_joined_in_the_native_crs(tmp_path: Path) -> None:
    item = CATALOGS["de-pacific"]()
    del item["properties"]["proj:geometry"]  # the footprint comes from the two lon/lat halves
    _, ds = _import_one(tmp_path, item)
    geom = shapely.geometry.shape(ds.metadata_doc["geometry"])
    assert geom.geom_type == "Polygon" and geom.is_valid
    tile = shapely.geometry.box(3336000, -2080000, 3384000, -2032000)
    assert geom.symmetric_difference(tile).area / tile.area < 1e-3
    # A footprint no projection can take falls back to the grids'.
    item["geometry"] = {"type": "Polygon", "coordinates": [[[0, 95], [1, 95], [1, 96], [0, 95]]]}
    doc, _ = item_to_eo3(item)
    assert "geometry" not in doc and "grids" in doc


# --- 9. Projection fields on the assets only -----------------------------------------------------


def test_projection_fields_on_the_assets_alone_give_the_crs(tmp_path: Path) -> None:
    item = planet_psscene()
    assert not any(k.startswith("proj:") for k in item["properties"])
    _, ds = _import_one(tmp_path, item)
    assert ds.metadata_doc["crs"] == "EPSG:32633"
    assert ds.metadata_doc["grids"] == {
        "default": {"shape": [2400, 2400], "transform": [3.0, 0.0, 452100.0, 0.0, -3.0, 4512300.0]}
    }
    # The footprint is the Item's, brought into that CRS.
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:32633", always_xy=True).transform(14.42, 40.69)
    assert ds.metadata_doc["geometry"]["coordinates"][0][0] == pytest.approx([x, y])
    # The way back gives the CRS on the Item.
    assert dataset_to_item(ds)["properties"]["proj:code"] == "EPSG:32633"
    # Assets in two CRSs and none on the Item: refused, naming both.
    item["assets"]["ortho_udm2"]["proj:code"] = "EPSG:32634"
    with pytest.raises(
        DocumentError,
        match=r"data assets 'ortho_visual' and 'ortho_udm2' are in different CRSs \(EPSG:32633, EPSG:32634\)",
    ):
        item_to_eo3(item)
    # The Item's own CRS wins over its assets'.
    item["properties"]["proj:code"] = "EPSG:32633"
    assert item_to_eo3(item)[0]["crs"] == "EPSG:32633"


# --- 10. A metadata asset that describes its pixels ----------------------------------------------


def test_a_metadata_asset_listing_its_raster_bands_is_a_band(tmp_path: Path) -> None:
    _, ds = _import_one(tmp_path, esa_worldcover())
    bands = {m.name: (m.dtype, m.nodata) for m in ds.product.measurements.values()}
    assert bands == {
        "map": ("uint8", 0),
        "input_quality": ("int16", -1),
        "input_quality_2": ("int16", -1),
        "input_quality_3": ("int16", -1),
    }
    assert ds.measurements["input_quality_3"] == {
        "path": ds.measurements["input_quality"]["path"],
        "band": 3,
        "asset": "input_quality",
        "grid": "input_quality",
    }
    assert ds.metadata_doc["grids"]["input_quality"]["shape"] == [6000, 6000]
    assert set(ds.metadata_doc["accessories"]) == {"thumbnail"}
    # Without raster:bands it is what its role says: an accessory.
    item = esa_worldcover()
    del item["assets"]["input_quality"]["raster:bands"]
    doc, _ = item_to_eo3(item)
    assert set(doc["measurements"]) == {"map"}
    assert "input_quality" in doc["accessories"]


# --- 11. NetCDF assets -----------------------------------------------------------------------------


def test_the_eo_bands_of_a_netcdf_asset_do_not_split_it(tmp_path: Path) -> None:
    item = sentinel3_olci()
    assert len(item["assets"]["ogvi"]["eo:bands"]) == 3
    _, ds = _import_one(tmp_path, item)
    assert set(ds.measurements) == {"ogvi", "otci", "iwv", "lqsf"}
    assert all("band" not in m for m in ds.measurements.values())
    assert ds.metadata_doc["crs"] == "EPSG:4326"  # a swath: no projection, the Item's footprint
    assert ds.metadata_doc["properties"]["dtr:start_datetime"] == "2022-09-14T23:15:42.000000Z"
    # A GeoTIFF's eo:bands still do (the bands of the file).
    item["assets"]["ogvi"]["type"] = COG
    assert {"ogvi_2", "ogvi_3"} <= set(item_to_eo3(item)[0]["measurements"])
    # So do a NetCDF asset's raster:bands.
    item["assets"]["ogvi"]["type"] = "application/x-netcdf"
    item["assets"]["ogvi"]["raster:bands"] = [{"data_type": "float32"}, {"data_type": "float32"}]
    measurements = item_to_eo3(item)[0]["measurements"]
    assert "ogvi_2" in measurements and "ogvi_3" not in measurements


def test_an_item_of_zarr_stores_is_refused_naming_what_it_holds(tmp_path: Path) -> None:
    index = MemoryIndex()
    index.init_db()
    with pytest.raises(
        DocumentError,
        match=r"no data assets to infer measurements from \(its assets: application/vnd\+zarr\)",
    ):
        import_stac(index, [_write(tmp_path / "item.json", planetary_computer_zarr())])
    assert [p.name for p in index.products.get_all()] == []
    # Into a product that is given, it is a dataset with no bands, found where and when it is.
    index.products.add_document(product_doc("ls8"))
    assert import_stac(index, [tmp_path / "item.json"], product="ls8").added == 1
    (ds,) = index.datasets.search(product="ls8")
    assert set(ds.metadata_doc["accessories"]) == {"pr", "tasmax", "tasmin"}
    assert index.datasets.count(product="ls8", time=("2050-01-01", "2050-01-02")) == 1


# --- 12. STAC 1.1: pixel types on the asset --------------------------------------------------------


def test_pixel_types_given_on_the_asset_or_its_bands_describe_the_bands(tmp_path: Path) -> None:
    _, ds = _import_one(tmp_path, cdse_sentinel2_l2a())
    bands = {m.name: (m.dtype, m.nodata) for m in ds.product.measurements.values()}
    assert bands["B02_10m"] == ("uint16", 0)
    assert bands["AOT_10m"] == ("uint16", 0)
    assert bands["SCL_20m"] == ("uint8", 0)
    assert bands["TCI_10m"] == bands["TCI_10m_3"] == ("uint8", 0)
    assert ds.metadata_doc["crs"] == "EPSG:32632"
    assert ds.measurements["B02_20m"]["grid"] == "B02_20m"
    # The same band at two resolutions: its name and common name are no alias of either.
    aliases = {m.name: m.aliases for m in ds.product.measurements.values()}
    assert aliases["B02_10m"] == aliases["B02_20m"] == ()
    assert aliases["B04_10m"] == ("B04", "red")  # a one-band asset's, not the three-band one's
    # The Item's own fields describe every band, unless the asset or a band says otherwise.
    item = cdse_sentinel2_l2a()
    item["properties"]["data_type"] = "int16"
    del item["assets"]["B02_10m"]["data_type"]
    doc = collection_to_product_doc(None, sample_item=item)
    dtypes = {m["name"]: m["dtype"] for m in doc["measurements"]}
    assert (dtypes["B02_10m"], dtypes["SCL_20m"], dtypes["TCI_10m_2"]) == ("int16", "uint8", "uint8")
    # Given in both, the STAC 1.1 fields win over raster:bands.
    item["assets"]["B04_10m"]["raster:bands"] = [{"data_type": "float32", "unit": "m"}]
    (b04,) = (
        m for m in collection_to_product_doc(None, sample_item=item)["measurements"] if m["name"] == "B04_10m"
    )
    assert (b04["dtype"], b04["units"]) == ("uint16", "m")


# --- 13. A CRS given only as PROJJSON ------------------------------------------------------------


def test_a_crs_given_only_as_projjson_is_read(tmp_path: Path) -> None:
    from pyproj import CRS

    item = earth_search_v1()
    epsg = item["properties"].pop("proj:epsg")
    item["properties"]["proj:projjson"] = CRS.from_epsg(epsg).to_json_dict()
    _, ds = _import_one(tmp_path, item)
    assert ds.metadata_doc["crs"] == f"EPSG:{epsg}"  # it names its EPSG code
    assert ds.metadata_doc["properties"]["proj:projjson"] == item["properties"]["proj:projjson"]
    # One without an id: its WKT2.
    del item["properties"]["proj:projjson"]["id"]
    doc, _ = item_to_eo3(item)
    assert CRS.from_wkt(doc["crs"]).equals(CRS.from_epsg(epsg))
    # On the assets alone, as the other projection fields.
    pj = item["properties"].pop("proj:projjson")
    for asset in item["assets"].values():
        asset["proj:projjson"] = pj
    assert CRS.from_wkt(item_to_eo3(item)[0]["crs"]).equals(CRS.from_epsg(epsg))
    item["assets"]["red"]["proj:projjson"] = {"type": "nonsense"}
    with pytest.raises(DocumentError, match="proj:projjson is not a CRS pyproj can read"):
        item_to_eo3(item)


# --- 14. A tile past the antimeridian --------------------------------------------------------------


def test_a_sinusoidal_tile_past_the_antimeridian_is_found_where_it_holds_data(tmp_path: Path) -> None:
    item = planetary_computer_modis_polar()
    index, ds = _import_one(tmp_path, item)
    assert ds.metadata_doc["crs"] == item["properties"]["proj:wkt2"]
    # The footprint is the Item's geometry: the tile's outline would wrap around the globe.
    back = shapely.geometry.shape(dataset_to_item(ds)["geometry"])
    assert back.symmetric_difference(shapely.geometry.shape(item["geometry"])).area < 1e-3 * back.area
    inside = [(175.0, 61.0), (172.0, 62.0), (179.9, 63.5)]
    outside = [(-150.0, 65.0), (-130.0, 69.0), (150.0, 61.0), (165.0, 62.0), (175.0, 66.0)]
    for points, count in ((inside, 1), (outside, 0)):
        for lon, lat in points:
            assert index.datasets.count(lon=(lon, lon + 0.01), lat=(lat, lat + 0.01)) == count, (lon, lat)
    # A catalog's own box across the antimeridian (its geometry the tile's corners, not drawn
    # finer than proj:geometry): the tile's outline is the footprint.
    item["bbox"] = [160.0, 60.0, -170.0, 70.0]
    item["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[160.0, 60.0], [-170.0, 60.0], [-170.0, 70.0], [160.0, 70.0], [160.0, 60.0]]],
    }
    assert item_to_eo3(item)[0]["geometry"] == item["properties"]["proj:geometry"]


# --- 15. A footprint over a pole, or past the antimeridian -----------------------------------------


def test_a_lon_lat_cap_over_a_pole_gives_way_to_the_grids_outline(tmp_path: Path) -> None:
    """A ring along the pole is one point in a polar projection: the grid's outline is the
    footprint, closed over the pole, and the exported Item reads back into the same dataset."""
    item = noaa_cdr_sea_ice()
    index, ds = _import_one(tmp_path, item, product="sea_ice")
    assert ds.metadata_doc["crs"] == item["properties"]["proj:wkt2"]
    assert "geometry" not in ds.metadata_doc  # the grid's outline
    for (lon, lat), count in zip(
        ((0.0, -89.9), (-45.0, -65.0), (135.0, -65.0), (10.0, -20.0)), (1, 1, 1, 0), strict=True
    ):
        assert index.datasets.count(lon=(lon, lon + 0.1), lat=(lat, lat + 0.05)) == count, (lon, lat)
    out = dataset_to_item(ds)
    assert stac_problems(out) == []
    assert out["bbox"][1] == pytest.approx(-90.0) and out["bbox"][3] < -30
    assert (out["properties"]["start_datetime"], out["properties"]["datetime"]) == (
        "2021-12-31T00:00:00Z",
        None,
    )
    assert item_to_eo3(out) == (ds.metadata_doc, ds.uri)


def _modis_h02v06() -> dict[str, Any]:
    """A MODIS tile whose west part is off the Earth: its ``geometry`` runs along -180° there."""
    item = planetary_computer_modis()
    radius, tile = 6371007.181, 1111950.519667
    x0, x1, y0, y1 = -16 * tile, -15 * tile, 2 * tile, 3 * tile
    props = item["properties"]
    props["proj:transform"][2], props["proj:transform"][5] = x0, y1
    props["proj:geometry"]["coordinates"] = [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]
    edge = [(x0 + (x1 - x0) * i / 8, y1) for i in range(8)]
    edge += [(x1, y1 - (y1 - y0) * i / 8) for i in range(8)]
    edge += [(x1 - (x1 - x0) * i / 8, y0) for i in range(8)]
    edge += [(x0, y0 + (y1 - y0) * i / 8) for i in range(8)]
    ring = []
    for x, y in edge:
        lat = y / radius
        ring.append(
            [max(-180.0, round(math.degrees(x / (radius * math.cos(lat))), 6)), round(math.degrees(lat), 6)]
        )
    ring.append(ring[0])
    item["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    item["bbox"] = [-180.0, 20.0, max(p[0] for p in ring), 30.0]
    return item


def test_a_tile_on_the_antimeridian_exports_one_polygon_and_wrapped_longitudes_give_way(
    tmp_path: Path,
) -> None:
    # Its west edge along -180°: projected back, points fall a rounding off -180, which must
    # not split the footprint into slivers.
    item = _modis_h02v06()
    _, ds = _import_one(tmp_path, item)
    out = dataset_to_item(ds)
    assert out["geometry"]["type"] == "Polygon"
    assert stac_problems(out) == []
    before, after = shapely.geometry.shape(item["geometry"]), shapely.geometry.shape(out["geometry"])
    assert before.symmetric_difference(after).area < 1e-6 * before.area
    # Drawn with longitudes past -180 (not cut at the antimeridian, as GeoJSON wants), the
    # outline would wrap round the globe in the tile's CRS: it is not taken.
    ring = item["geometry"]["coordinates"][0]
    item["geometry"]["coordinates"][0] = [[x - 1.5 if x == -180.0 else x, y] for x, y in ring]
    doc, _ = item_to_eo3(item)
    assert "geometry" not in doc  # (proj:geometry reaches off the Earth too: the grid's outline)
    item["properties"]["proj:geometry"] = ds.metadata_doc["geometry"]
    assert item_to_eo3(item)[0]["geometry"] == ds.metadata_doc["geometry"]


# --- 16. What round trips keep ---------------------------------------------------------------------


def test_a_densified_geometry_comes_back_as_it_was(tmp_path: Path) -> None:
    """MODIS's lon/lat outline follows the tile's curved edges; proj:geometry has its corners."""
    item = planetary_computer_modis()
    _, ds = _import_one(tmp_path, item)
    assert len(ds.metadata_doc["geometry"]["coordinates"][0]) == len(item["geometry"]["coordinates"][0])
    out = dataset_to_item(ds)
    np.testing.assert_allclose(
        out["geometry"]["coordinates"][0], item["geometry"]["coordinates"][0], atol=1e-6
    )
    # The long property and the null proj:epsg beside the WKT.
    assert out["properties"]["modis:input-files"] == item["properties"]["modis:input-files"]
    assert out["properties"]["proj:wkt2"] == item["properties"]["proj:wkt2"]


def test_a_wkt_beside_the_code_stays(tmp_path: Path) -> None:
    item = stactools_landsat_c2()
    wkt = 'PROJCS["WGS 84 / UTM zone 10N",GEOGCS["WGS 84"]]'  # as some catalogs give it: a label
    item["properties"]["proj:wkt2"] = wkt
    _, ds = _import_one(tmp_path, item)
    assert ds.metadata_doc["crs"] == "EPSG:32610"
    out = dataset_to_item(ds)
    assert (out["properties"]["proj:code"], out["properties"]["proj:wkt2"]) == ("EPSG:32610", wkt)
    assert item_to_eo3(out) == (ds.metadata_doc, ds.uri)


def test_an_asset_without_a_media_type_comes_back_without_one(tmp_path: Path) -> None:
    item = stactools_sentinel2()
    _, ds = _import_one(tmp_path, item)
    assert ds.measurements["aot"]["type"] is None
    out = dataset_to_item(ds)
    assert "type" not in out["assets"]["aot"]
    assert out["assets"]["blue"]["type"] == item["assets"]["blue"]["type"]  # (the name's, not kept)
    assert "type" not in ds.measurements["blue"]


def test_bands_at_many_resolutions_keep_their_grids_through_a_round_trip(tmp_path: Path) -> None:
    """Three-band assets at 20, 60 and 10 m, the 10 m ones after a one-band asset on that grid."""
    item = stactools_sentinel2(size=36)
    _, ds = _import_one(tmp_path, item)
    grids = ds.metadata_doc["grids"]
    assert {n: g["shape"] for n, g in grids.items()} == {
        "default": [18, 18],
        "blue_60m": [6, 6],
        "blue": [36, 36],
    }
    assert {ds.measurements[n].get("grid", "default") for n in ("blue", "visual", "visual_3")} == {"blue"}
    assert item_to_eo3(dataset_to_item(ds)) == (ds.metadata_doc, ds.uri)


def test_via_links_do_not_move_relative_hrefs(tmp_path: Path) -> None:
    item = stactools_landsat_c2(root="")
    _, ds = _import_one(tmp_path, item)
    assert ds.uri == (tmp_path / "item.json").as_uri()
    assert (
        resolve_uri(ds.uri, ds.measurements["red"]["path"])
        == (tmp_path / item["assets"]["red"]["href"]).as_uri()
    )
    # With absolute hrefs the first via link is the dataset's location, as before.
    _, ds = _import_one(tmp_path, stactools_landsat_c2())
    assert ds.uri == item["links"][1]["href"]


# --- 17. Refused with one line naming the field ------------------------------------------------------


def test_an_id_that_is_not_a_string_is_refused(tmp_path: Path) -> None:
    item = stactools_sentinel2()
    item["id"] = 20190212
    with pytest.raises(
        DocumentError, match=r"a STAC Item needs an id \(a non-empty string\), not 20190212"
    ) as e:
        item_to_eo3(item)
    assert e.value.field == "id"


def test_assets_in_several_crss_are_refused_in_one_short_line() -> None:
    item = stactools_sentinel2()
    del item["properties"]["proj:code"]
    item["assets"]["blue"]["proj:code"] = "EPSG:32707"
    item["assets"]["green"]["proj:wkt2"] = noaa_cdr_sea_ice()["properties"]["proj:wkt2"]
    item["assets"]["red"]["proj:code"] = "EPSG:4326"
    with pytest.raises(DocumentError, match="data assets 'blue' and 'green' are in different CRSs") as e:
        item_to_eo3(item)
    assert "\n" not in str(e.value) and len(str(e.value)) < 400
    assert e.value.field == "assets.green.proj:code"


def test_an_integer_band_with_nan_nodata_gets_none() -> None:
    """A catalog's slip (pystac's own raster example has one): NaN cannot be a uint16's nodata."""
    item = earth_search_v1()
    item["assets"]["nir09"]["raster:bands"][0]["nodata"] = "nan"
    product = collection_to_product_doc(None, sample_item=item)
    (nir09,) = [m for m in product["measurements"] if m["name"] == "nir09"]
    assert (nir09["dtype"], nir09["nodata"]) == ("uint16", 0)
