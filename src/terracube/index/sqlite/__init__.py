"""The ``sqlite`` index driver: the embedded default, one file, no server.

Persistent and transactional, with an R*Tree over (lon, lat, time, product) refined by an
exact footprint test, and expression indexes for indexed search fields.
"""

from __future__ import annotations

from terracube.index.sqlite._driver import SQLiteIndex, SQLiteIndexDriver, driver_init

__all__ = ["SQLiteIndex", "SQLiteIndexDriver", "driver_init"]
