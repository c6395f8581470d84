"""SQLite schema versions: an index made at an older version upgrades with init_db."""

from __future__ import annotations

import sqlite3
import uuid
from typing import TYPE_CHECKING

import pytest

from terracube.errors import IndexNotInitialisedError
from terracube.index.sqlite import SQLiteIndex
from terracube.index.sqlite._schema import SCHEMA_VERSION, create_or_upgrade, schema_version
from terracube.index.testing import dataset_doc, product_doc
from terracube.model import LineageRelation

if TYPE_CHECKING:
    from pathlib import Path


def test_uninitialised_index_refuses_clearly(tmp_path: Path) -> None:
    idx = SQLiteIndex(tmp_path / "empty.db")
    with pytest.raises(IndexNotInitialisedError, match="terracube system init"):
        idx.products.get_by_name("x")


def test_upgrade_from_version_1(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty file: only init_db would create one
    old = SQLiteIndex(path)
    with old.transaction():
        create_or_upgrade(old._conn(), target=1)
    old._schema_ok = True
    old._add_default_types()
    old.products.add_document(product_doc("p"))
    ds = old.datasets.add(old.datasets.from_doc(dataset_doc("p")), with_lineage=False)
    assert schema_version(old._conn()) == 1
    old.close()

    idx = SQLiteIndex(path)
    with pytest.raises(IndexNotInitialisedError, match="schema version 1"):
        idx.datasets.count()
    assert idx.init_db() is False
    assert schema_version(idx._conn()) == SCHEMA_VERSION
    assert idx.datasets.get_unsafe(ds.id) == ds
    idx.lineage.merge([LineageRelation("ard", ds.id, ds.id.__class__(int=5, version=4))])
    assert len(list(idx.lineage.get_all_lineage())) == 1
    idx.close()


def test_upgrade_from_version_2_keeps_lineage_and_covers_derived_trees(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    sqlite3.connect(path).close()  # an empty file: only init_db would create one
    old = SQLiteIndex(path)
    with old.transaction():
        create_or_upgrade(old._conn(), target=2)
    old._schema_ok = True
    old._add_default_types()
    a, b, c = (uuid.UUID(int=0xABC0000 + i, version=4) for i in range(3))
    old.lineage.merge([LineageRelation("x", a, b), LineageRelation("y", b, c)])
    old.lineage.set_home("remote", a)
    before = old.lineage.get_derived_tree(a)
    assert schema_version(old._conn()) == 2
    old.close()

    idx = SQLiteIndex(path)
    assert idx.init_db() is False
    assert schema_version(idx._conn()) == SCHEMA_VERSION
    names = {r[0] for r in idx._conn().execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "dataset_lineage_by_source" in names
    assert "dataset_lineage_source" not in names
    plan = " ".join(
        str(r[-1])
        for r in idx._conn().execute(
            "EXPLAIN QUERY PLAN SELECT classifier, source_id, derived_id FROM dataset_lineage WHERE source_id IN (?)",
            (a.bytes,),
        )
    )
    assert "COVERING INDEX dataset_lineage_by_source" in plan
    assert idx.lineage.get_derived_tree(a) == before
    assert idx.lineage.get_source_tree(c).child_datasets() == {a, b}
    idx.close()
