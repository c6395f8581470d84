"""Reading eo3 YAML documents: terracube's plain reader against PyYAML (and other readers if installed).

Usage::

    python bench/bench_yaml.py            # CPU microseconds per document, best of 7 passes

Documents: 200 of ``bench/_eo3_docs.py`` written as eo-datasets writes them (``eo3_yaml``), and
one larger ODC-shaped document (the one in ``tests/model/test_yaml.py``: a 4,6 KB Landsat ARD
layout). Readers: PyYAML's C loader as terracube configures it (timestamps kept as text), the
plain reader, orjson on the same documents as JSON (a floor), and, when installed, the YAML 1.2
readers ``yaml_rs``, ``ryaml`` and ``yaml12`` (py-yaml12), for speed only: they do not read
documents as PyYAML does (``yes``, ``010``, ``1e3``, timestamps), so terracube cannot use them.
Times are CPU time (``time.process_time``), less disturbed than wall time on a shared machine.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "model"))

import orjson
import yaml
from _eo3_docs import eo3_yaml, tile_doc

from terracube.model._yaml import document_loader, plain_documents


def per_doc(fn, texts, passes: int = 7) -> float:
    """Best CPU microseconds per text."""
    for t in texts[:5]:
        fn(t)
    best = float("inf")
    for _ in range(passes):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - t0)
    return round(best / len(texts) * 1e6, 1)


def main() -> None:
    from test_yaml import EO3

    loader = document_loader()
    sets = {
        "bench eo3 (1.0 KB)": [eo3_yaml(tile_doc(i)) for i in range(200)],
        "ODC-shaped eo3 (4.6 KB)": [EO3] * 50,
    }
    out: dict[str, object] = {"load_before": round(os.getloadavg()[0], 1)}
    for name, texts in sets.items():
        docs = [yaml.load(t, Loader=loader) for t in texts]
        assert all(plain_documents(t) == [d] for t, d in zip(texts, docs, strict=True) if d == d)
        js = [json.dumps(d).replace("NaN", "0") for d in docs]  # JSON has no NaN
        row = {
            "pyyaml_c": per_doc(lambda t: list(yaml.load_all(t, Loader=loader)), texts[:50], 3),
            "plain": per_doc(plain_documents, texts),
            "orjson_same_doc": per_doc(orjson.loads, js),
        }
        for mod, fn in (("yaml_rs", "loads"), ("ryaml", "loads"), ("yaml12", "parse_yaml")):
            try:
                f = getattr(importlib.import_module(mod), fn)
            except ImportError:
                continue
            row[mod] = per_doc(f, texts)
        row["pyyaml_over_plain"] = round(row["pyyaml_c"] / row["plain"], 1)
        out[name] = row
        print(name, row, file=sys.stderr)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
