"""PostGIS index benchmark: bulk add, product+time+bbox search, count, lookup by id, field searches.

Usage::

    python bench/bench_postgis.py -n 1000000 --db tc_bench_1m            # creates the database if needed
    python bench/bench_postgis.py -n 1000000 --db tc_bench_1m --plans    # queries and plans only

The database is reused when it already holds the datasets, so queries can be re-timed without
re-adding. Prints one JSON object of figures and the EXPLAIN (ANALYZE, BUFFERS) plans.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import STEP, T0, docs, product_doc, tile_doc

SERVER = "postgresql://postgres@127.0.0.1:5432"


def _median_ms(fn, repeats: int) -> tuple[float, object]:
    out = None
    times = []
    for i in range(repeats):
        t = time.perf_counter()
        out = fn(i)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def query(i: int, steps: int) -> dict[str, object]:
    """The i-th product + time + bbox query: ~100 datasets at 1M (the same as bench_index.py)."""
    r = random.Random(i)
    step = r.randint(0, max(0, steps - 18))
    t0 = T0 + step * STEP
    lon0 = r.choice([108.0, 114.0, 120.0, 126.0, 132.0, 138.0, 144.0, 150.0]) + 0.2
    lat0 = r.uniform(-36.0, -20.0)
    return {
        "product": "bench",
        "time": (t0, t0 + 17 * STEP - dt.timedelta(seconds=1)),
        "lon": (lon0, lon0 + 1.2),
        "lat": (lat0, lat0 + 1.2),
    }


def explain(index, sql: str, params) -> list[str]:
    rows = index._db.run("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params).fetchall()
    return [r[0] for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--db", default="tc_bench")
    ap.add_argument("--server", default=SERVER)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--plans", action="store_true", help="only time the queries")
    args = ap.parse_args()

    import psycopg

    with psycopg.connect(f"{args.server}/postgres", autocommit=True) as c:
        if c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (args.db,)).fetchone() is None:
            c.execute(f'CREATE DATABASE "{args.db}"')

    from terracube.index.postgis import PostgisIndex

    index = PostgisIndex(f"{args.server}/{args.db}")
    index.init_db()
    if index.products.get_by_name("bench") is None:
        index.products.add_document(product_doc())
    have = index.datasets.count(product="bench", archived=None)
    result: dict[str, object] = {"driver": "postgis", "datasets": args.n}
    if have < args.n and not args.plans:
        todo = args.n - have
        secs = 0.0
        chunk = 50_000
        done = 0
        while done < todo:
            k = min(chunk, todo - done)
            batch = list(docs(k, start=have + done))  # parsed documents, as after reading files
            t = time.perf_counter()
            index.datasets.add_batch(
                (index.datasets.from_doc(d, uri=f"file:///bench/{d['id']}.yaml") for d in batch),
                batch_size=args.batch,
            )
            secs += time.perf_counter() - t
            done += k
            print(f"added {have + done}: {done / secs:.0f}/s", file=sys.stderr)
        result["add_per_s"] = round(todo / secs)
        extra = [index.datasets.from_doc(d) for d in docs(20_000, start=args.n + 10_000_000)]
        t = time.perf_counter()
        index.datasets.add_batch(extra, batch_size=args.batch)
        result["add_validated_per_s"] = round(len(extra) / (time.perf_counter() - t))
        index.datasets.purge([d.id for d in extra], allow_delete_active=True)
        index._db.run("VACUUM ANALYZE dataset")
        index._db.run("VACUUM ANALYZE spatial_4326")

    steps = args.n // 1000
    sizes = []

    def search(i: int) -> int:
        n = len(index.datasets.search(**query(i, steps), fetch_all=True))
        sizes.append(n)
        return n

    result["search_first_pass_ms"], _ = _median_ms(search, 100)
    sizes.clear()
    result["search_median_ms"], _ = _median_ms(search, 100)
    result["search_median_results"] = statistics.median(sizes)
    result["count_median_ms"], _ = _median_ms(lambda i: index.datasets.count(**query(i, steps)), 100)
    rng = random.Random(7)
    ids = [tile_doc(rng.randrange(args.n))["id"] for _ in range(2000)]
    result["get_median_us"] = round(
        _median_ms(lambda i: index.datasets.get_unsafe(ids[i]), 2000)[0] * 1000, 1
    )
    result["region_code_search_ms"], n_rc = _median_ms(
        lambda i: len(
            index.datasets.search(product="bench", region_code=f"{i % 40:02d}{i % 25:02d}", fetch_all=True)
        ),
        10,
    )
    result["region_code_results"] = n_rc
    result["cloud_cover_count_ms"], n_cc = _median_ms(
        lambda i: index.datasets.count(product="bench", cloud_cover=(i, i + 0.5)), 10
    )
    result["cloud_cover_results"] = n_cc
    t = time.perf_counter()
    it = iter(index.datasets.search(product="bench"))
    next(it)
    result["first_of_all_ms"] = round((time.perf_counter() - t) * 1000, 2)
    it.close()  # type: ignore[attr-defined]

    ds = index.datasets
    cat = index._catalog()

    def plan(q: dict[str, object], what: str = "select") -> list[str]:
        pq = ds._plan(q)[0]
        w, params = ds._where(pq, cat, False)
        cols = "count(*)" if what == "count" else "d.id, d.doc"
        return explain(index, f"SELECT {cols} FROM dataset d WHERE {w}", params)

    result["plan_search"] = plan(query(1, steps))
    result["plan_count"] = plan(query(1, steps), "count")
    result["plan_region_code"] = plan({"product": "bench", "region_code": "0101"})
    result["plan_instrument"] = plan({"product": "bench", "instrument": "TM"})
    result["plan_cloud_cover"] = plan({"product": "bench", "cloud_cover": (10, 10.5)})
    result["plan_time_only"] = plan({"product": "bench", "time": ("2000-01-01", "2000-01-20")})
    result["plan_get"] = explain(index, "SELECT d.doc FROM dataset d WHERE d.id = %s", (ids[0],))
    # Every indexed field of eo3, searched for a value: which scan each plan starts with.
    from terracube.index.postgis._sql import indexed_fields

    values = {"string": "nowhere", "numeric": 42.5}
    fields = dict(index.products.get_by_name_unsafe("bench").metadata_type.search_fields)
    result["plan_fields"] = {
        f.name: [
            line.strip()
            for line in plan({"product": "bench", f.name: values[f.value_type]})
            if "Scan" in line or "Execution" in line
        ]
        for f in indexed_fields(fields)
        if f.name != "platform"  # the product fixes it: no dataset condition is left
    }
    (size,) = index._db.one("SELECT pg_database_size(current_database())")
    result["db_bytes"] = size
    index.close()
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
