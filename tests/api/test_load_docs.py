"""The examples in docs/load.md run, in order, in an empty folder: the Python ones, then the commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).parent.parent.parent / "docs" / "load.md"

#: Appended to the page's Python: run its ``$ terracube ...`` lines in the same process.
_RUN_COMMANDS = """
import shlex as _shlex
from click.testing import CliRunner as _Runner
from terracube.cli import cli as _cli
for _command in {commands!r}:
    _result = _Runner().invoke(_cli, _shlex.split(_command)[1:])
    assert _result.exit_code == 0, f"$ {{_command}}\\n{{_result.stdout}}\\n{{_result.stderr}}"
    print(_result.stdout)
"""


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", PAGE.read_text(), re.S)


def test_examples_run(tmp_path: Path) -> None:
    python = _blocks("python")
    commands = [line[2:] for b in _blocks("console") for line in b.splitlines() if line.startswith("$ ")]
    assert len(python) >= 6 and len(commands) >= 2
    assert all(c.startswith("terracube load ") for c in commands)
    script = "\n".join(python) + _RUN_COMMANDS.format(commands=commands)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TERRACUBE_")}
    env["TERRACUBE_DB_URL"] = f"sqlite:///{tmp_path / 'cube' / 'index.db'}"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    printed = out.stdout
    # Some of the results the page states.
    assert "Frozen({'time': 3, 'y': 100, 'x': 100})" in printed
    assert "['band_4', 'nir'] 2" in printed
    assert "3577 60.0" in printed
    assert "Frozen({'time': 3, 'y': 65, 'x': 64})" in printed
    assert "((1, 1, 1), (128, 128), (128, 128))" in printed
    assert "cannot read band 'nir' of dataset" in printed
    assert str(3 * 256 * 256) in printed
    assert "aio red [1, 128, 128]" in printed
    assert printed.count("Wrote ") == len(commands)
    assert (tmp_path / "january.nc").is_file() and (tmp_path / "small.tif").is_file()
