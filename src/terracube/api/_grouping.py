"""Group datasets into the time steps of a load: by exact time or by solar day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from terracube.errors import QueryError

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence

    import xarray as xr

    from terracube.model import Dataset

__all__ = ["DatasetGroup", "GroupBy", "group_datasets", "grouped_array", "solar_day"]

GroupBy: TypeAlias = "str | Callable[[Dataset], Hashable] | None"
"""``"time"`` (default), ``"solar_day"``, or a function of a dataset returning its group key."""


@dataclass(frozen=True, slots=True)
class DatasetGroup:
    """The datasets fused into one time step of a load."""

    time: dt.datetime
    """The step's time (naive UTC): the earliest centre time of its datasets."""
    key: Hashable
    """The grouping key: the centre time, the solar day, or what a custom function returned."""
    datasets: tuple[Dataset, ...]
    """Its datasets in fusing order: by centre time, then id."""


def _utc_naive(t: dt.datetime) -> dt.datetime:
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC).replace(tzinfo=None)
    return t


def _center_time(ds: Dataset) -> dt.datetime:
    t = ds.center_time
    if t is None:
        raise QueryError(
            f"dataset {str(ds.id)!r} has no time; it cannot be placed on the time axis of a load"
        )
    return _utc_naive(t)


def solar_day(ds: Dataset) -> dt.date:
    """The local solar date of a dataset: its UTC centre time shifted by longitude / 15 hours.

    The longitude is the centre of the dataset's lon/lat bounds.

    Raises
    ------
    QueryError
        The dataset has no time or no footprint.
    """
    bounds = ds.lonlat_bounds
    if bounds is None:
        raise QueryError(
            f"dataset {str(ds.id)!r} has no footprint, so it has no solar day; use group_by='time'"
        )
    west, _, east, _ = bounds
    lon = (west + east) / 2
    lon = (lon + 180.0) % 360.0 - 180.0
    return (_center_time(ds) + dt.timedelta(hours=lon / 15.0)).date()


def group_datasets(datasets: Iterable[Dataset], group_by: GroupBy = "time") -> list[DatasetGroup]:
    """Group datasets into time steps, sorted by time.

    Parameters
    ----------
    datasets
        The datasets found for a load.
    group_by
        ``"time"`` (or None): one step per distinct centre time; ``"solar_day"``: one step per
        local solar day (for joining neighbouring scenes of one pass); or a function of a
        dataset returning a hashable key.

    Returns
    -------
    list of DatasetGroup
        Sorted by time; within a group, datasets sorted by centre time then id.

    Raises
    ------
    QueryError
        Unknown ``group_by``, or a dataset without a time.
    """
    key_fn: Callable[[Dataset], Hashable]
    if group_by is None or group_by == "time":
        key_fn = _center_time
    elif group_by == "solar_day":
        key_fn = solar_day
    elif callable(group_by):
        key_fn = group_by
    else:
        raise QueryError(f"group_by={group_by!r} is not understood; use 'time', 'solar_day' or a function")
    groups: dict[Hashable, list[tuple[dt.datetime, str, Dataset]]] = {}
    for ds in datasets:
        groups.setdefault(key_fn(ds), []).append((_center_time(ds), str(ds.id), ds))
    out: list[DatasetGroup] = []
    for key, items in groups.items():
        items.sort(key=lambda it: (it[0], it[1]))
        out.append(DatasetGroup(items[0][0], key, tuple(it[2] for it in items)))
    out.sort(key=lambda g: (g.time, str(g.key)))
    return out


def grouped_array(groups: Sequence[DatasetGroup]) -> xr.DataArray:
    """Groups as ODC gives them: a ``time`` DataArray whose cells are tuples of datasets.

    The ``time`` coordinate is each group's :attr:`DatasetGroup.time`.
    """
    import numpy as np
    import xarray as xr

    cells = np.empty(len(groups), dtype=object)
    for i, g in enumerate(groups):
        cells[i] = g.datasets
    times = np.array([np.datetime64(g.time, "ns") for g in groups], dtype="datetime64[ns]")
    return xr.DataArray(cells, dims=("time",), coords={"time": times})
