"""The PostgreSQL schema: versioned migrations, roles and grants.

The schema is the sequence of migrations in :data:`MIGRATIONS`, applied in order: a new
database runs all of them, an older one the ones it lacks. So the upgrade path is the path
every new index takes, and ``init_db`` (``terracube system init``) is always safe to re-run.

Tables (in the index's own schema, ``terracube`` unless configured):

``tc_meta``
    ``schema_version`` and other facts about the schema.
``metadata_type``, ``product``
    Documents as ``jsonb``; a change to either notifies listening connections (channel
    ``terracube_catalog``) so their cached catalogs reload.
``dataset``
    One row per dataset: ``doc`` (jsonb), ``uri``, ``added``/``updated``/``archived``
    (timestamptz), the ``time`` range as ``t0``/``t1`` (microseconds), every search field value
    in ``fields`` (the shared flat encoding of :mod:`terracube.index._rows`) and the lon/lat
    ``footprint``. Search fields get expression indexes per metadata type (see ``_sql.py``).
``spatial_index``
    The CRSs that have a spatial table, with each CRS's area of use in lon/lat.
``dataset_lineage``, ``dataset_home``
    Lineage relations (source, derived, classifier; either may be outside the index) and the
    index each external dataset lives in.
``spatial_<srid>``
    One row per footprint part: an n-dimensional box (x, y, time in days, product id) stored
    as a two-point ``LINESTRING ZM`` under a GiST ``gist_geometry_ops_nd`` index, so one index
    scan narrows space, time and product at once. Parts wider than :data:`WIDE_DEGREES` in
    lon/lat (globe-spanning footprints) are flagged ``wide`` and indexed apart (partial
    indexes), so they never bloat the index that small-region searches walk.

Roles: each index has its own four group roles (see :mod:`._roles`): ``user`` (read) <-
``ingest`` (add, update, archive datasets) <- ``manage`` (types, products, purge; owns the
schema and its tables, so it also creates field and spatial indexes) <- ``admin`` (manages
users). Their names are kept in ``tc_meta`` (``role_prefix``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from terracube.errors import PermissionDeniedError
from terracube.index._rows import DATETIME_OPEN
from terracube.index.postgis._roles import SHARED, IndexRoles, ensure_roles, index_roles, rekey

if TYPE_CHECKING:
    from collections.abc import Callable

    import psycopg

__all__ = [
    "NOTIFY_CHANNEL",
    "SCHEMA_VERSION",
    "WIDE_DEGREES",
    "create_or_upgrade",
    "grant_table",
    "schema_version",
    "spatial_table_ddl",
    "stored_roles",
]

#: Channel on which catalog changes (metadata types, products, spatial indexes) are announced.
NOTIFY_CHANNEL: Final = "terracube_catalog"
#: Footprint parts wider or taller than this (degrees) are held apart from the others.
WIDE_DEGREES: Final = 30.0
#: What the ``ingest`` role may do to tables besides the spatial ones (it reads them all).
_INGEST_WRITES: Final = {
    "dataset": "INSERT, UPDATE",
    "dataset_lineage": "INSERT, UPDATE, DELETE",
    "dataset_home": "INSERT, UPDATE, DELETE",
}
#: Microseconds per day: the time axis of spatial boxes is in days since 1970.
_US_PER_DAY: Final = 86_400_000_000


def _v1() -> list[str]:
    """Tables, the time/space box functions and the EPSG:4326 spatial table."""
    open_days = DATETIME_OPEN / _US_PER_DAY
    return [
        "CREATE TABLE tc_meta (key text PRIMARY KEY, value text NOT NULL)",
        """CREATE TABLE metadata_type (
            id serial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            doc jsonb NOT NULL,
            added timestamptz NOT NULL DEFAULT now(),
            updated timestamptz
        )""",
        """CREATE TABLE product (
            id serial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            metadata_type_id integer NOT NULL REFERENCES metadata_type (id),
            doc jsonb NOT NULL,
            added timestamptz NOT NULL DEFAULT now(),
            updated timestamptz
        )""",
        """CREATE TABLE dataset (
            id uuid PRIMARY KEY,
            product_id integer NOT NULL REFERENCES product (id),
            metadata_type_id integer NOT NULL,
            doc jsonb NOT NULL,
            uri text COLLATE "C",
            added timestamptz NOT NULL,
            updated timestamptz,
            archived timestamptz,
            t0 bigint,
            t1 bigint,
            fields jsonb NOT NULL,
            footprint geometry(Geometry, 4326)
        )""",
        "CREATE INDEX dataset_product ON dataset (product_id)",
        "CREATE INDEX dataset_uri ON dataset (uri) WHERE uri IS NOT NULL",
        # Announce catalog changes so every connection's cached catalog reloads.
        f"""CREATE FUNCTION tc_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NOTIFY_CHANNEL}', TG_TABLE_SCHEMA);
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER metadata_type_changed AFTER INSERT OR UPDATE OR DELETE ON metadata_type "
        "FOR EACH STATEMENT EXECUTE FUNCTION tc_catalog_changed()",
        "CREATE TRIGGER product_changed AFTER INSERT OR UPDATE OR DELETE ON product "
        "FOR EACH STATEMENT EXECUTE FUNCTION tc_catalog_changed()",
        # Range type for numeric-range search fields.
        "CREATE TYPE tc_float8range AS RANGE (subtype = float8)",
        # The n-d box of one footprint part: x, y, time (days), product.
        f"""CREATE FUNCTION tc_box(part geometry, t0 bigint, t1 bigint, product integer)
        RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT ST_SetSRID(ST_MakeLine(
                ST_MakePoint(ST_XMin(part), ST_YMin(part),
                             coalesce(t0 / {_US_PER_DAY}.0, -{open_days}), product),
                ST_MakePoint(ST_XMax(part), ST_YMax(part),
                             coalesce(t1 / {_US_PER_DAY}.0, {open_days}), product)), ST_SRID(part))
        $$""",
        # A query box: the same axes, bounds given directly.
        """CREATE FUNCTION tc_qbox(x0 float8, y0 float8, x1 float8, y1 float8, z0 float8, z1 float8,
                                  product integer, srid integer)
        RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT ST_SetSRID(ST_MakeLine(ST_MakePoint(x0, y0, z0, product),
                                          ST_MakePoint(x1, y1, z1, product)), srid)
        $$""",
        """CREATE TABLE spatial_index (
            srid integer PRIMARY KEY,
            crs text NOT NULL,
            west float8 NOT NULL,
            south float8 NOT NULL,
            east float8 NOT NULL,
            north float8 NOT NULL,
            added timestamptz NOT NULL DEFAULT now()
        )""",
        "CREATE TRIGGER spatial_index_changed AFTER INSERT OR UPDATE OR DELETE ON spatial_index "
        "FOR EACH STATEMENT EXECUTE FUNCTION tc_catalog_changed()",
        "INSERT INTO spatial_index (srid, crs, west, south, east, north) "
        "VALUES (4326, 'EPSG:4326', -180, -90, 180, 90)",
        "CREATE TABLE spatial_4326 (id uuid NOT NULL, box geometry(LineStringZM, 4326) NOT NULL)",
        "CREATE INDEX spatial_4326_box ON spatial_4326 USING gist (box gist_geometry_ops_nd)",
        "CREATE INDEX spatial_4326_id ON spatial_4326 (id)",
    ]


def _v2() -> list[str]:
    """Hold wide (globe-spanning) footprint parts apart: a ``wide`` flag and partial indexes."""
    return [
        f"""CREATE FUNCTION tc_wide(part geometry) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT ST_XMax(part) - ST_XMin(part) > {WIDE_DEGREES}
                OR ST_YMax(part) - ST_YMin(part) > {WIDE_DEGREES}
        $$""",
        # Every spatial table: add the flag (from the lon/lat parts), re-index in two halves.
        f"""DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT srid FROM spatial_index LOOP
                EXECUTE format('ALTER TABLE spatial_%s ADD COLUMN wide boolean NOT NULL DEFAULT false',
                               r.srid);
                IF r.srid = 4326 THEN
                    UPDATE spatial_4326 SET wide = true
                    WHERE ST_XMax(box) - ST_XMin(box) > {WIDE_DEGREES}
                       OR ST_YMax(box) - ST_YMin(box) > {WIDE_DEGREES};
                ELSE
                    EXECUTE format('UPDATE spatial_%s s SET wide = true WHERE s.id IN '
                                   '(SELECT id FROM spatial_4326 WHERE wide)', r.srid);
                END IF;
                EXECUTE format('DROP INDEX IF EXISTS spatial_%s_box', r.srid);
                EXECUTE format('CREATE INDEX spatial_%s_narrow ON spatial_%s USING gist '
                               '(box gist_geometry_ops_nd) WHERE NOT wide', r.srid, r.srid);
                EXECUTE format('CREATE INDEX spatial_%s_wide ON spatial_%s USING gist '
                               '(box gist_geometry_ops_nd) WHERE wide', r.srid, r.srid);
                EXECUTE format('ANALYZE spatial_%s', r.srid);
            END LOOP;
        END $$""",
    ]


def _v3() -> list[str]:
    """Lineage relations (either side may be outside the index) and dataset homes."""
    return [
        """CREATE TABLE dataset_lineage (
            derived_id uuid NOT NULL,
            source_id uuid NOT NULL,
            classifier text NOT NULL,
            PRIMARY KEY (derived_id, source_id)
        )""",
        "CREATE INDEX dataset_lineage_source ON dataset_lineage (source_id, derived_id)",
        "CREATE TABLE dataset_home (dataset_id uuid PRIMARY KEY, home text NOT NULL)",
    ]


def _v4() -> list[str]:
    """Roles of the index's own instead of the cluster's shared ones.

    No statement here: the roles' names depend on the database, so :func:`create_or_upgrade`
    hands the index over to them (:func:`~terracube.index.postgis._roles.rekey`) and records
    them in ``tc_meta``.
    """
    return []


#: version -> the statements that bring the previous version to it.
MIGRATIONS: Final[dict[int, Callable[[], list[str]]]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4}
#: The first version whose index has roles of its own.
OWN_ROLES_VERSION: Final = 4
#: The version this code reads and writes.
SCHEMA_VERSION: Final = max(MIGRATIONS)


def spatial_table_ddl(srid: int) -> list[str]:
    """Statements creating the spatial table of one CRS, in the current schema version's form."""
    return [
        f"CREATE TABLE spatial_{srid} (id uuid NOT NULL, wide boolean NOT NULL, "
        f"box geometry(LineStringZM, {srid}) NOT NULL)",
        f"CREATE INDEX spatial_{srid}_narrow ON spatial_{srid} USING gist (box gist_geometry_ops_nd) "
        "WHERE NOT wide",
        f"CREATE INDEX spatial_{srid}_wide ON spatial_{srid} USING gist (box gist_geometry_ops_nd) WHERE wide",
        f"CREATE INDEX spatial_{srid}_id ON spatial_{srid} (id)",
    ]


def grant_table(
    conn: psycopg.Connection, schema: str, table: str, roles: IndexRoles, *, spatial: bool = False
) -> None:
    """Grant the index's roles their rights on one table of the schema."""
    from psycopg import sql

    t = sql.Identifier(schema, table)
    conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(t, sql.Identifier(roles.name("user"))))
    rights = "INSERT, UPDATE, DELETE" if spatial else _INGEST_WRITES.get(table)
    if rights:
        conn.execute(
            sql.SQL("GRANT " + rights + " ON {} TO {}").format(t, sql.Identifier(roles.name("ingest")))
        )


def schema_version(conn: psycopg.Connection, schema: str) -> int | None:
    """The schema version of the index in ``schema``, or None if it has none."""
    row = conn.execute("SELECT to_regclass(%s)", (f'"{schema}".tc_meta',)).fetchone()
    if row is None or row[0] is None:
        return None
    v = conn.execute(f"SELECT value FROM \"{schema}\".tc_meta WHERE key = 'schema_version'").fetchone()
    return None if v is None else int(v[0])


def stored_roles(conn: psycopg.Connection, schema: str) -> IndexRoles:
    """The roles the index in ``schema`` has been handed to (the shared ones before v4)."""
    row = conn.execute(f"SELECT value FROM \"{schema}\".tc_meta WHERE key = 'role_prefix'").fetchone()
    return SHARED if row is None else IndexRoles(row[0])


def _require_admin(conn: psycopg.Connection, roles: IndexRoles) -> None:
    """Refuse a user who is neither a superuser nor a member of the index's admin role."""
    row = conn.execute(
        "SELECT r.rolsuper OR coalesce((SELECT pg_has_role(current_user, a.oid, 'MEMBER') "
        "FROM pg_roles a WHERE a.rolname = %s), false) FROM pg_roles r WHERE r.rolname = current_user",
        (roles.name("admin"),),
    ).fetchone()
    if row is not None and row[0]:
        return
    user = conn.info.user
    raise PermissionDeniedError(
        f"database user {user!r} may not do this: initialising or upgrading the index needs its "
        f"admin role ({roles.name('admin')}); an admin can grant a terracube role (user, ingest, "
        "manage, admin) with index.users.grant"
    )


def create_or_upgrade(conn: psycopg.Connection, schema: str, target: int = SCHEMA_VERSION) -> int | None:
    """Create the schema, or bring an older one up to ``target``; return the version found.

    Runs inside the caller's transaction, serialised against other ``init_db`` runs on the
    same schema. Needs the ``postgis`` extension to be installable (or installed).
    """
    from psycopg import sql

    conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"terracube-init:{schema}",))
    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is None:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    found = schema_version(conn, schema)
    roles = index_roles(conn, schema) if target >= OWN_ROLES_VERSION else SHARED
    ensure_roles(conn, roles)
    s = sql.Identifier(schema)
    owner = sql.Identifier(roles.owner)
    held = None if found is None else stored_roles(conn, schema)
    if held is not None:
        _require_admin(conn, held)
    if held is None:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(s, owner))
    elif held != roles:  # older than v4, or a copy of another database's index
        rekey(conn, schema, held, roles)
    if found is None or found < target or held != roles:
        conn.execute(sql.SQL("SET LOCAL ROLE {}").format(owner))
        conn.execute(sql.SQL("SET LOCAL search_path TO {}, public").format(s))
        for version in range((found or 0) + 1, target + 1):
            for stmt in MIGRATIONS[version]():
                conn.execute(stmt)
        meta = {"schema_version": str(max(target, found or 0))}
        if target >= OWN_ROLES_VERSION:
            meta["role_prefix"] = roles.prefix
        for key, value in meta.items():
            conn.execute(
                "INSERT INTO tc_meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        conn.execute("RESET ROLE")
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, sql.Identifier(roles.name("user"))))
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s",
            (schema,),
        )
    ]
    for t in tables:
        grant_table(conn, schema, t, roles, spatial=t.startswith("spatial_") and t != "spatial_index")
    return found
