"""``import terracube.drivers`` and ``terracube.cfg`` must stay light (no heavy optional libraries)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("psycopg", "sqlalchemy", "obstore", "dask", "distributed", "rasterio", "xarray")


@pytest.mark.parametrize("module", ["terracube.drivers", "terracube.cfg"])
def test_import_pulls_in_nothing_heavy(module: str) -> None:
    code = (
        f"import sys, json, {module}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{HEAVY!r} or m.startswith(('terracube.index', 'terracube.storage', 'yaml', 'platformdirs')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
