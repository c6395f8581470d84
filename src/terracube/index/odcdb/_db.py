"""Read-only connections to an ODC database, and its errors as terracube's.

Every session is opened with ``default_transaction_read_only`` on, so nothing terracube runs can
change an ODC database, whatever the user's privileges. Each thread reads on a connection of
its own; a streaming search borrows another for the life of its server-side cursor. Connections
are psycopg 3, in autocommit mode, with jsonb documents parsed by orjson.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from terracube.errors import ConfigError, IndexNotInitialisedError, PermissionDeniedError, TerracubeError
from terracube.model._docs import json_value

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterator

    import psycopg

__all__ = ["FETCH", "OdcDatabase", "libpq_url"]

#: Rows per round trip of a streamed query (the first one is smaller, for a quick first result).
FETCH = 2000
_FIRST_FETCH = 200
_SCHEMES = ("postgresql+psycopg2", "postgresql+psycopg", "postgresql", "postgres")
_cursor_ids = itertools.count()
T = TypeVar("T")
#: ODC's read role per schema, named in permission errors.
_READ_ROLES = {"agdc": "agdc_user", "odc": "odc_user"}


def libpq_url(db_url: str) -> str:
    """The libpq form (``postgresql://...``) of a PostgreSQL URL, SQLAlchemy dialects removed.

    Raises
    ------
    ConfigError
        Not a PostgreSQL URL.
    """
    scheme, sep, rest = db_url.partition("://")
    if not sep or scheme.lower() not in _SCHEMES:
        from terracube.cfg._urls import redact_url

        raise ConfigError(
            f"not a PostgreSQL URL: {redact_url(db_url)!r}; an ODC database is named "
            "postgresql://user@host:port/dbname"
        )
    return "postgresql://" + rest


class OdcDatabase:
    """The connections of one read-only index over an ODC database."""

    def __init__(self, db_url: str, schema: str) -> None:
        import psycopg

        from terracube.cfg._urls import redact_url

        self._pg = psycopg
        self.conninfo = libpq_url(db_url)
        self.url = redact_url(db_url)
        self.schema = schema
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[psycopg.Connection] = []
        self._idle: list[psycopg.Connection] = []
        from urllib.parse import unquote, urlsplit

        self.user = unquote(urlsplit(self.conninfo).username or "")

    # --- connections ----------------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection:
        from psycopg.types.json import set_json_loads

        try:
            conn = self._pg.connect(
                self.conninfo,
                autocommit=True,
                options=(
                    "-c default_transaction_read_only=on -c TimeZone=UTC -c jit=off "
                    f"-c search_path={self.schema},public"
                ),
                application_name="terracube (read-only, ODC index)",
            )
        except self._pg.Error as e:
            self.raise_mapped(e, connecting=True)
        set_json_loads(json_value, conn)  # integers beyond 64 bits exactly
        self.user = conn.info.user
        with self._lock:
            self._open.append(conn)
        return conn

    def conn(self) -> psycopg.Connection:
        """This thread's connection."""
        c: psycopg.Connection | None = getattr(self._local, "conn", None)
        if c is None or c.closed:
            c = self._connect()
            self._local.conn = c
        return c

    @contextlib.contextmanager
    def borrowed(self) -> Iterator[psycopg.Connection]:
        """A connection of its own for a while (a streaming search), returned afterwards."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None or conn.closed:
            conn = self._connect()
        try:
            yield conn
        finally:
            ok = not conn.closed
            if ok and conn.info.transaction_status != self._pg.pq.TransactionStatus.IDLE:
                try:
                    conn.rollback()
                except self._pg.Error:
                    ok = False
            if ok:
                with self._lock:
                    self._idle.append(conn)

    def close(self) -> None:
        """Close every connection."""
        with self._lock:
            conns, self._open, self._idle = self._open, [], []
        for c in conns:
            with contextlib.suppress(Exception):
                c.close()
        self._local = threading.local()

    # --- statements -----------------------------------------------------------------------------

    def run(
        self, query: Any, params: Any = None, *, conn: psycopg.Connection | None = None
    ) -> psycopg.Cursor:
        """Execute a statement on this thread's connection (or ``conn``), errors mapped."""
        c = conn if conn is not None else self.conn()
        try:
            return c.execute(query, params)
        except self._pg.Error as e:
            self.raise_mapped(e)

    def batches(self, query: Any, params: Any = None) -> Generator[list[tuple[Any, ...]], None, None]:
        """Rows of a query, batch by batch, from a server-side cursor on a borrowed connection."""
        with self.borrowed() as conn:
            self.run("BEGIN READ ONLY", conn=conn)
            cur = conn.cursor(name=f"tc_odc_{next(_cursor_ids)}")
            try:
                try:
                    cur.execute(query, params)
                    rows = cur.fetchmany(_FIRST_FETCH)
                except self._pg.Error as e:
                    self.raise_mapped(e)
                while rows:
                    yield rows
                    try:
                        rows = cur.fetchmany(FETCH)
                    except self._pg.Error as e:
                        self.raise_mapped(e)
            finally:
                with contextlib.suppress(Exception):
                    cur.close()
            self.run("COMMIT", conn=conn)

    def batches_ahead(
        self, query: Any, params: Any, prepare: Callable[[list[tuple[Any, ...]]], T], depth: int = 2
    ) -> Iterator[T]:
        """:meth:`batches`, each made into ``prepare(rows)``, read ahead in a thread of their own.

        While the caller works on one batch (writing it to another index, say), the thread
        fetches and prepares the next ones (up to ``depth``): the database server producing rows,
        and the work that releases the GIL on either side, overlap. Errors of the thread are
        raised to the caller; closing the generator stops the thread.
        """
        ready: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
        stop = threading.Event()

        def read() -> None:
            try:
                for rows in self.batches(query, params):
                    item = prepare(rows)
                    while not stop.is_set():
                        try:
                            ready.put(("batch", item), timeout=0.1)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        return
                ready.put(("end", None))
            except BaseException as e:  # handed over to the caller
                ready.put(("error", e))

        reader = threading.Thread(target=read, name="terracube-odc-read-ahead", daemon=True)
        reader.start()
        try:
            while True:
                kind, item = ready.get()
                if kind == "end":
                    return
                if kind == "error":
                    raise item
                yield item
        finally:
            stop.set()
            while reader.is_alive():
                with contextlib.suppress(queue.Empty):
                    ready.get(timeout=0.05)
            reader.join()

    # --- errors ---------------------------------------------------------------------------------

    def mapped(self, e: BaseException, *, connecting: bool = False) -> BaseException:
        """``e`` as a terracube error where one fits."""
        import psycopg.errors as pe

        if isinstance(e, TerracubeError):
            return e
        where = f"the ODC index in {self.url} (schema {self.schema!r})"
        message = getattr(getattr(e, "diag", None), "message_primary", None) or str(e).strip()
        if isinstance(e, pe.InsufficientPrivilege) or getattr(e, "sqlstate", None) == "42501":
            role = _READ_ROLES.get(self.schema, "a role that may read it")
            user = self.user or "this user"
            return PermissionDeniedError(
                f"database user {user!r} may not read {where}: {message}; ask its administrator to "
                f"grant it ODC's read role ({role})"
            )
        if isinstance(e, pe.UndefinedTable | pe.InvalidSchemaName | pe.UndefinedColumn):
            return IndexNotInitialisedError(
                f"{where} is not complete: {message}; check it with ODC's `datacube system check`"
            )
        if connecting:
            return ConfigError(f"cannot connect to {self.url}: {message}")
        return e

    def raise_mapped(self, e: BaseException, *, connecting: bool = False) -> NoReturn:
        """Raise ``e`` as a terracube error where one fits, else as it is."""
        err = self.mapped(e, connecting=connecting)
        if err is e:
            raise e
        raise err from e
