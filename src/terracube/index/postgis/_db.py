"""Connections: one SQLAlchemy engine (pool) per index, psycopg 3 connections, errors mapped once.

Each thread works on its own pooled connection in autocommit mode; ``index.transaction()``
opens an explicit transaction on it. A search outside a transaction borrows another pooled
connection for the life of its server-side cursor, so a caller may write while iterating.
Every connection listens on the catalog channel: another process's change to metadata types,
products or spatial indexes reaches the index's cached catalog at the next statement.

Backend errors become terracube errors in one place, :func:`map_error`.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import weakref
from typing import TYPE_CHECKING, Any, Final, NoReturn

from terracube.errors import (
    ConcurrentWriteError,
    DuplicateRecordError,
    IndexConnectionError,
    IndexNotInitialisedError,
    PermissionDeniedError,
    TerracubeError,
)
from terracube.index.postgis._schema import NOTIFY_CHANNEL
from terracube.model._docs import json_value

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import psycopg

__all__ = ["CONNECT_TIMEOUT", "FETCH", "FIRST_FETCH", "Database", "engine_url", "map_error"]

_SCHEMES = ("postgresql+psycopg", "postgresql", "postgres")
#: Seconds to wait for the server to answer a new connection, unless the URL sets ``connect_timeout``.
CONNECT_TIMEOUT: Final = 10
#: Rows in a streamed query's first round trip, and in each later one.
FIRST_FETCH = 200
FETCH = 2000
_cursor_ids = itertools.count()


def engine_url(db_url: str) -> str:
    """The SQLAlchemy URL (psycopg 3 dialect) of a ``postgresql://`` database URL."""
    scheme, sep, rest = db_url.partition("://")
    if not sep or scheme.lower() not in _SCHEMES:
        from terracube.cfg._urls import redact_url
        from terracube.errors import ConfigError

        raise ConfigError(
            f"not a PostgreSQL URL: {redact_url(db_url)!r}; expected postgresql://user@host:port/dbname"
        )
    return "postgresql+psycopg://" + rest


def map_error(e: BaseException, user: str = "") -> BaseException:
    """The terracube error for a psycopg error (or ``e`` itself when none fits)."""
    import psycopg.errors as pe

    if isinstance(e, pe.UniqueViolation):
        detail = e.diag.message_detail or e.diag.message_primary
        return DuplicateRecordError(f"a record with this key is already in the index: {detail}")
    if isinstance(e, pe.InsufficientPrivilege):
        return PermissionDeniedError(
            f"database user {user!r} may not do this: {e.diag.message_primary}; an admin can grant "
            "a terracube role (user, ingest, manage, admin) with index.users.grant"
        )
    if isinstance(e, pe.DeadlockDetected | pe.SerializationFailure):
        return ConcurrentWriteError(
            f"another writer holds records this transaction needs, and PostgreSQL stopped this one: "
            f"{e.diag.message_primary}; nothing was written, run it again (bulk adds of a list, or of "
            "up to 10,000 datasets, are retried by themselves)"
        )
    if isinstance(e, pe.UndefinedTable | pe.InvalidSchemaName | pe.UndefinedFunction):
        return IndexNotInitialisedError(
            f"the PostgreSQL database has no (complete) terracube schema: {e.diag.message_primary}; "
            "run `terracube system init`"
        )
    return e


#: SQLSTATEs of a server that went away or will not take the session (besides class 08).
_GONE: Final = {"57P01", "57P02", "57P03", "3D000", "28000", "28P01"}


def _is_connection_error(e: BaseException) -> bool:
    """Whether ``e`` means no session with the server: unreachable, refused, closed, no database."""
    import psycopg

    if not isinstance(e, psycopg.OperationalError):
        return False
    state = e.sqlstate
    return state is None or state.startswith("08") or state in _GONE


def _connection_problem(e: BaseException) -> str:
    """psycopg's message on one line, and what to do about it."""
    import re

    text = " ".join(str(e).split())
    text = re.sub(r"^connection failed: ", "", text)
    text = re.sub(r'connection to server at "?[^",]+"?, port \d+ failed: ', "", text)
    text = text.replace("FATAL: ", "")
    missing = re.search(r'database "([^"]+)" does not exist', text)
    if missing:
        return (
            f"{text}; create it (createdb {missing.group(1)}, or CREATE DATABASE as a superuser) "
            "and run `terracube system init`"
        )
    if "server running" in text:  # libpq's own hint says what to check
        return text
    if "refused" in text or "timeout" in text.lower() or "could not" in text.lower():
        return f"{text}; is the PostgreSQL server running there and accepting TCP/IP connections?"
    if "authentication failed" in text or "no pg_hba.conf entry" in text or "role" in text:
        return f"{text}; check the user name and password in the database URL"
    return text


class Database:
    """An engine and the connections an index uses."""

    def __init__(
        self,
        db_url: str,
        schema: str,
        on_catalog_change: Callable[[], None],
        application_name: str = "terracube",
    ) -> None:
        from terracube.cfg._urls import redact_url

        try:
            import psycopg
            from sqlalchemy import create_engine
            from sqlalchemy.engine import make_url
        except ImportError as e:
            from terracube._packages import missing_package

            raise missing_package(e, "the postgis index driver") from e

        self.schema = schema
        self.url = redact_url(db_url)
        self._pg = psycopg
        self._on_catalog_change = on_catalog_change
        url = make_url(engine_url(db_url))
        self.user = url.username or ""
        connect_args: dict[str, Any] = {
            "options": f"-c search_path={schema},public -c TimeZone=UTC -c jit=off",
            "application_name": application_name,
        }
        if "connect_timeout" not in url.query:  # libpq waits for ever for a host that never answers
            connect_args["connect_timeout"] = CONNECT_TIMEOUT
        self.engine = create_engine(
            url,
            pool_size=4,
            max_overflow=64,
            pool_reset_on_return=None,
            connect_args=connect_args,
        )
        self._local = threading.local()
        self._lock = threading.Lock()
        self._held: list[Any] = []
        self._staged: weakref.WeakSet[psycopg.Connection] = weakref.WeakSet()

    # --- connections ----------------------------------------------------------------------------

    def _checkout(self) -> tuple[Any, psycopg.Connection]:
        """A pooled connection, set up for terracube on first use.

        Raises
        ------
        IndexConnectionError
            The server cannot be reached, refuses the login, or has no such database.
        """
        from sqlalchemy.exc import DBAPIError

        try:
            fairy = self.engine.raw_connection()
        except self._pg.Error as e:  # the pool passes psycopg's error through
            raise self.mapped(e) from e
        except DBAPIError as e:
            raise self.mapped(e.orig if e.orig is not None else e) from e
        conn: psycopg.Connection = fairy.driver_connection  # type: ignore[assignment]
        if not fairy.info.get("terracube"):
            self._setup(conn)
            fairy.info["terracube"] = True
        return fairy, conn

    def _setup(self, conn: psycopg.Connection) -> None:
        from psycopg.types.json import set_json_loads

        if conn.info.transaction_status != self._pg.pq.TransactionStatus.IDLE:
            conn.rollback()
        conn.autocommit = True
        set_json_loads(json_value, conn)  # integers beyond 64 bits exactly
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        schema, callback = self.schema, self._on_catalog_change

        def notified(n: psycopg.Notify) -> None:
            if n.payload == schema:
                callback()

        conn.add_notify_handler(notified)

    def conn(self) -> psycopg.Connection:
        """This thread's connection."""
        c: psycopg.Connection | None = getattr(self._local, "conn", None)
        if c is None or c.closed:
            fairy, c = self._checkout()
            self._local.conn = c
            with self._lock:
                self._held.append(fairy)
        return c

    @contextlib.contextmanager
    def borrowed(self) -> Iterator[psycopg.Connection]:
        """A connection of its own for a while (a streaming search), returned afterwards."""
        fairy, conn = self._checkout()
        try:
            yield conn
        finally:
            try:
                if not conn.closed and conn.info.transaction_status != self._pg.pq.TransactionStatus.IDLE:
                    conn.rollback()
            finally:
                fairy.close()

    def close(self) -> None:
        """Return every connection and close the pool."""
        with self._lock:
            for fairy in self._held:
                with contextlib.suppress(Exception):
                    fairy.close()
            self._held.clear()
        self._local = threading.local()
        self.engine.dispose()

    # --- statements -----------------------------------------------------------------------------

    def run(
        self,
        query: Any,
        params: Any = None,
        *,
        conn: psycopg.Connection | None = None,
        binary: bool = False,
    ) -> psycopg.Cursor:
        """Execute a statement on this thread's connection (or ``conn``), mapping errors.

        ``binary`` asks for the results in binary form: cheaper to read for ``bytea``.
        """
        c = conn if conn is not None else self.conn()
        try:
            return c.execute(query, params, binary=binary)
        except self._pg.Error as e:
            self.raise_mapped(e)

    def one(self, query: Any, params: Any = None) -> tuple[Any, ...]:
        """The one row a statement returns (an aggregate, say)."""
        row = self.run(query, params).fetchone()
        if row is None:  # pragma: no cover - callers only ask statements that return a row
            raise RuntimeError(f"no row from {query!r}")
        return row

    def mapped(self, e: BaseException) -> BaseException:
        """``e`` as a terracube error where one fits (see :func:`map_error`)."""
        if isinstance(e, TerracubeError):
            return e
        if _is_connection_error(e):
            return IndexConnectionError(
                f"cannot connect to the PostGIS index at {self.url}: {_connection_problem(e)}"
            )
        return map_error(e, self.user)

    def raise_mapped(self, e: BaseException) -> NoReturn:
        """Raise ``e`` as a terracube error where one fits, else as it is."""
        err = self.mapped(e)
        if err is e:
            raise e
        raise err from e

    def batches(self, query: str, params: Any, *, in_transaction: bool) -> Iterator[list[tuple[Any, ...]]]:
        """Rows of a query, batch by batch, from a server-side cursor.

        In a transaction the cursor lives on this thread's connection (and sees the
        transaction's writes); otherwise on a borrowed connection, in a read-only transaction
        of its own, returned when the rows run out or the generator is closed.
        """
        if in_transaction:
            yield from self._fetch(self.conn(), query, params)
            return
        with self.borrowed() as conn:
            yield from self._fetch_read_only(conn, query, params)

    def _fetch_read_only(
        self, conn: psycopg.Connection, query: str, params: Any
    ) -> Iterator[list[tuple[Any, ...]]]:
        """:meth:`_fetch` in a read-only transaction of its own, in as few round trips as can be.

        The transaction, the cursor and the first rows are asked for in one round trip
        (pipelined); a batch shorter than asked for is the last, so no empty fetch follows; the
        commit closes the cursor. Most searches take three round trips (a server-side cursor
        through psycopg's ``ServerCursor`` takes eight: it describes the cursor and closes it
        apart).
        """
        name = f"tc_search_{next(_cursor_ids)}"
        cur = conn.cursor()
        try:
            try:
                with conn.pipeline():
                    conn.execute("BEGIN READ ONLY")
                    conn.execute(f"DECLARE {name} NO SCROLL CURSOR FOR {query}", params)
                    cur.execute(f"FETCH FORWARD {FIRST_FETCH} FROM {name}")
                rows = cur.fetchall()
            except self._pg.Error as e:
                self.raise_mapped(e)
            size = FIRST_FETCH
            while rows:
                yield rows
                if len(rows) < size:
                    break
                size = FETCH
                try:
                    rows = cur.execute(f"FETCH FORWARD {size} FROM {name}").fetchall()
                except self._pg.Error as e:
                    self.raise_mapped(e)
            self.run("COMMIT", conn=conn)
        finally:
            cur.close()

    def _fetch(self, conn: psycopg.Connection, query: str, params: Any) -> Iterator[list[tuple[Any, ...]]]:
        cur = conn.cursor(name=f"tc_search_{next(_cursor_ids)}")
        try:
            try:
                cur.execute(query, params)
                rows = cur.fetchmany(FIRST_FETCH)
            except self._pg.Error as e:
                self.raise_mapped(e)
            while rows:
                yield rows
                try:
                    rows = cur.fetchmany(FETCH)
                except self._pg.Error as e:
                    self.raise_mapped(e)
        finally:
            cur.close()

    # --- the staging table of bulk adds ---------------------------------------------------------

    def staged(self, conn: psycopg.Connection) -> bool:
        """Whether this connection has its staging table."""
        return conn in self._staged

    def mark_staged(self, conn: psycopg.Connection) -> None:
        """Record that this connection created its staging table."""
        self._staged.add(conn)

    def forget_staged(self, conn: psycopg.Connection) -> None:
        """The transaction ends, and its staging table with it: create it again next time."""
        self._staged.discard(conn)
