"""``terracube dataset add`` and lineage: recorded by default, checked where sources are known."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.index.sqlite import SQLiteIndex
from terracube.model import LineageRelation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from click.testing import Result

DsDoc = Any  # the ds_doc fixture: Callable[..., dict]
EXTERNAL = uuid.UUID("00000000-0000-4000-8000-00000000e0e0")


def ds_id(n: int) -> uuid.UUID:
    return uuid.UUID(int=n + 1)


@pytest.fixture
def index(db_path: Path, with_product: str) -> Iterator[SQLiteIndex]:
    idx = SQLiteIndex(db_path)
    yield idx
    idx.close()


def _sources(index: SQLiteIndex, n: int) -> dict[str, list[uuid.UUID]]:
    tree = index.lineage.get_source_tree(ds_id(n), max_depth=1)
    return {c: [k.dataset_id for k in kids] for c, kids in (tree.children or {}).items()}


def test_lineage_recorded_by_default_with_external_sources(
    run: Callable[..., Result],
    index: SQLiteIndex,
    docs: Path,
    write_yaml: Callable[..., Path],
    ds_doc: DsDoc,
) -> None:
    # The derived dataset comes first in the file: order within a run does not matter.
    derived = ds_doc(1, lineage={"level1": [str(ds_id(0))], "dem": [str(EXTERNAL)]})
    write_yaml(docs / "all.yaml", derived, ds_doc(0))
    out = run("dataset", "add", str(docs / "all.yaml")).stdout
    assert out == (
        "Added 2, skipped 0 already present, 0 failed. "
        "Recorded 2 lineage relations (1 with sources outside this index).\n"
    )
    assert _sources(index, 1) == {"dem": [EXTERNAL], "level1": [ds_id(0)]}
    assert index.lineage.get_derived_tree(EXTERNAL).child_datasets() == {ds_id(1)}
    assert not index.datasets.has(EXTERNAL)


def test_ignore_lineage_then_add_again_with_it(
    run: Callable[..., Result],
    index: SQLiteIndex,
    docs: Path,
    write_yaml: Callable[..., Path],
    ds_doc: DsDoc,
) -> None:
    path = write_yaml(docs / "d.yaml", ds_doc(1, lineage={"level1": [str(EXTERNAL)]}))
    out = run("dataset", "add", "--ignore-lineage", str(path)).stdout
    assert out == "Added 1, skipped 0 already present, 0 failed.\n"
    assert list(index.lineage.get_all_lineage()) == []
    # Adding the same document again with lineage records what the first run left out.
    out = run("dataset", "add", "--with-lineage", str(path)).stdout
    assert out == (
        "Added 0, skipped 1 already present, 0 failed. "
        "Recorded 1 lineage relation (1 with sources outside this index).\n"
    )
    assert list(index.lineage.get_all_lineage()) == [LineageRelation("level1", EXTERNAL, ds_id(1))]


def test_cycles_and_conflicts_fail_their_document_only(
    run: Callable[..., Result],
    index: SQLiteIndex,
    docs: Path,
    write_yaml: Callable[..., Path],
    ds_doc: DsDoc,
) -> None:
    run("dataset", "add", str(write_yaml(docs / "a.yaml", ds_doc(1, lineage={"level1": [str(ds_id(0))]}))))
    index.lineage.merge([LineageRelation("ard", ds_id(5), ds_id(6))])
    write_yaml(docs / "b" / "cycle.yaml", ds_doc(0, lineage={"level1": [str(ds_id(1))]}))
    write_yaml(docs / "b" / "self.yaml", ds_doc(3, lineage={"level1": [str(ds_id(3))]}))
    write_yaml(docs / "b" / "conflict.yaml", ds_doc(6, lineage={"level1": [str(ds_id(5))]}))
    write_yaml(docs / "b" / "fine.yaml", ds_doc(4, lineage={"level1": [str(ds_id(1))]}))
    result = run("dataset", "add", "--batch-size", "10", str(docs / "b"), code=1)
    assert result.stdout == (
        "Added 1, skipped 0 already present, 3 failed. "
        "Recorded 1 lineage relation (0 with sources outside this index).\n"
    )
    assert "cycle.yaml" in result.stderr and "cycle" in result.stderr
    assert "self.yaml" in result.stderr and "cannot be its own source" in result.stderr
    assert "conflict.yaml" in result.stderr and "'ard' -> 'level1'" in result.stderr
    assert [index.datasets.has(ds_id(n)) for n in (0, 3, 4, 6)] == [False, False, True, False]
    assert _sources(index, 4) == {"level1": [ds_id(1)]}
    assert _sources(index, 6) == {"ard": [ds_id(5)]}
    assert _sources(index, 0) == {}


def test_dry_run_checks_lineage_and_writes_nothing(
    run: Callable[..., Result],
    index: SQLiteIndex,
    docs: Path,
    write_yaml: Callable[..., Path],
    ds_doc: DsDoc,
) -> None:
    run("dataset", "add", str(write_yaml(docs / "a.yaml", ds_doc(1, lineage={"level1": [str(ds_id(0))]}))))
    write_yaml(docs / "b" / "cycle.yaml", ds_doc(0, lineage={"level1": [str(ds_id(1))]}))
    write_yaml(docs / "b" / "fine.yaml", ds_doc(2, lineage={"level1": [str(ds_id(1))]}))
    result = run("dataset", "add", "--dry-run", str(docs / "b"), code=1)
    assert result.stdout == (
        "Dry run: 1 would be added, 0 already present, 1 failed; nothing was written. "
        "Checked 1 lineage relation (0 with sources outside this index).\n"
    )
    assert "cycle.yaml" in result.stderr
    assert not index.datasets.has(ds_id(2))
    assert list(index.lineage.get_all_lineage()) == [LineageRelation("level1", ds_id(0), ds_id(1))]
