"""``datacube.model.utils``: :func:`xr_apply`, mapping a function over the cells of a grouped array."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import xarray as xr

from terracube.api._grouping import grouped_array

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from terracube.api import DatasetGroup

__all__ = ["xr_apply"]


def xr_apply(
    data_array: xr.DataArray | Sequence[DatasetGroup],
    func: Callable[..., Any],
    dtype: Any = None,
    with_numeric_index: bool = False,
) -> xr.DataArray:
    """Call ``func(labels, value)`` on each cell of ``data_array``; the results as an array like it.

    ``labels`` maps each coordinate name to the cell's label (``{"time": ...}``). With
    ``with_numeric_index=True`` the call is ``func(index_tuple, labels, value)``. A list of
    :class:`~terracube.api.DatasetGroup` (what :func:`terracube.api.group_datasets` returns) is
    taken as ODC's ``time`` array of dataset tuples, as ``dc.group_datasets`` gives it.

    Examples
    --------
    >>> a = xr.DataArray([1, 2, 3], dims=("time",), coords={"time": [10, 20, 30]})
    >>> xr_apply(a, lambda labels, v: v * 10 + int(labels["time"]) // 10, dtype=int).values.tolist()
    [11, 22, 33]
    """
    if not isinstance(data_array, xr.DataArray):
        data_array = grouped_array(list(data_array))
    values = data_array.values
    coords = {name: c for name, c in data_array.coords.items() if c.dims}
    out = np.empty(data_array.shape, dtype=dtype)
    for idx in np.ndindex(data_array.shape):
        where = dict(zip(data_array.dims, idx, strict=True))
        labels = {name: c.values[tuple(where[d] for d in c.dims)] for name, c in coords.items()}
        out[idx] = func(idx, labels, values[idx]) if with_numeric_index else func(labels, values[idx])
    return xr.DataArray(out, dims=data_array.dims, coords=data_array.coords)
