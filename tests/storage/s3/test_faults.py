"""Fault injection: a FaultProxy between the store and moto answers 500s, drops connections,
cuts bodies short and delays, proving retries, multipart aborts and that no partial object is
ever visible. The local-disk counterpart fails the rename that publishes a file."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from terracube.errors import StorageError, StorageTransientError
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
