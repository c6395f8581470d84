"""``datacube.testutils.geom``: the CRSs ODC's tests and notebooks name."""

from __future__ import annotations

from odc.geo.crs import CRS

__all__ = ["epsg3577", "epsg3857", "epsg4326"]

epsg4326 = CRS("EPSG:4326")
epsg3577 = CRS("EPSG:3577")
epsg3857 = CRS("EPSG:3857")
