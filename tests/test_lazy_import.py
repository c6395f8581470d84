"""`import terracube` and the index layers stay light: no heavy or optional libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

HEAVY = ("psycopg", "obstore", "dask", "rasterio", "xarray", "sqlalchemy", "zstandard")


def test_import_is_light() -> None:
    code = (
        "import sys, terracube, terracube.model, terracube.index.abstract, terracube.index.sqlite, "
        "terracube.index.memory, terracube.cfg, terracube.drivers, terracube.errors\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_dataset_search_on_sqlite_loads_only_what_it_needs(tmp_path: Path) -> None:
    # Start-up of a search: only the sqlite driver, no numpy, no schema validation library.
    env = {**os.environ, "TERRACUBE_DB_URL": f"sqlite:///{tmp_path / 'index.db'}"}
    main = "from terracube.cli import main; main()"
    subprocess.run([sys.executable, "-c", main, "system", "init"], env=env, capture_output=True, check=True)
    code = (
        "import sys\n"
        "from terracube.cli import main\n"
        "try:\n    main(['dataset', 'search'])\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "found = [m for m in ('numpy', 'jsonschema', 'terracube.index.memory', 'terracube.index.postgis')"
        " if m in sys.modules]\n"
        "print('LOADED', ','.join(found))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LOADED"
