"""Memory index: the cost of one ``datasets.add`` (one transaction each) as the index grows.

Usage::

    python bench/bench_memory_add.py -n 1000 -n 100000

For each size the index is filled in bulk, then ``--adds`` more datasets are added one call at
a time. Prints one JSON object per size: microseconds per single add (median and mean), and
per dataset of the bulk fill for comparison.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import docs, product_doc


def run(n: int, adds: int) -> dict[str, object]:
    from terracube.index.memory import MemoryIndex

    index = MemoryIndex()
    index.init_db()
    index.products.add_document(product_doc())
    filled = [index.datasets.from_doc(d) for d in docs(n)]
    t = time.perf_counter()
    index.datasets.add_batch(filled, batch_size=5000)
    bulk_us = (time.perf_counter() - t) / n * 1e6
    extra = [index.datasets.from_doc(d) for d in docs(adds, start=n + 10_000_000)]
    times = []
    for ds in extra:
        t = time.perf_counter()
        index.datasets.add(ds)
        times.append((time.perf_counter() - t) * 1e6)
    assert index.datasets.count(product="bench") == n + adds
    return {
        "datasets": n,
        "single_add_median_us": round(statistics.median(times), 1),
        "single_add_mean_us": round(statistics.fmean(times), 1),
        "bulk_fill_per_dataset_us": round(bulk_us, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, action="append", help="index sizes (repeatable)")
    ap.add_argument("--adds", type=int, default=300, help="single adds timed per size")
    args = ap.parse_args()
    for n in args.n or [1_000, 100_000]:
        print(json.dumps(run(n, args.adds)))


if __name__ == "__main__":
    main()
