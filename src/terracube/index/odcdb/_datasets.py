"""Datasets of an ODC database: looked up, searched and streamed, never written.

A dataset is ODC's stored document as it is (with the ``extent`` and ``grid_spatial`` ODC adds,
and ODC's stripped lineage), its location (the newest active one where ODC keeps several), its
archived time and the time ODC added it. Searches find candidates in SQL through ODC's indexes
(see ``_sql``) and decide each exactly in Python, so the answers are terracube's.
"""

from __future__ import annotations

import contextlib
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError, QueryError
from terracube.index._datasets import AbstractDatasetResource
from terracube.index._flags import refuse
from terracube.index._shared import dataset_id, gc_paused, search_result
from terracube.index.odcdb._footprints import prime
from terracube.index.odcdb._sql import candidates_sql
from terracube.index.query import ProductQuery, matches
from terracube.model import EO3_SCHEMA, Dataset

if TYPE_CHECKING:
    import datetime as dt
    import uuid
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    import shapely

    from terracube.index._datasets import OrderBy
    from terracube.index.odcdb._catalog import Catalog
    from terracube.index.odcdb._index import OdcIndex
    from terracube.model import Product, SearchField

__all__ = ["Datasets"]

#: Native fields sorted in SQL (the rest, and search fields, are sorted here).
_SQL_ORDER: Final = {"id": "id", "uri": "uri", "indexed_time": "added", "archived_time": "archived"}
_make = Dataset._make


def _values(ds: Dataset) -> dict[str, Any]:
    """A dataset's search field values; a value ODC stored that terracube cannot read is absent."""
    try:
        return ds.search_values()
    except DocumentError:
        doc = ds.search_doc()
        out = {}
        for name, f in ds.product.metadata_type.search_fields.items():
            try:
                v = f.extract(doc)
            except DocumentError:
                continue
            if v is not None:
                out[name] = v
        return out


def _footprint(ds: Dataset) -> shapely.Geometry | None:
    try:
        return ds.lonlat_footprint
    except Exception:  # a footprint ODC stored that terracube cannot project: none
        return None


@cache
def _reads_extent(field: SearchField) -> bool:
    return any(p and p[0] == "extent" for p in (*field.offsets, *field.min_offsets, *field.max_offsets))


def _field_value(ds: Dataset, field: SearchField) -> Any:
    """One search field's value (as in ``search_values``), read alone: a query needs only its own."""
    known = ds._derived.get("fields")
    if known is not None:
        return known.get(field.name)
    doc = ds.search_doc() if _reads_extent(field) else ds._doc
    try:
        return field.extract(doc)
    except DocumentError:  # a value ODC stored that terracube cannot read: absent
        return None


def _fields_pass(ds: Dataset, pq: ProductQuery) -> bool:
    """Whether a candidate matches the field conditions of its product's query."""
    return all(matches(e, _field_value(ds, e.field)) for e in pq.expressions)


_NATIVE_KEYS: Final[dict[str, Callable[[Dataset], Any]]] = {
    "product": lambda ds: ds.product.name,
    "id": lambda ds: ds.id,
    "uri": lambda ds: ds.uri,
    "indexed_time": lambda ds: ds.indexed_time,
    "archived_time": lambda ds: ds.archived_time,
}


def _sort(found: list[Dataset], order_by: OrderBy) -> list[Dataset]:
    """Stable sort by each key, most significant first, missing values last."""
    for name, desc in reversed(order_by):
        native = _NATIVE_KEYS.get(name)
        keys: dict[int, Any] = {}
        for ds in found:
            if native is not None:
                v = native(ds)
            else:
                v = _values(ds).get(name)
                v = getattr(v, "begin", v)
            keys[id(ds)] = v
        present = [d for d in found if keys[id(d)] is not None]
        missing = [d for d in found if keys[id(d)] is None]
        present.sort(key=lambda d: keys[id(d)], reverse=desc)
        found = present + missing
    return found


class Datasets(AbstractDatasetResource):
    """``index.datasets`` of an ODC database (read-only)."""

    _index: OdcIndex

    # --- writing: refused -----------------------------------------------------------------------

    def _insert(self, datasets: Sequence[Dataset]) -> set[uuid.UUID]:
        refuse(self._index.driver_name, "supports_write", "add datasets")

    def _replace(self, dataset: Dataset, updated: dt.datetime) -> None:
        refuse(self._index.driver_name, "supports_write", "update datasets")

    def _set_archived(self, ids: Sequence[uuid.UUID], when: dt.datetime | None) -> None:
        refuse(self._index.driver_name, "supports_write", "archive or restore datasets")

    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        refuse(self._index.driver_name, "supports_write", "purge datasets")

    # --- rows -----------------------------------------------------------------------------------

    def _dataset(self, row: tuple[Any, ...], cat: Catalog) -> Dataset:
        id_, pid, doc, uri, archived, added = row[:6]
        product = cat.products.get(pid)
        if product is None:
            name = cat.product_names.get(pid, pid)
            why = next((u.reason for u in cat.unreadable if u.kind == "product" and u.name == name), "")
            raise DocumentError(
                f"dataset {str(id_)!r} belongs to ODC product {name!r}, which terracube cannot read: {why}"
            )
        ds = _make(id_, product, doc, uri, archived, added)
        if doc.get("$schema") != EO3_SCHEMA:
            prime([ds])  # a legacy document: its footprint is not the eo3 one Dataset derives
        return ds

    def bulk_get(self, ids: Iterable[Any]) -> list[Dataset]:
        """docstring inherited"""
        wanted = [dataset_id(i) for i in ids]
        if not wanted:
            return []
        idx = self._index
        cat = idx._catalog()
        rows = idx._db.run(f"{idx._layout.select_sql()} WHERE d.id = ANY(%s)", (wanted,)).fetchall()
        return [self._dataset(r, cat) for r in rows]

    # --- search ---------------------------------------------------------------------------------

    def _union(
        self, queries: Sequence[ProductQuery], archived: bool | None
    ) -> tuple[str, list[Any], list[ProductQuery]] | None:
        """One SQL of the candidates of every product's query (a column says which query)."""
        idx = self._index
        cat, layout = idx._catalog(), idx._layout
        parts: list[str] = []
        params: list[Any] = []
        kept: list[ProductQuery] = []
        for pq in queries:
            pid = cat.product_ids.get(pq.product.name)
            if pid is None:
                continue
            joins, where, p = candidates_sql(layout, pq, pid, archived)
            parts.append(
                f"SELECT d.id, d.{layout.product_ref}, d.metadata, {layout.uri_sql()} AS uri, "
                f"d.archived, d.added, {len(kept)} AS q FROM {layout.schema}.dataset d {joins} WHERE {where}"
            )
            params += p
            kept.append(pq)
        if not parts:
            return None
        return " UNION ALL ".join(parts), params, kept

    def _stream(
        self, queries: Sequence[ProductQuery], archived: bool | None, sql_order: str = ""
    ) -> Iterator[Dataset]:
        """Matching datasets in the order of ``sql_order`` (an ORDER BY of the union's columns)."""
        union = self._union(queries, archived)
        if union is None:
            return
        sql, params, kept = union
        if sql_order:
            sql = f"SELECT * FROM ({sql}) u ORDER BY {sql_order}"
        cat = self._index._catalog()
        spatial = any(pq.spatial is not None for pq in kept)
        names = {pq.product.name for pq in kept}
        seen: set[uuid.UUID] | None = set() if len(names) < len(kept) else None
        batches = self._index._db.batches(sql, params)
        try:
            while True:
                # Documents make many small containers and no cycles: no collector meanwhile.
                with gc_paused():
                    rows = next(batches, None)
                    if rows is None:
                        return
                    out = self._matching(rows, cat, kept, spatial, seen)
                yield from out
        finally:
            batches.close()

    def _matching(
        self,
        rows: list[tuple[Any, ...]],
        cat: Catalog,
        kept: list[ProductQuery],
        spatial: bool,
        seen: set[uuid.UUID] | None,
    ) -> list[Dataset]:
        """The datasets of a batch of candidate rows that match their query."""
        # Field conditions first; footprints, the costlier test, of the survivors together.
        found = [
            (ds, q) for ds, q in ((self._dataset(r, cat), r[6]) for r in rows) if _fields_pass(ds, kept[q])
        ]
        if spatial:
            prime([ds for ds, q in found if kept[q].spatial is not None])
        out = []
        for ds, q in found:
            if seen is not None and ds.id in seen:
                continue
            spatial_q = kept[q].spatial
            if spatial_q is None or spatial_q.matches(_footprint(ds)):
                if seen is not None:
                    seen.add(ds.id)
                out.append(ds)
        return out

    def _search(
        self,
        queries: Sequence[ProductQuery],
        *,
        archived: bool | None,
        limit: int | None,
        order_by: OrderBy,
    ) -> Iterator[Dataset]:
        """docstring inherited"""
        if limit == 0:
            return
        in_sql = all(name in _SQL_ORDER for name, _ in order_by)
        if in_sql:
            order = ", ".join(
                f"(u.{_SQL_ORDER[n]} IS NULL), u.{_SQL_ORDER[n]}{' DESC' if desc else ''}"
                for n, desc in order_by
            )
            for n, ds in enumerate(self._stream(queries, archived, order), 1):
                yield ds
                if limit is not None and n >= limit:
                    return
            return
        found = _sort(list(self._stream(queries, archived)), order_by)
        yield from found[:limit] if limit is not None else found

    def _count(self, queries: Sequence[ProductQuery], *, archived: bool | None) -> int:
        """docstring inherited"""
        if any(pq.expressions or pq.spatial is not None for pq in queries):
            return sum(1 for _ in self._stream(queries, archived))
        idx = self._index
        cat, layout = idx._catalog(), idx._layout
        pids = sorted(
            {cat.product_ids[pq.product.name] for pq in queries if pq.product.name in cat.product_ids}
        )
        if not pids:
            return 0
        (n,) = idx._db.run(
            f"SELECT count(*) FROM {layout.schema}.dataset d WHERE d.{layout.product_ref} = ANY(%s) "
            f"AND {layout.archived_sql(archived)}",
            (pids,),
        ).fetchone() or (0,)
        return int(n)

    def search_by_metadata(
        self, metadata: Mapping[str, Any], archived: bool | None = False, fetch_all: bool = False
    ) -> Iterator[Dataset] | list[Dataset]:
        """Datasets whose document contains this nested mapping (jsonb ``@>``, as ODC answers it)."""
        import orjson

        idx = self._index
        cat, layout = idx._catalog(), idx._layout
        pids = sorted(cat.products)

        def found() -> Iterator[Dataset]:
            if not pids:
                return
            sql = (
                f"{layout.select_sql()} WHERE d.metadata @> %s::jsonb AND d.{layout.product_ref} = ANY(%s) "
                f"AND {layout.archived_sql(archived)}"
            )
            for rows in idx._db.batches(sql, (orjson.dumps(dict(metadata)).decode(), pids)):
                for r in rows:
                    yield self._dataset(r, cat)

        return search_result(found(), fetch_all)

    def _iter_all(
        self, archived: bool | None = None, products: Iterable[Product] | None = None
    ) -> Iterator[Dataset]:
        """Every dataset of these products (default: all readable ones), footprints computed in batches."""
        idx = self._index
        cat, layout = idx._catalog(), idx._layout
        chosen = list(cat.products.values()) if products is None else list(products)
        pids = sorted(cat.product_ids[p.name] for p in chosen if p.name in cat.product_ids)
        if not pids:
            return
        sql = f"{layout.select_sql()} WHERE d.{layout.product_ref} = ANY(%s) AND {layout.archived_sql(archived)}"

        def prepare(rows: list[tuple[Any, ...]]) -> list[Dataset]:
            found = [self._dataset(r, cat) for r in rows]
            prime(found)
            for ds in found:  # what the destination computes next, meanwhile
                with contextlib.suppress(DocumentError):  # its own error, when asked again
                    ds.search_values()
            return found

        # Read ahead: the next batches are fetched and prepared while the caller stores this one.
        for found in idx._db.batches_ahead(sql, (pids,), prepare):
            yield from found

    # --- other lookups --------------------------------------------------------------------------

    def _most_recent_change(self, product: Product) -> dt.datetime | None:
        """docstring inherited"""
        idx = self._index
        cat, layout = idx._catalog(), idx._layout
        pid = cat.product_ids.get(product.name)
        if pid is None:
            return None
        changed = "greatest(added, updated, archived)" if layout.has_updated else "greatest(added, archived)"
        row = idx._db.run(
            f"SELECT max({changed}) FROM {layout.schema}.dataset WHERE {layout.product_ref} = %s", (pid,)
        ).fetchone()
        return None if row is None else row[0]

    def get_datasets_for_location(self, uri: str, mode: str = "exact") -> Iterator[Dataset]:
        """Datasets with an active location equal to ``uri`` (or under it, ``mode="prefix"``)."""
        if mode not in ("exact", "prefix"):
            raise QueryError(f"location mode {mode!r} must be 'exact' or 'prefix'")
        if mode == "prefix" and not uri:
            raise QueryError("a location prefix must not be empty")
        scheme, sep, body = uri.partition(":")
        if not sep:
            return
        idx = self._index
        cat, layout = idx._catalog(), idx._layout
        test = "x.uri_body = %s" if mode == "exact" else "starts_with(x.uri_body, %s)"
        if layout.locations_table is None:
            cond = test.replace("x.", "d.")
            where = f"d.uri_scheme = %s AND {cond}"
        else:
            where = (
                f"EXISTS (SELECT 1 FROM {layout.locations_table} x WHERE x.dataset_ref = d.id "
                f"AND x.archived IS NULL AND x.uri_scheme = %s AND {test})"
            )
        rows = idx._db.run(f"{layout.select_sql()} WHERE {where}", (scheme, body)).fetchall()
        for r in rows:
            if r[1] in cat.products:
                yield self._dataset(r, cat)
