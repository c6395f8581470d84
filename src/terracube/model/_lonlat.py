"""Footprints in lon/lat: cut at the antimeridian, closed over a pole, within [-180, 180].

A footprint's vertices are taken in lon/lat as given (projected from its CRS as they are, no
densification). Each edge of a ring is read the short way round the globe (an edge from -180
to 180 as written), so a ring whose vertices jump from about 180 to about -180 crosses the
antimeridian; the crossing point is where the edge's great circle meets the meridian. A ring that winds once around the globe
encloses a pole and is closed along it. Pieces are then brought into [-180, 180].
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import shapely

__all__ = ["cut_lonlat", "norm_lonlat"]

Coords = list[tuple[float, float]]


def norm_lonlat(g: shapely.Geometry) -> shapely.Geometry:
    """Bring a lon/lat geometry into [-180, 180], cutting it at the antimeridian if needed."""
    import shapely
    from shapely import affinity

    minx, _, maxx, _ = g.bounds
    if minx >= -180 and maxx <= 180:
        return g
    parts = []
    for shift in (-720.0, -360.0, 0.0, 360.0, 720.0):
        lo, hi = minx + shift, maxx + shift
        if hi < -180 or lo > 180:
            continue
        piece = shapely.intersection(affinity.translate(g, xoff=shift), shapely.box(-180, -90, 180, 90))
        if not piece.is_empty and piece.area > 0:
            parts.append(piece)
    return shapely.union_all(parts)


def _crossing_latitude(a: tuple[float, float], b: tuple[float, float], lon: float) -> float:
    """Latitude where the great circle through ``a`` and ``b`` meets meridian ``lon``."""
    (x1, y1), (x2, y2) = a, b
    if abs(y1) >= 90 or abs(y2) >= 90:
        return y1 + (lon - x1) * (y2 - y1) / (x2 - x1)
    r = math.radians
    t = (math.tan(r(y1)) * math.sin(r(lon - x2)) - math.tan(r(y2)) * math.sin(r(lon - x1))) / math.sin(
        r(x1 - x2)
    )
    return round(math.degrees(math.atan(t)), 7)


def _unwrap_ring(ring: Sequence[tuple[float, float]]) -> Coords:
    """The ring with continuous longitudes, and a vertex wherever an edge crosses 180 + 360k.

    The last vertex repeats the first, moved by 360 for each time the ring winds round.
    """
    x0, y0 = ring[0]
    out: Coords = [(x0, y0)]
    px, py = x0, y0
    raw_prev = x0
    for x, y in ring[1:]:
        d = x - raw_prev
        if abs(d) > 180 and not (abs(x) == 180 and abs(raw_prev) == 180):
            # The short way round; an edge from -180 to 180 runs along a parallel as written.
            d -= math.copysign(360.0, d)
        raw_prev = x
        nx = px + d
        lo, hi = min(px, nx), max(px, nx)
        ms = []
        k = math.ceil((lo - 180.0) / 360.0)
        while (m := 180.0 + 360.0 * k) < hi:
            if m > lo:
                ms.append(m)
            k += 1
        if nx < px:
            ms.reverse()
        out.extend((m, _crossing_latitude((px, py), (nx, y), m)) for m in ms)
        out.append((nx, y))
        px, py = nx, y
    return out


def _shift_near(ring: Coords, lon: float) -> Coords:
    """The ring moved by a multiple of 360 so that it starts within 180 of ``lon``."""
    shift = 360.0 * round((lon - ring[0][0]) / 360.0)
    return [(x + shift, y) for x, y in ring] if shift else ring


def _polygon(
    exterior: Sequence[tuple[float, float]],
    holes: Sequence[Sequence[tuple[float, float]]],
    pole: Callable[[], int],
) -> shapely.Geometry:
    import shapely

    ext = _unwrap_ring(exterior)
    turns = round((ext[-1][0] - ext[0][0]) / 360.0)
    if turns:
        lat = 90.0 * pole()
        ext = [*ext, (ext[-1][0], lat), (ext[0][0], lat), ext[0]]
    inner = [_shift_near(_unwrap_ring(h), ext[0][0]) for h in holes]
    inner = [h for h in inner if round((h[-1][0] - h[0][0]) / 360.0) == 0]
    poly = shapely.Polygon(ext, inner)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
        poly = shapely.union_all([p for p in shapely.get_parts(poly) if p.geom_type == "Polygon"])
    return norm_lonlat(poly)


def cut_lonlat(ll: shapely.Geometry, pole_of: Callable[[int], int] | None = None) -> shapely.Geometry:
    """A lon/lat (Multi)Polygon as a valid geometry within [-180, 180].

    ``pole_of(i)`` says which pole (1 north, -1 south) the ``i``-th polygon of ``ll`` encloses
    when one of its rings winds round the globe; without it, the pole on the side of the ring's
    mean latitude. Geometries with non-finite coordinates are returned unchanged.
    """
    import numpy as np
    import shapely

    xy = shapely.get_coordinates(ll)
    if not np.isfinite(xy).all():
        return ll
    x = xy[:, 0]
    if len(x) and x.min() >= -180 and x.max() <= 180 and np.abs(np.diff(x)).max(initial=0) <= 180:
        return ll  # no edge crosses the antimeridian: as it is
    pieces = []
    for i, poly in enumerate(shapely.get_parts(ll)):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        ext = list(poly.exterior.coords)
        holes = [list(r.coords) for r in poly.interiors]

        def pole(i: int = i, ext: Coords = ext) -> int:
            if pole_of is not None:
                return pole_of(i)
            return 1 if sum(y for _, y in ext) >= 0 else -1

        pieces.append(_polygon(ext, holes, pole))
    if not pieces:
        return ll
    return shapely.union_all(pieces) if len(pieces) > 1 else pieces[0]
