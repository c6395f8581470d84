"""The conformance suite on the SQLite driver, plus what only SQLite has: files and plans."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import subprocess
import sys
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.index.sqlite import SQLiteIndex
from terracube.index.sqlite._sql import has_field_index
from terracube.index.testing import IndexTests, custom_metadata_type_doc, dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from terracube.index.abstract import AbstractIndex


class TestSQLiteIndex(IndexTests):
    @pytest.fixture
    def index(self, tmp_path: Path) -> Iterator[SQLiteIndex]:
        idx = SQLiteIndex(tmp_path / "index.db")
        idx.init_db()
        yield idx
        idx.close()

    def overwrite_stored_document(self, index: AbstractIndex, kind: str, name: str, text: str) -> bool:
        assert isinstance(index, SQLiteIndex)
        with index.transaction():
            index._conn().execute(f"UPDATE {kind} SET doc = ? WHERE name = ?", (text, name))
        index._catalog_changed()
        return True

    def field_indexes(self, index: AbstractIndex) -> set[str]:
        assert isinstance(index, SQLiteIndex)
        rows = index._conn().execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_field%'"
        )
        return {r[0] for r in rows}

    def drop_field_index(self, index: AbstractIndex, name: str) -> None:
        assert isinstance(index, SQLiteIndex)
        index._conn().execute(f'DROP INDEX "{name}"')


# --- query plans: every search reads an index ---------------------------------------------------

T0 = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
N = 2400


def _grid_docs(n: int) -> list[dict[str, Any]]:
    """Datasets on 1-degree boxes over Australia, one every 6 hours."""
    return [
        dataset_doc(
            "ls8",
            id=uuid.UUID(int=i + 1, version=4),
            time=(T0 + dt.timedelta(hours=6 * i)).isoformat(),
            lonlat=(113.0 + i % 40, -44.0 + (i // 40) % 34, 114.0 + i % 40, -43.0 + (i // 40) % 34),
            region_code=f"{i % 40:02d}{(i // 40) % 34:02d}",
        )
        for i in range(n)
    ]


@pytest.fixture(scope="module", params=[False, True], ids=["fresh", "analyzed"])
def grid(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteIndex]:
    """An index of a few thousand datasets, as added (no statistics) or after ANALYZE."""
    idx = SQLiteIndex(tmp_path_factory.mktemp("plans") / "index.db")
    idx.init_db()
    idx.products.add_document(product_doc("ls8"))
    idx.metadata_types.add_document(custom_metadata_type_doc())
    idx.products.add_document(product_doc("custom", metadata_type="eo3_custom"))
    idx.datasets.add_batch(idx.datasets.from_doc(d) for d in _grid_docs(N))
    custom = (
        dataset_doc(
            "custom", properties={"sat:absolute_orbit": i, "test:gsd_min": i % 50, "test:gsd_max": i % 50 + 5}
        )
        for i in range(N // 2)
    )
    idx.datasets.add_batch(idx.datasets.from_doc(d) for d in custom)
    if request.param:
        idx._conn().execute("ANALYZE")
    yield idx
    idx.close()


def _plans(idx: SQLiteIndex, call: Callable[[], object]) -> list[str]:
    """The query plan of each statement on datasets that ``call`` runs (SQL as run, values bound)."""
    conn = idx._conn()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    plans = [
        "\n".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT") and "FROM dataset" in sql
    ]
    assert plans, statements
    for plan in plans:
        scans = [line for line in plan.splitlines() if line.strip().startswith("SCAN")]
        # The only scan allowed is the R*Tree's, and only with constraints on its axes.
        assert all(re.fullmatch(r"SCAN r VIRTUAL TABLE INDEX \d+:\w+", s.strip()) for s in scans), plan
    return plans


@pytest.mark.parametrize(
    "query",
    [
        {
            "product": "ls8",
            "time": ("2020-03-01", "2020-03-10"),
            "lat": (-37.9, -37.5),
            "lon": (120.2, 120.8),
        },
        {"product": "ls8", "time": "2020-06"},
        {"product": "ls8", "lat": (-37.9, -37.5), "lon": (120.2, 120.8)},
        {"time": ("2020-03-01", "2020-03-10"), "lat": (-37.9, -37.5), "lon": (120.2, 120.8)},
        {"product": "ls8", "time": (None, "2020-01-03")},
    ],
    ids=["product-time-bbox", "product-time", "product-bbox", "time-bbox", "open-start"],
)
def test_time_and_space_read_the_rtree(grid: SQLiteIndex, query: dict[str, Any]) -> None:
    found = grid.datasets.search(**query, fetch_all=True)
    assert found
    calls: list[Callable[[], object]] = [
        lambda: list(grid.datasets.search(**query)),
        lambda: grid.datasets.count(**query),
        lambda: list(grid.datasets.search(**query, order_by=["-time"], limit=3)),
    ]
    for call in calls:
        for plan in _plans(grid, call):
            assert "SCAN r VIRTUAL TABLE" in plan, plan  # the R*Tree...
            assert "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan  # ...gives rows by ref
            assert "dataset_product_t0" not in plan, plan


def _field_value(field: Any) -> Any:
    """A selective query value for a field (a single value, then a range)."""
    return {"region_code": ["0503", ["0503", "0604"]], "orbit": [7, (5, 9)], "gsd": [12, (10, 12)]}[
        field.name
    ]


def test_indexed_fields_use_their_index(grid: SQLiteIndex) -> None:
    checked = 0
    cat = grid._catalog()
    for product in ("ls8", "custom"):
        mt = grid.products.get_by_name_unsafe(product).metadata_type
        for f in mt.search_fields.values():
            if not has_field_index(f):
                continue
            for value in _field_value(f):
                q = {"product": product, f.name: value}
                search = functools.partial(grid.datasets.search, fetch_all=True, **q)
                count = functools.partial(grid.datasets.count, **q)
                for call in (search, count):
                    for plan in _plans(grid, call):
                        assert f"USING INDEX ix_field_{cat.type_ids[mt.name]}_{f.name} " in plan, (q, plan)
                checked += 1
    assert checked == 8  # region_code of both types, the custom type's orbit and gsd; twice each
    # Without a product, each candidate product's query reads its type's index.
    plans = _plans(grid, lambda: list(grid.datasets.search(region_code="0503")))
    assert len(plans) == 2
    assert all("USING INDEX ix_field_" in p for p in plans)
    # Combined with a period: the field index, the R*Tree, or both; never a scan.
    _plans(grid, lambda: grid.datasets.count(product="ls8", region_code="0503", time="2020-02"))


def test_lookups_by_id_use_the_unique_index(grid: SQLiteIndex) -> None:
    some = [uuid.UUID(int=i, version=4) for i in (5, 50, 500)]
    calls: list[Callable[[], object]] = [
        lambda: grid.datasets.get_unsafe(some[0]),
        lambda: grid.datasets.get(some[0]),
        lambda: grid.datasets.has(some[0]),
        lambda: grid.datasets.bulk_has(some),
        lambda: list(grid.datasets.bulk_get(some)),
        lambda: grid.datasets.get_location(some[1]),
    ]
    for call in calls:
        for plan in _plans(grid, call):
            assert re.search(
                r"SEARCH (d|dataset) USING (COVERING )?INDEX sqlite_autoindex_dataset_1 \(id=\?\)", plan
            )


# --- persistence ------------------------------------------------------------------------------------


def test_contents_persist_and_rolled_back_writes_do_not(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    idx = SQLiteIndex(path)
    idx.init_db()
    idx.products.add_document(product_doc("ls8"))
    external = uuid.uuid4()
    keep = idx.datasets.add(
        idx.datasets.from_doc(dataset_doc("ls8", lineage={"l1": [str(external)]}), uri="file:///k.yaml")
    )
    gone = idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8", time="2021-01-01")))
    idx.datasets.archive([gone.id])
    idx.lineage.set_home("elsewhere", external)
    rolled_back = idx.datasets.from_doc(dataset_doc("ls8", time="2022-01-01"))

    def fail_midway() -> None:
        with idx.transaction():
            idx.products.add_document(product_doc("s2"))
            idx.datasets.add(rolled_back)
            idx.datasets.archive([keep.id])
            idx.lineage.set_home("other", keep.id)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        fail_midway()
    # Another connection to the file sees committed writes only, and only once committed.
    other = SQLiteIndex(path)
    pending = idx.datasets.from_doc(dataset_doc("ls8", time="2023-01-01"))
    with idx.transaction():
        idx.datasets.add(pending)
        assert idx.datasets.has(pending.id)
        assert not other.datasets.has(pending.id)
    assert other.datasets.has(pending.id)
    idx.close()
    other.close()

    again = SQLiteIndex(path)  # no init_db: the file holds it all
    got = again.datasets.get_unsafe(keep.id)
    assert got == keep
    assert (got.uri, got.indexed_time, got.is_active) == ("file:///k.yaml", keep.indexed_time, True)
    assert again.datasets.get_unsafe(gone.id).is_archived
    assert [p.name for p in again.products.get_all()] == ["ls8"]
    assert not again.datasets.has(rolled_back.id)
    assert again.datasets.has(pending.id)
    assert again.datasets.count(product="ls8", archived=None) == 3
    assert again.datasets.count(product="ls8", time="2020", lat=(-35.5, -35.4), lon=(149.5, 149.6)) == 1
    assert again.lineage.get_source_tree(keep.id).child_datasets() == {external}
    assert again.lineage.get_homes(external, keep.id) == {external: "elsewhere"}
    again.close()


def test_a_process_dying_mid_transaction_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    idx = SQLiteIndex(path)
    idx.init_db()
    idx.products.add_document(product_doc("ls8"))
    idx.close()
    script = f"""
import os
from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import dataset_doc
idx = SQLiteIndex({str(path)!r})
with idx.transaction():
    idx.datasets.add_batch((idx.datasets.from_doc(dataset_doc("ls8")) for _ in range(50)), batch_size=7)
    assert idx.datasets.count() == 50
    os._exit(3)  # no commit, no rollback, no close
"""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 3, done.stderr
    again = SQLiteIndex(path)
    assert again.datasets.count(archived=None) == 0
    assert [p.name for p in again.products.get_all()] == ["ls8"]
    again.close()
