"""``terracube system init|check|drivers``, global options and error handling."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

from click.testing import CliRunner

from terracube.cli import cli

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest
    from click.testing import Result


def test_init_creates_then_is_idempotent(run: Callable[..., Result], db_path: Path) -> None:
    first = run("system", "init")
    assert first.stdout.startswith("Created sqlite index")
    assert db_path.is_file()
    second = run("system", "init")
    assert second.stdout.startswith("Up to date: sqlite index")
    out = run("metadata", "list", "--format", "json").stdout
    # eo3, and the legacy types that products of existing deployments name without shipping.
    assert [m["name"] for m in json.loads(out)] == ["eo", "eo3", "telemetry"]


def test_init_lets_products_of_legacy_types_in(run: Callable[..., Result], tmp_path: Path) -> None:
    # Deployments' products name the legacy eo and telemetry types without shipping them.
    run("system", "init")
    scenes = {
        "name": "old_scenes",
        "description": "Scenes described the pre-eo3 way",
        "metadata_type": "eo",
        "metadata": {"product_type": "old_scenes"},
        "measurements": [{"name": "red", "dtype": "int16", "nodata": -999, "units": "1"}],
    }
    passes = {
        "name": "downlinks",
        "description": "Ground station passes",
        "metadata_type": "telemetry",
        "metadata": {"product_type": "downlinks"},
    }
    path = tmp_path / "legacy.yaml"
    path.write_text(json.dumps(scenes) + "\n---\n" + json.dumps(passes), encoding="utf-8")
    assert run("product", "add", str(path)).stdout.splitlines() == [
        "Added product 'old_scenes'.",
        "Added product 'downlinks'.",
    ]


def test_init_without_default_types(run: Callable[..., Result]) -> None:
    run("system", "init", "--no-default-types")
    assert json.loads(run("metadata", "list", "-f", "json").stdout) == []


def test_check_initialised(run: Callable[..., Result], index_ready: None, db_path: Path) -> None:
    info = json.loads(run("system", "check", "--format", "json").stdout)
    assert info == {
        "environment": "default",
        "configuration": "built-in defaults (no configuration file)",
        "driver": "sqlite",
        "db_url": f"sqlite:///{db_path}",
        "connected": True,
        "initialised": True,
        "metadata_types": 3,
        "products": 0,
        "datasets": 0,
        "archived_datasets": 0,
    }
    table = run("system", "check").stdout
    assert "initialised:       yes" in table
    assert "environment:       default" in table


def test_check_not_initialised_exits_1(run: Callable[..., Result], db_path: Path) -> None:
    result = run("system", "check", code=1)
    assert "initialised:   no" in result.stdout
    assert "connected:     no" in result.stdout  # no file yet: nothing was connected to
    assert not db_path.exists()
    assert result.stderr.startswith("Error: ")
    assert "terracube system init" in result.stderr


def test_check_of_an_empty_database_file(run: Callable[..., Result], db_path: Path) -> None:
    import sqlite3

    sqlite3.connect(db_path).close()  # a SQLite file without terracube's schema
    info = json.loads(run("system", "check", "-f", "json", code=1).stdout)
    assert (info["connected"], info["initialised"]) == (True, False)


def test_prune_roles_is_for_postgis(run: Callable[..., Result], index_ready: None) -> None:
    result = run("system", "prune-roles", "--dry-run", code=2)
    assert "'sqlite' index driver has no database roles" in result.stderr


def test_check_cannot_connect_exits_1(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{blocker}/index.db")
    result = run("system", "check", "-f", "json", code=1)
    assert json.loads(result.stdout)["connected"] is False
    assert result.stderr.startswith(f"Error: cannot open the SQLite index at '{blocker}/index.db': ")
    assert "is a file, not a folder" in result.stderr


def test_check_redacts_the_password(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    # No server runs on port 9; the check reports the failure with the URL's password hidden.
    monkeypatch.setenv("TERRACUBE_DB_URL", "postgresql://cube:s3cret@127.0.0.1:9/cube")
    result = run("system", "check", "-f", "json", code=1)
    assert json.loads(result.stdout)["db_url"] == "postgresql://cube:***@127.0.0.1:9/cube"
    assert "s3cret" not in result.stdout + result.stderr


def test_drivers(run: Callable[..., Result]) -> None:
    rows = json.loads(run("system", "drivers", "--format", "json").stdout)
    index_rows = {r["name"]: r for r in rows if r["group"] == "index"}
    assert {"memory", "sqlite", "postgis"} <= set(index_rows)
    assert index_rows["sqlite"]["status"] == "ok"
    assert index_rows["sqlite"]["target"] == "terracube.index.sqlite:driver_init"
    table = run("system", "drivers").stdout.splitlines()
    assert table[0].split()[:3] == ["group", "name", "status"]
    assert any(line.split()[:3] == ["index", "sqlite", "ok"] for line in table)


def test_env_option_and_unknown_environment(run: Callable[..., Result]) -> None:
    result = run("--env", "nowhere", "system", "check", code=1)
    assert result.stderr.startswith("Error: unknown environment 'nowhere'")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_config_option_selects_environments(run: Callable[..., Result], tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    conf = tmp_path / "terracube.conf"
    conf.write_text(f"[default]\ndb_url = memory://\n\n[other]\ndb_url = sqlite:///{db}\n")
    result = run("--config", str(conf), "--env", "other", "system", "init")
    assert "environment 'other'" in result.stdout
    assert db.is_file()
    info = json.loads(run("-C", str(conf), "-E", "other", "system", "check", "-f", "json").stdout)
    assert (info["environment"], info["configuration"]) == ("other", str(conf))


def test_missing_config_file_is_an_error(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("--config", str(tmp_path / "nope.conf"), "system", "check", code=1)
    assert result.stderr.startswith("Error: configuration file")


def test_usage_error_exits_2(run: Callable[..., Result]) -> None:
    assert "No such command" in run("system", "frobnicate", code=2).stderr
    assert "Invalid value for '--format'" in run("product", "list", "--format", "xml", code=2).stderr


def test_help_and_version(run: Callable[..., Result]) -> None:
    out = run("--help").stdout
    for group in ("system", "metadata", "product", "dataset", "quickstart"):
        assert group in out
    assert run("--version").stdout.startswith("terracube, version ")


def test_runner_without_fixture_environment_uses_default_data_folder(tmp_path: Path) -> None:
    # No configuration at all: the built-in default is a SQLite index in the user's data folder.
    result = CliRunner().invoke(cli, ["system", "check", "-f", "json"])
    info = json.loads(result.stdout)
    assert info["driver"] == "sqlite"
    assert info["db_url"].startswith(f"sqlite:///{tmp_path / 'xdg-data'}")


def test_import_is_light() -> None:
    code = (
        "import sys, terracube.cli\n"
        "heavy = ('xarray', 'dask', 'obstore', 'psycopg', 'sqlalchemy', 'rasterio', 'rich', 'yaml')\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
