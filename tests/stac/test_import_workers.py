"""STAC import with worker processes gives what importing in one process gives.

Chunks are made small (a few Items or files each) so that a few dozen Items spread over many
tasks: Items of products the workers do not know yet, bad Items, Collections and unreadable
lines fall in the middle of chunks and between them.
"""

from __future__ import annotations

import json
import multiprocessing
import uuid
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from terracube.cli import cli
from terracube.errors import DocumentError
from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import dataset_doc, product_doc
from terracube.stac import StacReader, StacToDatasets, export_stac, import_stac, located_datasets

from .catalog_items import earth_search_v1, usgs_landsat_c2

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("terracube.stac._workers.CHUNK_UNITS", 3)
    monkeypatch.setattr("terracube.stac.import_.BLOCK_BYTES", 5000)  # two or three Items a block


def _index(path: Path) -> SQLiteIndex:
    idx = SQLiteIndex(path)
    idx.init_db()
    return idx


def _snapshot(idx: SQLiteIndex) -> dict[uuid.UUID, tuple[Any, ...]]:
    return {d.id: (d.product.name, d.metadata_doc, d.uri) for d in idx.datasets.search(archived=None)}


def _items(n: int, make: Any, prefix: str) -> Iterator[dict[str, Any]]:
    template = make()
    for i in range(n):
        item = dict(template, id=f"{prefix}_{i:03d}")
        item["properties"] = dict(
            template["properties"], datetime=f"2021-01-{1 + i % 28:02d}T00:00:{i % 60:02d}Z"
        )
        yield item


def _mixed_ndjson(path: Path) -> Path:
    """Two catalogs' Items interleaved, a Collection, a blank line, a bad line and a bad Item."""
    lines: list[str] = []
    s2 = list(_items(20, earth_search_v1, "S2B_55HFA"))
    ls = list(_items(15, usgs_landsat_c2, "LC08_L2SP"))
    for i in range(20):
        lines.append(json.dumps(s2[i]))
        if i < 15:
            lines.append(json.dumps(ls[i]))
        if i == 4:
            lines.append("")
            lines.append("{not json")
        if i == 9:
            bad = dict(s2[i], id="S2B_bad")
            bad["properties"] = dict(bad["properties"], datetime="not a time")
            lines.append(json.dumps(bad))
        if i == 12:
            lines.append(json.dumps({"type": "Collection", "id": "other", "stac_version": "1.0.0"}))
    path.write_text("\n".join(lines) + "\n")
    return path


def _run_cli(db: Path, *args: str) -> Any:
    return CliRunner(env={"TERRACUBE_DB_URL": f"sqlite:///{db}"}).invoke(cli, ["stac", "import", *args])


def test_cli_same_datasets_products_and_errors_with_workers(tmp_path: Path) -> None:
    src = _mixed_ndjson(tmp_path / "items.ndjson")
    results = {}
    for workers in ("0", "2"):
        db = tmp_path / f"w{workers}.db"
        _index(db).close()
        res = _run_cli(db, str(src), "--workers", workers)
        idx = SQLiteIndex(db)
        results[workers] = (res.exit_code, res.output, res.stderr, _snapshot(idx))
        idx.close()
    assert results["0"] == results["2"]
    code, out, err, snap = results["2"]
    assert code == 1
    assert len(snap) == 35
    assert "Added products" in out
    assert err.count("Error:") == 2, err  # the bad line and the bad Item, each once
    assert err.index("items.ndjson:12: not JSON") < err.index("items.ndjson:23")  # in the order of the lines


def test_cli_stops_at_the_same_item_with_workers(tmp_path: Path) -> None:
    src = _mixed_ndjson(tmp_path / "items.ndjson")
    seen = {}
    for workers in ("0", "2"):
        db = tmp_path / f"w{workers}.db"
        _index(db).close()
        res = _run_cli(db, str(src), "--workers", workers, "--on-error", "stop", "--batch-size", "4")
        idx = SQLiteIndex(db)
        seen[workers] = (res.exit_code, res.stderr, _snapshot(idx))
        idx.close()
        assert not multiprocessing.active_children()
    assert seen["0"] == seen["2"]
    assert seen["2"][0] == 1


def test_api_raises_the_first_bad_items_own_error(tmp_path: Path) -> None:
    src = tmp_path / "items.ndjson"
    good = list(_items(12, earth_search_v1, "S2B_55HFA"))
    bad = dict(good[7])
    bad["properties"] = dict(bad["properties"], datetime="2021-13-01T00:00:00Z")
    src.write_text("\n".join(json.dumps(i) for i in [*good[:7], bad, *good[8:]]) + "\n")
    errors = []
    for workers in (0, 2):
        idx = _index(tmp_path / f"w{workers}.db")
        with pytest.raises(DocumentError) as info:
            import_stac(idx, [src], workers=workers, batch_size=4)
        errors.append(
            (str(info.value), _snapshot(idx), idx.products.get_by_name("sentinel_2_l2a") is not None)
        )
        idx.close()
        assert not multiprocessing.active_children()
    assert errors[0] == errors[1]
    assert ":8" in errors[1][0]


def test_catalog_of_item_files_with_workers(tmp_path: Path) -> None:
    source = _index(tmp_path / "src.db")
    source.products.add_document(product_doc("ls8"))
    source.products.add_document(product_doc("s2"))
    source.datasets.add_batch(
        source.datasets.from_doc(
            dataset_doc(
                "ls8" if n % 3 else "s2", id=uuid.UUID(int=n), time=f"2020-01-{1 + n % 28:02d}T00:00:00Z"
            ),
            uri=f"file:///data/{n}/ds.yaml",
        )
        for n in range(1, 41)
    )
    export_stac(source, tmp_path / "cat")
    want = _snapshot(source)
    for workers, where in ((2, tmp_path / "cat" / "catalog.json"), (2, tmp_path / "cat")):
        dst = _index(tmp_path / f"dst-{where.name}.db")
        result = import_stac(dst, [where], workers=workers)
        assert result.added == 40
        assert sorted(result.products) == ["ls8", "s2"]
        assert _snapshot(dst) == want
        dst.close()


def test_items_of_a_product_already_in_the_index_are_done_by_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "items.ndjson"
    src.write_text("\n".join(json.dumps(i) for i in _items(30, earth_search_v1, "S2B_55HFA")) + "\n")
    first = _index(tmp_path / "first.db")
    import_stac(first, [src], workers=0)
    product = first.products.get_by_name("sentinel_2_l2a")
    assert product is not None
    again = _index(tmp_path / "again.db")
    again.products.add_document(product.definition)

    done_here: list[str] = []
    document = StacToDatasets._document

    def spy(self: StacToDatasets, label: str, item: dict[str, Any], self_href: str | None) -> Any:
        done_here.append(label)
        return document(self, label, item, self_href)

    monkeypatch.setattr(StacToDatasets, "_document", spy)
    labels = [label for label, _ in located_datasets(StacReader(), StacToDatasets(again), [src], workers=2)]
    assert labels == [f"{src}:{n}" for n in range(1, 31)]
    assert done_here == []  # every Item was converted and validated by a worker
    import_stac(again, [src], workers=2)
    assert _snapshot(again) == _snapshot(first)


@pytest.mark.parametrize("block", [1, 7, 64, 1 << 19])
@pytest.mark.parametrize("tail", ["\n", ""])
def test_blocks_hold_whole_lines_numbered_as_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int, tail: str
) -> None:
    from terracube.stac.import_ import _blocks, block_lines

    monkeypatch.setattr("terracube.stac.import_.BLOCK_BYTES", block)
    lines = ["a" * (i * 5 % 23) if i % 4 else "" for i in range(40)]
    path = tmp_path / "x.ndjson"
    path.write_text("\n".join(lines) + tail)
    units = list(_blocks(str(path), path.as_uri(), False))
    assert sum(u[7] for u in units) == len(lines)
    got = [(u[1], u[2]) for b in units for u in block_lines(b)]
    want = [(f"{path}:{n}", (line + "\n").encode()[: len(line)]) for n, line in enumerate(lines, 1) if line]
    assert got == want
    assert sum(u[3] for u in units) == path.stat().st_size


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker counts of the pools imports start, with the automatic choice from 10 Items."""
    import terracube.stac._workers as stac_workers

    monkeypatch.setattr("terracube.index._workers.AUTO_WORKERS_FROM", 10)
    monkeypatch.setattr("terracube.index._workers.fork_usable", lambda: True)
    monkeypatch.setattr("terracube.index._workers.default_workers", lambda: 2)
    calls: list[int] = []
    parallel = stac_workers.parallel_datasets

    def spy(*args: Any) -> Iterator[Any]:
        calls.append(args[3])
        return parallel(*args)

    monkeypatch.setattr(stac_workers, "parallel_datasets", spy)
    return calls


@pytest.mark.parametrize(("items", "used"), [(12, True), (9, False)])
def test_workers_by_default_counting_items_not_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int], items: int, used: bool
) -> None:
    monkeypatch.setattr("terracube.stac.import_.BLOCK_BYTES", 1 << 20)  # every Item in one block
    src = tmp_path / "items.ndjson"
    src.write_text("\n".join(json.dumps(i) for i in _items(items, usgs_landsat_c2, "LC08_L2SP")))
    idx = _index(tmp_path / "x.db")
    assert import_stac(idx, [src]).added == items
    assert (pools != []) is used


def test_workers_by_default_for_a_catalog_of_item_files(tmp_path: Path, pools: list[int]) -> None:
    # The catalog and collection files, read here, do not count against the Items.
    source = _index(tmp_path / "src.db")
    source.products.add_document(product_doc("ls8"))
    source.datasets.add_batch(
        source.datasets.from_doc(dataset_doc("ls8", id=uuid.UUID(int=n)), uri=f"file:///data/{n}/ds.yaml")
        for n in range(1, 12)
    )
    export_stac(source, tmp_path / "cat")
    dst = _index(tmp_path / "dst.db")
    assert import_stac(dst, [tmp_path / "cat" / "catalog.json"]).added == 11
    assert pools == [2]


def test_an_ndjson_file_replaced_while_imported_gives_no_item_of_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers read blocks of the file by path: one that is another file by then is refused,
    # never read at the old offsets.
    monkeypatch.setattr("terracube.stac.import_.BLOCK_BYTES", 3000)
    src = tmp_path / "items.ndjson"
    old = list(_items(60, usgs_landsat_c2, "LC08_OLD"))
    new = list(_items(60, usgs_landsat_c2, "LC08_NEW"))
    src.write_text("\n".join(json.dumps(i) for i in old) + "\n")
    idx = _index(tmp_path / "x.db")
    errors: list[str] = []

    def report(label: str, e: Exception) -> None:
        errors.append(str(e))

    located = located_datasets(StacReader(report), StacToDatasets(idx), [src], workers=2, on_error=report)
    got = [next(located)]
    replacement = tmp_path / "new.ndjson"
    replacement.write_text("\n".join(json.dumps(i) for i in new) + "\n")
    replacement.replace(src)
    got.extend(located)
    stac_ids = {ds.metadata_doc["properties"].get("stac:id") for _, ds in got}
    assert stac_ids <= {i["id"] for i in old}
    assert len(got) == 60 or any("changed while it was being imported" in e for e in errors)
    assert not multiprocessing.active_children()
