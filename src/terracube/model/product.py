"""`Product` and `Measurement`: a family of datasets sharing bands and a metadata type."""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError
from terracube.model._docs import check_schema, doc_json, jsonify
from terracube.model._storable import check_storable
from terracube.model.metadata_type import MetadataType, _restore

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

__all__ = ["Measurement", "Product"]

_DTYPES: Final = (
    "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
    "float16", "float32", "float64", "complex64", "complex128",
)  # fmt: skip

#: Spellings of a non-finite nodata: ODC's (NaN, Inf, -Inf), lower case, and the Infinity that
#: ODC's own databases hold.
_NON_FINITE_NODATA: Final = ("NaN", "nan", "NAN", "Inf", "inf", "-Inf", "-inf", "Infinity", "-Infinity")

# The product document rules are ODC's: the same required fields, the same keys and no others
# (a misspelt key is an error, not a silently ignored section).
_MEASUREMENT_SCHEMA: Final = {
    "type": "object",
    "required": ["name", "dtype", "nodata", "units"],
    "properties": {
        "name": {"type": "string", "pattern": r"^\w+$"},
        "dtype": {"enum": list(_DTYPES)},
        "nodata": {"oneOf": [{"type": "number"}, {"enum": list(_NON_FINITE_NODATA)}]},
        "units": {"type": "string"},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "flags_definition": {
            "type": "object",
            # As ODC's: an entry that is a mapping needs bits and values; other entries (notes
            # such as ``back-transformation: x/100``) pass.
            "additionalProperties": {
                "required": ["bits", "values"],
                "properties": {
                    "bits": {"type": ["number", "array"]},
                    "values": {"type": "object"},
                    "description": {"type": "string"},
                },
            },
        },
        "spectral_definition": {"type": ["object", "array"]},
        "scale_factor": {"type": "number"},
        "add_offset": {"type": "number"},
        "extra_dim": {"type": "string"},
        "dims": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}

_PRODUCT_SCHEMA: Final = {
    "type": "object",
    "required": ["name", "description", "metadata_type", "metadata"],
    "properties": {
        "name": {"type": "string", "pattern": r"^\w+$"},
        "description": {"type": "string"},
        "license": {"type": "string", "pattern": r"^[\w\-.+]+$"},
        "metadata_type": {"oneOf": [{"type": "string"}, {"type": "object"}]},
        "metadata": {"type": "object"},
        "measurements": {"type": "array", "items": _MEASUREMENT_SCHEMA},
        "extra_dimensions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "values", "dtype"],
                "properties": {
                    "name": {"type": "string"},
                    "values": {"type": "array", "items": {"type": "number"}},
                    "dtype": {"enum": list(_DTYPES)},
                    "units": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
        "storage": {
            "type": "object",
            "properties": {
                "chunking": {"type": "object"},
                "crs": {"type": "string"},
                "dimension_order": {"type": "array"},
                "resolution": {"type": "object"},
                "tile_size": {"type": "object"},
                "origin": {"type": "object"},
                "driver": {"type": "string"},
            },
            "additionalProperties": False,
        },
        "load": {
            "type": "object",
            "required": ["crs", "resolution"],
            "properties": {
                "crs": {"type": "string"},
                "resolution": {"type": "object"},
                "align": {"type": "object"},
            },
            "additionalProperties": False,
        },
        "managed": {"type": "boolean"},
    },
    # Sections some users keep for YAML anchors (``default_allowances: &x``).
    "patternProperties": {r"default_\w+": {"type": "object"}},
    "additionalProperties": False,
}


def _same_bits(value: int, dtype: Any) -> int | None:
    """``value`` as a pixel of integer ``dtype`` holds its bits, or None when it has too many bits.

    Products in use give a signed band an unsigned nodata of the same width (255 for ``int8``)
    or the reverse (-1 for ``uint16``), and ODC accepts them: the band's files hold those bits,
    which the band's type reads as -1 (or 65535). A value that fits is returned unchanged; one
    that fits neither the signed nor the unsigned type of the band's width gives None.
    """
    import numpy as np

    info = np.iinfo(dtype)
    if info.min <= value <= info.max:
        return value
    bits = info.bits
    if not -(1 << (bits - 1)) <= value < (1 << bits):
        return None
    value &= (1 << bits) - 1
    return value - (1 << bits) if value > info.max else value


@dataclass(frozen=True, slots=True)
class Measurement:
    """One band of a product.

    Read as attributes (``band.nodata``) or, as ODC's measurements (dicts) were read, as the
    keys of its document: ``band["nodata"]``, ``band.get("flags_definition")``, ``dict(band)``.
    """

    name: str
    """Band name."""
    dtype: str
    """numpy dtype name, e.g. ``int16``."""
    nodata: float | int
    """Value marking missing data (may be NaN for floats)."""
    units: str
    """Units of the values, e.g. ``1`` or ``K``."""
    aliases: tuple[str, ...] = ()
    """Other names the band answers to."""
    flags_definition: Mapping[str, Any] | None = field(default=None, hash=False)
    """Bit flags of a mask band, as in the product document."""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """Every other key of the measurement's document (spectral_definition, scale_factor...)."""

    def __eq__(self, other: object) -> bool:
        # NaN nodata must compare equal to itself for two equal documents.
        return isinstance(other, Measurement) and self.to_doc() == other.to_doc()

    def __hash__(self) -> int:
        return hash((self.name, self.dtype, self.units, self.aliases))

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], *, where: str = "", validate: bool = True) -> Measurement:
        """Validate one entry of a product's ``measurements`` list.

        ``validate=False`` skips the JSON-schema check, for a document that passed it when it
        was stored; the nodata and dtype checks still run.

        Raises
        ------
        DocumentError
            The measurement is invalid, e.g. its nodata does not fit its dtype.
        """
        import numpy as np  # here: a command that never reads a measurement need not import it

        doc = jsonify(doc)
        if validate:
            check_schema(doc, _MEASUREMENT_SCHEMA, kind="measurement", where=where)
        dtype = np.dtype(doc["dtype"])
        nodata = doc["nodata"]
        if isinstance(nodata, str):
            nodata = float(nodata)
        if dtype.kind in "iub":
            ok = isinstance(nodata, int) or (isinstance(nodata, float) and nodata.is_integer())
            if ok:
                nodata = int(nodata)
                wrapped = _same_bits(nodata, dtype) if dtype.kind != "b" else nodata
                ok = wrapped is not None
                nodata = wrapped if wrapped is not None else nodata
            if not ok:
                raise DocumentError(
                    f"invalid measurement {doc['name']!r} in {where}: nodata {doc['nodata']!r} "
                    f"cannot be stored as {dtype.name}; pick a value inside the dtype's range",
                    field=f"measurements.{doc['name']}.nodata",
                    value=doc["nodata"],
                    doc=where,
                )
        known = {"name", "dtype", "nodata", "units", "aliases", "flags_definition"}
        return cls(
            name=doc["name"],
            dtype=dtype.name,
            nodata=nodata,
            units=doc["units"],
            aliases=tuple(doc.get("aliases", ())),
            flags_definition=MappingProxyType(doc["flags_definition"]) if "flags_definition" in doc else None,
            extra=MappingProxyType({k: v for k, v in doc.items() if k not in known}),
        )

    def to_doc(self) -> dict[str, Any]:
        """The measurement's document."""
        nodata: Any = self.nodata
        if isinstance(nodata, float) and not math.isfinite(nodata):
            nodata = "NaN" if math.isnan(nodata) else ("Infinity" if nodata > 0 else "-Infinity")
        out: dict[str, Any] = {
            "name": self.name,
            "dtype": self.dtype,
            "nodata": nodata,
            "units": self.units,
        }
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.flags_definition is not None:
            out["flags_definition"] = copy.deepcopy(dict(self.flags_definition))
        out.update(copy.deepcopy(dict(self.extra)))
        return out

    # --- read as the measurement's document, as ODC's Measurement (a dict) is read -------------

    def _fields(self) -> dict[str, Any]:
        out = self.to_doc()
        out["nodata"] = self.nodata  # a number (NaN too), as loaded data's ``nodata`` attribute
        return out

    def __getitem__(self, key: str) -> Any:
        """``band["nodata"]``, ``band["flags_definition"]``...: a key of the measurement's document.

        Raises
        ------
        KeyError
            The document has no such key (``aliases`` and ``flags_definition`` only when set).
        """
        fields = self._fields()
        if key not in fields:
            raise KeyError(f"measurement {self.name!r} has no {key!r}; it has {sorted(fields)}")
        return fields[key]

    def get(self, key: str, default: Any = None) -> Any:
        """A key of the measurement's document, or ``default``."""
        return self._fields().get(key, default)

    def keys(self) -> list[str]:
        """The keys of the measurement's document (so ``dict(band)`` gives it)."""
        return list(self._fields())

    def items(self) -> list[tuple[str, Any]]:
        """``(key, value)`` pairs of the measurement's document."""
        return list(self._fields().items())

    def values(self) -> list[Any]:
        """The values of the measurement's document."""
        return list(self._fields().values())

    def __contains__(self, key: object) -> bool:
        return key in self._fields()

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields())

    def __len__(self) -> int:
        return len(self._fields())


class Product:
    """A validated product document, bound to its :class:`MetadataType`.

    A value: immutable, compared by document and metadata type, hashed by name.
    """

    __slots__ = ("_aliases", "_doc", "_id", "_measurements", "_metadata_type")

    _doc: dict[str, Any]
    _metadata_type: MetadataType
    _measurements: Mapping[str, Measurement]
    _aliases: Mapping[str, list[str]]
    _id: int | None

    def __init__(
        self,
        definition: Mapping[str, Any],
        metadata_type: MetadataType | None = None,
        *,
        where: str = "",
        validate: bool = True,
    ) -> None:
        doc: dict[str, Any] = jsonify(definition)
        where = where or f"product {doc.get('name')!r}"
        bands = doc.get("measurements")
        # A null nodata is what an older version stored for NaN: the schema check names it.
        if (
            validate
            or not isinstance(bands, list)
            or any(not isinstance(b, dict) or b.get("nodata") is None for b in bands)
        ):
            check_schema(doc, _PRODUCT_SCHEMA, kind="product", where=where)
        mt_ref = doc["metadata_type"]
        if metadata_type is None:
            if not isinstance(mt_ref, dict):
                raise DocumentError(
                    f"product {doc['name']!r} ({where}) names metadata type {mt_ref!r}; "
                    "resolve it through an index or pass metadata_type=",
                    field="metadata_type",
                    value=mt_ref,
                    doc=where,
                )
            metadata_type = MetadataType.from_doc(mt_ref, where=f"{where} (metadata_type)")
        mt_name = mt_ref if isinstance(mt_ref, str) else mt_ref.get("name")
        if mt_name != metadata_type.name:
            raise DocumentError(
                f"product {doc['name']!r} ({where}) names metadata type {mt_name!r} but was "
                f"given {metadata_type.name!r}",
                field="metadata_type",
                value=mt_name,
                doc=where,
            )
        measurements: dict[str, Measurement] = {}
        for mdoc in doc.get("measurements", []):
            m = Measurement.from_doc(mdoc, where=where, validate=validate)
            if m.name in measurements:
                raise DocumentError(
                    f"product {doc['name']!r} ({where}): two measurements are named {m.name!r}; "
                    "measurement names must be unique",
                    field="measurements",
                    value=m.name,
                    doc=where,
                )
            measurements[m.name] = m
        # ODC accepts aliases repeating the band's own name, another band's name, or another
        # band's alias. A band's name always means that band; an alias two bands claim means
        # neither (asking for it is an error naming both).
        claims: dict[str, list[str]] = {}
        for m in measurements.values():
            for a in dict.fromkeys(m.aliases):
                if a not in measurements:
                    claims.setdefault(a, []).append(m.name)
        self._doc = doc
        self._metadata_type = metadata_type
        self._measurements = MappingProxyType(measurements)
        self._aliases = MappingProxyType({a: ms for a, ms in claims.items()})
        self._id = None

    @classmethod
    def from_doc(
        cls,
        doc: Mapping[str, Any],
        metadata_type: MetadataType | None = None,
        *,
        where: str = "",
        validate: bool = True,
    ) -> Product:
        """Validate a product document.

        Parameters
        ----------
        doc
            The product document.
        metadata_type
            The metadata type it names. May be omitted when the document embeds its metadata
            type as a mapping.
        where
            Names the document in error messages.
        validate
            Check the document against the product schema (False for a document read back from
            an index, which passed the check when it was added; the other checks still run).

        Raises
        ------
        DocumentError
            The document is invalid; the message names the field, value and document.
        """
        check_storable(doc, kind="product", where=where or f"product {doc.get('name')!r}", finite=False)
        return cls(doc, metadata_type, where=where, validate=validate)

    @property
    def name(self) -> str:
        """Product name."""
        return str(self._doc["name"])

    @property
    def id(self) -> int | None:
        """The product's id in the index it came from; None for one built from a document."""
        return self._id

    @property
    def description(self) -> str:
        """Product description."""
        return str(self._doc.get("description", ""))

    @property
    def license(self) -> str | None:
        """SPDX licence id, if given."""
        return self._doc.get("license")

    @property
    def metadata_type(self) -> MetadataType:
        """The metadata type of the product's datasets."""
        return self._metadata_type

    @property
    def metadata_doc(self) -> dict[str, Any]:
        """A copy of the ``metadata`` section: what every dataset of the product matches."""
        return copy.deepcopy(self._doc.get("metadata", {}))

    @property
    def definition(self) -> dict[str, Any]:
        """A copy of the product document."""
        return copy.deepcopy(self._doc)

    def to_json(self) -> bytes:
        """The document as compact JSON bytes (what index drivers store)."""
        return doc_json(self._doc)

    @property
    def measurements(self) -> Mapping[str, Measurement]:
        """Measurements by name, in document order."""
        return self._measurements

    @property
    def load_hints(self) -> dict[str, Any]:
        """A copy of the ``load`` section (crs, resolution, align), empty if absent."""
        return copy.deepcopy(self._doc.get("load", {}))

    def lookup_measurements(self, names: Iterable[str] | None = None) -> dict[str, Measurement]:
        """Measurements by the names or aliases asked for (all when None), keyed as asked.

        A measurement's name always means that measurement; an alias means the measurement
        that declares it.

        Raises
        ------
        QueryError
            A name is neither a measurement nor an alias of this product, or is an alias that
            two measurements declare.
        """
        if names is None:
            return dict(self._measurements)
        out = {}
        for n in names:
            m = self._measurements.get(n)
            if m is None:
                from terracube.errors import QueryError

                owners = self._aliases.get(n)
                if owners is None:
                    known = sorted({*self._measurements, *self._aliases})
                    raise QueryError(
                        f"product {self.name!r} has no measurement or alias {n!r}; it has {known}"
                    )
                if len(owners) > 1:
                    raise QueryError(
                        f"product {self.name!r}: the alias {n!r} is declared by the measurements "
                        f"{owners}; ask for one of them by name"
                    )
                m = self._measurements[owners[0]]
            out[n] = m
        return out

    def field_values(self) -> dict[str, Any]:
        """Search field values the product's ``metadata`` section sets (platform, ...)."""
        md = self._doc.get("metadata", {})
        out = {}
        for name, f in self._metadata_type.search_fields.items():
            try:
                v = f.extract(md)
            except DocumentError:
                continue
            if v is not None:
                out[name] = v
        return out

    def with_metadata_type(self, metadata_type: MetadataType) -> Product:
        """A copy of this product bound to another version of its metadata type."""
        return Product(self._doc, metadata_type)._with_index_id(self._id)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Product)
            and self._doc == other._doc
            and self._metadata_type == other._metadata_type
        )

    def __hash__(self) -> int:
        return hash(("product", self.name))

    def __repr__(self) -> str:
        return f"Product(name={self.name!r}, metadata_type={self._metadata_type.name!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (Product, (self._doc, self._metadata_type), self._id))

    def _with_index_id(self, id_: int | None) -> Product:
        """The same product carrying the id an index gives it (for index drivers)."""
        out = object.__new__(Product)
        for name in Product.__slots__:
            setattr(out, name, getattr(self, name))
        out._id = id_
        return out
