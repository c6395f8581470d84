"""The examples in docs/odc-code.md run, in order, in an empty folder: an ODC notebook with only its imports changed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).parent.parent.parent / "docs" / "odc-code.md"


def test_examples_run(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(), re.S)
    assert len(blocks) == 2
    notebook = blocks[1]
    # Only the import lines name terracube.
    assert all(
        line.startswith(("import terracube", "from terracube"))
        for line in notebook.splitlines()
        if "terracube" in line
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TERRACUBE_", "AWS_"))}
    out = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    printed = out.stdout
    assert "Surface reflectance with a pixel-quality band" in printed
    assert "3 Shape2d(x=100, y=100) 32755 30.0" in printed
    assert "cloud_confidence" in printed and "Saturated" in printed
    assert re.search(r"0\.\d\d of the pixels are clear", printed)
    assert (tmp_path / "ndvi.tif").is_file()
    assert printed.count("2021-01-") == 2
