"""``terracube quickstart``: a demo index from nothing, idempotent, quick."""

from __future__ import annotations

import json
import re
import shlex
import time
from typing import TYPE_CHECKING

import numpy as np
import rasterio
import yaml
from click.testing import CliRunner

from terracube import Datacube
from terracube.cli import cli
from terracube.cli._quickstart import NDVI_PRODUCT, PRODUCT_NAME, TILES, dataset_docs, default_folder, pixels
from terracube.index.sqlite import SQLiteIndex

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest
    from click.testing import Result


def test_quickstart_twice(run: Callable[..., Result], tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    t0 = time.perf_counter()
    first = run("quickstart", "--dir", str(folder))
    assert time.perf_counter() - t0 < 10
    out = first.stdout
    assert "(created; environment 'default')" in out
    assert f"Product: {PRODUCT_NAME} (added)" in out
    assert f"Images: 32 COGs in {folder} (32 written)" in out
    assert f"Documents: 8 in {folder} (8 written)" in out
    assert "Datasets: 8 added, 0 already indexed" in out
    assert "4 dates x 60 x 80 pixels x 4 bands (blue, green, red, nir) from the COGs" in out
    assert (
        f"NDVI: 4 datasets of {NDVI_PRODUCT} written through s3aio to {folder / 's3aio'} and indexed" in out
    )
    assert f"Summary of {NDVI_PRODUCT}" in out and "2020-04-14" in out
    assert f"Preview: {folder / 'preview.png'}" in out
    # Only `terracube load`'s own message goes to stderr (progress bars need a terminal).
    assert first.stderr == "Loading 8 datasets of quickstart_demo into 4 time steps x 4 bands\n"
    _check_transcript(run, out)
    files = sorted(folder.rglob("*.odc-metadata.yaml"))
    assert len(files) == 8
    cogs = sorted(folder.rglob("*.tif"))
    assert len(cogs) == 32
    contents = {f: f.read_bytes() for f in files + cogs}
    with rasterio.open(folder / "preview.png") as png:
        assert png.count == 3 and png.shape == (2 * 60, 4 * 80)
        assert png.read().std() > 10  # a picture, not a blank

    second = run("quickstart", "--dir", str(folder))
    assert "(already initialised; environment 'default')" in second.stdout
    assert f"Product: {PRODUCT_NAME} (already there)" in second.stdout
    assert f"Images: 32 COGs in {folder} (0 written)" in second.stdout
    assert f"Documents: 8 in {folder} (0 written)" in second.stdout
    assert "Datasets: 0 added, 8 already indexed" in second.stdout
    assert (
        f"NDVI: {NDVI_PRODUCT} already stored through s3aio in {folder / 's3aio'} (4 datasets)"
        in second.stdout
    )
    assert {f: f.read_bytes() for f in files + cogs} == contents
    assert len(list((folder / "s3aio").iterdir())) == 1

    # What quickstart indexed is there for the other commands.
    assert run("dataset", "count", f"product={PRODUCT_NAME}").stdout == "8\n"
    rows = json.loads(run("dataset", "search", "region_code=t149_36", "-f", "json").stdout)
    assert len(rows) == 4
    assert all(r["uri"].startswith(folder.as_uri()) for r in rows)
    assert run("dataset", "count", f"product={NDVI_PRODUCT}").stdout == "4\n"


def test_quickstart_pixels_load_back_exactly(
    run: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "demo"
    run("quickstart", "--dir", str(folder))
    with SQLiteIndex(db_path) as index:
        dc = Datacube(index=index)
        (ds,) = dc.find_datasets(product=PRODUCT_NAME, region_code="t150_36", time="2020-03")
        loaded = dc.load(datasets=[ds])
        want = pixels(TILES["t150_36"], 2)
        for band in ("blue", "green", "red", "nir"):
            np.testing.assert_array_equal(loaded[band].values[0], want[band])
        # The COGs are tiled, compressed GeoTIFFs.
        with rasterio.open(next(folder.rglob(f"{ds.metadata_doc['label']}_nir.tif"))) as f:
            assert f.profile["tiled"] and f.profile["compress"] == "deflate"
        ndvi = dc.load(NDVI_PRODUCT, time="2020-03", lon=(150.0, 150.4), lat=(-35.8, -35.2))
        red, nir = want["red"][20:80, :40].astype("float32"), want["nir"][20:80, :40].astype("float32")
        np.testing.assert_allclose(ndvi.ndvi.values[0], (nir - red) / (nir + red), rtol=1e-6)
        assert ndvi.ndvi.attrs["nodata"] != ndvi.ndvi.attrs["nodata"]  # NaN


def test_quickstart_repairs_a_half_finished_run(run: Callable[..., Result], tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "demo"
    run("quickstart", "--dir", str(folder))
    # Images lost and the s3aio store gone: a new run writes them again and the loads still work.
    next(folder.rglob("*_red.tif")).unlink()
    shutil.rmtree(folder / "s3aio")
    again = run("quickstart", "--dir", str(folder))
    assert f"Images: 32 COGs in {folder} (1 written)" in again.stdout
    assert f"NDVI: 4 datasets of {NDVI_PRODUCT} written through s3aio" in again.stdout
    assert "Summary of" in again.stdout


def test_quickstart_documents_are_deterministic() -> None:
    first, second = dataset_docs(), dataset_docs()
    assert first == second
    assert len({doc["id"] for _, doc in first}) == len(first) == 8
    assert len({doc["properties"]["datetime"][:10] for _, doc in first}) == 4
    assert len({json.dumps(doc["geometry"]) for _, doc in first}) == 2


def test_quickstart_dir_from_environment_variable(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERRACUBE_QUICKSTART_DIR", str(tmp_path / "from-env"))
    run("quickstart")
    assert len(list((tmp_path / "from-env").rglob("*.yaml"))) == 8


def test_quickstart_default_folder_is_next_to_the_index(run: Callable[..., Result], db_path: Path) -> None:
    run("quickstart")
    folder = db_path.parent / "quickstart"
    assert len(list(folder.rglob("*.odc-metadata.yaml"))) == 8
    doc = yaml.safe_load(next(folder.rglob("*.odc-metadata.yaml")).read_text())
    assert doc["product"]["name"] == PRODUCT_NAME


def test_quickstart_on_a_clean_machine(tmp_path: Path) -> None:
    # No configuration and no variables: the built-in SQLite index in the user's data folder.
    result = CliRunner().invoke(cli, ["quickstart"])
    assert result.exit_code == 0, result.stderr
    data = tmp_path / "xdg-data" / "terracube"
    assert (data / "index.db").is_file()
    assert len(list((data / "quickstart").rglob("*.odc-metadata.yaml"))) == 8
    assert f"sqlite:///{data / 'index.db'}" in result.stdout


def test_quickstart_with_a_memory_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRACUBE_DB_URL", "memory://")
    result = CliRunner().invoke(cli, ["quickstart"])
    assert result.exit_code == 0, result.stderr
    assert "Datasets: 8 added" in result.stdout
    assert (tmp_path / "xdg-data" / "terracube" / "quickstart").is_dir()


def test_default_folder(tmp_path: Path) -> None:
    from terracube.cfg import Environment

    env = Environment("x", "sqlite", f"sqlite:///{tmp_path}/cube/index.db")
    assert default_folder(env) == tmp_path / "cube" / "quickstart"
    mem = Environment("x", "memory", "memory://")
    assert default_folder(mem) == tmp_path / "xdg-data" / "terracube" / "quickstart"


def _check_transcript(run: Callable[..., Result], out: str) -> None:
    """Every `$ terracube ...` line is followed by what that command prints on stdout (timings aside)."""
    blocks = re.findall(r"^\$ (terracube .*)\n((?:.+\n)*)", out, re.M)
    assert [b[0].split()[1] for b in blocks] == ["dataset", "dataset", "load"]
    assert sum(len(lines.splitlines()) == 5 for _, lines in blocks) == 2  # header and 4 datasets each

    def norm(text: str) -> list[str]:
        return re.sub(r"\d+\.\d+ s\b", "N s", text).splitlines()

    for command, lines in blocks:
        result = run(*shlex.split(command)[1:])
        assert norm(lines) == norm(result.stdout), command
