"""SQL for canonical queries: one ProductQuery becomes a WHERE clause over ``dataset d``.

Time and space go through the R*Tree (``dataset_rtree``: lon, lat, time, product); other search
fields compare values extracted from the ``fields`` JSON column with the same expression the
field indexes are built on, so SQLite can use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.index._rows import TIME_FIELD, order_by_sql, to_micros, value_for_storage
from terracube.index._shared import Where
from terracube.index.query import Between, Negation, ValueIn

if TYPE_CHECKING:
    from terracube.index.query import Expression, OrderBy, ProductQuery
    from terracube.model import SearchField

__all__ = ["field_expr", "field_index_sql", "has_field_index", "order_sql", "where_sql"]


def field_expr(name: str, part: str | None = None, alias: str = "d") -> str:
    """The SQL reading one flat field value (``part`` is ``lo``/``hi`` for range fields)."""
    key = name if part is None else f"{name}.{part}"
    prefix = f"{alias}." if alias else ""
    return f"json_extract({prefix}fields, '$.\"{key}\"')"


def has_field_index(field: SearchField) -> bool:
    """Whether a search field gets an expression index (time and footprint are in the R*Tree)."""
    return field.indexed and field.name not in (TIME_FIELD, "lat", "lon")


def field_index_sql(metadata_type_id: int, field: SearchField) -> tuple[str, str]:
    """(index name, CREATE INDEX statement) for an indexed search field of a metadata type."""
    name = f"ix_field_{metadata_type_id}_{field.name}"
    expr = field_expr(field.name, "lo" if field.is_range else None, alias="")
    sql = f"CREATE INDEX IF NOT EXISTS {name} ON dataset({expr}) WHERE metadata_type_id = {metadata_type_id}"
    return name, sql


def _expr_sql(expr: Expression, w: Where) -> None:
    f = expr.field
    if isinstance(expr, Negation):
        inner = Where()
        _expr_sql(expr.expression, inner)
        present = field_expr(f.name, "lo" if f.is_range else None)
        w.add(f"({present} IS NOT NULL AND NOT ({inner.sql()}))", *inner.params)
        return
    if isinstance(expr, ValueIn):
        vals = [value_for_storage(f, v) for v in expr.values]
        if f.is_range:
            lo, hi = field_expr(f.name, "lo"), field_expr(f.name, "hi")
            w.add(
                "(" + " OR ".join(f"({lo} <= ? AND {hi} >= ?)" for _ in vals) + ")",
                *[x for v in vals for x in (v, v)],
            )
        else:
            w.add(f"{field_expr(f.name)} IN ({', '.join('?' * len(vals))})", *vals)
        return
    if isinstance(expr, Between):
        b = None if expr.range.begin is None else value_for_storage(f, expr.range.begin)
        e = None if expr.range.end is None else value_for_storage(f, expr.range.end)
        lo_sql = field_expr(f.name, "lo" if f.is_range else None)
        hi_sql = field_expr(f.name, "hi") if f.is_range else lo_sql
        if f.is_range:
            # Overlap of closed ranges; an open query end still needs the field present.
            w.add(f"{lo_sql} <= ?", e) if e is not None else w.add(f"{lo_sql} IS NOT NULL")
            if b is not None:
                w.add(f"{hi_sql} >= ?", b)
        else:
            w.add(f"{lo_sql} >= ?", b) if b is not None else w.add(f"{lo_sql} IS NOT NULL")
            if e is not None:
                w.add(f"{lo_sql} <= ?", e)
        return
    raise TypeError(f"unknown expression {expr!r}")


def _is_time(expr: Expression) -> bool:
    f = expr.field
    return f.name == TIME_FIELD and f.is_range and f.value_type == "datetime" and isinstance(expr, Between)


def where_sql(pq: ProductQuery, product_id: int, metadata_type_id: int, archived: bool | None) -> Where:
    """The WHERE clause selecting a product query's candidates (space is refined later).

    With a time or a region, candidates come from the R*Tree (rows by ``ref``); with a
    condition on an indexed field, from that field's index. The product and time columns of
    ``dataset`` then only refine, written ``+d.col`` so that the planner, without ANALYZE
    statistics, does not walk the ``(product_id, t0)`` index through all of the product's
    datasets instead.
    """
    w = Where()
    narrowed = pq.spatial is not None or any(_is_time(e) or has_field_index(e.field) for e in pq.expressions)
    w.add(f"{'+' if narrowed else ''}d.product_id = ?", product_id)
    if archived is True:
        w.add("d.archived IS NOT NULL")
    elif archived is False:
        w.add("d.archived IS NULL")
    time_range = None
    has_field_cond = False
    for expr in pq.expressions:
        if _is_time(expr):
            assert isinstance(expr, Between)
            time_range = expr.range
            continue
        _expr_sql(expr, w)
        has_field_cond = True
    if has_field_cond:
        # Lets SQLite use the partial field indexes of this metadata type.
        w.add("d.metadata_type_id = ?", metadata_type_id)
    rt = Where()
    if time_range is not None:
        t0 = None if time_range.begin is None else to_micros(time_range.begin)
        t1 = None if time_range.end is None else to_micros(time_range.end)
        if t1 is not None:
            w.add("+d.t0 <= ?", t1)
            rt.add("r.t0 <= ?", float(t1))
        else:
            w.add("+d.t0 IS NOT NULL")
        if t0 is not None:
            w.add("+d.t1 >= ?", t0)
            rt.add("r.t1 >= ?", float(t0))
    if time_range is None and pq.spatial is None:
        return w
    rt.add("r.p0 <= ? AND r.p1 >= ?", product_id, product_id)
    boxes = pq.spatial.boxes if pq.spatial is not None else (None,)
    parts = []
    params: list[Any] = []
    for box in boxes:
        cond = rt.sql()
        ps = list(rt.params)
        if box is not None:
            west, south, east, north = box
            cond += " AND r.lon0 <= ? AND r.lon1 >= ? AND r.lat0 <= ? AND r.lat1 >= ?"
            ps += [east, west, north, south]
        parts.append(f"SELECT r.ref FROM dataset_rtree r WHERE {cond}")
        params += ps
    w.add(f"d.ref IN ({' UNION '.join(parts)})", *params)
    return w


def order_sql(order_by: OrderBy) -> str:
    """ORDER BY terms for native and search fields; missing values last."""
    return order_by_sql(order_by, lambda name: f"coalesce({field_expr(name)}, {field_expr(name, 'lo')})")
