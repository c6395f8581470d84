"""ODC's command-line vocabulary: the commands and options ``datacube`` users type, on terracube.

``user`` and ``spindex`` run against a real PostGIS database; the rest against SQLite.
"""

from __future__ import annotations

import json
import os
import uuid
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from terracube.cli import cli

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from click.testing import Result

PG = os.environ.get("TERRACUBE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def ds_id(n: int) -> str:
    return str(uuid.UUID(int=n + 1))


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


@pytest.fixture
def folder(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: Any
) -> Path:
    """Datasets 0-2 of ls8; 1 derived from 0 and 2 derived from 1 (lineage), all in one folder."""
    out = docs / "ds"
    write_yaml(out / "0.yaml", ds_doc(0))
    write_yaml(out / "1.yaml", ds_doc(1, lineage={"level1": [ds_id(0)]}))
    write_yaml(out / "2.yaml", ds_doc(2, lineage={"ard": [ds_id(1)]}))
    run("dataset", "add", str(out))
    return out


def _status(run: Callable[..., Result], n: int) -> str:
    return str(yaml_doc(run("dataset", "info", ds_id(n), "-f", "json"))["status"])


def yaml_doc(result: Result) -> dict[str, Any]:
    return dict(json.loads(result.stdout))


# --- archive, restore, purge ----------------------------------------------------------------


def test_archive_dry_run_and_derived(run: Callable[..., Result], folder: Path) -> None:
    dry = run("dataset", "archive", "--archive-derived", "--dry-run", ds_id(0))
    assert dry.stdout.splitlines() == [
        f"Would archive {ds_id(0)}", f"Would archive {ds_id(1)} (derived)", f"Would archive {ds_id(2)} (derived)",
    ]  # fmt: skip
    assert [_status(run, n) for n in range(3)] == ["active"] * 3
    run("dataset", "archive", "-d", ds_id(1))
    assert [_status(run, n) for n in range(3)] == ["active", "archived", "archived"]


def test_restore_derived_within_tolerance(run: Callable[..., Result], folder: Path) -> None:
    run("dataset", "archive", "-d", ds_id(0))
    out = run("dataset", "restore", "--restore-derived", "--dry-run", ds_id(0)).stdout.splitlines()
    assert out == [
        f"Would restore {ds_id(0)}",
        f"Would restore {ds_id(1)} (derived)",
        f"Would restore {ds_id(2)} (derived)",
    ]
    assert [_status(run, n) for n in range(3)] == ["archived"] * 3
    # A tolerance of 0 s still restores what was archived in the same call (same time).
    run("dataset", "restore", "-d", "--derived-tolerance-seconds", "0", ds_id(0))
    assert [_status(run, n) for n in range(3)] == ["active"] * 3
    # Without -d only the dataset named.
    run("dataset", "archive", "-d", ds_id(0))
    run("dataset", "restore", ds_id(0))
    assert [_status(run, n) for n in range(3)] == ["active", "archived", "archived"]


def test_all_flags(run: Callable[..., Result], folder: Path) -> None:
    assert "give dataset ids, or --all" in run("dataset", "archive", code=2).stderr
    assert "not both" in run("dataset", "purge", "--all", ds_id(0), code=2).stderr
    run("dataset", "archive", ds_id(2))
    assert run("dataset", "archive", "--all", "--dry-run").stdout.splitlines() == [
        f"Would archive {ds_id(0)}", f"Would archive {ds_id(1)}",
    ]  # fmt: skip
    run("dataset", "archive", "--all")
    assert run("dataset", "count").stdout == "0\n"
    run("dataset", "restore", ds_id(0))
    assert run("dataset", "purge", "--all", "--dry-run").stdout.splitlines() == [
        f"Would purge {ds_id(1)}", f"Would purge {ds_id(2)}",
    ]  # fmt: skip
    assert run("dataset", "count", "--all").stdout == "3\n"
    run("dataset", "purge", "--all")
    assert run("dataset", "count", "--all").stdout == "1\n"
    run("dataset", "restore", "--all")  # nothing archived: nothing to do
    assert run("dataset", "count").stdout == "1\n"


# --- info with lineage ----------------------------------------------------------------------


def test_info_show_sources_and_derived(run: Callable[..., Result], folder: Path) -> None:
    doc = _json(run("dataset", "info", ds_id(2), "--show-sources", "-f", "json"))
    assert doc["sources"] == {
        "ard": [{"id": ds_id(1), "product": "ls8", "status": "active",
                 "sources": {"level1": [{"id": ds_id(0), "product": "ls8", "status": "active"}]}}]
    }  # fmt: skip
    one_level = _json(run("dataset", "info", ds_id(2), "--show-sources", "--max-depth", "1", "-f", "json"))
    assert one_level["sources"] == {"ard": [{"id": ds_id(1), "product": "ls8", "status": "active"}]}
    derived = _json(run("dataset", "info", ds_id(0), "--show-derived", "-f", "json"))
    assert derived["derived"]["level1"][0]["id"] == ds_id(1)
    assert derived["derived"]["level1"][0]["derived"]["ard"][0]["id"] == ds_id(2)
    assert "sources" not in derived


def test_info_source_outside_the_index(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: Any
) -> None:
    outside = str(uuid.uuid4())
    run("dataset", "add", str(write_yaml(docs / "x.yaml", ds_doc(5, lineage={"l1": [outside]}))))
    doc = _json(run("dataset", "info", ds_id(5), "--show-sources", "-f", "json"))
    assert doc["sources"] == {"l1": [{"id": outside, "status": "not indexed"}]}


# --- add: product filters, archive less mature ------------------------------------------------


def test_add_product_filters(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: Any
) -> None:
    from terracube.index.testing import dataset_doc, product_doc

    run("product", "add", str(write_yaml(docs / "s2.yaml", product_doc("s2"))))
    write_yaml(docs / "ds" / "a.yaml", ds_doc(0))
    write_yaml(docs / "ds" / "b.yaml", dataset_doc("s2", id=uuid.UUID(int=99)))
    only = run("dataset", "add", "-p", "s2", str(docs / "ds"), code=1)
    assert "dataset of product 'ls8', left out by --product ['s2']" in only.stderr
    assert only.stdout.strip() == "Added 1, skipped 0 already present, 1 failed."
    rest = run("dataset", "add", "--exclude-product", "s2", str(docs / "ds"), code=1)
    assert "dataset of product 's2', left out by --exclude-product" in rest.stderr
    assert rest.stdout.strip() == "Added 1, skipped 0 already present, 1 failed."
    assert "no product named 'nope'" in run("dataset", "add", "-p", "nope", str(docs / "ds"), code=2).stderr


def _mature(ds_doc: Any, n: int, maturity: str, **kw: Any) -> dict[str, Any]:
    doc = ds_doc(n, time="2020-05-01T10:00:00Z", **kw)
    doc["properties"]["dea:dataset_maturity"] = maturity
    return dict(doc)


def test_add_and_update_archive_less_mature(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: Any
) -> None:
    run("dataset", "add", str(write_yaml(docs / "nrt.yaml", _mature(ds_doc, 0, "nrt"))))
    final = write_yaml(docs / "final.yaml", _mature(ds_doc, 1, "final"))
    dry = run("dataset", "add", "--archive-less-mature", "--dry-run", str(final))
    assert "Would archive 1 less mature version." in dry.stdout
    assert _status(run, 0) == "active"
    out = run("dataset", "add", "--archive-less-mature", str(final))
    assert (
        out.stdout.strip() == "Added 1, skipped 0 already present, 0 failed. Archived 1 less mature version."
    )
    assert [_status(run, 0), _status(run, 1)] == ["archived", "active"]
    # update: an interim version becoming final archives the nrt one restored meanwhile.
    run("dataset", "restore", ds_id(0))
    interim = write_yaml(docs / "interim.yaml", _mature(ds_doc, 2, "interim"))
    run("dataset", "add", str(interim))
    run("dataset", "archive", ds_id(1))
    run("dataset", "update", "--allow-any", "properties", "--archive-less-mature",
        str(write_yaml(docs / "interim.yaml", _mature(ds_doc, 2, "final"))))  # fmt: skip
    assert [_status(run, n) for n in range(3)] == ["archived", "archived", "active"]
    bad = run("dataset", "add", "--archive-less-mature", str(write_yaml(docs / "no.yaml", ds_doc(7))), code=1)
    assert "archive_less_mature compares the datasets' dataset_maturity" in bad.stderr


# --- update: safe changes by default ----------------------------------------------------------


def test_update_allows_safe_changes_by_default(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: Any
) -> None:
    path = write_yaml(docs / "a.yaml", ds_doc(0))
    run("dataset", "add", str(path))
    extended = ds_doc(0)
    extended["properties"]["eo:gsd"] = 30.0
    write_yaml(path, extended)
    out = run("dataset", "update", str(path))
    assert out.stdout.splitlines()[-1] == "1 updated, 0 unchanged, 0 failed."
    changed = ds_doc(0)
    changed["properties"]["eo:gsd"] = 15.0
    write_yaml(path, changed)
    refused = run("dataset", "update", str(path), code=1)
    assert (
        "changes not allowed (allow them with --allow-any OFFSET): properties.eo:gsd: 30.0 -> 15.0"
        in refused.stderr
    )
    run("dataset", "update", "--allow-any", "properties.eo:gsd", str(path))


# --- find-duplicates and uri-search -----------------------------------------------------------


def test_find_duplicates(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: Any
) -> None:
    for n in range(4):
        write_yaml(docs / "ds" / f"{n}.yaml", ds_doc(n, region_code="r1" if n < 3 else "r2", cloud_cover=1.0))
    write_yaml(docs / "ds" / "4.yaml", ds_doc(4, region_code="r2", cloud_cover=2.0))
    run("dataset", "add", str(docs / "ds"))
    rows = _json(run("dataset", "find-duplicates", "region_code", "cloud_cover", "-f", "json"))
    assert rows == [
        {
            "product": "ls8",
            "region_code": "r1",
            "cloud_cover": 1.0,
            "count": 3,
            "ids": [ds_id(0), ds_id(1), ds_id(2)],
        }
    ]
    by_region = _json(run("dataset", "find-duplicates", "region_code", "-p", "ls8", "-f", "json"))
    assert [(r["region_code"], r["count"]) for r in by_region] == [("r1", 3), ("r2", 2)]
    assert run("dataset", "find-duplicates", "platform", "time").stderr == "No duplicates found.\n"
    assert (
        "no product has all the fields ['colour']"
        in run("dataset", "find-duplicates", "colour", code=1).stderr
    )


def test_uri_search(run: Callable[..., Result], folder: Path) -> None:
    exact = _json(
        run("dataset", "uri-search", "--search-mode", "exact", str(folder / "1.yaml"), "-f", "json")
    )
    assert [r["id"] for r in exact] == [ds_id(1)] and exact[0]["uri"] == (folder / "1.yaml").as_uri()
    prefix = _json(run("dataset", "uri-search", str(folder), "-f", "json"))
    assert [r["id"] for r in prefix] == [ds_id(0), ds_id(1), ds_id(2)]
    guess = _json(run("dataset", "uri-search", "--search-mode", "guess", folder.as_uri() + "/", "-f", "json"))
    assert len(guess) == 3
    none = run("dataset", "uri-search", "--search-mode", "exact", str(folder))
    assert none.stderr == f"Not in the index: {folder}\n"


# --- verbosity and query logging ------------------------------------------------------------


def test_verbose_and_log_queries(run: Callable[..., Result], folder: Path) -> None:
    queries = run("--log-queries", "dataset", "count")
    assert queries.stdout == "3\n"
    assert "terracube.sql: SELECT" in queries.stderr
    assert "terracube.sql" not in run("dataset", "count").stderr


# --- user and spindex ---------------------------------------------------------------------------


def test_user_and_spindex_need_a_driver_that_supports_them(
    run: Callable[..., Result], index_ready: None
) -> None:
    assert "supports_users" in run("user", "list", code=1).stderr
    assert "supports_spatial_indexes" in run("spindex", "create", "3577", code=1).stderr
    assert run("spindex", "list").stdout.split() == ["crs", "EPSG:4326"]
    assert "'EPSG:nope' is not a CRS" in run("spindex", "create", "EPSG:nope", code=2).stderr


@pytest.fixture
def pg_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new PostgreSQL database as the default environment; dropped afterwards (with its roles)."""
    import psycopg

    name = f"tc_cli_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{PG.rsplit('/', 1)[0]}/{name}"
    monkeypatch.setenv("TERRACUBE_DB_URL", url)
    yield url
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_user_commands_on_postgis(pg_env: str) -> None:
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> Result:
        result = runner.invoke(cli, list(args))
        assert result.exit_code == code, (args, result.stdout, result.stderr)
        return result

    run("system", "init")
    name = f"tc_user_{uuid.uuid4().hex[:8]}"
    try:
        line = run("user", "create", "ingest", name, "--description", "loader").stdout.strip()
        host, port, star, user, password = line.split(":")
        assert (host, port, star, user) == ("127.0.0.1", "5432", "*", name) and len(password) >= 12
        rows = _json(run("user", "list", "-f", "json"))
        assert {"role": "ingest", "user": name, "description": "loader"} in rows
        run("user", "grant", "manage", name)
        assert {"role": "manage", "user": name, "description": "loader"} in _json(
            run("user", "list", "-f", "json")
        )
        assert "'boss' is not one of" in run("user", "grant", "boss", name, code=2).stderr
    finally:
        run("user", "delete", name)
    assert name not in run("user", "list").stdout


def test_spindex_commands_on_postgis(pg_env: str, tmp_path: Path) -> None:
    import yaml

    from terracube.index.testing import dataset_doc, product_doc

    runner = CliRunner()

    def run(*args: str, code: int = 0, input: str | None = None) -> Result:
        result = runner.invoke(cli, list(args), input=input)
        assert result.exit_code == code, (args, result.stdout, result.stderr)
        return result

    run("system", "init")
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(product_doc("ls8")))
    (tmp_path / "d.yaml").write_text(yaml.safe_dump(dataset_doc("ls8", id=uuid.UUID(int=1))))
    run("product", "add", str(tmp_path / "p.yaml"))
    run("dataset", "add", str(tmp_path / "d.yaml"))
    out = run("spindex", "create", "3577").stdout.splitlines()
    assert out[0] == "Created: spatial index for EPSG:3577"
    assert "EPSG:3577" in run("spindex", "list").stdout.split()
    assert run("spindex", "update", "EPSG:3577", "-p", "ls8").stdout.startswith("1 dataset extents written")
    assert "no spatial index for EPSG:32755" in run("spindex", "update", "32755", code=1).stderr
    assert run("spindex", "create", "-u", "3577").stdout.splitlines() == [
        "Already present: spatial index for EPSG:3577", "1 dataset extents written to the spatial indexes",
    ]  # fmt: skip
    assert "Aborted" in run("spindex", "drop", "3577", input="n\n", code=1).stderr
    assert run("spindex", "drop", "--force", "3577").stdout.strip() == "Dropped: spatial index for EPSG:3577"
    assert "EPSG:3577" not in run("spindex", "list").stdout.split()
