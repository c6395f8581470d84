"""Real processes writing at once, and a writer killed mid-batch."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from terracube.index.postgis import PostgisIndex
from terracube.index.testing import product_doc

if TYPE_CHECKING:
    from collections.abc import Iterator

WORKER = str(Path(__file__).with_name("_worker.py"))
N = 1500


def _start(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WORKER, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def index(pg_url: str) -> Iterator[PostgisIndex]:
    idx = PostgisIndex(pg_url)
    idx.products.add_document(product_doc("ls8"))
    yield idx
    idx.close()


def _spatial_rows(idx: PostgisIndex) -> int:
    return int(idx._db.one("SELECT count(*) FROM spatial_4326")[0])


def _deadlocks(idx: PostgisIndex) -> int:
    # Backends report their counters when they exit; allow a moment for that.
    for _ in range(50):
        (n,) = idx._db.one("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        if n:
            break
        idx._db.run("SELECT pg_stat_clear_snapshot()")
        time.sleep(0.1)
    return int(n)


@pytest.mark.parametrize("orders", [("forward", "forward"), ("forward", "reverse")])
def test_two_writers_add_each_dataset_once(index: PostgisIndex, pg_url: str, orders: tuple[str, str]) -> None:
    procs = [_start("race", pg_url, N, order, 250) for order in orders]
    for p in procs:
        assert p.stdout is not None
        assert p.stdout.readline().strip() == "ready", p.stderr.read() if p.stderr else ""
    for p in procs:  # both go at once
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    outcomes = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "Error" not in err, err
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(o["completed"] for o in outcomes) == N
    assert all(o["completed"] + o["skipped"] == N for o in outcomes)
    assert index.datasets.count(archived=None) == N
    assert _spatial_rows(index) == N  # spatial rows only for the rows actually inserted
    ids = [uuid.UUID(int=i + 1, version=4) for i in range(N)]
    assert all(index.datasets.bulk_has(ids))
    if orders[0] != orders[1]:
        # Opposite orders meet in the middle: PostgreSQL broke a deadlock and the loser replayed.
        assert _deadlocks(index) >= 1


def test_killed_writer_leaves_no_partial_batch(index: PostgisIndex, pg_url: str) -> None:
    p = _start("slow", pg_url, 6000, 200)
    assert p.stdout is not None
    for _ in range(3):  # three chunks written, not committed
        line = p.stdout.readline()
        assert line.strip() == "chunk", p.stderr.read() if p.stderr else line
    p.send_signal(signal.SIGKILL)
    rest, _ = p.communicate(timeout=30)
    assert p.returncode == -signal.SIGKILL
    assert "done" not in rest
    assert index.datasets.count(archived=None) == 0
    assert _spatial_rows(index) == 0
    # Nothing is left locked: the same datasets can be added now, all of them.
    done = subprocess.run(
        [sys.executable, WORKER, "race", pg_url, "600", "forward", "200"],
        input="go\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"completed": 600, "skipped": 0}
    assert index.datasets.count() == 600


def test_another_clients_catalog_changes_are_seen(index: PostgisIndex, pg_url: str) -> None:
    other = PostgisIndex(pg_url)
    try:
        assert index.products.get_by_name_unsafe("ls8").description == "Test product ls8"  # now cached
        assert other.products.get_by_name("ls8") is not None
        other.products.add_document(product_doc("s2"))
        changed = product_doc("ls8")
        changed["description"] = "changed elsewhere"
        other.products.update_document(changed)
        index.datasets.count()  # any statement brings the notification in
        assert index.products.get_by_name_unsafe("ls8").description == "changed elsewhere"
        assert index.products.get_by_name("s2") is not None
    finally:
        other.close()


def test_replay_of_an_iterator_input(monkeypatch: pytest.MonkeyPatch) -> None:
    from terracube.index.postgis import _datasets

    r = _datasets._Replay(iter(range(10)))  # type: ignore[arg-type]
    first = r.again()
    assert [next(first) for _ in range(4)] == [0, 1, 2, 3]  # a failed attempt read four
    assert list(r.again()) == list(range(10))  # the retry reads them all
    assert r.possible
    monkeypatch.setattr(_datasets, "_REPLAY_LIMIT", 3)
    big = _datasets._Replay(iter(range(10)))  # type: ignore[arg-type]
    assert list(big.again()) == list(range(10))
    assert not big.possible  # too long to keep: a deadlock is reported instead
    assert big._seen == []
