"""The memory index: dicts of immutable values, with per-product columns for fast search."""

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


class _State:
    """Everything the memory index holds; copied shallowly for a transaction snapshot."""

    def __init__(self) -> None:
        self.types: dict[str, tuple[int, MetadataType]] = {}
        self.products: dict[str, tuple[int, Product]] = {}
        self.datasets: dict[uuid.UUID, Dataset] = {}
        self.by_product: dict[str, dict[uuid.UUID, None]] = {}
        self.changed: dict[uuid.UUID, dt.datetime] = {}
        self.sources_of: dict[uuid.UUID, dict[uuid.UUID, str]] = {}  # derived -> source -> classifier
        self.derived_of: dict[uuid.UUID, dict[uuid.UUID, str]] = {}  # source -> derived -> classifier
        self.homes: dict[uuid.UUID, str] = {}
        self.next_id = 1

    def copy(self) -> _State:
        out = _State()
        out.types = dict(self.types)
        out.products = dict(self.products)
        out.datasets = dict(self.datasets)
        out.by_product = {k: dict(v) for k, v in self.by_product.items()}
        out.changed = dict(self.changed)
        out.sources_of = {k: dict(v) for k, v in self.sources_of.items()}
        out.derived_of = {k: dict(v) for k, v in self.derived_of.items()}
        out.homes = dict(self.homes)
        out.next_id = self.next_id
        return out


class _MetadataTypes(AbstractMetadataTypeResource):
    _index: MemoryIndex

    def _add(self, metadata_type: MetadataType) -> None:
        st = self._index._state
        st.types[metadata_type.name] = (st.next_id, metadata_type)
        st.next_id += 1

    def _replace(self, metadata_type: MetadataType) -> None:
        st = self._index._state
        id_, _ = st.types[metadata_type.name]
        st.types[metadata_type.name] = (id_, metadata_type)

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
        st.products[product.name] = (st.next_id, product)
        st.by_product.setdefault(product.name, {})
        st.next_id += 1

    def _replace(self, product: Product) -> None:
        st = self._index._state
        id_, _ = st.products[product.name]
        mt = st.types[product.metadata_type.name][1]
        st.products[product.name] = (id_, product.with_metadata_type(mt))
        self._index._rebind(product.name)

    def _delete(self, product: Product) -> None:
        st = self._index._state
        st.products.pop(product.name, None)
        st.by_product.pop(product.name, None)
        self._index._columns.pop(product.name, None)

    def _metadata_type_changed(self, metadata_type: MetadataType) -> None:
        st = self._index._state
        for name, (id_, p) in list(st.products.items()):
            if p.metadata_type.name == metadata_type.name:
                st.products[name] = (id_, p.with_metadata_type(metadata_type))
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
            st.datasets[ds.id] = ds
            st.by_product[ds.product.name][ds.id] = None
            st.changed[ds.id] = ds.indexed_time or dt.datetime.now(dt.UTC)
            self._index._columns.pop(ds.product.name, None)
        return existing

    def bulk_get(self, ids: Iterable[Any]) -> Iterator[Dataset]:
        from terracube.index._datasets import _uuid

        st = self._index._state
        out = [st.datasets.get(_uuid(i)) for i in ids]
        return iter([d for d in out if d is not None])

    def get_unsafe(self, id_: Any) -> Dataset:
        from terracube.index._datasets import _uuid

        try:
            return self._index._state.datasets[_uuid(id_)]
        except KeyError:
            raise DatasetNotFoundError(f"no dataset with id {str(id_)!r} in the index") from None

    def _replace(self, dataset: Dataset, updated: dt.datetime) -> None:
        st = self._index._state
        st.datasets[dataset.id] = dataset
        st.changed[dataset.id] = updated
        self._index._columns.pop(dataset.product.name, None)

    def _set_archived(self, ids: Sequence[uuid.UUID], when: dt.datetime | None) -> None:
        st = self._index._state
        for i in ids:
            ds = st.datasets.get(i)
            if ds is None or ds.is_archived == (when is not None):
                continue
            st.datasets[i] = ds.replace(archived_time=when)
            st.changed[i] = when or dt.datetime.now(dt.UTC)
            self._index._columns.pop(ds.product.name, None)

    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        st = self._index._state
        for i in ids:
            ds = st.datasets.pop(i, None)
            if ds is not None:
                st.by_product[ds.product.name].pop(i, None)
                st.changed.pop(i, None)
                self._index._columns.pop(ds.product.name, None)

    def _search(
        self,
        queries: Sequence[ProductQuery],
        *,
        archived: bool | None,
        limit: int | None,
        order_by: OrderBy,
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
            st.sources_of.setdefault(r.derived_id, {})[r.source_id] = r.classifier
            st.derived_of.setdefault(r.source_id, {})[r.derived_id] = r.classifier

    _update = _insert

    def _delete(self, pairs: Sequence[tuple[uuid.UUID, uuid.UUID]]) -> None:
        st = self._index._state
        for s, d in pairs:
            st.sources_of.get(d, {}).pop(s, None)
            st.derived_of.get(s, {}).pop(d, None)

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
        self._index._state.homes.update(homes)

    def _clear_homes(self, ids: Sequence[uuid.UUID]) -> None:
        for i in ids:
            self._index._state.homes.pop(i, None)


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
        self._snapshot: _State | None = None
        self._columns: dict[str, ProductColumns] = {}
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
        self._snapshot = self._state.copy()

    def _commit(self) -> None:
        self._snapshot = None
        self._lock.release()

    def _rollback(self) -> None:
        if self._snapshot is not None:
            self._state = self._snapshot
            self._columns.clear()
        self._snapshot = None
        self._lock.release()

    def _columns_for(self, product: str) -> ProductColumns:
        cols = self._columns.get(product)
        if cols is None:
            st = self._state
            cols = ProductColumns([st.datasets[i] for i in st.by_product.get(product, ())])
            self._columns[product] = cols
        return cols

    def _rebind(self, product_name: str) -> None:
        """Point the product's datasets at its current product value."""
        st = self._state
        p = st.products[product_name][1]
        for i in st.by_product.get(product_name, ()):
            st.datasets[i] = st.datasets[i].replace(product=p)
        self._columns.pop(product_name, None)


class MemoryIndexDriver(AbstractIndexDriver):
    """Opens :class:`MemoryIndex` instances."""

    name = "memory"
    description = "in-process index for tests and notebooks (not persisted)"

    @staticmethod
    def index_class() -> type[MemoryIndex]:
        """docstring inherited"""
        return MemoryIndex


def driver_init() -> MemoryIndexDriver:
    """Entry point of the ``memory`` index driver."""
    return MemoryIndexDriver()
