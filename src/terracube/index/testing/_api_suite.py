"""The index API as ODC code uses it, and ODC's own tests define it (a mixin of ``IndexTests``).

Transaction objects (``index.transaction()`` as a context manager or by hand, nested ones
joining the open one); searches by location, limits per product, every dataset field
returned and ordered by (names or fields), duplicates, ``Not`` values; extents and lookups;
lineage trees carried by the datasets added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import QueryError, UnsupportedError
from terracube.index.testing._documents import dataset_doc
from terracube.model import Not

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Product

__all__ = ["ApiTests"]


def _ids(datasets: Any) -> set[Any]:
    return {d.id for d in datasets}


class ApiTests:
    """The index API as ODC's tests define it, on every driver."""

    def _two(self, idx: AbstractIndex) -> tuple[Dataset, Dataset]:
        return idx.datasets.from_doc(dataset_doc("ls8")), idx.datasets.from_doc(dataset_doc("ls8"))

    def test_transaction_as_a_context_manager(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        if not idx.supports_transactions:
            t = idx.transaction()
            t.begin()
            with pytest.raises(UnsupportedError, match="supports_transactions"):
                t.rollback()
            return
        a, b = self._two(idx)
        t = idx.transaction()

        def fail() -> None:
            with t:
                assert t.active
                assert idx.in_transaction
                idx.datasets.add(a)
                assert idx.datasets.has(a.id)
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError, match="boom"):
            fail()
        assert not t.active
        assert not idx.in_transaction
        assert not idx.datasets.has(a.id)
        with idx.transaction() as t:
            idx.datasets.add(a)
            raise t.rollback_exception("changed my mind")  # ends it quietly
        assert not idx.datasets.has(a.id)
        with idx.transaction() as t:
            idx.datasets.add(a)
            raise t.commit_exception("done early")
        assert idx.datasets.has(a.id)
        with idx.transaction():
            idx.datasets.add(b)
        assert idx.datasets.has(b.id)

    def test_nested_transactions_join_the_outer_one(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        if not idx.supports_transactions:
            return
        a, b = self._two(idx)

        def fail() -> None:
            with idx.transaction() as outer:
                idx.datasets.add(a)
                with idx.transaction() as inner:
                    assert inner.joined
                    assert not outer.joined
                    idx.datasets.add(b)
                    raise RuntimeError("inner")

        with pytest.raises(RuntimeError, match="inner"):
            fail()
        assert not idx.datasets.has(a.id)
        assert not idx.datasets.has(b.id)
        with idx.transaction():
            idx.datasets.add(a)
            with idx.transaction() as inner:
                idx.datasets.add(b)
                raise inner.rollback_exception("both go")
        assert not idx.datasets.has(a.id)
        assert not idx.datasets.has(b.id)
        with idx.transaction():
            with idx.transaction():
                idx.datasets.add(a)
            assert idx.datasets.has(a.id)  # not yet committed, but visible here
        assert idx.datasets.has(a.id)

    def test_transaction_by_hand(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        if not idx.supports_transactions:
            return
        a, b = self._two(idx)
        t = idx.transaction()
        assert not t.active
        with pytest.raises(ValueError, match="not active"):
            t.commit()
        t.begin()
        assert idx.thread_transaction() is t
        with pytest.raises(ValueError, match="already active"):
            t.begin()
        idx.datasets.add(a)
        t.rollback()
        assert not idx.datasets.has(a.id)
        t.begin()
        idx.datasets.add(a)
        t.commit()
        assert idx.thread_transaction() is None
        assert idx.datasets.has(a.id)
        with pytest.raises(ValueError, match="not active"):
            t.rollback()
        # By hand within a with block: the block's end does nothing more.
        with idx.transaction() as t:
            idx.datasets.add(b)
            t.rollback()
            assert not idx.datasets.has(b.id)
            t.begin()
            idx.datasets.add(b)
            t.commit()
            t.begin()
            idx.datasets.archive([b.id])
            t.rollback()
        assert idx.datasets.get_unsafe(b.id).is_active

    # --- searches as ODC's tests define them -------------------------------------------------------

    def _scenes(self, idx: AbstractIndex) -> dict[str, Dataset]:
        """Three ls8 scenes (two sharing a region and a time) and two s2 ones, with locations."""
        docs = {
            "a": dataset_doc("ls8", time="2020-01-01T00:00:00Z", cloud_cover=10.0, region_code="r1"),
            "b": dataset_doc("ls8", time="2020-01-01T00:00:00Z", cloud_cover=20.0, region_code="r1"),
            "c": dataset_doc("ls8", time="2020-02-01T00:00:00Z", cloud_cover=30.0, region_code="r2"),
            "d": dataset_doc("s2", time="2020-01-05T00:00:00Z", cloud_cover=40.0, region_code="r1"),
            "e": dataset_doc("s2", time="2020-01-06T00:00:00Z", cloud_cover=None, region_code="r1"),
        }
        for key, doc in docs.items():
            doc["label"] = f"scene_{key}"
            doc["properties"]["odc:processing_datetime"] = f"2021-01-0{'abcde'.index(key) + 1}T10:00:00Z"
        return {
            k: idx.datasets.add(idx.datasets.from_doc(d, uri=f"file:///data/{k}.yaml"))
            for k, d in docs.items()
        }

    def test_search_by_location(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        ds = self._scenes(idx)
        assert _ids(idx.datasets.search(uri="file:///data/a.yaml")) == {ds["a"].id}
        assert _ids(idx.datasets.search(uri=["file:///data/a.yaml", "file:///data/d.yaml"])) == {
            ds["a"].id,
            ds["d"].id,
        }
        assert _ids(
            idx.datasets.search(product="s2", uri=["file:///data/a.yaml", "file:///data/d.yaml"])
        ) == {ds["d"].id}
        assert _ids(idx.datasets.search(uri="file:///data/a.yaml", cloud_cover=(15, 50))) == set()
        assert _ids(idx.datasets.search(uri="file:///x/yz")) == set()
        assert idx.datasets.count(uri="file:///data/b.yaml") == 1
        idx.datasets.archive([ds["b"].id])
        assert idx.datasets.count(uri="file:///data/b.yaml") == 0
        assert idx.datasets.count(uri="file:///data/b.yaml", archived=True) == 1
        (row,) = idx.datasets.search_returning(["id", "uri"], uri="file:///data/c.yaml")
        assert tuple(row) == (ds["c"].id, "file:///data/c.yaml")

    def test_search_returning_every_dataset_field(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        import datetime as dt

        idx = writable
        ds = self._scenes(idx)
        fields = products["ls8"].metadata_type.dataset_fields
        names = ("id", "creation_time", "format", "label", "metadata_type", "product")
        (row,) = idx.datasets.search_returning([fields[n] for n in names], product="ls8", cloud_cover=10)
        assert tuple(row) == (
            ds["a"].id,
            dt.datetime(2021, 1, 1, 10, tzinfo=dt.UTC),
            "GeoTIFF",
            "scene_a",
            "eo3",
            "ls8",
        )
        assert row._fields == names
        by_time = idx.datasets.search_returning(["label"], product="ls8", order_by=[fields["cloud_cover"]])
        assert [r.label for r in by_time] == ["scene_a", "scene_b", "scene_c"]
        counted = idx.datasets.count_by([fields["region_code"]], product="ls8")
        assert {tuple(k): n for k, n in counted} == {("r1",): 2, ("r2",): 1}
        with pytest.raises(QueryError, match=r"cannot order by \['colour'\]"):
            idx.datasets.search(product="ls8", order_by=["colour"])
        with pytest.raises(QueryError, match="is not a field"):
            idx.datasets.search_returning([object()], product="ls8")  # type: ignore[list-item]

    def test_limit_counts_each_product(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        ds = self._scenes(idx)
        assert len(list(idx.datasets.search(limit=1))) == 2  # one of ls8, one of s2 (as ODC's)
        assert len(list(idx.datasets.search(limit=0))) == 0
        assert len(list(idx.datasets.search(limit=5))) == 5
        assert len(list(idx.datasets.search_returning(["id"], limit=1))) == 2
        top = list(idx.datasets.search(limit=1, order_by=["-cloud_cover"]))
        assert [d.id for d in top] == [ds["d"].id, ds["c"].id]  # the top of each, then ordered
        assert [d.id for d in idx.datasets.search(product="ls8", limit=2, order_by=["cloud_cover"])] == [
            ds["a"].id,
            ds["b"].id,
        ]

    def test_search_product_duplicates(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        import datetime as dt
        import uuid

        idx = writable
        ds = self._scenes(idx)
        fields = products["ls8"].metadata_type.dataset_fields
        dupes = idx.datasets.search_product_duplicates(products["ls8"], "region_code", "time")
        assert isinstance(dupes, list)
        t, half = dt.datetime(2020, 1, 1, tzinfo=dt.UTC), dt.timedelta(milliseconds=500)
        # As ODC's: times within half a second are one; the group's time is where they overlap.
        assert [(tuple(k), ids) for k, ids in dupes] == [
            (("r1", (t - half, t + half)), {ds["a"].id, ds["b"].id})
        ]
        near = dataset_doc("s2", time="2020-01-05T00:00:00.800Z", region_code="r1")
        idx.datasets.add(idx.datasets.from_doc(near))
        (group,) = idx.datasets.search_product_duplicates("s2", "time", "region_code")
        d_time = dt.datetime(2020, 1, 5, tzinfo=dt.UTC)
        assert tuple(group[0]) == ((d_time + dt.timedelta(milliseconds=300), d_time + half), "r1")
        assert group[1] == {ds["d"].id, uuid.UUID(near["id"])}
        assert dupes[0][0].region_code == "r1"
        assert idx.datasets.search_product_duplicates("ls8", fields["region_code"])[0][1] == {
            ds["a"].id,
            ds["b"].id,
        }
        assert idx.datasets.search_product_duplicates("s2", "cloud_cover") == []
        idx.datasets.archive([ds["b"].id])
        assert idx.datasets.search_product_duplicates("ls8", "region_code") == []
        with pytest.raises(QueryError, match="colour"):
            idx.datasets.search_product_duplicates("ls8", "colour")

    def test_not_a_value(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        ds = self._scenes(idx)
        assert _ids(idx.datasets.search(region_code=Not("r1"))) == {ds["c"].id}
        assert _ids(idx.datasets.search(product="ls8", cloud_cover=Not((5, 15)))) == {ds["b"].id, ds["c"].id}
        # A dataset without the field matches neither the value nor its negation (e has no cloud cover).
        assert _ids(idx.datasets.search(product="s2", cloud_cover=Not(40))) == set()
        assert idx.datasets.count(product="s2", cloud_cover=Not([40, 41])) == 0
        assert idx.datasets.count(time=Not(("2020-01-01", "2020-01-05"))) == 2
        assert _ids(idx.datasets.search(region_code=Not(Not("r2")))) == {ds["c"].id}
        assert [p.name for p in idx.products.search(platform=Not("landsat-8"))] == []
        assert [p.name for p in idx.products.search(platform=Not("landsat-9"))] == ["ls8"]
        with pytest.raises(
            QueryError, match=r"search field 'region_code' is string; cannot search it for <object"
        ):
            idx.datasets.search(region_code=object())

    def test_extents_and_lookups_as_odc_s(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        import uuid

        idx = writable
        ds = self._scenes(idx)
        unknown = uuid.uuid4()
        with pytest.raises(KeyError, match=str(unknown)):
            idx.datasets.temporal_extent([ds["a"].id, unknown])
        assert idx.datasets.bulk_get([unknown]) == []
        assert [d.id for d in idx.datasets.bulk_get([ds["c"].id])] == [ds["c"].id]
        groups = dict(idx.datasets.search_by_product(region_code="r2"))
        assert list(groups) == [products["ls8"]]  # products without a match are left out
        idx.datasets.archive([ds["c"].id])
        archived = idx.datasets.get_unsafe(ds["c"].id).archived_time
        assert idx.products.most_recent_change("ls8") == archived
        assert ds["a"].product.id is not None
        assert ds["a"].product.id == idx.products.get_by_name_unsafe("ls8").id
        assert ds["a"].metadata_type.id is not None
        assert idx.products.get(ds["a"].product.id) == products["ls8"]

    # --- lineage carried by datasets ---------------------------------------------------------------

    def test_lineage_trees_carried_by_a_dataset(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        import uuid

        from terracube.model import LineageDirection, LineageTree

        idx = writable
        level1, other = uuid.uuid4(), uuid.uuid4()
        doc = dataset_doc("ls8", lineage={"level1": [str(level1)]})
        ds = idx.datasets.from_doc(doc)
        assert ds.source_tree is not None
        assert ds.source_tree.child_datasets() == {level1}  # one level, from lineage.source_ids
        if not idx.supports_lineage:
            return
        src = LineageTree(
            LineageDirection.SOURCES,
            ds.id,
            {
                "level1": (
                    LineageTree(
                        LineageDirection.SOURCES,
                        level1,
                        {"l0": (LineageTree(LineageDirection.SOURCES, other, None, "archive"),)},
                    ),
                )
            },
        )
        derived = uuid.uuid4()
        der = LineageTree(
            LineageDirection.DERIVED,
            ds.id,
            {"wofs": (LineageTree(LineageDirection.DERIVED, derived, None, "elsewhere"),)},
        )
        added = idx.datasets.add(ds.with_lineage_trees(source_tree=src, derived_tree=der), with_lineage=True)
        assert added.source_tree is None  # stored without them
        assert idx.lineage.get_source_tree(ds.id).child_datasets() == {level1, other}
        assert idx.lineage.get_derived_tree(ds.id).child_datasets() == {derived}
        if idx.supports_external_home:
            assert idx.lineage.get_homes(other, derived) == {other: "archive", derived: "elsewhere"}
        plain = idx.datasets.from_doc(dataset_doc("ls8", lineage={"level1": [str(level1)]}))
        idx.datasets.add(plain, with_lineage=False)
        assert idx.lineage.get_source_tree(plain.id).children == {}
