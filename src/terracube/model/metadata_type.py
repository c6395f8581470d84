"""`MetadataType`: what a family of dataset documents looks like and which fields are searchable."""

from __future__ import annotations

import copy
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError
from terracube.model._docs import check_schema, doc_json, jsonify
from terracube.model._storable import check_storable
from terracube.model.fields import Field, NativeField, Offset, SearchField, compile_extractor

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["RESERVED_FIELD_NAMES", "MetadataType", "default_metadata_types", "eo3_metadata_type"]

#: Query keywords with a meaning of their own; a search field may not take these names.
RESERVED_FIELD_NAMES: Final = frozenset(
    {"product", "id", "geopolygon", "x", "y", "crs", "archived", "limit", "like", "uri"}
)

_NAME = r"^\w+$"
_OFFSET = {"type": "array", "minItems": 1, "items": {"type": ["string", "integer"]}}
_OFFSETS = {"oneOf": [_OFFSET, {"type": "array", "minItems": 1, "items": _OFFSET}]}

# The metadata type document rules are ODC's: the same required sections and no other keys, so a
# document this accepts is one ODC accepts (offsets may also hold integers and alternatives).
_SCHEMA: Final = {
    "type": "object",
    "required": ["name", "description", "dataset"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": _NAME},
        "description": {"type": "string"},
        "dataset": {
            "type": "object",
            "required": ["id", "creation_dt", "label", "sources", "search_fields"],
            "additionalProperties": False,
            "properties": {
                "id": _OFFSET,
                "sources": _OFFSET,
                "grid_spatial": _OFFSET,
                "measurements": _OFFSET,
                "creation_dt": _OFFSET,
                "label": _OFFSET,
                "format": _OFFSET,
                "search_fields": {
                    "type": "object",
                    "propertyNames": {"pattern": r"^[a-z_][a-z0-9_]*$"},
                    "additionalProperties": {
                        "type": "object",
                        "properties": {
                            "description": {"type": "string"},
                            "type": {"type": "string"},
                            "offset": _OFFSETS,
                            "min_offset": _OFFSETS,
                            "max_offset": _OFFSETS,
                            "indexed": {"type": "boolean"},
                        },
                        "additionalProperties": False,
                    },
                },
            },
        },
    },
}

#: Where the standard dataset sections live when a metadata type does not say.
_DEFAULT_OFFSETS: Final[dict[str, Offset]] = {
    "id": ("id",),
    "sources": ("lineage", "source_datasets"),
    "grid_spatial": ("grid_spatial", "projection"),
    "measurements": ("measurements",),
    "creation_dt": ("properties", "odc:processing_datetime"),
    "label": ("label",),
    "format": ("properties", "odc:file_format"),
}


#: Fields every dataset has, kept by the index.
_INDEX_FIELDS: Final = {
    "id": "Dataset UUID",
    "product": "Product name",
    "metadata_type": "Metadata type name",
    "uri": "Dataset location",
    "indexed_time": "When the dataset was added to the index",
    "archived_time": "When the dataset was archived (none while active)",
    "metadata_doc": "The whole dataset document",
}
#: Fields every dataset has, read at a standard offset: (offset name, description).
_DOCUMENT_FIELDS: Final = {
    "creation_time": ("creation_dt", "When the dataset was processed"),
    "format": ("format", "File format of the data"),
    "label": ("label", "The dataset's label"),
}


class MetadataType:
    """A validated metadata type document.

    A value: immutable, compared and hashed by its document. Build one with
    :meth:`from_doc`; an index hands them out from ``index.metadata_types``.
    """

    __slots__ = (
        "_dataset_fields",
        "_doc",
        "_extract",
        "_fields",
        "_hash",
        "_id",
        "_offsets",
        "_reads_extent",
    )

    _doc: dict[str, Any]
    _fields: Mapping[str, SearchField]
    _dataset_fields: Mapping[str, Field]
    _id: int | None
    _offsets: Mapping[str, Offset]
    _hash: int
    _extract: Callable[[Mapping[str, Any]], dict[str, Any]]
    _reads_extent: bool

    def __init__(self, definition: Mapping[str, Any], *, where: str = "", validate: bool = True) -> None:
        doc: dict[str, Any] = jsonify(definition)
        where = where or f"metadata type {doc.get('name')!r}"
        if validate:
            check_schema(doc, _SCHEMA, kind="metadata type", where=where)
        ds = doc["dataset"]
        fields = {}
        for name, fdoc in ds["search_fields"].items():
            if name in RESERVED_FIELD_NAMES:
                raise DocumentError(
                    f"invalid metadata type document {where}: search field {name!r} uses a "
                    f"reserved query keyword; rename it (reserved: {sorted(RESERVED_FIELD_NAMES)})",
                    field=f"dataset.search_fields.{name}",
                    value=name,
                    doc=where,
                )
            fields[name] = SearchField.from_doc(name, fdoc, where=where)
        self._doc = doc
        self._fields = MappingProxyType(fields)
        self._offsets = MappingProxyType(
            {k: tuple(ds[k]) if k in ds else v for k, v in _DEFAULT_OFFSETS.items()}
        )
        self._dataset_fields = MappingProxyType(
            {
                **{n: NativeField(n, d) for n, d in _INDEX_FIELDS.items()},
                **{n: NativeField(n, d, self._offsets[k]) for n, (k, d) in _DOCUMENT_FIELDS.items()},
                **fields,
            }
        )
        self._id = None
        self._hash = hash((doc["name"], repr(sorted(fields))))
        self._extract = compile_extractor(fields)
        self._reads_extent = any(
            p and p[0] == "extent"
            for f in fields.values()
            for p in (*f.offsets, *f.min_offsets, *f.max_offsets)
        )

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], *, where: str = "", validate: bool = True) -> MetadataType:
        """Validate a metadata type document and wrap it.

        Parameters
        ----------
        doc
            The document, as read from YAML or JSON.
        where
            Names the document in error messages (a file URI, say).
        validate
            Check the document against the metadata type JSON schema (default). An index reading
            back a document it validated when it was added passes ``False``, which skips
            importing jsonschema; the search-field checks still run.

        Raises
        ------
        DocumentError
            The document is invalid; the message names the field, value and document.
        """
        if validate:
            check_storable(
                doc, kind="metadata type", where=where or f"metadata type {doc.get('name')!r}", finite=False
            )
        return cls(doc, where=where, validate=validate)

    @property
    def name(self) -> str:
        """The metadata type's name, e.g. ``eo3``."""
        return str(self._doc["name"])

    @property
    def description(self) -> str:
        """Its description."""
        return str(self._doc.get("description", ""))

    @property
    def definition(self) -> dict[str, Any]:
        """A copy of the document."""
        return copy.deepcopy(self._doc)

    def to_json(self) -> bytes:
        """The document as compact JSON bytes (what index drivers store)."""
        return doc_json(self._doc)

    @property
    def search_fields(self) -> Mapping[str, SearchField]:
        """Search fields by name."""
        return self._fields

    @property
    def dataset_fields(self) -> Mapping[str, Field]:
        """Every field of its datasets by name: the index's own (``id``, ``product``, ``uri``,
        ``indexed_time``...), those at standard offsets (``creation_time``, ``format``,
        ``label``) and the search fields, which come last and take precedence.

        What ``search_returning`` returns and ``order_by`` sorts by; the search fields are
        also what a search can test.
        """
        return self._dataset_fields

    @property
    def id(self) -> int | None:
        """The metadata type's id in the index it came from; None for one built from a document."""
        return self._id

    @property
    def reads_extent(self) -> bool:
        """Whether a search field reads ``extent``: the lon/lat extent an index derives.

        eo3 documents do not write it; see :meth:`Dataset.search_doc`.
        """
        return self._reads_extent

    def search_values(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        """The value of every search field present in ``doc`` (absent ones left out).

        The same as each field's :meth:`~terracube.model.SearchField.extract`, read by
        extractors compiled once for this metadata type.

        Raises
        ------
        DocumentError
            A field's value cannot be read as its declared type.
        """
        return self._extract(doc)

    @property
    def dataset_offsets(self) -> Mapping[str, Offset]:
        """Where standard sections (id, sources, creation_dt, label, format...) live in a dataset."""
        return self._offsets

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MetadataType) and self._doc == other._doc

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"MetadataType(name={self.name!r}, fields={sorted(self._fields)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (MetadataType, (self._doc,), self._id))

    def _with_index_id(self, id_: int | None) -> MetadataType:
        """The same metadata type carrying the id an index gives it (for index drivers)."""
        out = object.__new__(MetadataType)
        for name in MetadataType.__slots__:
            setattr(out, name, getattr(self, name))
        out._id = id_
        return out


def _restore(cls: Any, args: tuple[Any, ...], id_: int | None) -> Any:
    """Unpickle a metadata type or product with its index id."""
    out = cls(*args)
    out._id = id_
    return out


@cache
def _builtin(name: str) -> MetadataType:
    import yaml

    from terracube.model._docs import _loader

    text = resources.files("terracube.model").joinpath(f"builtin/{name}.yaml").read_text("utf-8")
    return MetadataType.from_doc(yaml.load(text, Loader=_loader()), where=f"built-in {name}")


def eo3_metadata_type() -> MetadataType:
    """The built-in ``eo3`` metadata type."""
    return _builtin("eo3")


def default_metadata_types() -> tuple[MetadataType, ...]:
    """The metadata types a new index starts with: ``eo3``, and the legacy ``eo`` and ``telemetry``.

    The legacy two are there because products of existing deployments name them without
    shipping them; their datasets are read as eo3 documents.
    """
    return (_builtin("eo3"), _builtin("eo"), _builtin("telemetry"))
