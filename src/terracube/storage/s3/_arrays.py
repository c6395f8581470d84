"""Reading a selection out of one C-order array object: the engine behind S3AIO and S3LIO.

Uncompressed objects are read by byte ranges: the runs a selection needs (see
:func:`~._selection.plan_runs`), with runs closer than a gap merged into one request and
long contiguous runs read straight into the output. Compressed objects are fetched whole and
decoded once.
"""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from terracube.errors import StorageError, StorageRequestError
from terracube.storage.s3._ranges import ByteRange, split_aligned
from terracube.storage.s3._selection import AxisSelection, RunPlan, gather, plan_runs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from terracube.storage.s3._codecs import Codec
    from terracube.storage.s3.byteio import S3IO

__all__ = ["ArrayTarget", "ReadTask", "byte_view", "plan_reads", "prepare_out", "run_reads"]


def byte_view(array: np.ndarray) -> memoryview:
    """A flat writable-or-not byte view of a C-contiguous array (any dtype, datetime too)."""
    if not array.flags.c_contiguous:
        raise StorageRequestError("internal: byte view of a non-contiguous array")
    return array.reshape(-1).view(np.uint8).data


def prepare_out(out: np.ndarray | None, shape: tuple[int, ...], dtype: np.dtype[Any]) -> np.ndarray:
    """The output array: `out` checked against the result shape and dtype, or a new one."""
    if out is None:
        return np.empty(shape, dtype=dtype)
    if out.shape != shape or out.dtype != dtype:
        raise StorageRequestError(
            f"out has shape {out.shape} and dtype {out.dtype}; the selection needs shape {shape} and dtype {dtype}"
        )
    if not out.flags.writeable:
        raise StorageRequestError("out is read-only")
    return out


@dataclass(frozen=True, slots=True)
class ReadTask:
    """One request: a span of the object serving runs ``first:last`` of a plan.

    With ``direct`` set, the span is the byte range ``direct`` of row `first` of the
    output (a contiguous run, possibly a piece of it) and is read straight into it.
    """

    span: ByteRange
    """Bytes to fetch."""
    first: int
    """First run served."""
    last: int
    """One past the last run served."""
    direct: tuple[int, int] | None = None
    """Byte offsets within output row `first` for a direct read, else None."""


@dataclass(slots=True)
class ArrayTarget:
    """Where a read lands: the runs' output rows, possibly through a temporary buffer."""

    target: np.ndarray
    """The increasing-order result view (may be non-contiguous)."""
    rows: np.ndarray
    """``(n_runs, run_len)`` view of a contiguous buffer receiving the runs."""
    staging: bool
    """True when `rows` is a temporary to copy into `target` at the end."""

    @classmethod
    def make(cls, target: np.ndarray, plan: RunPlan) -> ArrayTarget:
        if target.flags.c_contiguous:
            return cls(target, target.reshape(plan.n_runs, plan.run_len), False)
        buffer = np.empty(target.shape, target.dtype)
        return cls(target, buffer.reshape(plan.n_runs, plan.run_len), True)

    def finish(self) -> None:
        if self.staging:
            self.target[...] = self.rows.reshape(self.target.shape)


def plan_reads(
    plan: RunPlan, itemsize: int, *, max_gap: int, part_size: int | None, bbox: bool = False
) -> list[ReadTask]:
    """Cut a plan into requests.

    Parameters
    ----------
    plan
        The runs.
    itemsize
        Bytes per element.
    max_gap
        Runs closer than this many bytes share a request.
    part_size
        Split requests larger than this (None: never), so parallel reads balance.
    bbox
        One request spanning every run (the bounding byte interval).
    """
    if plan.n_runs == 0:
        return []
    starts = plan.offsets * itemsize
    span_bytes = plan.span * itemsize
    if bbox:
        return [ReadTask(ByteRange(int(starts[0]), int(starts[-1]) + span_bytes), 0, plan.n_runs)]
    gaps = starts[1:] - (starts[:-1] + span_bytes)
    breaks = np.flatnonzero(gaps > max_gap) + 1
    bounds = [0, *breaks.tolist(), plan.n_runs]
    tasks: list[ReadTask] = []
    run_bytes = plan.run_len * itemsize
    for first, last in itertools.pairwise(bounds):
        lo = int(starts[first])
        hi = int(starts[last - 1]) + span_bytes
        if last - first == 1 and plan.template is None:
            # cut at multiples of the part size within the object, which are checksum block
            # boundaries too: no block is fetched twice
            pieces = (
                split_aligned(lo, lo + run_bytes, part_size) if part_size else [ByteRange(lo, lo + run_bytes)]
            )
            for r in pieces:
                tasks.append(ReadTask(r, first, last, (r.start - lo, r.stop - lo)))
            continue
        if part_size is None or hi - lo <= part_size:
            tasks.append(ReadTask(ByteRange(lo, hi), first, last))
            continue
        # split a long group at run boundaries into pieces of about part_size bytes
        rel = starts[first:last] - lo
        cuts = np.searchsorted(rel, np.arange(part_size, hi - lo, part_size), side="left")
        edges = sorted({0, *cuts.tolist(), last - first})
        for a, b in itertools.pairwise(edges):
            if a == b:
                continue
            tasks.append(
                ReadTask(
                    ByteRange(int(starts[first + a]), int(starts[first + b - 1]) + span_bytes),
                    first + a,
                    first + b,
                )
            )
    return tasks


def place(task: ReadTask, data: Any, plan: RunPlan, dtype: np.dtype[Any], rows: np.ndarray) -> None:
    """Copy fetched bytes `data` of `task` into the output rows."""
    if task.direct is not None:
        a, b = task.direct
        byte_view(rows[task.first])[a:b] = memoryview(data).cast("B")
        return
    buf = np.frombuffer(data, dtype=dtype)
    gather(plan, task.first, task.last, buf, task.span.start // dtype.itemsize, rows)


def fetch_into(
    io: S3IO,
    bucket: str,
    key: str,
    task: ReadTask,
    plan: RunPlan,
    dtype: np.dtype[Any],
    rows: np.ndarray,
    size: int | None = None,
) -> None:
    """Fetch one task and place it (in-process); `size` is the object's, when known."""
    if task.direct is not None:
        a, b = task.direct
        io.backend.get_range(
            bucket, key, task.span.start, task.span.stop, byte_view(rows[task.first])[a:b], size
        )
        return
    data = io.backend.get_range(bucket, key, task.span.start, task.span.stop, None, size)
    place(task, data, plan, dtype, rows)


def fetch_bytes(io: S3IO, bucket: str, key: str, task: ReadTask, size: int | None = None) -> bytes:
    """Fetch one task's bytes (for remote workers)."""
    return bytes(io.backend.get_range(bucket, key, task.span.start, task.span.stop, None, size))


def run_reads(
    io: S3IO,
    bucket: str,
    key: str,
    plan: RunPlan,
    tasks: Sequence[ReadTask],
    dtype: np.dtype[Any],
    rows: np.ndarray,
    *,
    parallel: bool,
    size: int | None = None,
) -> None:
    """Execute read tasks: in this thread (direct reads one by one, the rest as one
    multi-range request) or on the store's runner. `size` is the object's, when known."""
    if not tasks:
        return
    if not parallel:
        grouped = [t for t in tasks if t.direct is None]
        for task in tasks:
            if task.direct is not None:
                fetch_into(io, bucket, key, task, plan, dtype, rows, size)
        if grouped:
            datas = io.backend.get_ranges(bucket, key, [t.span for t in grouped], size)
            for task, data in zip(grouped, datas, strict=True):
                place(task, data, plan, dtype, rows)
        return
    runner = io.runner
    names = [f"{key}[{t.span.start}:{t.span.stop}]" for t in tasks]
    what = f"read of {bucket}/{key}"
    if runner.shares_memory:
        runner.run(
            fetch_into, [(io, bucket, key, t, plan, dtype, rows, size) for t in tasks], names=names, what=what
        )
        return
    pieces = runner.run(fetch_bytes, [(io, bucket, key, t, size) for t in tasks], names=names, what=what)
    for task, piece in zip(tasks, pieces, strict=True):
        place(task, piece, plan, dtype, rows)


def _copy_selection(
    data: memoryview,
    shape: tuple[int, ...],
    dtype: np.dtype[Any],
    sel: Sequence[AxisSelection],
    target: np.ndarray,
    *,
    what: str,
) -> None:
    """Copy `sel` of a whole object's bytes `data` into `target`, checking the object's size."""
    nbytes = math.prod(shape) * dtype.itemsize
    if data.nbytes != nbytes:
        raise StorageError(
            f"{what} holds {data.nbytes} bytes but {nbytes} were expected; check its shape, dtype and codec"
        )
    source = np.frombuffer(data, dtype=dtype).reshape(shape)
    target[...] = source[tuple(s.as_slice() for s in sel)]
    del source  # let a memory-mapped `data` be released


def read_selection(
    io: S3IO,
    bucket: str,
    key: str,
    shape: tuple[int, ...],
    dtype: np.dtype[Any],
    codec: Codec,
    sel: Sequence[AxisSelection],
    target: np.ndarray,
    *,
    max_gap: int,
    part_size: int | None,
    parallel: bool,
    bbox: bool = False,
) -> None:
    """Fill `target` (the increasing-order view of the result) with `sel` of one object."""
    if any(s.count == 0 for s in sel):
        return
    if not codec.is_raw:
        data = io.backend.get(bucket, key)
        what = f"object {bucket}/{key}"
        if target.flags.c_contiguous and all(s.is_full(n) for s, n in zip(sel, shape, strict=True)):
            codec.decode_into(data, byte_view(target), what=what)
            return
        whole = np.empty(shape, dtype)
        codec.decode_into(data, byte_view(whole), what=what)
        target[...] = whole[tuple(s.as_slice() for s in sel)]
        return
    mapped = getattr(io.backend, "mapped", None)
    nbytes = math.prod(shape) * dtype.itemsize
    if mapped is not None and not parallel and not bbox:
        lo, hi = span = _byte_span(shape, dtype.itemsize, sel)
        if 2 * (hi - lo) >= nbytes:  # local disk, most of the object
            if nbytes > _SCRATCH_MAX:
                if _read_by_rows(io, bucket, key, shape, dtype, sel, target):
                    return
            else:
                # a small one: read into a buffer this thread reuses (no mapping to make and
                # fault in), verified there while it is in the CPU's cache, copied out from there
                scratch = _scratch(nbytes)
                io.backend.read_into(bucket, key, scratch)
                _copy_selection(
                    scratch, shape, dtype, sel, target, what=f"object {bucket}/{key} at {io.backend.location}"
                )
                return
        # local disk: one copy straight from the page cache, touching only the pages needed
        # (and verifying the checksum blocks that hold them)
        with mapped(bucket, key, span) as view:
            _copy_selection(
                view, shape, dtype, sel, target, what=f"object {bucket}/{key} at {io.backend.location}"
            )
        return
    plan = plan_runs(shape, sel, max_gap=max_gap // dtype.itemsize)
    everything = plan.n_runs == 1 and plan.template is None and plan.run_len == math.prod(shape)
    if everything and (not parallel or target.nbytes <= (part_size or 0)):
        # the whole object: one request, its size checked, one copy into the target
        if target.flags.c_contiguous:
            io.backend.read_into(bucket, key, byte_view(target))
        else:
            _copy_selection(
                io.backend.get(bucket, key),
                shape,
                dtype,
                sel,
                target,
                what=f"object {bucket}/{key} at {io.backend.location}",
            )
        return
    dest = ArrayTarget.make(target, plan)
    tasks = plan_reads(
        plan, dtype.itemsize, max_gap=max_gap, part_size=part_size if parallel else None, bbox=bbox
    )
    run_reads(io, bucket, key, plan, tasks, dtype, dest.rows, parallel=parallel, size=nbytes)
    dest.finish()


#: Objects up to this size are read whole into a buffer each thread keeps (see read_selection).
_SCRATCH_MAX: Final = 4 << 20
_THREAD = threading.local()


def _scratch(nbytes: int) -> memoryview:
    """``nbytes`` of a buffer this thread reuses (grown when too small)."""
    buf: bytearray | None = getattr(_THREAD, "buf", None)
    if buf is None or len(buf) < nbytes:
        buf = _THREAD.buf = bytearray(nbytes)
    return memoryview(buf)[:nbytes]


def _read_by_rows(
    io: S3IO,
    bucket: str,
    key: str,
    shape: tuple[int, ...],
    dtype: np.dtype[Any],
    sel: Sequence[AxisSelection],
    target: np.ndarray,
) -> bool:
    """Most of a large object from local disk, a megabyte of whole rows (first axis) at a time
    through this thread's buffer: each piece verified and copied out while in the CPU's cache.
    False when the backend cannot (then it is read another way)."""
    read_rows = getattr(io.backend, "read_rows", None)
    if read_rows is None or len(shape) < 1 or sel[0].step != 1:
        return False
    row_bytes = math.prod(shape[1:]) * dtype.itemsize
    rest = tuple(s.as_slice() for s in sel[1:])
    first, last = sel[0].start, sel[0].stop
    for r, view in read_rows(bucket, key, row_bytes, (first, last), 1 << 20, _scratch):
        n = view.nbytes // row_bytes
        a, b = max(r, first), min(r + n, last)
        if a >= b:
            continue
        piece = np.frombuffer(view, dtype=dtype, count=(b - r) * row_bytes // dtype.itemsize)
        rows = piece.reshape((b - r, *shape[1:]))[a - r :]
        target[a - first : b - first] = rows[(slice(None), *rest)]
        del piece, rows  # the view is the reader's until the next piece
    return True


def _byte_span(shape: tuple[int, ...], itemsize: int, sel: Sequence[AxisSelection]) -> tuple[int, int]:
    """The bytes from a selection's first element to the end of its last, in a C-order array."""
    first = last = 0
    stride = itemsize
    for n, s in zip(reversed(shape), reversed(sel), strict=True):
        first += s.start * stride
        last += (s.stop - 1) * stride
        stride *= n
    return first, last + itemsize
