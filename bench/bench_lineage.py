"""Lineage benchmark: fetch a source tree 5 levels deep with ~10,000 nodes.

Usage::

    python bench/bench_lineage.py --driver sqlite
    python bench/bench_lineage.py --driver memory
    python bench/bench_lineage.py --driver postgis      # a new database, dropped afterwards

A tree of ``--fanout`` 6 and ``--depth`` 5 has 9,331 nodes. It is stored among 20 unrelated
trees of depth 4; the median of 20 fetches is reported for the source tree (from the root),
and for the derived tree of one of its deepest leaves (depth 5, a chain).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from terracube.model import LineageRelation


def build(fanout: int, depth: int) -> tuple[uuid.UUID, list[LineageRelation]]:
    root = uuid.uuid4()
    rels = []
    level = [root]
    for _ in range(depth):
        nxt = []
        for d in level:
            for _ in range(fanout):
                s = uuid.uuid4()
                rels.append(LineageRelation("src", s, d))
                nxt.append(s)
        level = nxt
    return root, rels


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", choices=["sqlite", "memory", "postgis"], default="sqlite")
    ap.add_argument("--server", default="postgresql://postgres@127.0.0.1:5432")
    ap.add_argument("--fanout", type=int, default=6)
    ap.add_argument("--depth", type=int, default=5)
    args = ap.parse_args()
    dbname = None
    if args.driver == "sqlite":
        from terracube.index.sqlite import SQLiteIndex

        index = SQLiteIndex(Path(tempfile.mkdtemp()) / "lineage.db")
    elif args.driver == "postgis":
        import psycopg

        from terracube.index.postgis import PostgisIndex

        dbname = f"tc_bench_lineage_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        index = PostgisIndex(f"{args.server}/{dbname}")
    else:
        from terracube.index.memory import MemoryIndex

        index = MemoryIndex()
    try:
        run(index, args)
    finally:
        index.close()
        if dbname is not None:
            import psycopg

            with psycopg.connect(f"{args.server}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def run(index, args) -> None:
    index.init_db()
    root, rels = build(args.fanout, args.depth)
    # Unrelated relations around it, so the tree is found among many.
    for _ in range(20):
        index.lineage._add_batch(build(args.fanout, 4)[1])
    t = time.perf_counter()
    index.lineage._add_batch(rels)
    add_s = time.perf_counter() - t
    times = []
    for _ in range(20):
        t = time.perf_counter()
        tree = index.lineage.get_source_tree(root)
        times.append((time.perf_counter() - t) * 1000)
    nodes = len(tree.child_datasets()) + 1
    leaf = rels[-1].source_id
    up = []
    for _ in range(20):
        t = time.perf_counter()
        derived = index.lineage.get_derived_tree(leaf)
        up.append((time.perf_counter() - t) * 1000)
    assert len(derived.child_datasets()) == args.depth
    print(
        json.dumps(
            {
                "driver": args.driver,
                "nodes": nodes,
                "depth": args.depth,
                "relations_stored": len(rels) + 20 * sum(args.fanout**k for k in range(1, 5)),
                "get_source_tree_median_ms": round(statistics.median(times), 2),
                "get_source_tree_max_ms": round(max(times), 2),
                "get_derived_tree_of_a_leaf_median_ms": round(statistics.median(up), 2),
                "add_relations_per_s": round(len(rels) / add_s),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
