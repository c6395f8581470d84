"""The S3IO conformance suite: every backend answers the same calls with the same results.

A backend's test module subclasses :class:`StoreTests` and supplies two fixtures:

``store``
    A fresh :class:`~terracube.storage.s3.S3IO` on the backend (closed after the test).
``backdoor``
    A :class:`Backdoor`: raw access through the backend's own client (boto3 for an S3
    server, plain file IO for local disk), so writes are checked with bytes the store never
    read and reads with bytes the store never wrote.

Everything else is inherited. Each test works in its own new bucket.
"""

from __future__ import annotations

import pickle
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

import numpy as np
import pytest

from terracube.errors import (
    BucketNotFoundError,
    ObjectNotFoundError,
    StorageError,
    StorageRequestError,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from terracube.storage.s3 import S3IO

__all__ = ["Backdoor", "StoreTests"]

MiB = 1024 * 1024

_rng = np.random.default_rng(20261123)
PAYLOADS = {
    "empty": b"",
    "one-byte": b"\x00",
    "all-byte-values": bytes(range(256)) * 3,
    "text": "grüße, 世界\n".encode(),
    "random-300k": _rng.integers(0, 256, 300_001, dtype=np.uint8).tobytes(),
}
KEYS = ["plain", "nested/dir/key.bin", "with space/and+plus=equals", "unicodé/ключ", "dots.in.name/x.y.z"]
BIG = _rng.integers(0, 256, 11 * MiB + 12345, dtype=np.uint8).tobytes()


class Backdoor(Protocol):
    """Raw access to a backend, bypassing S3IO."""

    def put(self, bucket: str, key: str, data: bytes) -> None:
        """Write an object with the raw client."""

    def get(self, bucket: str, key: str) -> bytes | None:
        """Read an object with the raw client; None when it does not exist."""

    def keys(self, bucket: str) -> list[str]:
        """Every key in the bucket, sorted."""

    def pending_uploads(self, bucket: str) -> list[str]:
        """Multipart uploads in progress (or their leftovers) in the bucket."""


def _new_bucket() -> str:
    return f"tc-{uuid.uuid4().hex[:20]}"


class StoreTests:
    """Conformance tests for an S3IO backend; see the module docstring."""

    @pytest.fixture
    def store(self) -> Iterator[S3IO]:
        raise NotImplementedError("a StoreTests subclass must supply a `store` fixture")

    @pytest.fixture
    def backdoor(self) -> Backdoor:
        raise NotImplementedError("a StoreTests subclass must supply a `backdoor` fixture")

    @pytest.fixture
    def bucket(self, store: S3IO) -> str:
        name = _new_bucket()
        store.create_bucket(name)
        return name

    # --- buckets --------------------------------------------------------------------------------

    def test_bucket_lifecycle(self, store: S3IO) -> None:
        name = _new_bucket()
        assert not store.bucket_exists(name)
        assert name not in store.list_buckets()
        store.create_bucket(name)
        store.create_bucket(name)  # idempotent
        assert store.bucket_exists(name)
        assert name in store.list_buckets()
        assert store.list_objects(name) == []
        store.delete_bucket(name)
        assert not store.bucket_exists(name)
        with pytest.raises(BucketNotFoundError, match=f"bucket '{name}' does not exist"):
            store.delete_bucket(name)

    def test_delete_non_empty_bucket(self, store: S3IO, bucket: str) -> None:
        store.put_bytes(bucket, "a/b", b"x")
        with pytest.raises(StorageError, match="is not empty; delete its objects first or pass force=True"):
            store.delete_bucket(bucket)
        store.delete_bucket(bucket, force=True)
        assert not store.bucket_exists(bucket)

    @pytest.mark.parametrize("name", ["ab", "UPPER", "under_score", "-dash", "a" * 64, "dot..dot", ""])
    def test_invalid_bucket_names(self, store: S3IO, name: str) -> None:
        with pytest.raises(StorageRequestError, match="invalid bucket name"):
            store.create_bucket(name)

    def test_missing_bucket(self, store: S3IO) -> None:
        name = _new_bucket()
        for call in (
            lambda: store.get_bytes(name, "k"),
            lambda: store.put_bytes(name, "k", b"x"),
            lambda: store.list_objects(name),
            lambda: store.object_exists(name, "k"),
            lambda: store.s3_object(name, "k"),
            lambda: store.get_byte_range(name, "k", 0, 1),
        ):
            with pytest.raises(BucketNotFoundError, match=f"bucket '{name}' does not exist.*create_bucket"):
                call()

    # --- keys -----------------------------------------------------------------------------------

    @pytest.mark.parametrize(
        "key", ["", "/lead", "trail/", "a//b", "a/./b", "../up", "nul\x00", "back\\slash"]
    )
    def test_invalid_keys(self, store: S3IO, bucket: str, key: str) -> None:
        with pytest.raises(StorageRequestError, match="invalid object key"):
            store.put_bytes(bucket, key, b"x")
        with pytest.raises(StorageRequestError, match="invalid object key"):
            store.get_bytes(bucket, key)

    # --- whole objects ----------------------------------------------------------------------------

    @pytest.mark.parametrize("payload", list(PAYLOADS), ids=list(PAYLOADS))
    @pytest.mark.parametrize("key", KEYS)
    def test_put_then_raw_get(
        self, store: S3IO, backdoor: Backdoor, bucket: str, key: str, payload: str
    ) -> None:
        data = PAYLOADS[payload]
        store.put_bytes(bucket, key, data)
        assert backdoor.get(bucket, key) == data
        assert store.get_bytes(bucket, key) == data
        assert store.object_exists(bucket, key)
        assert store.s3_object(bucket, key).size == len(data)

    @pytest.mark.parametrize("payload", list(PAYLOADS), ids=list(PAYLOADS))
    def test_raw_put_then_get(self, store: S3IO, backdoor: Backdoor, bucket: str, payload: str) -> None:
        data = PAYLOADS[payload]
        backdoor.put(bucket, "from/backdoor", data)
        assert store.get_bytes(bucket, "from/backdoor") == data
        assert store.list_objects(bucket) == ["from/backdoor"]

    @pytest.mark.parametrize(
        "data",
        [bytearray(b"abc"), memoryview(b"abcdef")[1:4], np.arange(10, dtype="<i4"), np.zeros((3, 4), "<f8")],
        ids=["bytearray", "memoryview-slice", "int32-array", "2d-float-array"],
    )
    def test_put_buffers(self, store: S3IO, backdoor: Backdoor, bucket: str, data: object) -> None:
        store.put_bytes(bucket, "buf", data)
        assert backdoor.get(bucket, "buf") == bytes(memoryview(data).cast("B"))  # type: ignore[arg-type]

    def test_put_non_contiguous_is_refused(self, store: S3IO, bucket: str) -> None:
        with pytest.raises(StorageRequestError, match="non-contiguous"):
            store.put_bytes(bucket, "x", np.zeros((4, 4))[:, ::2])
        with pytest.raises(StorageRequestError, match="cannot write str"):
            store.put_bytes(bucket, "x", "text")

    def test_overwrite(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        store.put_bytes(bucket, "k", b"first version")
        etag = store.s3_object(bucket, "k").etag
        store.put_bytes(bucket, "k", b"second")
        assert backdoor.get(bucket, "k") == b"second"
        assert store.s3_object(bucket, "k").etag != etag

    def test_missing_object(self, store: S3IO, bucket: str) -> None:
        with pytest.raises(ObjectNotFoundError, match=f"object 'nope/x' not found in bucket '{bucket}'"):
            store.get_bytes(bucket, "nope/x")
        with pytest.raises(FileNotFoundError):
            store.get_byte_range(bucket, "nope/x", 0, 4)
        assert not store.object_exists(bucket, "nope/x")

    def test_object_metadata(self, store: S3IO, bucket: str) -> None:
        before = datetime.now(UTC) - timedelta(seconds=5)
        store.put_bytes(bucket, "meta", b"12345")
        info = store.s3_object(bucket, "meta")
        assert (info.bucket, info.key, info.size) == (bucket, "meta", 5)
        assert info.etag
        assert info.last_modified.tzinfo is not None
        assert before <= info.last_modified <= datetime.now(UTC) + timedelta(seconds=5)

    def test_handles(self, store: S3IO, bucket: str) -> None:
        import obstore

        store.put_bytes(bucket, "via/handle", b"payload")
        assert bytes(obstore.get(store.s3_bucket(bucket), "via/handle").bytes()) == b"payload"
        assert store.s3_resource() is not None

    # --- listing and deleting --------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("prefix", "expected"),
        [
            ("", ["a/b/c", "a/b/d", "a/bc", "ab", "b"]),
            ("a", ["a/b/c", "a/b/d", "a/bc", "ab"]),
            ("a/", ["a/b/c", "a/b/d", "a/bc"]),
            ("a/b", ["a/b/c", "a/b/d", "a/bc"]),
            ("a/b/", ["a/b/c", "a/b/d"]),
            ("a/b/c", ["a/b/c"]),
            ("zz", []),
        ],
    )
    def test_list_prefix(
        self, store: S3IO, backdoor: Backdoor, bucket: str, prefix: str, expected: list[str]
    ) -> None:
        for key in ["a/b/c", "a/b/d", "a/bc", "ab", "b"]:
            backdoor.put(bucket, key, key.encode())
        assert store.list_objects(bucket, prefix) == expected

    def test_list_many(self, store: S3IO, bucket: str) -> None:
        keys = [f"many/{i:05d}" for i in range(1100)]
        store.runner.run(store.put_bytes, [(bucket, k, b"") for k in keys], names=keys, what="puts")
        assert store.list_objects(bucket, "many/") == keys

    def test_delete_objects(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        for key in ["d/1", "d/2", "d/sub/3", "keep"]:
            store.put_bytes(bucket, key, b"x")
        store.delete_objects(bucket, ["d/1", "d/sub/3", "never/existed"])
        assert backdoor.keys(bucket) == ["d/2", "keep"]
        assert store.list_objects(bucket) == ["d/2", "keep"]
        store.delete_objects(bucket, [])
        store.delete_objects(bucket, ["d/2", "keep"])
        assert store.list_objects(bucket) == []

    # --- ranges -----------------------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("start", "stop"), [(0, 1), (0, 300_001), (1, 2), (12_345, 234_567), (300_000, 300_001), (5, 5)]
    )
    def test_byte_range(self, store: S3IO, backdoor: Backdoor, bucket: str, start: int, stop: int) -> None:
        data = PAYLOADS["random-300k"]
        backdoor.put(bucket, "r", data)
        got = store.get_byte_range(bucket, "r", start, stop)
        assert got.dtype == np.uint8
        assert got.tobytes() == data[start:stop]

    @pytest.mark.parametrize(("start", "stop"), [(0, 300_002), (300_001, 300_005), (10, 5), (-1, 4)])
    def test_bad_byte_range(
        self, store: S3IO, backdoor: Backdoor, bucket: str, start: int, stop: int
    ) -> None:
        backdoor.put(bucket, "r", PAYLOADS["random-300k"])
        with pytest.raises(StorageRequestError, match=r"range \[.*\)"):
            store.get_byte_range(bucket, "r", start, stop)

    @pytest.mark.parametrize(
        ("start", "stop", "part"),
        [
            (0, 300_001, 65_536),
            (777, 300_001, 65_536),
            (12_345, 200_000, 10_000),
            (299_990, 300_001, 3),
            (5, 9, 100),
        ],
    )
    def test_byte_range_mp(
        self, store: S3IO, backdoor: Backdoor, bucket: str, start: int, stop: int, part: int
    ) -> None:
        data = PAYLOADS["random-300k"]
        backdoor.put(bucket, "r", data)
        got = store.get_byte_range_mp(bucket, "r", start, stop, part_size=part)
        assert got.tobytes() == data[start:stop]

    def test_byte_range_mp_reports_every_part(self, store: S3IO, bucket: str) -> None:
        with pytest.raises(
            ExceptionGroup, match=r"3 of 3 failed: 'gone\[0:10\]', 'gone\[10:20\]', 'gone\[20:25\]'"
        ) as info:
            store.get_byte_range_mp(bucket, "gone", 0, 25, part_size=10)
        assert all(isinstance(e, ObjectNotFoundError) for e in info.value.exceptions)

    # --- multipart --------------------------------------------------------------------------------

    @pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
    def test_multipart(self, store: S3IO, backdoor: Backdoor, bucket: str, parallel: bool) -> None:
        put = store.put_bytes_mpu_mp if parallel else store.put_bytes_mpu
        backdoor.put(bucket, "big", b"old")
        put(bucket, "big", BIG, part_size=5 * MiB)
        assert backdoor.get(bucket, "big") == BIG
        assert backdoor.pending_uploads(bucket) == []
        assert store.get_byte_range_mp(bucket, "big", 3, len(BIG), part_size=4 * MiB).tobytes() == BIG[3:]

    def test_multipart_small_payload_is_one_put(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        store.put_bytes_mpu(bucket, "small", b"tiny", part_size=5 * MiB)
        store.put_bytes_mpu_mp(bucket, "empty", b"", part_size=5 * MiB)
        assert backdoor.get(bucket, "small") == b"tiny"
        assert backdoor.get(bucket, "empty") == b""

    def test_multipart_part_size_limits(self, store: S3IO, bucket: str) -> None:
        with pytest.raises(StorageRequestError, match="below S3's minimum of 5242880 bytes"):
            store.put_bytes_mpu(bucket, "k", BIG, part_size=MiB)
        with pytest.raises(StorageRequestError, match="part_size must be a positive number"):
            store.put_bytes_mpu(bucket, "k", BIG, part_size=0)

    @pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
    def test_failed_multipart_is_aborted(
        self, store: S3IO, backdoor: Backdoor, bucket: str, monkeypatch: pytest.MonkeyPatch, parallel: bool
    ) -> None:
        backend = store.backend
        real = backend.mpu_put_part
        aborted = []
        real_abort = backend.mpu_abort

        def failing_part(upload, number, data):  # type: ignore[no-untyped-def]
            if number == 2:
                raise StorageError("injected failure of part 2")
            return real(upload, number, data)

        def counting_abort(upload):  # type: ignore[no-untyped-def]
            aborted.append(upload.upload_id)
            return real_abort(upload)

        monkeypatch.setattr(backend, "mpu_put_part", failing_part)
        monkeypatch.setattr(backend, "mpu_abort", counting_abort)
        backdoor.put(bucket, "big", b"previous version")
        put = store.put_bytes_mpu_mp if parallel else store.put_bytes_mpu
        expected: type[BaseException] = ExceptionGroup if parallel else StorageError
        with pytest.raises(expected, match="part 2" if parallel else "injected failure of part 2") as info:
            put(bucket, "big", BIG, part_size=5 * MiB)
        assert any("was aborted; nothing was written" in note for note in info.value.__notes__)
        assert len(aborted) == 1
        assert backdoor.get(bucket, "big") == b"previous version"
        assert backdoor.pending_uploads(bucket) == []

    def test_interrupted_multipart_is_aborted(
        self, store: S3IO, backdoor: Backdoor, bucket: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        backend = store.backend

        def interrupted(upload, parts):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt

        monkeypatch.setattr(backend, "mpu_complete", interrupted)
        with pytest.raises(KeyboardInterrupt):
            store.put_bytes_mpu(bucket, "big", BIG, part_size=5 * MiB)
        assert backdoor.get(bucket, "big") is None
        assert backdoor.pending_uploads(bucket) == []

    # --- concurrency, pickling, arrays -------------------------------------------------------------

    def test_concurrent_writers_and_readers(self, store: S3IO, bucket: str) -> None:
        errors: list[BaseException] = []

        def work(i: int) -> None:
            try:
                for j in range(5):
                    payload = f"{i}-{j}".encode() * 100
                    store.put_bytes(bucket, f"t{i}/obj", payload)
                    assert store.get_bytes(bucket, f"t{i}/obj") == payload
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors
        assert len(store.list_objects(bucket)) == 8

    def test_pickle_roundtrip(self, store: S3IO, bucket: str) -> None:
        store.put_bytes(bucket, "p", b"pickled")
        copy = pickle.loads(pickle.dumps(store))
        try:
            assert copy.config == store.config
            assert copy.get_bytes(bucket, "p") == b"pickled"
        finally:
            copy.close()

    def test_created_arrays(self, store: S3IO, bucket: str) -> None:
        from terracube.storage.s3 import S3LIO

        lio = S3LIO(store)
        lio.put_array_in_s3(bucket, "cube/red", np.ones((4, 4)), (2, 2))
        lio.put_array_in_s3(bucket, "cube/nir", np.zeros((4, 4)), (2, 2))
        store.put_bytes(bucket, "cube/notes.txt", b"not an array")
        assert store.list_created_arrays(bucket) == ["cube/nir", "cube/red"]
        assert store.delete_created_arrays(bucket, ["cube/red"]) == ["cube/red"]
        assert store.list_created_arrays(bucket) == ["cube/nir"]
        assert store.list_objects(bucket, "cube/red") == []
        assert store.delete_created_arrays(bucket) == ["cube/nir"]
        assert store.list_objects(bucket) == ["cube/notes.txt"]

    # --- checksums and incomplete uploads ------------------------------------------------------------

    def test_writes_record_checksums(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        store.put_bytes(bucket, "small", b"abc")
        store.put_bytes_mpu(bucket, "big", BIG, part_size=5 * MiB)
        for key, size in (("small", 3), ("big", len(BIG))):
            record = store.backend.record(bucket, key)
            assert record is not None and record.split(";")[:2] == ["1", str(size)]
        # an object written around the store has no record, and still reads (unverified)
        backdoor.put(bucket, "raw", b"from another tool")
        assert store.backend.record(bucket, "raw") is None
        assert store.get_bytes(bucket, "raw") == b"from another tool"
        assert store.get_byte_range(bucket, "big", 70_000, 70_010).tobytes() == BIG[70_000:70_010]

    def test_incomplete_uploads(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        store.backend.mpu_start(bucket, "runs/one", 5 * MiB)
        store.backend.mpu_start(bucket, "runs/two", 5 * MiB)
        store.backend.mpu_start(bucket, "other", 5 * MiB)
        assert [u.key for u in store.list_incomplete_uploads(bucket, "runs/")] == ["runs/one", "runs/two"]
        aborted = store.abort_incomplete_uploads(bucket, "runs/", older_than=0)
        assert [u.key for u in aborted] == ["runs/one", "runs/two"]
        assert [u.key for u in store.list_incomplete_uploads(bucket)] == ["other"]
        assert len(backdoor.pending_uploads(bucket)) == 1
        assert store.list_objects(bucket) == []
