"""Users and roles, checked by connecting as a real second database role."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from terracube.errors import (
    IndexNotInitialisedError,
    PermissionDeniedError,
    RecordNotFoundError,
    UpdateError,
)
from terracube.index.postgis import PostgisIndex
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.index.conftest import PgServer


@pytest.fixture
def admin(pg_url: str) -> Iterator[PostgisIndex]:
    idx = PostgisIndex(pg_url)
    idx.init_db()  # a copy of the template database: give it roles of its own
    idx.products.add_document(product_doc("ls8"))
    idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8")))
    yield idx
    idx.close()


@pytest.fixture
def username(admin: PostgisIndex) -> Iterator[str]:
    name = f"tc_user_{uuid.uuid4().hex[:10]}"
    yield name
    if any(u == name for _, u, _ in admin.users.list_users()):
        admin.users.delete([name])


def _as(pg_server: PgServer, pg_url: str, user: str) -> PostgisIndex:
    return PostgisIndex(pg_server.url_for(pg_url.rsplit("/", 1)[1], user=user, password="secret"))


def test_read_only_user_cannot_write(
    admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    admin.users.create("user", username, "secret", description="reads only")
    assert ("user", username, "reads only") in list(admin.users.list_users())
    reader = _as(pg_server, pg_url, username)
    try:
        assert reader.datasets.count() == 1  # reading works
        assert reader.products.get_by_name("ls8") is not None
        ds = reader.datasets.from_doc(dataset_doc("ls8"))
        with pytest.raises(PermissionDeniedError, match=username):
            reader.datasets.add(ds)
        with pytest.raises(PermissionDeniedError, match="permission denied"):
            reader.products.add_document(product_doc("s2"))
        first = next(iter(reader.datasets.search()))
        with pytest.raises(PermissionDeniedError):
            reader.datasets.archive([first.id])
        with pytest.raises(PermissionError):  # the builtin a caller would catch
            reader.create_spatial_index("EPSG:3577")
        with pytest.raises(PermissionDeniedError, match=f"{username}.*may not do this.*admin role"):
            reader.init_db()
        assert admin.datasets.count() == 1
        assert not admin.datasets.get_unsafe(first.id).is_archived
    finally:
        reader.close()


def test_roles_widen_step_by_step(
    admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    admin.users.create("ingest", username, "secret")
    user = _as(pg_server, pg_url, username)
    try:
        added = user.datasets.add(user.datasets.from_doc(dataset_doc("ls8")))  # ingest adds
        user.datasets.archive([added.id])
        with pytest.raises(PermissionDeniedError):
            user.products.add_document(product_doc("s2"))
        with pytest.raises(PermissionDeniedError):
            user.datasets.purge([added.id])
        admin.users.grant("manage", [username])
        assert ("manage", username, None) in list(admin.users.list_users())
        user.products.add_document(product_doc("s2"))
        assert user.datasets.purge([added.id]) == [added.id]
        assert user.create_spatial_index("EPSG:3577")  # manage owns the tables
        with pytest.raises(PermissionDeniedError):
            user.users.create("user", f"{username}_x", "secret")
    finally:
        user.close()


def test_admin_manages_users(admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str) -> None:
    admin.users.create("admin", username, "secret")
    boss = _as(pg_server, pg_url, username)
    other = f"{username}_r"
    try:
        boss.users.create("user", other, "secret")
        assert ("user", other, None) in list(boss.users.list_users())
        boss.users.delete([other])
        assert other not in {u for _, u, _ in boss.users.list_users()}
    finally:
        boss.close()


def test_unknown_role_refused(admin: PostgisIndex) -> None:
    with pytest.raises(UpdateError, match="unknown role 'owner'"):
        admin.users.create("owner", "nobody", "secret")


# --- one index's users read no other index -------------------------------------------------------


@pytest.fixture
def other_db(pg_server: PgServer, pg_template: str) -> Iterator[PostgisIndex]:
    """Another database of the same cluster, copied from the same template, with one dataset."""
    name = pg_server.create("b", template=pg_template)
    idx = PostgisIndex(pg_server.url_for(name))
    idx.init_db()
    idx.products.add_document(product_doc("ls8"))
    idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8")))
    yield idx
    idx.close()
    pg_server.drop(name)


def _count_as(pg_server: PgServer, url: str, user: str, schema: str = "terracube") -> int:
    idx = PostgisIndex(pg_server.url_for(url.rsplit("/", 1)[1], user=user, password="secret"), schema=schema)
    try:
        return idx.datasets.count()
    finally:
        idx.close()


def test_user_of_one_database_cannot_read_another(
    admin: PostgisIndex, other_db: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    admin.users.create("manage", username, "secret")
    assert _count_as(pg_server, pg_url, username) == 1
    with pytest.raises(PermissionDeniedError, match="permission denied for schema terracube"):
        _count_as(pg_server, other_db._db_url, username)
    assert username not in {u for _, u, _ in other_db.users.list_users()}
    # An explicit grant in B makes the same login a user of both.
    other_db.users.grant("user", [username])
    assert _count_as(pg_server, other_db._db_url, username) == 1
    # Deleting it from A keeps the login for B; deleting it from B as well drops it.
    admin.users.delete([username])
    assert username not in {u for _, u, _ in admin.users.list_users()}
    with pytest.raises(PermissionDeniedError):
        _count_as(pg_server, pg_url, username)
    assert _count_as(pg_server, other_db._db_url, username) == 1
    other_db.users.delete([username])
    assert not pg_server.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{username}'")


def test_user_of_one_schema_cannot_read_another(
    admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    second = PostgisIndex(pg_url, schema="second")
    try:
        assert second.init_db() is True
        second.products.add_document(product_doc("ls8"))
        admin.users.create("ingest", username, "secret")
        assert _count_as(pg_server, pg_url, username) == 1
        with pytest.raises(PermissionDeniedError, match="schema second"):
            _count_as(pg_server, pg_url, username, schema="second")
        second.users.create("user", f"{username}_2", "secret")
        assert _count_as(pg_server, pg_url, f"{username}_2", schema="second") == 0
        with pytest.raises(PermissionDeniedError):
            _count_as(pg_server, pg_url, f"{username}_2")
        assert [u for _, u, _ in second.users.list_users()] == [f"{username}_2"]
        second.users.delete([f"{username}_2"])
    finally:
        second.close()


def test_a_copied_index_gets_roles_of_its_own(
    admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    admin.users.create("user", username, "secret")
    admin.close()
    copy = pg_server.create("copy", template=pg_url.rsplit("/", 1)[1])
    idx = PostgisIndex(pg_server.url_for(copy))
    try:
        assert _count_as(pg_server, pg_server.url_for(copy), username) == 1  # still the original's roles
        with pytest.raises(IndexNotInitialisedError, match="copy of another database.*system init"):
            idx.users.create("user", f"{username}_c", "secret")
        assert idx.init_db() is False
        assert list(idx.users.list_users()) == []
        with pytest.raises(PermissionDeniedError):
            _count_as(pg_server, pg_server.url_for(copy), username)
        assert _count_as(pg_server, pg_url, username) == 1  # the original is untouched
    finally:
        idx.close()
        pg_server.drop(copy)


def test_upgrade_from_shared_roles_keeps_its_users(pg_server: PgServer, username: str) -> None:
    name = pg_server.create("shared")
    url = pg_server.url_for(name)
    try:
        old = PostgisIndex(url)
        old._upgrade_to(3)  # the last version whose roles every index shared
        pg_server.sql(f"CREATE ROLE {username} LOGIN PASSWORD 'secret' IN ROLE terracube_ingest")
        old.close()
        idx = PostgisIndex(url)
        assert idx.init_db() is False
        # (Other indexes of the cluster may have put more users in the shared roles.)
        assert ("ingest", username, None) in list(idx.users.list_users())
        owners = pg_server.sql(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'terracube'", dbname=name
        )
        assert owners == [(idx._own_roles().owner,)]
        shared = pg_server.sql(
            "SELECT count(*) FROM information_schema.role_table_grants "
            "WHERE table_schema = 'terracube' AND grantee LIKE 'terracube\\_%'",
            dbname=name,
        )
        assert shared == [(0,)]
        idx.products.add_document(product_doc("ls8"))
        user = _as(pg_server, url, username)
        try:
            user.datasets.add(user.datasets.from_doc(dataset_doc("ls8")))  # still ingests
        finally:
            user.close()
        idx.users.delete([username])  # out of this index; still in the shared role, so kept
        assert pg_server.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{username}'") == [(1,)]
        idx.close()
    finally:
        pg_server.drop(name)
        pg_server.sql(f"DROP ROLE IF EXISTS {username}")


def test_delete_refuses_a_stranger(admin: PostgisIndex) -> None:
    with pytest.raises(RecordNotFoundError, match="not users of this index: \\['nobody_here'\\]"):
        admin.users.delete(["nobody_here"])


# --- nothing left owned by a user; deleting users -------------------------------------------------


def _owned_by(pg_server: PgServer, dbname: str, user: str) -> int:
    rows = pg_server.sql(
        f"SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = '{user}')",
        dbname=dbname,
    )
    return int(rows[0][0])  # type: ignore[call-overload]


def test_bulk_add_leaves_nothing_owned_by_the_user(
    admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    admin.users.create("ingest", username, "secret")
    user = _as(pg_server, pg_url, username)
    dbname = pg_url.rsplit("/", 1)[1]
    try:
        docs = [user.datasets.from_doc(dataset_doc("ls8")) for _ in range(25)]
        status = user.datasets.add_batch(docs, batch_size=10)  # three chunks, one transaction
        assert status.completed == 25
        assert _owned_by(pg_server, dbname, username) == 0  # while its connection is still open

        def refused_in_the_end() -> None:
            with user.transaction():
                user.datasets.add_batch([user.datasets.from_doc(dataset_doc("ls8"))])
                user.products.add_document(product_doc("s2"))  # refused: it all rolls back

        with pytest.raises(PermissionDeniedError):
            refused_in_the_end()
        assert _owned_by(pg_server, dbname, username) == 0
        assert user.datasets.add_batch([*docs[:3], user.datasets.from_doc(dataset_doc("ls8"))]).completed == 1
        # Deleting a user whose connection is open works: it owns nothing.
        admin.users.delete([username])
    finally:
        user.close()


def test_delete_of_a_user_owning_objects_is_refused_clearly(
    admin: PostgisIndex, username: str, pg_server: PgServer, pg_url: str
) -> None:
    admin.users.create("user", username, "secret")
    dbname = pg_url.rsplit("/", 1)[1]
    pg_server.sql(
        f"CREATE TABLE public.stray (x int); ALTER TABLE public.stray OWNER TO {username}", dbname=dbname
    )
    with pytest.raises(UpdateError, match=f"cannot delete user '{username}'.*REASSIGN OWNED BY {username}"):
        admin.users.delete([username])
    assert ("user", username, None) in list(admin.users.list_users())  # nothing changed
    pg_server.sql("DROP TABLE public.stray", dbname=dbname)
    admin.users.delete([username])
    assert username not in {u for _, u, _ in admin.users.list_users()}


def test_roles_of_dropped_databases_pruned(pg_server: PgServer, pg_url: str) -> None:
    name = pg_server.create("gone")
    gone = PostgisIndex(pg_server.url_for(name))
    gone.init_db()
    roles = gone._own_roles()
    gone.close()
    login = f"tc_login_{uuid.uuid4().hex[:10]}"
    pg_server.sql(f'CREATE ROLE "{login}" LOGIN IN ROLE "{roles.name("user")}"')
    pg_server.sql(f'DROP DATABASE "{name}" WITH (FORCE)')

    def left() -> set[str]:
        like = roles.prefix.replace("_", "\\_")
        return {r for (r,) in pg_server.sql(f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{like}%'")}

    other = PostgisIndex(pg_url)
    other.init_db()  # a copy of the template: roles of its own
    try:
        mine = set(other._own_roles().names.values())
        listed = set(other.prune_orphaned_roles(dry_run=True))
        assert set(roles.names.values()) <= listed
        assert not listed & mine and login not in listed
        assert left() == set(roles.names.values())  # a dry run drops nothing
        assert set(roles.names.values()) <= set(other.prune_orphaned_roles())
        assert left() == set()
        # A live index's roles and any login stay.
        assert pg_server.sql(f"SELECT count(*) FROM pg_roles WHERE rolname = ANY(ARRAY{sorted(mine)})") == [
            (4,)
        ]
        assert pg_server.sql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{login}'") == [(1,)]
        assert other.datasets.count() == 0
    finally:
        other.close()
        pg_server.sql(f'DROP ROLE IF EXISTS "{login}"')
