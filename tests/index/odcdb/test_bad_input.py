"""Databases the read-only drivers cannot read: one clear sentence each, nothing written anywhere."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from terracube.cli import cli
from terracube.errors import IndexNotInitialisedError, PermissionDeniedError
from terracube.index.odcdb import OdcIndex, OdcPostgisIndex, OdcPostgresIndex
from terracube.index.postgis import PostgisIndex

from .conftest import DATA, restore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.index.conftest import PgServer

pytestmark = pytest.mark.usefixtures("odc_drivers", "clean_env")


def one_line_error(source: str, tmp_path: Path) -> str:
    """``system clone SOURCE sqlite:///...``: the error line; the destination is not created."""
    dst = tmp_path / "never.db"
    result = CliRunner().invoke(cli, ["system", "clone", source, f"sqlite:///{dst}"])
    assert result.exit_code == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert not dst.exists()
    return lines[0]


def tables(pg_server: PgServer, url: str) -> list[tuple[object, ...]]:
    """Every table of the database, for checking that nothing was created."""
    return pg_server.sql(
        "SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY 1, 2",
        url.rsplit("/", 1)[1],
    )


@pytest.fixture
def empty_url(pg_server: PgServer) -> Iterator[str]:
    name = pg_server.create("odcempty")
    yield pg_server.url_for(name)
    pg_server.drop(name)


def test_a_database_with_neither_schema(empty_url: str, tmp_path: Path, pg_server: PgServer) -> None:
    with pytest.raises(
        IndexNotInitialisedError, match=r"holds no ODC index .*it holds no terracube or ODC index"
    ):
        OdcIndex.open(empty_url)
    with pytest.raises(
        IndexNotInitialisedError, match=r"no ODC index of ODC's postgres driver \(schema 'agdc'\)"
    ):
        OdcPostgresIndex(empty_url)
    line = one_line_error(empty_url, tmp_path)
    assert "cannot be cloned: it holds no terracube or ODC index" in line
    assert tables(pg_server, empty_url) == []


def test_a_terracube_database_is_not_odcs_and_the_reverse(pg_url: str, odc_url: str, kind: str) -> None:
    with pytest.raises(
        IndexNotInitialisedError, match=r"a terracube index \(schema 'terracube', version \d+\).*'postgis'"
    ):
        OdcIndex.open(pg_url)
    with pytest.raises(
        IndexNotInitialisedError, match="holds no ODC index of ODC's postgis driver.*terracube index"
    ):
        OdcPostgisIndex(pg_url)
    schema = "agdc" if kind == "postgres" else "odc"
    idx = PostgisIndex(odc_url)
    with pytest.raises(
        IndexNotInitialisedError,
        match=rf"no terracube schema 'terracube': it holds an ODC index of ODC's {kind} driver \(schema '{schema}'.*'odc' index driver",
    ):
        idx.datasets.count()
    idx.close()


def test_the_other_odc_schema_names_its_driver(odc_dbs: dict[str, str]) -> None:
    with pytest.raises(
        IndexNotInitialisedError, match=r"ODC's postgis driver.*open it with the 'odc_postgres'"
    ):
        OdcPostgisIndex(odc_dbs["postgres"])
    with pytest.raises(
        IndexNotInitialisedError, match=r"ODC's postgres driver.*open it with the 'odc_postgis'"
    ):
        OdcPostgresIndex(odc_dbs["postgis"])


@pytest.mark.parametrize("kind", ["postgis"])
def test_an_odc_schema_at_a_revision_not_handled(
    fresh_odc_url: str, tmp_path: Path, pg_server: PgServer
) -> None:
    db = fresh_odc_url.rsplit("/", 1)[1]
    pg_server.sql("UPDATE odc.alembic_version SET version_num = 'f00dfeedbeef'", db)
    before = tables(pg_server, fresh_odc_url)
    with pytest.raises(
        IndexNotInitialisedError, match="Alembic revision 'f00dfeedbeef', which this terracube does not know"
    ):
        OdcIndex.open(fresh_odc_url)
    assert "revision 'f00dfeedbeef'" in one_line_error(fresh_odc_url, tmp_path)
    assert tables(pg_server, fresh_odc_url) == before


@pytest.mark.parametrize("kind", ["postgres"])
def test_an_agdc_schema_of_an_older_odc(fresh_odc_url: str, tmp_path: Path, pg_server: PgServer) -> None:
    pg_server.sql("ALTER TABLE agdc.dataset_location DROP COLUMN archived", fresh_odc_url.rsplit("/", 1)[1])
    with pytest.raises(
        IndexNotInitialisedError,
        match="lacks column agdc.dataset_location.archived: it is not the schema of ODC 1.8 or 1.9",
    ):
        OdcIndex.open(fresh_odc_url)
    assert "lacks column agdc.dataset_location.archived" in one_line_error(fresh_odc_url, tmp_path)


def test_a_database_the_user_may_not_read(
    odc_url: str, kind: str, tmp_path: Path, pg_server: PgServer
) -> None:
    user = f"tc_noread_{uuid.uuid4().hex[:8]}"
    pg_server.sql(f"CREATE ROLE {user} LOGIN PASSWORD 'x'")
    try:
        scheme, rest = odc_url.split("://", 1)
        url = f"{scheme}://{user}:x@{rest.split('@', 1)[1]}"
        schema, role = ("agdc", "agdc_user") if kind == "postgres" else ("odc", "odc_user")
        with pytest.raises(
            PermissionDeniedError,
            match=rf"database user '{user}' may not read the ODC index .*schema {schema}.*\({role}\)",
        ):
            OdcIndex.open(url)
        line = one_line_error(url, tmp_path)
        assert f"database user '{user}' may not read" in line and "***" in line and ":x@" not in line
    finally:
        pg_server.sql(f"DROP ROLE IF EXISTS {user}")


def test_both_odc_schemas_in_one_database_ask_which(pg_server: PgServer, tmp_path: Path) -> None:
    name = pg_server.create("odcboth")
    url = pg_server.url_for(name)
    try:
        for kind in ("postgres", "postgis"):
            restore(url, DATA / f"odc_{kind}.sql")
        with pytest.raises(IndexNotInitialisedError, match="say which to read: index driver 'odc_postgres'"):
            OdcIndex.open(url)
        gis, agdc = OdcPostgisIndex(url), OdcPostgresIndex(url)
        assert gis.datasets.count() == agdc.datasets.count() - 7  # its legacy 8, less the external one
        gis.close()
        agdc.close()
        assert "--source-driver" in one_line_error(url, tmp_path)
        out = CliRunner().invoke(
            cli,
            [
                "system",
                "clone",
                url,
                f"sqlite:///{tmp_path / 'gis.db'}",
                "--source-driver",
                "odc_postgis",
                "-f",
                "json",
            ],
        )
        assert out.exit_code == 0, out.stderr
    finally:
        pg_server.drop(name)


def test_an_odc_database_is_never_a_destination(odc_url: str, tmp_path: Path) -> None:
    conf = tmp_path / "tc.conf"
    conf.write_text(f"[odc]\nindex_driver = odc\ndb_url = {odc_url}\n")
    result = CliRunner().invoke(
        cli, ["--config", str(conf), "system", "clone", f"sqlite:///{tmp_path / 'x.db'}", "odc"]
    )
    assert result.exit_code == 1
    assert "its index driver 'odc' only reads" in result.stderr
    assert not (tmp_path / "x.db").exists()
