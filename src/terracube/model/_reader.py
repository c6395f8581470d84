"""``Dataset.metadata``: a dataset's fields by attribute, as ODC's document reader gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.model.fields import get_path

if TYPE_CHECKING:
    from collections.abc import Mapping

    from terracube.model.dataset import Dataset

__all__ = ["DatasetMetadata"]


class DatasetMetadata:
    """Read-only view of a dataset's metadata: ``ds.metadata.cloud_cover``, ``ds.metadata.search_fields``.

    Attribute names are the search fields of the dataset's metadata type (``time``, ``lat``,
    ``lon``, ``platform``, ``cloud_cover``...), each its value (a
    :class:`~terracube.model.Range` for a range field) or None when the document has none,
    and the metadata type's standard sections (``id``, ``label``, ``creation_dt``,
    ``format``, ``measurements``, ``sources``, ``grid_spatial``), each the document's value at
    its offset as written. Any other name is an AttributeError naming the fields there are.
    """

    __slots__ = ("_dataset",)

    _dataset: Dataset

    def __init__(self, dataset: Dataset) -> None:
        object.__setattr__(self, "_dataset", dataset)

    @property
    def search_fields(self) -> dict[str, Any]:
        """Search field name -> value, None where the document has none (a copy)."""
        values = self._dataset.search_values()
        return {name: values.get(name) for name in self._dataset.metadata_type.search_fields}

    @property
    def system_fields(self) -> dict[str, Any]:
        """The standard sections (``id``, ``label``, ``creation_dt``, ``format``...) as written (a copy)."""
        doc = self._dataset._doc
        return {
            name: get_path(doc, offset)
            for name, offset in self._dataset.metadata_type.dataset_offsets.items()
        }

    @property
    def fields(self) -> dict[str, Any]:
        """Every field: the standard sections, then the search fields (a copy)."""
        return {**self.system_fields, **self.search_fields}

    @property
    def doc(self) -> Mapping[str, Any]:
        """The dataset document."""
        return self._dataset._doc

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        ds = self._dataset
        mt = ds.metadata_type
        if name in mt.search_fields:
            return ds.search_values().get(name)
        offset = mt.dataset_offsets.get(name)
        if offset is not None:
            return get_path(ds._doc, offset)
        raise AttributeError(
            f"dataset {str(ds.id)!r} (metadata type {mt.name!r}) has no field {name!r}; "
            f"its fields are {sorted({*mt.search_fields, *mt.dataset_offsets})}"
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a dataset's fields are read-only; build a new dataset to change {name!r}")

    def __dir__(self) -> list[str]:
        mt = self._dataset.metadata_type
        return sorted({*super().__dir__(), *mt.search_fields, *mt.dataset_offsets})

    def __repr__(self) -> str:
        return f"DatasetMetadata({self.fields!r})"
