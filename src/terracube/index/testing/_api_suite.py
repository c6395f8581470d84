"""The index API as ODC code uses it (a mixin of ``IndexTests``): transaction objects.

``index.transaction()`` gives a transaction to use as a context manager or by hand
(``begin``, ``commit``, ``rollback``), nested ones joining the one already open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from terracube.errors import UnsupportedError
from terracube.index.testing._documents import dataset_doc

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Product

__all__ = ["ApiTests"]


class ApiTests:
    """Transactions as objects, on every driver."""

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
