"""``terracube.index`` re-exports the index API and the query types, and only those."""

from __future__ import annotations

import terracube.index as index_pkg
from terracube.index import abstract, query


def test_exports_abstract_api_and_query_types() -> None:
    assert set(index_pkg.__all__) == set(abstract.__all__) | set(query.__all__)
    assert index_pkg.AbstractIndex is abstract.AbstractIndex
    assert index_pkg.parse_time is query.parse_time


def test_all_is_sorted_and_resolves() -> None:
    assert index_pkg.__all__ == sorted(index_pkg.__all__, key=lambda n: (not n.isupper(), n))
    for name in index_pkg.__all__:
        assert getattr(index_pkg, name) is not None
