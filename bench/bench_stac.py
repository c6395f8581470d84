"""STAC benchmark: export an index as a STAC catalog, and import the catalog into another index.

Usage::

    python bench/bench_stac.py -n 100000
    python bench/bench_stac.py -n 100000 --dir /tmp/tc-bench-stac   # keep and reuse the source index

Measures, each as items per second:

* ``export``: ``export_stac`` from a SQLite index (read, Item built, one JSON file per Item),
  and ``export_ndjson`` the same writing one ``items.ndjson`` per product;
* ``convert``: every Item read back (from the files, and from the ndjson) and turned into an
  eo3 document, without an index;
* ``import``: ``import_stac`` of the ndjson catalog into an empty SQLite index (read, convert,
  validate against the product, add in batches of 1,000 with lineage); ``--import-files``
  also imports the one-file-per-Item catalog.

* ``import_foreign`` (``--foreign N``): ``import_stac`` of N Items in Earth Search v1's shape
  (``tests/stac/catalog_items.py``: a non-UUID id, a hyphenated collection, 28 bands on three
  grids, no ``proj:geometry``) from one ``.ndjson`` into an empty SQLite index: the dataset
  id derived from each Item id, its footprint brought into the native CRS.

Every tenth dataset is derived from the one before (a ``derived_from`` link and lineage). The
import is checked on a sample: documents and locations equal the source's. Prints one JSON
object.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "stac"))

from _eo3_docs import docs, product_doc


def _source(path: Path, n: int) -> tuple[object, float | None]:
    """The source index at ``path`` with ``n`` datasets (built if missing); seconds to build it."""
    from terracube.index.sqlite import SQLiteIndex

    index = SQLiteIndex(path)
    index.init_db()
    if index.products.get_by_name("bench") is not None and index.datasets.count(archived=None) == n:
        return index, None
    if index.products.get_by_name("bench") is None:
        index.products.add_document(product_doc())

    def documents():
        prev = None
        for i, d in enumerate(docs(n)):
            if i % 10 == 9 and prev is not None:
                d["lineage"] = {"source_ids": {"level1": [prev]}}
            prev = d["id"]
            yield index.datasets.from_doc(d, uri=f"file:///data/bench/{d['label']}/dataset.odc-metadata.yaml")

    t = time.perf_counter()
    index.datasets.add_batch(documents(), batch_size=10_000)
    return index, time.perf_counter() - t


def _foreign(work: Path, n: int) -> dict[str, object]:
    """Import ``n`` Items in Earth Search v1's shape, one a day on one tile, from an ndjson file."""
    import datetime as dt

    import orjson
    from catalog_items import earth_search_v1

    from terracube.index.sqlite import SQLiteIndex
    from terracube.stac import import_stac

    template = earth_search_v1()
    path = work / "earth-search.ndjson"
    t0 = dt.datetime(2017, 1, 1, tzinfo=dt.UTC)
    with open(path, "wb") as f:
        for i in range(n):
            day = t0 + dt.timedelta(hours=6 * i)
            item = dict(template, id=f"S2B_55HFA_{day:%Y%m%d%H}_0_L2A")
            item["properties"] = dict(template["properties"], datetime=day.isoformat().replace("+00:00", "Z"))
            f.write(orjson.dumps(item, option=orjson.OPT_APPEND_NEWLINE))
    dst_path = work / "dst-foreign.db"
    dst_path.unlink(missing_ok=True)
    dst = SQLiteIndex(dst_path)
    dst.init_db()
    t = time.perf_counter()
    result = import_stac(dst, [path])
    s = time.perf_counter() - t
    dst.close()
    return {
        "import_foreign_added": result.added,
        "import_foreign_s": round(s, 1),
        "import_foreign_items_per_s": round(result.added / s),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--dir", type=Path, default=None, help="work folder (kept); default: a temporary one")
    ap.add_argument("--import-files", action="store_true", help="also import the one-file-per-Item catalog")
    ap.add_argument("--foreign", type=int, default=0, metavar="N", help="also import N Earth Search v1 Items")
    args = ap.parse_args()

    from terracube.index._shared import gc_paused
    from terracube.index.sqlite import SQLiteIndex
    from terracube.stac import export_stac, import_stac, item_to_eo3, read_stac

    work = args.dir or Path(tempfile.mkdtemp(prefix="tc-bench-stac-"))
    work.mkdir(parents=True, exist_ok=True)
    src, build_s = _source(work / "src.db", args.n)
    catalog = work / "catalog"
    shutil.rmtree(catalog, ignore_errors=True)
    out: dict[str, object] = {
        "datasets": args.n,
        "source_built_s": None if build_s is None else round(build_s, 1),
    }

    t = time.perf_counter()
    summary = export_stac(src, catalog)
    s = time.perf_counter() - t
    out["export_items"] = summary.items
    out["export_s"] = round(s, 1)
    out["export_items_per_s"] = round(summary.items / s)

    lines = work / "catalog-ndjson"
    shutil.rmtree(lines, ignore_errors=True)
    t = time.perf_counter()
    summary = export_stac(src, lines, ndjson=True)
    s = time.perf_counter() - t
    out["export_ndjson_s"] = round(s, 1)
    out["export_ndjson_items_per_s"] = round(summary.items / s)

    for name, where in (("files", catalog / "items"), ("ndjson", lines)):
        t = time.perf_counter()
        with gc_paused():  # as import_stac reads
            converted = sum(
                1 for _, obj in read_stac([where]) if obj["type"] == "Feature" and item_to_eo3(obj)
            )
        s = time.perf_counter() - t
        out[f"convert_{name}_items_per_s"] = round(converted / s)

    for name, where in (("ndjson", lines), ("files", catalog))[: 2 if args.import_files else 1]:
        dst_path = work / f"dst-{name}.db"
        dst_path.unlink(missing_ok=True)
        dst = SQLiteIndex(dst_path)
        dst.init_db()
        t = time.perf_counter()
        result = import_stac(dst, [where / "catalog.json"])
        s = time.perf_counter() - t
        out[f"import_{name}_added"] = result.added
        out[f"import_{name}_s"] = round(s, 1)
        out[f"import_{name}_items_per_s"] = round(result.added / s)
    out["lineage_relations_imported"] = sum(1 for _ in dst.lineage.get_all_lineage())

    if args.foreign:
        out.update(_foreign(work, args.foreign))

    sample = random.Random(1).sample(range(args.n), min(1000, args.n))
    ids = [uuid.UUID(d["id"]) for i, d in enumerate(docs(args.n)) if i in set(sample)]
    before = {d.id: (d.metadata_doc, d.uri) for d in src.datasets.bulk_get(ids)}
    after = {d.id: (d.metadata_doc, d.uri) for d in dst.datasets.bulk_get(ids)}
    out["sample_identical"] = len(before) == len(ids) and before == after
    print(json.dumps(out, indent=2))
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
