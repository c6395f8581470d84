"""The odc drivers are registered in pyproject.toml and found like any other index driver."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from terracube.cli import cli
from terracube.drivers import index_driver
from terracube.index.odcdb import OdcIndex, OdcPostgresIndex

from .conftest import ODC_ENTRY_POINTS

PYPROJECT = Path(__file__).parents[3] / "pyproject.toml"


def test_pyproject_registers_the_three_drivers() -> None:
    eps = tomllib.loads(PYPROJECT.read_text())["project"]["entry-points"]["terracube.plugins.index"]
    assert {k: eps[k] for k in ODC_ENTRY_POINTS} == ODC_ENTRY_POINTS
    for name, target in ODC_ENTRY_POINTS.items():
        module, attr = target.split(":")
        driver = getattr(importlib.import_module(module), attr)()
        assert driver.name == name


@pytest.mark.usefixtures("odc_drivers")
def test_found_through_the_plugin_manager() -> None:
    assert index_driver("odc").index_class() is OdcIndex
    assert index_driver("odc_postgres").index_class() is OdcPostgresIndex
    assert index_driver("odc_postgis").capabilities()["supports_external_home"] is True
    rows = CliRunner().invoke(cli, ["system", "drivers", "-f", "json"])
    assert rows.exit_code == 0
    for name in ODC_ENTRY_POINTS:
        assert f'"name": "{name}"' in rows.stdout
