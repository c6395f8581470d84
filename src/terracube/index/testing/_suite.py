"""`IndexTests`: the conformance suite every index driver runs.

A driver's test module subclasses :class:`IndexTests` and supplies one fixture, ``index``,
yielding a fresh, empty index on which ``init_db()`` has run. Everything else is inherited.
Where a driver's flag is False, the inherited test asserts the clear refusal.
"""

from __future__ import annotations

import datetime as dt
import pickle
import uuid
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terracube.errors import (
    DatasetNotFoundError,
    DocumentError,
    DuplicateRecordError,
    MetadataTypeNotFoundError,
    ProductNotFoundError,
    QueryError,
    QueryWarning,
    UnsupportedError,
    UpdateError,
)
from terracube.index._flags import FLAGS
from terracube.index._users import ROLES
from terracube.index.changes import allow_any
from terracube.index.testing._api_suite import ApiTests
from terracube.index.testing._dataset_options_suite import DatasetOptionTests
from terracube.index.testing._documents import (
    box_geometry,
    custom_metadata_type_doc,
    dataset_doc,
    product_doc,
)
from terracube.index.testing._documents_suite import DocumentTests
from terracube.index.testing._input_suite import HostileInputTests
from terracube.index.testing._lineage_suite import LineageTests
from terracube.index.testing._maintenance_suite import MaintenanceTests
from terracube.index.testing._options_suite import SearchOptionTests
from terracube.index.testing._oracle import PLATFORMS, expected_ids, random_documents
from terracube.model import Dataset, MetadataType, Product, Range

if TYPE_CHECKING:
    from collections.abc import Iterator

    from terracube.index.abstract import AbstractIndex

__all__ = ["IndexTests", "ids_of"]


def ids_of(datasets: Any) -> set[str]:
    """The ids of datasets (or of search_returning rows) as strings."""
    return {str(d.id) for d in datasets}


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


# Fixed ids make failures readable.
A = "00000000-0000-4000-8000-00000000000a"  # ls8, 2020-01-01T00:00:00, cloud 10
B = "00000000-0000-4000-8000-00000000000b"  # ls8, 2020-12-31T23:59:59.999999, cloud 50
C = "00000000-0000-4000-8000-00000000000c"  # ls8, 2021-01-01T00:00:00, cloud 60
D = "00000000-0000-4000-8000-00000000000d"  # ls8, 2019-12-25 .. 2020-01-05 (range), no cloud
E = "00000000-0000-4000-8000-00000000000e"  # s2 near Rome, 2020-03-15
F = "00000000-0000-4000-8000-00000000000f"  # s2 across the antimeridian, UTM 60S
G = "00000000-0000-4000-8000-000000000010"  # s2 triangle footprint (bbox 0..10)
H = "00000000-0000-4000-8000-000000000011"  # s2 clockwise ring, 2020-07-01
J = "00000000-0000-4000-8000-000000000012"  # s2 in EPSG:4326 written past 180 (179..181)
X = "00000000-0000-4000-8000-000000000013"  # ls8, archived, 2020-06-01


def _standard_docs() -> list[dict[str, Any]]:
    return [
        dataset_doc("ls8", id=A, time="2020-01-01T00:00:00Z", cloud_cover=10.0),
        dataset_doc("ls8", id=B, time="2020-12-31T23:59:59.999999Z", cloud_cover=50.0),
        dataset_doc("ls8", id=C, time="2021-01-01T00:00:00Z", cloud_cover=60.0, region_code="090084"),
        dataset_doc("ls8", id=D, time=("2019-12-25T00:00:00Z", "2020-01-05T00:00:00Z"), cloud_cover=None),
        dataset_doc(
            "s2", id=E, time="2020-03-15T10:00:00Z", platform="sentinel-2a", lonlat=(12.0, 41.5, 13.0, 42.5)
        ),
        dataset_doc(
            "s2",
            id=F,
            time="2020-03-16T10:00:00Z",
            platform="sentinel-2b",
            crs="EPSG:32760",
            geometry=box_geometry(600000, 5000000, 900000, 5300000),
        ),
        dataset_doc(
            "s2",
            id=G,
            time="2020-03-17T10:00:00Z",
            platform="sentinel-2a",
            geometry={"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [0, 10], [0, 0]]]},
        ),
        dataset_doc(
            "s2",
            id=H,
            time="2020-07-01T00:00:00Z",
            platform="sentinel-2a",
            geometry=box_geometry(20.0, 20.0, 21.0, 21.0, clockwise=True),
        ),
        dataset_doc(
            "s2",
            id=J,
            time="2020-03-18T10:00:00Z",
            platform="sentinel-2b",
            lonlat=(179.0, -20.0, 181.0, -19.0),
        ),
        dataset_doc("ls8", id=X, time="2020-06-01T00:00:00Z", cloud_cover=30.0),
    ]


# --- random queries against the brute-force oracle ----------------------------------------------

_DATES = st.one_of(
    st.sampled_from(
        ["2019", "2020", "2021", "2020-02", "2020-12", "2021-01", "2020-02-29", "2020-12-31", "2021-01-01"]
    ),
    st.datetimes(
        min_value=dt.datetime(2019, 10, 1), max_value=dt.datetime(2021, 8, 1), timezones=st.just(dt.UTC)
    ),
)


@st.composite
def _queries(draw: Any) -> dict[str, Any]:
    q: dict[str, Any] = {}
    if draw(st.booleans()):
        lo = draw(st.one_of(st.none(), _DATES))
        hi = draw(st.one_of(st.none(), _DATES))
        if lo is not None and hi is not None:
            from terracube.index.query import parse_time

            try:
                parse_time((lo, hi))
            except QueryError:
                lo, hi = hi, lo
        q["time"] = (lo, hi)
    if draw(st.booleans()):
        a = draw(st.sampled_from([0.0, 5.0, 10.0, 10.5, 50.0, 100.0]))
        b = draw(st.sampled_from([0.0, 10.0, 10.5, 50.0, 99.9, 100.0]))
        q["cloud_cover"] = (min(a, b), max(a, b))
    if draw(st.booleans()):
        q["platform"] = draw(st.lists(st.sampled_from(PLATFORMS), min_size=1, max_size=2, unique=True))
    if draw(st.integers(0, 4)) == 0:
        q["region_code"] = draw(st.sampled_from(["001", "002", "003"]))
    if draw(st.booleans()):
        w = draw(st.floats(-180, 179, allow_nan=False))
        s = draw(st.floats(-80, 79, allow_nan=False))
        q["lon"] = (w, min(180.0, w + draw(st.floats(0, 40, allow_nan=False))))
        q["lat"] = (s, min(80.0, s + draw(st.floats(0, 20, allow_nan=False))))
    return q


class _RandomQueries:
    """Mixin: random documents and queries, checked against the oracle."""

    @pytest.fixture
    def random_index(self, writable: AbstractIndex) -> tuple[AbstractIndex, list[dict[str, Any]]]:
        writable.products.add_document(product_doc("rnd"))
        docs = random_documents(150, seed=20261122)
        writable.datasets.add_batch(writable.datasets.from_doc(d) for d in docs)
        return writable, docs

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.differing_executors],
    )
    @given(query=_queries())
    def test_random_queries_match_brute_force(
        self, random_index: tuple[AbstractIndex, list[dict[str, Any]]], query: dict[str, Any]
    ) -> None:
        idx, docs = random_index
        expected = expected_ids(docs, query)
        assert ids_of(idx.datasets.search(product="rnd", **query)) == expected
        assert idx.datasets.count(product="rnd", **query) == len(expected)


class IndexTests(
    _RandomQueries,
    LineageTests,
    SearchOptionTests,
    DatasetOptionTests,
    MaintenanceTests,
    HostileInputTests,
    DocumentTests,
    ApiTests,
):
    """Inherit this and supply an ``index`` fixture to run the whole suite on a driver."""

    # --- fixtures -------------------------------------------------------------------------------

    @pytest.fixture
    def index(self) -> AbstractIndex:  # pragma: no cover - subclasses supply it
        raise NotImplementedError("a driver's test class must supply the `index` fixture")

    @pytest.fixture
    def writable(self, index: AbstractIndex) -> AbstractIndex:
        if not index.supports_write:
            pytest.fail(f"{type(index).__name__} is read-only; override the write tests with refusal checks")
        return index

    @pytest.fixture
    def products(self, writable: AbstractIndex) -> dict[str, Product]:
        idx = writable
        out = {
            "ls8": idx.products.add_document(product_doc("ls8", platform="landsat-8")),
            "s2": idx.products.add_document(product_doc("s2")),
        }
        idx.metadata_types.add_document(custom_metadata_type_doc())
        out["custom"] = idx.products.add_document(product_doc("custom", metadata_type="eo3_custom"))
        return out

    @pytest.fixture
    def populated(self, writable: AbstractIndex, products: dict[str, Product]) -> AbstractIndex:
        idx = writable
        docs = _standard_docs()
        idx.datasets.add_batch(
            [
                idx.datasets.from_doc(d, uri=f"file:///data/{d['product']['name']}/{d['id']}.yaml")
                for d in docs
            ]
        )
        idx.datasets.archive([X])
        return idx

    # --- capabilities ---------------------------------------------------------------------------

    def test_declares_every_flag(self, index: AbstractIndex) -> None:
        caps = index.capabilities()
        assert set(caps) == set(FLAGS)
        assert all(isinstance(v, bool) for v in caps.values())
        assert index.supports_eo3

    def test_users_refused_or_work(self, index: AbstractIndex) -> None:
        if index.supports_users:
            users = list(index.users.list_users())
            assert all(role in ROLES for role, _, _ in users)
            assert list(index.users.list()) == users
        else:
            with pytest.raises(UnsupportedError, match="supports_users"):
                index.users.create("user", "someone", "secret")
            with pytest.raises(NotImplementedError, match="supports_users"):
                list(index.users.list_users())
            with pytest.raises(NotImplementedError, match="supports_users"):
                list(index.users.list())

    def test_lineage_refused_or_work(self, index: AbstractIndex) -> None:
        if not index.supports_lineage:
            with pytest.raises(UnsupportedError, match="supports_lineage"):
                index.lineage.get_source_tree(uuid.uuid4())

    def test_spatial_index_management(self, index: AbstractIndex) -> None:
        crss = [str(c) for c in index.spatial_indexes()]
        assert "EPSG:4326" in crss
        if not index.supports_spatial_indexes:
            with pytest.raises(UnsupportedError, match="supports_spatial_indexes"):
                index.create_spatial_index("EPSG:3577")

    def test_init_db_is_idempotent(self, index: AbstractIndex) -> None:
        assert index.init_db() is False
        assert index.metadata_types.get_by_name("eo3") is not None

    # --- metadata types -------------------------------------------------------------------------

    def test_eo3_metadata_type_built_in(self, index: AbstractIndex) -> None:
        mt = index.metadata_types.get_by_name_unsafe("eo3")
        assert {"time", "lat", "lon", "platform", "cloud_cover", "region_code"} <= set(mt.search_fields)
        assert mt.search_fields["time"].is_range
        ids = dict((m.name, i) for i, m in index.metadata_types.get_all_with_ids())
        assert index.metadata_types.get(ids["eo3"]) == mt
        assert index.metadata_types.get(10_000) is None
        with pytest.raises(MetadataTypeNotFoundError, match="'nope'"):
            index.metadata_types.get_by_name_unsafe("nope")
        assert [m.name for m in index.metadata_types.get_with_fields(["time", "lat"])] == ["eo", "eo3"]
        assert [m.name for m in index.metadata_types.get_with_fields(["orbit"])] == ["telemetry"]

    def test_add_metadata_type_idempotent_and_conflict(self, writable: AbstractIndex) -> None:
        doc = custom_metadata_type_doc()
        mt = writable.metadata_types.add_document(doc)
        assert writable.metadata_types.add_document(doc) == mt
        assert {m.name for m in writable.metadata_types.get_all()} == {"eo", "eo3", "eo3_custom", "telemetry"}
        other = custom_metadata_type_doc()
        other["dataset"]["search_fields"]["orbit"]["type"] = "string"
        with pytest.raises(DuplicateRecordError, match="eo3_custom"):
            writable.metadata_types.add_document(other)
        assert writable.metadata_types.get_by_name_unsafe("eo3_custom") == mt

    def test_metadata_type_update_rules(self, writable: AbstractIndex) -> None:
        mt = writable.metadata_types.add_document(custom_metadata_type_doc())
        safe = mt.definition
        safe["description"] = "new words"
        safe["dataset"]["search_fields"]["new_field"] = {"offset": ["properties", "x:new"]}
        ok, safe_changes, unsafe_changes = writable.metadata_types.can_update(MetadataType.from_doc(safe))
        assert ok
        assert len(safe_changes) == 2
        assert not unsafe_changes
        updated = writable.metadata_types.update_document(safe)
        assert "new_field" in updated.search_fields
        unsafe = updated.definition
        unsafe["dataset"]["search_fields"]["orbit"]["offset"] = ["properties", "other"]
        with pytest.raises(UpdateError, match="orbit"):
            writable.metadata_types.update_document(unsafe)
        assert writable.metadata_types.get_by_name_unsafe("eo3_custom") == updated
        forced = writable.metadata_types.update_document(unsafe, allow_unsafe_updates=True)
        assert forced.search_fields["orbit"].offsets == (("properties", "other"),)

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (lambda d: d.update(name="bad name!"), r"field name = 'bad name!'"),
            (lambda d: d["dataset"]["search_fields"]["orbit"].update(type="wibble"), "wibble"),
            (lambda d: d["dataset"]["search_fields"].update(product={"offset": ["a"]}), "reserved"),
            (lambda d: d["dataset"]["search_fields"]["gsd"].pop("max_offset"), "max_offset"),
        ],
    )
    def test_bad_metadata_type_refused(self, writable: AbstractIndex, mutate: Any, message: str) -> None:
        doc = custom_metadata_type_doc()
        mutate(doc)
        with pytest.raises(DocumentError, match=message):
            writable.metadata_types.add_document(doc)
        assert [m.name for m in writable.metadata_types.get_all()] == ["eo", "eo3", "telemetry"]

    # --- products -------------------------------------------------------------------------------

    def test_product_lookups(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        ls8 = idx.products.get_by_name_unsafe("ls8")
        assert ls8 == products["ls8"]
        assert ls8.measurements["red"].aliases == ("band_4",)
        assert [p.name for p in idx.products.get_all()] == ["custom", "ls8", "s2"]
        ids = {p.name: i for i, p in idx.products.get_all_with_ids()}
        assert idx.products.get(ids["s2"]) == products["s2"]
        assert idx.products.get(99_999) is None
        with pytest.raises(ProductNotFoundError, match="'nope'"):
            idx.products.get_by_name_unsafe("nope")
        assert {p.name for p in idx.products.get_with_fields(["orbit"])} == {"custom"}
        assert {p.name for p in idx.products.get_with_types(["eo3"])} == {"ls8", "s2"}
        assert "orbit" in idx.products.get_field_names("custom")
        assert "orbit" not in idx.products.get_field_names("ls8")

    def test_product_unknown_metadata_type(self, writable: AbstractIndex) -> None:
        with pytest.raises(DocumentError, match=r"metadata_type = 'eo9'.*no such metadata type"):
            writable.products.add_document(product_doc("p1", metadata_type="eo9"))
        assert list(writable.products.get_all()) == []

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (lambda d: d["measurements"][0].update(dtype="int13"), "int13"),
            (lambda d: d["measurements"][2].update(nodata=-129), r"nodata -129 cannot be stored as uint8"),
            (lambda d: d["measurements"][1].update(name="red"), "two measurements are named 'red'"),
            (lambda d: d["measurements"][0].pop("units"), "units"),
            (lambda d: d.update(name=""), "field name"),
        ],
    )
    def test_bad_product_refused(self, writable: AbstractIndex, mutate: Any, message: str) -> None:
        doc = product_doc("p1")
        mutate(doc)
        with pytest.raises(DocumentError, match=message):
            writable.products.add_document(doc)
        assert list(writable.products.get_all()) == []

    def test_product_duplicate_and_update(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        assert idx.products.add_document(product_doc("ls8", platform="landsat-8")) == products["ls8"]
        changed = product_doc("ls8", platform="landsat-8")
        changed["measurements"][0]["dtype"] = "int32"
        with pytest.raises(DuplicateRecordError, match="'ls8'"):
            idx.products.add_document(changed)
        with pytest.raises(UpdateError, match="measurements"):
            idx.products.update_document(changed)
        assert idx.products.get_by_name_unsafe("ls8") == products["ls8"]
        looser = product_doc("ls8")  # drops the platform match rule: safe
        looser["description"] = "redescribed"
        ok, safe, unsafe = idx.products.can_update(idx.products.from_doc(looser))
        assert ok
        assert not unsafe
        assert len(safe) == 2
        assert idx.products.update_document(looser).description == "redescribed"
        assert (
            idx.products.update_document(changed, allow_unsafe_updates=True).measurements["red"].dtype
            == "int32"
        )

    def test_product_search(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        # search: the products whose metadata settles every queried field (as ODC's does).
        assert {p.name for p in idx.products.search(platform="landsat-8")} == {"ls8"}
        assert {p.name for p in idx.products.search(platform=["landsat-8", "landsat-9"])} == {"ls8"}
        assert {p.name for p in idx.products.search(platform="sentinel-2a")} == set()
        assert {p.name for p in idx.products.search(platform="landsat-8", cloud_cover=(0, 5))} == set()
        assert {p.name for p in idx.products.search(orbit=5)} == set()
        assert {p.name for p in idx.products.search()} == {"ls8", "s2", "custom"}
        assert {p.name for p in idx.products.search(product=["ls8", "s2"])} == {"ls8", "s2"}
        assert {p.name for p in idx.products.search(product=("ls8", "nope"))} == {"ls8"}
        assert {p.name for p in idx.products.search(metadata_type="eo3_custom")} == {"custom"}
        assert {p.name for p in idx.products.search(metadata_type=["eo3"], platform="landsat-8")} == {"ls8"}
        assert list(idx.products.search(lat=(0, 1))) == []  # a region is left for the datasets
        # search_robust: every product that may hold matching datasets, with what is left.
        robust = {
            p.name: left for p, left in idx.products.search_robust(platform="landsat-8", cloud_cover=(0, 5))
        }
        assert robust == {
            "ls8": {"cloud_cover": (0, 5)},
            "s2": {"platform": "landsat-8", "cloud_cover": (0, 5)},
            "custom": {"platform": "landsat-8", "cloud_cover": (0, 5)},
        }
        assert [p.name for p, _ in idx.products.search_robust(platform="sentinel-2a")] == ["custom", "s2"]
        assert {
            p.name: left for p, left in idx.products.search_robust(orbit=5, metadata_type="eo3_custom")
        } == {"custom": {"orbit": 5}}
        assert [p.name for p, _ in idx.products.search_robust(orbit=5, product="ls8")] == []
        assert [
            p.name for p in idx.products.search_by_metadata({"properties": {"eo:platform": "landsat-8"}})
        ] == ["ls8"]
        assert list(idx.products.search(product="nope")) == []
        with pytest.raises(QueryError, match=r"unknown search field\(s\) \['wibble'\]"):
            list(idx.products.search(wibble=1))

    def test_product_without_datasets(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        assert idx.products.spatial_extent("s2") is None
        assert idx.products.temporal_extent("s2") is None
        assert idx.products.most_recent_change("s2") is None
        assert idx.datasets.count(product="s2") == 0
        assert list(idx.datasets.search(product="s2")) == []
        assert dict(idx.datasets.count_by_product()) == {}

    def test_product_extents(self, populated: AbstractIndex) -> None:
        idx = populated
        assert idx.products.temporal_extent("ls8") == Range(_utc(2019, 12, 25), _utc(2021, 1, 1))
        ext = idx.products.spatial_extent("ls8")
        assert ext is not None
        assert ext.crs is not None
        assert ext.crs.epsg == 4326
        assert ext.boundingbox.left == pytest.approx(149.0)
        assert ext.boundingbox.top == pytest.approx(-35.0)
        ext_utm = idx.products.spatial_extent("ls8", crs="EPSG:32755")
        assert ext_utm is not None
        assert ext_utm.crs is not None
        assert ext_utm.crs.epsg == 32755
        changed = idx.products.most_recent_change("ls8")
        indexed = idx.datasets.get_unsafe(A).indexed_time
        assert changed is not None
        assert indexed is not None
        assert changed >= indexed

    def test_delete_product(self, populated: AbstractIndex) -> None:
        idx = populated
        with pytest.raises(UpdateError, match="active datasets"):
            idx.products.delete(["ls8"])
        assert idx.datasets.count(product="ls8") == 4
        idx.products.delete(["ls8"], allow_delete_active=True)
        assert idx.products.get_by_name("ls8") is None
        assert not idx.datasets.has(A)
        assert not idx.datasets.has(X)

    # --- adding datasets ------------------------------------------------------------------------

    def test_add_and_get(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        doc = dataset_doc("ls8", id=A)
        ds = idx.datasets.add(idx.datasets.from_doc(doc, uri="file:///data/a.yaml"))
        assert ds.id == uuid.UUID(A)
        assert ds.uri == "file:///data/a.yaml"
        got = idx.datasets.get_unsafe(A)
        assert got == ds
        assert got.metadata_doc == doc
        assert got.product == products["ls8"]
        assert got.indexed_time is not None
        assert got.indexed_time.tzinfo is not None
        assert got.is_active
        assert got.archived_time is None
        assert idx.datasets.get(uuid.UUID(A)) == got
        assert idx.datasets.get(uuid.uuid4()) is None
        with pytest.raises(DatasetNotFoundError, match="no dataset with id"):
            idx.datasets.get_unsafe(uuid.uuid4())
        with pytest.raises(KeyError):
            idx.datasets.get_unsafe(uuid.uuid4())
        assert idx.datasets.has(A)
        assert not idx.datasets.has(B)
        assert idx.datasets.bulk_has([B, A]) == [False, True]
        assert ids_of(idx.datasets.bulk_get([A, B])) == {A}
        assert idx.datasets.get_location(A) == "file:///data/a.yaml"
        assert pickle.loads(pickle.dumps(got)) == got

    def test_add_identical_is_noop_and_conflict_refused(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        doc = dataset_doc("ls8", id=A)
        first = idx.datasets.add(idx.datasets.from_doc(doc))
        again = idx.datasets.add(idx.datasets.from_doc(doc))
        assert again == first
        assert again.indexed_time == first.indexed_time
        assert idx.datasets.count() == 1
        other = dataset_doc("ls8", id=A, cloud_cover=99.0)
        with pytest.raises(DuplicateRecordError, match=A):
            idx.datasets.add(idx.datasets.from_doc(other))
        assert idx.datasets.get_unsafe(A).metadata_doc == doc

    def test_add_batch_all_or_nothing(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8", id=A)))
        good = [idx.datasets.from_doc(dataset_doc("ls8")) for _ in range(25)]
        status = idx.datasets.add_batch(
            [*good, idx.datasets.from_doc(dataset_doc("ls8", id=A))], batch_size=7
        )
        assert (status.completed, status.skipped) == (25, 1)
        assert idx.datasets.count() == 26
        more = [idx.datasets.from_doc(dataset_doc("ls8")) for _ in range(5)]
        clash = idx.datasets.from_doc(dataset_doc("ls8", id=A, cloud_cover=1.0))
        if idx.supports_transactions:
            with pytest.raises(DuplicateRecordError, match=A):
                idx.datasets.add_batch([*more, clash], batch_size=2)
            assert idx.datasets.count() == 26
            assert not any(idx.datasets.bulk_has([d.id for d in more]))
        twice = dataset_doc("ls8")
        twice_other = dict(twice, label="changed")
        with pytest.raises(DuplicateRecordError, match="twice"):
            idx.datasets.add_batch([idx.datasets.from_doc(twice), idx.datasets.from_doc(twice_other)])
        assert not idx.datasets.has(twice["id"])

    def test_add_batch_from_a_generator(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        import threading

        idx = writable
        docs = [dataset_doc("ls8") for _ in range(23)]
        status = idx.datasets.add_batch((idx.datasets.from_doc(d) for d in docs), batch_size=5)
        assert status.completed == 23
        assert all(idx.datasets.bulk_has([d["id"] for d in docs]))

        def failing() -> Iterator[Dataset]:
            for n in range(20):
                if n == 12:
                    raise DocumentError("document 12 is broken")
                yield idx.datasets.from_doc(dataset_doc("ls8"))

        if idx.supports_transactions:
            with pytest.raises(DocumentError, match="document 12 is broken"):
                idx.datasets.add_batch(failing(), batch_size=5)
            assert idx.datasets.count() == 23
        # Whatever happened, no reading thread is left behind.
        assert not [t for t in threading.enumerate() if "read-ahead" in t.name]

    def test_add_batch_sees_the_callers_transaction(self, writable: AbstractIndex) -> None:
        idx = writable
        if not idx.supports_transactions:
            return
        with idx.transaction():
            idx.products.add_document(product_doc("fresh"))
            status = idx.datasets.add_batch(
                (idx.datasets.from_doc(dataset_doc("fresh")) for _ in range(12)), batch_size=5
            )
        assert status.completed == 12
        assert idx.datasets.count(product="fresh") == 12

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (lambda d: d.update(id="not-a-uuid"), r"field id = 'not-a-uuid'"),
            (lambda d: d.pop("$schema"), r"\$schema"),
            (lambda d: d["properties"].update(datetime="2020-13-45"), r"properties.datetime = '2020-13-45'"),
            (lambda d: d["properties"].pop("datetime"), "properties.datetime"),
            (lambda d: d["properties"].update({"eo:cloud_cover": "lots"}), r"'lots'.*cloud_cover"),
            (lambda d: d.update(crs="EPSG:999999"), r"field crs = 'EPSG:999999'"),
            (
                lambda d: d.update(
                    geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
                ),
                r"field geometry.*not a valid polygon",
            ),
            (lambda d: d.update(geometry=box_geometry(0, 100, 1, 101)), r"field geometry.*lon/lat range"),
            (lambda d: d["grids"]["default"].update(shape=[10]), r"grids.default.shape"),
            (lambda d: d["measurements"]["red"].update(grid=["g"]), r"measurements.red.grid = \['g'\]"),
            (lambda d: d.update(lineage={"source_ids": {"ard": ["xx"]}}), r"lineage.source_ids.ard = 'xx'"),
        ],
    )
    def test_bad_dataset_refused(
        self, products: dict[str, Product], writable: AbstractIndex, mutate: Any, message: str
    ) -> None:
        doc = dataset_doc("ls8")
        mutate(doc)
        with pytest.raises(DocumentError, match=message) as err:
            writable.datasets.add(writable.datasets.from_doc(doc, uri="file:///x/bad.yaml"))
        assert "file:///x/bad.yaml" in str(err.value)
        assert writable.datasets.count(archived=None) == 0

    def test_from_docs_as_from_doc(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        docs = [
            *_standard_docs(),
            dataset_doc(
                "custom", properties={"sat:absolute_orbit": 3, "test:gsd_min": 10, "test:gsd_max": 20}
            ),
            dataset_doc("ls8", crs="EPSG:32755", geometry=box_geometry(500000, 6000000, 600000, 6100000)),
            dataset_doc("ls8", crs=None),  # no footprint at all
        ]
        uris = [None if i % 3 else f"file:///data/{i}.yaml" for i in range(len(docs))]
        one_by_one = [idx.datasets.from_doc(d, uri=u) for d, u in zip(docs, uris, strict=True)]
        together = idx.datasets.from_docs(docs, uris=uris)
        assert together == one_by_one
        assert [d.search_values() for d in together] == [d.search_values() for d in one_by_one]
        assert [d.lonlat_bounds for d in together] == [d.lonlat_bounds for d in one_by_one]
        storable = [d for d in together if d.extent is not None or idx.supports_nongeo]
        idx.datasets.add_batch(storable)
        assert idx.datasets.count(archived=None) == len(storable)

    def test_from_docs_raises_the_first_bad_documents_error(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        docs = [dataset_doc("ls8") for _ in range(6)]
        docs[2]["properties"]["datetime"] = "2020-13-45"
        docs[4]["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
        docs[5]["product"]["name"] = "nope"
        wheres = [f"document {i}" for i in range(len(docs))]
        for first in (2, 4, 5):
            with pytest.raises(DocumentError) as expected:
                writable.datasets.from_doc(docs[first], where=wheres[first])
            with pytest.raises(DocumentError) as err:
                writable.datasets.from_docs(docs[first:], wheres=wheres[first:])
            assert str(err.value) == str(expected.value)
            assert f"document {first}" in str(err.value)

    def test_dataset_of_unknown_product(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        with pytest.raises(DocumentError, match=r"product.name = 'nope'.*no such product"):
            writable.datasets.from_doc(dataset_doc("nope"))
        orphan = Dataset.from_doc(
            dataset_doc("orphan"), Product.from_doc(product_doc("orphan"), products["ls8"].metadata_type)
        )
        with pytest.raises(DocumentError, match="'orphan'"):
            writable.datasets.add(orphan)
        assert writable.datasets.count(archived=None) == 0

    def test_legacy_dataset_document_refused_as_such(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        # A pre-eo3 document has no product.name to look up: the error says it is not eo3 and
        # what to do, in one line, rather than listing the products.
        scene = {
            "id": str(uuid.uuid4()),
            "product_type": "level1",
            "platform": {"code": "LANDSAT_8"},
            "extent": {"center_dt": "2020-01-01T00:00:00Z"},
            "image": {"bands": {"red": {"path": "red.tif"}}},
        }
        for call in (writable.datasets.from_doc, lambda d: writable.datasets.from_docs([d])[0]):
            with pytest.raises(
                DocumentError, match=r"not an eo3 document .* eo3 dataset documents only"
            ) as err:
                call(scene)
            assert "\n" not in str(err.value)
            assert "ls8" not in str(err.value)

    def test_nongeo_dataset(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        if not writable.supports_nongeo:
            return
        doc = dataset_doc("ls8", crs=None)
        ds = writable.datasets.add(writable.datasets.from_doc(doc))
        assert ds.extent is None
        assert ids_of(writable.datasets.search(time="2020")) == {doc["id"]}
        assert writable.datasets.count(lat=(-90, 90), lon=(-180, 180)) == 0

    # --- updating, archiving, purging --------------------------------------------------------------

    def test_update_rules(self, populated: AbstractIndex) -> None:
        idx = populated
        before = idx.datasets.get_unsafe(A)
        doc = before.metadata_doc
        doc["properties"]["eo:cloud_cover"] = 99.0
        new = idx.datasets.from_doc(doc, uri=before.uri)
        ok, _safe, unsafe = idx.datasets.can_update(new)
        assert not ok
        assert unsafe == [(("properties", "eo:cloud_cover"), 10.0, 99.0)]
        with pytest.raises(UpdateError, match="eo:cloud_cover"):
            idx.datasets.update(new)
        assert idx.datasets.get_unsafe(A) == before
        after = idx.datasets.update(new, updates_allowed={("properties", "eo:cloud_cover"): allow_any})
        assert after.metadata_doc["properties"]["eo:cloud_cover"] == 99.0
        assert ids_of(idx.datasets.search(cloud_cover=(90, 100))) == {A}
        assert after.indexed_time == before.indexed_time
        moved = idx.datasets.update(after.replace(uri="s3://bucket/a.yaml"))
        assert moved.uri == "s3://bucket/a.yaml"
        assert ids_of(idx.datasets.get_datasets_for_location("s3://bucket/a.yaml")) == {A}
        other_product = Dataset.from_doc(
            dict(doc, product={"name": "s2"}), idx.products.get_by_name_unsafe("s2")
        )
        with pytest.raises(UpdateError, match="product"):
            idx.datasets.update(other_product, updates_allowed={(): allow_any})

    def test_archive_restore_purge(self, populated: AbstractIndex) -> None:
        idx = populated
        assert ids_of(idx.datasets.search(product="ls8")) == {A, B, C, D}
        assert ids_of(idx.datasets.search(product="ls8", archived=True)) == {X}
        assert ids_of(idx.datasets.search(product="ls8", archived=None)) == {A, B, C, D, X}
        assert idx.datasets.count(product="ls8", archived=None) == 5
        assert idx.datasets.get_unsafe(X).is_archived
        idx.datasets.archive([A, uuid.uuid4()])
        assert idx.datasets.count(product="ls8") == 3
        archived_at = idx.datasets.get_unsafe(A).archived_time
        assert archived_at is not None
        idx.datasets.archive([A])
        assert idx.datasets.get_unsafe(A).archived_time == archived_at
        idx.datasets.restore([A])
        assert idx.datasets.get_unsafe(A).is_active
        assert idx.datasets.purge([A, X]) == [uuid.UUID(X)]
        assert idx.datasets.has(A)
        assert not idx.datasets.has(X)
        assert idx.datasets.purge([A], allow_delete_active=True) == [uuid.UUID(A)]
        assert not idx.datasets.has(A)

    def test_locations(self, populated: AbstractIndex) -> None:
        idx = populated
        assert ids_of(idx.datasets.get_datasets_for_location(f"file:///data/ls8/{A}.yaml")) == {A}
        assert ids_of(idx.datasets.get_datasets_for_location("file:///data/ls8/", mode="prefix")) == {
            A,
            B,
            C,
            D,
            X,
        }
        assert list(idx.datasets.get_datasets_for_location("file:///data/ls8/")) == []

    def test_transaction_rolls_back(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        if not idx.supports_transactions:
            return
        ds = idx.datasets.from_doc(dataset_doc("ls8", id=A))

        def fail_midway() -> None:
            with idx.transaction():
                idx.datasets.add(ds)
                idx.products.add_document(product_doc("p_in_tx"))
                assert idx.datasets.has(A)
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError, match="boom"):
            fail_midway()
        assert not idx.datasets.has(A)
        assert idx.products.get_by_name("p_in_tx") is None
        with idx.transaction():
            idx.datasets.add(ds)
        assert idx.datasets.has(A)

    # --- searching ------------------------------------------------------------------------------

    def test_search_streams_or_fetches_all(self, populated: AbstractIndex) -> None:
        idx = populated
        it = idx.datasets.search(product="ls8")
        assert not isinstance(it, list)
        first = next(iter(it))
        assert isinstance(first, Dataset)
        got = idx.datasets.search(product="ls8", fetch_all=True)
        assert isinstance(got, list)
        assert len(got) == 4
        assert len(list(idx.datasets.search(product="ls8", limit=2))) == 2
        assert list(idx.datasets.search(product="ls8", limit=0)) == []

    @pytest.mark.parametrize(
        ("time", "expected"),
        [
            ("2020", {A, B, D}),
            ("2021", {C}),
            ("2019", {D}),
            ("2020-01", {A, D}),
            ("2020-01-01", {A, D}),
            ("2020-01-06", set()),
            ("2020-12", {B}),
            (("2020-12-31", "2021-01-01"), {B, C}),
            (("2020-02", "2020-12"), {B}),
            ((None, "2019-12-31"), {D}),
            (("2020-06", None), {B, C}),
            ((None, None), {A, B, C, D}),
            (dt.datetime(2020, 1, 1), {A, D}),
            (_utc(2020, 1, 5), {D}),
            # A datetime without a fraction covers its second (as its ISO string would).
            ((_utc(2020, 1, 1, 0, 0, 1), _utc(2020, 12, 31, 23, 59, 59)), {B, D}),
            ((_utc(2020, 1, 1, 0, 0, 1), _utc(2020, 12, 31, 23, 59, 58)), {D}),
            ((_utc(2020, 1, 1, 0, 0, 1), dt.datetime(2020, 12, 31, 23, 59, 59, 999998, tzinfo=dt.UTC)), {D}),
            (dt.datetime(2020, 12, 31, 23, 59, 59), {B}),
            (dt.date(2020, 12, 31), {B}),
            ("2020-01-01T00:00:00+01:00", {D}),
            ("2019-12-31T23:00:00-01:00", {A, D}),
            (Range("2020", "2020"), {A, B, D}),
            # Strings cover the smallest unit they are written to: the second, the millisecond.
            ("2020-12-31T23:59:59", {B}),
            ("2020-12-31T23:59:59Z", {B}),
            (("2020-06", "2020-12-31T23:59:59"), {B}),
            ("2020-12-31T23:59:59.999", {B}),
            ("2020-12-31T23:59:59.99", set()),
            ("2020-12-31T23:59:59.999998", set()),
            ("2020-12-31T23:59:59.999999", {B}),
            # Other spellings of a period: compact, with slashes, a quarter.
            ("20200101", {A, D}),
            ("2020/01/01", {A, D}),
            ("2020/12", {B}),
            ("20201231T235959", {B}),
            ("2020-Q1", {A, D}),
            ("2020-Q4", {B}),
            (("2019-Q4", "2020-Q1"), {A, D}),
        ],
    )
    def test_time_semantics(self, populated: AbstractIndex, time: Any, expected: set[str]) -> None:
        assert ids_of(populated.datasets.search(product="ls8", time=time)) == expected
        assert populated.datasets.count(product="ls8", time=time) == len(expected)

    def test_bad_time_refused(self, populated: AbstractIndex) -> None:
        with pytest.raises(QueryError, match="ends before it starts"):
            populated.datasets.count(time=("2021", "2020"))
        with pytest.raises(QueryError, match="'yesterday'"):
            populated.datasets.count(time="yesterday")

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"cloud_cover": (10, 50)}, {A, B}),
            ({"cloud_cover": (10.0001, 50)}, {B}),
            ({"cloud_cover": (None, 10)}, {A}),
            ({"cloud_cover": (50, None)}, {B, C}),
            ({"cloud_cover": 60}, {C}),
            ({"cloud_cover": [10, 60]}, {A, C}),
            ({"region_code": "090084"}, {C}),
            ({"region_code": ["090084", "089084"]}, {A, B, C, D}),
            ({"platform": "landsat-8"}, {A, B, C, D}),
            ({"platform": "landsat-8", "cloud_cover": 11}, set()),
        ],
    )
    def test_field_semantics(
        self, populated: AbstractIndex, query: dict[str, Any], expected: set[str]
    ) -> None:
        assert ids_of(populated.datasets.search(product="ls8", **query)) == expected
        assert populated.datasets.count(product="ls8", **query) == len(expected)

    def test_search_without_product(self, populated: AbstractIndex) -> None:
        idx = populated
        assert ids_of(idx.datasets.search(platform="sentinel-2a")) == {E, G, H}
        assert ids_of(idx.datasets.search(platform=["sentinel-2b", "landsat-8"])) == {A, B, C, D, F, J}
        assert ids_of(idx.datasets.search(time="2020-03")) == {E, F, G, J}
        assert idx.datasets.count() == 9
        assert idx.datasets.count(archived=None) == 10
        assert ids_of(idx.datasets.search(product=["ls8", "s2"], time="2020-07")) == {H}

    def test_search_errors(self, populated: AbstractIndex) -> None:
        idx = populated
        with pytest.raises(QueryError, match=r"\['wibble'\]"):
            list(idx.datasets.search(product="ls8", wibble=3))
        with pytest.raises(QueryError, match="cloud_cover"):
            idx.datasets.count(cloud_cover="cloudy")
        with pytest.raises(QueryError, match="high end below"):
            idx.datasets.count(cloud_cover=(50, 10))

    def test_search_no_product_can_match(self, populated: AbstractIndex) -> None:
        """As ODC's: searching what no product can hold is an error; counting it gives zero."""
        idx = populated
        no_match = r"no product in the index matches the search terms \{'product': 'ls8', 'platform': 'sentinel-2a'\}"
        with pytest.raises(QueryError, match=no_match):
            idx.datasets.search(product="ls8", platform="sentinel-2a")
        with pytest.raises(QueryError, match="no product in the index matches"):
            idx.datasets.search_returning(["id"], metadata_type="nope")
        with pytest.raises(QueryError, match="no product in the index matches"):
            idx.datasets.search_by_product(product="ls8", metadata_type="eo3_custom")
        with pytest.raises(
            QueryError, match=r"no product named 'nope' in the index; products: \['custom', 'ls8', 's2'\]"
        ):
            idx.datasets.search(product="nope", time="2020")
        assert idx.datasets.count(product="ls8", platform="sentinel-2a") == 0
        assert list(idx.datasets.count_by_product(product="ls8", platform="sentinel-2a")) == []

    def test_search_of_an_index_without_products(self, writable: AbstractIndex) -> None:
        """No terms on an empty index is an empty answer; terms, or ``product=[]``, are errors."""
        idx = writable
        assert list(idx.datasets.search()) == []
        assert list(idx.datasets.search(order_by=["time", "-id"])) == []
        assert idx.datasets.count() == 0
        with pytest.raises(QueryError, match=r"unknown search field\(s\) \['platform'\]"):
            idx.datasets.search(platform="landsat-8")
        with pytest.raises(QueryError, match=r"product=\[\] names no product"):
            idx.datasets.search(product=[])

    def test_search_of_unknown_product_warns_and_finds_nothing(self, populated: AbstractIndex) -> None:
        idx = populated
        with pytest.warns(
            QueryWarning, match=r"no product named 'nope' in the index.*\['custom', 'ls8', 's2'\]"
        ):
            assert idx.datasets.count(product="nope") == 0
        with pytest.warns(QueryWarning, match="'nope'"):
            assert ids_of(idx.datasets.search(product=["nope", "ls8"], time="2021")) == {C}
        with pytest.warns(QueryWarning, match="'nope'"):
            assert list(idx.datasets.count_by_product(product="nope")) == []

    def test_fields_of_other_products(self, populated: AbstractIndex) -> None:
        idx = populated
        # A field some product has, but not the ones searched: nothing found, no error.
        assert idx.datasets.count(product="ls8", orbit=5) == 0
        assert idx.datasets.count(product="s2", orbit=(1, 10)) == 0

    def test_search_by_metadata_type(self, populated: AbstractIndex) -> None:
        idx = populated
        assert idx.datasets.count(metadata_type="eo3") == 9
        assert idx.datasets.count(metadata_type="eo3_custom") == 0
        assert ids_of(idx.datasets.search(metadata_type=["eo3", "eo3_custom"], time="2021")) == {C}
        assert {p.name: n for p, n in idx.datasets.count_by_product(metadata_type="eo3", time="2020-03")} == {
            "s2": 4
        }
        mt = idx.metadata_types.get_by_name("eo3")
        assert mt is not None
        assert idx.datasets.count(metadata_type=mt, platform="landsat-8") == 4

    def test_custom_metadata_type_fields(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        docs = [
            dataset_doc(
                "custom",
                properties={
                    "sat:absolute_orbit": 100 + i,
                    "test:gsd_min": 10 * i,
                    "test:gsd_max": 10 * i + 5,
                },
            )
            for i in range(5)
        ]
        idx.datasets.add_batch(idx.datasets.from_doc(d) for d in docs)
        assert ids_of(idx.datasets.search(orbit=102)) == {docs[2]["id"]}
        assert ids_of(idx.datasets.search(orbit=(101, 103))) == {docs[i]["id"] for i in (1, 2, 3)}
        assert ids_of(idx.datasets.search(gsd=22)) == {docs[2]["id"]}
        assert ids_of(idx.datasets.search(gsd=17)) == set()
        assert ids_of(idx.datasets.search(gsd=25)) == {docs[2]["id"]}
        assert ids_of(idx.datasets.search(gsd=(14, 21))) == {docs[1]["id"], docs[2]["id"]}
        with pytest.raises(QueryError, match="orbit"):
            idx.datasets.count(orbit="one hundred")

    # --- space ----------------------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"lat": (-35.5, -35.4), "lon": (149.5, 149.6)}, {A, B, C, D}),
            ({"lat": -35.5, "lon": 149.5}, {A, B, C, D}),
            ({"lat": (-35.0, -34.0), "lon": (150.0, 151.0)}, {A, B, C, D}),  # touching corner counts
            ({"lat": (-34.9, -34.0), "lon": (149.5, 150.5)}, set()),
            ({"lat": (41.0, 42.0), "lon": (12.5, 12.6)}, {E}),
            ({"lat": (8.0, 9.0), "lon": (8.0, 9.0)}, set()),  # inside the triangle's bbox, outside it
            ({"lat": (1.0, 2.0), "lon": (1.0, 2.0)}, {G}),
            ({"lat": (20.5, 20.6), "lon": (20.5, 20.6)}, {H}),  # clockwise ring
            ({"lat": (-44.0, -43.0), "lon": (179.5, 180.0)}, {F}),
            ({"lat": (-44.0, -43.0), "lon": (-180.0, -179.0)}, {F}),
            ({"lat": (-44.0, -43.0), "lon": (0.0, 1.0)}, set()),
            ({"lat": (-44.0, -43.0), "lon": (179.9, 180.1)}, {F}),
            ({"lat": (-19.8, -19.5), "lon": (-179.5, -179.2)}, {J}),
            ({"lat": (-19.8, -19.5), "lon": (179.5, 179.6)}, {J}),
            ({"lat": (-19.8, -19.5), "lon": (178.0, 178.5)}, set()),
            ({"lat": (-19.8, -19.5)}, {J}),
            ({"x": (149.5, 149.6), "y": (-35.5, -35.4)}, {A, B, C, D}),
            ({"x": (1_580_000, 1_590_000), "y": (-3_986_000, -3_976_000), "crs": "EPSG:3577"}, {A, B, C, D}),
            ({"x": (0, 10_000), "y": (0, 10_000), "crs": "EPSG:3577"}, set()),
            # As ODC: lat/lon may come with a crs (they are then y/x in it), axes may mix names,
            # and a single number is a point with a tolerance of 1e-6.
            ({"lat": (-35.5, -35.4), "lon": (149.5, 149.6), "crs": "EPSG:4326"}, {A, B, C, D}),
            (
                {"lat": (-3_986_000, -3_976_000), "lon": (1_580_000, 1_590_000), "crs": "EPSG:3577"},
                {A, B, C, D},
            ),
            (
                {
                    "y": (-3_986_000, -3_976_000),
                    "x": (1_580_000, 1_590_000),
                    "coordinate_reference_system": "EPSG:3577",
                },
                {A, B, C, D},
            ),
            ({"x": (149.5, 149.6), "lat": (-35.5, -35.4)}, {A, B, C, D}),
            ({"latitude": -35.5, "longitude": 149.5}, {A, B, C, D}),
            ({"lat": -34.9999995, "lon": 149.5}, {A, B, C, D}),
            ({"lat": -34.999998, "lon": 149.5}, set()),
            ({"lat": (-34.999998, -34.0), "lon": 149.5}, set()),
        ],
    )
    def test_spatial_semantics(
        self, populated: AbstractIndex, query: dict[str, Any], expected: set[str]
    ) -> None:
        assert ids_of(populated.datasets.search(**query)) == expected
        assert populated.datasets.count(**query) == len(expected)

    def test_geopolygon(self, populated: AbstractIndex) -> None:
        from odc.geo.geom import Geometry, box

        idx = populated
        utm = box(690000, 6050000, 700000, 6060000, "EPSG:32755")  # about 149.1 E, 35.6 S
        assert ids_of(idx.datasets.search(geopolygon=utm)) == {A, B, C, D}
        assert ids_of(idx.datasets.search(geopolygon=utm, time="2021")) == {C}
        tri = Geometry({"type": "Polygon", "coordinates": [[[8, 8], [9, 8], [9, 9], [8, 8]]]}, "EPSG:4326")
        assert ids_of(idx.datasets.search(geopolygon=tri)) == set()
        assert ids_of(idx.datasets.search(geopolygon=box_geometry(0.5, 0.5, 1, 1))) == {G}
        with pytest.raises(QueryError, match="geopolygon cannot be combined"):
            idx.datasets.count(geopolygon=utm, lat=(0, 1))
        with pytest.raises(QueryError, match=r"\['lat', 'y'\] say the same thing"):
            idx.datasets.count(lat=(0, 1), y=(0, 1))
        with pytest.raises(QueryError, match=r"\['lon', 'x'\] say the same thing"):
            idx.datasets.count(lon=(0, 1), x=(0, 1))

    def test_footprints_around_a_pole(self, writable: AbstractIndex) -> None:
        """A footprint enclosing a pole covers it, whichever way its ring is wound."""
        idx = writable
        idx.products.add_document(product_doc("polar"))
        south = box_geometry(-200_000, -200_000, 200_000, 200_000)
        docs = {
            "south": dataset_doc("polar", crs="EPSG:3031", geometry=south),
            "south_cw": dataset_doc(
                "polar",
                crs="EPSG:3031",
                geometry=box_geometry(-200_000, -200_000, 200_000, 200_000, clockwise=True),
            ),
            # Across the antimeridian 300 to 500 km from the pole, not around it.
            "across": dataset_doc(
                "polar", crs="EPSG:3031", geometry=box_geometry(-100_000, -500_000, 100_000, -300_000)
            ),
            "north": dataset_doc(
                "polar",
                crs="EPSG:3413",
                geometry=box_geometry(-150_000, -150_000, 150_000, 150_000, clockwise=True),
            ),
        }
        idx.datasets.add_batch(idx.datasets.from_doc(d) for d in docs.values())
        ids = {k: d["id"] for k, d in docs.items()}

        def found(**q: Any) -> set[str]:
            return {k for k, i in ids.items() if i in ids_of(idx.datasets.search(product="polar", **q))}

        assert found(lat=(-90, -89.9)) == {"south", "south_cw"}
        assert found(lat=-90, lon=0) == {"south", "south_cw"}
        assert found(lat=(-89, -88.5), lon=(100, 110)) == {"south", "south_cw"}
        assert found(lat=(-87, -86), lon=(179, 180)) == {"across"}
        assert found(lat=(-87, -86), lon=(-180, -179)) == {"across"}
        assert found(lat=(-87, -86), lon=(0, 10)) == set()
        assert found(lat=(-80, -70)) == set()
        assert found(lat=(89.5, 90), lon=(-100, -90)) == {"north"}
        assert found(x=(-50_000, 50_000), y=(-50_000, 50_000), crs="EPSG:3031") == {"south", "south_cw"}
        rows = {str(r.id): r for r in idx.datasets.search_returning(["id", "lat", "lon"], product="polar")}
        for key in ("south", "south_cw"):
            row = rows[ids[key]]
            assert (row.lon.begin, row.lon.end) == (-180.0, 180.0)
            assert row.lat.begin == -90.0
            assert row.lat.end == pytest.approx(-87.40, abs=0.01)
        assert rows[ids["north"]].lat.end == 90.0
        across = rows[ids["across"]]
        assert across.lon.begin == pytest.approx(168.69, abs=0.01)
        assert across.lon.end == pytest.approx(191.31, abs=0.01)  # east past 180 across the antimeridian

    def test_lonlat_footprint_across_the_antimeridian_written_both_ways(
        self, writable: AbstractIndex
    ) -> None:
        idx = writable
        idx.products.add_document(product_doc("ll"))
        jumping = {
            "type": "Polygon",
            "coordinates": [[[179, -10], [-179, -10], [-179, -9], [179, -9], [179, -10]]],
        }
        past = {
            "type": "Polygon",
            "coordinates": [[[179, -10], [181, -10], [181, -9], [179, -9], [179, -10]]],
        }
        globe = box_geometry(-180, -60, 180, 60)
        docs = [dataset_doc("ll", geometry=g) for g in (jumping, past, globe)]
        idx.datasets.add_batch(idx.datasets.from_doc(d) for d in docs)
        a, b, c = (d["id"] for d in docs)
        assert ids_of(idx.datasets.search(lat=(-9.5, -9.4), lon=(179.5, 180))) == {a, b, c}
        assert ids_of(idx.datasets.search(lat=(-9.5, -9.4), lon=(-180, -179.5))) == {a, b, c}
        assert ids_of(idx.datasets.search(lat=(-9.5, -9.4), lon=(0, 1))) == {c}

    def test_footprint_of_a_dataset_with_grids_only(self, writable: AbstractIndex) -> None:
        """Without a geometry, the footprint is the default grid; lon/lat bounds cover every grid."""
        idx = writable
        idx.products.add_document(product_doc("tiles"))
        doc = dataset_doc("tiles", crs="EPSG:3577", lonlat=None)
        doc["grids"] = {
            "default": {
                "shape": [3200, 3200],
                "transform": [30.0, 0.0, 1_536_000.0, 0.0, -30.0, -3_840_000.0, 0, 0, 1],
            },
            # 120 m pixels reaching 3 km further east.
            "coarse": {
                "shape": [800, 825],
                "transform": [120.0, 0.0, 1_536_000.0, 0.0, -120.0, -3_840_000.0, 0, 0, 1],
            },
        }
        idx.datasets.add(idx.datasets.from_doc(doc))

        def found(x: tuple[float, float]) -> bool:
            return idx.datasets.count(x=x, y=(-3_900_000, -3_880_000), crs="EPSG:3577") == 1

        assert found((1_600_000, 1_610_000))
        assert found((1_632_000, 1_633_000))  # touching the default grid's east edge
        assert not found((1_633_000, 1_635_000))  # only in the coarse grid
        (row,) = idx.datasets.search_returning(["lon"], product="tiles")
        outline = Dataset.from_doc(
            {**doc, "grids": {"default": doc["grids"]["coarse"]}}, idx.products.get_by_name_unsafe("tiles")
        )
        assert outline.lonlat_bounds is not None
        assert row.lon.end == pytest.approx(outline.lonlat_bounds[2])

    def test_derived_lonlat_fields(self, populated: AbstractIndex) -> None:
        idx = populated
        row = next(
            iter(
                idx.datasets.search_returning(
                    ["id", "lat", "lon"], product="s2", platform="sentinel-2b", time="2020-03-16"
                )
            )
        )
        assert str(row.id) == F
        assert row.lon.begin == pytest.approx(178.27, abs=0.01)
        assert row.lon.end == pytest.approx(181.86, abs=0.01)  # east past 180 across the antimeridian
        assert row.lat.begin == pytest.approx(-45.15, abs=0.01)
        assert "extent" not in idx.datasets.get_unsafe(F).metadata_doc

    # --- returning, grouping, counting ------------------------------------------------------------

    def test_search_returning(self, populated: AbstractIndex) -> None:
        idx = populated
        rows = list(
            idx.datasets.search_returning(
                ["id", "cloud_cover", "time", "uri"], product="ls8", order_by=["cloud_cover"]
            )
        )
        assert [str(r.id) for r in rows] == [A, B, C, D]  # missing values sort last
        assert rows[0].cloud_cover == 10.0
        assert rows[0].time == Range(_utc(2020, 1, 1), _utc(2020, 1, 1))
        assert rows[0].uri == f"file:///data/ls8/{A}.yaml"
        desc = list(idx.datasets.search_returning(["id"], product="ls8", order_by=["-cloud_cover"], limit=2))
        assert [str(r.id) for r in desc] == [C, B]
        custom = list(
            idx.datasets.search_returning(
                ["id"],
                custom_offsets={"fmt": ["properties", "odc:file_format"]},
                product="s2",
                time="2020-07",
            )
        )
        assert [(str(r.id), r.fmt) for r in custom] == [(H, "GeoTIFF")]
        everything = next(iter(idx.datasets.search_returning(product="ls8", time="2021")))
        assert everything.product == "ls8"
        assert everything.platform == "landsat-8"
        assert everything.metadata_doc["id"] == C
        with pytest.raises(QueryError, match="wibble"):
            list(idx.datasets.search_returning(["wibble"], product="ls8"))

    def test_counts(self, populated: AbstractIndex) -> None:
        idx = populated
        assert {p.name: n for p, n in idx.datasets.count_by_product()} == {"ls8": 4, "s2": 5}
        assert {p.name: n for p, n in idx.datasets.count_by_product(archived=None, time="2020")} == {
            "ls8": 4,
            "s2": 5,
        }
        by_time = {
            p.name: s
            for p, s in idx.datasets.count_by_product_through_time(
                "1 month", product="ls8", time=("2020-01", "2020-03")
            )
        }
        assert [n for _, n in by_time["ls8"]] == [2, 0, 0]
        assert by_time["ls8"][0][0] == Range(
            _utc(2020, 1, 1), dt.datetime(2020, 1, 31, 23, 59, 59, 999999, tzinfo=dt.UTC)
        )
        grouped = {tuple(k): n for k, n in idx.datasets.count_by(["region_code"], product="ls8")}
        assert grouped == {("089084",): 3, ("090084",): 1}
        with pytest.raises(QueryError, match="needs time"):
            list(idx.datasets.count_by_product_through_time("1 month", product="ls8"))

    def test_search_by_product_and_metadata(self, populated: AbstractIndex) -> None:
        idx = populated
        groups = {p.name: ids_of(ds) for p, ds in idx.datasets.search_by_product(time="2020-03")}
        assert groups == {"s2": {E, F, G, J}}  # products without a match are left out
        found = idx.datasets.search_by_metadata({"properties": {"eo:platform": "sentinel-2b"}})
        assert ids_of(found) == {F, J}
        assert ids_of(
            idx.datasets.search_by_metadata({"properties": {"eo:cloud_cover": 30.0}}, archived=True)
        ) == {X}
        # As jsonb containment: numbers by value, lists by their items, true is not 1.
        assert ids_of(idx.datasets.search_by_metadata({"properties": {"eo:cloud_cover": 60}})) == {C}
        ls8 = {A, B, C, D}
        assert (
            ids_of(idx.datasets.search_by_metadata({"grids": {"default": {"shape": [100]}}}, archived=None))
            >= ls8
        )
        assert (
            ids_of(idx.datasets.search_by_metadata({"grids": {"default": {"shape": []}}}, archived=None))
            >= ls8
        )
        assert ids_of(idx.datasets.search_by_metadata({"grids": {"default": {"shape": 100}}})) == set()
        assert ids_of(idx.datasets.search_by_metadata({"grids": {"default": {"shape": [100, 7]}}})) == set()
        assert ids_of(idx.datasets.search_by_metadata({"grids": {"default": {"shape": {}}}})) == set()
        assert ids_of(idx.datasets.search_by_metadata({"properties": {"eo:cloud_cover": True}})) == set()

    def test_dataset_extents(self, populated: AbstractIndex) -> None:
        idx = populated
        assert idx.datasets.temporal_extent([A, D]) == Range(_utc(2019, 12, 25), _utc(2020, 1, 5))
        ext = idx.datasets.spatial_extent([A, E])
        assert ext is not None
        bb = ext.boundingbox
        assert (bb.left, bb.right) == pytest.approx((12.0, 150.0))
        assert idx.datasets.spatial_extent([uuid.uuid4()]) is None
        assert "cloud_cover" in idx.products.get_field_names("ls8")
        assert not hasattr(idx.datasets, "get_field_names")  # it is the products' (EP-13)

    def test_get_all_docs_for_product(self, populated: AbstractIndex) -> None:
        docs = list(populated.datasets.get_all_docs_for_product("ls8"))
        assert {d.metadata_doc["id"] for d in docs} == {A, B, C, D, X}
        assert all(d.product.name == "ls8" for d in docs)

    # --- cloning --------------------------------------------------------------------------------

    def test_clone_into_memory_and_back(self, populated: AbstractIndex) -> None:
        from terracube.index.memory import MemoryIndex

        mem = MemoryIndex()
        mem.init_db()
        counts = mem.clone(populated, batch_size=3)
        assert {
            k: (counts[k].completed, counts[k].skipped) for k in ("metadata_types", "products", "datasets")
        } == {
            "metadata_types": (1, 3),  # the built-in eo3, eo and telemetry were there already
            "products": (3, 0),
            "datasets": (10, 0),
        }
        assert counts["metadata_types"].safe == frozenset({"eo", "eo3", "eo3_custom", "telemetry"})
        assert counts["products"].safe == frozenset({"ls8", "s2", "custom"})
        assert counts["datasets"].safe is None
        assert counts["datasets"].seconds_elapsed == counts["datasets"].seconds >= 0
        assert mem.datasets.get_unsafe(X).is_archived
        assert mem.datasets.get_unsafe(A) == populated.datasets.get_unsafe(A)
        assert mem.datasets.get_unsafe(A).indexed_time == populated.datasets.get_unsafe(A).indexed_time
        assert mem.clone(populated)["datasets"].skipped == 10
        extra = mem.datasets.add(mem.datasets.from_doc(dataset_doc("s2", time="2022-01-01")))
        back = populated.clone(mem)
        assert back["datasets"].completed == 1
        assert back["datasets"].skipped == 10
        assert populated.datasets.get_unsafe(extra.id) == extra

    def test_clone_chosen_products_and_what_it_cannot_hold(self, populated: AbstractIndex) -> None:
        from terracube.index.memory import MemoryIndex

        mem = MemoryIndex()
        mem.init_db(with_default_types=False)
        counts = mem.clone(populated, products=["s2"])
        assert [p.name for p in mem.products.get_all()] == ["s2"]
        assert [m.name for m in mem.metadata_types.get_all()] == ["eo3"]
        assert counts["datasets"].completed == populated.datasets.count(product="s2", archived=None) > 0
        with pytest.raises(ProductNotFoundError, match="'nope'"):
            mem.clone(populated, products=["nope"])
        # A legacy (pre-eo3) document, as an ODC database holds them: left out, with the reason.
        legacy_id = uuid.uuid4()
        legacy = {"id": str(legacy_id), "product_type": "level1", "extent": {"from_dt": "2001-01-01"}}
        s2 = mem.products.get_by_name_unsafe("s2")
        mem.datasets._insert([Dataset._make(legacy_id, s2, legacy, None, None, dt.datetime.now(dt.UTC))])
        failures: list[tuple[str, str, list[uuid.UUID]]] = []
        if not populated.supports_legacy:
            again = populated.clone(mem, on_failure=lambda p, why, ids: failures.append((p, why, list(ids))))
            assert (again["datasets"].failed, again["datasets"].completed) == (1, 0)
            assert [(p, ids) for p, _, ids in failures] == [("s2", [legacy_id])]
            assert "legacy (pre-eo3) document" in failures[0][1]
            assert populated.datasets.get(legacy_id) is None
