"""Tests for terracube.cfg._urls: SQLite paths, scheme inference and URL redaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from terracube.cfg import SCHEME_DRIVERS, sqlite_path
from terracube.cfg._urls import infer_index_driver, redact_url
from terracube.errors import ConfigError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////var/lib/terracube/index.db", Path("/var/lib/terracube/index.db")),
        ("sqlite:///index.db", Path("index.db")),
        ("sqlite:///data/sub/index.db", Path("data/sub/index.db")),
        ("sqlite:///C:/data/index.db", Path("C:/data/index.db")),
        ("sqlite:///:memory:", Path(":memory:")),
        ("sqlite://", Path(":memory:")),
        ("SQLite:////tmp/x.db", Path("/tmp/x.db")),
        ("sqlite:////tmp/my%20cube.db", Path("/tmp/my%20cube.db")),
    ],
)
def test_sqlite_path_forms(url: str, expected: Path) -> None:
    assert sqlite_path(url) == expected


def test_sqlite_path_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert sqlite_path("sqlite:///~/cube/index.db") == tmp_path / "cube" / "index.db"


def test_sqlite_memory_path_opens_with_sqlite3() -> None:
    import sqlite3

    con = sqlite3.connect(str(sqlite_path("sqlite:///:memory:")))
    try:
        assert con.execute("select 1").fetchone() == (1,)
    finally:
        con.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://host/db", "not a SQLite URL: 'postgresql://host/db'"),
        ("/tmp/index.db", "not a SQLite URL"),
        ("sqlite://host/index.db", "has a host part or too few slashes"),
        ("sqlite:///index.db?mode=ro", "has a query string or fragment"),
        ("sqlite:///", "names no file"),
    ],
)
def test_sqlite_path_refuses(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        sqlite_path(url)


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("sqlite:////tmp/x.db", "sqlite"),
        ("postgresql://u@h/db", "postgis"),
        ("postgres://u@h/db", "postgis"),
        ("postgresql+psycopg://u@h/db", "postgis"),
        ("POSTGRESQL://u@h/db", "postgis"),
        ("memory://", "memory"),
        ("memory:", "memory"),
    ],
)
def test_infer_index_driver(url: str, driver: str) -> None:
    assert infer_index_driver(url, environment="e", origin="here") == driver


def test_every_scheme_maps_to_a_builtin_driver() -> None:
    assert set(SCHEME_DRIVERS.values()) == {"memory", "sqlite", "postgis"}


def test_infer_unknown_scheme_names_value_origin_and_accepted() -> None:
    with pytest.raises(ConfigError) as info:
        infer_index_driver("mysql://u:secret@h/db", environment="prod", origin="/etc/tc.conf:4")
    message = str(info.value)
    assert "environment 'prod'" in message
    assert "'mysql://u:***@h/db'" in message
    assert "secret" not in message
    assert "(/etc/tc.conf:4)" in message
    assert "unknown scheme 'mysql:'" in message
    assert "memory:, postgres:, postgresql:, postgresql+psycopg:, sqlite:" in message


def test_infer_without_scheme() -> None:
    with pytest.raises(ConfigError, match=r"'/data/index.db' \(\$TERRACUBE_DB_URL\) has no scheme"):
        infer_index_driver("/data/index.db", environment="default", origin="$TERRACUBE_DB_URL")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:pw@host:5432/db", "postgresql://ana:***@host:5432/db"),
        ("postgresql://:pw@host/db", "postgresql://:***@host/db"),
        ("postgresql://ana@host/db", "postgresql://ana@host/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
        ("memory://", "memory://"),
    ],
)
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown
