"""The lineage resource: the relations between datasets and their sources.

Lineage itself arrives with its own issue; until a driver supports it, every method refuses
with an :class:`~terracube.errors.UnsupportedError` naming ``supports_lineage``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.index._flags import refuse

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex

__all__ = ["AbstractLineageResource", "NoLineageResource"]


class AbstractLineageResource:
    """``index.lineage``: source and derived trees of datasets."""

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index

    def _refuse(self, what: str) -> Any:
        refuse(self._index.driver_name, "supports_lineage", what)

    def get_source_tree(self, id_: Any, max_depth: int = 0) -> Any:
        """The tree of datasets this dataset was derived from."""
        return self._refuse("read lineage")

    def get_derived_tree(self, id_: Any, max_depth: int = 0) -> Any:
        """The tree of datasets derived from this dataset."""
        return self._refuse("read lineage")

    def add(self, tree: Any, max_depth: int = 0, allow_updates: bool = False) -> None:
        """Record the relations of a lineage tree."""
        self._refuse("record lineage")

    def merge(self, rels: Any, allow_updates: bool = False, validate_only: bool = False) -> None:
        """Record a set of lineage relations."""
        self._refuse("record lineage")

    def remove(self, id_: Any, direction: Any, max_depth: int = 0) -> None:
        """Remove lineage relations around a dataset."""
        self._refuse("remove lineage")

    def get_all_lineage(self, batch_size: int = 1000) -> Any:
        """Every lineage relation, in batches."""
        return self._refuse("read lineage")


class NoLineageResource(AbstractLineageResource):
    """The lineage resource of a driver without lineage support."""
