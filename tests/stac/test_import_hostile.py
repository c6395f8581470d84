"""Hostile ``.ndjson`` input to ``stac import`` with worker processes: one clear line per bad
line, the good Items added exactly as without workers, no worker left behind."""

from __future__ import annotations

import json
import multiprocessing
import os
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from terracube.cli import cli
from terracube.index.sqlite import SQLiteIndex

from .catalog_items import earth_search_v1

if TYPE_CHECKING:
    from pathlib import Path

GOOD = 8


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("terracube.stac._workers.CHUNK_UNITS", 3)
    monkeypatch.setattr("terracube.stac.import_.BLOCK_BYTES", 5000)
    monkeypatch.setattr("terracube.index._workers.AUTO_WORKERS_FROM", 2)


def _item(i: int) -> bytes:
    template = earth_search_v1()
    item = dict(template, id=f"S2B_55HFA_{i:03d}")
    item["properties"] = dict(template["properties"], datetime=f"2021-01-{1 + i % 28:02d}T00:00:00Z")
    return json.dumps(item).encode()


def _with(i: int, extra: bytes) -> bytes:
    """Item ``i`` with ``extra`` (``"key": value, ``) put before its cloud cover."""
    line = _item(i)
    assert b'"eo:cloud_cover": ' in line
    return line.replace(b'"eo:cloud_cover": ', extra + b'"eo:cloud_cover": ')


def _changed(i: int, **fields: Any) -> bytes:
    item = json.loads(_item(i))
    props = fields.pop("properties", {})
    item.update(fields)
    item["properties"].update(props)
    return json.dumps(item).encode()


HOSTILE: dict[str, tuple[bytes, str | None]] = {
    # name: (the line, a piece of its error; None: the line is a good Item)
    "invalid utf-8": (b'{"type": "Feature", "id": "\xff\xfe"}', "not JSON"),
    "nested 10,000 deep": (b"[" * 10_000 + b"]" * 10_000, "nested more than 255 levels deep"),
    "nested 10,000 deep in an Item": (
        _with(90, b'"deep": ' + b'{"a": ' * 10_000 + b"1" + b"}" * 10_000 + b", "),
        "nested more than 255 levels deep",
    ),
    "nested 250 deep in an Item": (  # as deep as is taken: stored as it is
        _with(89, b'"deep": ' + b'{"a": ' * 250 + b"1" + b"}" * 250 + b", "),
        None,
    ),
    "NUL in a string": (_item(91).replace(b'"S2B_55HFA_091"', b'"S2B\\u0000_091"'), "NUL character"),
    "NUL in a key": (_with(92, b'"a\\u0000b": 1, '), "NUL character"),
    # read as `dataset add` reads JSON: NaN and Infinity as other tools write them, integers exactly
    "NaN": (_with(93, b'"eo:snow_cover": NaN, '), None),
    "Infinity": (_with(94, b'"eo:snow_cover": -Infinity, '), None),
    "huge integer": (_with(95, b'"big": 1' + b"0" * 400 + b", "), None),
    "integer beyond 64 bits": (_with(88, b'"big": 340282346638528859811704183484516925440, '), None),
    "a line of 5 MB": (_with(96, b'"pad": "' + b"x" * 5_000_000 + b'", '), None),
    "no product can be made": (
        json.dumps(dict(json.loads(_item(97)), assets={}, collection="zzz")).encode(),
        "no data assets",
    ),
    "unknown CRS": (_changed(98, collection="yyy", properties={"proj:epsg": 999999}), "not a known CRS"),
    "the same Item twice": (_item(3), None),
}


def _import(tmp_path: Path, src: Path, workers: str, *extra: str) -> tuple[Any, ...]:
    db = tmp_path / f"w{workers}.db"
    db.unlink(missing_ok=True)
    idx = SQLiteIndex(db)
    idx.init_db()
    idx.close()
    res = CliRunner(env={"TERRACUBE_DB_URL": f"sqlite:///{db}"}).invoke(
        cli, ["stac", "import", str(src), "--workers", workers, *extra]
    )
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output + res.stderr
    assert not multiprocessing.active_children()
    idx = SQLiteIndex(db)
    try:
        snap = {d.id: (d.product.name, d.metadata_doc, d.uri) for d in idx.datasets.search(archived=None)}
        products = sorted(p.name for p in idx.products.get_all())
    finally:
        idx.close()
    return res.exit_code, res.stdout, res.stderr, snap, products


@pytest.mark.parametrize("stop", [False, True], ids=["continue", "stop"])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_line_one_error_same_as_without_workers(tmp_path: Path, name: str, stop: bool) -> None:
    line, error = HOSTILE[name]
    lines = [_item(i) for i in range(GOOD)]
    lines.insert(GOOD // 2, line)
    src = tmp_path / "items.ndjson"
    src.write_bytes(b"\n".join(lines) + b"\n")
    extra = ("--on-error", "stop") if stop else ()
    without = _import(tmp_path, src, "0", *extra)
    with_workers = _import(tmp_path, src, "2", *extra)
    assert with_workers == without
    code, _out, err, snap, products = with_workers
    if error is None:
        assert (code, err) == (0, "")
        assert len(snap) == GOOD + (name != "the same Item twice")
        props = [doc["properties"] for _, doc, _ in snap.values()]
        if name == "huge integer":  # stored and read back exactly, not as a float
            assert 10**400 in [p.get("big") for p in props]
        if name == "integer beyond 64 bits":
            assert 340282346638528859811704183484516925440 in [p.get("big") for p in props]
        if name == "Infinity":
            assert "-Infinity" in [p.get("eo:snow_cover") for p in props]
        return
    assert code == 1
    assert err.splitlines() == [err.strip()], err  # one line
    assert err.startswith("Error: ") and f"items.ndjson:{GOOD // 2 + 1}" in err and error in err, err
    assert len(snap) == (GOOD // 2 if stop else GOOD)
    assert products == ["sentinel_2_l2a"]  # nothing made for a bad Item is left


@pytest.mark.parametrize("end", [b"\r\n", b"\n"], ids=["crlf", "lf"])
def test_line_endings_and_a_block_of_blank_lines(tmp_path: Path, end: bytes) -> None:
    src = tmp_path / "items.ndjson"
    # the blank lines at the end make a block of their own: a task with no Item
    src.write_bytes(end.join(_item(i) for i in range(GOOD)) + end * 6000)
    without = _import(tmp_path, src, "0")
    assert _import(tmp_path, src, "2") == without
    assert (without[0], without[2], len(without[3])) == (0, "", GOOD)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
@pytest.mark.parametrize("stop", [False, True], ids=["continue", "stop"])
def test_unreadable_file_among_others(tmp_path: Path, stop: bool) -> None:
    folder = tmp_path / "items"
    folder.mkdir()
    for f in range(3):
        (folder / f"{f}.ndjson").write_bytes(b"\n".join(_item(10 * f + i) for i in range(4)) + b"\n")
    (folder / "1.ndjson").chmod(0)
    extra = ("--on-error", "stop") if stop else ()
    without = _import(tmp_path, folder, "0", *extra)
    assert _import(tmp_path, folder, "2", *extra) == without
    code, _, err, snap, _ = without
    assert code == 1 and err.count("\n") == 1 and "1.ndjson" in err and "Permission denied" in err
    assert len(snap) == (4 if stop else 8)


_PG = os.environ.get("TERRACUBE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.mark.parametrize("workers", ["0", "2"])
def test_nul_on_postgis_refused_per_item(tmp_path: Path, workers: str) -> None:
    import uuid

    import psycopg

    from terracube.cfg import Environment
    from terracube.drivers import connect_index

    name = f"tc_stacnul_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(_PG, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        pytest.skip("no PostgreSQL server")
    url = f"{_PG.rsplit('/', 1)[0]}/{name}"
    try:
        idx = connect_index(Environment("nul", "postgis", url))
        idx.init_db()
        idx.close()
        lines = [_item(i) for i in range(GOOD)]
        lines.insert(2, HOSTILE["NUL in a string"][0])
        lines.insert(6, HOSTILE["NUL in a key"][0])
        src = tmp_path / "items.ndjson"
        src.write_bytes(b"\n".join(lines) + b"\n")
        res = CliRunner(env={"TERRACUBE_DB_URL": url}).invoke(
            cli, ["stac", "import", str(src), "--workers", workers]
        )
        assert res.exit_code == 1 and "Traceback" not in res.output + res.stderr
        errors = res.stderr.splitlines()
        assert len(errors) == 2 and all("NUL character" in e for e in errors), errors
        assert not multiprocessing.active_children()
        idx = connect_index(Environment("nul", "postgis", url))
        assert idx.datasets.count() == GOOD
        idx.close()
    finally:
        with psycopg.connect(_PG, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
