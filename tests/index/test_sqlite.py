"""The conformance suite on the SQLite driver, plus what only SQLite has: files and plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import IndexTests

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class TestSQLiteIndex(IndexTests):
    @pytest.fixture
    def index(self, tmp_path: Path) -> Iterator[SQLiteIndex]:
        idx = SQLiteIndex(tmp_path / "index.db")
        idx.init_db()
        yield idx
        idx.close()
