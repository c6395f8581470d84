"""Searches stream from a server-side cursor: the first dataset comes before the rest are read."""

from __future__ import annotations

import gc
import tracemalloc
import uuid
from typing import TYPE_CHECKING

import psycopg
import pytest

from terracube.index.postgis import PostgisIndex
from terracube.index.postgis import _db as pg_db
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Iterator

N = 3000


@pytest.fixture
def index(pg_url: str) -> Iterator[PostgisIndex]:
    idx = PostgisIndex(pg_url)
    idx.products.add_document(product_doc("ls8"))
    idx.datasets.add_batch(
        idx.datasets.from_doc(dataset_doc("ls8", id=uuid.UUID(int=i + 1, version=4))) for i in range(N)
    )
    yield idx
    idx.close()


def _cursors_elsewhere(url: str) -> list[tuple[str, str]]:
    """(state, query) of the other sessions on the database that last ran a FETCH."""
    with psycopg.connect(url, autocommit=True) as c:
        return c.execute(
            "SELECT state, query FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND query LIKE 'FETCH%'"
        ).fetchall()


def test_first_result_before_the_rest(index: PostgisIndex, pg_url: str) -> None:
    it = index.datasets.search(product="ls8")
    first = next(iter(it))
    assert first.product.name == "ls8"
    # A cursor is open on the server, mid-way: its session waits in a transaction after a FETCH.
    (state, query), *others = _cursors_elsewhere(pg_url)
    assert not others
    assert state == "idle in transaction"
    assert query.startswith(f"FETCH FORWARD {pg_db.FIRST_FETCH} FROM")
    rest = sum(1 for _ in it)
    assert rest == N - 1
    assert all(s != "idle in transaction" for s, _ in _cursors_elsewhere(pg_url))


def test_abandoned_search_returns_its_connection(index: PostgisIndex, pg_url: str) -> None:
    it = iter(index.datasets.search(product="ls8"))
    next(it)
    assert _cursors_elsewhere(pg_url)[0][0] == "idle in transaction"
    del it
    gc.collect()
    assert all(s != "idle in transaction" for s, _ in _cursors_elsewhere(pg_url))


def test_inside_a_transaction_the_cursor_is_on_the_writers_connection(index: PostgisIndex) -> None:
    with index.transaction():
        index.datasets.archive([uuid.UUID(int=1, version=4)])
        it = iter(index.datasets.search(product="ls8", archived=None))
        next(it)
        names = [r[0] for r in index._db.run("SELECT name FROM pg_cursors")]
        assert len(names) == 1
        assert names[0].startswith("tc_search_")
        assert sum(1 for _ in it) == N - 1
    # It saw the transaction's own, uncommitted archive:
    assert index.datasets.count(product="ls8") == N - 1


def test_memory_stays_flat(index: PostgisIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_db, "FIRST_FETCH", 50)
    monkeypatch.setattr(pg_db, "FETCH", 50)

    def peak(consume: object) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            consume()  # type: ignore[operator]
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def stream() -> None:
        for _ in index.datasets.search(product="ls8"):
            pass

    def fetch_all() -> None:
        assert len(index.datasets.search(product="ls8", fetch_all=True)) == N

    streamed, listed = peak(stream), peak(fetch_all)
    assert streamed * 10 < listed, (streamed, listed)
