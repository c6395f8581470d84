"""The read-only object server serves what moto stored, as S3 would, over kept-alive connections."""

from __future__ import annotations

import http.client
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import pytest

from terracube.errors import ObjectNotFoundError, StorageError
from terracube.storage.s3 import S3IO, S3Config
from terracube.storage.testing import MOTO_CREDENTIALS, ObjectServer, ShapedProxy

if TYPE_CHECKING:
    from collections.abc import Iterator

KEYS = 24
objects_etag: dict[str, str | None] = {}


@pytest.fixture(scope="module")
def served(s3_config: S3Config) -> Iterator[tuple[ObjectServer, str, dict[str, np.ndarray]]]:
    """An object server holding copies of objects written through moto (the bucket is then gone)."""
    bucket = f"served-{uuid.uuid4().hex[:8]}"
    rng = np.random.default_rng(3)
    objects = {f"k/{i}": rng.integers(0, 256, 100_000 + i, dtype=np.uint8) for i in range(KEYS)}
    with S3IO(s3_config) as io, ObjectServer() as server:
        io.create_bucket(bucket)
        for key, data in objects.items():
            io.put_bytes(bucket, key, data)
        assert server.copy_bucket(io, bucket) == KEYS
        objects_etag["k/5"] = io.s3_object(bucket, "k/5").etag
        io.delete_bucket(bucket, force=True)
        yield server, bucket, objects


def _reader(endpoint: str) -> S3IO:
    return S3IO(S3Config(endpoint=endpoint, **MOTO_CREDENTIALS, max_retries=0, max_workers=4))


def test_reads_the_copied_bytes_and_checksum_records(served: tuple[ObjectServer, str, dict]) -> None:
    server, bucket, objects = served
    with _reader(server.endpoint) as io:
        data = objects["k/5"]
        assert bytes(io.get_bytes(bucket, "k/5")) == data.tobytes()
        assert bytes(io.get_byte_range(bucket, "k/5", 777, 54_321)) == data[777:54_321].tobytes()
        info = io.s3_object(bucket, "k/5")
        assert (info.size, info.etag) == (data.nbytes, objects_etag["k/5"])  # moto's
        # The checksum record travelled in x-amz-meta-*: the reader verifies against it.
        assert io.backend.record(bucket, "k/5") is not None


def test_ranges_as_s3_answers_them(served: tuple[ObjectServer, str, dict]) -> None:
    server, bucket, objects = served
    data = objects["k/0"].tobytes()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        n = len(data)
        for wanted, status, first, last in [
            ("bytes=10-19", 206, 10, 19),
            ("bytes=99990-", 206, 99_990, n - 1),
            ("bytes=-5", 206, n - 5, n - 1),
            ("bytes=99990-200000", 206, 99_990, n - 1),
            ("bytes=100000-", 416, None, None),
        ]:
            conn.request("GET", f"/{bucket}/k/0", headers={"Range": wanted})
            answer = conn.getresponse()
            got = answer.read()
            assert (answer.status, answer.version) == (status, 11), wanted
            if first is not None:
                assert got == data[first : last + 1], wanted
                assert answer.getheader("Content-Range") == f"bytes {first}-{last}/{n}"
    finally:
        conn.close()
    assert server.connections >= 1


def test_missing_objects_and_writes(served: tuple[ObjectServer, str, dict]) -> None:
    server, bucket, _ = served
    with _reader(server.endpoint) as io:
        with pytest.raises(ObjectNotFoundError):
            io.get_bytes(bucket, "k/nothing")
        with pytest.raises(StorageError):
            io.put_bytes(bucket, "k/new", np.zeros(10, np.uint8))


def test_a_client_keeps_its_connections_through_the_proxy(served: tuple[ObjectServer, str, dict]) -> None:
    """Requests reuse kept-alive connections: far fewer connections than requests."""
    server, bucket, objects = served
    with (
        ShapedProxy(("127.0.0.1", server.port), rtt=0.002, bandwidth=None) as proxy,
        _reader(proxy.endpoint) as io,
    ):
        for key in objects:
            io.get_bytes(bucket, key)
        one_by_one = proxy.connections
        with ThreadPoolExecutor(4) as pool:
            for _ in range(3):
                list(pool.map(lambda k: io.get_bytes(bucket, k), objects))
        in_parallel = proxy.connections - one_by_one
    # A new connection per request would make 24 and 72. The client hands a connection back to
    # its pool only after the response is read, on its own runtime's threads: on a busy machine
    # the next request may start first and open another, so allow a few more than 1 and 4.
    assert one_by_one <= 6
    assert in_parallel <= 12
