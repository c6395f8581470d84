"""Lazy loads: the same pixels as eager ones, tasks that read only their chunk, no index in the graph."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

import cloudpickle
import dask
import dask.array as da
import numpy as np
import pytest

from terracube.api._load import ChunkTask, load_chunk
from terracube.errors import LoadError, QueryError

from .conftest import PRODUCT, SIZE, tile_gbox

if TYPE_CHECKING:
    from .conftest import Cube


def _tasks(arr: da.Array) -> list[ChunkTask]:
    out = []
    for v in dict(arr.__dask_graph__()).values():
        for arg in getattr(v, "args", ()):  # dask Task objects
            if isinstance(arg, ChunkTask):
                out.append(arg)
        if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], ChunkTask):
            out.append(v[1])
    return out


def _mosaic(cube: Cube, times: tuple[str, ...] = ("2020-01-01", "2020-01-02", "2020-01-03")) -> None:
    for t in times:
        for col in range(2):
            for row in range(2):
                cube.add(tile_gbox(col, row), t)


def test_lazy_equals_eager(cube: Cube) -> None:
    _mosaic(cube)
    eager = cube.dc.load("ls")
    lazy = cube.dc.load("ls", dask_chunks={"time": 2, "x": 50, "y": 40})
    assert isinstance(lazy.red.data, da.Array)
    assert lazy.red.data.chunks == ((2, 1), (40, 40, 40, 8), (50, 50, 28))
    assert lazy.odc.geobox == eager.odc.geobox
    assert lazy.red.attrs == eager.red.attrs
    with dask.config.set(scheduler="threads"):
        computed = lazy.compute()
    np.testing.assert_array_equal(computed.red.values, eager.red.values)
    np.testing.assert_array_equal(computed.swir.values, eager.swir.values)


@pytest.mark.parametrize("resampling", ["nearest", "bilinear"])
def test_lazy_equals_eager_when_reprojecting(cube: Cube, resampling: str) -> None:
    _mosaic(cube, ("2020-01-01",))
    grid = {"output_crs": "EPSG:3577", "resolution": 35, "resampling": resampling, "measurements": ["swir"]}
    eager = cube.dc.load("ls", **grid)
    lazy = cube.dc.load("ls", dask_chunks={"x": 29, "y": 37}, **grid)
    assert len(lazy.swir.data.chunks[1]) > 3 and len(lazy.swir.data.chunks[2]) > 3
    got, want = lazy.swir.compute(scheduler="sync").values, eager.swir.values
    assert np.isfinite(want).mean() > 0.5
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    # GDAL's warper approximates the projection (1/8 pixel) over each destination window, so a
    # chunked warp may pick a neighbouring source pixel for a handful of borderline pixels.
    close = np.isclose(got, want, rtol=0, atol=0 if resampling == "nearest" else 1e-3) | np.isnan(want)
    assert close.mean() > 0.999


def test_each_task_reads_only_datasets_touching_its_chunk(cube: Cube) -> None:
    _mosaic(cube)
    lazy = cube.dc.load("ls", measurements=["red"], dask_chunks={"x": SIZE, "y": SIZE})
    tasks = _tasks(lazy.red.data)
    assert len(tasks) == 3 * 2 * 2
    for task in tasks:
        (sources,) = task.steps
        # Chunks line up with tiles: each task opens exactly its own tile.
        assert len(sources) == 1
        assert sources[0].band.geobox == task.gbox


def test_missing_dims_span_whole_axes(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(0, 0), "2020-01-02")
    lazy = cube.dc.load("ls", measurements=["red"], dask_chunks={})
    assert lazy.red.data.chunks == ((1, 1), (SIZE,), (SIZE,))
    lazy = cube.dc.load("ls", measurements=["red"], dask_chunks={"time": -1, "x": 10})
    assert lazy.red.data.chunks[0] == (2,) and lazy.red.data.chunks[2] == (10,) * 6 + (4,)
    with pytest.raises(QueryError, match="unknown dimension 'band'"):
        cube.dc.load("ls", dask_chunks={"band": 1})
    with pytest.raises(QueryError, match="positive integer"):
        cube.dc.load("ls", dask_chunks={"x": 0})


def test_graph_survives_pickling_and_needs_no_index(cube: Cube) -> None:
    _mosaic(cube)
    eager = cube.dc.load("ls", measurements=["swir"])
    lazy = cube.dc.load("ls", measurements=["swir"], dask_chunks={"time": 1, "x": 48, "y": 48})
    blob = cloudpickle.dumps(lazy)
    assert b"MemoryIndex" not in blob and b"terracube.index" not in blob
    cube.index.close()
    back = pickle.loads(blob)
    np.testing.assert_array_equal(back.swir.compute(scheduler="sync").values, eager.swir.values)


def test_broken_dataset_fails_at_compute_naming_it(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    bad = cube.add(tile_gbox(0, 0), "2020-01-02")
    (bad.folder / "red.tif").unlink()
    lazy = cube.dc.load("ls", measurements=["red"], dask_chunks={"time": 1})
    with pytest.raises(LoadError, match=str(bad.dataset.id)):
        lazy.compute(scheduler="sync")
    skipped = cube.dc.load("ls", measurements=["red"], dask_chunks={"time": 1}, skip_broken_datasets=True)
    assert (skipped.red.isel(time=1).values == -999).all()


def test_load_chunk_of_no_sources_is_nodata(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    lazy = cube.dc.load("ls", measurements=["swir"], x=(600000, 600000 + 4 * SIZE * 30), y=(6000000 - SIZE * 30, 6000000),
                        crs="EPSG:32755", dask_chunks={"x": SIZE})  # fmt: skip
    tasks = _tasks(lazy.swir.data)
    empty = [t for t in tasks if not any(t.steps)]
    assert len(empty) == 3
    assert np.isnan(load_chunk(empty[0])).all()


def test_runs_on_a_local_cluster(cube: Cube, moto_endpoint: str, s3_bucket: str) -> None:
    from distributed import Client, LocalCluster

    from terracube import Datacube

    _mosaic(cube)
    eager = cube.dc.load("ls")
    lazy = cube.dc.load("ls", dask_chunks={"time": 1, "x": 64, "y": 64})
    # The same pixels stored through s3aio, on local disk and on S3 (moto over HTTP).
    doc = {**PRODUCT, "name": "ls_aio", "metadata": {"product": {"name": "ls_aio"}}}
    cube.index.products.add_document(doc)
    cube.dc.write(eager, "ls_aio", driver="s3aio", location=str(cube.root / "aio"),
                  storage_config={"chunks": {"y": 48, "x": 48}})  # fmt: skip
    on_s3 = Datacube(index=cube.index, storage_options={"s3_endpoint": moto_endpoint})
    on_s3.write(eager, "ls_aio", driver="s3aio", location=f"s3://{s3_bucket}/aio",
                storage_config={"chunks": {"y": 48, "x": 48}})  # fmt: skip
    stored = on_s3.find_datasets(product="ls_aio")
    local_ds = [d for d in stored if d.uri.startswith("file://")]
    s3_ds = [d for d in stored if d.uri.startswith(f"s3://{s3_bucket}/")]
    assert len(local_ds) == len(s3_ds) == 3
    lazy_local = on_s3.load(datasets=local_ds, dask_chunks={"time": 1, "x": 50, "y": 70})
    lazy_s3 = on_s3.load(datasets=s3_ds, dask_chunks={"time": 2, "x": 70, "y": 50})
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        result, from_local, from_s3 = client.compute([lazy, lazy_local, lazy_s3], sync=True)
        workers = client.run(lambda: 1)
    assert len(workers) == 2
    np.testing.assert_array_equal(result.red.values, eager.red.values)
    np.testing.assert_array_equal(result.swir.values, eager.swir.values)
    for got in (from_local, from_s3):
        np.testing.assert_array_equal(got.red.values, eager.red.values)
        np.testing.assert_array_equal(got.swir.values, eager.swir.values)
