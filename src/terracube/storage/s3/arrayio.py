"""S3AIO: one N-d array stored as one object (C-order bytes, optionally zstd-compressed).

The object holds only the array's bytes; the caller supplies its shape and dtype, and the
codec is a property of the S3AIO (``S3LIO`` records all three in its header instead).
Uncompressed objects are read by byte ranges: a slice fetches only the runs it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import StorageRequestError
from terracube.storage.s3._arrays import byte_view, prepare_out, read_selection
from terracube.storage.s3._backend import check_bucket, check_key
from terracube.storage.s3._layered import OnByteStore
from terracube.storage.s3._selection import normalise, result_shape, result_view

if TYPE_CHECKING:
    from collections.abc import Sequence

    from numpy.typing import DTypeLike


__all__ = ["S3AIO"]


class S3AIO(OnByteStore):
    """An N-d array in one object: index maths, points, slices and whole arrays.

    Parameters
    ----------
    store
        An :class:`S3IO`, or what S3IO accepts (config, ``file://`` root, None).
    codec
        ``None``/``"raw"`` for uncompressed bytes (ranged reads), ``"zstd"`` or a
        :class:`~terracube.storage.s3._codecs.Codec` for compressed objects (whole reads).
    executor
        Where ``_mp`` calls run, when `store` is not an S3IO already.
    merge_gap
        Byte runs closer than this are read in one request (1 MiB).

    Examples
    --------
    >>> import numpy as np, tempfile
    >>> aio = S3AIO(tempfile.mkdtemp())
    >>> aio.s3io.create_bucket("demo")
    >>> a = np.arange(24, dtype="int16").reshape(2, 3, 4)
    >>> aio.put_array("demo", "a", a)
    >>> aio.get_slice("demo", "a", (1, slice(0, 2), slice(1, 3)), a.shape, a.dtype).tolist()
    [[13, 14], [17, 18]]
    >>> int(aio.get_point("demo", "a", (1, 2, 3), a.shape, a.dtype))
    23
    """

    # --- index maths ----------------------------------------------------------------------------

    @staticmethod
    def to_1d(index: Sequence[int], shape: Sequence[int]) -> int:
        """The C-order flat position of `index` in an array of `shape`.

        Raises
        ------
        StorageRequestError
            When `index` is out of bounds.

        Examples
        --------
        >>> S3AIO.to_1d((1, 2), (3, 4))
        6
        """
        try:
            return int(np.ravel_multi_index(tuple(int(i) for i in index), tuple(shape)))
        except ValueError as exc:
            raise StorageRequestError(
                f"index {tuple(index)} is invalid for shape {tuple(shape)}: {exc}"
            ) from None

    @staticmethod
    def to_nd(index: int, shape: Sequence[int]) -> tuple[int, ...]:
        """The N-d index of C-order flat position `index` in an array of `shape`.

        Examples
        --------
        >>> S3AIO.to_nd(6, (3, 4))
        (1, 2)
        """
        try:
            return tuple(int(i) for i in np.unravel_index(int(index), tuple(shape)))
        except ValueError as exc:
            raise StorageRequestError(
                f"flat index {index} is invalid for shape {tuple(shape)}: {exc}"
            ) from None

    # --- writes ---------------------------------------------------------------------------------

    def put_array(self, bucket: str, key: str, array: Any) -> None:
        """Store `array` as object `key`: its C-order bytes, encoded by this S3AIO's codec.

        Arrays larger than the part size go up as a parallel multipart upload (still atomic).

        Raises
        ------
        StorageError
            When the write fails; nothing partial is left.
        """
        data = self._codec.encode(byte_view(np.ascontiguousarray(array)))
        if data.nbytes > 2 * self._s3io.config.part_size:
            self._s3io.put_bytes_mpu_mp(bucket, key, data)
        else:
            self._s3io.put_bytes(bucket, key, data)

    # --- reads ----------------------------------------------------------------------------------

    def get_array(self, bucket: str, key: str, shape: Sequence[int], dtype: DTypeLike) -> np.ndarray:
        """The whole array (a parallel read when it is large)."""
        return self._read(bucket, key, (), shape, dtype, None, parallel=True, bbox=False)

    def get_point(
        self, bucket: str, key: str, index: Sequence[int], shape: Sequence[int], dtype: DTypeLike
    ) -> Any:
        """One element, as a numpy scalar (a ranged read of `itemsize` bytes when uncompressed).

        Raises
        ------
        StorageRequestError
            When `index` is out of bounds.
        ObjectNotFoundError
            When the object does not exist.
        """
        check_bucket(bucket)
        check_key(key)
        shape = tuple(int(n) for n in shape)
        dt = np.dtype(dtype)
        offset = self.to_1d(index, shape) * dt.itemsize
        if self._codec.is_raw:
            nbytes = int(np.prod(shape, dtype=np.int64)) * dt.itemsize
            data = self._s3io.backend.get_range(bucket, key, offset, offset + dt.itemsize, None, nbytes)
            return np.frombuffer(data, dtype=dt)[0]
        return self._read(
            bucket, key, tuple(int(i) for i in index), shape, dt, None, parallel=False, bbox=False
        )[()]

    def get_slice(
        self,
        bucket: str,
        key: str,
        array_slice: Any,
        shape: Sequence[int],
        dtype: DTypeLike,
        *,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """A selection (ints, slices with any step, Ellipsis), fetching only the byte runs it needs.

        Runs closer than `merge_gap` bytes share a request. Compressed objects are fetched
        whole and decoded once.

        Parameters
        ----------
        array_slice
            A numpy basic index.
        shape, dtype
            The stored array's.
        out
            An array of the result's shape and dtype to fill instead of a new one.

        Returns
        -------
        numpy.ndarray
            Equal to ``array[array_slice]``.

        Raises
        ------
        StorageRequestError
            For an invalid selection, or `out` of the wrong shape or dtype.
        ObjectNotFoundError
            When the object does not exist.
        """
        return self._read(bucket, key, array_slice, shape, dtype, out, parallel=False, bbox=False)

    def get_slice_mp(
        self,
        bucket: str,
        key: str,
        array_slice: Any,
        shape: Sequence[int],
        dtype: DTypeLike,
        *,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """Like :meth:`get_slice`, with the requests spread over the pool (large runs split).

        Raises
        ------
        ExceptionGroup
            Naming every byte range that failed.
        """
        return self._read(bucket, key, array_slice, shape, dtype, out, parallel=True, bbox=False)

    def get_slice_by_bbox(
        self,
        bucket: str,
        key: str,
        array_slice: Any,
        shape: Sequence[int],
        dtype: DTypeLike,
        *,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """Like :meth:`get_slice`, fetching the selection's bounding byte interval in one request."""
        return self._read(bucket, key, array_slice, shape, dtype, out, parallel=False, bbox=True)

    def _read(
        self,
        bucket: str,
        key: str,
        array_slice: Any,
        shape: Sequence[int],
        dtype: DTypeLike,
        out: np.ndarray | None,
        *,
        parallel: bool,
        bbox: bool,
    ) -> np.ndarray:
        check_bucket(bucket)
        check_key(key)
        shape = tuple(int(n) for n in shape)
        dt = np.dtype(dtype)
        sel = normalise(array_slice, shape)
        result = prepare_out(out, result_shape(sel), dt)
        read_selection(
            self._s3io,
            bucket,
            key,
            shape,
            dt,
            self._codec,
            sel,
            result_view(result, sel),
            max_gap=self._merge_gap,
            part_size=self._s3io.config.part_size,
            parallel=parallel,
            bbox=bbox,
        )
        return result
