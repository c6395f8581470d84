"""Tests for terracube.drivers.connect_index: environment resolution plus driver lookup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from terracube.cfg import Config, Environment
from terracube.drivers import INDEX_GROUP, connect_index
from terracube.errors import ConfigError, DriverNotFoundError

if TYPE_CHECKING:
    from pathlib import Path

    from .conftest import FakePlugins

CONFIG = """\
[default]
db_url = memory://default

[prod]
index_driver = recording
db_url = recording://prod
pool_size = 4
"""


class Connection:
    def __init__(self, driver: str, env: Environment) -> None:
        self.driver = driver
        self.env = env


class RecordingDriver:
    def __init__(self, label: str) -> None:
        self.label = label

    def connect_to_index(self, env: Environment) -> Connection:
        return Connection(self.label, env)


@pytest.fixture
def drivers(plugins: FakePlugins) -> None:
    plugins.module(
        "tc_index",
        memory=lambda: RecordingDriver("memory"),
        recording=lambda: RecordingDriver("recording"),
    )
    plugins.add(INDEX_GROUP, "memory", "tc_index:memory")
    plugins.add(INDEX_GROUP, "recording", "tc_index:recording")


@pytest.mark.usefixtures("drivers")
def test_connect_by_name() -> None:
    config = Config.from_text(CONFIG, environ={})
    index = connect_index("prod", config=config)
    assert index.driver == "recording"
    assert index.env == Environment("prod", "recording", "recording://prod", {"pool_size": "4"})


@pytest.mark.usefixtures("drivers")
def test_connect_default_environment_follows_variables() -> None:
    assert connect_index(config=Config.from_text(CONFIG, environ={})).driver == "memory"
    config = Config.from_text(CONFIG, environ={"TERRACUBE_ENVIRONMENT": "prod"})
    assert connect_index(config=config).env.name == "prod"


@pytest.mark.usefixtures("drivers")
def test_connect_with_an_environment_value() -> None:
    env = Environment("adhoc", "memory", "memory://adhoc")
    index = connect_index(env)
    assert (index.driver, index.env) == ("memory", env)


@pytest.mark.usefixtures("drivers")
def test_connect_loads_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cube.conf"
    path.write_text(CONFIG)
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(path))
    monkeypatch.delenv("TERRACUBE_CONFIG", raising=False)
    monkeypatch.setenv("TERRACUBE_ENVIRONMENT", "prod")
    monkeypatch.setenv("TERRACUBE_PROD_DB_URL", "recording://replica")
    index = connect_index()
    assert (index.driver, index.env.db_url) == ("recording", "recording://replica")


@pytest.mark.usefixtures("drivers")
def test_connect_missing_driver() -> None:
    env = Environment("prod", "postgis", "postgresql://h/db")
    with pytest.raises(DriverNotFoundError) as info:
        connect_index(env)
    assert "no index driver named 'postgis'; installed index drivers: 'memory', 'recording'." in str(
        info.value
    )


@pytest.mark.usefixtures("drivers")
def test_connect_unknown_environment() -> None:
    with pytest.raises(ConfigError, match="unknown environment 'qa'"):
        connect_index("qa", config=Config.from_text(CONFIG, environ={}))


def test_connect_index_returns_what_the_driver_returns(plugins: FakePlugins) -> None:
    sentinel: Any = object()

    class Driver:
        def connect_to_index(self, env: Environment) -> Any:
            return sentinel

    plugins.module("tc_index", init=Driver)
    plugins.add(INDEX_GROUP, "x", "tc_index:init")
    assert connect_index(Environment("e", "x", "x://")) is sentinel
