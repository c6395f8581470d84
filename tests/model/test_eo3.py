from __future__ import annotations

from typing import Any

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from odc.geo.geom import Geometry
from shapely.geometry import shape

from terracube.errors import DocumentError
from terracube.index.testing import box_geometry, dataset_doc
from terracube.model.eo3 import (
    _lonlat_projected,
    _lonlat_simple,
    _plain_polygon,
    check_eo3,
    footprint,
    lonlat,
)

# --- GeoJSON polygons read straight as WKB: the same geometry as shapely's reader -----------------

_COORD = st.one_of(st.floats(-1e7, 1e7), st.integers(-(10**7), 10**7))


@st.composite
def _rings(draw: st.DrawFn) -> list[list[Any]]:
    ring = draw(st.lists(st.lists(_COORD, min_size=2, max_size=2), min_size=3, max_size=8))
    return [*ring, list(ring[0])]


@settings(max_examples=200, deadline=None)
@given(rings=st.lists(_rings(), min_size=1, max_size=3))
def test_plain_polygon_is_shapely_s_polygon(rings: list[list[Any]]) -> None:
    g = _plain_polygon(rings)
    assert g is not None
    assert shapely.to_wkb(g) == shapely.to_wkb(shape({"type": "Polygon", "coordinates": rings}))


@pytest.mark.parametrize(
    "coords",
    [
        [],
        [[]],
        [[[0, 0], [1, 0], [1, 1], [0, 1]]],  # open ring: shapely closes it
        [[[0, 0], [1, 0], [0, 0]]],  # too short
        [[[0, 0, 5], [1, 0, 5], [1, 1, 5], [0, 0, 5]]],  # 3-d
        [[["0", 0], [1, 0], [1, 1], ["0", 0]]],  # numbers as strings
        [[[True, 0], [1, 0], [1, 1], [True, 0]]],
        [[[float("nan"), 0], [1, 0], [1, 1], [float("nan"), 0]]],
        [[[0, 0], [1, 0], [1, float("inf")], [0, 0]]],
        [[[0, 0], [10**400, 0], [1, 1], [0, 0]]],
        [[(0, 0), (1, 0), (1, 1), (0, 0)]],  # tuples: not what JSON gives
        ([[0, 0], [1, 0], [1, 1], [0, 0]],),
    ],
)
def test_plain_polygon_leaves_the_rest_to_shapely(coords: Any) -> None:
    assert _plain_polygon(coords) is None


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},  # bow tie
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0, 0], [2, 0], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], ["x", 1], [0, 0]]]},
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon"},
        {"type": "Polygon", "coordinates": [[[0, 0], [10**400, 0], [1, 1], [0, 0]]]},
    ],
)
def test_geometry_errors_as_shapely_reports_them(geometry: dict[str, Any]) -> None:
    doc = dataset_doc("p1", crs="EPSG:32755", grids=False)
    doc["geometry"] = geometry
    try:
        g = shape(geometry)
    except Exception as e:
        expected = f"not readable as GeoJSON ({e})"
    else:
        expected = (
            "the footprint is empty" if g.is_empty else f"not a valid polygon: {shapely.is_valid_reason(g)}"
        )
    with pytest.raises(DocumentError, match="field geometry") as err:
        check_eo3(doc, where="doc")
    assert str(err.value).endswith(expected)


@pytest.mark.parametrize(
    ("coordinates", "collapsed"),
    [
        ([[[0, 0], [1, 0], [0, 0]]], "LINESTRING (0 0, 1 0)"),  # three positions: a line
        ([[[5, 0], [5, 3], [5, 1], [5, 0]]], "LINESTRING (5 0, 5 1, 5 3)"),
        ([[[2, 2], [2, 2], [2, 2], [2, 2]]], "POINT (2 2)"),
        ([[[0, 0], [0, 1], [0, 0]]], "LINESTRING (0 0, 0 1)"),
    ],
)
def test_zero_area_footprint_is_the_line_or_point_it_collapses_to(coordinates: Any, collapsed: str) -> None:
    doc = dataset_doc("p1", crs="EPSG:32755", grids=False)
    doc["geometry"] = {"type": "Polygon", "coordinates": coordinates}
    g = check_eo3(doc, where="doc")
    assert g is not None
    assert g.wkt == collapsed
    ext = footprint(doc)
    assert ext is not None
    assert ext.geom.wkt == collapsed  # read again from the stored document, the same


# --- lon/lat footprints: the common case computed directly, as the general path does ---------------


@settings(max_examples=150, deadline=None)
@given(
    zone=st.integers(1, 60),
    south=st.booleans(),
    x0=st.floats(-3_000_000, 3_000_000),
    y0=st.floats(0, 10_000_000),
    w=st.floats(1, 5_000_000),
    h=st.floats(1, 5_000_000),
    clockwise=st.booleans(),
)
def test_lonlat_simple_is_the_general_path(
    zone: int, south: bool, x0: float, y0: float, w: float, h: float, clockwise: bool
) -> None:
    """Where the direct path answers, it gives exactly the general path's footprint and bounds."""
    crs = f"EPSG:{32700 + zone if south else 32600 + zone}"
    g = shape(box_geometry(x0, y0, x0 + w, y0 + h, clockwise=clockwise))
    expected = _lonlat_projected(Geometry(g, crs))
    got = _lonlat_simple(g, crs)
    if got is None:  # crossing the antimeridian, off the map...: left to the general path
        assert lonlat(Geometry(g, crs))[1] == pytest.approx(expected[1], nan_ok=True)
        return
    assert shapely.to_wkb(got[0]) == shapely.to_wkb(expected[0])
    assert got[1] == expected[1]
    assert all(type(v) is float for v in got[1])


def test_lonlat_simple_leaves_holes_and_multipolygons_to_the_general_path() -> None:
    outer = [[300_000, 6_000_000], [400_000, 6_000_000], [400_000, 6_100_000], [300_000, 6_000_000]]
    hole = [[380_000, 6_010_000], [390_000, 6_010_000], [390_000, 6_020_000], [380_000, 6_010_000]]
    with_hole = shape({"type": "Polygon", "coordinates": [outer, hole]})
    assert _lonlat_simple(with_hole, "EPSG:32755") is None
    assert _lonlat_simple(shapely.MultiPolygon([with_hole]), "EPSG:32755") is None
    ll, bbox = lonlat(Geometry(with_hole, "EPSG:32755"))
    assert len(ll.interiors) == 1
    assert 144 < bbox[0] < bbox[2] < 147
