"""N-d selections: normalising numpy-style indices and planning the byte runs they need.

A selection (ints, slices with any step, one Ellipsis) is first normalised per axis into
:class:`AxisSelection` — a start, a positive step and a count, plus whether to reverse the
axis or drop it — so everything below only deals with increasing indices. :func:`plan_runs`
then turns it into the contiguous runs of a C-order array, and :func:`chunk_selections`
splits it over a regular chunk grid.
"""

from __future__ import annotations

import itertools
import math
import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import StorageRequestError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = [
    "AxisSelection",
    "ChunkRead",
    "RunPlan",
    "chunk_selections",
    "normalise",
    "plan_runs",
    "result_view",
]


@dataclass(frozen=True, slots=True)
class AxisSelection:
    """The indices ``start, start + step, ...`` (`count` of them) along one axis."""

    start: int
    """First index (the smallest)."""
    step: int
    """Positive stride."""
    count: int
    """Number of indices."""
    flip: bool = False
    """The request asked for them in decreasing order (a negative step)."""
    drop: bool = False
    """The request was an integer: the axis disappears from the result."""

    @property
    def stop(self) -> int:
        """One past the last selected index (or `start` when empty)."""
        return self.start + (self.count - 1) * self.step + 1 if self.count else self.start

    def is_full(self, size: int) -> bool:
        """True when every index of an axis of `size` is selected, in order."""
        return self.start == 0 and self.count == size and (self.step == 1 or size <= 1)

    def as_slice(self) -> slice:
        """The increasing-order slice."""
        return slice(self.start, self.stop, self.step)


def normalise(selection: Any, shape: Sequence[int]) -> tuple[AxisSelection, ...]:
    """Normalise a numpy-style basic index against `shape`.

    Parameters
    ----------
    selection
        An int, a slice, an Ellipsis, or a tuple of them (missing trailing axes are whole).

    Returns
    -------
    tuple of AxisSelection
        One per axis of `shape`.

    Raises
    ------
    StorageRequestError
        For an index out of bounds, too many indices or an unsupported index type.
    """
    items = selection if isinstance(selection, tuple) else (selection,)
    if sum(1 for item in items if item is Ellipsis) > 1:
        raise StorageRequestError(f"a selection may have only one Ellipsis, got {selection!r}")
    if Ellipsis in items:
        at = items.index(Ellipsis)
        fill = len(shape) - (len(items) - 1)
        items = items[:at] + (slice(None),) * max(fill, 0) + items[at + 1 :]
    if len(items) > len(shape):
        raise StorageRequestError(
            f"too many indices for an array of shape {tuple(shape)}: got {len(items)} in {selection!r}"
        )
    items = items + (slice(None),) * (len(shape) - len(items))
    out = []
    for axis, (item, size) in enumerate(zip(items, shape, strict=True)):
        if isinstance(item, slice):
            r = range(*item.indices(size))
            if len(r) == 0:
                out.append(AxisSelection(0, 1, 0))
            elif r.step > 0:
                out.append(AxisSelection(r.start, r.step, len(r)))
            else:
                out.append(AxisSelection(r[-1], -r.step, len(r), flip=True))
            continue
        try:
            index = operator.index(item)
        except TypeError:
            raise StorageRequestError(
                f"unsupported index {item!r} on axis {axis}: use ints, slices and one Ellipsis"
            ) from None
        if not -size <= index < size:
            raise StorageRequestError(f"index {index} is out of bounds for axis {axis} with size {size}")
        out.append(AxisSelection(index % size, 1, 1, drop=True))
    return tuple(out)


def result_view(out: np.ndarray, sel: Sequence[AxisSelection]) -> np.ndarray:
    """The view of `out` (the result array) in increasing index order with every axis kept.

    Writing the increasing-order data into this view fills `out` as numpy indexing would.
    """
    full = out.reshape(tuple(s.count for s in sel))
    if not sel:
        return full  # indexing a 0-d array with () would give a scalar, not a view
    return full[tuple(slice(None, None, -1) if s.flip else slice(None) for s in sel)]


def result_shape(sel: Sequence[AxisSelection]) -> tuple[int, ...]:
    """Shape of the result of the selection (integer axes dropped)."""
    return tuple(s.count for s in sel if not s.drop)


@dataclass(frozen=True, slots=True)
class RunPlan:
    """The contiguous element runs of a selection from a C-order array.

    Run ``i`` starts at element ``offsets[i]`` and fills row ``i`` of the result viewed as
    ``(len(offsets), run_len)``; its elements are ``offsets[i] + template`` (or the next
    `run_len` elements when `template` is None).
    """

    offsets: np.ndarray
    """Element offset of each run, increasing."""
    run_len: int
    """Elements each run delivers."""
    span: int
    """Elements each run covers in the source (more than `run_len` for a strided inner axis)."""
    template: np.ndarray | None
    """Offsets within a run, or None when it is contiguous."""

    @property
    def n_runs(self) -> int:
        """Number of runs."""
        return len(self.offsets)


def plan_runs(shape: Sequence[int], sel: Sequence[AxisSelection], *, max_gap: int | None = None) -> RunPlan:
    """Plan the runs of `sel` in a C-order array of `shape` (see :class:`RunPlan`).

    Parameters
    ----------
    shape
        The stored array's shape.
    sel
        The normalised selection.
    max_gap
        Largest hole, in elements, worth reading through inside one run (None: any). A
        strided innermost selected axis whose holes are larger gets one run per index, so
        only the elements it needs are fetched.
    """
    counts = [s.count for s in sel]
    if 0 in counts:
        return RunPlan(np.zeros(0, np.int64), 0, 0, None)
    ndim = len(shape)
    strides = [math.prod(shape[a + 1 :]) for a in range(ndim)]
    r = ndim - 1
    while r >= 0 and sel[r].is_full(shape[r]):
        r -= 1
    if r < 0:
        size = math.prod(shape)
        return RunPlan(np.zeros(1, np.int64), size, size, None)
    trailing = strides[r]
    s_r = sel[r]
    outer = r
    base = s_r.start * strides[r]
    template = None
    if s_r.step == 1 or s_r.count == 1:
        run_len = span = s_r.count * trailing
    elif max_gap is not None and (s_r.step - 1) * trailing > max_gap:
        # holes too wide to read through: axis r becomes an outer axis, one run per index
        run_len = span = trailing
        outer, base = r + 1, 0
    else:
        run_len = s_r.count * trailing
        template = (
            (np.arange(s_r.count, dtype=np.int64) * (s_r.step * trailing))[:, None]
            + np.arange(trailing, dtype=np.int64)[None, :]
        ).ravel()
        span = (s_r.count - 1) * s_r.step * trailing + trailing
    offsets = np.array(base, dtype=np.int64)
    for a in range(outer):
        idx = sel[a].start + np.arange(sel[a].count, dtype=np.int64) * sel[a].step
        offsets = np.add.outer(offsets, idx * strides[a]) if a else idx * strides[a] + offsets
    return RunPlan(np.atleast_1d(offsets).ravel(), run_len, span, template)


def gather(plan: RunPlan, first: int, last: int, buf: np.ndarray, base: int, out2d: np.ndarray) -> None:
    """Copy runs ``first:last`` from `buf` (elements starting at element `base`) into `out2d`."""
    offs = plan.offsets[first:last] - base
    n = last - first
    if plan.template is None:
        if n == 1 or plan.run_len >= 256:
            for row, off in zip(range(first, last), offs.tolist(), strict=True):
                out2d[row] = buf[off : off + plan.run_len]
            return
        out2d[first:last] = buf[offs[:, None] + np.arange(plan.run_len, dtype=np.int64)[None, :]]
        return
    block = max(1, (1 << 22) // max(1, plan.run_len))
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        out2d[first + lo : first + hi] = buf[offs[lo:hi, None] + plan.template[None, :]]


@dataclass(frozen=True, slots=True)
class ChunkRead:
    """The part of a selection that one chunk serves."""

    grid_index: tuple[int, ...]
    """Position of the chunk in the grid."""
    chunk_shape: tuple[int, ...]
    """Actual shape of the chunk (truncated at the array's edges)."""
    local: tuple[AxisSelection, ...]
    """The selection within the chunk."""
    dest: tuple[slice, ...]
    """Where it lands in the increasing-order result."""

    def is_whole(self) -> bool:
        """True when the request needs every element of the chunk."""
        return all(s.is_full(n) for s, n in zip(self.local, self.chunk_shape, strict=True))


def _axis_pieces(s: AxisSelection, size: int, chunk: int) -> list[tuple[int, AxisSelection, slice]]:
    if s.count == 0:
        return []
    pieces = []
    k = 0
    while k < s.count:
        index = s.start + k * s.step
        c = index // chunk
        chunk_stop = min((c + 1) * chunk, size)
        # last k whose index still falls in chunk c
        k_end = min(s.count, (chunk_stop - 1 - s.start) // s.step + 1)
        local = AxisSelection(index - c * chunk, s.step, k_end - k)
        pieces.append((c, local, slice(k, k_end)))
        k = k_end
    return pieces


def chunk_selections(
    shape: Sequence[int], chunks: Sequence[int], sel: Sequence[AxisSelection]
) -> Iterator[ChunkRead]:
    """The chunks of a regular grid a selection touches, in C order, with their local parts."""
    per_axis = [_axis_pieces(s, n, c) for s, n, c in zip(sel, shape, chunks, strict=True)]
    for combo in itertools.product(*per_axis):
        grid = tuple(p[0] for p in combo)
        chunk_shape = tuple(min(c, n - g * c) for g, c, n in zip(grid, chunks, shape, strict=True))
        yield ChunkRead(grid, chunk_shape, tuple(p[1] for p in combo), tuple(p[2] for p in combo))
