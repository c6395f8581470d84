"""The examples in docs/stac.md run: the console ones against a temporary index, then the Python ones."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from click.testing import CliRunner

from terracube.cli import cli
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    import pytest

PAGE = Path(__file__).parent.parent.parent / "docs" / "stac.md"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", PAGE.read_text(), re.S)


def test_console_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in [v for v in os.environ if v.startswith("TERRACUBE_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{tmp_path / 'index.db'}")
    (tmp_path / "ls8.yaml").write_text(yaml.safe_dump(product_doc("ls8")))
    for n in range(3):
        folder = tmp_path / "datasets" / f"d{n}"
        folder.mkdir(parents=True)
        doc = dataset_doc("ls8", id=uuid.UUID(int=n + 1), time=f"2020-0{n + 1}-01T00:00:00Z")
        (folder / "ds.odc-metadata.yaml").write_text(yaml.safe_dump(doc))
    commands = [line[2:] for b in _blocks("console") for line in b.splitlines() if line.startswith("$ ")]
    assert len(commands) >= 5
    runner = CliRunner()
    for command in commands:
        result = runner.invoke(cli, shlex.split(command)[1:])
        assert result.exit_code == 0, f"$ {command}\n{result.stdout}\n{result.stderr}"
    assert "invalid_files:    0" in runner.invoke(cli, ["stac", "export", "again", "--validate"]).stdout
    assert len(list((tmp_path / "catalog" / "items").iterdir())) == 3


def test_python_examples_run(tmp_path: Path) -> None:
    script = "\n".join(_blocks("python"))
    assert script
    env = {k: v for k, v in os.environ.items() if not k.startswith("TERRACUBE_")}
    env["TERRACUBE_DB_URL"] = f"sqlite:///{tmp_path / 'default.db'}"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[:2] == ["2 1", "2"]
    assert "s3://bucket/ard/red.tif" in out.stdout
    assert out.stdout.splitlines()[-2:] == [
        "7220070d-b213-5f3d-ab43-5e74f5242ffd sentinel_2_l2a",
        "S2B_55HFA_20210501_0_L2A ['red'] ['thumbnail']",
    ]
