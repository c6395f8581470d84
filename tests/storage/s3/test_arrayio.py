"""S3AIO: one array per object, the same tests on local disk and on the moto server.

Reads are checked against numpy slicing of the array written; request counts and byte
ranges on S3 are checked through a FaultProxy that records every request.
"""

from __future__ import annotations

import itertools
import pickle
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from terracube.errors import ObjectNotFoundError, StorageError, StorageRequestError
from terracube.storage.s3 import S3AIO

from ._strategies import ON_STORE, array_cases, assert_same, expected, random_array
from .conftest import MiB, new_bucket

if TYPE_CHECKING:
    from terracube.storage.s3 import S3IO
    from terracube.storage.testing import FaultProxy

    from ._backdoors import Backdoor

MODES = ["get_slice", "get_slice_mp", "get_slice_by_bbox"]
#: S3IO's checksum block for objects up to 16 MiB: ranged reads fetch whole blocks.
BLOCK = 64 * 1024


class TestIndexMaths:
    @given(hnp.array_shapes(min_dims=1, max_dims=5, max_side=20), st.data())
    def test_to_1d_and_to_nd_invert_each_other(self, shape: tuple[int, ...], data: st.DataObject) -> None:
        index = tuple(data.draw(st.integers(0, n - 1)) for n in shape)
        flat = S3AIO.to_1d(index, shape)
        assert flat == np.ravel_multi_index(index, shape)
        assert S3AIO.to_nd(flat, shape) == index

    def test_out_of_bounds(self) -> None:
        with pytest.raises(StorageRequestError, match=r"index \(3, 0\) is invalid for shape \(3, 4\)"):
            S3AIO.to_1d((3, 0), (3, 4))
        with pytest.raises(StorageRequestError, match=r"flat index 12 is invalid for shape \(3, 4\)"):
            S3AIO.to_nd(12, (3, 4))


class ArrayIOTests:
    """S3AIO on one store; subclasses supply `store` and `backdoor`."""

    @pytest.fixture
    def store(self) -> S3IO:
        raise NotImplementedError("supply a `store` fixture")

    @pytest.fixture
    def backdoor(self) -> Backdoor:
        raise NotImplementedError("supply a `backdoor` fixture")

    @pytest.fixture
    def bucket(self, store: S3IO) -> str:
        return new_bucket(store)

    @ON_STORE
    @given(case=array_cases(), codec=st.sampled_from([None, "zstd"]), mode=st.sampled_from(MODES))
    def test_slices_match_numpy(
        self, store: S3IO, bucket: str, case: tuple[Any, ...], codec: str | None, mode: str
    ) -> None:
        shape, dtype, index = case
        array = random_array(1, shape, dtype)
        aio = S3AIO(store, codec=codec)
        key = uuid.uuid4().hex
        aio.put_array(bucket, key, array)
        assert_same(getattr(aio, mode)(bucket, key, index, shape, dtype), expected(array, index))

    @settings(ON_STORE, max_examples=15)
    @given(
        shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=40),
        gap=st.integers(0, 256),
        data=st.data(),
    )
    def test_merge_gap_changes_requests_not_results(
        self, store: S3IO, bucket: str, shape: tuple[int, ...], gap: int, data: st.DataObject
    ) -> None:
        index = data.draw(hnp.basic_indices(shape))
        array = random_array(2, shape, "<f8")
        aio = S3AIO(store, merge_gap=gap)
        key = uuid.uuid4().hex
        aio.put_array(bucket, key, array)
        assert_same(aio.get_slice(bucket, key, index, shape, array.dtype), expected(array, index))

    def test_bytes_are_c_order(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        array = np.asfortranarray(np.arange(24, dtype=">i2").reshape(2, 3, 4))
        S3AIO(store).put_array(bucket, "a", array)
        assert backdoor.get(bucket, "a") == np.ascontiguousarray(array).tobytes()

    def test_reads_bytes_written_by_others(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        array = random_array(3, (7, 5, 3), "<u2")
        backdoor.put(bucket, "raw", array.tobytes())
        aio = S3AIO(store)
        assert_same(
            aio.get_slice(bucket, "raw", (slice(None, None, -2), 1), array.shape, "<u2"), array[::-2, 1]
        )
        assert aio.get_point(bucket, "raw", (6, 4, 2), array.shape, "<u2") == array[6, 4, 2]

    @pytest.mark.parametrize("codec", [None, "zstd"])
    def test_points(self, store: S3IO, bucket: str, codec: str | None) -> None:
        array = random_array(4, (3, 4, 5), "<f4")
        aio = S3AIO(store, codec=codec)
        aio.put_array(bucket, "p", array)
        for index in itertools.product(range(3), range(4), range(5)):
            got = aio.get_point(bucket, "p", index, array.shape, array.dtype)
            assert got.tobytes() == array[index].tobytes()
        with pytest.raises(StorageRequestError, match=r"index \(3, 0, 0\) is invalid"):
            aio.get_point(bucket, "p", (3, 0, 0), array.shape, array.dtype)

    @pytest.mark.parametrize("codec", [None, "zstd"])
    def test_large_array_goes_up_in_parts(
        self, store: S3IO, backdoor: Backdoor, bucket: str, codec: str | None
    ) -> None:
        # 12 MiB with 5 MiB parts: a parallel multipart upload; random bytes do not compress
        array = random_array(5, (3 * MiB,), "<f4")
        aio = S3AIO(store, codec=codec)
        aio.put_array(bucket, "big", array)
        assert backdoor.pending_uploads(bucket) == []
        assert_same(aio.get_array(bucket, "big", array.shape, array.dtype), array)
        assert_same(aio.get_slice_mp(bucket, "big", slice(7, None, 3), array.shape, array.dtype), array[7::3])

    def test_out_is_filled(self, store: S3IO, bucket: str) -> None:
        array = random_array(6, (6, 8), "<i4")
        aio = S3AIO(store)
        aio.put_array(bucket, "o", array)
        out = np.zeros((3, 4), "<i4")
        assert aio.get_slice(bucket, "o", (slice(1, 4), slice(8, 0, -2)), array.shape, "<i4", out=out) is out
        assert_same(out, array[1:4, 8:0:-2])
        with pytest.raises(StorageRequestError, match=r"out has shape \(3, 4\).*needs shape \(2, 4\)"):
            aio.get_slice(bucket, "o", (slice(0, 2), slice(0, 4)), array.shape, "<i4", out=out)
        with pytest.raises(StorageRequestError, match="dtype int64"):
            aio.get_slice(bucket, "o", (slice(0, 3), slice(0, 4)), array.shape, "<i8", out=out)

    @pytest.mark.parametrize("codec", [None, "zstd"])
    def test_shape_that_does_not_fit_the_object(self, store: S3IO, bucket: str, codec: str | None) -> None:
        aio = S3AIO(store, codec=codec)
        aio.put_array(bucket, "s", np.zeros((4, 4), "<f4"))
        with pytest.raises(StorageError, match=r"/s.*(holds|decompresses to) 64 bytes.* 128 were expected"):
            aio.get_array(bucket, "s", (4, 8), "<f4")
        with pytest.raises(StorageError, match=r"/s.*(holds|decompresses to) 64 bytes.* 32 were expected"):
            aio.get_array(bucket, "s", (2, 4), "<f4")
        with pytest.raises(
            StorageError, match=r"\[24, 124\) of .*/s runs past the end|(holds|decompresses to) 64 bytes"
        ):
            aio.get_slice(bucket, "s", (slice(0, 4), 6), (4, 8), "<f4")

    def test_missing_object(self, store: S3IO, bucket: str) -> None:
        aio = S3AIO(store)
        with pytest.raises(ObjectNotFoundError, match=f"object 'nothing' not found in bucket '{bucket}'"):
            aio.get_slice(bucket, "nothing", (0,), (4, 4), "<f4")

    @pytest.mark.parametrize(
        ("index", "message"),
        [
            ((0, 0, 0), "too many indices"),
            ((5,), "index 5 is out of bounds for axis 0 with size 4"),
            ((Ellipsis, Ellipsis), "only one Ellipsis"),
            (([1, 2],), "unsupported index"),
            ((None,), "unsupported index"),
        ],
    )
    def test_invalid_selections(self, store: S3IO, bucket: str, index: Any, message: str) -> None:
        aio = S3AIO(store)
        aio.put_array(bucket, "i", np.zeros((4, 4)))
        with pytest.raises(StorageRequestError, match=message):
            aio.get_slice(bucket, "i", index, (4, 4), "<f8")

    def test_pickles(self, store: S3IO, bucket: str) -> None:
        aio = S3AIO(store, codec="zstd", merge_gap=123)
        aio.put_array(bucket, "k", np.arange(5))
        copy = pickle.loads(pickle.dumps(aio))
        assert (copy.codec, copy.s3io.config) == (aio.codec, store.config)
        assert_same(copy.get_array(bucket, "k", (5,), np.arange(5).dtype), np.arange(5))


class TestLocalArrayIO(ArrayIOTests):
    @pytest.fixture
    def store(self, local_store: S3IO) -> S3IO:
        return local_store

    @pytest.fixture
    def backdoor(self, local_backdoor: Backdoor) -> Backdoor:
        return local_backdoor


class TestS3ArrayIO(ArrayIOTests):
    @pytest.fixture
    def store(self, s3_store: S3IO) -> S3IO:
        return s3_store

    @pytest.fixture
    def backdoor(self, s3_backdoor: Backdoor) -> Backdoor:
        return s3_backdoor


def _ranges(proxy: FaultProxy, key: str) -> list[tuple[int, int]]:
    """The byte ranges ``[start, stop)`` of the GETs of `key`, sorted."""
    out = []
    for r in proxy.records:
        if r.method == "GET" and r.path.endswith("/" + key):
            assert r.range is not None, f"a GET of {key} without a Range header"
            first, last = r.range.removeprefix("bytes=").split("-")
            out.append((int(first), int(last) + 1))
    return sorted(out)


class TestRequests:
    """What goes over the wire: only the checksum blocks (64 KiB) holding the bytes a selection needs."""

    @pytest.fixture
    def bucket(self, proxied_store: S3IO) -> str:
        return new_bucket(proxied_store)

    def test_window_is_one_range(self, proxied_store: S3IO, proxy: FaultProxy, bucket: str) -> None:
        array = random_array(7, (1024, 256), "<f4")  # rows of 1 KiB, 16 blocks of 64 rows
        aio = S3AIO(proxied_store)
        aio.put_array(bucket, "w", array)
        proxy.clear()
        window = (slice(100, 104), slice(16, 32))
        assert_same(aio.get_slice(bucket, "w", window, array.shape, "<f4"), array[window])
        # rows 100..103 lie in block 1 (rows 64..127): one range, that block
        assert _ranges(proxy, "w") == [(BLOCK, 2 * BLOCK)]

    def test_distant_runs_are_separate_ranges(
        self, proxied_store: S3IO, proxy: FaultProxy, bucket: str
    ) -> None:
        array = random_array(8, (1024, 256), "<f4")
        aio = S3AIO(proxied_store, merge_gap=0)
        aio.put_array(bucket, "w", array)
        proxy.clear()
        rows = slice(8, 1024, 300)  # rows 8, 308, 608, 908: blocks 0, 4, 9, 14
        assert_same(aio.get_slice(bucket, "w", (rows, slice(16, 32)), array.shape, "<f4"), array[rows, 16:32])
        assert _ranges(proxy, "w") == [(b * BLOCK, (b + 1) * BLOCK) for b in (0, 4, 9, 14)]
        # one range for the bounding box instead
        proxy.clear()
        aio.get_slice_by_bbox(bucket, "w", (rows, slice(16, 32)), array.shape, "<f4")
        assert _ranges(proxy, "w") == [(0, 15 * BLOCK)]

    def test_wide_stride_reads_only_its_blocks(
        self, proxied_store: S3IO, proxy: FaultProxy, bucket: str
    ) -> None:
        array = random_array(9, (131_072,), "<f8")  # 1 MiB: blocks of 8192 elements
        aio = S3AIO(proxied_store, merge_gap=64)
        aio.put_array(bucket, "s", array)
        proxy.clear()
        assert_same(aio.get_slice(bucket, "s", slice(5, None, 20_000), array.shape, "<f8"), array[5::20_000])
        blocks = sorted({i * 8 // BLOCK for i in range(5, 131_072, 20_000)})
        assert blocks == [0, 2, 4, 7, 9, 12, 14]
        assert _ranges(proxy, "s") == [(b * BLOCK, (b + 1) * BLOCK) for b in blocks]
        proxy.clear()
        # a point reads its one block
        assert aio.get_point(bucket, "s", (70_000,), array.shape, "<f8") == array[70_000]
        assert _ranges(proxy, "s") == [(8 * BLOCK, 9 * BLOCK)]

    def test_small_object_is_read_whole(self, proxied_store: S3IO, proxy: FaultProxy, bucket: str) -> None:
        array = random_array(11, (64, 64), "<f4")  # 16 KiB: one block
        aio = S3AIO(proxied_store)
        aio.put_array(bucket, "small", array)
        proxy.clear()
        assert_same(aio.get_slice(bucket, "small", (slice(3, 5), 7), array.shape, "<f4"), array[3:5, 7])
        gets = [r for r in proxy.records if r.method == "GET"]
        assert len(gets) == 1 and gets[0].range is None

    def test_parallel_read_splits_by_part_size(
        self, proxied_store: S3IO, proxy: FaultProxy, bucket: str
    ) -> None:
        array = random_array(10, (3 * MiB,), "<f4")  # 12 MiB
        aio = S3AIO(proxied_store)
        aio.put_array(bucket, "p", array)
        proxy.clear()
        assert_same(aio.get_slice_mp(bucket, "p", slice(1, None), array.shape, "<f4"), array[1:])
        # parts cut at multiples of the part size: each reads its own blocks, none twice
        part = 5 * MiB
        assert _ranges(proxy, "p") == [(0, part), (part, 2 * part), (2 * part, array.nbytes)]

    def test_compressed_object_is_one_whole_get(
        self, proxied_store: S3IO, proxy: FaultProxy, bucket: str
    ) -> None:
        array = np.zeros((100, 100))
        aio = S3AIO(proxied_store, codec="zstd")
        aio.put_array(bucket, "z", array)
        proxy.clear()
        assert_same(aio.get_slice(bucket, "z", (slice(3, 5), 7), array.shape, array.dtype), array[3:5, 7])
        gets = [r for r in proxy.records if r.method == "GET"]
        assert len(gets) == 1 and gets[0].range is None
