"""``terracube stac import`` with worker processes killed (SIGKILL) at random moments.

After every kill the SQLite index passes its integrity checks and holds whole batches only
(the first Items of the file, each dataset with its searchable rows), the workers are gone
with their parent, and a last run adds exactly the rest.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest

from terracube.index.sqlite import SQLiteIndex

if TYPE_CHECKING:
    from pathlib import Path

ITEMS = 3000
BATCH = 70  # not a divisor of the block size in Items
KILLS = 5

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")


def _items() -> list[dict[str, Any]]:
    from tests.stac.catalog_items import earth_search_v1

    template = earth_search_v1()
    out = []
    for i in range(ITEMS):
        item = dict(template, id=f"S2B_55HFA_{i:05d}")
        item["properties"] = dict(
            template["properties"], datetime=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}T00:{i % 60:02d}:00Z"
        )
        out.append(item)
    return out


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stac-crash") / "items.ndjson"
    path.write_text("".join(json.dumps(i) + "\n" for i in _items()))
    return path


def _args(src: Path) -> list[str]:
    return [sys.executable, "-c", "from terracube.cli import main; main()", "stac", "import", str(src)]


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TERRACUBE_")}
    return {**env, "TERRACUBE_DB_URL": f"sqlite:///{db}"}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM dataset").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.update(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _kill_during(db: Path, src: Path, threshold: int, delay: float) -> None:
    """SIGKILL the import ``delay`` seconds after the index holds ``threshold`` datasets, with
    its workers running; then the workers must end too."""
    args = [*_args(src), "--workers", "2", "--batch-size", str(BATCH), "--no-progress"]
    proc = subprocess.Popen(args, env=_env(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    while proc.poll() is None and (_count(db) < threshold or len(workers) < 2):
        workers |= _children(proc.pid)
        time.sleep(0.002)
    time.sleep(delay)
    if proc.poll() is not None:
        return  # it finished first
    workers |= _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(workers) >= 2 and not any(_alive(w) for w in workers), "worker processes outlived the import"


def _check(db: Path, items: list[dict[str, Any]]) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    idx = SQLiteIndex(db)
    try:
        present = {d.metadata_doc["properties"]["stac:id"] for d in idx.datasets.search(archived=None)}
        n = len(present)
        assert n % BATCH == 0 or n == len(items), f"{n} datasets: not whole batches of {BATCH}"
        assert present == {i["id"] for i in items[:n]}, "not the first batches in order"
        # every dataset's searchable rows are there
        assert idx.datasets.count(time=("2021-01-01", "2022-01-01")) == n
        assert idx.datasets.count(lon=(-180, 180), lat=(-90, 90)) == n
    finally:
        idx.close()
    check = subprocess.run(
        [*_args(db)[:3], "system", "check"], env=_env(db), capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    return n


def test_killed_stac_import_with_workers_leaves_whole_batches_and_resumes(
    tmp_path: Path, source: Path
) -> None:
    items = _items()
    db = tmp_path / "index.db"
    init = subprocess.run([*_args(db)[:3], "system", "init"], env=_env(db), capture_output=True, check=False)
    assert init.returncode == 0, init.stderr
    rng = random.Random(int(os.environ.get("TERRACUBE_CRASH_SEED", "16")))
    seen: list[int] = []
    held = 0
    for _ in range(KILLS):
        _kill_during(db, source, rng.randint(held, held + ITEMS // (2 * KILLS)), rng.uniform(0.0, 0.05))
        held = _check(db, items)
        seen.append(held)
    assert any(0 < n < ITEMS for n in seen), seen

    last = subprocess.run(
        [*_args(source), "--workers", "2", "--batch-size", str(BATCH), "--no-progress"],
        env=_env(db),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert last.returncode == 0, last.stderr
    assert f"Added {ITEMS - held}, skipped {held} already present, 0 failed." in last.stdout, last.stdout
    assert _check(db, items) == ITEMS
