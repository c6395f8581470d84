"""The ``sqlite`` index driver: the embedded default, one file, no server.

Persistent and transactional, with an R*Tree over (lon, lat, time, product) refined by an
exact footprint test, and expression indexes for indexed search fields.

Modules, bottom up: ``_schema`` (DDL, versions) <- ``_db`` (connections, statement limits) <-
``_sql`` (query building) <- ``_catalog``, ``_datasets``, ``_lineage`` (resources) <- ``_driver``
(the index). The SQL drivers share ``index/_shared.py`` and ``index/_sql_index.py``.
"""

from __future__ import annotations

from terracube.index.sqlite._driver import SQLiteIndex, SQLiteIndexDriver, driver_init

__all__ = ["SQLiteIndex", "SQLiteIndexDriver", "driver_init"]
