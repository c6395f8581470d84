"""docs/moving-from-odc.md: its Python and command-line examples run against ODC's test database."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from terracube.cli import cli

PAGE = Path(__file__).parents[3] / "docs" / "moving-from-odc.md"
PLACEHOLDER = "postgresql://odc@dbhost:5432/datacube"

pytestmark = pytest.mark.usefixtures("odc_drivers")


def test_python_examples_run(odc_dbs: dict[str, str], tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(), re.S)
    assert blocks
    script = "\n".join(blocks).replace(PLACEHOLDER, odc_dbs["postgres"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TERRACUBE_", "ODC_", "DATACUBE_"))}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert out.returncode == 0, out.stderr
    assert "an ODC index of ODC's postgres driver (schema 'agdc')" in out.stdout


def test_commands_run_and_print_what_the_page_shows(odc_dbs: dict[str, str], clean_env: Path) -> None:
    url = odc_dbs["postgres"]
    host_db = url.split("@", 1)[1]
    host, db = host_db.split("/", 1)
    (clean_env / ".datacube.conf").write_text(
        f"[default]\ndb_hostname: {host.split(':')[0]}\ndb_port: {host.split(':')[1]}\n"
        f"db_database: {db}\ndb_username: postgres\n"
    )
    text = PAGE.read_text()
    commands = [
        line[2:]
        for block in re.findall(r"```console\n(.*?)```", text, re.S)
        for line in block.splitlines()
        if line.startswith("$ ")
    ]
    assert len(commands) >= 3
    outputs = []
    for command in commands:
        result = CliRunner().invoke(cli, shlex.split(command.replace(PLACEHOLDER, url))[1:])
        assert result.exit_code == 0, f"$ {command}\n{result.stdout}\n{result.stderr}"
        outputs.append(result.stderr)
    note = outputs[0].splitlines()[0]
    assert note.startswith("Using ODC configuration file ") and note.endswith(
        "(there is no terracube configuration)."
    )
    shown = re.search(r"^Cloned: .*? add it", text, re.M)
    assert shown is not None
    assert outputs[1].strip().splitlines()[-1].startswith(shown.group(0))
