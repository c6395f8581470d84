"""The Python examples of docs/postgis.md run, in order, against a new database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

PAGE = Path(__file__).parents[3] / "docs" / "postgis.md"
DOCS_DB = "127.0.0.1:5432/terracube_docs"


def test_examples_run(pg_url: str, tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(), re.S)
    assert len(blocks) >= 5
    user = f"tc_docs_{uuid.uuid4().hex[:8]}"
    host_db = pg_url.split("@", 1)[1]
    script = (
        "\n".join(blocks)
        .replace(DOCS_DB, host_db)
        .replace('"alice"', repr(user))
        .replace("['alice']", repr([user]))
        .replace('["alice"]', repr([user]))
        .replace("alice:s3cret@", f"{user}:s3cret@")
        .replace("/tmp/terracube-docs-copy.db", str(tmp_path / "copy.db"))
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TERRACUBE_")}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert out.returncode == 0, out.stderr
    assert "refused:" in out.stdout
    assert "CRS('EPSG:3577')" in out.stdout
