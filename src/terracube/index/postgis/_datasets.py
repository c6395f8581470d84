"""The datasets resource of a PostGIS index: bulk writes through COPY, streamed searches.

Adding: a chunk is copied (``COPY``, text format) into a temporary staging table (made in the
add's transaction and dropped at its end, so the user owns nothing afterwards), then one
statement inserts it (``INSERT ... SELECT ... ORDER BY id ON CONFLICT (id) DO NOTHING``), writes
the spatial rows of the rows it inserted into every spatial table, and returns the ids that were
already present. Rows are inserted in id order, so concurrent writers of the same batches queue
behind each other instead of deadlocking; when differently ordered batches do deadlock, a bulk
add that owns its transaction is replayed.

Searching: one statement per search, run through a server-side cursor (on a borrowed
connection outside a transaction), so the first dataset arrives before the rest are read.
"""

from __future__ import annotations

import itertools
import random
import time
from typing import TYPE_CHECKING, Any, Final

import orjson

from terracube.errors import ConcurrentWriteError, DatasetNotFoundError, QueryError
from terracube.index._datasets import AbstractDatasetResource
from terracube.index._rows import dataset_row, dataset_rows, footprint_wkbs, time_span
from terracube.index._shared import dataset_id, search_result
from terracube.index.postgis._spatial import candidates, rows_sql
from terracube.index.postgis._sql import COLUMNS, order_sql, uses_box_index, where_sql
from terracube.index.query import ProductQuery
from terracube.model import Dataset, Range

if TYPE_CHECKING:
    import datetime as dt
    import uuid
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    import psycopg
    from odc.geo.geom import Geometry

    from terracube.index._batching import BatchStatus
    from terracube.index._shared import Catalog
    from terracube.index.postgis._driver import PostgisIndex
    from terracube.index.postgis._spatial import SpatialIndex
    from terracube.index.query import OrderBy
    from terracube.model import Product

__all__ = ["Datasets"]

_REPLAY_LIMIT: Final = 10_000  # datasets of an iterator a bulk add keeps to replay after a deadlock
_RETRIES: Final = 5

# Made in the add's transaction and dropped when it ends, so the user's role owns nothing once
# the add is over (a role that owns an object, even a temporary table, cannot be dropped).
_STAGE: Final = (
    "CREATE TEMP TABLE tc_stage (id uuid, product_id integer, metadata_type_id integer, "
    "doc jsonb, uri text, added timestamptz, archived timestamptz, t0 bigint, t1 bigint, fields jsonb, "
    "footprint geometry) ON COMMIT DROP"
)
_STAGE_COLS: Final = "id, product_id, metadata_type_id, doc, uri, added, archived, t0, t1, fields, footprint"
_NULL: Final = b"\\N"


def _esc(text: str) -> bytes:
    """A text value for COPY's text format."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").encode()


def _time(t: dt.datetime | None) -> bytes:
    return _NULL if t is None else t.isoformat().encode()


def _insert_sql(indexes: Iterable[SpatialIndex]) -> str:
    ctes = [
        f"ins AS (INSERT INTO dataset ({_STAGE_COLS}) "
        "SELECT id, product_id, metadata_type_id, doc, uri, added, archived, t0, t1, fields, "
        "ST_SetSRID(footprint, 4326) FROM tc_stage ORDER BY id "
        "ON CONFLICT (id) DO NOTHING RETURNING id, product_id, t0, t1, footprint)"
    ]
    ctes += [f"sp{i} AS ({rows_sql(idx, 'ins')})" for i, idx in enumerate(indexes)]
    return (
        "WITH "
        + ", ".join(ctes)
        + " SELECT s.id FROM tc_stage s WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.id = s.id)"
    )


class _Replay:
    """The datasets of a bulk add, readable again if the add must be retried."""

    def __init__(self, datasets: Iterable[Dataset]) -> None:
        self._list = datasets if isinstance(datasets, list | tuple) else None
        self._source = iter(datasets)
        self._seen: list[Dataset] = []
        self.possible = True

    def again(self) -> Iterable[Dataset]:
        """Every dataset from the start (those read before, then the rest)."""
        if self._list is not None:
            return self._list
        return itertools.chain(list(self._seen), self._recording())

    def _recording(self) -> Iterator[Dataset]:
        for ds in self._source:
            if self.possible:
                if len(self._seen) < _REPLAY_LIMIT:
                    self._seen.append(ds)
                else:  # too many to keep: give up replaying and free them
                    self.possible = False
                    self._seen.clear()
            yield ds


class Datasets(AbstractDatasetResource):
    """``index.datasets`` of a PostGIS index."""

    _index: PostgisIndex
    _read_ahead = True

    # --- rows <-> datasets ---------------------------------------------------------------------

    def _make(self, row: Sequence[Any], cat: Catalog) -> Dataset:
        id_, pid, doc, uri, archived, added = row[:6]
        product = cat.products.get(pid)
        if product is None:
            product = self._index.products.get_unsafe(pid)
        return Dataset._make_json(id_, product, doc, uri, archived, added)

    # --- writes --------------------------------------------------------------------------------

    def _add_batch(self, datasets: Iterable[Dataset], **options: Any) -> BatchStatus:
        """Add datasets in one transaction; replayed if it deadlocks with another writer.

        Only a bulk add that owns its transaction is replayed, and only when its input can be
        read again: a list, or the first :data:`_REPLAY_LIMIT` datasets of an iterator.
        """
        if self._index.in_transaction:
            return super()._add_batch(datasets, **options)
        replay = _Replay(datasets)
        for attempt in range(_RETRIES):
            try:
                return super()._add_batch(replay.again(), **options)
            except ConcurrentWriteError:
                if not replay.possible or attempt == _RETRIES - 1:
                    raise
                time.sleep(random.uniform(0.05, 0.3) * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _stage(self, conn: psycopg.Connection) -> None:
        """An empty staging table in this transaction (bulk adds always run in one)."""
        if self._index._db.staged(conn):  # another chunk of the same transaction
            conn.execute("TRUNCATE tc_stage")
        else:
            conn.execute(_STAGE)
            self._index._db.mark_staged(conn)

    def _copy_rows(self, datasets: Sequence[Dataset], cat: Catalog) -> bytes:

        rows = dataset_rows(datasets)
        wkbs = footprint_wkbs(rows, hex=True)
        lines = []
        for d, r, wkb in zip(datasets, rows, wkbs, strict=True):
            lines.append(
                b"\t".join(
                    (
                        str(d.id).encode(),
                        str(cat.product_ids[d.product.name]).encode(),
                        str(cat.type_ids[d.product.metadata_type.name]).encode(),
                        d.to_json().replace(b"\\", b"\\\\"),
                        _NULL if d.uri is None else _esc(d.uri),
                        _time(d.indexed_time),
                        _time(d.archived_time),
                        _NULL if r.t0 is None else str(r.t0).encode(),
                        _NULL if r.t1 is None else str(r.t1).encode(),
                        orjson.dumps(r.fields).replace(b"\\", b"\\\\"),
                        _NULL if wkb is None else wkb.encode(),
                    )
                )
            )
        lines.append(b"")
        return b"\n".join(lines)

    def _insert(self, datasets: Sequence[Dataset]) -> set[uuid.UUID]:
        idx = self._index
        db = idx._db
        cat = idx._catalog()
        payload = self._copy_rows(datasets, cat)
        conn = db.conn()
        try:
            self._stage(conn)
            with conn.cursor() as cur:
                with cur.copy(f"COPY tc_stage ({_STAGE_COLS}) FROM STDIN") as copy:
                    copy.write(payload)
                indexes = idx._write_spatial_indexes(conn)
                cur.execute(_insert_sql(indexes))
                return {r[0] for r in cur.fetchall()}
        except db._pg.Error as e:
            db.raise_mapped(e)

    def _spatial_rewrite(self, conn: psycopg.Connection, ids: Sequence[uuid.UUID]) -> None:
        db = self._index._db
        for sidx in self._index._write_spatial_indexes(conn):
            db.run(f"DELETE FROM {sidx.table} WHERE id = ANY(%s)", (list(ids),), conn=conn)
            src = "(SELECT id, product_id, t0, t1, footprint FROM dataset WHERE id = ANY(%s))"
            db.run(rows_sql(sidx, src), (list(ids),), conn=conn)

    def _replace(self, dataset: Dataset, updated: dt.datetime) -> None:

        db = self._index._db
        conn = db.conn()
        r = dataset_row(dataset)
        db.run(
            "UPDATE dataset SET doc = %s::jsonb, uri = %s, updated = %s, t0 = %s, t1 = %s, "
            "fields = %s::jsonb, footprint = ST_GeomFromWKB(%s, 4326) WHERE id = %s",
            (
                dataset.to_json().decode(),
                dataset.uri,
                updated,
                r.t0,
                r.t1,
                orjson.dumps(r.fields).decode(),
                footprint_wkbs([r])[0],
                dataset.id,
            ),
            conn=conn,
        )
        self._spatial_rewrite(conn, [dataset.id])

    def _set_archived(self, ids: Sequence[uuid.UUID], when: dt.datetime | None) -> None:
        db = self._index._db
        if when is None:
            db.run(
                "UPDATE dataset SET archived = NULL, updated = now() WHERE archived IS NOT NULL AND id = ANY(%s)",
                (list(ids),),
            )
        else:
            db.run(
                "UPDATE dataset SET archived = %s, updated = %s WHERE archived IS NULL AND id = ANY(%s)",
                (when, when, list(ids)),
            )

    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        db = self._index._db
        conn = db.conn()
        for sidx in self._index._write_spatial_indexes(conn):
            db.run(f"DELETE FROM {sidx.table} WHERE id = ANY(%s)", (list(ids),), conn=conn)
        db.run("DELETE FROM dataset WHERE id = ANY(%s)", (list(ids),), conn=conn)

    # --- lookups -------------------------------------------------------------------------------

    def get_unsafe(self, id_: Any) -> Dataset:
        """docstring inherited"""
        cat = self._index._catalog()
        row = self._index._db.run(
            f"SELECT {COLUMNS} FROM dataset d WHERE d.id = %s", (dataset_id(id_),)
        ).fetchone()
        if row is None:
            raise DatasetNotFoundError(f"no dataset with id {str(id_)!r} in the index")
        return self._make(row, cat)

    def bulk_get(self, ids: Iterable[Any]) -> list[Dataset]:
        """docstring inherited"""
        wanted = [dataset_id(i) for i in ids]
        if not wanted:
            return []
        cat = self._index._catalog()
        rows = self._index._db.run(f"SELECT {COLUMNS} FROM dataset d WHERE d.id = ANY(%s)", (wanted,))
        return [self._make(r, cat) for r in rows]

    def bulk_has(self, ids: Iterable[Any]) -> list[bool]:
        """docstring inherited"""
        wanted = [dataset_id(i) for i in ids]
        rows = self._index._db.run("SELECT id FROM dataset WHERE id = ANY(%s)", (wanted,))
        present = {r[0] for r in rows}
        return [w in present for w in wanted]

    def get_datasets_for_location(self, uri: str, mode: str = "exact") -> Iterator[Dataset]:
        """docstring inherited"""
        if mode == "exact":
            return self._stream(f"SELECT {COLUMNS} FROM dataset d WHERE d.uri = %s", [uri])
        if mode == "prefix":
            if not uri:
                raise QueryError("a location prefix must not be empty")
            upper = uri[:-1] + chr(ord(uri[-1]) + 1)
            return self._stream(
                f"SELECT {COLUMNS} FROM dataset d WHERE d.uri >= %s AND d.uri < %s", [uri, upper]
            )
        raise QueryError(f"location mode {mode!r} must be 'exact' or 'prefix'")

    # --- search --------------------------------------------------------------------------------

    def _where(self, pq: ProductQuery, cat: Catalog, archived: bool | None) -> tuple[str, list[Any]]:
        pid = cat.product_ids[pq.product.name]
        mt_id = cat.type_ids[pq.product.metadata_type.name]
        cands = candidates(pq.spatial, self._index._spatial_indexes()) if uses_box_index(pq) else None
        return where_sql(pq, pid, mt_id, archived, cands)

    def _select(
        self, queries: Sequence[ProductQuery], archived: bool | None, limit: int | None, order_by: OrderBy
    ) -> tuple[str, list[Any]]:
        """One statement for a whole search."""
        cat = self._index._catalog()
        parts, params = [], []
        for pq in queries:
            w, ps = self._where(pq, cat, archived)
            parts.append(w)
            params += ps
        tail = "" if limit is None else f" LIMIT {int(limit)}"
        if order_by:
            fields = {n: f for pq in queries for n, f in pq.product.metadata_type.search_fields.items()}
            if len(parts) == 1:
                where = parts[0]
            else:
                ids = " UNION ALL ".join(f"SELECT d.id FROM dataset d WHERE {w}" for w in parts)
                where = f"d.id IN ({ids})"
            sql = f"SELECT {COLUMNS} FROM dataset d WHERE {where} ORDER BY {order_sql(order_by, fields)}"
            return sql + tail, params
        sql = " UNION ALL ".join(f"SELECT {COLUMNS} FROM dataset d WHERE {w}" for w in parts)
        return sql + tail, params

    def _search(
        self, queries: Sequence[ProductQuery], *, archived: bool | None, limit: int | None, order_by: OrderBy
    ) -> Iterator[Dataset]:
        if not queries or limit == 0:
            return iter(())
        sql, params = self._select(queries, archived, limit, order_by)
        return self._stream(sql, params)

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Dataset]:
        """Run a query through a server-side cursor, yielding datasets batch by batch."""
        idx = self._index
        make = Dataset._make_json
        for rows in idx._db.batches(sql, params, in_transaction=idx.in_transaction):
            products = idx._catalog().products
            # _make, inlined: this loop builds every dataset a search returns.
            for id_, pid, doc, uri, archived, added in rows:
                product = products.get(pid)
                if product is None:
                    product = idx.products.get_unsafe(pid)
                yield make(id_, product, doc, uri, archived, added)

    def search_by_metadata(
        self, metadata: Mapping[str, Any], archived: bool | None = False, fetch_all: bool = False
    ) -> Iterator[Dataset] | list[Dataset]:
        """Datasets whose document contains this nested mapping (``doc @> ...`` in the database)."""
        cat = self._index._catalog()
        plan = [ProductQuery(p) for p in self._index.products.get_all()]
        if not plan:
            return search_result((), fetch_all)
        sub = orjson.dumps(dict(metadata)).decode()
        parts, params = [], []
        for pq in plan:
            w, ps = self._where(pq, cat, archived)
            parts.append(f"SELECT {COLUMNS} FROM dataset d WHERE {w} AND d.doc @> %s::jsonb")
            params += [*ps, sub]
        return search_result(self._stream(" UNION ALL ".join(parts), params), fetch_all)

    def _count(self, queries: Sequence[ProductQuery], *, archived: bool | None) -> int:
        cat = self._index._catalog()
        total = 0
        for pq in queries:
            w, params = self._where(pq, cat, archived)
            total += self._index._db.one(f"SELECT count(*) FROM dataset d WHERE {w}", params)[0]
        return total

    # --- extents and changes -------------------------------------------------------------------

    def _temporal_extent_of(self, queries: Sequence[ProductQuery]) -> Range[dt.datetime] | None:
        cat = self._index._catalog()
        bounds = []
        for pq in queries:
            w, params = self._where(pq, cat, False)
            bounds.append(
                self._index._db.one(f"SELECT min(d.t0), max(d.t1) FROM dataset d WHERE {w}", params)
            )
        return time_span(bounds)

    def _spatial_extent_of(self, queries: Sequence[ProductQuery], crs: Any) -> Geometry | None:
        import shapely
        from odc.geo.geom import Geometry

        cat = self._index._catalog()
        geoms = []
        for pq in queries:
            w, params = self._where(pq, cat, False)
            (wkb,) = self._index._db.one(
                f"SELECT ST_AsBinary(ST_Union(d.footprint ORDER BY d.id)) FROM dataset d WHERE {w}", params
            )
            if wkb is not None:
                geoms.append(shapely.from_wkb(wkb))
        if not geoms:
            return None
        union = Geometry(shapely.union_all(geoms), "EPSG:4326")
        return union.to_crs(crs) if crs is not None else union

    def spatial_extent(self, ids: Iterable[Any], crs: Any = "EPSG:4326") -> Geometry | None:
        """docstring inherited"""
        import shapely
        from odc.geo.geom import Geometry

        # The union in the database, as products.spatial_extent makes it: the same geometry.
        (wkb,) = self._index._db.one(
            "SELECT ST_AsBinary(ST_Union(footprint ORDER BY id)) FROM dataset WHERE id = ANY(%s)",
            ([dataset_id(i) for i in ids],),
        )
        if wkb is None:
            return None
        return Geometry(shapely.union_all([shapely.from_wkb(wkb)]), "EPSG:4326").to_crs(crs)

    def _most_recent_change(self, product: Product) -> dt.datetime | None:
        cat = self._index._catalog()
        (t,) = self._index._db.one(
            "SELECT max(greatest(added, updated, archived)) FROM dataset WHERE product_id = %s",
            (cat.product_ids[product.name],),
        )
        return t  # type: ignore[no-any-return]
