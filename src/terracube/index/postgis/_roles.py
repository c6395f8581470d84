"""Each index's own group roles, so that a user of one index cannot read another.

PostgreSQL roles belong to the whole cluster, not to a database. An index (a schema in a
database) therefore gets four group roles of its own, named after the database's OID and the
schema: ``tc_<oid>_<schema>_user``, ``..._ingest``, ``..._manage`` (which owns the schema and
its tables) and ``..._admin``, each a member of the one before. A login role is a user of an
index when it is a member of one of them; it reads nothing of any other index.

The database's OID, not its name, keeps them apart: a renamed database keeps its roles, and a
copy (``CREATE DATABASE ... TEMPLATE``, a restored dump) is a new index with a new OID, which
gets roles of its own the first time ``init_db`` or ``users`` runs on it (:func:`rekey`); the
users of the original are not users of the copy.

Indexes made before schema version 4 used four roles shared by every index in the cluster,
``terracube_user`` ... ``terracube_admin`` (:data:`SHARED`). Upgrading one moves it to its own
roles; members of the shared roles become members of the index's roles, so they keep the
access they had to it, and only to the indexes that have been upgraded since.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from terracube.index._users import ROLES

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "SHARED",
    "IndexRoles",
    "drop_roles",
    "ensure_roles",
    "index_roles",
    "members",
    "orphaned_roles",
    "rekey",
]

#: Longest schema name kept whole in a role name (PostgreSQL names are at most 63 bytes).
_SCHEMA_CHARS: Final = 32


@dataclass(frozen=True, slots=True)
class IndexRoles:
    """The four group roles of one index, from least to most privileged."""

    prefix: str
    """Shared by the four names: ``tc_<database oid>_<schema>_`` (``terracube_`` before v4)."""

    def name(self, role: str) -> str:
        """The PostgreSQL role of a terracube role (``user``, ``ingest``, ``manage``, ``admin``)."""
        return self.prefix + role

    @property
    def names(self) -> dict[str, str]:
        """terracube role -> PostgreSQL role, in :data:`~terracube.index._users.ROLES` order."""
        return {r: self.prefix + r for r in ROLES}

    @property
    def owner(self) -> str:
        """The role that owns the schema and every table in it."""
        return self.prefix + "manage"


#: The roles every index of the cluster shared before schema version 4.
SHARED: Final = IndexRoles("terracube_")


def index_roles(conn: psycopg.Connection, schema: str) -> IndexRoles:
    """The roles of the index in ``schema`` of the database ``conn`` is connected to."""
    row = conn.execute("SELECT oid FROM pg_database WHERE datname = current_database()").fetchone()
    assert row is not None  # the current database is always listed
    part = schema
    if len(part) > _SCHEMA_CHARS:
        part = part[: _SCHEMA_CHARS - 7] + "_" + hashlib.sha1(schema.encode()).hexdigest()[:6]
    return IndexRoles(f"tc_{row[0]}_{part}_")


def ensure_roles(conn: psycopg.Connection, roles: IndexRoles) -> None:
    """Create the group roles if the cluster lacks them (needs CREATEROLE)."""
    from psycopg import sql

    names = list(roles.names.values())
    have = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (names,))}
    parent = None
    for role, name in roles.names.items():
        if name not in have:
            stmt = sql.SQL("CREATE ROLE {} NOLOGIN INHERIT{}{}").format(
                sql.Identifier(name),
                sql.SQL(" CREATEROLE" if role == "admin" else ""),
                sql.SQL(" IN ROLE {}").format(sql.Identifier(parent)) if parent else sql.SQL(""),
            )
            # Another init may race us to it: a duplicate is fine.
            conn.execute(
                sql.SQL(
                    "DO $$ BEGIN {}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
                ).format(stmt)
            )
        parent = name


def orphaned_roles(conn: psycopg.Connection) -> list[str]:
    """Group roles of indexes whose database is gone (``DROP DATABASE`` leaves them behind).

    Only terracube's own group roles, ``tc_<oid>_..._user|ingest|manage|admin`` that cannot
    log in, whose ``<oid>`` is no database of the cluster now; logins are never listed.
    """
    rows = conn.execute(
        "SELECT rolname FROM pg_roles WHERE NOT rolcanlogin "
        "AND rolname ~ '^tc_[0-9]+_.+_(user|ingest|manage|admin)$' "
        "AND substring(rolname FROM '^tc_([0-9]+)_')::oid NOT IN (SELECT oid FROM pg_database) "
        "ORDER BY rolname"
    ).fetchall()
    return [r[0] for r in rows]


def drop_roles(conn: psycopg.Connection, names: list[str]) -> None:
    """Drop group roles (most privileged first, so no role is dropped while another holds it)."""
    from psycopg import sql

    order = {r: i for i, r in enumerate(reversed(ROLES))}
    for name in sorted(names, key=lambda n: (order.get(n.rsplit("_", 1)[-1], 0), n)):
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def members(conn: psycopg.Connection, roles: IndexRoles) -> list[tuple[str, str]]:
    """``(terracube role, member)`` for every direct member of the roles that is not one of them."""
    by_name = {n: r for r, n in roles.names.items()}
    rows = conn.execute(
        "SELECT g.rolname, u.rolname FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE g.rolname = ANY(%s) AND NOT (u.rolname = ANY(%s)) ORDER BY u.rolname",
        (list(by_name), list(by_name)),
    ).fetchall()
    return [(by_name[g], u) for g, u in rows]


def rekey(conn: psycopg.Connection, schema: str, old: IndexRoles, new: IndexRoles) -> None:
    """Hand the index in ``schema`` from ``old`` roles to ``new`` ones (which must exist).

    The new owner takes the schema and everything in it; the old roles lose every right on
    it. Members of the shared pre-v4 roles become members of the new roles; members of another
    index's roles (this one is its copy) do not.
    """
    from psycopg import sql

    owner = sql.Identifier(new.owner)
    s = sql.Identifier(schema)
    conn.execute(sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(s, owner))
    # Tables (their indexes, column sequences and row types follow), functions, types.
    objects = conn.execute(
        """
        SELECT 'TABLE', c.oid::regclass::text FROM pg_class c
        WHERE c.relnamespace = %(s)s::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
        UNION ALL
        SELECT 'SEQUENCE', c.oid::regclass::text FROM pg_class c
        WHERE c.relnamespace = %(s)s::regnamespace AND c.relkind = 'S'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
        UNION ALL
        SELECT 'ROUTINE', p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = %(s)s::regnamespace
        UNION ALL
        SELECT 'TYPE', t.oid::regtype::text FROM pg_type t
        WHERE t.typnamespace = %(s)s::regnamespace AND t.typtype IN ('r', 'd', 'e')
        """,
        {"s": schema},
    ).fetchall()
    for kind, name in objects:
        conn.execute(sql.SQL("ALTER " + kind + " " + name + " OWNER TO {}").format(owner))
    if _exist(conn, old):
        targets = sql.SQL(", ").join(sql.Identifier(n) for n in old.names.values())
        conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(s, targets))
        conn.execute(sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}").format(s, targets))
        conn.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(s, targets))
        if old == SHARED:
            for role, member in members(conn, old):
                conn.execute(
                    sql.SQL("GRANT {} TO {}").format(sql.Identifier(new.name(role)), sql.Identifier(member))
                )


def _exist(conn: psycopg.Connection, roles: IndexRoles) -> bool:
    names = list(roles.names.values())
    row = conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = ANY(%s)", (names,)).fetchone()
    return row is not None and row[0] == len(names)
