"""The datasets resource of a SQLite index: rows with an R*Tree over (lon, lat, time, product).

Searching: candidates come from the R*Tree or a field index, the exact footprint test follows
in Python, a batch of rows at a time (shapely, vectorised).
"""

from __future__ import annotations

import itertools
import uuid
from typing import TYPE_CHECKING, Any

import orjson

from terracube.errors import DatasetNotFoundError, QueryError
from terracube.index._datasets import AbstractDatasetResource
from terracube.index._rows import dataset_row, dataset_rows, footprint_wkbs, from_micros, time_span, to_micros
from terracube.index._shared import dataset_id
from terracube.index.sqlite._db import BATCH, MAX_PARAMS, now_us, param_chunks
from terracube.index.sqlite._sql import order_sql, where_sql
from terracube.model import Dataset, Range
from terracube.model._docs import json_value

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Sequence

    from terracube.index._shared import Catalog
    from terracube.index.query import OrderBy, ProductQuery
    from terracube.index.sqlite._driver import SQLiteIndex
    from terracube.model import Product

__all__ = ["Datasets"]

_COLS = "d.id, d.product_id, d.doc, d.uri, d.archived, d.added"


class Datasets(AbstractDatasetResource):
    """``index.datasets`` of a SQLite index."""

    _index: SQLiteIndex

    # --- rows <-> datasets ---------------------------------------------------------------------

    def _make(self, row: Sequence[Any], cat: Catalog) -> Dataset:
        id_, pid, doc, uri, archived, added = row[:6]
        product = cat.products.get(pid)
        if product is None:  # its product cannot be read: say so, naming it
            product = self._index.products.get_unsafe(pid)
        return Dataset._make(
            uuid.UUID(bytes=id_),
            product,
            json_value(doc),  # integers beyond 64 bits exactly, as they were stored
            uri,
            None if archived is None else from_micros(archived),
            from_micros(added),
        )

    # --- writes --------------------------------------------------------------------------------

    def _insert(self, datasets: Sequence[Dataset]) -> set[uuid.UUID]:

        idx = self._index
        conn = idx._conn()
        cat = idx._catalog()
        existing: set[uuid.UUID] = set()
        for chunk in param_chunks([d.id.bytes for d in datasets], MAX_PARAMS):
            rows = conn.execute(f"SELECT id FROM dataset WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            existing.update(uuid.UUID(bytes=r[0]) for r in rows)
        new = [d for d in datasets if d.id not in existing]
        if not new:
            return existing
        (base,) = conn.execute("SELECT COALESCE(MAX(ref), 0) FROM dataset").fetchone()
        derived = dataset_rows(new)
        wkbs = footprint_wkbs(derived)
        ds_rows = []
        rt_rows = []
        for i, (d, r, wkb) in enumerate(zip(new, derived, wkbs, strict=True)):
            ref = base + 1 + i
            pid = cat.product_ids[d.product.name]
            added = to_micros(d.indexed_time) if d.indexed_time else now_us()
            archived = None if d.archived_time is None else to_micros(d.archived_time)
            ds_rows.append(
                (
                    ref,
                    d.id.bytes,
                    pid,
                    cat.type_ids[d.product.metadata_type.name],
                    d.to_json().decode(),
                    d.uri,
                    added,
                    archived,
                    r.t0,
                    r.t1,
                    orjson.dumps(r.fields).decode(),
                    wkb,
                )
            )
            t0 = -1e18 if r.t0 is None else float(r.t0)
            t1 = 1e18 if r.t1 is None else float(r.t1)
            # Non-spatial datasets sit outside the lon/lat world: found by time, never by space.
            for w, s, e, n in r.boxes or ((1000.0, 1000.0, 1000.0, 1000.0),):
                rt_rows.append((w, e, s, n, t0, t1, pid, pid, ref))
        conn.executemany(
            "INSERT INTO dataset(ref, id, product_id, metadata_type_id, doc, uri, added, archived, t0, t1, "
            "fields, footprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            ds_rows,
        )
        conn.executemany(
            "INSERT INTO dataset_rtree(lon0, lon1, lat0, lat1, t0, t1, p0, p1, ref) VALUES (?,?,?,?,?,?,?,?,?)",
            rt_rows,
        )
        return existing

    def _replace(self, dataset: Dataset, updated: dt.datetime) -> None:

        conn = self._index._conn()
        cat = self._index._catalog()
        r = dataset_row(dataset)
        (ref,) = conn.execute("SELECT ref FROM dataset WHERE id = ?", (dataset.id.bytes,)).fetchone()
        conn.execute(
            "UPDATE dataset SET doc = ?, uri = ?, updated = ?, t0 = ?, t1 = ?, fields = ?, footprint = ? "
            "WHERE ref = ?",
            (
                dataset.to_json().decode(),
                dataset.uri,
                to_micros(updated),
                r.t0,
                r.t1,
                orjson.dumps(r.fields).decode(),
                footprint_wkbs([r])[0],
                ref,
            ),
        )
        pid = cat.product_ids[dataset.product.name]
        conn.execute("DELETE FROM dataset_rtree WHERE ref = ?", (ref,))
        t0 = -1e18 if r.t0 is None else float(r.t0)
        t1 = 1e18 if r.t1 is None else float(r.t1)
        conn.executemany(
            "INSERT INTO dataset_rtree(lon0, lon1, lat0, lat1, t0, t1, p0, p1, ref) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (w, e, s, n, t0, t1, pid, pid, ref)
                for w, s, e, n in r.boxes or ((1000.0, 1000.0, 1000.0, 1000.0),)
            ],
        )

    def _set_archived(self, ids: Sequence[uuid.UUID], when: dt.datetime | None) -> None:
        conn = self._index._conn()
        now = now_us()
        for chunk in param_chunks([i.bytes for i in ids], MAX_PARAMS):
            marks = ",".join("?" * len(chunk))
            if when is None:
                conn.execute(
                    f"UPDATE dataset SET archived = NULL, updated = ? WHERE archived IS NOT NULL AND id IN ({marks})",
                    (now, *chunk),
                )
            else:
                # The change is the archiving: most_recent_change gives the archived time.
                conn.execute(
                    f"UPDATE dataset SET archived = ?, updated = ? WHERE archived IS NULL AND id IN ({marks})",
                    (to_micros(when), to_micros(when), *chunk),
                )

    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        conn = self._index._conn()
        for chunk in param_chunks([i.bytes for i in ids], MAX_PARAMS):
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"DELETE FROM dataset_rtree WHERE ref IN (SELECT ref FROM dataset WHERE id IN ({marks}))",
                chunk,
            )
            conn.execute(f"DELETE FROM dataset WHERE id IN ({marks})", chunk)

    # --- reads ---------------------------------------------------------------------------------

    def bulk_get(self, ids: Iterable[Any]) -> list[Dataset]:
        wanted = [dataset_id(i).bytes for i in ids]
        conn = self._index._conn()
        cat = self._index._catalog()
        out: list[Dataset] = []
        for chunk in param_chunks(wanted, MAX_PARAMS):
            rows = conn.execute(
                f"SELECT {_COLS} FROM dataset d WHERE d.id IN ({','.join('?' * len(chunk))})", chunk
            )
            out.extend(self._make(r, cat) for r in rows)
        return out

    def get_unsafe(self, id_: Any) -> Dataset:
        row = (
            self._index._conn()
            .execute(f"SELECT {_COLS} FROM dataset d WHERE d.id = ?", (dataset_id(id_).bytes,))
            .fetchone()
        )
        if row is None:
            raise DatasetNotFoundError(f"no dataset with id {str(id_)!r} in the index")
        return self._make(row, self._index._catalog())

    def bulk_has(self, ids: Iterable[Any]) -> list[bool]:
        wanted = [dataset_id(i) for i in ids]
        conn = self._index._conn()
        present: set[bytes] = set()
        for chunk in param_chunks([w.bytes for w in wanted], MAX_PARAMS):
            rows = conn.execute(f"SELECT id FROM dataset WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            present.update(r[0] for r in rows)
        return [w.bytes in present for w in wanted]

    def _query(
        self, pq: ProductQuery, cat: Catalog, archived: bool | None, cols: str
    ) -> tuple[str, list[Any]]:
        pid = cat.product_ids[pq.product.name]
        mt_id = cat.type_ids[pq.product.metadata_type.name]
        w = where_sql(pq, pid, mt_id, archived)
        extra = ", d.footprint" if pq.spatial is not None else ""
        return f"SELECT {cols}{extra} FROM dataset d WHERE {w.sql()}", w.params

    def _rows(self, pq: ProductQuery, sql: str, params: list[Any], fp_col: int) -> Iterator[Sequence[Any]]:
        """Run a query, streaming rows; with a region, keep only footprints that intersect it."""
        import shapely

        cur = self._index._conn().execute(sql, params)
        while batch := cur.fetchmany(BATCH):
            if pq.spatial is None:
                yield from batch
                continue
            geoms = shapely.from_wkb([r[fp_col] for r in batch])
            hits = shapely.intersects(geoms, pq.spatial.geometry)
            yield from itertools.compress(batch, hits)

    def _search(
        self, queries: Sequence[ProductQuery], *, archived: bool | None, limit: int | None, order_by: OrderBy
    ) -> Iterator[Dataset]:
        cat = self._index._catalog()
        if order_by:
            yield from itertools.islice(self._search_ordered(queries, cat, archived, order_by), limit)
            return
        n = 0
        for pq in queries:
            sql, params = self._query(pq, cat, archived, _COLS)
            if limit is not None and pq.spatial is None:
                sql += f" LIMIT {int(limit - n)}"
            for row in self._rows(pq, sql, params, 6):
                if limit is not None and n >= limit:
                    return
                n += 1
                yield self._make(row, cat)

    def _search_ordered(
        self, queries: Sequence[ProductQuery], cat: Catalog, archived: bool | None, order_by: OrderBy
    ) -> Iterator[Dataset]:
        # One statement over every product so the database sorts the union.
        if not queries:
            return
        parts, params = [], []
        spatial = [pq for pq in queries if pq.spatial is not None]
        for pq in queries:
            sql, ps = self._query(pq, cat, archived, "d.ref")
            parts.append(sql.replace(", d.footprint", "") if spatial else sql)
            params += ps
        refs_sql = " UNION ALL ".join(parts)
        sql = f"SELECT {_COLS}, d.footprint FROM dataset d WHERE d.ref IN ({refs_sql}) ORDER BY {order_sql(order_by)}"
        region = spatial[0].spatial if spatial else None
        cur = self._index._conn().execute(sql, params)
        while batch := cur.fetchmany(BATCH):
            if region is not None:
                import shapely  # only for a spatial search: a plain one starts faster without it

                hits = shapely.intersects(shapely.from_wkb([r[6] for r in batch]), region.geometry)
                batch = list(itertools.compress(batch, hits))
            for row in batch:
                yield self._make(row, cat)

    def _count(self, queries: Sequence[ProductQuery], *, archived: bool | None) -> int:
        cat = self._index._catalog()
        conn = self._index._conn()
        total = 0
        for pq in queries:
            if pq.spatial is None:
                sql, params = self._query(pq, cat, archived, "COUNT(*)")
                total += conn.execute(sql, params).fetchone()[0]
            else:
                sql, params = self._query(pq, cat, archived, "d.ref")
                total += sum(1 for _ in self._rows(pq, sql, params, 1))
        return total

    def _temporal_extent_of(self, queries: Sequence[ProductQuery]) -> Range[dt.datetime] | None:
        if any(pq.spatial is not None for pq in queries):
            return super()._temporal_extent_of(queries)  # footprints are tested in Python
        cat = self._index._catalog()
        bounds = []
        for pq in queries:
            sql, params = self._query(pq, cat, False, "MIN(d.t0), MAX(d.t1)")
            bounds.append(self._index._conn().execute(sql, params).fetchone())
        return time_span(bounds)

    def _most_recent_change(self, product: Product) -> dt.datetime | None:
        cat = self._index._catalog()
        (t,) = (
            self._index._conn()
            .execute(
                "SELECT MAX(MAX(added, COALESCE(updated, 0), COALESCE(archived, 0))) FROM dataset WHERE product_id = ?",
                (cat.product_ids[product.name],),
            )
            .fetchone()
        )
        return None if t is None else from_micros(t)

    def get_datasets_for_location(self, uri: str, mode: str = "exact") -> Iterator[Dataset]:
        cat = self._index._catalog()
        conn = self._index._conn()
        if mode == "exact":
            rows = conn.execute(f"SELECT {_COLS} FROM dataset d WHERE d.uri = ?", (uri,))
        elif mode == "prefix":
            if not uri:
                raise QueryError("a location prefix must not be empty")
            upper = uri[:-1] + chr(ord(uri[-1]) + 1)
            rows = conn.execute(f"SELECT {_COLS} FROM dataset d WHERE d.uri >= ? AND d.uri < ?", (uri, upper))
        else:
            raise QueryError(f"location mode {mode!r} must be 'exact' or 'prefix'")
        for r in rows:
            yield self._make(r, cat)
