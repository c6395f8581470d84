"""``Datacube.find_datasets`` on a PostGIS and a SQLite index side by side: a few hundred hits.

Usage::

    python bench/bench_postgis.py -n 100000 --db tc_bench           # build the PostGIS index once
    python bench/bench_index.py -n 100000 --db /tmp/tc-bench.db     # and the SQLite one
    python bench/bench_find.py --pg tc_bench --sqlite /tmp/tc-bench.db -r 100
    python bench/bench_find.py --pg tc_bench --profile               # where the time goes

The query: product + two years + a 6 x 6 degree box on the edge of the benchmark grid, so
that it finds 364-552 datasets (median 458) at 100,000. The two indexes run the same
queries in turn, so both see the same load; wall time (``perf_counter``) and this process's
CPU time (``process_time``) are reported per query: median and 90th percentile; with a local
server, the mean CPU time of the database's server processes per query too. A second pass
reads each dataset's ``center_time`` as well (as a load does), so documents decoded only when
first read are counted there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import T0

SERVER = "postgresql://postgres@127.0.0.1:5432"


def query(i: int) -> dict[str, Any]:
    """The i-th query: two years from a start in the first month, a 6-degree box at the grid's edge."""
    r = random.Random(i)
    t0 = T0 + dt.timedelta(days=r.randint(0, 30))
    lon0 = r.uniform(103.0, 104.0)
    lat0 = r.uniform(-40.7, -40.3)
    return {
        "product": "bench",
        "time": (t0, t0 + dt.timedelta(days=730)),
        "lon": (lon0, lon0 + 6.0),
        "lat": (lat0, lat0 + 6.0),
    }


def _stats(ms: list[float]) -> dict[str, float]:
    q = statistics.quantiles(ms, n=10)
    return {"median": round(statistics.median(ms), 2), "p90": round(q[-1], 2)}


def _server_cpu_ms(server: str, db: str) -> float | None:
    """CPU time the database's server processes used so far (a local server whose /proc we can read)."""
    import psycopg

    with psycopg.connect(f"{server}/{db}", autocommit=True) as c:
        pids = [r[0] for r in c.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (db,))]
    ticks = 0
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    except OSError:
        return None
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", default="tc_bench", help="PostGIS database name")
    ap.add_argument("--server", default=SERVER)
    ap.add_argument("--sqlite", default=None, help="SQLite index file to compare with")
    ap.add_argument("-r", "--repeats", type=int, default=100)
    ap.add_argument("--profile", action="store_true", help="cProfile the PostGIS searches")
    args = ap.parse_args()

    from terracube import Datacube
    from terracube.index.postgis import PostgisIndex

    cubes = {"postgis": Datacube(index=PostgisIndex(f"{args.server}/{args.pg}"))}
    if args.sqlite:
        from terracube.index.sqlite import SQLiteIndex

        cubes["sqlite"] = Datacube(index=SQLiteIndex(args.sqlite))
    for dc in cubes.values():  # warm up: catalog, connections, caches
        for i in range(5):
            dc.find_datasets(**query(i))

    if args.profile:
        import cProfile
        import pstats

        dc = cubes["postgis"]
        prof = cProfile.Profile()
        prof.enable()
        for i in range(args.repeats):
            dc.find_datasets(**query(i))
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
        return

    server0 = _server_cpu_ms(args.server, args.pg)
    wall: dict[str, list[float]] = {k: [] for k in cubes}
    cpu: dict[str, list[float]] = {k: [] for k in cubes}
    read_cpu: dict[str, list[float]] = {k: [] for k in cubes}
    hits = []
    load0 = os.getloadavg()
    for i in range(args.repeats):
        q = query(i)
        for name, dc in cubes.items():
            c, t = time.process_time(), time.perf_counter()
            n = len(dc.find_datasets(**q))
            wall[name].append((time.perf_counter() - t) * 1000)
            cpu[name].append((time.process_time() - c) * 1000)
            if name == "postgis":
                hits.append(n)
        for name, dc in cubes.items():  # the same search, then every document read (a load reads them)
            c = time.process_time()
            for ds in dc.find_datasets(**q):
                ds.center_time  # noqa: B018
            read_cpu[name].append((time.process_time() - c) * 1000)
    server1 = _server_cpu_ms(args.server, args.pg)
    result: dict[str, object] = {
        "queries": args.repeats,
        "hits_median": statistics.median(hits),
        "hits_range": [min(hits), max(hits)],
        "load_before": [round(x, 2) for x in load0],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    for name in cubes:
        result[f"{name}_wall_ms"] = _stats(wall[name])
        result[f"{name}_cpu_ms"] = _stats(cpu[name])
        result[f"{name}_cpu_ms_reading_docs"] = _stats(read_cpu[name])
    if server0 is not None and server1 is not None:  # clock ticks: a mean, not a median
        result["postgis_server_cpu_ms_mean"] = round((server1 - server0) / (2 * args.repeats), 2)
    if "sqlite" in cubes:
        result["ratio_wall_median"] = round(
            statistics.median(wall["postgis"]) / statistics.median(wall["sqlite"]), 2
        )
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
