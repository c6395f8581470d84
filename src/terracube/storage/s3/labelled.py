"""S3LIO: labelled N-d arrays sharded into a regular grid of chunk objects.

An array is a JSON header (shape, chunk shape, dtype, codec, fill value, dimensions,
coordinates) plus one object per chunk, edge chunks truncated. Reads touch only the chunks a
request needs, fetch them in parallel and decode straight into one output array. Each chunk
write is atomic, and the header is written last, so a reader never sees a header whose
chunks are missing and a failed rewrite leaves the previous chunks readable.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import ObjectNotFoundError, StorageRequestError
from terracube.storage.s3._arrays import byte_view, prepare_out, read_selection
from terracube.storage.s3._backend import check_bucket, check_key
from terracube.storage.s3._codecs import codec_from_spec
from terracube.storage.s3._header import DECIMAL_PLACES, ArrayHeader, Coordinate
from terracube.storage.s3._layered import OnByteStore
from terracube.storage.s3._layout import check_name, header_key
from terracube.storage.s3._selection import (
    ChunkRead,
    chunk_selections,
    normalise,
    result_shape,
    result_view,
)
from terracube.storage.s3.arrayio import S3AIO

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from terracube.storage.s3._codecs import Codec
    from terracube.storage.s3.byteio import S3IO

__all__ = ["S3LIO", "ArrayHeader", "Coordinate"]


class S3LIO(OnByteStore):
    """Labelled, chunked N-d arrays: one object per chunk plus a JSON header.

    Parameters
    ----------
    store
        An :class:`~terracube.storage.s3.S3IO`, or what it accepts (config, ``file://``
        root, None for the environment).
    codec
        Codec for new arrays: None/``"raw"`` (uncompressed, ranged reads inside chunks) or
        ``"zstd"``. Reads always use the codec recorded in the header.
    executor
        Where parallel work runs, when `store` is not an S3IO already: None (threads), an
        Executor, or a ``distributed.Client``.
    merge_gap
        Byte runs closer than this share a request inside an uncompressed chunk (1 MiB).

    Examples
    --------
    >>> import numpy as np, tempfile
    >>> lio = S3LIO(tempfile.mkdtemp())
    >>> lio.s3io.create_bucket("demo")
    >>> a = np.arange(35.0).reshape(5, 7)
    >>> h = lio.put_array_in_s3("demo", "a", a, (2, 3), dims=("y", "x"),
    ...                         coords={"y": [10, 20, 30, 40, 50]})
    >>> h.grid_shape
    (3, 3)
    >>> lio.get_data_unlabeled("demo", "a", (slice(1, 3), slice(2, 6))).tolist()
    [[9.0, 10.0, 11.0, 12.0], [16.0, 17.0, 18.0, 19.0]]
    >>> lio.get_data("demo", "a", {"y": (20, 30), "x": 4}).tolist()
    [11.0, 18.0]
    """

    #: Coordinate positions are rounded to this many decimals in :meth:`regular_index`.
    DECIMAL_PLACES = DECIMAL_PLACES

    @property
    def s3aio(self) -> S3AIO:
        """An S3AIO on the same store and codec (one chunk is one S3AIO object)."""
        return S3AIO(self._s3io, codec=self._codec, merge_gap=self._merge_gap)

    # --- chunk grid -----------------------------------------------------------------------------

    @staticmethod
    def chunk_indices_1d(
        begin: int, end: int, step: int, bound_slice: slice | None = None, return_as_shape: bool = False
    ) -> Iterator[slice | int]:
        """The chunks of ``[begin, end)`` in steps of `step`, clipped to `bound_slice`.

        Yields
        ------
        slice or int
            Each chunk's slice (its intersection with `bound_slice`), or its length when
            `return_as_shape` is true. Chunks wholly outside `bound_slice` are skipped.

        Examples
        --------
        >>> list(S3LIO.chunk_indices_1d(0, 10, 2, slice(2, 8)))
        [slice(2, 4, None), slice(4, 6, None), slice(6, 8, None)]
        >>> list(S3LIO.chunk_indices_1d(0, 5, 2, return_as_shape=True))
        [2, 2, 1]
        """
        if step < 1:
            raise StorageRequestError(f"chunk step must be >= 1, got {step!r}")
        lo_bound = begin
        if bound_slice is not None:
            if bound_slice.step not in (None, 1):
                raise StorageRequestError(f"bound_slice must have step 1, got {bound_slice!r}")
            if bound_slice.stop is not None:
                end = min(end, bound_slice.stop)
            if bound_slice.start is not None:
                lo_bound = max(begin, bound_slice.start)
        for i in range(begin, end, step):
            hi = min(end, i + step)
            if hi <= lo_bound:
                continue
            piece = slice(max(i, lo_bound), hi)
            yield piece.stop - piece.start if return_as_shape else piece

    @staticmethod
    def chunk_indices_nd(
        shape: Sequence[int],
        chunks: Sequence[int],
        array_slice: Sequence[slice] | None = None,
        return_as_shape: bool = False,
    ) -> Iterator[tuple[slice | int, ...]]:
        """The chunks of an array, in C order, clipped to `array_slice` (see :meth:`chunk_indices_1d`).

        The position of a chunk in this sequence is its raveled grid index when no
        `array_slice` is given.

        Examples
        --------
        >>> list(S3LIO.chunk_indices_nd((3, 4), (2, 3), return_as_shape=True))
        [(2, 3), (2, 1), (1, 3), (1, 1)]
        """
        if len(chunks) != len(shape):
            raise StorageRequestError(f"chunks {tuple(chunks)} must match shape {tuple(shape)}")
        bounds = list(array_slice) if array_slice is not None else [None] * len(shape)
        axes = [
            list(S3LIO.chunk_indices_1d(0, n, c, b, return_as_shape))
            for n, c, b in zip(shape, chunks, bounds, strict=True)
        ]
        yield from itertools.product(*axes)

    # --- writes ---------------------------------------------------------------------------------

    def _make_header(
        self,
        name: str,
        array: np.ndarray,
        chunks: Sequence[int],
        dims: Sequence[str] | None,
        coords: Mapping[str, Any] | None,
        fill_value: Any,
        codec: Codec | str | None,
    ) -> ArrayHeader:
        check_name(name)
        dims = tuple(dims) if dims is not None else tuple(f"dim_{i}" for i in range(array.ndim))
        if len(dims) != array.ndim:
            raise StorageRequestError(f"dims {dims} must name each of the {array.ndim} axes")
        coords = dict(coords or {})
        unknown = set(coords) - set(dims)
        if unknown:
            raise StorageRequestError(f"coords name unknown dimensions {sorted(unknown)}; dims are {dims}")
        built = tuple(Coordinate.from_values(d, coords[d]) if d in coords else None for d in dims)
        return ArrayHeader(
            name=name,
            shape=tuple(int(n) for n in array.shape),
            chunks=tuple(int(c) for c in chunks),
            dtype=array.dtype.str,
            codec=codec_from_spec(codec) if codec is not None else self._codec,
            fill_value=_json_scalar(fill_value),
            dims=dims,
            coords=built,
        )

    def put_array_in_s3(
        self,
        bucket: str,
        name: str,
        array: Any,
        chunks: Sequence[int],
        *,
        dims: Sequence[str] | None = None,
        coords: Mapping[str, Any] | None = None,
        fill_value: Any = None,
        codec: Codec | str | None = None,
    ) -> ArrayHeader:
        """Store `array` as array `name`: every chunk, one after another, then the header.

        Parameters
        ----------
        bucket, name
            Where: the objects are ``name/header.json`` and ``name/c/<i.j...>``.
        array
            The data (any numpy array; stored C-order with its dtype and byte order).
        chunks
            Nominal chunk shape; edge chunks are truncated.
        dims
            Dimension names (``dim_0``... by default).
        coords
            Labels per dimension name (1-d arrays); regular ones are stored as start and step.
        fill_value
            Recorded for reads of never-written chunks.
        codec
            Overrides the S3LIO's codec for this array.

        Returns
        -------
        ArrayHeader
            The header written.

        Raises
        ------
        StorageRequestError
            For an invalid name, chunk shape, dims or coords.
        StorageError
            When a write fails; chunks already rewritten keep their new content, the others
            (and the previous header) their old one.

        Notes
        -----
        Rewriting an array with a smaller chunk grid leaves the old chunks outside the new
        grid in place (readers never ask for them); delete the array first
        (:meth:`S3IO.delete_created_arrays`) to remove them.
        """
        return self._put(bucket, name, array, chunks, dims, coords, fill_value, codec, parallel=False)

    def put_array_in_s3_mp(
        self,
        bucket: str,
        name: str,
        array: Any,
        chunks: Sequence[int],
        *,
        dims: Sequence[str] | None = None,
        coords: Mapping[str, Any] | None = None,
        fill_value: Any = None,
        codec: Codec | str | None = None,
    ) -> ArrayHeader:
        """Like :meth:`put_array_in_s3`, with the chunks written in parallel.

        Raises
        ------
        ExceptionGroup
            Naming every chunk key whose write failed (the header is then not written).
        """
        return self._put(bucket, name, array, chunks, dims, coords, fill_value, codec, parallel=True)

    def _put(
        self,
        bucket: str,
        name: str,
        array: Any,
        chunks: Sequence[int],
        dims: Sequence[str] | None,
        coords: Mapping[str, Any] | None,
        fill_value: Any,
        codec: Codec | str | None,
        *,
        parallel: bool,
    ) -> ArrayHeader:
        check_bucket(bucket)
        array = np.asarray(array)
        header = self._make_header(name, array, chunks, dims, coords, fill_value, codec)
        grid = list(itertools.product(*(range(g) for g in header.grid_shape)))
        indices = [header.chunk_slices(g) for g in grid]
        keys = [header.chunk_key(g) for g in grid]
        shard = self.shard_array_to_s3_mp if parallel else self.shard_array_to_s3
        shard(bucket, array, indices, keys, codec=header.codec)
        self._s3io.put_bytes(bucket, header_key(name), header.to_json())
        return header

    def shard_array_to_s3(
        self,
        bucket: str,
        array: Any,
        indices: Sequence[tuple[slice, ...]],
        keys: Sequence[str],
        *,
        codec: Codec | str | None = None,
    ) -> None:
        """Write ``array[indices[i]]`` to ``keys[i]`` for each i, one after another.

        Each piece is stored as C-order bytes encoded with `codec` (the S3LIO's by default);
        each write is atomic.

        Raises
        ------
        StorageError
            The first failure; pieces before it are written.
        """
        check_bucket(bucket)
        if len(indices) != len(keys):
            raise StorageRequestError(f"{len(indices)} regions but {len(keys)} keys")
        array = np.asarray(array)
        chosen = codec_from_spec(codec) if codec is not None else self._codec
        for index, key in zip(indices, keys, strict=True):
            _write_piece(self._s3io, bucket, check_key(key), _region(array, index), chosen)

    def shard_array_to_s3_mp(
        self,
        bucket: str,
        array: Any,
        indices: Sequence[tuple[slice, ...]],
        keys: Sequence[str],
        *,
        codec: Codec | str | None = None,
    ) -> None:
        """Like :meth:`shard_array_to_s3`, with the pieces written in parallel.

        Raises
        ------
        ExceptionGroup
            Naming every key whose write failed; the others are written.
        """
        check_bucket(bucket)
        if len(indices) != len(keys):
            raise StorageRequestError(f"{len(indices)} regions but {len(keys)} keys")
        array = np.asarray(array)
        chosen = codec_from_spec(codec) if codec is not None else self._codec
        remote = self._s3io.runner.is_distributed
        args = [
            (
                self._s3io,
                bucket,
                check_key(key),
                np.ascontiguousarray(_region(array, index)) if remote else _region(array, index),
                chosen,
            )
            for index, key in zip(indices, keys, strict=True)
        ]
        self._s3io.runner.run(_write_piece, args, names=list(keys), what=f"chunk writes to bucket {bucket!r}")

    # --- headers and labels ---------------------------------------------------------------------

    def header(self, bucket: str, name: str) -> ArrayHeader:
        """Read the header of array `name`.

        Raises
        ------
        ObjectNotFoundError
            When there is no such array (no header object).
        StorageError
            When the header is not a valid terracube array header.
        """
        key = header_key(name)
        try:
            data = self._s3io.get_bytes(bucket, key)
        except ObjectNotFoundError as exc:
            raise ObjectNotFoundError(
                f"no array {name!r} in bucket {bucket!r} at {self._s3io.backend.location} (no {key!r})"
            ) from exc
        return ArrayHeader.from_json(data, what=f"{bucket}/{key}")

    @staticmethod
    def regular_index(header: ArrayHeader, dim: str, value: Any) -> int:
        """The index of label `value` along `dim`.

        Regular coordinates compute it (``(value - start) / step``, rounded to
        :attr:`DECIMAL_PLACES` decimals); irregular ones look it up.

        Raises
        ------
        StorageRequestError
            When `value` is not a label of `dim`.
        """
        return header.coordinate(dim).index(value)

    def label_selection(self, header: ArrayHeader, labels: Mapping[str, Any]) -> tuple[slice | int, ...]:
        """The index selection for coordinate `labels` (see :meth:`get_data`)."""
        selection: list[slice | int] = [slice(None)] * len(header.shape)
        for dim, wanted in labels.items():
            axis = header.axis(dim)
            coord = header.coordinate(dim)
            if isinstance(wanted, slice):
                if wanted.step is not None:
                    raise StorageRequestError(f"label slice for {dim!r} cannot have a step: {wanted!r}")
                low = wanted.start if wanted.start is not None else coord.to_numpy()[0]
                high = wanted.stop if wanted.stop is not None else coord.to_numpy()[-1]
                selection[axis] = coord.index_range(low, high)
            elif isinstance(wanted, tuple | list):
                if len(wanted) != 2:
                    raise StorageRequestError(f"label range for {dim!r} must be (low, high), got {wanted!r}")
                selection[axis] = coord.index_range(*wanted)
            else:
                selection[axis] = coord.index(wanted)
        return tuple(selection)

    # --- reads ----------------------------------------------------------------------------------

    def assemble_array_from_s3(
        self, bucket: str, name: str, *, header: ArrayHeader | None = None, out: np.ndarray | None = None
    ) -> np.ndarray:
        """The whole array, its chunks fetched in parallel.

        Raises
        ------
        ExceptionGroup
            Naming every chunk that could not be read.
        """
        return self.get_data_unlabeled_mp(bucket, name, (), header=header, out=out)

    def get_data(
        self,
        bucket: str,
        name: str,
        labels: Mapping[str, Any],
        *,
        header: ArrayHeader | None = None,
        out: np.ndarray | None = None,
        missing: str = "raise",
    ) -> np.ndarray:
        """A selection by coordinate labels, its chunks fetched in parallel.

        Parameters
        ----------
        labels
            Per dimension name: one label (the axis is dropped), a ``(low, high)`` pair or
            ``slice(low, high)`` (both ends included, in either order). Dimensions left out
            are read whole.
        header
            The array's header, if already read (saves a request).
        out
            An array of the result's shape and dtype to fill.
        missing
            ``"raise"`` when a chunk object is missing, or ``"fill"`` to use the fill value.

        Returns
        -------
        numpy.ndarray

        Raises
        ------
        StorageRequestError
            For an unknown dimension or a label that is not on the coordinate.
        ExceptionGroup
            Naming every chunk that could not be read.
        """
        header = header if header is not None else self.header(bucket, name)
        return self._read(
            bucket, header, self.label_selection(header, labels), out, parallel=True, missing=missing
        )

    def get_data_unlabeled(
        self,
        bucket: str,
        name: str,
        array_slice: Any,
        *,
        header: ArrayHeader | None = None,
        out: np.ndarray | None = None,
        missing: str = "raise",
    ) -> np.ndarray:
        """A selection by index (ints, slices with any step, Ellipsis), chunk after chunk.

        Only the chunks the selection touches are read; inside an uncompressed chunk only
        the byte runs it needs.

        Returns
        -------
        numpy.ndarray
            Equal to ``array[array_slice]``.

        Raises
        ------
        StorageRequestError
            For an invalid selection.
        ExceptionGroup
            Naming every chunk that could not be read.
        """
        header = header if header is not None else self.header(bucket, name)
        return self._read(bucket, header, array_slice, out, parallel=False, missing=missing)

    def get_data_unlabeled_mp(
        self,
        bucket: str,
        name: str,
        array_slice: Any,
        *,
        header: ArrayHeader | None = None,
        out: np.ndarray | None = None,
        missing: str = "raise",
    ) -> np.ndarray:
        """Like :meth:`get_data_unlabeled`, with the chunks fetched in parallel on the pool."""
        header = header if header is not None else self.header(bucket, name)
        return self._read(bucket, header, array_slice, out, parallel=True, missing=missing)

    def _read(
        self,
        bucket: str,
        header: ArrayHeader,
        array_slice: Any,
        out: np.ndarray | None,
        *,
        parallel: bool,
        missing: str,
    ) -> np.ndarray:
        check_bucket(bucket)
        if missing not in ("raise", "fill"):
            raise StorageRequestError(f"missing must be 'raise' or 'fill', got {missing!r}")
        dtype = header.numpy_dtype
        sel = normalise(array_slice, header.shape)
        result = prepare_out(out, result_shape(sel), dtype)
        target = result_view(result, sel)
        reads = [
            r for r in chunk_selections(header.shape, header.chunks, sel) if all(s.count for s in r.local)
        ]
        if not reads:
            return result
        io = self._s3io
        names = [header.chunk_key(r.grid_index) for r in reads]
        what = f"read of array {header.name!r} in bucket {bucket!r}"
        fill = missing == "fill"
        if not parallel or io.runner.shares_memory:
            args = [(io, bucket, header, r, _at(target, r.dest), self._merge_gap, fill) for r in reads]
            if parallel:
                io.runner.run(_read_chunk_into, args, names=names, what=what)
            else:
                _run_serially(_read_chunk_into, args, names, what)
        else:
            pieces = io.runner.run(
                _read_chunk_piece,
                [(io, bucket, header, r, self._merge_gap, fill) for r in reads],
                names=names,
                what=what,
            )
            for r, piece in zip(reads, pieces, strict=True):
                _at(target, r.dest)[...] = piece
        return result


def _at(target: np.ndarray, dest: tuple[slice, ...]) -> np.ndarray:
    """The view ``target[dest]`` (a view even for a 0-d target, where ``t[()]`` is a scalar)."""
    index: Any = (*dest, ...)
    view: np.ndarray = target[index]
    return view


def _region(array: np.ndarray, index: Any) -> np.ndarray:
    """``array[index]`` as an array, even for a 0-d array (where ``a[()]`` gives a scalar)."""
    region: np.ndarray = array[(*index, ...)] if isinstance(index, tuple) else array[index, ...]
    return region


def _json_scalar(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, np.generic):
        return value.item()
    raise StorageRequestError(f"fill_value must be a number, a string or None, got {value!r}")


def _write_piece(io: S3IO, bucket: str, key: str, piece: np.ndarray, codec: Codec) -> None:
    data = codec.encode(byte_view(np.ascontiguousarray(piece)))
    if data.nbytes > 2 * io.config.part_size:
        io.put_bytes_mpu(bucket, key, data)
    else:
        io.put_bytes(bucket, key, data)


def _read_chunk_into(
    io: S3IO, bucket: str, header: ArrayHeader, read: ChunkRead, view: np.ndarray, merge_gap: int, fill: bool
) -> None:
    key = header.chunk_key(read.grid_index)
    try:
        read_selection(
            io,
            bucket,
            key,
            read.chunk_shape,
            header.numpy_dtype,
            header.codec,
            read.local,
            view,
            max_gap=merge_gap,
            part_size=None,
            parallel=False,
        )
    except ObjectNotFoundError:
        if not fill:
            raise
        view[...] = header.fill_value if header.fill_value is not None else 0


def _read_chunk_piece(
    io: S3IO, bucket: str, header: ArrayHeader, read: ChunkRead, merge_gap: int, fill: bool
) -> np.ndarray:
    piece = np.empty(tuple(s.count for s in read.local), header.numpy_dtype)
    _read_chunk_into(io, bucket, header, read, piece, merge_gap, fill)
    return piece


def _run_serially(fn: Any, args: Sequence[tuple[Any, ...]], names: Sequence[str], what: str) -> None:
    failures: list[Exception] = []
    failed: list[str] = []
    for name, a in zip(names, args, strict=True):
        try:
            fn(*a)
        except Exception as exc:
            exc.add_note(f"while {what}: {name}")
            failures.append(exc)
            failed.append(name)
    if failures:
        shown = ", ".join(repr(n) for n in failed[:20])
        more = f" and {len(failed) - 20} more" if len(failed) > 20 else ""
        raise ExceptionGroup(f"{what}: {len(failed)} of {len(names)} failed: {shown}{more}", failures)
