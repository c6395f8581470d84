"""SQLite schema versions: an index made at an older version upgrades with init_db."""

from __future__ import annotations

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
