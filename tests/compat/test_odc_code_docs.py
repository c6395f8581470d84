"""The examples in docs/odc-code.md run, in order, in an empty folder: ODC notebooks with only their imports changed.

The page's ``py`` block is the lab's helper module (``lab_tools.py``), written next to them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).parent.parent.parent / "docs" / "odc-code.md"


def test_examples_run(tmp_path: Path) -> None:
    text = PAGE.read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 3
    (helper,) = re.findall(r"```py\n(.*?)```", text, re.S)
    assert "import datacube" in helper and "terracube" not in helper  # written for ODC, unchanged
    (tmp_path / "lab_tools.py").write_text(helper)
    # Only the import lines name terracube.
    for notebook in blocks[1:]:
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
    # the older notebook: its helper's find_datasets(**load query), write_geotiff, like= time range
    assert "output_crs EPSG:32755 - wrote mean_ndvi.tif" in printed
    assert "True True" in printed
    assert (tmp_path / "mean_ndvi.tif").is_file()
