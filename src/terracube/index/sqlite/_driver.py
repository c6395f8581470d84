"""The SQLite index: resources over one database file (or a shared in-memory database)."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import sqlite3
import threading
import uuid
from typing import TYPE_CHECKING, Any

import orjson

from terracube.errors import (
    DatasetNotFoundError,
    IndexNotInitialisedError,
    MetadataTypeNotFoundError,
    ProductNotFoundError,
    QueryError,
)
from terracube.index._datasets import AbstractDatasetResource, _uuid
from terracube.index._lineage import AbstractLineageResource, _uuid_from_bytes
from terracube.index._metadata_types import AbstractMetadataTypeResource
from terracube.index._products import AbstractProductResource
from terracube.index._rows import dataset_row, dataset_rows, from_micros, to_micros
from terracube.index._users import NoUserResource
from terracube.index.abstract import AbstractIndex, AbstractIndexDriver
from terracube.index.sqlite._schema import SCHEMA_VERSION, create_or_upgrade, schema_version
from terracube.index.sqlite._sql import field_index_sql, has_field_index, order_sql, where_sql
from terracube.model import Dataset, MetadataType, Product, Range
from terracube.model.lineage import LineageDirection, LineageRelation

#: Every SQL statement, logged at INFO when this logger is enabled (`terracube --log-queries`).
_SQL_LOG = logging.getLogger("terracube.sql")

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from pathlib import Path
    from typing import Self

    from terracube.cfg import Environment
    from terracube.index._datasets import OrderBy
    from terracube.index.query import ProductQuery

__all__ = ["SQLiteIndex", "SQLiteIndexDriver", "driver_init"]

_BATCH = 500  # rows fetched per round trip when streaming results
_MAX_PARAMS = 900  # stay well under SQLite's bound-parameter limit


def _now_us() -> int:
    return to_micros(dt.datetime.now(dt.UTC))


def _chunks(items: Sequence[Any], n: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


class _Catalog:
    """Metadata types and products, cached; rebuilt when the database changes."""

    def __init__(self, types: dict[int, MetadataType], products: dict[int, Product]) -> None:
        self.types = types
        self.types_by_name = {m.name: m for m in types.values()}
        self.type_ids = {m.name: i for i, m in types.items()}
        self.products = products
        self.products_by_name = {p.name: p for p in products.values()}
        self.product_ids = {p.name: i for i, p in products.items()}


class _MetadataTypes(AbstractMetadataTypeResource):
    _index: SQLiteIndex

    def _add(self, metadata_type: MetadataType) -> None:
        self._index._conn().execute(
            "INSERT INTO metadata_type(name, doc, added) VALUES (?, ?, ?)",
            (metadata_type.name, orjson.dumps(metadata_type.definition).decode(), _now_us()),
        )
        self._index._catalog_changed()

    def _replace(self, metadata_type: MetadataType) -> None:
        self._index._conn().execute(
            "UPDATE metadata_type SET doc = ?, updated = ? WHERE name = ?",
            (orjson.dumps(metadata_type.definition).decode(), _now_us(), metadata_type.name),
        )
        self._index._catalog_changed()

    def _get_all(self) -> Iterable[tuple[int, MetadataType]]:
        return list(self._index._catalog().types.items())

    def get_unsafe(self, id_: int) -> MetadataType:
        try:
            return self._index._catalog().types[id_]
        except KeyError:
            raise MetadataTypeNotFoundError(f"no metadata type with id {id_!r}") from None

    def get_by_name_unsafe(self, name: str) -> MetadataType:
        try:
            return self._index._catalog().types_by_name[name]
        except KeyError:
            raise MetadataTypeNotFoundError(f"no metadata type named {name!r} in the index") from None

    def check_field_indexes(
        self, allow_table_lock: bool = False, rebuild_views: bool = False, rebuild_indexes: bool = False
    ) -> None:
        """Create the expression index of every indexed search field; drop stale ones.

        Each metadata type's indexed fields get a partial index (``ix_field_<type id>_<field>``);
        time and the footprint live in the R*Tree. An index whose field is gone, is no longer
        indexed or is now read differently is dropped (and remade if still wanted);
        ``rebuild_indexes`` remakes them all. ``allow_table_lock`` changes nothing here (a
        SQLite write locks the whole file anyway), nor does ``rebuild_views`` (no views).
        """
        idx = self._index
        cat = idx._catalog()
        wanted: dict[str, str] = {}
        for mt_id, mt in cat.types.items():
            for f in mt.search_fields.values():
                if has_field_index(f):
                    name, sql = field_index_sql(mt_id, f)
                    wanted[name] = sql
        with idx.transaction():
            conn = idx._conn()
            have = dict(
                conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix!_field!_%' ESCAPE '!'"
                )
            )
            for name, sql in have.items():
                # SQLite keeps a CREATE statement as written, less its IF NOT EXISTS.
                current = name in wanted and sql == wanted[name].replace(" IF NOT EXISTS", "", 1)
                if rebuild_indexes or not current:
                    conn.execute(f'DROP INDEX "{name}"')
            for sql in wanted.values():
                conn.execute(sql)  # IF NOT EXISTS: only the missing ones


class _Products(AbstractProductResource):
    _index: SQLiteIndex

    def _add(self, product: Product) -> None:
        cat = self._index._catalog()
        self._index._conn().execute(
            "INSERT INTO product(name, metadata_type_id, doc, added) VALUES (?, ?, ?, ?)",
            (
                product.name,
                cat.type_ids[product.metadata_type.name],
                orjson.dumps(product.definition).decode(),
                _now_us(),
            ),
        )
        self._index._catalog_changed()

    def _replace(self, product: Product) -> None:
        cat = self._index._catalog()
        mt_id = cat.type_ids[product.metadata_type.name]
        conn = self._index._conn()
        conn.execute(
            "UPDATE product SET doc = ?, metadata_type_id = ?, updated = ? WHERE name = ?",
            (orjson.dumps(product.definition).decode(), mt_id, _now_us(), product.name),
        )
        conn.execute(
            "UPDATE dataset SET metadata_type_id = ? WHERE product_id = ?",
            (mt_id, cat.product_ids[product.name]),
        )
        self._index._catalog_changed()

    def _delete(self, product: Product) -> None:
        self._index._conn().execute("DELETE FROM product WHERE name = ?", (product.name,))
        self._index._catalog_changed()

    def _get_all(self) -> Iterable[tuple[int, Product]]:
        return list(self._index._catalog().products.items())

    def get_unsafe(self, id_: int) -> Product:
        try:
            return self._index._catalog().products[id_]
        except KeyError:
            raise ProductNotFoundError(f"no product with id {id_!r}") from None

    def get_by_name_unsafe(self, name: str) -> Product:
        try:
            return self._index._catalog().products_by_name[name]
        except KeyError:
            raise ProductNotFoundError(f"no product named {name!r} in the index") from None


_COLS = "d.id, d.product_id, d.doc, d.uri, d.archived, d.added"


class _Datasets(AbstractDatasetResource):
    _index: SQLiteIndex

    # --- rows <-> datasets ---------------------------------------------------------------------

    def _make(self, row: Sequence[Any], cat: _Catalog) -> Dataset:
        id_, pid, doc, uri, archived, added = row[:6]
        return Dataset._make(
            uuid.UUID(bytes=id_),
            cat.products[pid],
            orjson.loads(doc),
            uri,
            None if archived is None else from_micros(archived),
            from_micros(added),
        )

    # --- writes --------------------------------------------------------------------------------

    def _insert(self, datasets: Sequence[Dataset]) -> set[uuid.UUID]:
        import shapely

        idx = self._index
        conn = idx._conn()
        cat = idx._catalog()
        existing: set[uuid.UUID] = set()
        for chunk in _chunks([d.id.bytes for d in datasets], _MAX_PARAMS):
            rows = conn.execute(f"SELECT id FROM dataset WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            existing.update(uuid.UUID(bytes=r[0]) for r in rows)
        new = [d for d in datasets if d.id not in existing]
        if not new:
            return existing
        (base,) = conn.execute("SELECT COALESCE(MAX(ref), 0) FROM dataset").fetchone()
        derived = dataset_rows(new)
        wkbs = shapely.to_wkb([r.footprint for r in derived])
        ds_rows = []
        rt_rows = []
        for i, (d, r, wkb) in enumerate(zip(new, derived, wkbs, strict=True)):
            ref = base + 1 + i
            pid = cat.product_ids[d.product.name]
            added = to_micros(d.indexed_time) if d.indexed_time else _now_us()
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
        import shapely

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
                None if r.footprint is None else shapely.to_wkb(r.footprint),
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
        now = _now_us()
        for chunk in _chunks([i.bytes for i in ids], _MAX_PARAMS):
            marks = ",".join("?" * len(chunk))
            if when is None:
                conn.execute(
                    f"UPDATE dataset SET archived = NULL, updated = ? WHERE archived IS NOT NULL AND id IN ({marks})",
                    (now, *chunk),
                )
            else:
                conn.execute(
                    f"UPDATE dataset SET archived = ?, updated = ? WHERE archived IS NULL AND id IN ({marks})",
                    (to_micros(when), now, *chunk),
                )

    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        conn = self._index._conn()
        for chunk in _chunks([i.bytes for i in ids], _MAX_PARAMS):
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"DELETE FROM dataset_rtree WHERE ref IN (SELECT ref FROM dataset WHERE id IN ({marks}))",
                chunk,
            )
            conn.execute(f"DELETE FROM dataset WHERE id IN ({marks})", chunk)

    # --- reads ---------------------------------------------------------------------------------

    def bulk_get(self, ids: Iterable[Any]) -> Iterator[Dataset]:
        wanted = [_uuid(i).bytes for i in ids]
        conn = self._index._conn()
        cat = self._index._catalog()
        out: list[Dataset] = []
        for chunk in _chunks(wanted, _MAX_PARAMS):
            rows = conn.execute(
                f"SELECT {_COLS} FROM dataset d WHERE d.id IN ({','.join('?' * len(chunk))})", chunk
            )
            out.extend(self._make(r, cat) for r in rows)
        return iter(out)

    def get_unsafe(self, id_: Any) -> Dataset:
        row = (
            self._index._conn()
            .execute(f"SELECT {_COLS} FROM dataset d WHERE d.id = ?", (_uuid(id_).bytes,))
            .fetchone()
        )
        if row is None:
            raise DatasetNotFoundError(f"no dataset with id {str(id_)!r} in the index")
        return self._make(row, self._index._catalog())

    def bulk_has(self, ids: Iterable[Any]) -> list[bool]:
        wanted = [_uuid(i) for i in ids]
        conn = self._index._conn()
        present: set[bytes] = set()
        for chunk in _chunks([w.bytes for w in wanted], _MAX_PARAMS):
            rows = conn.execute(f"SELECT id FROM dataset WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            present.update(r[0] for r in rows)
        return [w.bytes in present for w in wanted]

    def _query(
        self, pq: ProductQuery, cat: _Catalog, archived: bool | None, cols: str
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
        while batch := cur.fetchmany(_BATCH):
            if pq.spatial is None:
                yield from batch
                continue
            geoms = shapely.from_wkb([r[fp_col] for r in batch])
            hits = shapely.intersects(geoms, pq.spatial.geometry)
            yield from itertools.compress(batch, hits)

    def _search(
        self,
        queries: Sequence[ProductQuery],
        *,
        archived: bool | None,
        limit: int | None,
        order_by: OrderBy,
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
        self, queries: Sequence[ProductQuery], cat: _Catalog, archived: bool | None, order_by: OrderBy
    ) -> Iterator[Dataset]:
        # One statement over every product so the database sorts the union.
        parts, params = [], []
        spatial = [pq for pq in queries if pq.spatial is not None]
        for pq in queries:
            sql, ps = self._query(pq, cat, archived, "d.ref")
            parts.append(sql.replace(", d.footprint", "") if spatial else sql)
            params += ps
        refs_sql = " UNION ALL ".join(parts)
        sql = f"SELECT {_COLS}, d.footprint FROM dataset d WHERE d.ref IN ({refs_sql}) ORDER BY {order_sql(order_by)}"
        region = spatial[0].spatial if spatial else None
        import shapely

        cur = self._index._conn().execute(sql, params)
        while batch := cur.fetchmany(_BATCH):
            if region is not None:
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
        cat = self._index._catalog()
        lo = hi = None
        for pq in queries:
            if pq.spatial is not None:
                return super()._temporal_extent_of(queries)
            sql, params = self._query(pq, cat, False, "MIN(d.t0), MAX(d.t1)")
            a, b = self._index._conn().execute(sql, params).fetchone()
            if a is not None:
                lo = a if lo is None else min(lo, a)
            if b is not None:
                hi = b if hi is None else max(hi, b)
        if lo is None and hi is None:
            return None
        return Range(None if lo is None else from_micros(lo), None if hi is None else from_micros(hi))

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


class _Lineage(AbstractLineageResource):
    _index: SQLiteIndex

    def _relations_of(self, ids: Sequence[uuid.UUID], direction: LineageDirection) -> list[LineageRelation]:
        conn = self._index._conn()
        col = "derived_id" if direction is LineageDirection.SOURCES else "source_id"
        out: list[LineageRelation] = []
        for chunk in _chunks([i.bytes for i in ids], _MAX_PARAMS):
            rows = conn.execute(
                f"SELECT classifier, source_id, derived_id FROM dataset_lineage WHERE {col} IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            )
            out.extend(LineageRelation(c, uuid.UUID(bytes=s), uuid.UUID(bytes=d)) for c, s, d in rows)
        return out

    def _key(self, id_: uuid.UUID) -> bytes:
        return id_.bytes

    def _id_from_key(self) -> Callable[[Any], uuid.UUID]:
        return _uuid_from_bytes

    def _edges(
        self, root: Any, direction: LineageDirection, max_depth: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """Level by level on the stored 16-byte ids, each node expanded once (docstring inherited).

        As fast here as one recursive query, and unlike ``UNION ALL`` it cannot blow up where
        many lineage paths meet. A level's ids are joined as ``VALUES`` rows, each looked up in
        the index (``CROSS JOIN`` fixes that order): cheaper than ``IN``, which sorts them first.
        """
        near, far = (
            ("derived_id", "source_id")
            if direction is LineageDirection.SOURCES
            else ("source_id", "derived_id")
        )
        conn = self._index._conn()
        out: list[tuple[str, Any, Any]] = []
        seen = {root}
        frontier = [root]
        depth = 0
        while frontier and not (max_depth and depth >= max_depth):
            nxt = []
            for chunk in _chunks(frontier, _MAX_PARAMS):
                rows = conn.execute(
                    f"SELECT l.classifier, l.{near}, l.{far} FROM (VALUES {','.join(['(?)'] * len(chunk))}) v "
                    f"CROSS JOIN dataset_lineage l ON l.{near} = v.column1",
                    chunk,
                ).fetchall()
                out += rows
                for r in rows:
                    child = r[2]
                    if child not in seen:
                        seen.add(child)
                        nxt.append(child)
            frontier = nxt
            depth += 1
        return out

    def _has_homes(self) -> bool:
        row = self._index._conn().execute("SELECT EXISTS (SELECT 1 FROM dataset_home)").fetchone()
        return bool(row[0])

    def _existing(
        self, pairs: Sequence[tuple[uuid.UUID, uuid.UUID]]
    ) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
        conn = self._index._conn()
        out = {}
        for s, d in pairs:
            row = conn.execute(
                "SELECT classifier FROM dataset_lineage WHERE derived_id = ? AND source_id = ?",
                (d.bytes, s.bytes),
            ).fetchone()
            if row is not None:
                out[(s, d)] = row[0]
        return out

    def _insert(self, relations: Sequence[LineageRelation]) -> None:
        self._index._conn().executemany(
            "INSERT INTO dataset_lineage(derived_id, source_id, classifier) VALUES (?, ?, ?)",
            [(r.derived_id.bytes, r.source_id.bytes, r.classifier) for r in relations],
        )

    def _update(self, relations: Sequence[LineageRelation]) -> None:
        self._index._conn().executemany(
            "UPDATE dataset_lineage SET classifier = ? WHERE derived_id = ? AND source_id = ?",
            [(r.classifier, r.derived_id.bytes, r.source_id.bytes) for r in relations],
        )

    def _delete(self, pairs: Sequence[tuple[uuid.UUID, uuid.UUID]]) -> None:
        self._index._conn().executemany(
            "DELETE FROM dataset_lineage WHERE derived_id = ? AND source_id = ?",
            [(d.bytes, s.bytes) for s, d in pairs],
        )

    def _iter_relations(self, batch_size: int) -> Iterator[LineageRelation]:
        cur = self._index._conn().execute("SELECT classifier, source_id, derived_id FROM dataset_lineage")
        while batch := cur.fetchmany(batch_size):
            for c, s, d in batch:
                yield LineageRelation(c, uuid.UUID(bytes=s), uuid.UUID(bytes=d))

    def _get_homes(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        conn = self._index._conn()
        out: dict[uuid.UUID, str] = {}
        for chunk in _chunks([i.bytes for i in ids], _MAX_PARAMS):
            rows = conn.execute(
                f"SELECT dataset_id, home FROM dataset_home WHERE dataset_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update((uuid.UUID(bytes=i), h) for i, h in rows)
        return out

    def _set_homes(self, homes: Mapping[uuid.UUID, str]) -> None:
        self._index._conn().executemany(
            "INSERT INTO dataset_home(dataset_id, home) VALUES (?, ?) "
            "ON CONFLICT(dataset_id) DO UPDATE SET home = excluded.home",
            [(i.bytes, h) for i, h in homes.items()],
        )

    def _clear_homes(self, ids: Sequence[uuid.UUID]) -> None:
        self._index._conn().executemany(
            "DELETE FROM dataset_home WHERE dataset_id = ?", [(i.bytes,) for i in ids]
        )


class SQLiteIndex(AbstractIndex):
    """An index in one SQLite file: persistent, transactional, spatially indexed."""

    driver_name = "sqlite"
    supports_legacy = False
    supports_eo3 = True
    supports_nongeo = True
    supports_vector = False
    supports_write = True
    supports_persistence = True
    supports_transactions = True
    supports_spatial_indexes = False
    supports_users = False
    supports_lineage = True
    supports_external_lineage = True
    supports_external_home = True

    def __init__(self, path: str | Path) -> None:
        """Open (not create) the index at ``path``; ``":memory:"`` for a private in-memory one."""
        super().__init__()
        self._path = str(path)
        if self._path == ":memory:":
            self._uri = f"file:terracube-{uuid.uuid4().hex}?mode=memory&cache=shared"
        else:
            from pathlib import Path

            Path(self._path).expanduser().absolute().parent.mkdir(parents=True, exist_ok=True)
            self._uri = Path(self._path).expanduser().absolute().as_uri().replace("file://", "file:", 1)
        self._local = threading.local()
        self._all_conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._cat: _Catalog | None = None
        self._cat_version: tuple[int, int] | None = None
        self._cat_epoch = 0
        self._schema_ok = False
        self._keeper = self._conn()  # keeps a shared in-memory database alive
        self.metadata_types = _MetadataTypes(self)
        self.products = _Products(self)
        self.datasets = _Datasets(self)
        self.lineage = _Lineage(self)
        self.users = NoUserResource(self)

    @classmethod
    def from_environment(cls, env: Environment) -> Self:
        """Open the SQLite index an environment's ``sqlite:///`` URL names."""
        from terracube.cfg import sqlite_path

        return cls(sqlite_path(env.db_url))

    @property
    def path(self) -> str:
        """The database file (``:memory:`` for an in-memory index)."""
        return self._path

    def __repr__(self) -> str:
        return f"SQLiteIndex({self._path!r})"

    # --- connections ----------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self._uri, uri=True, isolation_level=None, check_same_thread=False, timeout=60
            )
            if _SQL_LOG.isEnabledFor(logging.INFO):  # `terracube --log-queries`
                conn.set_trace_callback(_SQL_LOG.info)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("PRAGMA temp_store = MEMORY")
            if self._path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # As much as SQLite allows: pages then come straight from the OS cache.
                conn.execute("PRAGMA mmap_size = 2147418112")
            self._local.conn = conn
            with self._lock:
                self._all_conns.append(conn)
        return conn

    def close(self) -> None:
        """Close every connection this index opened."""
        with self._lock:
            for c in self._all_conns:
                c.close()
            self._all_conns.clear()
        self._local = threading.local()

    # --- schema ---------------------------------------------------------------------------------

    def init_db(self, with_default_types: bool = True) -> bool:
        """Create or upgrade the schema; add the eo3 type (docstring inherited)."""
        with self.transaction():
            created = create_or_upgrade(self._conn())
        self._schema_ok = True
        self._catalog_changed()
        if with_default_types:
            self._add_default_types()
        self.metadata_types.check_field_indexes()
        return created

    def _require_schema(self) -> None:
        if self._schema_ok:
            return
        version = schema_version(self._conn())
        if version is None:
            raise IndexNotInitialisedError(
                f"the SQLite index at {self._path!r} has no terracube schema; run `terracube system init`"
            )
        if version < SCHEMA_VERSION:
            raise IndexNotInitialisedError(
                f"the SQLite index at {self._path!r} has schema version {version}, this terracube needs "
                f"{SCHEMA_VERSION}; run `terracube system init` to upgrade it"
            )
        self._schema_ok = True

    # --- transactions ---------------------------------------------------------------------------

    def _begin(self) -> None:
        self._conn().execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self._conn().execute("COMMIT")

    def _rollback(self) -> None:
        self._conn().execute("ROLLBACK")
        self._catalog_changed()

    # --- catalog cache --------------------------------------------------------------------------

    def _catalog_changed(self) -> None:
        self._cat_epoch += 1
        self._cat = None

    def _catalog(self) -> _Catalog:
        self._require_schema()
        conn = self._conn()
        # data_version changes when another connection commits; the epoch when we write.
        version = (conn.execute("PRAGMA data_version").fetchone()[0], self._cat_epoch)
        cat = self._cat
        if cat is not None and version == self._cat_version:
            return cat
        types = {
            i: MetadataType.from_doc(orjson.loads(doc))
            for i, doc in conn.execute("SELECT id, doc FROM metadata_type")
        }
        by_id = {i: t for i, t in types.items()}
        products = {
            i: Product.from_doc(orjson.loads(doc), by_id[mt])
            for i, mt, doc in conn.execute("SELECT id, metadata_type_id, doc FROM product")
        }
        cat = _Catalog(types, products)
        self._cat, self._cat_version = cat, version
        return cat


class SQLiteIndexDriver(AbstractIndexDriver):
    """Opens :class:`SQLiteIndex` files (URLs ``sqlite:///<path>``)."""

    name = "sqlite"
    description = "embedded index in one SQLite file (the default)"

    @staticmethod
    def index_class() -> type[SQLiteIndex]:
        """docstring inherited"""
        return SQLiteIndex


def driver_init() -> SQLiteIndexDriver:
    """Entry point of the ``sqlite`` index driver."""
    return SQLiteIndexDriver()
