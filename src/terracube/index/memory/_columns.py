"""Per-product columns for the memory index: vectorised filters over numpy arrays.

Built lazily from a product's datasets and dropped whenever they change, so a search over
100,000 datasets costs a few array comparisons plus exact geometry tests on the candidates.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.index.query import Between, Negation, ValueIn, matches
from terracube.model import Range

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from terracube.index._datasets import OrderBy
    from terracube.index.query import Expression, ProductQuery
    from terracube.model import Dataset, SearchField

__all__ = ["ProductColumns", "sort_datasets"]


def _num(v: Any) -> float:
    if isinstance(v, dt.datetime):
        return v.timestamp()
    return float(v)


class ProductColumns:
    """Columns of one product's datasets."""

    def __init__(self, datasets: Sequence[Dataset]) -> None:
        self.datasets = list(datasets)
        n = len(self.datasets)
        self.archived = np.fromiter((d.is_archived for d in self.datasets), dtype=bool, count=n)
        self._fields: dict[str, tuple[np.ndarray, ...]] = {}
        self._bbox: np.ndarray | None = None
        self._geoms: np.ndarray | None = None

    def _column(self, field: SearchField) -> tuple[np.ndarray, ...]:
        cols = self._fields.get(field.name)
        if cols is not None:
            return cols
        vals = [d.search_values().get(field.name) for d in self.datasets]
        if field.value_type == "string":
            if field.is_range:
                cols = (
                    np.array([v.begin if v else None for v in vals], dtype=object),
                    np.array([v.end if v else None for v in vals], dtype=object),
                )
            else:
                cols = (np.array(vals, dtype=object),)
        elif field.is_range:
            lo = np.array(
                [np.nan if v is None else (-np.inf if v.begin is None else _num(v.begin)) for v in vals]
            )
            hi = np.array([np.nan if v is None else (np.inf if v.end is None else _num(v.end)) for v in vals])
            cols = (lo, hi)
        else:
            cols = (np.array([np.nan if v is None else _num(v) for v in vals]),)
        self._fields[field.name] = cols
        return cols

    def _expr_mask(self, expr: Expression) -> np.ndarray:
        f = expr.field
        if isinstance(expr, Negation):
            present = np.fromiter(
                (d.search_values().get(f.name) is not None for d in self.datasets),
                dtype=bool,
                count=len(self.datasets),
            )
            out: np.ndarray = present & ~self._expr_mask(expr.expression)
            return out
        cols = self._column(f)
        if f.value_type == "string":
            if isinstance(expr, ValueIn) and not f.is_range:
                out = np.zeros(len(self.datasets), dtype=bool)
                for v in expr.values:
                    out |= cols[0] == v
                return out
            # String ranges: evaluate per value, against the already-extracted column.
            vals = [d.search_values().get(f.name) for d in self.datasets]
            return np.fromiter((matches(expr, v) for v in vals), dtype=bool, count=len(vals))
        with np.errstate(invalid="ignore"):
            if isinstance(expr, Between):
                lo = -np.inf if expr.range.begin is None else _num(expr.range.begin)
                hi = np.inf if expr.range.end is None else _num(expr.range.end)
                if f.is_range:
                    return (cols[0] <= hi) & (cols[1] >= lo)
                return (cols[0] >= lo) & (cols[0] <= hi)
            if isinstance(expr, ValueIn):
                out = np.zeros(len(self.datasets), dtype=bool)
                for v in expr.values:
                    x = _num(v)
                    out |= ((cols[0] <= x) & (cols[1] >= x)) if f.is_range else (cols[0] == x)
                return out
        raise TypeError(f"unknown expression {expr!r}")

    def _spatial_mask(self, q: ProductQuery, mask: np.ndarray) -> np.ndarray:
        import shapely

        assert q.spatial is not None
        if self._bbox is None:
            geoms = [d.lonlat_footprint for d in self.datasets]
            self._geoms = np.array(geoms, dtype=object)
            self._bbox = np.array(
                [g.bounds if g is not None else (np.nan,) * 4 for g in geoms], dtype=float
            ).reshape(-1, 4)
        bb = self._bbox
        near = np.zeros(len(self.datasets), dtype=bool)
        with np.errstate(invalid="ignore"):
            for w, s, e, n in q.spatial.boxes:
                near |= (bb[:, 0] <= e) & (bb[:, 2] >= w) & (bb[:, 1] <= n) & (bb[:, 3] >= s)
        cand = np.flatnonzero(mask & near)
        out = np.zeros(len(self.datasets), dtype=bool)
        if len(cand):
            assert self._geoms is not None
            out[cand] = shapely.intersects(self._geoms[cand], q.spatial.geometry)
        return out

    def mask(self, q: ProductQuery, archived: bool | None) -> np.ndarray:
        """Which datasets match the product query and archive state."""
        if archived is None:
            m = np.ones(len(self.datasets), dtype=bool)
        else:
            m = self.archived.copy() if archived else ~self.archived
        for expr in q.expressions:
            if not m.any():
                break
            m &= self._expr_mask(expr)
        if q.spatial is not None and m.any():
            m = self._spatial_mask(q, m)
        return m

    def select(self, q: ProductQuery, archived: bool | None) -> Iterator[Dataset]:
        """Matching datasets, in insertion order."""
        for i in np.flatnonzero(self.mask(q, archived)):
            yield self.datasets[i]

    def count(self, q: ProductQuery, archived: bool | None) -> int:
        """How many datasets match."""
        return int(self.mask(q, archived).sum())


def _sort_key(ds: Dataset, name: str) -> tuple[int, Any]:
    if name == "id":
        v: Any = str(ds.id)
    elif name == "product":
        v = ds.product.name
    elif name == "uri":
        v = ds.uri
    elif name == "indexed_time":
        v = ds.indexed_time
    elif name == "archived_time":
        v = ds.archived_time
    else:
        v = ds.search_values().get(name)
        if isinstance(v, Range):
            v = v.begin
    return (1, None) if v is None else (0, v)


def sort_datasets(datasets: list[Dataset], order_by: OrderBy) -> list[Dataset]:
    """Sort by several fields; missing values sort last whatever the direction."""
    out = list(datasets)
    for name, desc in reversed(order_by):
        present = [d for d in out if _sort_key(d, name)[0] == 0]
        absent = [d for d in out if _sort_key(d, name)[0] == 1]
        present.sort(key=lambda d: _sort_key(d, name)[1], reverse=desc)
        out = present + absent
    return out
