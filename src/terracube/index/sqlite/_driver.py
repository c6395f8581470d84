"""The SQLite index: resources over one database file (or a shared in-memory database)."""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING, NoReturn

from terracube.errors import IndexConnectionError, IndexNotInitialisedError
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


def _data_folder() -> Path:
    """The terracube data folder, where the default index lives (made by ``init_db`` if need be)."""
    import platformdirs

    return platformdirs.user_data_path("terracube", appauthor=False).absolute()


class SQLiteIndex(SQLIndex):
    """An index in one SQLite file: persistent, transactional, spatially indexed."""

    driver_name = "sqlite"
    # The other flags are those of every SQL index (SQLIndex).
    supports_spatial_indexes = False
    supports_users = False

    def __init__(self, path: str | Path) -> None:
        """Open (not create) the index at ``path``; ``":memory:"`` for a private in-memory one.

        Nothing is read or written until the index is used, and only :meth:`init_db` creates
        the file: any other use of a file that does not exist raises
        :class:`~terracube.errors.IndexNotInitialisedError`.
        """
        super().__init__()
        self._path = str(path)
        self._file: Path | None = None
        if self._path == ":memory:":
            self._uri = f"file:terracube-{uuid.uuid4().hex}?mode=memory&cache=shared"
        else:
            from pathlib import Path

            self._file = Path(self._path).expanduser().absolute()
            # mode=rw: a connection never creates the file (init_db does, on purpose).
            self._uri = self._file.as_uri().replace("file://", "file:", 1) + "?mode=rw"
        self._local = threading.local()
        self._all_conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._cat: Catalog | None = None
        self._cat_version: tuple[int, int] | None = None
        self._cat_epoch = 0
        if self._file is None:
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
            if self._file is not None and not self._file.exists():
                self._refuse_missing()
            conn = connect(self._uri, in_memory=self._file is None, where=self._path)
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
        """Create the file if needed, then the schema (docstring inherited).

        The folder must exist, except the terracube data folder of the default index, which is
        made: a mistyped path or a volume that is not mounted gets an error, not a new index.

        Raises
        ------
        IndexNotInitialisedError
            The file's folder does not exist.
        IndexConnectionError
            The file cannot be created (no permission) or is not a SQLite database.
        """
        if self._file is not None and not self._file.exists():
            if self._file.parent.is_dir() or self._file.parent == _data_folder():
                self._create_file(self._file)
            else:
                self._refuse_missing()
        return super().init_db(with_default_types)

    def _create_file(self, file: Path) -> None:
        import sqlite3

        file.parent.mkdir(parents=True, exist_ok=True)  # only ever the data folder
        try:
            sqlite3.connect(file.as_uri().replace("file://", "file:", 1) + "?mode=rwc", uri=True).close()
        except sqlite3.Error as e:
            raise IndexConnectionError(
                f"cannot create the SQLite index at {self._path!r}: {e}; check that you may write "
                f"in the folder {str(file.parent)!r}"
            ) from e

    def _refuse_missing(self) -> NoReturn:
        """Say why there is no index at the path: no file, no folder, or a file for a folder."""
        assert self._file is not None
        folder = self._file.parent
        if folder.exists() and not folder.is_dir():
            raise IndexConnectionError(
                f"cannot open the SQLite index at {self._path!r}: {str(folder)!r} is a file, not a folder"
            )
        if not folder.exists():
            raise IndexNotInitialisedError(
                f"no SQLite index at {self._path!r}: the folder {str(folder)!r} does not exist; check "
                "the URL, or create the folder (mkdir -p) and run `terracube system init`",
                exists=False,
            )
        raise IndexNotInitialisedError(
            f"no SQLite index at {self._path!r} (no such file); run `terracube system init` to create it",
            exists=False,
        )

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

    opens = SQLiteIndex


#: Entry point of the ``sqlite`` index driver (a class is called with no arguments).
driver_init = SQLiteIndexDriver
