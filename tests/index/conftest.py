"""PostgreSQL for the postgis driver's tests: a server, template databases, a fresh database per test.

The server is ``$TERRACUBE_TEST_PG`` (default: the local cluster as ``postgres``). A session
template database gets the schema once; each test copies it (``CREATE DATABASE ... TEMPLATE``),
which is far quicker than initialising a schema, and drops its copy afterwards.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"


class PgServer:
    """Creates and drops databases on the test server."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.base = url.rsplit("/", 1)[0]
        self.run_id = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"

    def url_for(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        """The URL of a database on this server (optionally as another user)."""
        base = self.base
        if user is not None:
            scheme, rest = base.split("://", 1)
            host = rest.rsplit("@", 1)[-1]
            login = user if password is None else f"{user}:{password}"
            base = f"{scheme}://{login}@{host}"
        return f"{base}/{dbname}"

    def sql(self, statement: str, dbname: str | None = None) -> list[tuple[object, ...]]:
        """Run one statement in autocommit mode (on the maintenance database by default)."""
        import psycopg

        url = self.url if dbname is None else self.url_for(dbname)
        with psycopg.connect(url, autocommit=True) as conn:
            cur = conn.execute(statement)
            return cur.fetchall() if cur.description else []

    def create(self, prefix: str, template: str | None = None) -> str:
        """Create a new, uniquely named database; return its name."""
        name = f"tc_{prefix}_{self.run_id}_{uuid.uuid4().hex[:8]}"
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop(self, name: str) -> None:
        """Drop a database, closing any connection left to it, and the roles of its indexes."""
        oid = self.sql(f"SELECT oid FROM pg_database WHERE datname = '{name}'")
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if oid:
            # Group roles are the cluster's: an index's own ones outlive its database.
            for (role,) in self.sql(
                f"SELECT rolname FROM pg_roles WHERE rolname LIKE 'tc\\_{oid[0][0]}\\_%'"
            ):
                self.sql(f'DROP ROLE IF EXISTS "{role}"')

    def template(self, prefix: str, version: int | None = None) -> str:
        """A template database with the schema initialised (first at ``version``, then upgraded)."""
        from terracube.index.postgis import PostgisIndex

        name = self.create(prefix)
        idx = PostgisIndex(self.url_for(name))
        try:
            if version is not None:
                idx._upgrade_to(version)
            idx.init_db()
        finally:
            idx.close()
        self.sql(f'ALTER DATABASE "{name}" IS_TEMPLATE true')
        return name

    def drop_template(self, name: str) -> None:
        """Drop a template database."""
        self.sql(f'ALTER DATABASE "{name}" IS_TEMPLATE false')
        self.drop(name)


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """The PostgreSQL server the postgis tests use."""
    server = PgServer(os.environ.get("TERRACUBE_TEST_PG", _DEFAULT))
    server.sql("SELECT 1")  # fails loudly if the server is down
    return server


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> Iterator[str]:
    """A template database holding a freshly initialised terracube schema."""
    name = pg_server.template("tmpl")
    yield name
    pg_server.drop_template(name)


@pytest.fixture
def pg_url(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    """The URL of a new database with an empty, initialised index; dropped afterwards."""
    name = pg_server.create("t", template=pg_template)
    yield pg_server.url_for(name)
    pg_server.drop(name)
