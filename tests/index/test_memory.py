"""The conformance suite on the memory driver, plus its undo log: rollback restores every structure."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import DuplicateRecordError
from terracube.index.changes import allow_any
from terracube.index.memory import MemoryIndex
from terracube.index.testing import IndexTests, custom_metadata_type_doc, dataset_doc, product_doc
from terracube.model import LineageDirection, LineageRelation

if TYPE_CHECKING:
    from collections.abc import Iterator


class TestMemoryIndex(IndexTests):
    @pytest.fixture
    def index(self) -> Iterator[MemoryIndex]:
        idx = MemoryIndex()
        idx.init_db()
        yield idx
        idx.close()


def _snapshot(idx: MemoryIndex) -> dict[str, Any]:
    """Every structure of the index, two levels deep, with the identity of each value."""

    def value(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: value(x) for k, x in v.items()}
        return (id(v), v) if not isinstance(v, int | str | type(None)) else v

    return {k: value(v) for k, v in vars(idx._state).items() if k != "journal"}


def test_failed_transaction_restores_every_structure() -> None:
    idx = MemoryIndex()
    idx.init_db()
    idx.products.add_document(product_doc("ls8"))
    src = idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8", time="2020-01-01")))
    mid = idx.datasets.add(
        idx.datasets.from_doc(dataset_doc("ls8", time="2020-02-01", lineage={"l1": [str(src.id)]}))
    )
    gone = idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8", time="2020-03-01")))
    idx.datasets.archive([gone.id])
    idx.lineage.set_home("elsewhere", src.id)
    assert idx.datasets.count(product="ls8") == 2  # builds the product's search columns
    idx.datasets.get_unsafe(mid.id).search_values()
    before = _snapshot(idx)
    assert before["columns"]
    assert before["sources_of"] and before["derived_of"] and before["homes"]

    clash = idx.datasets.from_doc(dataset_doc("ls8", id=src.id, cloud_cover=1.0))

    def many_writes_then_a_clash() -> None:
        with idx.transaction():
            idx.metadata_types.add_document(custom_metadata_type_doc())
            idx.products.add_document(product_doc("new"))
            new = idx.datasets.add(
                idx.datasets.from_doc(
                    dataset_doc("new", lineage={"l1": [str(src.id), str(uuid.uuid4())], "l2": [str(mid.id)]})
                )
            )
            assert idx.datasets.count(product="new") == 1  # columns of a product made in the transaction
            idx.datasets.archive([src.id])
            idx.datasets.restore([gone.id])
            doc = mid.metadata_doc
            doc["properties"]["eo:cloud_cover"] = 99.0
            idx.datasets.update(idx.datasets.from_doc(doc), updates_allowed={(): allow_any})
            idx.datasets.purge([gone.id], allow_delete_active=True)
            looser = product_doc("ls8")
            looser["description"] = "rebinds every dataset of the product"
            idx.products.update_document(looser)
            idx.lineage.set_home("other", new.id, mid.id)
            idx.lineage.clear_home(src.id)
            idx.lineage.remove(mid.id, LineageDirection.SOURCES)
            idx.lineage.merge([LineageRelation("l3", new.id, uuid.uuid4())])
            assert idx.datasets.count(product="ls8", archived=None) == 2
            idx.datasets.add(clash)

    with pytest.raises(DuplicateRecordError, match=str(src.id)):
        many_writes_then_a_clash()
    assert _snapshot(idx) == before
    assert idx._state.journal is None
    # The index goes on working after the rollback.
    idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8", time="2021-01-01")))
    assert idx.datasets.count(product="ls8") == 3
