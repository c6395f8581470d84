"""Write -> index -> load, pixel for pixel, through every storage driver and every pair of them.

Kinds of storage: GeoTIFFs (tiled, with overviews; read through rasterio), NetCDF files and
s3aio arrays written by ``Datacube.write``; GeoTIFFs and s3aio also on a moto S3 server over
HTTP. Loads are compared with the arrays written, and reprojected loads with
``rasterio.warp.reproject`` of those arrays.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from pathlib import Path
from typing import Any

import boto3
import numpy as np
import pytest
import rasterio.warp
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.xr import xr_coords
from rasterio.enums import Resampling

from terracube import Datacube
from terracube.api import eo3_document
from terracube.errors import LoadError
from terracube.index.memory import MemoryIndex

from .conftest import write_tif

CRS = "EPSG:32755"
TIMES = np.array(["2021-05-01T00:10:00", "2021-05-17T00:10:00"], dtype="datetime64[ns]")
BANDS = {"red": ("int16", -999), "temp": ("float32", float("nan")), "qa": ("uint8", 255)}
PRODUCT = {
    "name": "rt",
    "description": "Bands written and read back by every format",
    "metadata_type": "eo3",
    "metadata": {"product": {"name": "rt"}},
    "measurements": [
        {"name": n, "dtype": d, "nodata": "NaN" if d.startswith("float") else v, "units": "1"}
        for n, (d, v) in BANDS.items()
    ],
}
LOCAL = ("cog", "netcdf", "s3aio")


def tile(i: int) -> GeoBox:
    """Tile ``i`` of a row of 40 x 48 pixel tiles, 20 m pixels."""
    return GeoBox((48, 40), Affine(20, 0, 700000 + i * 40 * 20, 0, -20, 6100000), CRS)


def make_data(gbox: GeoBox, seed: int) -> xr.Dataset:
    """Three bands over two times, with nodata patches."""
    rng = np.random.default_rng(seed)
    shape = (len(TIMES), *gbox.shape)
    red = rng.integers(-500, 9000, shape).astype("int16")
    red[0, :5, :7] = -999
    temp = (rng.random(shape) * 40 - 10).astype("float32")
    temp[1, 10:14, 3:9] = np.nan
    qa = rng.integers(0, 255, shape).astype("uint8")
    dims = ("time", *gbox.dimensions)
    return xr.Dataset(
        {"red": (dims, red), "temp": (dims, temp), "qa": (dims, qa)},
        coords={"time": TIMES, **xr_coords(gbox)},
    )


class Cube:
    """An index holding product ``rt`` and a way to store data in it with any kind of storage."""

    def __init__(self, root: Path, endpoint: str | None = None, bucket: str | None = None) -> None:
        self.root, self.endpoint, self.bucket = root, endpoint, bucket
        self.index = MemoryIndex()
        self.index.init_db()
        self.index.products.add_document(PRODUCT)
        options = {"s3_endpoint": endpoint, "s3_region": "us-east-1"} if endpoint else {}
        self.dc = Datacube(index=self.index, storage_options=options)

    def store(self, kind: str, data: xr.Dataset) -> None:
        """Store ``data`` with storage ``kind`` (``cog``, ``netcdf``, ``s3aio``, ``cog-s3``, ``s3aio-s3``)."""
        if kind.startswith("cog"):
            self._cogs(data, on_s3=kind.endswith("-s3"))
        elif kind == "s3aio-s3":
            self.dc.write(data, "rt", driver="s3aio", location=f"s3://{self.bucket}/aio",
                          storage_config={"chunks": {"y": 16, "x": 16}})  # fmt: skip
        else:
            self.dc.write(data, "rt", driver=kind, location=str(self.root / kind),
                          storage_config={"chunks": {"y": 16, "x": 16}} if kind == "s3aio" else None)  # fmt: skip

    def _cogs(self, data: xr.Dataset, *, on_s3: bool) -> None:
        gbox = data.odc.geobox
        product = self.index.products.get_by_name("rt")
        for i, t in enumerate(data.time.values):
            name = f"scene-{uuid.uuid4().hex[:8]}"
            folder = self.root / name
            folder.mkdir(parents=True)
            for band, (_, nodata) in BANDS.items():
                write_tif(folder / f"{band}.tif", data[band].values[i], gbox, nodata=nodata, overviews=(2,))
            when = dt.datetime.fromisoformat(str(t)[:19])
            doc = eo3_document(product, gbox, when, {b: {"path": f"{b}.tif"} for b in BANDS}, fmt="GeoTIFF")
            uri = (folder / "odc-metadata.yaml").as_uri()
            if on_s3:
                s3 = boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1")
                for band in BANDS:
                    s3.put_object(
                        Bucket=self.bucket,
                        Key=f"{name}/{band}.tif",
                        Body=(folder / f"{band}.tif").read_bytes(),
                    )
                    (folder / f"{band}.tif").unlink()  # only the S3 copy can be read
                uri = f"s3://{self.bucket}/{name}/odc-metadata.yaml"
            self.index.datasets.add(self.index.datasets.from_doc(doc, uri=uri))


def _assert_same(got: xr.Dataset, want: xr.Dataset) -> None:
    np.testing.assert_array_equal(got.time.values, want.time.values)
    for band in BANDS:
        assert got[band].dtype == want[band].dtype
        np.testing.assert_array_equal(got[band].values, want[band].values)  # NaN where NaN


@pytest.fixture
def local_cube(tmp_path: Path) -> Cube:
    return Cube(tmp_path)


@pytest.fixture
def s3_cube(tmp_path: Path, moto_endpoint: str, s3_bucket: str) -> Cube:
    return Cube(tmp_path, moto_endpoint, s3_bucket)


def _reprojected(src: np.ndarray, src_gbox: GeoBox, dst: GeoBox, nodata: Any, method: str) -> np.ndarray:
    out = np.full(dst.shape, nodata, dtype=src.dtype)
    rasterio.warp.reproject(
        src, out, src_transform=src_gbox.transform, src_crs=CRS, dst_transform=dst.transform,
        dst_crs=str(dst.crs), resampling=Resampling[method], src_nodata=nodata, dst_nodata=nodata,
    )  # fmt: skip
    return out


def _check_round_trip(cube: Cube, kind: str) -> None:
    gbox = tile(0)
    data = make_data(gbox, 1)
    cube.store(kind, data)
    # Native grid, eager: the arrays written.
    loaded = cube.dc.load("rt")
    assert loaded.odc.geobox == gbox
    _assert_same(loaded, data)
    # A window, lazily, in chunks that cut across the stored chunks and tiles.
    window = cube.dc.load("rt", like=gbox[7:41, 3:37], dask_chunks={"time": 1, "x": 13, "y": 11})
    _assert_same(window.compute(scheduler="threads"), data.isel(y=slice(7, 41), x=slice(3, 37)))
    # Reprojected: what rasterio makes of the same arrays.
    dst = GeoBox.from_bbox(gbox.extent.to_crs("EPSG:3577").boundingbox, "EPSG:3577", resolution=23)[
        3:-3, 3:-3
    ]
    warped = cube.dc.load("rt", like=dst, measurements=["red", "temp"])
    for band in ("red", "temp"):
        nodata = BANDS[band][1]
        for i in range(len(TIMES)):
            want = _reprojected(data[band].values[i], gbox, dst, nodata, "nearest")
            np.testing.assert_array_equal(warped[band].values[i], want)
    # Bilinear, onto a finer grid: the same GDAL warper on a window of the source, so equal up
    # to float noise.
    fine = GeoBox.from_bbox(gbox.extent.to_crs("EPSG:3577").boundingbox, "EPSG:3577", resolution=15)[
        5:-5, 5:-5
    ]
    smooth = cube.dc.load("rt", like=fine, measurements=["temp"], resampling="bilinear")
    want = _reprojected(data.temp.values[0], gbox, fine, np.nan, "bilinear")
    got = smooth.temp.values[0]
    valid = np.isfinite(want)
    assert valid.mean() > 0.8
    np.testing.assert_array_equal(np.isnan(got), ~valid)
    np.testing.assert_allclose(got[valid], want[valid], rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kind", LOCAL)
def test_round_trip_on_local_disk(local_cube: Cube, kind: str) -> None:
    _check_round_trip(local_cube, kind)


@pytest.mark.parametrize("kind", ["cog-s3", "s3aio-s3"])
def test_round_trip_from_s3_over_http(s3_cube: Cube, kind: str) -> None:
    _check_round_trip(s3_cube, kind)


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(LOCAL, 2)))
def test_mosaic_across_two_drivers(local_cube: Cube, first: str, second: str) -> None:
    a, b = make_data(tile(0), 2), make_data(tile(1), 3)
    local_cube.store(first, a)
    local_cube.store(second, b)
    both = xr.concat([a, b], dim="x")
    loaded = local_cube.dc.load("rt")
    assert loaded.odc.geobox == GeoBox((48, 80), tile(0).transform, CRS)
    _assert_same(loaded, both)
    lazy = local_cube.dc.load("rt", dask_chunks={"x": 30, "y": 20}, measurements=["temp", "qa"])
    computed = lazy.compute(scheduler="threads")
    np.testing.assert_array_equal(computed.temp.values, both.temp.values)
    np.testing.assert_array_equal(computed.qa.values, both.qa.values)
    # Reprojected across the seam of two drivers: what rasterio makes of the mosaic.
    mosaic_box = loaded.odc.geobox
    dst = GeoBox.from_bbox(mosaic_box.extent.to_crs("EPSG:3577").boundingbox, "EPSG:3577", resolution=25)[
        4:-4, 4:-4
    ]
    warped = local_cube.dc.load("rt", like=dst, measurements=["temp"])
    np.testing.assert_array_equal(
        warped.temp.values[0], _reprojected(both.temp.values[0], mosaic_box, dst, np.nan, "nearest")
    )


@pytest.mark.parametrize("kind", LOCAL)
def test_missing_or_corrupt_storage_names_the_dataset(local_cube: Cube, kind: str) -> None:
    import shutil

    good, bad = make_data(tile(0), 4), make_data(tile(1), 5)
    local_cube.store(kind, good)
    before = {d.id for d in local_cube.dc.find_datasets(product="rt")}
    local_cube.store(kind, bad)
    broken = [d for d in local_cube.dc.find_datasets(product="rt") if d.id not in before]
    victim = broken[0]
    target = Path(victim.uri.removeprefix("file://"))
    if kind == "cog":
        (target.parent / "temp.tif").write_bytes(b"II*\x00 truncated")  # corrupt
    elif kind == "netcdf":
        target.unlink()  # missing
    else:
        shutil.rmtree(target / "temp")  # a band's chunks missing
    # A storage unit holds both time steps (NetCDF, s3aio): the error names one of its datasets.
    names = "|".join(str(d.id) for d in (broken if kind != "cog" else [victim]))
    with pytest.raises(LoadError, match=f"band 'temp' of dataset '({names})' \\(file://"):
        local_cube.dc.load("rt", measurements=["temp"])
    ds = local_cube.dc.load("rt", measurements=["temp"], skip_broken_datasets=True)
    np.testing.assert_array_equal(ds.temp.values[:, :, :40], good.temp.values)
    step = int(
        np.flatnonzero(ds.time.values == np.datetime64(victim.center_time.replace(tzinfo=None), "ns"))[0]
    )
    assert np.isnan(ds.temp.values[step, :, 40:]).all()  # the broken dataset's pixels are nodata
