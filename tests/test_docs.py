"""The Python examples in the docs run, in order, against a temporary index."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
# Pages whose examples need nothing but a temporary directory.
RUNNABLE = ["index.md", "storage.md", "../README.md"]


@pytest.mark.parametrize("page", RUNNABLE)
def test_examples_run(page: str, tmp_path: Path) -> None:
    text = (DOCS / page).read_text()
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "class Test" not in b]
    assert blocks, f"{page} has no Python examples"
    script = "\n".join(blocks).replace("/tmp/terracube-docs.db", str(tmp_path / "docs.db"))
    env = {**os.environ, "TERRACUBE_DB_URL": f"sqlite:///{tmp_path / 'default.db'}"}
    env.pop("TERRACUBE_CONFIG_PATH", None)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert out.returncode == 0, out.stderr
