"""The local-disk backend: buckets are directories under a root, keys are relative paths.

Writes go to a temporary file in the target directory and are renamed into place, so a
reader sees the old object or the new one, never a part. Reads go straight from the file
into the caller's buffer.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from terracube.errors import BucketNotFoundError, ObjectNotFoundError, StorageError, StorageRequestError
from terracube.storage.s3._backend import TMP_PREFIX, ObjectInfo, Part, Upload
from terracube.storage.s3._errors import storage_error

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from terracube.storage.s3._ranges import ByteRange
    from terracube.storage.s3.config import S3Config

__all__ = ["LocalBackend"]


class LocalBackend:
    """Objects in files under a root directory."""

    def __init__(self, config: S3Config) -> None:
        assert config.root is not None
        self.config = config
        self.root = Path(config.root)
        self.location = f"local root {config.root}"

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
        """Nothing to release."""

    # --- paths and errors -------------------------------------------------------------------------

    def _bucket_dir(self, bucket: str) -> Path:
        path = self.root / bucket
        if not path.is_dir():
            raise BucketNotFoundError(
                f"bucket {bucket!r} does not exist at {self.location}; create it with create_bucket({bucket!r})"
            )
        return path

    def _path(self, bucket: str, key: str) -> Path:
        return self.root / bucket / key

    def _error(self, exc: OSError, op: str, bucket: str, key: str | None) -> StorageError:
        if isinstance(exc, FileNotFoundError | NotADirectoryError | IsADirectoryError):
            self._bucket_dir(bucket)  # raises BucketNotFoundError when that is the cause
            if key is not None:
                return ObjectNotFoundError(
                    f"object {key!r} not found in bucket {bucket!r} at {self.location}"
                )
        return storage_error(exc, op=op, location=self.location, bucket=bucket, key=key)

    # --- buckets --------------------------------------------------------------------------------

    def list_buckets(self) -> list[str]:
        try:
            return sorted(entry.name for entry in os.scandir(self.root) if entry.is_dir())
        except FileNotFoundError:
            return []

    def bucket_exists(self, bucket: str) -> bool:
        return (self.root / bucket).is_dir()

    def create_bucket(self, bucket: str) -> None:
        try:
            (self.root / bucket).mkdir(parents=True, exist_ok=True)
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
        try:
            st = os.stat(self._path(bucket, key))
        except OSError as exc:
            raise self._error(exc, "head", bucket, key) from exc
        if not os.path.isfile(self._path(bucket, key)):
            raise self._error(IsADirectoryError(key), "head", bucket, key)
        etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}-{st.st_ino:x}"'
        return ObjectInfo(bucket, key, st.st_size, etag, datetime.fromtimestamp(st.st_mtime, UTC))

    def _tmp_path(self, bucket: str, key: str) -> Path:
        target = self._path(bucket, key)
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

    def put(self, bucket: str, key: str, data: memoryview) -> None:
        self._bucket_dir(bucket)
        tmp = self._tmp_path(bucket, key)
        try:
            with open(tmp, "wb") as f:
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

    def get(self, bucket: str, key: str) -> memoryview:
        try:
            with open(self._path(bucket, key), "rb") as f:
                return memoryview(f.read())
        except OSError as exc:
            raise self._error(exc, "get", bucket, key) from exc

    def _open(self, bucket: str, key: str, op: str) -> Any:
        try:
            return open(self._path(bucket, key), "rb", buffering=0)
        except OSError as exc:
            raise self._error(exc, op, bucket, key) from exc

    def get_range(self, bucket: str, key: str, start: int, stop: int, out: memoryview | None) -> memoryview:
        with self._open(bucket, key, "get range") as f:
            size = os.fstat(f.fileno()).st_size
            if stop > size or (start >= size and stop > start):
                raise StorageRequestError(
                    f"byte range [{start}, {stop}) of {bucket}/{key} runs past the end of the object "
                    f"({size} bytes) at {self.location}"
                )
            target = out if out is not None else memoryview(bytearray(stop - start))
            _read_exact(f, start, target)
            return target

    def get_ranges(self, bucket: str, key: str, ranges: Sequence[ByteRange]) -> list[memoryview]:
        with self._open(bucket, key, "get ranges") as f:
            size = os.fstat(f.fileno()).st_size
            out = []
            for r in ranges:
                if r.stop > size:
                    raise StorageRequestError(
                        f"byte range [{r.start}, {r.stop}) of {bucket}/{key} runs past the end of the "
                        f"object ({size} bytes) at {self.location}"
                    )
                view = memoryview(bytearray(r.length))
                _read_exact(f, r.start, view)
                out.append(view)
            return out

    def read_into(self, bucket: str, key: str, out: memoryview) -> None:
        with self._open(bucket, key, "get") as f:
            size = os.fstat(f.fileno()).st_size
            if size != out.nbytes:
                raise StorageError(
                    f"object {bucket}/{key} holds {size} bytes but {out.nbytes} were expected at {self.location}; "
                    "check its shape, dtype and codec"
                )
            _read_exact(f, 0, out)

    @contextlib.contextmanager
    def mapped(self, bucket: str, key: str) -> Iterator[memoryview]:
        """The whole object as a read-only memory map, for copies straight out of the page cache.

        Release every buffer made from the view before the block ends. Objects are replaced
        by renaming a new file over them, never rewritten in place, so a mapping keeps
        showing the version it opened.
        """
        with self._open(bucket, key, "get") as f:
            if os.fstat(f.fileno()).st_size == 0:
                yield memoryview(b"")
                return
            mapping = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            with memoryview(mapping) as view:
                yield view
        finally:
            mapping.close()

    # --- multipart uploads ----------------------------------------------------------------------

    def mpu_start(self, bucket: str, key: str, part_size: int) -> Upload:
        self._bucket_dir(bucket)
        tmp = self._tmp_path(bucket, key)
        try:
            tmp.touch()
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
            self._commit(path, upload.bucket, upload.key)
        except OSError as exc:
            raise self._error(exc, "complete multipart upload", upload.bucket, upload.key) from exc

    def mpu_abort(self, upload: Upload) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._upload_path(upload).unlink()


def _read_exact(f: Any, offset: int, out: memoryview) -> None:
    view = out.cast("B") if out.format != "B" or out.ndim != 1 else out
    fd = f.fileno()
    while view.nbytes:
        n = os.preadv(fd, [view], offset)
        if n == 0:
            raise StorageError(f"unexpected end of file at byte {offset} of {f.name!r}")
        view = view[n:]
        offset += n
