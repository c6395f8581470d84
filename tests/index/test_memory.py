"""The conformance suite on the memory driver."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from terracube.index.memory import MemoryIndex
from terracube.index.testing import IndexTests

if TYPE_CHECKING:
    from collections.abc import Iterator


class TestMemoryIndex(IndexTests):
    @pytest.fixture
    def index(self) -> Iterator[MemoryIndex]:
        idx = MemoryIndex()
        idx.init_db()
        yield idx
        idx.close()
