"""The index conformance suite and document factories, shipped for third-party drivers.

A driver's test module::

    import pytest
    from terracube.index.testing import IndexTests

    class TestMyIndex(IndexTests):
        @pytest.fixture
        def index(self, tmp_path):
            idx = MyIndex.open(tmp_path / "x")
            idx.init_db()
            yield idx
            idx.close()
"""

from __future__ import annotations

from terracube.index.testing._documents import (
    box_geometry,
    custom_metadata_type_doc,
    dataset_doc,
    product_doc,
)
from terracube.index.testing._suite import IndexTests, ids_of

__all__ = [
    "IndexTests",
    "box_geometry",
    "custom_metadata_type_doc",
    "dataset_doc",
    "ids_of",
    "product_doc",
]
