"""``terracube dataset update|info|search|count|archive|restore|purge``."""

from __future__ import annotations

import csv
import io
import json
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import yaml

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import Result

DsDoc = Any  # the ds_doc fixture: Callable[..., dict]


def ds_id(n: int) -> str:
    """The id the ds_doc fixture gives document ``n``."""
    return str(uuid.UUID(int=n + 1))


@pytest.fixture
def indexed(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> Path:
    """Four ls8 datasets: months 1-4 of 2020, longitudes 149-153, cloud cover 0-30. Returns their folder."""
    folder = docs / "ds"
    for n in range(4):
        write_yaml(folder / f"{n}.yaml", ds_doc(n))
    run("dataset", "add", str(folder))
    return folder


def _search(run: Callable[..., Result], *args: str) -> list[str]:
    return [r["id"] for r in json.loads(run("dataset", "search", *args, "-f", "json").stdout)]


# --- search and count ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expressions", "expected"),
    [
        ([], [0, 1, 2, 3]),
        (["product=ls8"], [0, 1, 2, 3]),
        (["time in [2020-02, 2020-03]"], [1, 2]),
        (["time=2020-03"], [2]),
        (["time in 2020"], [0, 1, 2, 3]),
        (["time in [2020-03, ]"], [2, 3]),
        (["lon in [150.5, 151.5]"], [1, 2]),
        (["lat in [-36, -35]", "lon in [149.2, 149.4]"], [0]),
        (["cloud_cover in [0, 15]"], [0, 1]),
        (["cloud_cover=20"], [2]),
        (["platform=landsat-8"], [0, 1, 2, 3]),
        (["platform=sentinel-2a"], []),
        (["region_code=089084"], [0, 1, 2, 3]),
        (["product=ls8 time in [2020-01, 2020-02] cloud_cover in [5, 100]"], [1]),
    ],
)
def test_search(
    run: Callable[..., Result], indexed: Path, expressions: list[str], expected: list[int]
) -> None:
    assert _search(run, *expressions) == [ds_id(n) for n in expected]
    assert run("dataset", "count", *expressions).stdout == f"{len(expected)}\n"


def test_search_rows_and_formats(run: Callable[..., Result], indexed: Path) -> None:
    rows = json.loads(run("dataset", "search", "time=2020-01", "-f", "json").stdout)
    assert len(rows) == 1
    # id, product, time and location first, then every search field (ranges as min/max).
    assert list(rows[0])[:4] == ["id", "product", "time", "uri"]
    assert rows[0]["id"] == ds_id(0) and rows[0]["time"] == "2020-01-15T10:00:00Z"
    assert rows[0]["uri"] == (indexed / "0.yaml").absolute().as_uri()
    assert rows[0]["lon"] == "149.0/150.0" and rows[0]["lat"] == "-36.0/-35.0"
    assert rows[0]["cloud_cover"] == 0.0 and rows[0]["platform"] == "landsat-8"
    assert rows[0]["region_code"] == "089084" and "metadata_doc" not in rows[0]
    assert list(rows[0])[4:] == sorted(list(rows[0])[4:])
    parsed = list(csv.DictReader(io.StringIO(run("dataset", "search", "-f", "csv").stdout)))
    assert [r["id"] for r in parsed] == [ds_id(n) for n in range(4)]
    assert list(parsed[0]) == list(rows[0])
    assert [r["id"] for r in yaml.safe_load(run("dataset", "search", "-f", "yaml").stdout)] == [
        ds_id(n) for n in range(4)
    ]
    table = run("dataset", "search", "time=2020-01").stdout.splitlines()
    assert table[0].split()[:4] == ["id", "product", "time", "uri"]
    assert table[1].split()[:3] == [ds_id(0), "ls8", "2020-01-15T10:00:00Z"]


def test_search_fields(run: Callable[..., Result], indexed: Path) -> None:
    out = run("dataset", "search", "time in [2020-01, 2020-02]", "--fields", "id,cloud_cover", "-f", "csv")
    assert out.stdout.splitlines() == ["id,cloud_cover", f"{ds_id(0)},0.0", f"{ds_id(1)},10.0"]
    both = run(
        "dataset", "search", "time=2020-02", "--fields", "time", "--fields", "indexed_time", "-f", "json"
    )
    assert list(json.loads(both.stdout)[0]) == ["time", "indexed_time"]
    table = run("dataset", "search", "--fields", "id,platform", "--limit", "1").stdout.splitlines()
    assert table == ["id                                    platform", f"{ds_id(0)}  landsat-8"]
    bad = run("dataset", "search", "--fields", "id,colour", code=1)
    assert bad.stderr.startswith("Error: unknown field(s) ['colour'] for search_returning; known: [")


def test_search_limit(run: Callable[..., Result], indexed: Path) -> None:
    assert _search(run, "--limit", "2") == [ds_id(0), ds_id(1)]


def test_search_bad_expressions_are_usage_errors(run: Callable[..., Result], indexed: Path) -> None:
    result = run("dataset", "search", "time in [2020", code=2)
    assert "expected ',' between the two ends" in result.stderr
    assert "expected '=' or 'in'" in run("dataset", "count", "product", code=2).stderr


def test_search_unknown_field_is_an_error(run: Callable[..., Result], indexed: Path) -> None:
    result = run("dataset", "search", "colour=red", code=1)
    assert result.stderr.startswith("Error: unknown search field(s) ['colour']")
    assert (
        "search field 'cloud_cover' is numeric; cannot search it for 'lots'"
        in run("dataset", "search", "cloud_cover=lots", code=1).stderr
    )


def test_search_of_unknown_product_warns_and_finds_nothing(run: Callable[..., Result], indexed: Path) -> None:
    result = run("dataset", "count", "product=ls9", "-f", "json")
    assert json.loads(result.stdout) == {"count": 0}
    assert result.stderr.startswith("Warning: no product named 'ls9' in the index")


def test_count_formats(run: Callable[..., Result], indexed: Path) -> None:
    assert json.loads(run("dataset", "count", "product=ls8", "-f", "json").stdout) == {"count": 4}
    assert run("dataset", "count", "-f", "csv").stdout == "count\n4\n"
    assert yaml.safe_load(run("dataset", "count", "-f", "yaml").stdout) == {"count": 4}


def test_count_through_time(run: Callable[..., Result], indexed: Path) -> None:
    out = run("dataset", "count", "time in [2020-01, 2020-06]", "--period", "2 months", "-f", "json").stdout
    assert json.loads(out) == [
        {"product": "ls8", "start": "2020-01-01T00:00:00Z", "end": "2020-02-29T23:59:59.999999Z", "count": 2},
        {"product": "ls8", "start": "2020-03-01T00:00:00Z", "end": "2020-04-30T23:59:59.999999Z", "count": 2},
        {"product": "ls8", "start": "2020-05-01T00:00:00Z", "end": "2020-06-30T23:59:59.999999Z", "count": 0},
    ]
    assert "--period needs a time range" in run("dataset", "count", "--period", "1 month", code=2).stderr
    bad = run("dataset", "count", "time=2020", "--period", "fortnightly", code=1)
    assert "period 'fortnightly' not understood" in bad.stderr


# --- archive, restore, purge --------------------------------------------------------------------


def test_archive_restore(run: Callable[..., Result], indexed: Path) -> None:
    out = run("dataset", "archive", ds_id(0), ds_id(1)).stdout
    assert out == f"Archived {ds_id(0)}\nArchived {ds_id(1)}\n"
    assert run("dataset", "archive", ds_id(0)).stdout == f"Already archived {ds_id(0)}\n"
    assert _search(run) == [ds_id(2), ds_id(3)]
    assert _search(run, "--archived") == [ds_id(0), ds_id(1)]
    assert _search(run, "--all") == [ds_id(n) for n in range(4)]
    assert run("dataset", "count", "--archived").stdout == "2\n"
    assert run("dataset", "count", "--all").stdout == "4\n"
    assert (
        "give --archived or --all, not both" in run("dataset", "search", "--archived", "--all", code=2).stderr
    )
    info = json.loads(run("dataset", "info", ds_id(0), "-f", "json").stdout)
    assert info["status"] == "archived"
    assert info["archived_time"] is not None

    out = run("dataset", "restore", ds_id(0), ds_id(2)).stdout
    assert out == f"Restored {ds_id(0)}\nAlready active {ds_id(2)}\n"
    assert _search(run, "--archived") == [ds_id(1)]


def test_archive_unknown_id(run: Callable[..., Result], indexed: Path) -> None:
    unknown = str(uuid.UUID(int=999))
    result = run("dataset", "archive", ds_id(0), unknown, code=1)
    assert result.stdout == f"Archived {ds_id(0)}\n"
    assert result.stderr == f"Error: no dataset with id '{unknown}' in the index\n"
    assert "is not a dataset id" in run("dataset", "archive", "nope", code=2).stderr


def test_purge(run: Callable[..., Result], indexed: Path) -> None:
    run("dataset", "archive", ds_id(0))
    result = run("dataset", "purge", ds_id(0), ds_id(1), code=1)
    assert result.stdout == f"Purged {ds_id(0)}\n"
    assert result.stderr == f"Error: dataset '{ds_id(1)}' is active; archive it first or pass --force\n"
    assert _search(run, "--all") == [ds_id(1), ds_id(2), ds_id(3)]
    assert run("dataset", "purge", "--force", ds_id(1)).stdout == f"Purged {ds_id(1)}\n"
    assert _search(run, "--all") == [ds_id(2), ds_id(3)]
    assert "no dataset with id" in run("dataset", "purge", ds_id(1), code=1).stderr


# --- info ---------------------------------------------------------------------------------------


def test_info(run: Callable[..., Result], indexed: Path, ds_doc: DsDoc) -> None:
    docs = list(yaml.safe_load_all(run("dataset", "info", ds_id(0), ds_id(1)).stdout))
    assert [d["id"] for d in docs] == [ds_id(0), ds_id(1)]
    first = docs[0]
    assert first["product"] == "ls8"
    assert first["status"] == "active"
    assert first["uri"] == (indexed / "0.yaml").absolute().as_uri()
    assert first["indexed_time"].endswith("Z")
    assert first["archived_time"] is None
    assert first["time"] == "2020-01-15T10:00:00Z"
    assert first["document"] == ds_doc(0)
    both = json.loads(run("dataset", "info", ds_id(0), ds_id(1), "-f", "json").stdout)
    assert [d["id"] for d in both] == [ds_id(0), ds_id(1)]


def test_info_unknown(run: Callable[..., Result], indexed: Path) -> None:
    unknown = str(uuid.UUID(int=999))
    result = run("dataset", "info", ds_id(0), unknown, code=1)
    assert result.stdout == ""
    assert result.stderr == f"Error: no dataset with id '{unknown}' in the index\n"


# --- update -------------------------------------------------------------------------------------


def test_update_needs_allow_any(
    run: Callable[..., Result], indexed: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    path = write_yaml(indexed / "0.yaml", ds_doc(0, cloud_cover=55.5))
    refused = run("dataset", "update", str(path), code=1)
    assert refused.stderr == (
        f"Error: {path}: dataset '{ds_id(0)}': changes not allowed (allow them with --allow-any OFFSET): "
        "properties.eo:cloud_cover: 0.0 -> 55.5\n"
    )
    assert refused.stdout == "0 updated, 0 unchanged, 1 failed.\n"
    assert _search(run, "cloud_cover=55.5") == []

    dry = run("dataset", "update", "--dry-run", "--allow-any", "properties.eo:cloud_cover", str(path))
    assert dry.stdout.splitlines() == [
        f"Would update {ds_id(0)} ({path}):",
        "  safe    properties.eo:cloud_cover: 0.0 -> 55.5",
        "Dry run: 1 would be updated, 0 unchanged, 0 failed; nothing was written.",
    ]
    assert _search(run, "cloud_cover=55.5") == []

    done = run("dataset", "update", "--allow-any", "properties.eo:cloud_cover", str(indexed))
    assert done.stdout.splitlines()[-1] == "1 updated, 3 unchanged, 0 failed."
    assert _search(run, "cloud_cover=55.5") == [ds_id(0)]


def test_update_allow_any_prefix_and_list_positions(
    run: Callable[..., Result], indexed: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    doc = ds_doc(1, cloud_cover=1.0, platform="landsat-9")
    path = write_yaml(indexed / "1.yaml", doc)
    run("dataset", "update", "--allow-any", "properties.eo:cloud_cover", str(path), code=1)
    run("dataset", "update", "--allow-any", "properties", str(path))
    assert _search(run, "platform=landsat-9") == [ds_id(1)]
    moved = ds_doc(2)
    moved["measurements"]["red"]["path"] = "elsewhere/red.tif"
    path2 = write_yaml(indexed / "2.yaml", moved)
    run("dataset", "update", "--allow-any", "measurements.red", str(path2))


def test_update_new_location_is_allowed(
    run: Callable[..., Result], indexed: Path, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    new = write_yaml(docs / "moved" / "zero.yaml", ds_doc(0))
    out = run("dataset", "update", str(new)).stdout.splitlines()
    assert out[1] == f"  location  {(indexed / '0.yaml').absolute().as_uri()} -> {new.absolute().as_uri()}"
    info = json.loads(run("dataset", "info", ds_id(0), "-f", "json").stdout)
    assert info["uri"] == new.absolute().as_uri()


def test_update_reads_a_dataset_again_after_updating_it(
    run: Callable[..., Result], indexed: Path, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    # Stored versions are read for many files at once; a dataset named twice is compared the
    # second time with what the first update stored, and an unknown one is still reported.
    write_yaml(docs / "twice" / "a.yaml", ds_doc(1, properties={"x:note": "added"}))  # safe: new
    write_yaml(docs / "twice" / "b.yaml", ds_doc(7))
    write_yaml(docs / "twice" / "c.yaml", ds_doc(1, properties={"x:note": "changed"}))  # not: changed
    result = run("dataset", "update", str(docs / "twice"), code=1)
    assert "1 updated, 0 unchanged, 2 failed." in result.stdout
    assert f"Updated {ds_id(1)} ({docs / 'twice' / 'a.yaml'}):" in result.stdout
    errors = result.stderr.splitlines()
    assert "b.yaml" in errors[0] and "add it with `terracube dataset add` first" in errors[0]
    assert "c.yaml" in errors[1] and "changes not allowed" in errors[1] and "x:note" in errors[1]
    info = json.loads(run("dataset", "info", ds_id(1), "-f", "json").stdout)
    assert info["uri"] == (docs / "twice" / "a.yaml").absolute().as_uri()


def test_update_unknown_dataset(
    run: Callable[..., Result], indexed: Path, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    path = write_yaml(docs / "new.yaml", ds_doc(7))
    result = run("dataset", "update", str(path), code=1)
    assert "add it with `terracube dataset add` first" in result.stderr
    assert str(path) in result.stderr


def test_update_bad_offset(run: Callable[..., Result], indexed: Path) -> None:
    result = run("dataset", "update", "--allow-any", "properties..x", str(indexed), code=2)
    assert "is not a dotted offset" in result.stderr


def test_parse_offset() -> None:
    from terracube.cli._dataset import parse_offset

    assert parse_offset("properties.eo:cloud_cover") == ("properties", "eo:cloud_cover")
    assert parse_offset("geometry.coordinates.0") == ("geometry", "coordinates", 0)
    assert parse_offset("properties") == ("properties",)
