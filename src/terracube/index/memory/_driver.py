"""The memory index: dicts of immutable values, per-product columns for fast search, an undo log."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from typing import TYPE_CHECKING, Any

from terracube.errors import DatasetNotFoundError, MetadataTypeNotFoundError, ProductNotFoundError
from terracube.index._datasets import AbstractDatasetResource
from terracube.index._lineage import AbstractLineageResource
from terracube.index._metadata_types import AbstractMetadataTypeResource
from terracube.index._products import AbstractProductResource
from terracube.index._shared import dataset_id
from terracube.index._users import NoUserResource
from terracube.index.abstract import AbstractIndex, AbstractIndexDriver
from terracube.index.memory._columns import ProductColumns, sort_datasets
from terracube.model.lineage import LineageDirection, LineageRelation

if TYPE_CHECKING:
    import uuid
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from typing import Self

    from terracube.cfg import Environment
    from terracube.index._datasets import OrderBy
    from terracube.index.query import ProductQuery
    from terracube.model import Dataset, MetadataType, Product

__all__ = ["MemoryIndex", "MemoryIndexDriver", "driver_init"]


_MISSING: Any = object()


class _State:
    """Everything the memory index holds, and the undo log of the open transaction.

    Every write goes through :meth:`put` and :meth:`drop`, which note the entry's previous
    value (or its absence) while a transaction is open; rolling back replays the notes
    backwards. A write costs one note, whatever the index's size.
    """

    def __init__(self) -> None:
        self.types: dict[str, tuple[int, MetadataType]] = {}
        self.products: dict[str, tuple[int, Product]] = {}
        self.datasets: dict[uuid.UUID, Dataset] = {}
        self.by_product: dict[str, dict[uuid.UUID, None]] = {}
        self.changed: dict[uuid.UUID, dt.datetime] = {}
        self.sources_of: dict[uuid.UUID, dict[uuid.UUID, str]] = {}  # derived -> source -> classifier
        self.derived_of: dict[uuid.UUID, dict[uuid.UUID, str]] = {}  # source -> derived -> classifier
        self.homes: dict[uuid.UUID, str] = {}
        self.columns: dict[str, ProductColumns] = {}  # search columns per product, built lazily
        self.next_id = 1
        #: (mapping, key, previous value or _MISSING), oldest first; None outside a transaction.
        self.journal: list[tuple[dict[Any, Any], Any, Any]] | None = None

    def put(self, d: dict[Any, Any], key: Any, value: Any) -> None:
        """``d[key] = value``, noted for rollback."""
        if self.journal is not None:
            self.journal.append((d, key, d.get(key, _MISSING)))
        d[key] = value

    def drop(self, d: dict[Any, Any], key: Any) -> None:
        """``d.pop(key, None)``, noted for rollback."""
        if key in d:
            if self.journal is not None:
                self.journal.append((d, key, d[key]))
            del d[key]

    def child(self, d: dict[Any, dict[Any, Any]], key: Any) -> dict[Any, Any]:
        """``d.setdefault(key, {})``, noted for rollback."""
        inner = d.get(key)
        if inner is None:
            inner = {}
            self.put(d, key, inner)
        return inner

    def new_id(self) -> int:
        """The next record id, noted for rollback."""
        i = self.next_id
        self.put(vars(self), "next_id", i + 1)
        return i

    def undo(self) -> None:
        """Replay the journal backwards: every structure is as it was when it started."""
        journal, self.journal = self.journal or [], None
        for d, key, old in reversed(journal):
            if old is _MISSING:
                d.pop(key, None)
            else:
                d[key] = old


class _MetadataTypes(AbstractMetadataTypeResource):
    _index: MemoryIndex

    def _add(self, metadata_type: MetadataType) -> None:
        st = self._index._state
        id_ = st.new_id()
        st.put(st.types, metadata_type.name, (id_, metadata_type._with_index_id(id_)))

    def _replace(self, metadata_type: MetadataType) -> None:
        st = self._index._state
        id_, _ = st.types[metadata_type.name]
        st.put(st.types, metadata_type.name, (id_, metadata_type._with_index_id(id_)))

    def _get_all(self) -> Iterable[tuple[int, MetadataType]]:
        return list(self._index._state.types.values())

    def get_unsafe(self, id_: int) -> MetadataType:
        for i, mt in self._index._state.types.values():
            if i == id_:
                return mt
        raise MetadataTypeNotFoundError(f"no metadata type with id {id_!r}")

    def get_by_name_unsafe(self, name: str) -> MetadataType:
        try:
            return self._index._state.types[name][1]
        except KeyError:
            raise MetadataTypeNotFoundError(f"no metadata type named {name!r} in the index") from None


class _Products(AbstractProductResource):
    _index: MemoryIndex

    def _add(self, product: Product) -> None:
        st = self._index._state
        id_ = st.new_id()
        mt = st.types[product.metadata_type.name][1]
        st.put(st.products, product.name, (id_, product.with_metadata_type(mt)._with_index_id(id_)))
        st.child(st.by_product, product.name)
        st.drop(st.columns, product.name)

    def _replace(self, product: Product) -> None:
        st = self._index._state
        id_, _ = st.products[product.name]
        mt = st.types[product.metadata_type.name][1]
        st.put(st.products, product.name, (id_, product.with_metadata_type(mt)._with_index_id(id_)))
        self._index._rebind(product.name)

    def _delete(self, product: Product) -> None:
        st = self._index._state
        st.drop(st.products, product.name)
        st.drop(st.by_product, product.name)
        st.drop(st.columns, product.name)

    def _metadata_type_changed(self, metadata_type: MetadataType) -> None:
        st = self._index._state
        with self._index.transaction():
            for name, (id_, p) in list(st.products.items()):
                if p.metadata_type.name == metadata_type.name:
                    mt = st.types[metadata_type.name][1]
                    st.put(st.products, name, (id_, p.with_metadata_type(mt)))
                    self._index._rebind(name)

    def _get_all(self) -> Iterable[tuple[int, Product]]:
        return list(self._index._state.products.values())

    def get_unsafe(self, id_: int) -> Product:
        for i, p in self._index._state.products.values():
            if i == id_:
                return p
        raise ProductNotFoundError(f"no product with id {id_!r}")

    def get_by_name_unsafe(self, name: str) -> Product:
        try:
            return self._index._state.products[name][1]
        except KeyError:
            raise ProductNotFoundError(f"no product named {name!r} in the index") from None


class _Datasets(AbstractDatasetResource):
    _index: MemoryIndex

    def _insert(self, datasets: Sequence[Dataset]) -> set[uuid.UUID]:
        st = self._index._state
        existing = set()
        for ds in datasets:
            if ds.id in st.datasets:
                existing.add(ds.id)
                continue
            st.put(st.datasets, ds.id, ds)
            st.put(st.by_product[ds.product.name], ds.id, None)
            st.put(st.changed, ds.id, ds.indexed_time or dt.datetime.now(dt.UTC))
            st.drop(st.columns, ds.product.name)
        return existing

    def bulk_get(self, ids: Iterable[Any]) -> list[Dataset]:
        st = self._index._state
        out = [st.datasets.get(dataset_id(i)) for i in ids]
        return [d for d in out if d is not None]

    def get_unsafe(self, id_: Any) -> Dataset:
        try:
            return self._index._state.datasets[dataset_id(id_)]
        except KeyError:
            raise DatasetNotFoundError(f"no dataset with id {str(id_)!r} in the index") from None

    def _replace(self, dataset: Dataset, updated: dt.datetime) -> None:
        st = self._index._state
        st.put(st.datasets, dataset.id, dataset)
        st.put(st.changed, dataset.id, updated)
        st.drop(st.columns, dataset.product.name)

    def _set_archived(self, ids: Sequence[uuid.UUID], when: dt.datetime | None) -> None:
        st = self._index._state
        for i in ids:
            ds = st.datasets.get(i)
            if ds is None or ds.is_archived == (when is not None):
                continue
            st.put(st.datasets, i, ds.replace(archived_time=when))
            st.put(st.changed, i, when or dt.datetime.now(dt.UTC))
            st.drop(st.columns, ds.product.name)

    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        st = self._index._state
        for i in ids:
            ds = st.datasets.get(i)
            if ds is not None:
                st.drop(st.datasets, i)
                st.drop(st.by_product[ds.product.name], i)
                st.drop(st.changed, i)
                st.drop(st.columns, ds.product.name)

    def _search(
        self, queries: Sequence[ProductQuery], *, archived: bool | None, limit: int | None, order_by: OrderBy
    ) -> Iterator[Dataset]:
        found: Iterable[Dataset] = (
            ds for q in queries for ds in self._index._columns_for(q.product.name).select(q, archived)
        )
        if order_by:
            found = sort_datasets(list(found), order_by)
        yield from itertools.islice(found, limit)

    def _count(self, queries: Sequence[ProductQuery], *, archived: bool | None) -> int:
        return sum(self._index._columns_for(q.product.name).count(q, archived) for q in queries)

    def _most_recent_change(self, product: Product) -> dt.datetime | None:
        st = self._index._state
        times = [st.changed[i] for i in st.by_product.get(product.name, ()) if i in st.changed]
        return max(times) if times else None

    def get_datasets_for_location(self, uri: str, mode: str = "exact") -> Iterator[Dataset]:
        if mode not in ("exact", "prefix"):
            from terracube.errors import QueryError

            raise QueryError(f"location mode {mode!r} must be 'exact' or 'prefix'")
        for ds in list(self._index._state.datasets.values()):
            u = ds.uri
            if u is not None and (u == uri if mode == "exact" else u.startswith(uri)):
                yield ds


class _Lineage(AbstractLineageResource):
    _index: MemoryIndex

    def _relations_of(self, ids: Sequence[uuid.UUID], direction: LineageDirection) -> list[LineageRelation]:
        st = self._index._state
        if direction is LineageDirection.SOURCES:
            return [LineageRelation(c, s, d) for d in ids for s, c in st.sources_of.get(d, {}).items()]
        return [LineageRelation(c, s, d) for s in ids for d, c in st.derived_of.get(s, {}).items()]

    def _existing(
        self, pairs: Sequence[tuple[uuid.UUID, uuid.UUID]]
    ) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
        st = self._index._state
        out = {}
        for s, d in pairs:
            c = st.sources_of.get(d, {}).get(s)
            if c is not None:
                out[(s, d)] = c
        return out

    def _insert(self, relations: Sequence[LineageRelation]) -> None:
        st = self._index._state
        for r in relations:
            st.put(st.child(st.sources_of, r.derived_id), r.source_id, r.classifier)
            st.put(st.child(st.derived_of, r.source_id), r.derived_id, r.classifier)

    _update = _insert

    def _delete(self, pairs: Sequence[tuple[uuid.UUID, uuid.UUID]]) -> None:
        st = self._index._state
        for s, d in pairs:
            st.drop(st.sources_of.get(d, {}), s)
            st.drop(st.derived_of.get(s, {}), d)

    def _iter_relations(self, batch_size: int) -> Iterator[LineageRelation]:
        st = self._index._state
        rels = [LineageRelation(c, s, d) for d, srcs in st.sources_of.items() for s, c in srcs.items()]
        return iter(rels)

    def _has_homes(self) -> bool:
        return bool(self._index._state.homes)

    def _get_homes(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        homes = self._index._state.homes
        return {i: homes[i] for i in ids if i in homes}

    def _set_homes(self, homes: Mapping[uuid.UUID, str]) -> None:
        st = self._index._state
        for i, h in homes.items():
            st.put(st.homes, i, h)

    def _clear_homes(self, ids: Sequence[uuid.UUID]) -> None:
        st = self._index._state
        for i in ids:
            st.drop(st.homes, i)


class MemoryIndex(AbstractIndex):
    """An index held in process memory. Writes and transactions work; nothing persists."""

    driver_name = "memory"
    supports_legacy = False
    supports_eo3 = True
    supports_nongeo = True
    supports_vector = False
    supports_write = True
    supports_persistence = False
    supports_transactions = True
    supports_spatial_indexes = False
    supports_users = False
    supports_lineage = True
    supports_external_lineage = True
    supports_external_home = True

    def __init__(self) -> None:
        super().__init__()
        self._state = _State()
        self._lock = threading.RLock()
        self.metadata_types = _MetadataTypes(self)
        self.products = _Products(self)
        self.datasets = _Datasets(self)
        self.lineage = _Lineage(self)
        self.users = NoUserResource(self)

    @classmethod
    def from_environment(cls, env: Environment) -> Self:
        """A new, empty memory index (the environment's URL is not used)."""
        idx = cls()
        idx.init_db()
        return idx

    def init_db(self, with_default_types: bool = True) -> bool:
        """Add the default metadata types; True the first time."""
        created = not self._state.types
        if with_default_types:
            self._add_default_types()
        return created

    def close(self) -> None:
        """Nothing to release."""

    def _begin(self) -> None:
        self._lock.acquire()
        self._state.journal = []

    def _commit(self) -> None:
        self._state.journal = None
        self._lock.release()

    def _rollback(self) -> None:
        try:
            self._state.undo()
        finally:
            self._lock.release()

    def _columns_for(self, product: str) -> ProductColumns:
        st = self._state
        cols = st.columns.get(product)
        if cols is None:
            cols = ProductColumns([st.datasets[i] for i in st.by_product.get(product, ())])
            st.put(st.columns, product, cols)
        return cols

    def _rebind(self, product_name: str) -> None:
        """Point the product's datasets at its current product value."""
        st = self._state
        p = st.products[product_name][1]
        for i in st.by_product.get(product_name, ()):
            st.put(st.datasets, i, st.datasets[i].replace(product=p))
        st.drop(st.columns, product_name)


class MemoryIndexDriver(AbstractIndexDriver):
    """Opens :class:`MemoryIndex` instances."""

    name = "memory"
    description = "in-process index for tests and notebooks (not persisted)"

    opens = MemoryIndex


#: Entry point of the ``memory`` index driver (a class is called with no arguments).
driver_init = MemoryIndexDriver
