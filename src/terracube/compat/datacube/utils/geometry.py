"""``datacube.utils.geometry``: shapes, CRSs and GeoBoxes, by odc-geo (where ODC moved them).

The names ODC's module offered, taken from odc-geo: ``CRS``, ``Geometry``, ``GeoBox``,
``BoundingBox``, the shape constructors (``box``, ``point``, ``polygon``...), ``assign_crs``,
``xr_reproject``, ``rio_reproject``, the ROI and affine helpers and ``Affine``. ``gbox`` is
odc-geo's GeoBox module (``gbox.flipy``, ``gbox.zoom_out``, ``gbox.GeoboxTiles``...).

GeoBoxes are odc-geo's: ``GeoBox(shape, affine, crs)`` with ``shape`` as ``(ny, nx)``, and
``GeoBox.from_geopolygon(polygon, resolution, crs)``; ODC 1.8's ``GeoBox(width, height,
affine, crs)`` form is not offered. :func:`assign_crs` takes ODC's arguments (``crs`` may be
left out when the data names its CRS). ``_base`` (ODC 1.8's private module) and ``tools``
(ODC 1.7's) name this module; ``datacube.utils.geometry.gbox``, ``._base`` and ``.tools``
import as submodules.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from affine import Affine
from odc.geo import CRSError
from odc.geo import geobox as gbox
from odc.geo.crs import CRS, CRSMismatchError, crs_units_per_degree
from odc.geo.geobox import (
    Coordinate,
    GeoBox,
    geobox_intersection_conservative,
    geobox_union_conservative,
    scaled_down_geobox,
)
from odc.geo.geom import (
    BoundingBox,
    Geometry,
    bbox_intersection,
    bbox_union,
    box,
    chop_along_antimeridian,
    clip_lon180,
    common_crs,
    intersects,
    line,
    lonlat_bounds,
    mid_longitude,
    multigeom,
    multiline,
    multipoint,
    multipolygon,
    point,
    polygon,
    polygon_from_transform,
    sides,
    unary_intersection,
    unary_union,
)
from odc.geo.math import affine_from_pts, apply_affine, decompose_rws, is_affine_st, split_translation
from odc.geo.overlap import (
    compute_axis_overlap,
    compute_reproject_roi,
    get_scale_at_point,
    native_pix_transform,
)
from odc.geo.roi import (
    roi_boundary,
    roi_center,
    roi_from_points,
    roi_intersect,
    roi_is_empty,
    roi_is_full,
    roi_normalise,
    roi_pad,
    roi_shape,
    scaled_down_roi,
    scaled_down_shape,
    scaled_up_roi,
    w_,
)
from odc.geo.warp import rio_reproject, warp_affine
from odc.geo.xr import xr_reproject

from terracube.errors import QueryError

if TYPE_CHECKING:
    from odc.geo.crs import SomeCRS


def assign_crs(xx: Any, crs: SomeCRS | None = None, crs_coord_name: str = "spatial_ref") -> Any:
    """``xx`` with a CRS coordinate (odc-geo's ``assign_crs``); ``crs`` defaults to the one ``xx`` names.

    Parameters
    ----------
    xx
        An ``xarray.Dataset`` or ``DataArray``.
    crs
        The CRS to record. Default: the CRS ``xx`` already names (a ``crs`` attribute, a
        ``spatial_ref`` coordinate...), as ODC's ``assign_crs(xx)`` reads it.
    crs_coord_name
        Name of the coordinate holding the CRS.

    Raises
    ------
    QueryError
        ``crs`` is left out and ``xx`` names no CRS.
    """
    import odc.geo.xr

    if crs is None:
        crs = xx.odc.crs
        if crs is None:
            raise QueryError(
                "assign_crs(xx) found no CRS on the data (no crs attribute or spatial_ref); give crs="
            )
    return odc.geo.xr.assign_crs(xx, crs, crs_coord_name=crs_coord_name)


# ODC kept these names in submodules that helper code imports or names:
# ``isinstance(g, datacube.utils.geometry._base.Geometry)`` (1.8's private ``_base``),
# ``from datacube.utils.geometry.gbox import GeoboxTiles`` (odc-geo's GeoBox module) and
# ``from datacube.utils.geometry.tools import Affine`` (the ROI and affine helpers of ODC 1.7).
# Each is registered as a submodule of this module, so the import statements work too.
_base = sys.modules[__name__]
tools = sys.modules[__name__]
for _alias, _module in (("_base", _base), ("tools", tools), ("gbox", gbox)):
    sys.modules.setdefault(f"{__name__}.{_alias}", _module)
del _alias, _module

__all__ = [
    "CRS",
    "Affine",
    "BoundingBox",
    "CRSError",
    "CRSMismatchError",
    "Coordinate",
    "GeoBox",
    "Geometry",
    "affine_from_pts",
    "apply_affine",
    "assign_crs",
    "bbox_intersection",
    "bbox_union",
    "box",
    "chop_along_antimeridian",
    "clip_lon180",
    "common_crs",
    "compute_axis_overlap",
    "compute_reproject_roi",
    "crs_units_per_degree",
    "decompose_rws",
    "gbox",
    "geobox_intersection_conservative",
    "geobox_union_conservative",
    "get_scale_at_point",
    "intersects",
    "is_affine_st",
    "line",
    "lonlat_bounds",
    "mid_longitude",
    "multigeom",
    "multiline",
    "multipoint",
    "multipolygon",
    "native_pix_transform",
    "point",
    "polygon",
    "polygon_from_transform",
    "rio_reproject",
    "roi_boundary",
    "roi_center",
    "roi_from_points",
    "roi_intersect",
    "roi_is_empty",
    "roi_is_full",
    "roi_normalise",
    "roi_pad",
    "roi_shape",
    "scaled_down_geobox",
    "scaled_down_roi",
    "scaled_down_shape",
    "scaled_up_roi",
    "sides",
    "split_translation",
    "unary_intersection",
    "unary_union",
    "w_",
    "warp_affine",
    "xr_reproject",
]
