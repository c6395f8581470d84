"""Read-only index drivers over Open Data Cube's own databases.

``odc_postgres`` reads the schema of ODC 1.8/1.9's ``postgres`` index driver (``agdc``),
``odc_postgis`` that of ODC 1.9's ``postgis`` driver (``odc``), and ``odc`` opens whichever the
database holds. Through them terracube searches, counts and loads straight from an ODC
database, and ``terracube system clone`` copies one into a terracube index. Nothing is ever
written to the ODC database (every session is read-only). See ``docs/moving-from-odc.md``.

Modules, bottom up: ``_db`` (read-only connections, errors) and ``_sql`` (the two schemas'
tables, search candidates) <- ``_footprints`` <- ``_catalog``, ``_datasets``, ``_lineage``
(resources) <- ``_index`` (the indexes and drivers). What a database holds is found by
``terracube.index._databases``, shared with the ``postgis`` driver. Importing this package does
not import psycopg; opening an index does.
"""

from __future__ import annotations

from terracube.index.odcdb._catalog import Unreadable
from terracube.index.odcdb._index import (
    OdcIndex,
    OdcIndexDriver,
    OdcPostgisIndex,
    OdcPostgisIndexDriver,
    OdcPostgresIndex,
    OdcPostgresIndexDriver,
    driver_init,
    postgis_driver_init,
    postgres_driver_init,
)

__all__ = [
    "OdcIndex",
    "OdcIndexDriver",
    "OdcPostgisIndex",
    "OdcPostgisIndexDriver",
    "OdcPostgresIndex",
    "OdcPostgresIndexDriver",
    "Unreadable",
    "driver_init",
    "postgis_driver_init",
    "postgres_driver_init",
]
