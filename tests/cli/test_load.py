"""``terracube load``: search, load with a progress bar, write NetCDF, GeoTIFF or Zarr."""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

import numpy as np
import pytest
import rasterio
import xarray as xr
from click.testing import CliRunner, Result

from terracube import Datacube
from terracube.cli import cli
from terracube.cli._load import parse_time
from terracube.index.sqlite import SQLiteIndex

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

REGION = ["--lon", "149.6", "150.4", "--lat", "-35.8", "-35.2"]


@pytest.fixture(scope="module")
def cube(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite index with the quickstart products (COGs and s3aio), made once for the module."""
    root = tmp_path_factory.mktemp("load-cube")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TERRACUBE_DB_URL", f"sqlite:///{root / 'index.db'}")
        result = CliRunner().invoke(cli, ["quickstart", "--dir", str(root / "demo")])
    assert result.exit_code == 0, result.stderr
    return root


@pytest.fixture
def load(cube: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """``load(*args, code=0)``: run ``terracube load`` on the module's index."""
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{cube / 'index.db'}")

    def invoke(*args: str, code: int | None = 0) -> Result:
        result = CliRunner().invoke(cli, ["load", *args])
        if code is not None and result.exit_code != code:
            tb = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
            raise AssertionError(f"exit {result.exit_code}\n{result.stdout}\n{result.stderr}\n{tb}")
        return result

    return invoke


@pytest.fixture
def dc(cube: Path) -> Iterator[Datacube]:
    with SQLiteIndex(cube / "index.db") as index:
        yield Datacube(index=index)


def test_netcdf_output_with_progress(load: Callable[..., Result], dc: Datacube, tmp_path: Path) -> None:
    out = tmp_path / "demo.nc"
    result = load("quickstart_demo", *REGION, "--time", "2020-01/2020-04", "--group-by", "solar_day",
                  "-m", "red,nir", "-m", "band_2", "--output", str(out), "--progress")  # fmt: skip
    assert "Loading 8 datasets of quickstart_demo into 4 time steps x 3 bands" in result.stderr
    assert "12/12" in result.stderr  # the bar reached the end
    assert (
        f"Wrote {out} (netcdf): 4 time steps x 60 x 80 pixels, bands red, nir, band_2, CRS EPSG:4326"
        in result.stdout
    )
    want = dc.load("quickstart_demo", lon=(149.6, 150.4), lat=(-35.8, -35.2), time=("2020-01", "2020-04"),
                   group_by="solar_day", measurements=["red", "nir", "band_2"])  # fmt: skip
    with xr.open_dataset(out, mask_and_scale=False) as got:
        assert got.red.dtype == np.uint16 and got.red.attrs["_FillValue"] == 0
        np.testing.assert_array_equal(got.time.values, want.time.values)
        np.testing.assert_allclose(got.longitude.values, want.longitude.values)
        for band in ("red", "nir", "band_2"):
            np.testing.assert_array_equal(got[band].values, want[band].values)
        assert "EPSG" in got.spatial_ref.attrs["crs_wkt"] or "WGS 84" in got.spatial_ref.attrs["crs_wkt"]


def test_geotiff_output_reprojected(load: Callable[..., Result], dc: Datacube, tmp_path: Path) -> None:
    out = tmp_path / "ndvi.tif"
    result = load("quickstart_ndvi", *REGION, "--time", "2020-02/2020-03", "--output-crs", "EPSG:3577",
                  "--resolution", "1000", "--resampling", "bilinear", "-o", str(out))  # fmt: skip
    assert "CRS EPSG:3577" in result.stdout and "2 time steps" in result.stdout
    want = dc.load("quickstart_ndvi", lon=(149.6, 150.4), lat=(-35.8, -35.2), time=("2020-02", "2020-03"),
                   output_crs="EPSG:3577", resolution=1000, resampling="bilinear")  # fmt: skip
    with rasterio.open(out) as f:
        assert f.count == 2 and f.crs.to_epsg() == 3577
        assert f.transform == want.odc.geobox.transform
        assert f.descriptions == ("ndvi 2020-02-12T00:10:00", "ndvi 2020-03-13T00:10:00")
        assert f.tags(1)["measurement"] == "ndvi"
        np.testing.assert_array_equal(f.read(), want.ndvi.values)  # NaN where NaN
        assert np.isnan(f.nodata)


def test_geotiff_of_mixed_dtypes_and_a_query_expression(load: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "one-tile.tif"
    load("quickstart_demo", "region_code=t150_36", *REGION, "--time", "2020-03", "-m", "red", "-o", str(out))
    with rasterio.open(out) as f:
        assert f.count == 1 and f.dtypes == ("uint16",) and f.nodata == 0
        data = f.read(1)
    assert data.shape == (60, 80)
    assert (data[:, :40] == 0).all() and (data[:, 40:] > 0).all()  # only the eastern tile matched


def test_zarr_output(load: Callable[..., Result], dc: Datacube, tmp_path: Path) -> None:
    out = tmp_path / "demo.zarr"
    load("quickstart_ndvi", *REGION, "-o", str(out))
    got = xr.open_zarr(out, consolidated=False)
    want = dc.load("quickstart_ndvi", lon=(149.6, 150.4), lat=(-35.8, -35.2))
    np.testing.assert_array_equal(got.ndvi.values, want.ndvi.values)
    load("quickstart_ndvi", *REGION, "-o", str(out), "--overwrite")


def test_zarr_without_the_package_says_what_to_install(
    load: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "zarr", None)  # as if not installed
    result = load("quickstart_ndvi", *REGION, "-o", str(tmp_path / "x.zarr"), code=1)
    assert "writing .zarr needs the zarr package" in result.stderr and "pip install zarr" in result.stderr
    assert not (tmp_path / "x.zarr").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "-o", "{tmp}/a.nc"], "no product named 'nope' in the index; products: ['quickstart_demo'"),
        (
            ["quickstart_demo", "--time", "1999", "-o", "{tmp}/a.nc"],
            "no datasets of product 'quickstart_demo' match",
        ),
        (["quickstart_demo", "-m", "blue,pink", "-o", "{tmp}/a.nc"], "'pink'"),
        (
            ["quickstart_demo", "-o", "{tmp}/a.png"],
            "has no known suffix; use one of .nc, .nc4, .tif, .tiff, .zarr",
        ),
        (
            ["quickstart_demo", "--output-crs", "EPSG:3577", "-o", "{tmp}/a.nc"],
            "--output-crs needs --resolution",
        ),
        (["quickstart_demo", "-o", "{tmp}/exists.nc"], "exists; give --overwrite to replace it"),
    ],
)
def test_errors(load: Callable[..., Result], tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "exists.nc").write_bytes(b"")
    result = load(*(a.replace("{tmp}", str(tmp_path)) for a in args), code=None)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert not (tmp_path / "a.nc").exists()


def test_parse_time() -> None:
    assert parse_time("2020-01/2020-04") == ("2020-01", "2020-04")
    assert parse_time("2020-01/") == ("2020-01", None)
    assert parse_time("2020") == "2020"
    assert parse_time(None) is None
