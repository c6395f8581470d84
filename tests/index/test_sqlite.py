"""The conformance suite on the SQLite driver, plus what only SQLite has: files and plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import IndexTests

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from terracube.index.abstract import AbstractIndex


class TestSQLiteIndex(IndexTests):
    @pytest.fixture
    def index(self, tmp_path: Path) -> Iterator[SQLiteIndex]:
        idx = SQLiteIndex(tmp_path / "index.db")
        idx.init_db()
        yield idx
        idx.close()

    def field_indexes(self, index: AbstractIndex) -> set[str]:
        assert isinstance(index, SQLiteIndex)
        rows = index._conn().execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_field%'"
        )
        return {r[0] for r in rows}

    def drop_field_index(self, index: AbstractIndex, name: str) -> None:
        assert isinstance(index, SQLiteIndex)
        index._conn().execute(f'DROP INDEX "{name}"')
