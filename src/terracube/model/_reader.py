"""``Dataset.metadata``: a dataset's search field values by attribute, as ODC's document reader gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DatasetMetadata"]


class DatasetMetadata:
    """Read-only view of a dataset's metadata: ``ds.metadata.cloud_cover``, ``ds.metadata.search_fields``.

    Attribute names are the search fields of the dataset's metadata type (``time``, ``lat``,
    ``lon``, ``platform``, ``cloud_cover``...) and ODC's system fields (``id``, ``label``,
    ``creation_dt``, ``format``); a field the document lacks is None.
    """

    __slots__ = ("_doc", "_search", "_system")

    def __init__(self, search: Mapping[str, Any], system: Mapping[str, Any], doc: Mapping[str, Any]) -> None:
        self._search = dict(search)
        self._system = dict(system)
        self._doc = doc

    @property
    def search_fields(self) -> dict[str, Any]:
        """Search field name -> value (a copy)."""
        return dict(self._search)

    @property
    def system_fields(self) -> dict[str, Any]:
        """``id``, ``label``, ``creation_dt`` and ``format`` (a copy)."""
        return dict(self._system)

    @property
    def fields(self) -> dict[str, Any]:
        """Every field: the system fields, then the search fields (a copy)."""
        return {**self._system, **self._search}

    @property
    def doc(self) -> Mapping[str, Any]:
        """The dataset document."""
        return self._doc

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._search:
            return self._search[name]
        if name in self._system:
            return self._system[name]
        raise AttributeError(f"dataset metadata has no field {name!r}; fields: {sorted(self.fields)}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._search, *self._system})

    def __repr__(self) -> str:
        return f"DatasetMetadata({self.fields!r})"
