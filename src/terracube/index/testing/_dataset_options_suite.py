"""Options of adding, updating and getting datasets (a mixin of ``IndexTests``).

``archive_less_mature`` on ``add`` and ``update``; ``include_sources`` and ``include_deriveds``
on ``get``.
"""

from __future__ import annotations

import pickle
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import DocumentError, MaturityConflictError, QueryError, UnsupportedError
from terracube.index.changes import allow_any
from terracube.index.testing._documents import custom_metadata_type_doc, dataset_doc, product_doc

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex
    from terracube.index.changes import AllowPolicy, Offset
    from terracube.model import Dataset, Product

__all__ = ["DatasetOptionTests"]

_T = "2020-05-01T10:00:00"  # a scene time, written to the millisecond below


def _scene(
    maturity: str | None, *, ms: int = 0, region: str = "090084", product: str = "ls8"
) -> dict[str, Any]:
    """A dataset of one scene: ``ms`` milliseconds after the scene time, at a maturity."""
    props = {} if maturity is None else {"dea:dataset_maturity": maturity}
    sec, milli = divmod(ms, 1000)
    time = f"2020-05-01T10:00:{sec:02d}.{milli:03d}Z"
    return dataset_doc(product, time=time, region_code=region, properties=props)


class DatasetOptionTests:
    """``archive_less_mature`` archives older, less mature versions; ``get`` attaches lineage trees."""

    def _add(self, idx: AbstractIndex, doc: dict[str, Any], **options: Any) -> Dataset:
        return idx.datasets.add(idx.datasets.from_doc(doc), **options)

    def _active(self, idx: AbstractIndex, *docs: dict[str, Any]) -> list[bool]:
        return [idx.datasets.get_unsafe(d["id"]).is_active for d in docs]

    # --- archive_less_mature ----------------------------------------------------------------------

    def test_archive_less_mature_on_add(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        nrt = _scene("nrt")
        interim = _scene("interim", ms=200)
        elsewhere = _scene("nrt", region="091084")
        later = _scene("nrt", ms=2000)  # 1.9 s after the final one
        for doc in (nrt, interim, elsewhere, later):
            self._add(idx, doc, archive_less_mature=None)
        final = _scene("final", ms=100)
        added = self._add(idx, final, archive_less_mature=True)  # 500 ms
        assert added.is_active
        assert self._active(idx, nrt, interim, elsewhere, later, final) == [False, False, True, True, True]
        archived = idx.datasets.get_unsafe(nrt["id"]).archived_time
        assert archived is not None

        ds = idx.datasets.get_unsafe(final["id"])
        assert [str(d.id) for d in idx.datasets.find_less_mature(ds, delta=3000)] == [later["id"]]
        assert idx.datasets.find_less_mature(ds) == []
        # Adding it again (unchanged) with a wider tolerance archives the later one too.
        self._add(idx, final, archive_less_mature=3000)
        assert self._active(idx, later, elsewhere, final) == [False, True, True]
        assert idx.datasets.get_unsafe(nrt["id"]).archived_time == archived  # not archived twice

        # Off: nothing is archived, and nothing refused.
        nrt_a = _scene("nrt", ms=100)
        self._add(idx, nrt_a)
        finals = [_scene("final", ms=100), _scene("final", ms=100)]
        self._add(idx, finals[0], archive_less_mature=None)
        self._add(idx, finals[1], archive_less_mature=False)
        assert self._active(idx, nrt_a, *finals) == [True, True, True]
        # A version as mature or more is refused, as ODC's: nothing is written.
        for doc, how in (
            (_scene("nrt", ms=100), "a more mature version of it"),
            (_scene("FINAL", ms=100), "the same maturity of it"),
        ):
            with pytest.raises(MaturityConflictError, match=rf"'{doc['id']}' .*: {how} is in the index"):
                self._add(idx, doc, archive_less_mature=True)
            if idx.supports_transactions:
                assert not idx.datasets.has(doc["id"])
        # A tolerance of 0 ms: the same time only (maturity compared without case).
        nrt_b = _scene("nrt", ms=100, region="092084")
        self._add(idx, nrt_b)
        off_by_1ms = _scene("interim", ms=101, region="092084")
        self._add(idx, off_by_1ms, archive_less_mature=0)
        assert self._active(idx, nrt_b) == [True]
        same_time = _scene("Interim", ms=100, region="092084")
        self._add(idx, same_time, archive_less_mature=0)
        assert self._active(idx, nrt_b, off_by_1ms, same_time) == [False, True, True]

    def test_archive_less_mature_on_update(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        older = _scene("nrt", ms=300)
        doc = _scene("nrt")
        self._add(idx, older)
        ds = self._add(idx, doc)
        doc["properties"]["dea:dataset_maturity"] = "final"
        allowed: dict[Offset, AllowPolicy] = {("properties", "dea:dataset_maturity"): allow_any}
        updated = idx.datasets.update(
            idx.datasets.from_doc(doc, uri=ds.uri), allowed, archive_less_mature=True
        )
        assert updated.search_values()["dataset_maturity"] == "final"
        assert self._active(idx, older, doc) == [False, True]

    def test_archive_less_mature_refusals(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        before = idx.datasets.count(archived=None)
        for bad in (-1, "soon", float("nan")):
            with pytest.raises(QueryError, match="tolerance in milliseconds"):
                self._add(idx, _scene("final"), archive_less_mature=bad)
        with pytest.raises(DocumentError, match=r"properties.dea:dataset_maturity = None.*nrt"):
            self._add(idx, _scene(None), archive_less_mature=True)
        with pytest.raises(DocumentError, match=r"dataset_maturity = 'beta'"):
            self._add(idx, _scene("beta"), archive_less_mature=True)
        no_region = _scene("final")
        del no_region["properties"]["odc:region_code"]
        with pytest.raises(DocumentError, match=r"properties.odc:region_code = None"):
            self._add(idx, no_region, archive_less_mature=True)
        # A metadata type without the fields refuses clearly, before anything is written.
        mt = custom_metadata_type_doc("eo3_immature")
        del mt["dataset"]["search_fields"]["dataset_maturity"]
        idx.metadata_types.add_document(mt)
        idx.products.add_document(product_doc("bare", metadata_type="eo3_immature"))
        with pytest.raises(QueryError, match=r"'eo3_immature'.*lacks \['dataset_maturity'\]"):
            self._add(idx, _scene("final", product="bare"), archive_less_mature=True)
        assert idx.datasets.count(archived=None) == before
        # A stored version whose maturity is unknown cannot be compared: nothing is written.
        unknown = self._add(idx, _scene(None, ms=50))
        final = _scene("final")
        with pytest.raises(DocumentError, match=str(unknown.id)):
            self._add(idx, final, archive_less_mature=True)
        if idx.supports_transactions:
            assert not idx.datasets.has(final["id"])
        assert idx.datasets.get_unsafe(unknown.id).is_active

    # --- get(include_sources, include_deriveds) -----------------------------------------------------

    def test_get_attaches_lineage_trees(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        level1 = self._add(idx, dataset_doc("ls8", time="2020-01-01"))
        if not idx.supports_lineage:
            with pytest.raises(UnsupportedError, match="supports_lineage"):
                idx.datasets.get(level1.id, include_sources=True)
            return
        external = uuid.uuid4()  # a source kept in another index
        ard = self._add(idx, dataset_doc("ls8", lineage={"level1": [str(level1.id), str(external)]}))
        wofs = self._add(idx, dataset_doc("s2", lineage={"ard": [str(ard.id)]}))

        plain = idx.datasets.get(ard.id)
        assert plain is not None
        assert plain.source_tree is None
        assert plain.derived_tree is None
        got = idx.datasets.get(ard.id, include_sources=True)
        assert got == plain
        assert got is not None
        assert got.source_tree == idx.lineage.get_source_tree(ard.id)
        assert got.source_tree is not None
        assert got.source_tree.children is not None
        assert {t.dataset_id for t in got.source_tree.children["level1"]} == {level1.id, external}
        assert got.derived_tree is None
        both = idx.datasets.get(str(ard.id), include_sources=True, include_deriveds=True)
        assert both is not None
        assert both.derived_tree == idx.lineage.get_derived_tree(ard.id)
        assert both.derived_tree is not None
        assert both.derived_tree.child_datasets() == {wofs.id}
        copy = pickle.loads(pickle.dumps(both))
        assert (copy.source_tree, copy.derived_tree) == (both.source_tree, both.derived_tree)

        top = idx.datasets.get(wofs.id, include_sources=True, max_depth=1)
        assert top is not None
        assert top.source_tree == idx.lineage.get_source_tree(wofs.id, max_depth=1)
        assert top.source_tree is not None
        assert top.source_tree.child_datasets() == {ard.id}
        assert idx.datasets.get(uuid.uuid4(), include_sources=True, include_deriveds=True) is None
