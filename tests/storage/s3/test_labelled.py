"""S3LIO: labelled chunked arrays, the same tests on local disk and on the moto server.

Every read is checked against numpy slicing of the array written; request counts on S3 are
checked through a FaultProxy that records every request.
"""

from __future__ import annotations

import itertools
import json
import math
import pickle
import time
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from terracube.errors import ObjectNotFoundError, StorageError, StorageRequestError
from terracube.storage.s3 import S3LIO
from terracube.storage.s3.labelled import ArrayHeader, Coordinate
from terracube.storage.testing import Fault

from ._strategies import ON_STORE, assert_same, chunked_cases, expected, random_array
from .conftest import new_bucket

if TYPE_CHECKING:
    from terracube.storage.s3 import S3IO
    from terracube.storage.testing import FaultProxy

    from ._backdoors import Backdoor


# --- pure chunk-grid and coordinate maths ---------------------------------------------------------


class TestChunkGrid:
    @given(
        n=st.integers(0, 50),
        step=st.integers(1, 12),
        bounds=st.tuples(st.none() | st.integers(0, 60), st.none() | st.integers(0, 60)),
        as_shape=st.booleans(),
    )
    def test_chunk_indices_1d(
        self, n: int, step: int, bounds: tuple[int | None, int | None], as_shape: bool
    ) -> None:
        lo = bounds[0] or 0
        hi = n if bounds[1] is None else min(n, bounds[1])
        # brute force: group the wanted indices by chunk
        wanted = [i for i in range(n) if lo <= i < hi]
        groups = [list(g) for _, g in itertools.groupby(wanted, key=lambda i: i // step)]
        want = [len(g) if as_shape else slice(g[0], g[-1] + 1) for g in groups]
        bound = slice(*bounds) if bounds != (None, None) else None
        assert list(S3LIO.chunk_indices_1d(0, n, step, bound, as_shape)) == want

    @given(
        shape=st.lists(st.integers(0, 9), min_size=1, max_size=3),
        data=st.data(),
    )
    def test_chunk_indices_nd_tile_the_array(self, shape: list[int], data: st.DataObject) -> None:
        chunks = [data.draw(st.integers(1, max(n, 1))) for n in shape]
        seen = np.zeros(shape, int)
        pieces = list(S3LIO.chunk_indices_nd(shape, chunks))
        for piece in pieces:
            seen[piece] += 1
        assert (seen == 1).all()
        assert len(pieces) == math.prod(-(-n // c) for n, c in zip(shape, chunks, strict=True))
        sizes = list(S3LIO.chunk_indices_nd(shape, chunks, return_as_shape=True))
        assert sizes == [tuple(s.stop - s.start for s in p) for p in pieces]  # type: ignore[union-attr]

    def test_errors(self) -> None:
        with pytest.raises(StorageRequestError, match="chunk step must be >= 1, got 0"):
            list(S3LIO.chunk_indices_1d(0, 4, 0))
        with pytest.raises(StorageRequestError, match=r"chunks \(2,\) must match shape \(4, 4\)"):
            list(S3LIO.chunk_indices_nd((4, 4), (2,)))


class TestCoordinates:
    def test_regular_index(self) -> None:
        header = ArrayHeader(
            "a",
            (5, 4),
            (2, 2),
            "<f4",
            dims=("y", "x"),
            coords=(
                Coordinate.from_values("y", -35.0 - 0.1 * np.arange(5)),
                Coordinate.from_values("x", 500_000 + 30 * np.arange(4)),
            ),
        )
        assert header.coords[0] is not None and header.coords[0].is_regular
        assert S3LIO.regular_index(header, "x", 500_060) == 2
        assert S3LIO.regular_index(header, "x", 500_060.0000001) == 2  # rounded to 6 decimals
        assert S3LIO.regular_index(header, "y", -35.3) == 3  # -35 - 0.3 is not exactly -35.3
        with pytest.raises(StorageRequestError, match=r"500010 is not a label of coordinate 'x'.*step 30"):
            S3LIO.regular_index(header, "x", 500_010)
        with pytest.raises(StorageRequestError, match="500120 is not a label"):
            S3LIO.regular_index(header, "x", 500_120)
        with pytest.raises(StorageRequestError, match=r"no dimension 'time'; it has \('y', 'x'\)"):
            S3LIO.regular_index(header, "time", 0)

    def test_irregular_coordinates_are_looked_up(self) -> None:
        times = np.array(["2020-01-03", "2020-01-19", "2020-02-04", "2020-03-07"], dtype="datetime64[ns]")
        bands = ["blue", "green", "red"]
        header = ArrayHeader(
            "a",
            (4, 3),
            (2, 2),
            "<u2",
            dims=("time", "band"),
            coords=(Coordinate.from_values("time", times), Coordinate.from_values("band", bands)),
        )
        assert not header.coords[0].is_regular  # type: ignore[union-attr]
        assert S3LIO.regular_index(header, "time", "2020-02-04") == 2
        assert S3LIO.regular_index(header, "time", np.datetime64("2020-03-07T00:00")) == 3
        assert S3LIO.regular_index(header, "band", "red") == 2
        with pytest.raises(StorageRequestError, match="'nir' is not a label of coordinate 'band'"):
            S3LIO.regular_index(header, "band", "nir")
        # the header survives its JSON form
        again = ArrayHeader.from_json(header.to_json(), what="test")
        assert again == header
        assert S3LIO.regular_index(again, "time", "2020-01-19") == 1

    def test_regular_datetimes(self) -> None:
        days = np.arange("2021-01-01", "2021-01-11", dtype="datetime64[D]")
        coord = Coordinate.from_values("time", days)
        assert coord.is_regular
        assert coord.index("2021-01-04") == 3
        assert coord.index_range("2021-01-09", "2021-01-02T12:00") == slice(2, 9)
        assert Coordinate.from_json(json.loads(json.dumps(coord.to_json()))) == coord


# --- the store suite ------------------------------------------------------------------------------


def _label_oracle(values: np.ndarray, wanted: Any) -> int | slice:
    """The index selection numpy would need for one label or an inclusive label range."""
    if isinstance(wanted, tuple):
        lo, hi = sorted(wanted)
        hits = np.flatnonzero((values >= lo) & (values <= hi))
        return slice(int(hits[0]), int(hits[-1]) + 1) if len(hits) else slice(0, 0)
    return int(np.flatnonzero(values == wanted)[0])


class LabelledTests:
    """S3LIO on one store; subclasses supply `store` and `backdoor`."""

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
    @given(
        case=chunked_cases(),
        codec=st.sampled_from([None, "zstd"]),
        parallel_write=st.booleans(),
        read=st.sampled_from(["get_data_unlabeled", "get_data_unlabeled_mp"]),
    )
    def test_round_trip_matches_numpy(
        self,
        store: S3IO,
        bucket: str,
        case: tuple[Any, ...],
        codec: str | None,
        parallel_write: bool,
        read: str,
    ) -> None:
        shape, chunks, dtype, index = case
        array = random_array(11, shape, dtype)
        lio = S3LIO(store, codec=codec)
        name = f"arr/{uuid.uuid4().hex}"
        put = lio.put_array_in_s3_mp if parallel_write else lio.put_array_in_s3
        header = put(bucket, name, array, chunks)
        assert (header.shape, header.chunks, header.numpy_dtype) == (shape, chunks, array.dtype)
        assert_same(getattr(lio, read)(bucket, name, index), expected(array, index))
        assert_same(lio.assemble_array_from_s3(bucket, name, header=header), array)

    def test_chunk_objects_and_header(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        array = random_array(12, (5, 7), ">i2")
        lio = S3LIO(store)
        lio.put_array_in_s3(bucket, "cube/band", array, (2, 3), dims=("y", "x"), fill_value=-1)
        keys = [f"cube/band/c/{i}.{j}" for i in range(3) for j in range(3)]
        assert backdoor.keys(bucket) == sorted([*keys, "cube/band/header.json"])
        for i, j in itertools.product(range(3), range(3)):
            region = array[2 * i : 2 * i + 2, 3 * j : 3 * j + 3]  # edge chunks truncated
            assert backdoor.get(bucket, f"cube/band/c/{i}.{j}") == region.tobytes()
        doc = json.loads(backdoor.get(bucket, "cube/band/header.json") or b"")
        assert {k: doc[k] for k in ("shape", "chunks", "dtype", "fill_value", "dims", "order")} == {
            "shape": [5, 7],
            "chunks": [2, 3],
            "dtype": ">i2",
            "fill_value": -1,
            "dims": ["y", "x"],
            "order": "C",
        }
        assert doc["codec"] == {"name": "raw", "level": 0}
        assert doc["key_scheme"] == "{name}/c/{index}"

    def test_compressed_chunks_are_zstd_frames(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        import zstandard

        array = np.arange(64, dtype="<f8").reshape(8, 8)
        S3LIO(store, codec="zstd").put_array_in_s3(bucket, "z", array, (4, 8))
        for i in range(2):
            frame = backdoor.get(bucket, f"z/c/{i}.0") or b""
            assert len(frame) < array[4 * i : 4 * i + 4].nbytes
            assert zstandard.ZstdDecompressor().decompress(frame) == array[4 * i : 4 * i + 4].tobytes()

    def test_reads_chunks_written_by_others(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        array = random_array(13, (4, 6), "<u4")
        header = ArrayHeader("ext", (4, 6), (4, 3), "<u4")
        backdoor.put(bucket, "ext/header.json", header.to_json())
        backdoor.put(bucket, "ext/c/0.0", np.ascontiguousarray(array[:, :3]).tobytes())
        backdoor.put(bucket, "ext/c/0.1", np.ascontiguousarray(array[:, 3:]).tobytes())
        assert_same(
            S3LIO(store).get_data_unlabeled(bucket, "ext", (slice(1, 3), slice(2, 5))), array[1:3, 2:5]
        )

    def test_get_data_by_labels(self, store: S3IO, bucket: str) -> None:
        times = np.array(["2020-01-03", "2020-01-19", "2020-02-04", "2020-03-07", "2020-03-23"], "M8[ns]")
        ys = -35.0 - 0.25 * np.arange(9)  # decreasing
        xs = 148.0 + 0.25 * np.arange(11)
        array = random_array(14, (5, 9, 11), "<f4")
        lio = S3LIO(store)
        header = lio.put_array_in_s3_mp(
            bucket, "ls8", array, (2, 4, 4), dims=("time", "y", "x"), coords={"time": times, "y": ys, "x": xs}
        )
        cases: list[dict[str, Any]] = [
            {"time": ("2020-01-10", "2020-03-10"), "y": (-35.5, -36.25), "x": (149.0, 148.25)},
            {"time": "2020-02-04", "x": 149.5},
            {"y": (-36.0, -35.0)},
            {"time": ("2019-01-01", "2019-12-31")},  # nothing
            {"x": (148.1, 148.9)},  # bounds between labels
        ]
        coords = {"time": times, "y": ys, "x": xs}
        for labels in cases:
            index = tuple(
                _label_oracle(
                    coords[d],
                    np.datetime64(v)
                    if d == "time" and isinstance(v, str)
                    else tuple(np.datetime64(t) for t in v)
                    if d == "time"
                    else v,
                )
                if d in labels
                else slice(None)
                for d, v in ((d, labels.get(d)) for d in ("time", "y", "x"))
            )
            assert_same(lio.get_data(bucket, "ls8", labels, header=header), expected(array, index))
        assert_same(lio.get_data(bucket, "ls8", {"x": slice(148.5, None)}), array[:, :, 2:])
        with pytest.raises(StorageRequestError, match="148.1 is not a label of coordinate 'x'"):
            lio.get_data(bucket, "ls8", {"x": 148.1})
        with pytest.raises(StorageRequestError, match="array 'ls8' has no dimension 'band'"):
            lio.get_data(bucket, "ls8", {"band": 1})

    def test_missing_chunks(self, store: S3IO, bucket: str) -> None:
        array = np.arange(16.0).reshape(4, 4)
        lio = S3LIO(store)
        lio.put_array_in_s3(bucket, "holes", array, (2, 2), fill_value=float("nan"))
        store.delete_objects(bucket, ["holes/c/0.1", "holes/c/1.1"])
        with pytest.raises(ExceptionGroup, match=r"2 of 4 failed: 'holes/c/0.1', 'holes/c/1.1'") as info:
            lio.get_data_unlabeled(bucket, "holes", ())
        assert all(isinstance(e, ObjectNotFoundError) for e in info.value.exceptions)
        with pytest.raises(ExceptionGroup, match=r"1 of 1 failed: 'holes/c/0.1'"):
            lio.get_data_unlabeled_mp(bucket, "holes", (slice(0, 2), slice(2, 4)))
        got = lio.get_data_unlabeled_mp(bucket, "holes", (), missing="fill")
        want = array.copy()
        want[:, 2:] = np.nan
        np.testing.assert_array_equal(got, want)
        # reads that avoid the holes need nothing from them
        assert_same(lio.get_data_unlabeled(bucket, "holes", (slice(None), slice(0, 2))), array[:, :2])

    def test_damaged_chunk_is_named(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        lio = S3LIO(store, codec="zstd")
        lio.put_array_in_s3(bucket, "bad", np.ones((4, 4)), (2, 2))
        backdoor.put(bucket, "bad/c/1.0", b"not zstd")
        with pytest.raises(ExceptionGroup, match="'bad/c/1.0'") as info:
            lio.assemble_array_from_s3(bucket, "bad")
        # a raw put through S3 drops the checksum record (the frame itself is refused); a file
        # rewritten in place keeps its old record, which no longer matches
        message = str(info.value.exceptions[0])
        assert "is not a valid zstd frame" in message or "its checksum record says 28" in message

    def test_missing_array_and_bad_header(self, store: S3IO, backdoor: Backdoor, bucket: str) -> None:
        lio = S3LIO(store)
        with pytest.raises(ObjectNotFoundError, match=f"no array 'nope' in bucket '{bucket}'"):
            lio.get_data(bucket, "nope", {})
        backdoor.put(bucket, "junk/header.json", b'{"format": "something else"}')
        with pytest.raises(StorageError, match="junk/header.json is not a valid terracube array header"):
            lio.header(bucket, "junk")

    def test_invalid_arguments(self, store: S3IO, bucket: str) -> None:
        lio = S3LIO(store)
        with pytest.raises(StorageRequestError, match=r"dims \('y',\) must name each of the 2 axes"):
            lio.put_array_in_s3(bucket, "a", np.zeros((2, 2)), (1, 1), dims=("y",))
        with pytest.raises(StorageRequestError, match=r"coords name unknown dimensions \['t'\]"):
            lio.put_array_in_s3(bucket, "a", np.zeros((2, 2)), (1, 1), coords={"t": [1, 2]})
        with pytest.raises(StorageRequestError, match="need n >= 0 and c >= 1"):
            lio.put_array_in_s3(bucket, "a", np.zeros((2, 2)), (0, 1))
        with pytest.raises(StorageRequestError, match="segment 'c' is reserved"):
            lio.put_array_in_s3(bucket, "x/c/y", np.zeros((2, 2)), (1, 1))
        assert store.list_objects(bucket) == []

    def test_out_and_pickling(self, store: S3IO, bucket: str) -> None:
        array = random_array(15, (6, 6), "<i8")
        lio = S3LIO(store)
        lio.put_array_in_s3(bucket, "o", array, (4, 4))
        out = np.empty((3, 6), "<i8")
        copy = pickle.loads(pickle.dumps(lio))
        assert copy.get_data_unlabeled_mp(bucket, "o", slice(None, None, 2), out=out) is out
        assert_same(out, array[::2])


class TestLocalLabelled(LabelledTests):
    @pytest.fixture
    def store(self, local_store: S3IO) -> S3IO:
        return local_store

    @pytest.fixture
    def backdoor(self, local_backdoor: Backdoor) -> Backdoor:
        return local_backdoor


class TestS3Labelled(LabelledTests):
    @pytest.fixture
    def store(self, s3_store: S3IO) -> S3IO:
        return s3_store

    @pytest.fixture
    def backdoor(self, s3_backdoor: Backdoor) -> Backdoor:
        return s3_backdoor


# --- requests on the wire -------------------------------------------------------------------------


def _chunk_gets(proxy: FaultProxy, name: str) -> list[str]:
    marker = f"/{name}/c/"
    return sorted(r.path.split(marker, 1)[1] for r in proxy.records if r.method == "GET" and marker in r.path)


class TestRequests:
    @pytest.fixture
    def bucket(self, proxied_store: S3IO) -> str:
        return new_bucket(proxied_store)

    def test_window_touches_only_its_chunks(
        self, proxied_store: S3IO, proxy: FaultProxy, bucket: str
    ) -> None:
        array = random_array(16, (256, 256), "<f4")
        lio = S3LIO(proxied_store)
        lio.put_array_in_s3_mp(bucket, "w", array, (32, 32))  # an 8 x 8 grid
        proxy.clear()
        # a 1/16 window aligned on chunks: 2 x 2 of the 64 chunks, plus the header
        assert_same(
            lio.get_data_unlabeled_mp(bucket, "w", (slice(64, 128), slice(128, 192))), array[64:128, 128:192]
        )
        assert _chunk_gets(proxy, "w") == ["2.4", "2.5", "3.4", "3.5"]
        assert proxy.count("GET") == 5
        assert proxy.count("GET", r"/w/header\.json") == 1
        # an unaligned 1/16 window: 3 x 3 chunks, one GET each
        header = lio.header(bucket, "w")
        proxy.clear()
        assert_same(
            lio.get_data_unlabeled(bucket, "w", (slice(10, 74), slice(20, 84)), header=header),
            array[10:74, 20:84],
        )
        assert _chunk_gets(proxy, "w") == [f"{i}.{j}" for i in range(3) for j in range(3)]
        assert proxy.count("GET") == 9
        # a 4 KiB chunk is one checksum block: read whole (a plain GET), however little it gives
        corner = [r.range for r in proxy.records if r.path.endswith("/w/c/0.0")]
        assert corner == [None]

    def test_chunks_are_read_in_parallel(self, proxied_store: S3IO, proxy: FaultProxy, bucket: str) -> None:
        array = random_array(17, (64, 64), "<f4")
        lio = S3LIO(proxied_store)
        header = lio.put_array_in_s3(bucket, "p", array, (16, 16))
        proxy.add_fault(Fault("delay", times=16, method="GET", path=r"/p/c/", delay=0.25))
        started = time.monotonic()
        assert_same(lio.assemble_array_from_s3(bucket, "p", header=header), array)
        elapsed = time.monotonic() - started
        assert proxy.count("GET", "/p/c/") == 16
        assert elapsed < 16 * 0.25 / 2, f"16 chunk reads delayed 0.25 s each took {elapsed:.2f} s"


@given(
    start=st.floats(-1e6, 1e6, allow_nan=False),
    step=st.floats(1e-3, 1e3) | st.floats(-1e3, -1e-3),
    n=st.integers(2, 300),
    data=st.data(),
)
def test_float_grids_are_regular_and_invert(start: float, step: float, n: int, data: st.DataObject) -> None:
    values = start + step * np.arange(n)
    coord = Coordinate.from_values("x", values)
    assert coord.is_regular
    i, j = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1))
    assert coord.index(values[i]) == i
    assert coord.index_range(values[i], values[j]) == slice(min(i, j), max(i, j) + 1)
    again = Coordinate.from_json(json.loads(json.dumps(coord.to_json())))
    assert again.index(values[j]) == j
