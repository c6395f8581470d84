"""The S3 array store over a network that behaves like one: a shaping proxy in front of moto.

A moto S3 server on a loopback port, and :class:`~terracube.storage.testing.ShapedProxy` in
front of it giving every connection a round-trip time and a bandwidth (20 ms and 50 MiB/s by
default, as an object store across a network). Measures, reading through the proxy:

* ``get_byte_range`` (one request) against ``get_byte_range_mp`` (parallel parts) of one
  256 MiB object;
* S3LIO against zarr-python 3 on obstore reading a 2048 x 2048 float32 array in 256 x 256
  chunks (the same data, written through the proxy as well);
* for each, the rate against the bandwidth limit of the connections used.

    python bench/bench_s3_network.py
    python bench/bench_s3_network.py --rtt 0.05 --bandwidth 25 --object-mib 128

Prints one JSON object (medians of ``--repeat`` runs, the tools taking turns, and the load
average). Needs the test extras (moto) and zarr.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from bench_s3 import Case, Ours, Zarr, make_data

from terracube.storage.s3 import S3IO, S3Config
from terracube.storage.testing import MOTO_CREDENTIALS, ShapedProxy, moto_server

MiB = 1024 * 1024


def _median(fn, repeat: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), [round(x, 3) for x in times]


def ranged(direct: S3Config, shaped: S3Config, nbytes: int, repeat: int) -> dict[str, object]:
    """One ranged GET against parallel parts, of one object, through the proxy."""
    bucket = f"ranges-{uuid.uuid4().hex[:8]}"
    payload = np.random.default_rng(1).integers(0, 256, nbytes, dtype=np.uint8)
    with S3IO(direct) as io:
        io.create_bucket(bucket)
        io.put_bytes_mpu_mp(bucket, "big", payload)
    out: dict[str, object] = {"object_mib": nbytes // MiB}
    with S3IO(shaped) as io:
        single, ts = [], []
        mp = []
        for _ in range(repeat):  # taking turns
            t = time.perf_counter()
            got = io.get_byte_range(bucket, "big", 0, nbytes)
            single.append(time.perf_counter() - t)
            assert got.nbytes == nbytes
            t = time.perf_counter()
            got = io.get_byte_range_mp(bucket, "big", 0, nbytes)
            mp.append(time.perf_counter() - t)
            assert np.array_equal(got, payload)
            ts.append(os.getloadavg()[0])
        io.delete_bucket(bucket, force=True)
    out |= {
        "get_byte_range_s": round(statistics.median(single), 3),
        "get_byte_range_mp_s": round(statistics.median(mp), 3),
        "speedup": round(statistics.median(single) / statistics.median(mp), 2),
        "runs_single": [round(x, 3) for x in single],
        "runs_mp": [round(x, 3) for x in mp],
        "load": [round(x, 1) for x in ts],
    }
    return out


def arrays(shaped: S3Config, repeat: int) -> dict[str, object]:
    """S3LIO against zarr on obstore, a 2048² float32 array in 256² chunks, through the proxy."""
    case = Case("2048x2048 f4, 256x256 chunks, raw", (2048, 2048), (256, 256), "raw", repeat)
    data = make_data(case.shape, case.codec)
    ours, zarr = Ours(shaped), Zarr(shaped)
    try:
        ours.write("a", data, case.chunks, case.codec)
        zarr.write("a", data, case.chunks, case.codec)
        t_ours, t_zarr = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            got = ours.read("a")
            t_ours.append(time.perf_counter() - t)
            assert np.array_equal(got, data)
            t = time.perf_counter()
            got = zarr.read("a")
            t_zarr.append(time.perf_counter() - t)
            assert np.array_equal(got, data)
    finally:
        ours.close()
        zarr.close()
    o, z = statistics.median(t_ours), statistics.median(t_zarr)
    return {
        "case": case.label,
        "ours_read_s": round(o, 3),
        "zarr_read_s": round(z, 3),
        "ratio": round(o / z, 2),
        "runs_ours": [round(x, 3) for x in t_ours],
        "runs_zarr": [round(x, 3) for x in t_zarr],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtt", type=float, default=0.020, help="round trip in seconds (0.020)")
    ap.add_argument("--bandwidth", type=float, default=50, help="MiB/s per connection (50)")
    ap.add_argument("--object-mib", type=int, default=256)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", nargs="*", default=[], choices=["ranged", "arrays"])
    args = ap.parse_args()
    result: dict[str, object] = {
        "rtt_s": args.rtt,
        "bandwidth_mib_s": args.bandwidth,
        "cpus": os.cpu_count(),
        "load_before": round(os.getloadavg()[0], 1),
    }
    with moto_server() as endpoint:
        u = urlsplit(endpoint)
        with ShapedProxy(
            (u.hostname or "127.0.0.1", u.port or 80), rtt=args.rtt, bandwidth=args.bandwidth * MiB
        ) as proxy:
            direct = S3Config(endpoint=endpoint, **MOTO_CREDENTIALS)
            shaped = S3Config(endpoint=proxy.endpoint, **MOTO_CREDENTIALS)
            if "ranged" not in args.skip:
                result["ranged"] = ranged(direct, shaped, args.object_mib * MiB, args.repeat)
                print(json.dumps(result["ranged"]), file=sys.stderr)
            if "arrays" not in args.skip:
                result["arrays"] = arrays(shaped, args.repeat)
                print(json.dumps(result["arrays"]), file=sys.stderr)
            result["connections"] = proxy.connections
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
