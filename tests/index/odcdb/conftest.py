"""ODC databases for the read-only drivers' tests, restored from the dumps in ``data/``.

``data/make_odc_data.py`` made them with ODC 1.9 itself and recorded ODC's answers next to
them (``odc_<driver>.json``). Each dump is restored once per session into a template database;
``odc_db`` is a shared copy for tests that only read, ``fresh_odc_db`` a new copy per test.
Restoring needs no ODC and no ``psql``: the plain-SQL dump runs through psycopg, ``COPY``
blocks included.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.index.conftest import PgServer

DATA = Path(__file__).parent / "data"
KINDS = ("postgres", "postgis")
ODC_ENTRY_POINTS = {
    "odc": "terracube.index.odcdb:driver_init",
    "odc_postgres": "terracube.index.odcdb:postgres_driver_init",
    "odc_postgis": "terracube.index.odcdb:postgis_driver_init",
}


@cache
def answers(kind: str) -> dict[str, Any]:
    """What ODC's API answered on the database of its ``kind`` driver."""
    result: dict[str, Any] = json.loads((DATA / f"odc_{kind}.json").read_text())
    return result


def restore(url: str, dump: Path) -> None:
    """Run a plain-SQL ``pg_dump`` file against a database, as psql would."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        pending: list[str] = []

        def flush() -> None:
            text = "".join(pending).strip()
            pending.clear()
            if text:
                conn.execute(text)

        lines = iter(dump.read_text().splitlines(keepends=True))
        for line in lines:
            if line.startswith("\\"):  # psql meta-commands (\restrict ...)
                continue
            if line.startswith("COPY ") and line.rstrip().endswith("FROM stdin;"):
                flush()
                with conn.cursor().copy(line.rstrip().rstrip(";")) as copy:
                    for data in lines:
                        if data.rstrip("\n") == "\\.":
                            break
                        copy.write(data)
                continue
            pending.append(line)
        flush()


@pytest.fixture(scope="session")
def odc_templates(pg_server: PgServer) -> Iterator[dict[str, str]]:
    """A template database per ODC driver, restored from its dump."""
    names = {}
    for kind in KINDS:
        name = pg_server.create(f"odc{kind}")
        restore(pg_server.url_for(name), DATA / f"odc_{kind}.sql")
        pg_server.sql(f'ALTER DATABASE "{name}" IS_TEMPLATE true')
        names[kind] = name
    yield names
    for name in names.values():
        pg_server.drop_template(name)


@pytest.fixture(scope="session")
def odc_dbs(pg_server: PgServer, odc_templates: dict[str, str]) -> Iterator[dict[str, str]]:
    """URLs of a shared copy of each ODC database, for tests that only read."""
    names = {k: pg_server.create(f"odcro{k}", template=t) for k, t in odc_templates.items()}
    yield {k: pg_server.url_for(n) for k, n in names.items()}
    for n in names.values():
        pg_server.drop(n)


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    """Each of ODC's two index drivers."""
    return str(request.param)


@pytest.fixture
def odc_url(odc_dbs: dict[str, str], kind: str) -> str:
    """The shared ODC database of ``kind`` (read it only)."""
    return odc_dbs[kind]


@pytest.fixture
def fresh_odc_url(pg_server: PgServer, odc_templates: dict[str, str], kind: str) -> Iterator[str]:
    """A new copy of the ODC database of ``kind``, dropped afterwards."""
    name = pg_server.create(f"odcrw{kind}", template=odc_templates[kind])
    yield pg_server.url_for(name)
    pg_server.drop(name)


@pytest.fixture
def odc_drivers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The odc index drivers registered (as pyproject.toml does), whatever is installed."""
    from terracube.drivers import INDEX_GROUP, _discovery, refresh_drivers

    real = _discovery._entry_points

    def entry_points(group: str) -> list[EntryPoint]:
        eps = real(group)
        if group == INDEX_GROUP:
            have = {ep.name for ep in eps}
            eps += [EntryPoint(n, t, group) for n, t in ODC_ENTRY_POINTS.items() if n not in have]
        return eps

    monkeypatch.setattr(_discovery, "_entry_points", entry_points)
    refresh_drivers()
    yield
    refresh_drivers()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No terracube or ODC configuration in the environment; HOME inside ``tmp_path``."""
    for var in list(os.environ):
        if var.startswith(("TERRACUBE_", "ODC_", "DATACUBE_")) or var in ("DB_DATABASE", "DB_HOSTNAME"):
            monkeypatch.delenv(var)
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture(scope="session")
def odc_old_url(pg_server: PgServer) -> Iterator[str]:
    """ODC's postgis database at an earlier revision of ODC 1.9's schema (``odc.location``)."""
    name = pg_server.create("odcold")
    url = pg_server.url_for(name)
    restore(url, DATA / "odc_postgis_610f32dca3cb.sql")
    yield url
    pg_server.drop(name)
