"""``datacube.utils.geometry.GeoBox`` takes odc-geo's call forms and ODC 1.8's, and gives odc-geo GeoBoxes."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import odc.geo.geobox
import pytest
import xarray as xr
from affine import Affine
from odc.geo import resyx_, xy_
from odc.geo.xr import xr_zeros

from terracube.compat.datacube.utils import geometry
from terracube.compat.datacube.utils.geometry import GeoBox, box
from terracube.errors import NotOfferedCallError, NotOfferedError

CRS = "EPSG:32755"
AFFINE = Affine(30, 0, 600000, 0, -30, 6100020)
# 600010..600950 snaps to 600000..600960 (32 columns), 6099000..6100005 to 6099000..6100020 (34 rows)
AREA = box(600010, 6099000, 600950, 6100005, CRS)
ODC_GEO = odc.geo.geobox.GeoBox((34, 32), AFFINE, CRS)


@pytest.mark.parametrize(
    "call",
    [
        lambda: GeoBox((34, 32), AFFINE, CRS),  # odc-geo's
        lambda: GeoBox(shape=(34, 32), affine=AFFINE, crs=CRS),
        lambda: GeoBox(ODC_GEO.shape, AFFINE, CRS),
        lambda: GeoBox(32, 34, AFFINE, CRS),  # ODC 1.8's
        lambda: GeoBox(np.int64(32), np.int64(34), AFFINE, CRS),
        lambda: GeoBox(width=32, height=34, affine=AFFINE, crs=CRS),
        lambda: GeoBox(32, 34, crs=CRS, affine=AFFINE),
    ],
    ids=[
        "odc-geo",
        "odc-geo-keywords",
        "odc-geo-shape2d",
        "odc18",
        "odc18-numpy",
        "odc18-keywords",
        "odc18-mixed",
    ],
)
def test_constructor_forms_give_odc_geo_geobox(call: object) -> None:
    made = call()  # type: ignore[operator]
    assert type(made) is odc.geo.geobox.GeoBox
    assert made == ODC_GEO
    assert made.width == 32 and made.height == 34


@pytest.mark.parametrize(
    "resolution",
    [(-30, 30), [-30.0, 30.0], (np.float64(-30), np.int32(30)), 30, resyx_(-30, 30)],
    ids=["odc18-pair", "list", "numpy", "number", "odc-geo"],
)
def test_from_geopolygon_resolution_forms(resolution: object) -> None:
    made = GeoBox.from_geopolygon(AREA, resolution=resolution, crs=CRS)
    assert type(made) is odc.geo.geobox.GeoBox
    assert made == odc.geo.geobox.GeoBox.from_geopolygon(AREA, resyx_(-30, 30), CRS) == ODC_GEO


def test_from_geopolygon_odc18_positional_and_align() -> None:
    # ODC 1.8: from_geopolygon(polygon, (y, x) resolution, crs, (y, x) align); align in CRS units
    made = GeoBox.from_geopolygon(AREA, (-30, 30), CRS, (5, 10))
    assert made == odc.geo.geobox.GeoBox.from_geopolygon(AREA, resyx_(-30, 30), CRS, xy_(10, 5))
    # the point (x=600010, y=6100025) lies on pixel edges: left 600010, top 6100025
    assert (made.affine.c, made.affine.f, made.shape.yx) == (600010, 6100025, (35, 32))


def test_from_geopolygon_keeps_odc_geo_keywords() -> None:
    made = GeoBox.from_geopolygon(AREA, crs=CRS, shape=64)
    assert made == odc.geo.geobox.GeoBox.from_geopolygon(AREA, crs=CRS, shape=64)


def test_every_odc_geo_geobox_is_an_instance() -> None:
    band = xr_zeros(ODC_GEO, dtype="uint16")
    loaded = xr.Dataset({"red": band})
    assert isinstance(loaded.odc.geobox, GeoBox) and isinstance(ODC_GEO, geometry._base.GeoBox)
    assert issubclass(odc.geo.geobox.GeoBox, GeoBox)
    assert not isinstance(AREA, GeoBox) and not isinstance((34, 32), GeoBox)
    assert pickle.loads(pickle.dumps(GeoBox(32, 34, AFFINE, CRS))) == ODC_GEO


def test_odc_geo_attributes_are_reachable() -> None:
    assert GeoBox.from_bbox is odc.geo.geobox.GeoBox.from_bbox
    assert GeoBox.resolution is odc.geo.geobox.GeoBox.resolution
    assert GeoBox.from_bbox(AREA.boundingbox, CRS, resolution=30) == ODC_GEO
    assert {"from_bbox", "zoom_out", "from_geopolygon"} <= set(dir(GeoBox))
    with pytest.raises(AttributeError):
        _ = GeoBox.no_such_attribute


def test_resolution_is_odc_geos() -> None:
    # ODC 1.8 gave (y, x); odc-geo's Resolution has .y and .x (docs/odc-code.md says so)
    made = GeoBox(32, 34, AFFINE, CRS)
    assert (made.resolution.y, made.resolution.x) == (-30, 30)
    assert made.resolution.yx == (-30, 30) and made.shape[0] == 34
    with pytest.raises(TypeError, match="not subscriptable"):
        _ = made.resolution[0]  # type: ignore[index]
    with pytest.raises(TypeError, match="cannot unpack"):
        _, _ = made.resolution  # type: ignore[misc]
    page = " ".join((Path(__file__).parents[2] / "docs" / "odc-code.md").read_text().split())
    assert "`geobox.resolution.y` for `geobox.resolution[0]`" in page
    assert "`geobox.resolution.x` for `geobox.resolution[1]`" in page


FORMS = r"GeoBox\(\(ny, nx\), affine, crs\) or ODC 1.8's GeoBox\(width, height, affine, crs\)"


@pytest.mark.parametrize(
    ("args", "kwargs", "got"),
    [
        (("32", 34, AFFINE, CRS), {}, "'32', 34"),
        ((32.0, 34.0, AFFINE, CRS), {}, "32.0, 34.0"),
        ((32, 34, (30, 0, 600000, 0, -30, 6100020), CRS), {}, r"\(30, 0, 600000"),
        (((34.0, 32.0), AFFINE, CRS), {}, r"\(34.0, 32.0\)"),
        (((34, 32, 1), AFFINE, CRS), {}, r"\(34, 32, 1\)"),
        ((32, 34, AFFINE), {}, "without crs"),
        (((34, 32), AFFINE), {}, "without crs"),
        ((32, 34, AFFINE, CRS, 1), {}, "'EPSG:32755', 1"),
        (((34, 32), AFFINE, CRS), {"width": 32}, "width=32"),
        ((32, 34, AFFINE, CRS), {"crs": CRS}, "given twice"),
    ],
)
def test_constructor_refuses_other_arguments(args: tuple, kwargs: dict, got: str) -> None:
    with pytest.raises(NotOfferedCallError, match=FORMS + f".*got GeoBox\\(.*{got}"):
        GeoBox(*args, **kwargs)
    with pytest.raises(TypeError):  # also Python's error for a bad call, and a NotOfferedError
        GeoBox(*args, **kwargs)
    assert issubclass(NotOfferedCallError, NotOfferedError)


@pytest.mark.parametrize(
    ("args", "kwargs", "got"),
    [
        ((AREA, "30"), {}, "resolution='30'"),
        ((AREA, (-30, 30, 1)), {}, r"resolution=\(-30, 30, 1\)"),
        ((AREA, ("-30", "30")), {}, r"resolution=\('-30', '30'\)"),
        ((AREA, (-30, 30), CRS, "edge"), {}, "align='edge'"),
        ((AREA.boundingbox, (-30, 30)), {}, "geopolygon=BoundingBox"),
    ],
)
def test_from_geopolygon_refuses_other_arguments(args: tuple, kwargs: dict, got: str) -> None:
    with pytest.raises(
        NotOfferedCallError, match=r"GeoBox.from_geopolygon takes a Geometry.*\(y, x\) pair.*got " + got
    ):
        GeoBox.from_geopolygon(*args, **kwargs)


def test_subclassing_the_name_is_refused() -> None:
    with pytest.raises(NotOfferedError, match=r"subclass odc.geo.geobox.GeoBox"):

        class MyBox(GeoBox):  # type: ignore[misc]
            pass
