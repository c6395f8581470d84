"""``terracube dataset add`` killed (SIGKILL) at many random moments: the index stays whole.

After every kill the index passes its integrity checks, holds whole batches only (a prefix of
the documents, in batches of ``--batch-size``, each with its lineage), and a last run adds
exactly the rest. On SQLite and on PostGIS.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from terracube.drivers import connect_index
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from terracube.index.abstract import AbstractIndex

FILES = 10
PER_FILE = 40
BATCH = 30  # not a multiple of PER_FILE: batches span files
KILLS = 10


def _docs() -> list[dict[str, Any]]:
    """Documents in the order ``dataset add`` reads them; most derive from the one before."""
    docs = []
    for i in range(FILES * PER_FILE):
        lineage = None
        if i % 7:
            lineage = {"source": [str(uuid.UUID(int=i))]}  # the previous document
        elif i % 14 == 0:
            lineage = {"source": [str(uuid.UUID(int=10**9 + i))]}  # a source outside the index
        docs.append(
            dataset_doc(
                "ls8",
                id=uuid.UUID(int=i + 1),
                time=f"2020-{i % 12 + 1:02d}-{i % 28 + 1:02d}T10:00:00Z",
                lonlat=(100.0 + i % 50, -40.0 + i % 30, 100.5 + i % 50, -39.5 + i % 30),
                lineage=lineage,
            )
        )
    return docs


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("crash-docs")
    docs = _docs()
    for f in range(FILES):
        chunk = docs[f * PER_FILE : (f + 1) * PER_FILE]
        (out / f"part-{f:03d}.yaml").write_text(yaml.safe_dump_all(chunk, sort_keys=False))
    return out


_PG = os.environ.get("TERRACUBE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg(statement: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(_PG, autocommit=True) as conn:
        cur = conn.execute(statement)
        return cur.fetchall() if cur.description else []


@pytest.fixture(params=["sqlite", "postgis"])
def new_index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """``new_index()``: the URL of a new index (initialised, product ``ls8`` added)."""
    made: list[str] = []

    def make() -> str:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / f'crash-{len(made)}.db'}"
            made.append(url)
        else:
            made.append(f"tc_crash_{os.getpid()}_{uuid.uuid4().hex[:8]}")
            _pg(f'CREATE DATABASE "{made[-1]}"')
            url = f"{_PG.rsplit('/', 1)[0]}/{made[-1]}"
        idx = _open(url)
        idx.init_db()
        idx.products.add_document(product_doc("ls8"))
        idx.close()
        return url

    yield make
    if request.param == "postgis":
        for name in made:
            (oid,) = _pg(f"SELECT oid FROM pg_database WHERE datname = '{name}'")[0]
            _pg(f'DROP DATABASE "{name}" WITH (FORCE)')
            for (role,) in _pg(f"SELECT rolname FROM pg_roles WHERE rolname LIKE 'tc\\_{oid}\\_%'"):
                _pg(f'DROP ROLE "{role}"')


def _open(url: str) -> AbstractIndex:
    from terracube.cfg import Environment

    return connect_index(Environment("crash", "sqlite" if url.startswith("sqlite") else "postgis", url))


def _add(
    url: str, folder: Path, *, kill_at: tuple[int, float] | None = None
) -> subprocess.CompletedProcess[str] | None:
    """Run ``dataset add``; with ``kill_at=(n, delay)``, SIGKILL it ``delay`` seconds after the
    index first holds ``n`` datasets (or return its result when it ends first)."""
    env = {**os.environ, "TERRACUBE_DB_URL": url}
    env.pop("TERRACUBE_ENVIRONMENT", None)
    args = [sys.executable, "-c", "from terracube.cli import main; main()"]
    args += ["dataset", "add", str(folder), "--batch-size", str(BATCH), "--no-progress"]
    if kill_at is None:
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)
    threshold, delay = kill_at
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill points follow the index's own progress, not the clock: how fast a run goes varies
    # with the machine's load, and a kill timed off an earlier run may land after this one ends.
    idx = _open(url)
    try:
        while proc.poll() is None and idx.datasets.count() < threshold:
            time.sleep(0.002)
    finally:
        idx.close()
    time.sleep(delay)
    if proc.poll() is not None:
        return subprocess.CompletedProcess(args, proc.returncode, "", "")  # finished before the kill
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return None


def _integrity(idx: AbstractIndex, url: str) -> None:
    """The database's own checks, and every dataset's derived rows present, none stray."""
    if url.startswith("sqlite"):
        import sqlite3

        path = url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return
    db: Any = idx._db  # type: ignore[attr-defined]
    assert db.one(
        "SELECT count(*) FROM dataset d WHERE NOT EXISTS (SELECT 1 FROM spatial_4326 s WHERE s.id = d.id)"
    ) == (0,)
    assert db.one(
        "SELECT count(*) FROM spatial_4326 s WHERE NOT EXISTS (SELECT 1 FROM dataset d WHERE d.id = s.id)"
    ) == (0,)


def _check(url: str, docs: list[dict[str, Any]]) -> int:
    """Check the index after a kill; return how many documents it holds."""
    idx = _open(url)
    try:
        _integrity(idx, url)
        present = {str(d.id) for d in idx.datasets.search(archived=None)}
        n = len(present)
        assert n % BATCH == 0 or n == len(docs), f"{n} datasets: not whole batches of {BATCH}"
        assert present == {d["id"] for d in docs[:n]}, "not the first batches in order"
        # Derived rows agree with the datasets: counts, time, space and lineage.
        assert idx.datasets.count() == n
        assert idx.datasets.count(time=("2020-01-01", "2020-12-31")) == n
        assert idx.datasets.count(lon=(99, 151), lat=(-41, -9)) == n
        expected = {
            (src, d["id"])
            for d in docs[:n]
            for src in (d.get("lineage") or {}).get("source_ids", {}).get("source", [])
        }
        got = {(str(r.source_id), str(r.derived_id)) for r in idx.lineage.get_all_lineage()}
        assert got == expected
        for d in random.sample(docs[:n], min(n, 3)):
            assert idx.datasets.get_unsafe(d["id"]).metadata_doc == d
        return n
    finally:
        idx.close()


def test_killed_add_leaves_whole_batches_and_resumes(new_index: Callable[[], str], folder: Path) -> None:
    docs = _docs()
    # A whole run succeeds, on an index of its own.
    scratch = new_index()
    _timeline(scratch, folder)
    assert _check(scratch, docs) == len(docs)

    url = new_index()
    rng = random.Random(int(os.environ.get("TERRACUBE_CRASH_SEED", "16")))
    seen: list[int] = []
    held = 0
    for i in range(KILLS):
        # Anywhere from start-up (threshold already met) to the last batch, then a random delay.
        _add(url, folder, kill_at=(rng.randint(held, len(docs) - 1), rng.uniform(0.0, 0.05)))
        held = _check(url, docs)
        seen.append(held)
        if held == len(docs) and i < KILLS - 1:
            url, held = new_index(), 0  # the run beat its kill: the next one starts afresh
    # Kills landed mid-run, with part of the documents in.
    assert any(0 < n < len(docs) for n in seen), seen

    last = _add(url, folder)
    assert last is not None and last.returncode == 0, last.stderr
    held = seen[-1]
    assert last.stdout.strip().endswith(
        f"Added {len(docs) - held}, skipped {held} already present, 0 failed. "
        f"Recorded {_relations(docs)} lineage relations ({_external(docs)} with sources outside this index)."
    )
    assert _check(url, docs) == len(docs)


def _timeline(url: str, folder: Path) -> tuple[float, float]:
    """Seconds until the first batch is in the index, and until the run ends (it must succeed)."""
    env = {**os.environ, "TERRACUBE_DB_URL": url}
    args = [sys.executable, "-c", "from terracube.cli import main; main()"]
    args += ["dataset", "add", str(folder), "--batch-size", str(BATCH), "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = None
    idx = _open(url)
    try:
        while proc.poll() is None:
            if first is None and idx.datasets.count() > 0:
                first = time.perf_counter() - started
            time.sleep(0.05)
    finally:
        idx.close()
    whole = time.perf_counter() - started
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    return (first if first is not None else whole), whole


def _relations(docs: list[dict[str, Any]]) -> int:
    return sum(1 for d in docs if d.get("lineage"))


def _external(docs: list[dict[str, Any]]) -> int:
    return sum(1 for i in range(len(docs)) if i % 14 == 0)
