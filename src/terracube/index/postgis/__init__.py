"""The ``postgis`` index driver: PostgreSQL 15+ with PostGIS 3, through SQLAlchemy 2 and psycopg 3.

Selected by ``TERRACUBE_DB_URL=postgresql://user@host:port/dbname``. Persistent, transactional,
multi-user (database roles ``user``, ``ingest``, ``manage``, ``admin``), with lineage, spatial
indexes per CRS and an expression index for every search field. See ``docs/postgis.md``.

Modules, bottom up: ``_schema`` (DDL, versions, roles) <- ``_db`` (engine, connections, error
mapping) <- ``_sql`` (query building) <- ``_spatial`` (spatial tables per CRS) <- ``_catalog``,
``_datasets``, ``_lineage``, ``_users`` (resources) <- ``_driver`` (the index). Importing this package does not
import psycopg or SQLAlchemy; opening an index does.
"""

from __future__ import annotations

from terracube.index.postgis._driver import DEFAULT_SCHEMA, PostgisIndex, PostgisIndexDriver, driver_init

__all__ = ["DEFAULT_SCHEMA", "PostgisIndex", "PostgisIndexDriver", "driver_init"]
