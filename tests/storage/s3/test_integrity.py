"""Integrity: a byte damaged at rest or on the wire never reads as a wrong value.

Bytes are flipped in stored objects (in place on local disk, object rewritten with its
metadata on the S3 server) and in answers on their way through a FaultProxy; every read of
S3IO, S3AIO and S3LIO must then either return the right bytes (a damaged answer read again)
or raise StorageIntegrityError naming the bucket and the key.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from terracube.errors import StorageError, StorageIntegrityError
from terracube.storage.s3 import S3AIO, S3IO, S3LIO, S3Config
from terracube.storage.testing import Fault

from ._strategies import assert_same, random_array
from .conftest import MiB, new_bucket

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from terracube.storage.testing import FaultProxy

    from ._backdoors import BotoBackdoor, FileBackdoor

    Backdoor = BotoBackdoor | FileBackdoor

BLOCK = 64 * 1024


@pytest.fixture(params=["local", "s3"])
def where(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store(where: str, local_store: S3IO, s3_store: S3IO) -> S3IO:
    return local_store if where == "local" else s3_store


@pytest.fixture
def backdoor(where: str, local_backdoor: FileBackdoor, s3_backdoor: BotoBackdoor) -> Backdoor:
    return local_backdoor if where == "local" else s3_backdoor


@pytest.fixture
def bucket(store: S3IO) -> str:
    return new_bucket(store)


def _integrity_errors(group: BaseException) -> list[StorageIntegrityError]:
    found: list[StorageIntegrityError] = []
    if isinstance(group, StorageIntegrityError):
        found.append(group)
    for inner in getattr(group, "exceptions", ()):
        found.extend(_integrity_errors(inner))
    return found


def _raises_integrity(call: Callable[[], Any], bucket: str, key: str) -> None:
    """`call` raises (alone or in a group) a StorageIntegrityError naming bucket and key."""
    with pytest.raises((StorageIntegrityError, ExceptionGroup)) as info:
        call()
    errors = _integrity_errors(info.value)
    assert errors, f"expected a StorageIntegrityError, got {info.value!r}"
    assert any(f"{bucket}/{key}" in str(e) for e in errors), [str(e) for e in errors]


# --- bytes damaged at rest ------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["raw", "zstd"])
def test_flipped_byte_in_a_chunk_is_never_read(
    store: S3IO, backdoor: Backdoor, bucket: str, codec: str
) -> None:
    # the case: 2,500 values in 4 chunks, one byte flipped in one chunk
    array = random_array(1, (50, 50), "<f8")
    lio = S3LIO(store, codec=codec)
    header = lio.put_array_in_s3(bucket, "a", array, (25, 25), fill_value=-1.0)
    backdoor.damage(bucket, "a/c/1.0", 1234 if codec == "raw" else 40)
    reads: list[Callable[[], Any]] = [
        lambda: lio.assemble_array_from_s3(bucket, "a", header=header),
        lambda: lio.get_data_unlabeled(bucket, "a", (slice(20, 40), slice(0, 10)), header=header),
        lambda: lio.get_data_unlabeled_mp(bucket, "a", (slice(25, 50), slice(0, 25)), header=header),
        lambda: lio.get_data_unlabeled(bucket, "a", (30, 3), header=header, missing="fill"),
        lambda: lio.get_data_unlabeled_mp(bucket, "a", (), header=header, missing="fill"),
    ]
    for read in reads:
        _raises_integrity(read, bucket, "a/c/1.0")
    # the undamaged chunks still read
    assert_same(lio.get_data_unlabeled(bucket, "a", (slice(0, 25), slice(0, 50)), header=header), array[:25])


def test_flipped_byte_in_an_object(store: S3IO, backdoor: Backdoor, bucket: str) -> None:
    data = random_array(2, (5 * BLOCK + 123,), "|u1").tobytes()
    store.put_bytes(bucket, "obj", data)
    backdoor.damage(bucket, "obj", 2 * BLOCK + 7)  # inside block 2
    _raises_integrity(lambda: store.get_bytes(bucket, "obj"), bucket, "obj")
    _raises_integrity(
        lambda: store.get_byte_range(bucket, "obj", 2 * BLOCK + 5, 2 * BLOCK + 9), bucket, "obj"
    )
    _raises_integrity(lambda: store.get_byte_range(bucket, "obj", 100, 4 * BLOCK), bucket, "obj")
    _raises_integrity(
        lambda: store.get_byte_range_mp(bucket, "obj", 1, len(data), part_size=BLOCK), bucket, "obj"
    )
    # ranges whose blocks are intact read: a range is checked by the blocks it covers
    assert store.get_byte_range(bucket, "obj", 10, 2 * BLOCK).tobytes() == data[10 : 2 * BLOCK]
    assert store.get_byte_range(bucket, "obj", 3 * BLOCK + 1, len(data)).tobytes() == data[3 * BLOCK + 1 :]


def test_flipped_byte_in_an_array_object(store: S3IO, backdoor: Backdoor, bucket: str) -> None:
    array = random_array(3, (512, 256), "<f4")  # 512 KiB: 8 blocks of 64 rows
    aio = S3AIO(store)
    aio.put_array(bucket, "arr", array)
    backdoor.damage(bucket, "arr", (100 * 256 + 3) * 4)  # row 100: block 1
    shape, dtype = array.shape, array.dtype
    for call in (
        lambda: aio.get_array(bucket, "arr", shape, dtype),
        lambda: aio.get_point(bucket, "arr", (100, 200), shape, dtype),
        lambda: aio.get_slice(bucket, "arr", (slice(90, 110), slice(0, 8)), shape, dtype),
        lambda: aio.get_slice_mp(bucket, "arr", (slice(None), 5), shape, dtype),
        lambda: aio.get_slice_by_bbox(bucket, "arr", (slice(60, 70), slice(None)), shape, dtype),
    ):
        _raises_integrity(call, bucket, "arr")
    assert aio.get_point(bucket, "arr", (300, 200), shape, dtype) == array[300, 200]
    assert_same(aio.get_slice(bucket, "arr", (slice(0, 64),), shape, dtype), array[:64])


def test_truncated_object_is_refused(store: S3IO, backdoor: Backdoor, bucket: str) -> None:
    store.put_bytes(bucket, "t", b"0123456789" * 1000)
    backdoor.truncate(bucket, "t", 5000)
    with pytest.raises(StorageIntegrityError, match="holds 5000 bytes but its checksum record says 10000"):
        store.get_bytes(bucket, "t")


def test_objects_without_a_record_read_unverified_unless_required(
    store: S3IO, backdoor: Backdoor, bucket: str
) -> None:
    backdoor.put(bucket, "old", b"written by another tool")
    assert store.get_bytes(bucket, "old") == b"written by another tool"
    store.put_bytes(bucket, "new", b"written by S3IO")
    backdoor.strip_record(bucket, "new")
    assert store.get_bytes(bucket, "new") == b"written by S3IO"
    strict = dataclasses.replace(store.config, require_checksums=True)
    with S3IO(strict) as checked:
        with pytest.raises(StorageIntegrityError, match=rf"{bucket}/old .*has no checksum record"):
            checked.get_bytes(bucket, "old")
        with pytest.raises(StorageIntegrityError, match="has no checksum record"):
            checked.get_byte_range(bucket, "new", 0, 3)
        checked.put_bytes(bucket, "new", b"again")
        assert checked.get_bytes(bucket, "new") == b"again"


def test_zstd_frames_carry_their_checksum(store: S3IO, backdoor: Backdoor, bucket: str) -> None:
    # without the object's record, the frame's own checksum still catches the damage
    array = np.arange(10_000, dtype="<i4").reshape(100, 100)
    lio = S3LIO(store, codec="zstd")
    header = lio.put_array_in_s3(bucket, "z", array, (100, 100))
    backdoor.strip_record(bucket, "z/c/0.0")
    frame = backdoor.get(bucket, "z/c/0.0")
    assert frame is not None and frame[4] & 0x04  # frame header: content checksum flag
    backdoor.damage(bucket, "z/c/0.0", len(frame) - 2)
    with pytest.raises(ExceptionGroup) as info:
        lio.assemble_array_from_s3(bucket, "z", header=header)
    assert isinstance(info.value.exceptions[0], StorageError)
    assert "z/c/0.0" in str(info.value.exceptions[0])


def test_record_is_stored_with_the_object(store: S3IO, backdoor: Backdoor, bucket: str) -> None:
    big = random_array(4, (11 * MiB + 5,), "|u1").tobytes()
    store.put_bytes(bucket, "one", b"abc")
    store.put_bytes_mpu(bucket, "multi", big)
    store.put_bytes_mpu_mp(bucket, "multi-mp", big)
    for key, size in (("one", 3), ("multi", len(big)), ("multi-mp", len(big))):
        record = store.backend.record(bucket, key)
        assert record is not None
        version, stored_size, block, _ = record.split(";")
        assert (version, int(stored_size), int(block)) == ("1", size, BLOCK)
    assert store.get_bytes(bucket, "multi-mp") == big
    assert backdoor.get(bucket, "multi") == big  # the bytes themselves are untouched


# --- bytes damaged on the wire ----------------------------------------------------------------------


@pytest.fixture
def wire_bucket(proxied_store: S3IO) -> str:
    return new_bucket(proxied_store)


@pytest.mark.parametrize("codec", ["raw", "zstd"])
def test_damaged_answer_is_read_again(
    proxied_store: S3IO, proxy: FaultProxy, wire_bucket: str, codec: str
) -> None:
    array = random_array(5, (64, 64), "<f8")
    lio = S3LIO(proxied_store, codec=codec)
    header = lio.put_array_in_s3(wire_bucket, "a", array, (32, 32))
    proxy.clear()
    proxy.add_fault(Fault("flip", times=1, method="GET", path=r"/a/c/1\.1"))
    assert_same(lio.get_data_unlabeled_mp(wire_bucket, "a", (), header=header), array)
    assert [r.fault for r in proxy.records if r.path.endswith("/a/c/1.1")] == ["flip", None]


def test_persistently_damaged_answers_raise(proxied_store: S3IO, proxy: FaultProxy, wire_bucket: str) -> None:
    data = random_array(6, (3 * BLOCK,), "|u1").tobytes()
    proxied_store.put_bytes(wire_bucket, "obj", data)
    lio = S3LIO(proxied_store)
    header = lio.put_array_in_s3(wire_bucket, "a", np.ones((8, 8)), (4, 4))
    proxy.add_fault(Fault("flip", times=1000, method="GET", path=r"/obj$|/a/c/0\.1"))
    for call, key in (
        (lambda: proxied_store.get_bytes(wire_bucket, "obj"), "obj"),
        (lambda: proxied_store.get_byte_range(wire_bucket, "obj", 10, 20), "obj"),
        (lambda: proxied_store.get_byte_range_mp(wire_bucket, "obj", 0, len(data), part_size=BLOCK), "obj"),
        (lambda: lio.get_data_unlabeled_mp(wire_bucket, "a", (), header=header, missing="fill"), "a/c/0.1"),
    ):
        _raises_integrity(call, wire_bucket, key)
    # the first attempt and max_retries (3) more, for the whole-object read
    assert proxy.count("GET", r"/obj\?") >= 4


def test_bytes_damaged_on_the_way_in_are_caught_on_the_way_out(
    proxied_store: S3IO, s3_store: S3IO, proxy: FaultProxy, wire_bucket: str
) -> None:
    data = random_array(7, (2 * BLOCK,), "|u1").tobytes()
    proxy.add_fault(Fault("flip_request", times=1, method="PUT", path="/in$"))
    # moto stores the damaged body (AWS would refuse it: the body's SHA-256 is signed)...
    proxied_store.put_bytes(wire_bucket, "in", data)
    # ...and the record, computed from the caller's bytes, exposes it
    with pytest.raises(StorageIntegrityError, match=rf"{wire_bucket}/in .*do not match the CRC32C"):
        s3_store.get_bytes(wire_bucket, "in")


def test_first_read_of_a_large_object_fetches_its_real_blocks(s3_config: S3Config, proxy: FaultProxy) -> None:
    # 40 MiB: blocks of 256 KiB; a range read that does not know the size widens twice
    config = dataclasses.replace(s3_config, endpoint=proxy.endpoint)
    with S3IO(config) as store:
        bucket = new_bucket(store)
        data = random_array(8, (40 * MiB,), "|u1").tobytes()
        store.put_bytes(bucket, "big", data)
        record = store.backend.record(bucket, "big")
        assert record is not None and record.split(";")[2] == str(256 * 1024)
        proxy.clear()
        start = 256 * 1024 + 70_000
        assert store.get_byte_range(bucket, "big", start, start + 10).tobytes() == data[start : start + 10]
        ranges = [r.range for r in proxy.records if r.method == "GET"]
        # first the smallest blocks around the bytes, then the object's real (256 KiB) block
        guess = start - start % BLOCK
        assert ranges == [f"bytes={guess}-{guess + BLOCK - 1}", f"bytes={256 * 1024}-{512 * 1024 - 1}"]


# --- a local store stays inside its root --------------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    place = tmp_path / "outside"
    place.mkdir()
    (place / "secret").write_bytes(b"not for the store")
    return place


def test_symlink_out_of_the_root_is_refused(local_store: S3IO, local_root: Path, outside: Path) -> None:
    bucket = new_bucket(local_store)
    local_store.put_bytes(bucket, "inside/real", b"data")
    (local_root / bucket / "file-link").symlink_to(outside / "secret")
    (local_root / bucket / "dir-link").symlink_to(outside, target_is_directory=True)
    (local_root / bucket / "inner-link").symlink_to(local_root / bucket / "inside" / "real")
    for call in (
        lambda: local_store.get_bytes(bucket, "file-link"),
        lambda: local_store.get_byte_range(bucket, "file-link", 0, 3),
        lambda: local_store.s3_object(bucket, "file-link"),
        lambda: local_store.get_bytes(bucket, "dir-link/secret"),
        lambda: local_store.put_bytes(bucket, "dir-link/new", b"escape"),
        lambda: local_store.put_bytes_mpu(bucket, "dir-link/big", b"x" * (6 * MiB), part_size=5 * MiB),
        lambda: local_store.delete_objects(bucket, ["dir-link/secret"]),
        lambda: local_store.list_objects(bucket, "dir-link/"),
        lambda: local_store.get_bytes(bucket, "dir-link/missing"),
        lambda: S3LIO(local_store).header(bucket, "dir-link"),
    ):
        with pytest.raises(PermissionError, match=r"leads outside the root through a symbolic link"):
            call()
    # a chunk replaced by a link out of the root
    lio = S3LIO(local_store)
    header = lio.put_array_in_s3(bucket, "arr", np.zeros((4, 4)), (2, 2))
    chunk = local_root / bucket / "arr" / "c" / "1.1"
    chunk.unlink()
    chunk.symlink_to(outside / "secret")
    with pytest.raises(ExceptionGroup, match=r"'arr/c/1\.1'") as info:
        lio.assemble_array_from_s3(bucket, "arr", header=header, out=np.empty((4, 4)))
    assert isinstance(info.value.exceptions[0], PermissionError)
    assert sorted(p.name for p in outside.iterdir()) == ["secret"]
    assert (outside / "secret").read_bytes() == b"not for the store"
    # a link that stays inside the root is followed
    assert local_store.get_bytes(bucket, "inner-link") == b"data"


def test_bucket_that_is_a_symlink_out_of_the_root_is_refused(
    local_store: S3IO, local_root: Path, outside: Path
) -> None:
    local_root.mkdir(parents=True, exist_ok=True)
    (local_root / "escape").symlink_to(outside, target_is_directory=True)
    with pytest.raises(PermissionError, match=r"'escape/secret' at local root .* leads outside the root"):
        local_store.get_bytes("escape", "secret")
    with pytest.raises(PermissionError, match="leads outside the root"):
        local_store.put_bytes("escape", "planted", b"x")
    assert sorted(p.name for p in outside.iterdir()) == ["secret"]


def test_header_json_is_plain(store: S3IO, bucket: str) -> None:
    # the checksum record lives beside the object, never inside it: headers stay plain JSON
    S3LIO(store).put_array_in_s3(bucket, "h", np.zeros((2, 2)), (1, 1))
    assert json.loads(store.get_bytes(bucket, "h/header.json"))["format"] == "terracube-chunked-array"
