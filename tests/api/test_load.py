"""Datacube.load from GeoTIFF datasets: grids, regions, grouping, fusing, reprojection, errors."""

from __future__ import annotations

import logging
import pickle
from typing import TYPE_CHECKING

import numpy as np
import pytest
import rasterio.warp
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.geom import box
from rasterio.enums import Resampling

from terracube import Datacube
from terracube.api import group_datasets
from terracube.errors import LoadError, ProductNotFoundError, QueryError

from .conftest import RES, SIZE, tile_gbox

if TYPE_CHECKING:
    from .conftest import Cube


def test_native_load_is_pixel_exact(cube: Cube) -> None:
    s1 = cube.add(tile_gbox(0, 0), "2020-01-02T10:00:00")
    s0 = cube.add(tile_gbox(0, 0), "2020-01-01T10:00:00")
    ds = cube.dc.load("ls")
    assert list(ds.data_vars) == ["red", "swir"]
    assert ds.red.dims == ("time", "y", "x")
    assert ds.odc.geobox == s0.gbox
    assert [str(t)[:19] for t in ds.time.values] == ["2020-01-01T10:00:00", "2020-01-02T10:00:00"]
    np.testing.assert_array_equal(ds.red.values, np.stack([s0.red, s1.red]))
    np.testing.assert_array_equal(ds.swir.values, np.stack([s0.swir, s1.swir]))
    assert ds.red.dtype == np.int16 and ds.swir.dtype == np.float32
    assert ds.red.attrs["nodata"] == -999 and ds.red.attrs["units"] == "1"
    assert np.isnan(ds.swir.attrs["nodata"]) and ds.swir.attrs["units"] == "reflectance"


def test_measurements_by_alias_are_named_as_asked(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    ds = cube.dc.load("ls", measurements=["band_4"])
    assert list(ds.data_vars) == ["band_4"]
    np.testing.assert_array_equal(ds.band_4.values[0], s.red)
    with pytest.raises(QueryError, match="no measurement or alias 'blue'"):
        cube.dc.load("ls", measurements=["blue"])


def test_region_in_crs_selects_exact_window(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    x0, y0 = 600000 + 10 * RES, 6000000 - 40 * RES
    ds = cube.dc.load("ls", x=(x0, x0 + 20 * RES), y=(y0, y0 + 15 * RES), crs="EPSG:32755")
    assert ds.red.shape == (1, 15, 20)
    np.testing.assert_array_equal(ds.red.values[0], s.red[25:40, 10:30])


def test_lat_lon_region_and_time_filter(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(0, 0), "2021-06-01")
    lon, lat = s.gbox.extent.centroid.to_crs("EPSG:4326").coords[0]
    ds = cube.dc.load("ls", lat=(lat - 0.001, lat + 0.001), lon=(lon - 0.001, lon + 0.001), time="2020")
    assert ds.sizes["time"] == 1
    assert 0 < ds.sizes["x"] < SIZE and 0 < ds.sizes["y"] < SIZE
    # The window is on the native grid, so every pixel equals a source pixel at the same place.
    gb = ds.odc.geobox
    col0, row0 = (~s.gbox.transform) @ (gb.transform.c, gb.transform.f)
    r, c = round(row0), round(col0)
    np.testing.assert_array_equal(ds.red.values[0], s.red[r : r + gb.shape[0], c : c + gb.shape[1]])


def test_geopolygon_in_crs_equals_the_same_box_by_x_y(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(3, 0), "2020-01-01")  # far east: its footprint misses the polygon
    x0, y0 = 600000 + 10 * RES, 6000000 - 40 * RES
    poly = box(x0, y0, x0 + 20 * RES, y0 + 15 * RES, "EPSG:32755")
    by_poly = cube.dc.load("ls", geopolygon=poly)
    by_xy = cube.dc.load("ls", x=(x0, x0 + 20 * RES), y=(y0, y0 + 15 * RES), crs="EPSG:32755")
    assert by_poly.odc.geobox == by_xy.odc.geobox
    np.testing.assert_array_equal(by_poly.red.values, by_xy.red.values)
    np.testing.assert_array_equal(by_poly.red.values[0], s.red[25:40, 10:30])
    assert [d.id for d in cube.dc.find_datasets(product="ls", geopolygon=poly)] == [s.dataset.id]


def test_geopolygon_in_lon_lat_covers_the_polygon(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    poly = s.gbox.extent.buffer(-20 * RES).to_crs("EPSG:4326")
    ds = cube.dc.load("ls", geopolygon=poly)
    gb = ds.odc.geobox
    assert gb.crs == s.gbox.crs  # native grid of the data, not the polygon's CRS
    assert gb.extent.contains(poly.to_crs(gb.crs).buffer(-1.0))
    assert 0 < gb.shape[0] < SIZE and 0 < gb.shape[1] < SIZE
    col0, row0 = (~s.gbox.transform) @ (gb.transform.c, gb.transform.f)
    r, c = round(row0), round(col0)
    np.testing.assert_array_equal(ds.red.values[0], s.red[r : r + gb.shape[0], c : c + gb.shape[1]])


def test_nothing_found_gives_empty_dataset(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    ds = cube.dc.load("ls", time="1999")
    assert len(ds.data_vars) == 0 and len(ds.dims) == 0


def test_unknown_product(cube: Cube) -> None:
    with pytest.raises(ProductNotFoundError, match="no product named 'nope'.*'ls'"):
        cube.dc.load("nope")


def test_mosaic_of_tiles_and_first_valid_fusing(cube: Cube) -> None:
    a = cube.add(tile_gbox(0, 0), "2020-01-01T10:00:00")
    b = cube.add(tile_gbox(1, 0), "2020-01-01T10:00:00")
    red = cube.rng.integers(0, 100, (SIZE, SIZE)).astype("int16")
    red[:, :10] = -999  # nodata: the later dataset must not hide the earlier one there
    c = cube.add(tile_gbox(0, 0), "2020-01-01T10:00:00", red=red)
    ds = cube.dc.load("ls", measurements=["red"])
    assert ds.red.shape == (1, SIZE, 2 * SIZE)
    left = ds.red.values[0, :, :SIZE]
    # a and c share the time; fusing order is by time then id: whichever comes first wins where valid.
    first, second = sorted([a, c], key=lambda s: str(s.dataset.id))
    expected = np.where(first.red != -999, first.red, second.red)
    np.testing.assert_array_equal(left, expected)
    np.testing.assert_array_equal(ds.red.values[0, :, SIZE:], b.red)


def test_custom_fuse_func(cube: Cube) -> None:
    a = cube.add(tile_gbox(0, 0), "2020-01-01T10:00:00")
    b = cube.add(tile_gbox(0, 0), "2020-01-01T10:00:00")

    def fuse_max(dest: np.ndarray, src: np.ndarray) -> None:
        np.maximum(dest, src, out=dest)

    ds = cube.dc.load("ls", measurements=["red"], fuse_func=fuse_max)
    np.testing.assert_array_equal(ds.red.values[0], np.maximum(a.red, b.red))


def test_group_by_solar_day_joins_one_pass(cube: Cube) -> None:
    # Two scenes of one pass, seconds apart, and a scene of the next day.
    a = cube.add(tile_gbox(0, 0), "2020-01-01T00:00:10")
    b = cube.add(tile_gbox(1, 0), "2020-01-01T00:00:30")
    cube.add(tile_gbox(0, 0), "2020-01-02T00:00:10")
    by_time = cube.dc.load("ls", measurements=["red"])
    assert by_time.sizes["time"] == 3
    ds = cube.dc.load("ls", measurements=["red"], group_by="solar_day")
    assert ds.sizes["time"] == 2
    assert str(ds.time.values[0])[:19] == "2020-01-01T00:00:10"
    np.testing.assert_array_equal(ds.red.values[0], np.hstack([a.red, b.red]))
    # At longitude ~147 E, 23:00 UTC is already the next local solar day.
    late = cube.add(tile_gbox(0, 0), "2019-12-31T23:00:00")
    groups = group_datasets([a.dataset, late.dataset], "solar_day")
    assert len(groups) == 1 and groups[0].datasets == (late.dataset, a.dataset)
    # Datacube.group_datasets gives them as ODC does: a time array of dataset tuples
    grouped = Datacube.group_datasets([a.dataset, late.dataset], "solar_day")
    assert grouped.dims == ("time",) and grouped.values.tolist() == [(late.dataset, a.dataset)]
    assert grouped.time.values[0] == np.datetime64("2019-12-31T23:00:00", "ns")


def test_like_reuses_a_grid(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    first = cube.dc.load("ls", x=(600300, 600900), y=(5999100, 5999700), crs="EPSG:32755")
    again = cube.dc.load("ls", like=first)
    assert again.odc.geobox == first.odc.geobox
    np.testing.assert_array_equal(again.red.values, first.red.values)
    on_gbox = cube.dc.load("ls", like=s.gbox[5:9, 7:12])
    np.testing.assert_array_equal(on_gbox.red.values[0], s.red[5:9, 7:12])
    with pytest.raises(QueryError, match="leave out resolution"):
        cube.dc.load("ls", like=first, resolution=60)


def test_align_shifts_the_grid(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    ds = cube.dc.load("ls", measurements=["red"], output_crs="EPSG:32755", resolution=30, align=(10, 10))
    tr = ds.odc.geobox.transform
    assert tr.c % 30 == pytest.approx(10) and tr.f % 30 == pytest.approx(10)


def test_reduced_resolution_reads_the_overview(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01", overviews=(2, 4))
    ds = cube.dc.load("ls", measurements=["red"], resolution=4 * RES)
    assert ds.red.shape == (1, SIZE // 4, SIZE // 4)
    import rasterio

    with rasterio.open(s.folder / "red.tif", overview_level=1) as f:  # the x4 overview
        overview = f.read(1)
    np.testing.assert_array_equal(ds.red.values[0], overview)
    # An average overview differs from sampling the full resolution: the reader really used it.
    assert not np.array_equal(overview, s.red[1::4, 1::4])


@pytest.mark.parametrize("method", ["nearest", "bilinear", "cubic"])
def test_reprojection_matches_rasterio(cube: Cube, method: str) -> None:
    s = cube.add(tile_gbox(0, 0, size=128), "2020-01-01")
    dst = GeoBox.from_bbox(s.gbox.extent.to_crs("EPSG:3577").boundingbox, "EPSG:3577", resolution=25)
    # Keep clear of the edges so both sides see the same source pixels.
    dst = dst[8:-8, 8:-8]
    ds = cube.dc.load("ls", like=dst, resampling=method)
    for band, nodata in (("red", -999), ("swir", np.nan)):
        src = getattr(s, band)
        expected = np.full(dst.shape, nodata, dtype=src.dtype)
        rasterio.warp.reproject(
            src, expected, src_transform=s.gbox.transform, src_crs="EPSG:32755", dst_transform=dst.transform,
            dst_crs="EPSG:3577", resampling=Resampling[method], src_nodata=nodata, dst_nodata=nodata,
        )  # fmt: skip
        got = ds[band].values[0]
        valid = np.isfinite(expected) & (expected != -999)
        assert valid.mean() > 0.9
        if method == "nearest":
            np.testing.assert_array_equal(got, expected)
        else:
            # Same GDAL warper on a source window instead of the whole image: equal up to float noise.
            np.testing.assert_allclose(
                got[valid], expected[valid], rtol=1e-5, atol=1.0 if band == "red" else 1e-5
            )
            assert (got[valid] == expected[valid]).mean() > 0.95


def test_resampling_per_band(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    ds = cube.dc.load(
        "ls", output_crs="EPSG:3577", resolution=40, resampling={"swir": "bilinear", "*": "nearest"}
    )
    assert ds.red.shape == ds.swir.shape
    with pytest.raises(QueryError, match="unknown resampling 'blurry'"):
        cube.dc.load("ls", resampling="blurry")
    with pytest.raises(QueryError, match="not loaded: \\['blue'\\]"):
        cube.dc.load("ls", resampling={"blue": "nearest"})


def test_output_crs_needs_a_resolution(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    with pytest.raises(QueryError, match="give resolution="):
        cube.dc.load("ls", output_crs="EPSG:3577")


def test_geographic_output_has_lat_lon_dims(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    ds = cube.dc.load("ls", measurements=["red"], output_crs="EPSG:4326", resolution=0.0005)
    assert ds.red.dims == ("time", "latitude", "longitude")
    assert ds.odc.geobox.crs.epsg == 4326
    assert (ds.red.values != -999).mean() > 0.5


def test_missing_file_names_the_dataset(cube: Cube) -> None:
    good = cube.add(tile_gbox(0, 0), "2020-01-01")
    bad = cube.add(tile_gbox(0, 0), "2020-01-02")
    (bad.folder / "red.tif").unlink()
    with pytest.raises(LoadError, match=f"dataset '{bad.dataset.id}'.*red.tif"):
        cube.dc.load("ls", measurements=["red"])
    ds = cube.dc.load("ls", measurements=["red"], skip_broken_datasets=True)
    np.testing.assert_array_equal(ds.red.values[0], good.red)
    assert (ds.red.values[1] == -999).all()


def test_corrupt_file_is_a_load_error(cube: Cube, caplog: pytest.LogCaptureFixture) -> None:
    bad = cube.add(tile_gbox(0, 0), "2020-01-01")
    path = bad.folder / "swir.tif"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # header intact, tiles cut off
    with pytest.raises(LoadError, match=f"band 'swir' of dataset '{bad.dataset.id}'"):
        cube.dc.load("ls", measurements=["swir"])
    (bad.folder / "red.tif").write_bytes(b"not a tiff at all")
    with pytest.raises(LoadError, match="cannot open band 'red'"):
        cube.dc.load("ls", measurements=["red"])
    with caplog.at_level(logging.WARNING, logger="terracube.load"):
        ds = cube.dc.load("ls", skip_broken_datasets=True)
    assert (ds.red.values == -999).all()
    assert str(bad.dataset.id) in caplog.text


def test_unknown_format_is_a_clear_error(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    doc = s.dataset.metadata_doc
    doc["id"] = "00000000-0000-0000-0000-000000000001"
    doc["properties"]["odc:file_format"] = "HDF4-EOS"
    cube.index.datasets.add(cube.index.datasets.from_doc(doc, uri=s.dataset.uri))
    with pytest.raises(LoadError, match="format 'HDF4-EOS'"):
        cube.dc.load("ls", time="2020-01-01")


def test_progress_callback_counts_every_slice(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(0, 0), "2020-01-02")
    calls: list[tuple[int, int]] = []
    cube.dc.load("ls", progress_cbk=lambda done, total: calls.append((done, total)))
    assert sorted(calls) == [(1, 4), (2, 4), (3, 4), (4, 4)]
    with pytest.raises(QueryError, match="progress_cbk"):
        cube.dc.load("ls", progress_cbk=print, dask_chunks={"time": 1})


def test_load_given_datasets_without_search(cube: Cube) -> None:
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(0, 0), "2020-01-02")
    ds = cube.dc.load(datasets=[s.dataset], measurements=["red"])
    assert ds.sizes["time"] == 1
    np.testing.assert_array_equal(ds.red.values[0], s.red)


def test_find_datasets(cube: Cube) -> None:
    a = cube.add(tile_gbox(0, 0), "2020-01-01")
    cube.add(tile_gbox(5, 5), "2020-01-01")
    found = cube.dc.find_datasets(product="ls", like=a.gbox[10:20, 10:20])
    assert [d.id for d in found] == [a.dataset.id]
    assert len(cube.dc.find_datasets(product="ls")) == 2


def test_result_pickles(cube: Cube) -> None:
    cube.add(tile_gbox(0, 0), "2020-01-01")
    ds = cube.dc.load("ls")
    back = pickle.loads(pickle.dumps(ds))
    assert back.odc.geobox == ds.odc.geobox


def test_rotated_or_odd_grids_reproject(cube: Cube) -> None:
    # A half-pixel shifted output grid with bilinear resampling goes through the warper.
    s = cube.add(tile_gbox(0, 0), "2020-01-01")
    shifted = GeoBox((10, 10), s.gbox.transform @ Affine.translation(20.5, 20.5), s.gbox.crs)
    ds = cube.dc.load("ls", like=shifted, measurements=["swir"], resampling="bilinear")
    expected = (s.swir[20:30, 20:30] + s.swir[21:31, 20:30] + s.swir[20:30, 21:31] + s.swir[21:31, 21:31]) / 4
    np.testing.assert_allclose(ds.swir.values[0], expected, rtol=1e-5)
