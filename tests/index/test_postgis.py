"""The conformance suite on the PostGIS driver, each test on a new database."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from terracube.index.postgis import PostgisIndex
from terracube.index.testing import IndexTests

if TYPE_CHECKING:
    from collections.abc import Iterator


class TestPostgisIndex(IndexTests):
    @pytest.fixture
    def index(self, pg_url: str) -> Iterator[PostgisIndex]:
        idx = PostgisIndex(pg_url)
        yield idx
        idx.close()
