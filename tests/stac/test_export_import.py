"""An index to a static STAC catalog and back: same documents, locations, products, lineage."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

import pystac
import pytest
from pystac.extensions.eo import EOExtension
from pystac.extensions.projection import ProjectionExtension
from pystac.extensions.raster import RasterExtension
from pystac.validation import JsonSchemaSTACValidator

from terracube.errors import DocumentError
from terracube.index.memory import MemoryIndex
from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import box_geometry, custom_metadata_type_doc, dataset_doc, product_doc
from terracube.model import LineageRelation
from terracube.stac import StacToDatasets, export_stac, import_stac, read_stac, stac_problems

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from terracube.index.abstract import AbstractIndex

EXTERNAL = uuid.UUID("00000000-0000-4000-8000-0000000000ee")


def _uid(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


@pytest.fixture
def source(tmp_path: Path) -> Iterator[SQLiteIndex]:
    idx = SQLiteIndex(tmp_path / "src.db")
    idx.init_db()
    idx.products.add_document(product_doc("ls8"))
    idx.metadata_types.add_document(custom_metadata_type_doc())
    idx.products.add_document(product_doc("custom", metadata_type="eo3_custom"))
    idx.products.add_document(product_doc("empty"))
    docs: list[tuple[dict[str, Any], str | None]] = [
        (dataset_doc("ls8", id=_uid(1), time="2020-01-05T00:00:00Z"), "file:///data/1/ds.odc-metadata.yaml"),
        (
            dataset_doc(
                "ls8",
                id=_uid(2),
                time=("2020-02-01T00:00:00Z", "2020-02-03T00:00:00Z"),
                lineage={"level1": [str(_uid(1)), str(EXTERNAL)]},
            ),
            "s3://bucket/2/ds.yaml",
        ),
        (
            dataset_doc(
                "ls8", id=_uid(3), crs="EPSG:32755", geometry=box_geometry(600000, 6000000, 700000, 6100000)
            ),
            None,
        ),
        (dataset_doc("ls8", id=_uid(4), lonlat=(179.5, -20.0, 180.5, -19.0)), "file:///data/4/ds.yaml"),
        (dataset_doc("ls8", id=_uid(5), crs=None), "file:///data/5/ds.yaml"),
        (
            dataset_doc(
                "custom",
                id=_uid(6),
                properties={"sat:absolute_orbit": 7, "test:gsd_min": 10, "test:gsd_max": 20},
            ),
            "file:///data/6/ds.yaml#2",
        ),
        (dataset_doc("ls8", id=_uid(7), time="2021-01-01T00:00:00Z"), "file:///data/7/ds.yaml"),
    ]
    idx.datasets.add_batch(idx.datasets.from_doc(d, uri=u) for d, u in docs)
    idx.datasets.archive([_uid(7)])
    yield idx
    idx.close()


def _snapshot(idx: AbstractIndex) -> dict[uuid.UUID, tuple[Any, ...]]:
    return {d.id: (d.product.name, d.metadata_doc, d.uri) for d in idx.datasets.search(archived=None)}


def _lineage(idx: AbstractIndex) -> set[LineageRelation]:
    return set(idx.lineage.get_all_lineage())


def test_export_then_import_gives_the_same_index(source: SQLiteIndex, tmp_path: Path) -> None:
    summary = export_stac(source, tmp_path / "cat", archived=None)
    assert (summary.items, summary.collections) == (7, 3)
    assert summary.by_product == {"custom": 1, "empty": 0, "ls8": 6}
    assert sorted(p.name for p in (tmp_path / "cat" / "items").iterdir()) == [
        f"{_uid(n)}.json" for n in range(1, 8)
    ]

    copy = MemoryIndex()
    copy.init_db(with_default_types=True)
    result = import_stac(copy, [tmp_path / "cat" / "catalog.json"])
    assert (result.added, result.skipped) == (7, 0)
    assert sorted(result.products) == ["custom", "ls8"]  # "empty" has no Items to bring it
    expected = _snapshot(source)
    assert _snapshot(copy) == expected
    for name in ("ls8", "custom"):
        assert (
            copy.products.get_by_name_unsafe(name).definition
            == source.products.get_by_name_unsafe(name).definition
        )
    assert copy.metadata_types.get_by_name_unsafe("eo3_custom") == source.metadata_types.get_by_name_unsafe(
        "eo3_custom"
    )
    assert (
        _lineage(copy)
        == _lineage(source)
        == {
            LineageRelation("level1", _uid(1), _uid(2)),
            LineageRelation("level1", EXTERNAL, _uid(2)),
        }
    )
    # Searches agree: the imported documents index the same way.
    for query in ({"time": ("2020-01-01", "2020-01-31")}, {"lat": (-19.8, -19.5), "lon": (-179.9, -179.6)}):
        assert {d.id for d in copy.datasets.search(**query)} == {
            d.id for d in source.datasets.search(**query)
        }
    # Importing again adds nothing.
    again = import_stac(copy, [tmp_path / "cat"])
    assert (again.added, again.skipped, again.products) == (0, 7, [])


@pytest.mark.parametrize("how", ["catalog.json", "folder"])
def test_ndjson_export_imports_the_same(source: SQLiteIndex, tmp_path: Path, how: str) -> None:
    summary = export_stac(source, tmp_path / "cat", archived=None, ndjson=True)
    assert summary.by_product == {"custom": 1, "empty": 0, "ls8": 6}
    assert not (tmp_path / "cat" / "items").exists()
    lines = (tmp_path / "cat" / "ls8" / "items.ndjson").read_text().splitlines()
    assert len(lines) == 6
    for label, obj in read_stac([tmp_path / "cat"]):
        assert stac_problems(obj) == [], label
    copy = MemoryIndex()
    copy.init_db()
    where = tmp_path / "cat" / "catalog.json" if how == "catalog.json" else tmp_path / "cat"
    assert import_stac(copy, [where]).added == 7
    assert _snapshot(copy) == _snapshot(source)
    assert _lineage(copy) == _lineage(source)


def test_every_file_is_valid_stac_as_pystac_reads_it(source: SQLiteIndex, tmp_path: Path) -> None:
    export_stac(source, tmp_path / "cat", archived=None)
    validator = JsonSchemaSTACValidator()  # pystac's own core schemas, read from the package
    kinds = {"Feature": pystac.STACObjectType.ITEM, "Collection": pystac.STACObjectType.COLLECTION}
    objects = list(read_stac([tmp_path / "cat"]))
    assert len(objects) == 1 + 3 + 7
    for label, obj in objects:
        assert stac_problems(obj) == [], label
        kind = kinds.get(obj["type"], pystac.STACObjectType.CATALOG)
        assert validator.validate_core(obj, kind, "1.1.0") is not None

    catalog = pystac.Catalog.from_file(str(tmp_path / "cat" / "catalog.json"))
    items = {it.id: it for it in catalog.get_items(recursive=True)}
    assert set(items) == {str(_uid(n)) for n in range(1, 8)}
    utm = items[str(_uid(3))]
    assert ProjectionExtension.ext(utm).code == "EPSG:32755"
    assert ProjectionExtension.ext(utm).shape == [100, 100]
    red = utm.assets["red"]
    assert red.roles == ["data"]
    assert [b.name for b in EOExtension.ext(red).bands or []] == ["red"]
    rb = (RasterExtension.ext(red).bands or [])[0]
    assert (rb.data_type, rb.nodata, rb.unit) == ("int16", -999, "1")
    # The lon/lat geometry is the footprint the index searches by.
    ds = source.datasets.get_unsafe(_uid(3))
    assert utm.bbox == pytest.approx(list(ds.lonlat_bounds or ()))
    across = items[str(_uid(4))]
    assert across.bbox is not None and across.bbox[0] > across.bbox[2]  # west > east: antimeridian
    ls8 = catalog.get_child("ls8")
    assert isinstance(ls8, pystac.Collection)
    west, _, east, _ = ls8.extent.spatial.bboxes[0]
    assert west > east  # the collection spans the antimeridian too
    start, end = ls8.extent.temporal.intervals[0]
    assert (start.isoformat(), end.isoformat()) == ("2020-01-05T00:00:00+00:00", "2021-01-01T00:00:00+00:00")
    derived = [lk for lk in items[str(_uid(2))].links if lk.rel == "derived_from"]
    assert [lk.href.rsplit("/", 1)[-1] for lk in derived] == [f"{_uid(1)}.json", f"{EXTERNAL}.json"]


def test_export_a_query(source: SQLiteIndex, tmp_path: Path) -> None:
    summary = export_stac(source, tmp_path / "cat", product="ls8", time=("2020-01-01", "2020-02-28"))
    assert (summary.items, summary.collections, summary.by_product) == (2, 1, {"ls8": 2})
    coll = json.loads((tmp_path / "cat" / "ls8" / "collection.json").read_text())
    assert [lk["href"] for lk in coll["links"] if lk["rel"] == "item"] == [
        f"../items/{_uid(1)}.json",
        f"../items/{_uid(2)}.json",
    ]
    assert not (tmp_path / "cat" / "custom").exists()


def test_import_into_a_given_product(source: SQLiteIndex, tmp_path: Path) -> None:
    export_stac(source, tmp_path / "cat", product="ls8")
    dest = MemoryIndex()
    dest.init_db()
    # A product the index lacks is made: from the Collection when one is read, renamed.
    result = import_stac(dest, [tmp_path / "cat" / "catalog.json"], product="ls8_copy")
    assert (result.added, result.products, result.made_from) == (5, ["ls8_copy"], {"ls8_copy": "ls8"})
    made = dest.products.get_by_name_unsafe("ls8_copy")
    assert made.measurements == source.products.get_by_name_unsafe("ls8").measurements
    assert {d.product.name for d in dest.datasets.search()} == {"ls8_copy"}
    # A product the index holds is used as it is.
    other = MemoryIndex()
    other.init_db()
    other.products.add_document(product_doc("ls8_copy"))
    result = import_stac(other, [tmp_path / "cat" / "items"], product="ls8_copy")
    assert (result.added, result.products) == (5, [])


def _foreign(n: int, **props: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": str(_uid(100 + n)),
        "collection": "landsat_c2",
        "geometry": box_geometry(149 + n, -36, 150 + n, -35),
        "bbox": [149 + n, -36, 150 + n, -35],
        "properties": {"datetime": f"2022-01-0{n + 1}T00:00:00Z", **props},
        "links": [{"rel": "derived_from", "href": f"https://example.com/x/{_uid(1)}.json"}],
        "assets": {
            "red": {
                "href": f"https://example.com/{n}/red.tif",
                "roles": ["data"],
                "raster:bands": [{"data_type": "uint16", "nodata": 0}],
            },
            "qa": {
                "href": f"https://example.com/{n}/qa.tif",
                "roles": ["data"],
                "raster:bands": [{"data_type": "uint8"}],
            },
        },
    }


def test_import_items_from_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "items.ndjson").write_text("\n".join(json.dumps(_foreign(n)) for n in range(3)) + "\n")
    (tmp_path / "more.json").write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": [_foreign(3, platform="landsat-9"), _foreign(4)]}
        )
    )
    dest = MemoryIndex()
    dest.init_db()
    result = import_stac(dest, [tmp_path / "items.ndjson", tmp_path / "more.json"])
    assert (result.added, result.products) == (5, ["landsat_c2"])
    product = dest.products.get_by_name_unsafe("landsat_c2")
    assert [(m.name, m.dtype, m.nodata) for m in product.measurements.values()] == [
        ("red", "uint16", 0),
        ("qa", "uint8", 0),
    ]
    assert dest.datasets.count(product="landsat_c2", lon=(150.5, 151.5)) == 2  # tiles 1 and 2 span it
    assert dest.datasets.count(platform="landsat-9") == 1
    ds = dest.datasets.get_unsafe(_uid(103))
    # (an asset without a media type: kept so, though its name would give one)
    assert ds.measurements["red"] == {"path": "https://example.com/3/red.tif", "type": None}
    assert dest.lineage.get_source_tree(_uid(103), max_depth=1).child_datasets() == {_uid(1)}


def test_unreadable_sources_are_named(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    dest = MemoryIndex()
    dest.init_db()
    with pytest.raises(DocumentError, match=r"bad\.json: not JSON"):
        import_stac(dest, [tmp_path / "bad.json"])
    with pytest.raises(DocumentError, match="nowhere: no such file or folder"):
        import_stac(dest, [tmp_path / "nowhere"])
    (tmp_path / "remote.json").write_text(
        json.dumps(
            {
                "type": "Catalog",
                "id": "c",
                "description": "d",
                "stac_version": "1.1.0",
                "links": [{"rel": "child", "href": "https://example.com/c.json"}],
            }
        )
    )
    with pytest.raises(DocumentError, match="is remote; download the catalog first"):
        import_stac(dest, [tmp_path / "remote.json"])
    (tmp_path / "nostac.geojson").write_text(json.dumps({"type": "Point", "coordinates": [0, 0]}))
    with pytest.raises(DocumentError, match="not a STAC object"):
        import_stac(dest, [tmp_path / "nostac.geojson"])


@pytest.mark.parametrize("batch_size", [1, 2, 4, 1000])
def test_bad_items_reported_in_their_order(batch_size: int) -> None:
    dest = MemoryIndex()
    dest.init_db()
    nameless = {k: v for k, v in _foreign(1).items() if k != "collection"}  # fails conversion
    late = _foreign(3)
    late["properties"]["datetime"] = "soon"  # fails validation
    later = _foreign(5, **{"eo:cloud_cover": "lots"})
    objects = [
        (f"item {n}", item)
        for n, item in enumerate([_foreign(0), nameless, _foreign(2), late, _foreign(4), later])
    ]
    events: list[tuple[str, str]] = []
    convert = StacToDatasets(dest, batch_size=batch_size)
    for label, ds in convert(objects, on_error=lambda label, e: events.append(("bad", label))):
        assert ds.id == uuid.UUID(objects[int(label.split()[1])][1]["id"])
        events.append(("ok", label))
    assert events == [
        ("ok", "item 0"),
        ("bad", "item 1"),
        ("ok", "item 2"),
        ("bad", "item 3"),
        ("ok", "item 4"),
        ("bad", "item 5"),
    ]
    seen = []
    with pytest.raises(DocumentError, match="item 1: the STAC Item names no collection"):
        seen.extend(label for label, _ in StacToDatasets(dest, batch_size=batch_size)(objects))
    assert seen == ["item 0"]
    with pytest.raises(DocumentError, match=r"item 3: field properties.datetime = 'soon'"):
        list(StacToDatasets(dest, batch_size=batch_size)(objects[2:]))
