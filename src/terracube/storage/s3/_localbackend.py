"""The local-disk backend: buckets are directories under a root, keys are relative paths.

Writes go to a temporary file in the target directory and are renamed into place, so a
reader sees the old object or the new one, never a part. Each file carries its checksum
record in an extended attribute (:data:`~._checksums.XATTR`), set on the temporary file
before the rename, so record and content change together. Reads go straight from the file
into the caller's buffer and verify every block they return.

The store stays inside its root: a path that leads outside it through a symbolic link is
refused (:meth:`LocalBackend._inside`). Reads open the file with the kernel resolving the path
beneath the root (``openat2``, :mod:`._beneath`), or where that is not available check the
kernel's own name of the opened file; writes and deletes check before touching anything.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import math
import mmap
import os
import stat
import threading
import uuid
import weakref
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from terracube.errors import (
    BucketNotFoundError,
    ObjectNotFoundError,
    StorageAuthError,
    StorageError,
    StorageRequestError,
)
from terracube.storage.s3._backend import TMP_PREFIX, ObjectInfo, Part, PendingUpload, Upload
from terracube.storage.s3._beneath import open_beneath
from terracube.storage.s3._checksums import XATTR, Checksums, record_from
from terracube.storage.s3._errors import storage_error

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from terracube.storage.s3._ranges import ByteRange
    from terracube.storage.s3.config import S3Config

__all__ = ["LocalBackend"]

_log = logging.getLogger("terracube.storage.s3")

#: Extended attribute naming the target key of a multipart upload's temporary file.
_KEY_XATTR = "user.terracube.key"
#: errno values meaning "this file system keeps no (user) extended attributes".
_NO_XATTRS = {errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM}


class LocalBackend:
    """Objects in files under a root directory."""

    def __init__(self, config: S3Config) -> None:
        assert config.root is not None
        self.config = config
        self.root = Path(config.root)
        self.location = f"local root {config.root}"
        self._real_root: str | None = None
        self._warned_xattrs = False
        self._root_held: tuple[int, int, int] | None = None
        self._root_closers: list[weakref.finalize[Any, Any]] = []
        self._root_lock = threading.Lock()

    # --- handles ----------------------------------------------------------------------------------

    def root_store(self) -> Any:
        """An obstore ``LocalStore`` on the root (created if missing)."""
        from obstore.store import LocalStore

        self.root.mkdir(parents=True, exist_ok=True)
        return LocalStore(self.root)

    def bucket_store(self, bucket: str) -> Any:
        """An obstore ``LocalStore`` on the bucket's directory."""
        from obstore.store import LocalStore

        self._bucket_dir(bucket)
        return LocalStore(self.root / bucket)

    def close(self) -> None:
        """Close the root's descriptor (opened again if the backend is used after)."""
        self._release_root()

    # --- paths and errors -------------------------------------------------------------------------

    def _root_real(self) -> str:
        """The root with every symbolic link resolved (cached once the root exists)."""
        real = self._real_root
        if real is None:
            real = os.path.realpath(self.root)
            if os.path.isdir(real):
                self._real_root = real
        return real

    def _inside(self, real: str, bucket: str, key: str | None) -> None:
        """Refuse `real` (a resolved path) unless it lies under the root."""
        root = self._root_real()
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            target = f"{bucket}/{key}" if key else bucket
            raise StorageAuthError(
                f"{target!r} at {self.location} leads outside the root through a symbolic link "
                f"(to {real!r}); the store does not follow links out of its root: replace the link "
                "with the data itself"
            )

    def _check_path(self, path: Path, bucket: str, key: str | None) -> None:
        """Refuse a path whose existing part leads outside the root (before writing or deleting)."""
        self._inside(os.path.realpath(path), bucket, key)

    def _check_fd(self, fd: int, path: Path, bucket: str, key: str | None) -> None:
        """Refuse an open file that lies outside the root (race-free: the kernel names it)."""
        try:
            real = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            real = os.path.realpath(path)
        self._inside(real, bucket, key)

    def _bucket_dir(self, bucket: str) -> Path:
        path = self.root / bucket
        if not path.is_dir():
            raise BucketNotFoundError(
                f"bucket {bucket!r} does not exist at {self.location}; create it with create_bucket({bucket!r})"
            )
        if path.is_symlink():
            self._check_path(path, bucket, None)
        return path

    def _path(self, bucket: str, key: str) -> Path:
        return self.root / bucket / key

    def _error(self, exc: OSError, op: str, bucket: str, key: str | None) -> StorageError:
        if isinstance(exc, FileNotFoundError | NotADirectoryError | IsADirectoryError):
            self._bucket_dir(bucket)  # raises BucketNotFoundError when that is the cause
            if key is not None:
                # says nothing about files outside the root, not even that they are missing
                self._check_path(self._path(bucket, key).parent, bucket, key)
                return ObjectNotFoundError(
                    f"object {key!r} not found in bucket {bucket!r} at {self.location}"
                )
        return storage_error(exc, op=op, location=self.location, bucket=bucket, key=key)

    def _what(self, bucket: str, key: str) -> str:
        return f"object {bucket}/{key} at {self.location}"

    # --- checksum records -------------------------------------------------------------------------

    def _set_record(self, fd: int, record: str | None, key_of_upload: str | None = None) -> None:
        """Attach the checksum record (and an upload's target key) to a file being written."""
        try:
            if record is not None:
                os.setxattr(fd, XATTR, record.encode("ascii"))
            if key_of_upload is not None:
                os.setxattr(fd, _KEY_XATTR, key_of_upload.encode("utf-8", "surrogatepass"))
        except OSError as exc:
            if exc.errno not in _NO_XATTRS:
                raise
            if not self._warned_xattrs:
                self._warned_xattrs = True
                _log.warning(
                    "the file system under %s keeps no extended attributes: objects are written "
                    "without checksum records and read unverified",
                    self.location,
                )

    def _record(self, fd: int, bucket: str, key: str) -> Checksums | None:
        try:
            text: bytes | None = os.getxattr(fd, XATTR)
        except OSError as exc:
            if exc.errno not in (errno.ENODATA, *_NO_XATTRS):
                raise self._error(exc, "get", bucket, key) from exc
            text = None
        return record_from(text, what=self._what(bucket, key), required=self.config.require_checksums)

    # --- buckets --------------------------------------------------------------------------------

    def list_buckets(self) -> list[str]:
        try:
            return sorted(entry.name for entry in os.scandir(self.root) if entry.is_dir())
        except FileNotFoundError:
            return []

    def bucket_exists(self, bucket: str) -> bool:
        return (self.root / bucket).is_dir()

    def create_bucket(self, bucket: str) -> None:
        path = self.root / bucket
        self._check_path(path, bucket, None)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, op="create bucket", location=self.location, bucket=bucket) from exc

    def delete_bucket(self, bucket: str) -> None:
        path = self._bucket_dir(bucket)
        for dirpath, dirnames, filenames in os.walk(path):
            if any(not name.startswith(TMP_PREFIX) for name in filenames):
                raise StorageError(
                    f"bucket {bucket!r} at {self.location} is not empty; delete its objects first or "
                    "pass force=True"
                )
            del dirpath, dirnames
        try:
            for dirpath, _dirs, filenames in os.walk(path, topdown=False):
                for name in filenames:
                    os.unlink(os.path.join(dirpath, name))
                os.rmdir(dirpath)
        except OSError as exc:
            raise storage_error(exc, op="delete bucket", location=self.location, bucket=bucket) from exc

    # --- objects --------------------------------------------------------------------------------

    def list_objects(self, bucket: str, prefix: str) -> list[str]:
        base = self._bucket_dir(bucket)
        directory = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = base / directory if directory else base
        if directory and start.is_dir():
            self._check_path(start, bucket, directory)
        keys: list[str] = []
        for dirpath, dirnames, filenames in os.walk(start):
            dirnames[:] = [d for d in dirnames if not d.startswith(TMP_PREFIX)]
            rel = os.path.relpath(dirpath, base)
            rel = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            keys.extend(
                rel + name
                for name in filenames
                if not name.startswith(TMP_PREFIX) and (rel + name).startswith(prefix)
            )
        return sorted(keys)

    def head(self, bucket: str, key: str) -> ObjectInfo:
        path = self._path(bucket, key)
        try:
            st = os.stat(path)
        except OSError as exc:
            raise self._error(exc, "head", bucket, key) from exc
        self._check_path(path, bucket, key)
        if not os.path.isfile(path):
            raise self._error(IsADirectoryError(key), "head", bucket, key)
        etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}-{st.st_ino:x}"'
        return ObjectInfo(bucket, key, st.st_size, etag, datetime.fromtimestamp(st.st_mtime, UTC))

    def record(self, bucket: str, key: str) -> str | None:
        """The stored checksum record of an object (None when it has none)."""
        f, _ = self._open(bucket, key, "head")
        with f:
            record = self._record(f.fileno(), bucket, key)
        return None if record is None else record.to_text()

    def _tmp_path(self, bucket: str, key: str) -> Path:
        target = self._path(bucket, key)
        self._check_path(target.parent, bucket, key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:
            raise StorageRequestError(
                f"cannot store {key!r} in bucket {bucket!r} at {self.location}: a part of its path is "
                "already an object (on local disk a key cannot also be a prefix of other keys)"
            ) from exc
        return target.parent / f"{TMP_PREFIX}{uuid.uuid4().hex}"

    def _commit(self, tmp: Path, bucket: str, key: str) -> None:
        try:
            os.replace(tmp, self._path(bucket, key))
        except IsADirectoryError as exc:
            raise StorageRequestError(
                f"cannot store {key!r} in bucket {bucket!r} at {self.location}: other keys use it as a "
                "prefix (on local disk a key cannot also be a prefix of other keys)"
            ) from exc

    def put(self, bucket: str, key: str, data: memoryview, record: str | None = None) -> None:
        self._bucket_dir(bucket)
        tmp = self._tmp_path(bucket, key)
        try:
            with open(tmp, "wb") as f:
                self._set_record(f.fileno(), record)
                f.write(data)
            self._commit(tmp, bucket, key)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, OSError) and not isinstance(exc, StorageError):
                raise self._error(exc, "put", bucket, key) from exc
            raise

    def delete(self, bucket: str, keys: Sequence[str]) -> None:
        base = self._bucket_dir(bucket)
        for key in keys:
            path = self._path(bucket, key)
            self._check_path(path.parent, bucket, key)
            try:
                os.unlink(path)
            except FileNotFoundError:
                continue
            except IsADirectoryError:
                continue
            except OSError as exc:
                raise self._error(exc, "delete", bucket, key) from exc
            parent = path.parent
            while parent != base:
                try:
                    parent.rmdir()
                except OSError:
                    break
                parent = parent.parent

    def _open(self, bucket: str, key: str, op: str) -> tuple[Any, int]:
        """The object's file opened for reading, and its size."""
        path = self._path(bucket, key)
        try:
            fd = self._open_beneath(f"{bucket}/{key}")
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise self._error(exc, op, bucket, key) from exc
            # A link out of the root, or an absolute one (refused even when it leads back
            # inside): opened as below, the kernel's own name of the file decides.
            fd = None
        if fd is not None:
            try:
                f = open(fd, "rb", buffering=0)  # noqa: SIM115 - returned open, closed by the caller
            except OSError as exc:  # a directory
                os.close(fd)
                raise self._error(exc, op, bucket, key) from exc
        else:
            try:
                # not blocking: opening a FIFO for reading would wait for a writer forever
                f = open(path, "rb", buffering=0, opener=_nonblocking)  # noqa: SIM115 - as above
            except OSError as exc:
                raise self._error(exc, op, bucket, key) from exc
        try:
            if fd is None:
                self._check_fd(f.fileno(), path, bucket, key)
            size = self._check_regular(f.fileno(), bucket, key)
        except BaseException:
            f.close()
            raise
        return f, size

    def _check_regular(self, fd: int, bucket: str, key: str) -> int:
        """The size of an open regular file; refuse any other (a FIFO, a device, a socket)."""
        st = os.fstat(fd)
        mode = st.st_mode
        if stat.S_ISDIR(mode):  # a prefix of other keys, as S3 sees it
            raise ObjectNotFoundError(f"object {key!r} not found in bucket {bucket!r} at {self.location}")
        if not stat.S_ISREG(mode):
            raise StorageError(
                f"{self._what(bucket, key)} is not a regular file but a "
                f"{_KINDS.get(stat.S_IFMT(mode), 'special file')}; the store reads only regular files: "
                "replace it with the object's data"
            )
        return st.st_size

    def _open_beneath(self, rel: str) -> int | None:
        """``rel`` opened for reading beneath the root in one system call, or None where the
        system cannot (see :mod:`._beneath`); the root's own descriptor is kept open."""
        flags = os.O_RDONLY | os.O_NONBLOCK  # not blocking: a FIFO would wait for a writer forever
        root = self._root_fd()
        if root is None:
            return None
        try:
            return open_beneath(root[0], rel, flags)
        except FileNotFoundError:
            again = self._root_fd(reopen=True)
            if again is None or again == root:  # not found, and not because the root was replaced
                raise
            return open_beneath(again[0], rel, flags)

    def _root_fd(self, *, reopen: bool = False) -> tuple[int, int, int] | None:
        """The root's descriptor with its device and inode (None while it does not exist)."""
        held = self._root_held
        if held is not None and not reopen:
            return held
        with self._root_lock:
            held = self._root_held
            try:
                st = os.stat(self.root)
            except OSError:
                return None
            if held is not None and (held[1], held[2]) == (st.st_dev, st.st_ino):
                return held
            try:
                fd = os.open(self.root, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
            except (OSError, AttributeError):  # AttributeError: no O_PATH (not Linux)
                return None
            # A replaced root's descriptor stays open until close(): other threads may be
            # opening files through it right now (closed, its number could name another file).
            self._root_closers.append(weakref.finalize(self, os.close, fd))
            self._root_held = (fd, st.st_dev, st.st_ino)
            return self._root_held

    def _release_root(self) -> None:
        with self._root_lock:
            self._root_held = None
            closers, self._root_closers = self._root_closers, []
        for closer in closers:
            closer()

    def get(self, bucket: str, key: str) -> memoryview:
        f, size = self._open(bucket, key, "get")
        with f:
            fd = f.fileno()
            record = self._record(fd, bucket, key)
            data = memoryview(bytearray(size))
            _read_exact(f, 0, data)
        if record is not None:
            what = self._what(bucket, key)
            record.check_size(size, what=what)
            record.verify(data, 0, what=what)
        return data

    def _read_verified(
        self,
        f: Any,
        record: Checksums | None,
        size: int,
        start: int,
        stop: int,
        out: memoryview | None,
        what: str,
    ) -> memoryview:
        """Bytes ``[start, stop)`` of an open file, the blocks holding them verified."""
        if record is None:
            target = out if out is not None else memoryview(bytearray(stop - start))
            _read_exact(f, start, target)
            return target
        record.check_size(size, what=what)
        lo, hi = record.cover(start, stop)
        if lo == start and hi == stop:
            target = out if out is not None else memoryview(bytearray(stop - start))
            _read_exact(f, start, target)
            record.verify(target, start, what=what)
            return target
        whole = memoryview(bytearray(hi - lo))
        _read_exact(f, lo, whole)
        record.verify(whole, lo, what=what)
        if out is None:
            return whole[start - lo : stop - lo]
        out.cast("B")[:] = whole[start - lo : stop - lo]
        return out

    def get_range(
        self, bucket: str, key: str, start: int, stop: int, out: memoryview | None, size: int | None = None
    ) -> memoryview:
        f, length = self._open(bucket, key, "get range")  # the file's own size; `size` is a guess
        with f:
            fd = f.fileno()
            if stop > length or (start >= length and stop > start):
                raise StorageRequestError(
                    f"byte range [{start}, {stop}) of {bucket}/{key} runs past the end of the object "
                    f"({length} bytes) at {self.location}"
                )
            if stop == start:
                return out if out is not None else memoryview(b"")
            record = self._record(fd, bucket, key)
            return self._read_verified(f, record, length, start, stop, out, self._what(bucket, key))

    def get_ranges(
        self, bucket: str, key: str, ranges: Sequence[ByteRange], size: int | None = None
    ) -> list[memoryview]:
        f, length = self._open(bucket, key, "get ranges")
        with f:
            fd = f.fileno()
            record = self._record(fd, bucket, key)
            what = self._what(bucket, key)
            out = []
            for r in ranges:
                if r.stop > length:
                    raise StorageRequestError(
                        f"byte range [{r.start}, {r.stop}) of {bucket}/{key} runs past the end of the "
                        f"object ({length} bytes) at {self.location}"
                    )
                if not r.length:
                    out.append(memoryview(b""))
                    continue
                out.append(self._read_verified(f, record, length, r.start, r.stop, None, what))
            return out

    def read_into(self, bucket: str, key: str, out: memoryview) -> None:
        f, size = self._open(bucket, key, "get")
        with f:
            fd = f.fileno()
            if size != out.nbytes:
                raise StorageError(
                    f"object {bucket}/{key} holds {size} bytes but {out.nbytes} were expected at {self.location}; "
                    "check its shape, dtype and codec"
                )
            record = self._record(fd, bucket, key)
            self._read_verified(f, record, size, 0, size, out, self._what(bucket, key))

    def read_rows(
        self,
        bucket: str,
        key: str,
        row_bytes: int,
        rows: tuple[int, int],
        piece_bytes: int,
        scratch: Callable[[int], memoryview],
    ) -> Iterator[tuple[int, memoryview]]:
        """Rows ``[r0, r1)`` of an object of rows of ``row_bytes`` each, a piece at a time.

        Each piece is read into ``scratch(n)`` (a buffer the caller reuses, so it stays in the
        CPU's cache), its checksum blocks verified there, and yielded as ``(first row, view
        of whole rows)``, valid until the next. Pieces hold whole rows and whole checksum
        blocks, about ``piece_bytes`` each (more when a row and a block need more).
        """
        f, size = self._open(bucket, key, "get")
        with f:
            fd = f.fileno()
            record = self._record(fd, bucket, key)
            what = self._what(bucket, key)
            if record is not None:
                record.check_size(size, what=what)
            r0, r1 = rows
            if r1 * row_bytes > size:
                raise StorageError(
                    f"{what} holds {size} bytes but {r1 * row_bytes} were expected; check its shape, "
                    "dtype and codec"
                )
            unit = math.lcm(row_bytes, record.block if record is not None else 1)
            step = max(unit, piece_bytes // unit * unit)
            lo = r0 * row_bytes // unit * unit  # whole rows and whole blocks
            stop = r1 * row_bytes
            while lo < stop:
                hi = min(lo + step, size)
                view = scratch(hi - lo)
                _read_exact(f, lo, view)
                if record is not None:
                    record.verify(view, lo, what=what)
                yield lo // row_bytes, view
                lo = hi

    @contextlib.contextmanager
    def mapped(self, bucket: str, key: str, span: tuple[int, int] | None = None) -> Iterator[memoryview]:
        """The whole object as a read-only memory map, for copies straight out of the page cache.

        The checksum blocks holding bytes `span` (every block when None) are verified before
        the view is handed out. Release every buffer made from the view before the block ends.
        Objects are replaced by renaming a new file over them, never rewritten in place, so a
        mapping keeps showing the version it opened.
        """
        f, size = self._open(bucket, key, "get")
        with f:
            fd = f.fileno()
            record = self._record(fd, bucket, key)
            if size == 0:
                if record is not None:
                    record.check_size(0, what=self._what(bucket, key))
                yield memoryview(b"")
                return
            mapping = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        try:
            with memoryview(mapping) as view:
                if record is not None:
                    what = self._what(bucket, key)
                    record.check_size(size, what=what)
                    start, stop = span if span is not None else (0, size)
                    lo, hi = record.cover(start, min(stop, size))
                    if hi > lo:
                        with view[lo:hi] as blocks:
                            record.verify(blocks, lo, what=what)
                yield view
        finally:
            mapping.close()

    # --- multipart uploads ----------------------------------------------------------------------

    def mpu_start(self, bucket: str, key: str, part_size: int, record: str | None = None) -> Upload:
        self._bucket_dir(bucket)
        tmp = self._tmp_path(bucket, key)
        try:
            with open(tmp, "wb") as f:
                self._set_record(f.fileno(), record, key)
        except OSError as exc:
            raise self._error(exc, "start multipart upload", bucket, key) from exc
        return Upload(bucket, key, tmp.name, part_size)

    def _upload_path(self, upload: Upload) -> Path:
        return self._path(upload.bucket, upload.key).parent / upload.upload_id

    def mpu_put_part(self, upload: Upload, number: int, data: memoryview) -> Part:
        path = self._upload_path(upload)
        try:
            fd = os.open(path, os.O_WRONLY)
        except FileNotFoundError as exc:
            raise ObjectNotFoundError(
                f"multipart upload {upload.upload_id!r} of {upload.key!r} in bucket {upload.bucket!r} "
                "no longer exists (aborted?)"
            ) from exc
        try:
            offset = (number - 1) * upload.part_size
            view = memoryview(data).cast("B")
            while view.nbytes:
                written = os.pwrite(fd, view, offset)
                view = view[written:]
                offset += written
        except OSError as exc:
            raise self._error(exc, f"upload part {number}", upload.bucket, upload.key) from exc
        finally:
            os.close(fd)
        return Part(number, f'"{number}-{data.nbytes:x}"')

    def mpu_complete(self, upload: Upload, parts: Sequence[Part]) -> None:
        path = self._upload_path(upload)
        sizes = [int(p.etag.strip('"').split("-")[1], 16) for p in sorted(parts, key=lambda p: p.number)]
        numbers = sorted(p.number for p in parts)
        if numbers != list(range(1, len(parts) + 1)) or any(s != upload.part_size for s in sizes[:-1]):
            raise StorageRequestError(
                f"multipart upload of {upload.key!r}: parts must be numbered 1..n and all but the last "
                f"hold {upload.part_size} bytes"
            )
        expected = sum(sizes)
        try:
            with open(path, "r+b") as f:
                f.truncate(expected)
                with contextlib.suppress(OSError):
                    os.removexattr(f.fileno(), _KEY_XATTR)
            self._commit(path, upload.bucket, upload.key)
        except OSError as exc:
            raise self._error(exc, "complete multipart upload", upload.bucket, upload.key) from exc

    def mpu_abort(self, upload: Upload) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._upload_path(upload).unlink()

    def mpu_list(self, bucket: str, prefix: str) -> list[PendingUpload]:
        """Unfinished writes under `prefix`: the temporary files left in the bucket.

        A multipart upload's file names its target key; the temporary file of a single write
        interrupted by a crash is listed under its own name. The time is the last write to it.
        """
        base = self._bucket_dir(bucket)
        directory = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = base / directory if directory else base
        found: list[PendingUpload] = []
        for dirpath, _dirnames, filenames in os.walk(start):
            rel = os.path.relpath(dirpath, base)
            rel = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            for name in filenames:
                if not name.startswith(TMP_PREFIX):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                    target = os.getxattr(path, _KEY_XATTR).decode("utf-8", "surrogatepass")
                except FileNotFoundError:
                    continue
                except OSError:
                    target = rel + name
                if target.startswith(prefix):
                    found.append(
                        PendingUpload(bucket, target, name, datetime.fromtimestamp(st.st_mtime, UTC))
                    )
        return sorted(found, key=lambda u: (u.key, u.initiated))

    def mpu_abort_pending(self, upload: PendingUpload) -> None:
        """Remove an unfinished write listed by :meth:`mpu_list`."""
        key_dir = upload.key.rsplit("/", 1)[0] if "/" in upload.key else ""
        path = self.root / upload.bucket / key_dir / upload.upload_id
        self._check_path(path.parent, upload.bucket, upload.key)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


_KINDS = {
    stat.S_IFIFO: "FIFO",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFSOCK: "socket",
}


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def _read_exact(f: Any, offset: int, out: memoryview) -> None:
    view = out.cast("B") if out.format != "B" or out.ndim != 1 else out
    fd = f.fileno()
    while view.nbytes:
        n = os.preadv(fd, [view], offset)
        if n == 0:
            raise StorageError(f"unexpected end of file at byte {offset} of {f.name!r}")
        view = view[n:]
        offset += n
