"""Index users: PostgreSQL login roles that are members of one index's group roles.

``user`` reads, ``ingest`` also adds, updates and archives datasets, ``manage`` also adds and
changes metadata types and products and purges, ``admin`` also manages users. Each role
inherits the one before it; the database enforces them, so a user with the ``user`` role gets
a :class:`~terracube.errors.PermissionDeniedError` when it tries to write.

The group roles belong to one index (see :mod:`._roles`): a user of one index reads nothing of
another, unless granted a role there too. Login roles are the cluster's, so one login may be a
user of several indexes; :meth:`Users.delete` takes it out of this index and drops it once it
is a user of none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from terracube.errors import RecordNotFoundError, UpdateError
from terracube.index._users import ROLES, AbstractUserResource
from terracube.index.postgis._roles import members

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from terracube.index.postgis._driver import PostgisIndex

__all__ = ["Users"]


def _check(role: str) -> str:
    if role not in ROLES:
        raise UpdateError(f"unknown role {role!r}; the roles are {list(ROLES)}")
    return role


class Users(AbstractUserResource):
    """``index.users`` of a PostGIS index."""

    _index: PostgisIndex

    def grant(self, role: str, users: Iterable[str]) -> None:
        """docstring inherited"""
        from psycopg import sql

        group = self._index._own_roles().name(_check(role))
        db = self._index._db
        with self._index.transaction():
            for user in users:
                db.run(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(user)))
                if role == "admin":
                    db.run(sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(user)))

    def create(self, role: str, username: str, password: str, description: str | None = None) -> None:
        """Create a login role that is a member of the role's group (docstring inherited)."""
        from psycopg import sql

        group = self._index._own_roles().name(_check(role))
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
        """Take users out of this index; drop each login role that is then in no role at all.

        Raises
        ------
        RecordNotFoundError
            A name is not a user of this index; nothing was changed.
        UpdateError
            PostgreSQL refuses to drop a login role (it still owns objects or holds rights in a
            database); the message says what to do, and nothing was changed.
        """
        import psycopg.errors as pe
        from psycopg import sql

        roles = self._index._own_roles()
        db = self._index._db
        users = list(dict.fromkeys(usernames))
        with self._index.transaction():
            ours = {u for _, u in members(db.conn(), roles)}
            unknown = [u for u in users if u not in ours]
            if unknown:
                raise RecordNotFoundError(
                    f"not users of this index: {unknown}; the users are {sorted(ours)} (index.users.list())"
                )
            for user in users:
                who = sql.Identifier(user)
                for group in roles.names.values():
                    db.run(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), who))
                (others,) = db.one(
                    "SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member "
                    "WHERE u.rolname = %s",
                    (user,),
                )
                if others:
                    continue  # a user of another index too: keep the login
                try:
                    db.run(sql.SQL("DROP ROLE {}").format(who))
                except pe.DependentObjectsStillExist as e:
                    raise UpdateError(
                        f"cannot delete user {user!r}: it still owns objects or holds rights "
                        f"({e.diag.message_detail or e.diag.message_primary}); as a superuser run "
                        f"REASSIGN OWNED BY {user} TO postgres; DROP OWNED BY {user}; in each such database, "
                        "then delete it again. Nothing was changed"
                    ) from e

    def list_users(self) -> Iterator[tuple[str, str, str | None]]:
        """``(role, username, description)`` of every user of this index (docstring inherited)."""
        roles = self._index._held_roles()
        db = self._index._db
        best: dict[str, int] = {}
        for role, user in members(db.conn(), roles):
            best[user] = max(best.get(user, 0), ROLES.index(role))
        rows = db.run(
            "SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = ANY(%s)",
            (list(best),),
        ).fetchall()
        described: dict[str, str | None] = dict(rows)
        return iter([(ROLES[rank], user, described.get(user)) for user, rank in sorted(best.items())])
