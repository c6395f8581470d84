"""How datasets become rows: the values every SQL driver stores beside the document.

Shared by the SQL drivers so they agree on encoding:

* times are integer microseconds since 1970-01-01 UTC;
* search field values go into one flat mapping: a scalar under its name, a range under
  ``name.lo`` and ``name.hi`` (an open end becomes a large sentinel, so plain comparisons
  give the range semantics without NULL cases);
* the ``time`` field (a datetime range) also becomes two columns for the spatio-temporal index;
* the footprint is stored in lon/lat, with one bounding box per part (a footprint cut at the
  antimeridian has two), for spatial indexes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from terracube.model import Range

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    import shapely

    from terracube.model import Dataset, MetadataType, SearchField

__all__ = [
    "DATETIME_OPEN",
    "NUMBER_OPEN",
    "SHIPPED_ROW",
    "TIME_FIELD",
    "DatasetRow",
    "dataset_row",
    "dataset_rows",
    "footprint_wkbs",
    "from_micros",
    "order_by_sql",
    "shippable_rows",
    "time_span",
    "to_micros",
    "value_for_storage",
]

#: Name of the field that feeds the spatio-temporal index (when it is a datetime range).
TIME_FIELD: Final = "time"
#: Sentinels for open range ends: beyond any real value, within int64 / float64.
DATETIME_OPEN: Final = 2**62
NUMBER_OPEN: Final = 1e300

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def to_micros(t: dt.datetime) -> int:
    """Microseconds since the epoch (UTC) of an aware datetime."""
    delta = t - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(us: int) -> dt.datetime:
    """The aware UTC datetime of microseconds since the epoch."""
    return _EPOCH + dt.timedelta(microseconds=us)


def time_span(bounds: Iterable[tuple[int | None, int | None]]) -> Range[dt.datetime] | None:
    """The earliest start and latest end among stored ``(t0, t1)`` bounds in microseconds.

    None when every bound is missing; an end at or beyond :data:`DATETIME_OPEN` is open (None).
    """
    lo = hi = None
    for a, b in bounds:
        if a is not None:
            lo = a if lo is None else min(lo, a)
        if b is not None:
            hi = b if hi is None else max(hi, b)
    if lo is None and hi is None:
        return None
    return Range(_micros_or_none(lo), _micros_or_none(hi))


def _micros_or_none(v: int | None) -> dt.datetime | None:
    return None if v is None or abs(v) >= DATETIME_OPEN else from_micros(v)


def value_for_storage(field: SearchField, value: Any) -> Any:
    """One query or document value as stored (datetimes as microseconds)."""
    if isinstance(value, dt.datetime):
        return to_micros(value)
    return value


def _open(field: SearchField, high: bool) -> Any:
    big = DATETIME_OPEN if field.value_type == "datetime" else NUMBER_OPEN
    if field.value_type == "string":
        return "\U0010ffff" if high else ""
    return big if high else -big


@dataclass(frozen=True, slots=True)
class DatasetRow:
    """The derived values a SQL driver stores for one dataset."""

    fields: dict[str, Any]
    """Flat search field values (see the module docstring)."""
    t0: int | None
    """Start of the ``time`` range in microseconds, if the dataset has one."""
    t1: int | None
    """End of the ``time`` range in microseconds, if the dataset has one."""
    footprint: shapely.Geometry | None
    """Lon/lat footprint within [-180, 180], or None for a non-spatial dataset (or one whose
    row came from another process, which gives :attr:`wkb`)."""
    boxes: tuple[tuple[float, float, float, float], ...]
    """(west, south, east, north) of each part of the footprint."""
    wkb: bytes | None = field(default=None, compare=False)
    """The footprint as WKB, when the row came so (see :func:`shippable_rows`)."""


def dataset_row(ds: Dataset) -> DatasetRow:
    """Compute the stored values of a dataset."""
    return dataset_rows([ds])[0]


def _stored(value: Any) -> Any:
    return to_micros(value) if isinstance(value, dt.datetime) else value


def _field_plan(metadata_type: MetadataType) -> dict[str, tuple[str, str, Any, Any, bool]]:
    """Per field: the keys of a range's two ends, their open-end sentinels, and whether it is time."""
    return {
        name: (
            f"{name}.lo",
            f"{name}.hi",
            _open(f, False),
            _open(f, True),
            name == TIME_FIELD and f.value_type == "datetime",
        )
        for name, f in metadata_type.search_fields.items()
    }


def dataset_rows(datasets: Sequence[Dataset]) -> list[DatasetRow]:
    """Compute the stored values of many datasets (their footprints' parts bounded in one pass)."""
    import numpy as np
    import shapely

    plans: dict[int, dict[str, tuple[str, str, Any, Any, bool]]] = {}
    values: list[tuple[dict[str, Any], Any, Any, Any]] = []
    shipped: dict[int, DatasetRow] = {}
    for ds in datasets:
        row = ds._derived.get(SHIPPED_ROW)
        if row is not None:  # derived where the dataset was validated
            shipped[len(values)] = DatasetRow(row[0], row[1], row[2], None, row[4], row[3])
            values.append(({}, None, None, None))
            continue
        mt = ds.product.metadata_type
        plan = plans.get(id(mt))
        if plan is None:
            plan = plans[id(mt)] = _field_plan(mt)
        fields: dict[str, Any] = {}
        t0 = t1 = None
        for name, value in ds.search_values().items():
            if isinstance(value, Range):
                lo_key, hi_key, lo_open, hi_open, is_time = plan[name]
                lo = lo_open if value.begin is None else _stored(value.begin)
                hi = hi_open if value.end is None else _stored(value.end)
                fields[lo_key] = lo
                fields[hi_key] = hi
                if is_time:
                    t0, t1 = lo, hi
            else:
                fields[name] = _stored(value)
        values.append((fields, t0, t1, ds.lonlat_footprint))
    boxes: list[list[tuple[float, float, float, float]]] = [[] for _ in values]
    spatial = [i for i, v in enumerate(values) if v[3] is not None]
    if spatial:
        footprints = np.empty(len(spatial), dtype=object)
        footprints[:] = [values[i][3] for i in spatial]
        parts, owners = shapely.get_parts(footprints, return_index=True)
        for owner, box in zip(owners.tolist(), shapely.bounds(parts).tolist(), strict=True):
            boxes[spatial[owner]].append(tuple(box))
    return [
        shipped.get(i) or DatasetRow(f, t0, t1, fp, tuple(b))
        for i, ((f, t0, t1, fp), b) in enumerate(zip(values, boxes, strict=True))
    ]


#: Where :func:`dataset_rows` finds a row derived in another process (``Dataset._derived``).
SHIPPED_ROW: Final = "row"


def shippable_rows(datasets: Sequence[Dataset]) -> list[tuple[Any, ...]]:
    """The rows of validated datasets as plain values (footprints as WKB), to send to another process.

    Given to ``Dataset._shipped``, each comes back in the rebuilt dataset, and
    :func:`dataset_rows` takes it instead of deriving the row again (the search field values
    and the lon/lat footprint, which cost more than the insert).
    """
    import shapely

    rows = dataset_rows(datasets)
    wkbs = shapely.to_wkb([r.footprint for r in rows]).tolist()
    return [(r.fields, r.t0, r.t1, w, r.boxes) for r, w in zip(rows, wkbs, strict=True)]


def footprint_wkbs(rows: Sequence[DatasetRow], *, hex: bool = False) -> list[Any]:
    """Each row's footprint as WKB (bytes, or with ``hex`` upper-case hex text), None where it has none."""
    import shapely

    out: list[Any] = shapely.to_wkb([r.footprint for r in rows], hex=hex).tolist()
    for i, r in enumerate(rows):
        if r.wkb is not None:
            out[i] = r.wkb.hex().upper() if hex else r.wkb
    return out


#: ORDER BY expressions of the native columns; any other name is a search field.
_NATIVE_ORDER: Final = {
    "id": "d.id",
    "uri": "d.uri",
    "indexed_time": "d.added",
    "archived_time": "d.archived",
    "product": "(SELECT p.name FROM product p WHERE p.id = d.product_id)",
}


def order_by_sql(order_by: Iterable[tuple[str, bool]], field_expr: Callable[[str], str]) -> str:
    """ORDER BY terms (``(name, descending)`` pairs), missing values last.

    ``field_expr(name)`` is the backend's SQL for a search field's sort value (a range field
    sorts by its lower end).
    """
    terms = []
    for name, desc in order_by:
        expr = _NATIVE_ORDER.get(name) or field_expr(name)
        terms.append(f"({expr} IS NULL), {expr}{' DESC' if desc else ''}")
    return ", ".join(terms)
