"""``terracube stac export|import``: a catalog written, checked and read back into another index."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.index.sqlite import SQLiteIndex

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import Result

DsDoc = Any  # the ds_doc fixture: Callable[..., dict]
EXTERNAL = uuid.UUID("00000000-0000-4000-8000-0000000000ee")


def ds_id(n: int) -> uuid.UUID:
    return uuid.UUID(int=n + 1)


@pytest.fixture
def indexed(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> Path:
    """Five ls8 datasets (the third derived from the first and an external source), one archived."""
    for n in range(5):
        lineage = {"level1": [str(ds_id(0)), str(EXTERNAL)]} if n == 2 else None
        write_yaml(docs / "data" / f"d{n}" / "ds.odc-metadata.yaml", ds_doc(n, lineage=lineage))
    run("dataset", "add", str(docs / "data"))
    run("dataset", "archive", str(ds_id(4)))
    return docs


def _snapshot(path: Path) -> dict[uuid.UUID, tuple[Any, ...]]:
    idx = SQLiteIndex(path)
    try:
        return {d.id: (d.product.name, d.metadata_doc, d.uri) for d in idx.datasets.search(archived=None)}
    finally:
        idx.close()


def test_export_validate_and_import_elsewhere(
    run: Callable[..., Result], indexed: Path, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = json.loads(run("stac", "export", str(tmp_path / "cat"), "--validate", "-f", "json").stdout)
    assert (out["collections"], out["items"], out["invalid_files"]) == (1, 4, 0)
    assert out["destination"] == str(tmp_path / "cat")
    item = json.loads((tmp_path / "cat" / "items" / f"{ds_id(2)}.json").read_text())
    assert item["collection"] == "ls8"
    assert item["assets"]["red"]["href"] == (indexed / "data" / "d2" / "red.tif").absolute().as_uri()

    other = tmp_path / "other.db"
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{other}")
    run("system", "init")
    result = run("stac", "import", str(tmp_path / "cat" / "catalog.json"))
    assert result.stdout == (
        "Added product ls8.\n"
        "Added 4, skipped 0 already present, 0 failed. "
        "Recorded 2 lineage relations (1 with sources outside this index).\n"
    )
    active = {k: v for k, v in _snapshot(db_path).items() if k != ds_id(4)}
    assert _snapshot(other) == active
    again = run("stac", "import", str(tmp_path / "cat"))
    assert again.stdout.startswith("Added 0, skipped 4 already present, 0 failed.")


def test_export_a_query_and_archived_datasets(
    run: Callable[..., Result], indexed: Path, tmp_path: Path
) -> None:
    out = json.loads(
        run("stac", "export", str(tmp_path / "a"), "time in [2020-01, 2020-02]", "-f", "json").stdout
    )
    assert out["items"] == 2
    out = json.loads(run("stac", "export", str(tmp_path / "b"), "--archived", "-f", "json").stdout)
    assert out["items"] == 1
    assert (tmp_path / "b" / "items" / f"{ds_id(4)}.json").exists()
    out = json.loads(run("stac", "export", str(tmp_path / "c"), "--all", "-f", "json").stdout)
    assert out["items"] == 5
    bad = run("stac", "export", str(tmp_path / "d"), "--archived", "--all", code=2)
    assert "give --archived or --all, not both" in bad.stderr


def test_import_reports_bad_items_and_goes_on(
    run: Callable[..., Result], indexed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("stac", "export", str(tmp_path / "cat"))
    items = tmp_path / "cat" / "items"
    broken = items / f"{ds_id(1)}.json"
    doc = json.loads(broken.read_text())
    doc["properties"]["datetime"] = "not a time"
    broken.write_text(json.dumps(doc))
    (items / "junk.json").write_text("{")

    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{tmp_path / 'other.db'}")
    run("system", "init")
    run("product", "add", str(indexed / "ls8.yaml"))
    result = run("stac", "import", "--ignore-lineage", str(items), code=1)
    assert result.stdout == "Added 3, skipped 0 already present, 2 failed.\n"
    assert f"{ds_id(1)}.json" in result.stderr and "properties.datetime" in result.stderr
    assert "junk.json: not JSON" in result.stderr

    stopped = run("stac", "import", "--on-error", "stop", str(items), code=1)
    assert "Stopped at the first failure." in stopped.stdout


def test_import_into_a_given_product(
    run: Callable[..., Result], indexed: Path, tmp_path: Path, write_yaml: Callable[..., Path]
) -> None:
    from terracube.index.testing import product_doc

    run("stac", "export", str(tmp_path / "cat"))
    # Same ids as the originals: they are different datasets now, so they conflict, and the
    # product made for them is not left behind.
    clash = run("stac", "import", "--product", "ls8_copy", str(tmp_path / "cat"), code=1)
    assert "already in the index" in clash.stderr
    assert "Added product" not in clash.stdout
    assert "ls8_copy" not in run("product", "list").stdout
    run("product", "add", str(write_yaml(tmp_path / "copy.yaml", product_doc("ls8_copy"))))
    clash = run("stac", "import", "--product", "ls8_copy", str(tmp_path / "cat" / "items"), code=1)
    assert "already in the index" in clash.stderr
    assert json.loads(run("dataset", "count", "product=ls8_copy", "-f", "json").stdout) == {"count": 0}
    assert "ls8_copy" in run("product", "list").stdout  # it was there before: it stays


def test_ndjson_export_and_a_bad_line(
    run: Callable[..., Result], indexed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = json.loads(
        run("stac", "export", str(tmp_path / "cat"), "--ndjson", "--validate", "-f", "json").stdout
    )
    assert (out["items"], out["invalid_files"]) == (4, 0)
    lines_file = tmp_path / "cat" / "ls8" / "items.ndjson"
    lines = lines_file.read_text().splitlines()
    lines_file.write_text("\n".join([lines[0], "{oops", *lines[1:]]) + "\n")
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{tmp_path / 'other.db'}")
    run("system", "init")
    result = run("stac", "import", "--ignore-lineage", str(tmp_path / "cat" / "catalog.json"), code=1)
    assert result.stdout.endswith("Added 4, skipped 0 already present, 1 failed.\n")
    assert "items.ndjson:2: not JSON" in result.stderr


def test_import_items_from_public_catalogs(
    run: Callable[..., Result], index_ready: None, tmp_path: Path
) -> None:
    from tests.stac.catalog_items import earth_search_v1, planetary_computer_nasadem, pystac_simple

    folder = tmp_path / "items"
    folder.mkdir()
    (folder / "s2.json").write_text(json.dumps(earth_search_v1()))
    (folder / "dem.json").write_text(json.dumps(planetary_computer_nasadem()))
    result = run("stac", "import", str(folder))
    assert result.stdout == (
        "Added products nasadem, sentinel_2_l2a (STAC collection sentinel-2-l2a).\n"
        "Added 2, skipped 0 already present, 0 failed.\n"
    )
    # No collection: the error says what to do, and --product (a new product) does it.
    lone = pystac_simple()
    del lone["collection"]
    (tmp_path / "lone.json").write_text(json.dumps(lone))
    failed = run("stac", "import", str(tmp_path / "lone.json"), code=1)
    assert failed.stdout == "Added 0, skipped 0 already present, 1 failed.\n"
    assert "names no collection and has no odc:product property" in failed.stderr
    assert "--product NAME" in failed.stderr
    given = run("stac", "import", "--product", "cs2", str(tmp_path / "lone.json"))
    assert given.stdout.startswith("Added product cs2.\n")
    assert json.loads(run("dataset", "count", "product=cs2", "-f", "json").stdout) == {"count": 1}
    # Exported again, each keeps its own id.
    run("stac", "export", str(tmp_path / "cat"))
    ids = {json.loads(p.read_text())["id"] for p in (tmp_path / "cat" / "items").iterdir()}
    assert ids == {"S2B_55HFA_20210501_0_L2A", "NASADEM_HGT_s56w072", "20201211_223832_CS2"}


def test_validate_without_pystac_names_the_extra(
    run: Callable[..., Result], indexed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pystac", None)  # as if it were not installed
    result = run("stac", "export", str(tmp_path / "cat"), "--validate", code=1)
    assert result.stderr == (
        "Error: checking STAC needs pystac, which is not installed; "
        "install it with: pip install 'terracube[stac]'\n"
    )
    assert not (tmp_path / "cat").exists()  # checked before anything was written
