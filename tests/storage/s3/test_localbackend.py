"""The local-disk backend's reads: opened beneath the root in one call, a root replaced while open."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import numpy as np
import pytest

from terracube.errors import BucketNotFoundError
from terracube.storage.s3 import S3IO, S3LIO
from terracube.storage.s3._beneath import open_beneath

from .conftest import new_bucket

if TYPE_CHECKING:
    from pathlib import Path


def test_open_beneath_stays_beneath(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "b").mkdir(parents=True)
    (root / "b" / "k").write_bytes(b"inside")
    (tmp_path / "secret").write_bytes(b"outside")
    (root / "b" / "out").symlink_to(tmp_path / "secret")
    (root / "b" / "rel").symlink_to("k")
    dirfd = os.open(root, os.O_PATH | os.O_DIRECTORY)
    try:
        fd = open_beneath(dirfd, "b/k")
        if fd is None:
            pytest.skip("this kernel has no openat2")  # the fallback is tested by every other read
        with open(fd, "rb") as f:
            assert f.read() == b"inside"
        fd = open_beneath(dirfd, "b/rel")  # a relative link that stays inside
        assert fd is not None
        os.close(fd)
        for escape in ("b/out", "../secret", "b/../../secret"):
            with pytest.raises(OSError) as info:
                open_beneath(dirfd, escape)
            assert info.value.errno == 18  # EXDEV
    finally:
        os.close(dirfd)


def test_reads_follow_a_root_replaced_while_the_store_is_open(local_store: S3IO, local_root: Path) -> None:
    bucket = new_bucket(local_store)
    local_store.put_bytes(bucket, "a", b"first")
    assert local_store.get_bytes(bucket, "a") == b"first"
    shutil.rmtree(local_root)  # the root goes, and comes back as another directory
    with pytest.raises(BucketNotFoundError):
        local_store.get_bytes(bucket, "a")
    local_store.create_bucket(bucket)
    local_store.put_bytes(bucket, "a", b"second")
    assert local_store.get_bytes(bucket, "a") == b"second"
    data = np.arange(64 * 64, dtype="f4").reshape(64, 64)
    lio = S3LIO(local_store)
    header = lio.put_array_in_s3(bucket, "arr", data, (16, 16))
    assert np.array_equal(lio.assemble_array_from_s3(bucket, "arr", header=header), data)
    local_store.close()  # closes the root's descriptors; the store opens it again when used
    assert local_store.get_bytes(bucket, "a") == b"second"


@pytest.mark.parametrize(("shape", "chunks"), [((300, 260), (128, 96)), ((1100, 1030), (1024, 1024))])
def test_chunk_reads_through_the_thread_buffer_give_the_data(
    local_store: S3IO, shape: tuple[int, int], chunks: tuple[int, int]
) -> None:
    # Small chunks go through a buffer each thread reuses; large ones a megabyte of rows at a time.
    bucket = new_bucket(local_store)
    data = np.random.default_rng(3).random(shape, dtype="f4")
    lio = S3LIO(local_store)
    lio.put_array_in_s3_mp(bucket, "arr", data, chunks)
    header = lio.header(bucket, "arr")
    assert np.array_equal(lio.get_data_unlabeled_mp(bucket, "arr", (), header=header), data)
    window = (slice(5, shape[0] - 7), slice(3, shape[1] - 2, 3))
    assert np.array_equal(lio.get_data_unlabeled_mp(bucket, "arr", window, header=header), data[window])
