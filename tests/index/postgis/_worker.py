"""A separate process writing to a PostGIS index, for the concurrency tests.

``python _worker.py race URL N ORDER BATCH``: validates N datasets, prints ``ready``, waits for a
line on stdin, adds them (in ``forward`` or ``reverse`` order) and prints the outcome as JSON.

``python _worker.py slow URL N BATCH``: adds N datasets in one batch, printing ``chunk`` after
each chunk is written (uncommitted), so the test can kill it midway.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import uuid

from terracube.index.postgis import PostgisIndex
from terracube.index.postgis._datasets import Datasets
from terracube.index.testing import dataset_doc

T0 = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def docs(n: int) -> list[dict[str, object]]:
    """N datasets with fixed ids, one per hour, on a grid of 1-degree boxes."""
    return [
        dataset_doc(
            "ls8",
            id=uuid.UUID(int=i + 1, version=4),
            time=(T0 + dt.timedelta(hours=i)).isoformat(),
            lonlat=(110.0 + i % 40, -40.0 + (i // 40) % 30, 111.0 + i % 40, -39.0 + (i // 40) % 30),
        )
        for i in range(n)
    ]


def main() -> None:
    mode, url, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    index = PostgisIndex(url)
    if mode == "race":
        order, batch = sys.argv[4], int(sys.argv[5])
        datasets = [index.datasets.from_doc(d) for d in docs(n)]
        if order == "reverse":
            datasets.reverse()
        print("ready", flush=True)
        sys.stdin.readline()
        st = index.datasets.add_batch(datasets, batch_size=batch)
        print(json.dumps({"completed": st.completed, "skipped": st.skipped}), flush=True)
    elif mode == "slow":
        batch = int(sys.argv[4])
        insert = Datasets._insert

        def noisy(self: Datasets, chunk: object) -> set[uuid.UUID]:
            out = insert(self, chunk)  # type: ignore[arg-type]
            print("chunk", flush=True)
            return out

        Datasets._insert = noisy  # type: ignore[method-assign]
        index.datasets.add_batch((index.datasets.from_doc(d) for d in docs(n)), batch_size=batch)
        print("done", flush=True)
    index.close()


if __name__ == "__main__":
    main()
