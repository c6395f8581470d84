"""The command-line examples in docs/cli.md run, in order, against a temporary index."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from click.testing import CliRunner

from terracube.cli import cli

if TYPE_CHECKING:
    import pytest

PAGE = Path(__file__).parent.parent.parent / "docs" / "cli.md"


def _commands() -> list[str]:
    blocks = re.findall(r"```console\n(.*?)```", PAGE.read_text(), re.S)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def test_page_has_examples() -> None:
    commands = _commands()
    assert len(commands) >= 15
    assert all(c.startswith("terracube ") for c in commands)
    assert commands[0].startswith("terracube quickstart")


def test_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{tmp_path / 'index.db'}")
    runner = CliRunner()
    for command in _commands():
        result = runner.invoke(cli, shlex.split(command)[1:])
        assert result.exit_code == 0, f"$ {command}\n{result.stdout}\n{result.stderr}"
        assert result.stdout, f"$ {command} printed nothing"
