"""The conformance suite on the PostGIS driver, each test on a new database."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from terracube.index.postgis import PostgisIndex
from terracube.index.testing import IndexTests

if TYPE_CHECKING:
    from collections.abc import Iterator

    from terracube.index.abstract import AbstractIndex


class TestPostgisIndex(IndexTests):
    @pytest.fixture
    def index(self, pg_url: str) -> Iterator[PostgisIndex]:
        idx = PostgisIndex(pg_url)
        yield idx
        idx.close()

    def overwrite_stored_document(self, index: AbstractIndex, kind: str, name: str, text: str) -> bool:
        assert isinstance(index, PostgisIndex)
        index._db.run(f"UPDATE {kind} SET doc = %s::jsonb WHERE name = %s", (text, name))
        index._catalog_changed()
        return True

    def field_indexes(self, index: AbstractIndex) -> set[str]:
        assert isinstance(index, PostgisIndex)
        rows = index._db.run(
            "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = 'dataset' "
            "AND indexname LIKE 'ix\\_%%'",
            (index.schema,),
        )
        return {r[0] for r in rows}

    def drop_field_index(self, index: AbstractIndex, name: str) -> None:
        assert isinstance(index, PostgisIndex)
        index._db.run(f'DROP INDEX "{name}"')
