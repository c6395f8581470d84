"""``terracube system clone SRC DST``: every record copied, interrupted clones resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import dataset_doc, product_doc
from terracube.model import LineageRelation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from click.testing import Result

    from terracube.index.abstract import AbstractIndex

N = 45
PG = os.environ.get("TERRACUBE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
EXTERNAL = uuid.UUID(int=999)


def _state(index: AbstractIndex) -> dict[str, Any]:
    """Everything clone must keep: per dataset, and the lineage and homes."""
    datasets = {
        str(ds.id): (ds.metadata_doc, ds.uri, ds.archived_time, ds.indexed_time, ds.product.name)
        for ds in index.datasets.search(archived=None)
    }
    lineage = set(index.lineage.get_all_lineage())
    ids = [*datasets, *(r.source_id for r in lineage)]
    return {"datasets": datasets, "lineage": lineage, "homes": index.lineage.get_homes(*ids)}


def _populate(index: AbstractIndex, n: int) -> None:
    index.products.add_document(product_doc("ls8"))
    index.products.add_document(product_doc("empty"))
    ids = [uuid.UUID(int=i + 1) for i in range(n)]
    index.datasets.add_batch(
        index.datasets.from_doc(dataset_doc("ls8", id=i), uri=f"file:///data/{i}.yaml") for i in ids
    )
    index.datasets.archive(ids[:7])
    index.lineage.merge(
        [
            LineageRelation("ard", EXTERNAL, ids[10]),
            *(LineageRelation("level1", ids[k], ids[k + 1]) for k in range(20, 30)),
        ]
    )
    index.lineage.set_home("archive-index", EXTERNAL)


@pytest.fixture
def source(tmp_path: Path) -> Iterator[SQLiteIndex]:
    index = SQLiteIndex(tmp_path / "src.db")
    index.init_db()
    _populate(index, N)
    yield index
    index.close()


def test_clone_copies_everything_and_reruns_as_a_noop(
    run: Callable[..., Result], source: SQLiteIndex, tmp_path: Path
) -> None:
    dst_url = f"sqlite:///{tmp_path / 'dst.db'}"
    src_url = f"sqlite:///{tmp_path / 'src.db'}"
    out = json.loads(run("system", "clone", src_url, dst_url, "--batch-size", "10", "-f", "json").stdout)
    # The source holds the three built-in metadata types; the copy is made without them.
    assert (out["metadata_types"], out["products"], out["datasets"], out["skipped"]) == (3, 2, N, 0)
    assert (out["lineage"], out["homes"]) == (11, 1)
    dst = SQLiteIndex(tmp_path / "dst.db")
    assert _state(dst) == _state(source)
    assert (
        dst.products.get_by_name_unsafe("empty").definition
        == source.products.get_by_name_unsafe("empty").definition
    )
    again = json.loads(run("system", "clone", src_url, dst_url, "-f", "json").stdout)
    assert (again["metadata_types"], again["products"], again["datasets"], again["skipped"]) == (0, 0, 0, N)
    assert (again["lineage"], again["homes"]) == (0, 0)
    assert _state(dst) == _state(source)
    dst.close()


def test_interrupted_clone_resumes_without_duplicates(
    run: Callable[..., Result], source: SQLiteIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from terracube.index._datasets import AbstractDatasetResource as Datasets

    real = Datasets._add_batch
    calls = [0]

    def failing(self: Datasets, *args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] == 3:
            raise ConnectionError("the destination went away")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Datasets, "_add_batch", failing)
    src_url, dst_url = f"sqlite:///{tmp_path / 'src.db'}", f"sqlite:///{tmp_path / 'dst.db'}"
    result = run("system", "clone", src_url, dst_url, "--batch-size", "10", code=1)
    assert "the destination went away" in result.stderr + str(result.exception)
    dst = SQLiteIndex(tmp_path / "dst.db")
    assert len(_state(dst)["datasets"]) == 20  # the two batches before the failure are kept, whole
    monkeypatch.setattr(Datasets, "_add_batch", real)
    out = json.loads(run("system", "clone", src_url, dst_url, "--batch-size", "10", "-f", "json").stdout)
    assert (out["datasets"], out["skipped"]) == (N - 20, 20)
    assert _state(dst) == _state(source)
    dst.close()


def test_clone_between_environments_by_name_with_a_progress_bar(
    run: Callable[..., Result], source: SQLiteIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "terracube.conf"
    conf.write_text(
        f"[old]\ndb_url = sqlite:///{tmp_path / 'src.db'}\n\n[new]\ndb_url = sqlite:///{tmp_path / 'new.db'}\n"
    )
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(conf))
    monkeypatch.delenv("TERRACUBE_DB_URL")
    result = run("system", "clone", "old", "new", "--progress")
    assert f"datasets:            {N}" in result.stdout
    assert "Cloning datasets" in result.stderr and f"{N}/{N}" in result.stderr
    new = SQLiteIndex(tmp_path / "new.db")
    assert _state(new) == _state(source)
    new.close()
    bad = run("system", "clone", "old", "nowhere", code=1)
    assert "nowhere" in bad.stderr


# --- SQLite to PostGIS, the clone process killed part way -------------------------------------


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database (no terracube schema yet); dropped afterwards."""
    import psycopg

    name = f"tc_clone_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG.rsplit('/', 1)[0]}/{name}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            row = conn.execute("SELECT count(*) FROM terracube.dataset").fetchone()
            return int(row[0]) if row else 0
    except psycopg.errors.UndefinedTable:
        return 0


def _clone_process(src: str, dst: str, batch_size: int, *, capture: bool) -> subprocess.Popen[bytes]:
    code = "import sys; from terracube.cli import main; main(sys.argv[1:])"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TERRACUBE_")}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            "system",
            "clone",
            src,
            dst,
            "--batch-size",
            str(batch_size),
            "-f",
            "json",
        ],
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
        env=env,
    )


@pytest.mark.slow
def test_killed_clone_into_postgis_resumes_exactly(tmp_path: Path, pg_url: str) -> None:
    total = 1500
    src = SQLiteIndex(tmp_path / "big.db")
    src.init_db()
    _populate(src, total)
    expected = _state(src)
    src.close()
    src_url = f"sqlite:///{tmp_path / 'big.db'}"

    proc = _clone_process(src_url, pg_url, batch_size=50, capture=False)
    try:
        deadline = time.monotonic() + 120
        while (copied := _pg_count(pg_url)) < 100:
            assert proc.poll() is None, "the clone finished before it could be interrupted"
            assert time.monotonic() < deadline, "the clone made no progress"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    partial = _pg_count(pg_url)
    assert copied <= partial < total
    assert partial % 50 == 0  # whole batches only: each is one transaction

    again = _clone_process(src_url, pg_url, batch_size=50, capture=True)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    counts = json.loads(out)
    assert counts["skipped"] == partial
    assert counts["datasets"] == total - partial
    from terracube.index.postgis import PostgisIndex

    dst = PostgisIndex(pg_url)
    try:
        assert _state(dst) == expected
        assert dst.datasets.count(archived=None) == total  # no duplicates
    finally:
        dst.close()
