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
    from collections.abc import Mapping, Sequence

__all__ = [
    "FIELD_TYPES",
    "Offset",
    "SearchField",
    "ValueType",
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

    def _values(self, doc: Mapping[str, Any], paths: tuple[Offset, ...]) -> list[Any]:
        out = []
        for p in paths:
            raw = get_path(doc, p)
            if raw is None:
                continue
            try:
                out.append(_convert(raw, self.value_type))
            except (TypeError, ValueError) as e:
                raise DocumentError(
                    f"field {'.'.join(map(str, p))} has the value {raw!r}, which is not a valid "
                    f"{self.value_type} for search field {self.name!r}: {e}",
                    field=".".join(map(str, p)),
                    value=raw,
                ) from None
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
        try:
            return _convert(value, self.value_type)
        except (TypeError, ValueError) as e:
            raise QueryError(
                f"search field {self.name!r} is {self.value_type}; cannot search it for {value!r} ({e})"
            ) from None
