"""Field indexes and rollbacks (a mixin of ``IndexTests``).

Two backdoor hooks read and damage a driver's catalog behind the index's back; a driver whose
index keeps per-field database indexes overrides them in its test class.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import DuplicateRecordError
from terracube.index.changes import allow_any
from terracube.index.testing._documents import custom_metadata_type_doc, dataset_doc, product_doc
from terracube.model import LineageRelation

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Product

__all__ = ["MaintenanceTests"]


def _answers(idx: AbstractIndex) -> dict[str, set[str]]:
    """What searches on indexed fields answer."""
    ds = idx.datasets
    return {
        "region": {str(d.id) for d in ds.search(product="ls8", region_code="090084")},
        "orbit": {str(d.id) for d in ds.search(orbit=(3, 5))},
        "gsd": {str(d.id) for d in ds.search(gsd=12)},
    }


def _observed(idx: AbstractIndex) -> dict[str, Any]:
    """Everything the public API shows of an index's contents."""
    ds = idx.datasets
    everything = sorted(ds.search(archived=None), key=lambda d: str(d.id))
    out: dict[str, Any] = {
        "types": {m.name: m.definition for m in idx.metadata_types.get_all()},
        "products": {p.name: p.definition for p in idx.products.get_all()},
        "datasets": [(d, d.uri, d.archived_time, d.indexed_time, d.metadata_doc) for d in everything],
        "counts": {p.name: n for p, n in ds.count_by_product(archived=None)},
        "active": {p.name: n for p, n in ds.count_by_product()},
        "changed": {p.name: idx.products.most_recent_change(p) for p in idx.products.get_all()},
    }
    if idx.supports_lineage:
        out["lineage"] = sorted(map(repr, idx.lineage.get_all_lineage()))
    if idx.supports_external_home:
        out["homes"] = idx.lineage.get_homes(*(d.id for d in everything))
    return out


class MaintenanceTests:
    """``check_field_indexes`` creates what is missing and is idempotent; rollbacks restore all."""

    # --- backdoor hooks -------------------------------------------------------------------------

    def field_indexes(self, index: AbstractIndex) -> set[str] | None:
        """The per-field database indexes, read from the driver's catalog.

        None (the default) for a driver that keeps none, such as the memory index.
        """
        return None

    def drop_field_index(self, index: AbstractIndex, name: str) -> None:
        """Drop one per-field database index behind the index's back."""
        raise NotImplementedError(f"{type(self).__name__} lists field indexes but cannot drop one")

    # --- field indexes --------------------------------------------------------------------------

    def test_check_field_indexes(self, products: dict[str, Product], writable: AbstractIndex) -> None:
        idx = writable
        idx.datasets.add_batch(
            idx.datasets.from_doc(
                dataset_doc(
                    "custom",
                    region_code=f"09{i % 3}084",
                    properties={"sat:absolute_orbit": i, "test:gsd_min": i, "test:gsd_max": i + 5},
                )
            )
            for i in range(10)
        )
        idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8", region_code="090084")))
        answers = _answers(idx)
        assert all(answers.values())
        have = self.field_indexes(idx)
        for _ in range(2):
            idx.metadata_types.check_field_indexes()
            assert self.field_indexes(idx) == have  # idempotent
        idx.metadata_types.check_field_indexes(allow_table_lock=True, rebuild_indexes=True)
        assert self.field_indexes(idx) == have
        assert _answers(idx) == answers
        if have is None:
            return

        def named(field: str) -> set[str]:
            assert have is not None
            return {n for n in have if f"_{field}" in n}

        # Each metadata type's indexed fields have their own index.
        assert len(named("region_code")) == 2  # eo3 and eo3_custom
        assert len(named("orbit")) == 2  # eo3_custom and the built-in telemetry
        assert len(named("gsd")) == 1
        victims = named("orbit") | named("gsd")
        for name in victims:
            self.drop_field_index(idx, name)
        assert self.field_indexes(idx) == have - victims
        idx.metadata_types.check_field_indexes()
        assert self.field_indexes(idx) == have
        assert _answers(idx) == answers
        # A new search field gets its index when the type is updated; a removed one loses it.
        doc = custom_metadata_type_doc()
        doc["dataset"]["search_fields"]["pass_number"] = {
            "type": "integer",
            "offset": ["properties", "test:pass"],
        }
        idx.metadata_types.update_document(doc)
        added = self.field_indexes(idx)
        assert added is not None
        assert len(added - have) == 1
        assert "pass_number" in next(iter(added - have))
        del doc["dataset"]["search_fields"]["orbit"]
        idx.metadata_types.update_document(doc, allow_unsafe_updates=True)
        after = self.field_indexes(idx)
        assert after is not None
        assert after <= added
        gone = added - after
        assert len(gone) == 1  # eo3_custom's orbit; the built-in telemetry keeps its own
        assert gone <= named("orbit")

    # --- rollback ---------------------------------------------------------------------------------

    def test_failed_transaction_restores_everything(self, populated: AbstractIndex) -> None:
        idx = populated
        if not idx.supports_transactions:
            return
        some = sorted(idx.datasets.search(product="ls8"), key=lambda d: str(d.id))
        if idx.supports_lineage:
            idx.lineage.merge([LineageRelation("l1", some[0].id, some[1].id)])
        if idx.supports_external_home:
            idx.lineage.set_home("elsewhere", some[0].id)
        before = _observed(idx)
        clash = idx.datasets.from_doc(dataset_doc("ls8", id=some[0].id, cloud_cover=1.0))

        def many_writes_then_a_clash() -> None:
            with idx.transaction():
                idx.metadata_types.add_document(custom_metadata_type_doc("eo3_more"))
                idx.products.add_document(product_doc("new"))
                new = idx.datasets.add(
                    idx.datasets.from_doc(dataset_doc("new", lineage={"l1": [str(some[2].id)]}))
                )
                idx.datasets.archive([some[0].id])
                idx.datasets.restore([d.id for d in idx.datasets.search(archived=True)])
                doc = some[1].metadata_doc
                doc["properties"]["eo:cloud_cover"] = 77.0
                idx.datasets.update(idx.datasets.from_doc(doc, uri="s3://moved/x.yaml"), {(): allow_any})
                idx.datasets.purge([some[3].id], allow_delete_active=True)
                looser = product_doc("s2")
                looser["description"] = "changed in a transaction that fails"
                idx.products.update_document(looser)
                if idx.supports_external_home:
                    idx.lineage.set_home("other", new.id)
                    idx.lineage.clear_home(some[0].id)
                if idx.supports_lineage:
                    idx.lineage.merge([LineageRelation("l9", new.id, uuid.uuid4())])
                idx.datasets.add(clash)

        with pytest.raises(DuplicateRecordError, match=str(some[0].id)):
            many_writes_then_a_clash()
        assert _observed(idx) == before
