"""Footprints in lon/lat: cut at the antimeridian (great-circle crossings), closed over a pole."""

from __future__ import annotations

import pytest
import shapely

from terracube.model._lonlat import cut_lonlat, norm_lonlat
from terracube.model.eo3 import lonlat


def _cut(ring: list[tuple[float, float]]) -> shapely.Geometry:
    out = cut_lonlat(shapely.Polygon(ring))
    assert out.is_valid
    return out


@pytest.mark.parametrize(
    ("ring", "bounds", "area"),
    [
        # The whole band: an edge from -180 to 180 runs along its parallel, as written.
        ([(-180, -85), (180, -85), (180, 85), (-180, 85)], (-180, -85, 180, 85), 61200),
        # Edges jumping from 179.9 to -179.9 go the short way: 0.2 degrees across the antimeridian.
        ([(-179.9, -10), (179.9, -10), (179.9, 10), (-179.9, 10)], (-180, -10, 180, 10), 4),
        ([(0, 0), (180, 0), (180, 10), (0, 10)], (0, 0, 180, 10), 1800),
        # Past 180: cut where each edge's great circle meets the antimeridian (10.15, not 10).
        ([(170, 0), (190, 0), (190, 10), (170, 10)], (-180, 0, 180, 10.15), 201.51),
        ([(170, 0), (180, 0), (-170, 0), (-170, 10), (180, 10), (170, 10)], (-180, 0, 180, 10), 200),
        ([(-180, 0), (-170, 0), (-170, 10), (-180, 10)], (-180, 0, -170, 10), 100),
        ([(-10, -90), (10, -90), (10, -80), (-10, -80)], (-10, -90, 10, -80), 200),
    ],
)
def test_cut_at_the_antimeridian(
    ring: list[tuple[float, float]], bounds: tuple[float, ...], area: float
) -> None:
    for r in (ring, ring[::-1]):
        out = _cut([*r, r[0]])
        assert out.bounds == pytest.approx(bounds, abs=0.01)
        assert out.area == pytest.approx(area, abs=0.01)


def test_ring_round_a_pole_is_closed_over_it() -> None:
    ring = [(-170.0, -80.0), (-60.0, -82.0), (50.0, -81.0), (160.0, -83.0), (-170.0, -80.0)]
    for r, pole in ((ring, -1), (ring[::-1], -1)):
        out = cut_lonlat(shapely.Polygon(r), lambda i, p=pole: p)
        assert out.is_valid
        assert out.bounds == pytest.approx((-180, -90, 180, -80))
        assert out.covers(shapely.Point(0, -89.9))
        assert not out.covers(shapely.Point(0, -75))
    # Without a pole test: the pole on the ring's side of the equator.
    assert cut_lonlat(shapely.Polygon(ring)).bounds[1] == -90


def test_norm_lonlat_brings_any_copy_into_range() -> None:
    assert norm_lonlat(shapely.box(530, 0, 540, 1)).bounds == (170, 0, 180, 1)
    assert norm_lonlat(shapely.box(-200, 0, -170, 1)).area == pytest.approx(30)


@pytest.mark.parametrize("clockwise", [False, True])
def test_polar_stereographic_footprint_round_the_pole(clockwise: bool) -> None:
    from odc.geo.geom import polygon

    pts = [(-200_000, -200_000), (200_000, -200_000), (200_000, 200_000), (-200_000, 200_000)]
    if clockwise:
        pts = pts[::-1]
    shape, bbox = lonlat(polygon([*pts, pts[0]], "EPSG:3031"))
    assert shape.covers(shapely.Point(123, -89.99))
    assert bbox[0] == -180 and bbox[2] == 180 and bbox[1] == -90
    north, _ = lonlat(polygon([*pts, pts[0]], "EPSG:3413"))
    assert north.covers(shapely.Point(-45, 89.99))
    # Beside the pole (not round it): no cap.
    side, _ = lonlat(
        polygon([(500_000, 500_000), (700_000, 500_000), (700_000, 700_000), (500_000, 700_000)], "EPSG:3031")
    )
    assert side.bounds[1] > -89
