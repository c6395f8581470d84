"""What every backend offers (S3 through obstore, local disk through the OS), and shared values.

S3IO talks to one :class:`Backend`. The S3 one (:mod:`._s3backend`) and the local one
(:mod:`._localbackend`) answer the same calls with the same errors, which the store
conformance suite (:mod:`terracube.storage.testing`) checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from terracube.errors import StorageRequestError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from terracube.storage.s3._ranges import ByteRange

__all__ = ["Backend", "ObjectInfo", "Part", "PendingUpload", "Upload", "check_bucket", "check_key"]

#: Prefix of the temporary files the local backend writes before renaming them into place.
TMP_PREFIX = ".tc-tmp-"

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """Metadata of one stored object."""

    bucket: str
    """The bucket holding it."""
    key: str
    """Its key."""
    size: int
    """Size in bytes."""
    etag: str | None
    """Entity tag: changes whenever the content is rewritten."""
    last_modified: datetime
    """Time of the last write (UTC)."""


@dataclass(frozen=True, slots=True)
class Upload:
    """A multipart upload in progress."""

    bucket: str
    """Target bucket."""
    key: str
    """Target key."""
    upload_id: str
    """The backend's id of the upload (a temporary file name on local disk)."""
    part_size: int
    """Size of every part but the last, in bytes."""


@dataclass(frozen=True, slots=True)
class Part:
    """One uploaded part of a multipart upload."""

    number: int
    """Part number, from 1."""
    etag: str
    """Entity tag the backend returned for it."""


@dataclass(frozen=True, slots=True)
class PendingUpload:
    """A multipart upload that was started and neither completed nor aborted."""

    bucket: str
    """Target bucket."""
    key: str
    """Target key."""
    upload_id: str
    """The backend's id of the upload (a temporary file name on local disk)."""
    initiated: datetime
    """When it was started (UTC; on local disk, when its file was last written)."""


class Backend(Protocol):
    """The calls S3IO makes; each raises terracube storage errors only.

    Writes take the object's checksum record (:mod:`._checksums`) and store it with the
    object; reads verify what they return against the record stored with it.
    """

    location: str

    def list_buckets(self) -> list[str]: ...
    def bucket_exists(self, bucket: str) -> bool: ...
    def create_bucket(self, bucket: str) -> None: ...
    def delete_bucket(self, bucket: str) -> None: ...
    def list_objects(self, bucket: str, prefix: str) -> list[str]: ...
    def head(self, bucket: str, key: str) -> ObjectInfo: ...
    def record(self, bucket: str, key: str) -> str | None: ...
    def put(self, bucket: str, key: str, data: memoryview, record: str | None = None) -> None: ...
    def delete(self, bucket: str, keys: Sequence[str]) -> None: ...
    def get(self, bucket: str, key: str) -> memoryview: ...
    def get_range(
        self, bucket: str, key: str, start: int, stop: int, out: memoryview | None, size: int | None = None
    ) -> memoryview: ...
    def get_ranges(
        self, bucket: str, key: str, ranges: Sequence[ByteRange], size: int | None = None
    ) -> list[memoryview]: ...
    def read_into(self, bucket: str, key: str, out: memoryview) -> None: ...
    def mpu_start(self, bucket: str, key: str, part_size: int, record: str | None = None) -> Upload: ...
    def mpu_put_part(self, upload: Upload, number: int, data: memoryview) -> Part: ...
    def mpu_complete(self, upload: Upload, parts: Sequence[Part]) -> None: ...
    def mpu_abort(self, upload: Upload) -> None: ...
    def mpu_list(self, bucket: str, prefix: str) -> list[PendingUpload]: ...
    def mpu_abort_pending(self, upload: PendingUpload) -> None: ...
    def root_store(self) -> Any: ...
    def bucket_store(self, bucket: str) -> Any: ...
    def close(self) -> None: ...


def check_bucket(bucket: str) -> str:
    """Return `bucket` if it is a valid S3 bucket name, else raise StorageRequestError."""
    if not isinstance(bucket, str) or not _BUCKET.match(bucket) or ".." in bucket:
        raise StorageRequestError(
            f"invalid bucket name {bucket!r}: use 3-63 lowercase letters, digits, '.' and '-', "
            "starting and ending with a letter or digit"
        )
    return bucket


def check_key(key: str) -> str:
    """Return `key` if every backend can store it, else raise StorageRequestError.

    A key is a '/'-separated path of non-empty segments, none of them '.' or '..', without a
    leading or trailing '/', NUL or backslash, at most 1024 bytes of UTF-8.
    """
    problem = None
    if not isinstance(key, str) or not key:
        problem = "it is empty"
    elif len(key.encode("utf-8", "surrogatepass")) > 1024:
        problem = "it is longer than 1024 bytes"
    elif "\x00" in key or "\\" in key:
        problem = "it contains NUL or a backslash"
    elif any(seg in ("", ".", "..") for seg in key.split("/")):
        problem = "it has an empty, '.' or '..' segment (or a leading or trailing '/')"
    elif any(seg.startswith(TMP_PREFIX) for seg in key.split("/")):
        problem = f"a segment starts with the reserved {TMP_PREFIX!r}"
    if problem is not None:
        raise StorageRequestError(f"invalid object key {key!r}: {problem}")
    return key
