"""Every command against an index it cannot use: one ``Error:`` line, exit status 1, no traceback.

The faults: a PostgreSQL port with nothing on it, a database that does not exist, a file that
is not SQLite, a SQLite path that cannot be created (``/proc``), a SQLite URL into a missing
folder, and a driver whose package is not installed. Read-only commands never create the
SQLite file or its folders.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import uuid
from typing import TYPE_CHECKING

import pytest
import yaml
from click.testing import CliRunner

from terracube.cli import cli
from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import Result

_PG = "postgresql://postgres@127.0.0.1:5432"
_ID = "1067c35d-5ca6-5210-b6a0-f7b9448f1181"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


#: fault -> (URL maker, what the one error line says).
FAULTS: dict[str, tuple[Callable[[Path], str], str]] = {
    "server down": (
        lambda _tmp: f"postgresql://postgres@127.0.0.1:{_free_port()}/cube",
        r"cannot connect to the PostGIS index at postgresql://postgres@127\.0\.0\.1:\d+/cube: .*refused",
    ),
    "no database": (
        lambda _tmp: f"{_PG}/tc_missing_{uuid.uuid4().hex[:12]}",
        r"cannot connect to the PostGIS index at .*/tc_missing_\w+: .*database \"tc_missing_\w+\" does not "
        r"exist; create it",
    ),
    "not sqlite": (
        lambda tmp: f"sqlite:///{_not_sqlite(tmp)}",
        r"cannot open the SQLite index at '.*/notes\.db': file is not a database",
    ),
    "unwritable path": (
        lambda _tmp: "sqlite:////proc/terracube-test.db",
        r"SQLite index at '/proc/terracube-test\.db'",
    ),
    "missing folder": (
        lambda tmp: f"sqlite:///{tmp}/nowhere/a/b.db",
        r"SQLite index at '.*/nowhere/a/b\.db'.*the folder '.*/nowhere/a' does not exist",
    ),
    "missing package": (
        lambda _tmp: f"{_PG}/postgres",
        r"needs the package 'psycopg', which is not installed: pip install 'terracube\[postgis\]'",
    ),
}


def _not_sqlite(tmp: Path) -> Path:
    path = tmp / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """Documents and a working SQLite index for the commands' arguments."""
    folder = tmp_path / "files"
    folder.mkdir()
    product = folder / "ls8.yaml"
    product.write_text(yaml.safe_dump(product_doc("ls8")))
    dataset = folder / "ds.yaml"
    dataset.write_text(yaml.safe_dump(dataset_doc("ls8")))
    good = folder / "good.db"
    idx = SQLiteIndex(good)
    idx.init_db()
    idx.close()
    return {
        "product": str(product),
        "dataset": str(dataset),
        "good": f"sqlite:///{good}",
        "out": str(tmp_path / "out"),
    }


#: Every command, its arguments (``{name}`` filled from ``files``) and its exit status.
COMMANDS: list[tuple[str, int]] = [
    ("system init", 1),
    ("system check", 1),
    ("system prune-roles --dry-run", 1),
    ("system drivers", 0),  # lists plugins, never opens the index
    ("system clone default {good}", 1),
    ("system clone {good} default", 1),
    ("user list", 1),
    ("user grant user alice", 1),
    ("user create user alice", 1),
    ("user delete alice", 1),
    ("spindex list", 1),
    ("spindex create 3577", 1),
    ("spindex update 3577", 1),
    ("spindex drop 3577 --force", 1),
    ("metadata add {product}", 1),
    ("metadata update {product}", 1),
    ("metadata list", 1),
    ("metadata show", 1),
    ("product add {product}", 1),
    ("product update {product}", 1),
    ("product list", 1),
    ("product show ls8", 1),
    ("dataset add {dataset}", 1),
    ("dataset update {dataset}", 1),
    ("dataset info " + _ID, 1),
    ("dataset search product=ls8", 1),
    ("dataset count", 1),
    ("dataset archive " + _ID, 1),
    ("dataset restore " + _ID, 1),
    ("dataset purge " + _ID, 1),
    ("dataset find-duplicates region_code", 1),
    ("dataset uri-search file:///data/a.yaml", 1),
    ("quickstart --dir {out}/qs", 1),
    ("load ls8 --lon 149 150 --lat -36 -35 --time 2020-01 --output {out}/x.nc", 1),
    ("stac export {out}/stac", 1),
    ("stac import {dataset}", 1),
]


def test_every_command_is_listed() -> None:
    import click

    def names(group: click.Group, prefix: str) -> set[str]:
        out = set()
        for name, cmd in group.commands.items():
            full = f"{prefix}{name}"
            out |= names(cmd, full + " ") if isinstance(cmd, click.Group) else {full}
        return out

    # `storage` commands work on an object store and never open the index: index faults don't apply.
    missing = {
        n
        for n in names(cli, "")
        if not n.startswith("storage") and not any((c + " ").startswith(n + " ") for c, _ in COMMANDS)
    }
    assert not missing, f"add these commands to COMMANDS: {sorted(missing)}"


def _invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args)


def _check_one_line(result: Result, code: int, pattern: str, what: str) -> None:
    assert result.exit_code == code, f"{what}: exit {result.exit_code}\n{result.stdout}\n{result.stderr}"
    # Only a SystemExit from click, never an exception escaping the command.
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{what}: raised {result.exception!r}"
    )
    assert "Traceback" not in result.stdout + result.stderr
    if code == 0:
        return
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, f"{what}: stderr is not one line:\n{result.stderr}"
    assert lines[0].startswith("Error: "), lines[0]
    import re

    assert re.search(pattern, lines[0]), f"{what}: {lines[0]!r} does not match {pattern!r}"


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize(("command", "code"), COMMANDS, ids=[c.split(" {")[0] for c, _ in COMMANDS])
def test_every_command_fails_in_one_line(
    fault: str,
    command: str,
    code: int,
    files: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_url, pattern = FAULTS[fault]
    monkeypatch.setenv("TERRACUBE_DB_URL", make_url(tmp_path))
    if fault == "missing package":
        monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now fails
    result = _invoke(command.format(**files).split())
    _check_one_line(result, code, pattern, f"{command} [{fault}]")
    assert not (tmp_path / "nowhere").exists()  # not even `system init` makes the folders


def test_check_shows_not_connected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fault in ("server down", "no database", "not sqlite"):
        monkeypatch.setenv("TERRACUBE_DB_URL", FAULTS[fault][0](tmp_path))
        result = _invoke(["system", "check", "-f", "json"])
        assert result.exit_code == 1
        info = json.loads(result.stdout)
        assert (info["connected"], info["initialised"]) == (False, False), fault


@pytest.mark.parametrize("fault", ["server down", "no database", "not sqlite", "unwritable path"])
def test_no_traceback_in_a_real_process(fault: str, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "TERRACUBE_DB_URL": FAULTS[fault][0](tmp_path)}
    for args in (["product", "list"], ["dataset", "search"]):
        proc = subprocess.run(
            [sys.executable, "-c", "from terracube.cli import main; main()", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: "), proc.stderr


def test_only_init_creates_an_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder that exists, a file that does not: read-only commands leave it so.
    path = tmp_path / "here" / "index.db"
    path.parent.mkdir()
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{path}")
    for args in (["product", "list"], ["dataset", "search"], ["dataset", "count"], ["system", "check"]):
        result = _invoke(args)
        assert result.exit_code == 1
        assert f"no SQLite index at '{path}' (no such file); run `terracube system init`" in result.stderr
        assert list(path.parent.iterdir()) == []
    assert _invoke(["system", "init"]).exit_code == 0
    assert path.is_file()


def test_init_makes_the_data_folder_of_the_default_index(tmp_path: Path) -> None:
    # No configuration: the default index lives in the terracube data folder, made by init.
    data = tmp_path / "xdg-data" / "terracube"
    assert not data.exists()
    assert _invoke(["product", "list"]).exit_code == 1
    assert not data.exists()
    result = _invoke(["system", "init"])
    assert result.exit_code == 0, result.stderr
    assert (data / "index.db").is_file()


def test_a_broken_terracube_import_is_not_a_missing_package(monkeypatch: pytest.MonkeyPatch) -> None:
    # A module of terracube itself that cannot be imported is a bug: shown as such, not as
    # "pip install terracube".
    monkeypatch.setitem(sys.modules, "terracube.cfg", None)
    result = _invoke(["product", "list"])
    assert isinstance(result.exception, ModuleNotFoundError)
    assert "pip install" not in result.stderr
