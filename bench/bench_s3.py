"""The S3 array store against zarr-python 3 on its obstore store: same server, same data.

Runs a moto S3 server on a free loopback port (in a child process) and a local-disk root, and
for each array writes it and reads it back with S3LIO and with zarr (both on obstore), then
reports the times and the ratio ours/zarr. Also: the requests a 1/16 window read makes (through
a recording proxy), the local-disk read rate of an uncompressed array, and parallel against
single ranged reads of one large object.

    python bench/bench_s3.py                 # everything (about 2 minutes, ~8 GiB of memory)
    python bench/bench_s3.py --small-only    # the 2048 x 2048 cases and the request counts
    python bench/bench_s3.py --big-on-s3 256 # the large array on moto at 256 MiB instead of 1 GiB

Needs ``pip install 'terracube[bench]'`` (zarr) besides the test extras (moto).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.storage.s3 import S3IO, S3LIO, S3Config
from terracube.storage.testing import MOTO_CREDENTIALS, FaultProxy, moto_server

if TYPE_CHECKING:
    from collections.abc import Callable

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass
class Case:
    label: str
    shape: tuple[int, int]
    chunks: tuple[int, int]
    codec: str  # "raw" or "zstd"
    repeat: int


def make_data(shape: tuple[int, int], codec: str) -> np.ndarray:
    """12-bit reflectance-like values as float32 (compressible) or random floats (raw)."""
    rng = np.random.default_rng(42)
    if codec == "zstd":
        return rng.integers(0, 4096, size=shape, dtype=np.int16).astype(np.float32)
    return rng.random(shape, dtype=np.float32)


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of `repeat` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


# --- the two contenders ---------------------------------------------------------------------------


class Ours:
    name = "terracube S3LIO"

    def __init__(self, config: S3Config) -> None:
        self.io = S3IO(config)
        self.bucket = f"ours-{uuid.uuid4().hex[:12]}"
        self.io.create_bucket(self.bucket)

    def write(self, name: str, data: np.ndarray, chunks: tuple[int, int], codec: str) -> None:
        S3LIO(self.io, codec=codec).put_array_in_s3_mp(self.bucket, name, data, chunks)

    def read(self, name: str, window: Any = ()) -> np.ndarray:
        lio = S3LIO(self.io)
        header = lio.header(self.bucket, name)  # "open": one small GET
        return lio.get_data_unlabeled_mp(self.bucket, name, window, header=header)

    def reading_through(self, config: S3Config) -> Ours:
        """The same bucket, read through another endpoint (a copy of it, or a proxy)."""
        other = object.__new__(Ours)
        other.io, other.bucket = S3IO(config), self.bucket
        return other

    def delete(self, name: str) -> None:
        self.io.delete_created_arrays(self.bucket, [name])

    def close(self) -> None:
        self.io.delete_bucket(self.bucket, force=True)
        self.io.close()


class Zarr:
    name = "zarr-python 3 (ObjectStore on obstore)"

    def __init__(self, config: S3Config) -> None:
        from obstore.store import LocalStore
        from zarr.storage import ObjectStore

        self.io = S3IO(config)
        self.bucket = f"zarr-{uuid.uuid4().hex[:12]}"
        self.io.create_bucket(self.bucket)
        if config.root is not None:
            store = LocalStore(Path(config.root) / self.bucket)
        else:
            store = self._s3_store(config, self.bucket)
        self.store = ObjectStore(store)

    @staticmethod
    def _s3_store(config: S3Config, bucket: str) -> Any:
        from obstore.store import S3Store

        return S3Store(
            bucket,
            endpoint=config.endpoint,
            access_key_id=config.access_key_id,
            secret_access_key=config.secret_access_key,
            region=config.effective_region,
            virtual_hosted_style_request=False,
            client_options={"allow_http": True},
        )

    def reading_through(self, config: S3Config) -> Zarr:
        """The same bucket, read through another S3 endpoint (a copy of it, or a proxy)."""
        from zarr.storage import ObjectStore

        other = object.__new__(Zarr)
        other.io, other.bucket = S3IO(config), self.bucket
        other.store = ObjectStore(self._s3_store(config, self.bucket), read_only=True)
        return other

    def write(self, name: str, data: np.ndarray, chunks: tuple[int, int], codec: str) -> None:
        import zarr
        from zarr.codecs import ZstdCodec

        z = zarr.create_array(
            store=self.store,
            name=name,
            shape=data.shape,
            chunks=chunks,
            dtype=data.dtype,
            compressors=ZstdCodec(level=3) if codec == "zstd" else None,
            fill_value=0,
            overwrite=True,
        )
        z[...] = data

    def read(self, name: str, window: Any = ()) -> np.ndarray:
        import zarr

        z = zarr.open_array(store=self.store, path=name, mode="r")  # "open": the metadata GET
        out: np.ndarray = z[window] if window != () else z[...]
        return out

    def delete(self, name: str) -> None:
        self.io.delete_objects(self.bucket, self.io.list_objects(self.bucket, name + "/"))

    def close(self) -> None:
        self.io.delete_bucket(self.bucket, force=True)
        self.io.close()


# --- the figures ----------------------------------------------------------------------------------


def compare(where: str, ours: Ours, theirs: Zarr, case: Case) -> dict[str, Any]:
    """Best-of-`repeat` write and read times, the two tools taking turns (the machine is shared)."""
    data = make_data(case.shape, case.codec)
    tools = {"ours": ours, "zarr": theirs}
    times: dict[str, list[float]] = {f"{k}_{op}": [] for k in tools for op in ("write", "read")}
    names = {k: f"a{uuid.uuid4().hex[:8]}" for k in tools}
    for attempt in range(case.repeat):
        for key, tool in tools.items():
            if attempt:
                tool.delete(names[key])
            t, _ = best(lambda tool=tool, key=key: tool.write(names[key], data, case.chunks, case.codec), 1)
            times[f"{key}_write"].append(t)
    os.sync()  # written pages on disk: neither read competes with the other's writeback
    for _ in range(case.repeat):
        for key, tool in tools.items():
            t, got = best(lambda tool=tool, key=key: tool.read(names[key]), 1)
            assert np.array_equal(got, data), f"{tool.name} read back different data"
            del got
            times[f"{key}_read"].append(t)
    for key, tool in tools.items():
        tool.delete(names[key])
    row: dict[str, Any] = {"where": where, "case": case.label, "MiB": data.nbytes / MiB}
    row.update({k: min(v) for k, v in times.items()})
    row["write_ratio"] = row["ours_write"] / row["zarr_write"]
    row["read_ratio"] = row["ours_read"] / row["zarr_read"]
    return row


def window_requests(endpoint: str) -> dict[str, Any]:
    """GETs of a 1/16 window (512 x 512 of 2048 x 2048, 256 x 256 chunks), through a proxy."""
    data = make_data((2048, 2048), "raw")
    window = (slice(512, 1024), slice(1024, 1536))
    out: dict[str, Any] = {}
    with FaultProxy(endpoint) as proxy:
        config = S3Config(endpoint=proxy.endpoint, **MOTO_CREDENTIALS)
        for tool in (Ours(config), Zarr(config)):
            tool.write("w", data, (256, 256), "raw")
            proxy.clear()
            got = tool.read("w", window)
            assert np.array_equal(got, data[window])
            gets = [r for r in proxy.records if r.method == "GET"]
            chunk_gets = [r for r in gets if "/w/c/" in r.path]
            out[tool.name] = (len(gets), len(chunk_gets), sum(1 for r in proxy.records if r.method == "HEAD"))
            tool.close()
    return out


def local_read_rate(root: Path, nbytes: int) -> dict[str, float]:
    """GiB/s reading an uncompressed array from local disk (page cache warm), S3LIO and S3AIO."""
    side = int(np.sqrt(nbytes // 4))
    data = make_data((side, side), "raw")
    out = {}
    with S3IO(S3Config.local(root)) as io:
        io.create_bucket("rate")
        lio = S3LIO(io)
        header = lio.put_array_in_s3_mp("rate", "chunked", data, (2048, 2048))
        target = np.empty_like(data)
        t, _ = best(lambda: lio.assemble_array_from_s3("rate", "chunked", header=header, out=target), 3)
        out["S3LIO, 16 MiB chunks"] = data.nbytes / GiB / t
        from terracube.storage.s3 import S3AIO

        aio = S3AIO(io)
        aio.put_array("rate", "single", data)
        t, _ = best(lambda: aio.get_slice_mp("rate", "single", (), data.shape, data.dtype, out=target), 3)
        out["S3AIO, one object"] = data.nbytes / GiB / t
        io.delete_bucket("rate", force=True)
    return out


def ranged_reads(config: S3Config, nbytes: int) -> dict[str, float]:
    """Seconds for one ranged read against parallel 16 MiB parts of one object."""
    with S3IO(config) as io:
        bucket = f"ranges-{uuid.uuid4().hex[:8]}"
        io.create_bucket(bucket)
        payload = np.random.default_rng(1).integers(0, 256, nbytes, dtype=np.uint8)
        io.put_bytes_mpu_mp(bucket, "big", payload)
        t_single, got = best(lambda: io.get_byte_range(bucket, "big", 0, nbytes), 3)
        assert got.nbytes == nbytes
        t_mp, got = best(lambda: io.get_byte_range_mp(bucket, "big", 0, nbytes), 3)
        assert np.array_equal(got, payload)
        io.delete_bucket(bucket, force=True)
    return {"get_byte_range": t_single, "get_byte_range_mp": t_mp}


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'where':<8} {'case':<34} {'MiB':>6} {'write ours':>10} {'zarr':>7} {'ratio':>6}   {'read ours':>9} {'zarr':>7} {'ratio':>6}"
    )
    for r in rows:
        print(
            f"{r['where']:<8} {r['case']:<34} {r['MiB']:>6.0f} {r['ours_write']:>9.3f}s {r['zarr_write']:>6.3f}s "
            f"{r['write_ratio']:>6.2f}   {r['ours_read']:>8.3f}s {r['zarr_read']:>6.3f}s {r['read_ratio']:>6.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-only", action="store_true", help="skip the 1 GiB and 256 MiB cases")
    parser.add_argument("--big-on-s3", type=int, default=1024, help="MiB of the large array on moto (1024)")
    args = parser.parse_args()

    small = [
        Case("2048x2048 f4, 256x256 chunks, raw", (2048, 2048), (256, 256), "raw", 7),
        Case("2048x2048 f4, 256x256 chunks, zstd", (2048, 2048), (256, 256), "zstd", 7),
    ]
    big_side = 16384
    big_local = Case(
        "16384x16384 f4 (1 GiB), 2048² chunks, raw", (big_side, big_side), (2048, 2048), "raw", 3
    )
    s3_side = int(np.sqrt(args.big_on_s3 * MiB // 4))
    big_s3 = Case(
        f"{s3_side}x{s3_side} f4 ({args.big_on_s3} MiB), 2048² chunks, raw",
        (s3_side, s3_side),
        (2048, 2048),
        "raw",
        3,
    )
    rows = []
    root = Path(tempfile.mkdtemp(prefix="tc-bench-s3-"))
    try:
        with moto_server() as endpoint:
            s3 = S3Config(endpoint=endpoint, **MOTO_CREDENTIALS)
            local = S3Config.local(root / "disk")
            for where, config in (("local", local), ("moto", s3)):
                ours, theirs = Ours(config), Zarr(config)
                cases = small if args.small_only else [*small, big_local if where == "local" else big_s3]
                for case in cases:
                    rows.append(compare(where, ours, theirs, case))
                    print_table(rows[-1:])
                ours.close()
                theirs.close()
            print("\nAll:")
            print_table(rows)
            print("\n1/16 window of 2048 x 2048 (256 x 256 chunks): (GETs, chunk GETs, HEADs)")
            for tool, counts in window_requests(endpoint).items():
                print(f"  {tool:<40} {counts}")
            if not args.small_only:
                print("\nLocal disk, uncompressed 1 GiB, page cache warm:")
                for what, rate in local_read_rate(root / "rate", GiB).items():
                    print(f"  {what:<24} {rate:.2f} GiB/s")
                for where, config in (("moto", s3), ("local disk", S3Config.local(root / "ranges"))):
                    print(f"\n256 MiB object on {where}, 16 MiB parts:")
                    times = ranged_reads(config, 256 * MiB)
                    for what, t in times.items():
                        print(f"  {what:<20} {t:.3f} s  ({256 / t:.0f} MiB/s)")
                    print(f"  speed-up {times['get_byte_range'] / times['get_byte_range_mp']:.2f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
