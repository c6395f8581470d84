"""Schema versions: an index made at an older version is refused, then upgraded by init_db.

Version 1 kept every footprint part in one spatial index; version 2 holds wide (globe-spanning)
parts apart; version 3 adds lineage. The data an old index holds is written here as its
version wrote it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson
import pytest
import shapely

from terracube.errors import IndexNotInitialisedError
from terracube.index._rows import dataset_row
from terracube.index.postgis import PostgisIndex
from terracube.index.postgis._schema import SCHEMA_VERSION
from terracube.index.testing import IndexTests, dataset_doc, ids_of, product_doc
from terracube.model import Dataset, Product, eo3_metadata_type

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.index.conftest import PgServer

OLD = SCHEMA_VERSION - 1


def _write_old(idx: PostgisIndex, docs: list[dict[str, Any]], version: int) -> None:
    """Metadata type, product and datasets stored as an index of ``version`` stored them."""
    db = idx._db
    mt = eo3_metadata_type()
    product = Product.from_doc(product_doc("ls8"), mt)
    # Ids from the tables' own sequences, as the older version's inserts took them.
    (mt_id,) = db.one(
        "INSERT INTO metadata_type (name, doc) VALUES ('eo3', %s::jsonb) RETURNING id",
        (orjson.dumps(mt.definition).decode(),),
    )
    assert mt_id == 1
    (product_id,) = db.one(
        "INSERT INTO product (name, metadata_type_id, doc) VALUES ('ls8', 1, %s::jsonb) RETURNING id",
        (orjson.dumps(product.definition).decode(),),
    )
    assert product_id == 1
    for doc in docs:
        ds = Dataset.from_doc(doc, product)
        r = dataset_row(ds)
        db.run(
            "INSERT INTO dataset (id, product_id, metadata_type_id, doc, uri, added, t0, t1, fields, footprint) "
            "VALUES (%s, 1, 1, %s::jsonb, %s, now(), %s, %s, %s::jsonb, ST_GeomFromWKB(%s, 4326))",
            (
                ds.id,
                ds.to_json().decode(),
                f"file:///old/{ds.id}.yaml",
                r.t0,
                r.t1,
                orjson.dumps(r.fields).decode(),
                shapely.to_wkb(r.footprint),
            ),
        )
        wide = ("wide, ", "tc_wide(p.geom), ") if version >= 2 else ("", "")
        db.run(
            f"INSERT INTO spatial_4326 (id, {wide[0]}box) SELECT d.id, {wide[1]}"
            "tc_box(p.geom, d.t0, d.t1, d.product_id) FROM dataset d, LATERAL ST_Dump(d.footprint) p "
            "WHERE d.id = %s",
            (ds.id,),
        )


@pytest.mark.parametrize("old_version", sorted({1, OLD}))
def test_old_schema_refused_then_upgraded(pg_server: PgServer, old_version: int) -> None:
    name = pg_server.create("old")
    url = pg_server.url_for(name)
    small = dataset_doc("ls8", lonlat=(149.0, -36.0, 150.0, -35.0))
    globe = dataset_doc("ls8", lonlat=(-180.0, -85.0, 180.0, 85.0))
    try:
        old = PostgisIndex(url)
        old._upgrade_to(old_version)
        _write_old(old, [small, globe], old_version)
        old.close()

        idx = PostgisIndex(url)
        with pytest.raises(IndexNotInitialisedError, match=f"version {old_version}.*system init"):
            idx.datasets.count()
        assert idx.init_db() is False  # upgraded, not created
        (version,) = idx._db.one("SELECT value FROM tc_meta WHERE key = 'schema_version'")
        assert int(version) == SCHEMA_VERSION
        flags = dict(idx._db.run("SELECT id::text, wide FROM spatial_4326").fetchall())
        assert flags == {small["id"]: False, globe["id"]: True}
        assert ids_of(idx.datasets.search(lat=(-35.5, -35.4), lon=(149.5, 149.6))) == {
            small["id"],
            globe["id"],
        }
        assert ids_of(idx.datasets.search(lat=(10, 11), lon=(10, 11))) == {globe["id"]}
        assert idx.datasets.get_location(small["id"]) == f"file:///old/{small['id']}.yaml"
        new = idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8")))
        assert idx.datasets.count() == 3
        assert idx.datasets.get_unsafe(new.id) == new
        assert idx.init_db() is False
        idx.close()
    finally:
        pg_server.drop(name)


def test_missing_schema_refused(pg_server: PgServer) -> None:
    name = pg_server.create("empty")
    try:
        idx = PostgisIndex(pg_server.url_for(name))
        with pytest.raises(IndexNotInitialisedError, match="no terracube schema"):
            idx.products.get_by_name("ls8")
        idx.close()
        other = PostgisIndex(pg_server.url_for(name), schema="elsewhere")
        assert other.init_db() is True
        assert other.metadata_types.get_by_name("eo3") is not None
        other.close()
    finally:
        pg_server.drop(name)


@pytest.fixture(scope="module")
def upgraded_template(pg_server: PgServer) -> Iterator[str]:
    """A template made at the previous schema version, then upgraded by init_db."""
    name = pg_server.template("upgraded", version=OLD)
    yield name
    pg_server.drop_template(name)


class TestUpgradedPostgisIndex(IndexTests):
    """The whole conformance suite again, on indexes upgraded from the previous version."""

    @pytest.fixture
    def index(self, pg_server: PgServer, upgraded_template: str) -> Iterator[PostgisIndex]:
        name = pg_server.create("u", template=upgraded_template)
        idx = PostgisIndex(pg_server.url_for(name))
        yield idx
        idx.close()
        pg_server.drop(name)

    def test_schema_is_current(self, index: PostgisIndex) -> None:
        (version,) = index._db.one("SELECT value FROM tc_meta WHERE key = 'schema_version'")
        assert int(version) == SCHEMA_VERSION


def test_system_init_command_upgrades_old_schema(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from terracube.cli import cli

    name = pg_server.create("oldcli")
    url = pg_server.url_for(name)
    small = dataset_doc("ls8", lonlat=(149.0, -36.0, 150.0, -35.0))
    try:
        old = PostgisIndex(url)
        old._upgrade_to(OLD)
        _write_old(old, [small], OLD)
        old.close()

        monkeypatch.setenv("TERRACUBE_DB_URL", url)
        monkeypatch.delenv("TERRACUBE_CONFIG_PATH", raising=False)
        refused = CliRunner().invoke(cli, ["dataset", "count"])
        assert refused.exit_code != 0 and "system init" in refused.stderr
        result = CliRunner().invoke(cli, ["system", "init"])
        assert result.exit_code == 0, result.output
        assert "Up to date" in result.stdout

        idx = PostgisIndex(url)
        (version,) = idx._db.one("SELECT value FROM tc_meta WHERE key = 'schema_version'")
        assert int(version) == SCHEMA_VERSION
        assert ids_of(idx.datasets.search(lat=(-35.5, -35.4), lon=(149.5, 149.6))) == {small["id"]}
        idx.close()
    finally:
        pg_server.drop(name)
