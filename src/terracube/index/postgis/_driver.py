"""The PostGIS index: resources over one PostgreSQL schema, spatial indexes per CRS."""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING, Any

from terracube.errors import ConfigError, IndexNotInitialisedError, QueryError, UpdateError
from terracube.index._shared import Catalog, dataset_id
from terracube.index._sql_index import SQLIndex
from terracube.index.abstract import AbstractIndexDriver
from terracube.index.postgis._catalog import MetadataTypes, Products, load_catalog
from terracube.index.postgis._datasets import Datasets
from terracube.index.postgis._lineage import Lineage
from terracube.index.postgis._roles import IndexRoles, drop_roles, index_roles, orphaned_roles
from terracube.index.postgis._schema import (
    SCHEMA_VERSION,
    create_or_upgrade,
    grant_table,
    schema_version,
    spatial_table_ddl,
    stored_roles,
)
from terracube.index.postgis._spatial import SpatialIndex, norm_srid, rows_sql, spatial_index_for
from terracube.index.postgis._users import Users

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Self, TypeVar

    import psycopg
    from odc.geo import CRS

    from terracube.cfg import Environment

    T = TypeVar("T")

_log = logging.getLogger(__name__)

__all__ = ["DEFAULT_SCHEMA", "PostgisIndex", "PostgisIndexDriver", "driver_init"]

#: The PostgreSQL schema an index lives in unless the environment's ``schema`` option says.
DEFAULT_SCHEMA = "terracube"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostgisIndex(SQLIndex):
    """An index in a PostgreSQL database with PostGIS: many users, many writers, large.

    Parameters
    ----------
    db_url
        ``postgresql://user:password@host:port/dbname``.
    schema
        The PostgreSQL schema holding the index's tables (``terracube``).
    """

    driver_name = "postgis"
    # The other flags are those of every SQL index (SQLIndex).
    supports_spatial_indexes = True
    supports_users = True

    def __init__(
        self, db_url: str, *, schema: str = DEFAULT_SCHEMA, application_name: str = "terracube"
    ) -> None:
        super().__init__()
        from terracube.index.postgis._db import Database

        if not _SCHEMA_NAME.match(schema):
            raise ConfigError(
                f"PostgreSQL schema name {schema!r} is not allowed; use lower-case letters, digits and _"
            )
        self.schema = schema
        self._db_url = db_url
        self._db = Database(db_url, schema, self._catalog_changed, application_name=application_name)
        self._cat: Catalog | None = None
        self._spatial: dict[int, SpatialIndex] | None = None
        self._cat_epoch = 0
        # Unreadable stored records already reported: a miss reloads the catalog, and should
        # not repeat the warning.
        self._warned_records: set[tuple[str, int, str]] = set()
        self._cat_lock = threading.Lock()
        self.metadata_types = MetadataTypes(self)
        self.products = Products(self)
        self.datasets = Datasets(self)
        self.lineage = Lineage(self)
        self.users = Users(self)

    @classmethod
    def from_environment(cls, env: Environment) -> Self:
        """Open the index an environment's ``postgresql://`` URL names (options ``schema``, ``application_name``)."""
        return cls(
            env.db_url,
            schema=env.get("schema", DEFAULT_SCHEMA),
            application_name=env.get("application_name", "terracube"),
        )

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        from terracube.cfg._urls import redact_url

        return redact_url(self._db_url)

    @property
    def engine(self) -> Any:
        """The SQLAlchemy engine (for tools that want their own connections)."""
        return self._db.engine

    def __repr__(self) -> str:
        return f"PostgisIndex({self.url!r}, schema={self.schema!r})"

    def close(self) -> None:
        """Close every connection this index opened."""
        self._db.close()

    # --- schema ---------------------------------------------------------------------------------

    def init_db(self, with_default_types: bool = True) -> bool:
        """Create the schema, or upgrade an older one; add the eo3 type (docstring inherited).

        Needs a database user allowed to create the ``postgis`` extension and the terracube
        roles the first time (a superuser); later upgrades need the ``admin`` role.
        """
        return super().init_db(with_default_types)

    def _create_or_upgrade(self) -> bool:
        return create_or_upgrade(self._db.conn(), self.schema) is None

    def _upgrade_to(self, version: int) -> None:
        """Create or upgrade the schema only up to ``version`` (for upgrade tests)."""
        with self.transaction():
            create_or_upgrade(self._db.conn(), self.schema, target=version)
        self._catalog_changed()

    def _schema_problem(self) -> str | None:
        try:
            version = schema_version(self._db.conn(), self.schema)
        except self._db._pg.Error as e:  # no right to read the schema, say
            self._db.raise_mapped(e)
        if version is None:
            from terracube.index._databases import describe_found, find_indexes

            found = find_indexes(self._db.conn())
            if any(f.kind != "terracube" for f in found):
                # An ODC database: never initialise terracube's schema beside it by mistake.
                return (
                    f"{self.url} has no terracube schema {self.schema!r}: {describe_found(found)}; "
                    "open it read-only with the 'odc' index driver, or copy it with "
                    "`terracube system clone`"
                )
            return f"{self.url} has no terracube schema {self.schema!r}; run `terracube system init`"
        if version < SCHEMA_VERSION:
            return (
                f"the terracube schema {self.schema!r} in {self.url} has version {version}, this "
                f"terracube needs {SCHEMA_VERSION}; run `terracube system init` to upgrade it"
            )
        return None

    # --- roles ----------------------------------------------------------------------------------

    def _held_roles(self) -> IndexRoles:
        """The group roles that own the index and hold its rights (see ``_roles``)."""
        self._require_schema()
        return stored_roles(self._db.conn(), self.schema)

    def prune_orphaned_roles(self, dry_run: bool = False) -> list[str]:
        """Drop the group roles that indexes of since-dropped databases left in the cluster.

        PostgreSQL roles belong to the cluster, so ``DROP DATABASE`` leaves an index's four
        roles behind. This finds them (``tc_<oid>_...`` with no database of that OID; never a
        login, never another index's) and drops them, or only lists them with ``dry_run``.
        Needs CREATEROLE (an ``admin`` user, or a superuser). Returns the role names.
        """
        names = orphaned_roles(self._db.conn())
        if names and not dry_run:
            with self.transaction():
                drop_roles(self._db.conn(), names)
        return names

    def _own_roles(self) -> IndexRoles:
        """The index's own roles, to manage its users with.

        Raises
        ------
        IndexNotInitialisedError
            The index is a copy of another database's index, still sharing that one's roles.
        """
        held = self._held_roles()
        own = index_roles(self._db.conn(), self.schema)
        if held != own:
            raise IndexNotInitialisedError(
                f"the index in schema {self.schema!r} of {self.url} is a copy of another database's "
                f"index and still shares its roles ({held.prefix}*); run `terracube system init` (as "
                "a superuser) to give it roles of its own before managing its users"
            )
        return own

    # --- transactions ---------------------------------------------------------------------------

    def _begin(self) -> None:
        self._db.run("BEGIN")

    def _commit(self) -> None:
        self._db.forget_staged(self._db.conn())  # the staging table goes with the transaction
        self._db.run("COMMIT")

    def _rollback(self) -> None:
        conn = self._db.conn()
        self._db.run("ROLLBACK")
        self._db.forget_staged(conn)
        self._catalog_changed()

    # --- catalog cache --------------------------------------------------------------------------

    def _catalog_changed(self) -> None:
        with self._cat_lock:
            self._cat_epoch += 1
            self._cat = None
            self._spatial = None

    def _catalog(self) -> Catalog:
        cat = self._cat
        if cat is not None:
            return cat
        self._require_schema()
        epoch = self._cat_epoch
        cat = load_catalog(self)
        with self._cat_lock:
            if epoch == self._cat_epoch:
                self._cat = cat
        return cat

    def _lookup(self, find: Callable[[Catalog], T | None]) -> T | None:
        """Find something in the catalog; on a miss, reload once (another process may have added it)."""
        found = find(self._catalog())
        if found is None:
            self._catalog_changed()
            found = find(self._catalog())
        return found

    # --- spatial indexes ------------------------------------------------------------------------

    def _read_spatial(self, conn: psycopg.Connection | None = None) -> dict[int, SpatialIndex]:
        rows = self._db.run("SELECT srid, crs, west, south, east, north FROM spatial_index", conn=conn)
        return {r[0]: SpatialIndex(r[0], r[1], (r[2], r[3], r[4], r[5])) for r in rows}

    def _spatial_indexes(self) -> dict[int, SpatialIndex]:
        """The spatial tables, cached like the catalog (for searches)."""
        sp = self._spatial
        if sp is None:
            self._require_schema()
            epoch = self._cat_epoch
            sp = self._read_spatial()
            with self._cat_lock:
                if epoch == self._cat_epoch:
                    self._spatial = sp
        return sp

    def _write_spatial_indexes(self, conn: psycopg.Connection) -> list[SpatialIndex]:
        """The spatial tables a write must fill, read after locking out index creation."""
        if conn.info.transaction_status == self._db._pg.pq.TransactionStatus.INTRANS:
            # A new spatial index is filled under a SHARE lock; once ours is granted, it is listed.
            self._db.run("LOCK TABLE dataset IN ROW EXCLUSIVE MODE", conn=conn)
        return sorted(self._read_spatial(conn).values(), key=lambda s: s.srid)

    def spatial_indexes(self, refresh: bool = False) -> list[CRS]:
        """CRSs with a spatial index, EPSG:4326 first (docstring inherited)."""
        from odc.geo import CRS

        if refresh:
            self._catalog_changed()
        srids = sorted(self._spatial_indexes(), key=lambda s: (s != 4326, s))
        return [CRS(f"EPSG:{s}") for s in srids]

    def create_spatial_index(self, crs: Any) -> bool:
        """Add a spatial index in ``crs`` and fill it from every dataset already indexed.

        Writers wait while it is filled. Searches whose region is given in ``crs`` then find
        their candidates through it. Returns True when the index exists (made now or before),
        False if the CRS has no EPSG code (no index is made; a warning logged says why), as
        ODC's does.

        Raises
        ------
        QueryError
            PostGIS does not know the CRS, or it is no CRS at all.
        """
        try:
            srid = norm_srid(crs)
        except QueryError as e:
            if "no EPSG code" not in str(e):
                raise
            _log.warning("%s; no spatial index was made", e)
            return False
        if srid in self._spatial_indexes():
            return True
        db = self._db
        known = db.run("SELECT 1 FROM spatial_ref_sys WHERE srid = %s", (srid,)).fetchone()
        if known is None:
            raise QueryError(f"PostGIS does not know EPSG:{srid} (not in spatial_ref_sys)")
        info = spatial_index_for(srid)
        with self.transaction():
            conn = db.conn()
            db.run("LOCK TABLE dataset IN SHARE MODE")
            if srid in self._read_spatial(conn):
                return True
            roles = self._held_roles()
            db.run(f'SET LOCAL ROLE "{roles.owner}"')
            for stmt in spatial_table_ddl(srid):
                db.run(stmt)
            db.run(
                "INSERT INTO spatial_index (srid, crs, west, south, east, north) VALUES (%s, %s, %s, %s, %s, %s)",
                (srid, info.crs, *info.area),
            )
            grant_table(conn, self.schema, info.table, roles, spatial=True)
            db.run(rows_sql(info, "dataset"))
            db.run("RESET ROLE")
        db.run(f"ANALYZE {info.table}")
        self._catalog_changed()
        return True

    def update_spatial_index(
        self,
        crs: Iterable[Any] | None = None,
        product_names: Iterable[str] | None = None,
        dataset_ids: Iterable[Any] | None = None,
    ) -> int:
        """Rewrite spatial index entries; returns how many datasets were rewritten in how many
        indexes (datasets times indexes), those outside an index's CRS included, as ODC counts.

        Parameters
        ----------
        crs
            The spatial indexes to rewrite (all, EPSG:4326 included, by default).
        product_names
            The datasets of these products (and those of ``dataset_ids``, if given too).
        dataset_ids
            These datasets (and those of ``product_names``, if given too). Neither: all.
        """
        have = self._spatial_indexes()
        if crs is None:
            targets = list(have.values())
        else:
            srids = [norm_srid(c) for c in ([crs] if isinstance(crs, str) else crs)]
            missing = [f"EPSG:{s}" for s in srids if s not in have]
            if missing:
                raise QueryError(f"no spatial index in {missing}; create it with create_spatial_index")
            targets = [have[s] for s in srids]
        conds: list[str] = []
        params: list[Any] = []
        if product_names is not None:
            cat = self._catalog()
            pids = [cat.product_ids[self.products.get_by_name_unsafe(n).name] for n in product_names]
            conds.append("product_id = ANY(%s)")
            params.append(pids)
        if dataset_ids is not None:
            conds.append("id = ANY(%s)")
            params.append([dataset_id(i) for i in dataset_ids])
        where = " OR ".join(conds) or "true"
        src = f"(SELECT id, product_id, t0, t1, footprint FROM dataset WHERE {where})"
        with self.transaction():
            (n,) = self._db.one(f"SELECT count(*) FROM dataset WHERE {where}", params)
            for t in targets:
                self._db.run(
                    f"DELETE FROM {t.table} WHERE id IN (SELECT id FROM dataset WHERE {where})", params
                )
                self._db.run(rows_sql(t, src), params)
        return int(n) * len(targets)

    def drop_spatial_index(self, crs: Any) -> bool:
        """Remove the spatial index in ``crs``; False if there was none.

        Raises
        ------
        UpdateError
            ``crs`` is EPSG:4326, which every index keeps.
        """
        srid = norm_srid(crs)
        if srid == 4326:
            raise UpdateError("the EPSG:4326 spatial index is part of every index and cannot be dropped")
        if srid not in self._spatial_indexes():
            return False
        with self.transaction():
            self._db.run(f"DROP TABLE IF EXISTS spatial_{srid}")
            self._db.run("DELETE FROM spatial_index WHERE srid = %s", (srid,))
        self._catalog_changed()
        return True


class PostgisIndexDriver(AbstractIndexDriver):
    """Opens :class:`PostgisIndex` databases (URLs ``postgresql://...``)."""

    name = "postgis"
    description = "PostgreSQL + PostGIS: many users and writers, spatial indexes per CRS"

    opens = PostgisIndex


#: Entry point of the ``postgis`` index driver (a class is called with no arguments).
driver_init = PostgisIndexDriver
