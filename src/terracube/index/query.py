"""Search keywords -> one canonical, backend-neutral query per product: the query planner.

Users write ``datasets.search(product="ls8", time=("2020-01", "2020-03"), lat=(-36, -35),
lon=(149, 150), cloud_cover=(0, 20))``. This module turns such loose input into frozen values
that every driver evaluates the same way:

* ``time`` and other datetime fields: a date string covers its whole period (``"2020"`` the year,
  ``"2020-03"`` the month, ``"2020-03-01"`` the day), at either end of a range too; naive times
  are UTC; ``None`` leaves an end open.
* numbers: a pair or :class:`~terracube.model.Range` is a closed range; a list is "any of".
* space: ``lat``/``lon`` or ``x``/``y`` (in ``crs``, EPSG:4326 by default), or ``geopolygon``
  become one lon/lat geometry; datasets match when their footprint truly intersects it.

:func:`plan_search` does the whole step: it checks the keywords, picks the products that may hold
matches (:func:`select_products`) and gives one :class:`ProductQuery` for each. Drivers see
only those.

Expressions: :class:`ValueIn`, :class:`Between` (one field each) and :class:`SpatialFilter`.
A scalar field matches ``ValueIn`` when equal to one of the values and ``Between`` when inside
the closed range; a range field (``time``, ``lat``...) matches when it contains one of the
values, or overlaps the range.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from terracube.errors import QueryError, QueryWarning
from terracube.model.fields import NativeField, Not, SearchField, parse_datetime
from terracube.model.range import Range

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import shapely

    from terracube.index._products import AbstractProductResource
    from terracube.model.product import Product

__all__ = [
    "AXIS_KEYWORDS",
    "POINT_TOLERANCE",
    "SPATIAL_KEYWORDS",
    "Between",
    "Expression",
    "Negation",
    "ProductQuery",
    "SpatialFilter",
    "ValueIn",
    "parse_spatial",
    "parse_time",
    "to_field_expression",
]

#: Keywords describing a region rather than a search field.
SPATIAL_KEYWORDS: Final = frozenset(
    {"lat", "lon", "latitude", "longitude", "x", "y", "crs", "coordinate_reference_system", "geopolygon"}
)

#: Keywords that are options of a search, never search fields.
CONTROL_KEYWORDS: Final = frozenset({"archived", "limit", "order_by", "fetch_all"})

#: ``(field name, descending)`` pairs.
OrderBy: TypeAlias = tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class ValueIn:
    """The field equals (scalar) or contains (range field) one of ``values``."""

    field: SearchField
    """The search field."""
    values: tuple[Any, ...]
    """Candidate values, already of the field's value type."""


@dataclass(frozen=True, slots=True)
class Between:
    """The field lies inside (scalar) or overlaps (range field) the closed ``range``."""

    field: SearchField
    """The search field."""
    range: Range[Any]
    """Closed range; either end may be None (open)."""


@dataclass(frozen=True, slots=True)
class Negation:
    """The field has a value and ``expression`` does not hold for it (a :class:`~terracube.model.Not` value)."""

    expression: ValueIn | Between
    """The condition negated."""

    @property
    def field(self) -> SearchField:
        """The search field."""
        return self.expression.field


Expression: TypeAlias = ValueIn | Between | Negation


@dataclass(frozen=True, slots=True)
class SpatialFilter:
    """A region in EPSG:4326, within [-180, 180] (split at the antimeridian when needed)."""

    geometry: shapely.Geometry
    """The region; a dataset matches when its lon/lat footprint intersects it."""
    boxes: tuple[tuple[float, float, float, float], ...]
    """(west, south, east, north) of each part: candidate boxes for spatial indexes."""
    crs: str | None = None
    """The CRS the region was given in (e.g. ``"EPSG:3577"``), None for lon/lat.

    Only a hint: a driver with a spatial index in that CRS may use it to find candidates.
    Matching is always decided in lon/lat, by :meth:`matches`.
    """

    @classmethod
    def from_lonlat(cls, geom: shapely.Geometry, crs: str | None = None) -> SpatialFilter:
        """Wrap a lon/lat shapely geometry already within [-180, 180] (given in ``crs``)."""
        import shapely

        parts = shapely.get_parts(geom)
        boxes = tuple(tuple(float(v) for v in p.bounds) for p in parts)
        return cls(geom, boxes, crs)  # type: ignore[arg-type]

    def matches(self, footprint: shapely.Geometry | None) -> bool:
        """Whether a lon/lat footprint truly intersects the region (touching counts)."""
        return footprint is not None and bool(self.geometry.intersects(footprint))


@dataclass(frozen=True, slots=True)
class ProductQuery:
    """Everything a driver evaluates for one product: its expressions and the region."""

    product: Product
    """The product whose datasets are searched."""
    expressions: tuple[Expression, ...] = ()
    """Field conditions, all of which must hold."""
    spatial: SpatialFilter | None = None
    """Region the footprint must intersect, if any."""


# --- time ---------------------------------------------------------------------------------------

_PERIOD = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2})(?::?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,](?P<F>\d+))?)?)?)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_BASIC_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?=$|[T ])")  # 20200315[T...]
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})(?:/(\d{1,2}))?(?=$|[T ])")  # 2020/03/15[T...]
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)  # 2020-Q2


def _add_months(t: dt.datetime, months: int) -> dt.datetime:
    y, m = divmod(t.month - 1 + months, 12)
    return t.replace(year=t.year + y, month=m + 1)


def _period(text: str) -> tuple[dt.datetime, dt.datetime] | None:
    """First and last instant of the period a time string names, or None if not understood.

    A string covers the smallest unit it is written to: a year, quarter (``2020-Q2``), month,
    day, hour, minute or second; 1 to 3 decimals of a second cover that millisecond, more are
    an instant. Dates may also be written ``20200315`` or ``2020/03/15``.
    """
    text = text.strip()
    q = _QUARTER.match(text)
    if q:
        start = dt.datetime(int(q.group(1)), 3 * int(q.group(2)) - 2, 1, tzinfo=dt.UTC)
        return start, _add_months(start, 3) - _US
    text = _BASIC_DATE.sub(r"\1-\2-\3", text, count=1)
    text = _SLASH_DATE.sub(lambda m: "-".join(g for g in m.groups() if g), text, count=1)
    m = _PERIOD.match(text)
    if not m:
        return None
    g = m.groupdict()
    tzinfo: dt.tzinfo = dt.UTC
    tz = g["tz"]
    if tz and tz != "Z":
        digits = tz[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        tzinfo = dt.timezone(offset if tz[0] == "+" else -offset)
    frac = g["F"] or ""
    micro = int(frac[:6].ljust(6, "0")) if frac else 0
    try:
        start = dt.datetime(
            int(g["y"]),
            int(g["m"] or 1),
            int(g["d"] or 1),
            int(g["H"] or 0),
            int(g["M"] or 0),
            int(g["S"] or 0),
            micro,
            tzinfo=tzinfo,
        )
    except ValueError as e:
        raise QueryError(f"time {text!r} is not a valid date: {e}") from None
    if frac:
        step = dt.timedelta(milliseconds=1) if len(frac) <= 3 else dt.timedelta(0)
        end = start + step - _US if step else start
    elif g["S"] is not None:
        end = start + dt.timedelta(seconds=1) - _US
    elif g["M"] is not None:
        end = start + dt.timedelta(minutes=1) - _US
    elif g["H"] is not None:
        end = start + dt.timedelta(hours=1) - _US
    elif g["d"] is not None:
        end = start + dt.timedelta(days=1) - _US
    elif g["m"] is not None:
        end = _add_months(start, 1) - _US
    else:
        end = start.replace(year=start.year + 1) - _US
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


_US: Final = dt.timedelta(microseconds=1)


def _time_bounds(value: Any) -> tuple[dt.datetime, dt.datetime]:
    """The first and last instant a single time value covers."""
    if isinstance(value, str):
        per = _period(value)
        if per is not None:
            return per
    elif isinstance(value, dt.datetime):
        # As written by its ISO form: to the second (covering it) unless it has a fraction.
        t = parse_datetime(value)
        if value.microsecond or getattr(value, "nanosecond", 0):
            return t, t
        return t, t + dt.timedelta(seconds=1) - _US
    elif isinstance(value, dt.date):
        start = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
        return start, start + dt.timedelta(days=1) - _US
    elif type(value).__name__ == "datetime64":
        import numpy as np

        value = str(np.datetime_as_string(value, unit="us"))
    try:
        t = parse_datetime(value)
    except ValueError as e:
        raise QueryError(f"time value {value!r} is not a date or time: {e}") from None
    return t, t


def parse_time(value: Any) -> Range[dt.datetime]:
    """Normalise a time query to a closed UTC :class:`Range`.

    Accepts a string, date, datetime, numpy datetime64, a ``(start, end)`` pair or a
    :class:`Range`; either end of a pair may be None. A string or date covers its whole period
    (``"2020"`` the year ... ``"2020-03-01T12:30:15"`` that second); a datetime without a
    fraction of a second covers that second, as its ISO string would.

    >>> parse_time("2020-02")
    Range(begin=datetime.datetime(2020, 2, 1, 0, 0, tzinfo=datetime.timezone.utc), \
end=datetime.datetime(2020, 2, 29, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc))

    Raises
    ------
    QueryError
        A value is not a time, or the range ends before it starts.
    """
    if isinstance(value, Range | tuple | list):
        items = list(value)
        if len(items) == 1:
            items = [items[0], items[0]]
        if len(items) != 2:
            raise QueryError(f"time range {value!r} must be (start, end); use None for an open end")
        start = None if items[0] is None else _time_bounds(items[0])[0]
        end = None if items[1] is None else _time_bounds(items[1])[1]
        if start is not None and end is not None and end < start:
            raise QueryError(f"time range {value!r} ends before it starts; swap the two ends")
        return Range(start, end)
    start, end = _time_bounds(value)
    return Range(start, end)


# --- fields -------------------------------------------------------------------------------------


def _is_odc_not(value: Any) -> bool:
    """Whether ``value`` is ODC's own ``datacube.model.Not`` (code that imports both passes it)."""
    t = type(value)
    return t.__name__ == "Not" and t.__module__.startswith("datacube") and hasattr(value, "value")


def to_field_expression(field: SearchField, value: Any) -> Expression:
    """Turn ``field=value`` into an expression, coercing values to the field's type.

    A :class:`Range` or a 2-tuple is a closed range; a list or set is "any of"; anything else
    one value. Datetime fields follow :func:`parse_time` (periods cover their whole span).

    Raises
    ------
    QueryError
        A value does not fit the field's type.
    """
    if isinstance(value, Not) or _is_odc_not(value):
        inner = to_field_expression(field, value.value)
        if isinstance(inner, Negation):  # Not(Not(x)) is x
            return inner.expression
        return Negation(inner)
    if field.value_type == "datetime":
        if isinstance(value, list | set | frozenset):
            # Any of several periods: a union of ranges is not one expression; take the hull.
            rngs = [parse_time(v) for v in value]
            return Between(field, _hull(rngs))
        rng = parse_time(value)
        return Between(field, rng)
    if isinstance(value, Range | tuple):
        items = list(value)
        if len(items) != 2:
            raise QueryError(
                f"range for {field.name!r} must be (low, high), got {value!r}; use a list for several values"
            )
        lo = None if items[0] is None else field.coerce(items[0])
        hi = None if items[1] is None else field.coerce(items[1])
        if lo is not None and hi is not None and hi < lo:
            raise QueryError(f"range for {field.name!r} {value!r} has its high end below its low end")
        return Between(field, Range(lo, hi))
    if isinstance(value, list | set | frozenset):
        if not value:
            raise QueryError(f"empty list of values for {field.name!r}")
        return ValueIn(field, tuple(field.coerce(v) for v in value))
    return ValueIn(field, (field.coerce(value),))


def _hull(rngs: list[Range[Any]]) -> Range[Any]:
    lo = None if any(r.begin is None for r in rngs) else min(r.begin for r in rngs)  # type: ignore[type-var]
    hi = None if any(r.end is None for r in rngs) else max(r.end for r in rngs)  # type: ignore[type-var]
    return Range(lo, hi)


def matches(expr: Expression, value: Any) -> bool:
    """Evaluate one expression against a field value (None when the dataset lacks the field)."""
    if value is None:
        return False
    if isinstance(expr, Negation):
        return not matches(expr.expression, value)
    if isinstance(expr, ValueIn):
        if isinstance(value, Range):
            return any(value.contains(v) for v in expr.values)
        return value in expr.values
    if isinstance(expr, Between):
        if isinstance(value, Range):
            return expr.range.overlaps(value)
        return expr.range.contains(value)
    raise TypeError(f"unknown expression {expr!r}")


def contains_doc(doc: Any, sub: Any) -> bool:
    """Whether ``doc`` contains ``sub``, as PostgreSQL's ``jsonb @>`` (ODC's search_by_metadata) has it.

    A mapping contains every key of ``sub`` with a value containing ``sub``'s; a list contains
    each item of ``sub`` somewhere (order and repeats aside); other values are equal, numbers by
    value, and ``true`` is not ``1``.
    """
    if isinstance(sub, dict):
        return isinstance(doc, dict) and all(k in doc and contains_doc(doc[k], v) for k, v in sub.items())
    if isinstance(sub, list):
        return isinstance(doc, list) and all(any(contains_doc(d, v) for d in doc) for v in sub)
    if isinstance(sub, bool) or isinstance(doc, bool):
        return type(sub) is type(doc) and sub == doc
    return not isinstance(doc, dict | list) and bool(doc == sub)


def norm_order_by(order_by: Any) -> OrderBy:
    """``order_by`` as :data:`OrderBy`: a field name (``-name`` for descending), a field
    (``metadata_type.dataset_fields``), a ``(name, descending)`` pair, or a list of them.

    Raises
    ------
    QueryError
        Something else (ODC's SQL expressions, say).
    """
    if order_by is None:
        return ()
    if isinstance(order_by, str | SearchField | NativeField):
        order_by = [order_by]
    out = []
    for item in order_by:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            out.append((item[0], bool(item[1])))
        elif isinstance(item, SearchField | NativeField):
            out.append((item.name, False))
        elif isinstance(item, str):
            out.append((item[1:], True) if item.startswith("-") else (item, False))
        else:
            raise QueryError(
                f"cannot order by {item!r}: give field names ('-name' for descending) or fields of "
                "metadata_type.dataset_fields"
            )
    return tuple(out)


# --- space --------------------------------------------------------------------------------------


#: Half the side of the box a single ``lat``/``lon`` (or ``x``/``y``) number stands for, in the
#: units of its CRS: a point, with the tolerance ODC gives it.
POINT_TOLERANCE: Final = 1e-6

_X_KEYS: Final = ("lon", "longitude", "x")
_Y_KEYS: Final = ("lat", "latitude", "y")
_CRS_KEYS: Final = ("crs", "coordinate_reference_system")
#: The spellings of the horizontal axis, the vertical axis and the CRS, in that order.
AXIS_KEYWORDS: Final = (_X_KEYS, _Y_KEYS, _CRS_KEYS)


def _as_range(name: str, value: Any) -> tuple[float, float]:
    if isinstance(value, Range | tuple | list):
        items = list(value)
        if len(items) != 2:
            raise QueryError(f"{name} must be a number or a (low, high) pair, got {value!r}")
        lo, hi = items
    else:
        lo = hi = value
    try:
        lo_f = float(lo) if lo is not None else float("-inf")
        hi_f = float(hi) if hi is not None else float("inf")
    except (TypeError, ValueError):
        raise QueryError(f"{name} must be numbers, got {value!r}") from None
    if math.isnan(lo_f) or math.isnan(hi_f):
        raise QueryError(
            f"{name} {value!r} holds NaN, which bounds nothing; give numbers (None for an open end)"
        )
    if hi_f < lo_f:
        lo_f, hi_f = hi_f, lo_f
    if not isinstance(value, Range | tuple | list):
        lo_f, hi_f = lo_f - POINT_TOLERANCE, hi_f + POINT_TOLERANCE
    return lo_f, hi_f


def _box(x0: float, y0: float, x1: float, y1: float) -> shapely.Geometry:
    import shapely

    if x0 == x1 and y0 == y1:
        return shapely.Point(x0, y0)
    if x0 == x1 or y0 == y1:
        return shapely.LineString([(x0, y0), (x1, y1)])
    return shapely.box(x0, y0, x1, y1)


def _one_of(query: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, Any] | None:
    given = [k for k in keys if query.get(k) is not None]
    if len(given) > 1:
        raise QueryError(f"{given} say the same thing; give only one of {list(keys)}")
    return (given[0], query[given[0]]) if given else None


def parse_spatial(query: Mapping[str, Any]) -> SpatialFilter | None:
    """Build the region from ``lat``/``lon``, ``x``/``y`` (+ ``crs``) or ``geopolygon``.

    The horizontal axis is ``lon``, ``longitude`` or ``x``, the vertical ``lat``, ``latitude``
    or ``y``; they are in ``crs`` (also ``coordinate_reference_system``), EPSG:4326 without
    one. A single number is a point (a box :data:`POINT_TOLERANCE` across). ``geopolygon`` is
    an odc-geo Geometry (any CRS), a shapely geometry or a GeoJSON mapping (both lon/lat).

    Raises
    ------
    QueryError
        Mixed or malformed spatial keywords.
    """
    keys = {k for k in SPATIAL_KEYWORDS if query.get(k) is not None}
    if not keys:
        return None
    from terracube.model.eo3 import norm_lonlat

    if "geopolygon" in keys:
        if keys - {"geopolygon"}:
            raise QueryError(
                f"geopolygon cannot be combined with {sorted(keys - {'geopolygon'})}; give one region"
            )
        return _from_geometry(query["geopolygon"])
    xs, ys, crs_kw = _one_of(query, _X_KEYS), _one_of(query, _Y_KEYS), _one_of(query, _CRS_KEYS)
    crs = crs_kw[1] if crs_kw else None
    if xs is None and ys is None:
        raise QueryError("crs alone is no region; give x and y too")
    xr = _as_range(*xs) if xs is not None else None
    yr = _as_range(*ys) if ys is not None else None
    if crs is None or _is_lonlat(crs):
        lo = xr or (-180.0, 180.0)
        la = yr or (-90.0, 90.0)
        la = (max(la[0], -90.0), min(la[1], 90.0))
        lo = (max(lo[0], -540.0), min(lo[1], 540.0))
        return SpatialFilter.from_lonlat(norm_lonlat(_box(lo[0], la[0], lo[1], la[1])))
    if xr is None or yr is None or not all(map(_finite, (*xr, *yr))):
        raise QueryError(
            f"x and y in {crs!r} need finite ranges, got x={xs[1] if xs else None!r}, "
            f"y={ys[1] if ys else None!r}"
        )
    from odc.geo.geom import Geometry

    return _from_geometry(Geometry(_box(xr[0], yr[0], xr[1], yr[1]), crs))


def _finite(v: float) -> bool:
    return v not in (float("inf"), float("-inf"))


def _is_lonlat(crs: Any) -> bool:
    from odc.geo import CRS

    try:
        return CRS(crs).epsg == 4326
    except Exception as e:
        raise QueryError(f"crs {crs!r} is not a known CRS: {e}") from None


def _from_geometry(geom: Any) -> SpatialFilter:
    import numpy as np
    import shapely
    from odc.geo.geom import Geometry

    from terracube.model.eo3 import lonlat_footprint, norm_lonlat

    shape = geom.geom if isinstance(geom, Geometry) else geom
    if isinstance(shape, shapely.Geometry) and not np.isfinite(shapely.get_coordinates(shape)).all():
        raise QueryError(f"geopolygon {shape.wkt[:200]} has coordinates that are not finite numbers")
    if isinstance(geom, Geometry):
        if geom.crs is None or geom.crs.geographic:
            # Lon/lat as written: an edge may span more than 180 degrees.
            return SpatialFilter.from_lonlat(norm_lonlat(geom.geom))
        crs = None if geom.crs.epsg == 4326 else str(geom.crs)
        return SpatialFilter.from_lonlat(lonlat_footprint(geom), crs)
    if isinstance(geom, shapely.Geometry):
        return SpatialFilter.from_lonlat(norm_lonlat(geom))
    if isinstance(geom, dict) and "type" in geom:
        try:
            g = shapely.geometry.shape(geom)
        except Exception as e:
            raise QueryError(f"geopolygon {geom!r} is not readable GeoJSON: {e}") from None
        return _from_geometry(g)
    raise QueryError(
        f"geopolygon must be an odc.geo Geometry, a shapely geometry or GeoJSON, got {type(geom).__name__}"
    )


# --- planning -----------------------------------------------------------------------------------


def plan_search(query: Mapping[str, Any], products: AbstractProductResource) -> list[ProductQuery]:
    """Turn search keywords into one :class:`ProductQuery` per product that may hold matches.

    ``product`` and ``metadata_type`` select products, the spatial keywords give the region
    (:func:`parse_spatial`) and every other keyword is a search field (:func:`to_field_expression`);
    fields a product's ``metadata`` section settles are left out of its query
    (:func:`select_products`). Naming a product the index does not hold warns, as ODC does.

    Raises
    ------
    QueryError
        A search option among the keywords, an unknown field or a malformed value.
    """
    options = set(query) & CONTROL_KEYWORDS
    if options:
        raise QueryError(f"{sorted(options)} are options, not search fields")
    spatial = parse_spatial(query)
    _warn_unknown_products(products, query.get("product"))
    out = []
    for product, left in select_products(query, products.get_all()):
        fields = product.metadata_type.search_fields
        exprs = tuple(
            to_field_expression(fields[k], v) for k, v in sorted(left.items()) if k not in SPATIAL_KEYWORDS
        )
        out.append(ProductQuery(product, exprs, spatial))
    return out


def _names(value: Any) -> set[str] | None:
    """Names from a name, a value with a ``name``, or a list, tuple or set of them; None if None."""
    if value is None:
        return None
    items = value if isinstance(value, list | tuple | set | frozenset) else [value]
    return {v if isinstance(v, str) else str(v.name) for v in items}


def select_products(
    query: Mapping[str, Any], products: Iterable[Product]
) -> list[tuple[Product, dict[str, Any]]]:
    """The products that may hold matching datasets, each with the keywords left to check.

    ``product`` and ``metadata_type`` (a name, a value, or a list of them) select among
    ``products`` (every product of the index); names not among them select nothing. A product
    is left out when its metadata type lacks a queried field or its ``metadata`` section
    contradicts one; the fields its ``metadata`` section settles are dropped from what is
    left, and the rest (spatial keywords too) are left for the datasets.

    Raises
    ------
    QueryError
        A field that none of ``products`` has.
    """
    query = {k: v for k, v in query.items() if v is not None}
    names = _names(query.pop("product", None))
    type_names = _names(query.pop("metadata_type", None))
    everything = list(products)
    field_keys = [k for k in query if k not in SPATIAL_KEYWORDS]
    known = {f for p in everything for f in p.metadata_type.search_fields}
    unknown = [k for k in field_keys if k not in known]
    if unknown:
        raise QueryError(
            f"unknown search field(s) {unknown}; fields of the products in the index: {sorted(known)}"
        )
    out = []
    for p in everything:
        if names is not None and p.name not in names:
            continue
        if type_names is not None and p.metadata_type.name not in type_names:
            continue
        fields = p.metadata_type.search_fields
        if any(k not in fields for k in field_keys):
            continue
        pvals = p.field_values()
        left = dict(query)
        for k in field_keys:
            if k not in pvals:
                continue
            if not matches(to_field_expression(fields[k], query[k]), pvals[k]):
                break
            del left[k]
        else:
            out.append((p, left))
    return out


def _warn_unknown_products(products: AbstractProductResource, names: Any) -> None:
    """Warn (as ODC does) when a search names products the index does not hold."""
    if names is None:
        return
    items = names if isinstance(names, list | tuple | set | frozenset) else [names]
    missing = sorted(n for n in items if isinstance(n, str) and products.get_by_name(n) is None)
    if missing:
        known = sorted(p.name for p in products.get_all())
        warnings.warn(
            f"no product named {', '.join(map(repr, missing))} in the index, so nothing of it "
            f"is found (products: {known})",
            QueryWarning,
            stacklevel=5,  # the caller of the resource's search or count
        )
