"""The candidate SQL: ODC's own indexes answer it, and it is wider than the exact test."""

from __future__ import annotations

import shapely

from terracube.index.odcdb import OdcIndex
from terracube.index.odcdb._sql import SPATIAL_MARGIN, _boxes, _path
from terracube.index.query import SpatialFilter


def _plan(index: OdcIndex, **query: object) -> str:
    plan = index.datasets._plan(query)
    sql, params, _ = index.datasets._union(plan, False)  # type: ignore[misc]
    index._db.run("SET enable_seqscan = off")
    rows = index._db.run("EXPLAIN " + sql, params).fetchall()
    index._db.run("RESET enable_seqscan")
    return "\n".join(r[0] for r in rows)


def test_odcs_indexes_serve_product_time_and_box(odc_url: str, kind: str) -> None:
    index = OdcIndex.open(odc_url)
    try:
        plan = _plan(
            index, product="lvl1_scene", time=("2020-03", "2020-05"), lat=(-35.5, -35), lon=(149, 150)
        )
        if kind == "postgres":
            # The expressions match those of ODC's per-product GiST index exactly.
            assert "dix_lvl1_scene_time_lat_lon" in plan or "dix_lvl1_scene_lat_lon_time" in plan
        else:
            assert "idx_spatial_4326_extent" in plan or "ix_dt_search" in plan
    finally:
        index.close()


def test_boxes_are_widened_and_shifted_near_the_antimeridian() -> None:
    plain = SpatialFilter.from_lonlat(shapely.box(149, -36, 150, -35))
    lons, lat = _boxes(plain)
    assert lons == [(149 - SPATIAL_MARGIN, 150 + SPATIAL_MARGIN)]
    assert lat == (-36 - SPATIAL_MARGIN, -35 + SPATIAL_MARGIN)
    east = SpatialFilter.from_lonlat(shapely.box(-180, -19, -179, -18))
    lons, _ = _boxes(east)
    assert (180 - SPATIAL_MARGIN, 181 + SPATIAL_MARGIN) in lons  # ODC stores lon up to 180.59
    polar = SpatialFilter.from_lonlat(shapely.box(-10, -89, 10, -85))
    assert _boxes(polar)[1] is None  # ODC's extent of a footprint round a pole need not reach it


def test_paths_are_written_as_odcs_index_definitions() -> None:
    assert _path(("properties", "dtr:start_datetime")) == "'{properties,dtr:start_datetime}'::text[]"
    assert _path(("a b", 'q"', "it's")) == '\'{"a b","q\\"",it\'\'s}\'::text[]'
