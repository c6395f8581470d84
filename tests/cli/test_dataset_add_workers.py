"""``dataset add`` and ``update`` with worker processes: the same result as reading in one process."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from click.testing import CliRunner

from terracube.cli import cli

if TYPE_CHECKING:
    from collections.abc import Callable

    from click.testing import Result

DsDoc = Any


def invoke(db: Path, *args: str) -> Result:
    return CliRunner(env={"TERRACUBE_DB_URL": f"sqlite:///{db}"}).invoke(cli, list(args))


def state(db: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, uri, document) of every dataset, by id."""
    rows = json.loads(invoke(db, "dataset", "search", "--all", "-f", "json").stdout)
    out = []
    for r in sorted(rows, key=lambda r: r["id"]):
        info = json.loads(invoke(db, "dataset", "info", r["id"], "-f", "json").stdout)
        out.append((r["id"], r["uri"], info["document"]))
    return out


def fresh(tmp: Path, name: str, product_file: Path) -> Path:
    db = tmp / f"{name}.db"
    assert invoke(db, "system", "init").exit_code == 0
    assert invoke(db, "product", "add", str(product_file)).exit_code == 0
    return db


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tasks of a few files, so that these few files make many tasks, as many files do."""
    monkeypatch.setattr("terracube.cli._reading.CHUNK_FILES", 4)


@pytest.fixture
def mixed(tmp_path: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc) -> Path:
    """A folder of good and bad documents of every kind, over many files."""
    data = tmp_path / "mixed"
    for n in range(40):
        write_yaml(data / f"a{n:02d}" / "ds.odc-metadata.yaml", ds_doc(n))
    bad = ds_doc(100)
    bad["properties"]["eo:cloud_cover"] = "cloudy"
    write_yaml(data / "a05" / "bad-field.yaml", bad)
    write_yaml(data / "a07" / "other-product.yaml", {**ds_doc(101), "product": {"name": "nope"}})
    (data / "a09" / "broken.yaml").write_text("a: [1, 2\nb: {\n", encoding="utf-8")
    (data / "a11" / "list.json").write_text("[1, 2]", encoding="utf-8")
    write_yaml(data / "a13" / "multi.yaml", ds_doc(102), {**ds_doc(103), "crs": "epsg:nope"}, ds_doc(104))
    (data / "a15" / "bomb.yaml").write_text(
        "properties:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 8)),
        encoding="utf-8",
    )
    changed = ds_doc(3)  # the id of a03's dataset with another document: a conflict in its batch
    changed["properties"]["eo:cloud_cover"] = 99.0
    write_yaml(data / "a21" / "conflict.yaml", changed)
    (data / "a23" / "ds.json").write_text(json.dumps(ds_doc(105)), encoding="utf-8")
    (data / "a25" / "empty.yaml").write_text("# nothing here\n", encoding="utf-8")
    return data


def both(
    tmp_path: Path, docs: Path, *args: str, setup: Callable[[Path], None] | None = None
) -> tuple[Any, Any]:
    """Run a command without workers and with two; (stdout, stderr lines, datasets) of each."""
    out = []
    for workers in ("0", "2"):
        db = fresh(tmp_path, f"w{workers}", docs / "ls8.yaml")
        if setup is not None:
            setup(db)
        r = invoke(db, *args, "--workers", workers)
        out.append((r.exit_code, r.stdout, r.stderr.splitlines(), state(db)))
    return out[0], out[1]


@pytest.mark.parametrize("extra", [[], ["--on-error", "stop"], ["--dry-run"], ["--ignore-lineage"]])
def test_workers_add_what_one_process_adds(
    tmp_path: Path, docs: Path, with_product: str, mixed: Path, extra: list[str]
) -> None:
    serial, parallel = both(tmp_path, docs, "dataset", "add", str(mixed), "--batch-size", "7", *extra)
    assert parallel == serial
    code, stdout, errors, datasets = serial
    assert code == 1
    if extra == ["--on-error", "stop"]:
        assert len(errors) == 1 and stdout.endswith("Stopped at the first failure.\n")
        assert "bad-field.yaml" in errors[0]
    elif extra != ["--dry-run"]:
        assert stdout == "Added 43, skipped 0 already present, 7 failed.\n"
        assert len(datasets) == 43
        for name in ("bad-field.yaml", "other-product.yaml", "broken.yaml", "list.json", "multi.yaml#1"):
            assert any(name in e for e in errors), (name, errors)
    bomb = [e for e in errors if "bomb.yaml" in e]
    if extra != ["--on-error", "stop"]:
        assert len(bomb) == 1 and "its aliases expand it to" in bomb[0]


def test_workers_update_as_one_process_does(
    tmp_path: Path, docs: Path, with_product: str, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    data = tmp_path / "upd"

    def setup(db: Path) -> None:  # datasets added, then some of their files changed
        for n in range(30):
            write_yaml(data / f"{n:02d}.yaml", ds_doc(n))
        assert invoke(db, "dataset", "add", str(data), "--workers", "0").exit_code == 0
        for n in range(0, 30, 3):
            d = ds_doc(n)
            d["properties"]["eo:cloud_cover"] = 1.5
            if n % 2:
                d["properties"]["eo:platform"] = "other"
            write_yaml(data / f"{n:02d}.yaml", d)

    serial, parallel = both(
        tmp_path,
        docs,
        "dataset",
        "update",
        str(data),
        "--allow-any",
        "properties.eo:cloud_cover",
        setup=setup,
    )
    assert parallel == serial
    assert serial[0] == 1 and "5 updated, 20 unchanged, 5 failed." in serial[1]


def test_alias_bomb_is_refused_and_nothing_written(
    run: Callable[..., Result], with_product: str, docs: Path, mixed: Path
) -> None:
    r = run("dataset", "add", str(mixed / "a15" / "bomb.yaml"), code=1)
    (line,) = r.stderr.splitlines()
    assert line.startswith(f"Error: cannot read '{mixed / 'a15' / 'bomb.yaml'}': its aliases expand it to ")
    assert r.stdout == "Added 0, skipped 0 already present, 1 failed.\n"
    assert run("dataset", "count", "--all").stdout == "0\n"


def test_document_files_over_the_size_limit_are_refused(
    run: Callable[..., Result], with_product: str, docs: Path, ds_doc: DsDoc, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("terracube.model._docs.MAX_DOCUMENT_BYTES", 2000)
    big = docs / "big.yaml"
    big.write_text(yaml.safe_dump(ds_doc(1)) + "#" * 3000 + "\n", encoding="utf-8")
    r = run("dataset", "add", str(big), code=1)
    assert r.stderr.splitlines() == [
        f"Error: cannot read '{big}': it holds {big.stat().st_size:,} bytes, more than "
        "the 2,000 a document file may hold"
    ]
    assert run("dataset", "count", "--all").stdout == "0\n"


# --- interrupted runs --------------------------------------------------------------------------------


def _count(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as c:
        return int(c.execute("SELECT count(*) FROM dataset").fetchone()[0])


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc to find the worker processes")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_run_keeps_whole_batches_and_resumes(
    tmp_path: Path, docs: Path, with_product: str, write_yaml: Callable[..., Path], ds_doc: DsDoc, sig: int
) -> None:
    data = tmp_path / "many"
    total = 1200
    for n in range(total):
        path = data / f"{n // 100:02d}" / f"{n:04d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = ds_doc(n, lonlat=(149.0, -36.0, 150.0, -35.0))
        path.write_text(yaml.dump(doc, Dumper=yaml.CSafeDumper), encoding="utf-8")
    db = fresh(tmp_path, "int", docs / "ls8.yaml")
    env = {**os.environ, "TERRACUBE_DB_URL": f"sqlite:///{db}"}
    cmd = [sys.executable, "-c", "from terracube.cli import main; main()", "dataset", "add", str(data)]
    proc = subprocess.Popen([*cmd, "--batch-size", "50", "--workers", "2"], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 50 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0, "the run ended before it could be interrupted"
    assert b"Traceback" not in err
    done = _count(db)
    assert 0 < done < total and done % 50 == 0  # whole batches only
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers and not any(map(_alive, workers))  # no worker left behind
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = subprocess.run([*cmd, "--workers", "2"], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"Added {total - done}, skipped {done} already present, 0 failed.\n"
    assert _count(db) == total
