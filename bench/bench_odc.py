"""The same index benchmark on ODC (``pip install datacube``), its postgis driver, same PostgreSQL.

Runs in a separate Python 3.12 virtual environment with datacube installed::

    python3.12 -m venv /tmp/odc-venv && /tmp/odc-venv/bin/pip install 'datacube[postgres]'
    /tmp/odc-venv/bin/python bench/bench_odc.py -n 1000000 --db odc_bench_1m

Adds the documents of ``bench/_eo3_docs.py`` with ODC's bulk path (``datasets.bulk_add``, what
its ``clone`` uses) and times ``datasets.add`` (one by one, the usual ingestion path) on a
sample; then times the queries of ``bench_postgis.py``. Prints one JSON object.
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
    """The i-th product + time + bbox query (as bench_postgis.py builds it)."""
    r = random.Random(i)
    step = r.randint(0, max(0, steps - 18))
    t0 = T0 + step * STEP
    lon0 = r.choice([108.0, 114.0, 120.0, 126.0, 132.0, 138.0, 144.0, 150.0]) + 0.2
    lat0 = r.uniform(-36.0, -20.0)
    from datacube.model import Range

    return {
        "product": "bench",
        "time": Range(t0, t0 + 17 * STEP - dt.timedelta(seconds=1)),
        "lon": Range(lon0, lon0 + 1.2),
        "lat": Range(lat0, lat0 + 1.2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--db", default="odc_bench")
    ap.add_argument("--server", default=SERVER)
    ap.add_argument("--one-by-one", type=int, default=2000, help="datasets timed through datasets.add")
    args = ap.parse_args()

    import psycopg2

    c = psycopg2.connect(f"{args.server}/postgres")
    c.autocommit = True
    cur = c.cursor()
    cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (args.db,))
    if cur.fetchone() is None:
        cur.execute(f'CREATE DATABASE "{args.db}"')
    c.close()

    os.environ["ODC_DEFAULT_DB_URL"] = f"{args.server}/{args.db}".replace(
        "postgresql://", "postgresql+psycopg2://"
    )
    os.environ["ODC_DEFAULT_INDEX_DRIVER"] = "postgis"
    from datacube.index import index_connect
    from datacube.index.abstract import DatasetTuple
    from datacube.index.eo3 import prep_eo3
    from datacube.index.hl import Doc2Dataset
    from datacube.model import Range

    index = index_connect(application_name="bench", validate_connection=False)
    # datacube 1.9.22 sets up its roles with PostgreSQL 16 syntax (GRANT ... WITH ADMIN TRUE),
    # which PostgreSQL 15 refuses: initialise without them.
    index.init_db(with_permissions=False)
    if index.products.get_by_name("bench") is None:
        index.products.add_document(product_doc())
    product = index.products.get_by_name("bench")
    have = index.datasets.count(product="bench")
    result: dict[str, object] = {"driver": "odc postgis", "datasets": args.n}
    if have < args.n:
        todo = args.n - have
        secs = 0.0
        chunk = 50_000
        done = 0
        while done < todo:
            k = min(chunk, todo - done)
            batch = list(docs(k, start=have + done))
            t = time.perf_counter()
            st = index.datasets.bulk_add(
                (DatasetTuple(product, prep_eo3(d), f"file:///bench/{d['id']}.yaml") for d in batch),
                batch_size=5000,
            )
            secs += time.perf_counter() - t
            done += k
            print(f"added {have + done}: {done / secs:.0f}/s ({st.completed} new)", file=sys.stderr)
        result["bulk_add_per_s"] = round(todo / secs)
        # The usual ingestion path: resolve each document, add it on its own.
        resolver = Doc2Dataset(index, products=["bench"], skip_lineage=True)
        sample = list(docs(args.one_by_one, start=args.n + 10_000_000))
        t = time.perf_counter()
        for d in sample:
            ds, err = resolver(d, f"file:///bench/{d['id']}.yaml")
            assert err is None, err
            index.datasets.add(ds)
        result["add_one_by_one_per_s"] = round(len(sample) / (time.perf_counter() - t))
        index.datasets.archive([d["id"] for d in sample])
        index.datasets.purge([d["id"] for d in sample])

    steps = args.n // 1000
    sizes = []

    def search(i: int) -> int:
        n = len(list(index.datasets.search(**query(i, steps))))
        sizes.append(n)
        return n

    result["search_first_pass_ms"], _ = _median_ms(search, 100)
    sizes.clear()
    result["search_median_ms"], _ = _median_ms(search, 100)
    result["search_median_results"] = statistics.median(sizes)
    result["count_median_ms"], _ = _median_ms(lambda i: index.datasets.count(**query(i, steps)), 100)
    rng = random.Random(7)
    ids = [tile_doc(rng.randrange(args.n))["id"] for _ in range(2000)]
    result["get_median_us"] = round(_median_ms(lambda i: index.datasets.get(ids[i]), 2000)[0] * 1000, 1)
    result["region_code_search_ms"], n_rc = _median_ms(
        lambda i: len(list(index.datasets.search(product="bench", region_code=f"{i % 40:02d}{i % 25:02d}"))),
        10,
    )
    result["region_code_results"] = n_rc
    try:
        result["cloud_cover_count_ms"], n_cc = _median_ms(
            lambda i: index.datasets.count(product="bench", cloud_cover=Range(i, i + 0.5)), 10
        )
        result["cloud_cover_results"] = n_cc
    except Exception as e:  # datacube 1.9.22 with SQLAlchemy 2.1 fails here
        result["cloud_cover_count_ms"] = f"error: {type(e).__name__}: {e}"
    t = time.perf_counter()
    next(iter(index.datasets.search(product="bench")))
    result["first_of_all_ms"] = round((time.perf_counter() - t) * 1000, 2)
    index.close()
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
