"""Datacube.load throughput: s3aio on local disk, eager and through Dask; graph construction; odc-stac.

The load: 32 time steps x 2048 x 2048 pixels x 3 float32 bands (403 million values, 1.6 GB),
stored once through ``Datacube.write(driver="s3aio")`` on local disk, and once more as
Cloud-Optimised GeoTIFFs (512-pixel tiles, uncompressed, one file per band and step) for the
comparisons. Throughput is in megapixels per second, counting every band's pixel
(``32 * 2048 * 2048 * 3 / seconds / 1e6``). The data is written on the first run into
``--dir`` (default ``/tmp/terracube-bench-load``) and reused after, so timings read from the
page cache, as a warm local disk does.

Runs:

* ``s3aio eager``: ``dc.load(product)``;
* ``s3aio dask``: ``dc.load(product, dask_chunks={"time": 1, "x": 2048, "y": 2048})`` computed
  with the threaded scheduler (graph construction included);
* ``COG eager`` / ``COG dask``: the same through terracube's rasterio reader;
* ``graph 1000``: building the lazy graph of a load over 1,000 indexed datasets (search, grid,
  data sources, Dask graph; nothing read), from the memory and SQLite indexes;
* ``odc-stac``: ``odc.stac.load`` of the same COGs (eager with a 2-thread pool, and Dask),
  run in the virtualenv given by ``--odc-python`` (``python3.12 -m venv /tmp/odcvenv &&
  /tmp/odcvenv/bin/pip install odc-stac``), when it exists.

Usage: ``python bench/bench_load.py [--dir DIR] [--repeat N] [--odc-python PATH] [--skip-cog]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

T, N, BANDS = 32, 2048, ("red", "green", "nir")
VALUES = T * N * N * len(BANDS)
CRS = "EPSG:32755"
X0, Y0, RES = 500000.0, 7000000.0, 10.0
TIMES = [dt.datetime(2021, 1, 1, 0, 10) + dt.timedelta(days=8 * i) for i in range(T)]


def product_doc(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "metadata_type": "eo3",
        "metadata": {"product": {"name": name}},
        "measurements": [{"name": b, "dtype": "float32", "nodata": "NaN", "units": "1"} for b in BANDS],
    }


def synthetic(step: int) -> dict[str, np.ndarray]:
    """Three float32 bands of one step: a smooth field plus noise (deterministic)."""
    rng = np.random.default_rng(step)
    y, x = np.mgrid[0:N, 0:N].astype("float32") / N
    base = np.sin(6 * x + step / 5) * np.cos(4 * y)
    return {b: (base * (i + 1) + rng.standard_normal((N, N), dtype="float32") * 0.1).astype("float32")
            for i, b in enumerate(BANDS)}  # fmt: skip


def gbox() -> Any:
    from affine import Affine
    from odc.geo.geobox import GeoBox

    return GeoBox((N, N), Affine(RES, 0, X0, 0, -RES, Y0), CRS)


def prepare(root: Path, with_cogs: bool) -> None:
    """Write the s3aio product (and the COGs) once; index them in ``root/index.db``."""
    import xarray as xr
    from odc.geo.xr import xr_coords

    from terracube import Datacube
    from terracube.api import eo3_document
    from terracube.index.sqlite import SQLiteIndex

    root.mkdir(parents=True, exist_ok=True)
    index = SQLiteIndex(root / "index.db")
    index.init_db()
    dc = Datacube(index=index)
    grid = gbox()
    if index.products.get_by_name("bench_aio") is None:
        index.products.add_document(product_doc("bench_aio"))
    if index.datasets.count(product="bench_aio") < T:
        t0 = time.perf_counter()
        for first in range(0, T, 8):  # four storage units of eight steps: 400 MB in memory at a time
            steps = range(first, first + 8)
            arrays = [synthetic(i) for i in steps]
            dims = ("time", *grid.dimensions)
            data = xr.Dataset(
                {b: (dims, np.stack([a[b] for a in arrays])) for b in BANDS},
                coords={
                    "time": np.array(TIMES[first : first + 8], dtype="datetime64[ns]"),
                    **xr_coords(grid),
                },
            )
            dc.write(data, "bench_aio", driver="s3aio", location=str(root / "aio"))
        print(f"wrote the s3aio product in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if with_cogs:
        import rasterio

        if index.products.get_by_name("bench_cog") is None:
            index.products.add_document(product_doc("bench_cog"))
        if index.datasets.count(product="bench_cog") < T:
            t0 = time.perf_counter()
            product = index.products.get_by_name("bench_cog")
            for i in range(T):
                arrays = synthetic(i)
                folder = root / "cog" / f"step{i:02d}"
                folder.mkdir(parents=True, exist_ok=True)
                for b in BANDS:
                    profile = {
                        "driver": "COG", "width": N, "height": N, "count": 1, "dtype": "float32", "crs": CRS,
                        "transform": grid.transform, "nodata": float("nan"), "blocksize": 512,
                        "compress": "NONE", "overviews": "NONE",
                    }  # fmt: skip
                    with rasterio.open(folder / f"{b}.tif", "w", **profile) as f:
                        f.write(arrays[b], 1)
                doc = eo3_document(
                    product, grid, TIMES[i], {b: {"path": f"{b}.tif"} for b in BANDS}, fmt="GeoTIFF"
                )
                index.datasets.add(index.datasets.from_doc(doc, uri=(folder / "odc-metadata.yaml").as_uri()))
            print(f"wrote the COGs in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    index.close()


def timed(fn: Any, repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        out = None
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def bench_loads(root: Path, product: str, repeat: int) -> dict[str, float]:
    import dask

    from terracube import Datacube
    from terracube.index.sqlite import SQLiteIndex

    out = {}
    with SQLiteIndex(root / "index.db") as index:
        dc = Datacube(index=index)
        dc.load(product, like=gbox()[:64, :64], time=TIMES[0].date().isoformat())  # imports, GDAL, PROJ
        secs, ds = timed(lambda: dc.load(product), repeat)
        assert ds.sizes == {"time": T, "y": N, "x": N}, ds.sizes
        want = synthetic(T - 1)["nir"]
        np.testing.assert_array_equal(ds.nir.values[-1], want)
        del ds
        out["eager"] = secs

        def lazy() -> Any:
            ds = dc.load(product, dask_chunks={"time": 1, "x": N, "y": N})
            with dask.config.set(scheduler="threads", num_workers=os.cpu_count()):
                return ds.compute()

        secs, ds = timed(lazy, repeat)
        np.testing.assert_array_equal(ds.red.values[0], synthetic(0)["red"])
        del ds
        out["dask"] = secs
    return out


def graph_docs(n: int) -> list[dict[str, Any]]:
    """``n`` eo3 documents of s3aio datasets: a 10 x 10 grid of tiles over ``n / 100`` dates."""
    from terracube.api import eo3_document
    from terracube.model import Product, eo3_metadata_type

    product = Product.from_doc(product_doc("graph"), eo3_metadata_type())
    base = gbox()[:512, :512]
    docs = []
    for i in range(n):
        t, tile = divmod(i, 100)
        g = base.translate_pix(512 * (tile % 10), 512 * (tile // 10))
        header = {
            "format": "terracube-chunked-array", "version": 1, "name": "b", "shape": [1, 512, 512],
            "chunks": [1, 512, 512], "dtype": "<f4", "order": "C", "codec": {"name": "raw", "level": 0},
            "fill_value": "NaN", "dims": ["time", "y", "x"], "coords": [None, None, None],
            "key_scheme": "{name}/c/{index}",
        }  # fmt: skip
        driver_data = {
            b: {"bucket": f"unit-{i:05d}", "array": b, "header": {**header, "name": b}} for b in BANDS
        }
        doc = eo3_document(
            product, g, TIMES[0] + dt.timedelta(days=t), {b: {"path": b} for b in BANDS}, fmt="aio",
            id=uuid.UUID(int=i + 1), driver_data=driver_data,
        )  # fmt: skip
        docs.append(doc)
    return docs


def bench_graph(root: Path, n: int, repeat: int) -> dict[str, float]:
    from terracube import Datacube
    from terracube.index.memory import MemoryIndex
    from terracube.index.sqlite import SQLiteIndex

    docs = graph_docs(n)
    out = {}
    folder = Path(tempfile.mkdtemp(dir=root))
    for label, index in (("memory", MemoryIndex()), ("sqlite", SQLiteIndex(folder / "graph.db"))):
        index.init_db()
        index.products.add_document(product_doc("graph"))
        index.datasets.add_batch(
            index.datasets.from_doc(d, uri=(folder / d["label"]).as_uri() + "/") for d in docs
        )
        dc = Datacube(index=index)

        def build(dc: Datacube = dc) -> Any:
            return dc.load("graph", dask_chunks={"time": 1, "x": 2048, "y": 2048})

        secs, ds = timed(build, repeat)
        assert ds.sizes["time"] == n // 100 and ds.red.data.npartitions == (n // 100) * 9, (
            ds.red.data.npartitions
        )
        out[label] = secs
        index.close()
    return out


ODC_SCRIPT = r"""
import json, sys, time, datetime as dt
import numpy as np
import pystac, odc.stac, dask
root, n, t_steps, res, x0, y0, epsg, bands, repeat = json.loads(sys.argv[1])
from odc.geo.geobox import GeoBox
from affine import Affine
extent = GeoBox((n, n), Affine(res, 0, x0, 0, -res, y0), f"EPSG:{epsg}").extent.to_crs("EPSG:4326")
geometry, bbox = extent.json, list(extent.boundingbox)
items = []
for i in range(t_steps):
    when = dt.datetime(2021, 1, 1, 0, 10) + dt.timedelta(days=8 * i)
    item = pystac.Item(
        id=f"step{i:02d}", geometry=geometry, bbox=bbox, datetime=when,
        properties={"proj:epsg": epsg, "proj:shape": [n, n], "proj:transform": [res, 0, x0, 0, -res, y0]},
        stac_extensions=["https://stac-extensions.github.io/projection/v1.1.0/schema.json",
                         "https://stac-extensions.github.io/raster/v1.1.0/schema.json"],
    )
    for b in bands:
        item.add_asset(b, pystac.Asset(href=f"{root}/cog/step{i:02d}/{b}.tif", media_type=pystac.MediaType.COG,
                                       roles=["data"], extra_fields={"raster:bands": [{"data_type": "float32", "nodata": "nan"}]}))
    items.append(item)
out = {}
def best(fn):
    b = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter(); r = fn(); b = min(b, time.perf_counter() - t0); del r
    return b
out["eager"] = best(lambda: odc.stac.load(items, bands=bands, pool=2))
def lazy():
    ds = odc.stac.load(items, bands=bands, chunks={"x": n, "y": n})
    with dask.config.set(scheduler="threads", num_workers=2):
        return ds.compute()
out["dask"] = best(lazy)
ds = odc.stac.load(items[-1:], bands=["nir"])
out["shape"] = list(ds.nir.shape)
out["nir_sum"] = float(ds.nir.values.astype("float64").sum())
out["version"] = odc.stac.__version__
print(json.dumps(out))
"""


def bench_odc(root: Path, python: str, repeat: int) -> dict[str, Any] | None:
    if not Path(python).exists():
        return None
    args = json.dumps([str(root), N, T, RES, X0, Y0, int(CRS.split(":")[1]), list(BANDS), repeat])
    res = subprocess.run([python, "-c", ODC_SCRIPT, args], capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stderr, file=sys.stderr)
        return None
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def mps(seconds: float) -> float:
    return VALUES / seconds / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "terracube-bench-load")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--odc-python", default="/tmp/odcvenv/bin/python")
    ap.add_argument("--skip-cog", action="store_true", help="Only the s3aio loads and the graph.")
    args = ap.parse_args()
    prepare(args.dir, with_cogs=not args.skip_cog)
    rows = []
    aio = bench_loads(args.dir, "bench_aio", args.repeat)
    rows += [("s3aio eager", aio["eager"]), ("s3aio dask", aio["dask"])]
    if not args.skip_cog:
        cog = bench_loads(args.dir, "bench_cog", args.repeat)
        rows += [("COG eager (terracube)", cog["eager"]), ("COG dask (terracube)", cog["dask"])]
        odc = bench_odc(args.dir, args.odc_python, args.repeat)
        if odc is not None:
            assert odc["shape"] == [1, N, N], odc
            assert np.isclose(odc["nir_sum"], synthetic(T - 1)["nir"].astype("float64").sum()), (
                odc
            )  # same pixels
            rows += [(f"COG eager (odc-stac {odc['version']})", odc["eager"]),
                     (f"COG dask (odc-stac {odc['version']})", odc["dask"])]  # fmt: skip
    print(f"load of {T} x {N} x {N} x {len(BANDS)} float32 ({VALUES / 1e6:.0f} Mpx), best of {args.repeat}, "
          f"{os.cpu_count()} cores")  # fmt: skip
    print(f"{'run':40s} {'seconds':>8s} {'Mpx/s':>8s}")
    for name, secs in rows:
        print(f"{name:40s} {secs:8.2f} {mps(secs):8.0f}")
    by = dict(rows)
    if any(k.startswith("COG eager (odc") for k in by):
        odc_e = next(v for k, v in by.items() if k.startswith("COG eager (odc"))
        odc_d = next(v for k, v in by.items() if k.startswith("COG dask (odc"))
        print(f"ratio terracube s3aio / odc-stac COG (throughput): eager {odc_e / aio['eager']:.2f}x, "
              f"dask {odc_d / aio['dask']:.2f}x")  # fmt: skip
        print(f"ratio terracube COG / odc-stac COG (throughput): eager {odc_e / by['COG eager (terracube)']:.2f}x, "
              f"dask {odc_d / by['COG dask (terracube)']:.2f}x")  # fmt: skip
    graph = bench_graph(args.dir, 1000, args.repeat)
    for label, secs in graph.items():
        print(f"lazy graph, 1000 datasets ({label} index) {secs:8.3f} s")


if __name__ == "__main__":
    main()
