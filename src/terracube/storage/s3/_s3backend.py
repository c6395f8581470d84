"""The S3 backend: objects through obstore, buckets and multipart uploads through signed REST."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from datetime import UTC, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from terracube.errors import BucketNotFoundError, ObjectNotFoundError, StorageError, StorageRequestError
from terracube.storage.s3._backend import ObjectInfo, Part, Upload
from terracube.storage.s3._errors import HTTPStatusError, is_range_error, is_retryable, storage_error
from terracube.storage.s3._rest import RestClient, find_text
from terracube.storage.s3._retry import RetryPolicy, retry_call

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from terracube.storage.s3._ranges import ByteRange
    from terracube.storage.s3.config import S3Config

__all__ = ["S3Backend"]

T = TypeVar("T")


class S3Backend:
    """Objects on an S3 endpoint. Thread-safe; stores and connections are made on first use."""

    def __init__(self, config: S3Config) -> None:
        self.config = config
        self.location = f"S3 endpoint {config.effective_endpoint}"
        self._policy = RetryPolicy.from_config(config)
        self._lock = threading.Lock()
        self._stores: dict[str, Any] = {}
        self._rest: RestClient | None = None

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
        """The configured client: obstore's S3 store settings, not bound to a bucket."""
        return {"endpoint": self.config.effective_endpoint, **self._store_options()}

    @property
    def rest(self) -> RestClient:
        """The signed REST client (buckets, multipart uploads)."""
        if self._rest is None:
            with self._lock:
                if self._rest is None:
                    self._rest = RestClient(self.config)
        return self._rest

    def close(self) -> None:
        """Drop idle REST connections."""
        if self._rest is not None:
            self._rest.close()

    # --- error handling ---------------------------------------------------------------------------

    def _call(self, op: str, bucket: str, key: str | None, fn: Callable[[], T]) -> T:
        try:
            return retry_call(fn, self._policy, is_transient=is_retryable, what=f"{op} {bucket}/{key or ''}")
        except Exception as exc:
            error = storage_error(exc, op=op, location=self.location, bucket=bucket, key=key)
            if isinstance(error, ObjectNotFoundError) and not self._bucket_exists_quietly(bucket):
                error = BucketNotFoundError(
                    f"bucket {bucket!r} does not exist at {self.location}; "
                    f"create it with create_bucket({bucket!r})"
                )
            raise error from exc

    def _bucket_exists_quietly(self, bucket: str) -> bool:
        try:
            return self.bucket_exists(bucket)
        except StorageError:
            return True

    def _rest_call(self, op: str, bucket: str | None, key: str | None, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except Exception as exc:
            raise storage_error(exc, op=op, location=self.location, bucket=bucket or "", key=key) from exc

    # --- buckets --------------------------------------------------------------------------------

    def list_buckets(self) -> list[str]:
        response = self._rest_call("list buckets", None, None, lambda: self.rest.request("GET"))
        return sorted(find_text(response.xml(), "Bucket/Name"))

    def bucket_exists(self, bucket: str) -> bool:
        try:
            self.rest.request("HEAD", bucket)
        except HTTPStatusError as exc:
            if exc.status == 404:
                return False
            raise storage_error(exc, op="check bucket", location=self.location, bucket=bucket) from exc
        except Exception as exc:
            raise storage_error(exc, op="check bucket", location=self.location, bucket=bucket) from exc
        return True

    def create_bucket(self, bucket: str) -> None:
        region = self.config.effective_region
        body = b""
        if region != "us-east-1":
            body = (
                '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                f"<LocationConstraint>{region}</LocationConstraint></CreateBucketConfiguration>"
            ).encode()
        try:
            self.rest.request("PUT", bucket, body=body)
        except HTTPStatusError as exc:
            if exc.code == "BucketAlreadyOwnedByYou":
                return
            if exc.code == "BucketAlreadyExists":
                raise StorageError(
                    f"bucket {bucket!r} already exists at {self.location} and belongs to someone else; "
                    "pick another name"
                ) from exc
            raise storage_error(exc, op="create bucket", location=self.location, bucket=bucket) from exc
        except Exception as exc:
            raise storage_error(exc, op="create bucket", location=self.location, bucket=bucket) from exc

    def delete_bucket(self, bucket: str) -> None:
        try:
            self.rest.request("DELETE", bucket)
        except HTTPStatusError as exc:
            if exc.code == "BucketNotEmpty":
                raise StorageError(
                    f"bucket {bucket!r} at {self.location} is not empty; delete its objects first "
                    "or pass force=True"
                ) from exc
            raise storage_error(exc, op="delete bucket", location=self.location, bucket=bucket) from exc
        except Exception as exc:
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

    def put(self, bucket: str, key: str, data: memoryview) -> None:
        import obstore

        store = self.bucket_store(bucket)
        self._call("put", bucket, key, lambda: obstore.put(store, key, data, use_multipart=False))

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
        data = self._call("get", bucket, key, lambda: obstore.get(store, key).bytes())
        return memoryview(data)

    def get_range(self, bucket: str, key: str, start: int, stop: int, out: memoryview | None) -> memoryview:
        import obstore

        store = self.bucket_store(bucket)
        if stop == start:
            self.head(bucket, key)
            return out if out is not None else memoryview(b"")
        try:
            data = memoryview(
                self._call(
                    "get range", bucket, key, lambda: obstore.get_range(store, key, start=start, end=stop)
                )
            )
        except StorageRequestError as e:
            if e.__cause__ is None or not is_range_error(e.__cause__):
                raise
            raise StorageRequestError(
                f"byte range [{start}, {stop}) of {bucket}/{key} starts past the end of the object "
                f"at {self.location}"
            ) from e
        if data.nbytes != stop - start:
            raise StorageRequestError(
                f"byte range [{start}, {stop}) of {bucket}/{key} runs past the end of the object "
                f"({start + data.nbytes} bytes) at {self.location}"
            )
        if out is None:
            return data
        out[:] = data
        return out

    def get_ranges(self, bucket: str, key: str, ranges: Sequence[ByteRange]) -> list[memoryview]:
        import obstore

        store = self.bucket_store(bucket)
        nonempty = [r for r in ranges if r.length]
        fetched = self._call(
            "get ranges",
            bucket,
            key,
            lambda: obstore.get_ranges(
                store, key, starts=[r.start for r in nonempty], ends=[r.stop for r in nonempty]
            ),
        )
        views = iter(memoryview(b) for b in fetched)
        out = []
        for r in ranges:
            view = next(views) if r.length else memoryview(b"")
            if view.nbytes != r.length:
                raise StorageRequestError(
                    f"byte range [{r.start}, {r.stop}) of {bucket}/{key} runs past the end of the object "
                    f"at {self.location}"
                )
            out.append(view)
        return out

    def read_into(self, bucket: str, key: str, out: memoryview) -> None:
        data = self.get(bucket, key)
        if data.nbytes != out.nbytes:
            raise StorageError(
                f"object {bucket}/{key} holds {data.nbytes} bytes but {out.nbytes} were expected at {self.location}; "
                "check its shape, dtype and codec"
            )
        out[:] = data

    # --- multipart uploads ----------------------------------------------------------------------

    def mpu_start(self, bucket: str, key: str, part_size: int) -> Upload:
        response = self._rest_call(
            "start multipart upload",
            bucket,
            key,
            lambda: self.rest.request("POST", bucket, key, query={"uploads": ""}),
        )
        upload_id = find_text(response.xml(), "UploadId")
        if not upload_id or not upload_id[0]:
            raise StorageError(f"start multipart upload of {bucket}/{key}: no UploadId in the answer")
        return Upload(bucket, key, upload_id[0], part_size)

    def mpu_put_part(self, upload: Upload, number: int, data: memoryview) -> Part:
        query = {"partNumber": str(number), "uploadId": upload.upload_id}
        response = self._rest_call(
            f"upload part {number}",
            upload.bucket,
            upload.key,
            lambda: self.rest.request("PUT", upload.bucket, upload.key, query=query, body=data),
        )
        etag = response.headers.get("etag")
        if not etag:
            raise StorageError(f"upload part {number} of {upload.bucket}/{upload.key}: no ETag in the answer")
        return Part(number, etag)

    def mpu_complete(self, upload: Upload, parts: Sequence[Part]) -> None:
        root = ET.Element("CompleteMultipartUpload", xmlns="http://s3.amazonaws.com/doc/2006-03-01/")
        for part in sorted(parts, key=lambda p: p.number):
            element = ET.SubElement(root, "Part")
            ET.SubElement(element, "PartNumber").text = str(part.number)
            ET.SubElement(element, "ETag").text = part.etag
        body = ET.tostring(root)
        self._rest_call(
            "complete multipart upload",
            upload.bucket,
            upload.key,
            lambda: self.rest.request(
                "POST", upload.bucket, upload.key, query={"uploadId": upload.upload_id}, body=body
            ),
        )

    def mpu_abort(self, upload: Upload) -> None:
        try:
            self.rest.request(
                "DELETE", upload.bucket, upload.key, query={"uploadId": upload.upload_id}, ok=(200, 204)
            )
        except HTTPStatusError as exc:
            if exc.code == "NoSuchUpload" or exc.status == 404:
                return
            raise storage_error(
                exc, op="abort multipart upload", location=self.location, bucket=upload.bucket, key=upload.key
            ) from exc
        except Exception as exc:
            raise storage_error(
                exc, op="abort multipart upload", location=self.location, bucket=upload.bucket, key=upload.key
            ) from exc
