"""``terracube system clone <ODC database> <terracube index>``: ODC's records, copied equal."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from terracube.cli import cli
from terracube.index.odcdb import OdcIndex
from terracube.index.postgis import PostgisIndex
from terracube.index.sqlite import SQLiteIndex

from .conftest import ODC_ENTRY_POINTS, answers
from .test_read import assert_same_answers, lineage_of, odc_lineage, query_args

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from click.testing import Result
    from tests.index.conftest import PgServer

    from terracube.index.abstract import AbstractIndex

pytestmark = pytest.mark.usefixtures("odc_drivers", "clean_env")

LEGACY_PRODUCTS = ("ls5_level1_scene", "ls5_nbar_scene")


def run(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, (
        f"exit {result.exit_code}\n{result.stdout}\n{result.stderr}\n{result.exception!r}"
    )
    return result


def eo3_entries(kind: str) -> dict[str, Any]:
    return {k: e for k, e in answers(kind)["datasets"].items() if e["product"] not in LEGACY_PRODUCTS}


@pytest.fixture(params=["sqlite", "postgis"])
def destination(request: pytest.FixtureRequest, tmp_path: Path, pg_server: PgServer) -> Iterator[str]:
    """A terracube index to clone into (not created yet)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clone.db'}"
        return
    name = pg_server.create("odcclone")
    yield pg_server.url_for(name)
    pg_server.drop(name)


def open_index(url: str) -> AbstractIndex:
    if url.startswith("sqlite"):
        return SQLiteIndex(url.removeprefix("sqlite:///"))
    return PostgisIndex(url)


def assert_cloned_equal(index: AbstractIndex, kind: str, products: set[str] | None = None) -> None:
    """Every eo3 dataset (of ``products``) equals ODC's record of it; the legacy ones are absent."""
    odc = answers(kind)
    wanted = {k: e for k, e in eo3_entries(kind).items() if products is None or e["product"] in products}
    mine = {str(d.id): d for d in index.datasets.search(archived=None)}
    assert sorted(mine) == sorted(wanted)
    for id_, entry in wanted.items():
        ds = mine[id_]
        assert (ds.product.name, ds.metadata_doc, ds.uri, ds.is_archived) == (
            entry["product"],
            entry["metadata_doc"],
            entry["uri"],
            entry["archived"],
        ), id_
        assert ds.indexed_time is not None and ds.indexed_time.isoformat() == entry["indexed_time"], id_
        sources, derived = lineage_of(index, ds.id)
        odc_sources, odc_derived = odc_lineage(kind, entry)
        assert sources == odc_sources, id_
        if products is None and kind == "postgis":
            assert derived == odc_derived, id_
    if products is None:
        assert {m.name: m.definition for m in index.metadata_types.get_all()} == odc["metadata_types"]
        assert {p.name: p.definition for p in index.products.get_all()} == odc["products"]
        if kind == "postgis":
            ids = [*odc["datasets"], *odc["homes"]]
            assert {str(k): v for k, v in index.lineage.get_homes(*ids).items()} == odc["homes"]


def test_clone_copies_odcs_records_equal_and_answers_the_same_queries(
    odc_url: str, kind: str, destination: str
) -> None:
    result = run("system", "clone", odc_url, destination, "--batch-size", "7", "-f", "json")
    out = json.loads(result.stdout)
    legacy = len(answers(kind)["datasets"]) - len(eo3_entries(kind))
    assert (out["datasets"], out["skipped"], out["failed"]) == (len(eo3_entries(kind)), 0, legacy)
    assert out["several_locations"] == (1 if kind == "postgres" else 0)
    closing = result.stderr.strip().splitlines()[-1]
    assert closing.startswith(f"Cloned: {len(eo3_entries(kind))} copied, 0 skipped, {legacy} failed")
    assert f"Cloning an ODC index of ODC's {kind} driver" in result.stderr
    if kind == "postgres":
        assert "4 of ls5_level1_scene, 4 of ls5_nbar_scene): legacy (pre-eo3) document" in closing
        assert out["failures"] == [out["failures"][0]] and "eo3 documents only" in out["failures"][0]
    index = open_index(destination)
    try:
        assert_cloned_equal(index, kind)
        assert assert_same_answers_without_legacy(index, kind) >= 15
    finally:
        index.close()
    again = json.loads(run("system", "clone", odc_url, destination, "-f", "json").stdout)
    assert (again["datasets"], again["skipped"], again["failed"]) == (0, len(eo3_entries(kind)), legacy)
    assert (again["metadata_types"], again["products"], again["lineage"]) == (0, 0, 0)


def assert_same_answers_without_legacy(index: AbstractIndex, kind: str) -> int:
    """The recorded queries, legacy products aside (their datasets were not copied)."""
    if kind == "postgis":
        return assert_same_answers(index, kind)
    from terracube import Datacube

    dc = Datacube(index=index)
    n = 0
    for q in answers(kind)["queries"]:
        if q["query"].get("product") in LEGACY_PRODUCTS:
            continue
        assert sorted(str(d.id) for d in dc.find_datasets(**query_args(q["query"]))) == q["ids"], q
        n += 1
    return n


def test_product_filter_copies_one_product_its_type_and_lineage(
    odc_url: str, kind: str, tmp_path: Path
) -> None:
    dst = f"sqlite:///{tmp_path / 'ard.db'}"
    out = json.loads(run("system", "clone", odc_url, dst, "--product", "ard_scene", "-f", "json").stdout)
    ard = {k: e for k, e in eo3_entries(kind).items() if e["product"] == "ard_scene"}
    assert (out["metadata_types"], out["products"], out["datasets"], out["failed"]) == (1, 1, len(ard), 0)
    index = SQLiteIndex(tmp_path / "ard.db")
    assert [p.name for p in index.products.get_all()] == ["ard_scene"]
    assert [m.name for m in index.metadata_types.get_all()] == ["eo3_ard"]
    assert_cloned_equal(index, kind, {"ard_scene"})  # sources in lvl1_scene stay external
    assert out["lineage"] == sum(
        len(odc_lineage(kind, e)[0].get(c, [])) for e in ard.values() for c in odc_lineage(kind, e)[0]
    )
    index.close()
    bad = run("system", "clone", odc_url, dst, "--product", "nope", code=1)
    assert "--product 'nope': no such product" in bad.stderr


def test_clone_into_an_index_holding_terracubes_own_eo3(odc_dbs: dict[str, str], tmp_path: Path) -> None:
    dst = SQLiteIndex(tmp_path / "inited.db")
    dst.init_db()  # terracube's built-in eo3: the same fields as ODC's, its own words, one more
    ours = dst.metadata_types.get_by_name_unsafe("eo3")
    with OdcIndex.open(odc_dbs["postgis"]) as src:
        counts = dst.clone(src)
    assert (
        counts["datasets"].completed == len(eo3_entries("postgis"))
        and counts["metadata_types"].completed == 1
    )
    assert dst.metadata_types.get_by_name_unsafe("eo3") == ours
    assert (
        dst.products.get_by_name_unsafe("wofs_nan").definition == answers("postgis")["products"]["wofs_nan"]
    )
    assert assert_same_answers(dst, "postgis") >= 15
    dst.close()


def test_progress_lines_on_stderr_and_a_bar_when_asked(odc_dbs: dict[str, str], tmp_path: Path) -> None:
    lines = run("system", "clone", odc_dbs["postgis"], f"sqlite:///{tmp_path / 'a.db'}", "--batch-size", "5")
    assert "55 of 55 datasets (100%)" in lines.stderr
    bar = run("system", "clone", odc_dbs["postgis"], f"sqlite:///{tmp_path / 'b.db'}", "--progress")
    assert "Cloning datasets" in bar.stderr and "55/55" in bar.stderr
    quiet = run("system", "clone", odc_dbs["postgis"], f"sqlite:///{tmp_path / 'c.db'}", "--no-progress")
    assert "of 55 datasets" not in quiet.stderr and quiet.stderr.strip().splitlines()[-1].startswith(
        "Cloned: 55"
    )


# --- killed and resumed ---------------------------------------------------------------------------

_SLOW_CLONE = f"""
import sys, time
from importlib.metadata import EntryPoint
from terracube.drivers import INDEX_GROUP, _discovery
from terracube.index._datasets import AbstractDatasetResource

real_eps = _discovery._entry_points
def eps(group):
    out = real_eps(group)
    if group == INDEX_GROUP:
        have = {{e.name for e in out}}
        out += [EntryPoint(n, t, group) for n, t in {ODC_ENTRY_POINTS!r}.items() if n not in have]
    return out
_discovery._entry_points = eps

real_add = AbstractDatasetResource._add_batch
def slow_add(self, *args, **kwargs):
    status = real_add(self, *args, **kwargs)
    time.sleep(0.4)  # room for the test to kill the process between batches
    return status
AbstractDatasetResource._add_batch = slow_add

from terracube.cli import main
main(sys.argv[1:])
"""


def _count(path: Path) -> int:
    try:
        with sqlite3.connect(path, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM dataset").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_a_killed_clone_resumes_where_it_stopped(odc_url: str, kind: str, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TERRACUBE_", "ODC_", "DATACUBE_"))}
    args = ["system", "clone", odc_url, f"sqlite:///{db}", "--batch-size", "4", "-f", "json"]
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_CLONE, *args], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        while _count(db) < 12:
            assert proc.poll() is None, "the clone finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    kept = _count(db)
    assert 12 <= kept < len(eo3_entries(kind))
    out = json.loads(run(*args).stdout)
    assert out["skipped"] == kept and out["datasets"] == len(eo3_entries(kind)) - kept
    index = SQLiteIndex(db)
    assert_cloned_equal(index, kind)
    index.close()


def test_a_terracube_database_url_is_cloned_as_terracubes(pg_url: str, tmp_path: Path) -> None:
    from terracube.index.testing import dataset_doc, product_doc

    src = PostgisIndex(pg_url)
    src.products.add_document(product_doc("ls8"))
    src.datasets.add(src.datasets.from_doc(dataset_doc("ls8")))
    src.close()
    result = run("system", "clone", pg_url, f"sqlite:///{tmp_path / 'tc.db'}", "-f", "json")
    assert "Cloning a terracube postgis index in" in result.stderr
    assert json.loads(result.stdout)["datasets"] == 1


@pytest.mark.parametrize("kind", ["postgis"])
def test_products_terracube_cannot_read_are_reported_and_the_rest_copied(
    fresh_odc_url: str, pg_server: PgServer, tmp_path: Path
) -> None:
    # ODC accepts a boolean search field; terracube does not know the type.
    pg_server.sql(
        "UPDATE odc.metadata_type SET definition = jsonb_set(definition, "
        '\'{dataset,search_fields,is_good}\', \'{"type": "boolean", "offset": ["properties", "good"]}\') '
        "WHERE name = 'eo3_ard'",
        fresh_odc_url.rsplit("/", 1)[1],
    )
    with OdcIndex.open(fresh_odc_url) as src:
        assert [(u.kind, u.name) for u in src.unreadable] == [
            ("metadata type", "eo3_ard"),
            ("product", "ard_scene"),
        ]
        assert src.unreadable_datasets() == {"ard_scene": 17}
        assert src.datasets.count(product="lvl1_scene") == 17  # the rest reads as before
    out = run("system", "clone", fresh_odc_url, f"sqlite:///{tmp_path / 'c.db'}", "-f", "json")
    summary = json.loads(out.stdout)
    assert (summary["datasets"], summary["failed"]) == (len(eo3_entries("postgis")) - 17, 17)
    assert (
        "17 (17 of ard_scene): terracube cannot read the product: its metadata type cannot be read"
        in summary["failures"][0]
    )
    bad = run(
        "system", "clone", fresh_odc_url, f"sqlite:///{tmp_path / 'd.db'}", "--product", "ard_scene", code=1
    )
    assert "--product 'ard_scene': terracube cannot read this product" in bad.stderr
    assert not (tmp_path / "d.db").exists()
