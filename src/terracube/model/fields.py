"""Search fields: typed values read from dataset documents at offsets a metadata type declares.

A metadata type document lists ``dataset.search_fields``; each is either a scalar field read at
one ``offset`` (a path of keys into the document) or a range field whose lower and upper values
are the least of the values at its ``min_offset`` paths and the greatest at its ``max_offset``
paths. Every index driver extracts values through these objects, so all drivers agree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from terracube.errors import DocumentError, QueryError
from terracube.model.range import Range

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

__all__ = [
    "FIELD_TYPES",
    "Field",
    "NativeField",
    "Not",
    "Offset",
    "SearchField",
    "ValueType",
    "compile_extractor",
    "get_path",
    "parse_datetime",
]

ValueType = Literal["string", "integer", "numeric", "datetime"]
Offset = tuple[str | int, ...]

#: Field type names accepted in metadata type documents, mapped to (value type, is_range).
FIELD_TYPES: Final[dict[str, tuple[ValueType, bool]]] = {
    "string": ("string", False),
    "integer": ("integer", False),
    "numeric": ("numeric", False),
    "double": ("numeric", False),
    "float": ("numeric", False),
    "datetime": ("datetime", False),
    "integer-range": ("integer", True),
    "numeric-range": ("numeric", True),
    "double-range": ("numeric", True),
    "float-range": ("numeric", True),
    "datetime-range": ("datetime", True),
}

_MISSING: Final = object()


def get_path(doc: Any, path: Sequence[str | int]) -> Any:
    """Return the value at ``path`` in a nested document, or None where any step is missing."""
    cur = doc
    for key in path:
        if isinstance(cur, dict):
            cur = cur.get(key, _MISSING)
        elif isinstance(cur, list) and isinstance(key, int) and -len(cur) <= key < len(cur):
            cur = cur[key]
        else:
            return None
        if cur is _MISSING:
            return None
    return cur


def parse_datetime(value: Any) -> dt.datetime:
    """Parse an ISO 8601 string, a date or a datetime into an aware UTC datetime.

    Naive values are taken to be UTC, as in eo3 documents.

    Raises
    ------
    ValueError
        The value is not a date or time.
    """
    if isinstance(value, dt.datetime):
        out = value
    elif isinstance(value, dt.date):
        out = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        try:
            out = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date or time") from None
    elif hasattr(value, "to_pydatetime"):  # numpy/pandas timestamps
        out = value.to_pydatetime()
    else:
        raise ValueError(f"{value!r} is not a date or time")
    if out.tzinfo is None:
        return out.replace(tzinfo=dt.UTC)
    return out.astimezone(dt.UTC)


def _convert(value: Any, vtype: ValueType) -> Any:
    """Convert one raw document value to the field's Python type; raises ValueError/TypeError."""
    if vtype == "string":
        if isinstance(value, dict | list):
            raise TypeError(f"expected a scalar, got {type(value).__name__}")
        return str(value)
    if vtype == "integer":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"{value!r} is not an integer")
        return int(value)
    if vtype == "numeric":
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not a number")
        out = float(value)
        if math.isnan(out):
            raise ValueError("NaN is not a searchable number")
        return out
    return parse_datetime(value)


def _read(value: Any, vtype: ValueType) -> Any:
    """:func:`_convert` for a value in a document: None for a number that cannot be searched.

    NaN and the infinities (``"NaN"`` and ``"Infinity"`` as documents store them) leave a numeric
    field without a value, as ODC leaves such values out of its search fields; the document
    keeps them as they are.
    """
    if vtype != "numeric":
        return _convert(value, vtype)
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    out = float(value)
    return out if math.isfinite(out) else None


@dataclass(frozen=True, slots=True)
class SearchField:
    """One searchable field of a metadata type."""

    name: str
    """Field name, used as a search keyword (``platform=...``)."""
    type: str
    """Declared type: one of :data:`FIELD_TYPES`."""
    description: str = ""
    """Human description from the metadata type document."""
    offsets: tuple[Offset, ...] = ()
    """Scalar fields: paths tried in order; the first present value is used."""
    min_offsets: tuple[Offset, ...] = ()
    """Range fields: paths whose least present value is the lower bound."""
    max_offsets: tuple[Offset, ...] = ()
    """Range fields: paths whose greatest present value is the upper bound."""
    indexed: bool = True
    """Whether index drivers should keep a database index for this field."""

    @property
    def value_type(self) -> ValueType:
        """The type of one value: string, integer, numeric or datetime."""
        return FIELD_TYPES[self.type][0]

    @property
    def is_range(self) -> bool:
        """Whether the field holds a :class:`Range` rather than a single value."""
        return FIELD_TYPES[self.type][1]

    @classmethod
    def from_doc(cls, name: str, doc: Mapping[str, Any], *, where: str = "") -> SearchField:
        """Build a field from its entry in ``dataset.search_fields``.

        Raises
        ------
        DocumentError
            Unknown type, or offsets missing or malformed.
        """
        ftype = doc.get("type", "string")
        field = f"dataset.search_fields.{name}"
        if ftype not in FIELD_TYPES:
            raise DocumentError(
                f"{where}: {field}.type is {ftype!r}; use one of {sorted(FIELD_TYPES)}",
                field=f"{field}.type",
                value=ftype,
                doc=where,
            )
        is_range = FIELD_TYPES[ftype][1]

        def paths(key: str) -> tuple[Offset, ...]:
            raw = doc.get(key)
            if raw is None:
                return ()
            if not isinstance(raw, list) or not raw:
                raise DocumentError(
                    f"{where}: {field}.{key} is {raw!r}; give a list of keys, or a list of such lists",
                    field=f"{field}.{key}",
                    value=raw,
                    doc=where,
                )
            items = raw if isinstance(raw[0], list) else [raw]
            out = []
            for p in items:
                if not isinstance(p, list) or not p or not all(isinstance(k, str | int) for k in p):
                    raise DocumentError(
                        f"{where}: {field}.{key} has the path {p!r}; each path is a list of keys",
                        field=f"{field}.{key}",
                        value=p,
                        doc=where,
                    )
                out.append(tuple(p))
            return tuple(out)

        if is_range:
            lo, hi = paths("min_offset"), paths("max_offset")
            if not lo or not hi:
                raise DocumentError(
                    f"{where}: range field {field} ({ftype}) needs both min_offset and max_offset",
                    field=field,
                    value=dict(doc),
                    doc=where,
                )
            return cls(
                name,
                ftype,
                str(doc.get("description", "")),
                (),
                lo,
                hi,
                bool(doc.get("indexed", True)),
            )
        offs = paths("offset")
        if not offs:
            raise DocumentError(
                f"{where}: field {field} ({ftype}) needs an offset",
                field=field,
                value=dict(doc),
                doc=where,
            )
        return cls(
            name,
            ftype,
            str(doc.get("description", "")),
            offs,
            (),
            (),
            bool(doc.get("indexed", True)),
        )

    def to_doc(self) -> dict[str, Any]:
        """The field's entry for a metadata type document."""
        out: dict[str, Any] = {}
        if self.description:
            out["description"] = self.description
        if self.type != "string":
            out["type"] = self.type
        if self.is_range:
            out["min_offset"] = [list(p) for p in self.min_offsets]
            out["max_offset"] = [list(p) for p in self.max_offsets]
        else:
            out["offset"] = (
                list(self.offsets[0]) if len(self.offsets) == 1 else [list(p) for p in self.offsets]
            )
        if not self.indexed:
            out["indexed"] = False
        return out

    def _bad_value(self, path: Offset, raw: Any, error: Exception) -> DocumentError:
        """The error for a value at ``path`` that cannot be read as the field's type."""
        return DocumentError(
            f"field {'.'.join(map(str, path))} has the value {raw!r}, which is not a valid "
            f"{self.value_type} for search field {self.name!r}: {error}",
            field=".".join(map(str, path)),
            value=raw,
        )

    def _values(self, doc: Mapping[str, Any], paths: tuple[Offset, ...]) -> list[Any]:
        out = []
        for p in paths:
            raw = get_path(doc, p)
            if raw is None:
                continue
            try:
                value = _read(raw, self.value_type)
            except (TypeError, ValueError) as e:
                raise self._bad_value(p, raw, e) from None
            if value is not None:
                out.append(value)
        return out

    def extract(self, doc: Mapping[str, Any]) -> Any:
        """The field's value in a document: a value, a :class:`Range`, or None if absent.

        Raises
        ------
        DocumentError
            A value is present but cannot be read as the field's type.
        """
        if not self.is_range:
            vals = self._values(doc, self.offsets[:1]) if len(self.offsets) == 1 else None
            if vals is None:
                for p in self.offsets:
                    vals = self._values(doc, (p,))
                    if vals:
                        break
            return vals[0] if vals else None
        lows = self._values(doc, self.min_offsets)
        highs = self._values(doc, self.max_offsets)
        if not lows and not highs:
            return None
        lo = min(lows) if lows else None
        hi = max(highs) if highs else None
        return Range(lo, hi)

    def coerce(self, value: Any) -> Any:
        """Convert a query value (one value, not a range) to the field's type.

        Raises
        ------
        QueryError
            The value cannot be read as the field's type.
        """
        if self.value_type == "string" and not isinstance(value, str | int | float):
            raise QueryError(
                f"search field {self.name!r} is string; cannot search it for {value!r} "
                f"(a {type(value).__name__}); give a string, a list, a (low, high) range or Not(value)"
            )
        try:
            return _convert(value, self.value_type)
        except (TypeError, ValueError) as e:
            raise QueryError(
                f"search field {self.name!r} is {self.value_type}; cannot search it for {value!r} ({e})"
            ) from None


@dataclass(frozen=True, slots=True)
class NativeField:
    """A field every dataset has besides its metadata type's search fields.

    Either kept by the index (``id``, ``product``, ``uri``, ``indexed_time``...) or read at one
    of the metadata type's standard offsets (``creation_time``, ``format``, ``label``). These
    can be returned by ``search_returning`` and used in ``order_by``, not searched.
    """

    name: str
    """Field name, as ``search_returning`` and ``order_by`` take it."""
    description: str = ""
    """What the field holds."""
    offset: Offset | None = None
    """Where a document field is read (None for what the index keeps)."""


@dataclass(frozen=True, slots=True)
class Not:
    """A search value meaning any value of the field but this one: ``platform=Not("landsat-7")``.

    As ODC's ``Not``: a dataset without a value for the field does not match either. The
    value may be anything a search takes for the field (a value, a list, a range).
    """

    value: Any
    """What the field must not be (or be within)."""


#: A field of a metadata type's datasets, as ``MetadataType.dataset_fields`` gives them.
Field = SearchField | NativeField


# --- compiled extractors ------------------------------------------------------------------------
#
# Reading every field of a metadata type from every document through ``SearchField.extract``
# walks each path key by key in a generic loop and dispatches on the value type per value. A
# bulk add reads millions of documents with the same few fields, so each field is compiled
# once into a closure specialised for its paths and type. ``SearchField.extract`` stays the
# reference: a compiled extractor returns the same values and raises the same errors.


def _getter(path: Offset) -> Callable[[Any], Any]:
    """A function returning ``get_path(doc, path)``, unrolled for short paths of string keys."""
    if not all(isinstance(k, str) for k in path) or len(path) > 3:
        return lambda doc: get_path(doc, path)
    if len(path) == 1:
        (a,) = path

        def get1(doc: Any) -> Any:
            return doc.get(a) if isinstance(doc, dict) else None

        return get1
    if len(path) == 2:
        a, b = path

        def get2(doc: Any) -> Any:
            if isinstance(doc, dict):
                cur = doc.get(a)
                if isinstance(cur, dict):
                    return cur.get(b)
            return None

        return get2
    a, b, c = path

    def get3(doc: Any) -> Any:
        if isinstance(doc, dict):
            cur = doc.get(a)
            if isinstance(cur, dict):
                cur = cur.get(b)
                if isinstance(cur, dict):
                    return cur.get(c)
        return None

    return get3


def _converter(vtype: ValueType) -> Callable[[Any], Any]:
    """``_read`` for one value type, with the common JSON case first."""
    if vtype == "string":
        return lambda v: v if type(v) is str else _convert(v, "string")
    if vtype == "integer":
        return lambda v: v if type(v) is int else _convert(v, "integer")
    if vtype == "numeric":
        # A finite float is its own float() (v - v is NaN for NaN and the infinities).
        return lambda v: v if type(v) is float and v - v == 0.0 else _read(v, "numeric")
    return parse_datetime


def _compile_field(field: SearchField) -> Callable[[Mapping[str, Any]], Any]:
    """A function equal to ``field.extract``: same values, same errors."""
    conv = _converter(field.value_type)
    bad = field._bad_value
    if not field.is_range:
        paths = [(p, _getter(p)) for p in field.offsets]
        if len(paths) == 1:
            ((path, get),) = paths

            def one(doc: Mapping[str, Any]) -> Any:
                raw = get(doc)
                if raw is None:
                    return None
                try:
                    return conv(raw)
                except (TypeError, ValueError) as e:
                    raise bad(path, raw, e) from None

            return one

        def first(doc: Mapping[str, Any]) -> Any:
            for path, get in paths:
                raw = get(doc)
                if raw is not None:
                    try:
                        value = conv(raw)
                    except (TypeError, ValueError) as e:
                        raise bad(path, raw, e) from None
                    if value is not None:
                        return value
            return None

        return first

    # A path among both the min and the max offsets (``time`` reads ``properties.datetime`` for
    # both ends) is read and converted once. Paths are converted in the order the generic
    # extractor meets them first, so the first bad value raises the same error.
    unique: list[Offset] = list(dict.fromkeys((*field.min_offsets, *field.max_offsets)))
    getters = [(p, _getter(p)) for p in unique]
    lo_at = [unique.index(p) for p in field.min_offsets]
    hi_at = [unique.index(p) for p in field.max_offsets]

    if lo_at == [0] and hi_at == [1]:  # one path for each end: no least or greatest to take
        (lo_path, lo_get), (hi_path, hi_get) = getters

        def pair(doc: Mapping[str, Any]) -> Range[Any] | None:
            lo = lo_get(doc)
            if lo is not None:
                try:
                    lo = conv(lo)
                except (TypeError, ValueError) as e:
                    raise bad(lo_path, lo, e) from None
            hi = hi_get(doc)
            if hi is not None:
                try:
                    hi = conv(hi)
                except (TypeError, ValueError) as e:
                    raise bad(hi_path, hi, e) from None
            if lo is None and hi is None:
                return None
            return Range(lo, hi)

        return pair

    def rng(doc: Mapping[str, Any]) -> Range[Any] | None:
        vals: list[Any] = []
        for path, get in getters:
            raw = get(doc)
            if raw is None:
                vals.append(_MISSING)
                continue
            try:
                value = conv(raw)
            except (TypeError, ValueError) as e:
                raise bad(path, raw, e) from None
            vals.append(_MISSING if value is None else value)
        lows = [vals[i] for i in lo_at if vals[i] is not _MISSING]
        highs = [vals[i] for i in hi_at if vals[i] is not _MISSING]
        if not lows and not highs:
            return None
        return Range(min(lows) if lows else None, max(highs) if highs else None)

    return rng


def compile_extractor(fields: Mapping[str, SearchField]) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    """A function reading every field present in a document, compiled once for these fields.

    ``compile_extractor(fields)(doc)`` equals ``{name: f.extract(doc) for name, f in
    fields.items()}`` without the None values, and raises the same
    :class:`~terracube.errors.DocumentError` for the same first bad value, only faster.
    """
    compiled = [(name, _compile_field(f)) for name, f in fields.items()]

    def extract(doc: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for name, fn in compiled:
            v = fn(doc)
            if v is not None:
                out[name] = v
        return out

    return extract
