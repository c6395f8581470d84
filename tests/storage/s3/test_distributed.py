"""A dask.distributed client as the executor: the same calls give the same results as threads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from terracube.errors import ObjectNotFoundError
from terracube.storage.s3 import S3AIO, S3IO, S3LIO

from ._strategies import assert_same, random_array
from .conftest import MiB, new_bucket

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from terracube.storage.s3 import S3Config


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


@pytest.fixture(params=["local", "s3"])
def config(request: pytest.FixtureRequest, tmp_path: Path) -> S3Config:
    from terracube.storage.s3 import S3Config

    if request.param == "local":
        return S3Config.local(tmp_path.as_uri(), part_size=5 * MiB)
    s3_config: S3Config = request.getfixturevalue("s3_config")
    return S3Config(**{**_fields(s3_config), "part_size": 5 * MiB})


def _fields(config: S3Config) -> dict[str, Any]:
    import dataclasses

    return {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}


@pytest.fixture
def stores(config: S3Config, client: Any) -> Iterator[tuple[S3IO, S3IO]]:
    """The same location with threads and with the dask client."""
    with S3IO(config) as threads, S3IO(config, executor=client) as dask:
        assert dask.runner.is_distributed and not threads.runner.is_distributed
        yield threads, dask


def test_labelled_arrays(stores: tuple[S3IO, S3IO]) -> None:
    threads, dask = stores
    bucket = new_bucket(threads)
    array = random_array(30, (30, 40, 3), "<f4")
    coords = {"y": np.linspace(10, 0, 30), "x": np.arange(40) * 0.5, "band": ["r", "g", "b"]}
    on_dask, on_threads = S3LIO(dask, codec="zstd"), S3LIO(threads)
    on_dask.put_array_in_s3_mp(bucket, "a", array, (8, 16, 2), dims=("y", "x", "band"), coords=coords)
    assert_same(on_threads.assemble_array_from_s3(bucket, "a"), array)
    assert_same(on_dask.assemble_array_from_s3(bucket, "a"), array)
    window = (slice(3, 27, 2), slice(None, 5, -1), 1)
    assert_same(on_dask.get_data_unlabeled_mp(bucket, "a", window), array[window])
    labels = {"y": (8.0, 2.0), "x": (4.0, 12.5), "band": "b"}
    assert_same(on_dask.get_data(bucket, "a", labels), on_threads.get_data(bucket, "a", labels))
    on_dask.shard_array_to_s3_mp(bucket, array, [np.s_[:10], np.s_[10:]], ["parts/0", "parts/1"], codec="raw")
    assert threads.get_bytes(bucket, "parts/1") == array[10:].tobytes()


def test_arrays_and_bytes(stores: tuple[S3IO, S3IO]) -> None:
    threads, dask = stores
    bucket = new_bucket(threads)
    data = random_array(31, (11 * MiB,), "|u1")
    dask.put_bytes_mpu_mp(bucket, "big", data)
    assert threads.get_bytes(bucket, "big") == data.tobytes()
    got = dask.get_byte_range_mp(bucket, "big", 12_345, len(data), part_size=5 * MiB)
    assert got.tobytes() == data[12_345:].tobytes()
    aio = S3AIO(dask)
    window = (slice(7, None, 3),)
    assert_same(aio.get_slice_mp(bucket, "big", window, data.shape, data.dtype), data[window])


def test_failures_name_every_chunk(stores: tuple[S3IO, S3IO]) -> None:
    threads, dask = stores
    bucket = new_bucket(threads)
    S3LIO(threads).put_array_in_s3(bucket, "h", np.zeros((4, 4)), (2, 2))
    threads.delete_objects(bucket, ["h/c/0.0", "h/c/1.1"])
    with pytest.raises(ExceptionGroup, match=r"2 of 4 failed: 'h/c/0\.0', 'h/c/1\.1'") as info:
        S3LIO(dask).assemble_array_from_s3(bucket, "h")
    assert all(isinstance(e, ObjectNotFoundError) for e in info.value.exceptions)
