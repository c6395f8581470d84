"""A user with only ODC's configuration: terracube reads it and opens ODC's databases read-only."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from terracube import Datacube
from terracube.cli import cli
from terracube.drivers import connect_index
from terracube.index.odcdb import OdcPostgisIndex, OdcPostgresIndex

from .conftest import answers

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.usefixtures("odc_drivers")


@pytest.fixture
def datacube_conf(clean_env: Path, odc_dbs: dict[str, str]) -> Path:
    """``~/.datacube.conf`` as an ODC user has it: the postgres index by its parts, postgis by URL."""
    host_db = odc_dbs["postgres"].split("@", 1)[1]
    host, db = host_db.split("/", 1)
    path = clean_env / ".datacube.conf"
    path.write_text(
        "[default]\nalias: main\n\n"
        f"[main]\nindex_driver: default\ndb_hostname: {host.split(':')[0]}\ndb_port: {host.split(':')[1]}\n"
        f"db_database: {db}\ndb_username: postgres\n\n"
        f"[gis]\nindex_driver: postgis\ndb_url: {odc_dbs['postgis']}\n"
    )
    return path


def test_odc_environments_open_through_the_read_only_drivers(datacube_conf: Path) -> None:
    main = connect_index()
    assert isinstance(main, OdcPostgresIndex)
    assert main.datasets.count(archived=None) == len(answers("postgres")["datasets"])
    main.close()
    with Datacube(env="gis") as dc:
        assert isinstance(dc.index, OdcPostgisIndex)
        assert len(dc.find_datasets(product="wofs_nan")) == 8


def test_the_cli_says_which_configuration_it_used(datacube_conf: Path) -> None:
    result = CliRunner().invoke(cli, ["system", "check", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    note = result.stderr.splitlines()[0]
    assert note.startswith(
        f"Using ODC configuration file {datacube_conf} (ODC's search path); environment 'main'"
    )
    assert f"db_url from {datacube_conf} [main]" in note and note.endswith(
        "(there is no terracube configuration)."
    )
    info = json.loads(result.stdout)
    assert (info["driver"], info["connected"], info["datasets"]) == ("odc_postgres", True, 58)


def test_clone_by_odc_environment_name_and_no_init_on_odc(datacube_conf: Path, tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["system", "clone", "gis", f"sqlite:///{tmp_path / 'c.db'}", "-f", "json"])
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout)["datasets"] == len(answers("postgis")["datasets"])
    refused = CliRunner().invoke(cli, ["--env", "gis", "system", "init"])
    assert refused.exit_code == 1
    assert refused.stderr.strip().splitlines()[-1] == (
        "Error: the 'odc_postgis' index driver cannot create or upgrade an index (ODC's `datacube system init` "
        "does): it has supports_write=False; use an index driver that supports it (e.g. sqlite or postgis)"
    )
