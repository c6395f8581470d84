"""The S3 array store over a network that behaves like one: a shaping proxy in front of a read server.

Everything is written through a moto S3 server (buckets, multipart uploads, user metadata, as
on S3), then copied into an :class:`~terracube.storage.testing.ObjectServer` and read from it
through a :class:`~terracube.storage.testing.ShapedProxy` that gives every connection a
round-trip time and a bandwidth (20 ms and 50 MiB/s by default, as an object store across a
network).

Why not read from moto itself: moto answers over HTTP/1.0 and closes every connection after one
answer (its werkzeug server says ``Connection: close`` under HTTP/1.1 too), so each request pays
a new connection's handshake round trip; and it serves a ranged GET by copying the whole
object under a lock, so parallel ranges of one large object run one after another. S3 does
neither. The ObjectServer serves GET and HEAD with ranges over kept-alive HTTP/1.1, one thread
per connection, with the bytes and the headers (``ETag``, ``Last-Modified``, ``x-amz-meta-*``,
where terracube keeps its checksum record) moto gave; it checks no signature. The proxy counts
the connections each figure opened.

Measures, reading through the proxy (medians of ``--repeat`` runs, the contenders taking turns,
the load average beside each run):

* ``get_byte_range`` (one request) against ``get_byte_range_mp`` (parallel parts) of one
  256 MiB object;
* S3LIO against zarr-python 3 on obstore reading a 2048 x 2048 float32 array in 256 x 256
  chunks (the same data);
* ``Datacube.load`` of 16 time steps (one s3aio storage unit of ``--load-size`` pixels square,
  two float32 bands, written by ``Datacube.write``), against the time the bandwidth allows for
  the connections the read may use in parallel.

    python bench/bench_s3_network.py
    python bench/bench_s3_network.py --rtt 0.05 --bandwidth 25 --object-mib 128
    python bench/bench_s3_network.py --part-mib 8 --workers 32   # try other store settings

Prints one JSON object. Needs the test extras (moto) and zarr.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from bench_s3 import Case, Ours, Zarr, make_data

from terracube.storage.s3 import S3IO, S3Config
from terracube.storage.testing import MOTO_CREDENTIALS, ObjectServer, ShapedProxy, moto_server

MiB = 1024 * 1024
STEPS = 16


def _load() -> float:
    return round(os.getloadavg()[0], 1)


def _summary(runs: dict[str, list[float]]) -> dict[str, Any]:
    out: dict[str, Any] = {f"{k}_s": round(statistics.median(v), 3) for k, v in runs.items()}
    out |= {f"runs_{k}": [round(x, 3) for x in v] for k, v in runs.items()}
    return out


def ranged(
    direct: S3Config, shaped: S3Config, server: ObjectServer, proxy: ShapedProxy, nbytes: int, repeat: int
) -> dict[str, Any]:
    """One ranged GET against parallel parts, of one object, through the proxy."""
    bucket = f"ranges-{uuid.uuid4().hex[:8]}"
    payload = np.random.default_rng(1).integers(0, 256, nbytes, dtype=np.uint8)
    with S3IO(direct) as io:
        io.create_bucket(bucket)
        io.put_bytes_mpu_mp(bucket, "big", payload)
        server.copy_bucket(io, bucket)
        io.delete_bucket(bucket, force=True)
    runs: dict[str, list[float]] = {"single": [], "mp": [], "mp_again": []}
    loads, connections = [], proxy.connections
    with S3IO(shaped) as io:
        for _ in range(repeat):  # taking turns
            t = time.perf_counter()
            got = io.get_byte_range(bucket, "big", 0, nbytes)
            runs["single"].append(time.perf_counter() - t)
            assert got.nbytes == nbytes
            t = time.perf_counter()
            got = io.get_byte_range_mp(bucket, "big", 0, nbytes)
            runs["mp"].append(time.perf_counter() - t)
            assert np.array_equal(got, payload)
            del got
            # Once more straight away: the first burst after its connections idled costs more
            # (kernel time on this machine), the second shows the reads alone.
            t = time.perf_counter()
            io.get_byte_range_mp(bucket, "big", 0, nbytes)
            runs["mp_again"].append(time.perf_counter() - t)
            loads.append(_load())
    single, mp = statistics.median(runs["single"]), statistics.median(runs["mp"])
    return {
        "object_mib": nbytes // MiB,
        **_summary(runs),
        "speedup": round(single / mp, 2),
        "speedup_again": round(single / statistics.median(runs["mp_again"]), 2),
        "single_mib_s": round(nbytes / MiB / single, 1),
        "mp_mib_s": round(nbytes / MiB / mp, 1),
        "connections": proxy.connections - connections,
        "load": loads,
    }


def arrays(
    direct: S3Config, shaped: S3Config, server: ObjectServer, proxy: ShapedProxy, repeat: int
) -> dict[str, Any]:
    """S3LIO against zarr on obstore, a 2048² float32 array in 256² chunks, through the proxy."""
    case = Case("2048x2048 f4, 256x256 chunks, raw", (2048, 2048), (256, 256), "raw", repeat)
    data = make_data(case.shape, case.codec)
    writers = Ours(direct), Zarr(direct)
    try:
        for w in writers:
            w.write("a", data, case.chunks, case.codec)
            server.copy_bucket(w.io, w.bucket)
        ours, zarr = (w.reading_through(shaped) for w in writers)
        runs: dict[str, list[float]] = {"ours": [], "zarr": []}
        conns: dict[str, int] = {"ours": 0, "zarr": 0}
        loads = []
        for _ in range(repeat):
            for name, tool in (("ours", ours), ("zarr", zarr)):
                c, t = proxy.connections, time.perf_counter()
                got = tool.read("a")
                runs[name].append(time.perf_counter() - t)
                conns[name] += proxy.connections - c
                assert np.array_equal(got, data)
            loads.append(_load())
        ours.io.close()
        zarr.io.close()
    finally:
        for w in writers:
            w.close()
    o, z = statistics.median(runs["ours"]), statistics.median(runs["zarr"])
    return {
        "case": case.label,
        **_summary(runs),
        "ratio": round(o / z, 2),
        "connections": conns,
        "requests_per_read": 1 + (2048 // 256) ** 2,
        "load": loads,
    }


def load(
    direct: S3Config, shaped: S3Config, server: ObjectServer, proxy: ShapedProxy, size: int, repeat: int
) -> dict[str, Any]:
    """``Datacube.load`` of 16 time steps of one s3aio unit, through the proxy."""
    import xarray as xr
    from affine import Affine
    from odc.geo.geobox import GeoBox
    from odc.geo.xr import xr_coords

    from terracube import Datacube
    from terracube.api._load import READ_THREADS
    from terracube.index.sqlite import SQLiteIndex
    from terracube.storage.s3aio._location import IO_THREADS

    bands = ("red", "nir")
    grid = GeoBox((size, size), Affine(10.0, 0, 500000.0, 0, -10.0, 7000000.0), "EPSG:32755")
    times = [dt.datetime(2021, 1, 1) + dt.timedelta(days=8 * i) for i in range(STEPS)]
    rng = np.random.default_rng(7)
    values = {b: rng.random((STEPS, size, size), dtype=np.float32) for b in bands}
    data = xr.Dataset(
        {b: (("time", *grid.dimensions), v) for b, v in values.items()},
        coords={"time": np.array(times, dtype="datetime64[ns]"), **xr_coords(grid)},
    )
    bucket = f"load-{uuid.uuid4().hex[:8]}"
    # The s3aio driver takes credentials from the environment, never from documents.
    os.environ.setdefault("AWS_ACCESS_KEY_ID", MOTO_CREDENTIALS["access_key_id"])
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", MOTO_CREDENTIALS["secret_access_key"])
    os.environ.setdefault("AWS_DEFAULT_REGION", MOTO_CREDENTIALS["region"])
    with tempfile.TemporaryDirectory() as tmp, S3IO(direct) as io:
        io.create_bucket(bucket)
        with SQLiteIndex(Path(tmp) / "index.db") as index:
            index.init_db()
            index.products.add_document(
                {
                    "name": "netbench",
                    "description": "16 steps read through a shaped network",
                    "metadata_type": "eo3",
                    "metadata": {"product": {"name": "netbench"}},
                    "measurements": [
                        {"name": b, "dtype": "float32", "nodata": "NaN", "units": "1"} for b in bands
                    ],
                }
            )
            writer = Datacube(index=index, storage_options={"s3_endpoint": direct.endpoint or ""})
            writer.write(data, "netbench", driver="s3aio", location=f"s3://{bucket}/cube")
            server.copy_bucket(io, bucket)
            io.delete_bucket(bucket, force=True)
            reader = Datacube(index=index, storage_options={"s3_endpoint": shaped.endpoint or ""})
            # Imports and the first headers out of the timing: one step of one band, a corner.
            reader.load("netbench", measurements=["red"], like=grid[:64, :64], time=str(times[0].date()))
            runs: dict[str, list[float]] = {"load": []}
            loads, conns = [], []
            for _ in range(repeat):
                c, t = proxy.connections, time.perf_counter()
                got = reader.load("netbench")
                runs["load"].append(time.perf_counter() - t)
                conns.append(proxy.connections - c)
                for b in bands:
                    np.testing.assert_array_equal(got[b].values, values[b])
                del got
                loads.append(_load())
    nbytes = sum(v.nbytes for v in values.values())
    rate = proxy.bandwidth or float("inf")
    # What the bandwidth allows: every byte once, over as many connections as reads may run at once.
    parallel = min(READ_THREADS, IO_THREADS)
    limit = nbytes / rate / parallel + 2 * proxy.rtt
    median = statistics.median(runs["load"])
    return {
        "steps": STEPS,
        "pixels": f"{size}x{size}",
        "bands": len(bands),
        "mib": round(nbytes / MiB, 1),
        **_summary(runs),
        "mib_s": round(nbytes / MiB / median, 1),
        "parallel_reads": parallel,
        "bandwidth_limit_s": round(limit, 3),
        "times_the_limit": round(median / limit, 2),
        "connections": conns,
        "load": loads,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtt", type=float, default=0.020, help="round trip in seconds (0.020)")
    ap.add_argument("--bandwidth", type=float, default=50, help="MiB/s per connection (50)")
    ap.add_argument("--object-mib", type=int, default=256)
    ap.add_argument("--load-size", type=int, default=1024, help="pixels square of each load step (1024)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--part-mib", type=float, help="S3Config.part_size in MiB (the default)")
    ap.add_argument("--workers", type=int, help="S3Config.max_workers (the default)")
    ap.add_argument("--skip", nargs="*", default=[], choices=["ranged", "arrays", "load"])
    args = ap.parse_args()
    tuning: dict[str, int] = {}
    if args.part_mib:
        tuning["part_size"] = int(args.part_mib * MiB)
    if args.workers:
        tuning["max_workers"] = args.workers
    result: dict[str, Any] = {
        "rtt_s": args.rtt,
        "bandwidth_mib_s": args.bandwidth,
        "cpus": os.cpu_count(),
        "load_before": _load(),
    }
    with (
        moto_server() as endpoint,
        ObjectServer() as server,
        ShapedProxy(("127.0.0.1", server.port), rtt=args.rtt, bandwidth=args.bandwidth * MiB) as proxy,
    ):
        direct = S3Config(endpoint=endpoint, **MOTO_CREDENTIALS)
        shaped = dataclasses.replace(S3Config(endpoint=proxy.endpoint, **MOTO_CREDENTIALS), **tuning)
        result["store"] = {"part_mib": shaped.part_size / MiB, "max_workers": shaped.max_workers}
        assert urlsplit(shaped.endpoint or "").port == proxy.port
        figures = {
            "ranged": lambda: ranged(direct, shaped, server, proxy, args.object_mib * MiB, args.repeat),
            "arrays": lambda: arrays(direct, shaped, server, proxy, args.repeat),
            "load": lambda: load(direct, shaped, server, proxy, args.load_size, args.repeat),
        }
        for name, run in figures.items():
            if name not in args.skip:
                result[name] = run()
                print(json.dumps({name: result[name]}), file=sys.stderr)
        result["connections"] = proxy.connections
        result["requests"] = server.requests
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
