"""SQL for canonical queries: one :class:`ProductQuery` becomes a WHERE clause over ``dataset d``.

Statements are text with bound parameters (psycopg ``%s``); only integers from the catalog
(product, metadata type and CRS ids) and validated field names are written into the text, so
the planner can match partial indexes (``WHERE metadata_type_id = 3``) against the query.

* Search fields compare typed expressions over the flat ``fields`` JSON; the per-metadata-type
  expression indexes (:func:`field_index`) are built on the very same expressions.
* Time and space go through a spatial table's n-d boxes (x, y, time in days, product), then
  the exact ``t0``/``t1`` range and an exact ``ST_Intersects`` on the lon/lat footprint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from terracube.index._rows import TIME_FIELD, order_by_sql, to_micros, value_for_storage
from terracube.index._shared import Where
from terracube.index.query import SPATIAL_KEYWORDS, Between, Negation, ValueIn

if TYPE_CHECKING:
    from terracube.index.query import Expression, OrderBy, ProductQuery
    from terracube.model import Range, SearchField

__all__ = [
    "COLUMNS",
    "Candidates",
    "field_index",
    "indexed_fields",
    "order_sql",
    "uses_box_index",
    "where_sql",
]

#: Columns every dataset query selects, in the order ``_make`` reads them. The document comes
#: as JSON text, decoded only when the dataset's document is first read.
COLUMNS: Final = "d.id, d.product_id, d.doc::text, d.uri, d.archived, d.added"

_US_PER_DAY: Final = 86_400_000_000
_UNBOUNDED: Final = 1e30  # query box bound on an axis the query leaves open
_NOWHERE_BOX: Final = (-1e6, -1e6, 1e6, 1e6)  # covers the "no footprint" point (1000, 1000)
_DAY_MARGIN: Final = 0.01  # days; the boxes are float4, the exact t0/t1 test follows

_CASTS: Final = {
    "string": ' COLLATE "C"',
    "integer": "::numeric",
    "numeric": "::float8",
    "datetime": "::bigint",
}
_ARRAYS: Final = {"string": "text[]", "integer": "numeric[]", "numeric": "float8[]", "datetime": "bigint[]"}
_RANGES: Final = {"integer": "numrange", "numeric": "tc_float8range", "datetime": "int8range"}


def _key(name: str) -> str:
    return name.replace("'", "''")


def field_sql(field: SearchField, part: str | None = None, alias: str = "d.") -> str:
    """The typed SQL value of a scalar field (or one end, ``lo``/``hi``, of a range field)."""
    key = field.name if part is None else f"{field.name}.{part}"
    return f"(({alias}fields ->> '{_key(key)}'){_CASTS[field.value_type]})"


def range_sql(field: SearchField, alias: str = "d.") -> str:
    """The SQL range value of a range field (NULL when absent or malformed)."""
    lo, hi = field_sql(field, "lo", alias), field_sql(field, "hi", alias)
    return f"(CASE WHEN {lo} <= {hi} THEN {_RANGES[field.value_type]}({lo}, {hi}, '[]') END)"


def is_time_axis(field: SearchField) -> bool:
    """Whether the field is the one the spatial boxes' time axis carries."""
    return field.name == TIME_FIELD and field.is_range and field.value_type == "datetime"


def indexed_fields(fields: dict[str, SearchField]) -> list[SearchField]:
    """The fields that get an expression index: all but time and the spatial ones.

    Every field is indexed, whatever its ``indexed`` flag says: any field can be searched, and
    a search should never scan every dataset of a metadata type.
    """
    return [f for f in fields.values() if not is_time_axis(f) and f.name not in SPATIAL_KEYWORDS]


def field_index(metadata_type_id: int, field: SearchField) -> tuple[str, str]:
    """(index name, ``CREATE INDEX`` body after the name) for one field of a metadata type."""
    kind = ("r" if field.is_range else "s") + field.value_type[0]
    name = f"ix_{metadata_type_id}_{field.name}_{kind}"
    if len(name) > 63:
        digest = hashlib.sha1(name.encode()).hexdigest()[:10]
        name = f"ix_{metadata_type_id}_{field.name[:40]}_{digest}_{kind}"
    if field.is_range:
        body = f"ON dataset USING gist ({range_sql(field, '')})"
    else:
        body = f"ON dataset ({field_sql(field, None, '')})"
    return name, f"{body} WHERE metadata_type_id = {int(metadata_type_id)}"


@dataclass(frozen=True, slots=True)
class Candidates:
    """Where to look for time/space candidates: a spatial table and query boxes in its CRS."""

    srid: int
    """The spatial table's CRS (``spatial_<srid>``)."""
    boxes: tuple[tuple[float, float, float, float], ...]
    """(xmin, ymin, xmax, ymax) in that CRS; empty means no spatial bounds."""
    footprint_wkb: bytes | None
    """The lon/lat query region (WKB) for the exact test, or None without a region."""


def _expr_sql(expr: Expression, w: Where) -> None:
    f = expr.field
    vt = f.value_type
    if isinstance(expr, Negation):
        inner = Where()
        _expr_sql(expr.expression, inner)
        present = range_sql(f) if f.is_range else field_sql(f)
        w.add(f"({present} IS NOT NULL AND NOT ({inner.sql()}))", *inner.params)
        return
    if isinstance(expr, ValueIn):
        vals = [value_for_storage(f, v) for v in expr.values]
        if f.is_range:
            rng = range_sql(f)
            elem = _ARRAYS[vt][:-2]
            w.add("(" + " OR ".join(f"{rng} @> %s::{elem}" for _ in vals) + ")", *vals)
        else:
            w.add(f"{field_sql(f)} = ANY(%s::{_ARRAYS[vt]})", vals)
        return
    if isinstance(expr, Between):
        b = None if expr.range.begin is None else value_for_storage(f, expr.range.begin)
        e = None if expr.range.end is None else value_for_storage(f, expr.range.end)
        if f.is_range:
            elem = _ARRAYS[vt][:-2]
            w.add(f"{range_sql(f)} && {_RANGES[vt]}(%s::{elem}, %s::{elem}, '[]')", b, e)
            return
        col = field_sql(f)
        if b is None and e is None:
            w.add(f"{col} IS NOT NULL")
        if b is not None:
            w.add(f"{col} >= %s", b)
        if e is not None:
            w.add(f"{col} <= %s", e)
        return
    raise TypeError(f"unknown expression {expr!r}")


def _days(us: int | None, default: float) -> float:
    return default if us is None else us / _US_PER_DAY


def uses_box_index(pq: ProductQuery) -> bool:
    """Whether the query narrows time or space (and so reads a spatial table)."""
    return pq.spatial is not None or any(
        is_time_axis(e.field) and isinstance(e, Between) for e in pq.expressions
    )


def where_sql(
    pq: ProductQuery,
    product_id: int,
    metadata_type_id: int,
    archived: bool | None,
    candidates: Candidates | None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword) selecting a product query's datasets, and its params."""
    w = Where()
    w.add(f"d.product_id = {int(product_id)}")
    if archived is True:
        w.add("d.archived IS NOT NULL")
    elif archived is False:
        w.add("d.archived IS NULL")
    time_range: Range[Any] | None = None
    has_field_cond = False
    for expr in pq.expressions:
        if is_time_axis(expr.field) and isinstance(expr, Between):
            time_range = expr.range
            continue
        _expr_sql(expr, w)
        has_field_cond = True
    if has_field_cond:
        # Lets the planner use this metadata type's partial field indexes.
        w.add(f"d.metadata_type_id = {int(metadata_type_id)}")
    t0 = t1 = None
    if time_range is not None:
        t0 = None if time_range.begin is None else to_micros(time_range.begin)
        t1 = None if time_range.end is None else to_micros(time_range.end)
        if t1 is not None:
            w.add("d.t0 <= %s", t1)
        else:
            w.add("d.t0 IS NOT NULL")
        if t0 is not None:
            w.add("d.t1 >= %s", t0)
    if candidates is not None:
        z0 = _days(t0, -_UNBOUNDED) - _DAY_MARGIN
        z1 = _days(t1, _UNBOUNDED) + _DAY_MARGIN
        srid = int(candidates.srid)
        arms = []
        params: list[Any] = []
        for box in candidates.boxes or (_NOWHERE_BOX,):
            for wide in (False, True):
                arms.append(
                    f"SELECT s.id FROM spatial_{srid} s WHERE s.box &&& "
                    f"tc_qbox(%s, %s, %s, %s, %s, %s, {int(product_id)}, {srid}) "
                    f"AND {'' if wide else 'NOT '}s.wide"
                )
                params += [*box, z0, z1]
        w.add(f"d.id IN ({' UNION ALL '.join(arms)})", *params)
        if candidates.footprint_wkb is not None:
            w.add("ST_Intersects(d.footprint, ST_GeomFromWKB(%s, 4326))", candidates.footprint_wkb)
    return w.sql(), w.params


def order_sql(order_by: OrderBy, fields: dict[str, SearchField]) -> str:
    """ORDER BY terms for native and search fields; missing values last."""
    # jsonb compares numbers as numbers and strings as strings.
    return order_by_sql(
        order_by, lambda name: f"coalesce(d.fields -> '{_key(name)}', d.fields -> '{_key(name)}.lo')"
    )
