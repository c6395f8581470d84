"""Loading an imported Item gives the pixels odc-stac's ``load`` gives for the Item itself.

Each Item, in the shape of a public catalog, points at small GeoTIFFs written here with
rasterio, on the grids the Item states. terracube imports it and loads every band; odc-stac
loads the same bands from the Item. The grids, dtypes and pixels must be the same.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pystac
import pytest
import rasterio
from affine import Affine
from odc.stac import load as odc_stac_load

from terracube.api import Datacube
from terracube.index.memory import MemoryIndex
from terracube.stac import import_stac
from terracube.storage.bands import resolve_uri, uri_to_path

from .catalog_items import CATALOGS

SIZE = 36  # pixels across at the finest resolution: every Sentinel-2 resolution divides it


def _write_rasters(item: dict[str, Any], item_uri: str, seed: int) -> None:
    """A GeoTIFF for every local ``.tif`` asset with a grid, on that grid, with random pixels."""
    rng = np.random.default_rng(seed)
    props = item["properties"]
    for asset in item["assets"].values():
        uri = resolve_uri(item_uri, asset["href"])
        if not uri.startswith("file://") or not uri.lower().endswith((".tif", ".tiff", ".jp2")):
            continue  # (a ".jp2" is written as a GeoTIFF: GDAL reads a file by its content)
        shape = asset.get("proj:shape") or props.get("proj:shape")
        transform = asset.get("proj:transform") or props.get("proj:transform")
        if shape is None:  # a picture, not a band
            continue
        crs = (
            asset.get("proj:code")
            or props.get("proj:code")
            or (f"EPSG:{props['proj:epsg']}" if props.get("proj:epsg") else props["proj:wkt2"])
        )
        raster = asset.get("raster:bands") or asset.get("bands") or [{}]
        count = max(len(raster), len(asset.get("eo:bands") or asset.get("bands") or []), 1)
        dtype = raster[0].get("data_type") or asset.get("data_type") or "uint16"
        nodata = raster[0].get("nodata", asset.get("nodata"))
        pixels = (
            rng.random((count, *shape)).astype(dtype)
            if np.dtype(dtype).kind == "f"
            else rng.integers(1, 5000, (count, *shape)).astype(dtype)
        )
        profile = {"driver": "GTiff", "width": shape[1], "height": shape[0], "count": count, "dtype": dtype}
        Path(uri_to_path(uri)).parent.mkdir(parents=True, exist_ok=True)
        with rasterio.open(
            uri_to_path(uri),
            "w",
            **profile,
            crs=crs,
            transform=Affine(*transform[:6]),
            nodata=None if nodata is None else float(nodata),
            tiled=True,
            blockxsize=16,
            blockysize=16,
        ) as f:
            f.write(pixels)


def _odc_stac_name(name: str, band: int | None) -> str:
    """odc-stac's name for a band: ``visual.2`` where terracube (and datacube 1.9) say ``visual_2``."""
    return name if band is None else f"{name.rsplit('_', 1)[0]}.{band}"


@pytest.mark.parametrize(
    ("name", "relative"),
    [
        ("usgs-landsat-c2", False),  # the grid on the Item, no raster:bands: float32
        ("earth-search-v0", True),  # no roles; 10, 20, 60 m and a one-pixel overview
        ("earth-search-v1", False),  # raster:bands; a three-band visual asset
        ("planetary-computer-s2", True),  # no raster:bands; uint16 files read as float32
        ("planetary-computer-nasadem", False),  # lon/lat
        ("de-africa", False),  # EPSG:6933
        ("de-pacific", True),  # EPSG:3832, across the antimeridian, NaN nodata
        ("dea-eodatasets", False),  # no collection
        ("pystac-extended", True),  # a four-band asset, proj:code
        ("planet-psscene", True),  # the CRS and grid on the assets only, three- and four-band assets
        ("esa-worldcover", False),  # lon/lat; a three-band int16 quality layer with the metadata role
        ("cdse-sentinel2-l2a", True),  # STAC 1.1: pixel types and grids on the assets only
        ("stactools-sentinel2", True),  # every band at three resolutions, 10 m last; a band untyped
        ("planetary-computer-modis", False),  # sinusoidal as WKT2, scale and offset, a time range
        ("stactools-landsat-c2", True),  # relative hrefs beside via links to the USGS Items
    ],
)
def test_terracube_loads_what_odc_stac_loads(name: str, relative: bool, tmp_path: Path) -> None:
    item_file = tmp_path / "item.json"
    item = CATALOGS[name](root="" if relative else tmp_path.as_uri(), size=SIZE)
    _write_rasters(item, item_file.as_uri(), seed=len(name))
    item_file.write_text(json.dumps(item))

    index = MemoryIndex()
    index.init_db()
    (product,) = import_stac(index, [item_file]).products
    (ds,) = index.datasets.search()
    local = {n: m for n, m in ds.measurements.items() if resolve_uri(ds.uri, m["path"]).startswith("file://")}
    assert local
    ours = Datacube(index=index).load(product, measurements=sorted(local))

    theirs_item = pystac.Item.from_file(str(item_file))  # relative hrefs: against the file, as ours
    # odc-stac counts an asset's bands from raster:bands only; terracube also from eo:bands.
    counted = {
        n
        for n, m in local.items()
        if m.get("band") is None or "raster:bands" in item["assets"][m.get("asset", n)]
    }
    names = {n: _odc_stac_name(n, local[n].get("band")) for n in counted}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # odc-stac's own warnings (no raster:bands...)
        theirs = odc_stac_load([theirs_item], bands=sorted(names.values()))

    mine, other = ours.odc.geobox, theirs.odc.geobox
    assert (mine.shape, mine.crs) == (other.shape, other.crs)
    assert mine.transform.almost_equals(other.transform, precision=1e-9 * abs(other.transform.a))
    if item["properties"].get("datetime"):
        assert list(ours.time.values) == list(theirs.time.values)
    else:  # a time range only: odc-stac loads at its start, ODC and terracube at its middle
        start, end = (
            np.datetime64(item["properties"][k].rstrip("Z"), "ns") for k in ("start_datetime", "end_datetime")
        )
        assert list(theirs.time.values) == [start]
        assert list(ours.time.values) == [start + (end - start) / 2]
    for n, their_name in names.items():
        a, b = ours[n].values, theirs[their_name].values
        assert a.dtype == b.dtype, n
        np.testing.assert_array_equal(a, b, err_msg=n)
    # The bands odc-stac does not see are the file's own.
    for n in set(local) - counted:
        alone = Datacube(index=index).load(product, measurements=[n])[n]  # on its own grid
        with rasterio.open(uri_to_path(resolve_uri(ds.uri, local[n]["path"]))) as f:
            assert f.shape == alone.shape[1:]
            np.testing.assert_array_equal(alone.values[0], f.read(local[n]["band"]).astype(alone.dtype))


def test_items_odc_stac_cannot_read_load(tmp_path: Path) -> None:
    """Band indices in eo:bands and relative hrefs without a self link: odc-stac fails on both."""
    item_file = tmp_path / "item.json"
    item = CATALOGS["usgs-landsat-c2-band-indices"](root="", size=SIZE)
    _write_rasters(item, item_file.as_uri(), seed=3)
    item_file.write_text(json.dumps(item))
    with pytest.raises(AttributeError):
        odc_stac_load([pystac.Item.from_dict(item)], bands=["SR_B4.TIF"])

    index = MemoryIndex()
    index.init_db()
    (product,) = import_stac(index, [item_file]).products
    data = Datacube(index=index).load(product, measurements=["red", "QA_PIXEL_TIF"])  # red: an alias
    for band, href in (("red", "SR_B4.TIF"), ("QA_PIXEL_TIF", "QA_PIXEL.TIF")):
        with rasterio.open(tmp_path / item["assets"][href]["href"]) as f:
            np.testing.assert_array_equal(data[band].values[0], f.read(1).astype("float32"))
