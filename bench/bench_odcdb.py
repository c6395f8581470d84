"""Moving from ODC: clone an ODC postgis database, and search it in place, against ODC itself.

The ODC database is built by ODC (datacube 1.9) in its own virtual environment, with the
documents of ``_eo3_docs.py`` added through ``datasets.bulk_add``; this script runs that part
in a subprocess of that environment's Python (``--odc-python``), and the ODC side of the search
comparison too. Then, in this process:

* ``clone``: ``terracube system clone``'s code path (``init_db`` without default types, then
  ``clone`` in batches of ``--batch-size``) from the ODC database, read through the read-only
  ``odc_postgis`` driver, into a new SQLite file and into a new PostGIS database; datasets/s.
* ``search``: the same product + time + box queries (``bench_postgis.py``'s) through the
  read-only driver straight against the ODC database, and through ODC's own
  ``index.datasets.search`` on it, side by side: median milliseconds, same ids.

Usage::

    python3.12 -m venv /work/odcenv && /work/odcenv/bin/pip install "datacube[postgres]==1.9.22" "sqlalchemy<2.1"
    PYTHONPATH=src python bench/bench_odcdb.py -n 100000 --odc-python /work/odcenv/bin/python

The ODC database (``--db``) is kept for the next run (built only if it lacks the datasets);
the clone destinations are removed. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import STEP, T0, docs, product_doc

SERVER = "postgresql://postgres@127.0.0.1:5432"


def query(i: int, steps: int) -> dict[str, object]:
    """The i-th product + time + bbox query (as ``bench_postgis.py`` builds it): plain values."""
    r = random.Random(i)
    step = r.randint(0, max(0, steps - 18))
    t0 = T0 + step * STEP
    lon0 = r.choice([108.0, 114.0, 120.0, 126.0, 132.0, 138.0, 144.0, 150.0]) + 0.2
    lat0 = r.uniform(-36.0, -20.0)
    return {
        "product": "bench",
        "time": (t0.isoformat(), (t0 + 17 * STEP - dt.timedelta(seconds=1)).isoformat()),
        "lon": (lon0, lon0 + 1.2),
        "lat": (lat0, lat0 + 1.2),
    }


# --- the ODC side (run with ODC's Python) ------------------------------------------------------


def _odc_index(url: str):
    from datacube.cfg import ODCConfig
    from datacube.index import index_connect

    cfg = ODCConfig(raw_dict={"bench": {"index_driver": "postgis", "db_url": url}})
    return index_connect(cfg["bench"], application_name="bench", validate_connection=False)


def odc_build(url: str, n: int) -> None:
    """Add ``n`` documents to ODC's postgis index at ``url`` (what is there already counts)."""
    from datacube.index.abstract import DatasetTuple
    from datacube.index.eo3 import prep_eo3

    index = _odc_index(url)
    # datacube 1.9.22 sets up its roles with PostgreSQL 16 syntax, which 15 refuses: none then.
    index.init_db(with_permissions=False)
    if index.products.get_by_name("bench") is None:
        index.products.add_document(product_doc())
    product = index.products.get_by_name("bench")
    have = index.datasets.count(product="bench")
    t = time.perf_counter()
    done = 0
    while have + done < n:
        k = min(20_000, n - have - done)
        batch = list(docs(k, start=have + done))
        index.datasets.bulk_add(
            (DatasetTuple(product, prep_eo3(d), f"file:///bench/{d['id']}.yaml") for d in batch),
            batch_size=5000,
        )
        done += k
        print(f"ODC added {have + done:,} ({done / (time.perf_counter() - t):.0f}/s)", file=sys.stderr)
    index.close()


def odc_search(url: str, n: int, repeats: int) -> None:
    """Time ODC's own search of the benchmark queries; print medians and ids as JSON."""
    from datacube.model import Range

    index = _odc_index(url)
    steps = n // 1000

    def odc_query(i: int) -> dict[str, object]:
        q = query(i, steps)
        t0, t1 = (dt.datetime.fromisoformat(t) for t in q["time"])  # type: ignore[union-attr]
        return {"product": "bench", "time": Range(t0, t1), "lon": Range(*q["lon"]), "lat": Range(*q["lat"])}  # type: ignore[misc]

    list(index.datasets.search(**odc_query(10_000)))  # warm up
    times, ids = [], {}
    for i in range(repeats):
        t = time.perf_counter()
        found = list(index.datasets.search(**odc_query(i)))
        times.append((time.perf_counter() - t) * 1000)
        ids[i] = sorted(str(d.id) for d in found)
    index.close()
    print(json.dumps({"median_ms": statistics.median(times), "ids": ids}))


# --- the terracube side ----------------------------------------------------------------------------


def _db(server: str, name: str, *, drop: bool = False, create: bool = False) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        if drop:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create and c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            c.execute(f'CREATE DATABASE "{name}"')


def _server_cpu(server: str, dbname: str) -> float | None:
    """CPU seconds used so far by the server processes connected to ``dbname`` (same machine only)."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        pids = [r[0] for r in c.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (dbname,))]
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # another machine, or gone
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _clone(src_url: str, dst: object, batch_size: int) -> dict[str, object]:
    from terracube.index.odcdb import OdcPostgisIndex

    src = OdcPostgisIndex(src_url)
    load = os.getloadavg()[0]
    t, cpu = time.perf_counter(), time.process_time()
    dst.init_db(with_default_types=False)  # type: ignore[attr-defined]
    counts = dst.clone(src, batch_size=batch_size)  # type: ignore[attr-defined]
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    server, src_db = src_url.rsplit("/", 1)
    servers = {"source_server_cpu_s": _server_cpu(server, src_db)}
    dst_url = getattr(dst, "_db_url", None)
    if dst_url:
        servers["destination_server_cpu_s"] = _server_cpu(server, dst_url.rsplit("/", 1)[1])
    src.close()
    dst.close()  # type: ignore[attr-defined]
    return {
        "seconds": round(secs, 1),
        "datasets_per_s": round(counts["datasets"].completed / secs),
        "client_cpu_s": round(cpu, 1),
        **{k: None if v is None else round(v, 1) for k, v in servers.items()},
        "load_average": [round(load, 1), round(os.getloadavg()[0], 1)],
        **{kind: st.completed for kind, st in counts.items()},
        "skipped": counts["datasets"].skipped,
        "failed": counts["datasets"].failed,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", nargs="?", default="terracube", choices=["terracube", "odc-build", "odc-search"])
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="the ODC database (default: tc_odcdb_bench_<n>)")
    ap.add_argument("--server", default=SERVER)
    ap.add_argument("--odc-python", default="/work/odcenv/bin/python")
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=50)
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: sqlite, postgis, search")
    args = ap.parse_args()
    db = args.db or f"tc_odcdb_bench_{args.n}"
    url = f"{args.server}/{db}"
    if args.mode == "odc-build":
        odc_build(url, args.n)
        return
    if args.mode == "odc-search":
        odc_search(url, args.n, args.repeats)
        return

    from terracube.index.odcdb import OdcPostgisIndex

    skip = set(filter(None, args.skip.split(",")))
    _db(args.server, db, create=True)
    me = str(Path(__file__).resolve())
    subprocess.run([args.odc_python, me, "odc-build", "-n", str(args.n), "--db", db], check=True)
    result: dict[str, object] = {"odc_database": db, "datasets": args.n, "batch_size": args.batch_size}
    if "sqlite" not in skip:
        from terracube.index.sqlite import SQLiteIndex

        with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR", "/tmp")) as tmp:
            result["clone_into_sqlite"] = _clone(url, SQLiteIndex(Path(tmp) / "clone.db"), args.batch_size)
    if "postgis" not in skip:
        from terracube.index.postgis import PostgisIndex

        dst = f"tc_odcdb_bench_clone_{os.getpid()}"
        _db(args.server, dst, drop=True, create=True)
        try:
            result["clone_into_postgis"] = _clone(url, PostgisIndex(f"{args.server}/{dst}"), args.batch_size)
        finally:
            _db(args.server, dst, drop=True)
    if "search" not in skip:
        odc = json.loads(
            subprocess.run(
                [
                    args.odc_python,
                    me,
                    "odc-search",
                    "-n",
                    str(args.n),
                    "--db",
                    db,
                    "--repeats",
                    str(args.repeats),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        index = OdcPostgisIndex(url)
        steps = args.n // 1000
        list(index.datasets.search(**query(10_000, steps)))  # warm up
        times, sizes, same = [], [], 0
        for i in range(args.repeats):
            t = time.perf_counter()
            found = list(index.datasets.search(**query(i, steps)))
            times.append((time.perf_counter() - t) * 1000)
            sizes.append(len(found))
            same += sorted(str(d.id) for d in found) == odc["ids"][str(i)]
        index.close()
        result["search"] = {
            "load_average": round(os.getloadavg()[0], 1),
            "queries": args.repeats,
            "median_results": statistics.median(sizes),
            "terracube_read_only_median_ms": round(statistics.median(times), 2),
            "odc_median_ms": round(odc["median_ms"], 2),
            "same_ids": f"{same}/{args.repeats}",
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
