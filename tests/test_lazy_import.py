"""`import terracube` and the index layers stay light: no heavy or optional libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("psycopg", "obstore", "dask", "rasterio", "xarray", "sqlalchemy", "zstandard")


def test_import_is_light() -> None:
    code = (
        "import sys, terracube, terracube.model, terracube.index.abstract, terracube.index.sqlite, "
        "terracube.index.memory, terracube.cfg, terracube.drivers, terracube.errors\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
