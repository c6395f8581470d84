"""Index benchmark: bulk add, product+time+bbox search, count and lookup by id at scale.

Usage::

    python bench/bench_index.py --driver sqlite -n 1000000 --db /tmp/tc-bench.db
    python bench/bench_index.py --driver memory -n 100000

The SQLite file is reused when it already holds the datasets, so the queries can be re-timed
without re-adding. Prints one JSON object of figures (and the query plans for SQLite).
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


def _median_ms(fn, repeats: int) -> tuple[float, object]:
    out = None
    times = []
    for i in range(repeats):
        t = time.perf_counter()
        out = fn(i)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", choices=["sqlite", "memory"], default="sqlite")
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/terracube-bench.db")
    ap.add_argument("--batch", type=int, default=5000)
    args = ap.parse_args()

    if args.driver == "sqlite":
        from terracube.index.sqlite import SQLiteIndex

        index = SQLiteIndex(args.db)
    else:
        from terracube.index.memory import MemoryIndex

        index = MemoryIndex()
    index.init_db()
    if index.products.get_by_name("bench") is None:
        index.products.add_document(product_doc())
    have = index.datasets.count(product="bench", archived=None)
    result: dict[str, object] = {"driver": args.driver, "datasets": args.n}
    if have < args.n:
        todo = args.n - have
        secs = 0.0
        chunk = 50_000
        done = 0
        while done < todo:
            k = min(chunk, todo - done)
            batch = list(docs(k, start=have + done))  # parsed documents, as after reading files
            t = time.perf_counter()
            index.datasets.add_batch((index.datasets.from_doc(d) for d in batch), batch_size=args.batch)
            secs += time.perf_counter() - t
            done += k
            print(f"added {have + done}", file=sys.stderr)
        result["add_per_s"] = round(todo / secs)
        # Insert alone, documents already validated:
        extra = [index.datasets.from_doc(d) for d in docs(20_000, start=args.n + 10_000_000)]
        t = time.perf_counter()
        index.datasets.add_batch(extra, batch_size=args.batch)
        result["add_validated_per_s"] = round(len(extra) / (time.perf_counter() - t))
        index.datasets.purge([d.id for d in extra], allow_delete_active=True)
        if args.driver == "sqlite":
            index._conn().execute("ANALYZE")

    steps = args.n // 1000
    rng = random.Random(7)

    def query(i: int) -> dict[str, object]:
        r = random.Random(i)
        step = r.randint(0, max(0, steps - 26))
        t0 = T0 + step * STEP
        lon0 = r.choice([108.0, 114.0, 120.0, 126.0, 132.0, 138.0, 144.0, 150.0]) + 0.2
        lat0 = r.uniform(-36.0, -20.0)
        return {
            "product": "bench",
            "time": (t0, t0 + 17 * STEP - dt.timedelta(seconds=1)),
            "lon": (lon0, lon0 + 1.2),
            "lat": (lat0, lat0 + 1.2),
        }

    sizes = []

    def search(i: int) -> int:
        n = len(index.datasets.search(**query(i), fetch_all=True))
        sizes.append(n)
        return n

    # First pass: pages not yet in the database's cache; second pass: the same queries again.
    result["search_cold_median_ms"], _ = _median_ms(search, 100)
    result["search_median_ms"], _ = _median_ms(search, 100)
    result["search_median_results"] = statistics.median(sizes)
    result["count_median_ms"], _ = _median_ms(lambda i: index.datasets.count(**query(i)), 100)
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
    if args.driver == "sqlite":
        from terracube.index.sqlite._sql import where_sql

        plan = index.datasets._plan(query(1))[0]
        cat = index._catalog()
        w = where_sql(plan, cat.product_ids["bench"], cat.type_ids["eo3"], False)
        sql = f"SELECT d.id, d.doc FROM dataset d WHERE {w.sql()}"
        result["plan_search"] = [r[3] for r in index._conn().execute("EXPLAIN QUERY PLAN " + sql, w.params)]
        plan = index.datasets._plan({"product": "bench", "region_code": "0101"})[0]
        w = where_sql(plan, cat.product_ids["bench"], cat.type_ids["eo3"], False)
        sql = f"SELECT d.id, d.doc FROM dataset d WHERE {w.sql()}"
        result["plan_region_code"] = [
            r[3] for r in index._conn().execute("EXPLAIN QUERY PLAN " + sql, w.params)
        ]
        result["plan_get"] = [
            r[3]
            for r in index._conn().execute(
                "EXPLAIN QUERY PLAN SELECT doc FROM dataset d WHERE d.id = ?", (b"x",)
            )
        ]
        result["db_bytes"] = Path(args.db).stat().st_size
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
