"""Index users: PostgreSQL login roles that are members of terracube's group roles.

``user`` reads, ``ingest`` also adds, updates and archives datasets, ``manage`` also adds and
changes metadata types and products and purges, ``admin`` also manages users. Each role
inherits the one before it; the database enforces them, so a user with the ``user`` role gets
a :class:`~terracube.errors.PermissionDeniedError` when it tries to write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from terracube.errors import UpdateError
from terracube.index._users import ROLES, AbstractUserResource
from terracube.index.postgis._schema import ROLE_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from terracube.index.postgis._driver import PostgisIndex

__all__ = ["Users"]


def _group(role: str) -> str:
    try:
        return ROLE_NAMES[role]
    except KeyError:
        raise UpdateError(f"unknown role {role!r}; the roles are {list(ROLES)}") from None


class Users(AbstractUserResource):
    """``index.users`` of a PostGIS index."""

    _index: PostgisIndex

    def grant(self, role: str, users: Iterable[str]) -> None:
        """docstring inherited"""
        from psycopg import sql

        group = _group(role)
        db = self._index._db
        for user in users:
            db.run(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(user)))
            if role == "admin":
                db.run(sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(user)))

    def create(self, role: str, username: str, password: str, description: str | None = None) -> None:
        """Create a login role that is a member of the role's group (docstring inherited)."""
        from psycopg import sql

        group = _group(role)
        db = self._index._db
        extra = sql.SQL(" CREATEROLE" if role == "admin" else "")
        with self._index.transaction():
            db.run(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}{}").format(
                    sql.Identifier(username), sql.Literal(password), sql.Identifier(group), extra
                )
            )
            if description:
                db.run(
                    sql.SQL("COMMENT ON ROLE {} IS {}").format(
                        sql.Identifier(username), sql.Literal(description)
                    )
                )

    def delete(self, usernames: Iterable[str]) -> None:
        """docstring inherited"""
        from psycopg import sql

        db = self._index._db
        with self._index.transaction():
            for user in usernames:
                db.run(sql.SQL("DROP ROLE {}").format(sql.Identifier(user)))

    def list_users(self) -> Iterator[tuple[str, str, str | None]]:
        """``(role, username, description)`` of every member of a terracube role (docstring inherited)."""
        groups = {g: r for r, g in ROLE_NAMES.items()}
        rows = self._index._db.run(
            "SELECT u.rolname, g.rolname, shobj_description(u.oid, 'pg_authid') "
            "FROM pg_roles u JOIN pg_auth_members m ON m.member = u.oid "
            "JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname = ANY(%s) AND NOT (u.rolname = ANY(%s)) ORDER BY u.rolname",
            (list(groups), list(groups)),
        ).fetchall()
        best: dict[str, tuple[int, str | None]] = {}
        for user, group, desc in rows:
            rank = ROLES.index(groups[group])
            if user not in best or rank > best[user][0]:
                best[user] = (rank, desc)
        return iter([(ROLES[rank], user, desc) for user, (rank, desc) in sorted(best.items())])
