"""The read-only drivers answer as ODC's own API did on the same databases (``data/odc_*.json``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube import Datacube
from terracube.errors import QueryWarning, UnsupportedError
from terracube.index.odcdb import OdcIndex, OdcPostgisIndex, OdcPostgresIndex
from terracube.index.testing import dataset_doc, product_doc
from terracube.model import LineageRelation, eo3_metadata_type

from .conftest import answers

if TYPE_CHECKING:
    from collections.abc import Iterator

    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset


@pytest.fixture
def index(odc_url: str) -> Iterator[OdcIndex]:
    idx = OdcIndex.open(odc_url)
    yield idx
    idx.close()


def _iso(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def query_args(q: dict[str, Any]) -> dict[str, Any]:
    """A recorded query as keywords (lists are ranges)."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in q.items()}


def lineage_of(index: AbstractIndex, id_: uuid.UUID) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """One level of sources and of derived datasets: classifier -> sorted ids."""
    out = []
    for tree in (index.lineage.get_source_tree(id_, 1), index.lineage.get_derived_tree(id_, 1)):
        out.append({c: sorted(str(t.dataset_id) for t in ts) for c, ts in (tree.children or {}).items()})
    return out[0], out[1]


def odc_lineage(kind: str, entry: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """ODC's recorded lineage of a dataset, as :func:`lineage_of` gives it."""
    if kind == "postgis":
        return entry["sources"], entry["derived"]
    sources = {c: [i] for c, i in entry["sources"].items()}
    return sources, {}  # ODC's postgres API gives derived datasets without classifiers


def assert_same_as_odc(index: AbstractIndex, kind: str) -> None:
    """Every metadata type, product and dataset equals what ODC's API returned."""
    odc = answers(kind)
    assert {m.name: m.definition for m in index.metadata_types.get_all()} == odc["metadata_types"]
    assert {p.name: p.definition for p in index.products.get_all()} == odc["products"]
    mine = {str(d.id): d for d in index.datasets.search(archived=None)}
    assert sorted(mine) == sorted(odc["datasets"])
    for id_, entry in odc["datasets"].items():
        ds = mine[id_]
        assert ds.product.name == entry["product"], id_
        assert ds.metadata_doc == entry["metadata_doc"], id_
        assert ds.uri == entry["uri"], id_
        assert ds.is_archived is entry["archived"], id_
        assert ds.archived_time == _iso(entry["archived_time"]), id_
        assert ds.indexed_time == _iso(entry["indexed_time"]), id_
        sources, derived = lineage_of(index, ds.id)
        odc_sources, odc_derived = odc_lineage(kind, entry)
        assert sources == odc_sources, id_
        if kind == "postgis":
            assert derived == odc_derived, id_
        else:
            assert sorted(i for ids in derived.values() for i in ids) == entry["derived"], id_
    if kind == "postgis":
        ids = [*odc["datasets"], *odc["homes"]]
        assert {str(k): v for k, v in index.lineage.get_homes(*ids).items()} == odc["homes"]


def assert_same_answers(index: AbstractIndex, kind: str) -> int:
    """Every query ODC answered gets the same datasets; returns how many were compared."""
    dc = Datacube(index=index)
    compared = 0
    for q in answers(kind)["queries"]:
        if "refused" in q:
            continue
        found = dc.find_datasets(**query_args(q["query"]))
        assert sorted(str(d.id) for d in found) == q["ids"], q["query"]
        compared += 1
    for name, counts in answers(kind)["counts"].items():
        assert index.datasets.count(product=name) == counts["active"], name
        assert index.datasets.count(product=name, archived=True) == counts["archived"], name
    return compared


def test_open_finds_the_schema_and_its_driver(odc_url: str, kind: str) -> None:
    idx = OdcIndex.open(odc_url)
    expected = OdcPostgresIndex if kind == "postgres" else OdcPostgisIndex
    assert type(idx) is expected
    assert idx.driver_name == f"odc_{kind}"
    assert "agdc" in idx.describe() if kind == "postgres" else "revision 01fa1abedd6d" in idx.describe()
    assert idx.unreadable == []
    idx.close()
    direct = expected(odc_url)
    assert direct.datasets.count(archived=None) == len(answers(kind)["datasets"])
    direct.close()


def test_flags_are_declared_truthfully(kind: str) -> None:
    cls = OdcPostgresIndex if kind == "postgres" else OdcPostgisIndex
    caps = cls.capabilities()
    assert caps["supports_write"] is False
    assert caps["supports_persistence"] is caps["supports_transactions"] is caps["supports_users"] is False
    assert caps["supports_spatial_indexes"] is False
    assert caps["supports_eo3"] and caps["supports_lineage"] and caps["supports_nongeo"]
    # Legacy documents live only in ODC's postgres schema; external lineage and homes in postgis.
    assert caps["supports_legacy"] is (kind == "postgres")
    assert caps["supports_external_lineage"] is caps["supports_external_home"] is (kind == "postgis")


def test_documents_locations_archived_state_times_and_lineage_are_odcs(index: OdcIndex, kind: str) -> None:
    assert_same_as_odc(index, kind)


def test_queries_answer_as_odc(index: OdcIndex, kind: str) -> None:
    assert assert_same_answers(index, kind) >= 15


def test_odc_refused_some_queries_on_postgis_that_terracube_answers(index: OdcIndex, kind: str) -> None:
    refused = [q["query"] for q in answers(kind)["queries"] if "refused" in q]
    assert bool(refused) is (kind == "postgis")  # an equality and an unindexed range (docs/index.md)
    for q in refused:
        theirs = next(a["ids"] for a in answers("postgres")["queries"] if a["query"] == q)
        # The same documents in ODC's postgres database; one dataset there lacks the external source.
        mine = sorted(str(d.id) for d in index.datasets.search(**query_args(q)))
        assert set(theirs) <= set(mine) and len(mine) - len(theirs) <= 1


def test_several_locations_give_the_newest_active_one(index: OdcIndex, kind: str) -> None:
    several = [e for e in answers(kind)["datasets"].values() if len(e["uris"]) > 1]
    assert len(several) == (1 if kind == "postgres" else 0)
    assert index.several_locations() == len(several)
    for e in several:
        (ds,) = index.datasets.get_datasets_for_location(e["uris"][1])
        assert ds.uri == e["uris"][0] == e["uri"]
    archived_location = "s3://old/lvl1/l2/odc-metadata.yaml"
    assert list(index.datasets.get_datasets_for_location(archived_location)) == []
    prefix = list(index.datasets.get_datasets_for_location("s3://ard-bucket/", mode="prefix"))
    assert len(prefix) == sum(1 for e in answers(kind)["datasets"].values() if e["product"] == "ard_scene")


def test_searches_stream_sort_limit_and_count_by_fields(index: OdcIndex) -> None:
    found = index.datasets.search(product="ard_scene", order_by=["-sun_elevation"], limit=3, fetch_all=True)
    elevations = [d.metadata_doc["properties"]["eo:sun_elevation"] for d in found]
    assert elevations == sorted(elevations, reverse=True) and len(found) == 3
    by_time = list(index.datasets.search(product="lvl1_scene", order_by=["indexed_time"]))
    assert [d.indexed_time for d in by_time] == sorted(d.indexed_time for d in by_time)
    assert index.datasets.count(product="ard_scene", dataset_maturity="final") == sum(
        1
        for d in index.datasets.search(product="ard_scene")
        if d.metadata_doc["properties"].get("dea:dataset_maturity") == "final"
    )
    rows = index.datasets.search_returning(["id", "region_code"], product="lvl1_scene", region_code="ranged")
    assert [r.region_code for r in rows] == ["ranged"]
    per_product = dict((p.name, n) for p, n in index.datasets.count_by_product(time=("2020", "2021")))
    assert per_product["lvl1_scene"] == 17  # 18 scenes in 2020 and 2021, one archived
    assert index.datasets.count(product="lvl1_scene", time=("2020-06-15", "2020-06-15")) == 1
    with pytest.warns(QueryWarning, match="no product named 'nope'"):
        assert index.datasets.count(product="nope") == 0


def test_search_by_metadata_uses_odcs_documents(index: OdcIndex) -> None:
    found = index.datasets.search_by_metadata({"properties": {"odc:region_code": "ranged"}}, fetch_all=True)
    assert [d.metadata_doc["label"] for d in found] == ["lvl1_scene_ranged"]


def test_the_antimeridian_scene_is_found_from_either_side(index: OdcIndex) -> None:
    # ODC stored its lon extent as [179.75, 180.59]; terracube's footprint is cut at 180.
    west = {
        d.metadata_doc["label"]
        for d in index.datasets.search(product="lvl1_scene", lon=(-180, -179.6), lat=(-19, -18))
    }
    east = {
        d.metadata_doc["label"]
        for d in index.datasets.search(product="lvl1_scene", lon=(179.8, 180), lat=(-19, -18))
    }
    assert west == east == {"lvl1_scene_antimeridian"}


def test_legacy_documents_are_searched_by_their_footprints(odc_dbs: dict[str, str]) -> None:
    index = OdcPostgresIndex(odc_dbs["postgres"])
    legacy = index.datasets.search(product="ls5_nbar_scene", fetch_all=True)
    assert len(legacy) == 4 and all("$schema" not in d.metadata_doc for d in legacy)
    ds = legacy[0]
    assert ds.lonlat_footprint is not None and ds.time is not None
    box = ds.lonlat_footprint.bounds
    near = index.datasets.search(
        product="ls5_nbar_scene", lon=(box[0] + 0.1, box[0] + 0.2), lat=(box[1] + 0.1, box[1] + 0.2)
    )
    assert ds.id in {d.id for d in near}
    index.close()


def test_extents_and_changes(index: OdcIndex) -> None:
    t = index.products.temporal_extent("wofs_nan")
    assert t is not None and t.begin == dt.datetime(2022, 2, 10, 1, tzinfo=dt.UTC)
    g = index.products.spatial_extent("wofs_nan")
    assert g is not None and g.boundingbox.left == pytest.approx(149.0)
    assert index.products.most_recent_change("ard_scene") is not None
    assert index.products.most_recent_change("empty_product") is None


def test_every_write_is_refused_naming_the_flag_and_nothing_changes(index: OdcIndex) -> None:
    before = index.datasets.count(archived=None)
    some: Dataset = next(iter(index.datasets.search(product="lvl1_scene")))
    attempts = [
        lambda: index.init_db(),
        lambda: index.metadata_types.add(eo3_metadata_type()),
        lambda: index.products.add_document(product_doc("new_product")),
        lambda: index.products.update(index.products.get_by_name_unsafe("wofs_nan")),
        lambda: index.products.delete(["empty_product"]),
        lambda: index.datasets.add(index.datasets.from_doc(dataset_doc("lvl1_scene"))),
        lambda: index.datasets.archive([some.id]),
        lambda: index.datasets.restore([some.id]),
        lambda: index.datasets.purge([some.id], allow_delete_active=True),
        lambda: index.lineage.merge([LineageRelation("x", uuid.uuid4(), some.id)]),
        lambda: index.create_spatial_index("EPSG:3577"),
        lambda: index.users.create("user", "someone", "pw"),
    ]
    for attempt in attempts:
        with pytest.raises(UnsupportedError, match="supports_"):
            attempt()
    assert index.datasets.count(archived=None) == before
    assert not index.datasets.get(some.id).is_archived  # type: ignore[union-attr]


def test_an_earlier_revision_of_odcs_postgis_schema(odc_old_url: str) -> None:
    # ODC's own migrations took the postgis database back to 610f32dca3cb: locations in odc.location.
    index = OdcIndex.open(odc_old_url)
    try:
        assert index.found.version == "610f32dca3cb" and index.found.locations_table
        assert_same_as_odc(index, "postgis")
        assert assert_same_answers(index, "postgis") >= 15
        assert index.several_locations() == 0
        (ds,) = index.datasets.get_datasets_for_location("https://example.org/s2/s2_tiles_s0.json")
        assert ds.metadata_doc["label"] == "s2_tiles_s0"
    finally:
        index.close()
