"""The SQLite schema, its version, and upgrades from older versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import sqlite3

__all__ = ["SCHEMA_VERSION", "create_or_upgrade", "schema_version"]

#: Bumped whenever the schema changes; ``init_db`` upgrades older files step by step.
SCHEMA_VERSION: Final = 3

_V1: Final = """
CREATE TABLE IF NOT EXISTS tc_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS metadata_type (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER
);
CREATE TABLE IF NOT EXISTS product (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    metadata_type_id INTEGER NOT NULL REFERENCES metadata_type(id),
    doc TEXT NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER
);
-- One row per dataset. Times are microseconds since the epoch (UTC).
CREATE TABLE IF NOT EXISTS dataset (
    ref INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE,
    product_id INTEGER NOT NULL REFERENCES product(id),
    metadata_type_id INTEGER NOT NULL,
    doc TEXT NOT NULL,
    uri TEXT,
    added INTEGER NOT NULL,
    updated INTEGER,
    archived INTEGER,
    t0 INTEGER,
    t1 INTEGER,
    fields TEXT NOT NULL,
    footprint BLOB
);
CREATE INDEX IF NOT EXISTS dataset_product_t0 ON dataset(product_id, t0);
CREATE INDEX IF NOT EXISTS dataset_uri ON dataset(uri) WHERE uri IS NOT NULL;
-- Boxes of each footprint part with the time range and product: the spatio-temporal index.
CREATE VIRTUAL TABLE IF NOT EXISTS dataset_rtree USING rtree(
    id, lon0, lon1, lat0, lat1, t0, t1, p0, p1, +ref INTEGER
);
"""


# Version 2: lineage relations (either side may be outside the index) and dataset homes.
_V2: Final = """
CREATE TABLE IF NOT EXISTS dataset_lineage (
    derived_id BLOB NOT NULL,
    source_id BLOB NOT NULL,
    classifier TEXT NOT NULL,
    PRIMARY KEY (derived_id, source_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dataset_lineage_source ON dataset_lineage(source_id, derived_id);
CREATE TABLE IF NOT EXISTS dataset_home (
    dataset_id BLOB PRIMARY KEY,
    home TEXT NOT NULL
) WITHOUT ROWID;
"""

# Version 3: the index by source covers the classifier, so a derived tree is read from the
# index alone (as a source tree is from the table, whose key leads with the derived id).
_V3: Final = """
DROP INDEX IF EXISTS dataset_lineage_source;
CREATE INDEX IF NOT EXISTS dataset_lineage_by_source ON dataset_lineage(source_id, derived_id, classifier);
"""

#: DDL that brings a schema from the version before to the key's version.
_STEPS: Final = {1: _V1, 2: _V2, 3: _V3}


def _run(conn: sqlite3.Connection, ddl: str) -> None:
    # Statement by statement: executescript would commit the caller's transaction.
    for stmt in ddl.split(";"):
        if stmt.strip():
            conn.execute(stmt)


def schema_version(conn: sqlite3.Connection) -> int | None:
    """The schema version of a database file, or None if it has no terracube schema."""
    row = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='tc_meta'").fetchone()
    if row is None:
        return None
    v = conn.execute("SELECT value FROM tc_meta WHERE key='schema_version'").fetchone()
    return None if v is None else int(v[0])


def create_or_upgrade(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> bool:
    """Create the schema, or upgrade an older one to ``target``; True if it was created now.

    Runs inside the caller's transaction. ``target`` below the current version exists for
    tests that need an old schema to upgrade.
    """
    version = schema_version(conn)
    if version is not None and version >= target:
        return False
    for step in range((version or 0) + 1, target + 1):
        _run(conn, _STEPS[step])
    conn.execute(
        "INSERT INTO tc_meta(key, value) VALUES ('schema_version', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(target),),
    )
    return version is None
