"""``datacube.api.query``: ``Query``, ``query_group_by`` and ``solar_day`` over terracube's search.

Helper packages build a ``Query`` from a load's keyword arguments to find its region
(``Query(**query).geopolygon``) or to count datasets
(``index.datasets.count(**Query(**query).search_terms)``), and group datasets as a load would
(``dc.group_datasets(datasets, query_group_by(**query))``). These read the query as
``dc.load``/``dc.find_datasets`` do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import QueryError

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from odc.geo.geom import Geometry

    from terracube.model import Dataset

__all__ = ["GroupBy", "Query", "query_group_by", "solar_day"]

#: Keywords of a load that ``Query`` reads as the output grid's, not as search terms.
_LOAD_GRID_OPTIONS = ("measurements", "output_crs", "resolution")


def solar_day(dataset: Dataset, longitude: float | None = None) -> np.datetime64:
    """The local solar day of a dataset, as ``numpy.datetime64`` (days).

    ``longitude`` (degrees east) replaces the centre of the dataset's footprint.

    Raises
    ------
    QueryError
        The dataset has no time (or no footprint, without ``longitude``).
    """
    import datetime as dt

    from terracube.api._grouping import _center_time
    from terracube.api._grouping import solar_day as _solar_day

    if longitude is None:
        return np.datetime64(_solar_day(dataset), "D")
    lon = (float(longitude) + 180.0) % 360.0 - 180.0
    return np.datetime64((_center_time(dataset) + dt.timedelta(hours=lon / 15.0)).date(), "D")


def _acquisition_time(dataset: Dataset) -> np.datetime64:
    from terracube.api._grouping import _center_time

    return np.datetime64(_center_time(dataset), "ns")


class GroupBy:
    """How datasets are grouped into time steps: by acquisition time or by solar day.

    It is a function of a dataset returning its group key, so ``dc.load(group_by=gb)`` and
    ``dc.group_datasets(datasets, gb)`` take it. ``dimension``, ``group_by_func``, ``units``
    and ``sort_key`` are the attributes ODC's helpers read.
    """

    def __init__(self, name: str, group_by_func: Callable[[Dataset], Hashable]) -> None:
        self.name = name
        self.dimension = "time"
        self.group_by_func = group_by_func
        self.units = "seconds since 1970-01-01 00:00:00"
        self.sort_key = _acquisition_time

    def __call__(self, dataset: Dataset) -> Hashable:
        return self.group_by_func(dataset)

    def __repr__(self) -> str:
        return f"GroupBy({self.name!r})"


def query_group_by(
    group_by: str | GroupBy | Callable[[Dataset], Hashable] | None = None, **query: Any
) -> GroupBy:
    """The grouping a load's ``group_by=`` asks for; the query's other keywords are left aside.

    ``None`` or ``"time"``: one step per acquisition time; ``"solar_day"``: one per local solar
    day; a function of a dataset: one step per key it returns.

    Raises
    ------
    QueryError
        ``group_by`` is another string or value.
    """
    if isinstance(group_by, GroupBy):
        return group_by
    if group_by is None or group_by == "time":
        return GroupBy("time", _acquisition_time)
    if group_by == "solar_day":
        return GroupBy("solar_day", solar_day)
    if callable(group_by):
        return GroupBy(getattr(group_by, "__name__", "custom"), group_by)
    raise QueryError(
        f"group_by={group_by!r} is not understood; use 'time', 'solar_day' or a function of a dataset"
    )


class Query:
    """A load's query read as a search: the product, the region and the other search terms.

    Parameters
    ----------
    index
        Kept as ``query.index``; the terms are checked when they are searched.
    product
        A product name (or Product).
    geopolygon
        The region, as an odc-geo Geometry (or GeoJSON-like mapping in EPSG:4326).
    like
        An xarray object or GeoBox giving the region (and, with a ``time`` coordinate, the time).
    **search_terms
        ``time``, ``x``/``y``/``lat``/``lon``/``crs`` and any search field; a load's
        ``measurements``, ``output_crs``, ``resolution`` and ``group_by`` are read but not searched.

    Raises
    ------
    QueryError
        A load-only option (``dask_chunks``, ``resampling``...), both ``like`` and a region, or a
        malformed region or time.
    """

    def __init__(
        self,
        index: Any = None,
        product: Any = None,
        geopolygon: Geometry | Any = None,
        like: Any = None,
        **search_terms: Any,
    ) -> None:
        from terracube.api._geobox import query_region
        from terracube.api._load import search_terms as read_search
        from terracube.index.query import SPATIAL_KEYWORDS, parse_time

        terms = dict(search_terms)
        self.index = index
        self.product = product
        self.group_by = query_group_by(terms.pop("group_by", None))
        for key in _LOAD_GRID_OPTIONS:
            terms.pop(key, None)
        if geopolygon is not None:
            terms["geopolygon"] = geopolygon
        search = read_search(terms, like)
        self.geopolygon: Geometry | None = query_region(search)
        for key in SPATIAL_KEYWORDS:
            search.pop(key, None)
        if search.get("time") is not None:
            search["time"] = parse_time(search["time"])
        self.search: dict[str, Any] = search

    @property
    def search_terms(self) -> dict[str, Any]:
        """Keyword arguments for ``index.datasets.search``/``count``: the terms, product and region."""
        terms = dict(self.search)
        if self.product is not None:
            terms["product"] = getattr(self.product, "name", self.product)
        if self.geopolygon is not None:
            terms["geopolygon"] = self.geopolygon
        return terms

    def __repr__(self) -> str:
        return f"Query(product={self.product!r}, search={self.search!r}, geopolygon={self.geopolygon!r})"
