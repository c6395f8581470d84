"""The SQLite index: resources over one database file (or a shared in-memory database)."""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING

from terracube.index._sql_index import SQLIndex
from terracube.index._users import NoUserResource
from terracube.index.abstract import AbstractIndexDriver
from terracube.index.sqlite._catalog import MetadataTypes, Products, load_catalog
from terracube.index.sqlite._datasets import Datasets
from terracube.index.sqlite._db import connect
from terracube.index.sqlite._lineage import Lineage
from terracube.index.sqlite._schema import SCHEMA_VERSION, create_or_upgrade, schema_version

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
    from typing import Self

    from terracube.cfg import Environment
    from terracube.index._shared import Catalog

__all__ = ["SQLiteIndex", "SQLiteIndexDriver", "driver_init"]


class SQLiteIndex(SQLIndex):
    """An index in one SQLite file: persistent, transactional, spatially indexed."""

    driver_name = "sqlite"
    # The other flags are those of every SQL index (SQLIndex).
    supports_spatial_indexes = False
    supports_users = False

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
        self._cat: Catalog | None = None
        self._cat_version: tuple[int, int] | None = None
        self._cat_epoch = 0
        self._keeper = self._conn()  # keeps a shared in-memory database alive
        self.metadata_types = MetadataTypes(self)
        self.products = Products(self)
        self.datasets = Datasets(self)
        self.lineage = Lineage(self)
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
            conn = connect(self._uri, in_memory=self._path == ":memory:")
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

    def _create_or_upgrade(self) -> bool:
        return create_or_upgrade(self._conn())

    def _schema_problem(self) -> str | None:
        version = schema_version(self._conn())
        if version is None:
            return f"the SQLite index at {self._path!r} has no terracube schema; run `terracube system init`"
        if version < SCHEMA_VERSION:
            return (
                f"the SQLite index at {self._path!r} has schema version {version}, this terracube needs "
                f"{SCHEMA_VERSION}; run `terracube system init` to upgrade it"
            )
        return None

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

    def _catalog(self) -> Catalog:
        self._require_schema()
        conn = self._conn()
        # data_version changes when another connection commits; the epoch when we write.
        version = (conn.execute("PRAGMA data_version").fetchone()[0], self._cat_epoch)
        cat = self._cat
        if cat is not None and version == self._cat_version:
            return cat
        cat = load_catalog(conn)
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
