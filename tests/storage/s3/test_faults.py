"""Fault injection: a FaultProxy between the store and moto answers 500s, drops connections,
cuts bodies short and delays, proving retries, multipart aborts and that no partial object is
ever visible. The local-disk counterpart fails the rename that publishes a file."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from terracube.errors import StorageError, StorageRequestError, StorageTransientError
from terracube.storage.s3 import S3IO, S3LIO
from terracube.storage.testing import Fault

from ._strategies import assert_same, random_array
from .conftest import MiB, new_bucket

if TYPE_CHECKING:
    from terracube.storage.testing import FaultProxy

    from ._backdoors import BotoBackdoor, FileBackdoor

TRANSIENT = [
    pytest.param({"kind": "status", "status": 500}, id="500"),
    pytest.param({"kind": "status", "status": 503}, id="503"),
    pytest.param({"kind": "drop"}, id="drop-before"),
    pytest.param({"kind": "drop_after"}, id="drop-after"),
]


@pytest.fixture
def bucket(proxied_store: S3IO) -> str:
    return new_bucket(proxied_store)


@pytest.fixture
def backdoor(s3_backdoor: BotoBackdoor) -> BotoBackdoor:
    return s3_backdoor


@pytest.mark.parametrize("fault", [*TRANSIENT, pytest.param({"kind": "truncate"}, id="truncated-body")])
def test_reads_are_retried(
    proxied_store: S3IO, proxy: FaultProxy, bucket: str, fault: dict[str, Any]
) -> None:
    array = random_array(20, (40, 40), "<f8")
    lio = S3LIO(proxied_store)
    header = lio.put_array_in_s3(bucket, "a", array, (20, 20))
    proxy.clear()
    proxy.add_fault(Fault(times=2, method="GET", path=r"/a/c/1\.0", **fault))
    assert_same(lio.get_data_unlabeled_mp(bucket, "a", (), header=header), array)
    attempts = [r for r in proxy.records if r.path.endswith("/a/c/1.0")]
    assert [r.fault for r in attempts] == [fault["kind"], fault["kind"], None]
    assert attempts[-1].status in (200, 206)  # a whole chunk, or the rest of one cut short


@pytest.mark.parametrize("fault", TRANSIENT)
def test_writes_are_retried(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str, fault: dict[str, Any]
) -> None:
    array = random_array(21, (40, 40), "<i4")
    lio = S3LIO(proxied_store)
    proxy.add_fault(Fault(times=2, method="PUT", path=r"/a/c/0\.1", **fault))
    lio.put_array_in_s3_mp(bucket, "a", array, (20, 20))
    assert proxy.count("PUT", r"/a/c/0\.1") == 3
    assert backdoor.get(bucket, "a/c/0.1") == array[:20, 20:].tobytes()
    assert_same(lio.assemble_array_from_s3(bucket, "a"), array)


def test_slow_answers_time_out_and_are_retried(
    s3_config: Any, proxy: FaultProxy, backdoor: BotoBackdoor
) -> None:
    config = dataclasses.replace(s3_config, endpoint=proxy.endpoint, timeout=0.5)
    with S3IO(config) as store:
        bucket = new_bucket(store)
        backdoor.put(bucket, "k", b"payload")
        proxy.add_fault(Fault("delay", times=1, method="GET", delay=1.5))
        started = time.monotonic()
        assert store.get_byte_range(bucket, "k", 0, 7).tobytes() == b"payload"
        assert time.monotonic() - started < 1.5


def test_persistent_failure_names_the_chunk(proxied_store: S3IO, proxy: FaultProxy, bucket: str) -> None:
    lio = S3LIO(proxied_store)
    header = lio.put_array_in_s3(bucket, "a", np.zeros((4, 4)), (2, 2))
    proxy.add_fault(Fault("status", times=100, method="GET", path=r"/a/c/1\.0", status=500))
    with pytest.raises(ExceptionGroup, match=r"1 of 4 failed: 'a/c/1\.0'") as info:
        lio.assemble_array_from_s3(bucket, "a", header=header)
    (error,) = info.value.exceptions
    assert isinstance(error, StorageTransientError)
    assert "failed at S3 endpoint" in str(error) and "after retries" in str(error)
    # the first attempt and max_retries (3) more
    assert proxy.count("GET", r"/a/c/1\.0") == 4


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
@pytest.mark.parametrize("target", [r"partNumber=2$", r"^[^?]*\?uploadId="], ids=["part-2", "complete"])
def test_failed_multipart_is_aborted(
    proxied_store: S3IO,
    proxy: FaultProxy,
    backdoor: BotoBackdoor,
    bucket: str,
    parallel: bool,
    target: str,
) -> None:
    data = random_array(22, (11 * MiB,), "|u1").tobytes()
    backdoor.put(bucket, "big", b"previous version")
    method = "PUT" if "partNumber" in target else "POST"
    proxy.add_fault(Fault("status", times=100, method=method, path=target, status=500))
    put = proxied_store.put_bytes_mpu_mp if parallel else proxied_store.put_bytes_mpu
    expected: type[BaseException] = ExceptionGroup if parallel and method == "PUT" else StorageTransientError
    with pytest.raises(expected) as info:
        put(bucket, "big", data)
    assert any("was aborted; nothing was written" in note for note in info.value.__notes__)
    assert proxy.count("DELETE", "uploadId=") == 1
    assert backdoor.get(bucket, "big") == b"previous version"
    assert backdoor.pending_uploads(bucket) == []


def test_no_partial_object_is_ever_visible(
    proxied_store: S3IO, s3_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    old, new = b"old" * 1000, random_array(23, (11 * MiB,), "|u1").tobytes()
    backdoor.put(bucket, "obj", old)
    # slow parts and one failed part: the upload takes a while, and a reader polls meanwhile
    proxy.add_fault(Fault("status", times=1, method="PUT", path="partNumber=3$", status=500))
    proxy.add_fault(Fault("delay", times=3, method="PUT", path="partNumber=", delay=0.2))
    seen: set[int] = set()
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            seen.add(len(s3_store.get_bytes(bucket, "obj")))

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        proxied_store.put_bytes_mpu(bucket, "obj", new)
    finally:
        done.set()
        reader.join(timeout=30)
    assert seen <= {len(old), len(new)} and len(old) in seen
    assert backdoor.get(bucket, "obj") == new
    assert backdoor.pending_uploads(bucket) == []


def test_failed_chunk_rewrite_keeps_the_previous_chunk(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    v1, v2 = np.zeros((6, 6), "<f4"), np.ones((6, 6), "<f4")
    lio = S3LIO(proxied_store)
    lio.put_array_in_s3(bucket, "a", v1, (3, 3), fill_value=0)
    header_v1 = backdoor.get(bucket, "a/header.json")
    proxy.add_fault(Fault("status", times=100, method="PUT", path=r"/a/c/1\.1", status=503))
    with pytest.raises(ExceptionGroup, match=r"1 of 4 failed: 'a/c/1\.1'"):
        lio.put_array_in_s3_mp(bucket, "a", v2, (3, 3), fill_value=1)
    # the header is written last, so it still describes version 1
    assert backdoor.get(bucket, "a/header.json") == header_v1
    got = lio.assemble_array_from_s3(bucket, "a")
    want = v2.copy()
    want[3:, 3:] = v1[3:, 3:]  # every chunk whole: the failed one old, the others new
    assert_same(got, want)


def test_failed_local_write_keeps_the_previous_version(
    local_store: S3IO, local_backdoor: FileBackdoor, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = new_bucket(local_store)
    lio = S3LIO(local_store)
    lio.put_array_in_s3(bucket, "a", np.zeros((4, 4)), (2, 2))
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any) -> None:
        if str(dst).endswith("1.1"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr("terracube.storage.s3._localbackend.os.replace", failing_replace)
    with pytest.raises(ExceptionGroup, match=r"'a/c/1\.1'") as info:
        lio.put_array_in_s3_mp(bucket, "a", np.ones((4, 4)), (2, 2))
    assert isinstance(info.value.exceptions[0], StorageError)
    assert "No space left on device" in str(info.value.exceptions[0])
    monkeypatch.undo()
    assert local_backdoor.pending_uploads(bucket) == []  # no temporary file left behind
    want = np.ones((4, 4))
    want[2:, 2:] = 0
    assert_same(lio.assemble_array_from_s3(bucket, "a"), want)


# --- multipart uploads whose answers get lost -----------------------------------------------------


def test_lost_completion_answer_does_not_raise(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    # the server completes the upload every time; every answer is lost on the way back
    data = random_array(24, (11 * MiB,), "|u1").tobytes()
    proxy.add_fault(Fault("drop_after", times=100, method="POST", path=r"^[^?]*\?uploadId=[^&]*$"))
    proxied_store.put_bytes_mpu(bucket, "big", data)
    assert proxy.count("POST", r"\?uploadId=") == 4  # botocore's attempts, all answered by the server
    assert backdoor.get(bucket, "big") == data
    assert backdoor.pending_uploads(bucket) == []


def test_lost_put_answer_does_not_raise(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    proxy.add_fault(Fault("drop_after", times=100, method="PUT", path="/small$"))
    proxied_store.put_bytes(bucket, "small", b"landed on the first attempt")
    assert backdoor.get(bucket, "small") == b"landed on the first attempt"


def test_lost_start_answer_leaves_no_upload(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    data = random_array(25, (11 * MiB,), "|u1").tobytes()
    proxy.add_fault(Fault("drop_after", times=1, method="POST", path=r"\?uploads"))
    proxied_store.put_bytes_mpu_mp(bucket, "big", data)
    assert proxy.count("POST", r"\?uploads") == 2  # the server made two uploads
    assert backdoor.get(bucket, "big") == data
    assert backdoor.pending_uploads(bucket) == []  # the lost one was found and aborted


def test_failed_start_leaves_no_upload(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    data = random_array(26, (11 * MiB,), "|u1").tobytes()
    proxy.add_fault(Fault("drop_after", times=100, method="POST", path=r"\?uploads"))
    with pytest.raises(StorageTransientError, match="start multipart upload"):
        proxied_store.put_bytes_mpu(bucket, "big", data)
    assert backdoor.get(bucket, "big") is None
    assert backdoor.pending_uploads(bucket) == []


def test_lost_abort_answer_is_retried(
    proxied_store: S3IO, proxy: FaultProxy, backdoor: BotoBackdoor, bucket: str
) -> None:
    data = random_array(27, (11 * MiB,), "|u1").tobytes()
    proxy.add_fault(Fault("status", times=100, method="PUT", path="partNumber=2$", status=500))
    proxy.add_fault(Fault("status", times=2, method="DELETE", path="uploadId=", status=503))
    proxy.add_fault(Fault("drop_after", times=1, method="DELETE", path="uploadId="))
    with pytest.raises(StorageTransientError) as info:
        proxied_store.put_bytes_mpu(bucket, "big", data)
    assert any("was aborted; nothing was written" in note for note in info.value.__notes__)
    assert proxy.count("DELETE", "uploadId=") == 4
    assert backdoor.get(bucket, "big") is None
    assert backdoor.pending_uploads(bucket) == []


def _upload_under_faults(store: S3IO, bucket: str, n: int) -> dict[int, tuple[bytes, BaseException | None]]:
    outcomes: dict[int, tuple[bytes, BaseException | None]] = {}
    for i in range(n):
        data = random_array(100 + i, (10 * MiB + 7,), "|u1").tobytes()
        put = store.put_bytes_mpu_mp if i % 2 else store.put_bytes_mpu
        try:
            put(bucket, f"up/{i}", data)
        except (StorageError, ExceptionGroup) as exc:
            outcomes[i] = (data, exc)
        else:
            outcomes[i] = (data, None)
    return outcomes


@pytest.mark.parametrize("max_retries", [3, 12])
def test_multipart_uploads_under_many_request_faults(
    s3_config: Any, proxy: FaultProxy, backdoor: BotoBackdoor, max_retries: int
) -> None:
    # 60 % of all requests fail: 500s, connections dropped before and after the server saw them
    config = dataclasses.replace(
        s3_config,
        endpoint=proxy.endpoint,
        part_size=5 * MiB,
        max_retries=max_retries,
        backoff=0.002,
        max_backoff=0.02,
    )
    with S3IO(config) as store:
        bucket = new_bucket(store)
        proxy.add_fault(Fault("status", times=10_000, status=500, probability=0.2))
        proxy.add_fault(Fault("drop", times=10_000, probability=0.25))
        proxy.add_fault(Fault("drop_after", times=10_000, probability=1 / 3))
        outcomes = _upload_under_faults(store, bucket, 10 if max_retries < 10 else 6)
        faults = sum(1 for r in proxy.records if r.fault is not None)
        assert faults / len(proxy.records) > 0.4  # 60 % on average
        # an upload that raised left no object; one that did not raise left exactly its bytes
        for i, (data, error) in outcomes.items():
            stored = backdoor.get(bucket, f"up/{i}")
            if error is None:
                assert stored == data, f"upload {i} reported success but the object differs"
            else:
                assert stored is None, f"upload {i} raised {error!r} but its object exists"
        raised = sum(error is not None for _, error in outcomes.values())
        if max_retries < 10:
            # retries run out now and then: both outcomes happen, and an abort that kept
            # failing leaves an upload for abort_incomplete_uploads
            assert 0 < raised < len(outcomes)
            proxy.clear()
            store.abort_incomplete_uploads(bucket, older_than=0)
        else:
            assert raised == 0
    # with enough retries, nothing is left behind on its own
    assert backdoor.pending_uploads(bucket) == []


# --- incomplete uploads: list and abort by age ----------------------------------------------------


def test_incomplete_uploads_on_s3(s3_store: S3IO, boto3_client: Any, backdoor: BotoBackdoor) -> None:
    bucket = new_bucket(s3_store)
    for key in ("logs/a", "logs/b", "other/c"):
        boto3_client.create_multipart_upload(Bucket=bucket, Key=key)
    found = s3_store.list_incomplete_uploads(bucket, "logs/")
    assert [u.key for u in found] == ["logs/a", "logs/b"]
    assert all(u.bucket == bucket and u.upload_id and u.initiated.tzinfo for u in found)
    # moto dates every upload in 2010, so an age filter of 100 years keeps none of them
    assert s3_store.list_incomplete_uploads(bucket, older_than=timedelta(days=36_500)) == []
    aborted = s3_store.abort_incomplete_uploads(bucket, "logs/", older_than=timedelta(hours=1))
    assert [u.key for u in aborted] == ["logs/a", "logs/b"]
    assert backdoor.pending_uploads(bucket) == ["other/c"]
    with pytest.raises(StorageRequestError, match="older_than must be >= 0"):
        s3_store.list_incomplete_uploads(bucket, older_than=-1)


def test_incomplete_uploads_on_local_disk(local_store: S3IO, local_backdoor: FileBackdoor) -> None:
    bucket = new_bucket(local_store)
    backend = local_store.backend
    old = backend.mpu_start(bucket, "deep/old", 5 * MiB)
    backend.mpu_start(bucket, "deep/new", 5 * MiB)
    backend.mpu_start(bucket, "top", 5 * MiB)
    path = local_store.config.root + f"/{bucket}/deep/{old.upload_id}"  # type: ignore[operator]
    two_hours_ago = time.time() - 7200
    os.utime(path, (two_hours_ago, two_hours_ago))
    assert [u.key for u in local_store.list_incomplete_uploads(bucket)] == ["deep/new", "deep/old", "top"]
    assert [u.key for u in local_store.list_incomplete_uploads(bucket, "deep/", older_than=3600)] == [
        "deep/old"
    ]
    aborted = local_store.abort_incomplete_uploads(bucket, "deep/", older_than=3600)
    assert [(u.key, u.upload_id) for u in aborted] == [("deep/old", old.upload_id)]
    assert len(local_backdoor.pending_uploads(bucket)) == 2
    assert local_store.list_objects(bucket) == []


def test_requester_pays_reaches_bucket_and_multipart_calls(
    s3_config: Any, proxy: FaultProxy, backdoor: BotoBackdoor
) -> None:
    config = dataclasses.replace(s3_config, endpoint=proxy.endpoint, part_size=5 * MiB, requester_pays=True)
    with S3IO(config) as store:
        bucket = new_bucket(store)
        store.put_bytes_mpu(bucket, "big", random_array(28, (6 * MiB,), "|u1").tobytes())
        store.list_incomplete_uploads(bucket)
    assert proxy.records and all(r.header("x-amz-request-payer") == "requester" for r in proxy.records)
