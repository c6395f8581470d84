"""Clone benchmark: ``AbstractIndex.clone`` from a SQLite index into a new PostGIS database.

Usage::

    python bench/bench_clone.py -n 1000000
    python bench/bench_clone.py -n 200000 --source /tmp/tc-bench-clone-src.db --batch-size 5000

The SQLite source (``--source``) is built with ``n`` benchmark datasets if it does not hold
them already, and kept for the next run. The destination is a new database on the server
(``--server``), initialised and dropped afterwards (``--keep`` keeps it). This is the code
``terracube system clone SRC DST`` runs, less its progress bar. Every tenth dataset has a
lineage relation; 1% are archived. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import docs, product_doc

SERVER = "postgresql://postgres@127.0.0.1:5432"


def _source(path: Path, n: int) -> tuple[object, float | None]:
    """The SQLite source with ``n`` datasets, built if needed; seconds spent building it."""
    from terracube.index.sqlite import SQLiteIndex
    from terracube.model import LineageRelation

    index = SQLiteIndex(path)
    index.init_db()
    if index.products.get_by_name("bench") is not None and index.datasets.count(archived=None) == n:
        return index, None
    if index.datasets.count(archived=None):
        raise SystemExit(f"{path} holds another set of datasets; remove it or give another --source")
    t = time.perf_counter()
    index.products.add_document(product_doc())
    index.datasets.add_batch(
        (index.datasets.from_doc(d, uri=f"file:///data/bench/{d['label']}/ds.yaml") for d in docs(n)),
        batch_size=10_000,
    )
    ids = [uuid.UUID(d["id"]) for d in docs(n)]
    index.datasets.archive(ids[::100])
    index.lineage._add_batch(LineageRelation("level1", ids[i - 1], ids[i]) for i in range(9, n, 10))
    return index, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--source", type=Path, default=Path("/tmp/tc-bench-clone-src.db"))
    ap.add_argument("--server", default=SERVER)
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--keep", action="store_true", help="keep the destination database")
    ap.add_argument("--rerun", action="store_true", help="also time a second clone (all skipped)")
    args = ap.parse_args()

    import psycopg

    from terracube.index.postgis import PostgisIndex

    src, build_s = _source(args.source, args.n)
    name = f"tc_bench_clone_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{args.server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        dst = PostgisIndex(f"{args.server}/{name}")
        dst.init_db(with_default_types=False)
        t = time.perf_counter()
        counts = dst.clone(src, batch_size=args.batch_size)
        s = time.perf_counter() - t
        out: dict[str, object] = {
            "datasets": args.n,
            "source_built_s": None if build_s is None else round(build_s, 1),
            "batch_size": args.batch_size,
            "clone_s": round(s, 1),
            "datasets_per_s": round(counts["datasets"].completed / s),
            "counts": {kind: st.completed for kind, st in counts.items()},
            "destination_count": dst.datasets.count(archived=None),
            "destination_archived": dst.datasets.count(archived=True),
        }
        if args.rerun:
            t = time.perf_counter()
            again = dst.clone(src, batch_size=args.batch_size)
            out["rerun_s"] = round(time.perf_counter() - t, 1)
            out["rerun_skipped"] = again["datasets"].skipped
        dst.close()
        print(json.dumps(out, indent=2))
    finally:
        if not args.keep:
            with psycopg.connect(f"{args.server}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
