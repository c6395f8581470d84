"""``dataset add`` of a file holding documents no index stores, among good ones, on SQLite and PostGIS.

Each bad document is reported in one line naming the document and the field; the good
documents of the same file are added; the run exits with status 1.
"""

from __future__ import annotations

import math
import os
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from click.testing import CliRunner

from terracube.cli import cli
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

_PG = os.environ.get("TERRACUBE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg(statement: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(_PG, autocommit=True) as conn:
        cur = conn.execute(statement)
        return cur.fetchall() if cur.description else []


@pytest.fixture(params=["sqlite", "postgis"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db' / 'index.db'}"
        monkeypatch.setenv("TERRACUBE_DB_URL", url)
        yield url
        return
    name = f"tc_hostile_docs_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    _pg(f'CREATE DATABASE "{name}"')
    url = f"{_PG.rsplit('/', 1)[0]}/{name}"
    monkeypatch.setenv("TERRACUBE_DB_URL", url)
    yield url
    (oid,) = _pg(f"SELECT oid FROM pg_database WHERE datname = '{name}'")[0]
    _pg(f'DROP DATABASE "{name}" WITH (FORCE)')
    for (role,) in _pg(f"SELECT rolname FROM pg_roles WHERE rolname LIKE 'tc\\_{oid}\\_%'"):
        _pg(f'DROP ROLE "{role}"')


def test_bad_documents_refused_one_by_one(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> Any:
        result = runner.invoke(cli, list(args))
        assert result.exit_code == code, (args, result.stdout, result.stderr)
        return result

    (tmp_path / "db").mkdir()
    run("system", "init")
    (tmp_path / "ls8.yaml").write_text(yaml.safe_dump(product_doc("ls8")))
    run("product", "add", str(tmp_path / "ls8.yaml"))
    good = [dataset_doc("ls8", id=uuid.UUID(int=i + 1)) for i in range(10)]
    nul = dataset_doc("ls8", id=uuid.UUID(int=101), platform="landsat\x008")
    nan = dataset_doc("ls8", id=uuid.UUID(int=102), cloud_cover=math.nan)
    backwards = dataset_doc(
        "ls8", id=uuid.UUID(int=103), time=("2021-01-01T00:00:00Z", "2020-01-01T00:00:00Z")
    )
    docs = [*good[:3], nul, *good[3:6], nan, backwards, *good[6:]]
    path = tmp_path / "mixed.yaml"
    # YAML writes NaN as .nan and the NUL as an escape: the file holds what a producer wrote.
    path.write_text(yaml.safe_dump_all(docs, sort_keys=False, allow_unicode=False))
    result = run("dataset", "add", str(path), code=1)
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, result.stderr
    assert "mixed.yaml#3" in errors[0] and "properties.eo:platform" in errors[0] and "NUL" in errors[0]
    assert (
        "mixed.yaml#7" in errors[1]
        and "properties.eo:cloud_cover" in errors[1]
        and "is nan, which no search by cloud_cover can find" in errors[1]
    )
    assert "mixed.yaml#8" in errors[2] and "properties.dtr:end_datetime" in errors[2] and "swap" in errors[2]
    assert result.stdout.strip() == "Added 10, skipped 0 already present, 3 failed."
    assert run("dataset", "count").stdout.strip() == "10"
