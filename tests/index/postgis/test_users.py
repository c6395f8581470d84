"""Users and roles, checked by connecting as a real second database role."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from terracube.errors import PermissionDeniedError, UpdateError
from terracube.index.postgis import PostgisIndex
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.index.conftest import PgServer


@pytest.fixture
def admin(pg_url: str) -> Iterator[PostgisIndex]:
    idx = PostgisIndex(pg_url)
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
