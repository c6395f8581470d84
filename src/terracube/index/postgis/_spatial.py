"""Spatial indexes per CRS: which exist, how rows get into them, and which one a search reads.

Every dataset has rows in ``spatial_4326`` (one per lon/lat footprint part; a dataset without
a footprint gets one box outside the world, so time-only searches still find it). A spatial
index in another CRS (``create_spatial_index``) is a table of the same shape holding each part
clipped to the CRS's area of use and projected there. A search whose region was given in a
CRS with an index reads that table for candidates; matching is still decided by the exact
lon/lat test, so every CRS gives the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from terracube.errors import QueryError
from terracube.index.postgis._sql import Candidates

if TYPE_CHECKING:
    from terracube.index.query import SpatialFilter

__all__ = ["SpatialIndex", "candidates", "norm_srid", "rows_sql", "spatial_index_for"]

_SEGMENT_DEGREES = 0.25  # densify lon/lat parts before projecting them
_PAD = 0.01  # relative and (degrees) absolute padding of projected query boxes


@dataclass(frozen=True, slots=True)
class SpatialIndex:
    """One spatial table: its CRS and the CRS's area of use in lon/lat."""

    srid: int
    """EPSG code; the table is ``spatial_<srid>``."""
    crs: str
    """``"EPSG:<srid>"``."""
    area: tuple[float, float, float, float]
    """(west, south, east, north) in lon/lat: parts are clipped to it."""

    @property
    def table(self) -> str:
        """The table's name."""
        return f"spatial_{self.srid}"


def norm_srid(crs: Any) -> int:
    """The EPSG code of a CRS (anything odc-geo's ``CRS`` accepts).

    Raises
    ------
    QueryError
        The CRS has no EPSG code (spatial indexes are kept for EPSG CRSs only).
    """
    from odc.geo import CRS

    try:
        c = CRS(crs)
    except Exception as e:
        raise QueryError(f"crs {crs!r} is not a known CRS: {e}") from None
    if c.epsg is None:
        raise QueryError(f"crs {crs!r} has no EPSG code; spatial indexes need an EPSG CRS")
    return int(c.epsg)


def spatial_index_for(srid: int) -> SpatialIndex:
    """The description of a new spatial index: its area of use from the EPSG database."""
    import pyproj

    area = pyproj.CRS.from_epsg(srid).area_of_use
    if area is None or area.west > area.east:
        west, south, east, north = -180.0, -90.0, 180.0, 90.0
    else:
        west, south, east, north = area.west, area.south, area.east, area.north
    if srid == 4326:
        west, south, east, north = -180.0, -90.0, 180.0, 90.0
    return SpatialIndex(srid, f"EPSG:{srid}", (west, south, east, north))


def rows_sql(idx: SpatialIndex, source: str) -> str:
    """``INSERT`` of the spatial rows of every dataset in ``source``.

    ``source`` is a relation (table, CTE or subquery alias target) with the columns ``id``,
    ``product_id``, ``t0``, ``t1`` and ``footprint`` (lon/lat).
    """
    if idx.srid == 4326:
        return (
            "INSERT INTO spatial_4326 (id, wide, box) "
            "SELECT src.id, tc_wide(p.geom), tc_box(p.geom, src.t0, src.t1, src.product_id) "
            f"FROM {source} src, LATERAL ST_Dump(coalesce(src.footprint, "
            "'SRID=4326;POINT(1000 1000)'::geometry)) p"
        )
    w, s, e, n = idx.area
    return (
        f"INSERT INTO {idx.table} (id, wide, box) "
        "SELECT src.id, tc_wide(p.geom), "
        f"tc_box(ST_Transform(ST_Segmentize(c.geom, {_SEGMENT_DEGREES}), {idx.srid}), "
        "src.t0, src.t1, src.product_id) "
        f"FROM {source} src, LATERAL ST_Dump(src.footprint) p, "
        f"LATERAL (SELECT ST_ClipByBox2D(p.geom, ST_MakeEnvelope({w}, {s}, {e}, {n}, 4326)) AS geom) c "
        "WHERE src.footprint IS NOT NULL AND NOT ST_IsEmpty(c.geom)"
    )


def candidates(spatial: SpatialFilter | None, indexes: dict[int, SpatialIndex]) -> Candidates:
    """Where a query finds its candidates: the table of the region's CRS if it has one."""
    import shapely

    if spatial is None:
        return Candidates(4326, (), None)
    wkb = shapely.to_wkb(spatial.geometry)
    if spatial.crs is not None:
        try:
            srid = norm_srid(spatial.crs)
        except QueryError:
            srid = 4326
        idx = indexes.get(srid)
        if idx is not None and srid != 4326 and shapely.box(*idx.area).contains(spatial.geometry):
            return Candidates(srid, _projected_boxes(spatial.geometry, srid), wkb)
    return Candidates(4326, spatial.boxes, wkb)


def _projected_boxes(geom: Any, srid: int) -> tuple[tuple[float, float, float, float], ...]:
    """Bounds in the CRS of each lon/lat part of the region, padded to stay conservative."""
    import numpy as np
    import pyproj
    import shapely

    tr = pyproj.Transformer.from_crs(4326, srid, always_xy=True)
    out = []
    for part in shapely.get_parts(geom):
        dense = shapely.segmentize(shapely.buffer(part, _PAD, quad_segs=2), _SEGMENT_DEGREES / 2)
        xy = shapely.get_coordinates(dense)
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        x, y = np.asarray(x), np.asarray(y)
        ok = np.isfinite(x) & np.isfinite(y)
        x0, x1, y0, y1 = x[ok].min(), x[ok].max(), y[ok].min(), y[ok].max()
        pad = _PAD * max(x1 - x0, y1 - y0)
        out.append((float(x0 - pad), float(y0 - pad), float(x1 + pad), float(y1 + pad)))
    return tuple(out)
