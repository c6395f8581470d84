"""S3IO: bytes in buckets, on any S3 endpoint or on local disk, with one API.

Whole and ranged reads, single and multipart writes (a failed multipart upload is aborted,
so no partial object ever appears), and the ``_mp`` forms that split the work over a pool.
Built on obstore for objects; see :class:`S3IO`.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import ObjectNotFoundError, StorageRequestError
from terracube.storage.s3._backend import ObjectInfo, check_bucket, check_key
from terracube.storage.s3._layout import array_name, header_key
from terracube.storage.s3._parallel import Runner
from terracube.storage.s3._ranges import ByteRange, split_range
from terracube.storage.s3.config import S3Config

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence
    from concurrent.futures import Executor

    from terracube.storage.s3._backend import Backend, Part, Upload

__all__ = ["S3IO", "ObjectInfo"]

#: S3's smallest part size (all parts but the last).
MIN_PART_SIZE = 5 * 1024 * 1024


def as_config(config: S3Config | str | os.PathLike[str] | None) -> S3Config:
    """Normalise a store argument: a config, a ``file://`` URL or path, or None (environment)."""
    if config is None:
        return S3Config().resolve()
    if isinstance(config, S3Config):
        return config.resolve()
    return S3Config.from_url(config).resolve()


def as_buffer(data: Any) -> memoryview:
    """A flat byte view of `data` (bytes, bytearray, memoryview, contiguous numpy array)."""
    try:
        view = memoryview(data)
    except TypeError:
        raise StorageRequestError(
            f"cannot write {type(data).__name__}: pass bytes, bytearray, memoryview or a numpy array"
        ) from None
    if not view.contiguous:
        raise StorageRequestError(
            "cannot write a non-contiguous buffer; copy it first (numpy.ascontiguousarray)"
        )
    return view.cast("B") if view.ndim != 1 or view.format != "B" else view


class S3IO:
    """Buckets and objects on an S3 endpoint or on local disk.

    Parameters
    ----------
    config
        An :class:`S3Config`; a ``file://`` URL or directory path for local disk; or None for
        S3 configured by ``TERRACUBE_S3_*`` / ``AWS_*`` variables.
    executor
        Where the ``_mp`` calls run: None for a private thread pool of
        ``config.max_workers`` threads, a ``concurrent.futures.Executor``, or a
        ``distributed.Client``.

    Notes
    -----
    An S3IO is thread-safe and pickles by its configuration (the executor stays behind), so
    Dask can ship it to workers; connections are made again on first use. Close it (or use
    it as a context manager) to stop its thread pool.

    Examples
    --------
    >>> import tempfile
    >>> with S3IO(tempfile.mkdtemp()) as s3:
    ...     s3.create_bucket("demo")
    ...     s3.put_bytes("demo", "hello.txt", b"hello world")
    ...     s3.get_byte_range("demo", "hello.txt", 6, 11).tobytes()
    b'world'
    """

    def __init__(
        self,
        config: S3Config | str | os.PathLike[str] | None = None,
        *,
        executor: Executor | Any | None = None,
    ) -> None:
        self._config = as_config(config)
        self._executor = executor
        self._init_state()

    def _init_state(self) -> None:
        self._lock = threading.Lock()
        self._backend_obj: Backend | None = None
        self._runner = Runner(self._executor, self._config.max_workers)
        self._finalizer = weakref.finalize(self, _close, self._runner, None)

    # --- pickling, lifecycle ----------------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self._config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._config = state["config"]
        self._executor = None
        self._init_state()

    def __repr__(self) -> str:
        return f"S3IO({self._config!r})"

    def __enter__(self) -> S3IO:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the private thread pool and drop idle connections; the object stays usable."""
        self._runner.close()
        if self._backend_obj is not None:
            self._backend_obj.close()

    @property
    def config(self) -> S3Config:
        """The resolved configuration."""
        return self._config

    @property
    def runner(self) -> Runner:
        """Where parallel work runs (shared with the array layers built on this store)."""
        return self._runner

    @property
    def backend(self) -> Backend:
        """The backend (made on first use)."""
        backend = self._backend_obj
        if backend is None:
            with self._lock:
                if self._backend_obj is None:
                    if self._config.is_local:
                        from terracube.storage.s3._localbackend import LocalBackend

                        self._backend_obj = LocalBackend(self._config)
                    else:
                        from terracube.storage.s3._s3backend import S3Backend

                        self._backend_obj = S3Backend(self._config)
                    self._finalizer.detach()
                    self._finalizer = weakref.finalize(self, _close, self._runner, self._backend_obj)
                backend = self._backend_obj
        return backend

    # --- handles ------------------------------------------------------------------------------

    def s3_resource(self) -> Any:
        """The configured client beneath this store.

        Returns
        -------
        object
            On S3 the signed REST client (``request(method, bucket, key, query=..., body=...)``)
            used for service and bucket calls; on local disk an obstore ``LocalStore`` on the root.
        """
        backend = self.backend
        return backend.rest if hasattr(backend, "rest") else backend.root_store()

    def s3_bucket(self, bucket: str) -> Any:
        """An obstore store rooted at `bucket` (``S3Store`` or ``LocalStore``).

        Raises
        ------
        StorageRequestError
            For an invalid bucket name.
        BucketNotFoundError
            On local disk, when the bucket does not exist.
        """
        return self.backend.bucket_store(check_bucket(bucket))

    def s3_object(self, bucket: str, key: str) -> ObjectInfo:
        """Metadata of one object: size, etag, last modified.

        Raises
        ------
        ObjectNotFoundError, BucketNotFoundError
            When the object or its bucket does not exist.
        """
        return self.backend.head(check_bucket(bucket), check_key(key))

    # --- buckets --------------------------------------------------------------------------------

    def list_buckets(self) -> list[str]:
        """Names of the buckets, sorted.

        Raises
        ------
        StorageAuthError
            When the endpoint refuses the credentials.
        """
        return self.backend.list_buckets()

    def bucket_exists(self, bucket: str) -> bool:
        """True if `bucket` exists (and is reachable with these credentials)."""
        return self.backend.bucket_exists(check_bucket(bucket))

    def create_bucket(self, bucket: str) -> None:
        """Create `bucket`; nothing happens if it exists already and is ours.

        Raises
        ------
        StorageRequestError
            For an invalid name.
        StorageError
            When another account owns a bucket of that name.
        """
        self.backend.create_bucket(check_bucket(bucket))

    def delete_bucket(self, bucket: str, *, force: bool = False) -> None:
        """Delete `bucket`, which must be empty unless `force` deletes its objects first.

        Raises
        ------
        BucketNotFoundError
            When it does not exist.
        StorageError
            When it is not empty and `force` is False.
        """
        check_bucket(bucket)
        if force:
            self.delete_objects(bucket, self.list_objects(bucket))
        self.backend.delete_bucket(bucket)

    # --- objects --------------------------------------------------------------------------------

    def list_objects(self, bucket: str, prefix: str = "") -> list[str]:
        """Every key in `bucket` starting with `prefix` (a plain string prefix), sorted.

        Raises
        ------
        BucketNotFoundError
            When the bucket does not exist.
        """
        if not isinstance(prefix, str):
            raise StorageRequestError(f"prefix must be a string, got {prefix!r}")
        return self.backend.list_objects(check_bucket(bucket), prefix)

    def object_exists(self, bucket: str, key: str) -> bool:
        """True if `key` exists in `bucket`.

        Raises
        ------
        BucketNotFoundError
            When the bucket itself does not exist.
        """
        try:
            self.s3_object(bucket, key)
        except ObjectNotFoundError:
            return False
        return True

    def delete_objects(self, bucket: str, keys: Iterable[str]) -> None:
        """Delete `keys` from `bucket`; missing keys are ignored (deletes are idempotent).

        Raises
        ------
        BucketNotFoundError
            When the bucket does not exist.
        """
        keys = [check_key(k) for k in keys]
        if keys:
            self.backend.delete(check_bucket(bucket), keys)

    def put_bytes(self, bucket: str, key: str, data: Any) -> None:
        """Write `data` as the whole object `key`, atomically, in one request.

        Parameters
        ----------
        bucket, key
            Where to write.
        data
            bytes, bytearray, memoryview or a C-contiguous numpy array.

        Raises
        ------
        BucketNotFoundError
            When the bucket does not exist.
        StorageTransientError
            When the endpoint kept failing after the retries.
        """
        self.backend.put(check_bucket(bucket), check_key(key), as_buffer(data))

    def _part_size(self, part_size: int | None, nbytes: int) -> int:
        size = self._config.part_size if part_size is None else part_size
        if not isinstance(size, int) or size < 1:
            raise StorageRequestError(f"part_size must be a positive number of bytes, got {part_size!r}")
        # The S3 minimum holds on local disk too, so code tried locally behaves the same on S3.
        if size < MIN_PART_SIZE and nbytes > size:
            raise StorageRequestError(
                f"part_size {size} is below S3's minimum of {MIN_PART_SIZE} bytes (5 MiB) for all parts but the last"
            )
        if -(-nbytes // size) > 10_000:
            raise StorageRequestError(
                f"{nbytes} bytes in parts of {size} would need more than S3's 10,000 parts; raise part_size"
            )
        return size

    def put_bytes_mpu(self, bucket: str, key: str, data: Any, part_size: int | None = None) -> None:
        """Write `data` as `key` with a multipart upload, one part after another.

        The object appears only when every part is in; on any failure (or interrupt) the upload
        is aborted, so no partial object is ever visible and no parts are left behind.

        Parameters
        ----------
        bucket, key
            Where to write.
        data
            The bytes (see :meth:`put_bytes`).
        part_size
            Bytes per part (``config.part_size``, 16 MiB, by default; S3 needs >= 5 MiB).

        Raises
        ------
        StorageRequestError
            For a part size S3 would refuse.
        StorageError
            The failure that stopped the upload, after the abort.
        """
        check_bucket(bucket)
        check_key(key)
        view = as_buffer(data)
        size = self._part_size(part_size, view.nbytes)
        if view.nbytes <= size:
            self.backend.put(bucket, key, view)
            return
        backend = self.backend
        upload = backend.mpu_start(bucket, key, size)
        try:
            parts = [
                backend.mpu_put_part(upload, number, view[r.start : r.stop])
                for number, r in enumerate(split_range(0, view.nbytes, size), start=1)
            ]
            backend.mpu_complete(upload, parts)
        except BaseException as exc:
            _abort(backend, upload, exc)
            raise

    def put_bytes_mpu_mp(self, bucket: str, key: str, data: Any, part_size: int | None = None) -> None:
        """Like :meth:`put_bytes_mpu`, with the parts uploaded in parallel.

        Raises
        ------
        ExceptionGroup
            Naming every part that failed (after the upload was aborted).
        StorageError
            When starting or completing the upload fails (after the abort).
        """
        check_bucket(bucket)
        check_key(key)
        view = as_buffer(data)
        size = self._part_size(part_size, view.nbytes)
        if view.nbytes <= size:
            self.backend.put(bucket, key, view)
            return
        backend = self.backend
        upload = backend.mpu_start(bucket, key, size)
        try:
            ranges = split_range(0, view.nbytes, size)
            remote = self._runner.is_distributed
            args = [
                (self, upload, number, bytes(view[r.start : r.stop]) if remote else view[r.start : r.stop])
                for number, r in enumerate(ranges, start=1)
            ]
            parts = self._runner.run(
                _put_part,
                args,
                names=[f"{key} part {n}" for n in range(1, len(ranges) + 1)],
                what=f"multipart upload of {bucket}/{key}",
            )
            backend.mpu_complete(upload, parts)
        except BaseException as exc:
            _abort(backend, upload, exc)
            raise

    def get_bytes(self, bucket: str, key: str) -> bytes:
        """The whole object `key`.

        Raises
        ------
        ObjectNotFoundError, BucketNotFoundError
            When the object or the bucket does not exist.
        StorageAuthError
            When the endpoint refuses the credentials.
        """
        return bytes(self.backend.get(check_bucket(bucket), check_key(key)))

    def get_byte_range(self, bucket: str, key: str, start: int, stop: int) -> np.ndarray:
        """Bytes ``[start, stop)`` of `key` in one ranged request.

        Returns
        -------
        numpy.ndarray
            A 1-d uint8 array of ``stop - start`` bytes.

        Raises
        ------
        StorageRequestError
            When the range is invalid or runs past the end of the object.
        ObjectNotFoundError, BucketNotFoundError
            When the object or the bucket does not exist.
        """
        r = ByteRange(start, stop)
        data = self.backend.get_range(check_bucket(bucket), check_key(key), r.start, r.stop, None)
        return np.frombuffer(data, dtype=np.uint8)

    def get_byte_range_mp(
        self, bucket: str, key: str, start: int, stop: int, part_size: int | None = None
    ) -> np.ndarray:
        """Bytes ``[start, stop)`` of `key`, fetched as parallel ranged requests.

        The parts start at `start` (any offset) and are written straight into one array.

        Parameters
        ----------
        part_size
            Bytes per request (``config.part_size``, 16 MiB, by default).

        Returns
        -------
        numpy.ndarray
            A 1-d uint8 array of ``stop - start`` bytes.

        Raises
        ------
        ExceptionGroup
            Naming every part that failed.
        StorageRequestError
            For an invalid range or part size.
        """
        check_bucket(bucket)
        check_key(key)
        size = self._config.part_size if part_size is None else part_size
        ranges = split_range(start, stop, size)
        if len(ranges) <= 1:
            return self.get_byte_range(bucket, key, start, stop)
        out = np.empty(stop - start, dtype=np.uint8)
        names = [f"{key}[{r.start}:{r.stop}]" for r in ranges]
        what = f"ranged read of {bucket}/{key}"
        if self._runner.shares_memory:
            args = [(self, bucket, key, r, out[r.start - start : r.stop - start].data) for r in ranges]
            self._runner.run(_get_range_into, args, names=names, what=what)
        else:
            pieces = self._runner.run(
                _get_range_bytes, [(self, bucket, key, r) for r in ranges], names=names, what=what
            )
            for r, piece in zip(ranges, pieces, strict=True):
                out[r.start - start : r.stop - start] = np.frombuffer(piece, np.uint8)
        return out

    # --- labelled arrays -------------------------------------------------------------------------

    def list_created_arrays(self, bucket: str, prefix: str = "") -> list[str]:
        """Names of the labelled arrays (:class:`~terracube.storage.s3.S3LIO`) stored in `bucket`.

        An array is listed once its header is written, i.e. once it is complete.
        """
        names = (array_name(key) for key in self.list_objects(bucket, prefix))
        return sorted(n for n in names if n is not None)

    def delete_created_arrays(self, bucket: str, names: Sequence[str] | None = None) -> list[str]:
        """Delete labelled arrays (header first, then every chunk) and return their names.

        Parameters
        ----------
        names
            The arrays to delete; None deletes every array in the bucket.
        """
        targets = self.list_created_arrays(bucket) if names is None else list(names)
        for name in targets:
            self.delete_objects(bucket, [header_key(name)])
            self.delete_objects(bucket, self.list_objects(bucket, f"{name}/c/"))
        return targets


def _close(runner: Runner, backend: Backend | None) -> None:
    runner.close()
    if backend is not None:
        backend.close()


def _abort(backend: Backend, upload: Upload, exc: BaseException) -> None:
    try:
        backend.mpu_abort(upload)
    except Exception as abort_exc:
        exc.add_note(f"aborting the multipart upload {upload.upload_id!r} also failed: {abort_exc}")
    else:
        exc.add_note(f"the multipart upload of {upload.bucket}/{upload.key} was aborted; nothing was written")


def _put_part(io: S3IO, upload: Upload, number: int, data: Any) -> Part:
    return io.backend.mpu_put_part(upload, number, as_buffer(data))


def _get_range_into(io: S3IO, bucket: str, key: str, r: ByteRange, out: memoryview) -> None:
    io.backend.get_range(bucket, key, r.start, r.stop, out)


def _get_range_bytes(io: S3IO, bucket: str, key: str, r: ByteRange) -> bytes:
    return bytes(io.backend.get_range(bucket, key, r.start, r.stop, None))
