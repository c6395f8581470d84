"""The S3 backend: objects through obstore, buckets and multipart uploads through botocore.

Every object carries its checksum record in its user metadata (:mod:`._checksums`), and
every GET answer carries the record of the version it serves, so a read verifies what it got
without another request. A ranged read asks for the whole blocks around the bytes wanted.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from terracube.errors import (
    BucketNotFoundError,
    ObjectNotFoundError,
    StorageError,
    StorageRequestError,
    StorageTransientError,
)
from terracube.storage.s3._backend import ObjectInfo, Part, PendingUpload, Upload
from terracube.storage.s3._checksums import (
    MIN_BLOCK,
    RECORD_KEY,
    ChecksumMismatch,
    Checksums,
    block_size_for,
    metadata_text,
    record_from,
    widen,
)
from terracube.storage.s3._client import make_client, retry_attempts
from terracube.storage.s3._errors import client_error, is_range_error, is_retryable, storage_error
from terracube.storage.s3._retry import RetryPolicy, retry_call

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from terracube.storage.s3._ranges import ByteRange
    from terracube.storage.s3.config import S3Config

__all__ = ["S3Backend"]

_log = logging.getLogger("terracube.storage.s3")

T = TypeVar("T")


def _read_again(exc: BaseException) -> bool:
    """Worth another attempt: a body cut off half way, or bytes damaged on the wire."""
    return is_retryable(exc) or isinstance(exc, ChecksumMismatch)


class S3Backend:
    """Objects on an S3 endpoint. Thread-safe; stores and connections are made on first use."""

    def __init__(self, config: S3Config) -> None:
        self.config = config
        self.location = f"S3 endpoint {config.effective_endpoint}"
        self._policy = RetryPolicy.from_config(config)
        self._lock = threading.Lock()
        self._stores: dict[str, Any] = {}
        self._client: Any = None

    # --- handles ----------------------------------------------------------------------------------

    def _store_options(self) -> dict[str, Any]:
        c = self.config
        options: dict[str, Any] = {
            "region": c.effective_region,
            "virtual_hosted_style_request": not c.effective_path_style,
            "client_options": {
                "allow_http": c.effective_endpoint.startswith("http://"),
                "timeout": timedelta(seconds=c.timeout),
                "connect_timeout": timedelta(seconds=c.connect_timeout),
                "pool_max_idle_per_host": str(max(8, c.max_workers)),
            },
            "retry_config": {
                "max_retries": c.max_retries,
                "retry_timeout": timedelta(seconds=c.retry_timeout),
                "backoff": {
                    "init_backoff": timedelta(seconds=c.backoff),
                    "max_backoff": timedelta(seconds=c.max_backoff),
                    "base": 2,
                },
            },
        }
        if c.endpoint is not None:
            options["endpoint"] = c.endpoint
        if c.unsigned:
            options["skip_signature"] = True
        if c.requester_pays:
            options["request_payer"] = True
        if c.access_key_id is not None:
            options["access_key_id"] = c.access_key_id
            options["secret_access_key"] = c.secret_access_key
        if c.session_token is not None:
            options["session_token"] = c.session_token
        return options

    def bucket_store(self, bucket: str) -> Any:
        """The obstore ``S3Store`` of `bucket` (cached)."""
        store = self._stores.get(bucket)
        if store is not None:
            return store
        from obstore.store import S3Store

        with self._lock:
            store = self._stores.get(bucket)
            if store is None:
                store = self._stores[bucket] = S3Store(bucket, **self._store_options())
        return store

    def root_store(self) -> Any:
        """The botocore S3 client (buckets, multipart uploads)."""
        return self.client

    @property
    def client(self) -> Any:
        """The botocore S3 client (made on first use)."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = make_client(self.config)
        return self._client

    def close(self) -> None:
        """Drop idle connections of the botocore client."""
        client, self._client = self._client, None
        if client is not None:
            client.close()

    # --- error handling ---------------------------------------------------------------------------

    def _call(
        self,
        op: str,
        bucket: str,
        key: str | None,
        fn: Callable[[], T],
        again: Callable[[BaseException], bool] = is_retryable,
    ) -> T:
        try:
            return retry_call(fn, self._policy, is_transient=again, what=f"{op} {bucket}/{key or ''}")
        except Exception as exc:
            error = storage_error(exc, op=op, location=self.location, bucket=bucket, key=key)
            if isinstance(error, ObjectNotFoundError) and not self._bucket_exists_quietly(bucket):
                error = BucketNotFoundError(
                    f"bucket {bucket!r} does not exist at {self.location}; "
                    f"create it with create_bucket({bucket!r})"
                )
            if error is exc:
                raise
            raise error from exc

    def _bucket_exists_quietly(self, bucket: str) -> bool:
        try:
            return self.bucket_exists(bucket)
        except StorageError:
            return True

    def _boto(self, op: str, bucket: str | None, key: str | None, fn: Callable[[Any], T]) -> T:
        """Run a botocore call (which retries itself) and map its failure."""
        try:
            return fn(self.client)
        except Exception as exc:
            raise storage_error(exc, op=op, location=self.location, bucket=bucket or "", key=key) from exc

    def _what(self, bucket: str, key: str) -> str:
        return f"object {bucket}/{key} at {self.location}"

    def _record(self, attributes: Any, bucket: str, key: str) -> Checksums | None:
        return record_from(
            metadata_text(attributes), what=self._what(bucket, key), required=self.config.require_checksums
        )

    # --- buckets --------------------------------------------------------------------------------

    def list_buckets(self) -> list[str]:
        answer = self._boto("list buckets", None, None, lambda c: c.list_buckets())
        return sorted(b["Name"] for b in answer.get("Buckets", []))

    def bucket_exists(self, bucket: str) -> bool:
        try:
            self.client.head_bucket(Bucket=bucket)
        except Exception as exc:
            status, code = client_error(exc)
            if status == 404 or code in ("404", "NoSuchBucket"):
                return False
            raise storage_error(exc, op="check bucket", location=self.location, bucket=bucket) from exc
        return True

    def create_bucket(self, bucket: str) -> None:
        region = self.config.effective_region
        kwargs: dict[str, Any] = {"Bucket": bucket}
        if region != "us-east-1":
            kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
        try:
            self.client.create_bucket(**kwargs)
        except Exception as exc:
            code = client_error(exc)[1]
            if code == "BucketAlreadyOwnedByYou":
                return
            if code == "BucketAlreadyExists":
                raise StorageError(
                    f"bucket {bucket!r} already exists at {self.location} and belongs to someone else; "
                    "pick another name"
                ) from exc
            raise storage_error(exc, op="create bucket", location=self.location, bucket=bucket) from exc

    def delete_bucket(self, bucket: str) -> None:
        try:
            self.client.delete_bucket(Bucket=bucket)
        except Exception as exc:
            code = client_error(exc)[1]
            if code == "NoSuchBucket" and retry_attempts(exc):
                pass  # an earlier attempt deleted it and its answer was lost
            elif code == "BucketNotEmpty":
                raise StorageError(
                    f"bucket {bucket!r} at {self.location} is not empty; delete its objects first "
                    "or pass force=True"
                ) from exc
            else:
                raise storage_error(exc, op="delete bucket", location=self.location, bucket=bucket) from exc
        with self._lock:
            self._stores.pop(bucket, None)

    # --- objects --------------------------------------------------------------------------------

    def list_objects(self, bucket: str, prefix: str) -> list[str]:
        import obstore

        store = self.bucket_store(bucket)
        # obstore lists whole path segments: list the enclosing "directory", then filter.
        directory = prefix.rsplit("/", 1)[0] if "/" in prefix else None

        def attempt() -> list[str]:
            keys: list[str] = []
            for batch in obstore.list(store, prefix=directory):
                keys.extend(meta["path"] for meta in batch if meta["path"].startswith(prefix))
            return keys

        return sorted(self._call("list", bucket, None, attempt))

    def head(self, bucket: str, key: str) -> ObjectInfo:
        import obstore

        store = self.bucket_store(bucket)
        meta = self._call("head", bucket, key, lambda: obstore.head(store, key))
        modified = meta["last_modified"]
        return ObjectInfo(bucket, key, int(meta["size"]), meta.get("e_tag"), modified.astimezone(UTC))

    def record(self, bucket: str, key: str) -> str | None:
        """The stored checksum record of an object (None when it has none)."""
        import obstore

        store = self.bucket_store(bucket)
        result = self._call("head", bucket, key, lambda: obstore.get(store, key, options={"head": True}))
        return metadata_text(result.attributes)

    def put(self, bucket: str, key: str, data: memoryview, record: str | None = None) -> None:
        import obstore

        store = self.bucket_store(bucket)
        attributes = {RECORD_KEY: record} if record is not None else None
        self._call(
            "put",
            bucket,
            key,
            lambda: obstore.put(store, key, data, attributes=attributes, use_multipart=False),
        )

    def delete(self, bucket: str, keys: Sequence[str]) -> None:
        import obstore

        store = self.bucket_store(bucket)
        for lo in range(0, len(keys), 1000):
            batch = list(keys[lo : lo + 1000])

            def delete(batch: list[str] = batch) -> None:
                obstore.delete(store, batch)

            self._call("delete", bucket, batch[0] if len(batch) == 1 else None, delete)

    def get(self, bucket: str, key: str) -> memoryview:
        import obstore

        store = self.bucket_store(bucket)

        def attempt() -> memoryview:
            result = obstore.get(store, key)
            data = memoryview(result.bytes())
            record = self._record(result.attributes, bucket, key)
            if record is not None:
                what = self._what(bucket, key)
                record.check_size(data.nbytes, what=what)
                record.verify(data, 0, what=what)
            return data

        return self._call("get", bucket, key, attempt, _read_again)

    def _fetch_blocks(
        self, bucket: str, key: str, start: int, stop: int, size: int | None
    ) -> tuple[memoryview, int]:
        """Bytes covering ``[start, stop)`` from offset ``lo``, their checksum blocks verified.

        Asks for whole blocks of the size an object of `size` bytes has (the smallest when
        unknown); when the answer's record says the blocks are larger, asks again for them.
        """
        import obstore

        store = self.bucket_store(bucket)
        what = self._what(bucket, key)
        lo, hi = widen(start, stop, block_size_for(size) if size is not None else MIN_BLOCK, size)

        def attempt() -> tuple[memoryview, int]:
            a, b = lo, hi
            for _ in range(2):
                whole = a == 0 and size is not None and b >= size
                result = obstore.get(store, key, options=None if whole else {"range": (a, b)})
                data = memoryview(result.bytes())
                record = self._record(result.attributes, bucket, key)
                if record is None:
                    return data, a
                record.check_size(int(result.meta["size"]), what=what)
                c, d = record.cover(start, min(stop, record.size))
                if c >= a and d <= a + data.nbytes:
                    record.verify(data[c - a : d - a], c, what=what)
                    return data[c - a : d - a], c
                a, b = c, d  # the record's blocks are larger than guessed: fetch them
            raise StorageError(f"{what}: the checksum blocks changed between two reads; read it again")

        try:
            return self._call("get range", bucket, key, attempt, _read_again)
        except StorageRequestError as e:
            if e.__cause__ is None or not is_range_error(e.__cause__):
                raise
            raise StorageRequestError(
                f"byte range [{start}, {stop}) of {bucket}/{key} starts past the end of the object "
                f"at {self.location}"
            ) from e

    def get_range(
        self, bucket: str, key: str, start: int, stop: int, out: memoryview | None, size: int | None = None
    ) -> memoryview:
        if stop == start:
            self.head(bucket, key)
            return out if out is not None else memoryview(b"")
        data, lo = self._fetch_blocks(bucket, key, start, stop, size)
        if lo + data.nbytes < stop:
            raise StorageRequestError(
                f"byte range [{start}, {stop}) of {bucket}/{key} runs past the end of the object "
                f"({lo + data.nbytes} bytes) at {self.location}"
            )
        piece = data[start - lo : stop - lo]
        if out is None:
            return piece
        out.cast("B")[:] = piece
        return out

    def get_ranges(
        self, bucket: str, key: str, ranges: Sequence[ByteRange], size: int | None = None
    ) -> list[memoryview]:
        # one request per run of ranges whose checksum blocks touch or overlap
        block = block_size_for(size) if size is not None else MIN_BLOCK
        out: list[memoryview] = [memoryview(b"")] * len(ranges)
        order = sorted((i for i, r in enumerate(ranges) if r.length), key=lambda i: ranges[i].start)
        group: list[int] = []
        group_hi = -1

        def flush() -> None:
            if not group:
                return
            first, last = ranges[group[0]].start, max(ranges[i].stop for i in group)
            data, lo = self._fetch_blocks(bucket, key, first, last, size)
            for i in group:
                r = ranges[i]
                if lo + data.nbytes < r.stop:
                    raise StorageRequestError(
                        f"byte range [{r.start}, {r.stop}) of {bucket}/{key} runs past the end of the object "
                        f"at {self.location}"
                    )
                out[i] = data[r.start - lo : r.stop - lo]

        for i in order:
            r = ranges[i]
            lo, hi = widen(r.start, r.stop, block)
            if group and lo > group_hi:
                flush()
                group = []
            group.append(i)
            group_hi = max(group_hi, hi) if group[:-1] else hi
        flush()
        return out

    def read_into(self, bucket: str, key: str, out: memoryview) -> None:
        data = self.get(bucket, key)
        if data.nbytes != out.nbytes:
            raise StorageError(
                f"object {bucket}/{key} holds {data.nbytes} bytes but {out.nbytes} were expected at {self.location}; "
                "check its shape, dtype and codec"
            )
        out.cast("B")[:] = data

    # --- multipart uploads ----------------------------------------------------------------------

    def mpu_start(self, bucket: str, key: str, part_size: int, record: str | None = None) -> Upload:
        kwargs: dict[str, Any] = {"Bucket": bucket, "Key": key}
        if record is not None:
            kwargs["Metadata"] = {RECORD_KEY: record}
        try:
            answer = self.client.create_multipart_upload(**kwargs)
        except Exception as exc:
            error = storage_error(
                exc, op="start multipart upload", location=self.location, bucket=bucket, key=key
            )
            if isinstance(error, StorageTransientError):
                self._abort_lost_starts(Upload(bucket, key, "", part_size))
            raise error from exc
        upload_id = answer.get("UploadId")
        if not upload_id:
            raise StorageError(f"start multipart upload of {bucket}/{key}: no UploadId in the answer")
        upload = Upload(bucket, key, upload_id, part_size)
        if retry_attempts(answer):
            self._abort_lost_starts(upload)
        return upload

    def _abort_lost_starts(self, upload: Upload) -> None:
        """Abort the uploads a retried start may have made: same key, no parts (best effort).

        A start whose answer was lost still made an upload on the server; nothing else knows
        its id. An upload of the same key that has no part yet is taken for one of those.
        """
        try:
            for pending in self.mpu_list(upload.bucket, upload.key):
                if pending.key != upload.key or pending.upload_id == upload.upload_id:
                    continue
                parts = self.client.list_parts(
                    Bucket=upload.bucket, Key=upload.key, UploadId=pending.upload_id
                ).get("Parts")
                if not parts:
                    self.mpu_abort_pending(pending)
        except Exception as exc:
            _log.warning(
                "could not clean up after a retried start of %s/%s: %s", upload.bucket, upload.key, exc
            )

    def mpu_put_part(self, upload: Upload, number: int, data: memoryview) -> Part:
        body = bytes(data)  # botocore checksums and signs bytes; a part is copied once
        answer = self._boto(
            f"upload part {number}",
            upload.bucket,
            upload.key,
            lambda c: c.upload_part(
                Bucket=upload.bucket, Key=upload.key, UploadId=upload.upload_id, PartNumber=number, Body=body
            ),
        )
        etag = answer.get("ETag")
        if not etag:
            raise StorageError(f"upload part {number} of {upload.bucket}/{upload.key}: no ETag in the answer")
        return Part(number, etag)

    def mpu_complete(self, upload: Upload, parts: Sequence[Part]) -> None:
        listed = [{"PartNumber": p.number, "ETag": p.etag} for p in sorted(parts, key=lambda p: p.number)]
        self._boto(
            "complete multipart upload",
            upload.bucket,
            upload.key,
            lambda c: c.complete_multipart_upload(
                Bucket=upload.bucket,
                Key=upload.key,
                UploadId=upload.upload_id,
                MultipartUpload={"Parts": listed},
            ),
        )

    def mpu_abort(self, upload: Upload) -> None:
        try:
            self.client.abort_multipart_upload(
                Bucket=upload.bucket, Key=upload.key, UploadId=upload.upload_id
            )
        except Exception as exc:
            status, code = client_error(exc)
            if code == "NoSuchUpload" or status == 404:
                return  # aborted already (a retried abort), or completed
            raise storage_error(
                exc, op="abort multipart upload", location=self.location, bucket=upload.bucket, key=upload.key
            ) from exc

    def mpu_list(self, bucket: str, prefix: str) -> list[PendingUpload]:
        def listing(client: Any) -> list[PendingUpload]:
            found = []
            for page in client.get_paginator("list_multipart_uploads").paginate(Bucket=bucket, Prefix=prefix):
                for u in page.get("Uploads", []):
                    found.append(
                        PendingUpload(bucket, u["Key"], u["UploadId"], u["Initiated"].astimezone(UTC))
                    )
            return found

        return sorted(
            self._boto("list multipart uploads", bucket, None, listing), key=lambda u: (u.key, u.initiated)
        )

    def mpu_abort_pending(self, upload: PendingUpload) -> None:
        self.mpu_abort(Upload(upload.bucket, upload.key, upload.upload_id, 0))
