"""Lineage benchmark: fetch a source tree 5 levels deep with ~10,000 nodes.

Usage::

    python bench/bench_lineage.py --driver sqlite
    python bench/bench_lineage.py --driver memory
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
    ap.add_argument("--driver", choices=["sqlite", "memory"], default="sqlite")
    ap.add_argument("--fanout", type=int, default=6)
    ap.add_argument("--depth", type=int, default=5)
    args = ap.parse_args()
    if args.driver == "sqlite":
        from terracube.index.sqlite import SQLiteIndex

        index = SQLiteIndex(Path(tempfile.mkdtemp()) / "lineage.db")
    else:
        from terracube.index.memory import MemoryIndex

        index = MemoryIndex()
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
    print(
        json.dumps(
            {
                "driver": args.driver,
                "nodes": nodes,
                "depth": args.depth,
                "relations_stored": len(rels) + 20 * sum(args.fanout**k for k in range(1, 5)),
                "get_source_tree_median_ms": round(statistics.median(times), 2),
                "add_relations_per_s": round(len(rels) / add_s),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
