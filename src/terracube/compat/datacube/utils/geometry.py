"""``datacube.utils.geometry``: shapes, CRSs and GeoBoxes, by odc-geo (where ODC moved them).

The names ODC's module offered, taken from odc-geo: ``CRS``, ``Geometry``, ``GeoBox``,
``BoundingBox``, the shape constructors (``box``, ``point``, ``polygon``...), ``assign_crs``,
``xr_reproject``, ``rio_reproject``, the ROI and affine helpers and ``Affine``. ``gbox`` is
odc-geo's GeoBox module (``gbox.flipy``, ``gbox.zoom_out``, ``gbox.GeoboxTiles``...).

GeoBoxes are odc-geo's. :class:`GeoBox` here makes them from odc-geo's call forms and from
ODC 1.8's (``GeoBox(width, height, affine, crs)``, ``GeoBox.from_geopolygon(polygon, (-30, 30))``
with a ``(y, x)`` resolution), and every odc-geo GeoBox is an instance of it; its other
attributes are odc-geo's. ``geobox.resolution`` is odc-geo's ``Resolution`` (``.y``, ``.x``),
not ODC 1.8's ``(y, x)`` tuple. :func:`assign_crs` takes ODC's arguments (``crs`` may be left
out when the data names its CRS). ``_base`` (ODC 1.8's private module) and ``tools``
(ODC 1.7's) name this module; ``datacube.utils.geometry.gbox``, ``._base`` and ``.tools``
import as submodules.
"""

from __future__ import annotations

import numbers
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from affine import Affine
from odc.geo import XY, CRSError, Resolution, resyx_, xy_
from odc.geo import geobox as gbox
from odc.geo.crs import CRS, CRSMismatchError, crs_units_per_degree
from odc.geo.geobox import (
    Coordinate,
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

from terracube.errors import NotOfferedCallError, NotOfferedError, QueryError

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


_OdcGeoBox = gbox.GeoBox

_GEOBOX_FORMS = (
    "GeoBox takes odc-geo's GeoBox((ny, nx), affine, crs) or ODC 1.8's GeoBox(width, height, "
    "affine, crs), with whole-number sizes and an affine.Affine"
)
_FROM_GEOPOLYGON_FORMS = (
    "GeoBox.from_geopolygon takes a Geometry, and a resolution that is a number (square pixels, "
    "y down), ODC 1.8's (y, x) pair such as (-30, 30), or odc-geo's resyx_(-30, 30); align as "
    "ODC 1.8's (y, x) pair or odc-geo's xy_(x, y)"
)


def _refuse(forms: str, got: str) -> NoReturn:
    raise NotOfferedCallError(f"{forms}; got {got}; see docs/odc-code.md")


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_pair(value: object, test: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(test(v) for v in value)
    )


def _is_real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _new_geobox(*args: Any, **kwargs: Any) -> gbox.GeoBox:
    """An odc-geo GeoBox from odc-geo's arguments or ODC 1.8's."""
    got = " ".join(", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())]).split())
    odc18 = "width" in kwargs or "height" in kwargs or (bool(args) and _is_int(args[0]))
    names = ("width", "height", "affine", "crs") if odc18 else ("shape", "affine", "crs")
    if len(args) > len(names) or set(kwargs) - set(names):
        _refuse(_GEOBOX_FORMS, f"GeoBox({got})")
    given = dict(zip(names, args, strict=False))
    if set(given) & set(kwargs):
        _refuse(_GEOBOX_FORMS, f"GeoBox({got}), an argument given twice")
    given.update(kwargs)
    if set(names) - set(given):
        _refuse(_GEOBOX_FORMS, f"GeoBox({got}), without {', '.join(n for n in names if n not in given)}")
    shape = (given["height"], given["width"]) if odc18 else given["shape"]
    if not (isinstance(shape, XY) or _is_pair(shape, _is_int)) or not isinstance(given["affine"], Affine):
        _refuse(_GEOBOX_FORMS, f"GeoBox({got})")
    return _OdcGeoBox(shape, given["affine"], given["crs"])


class _GeoBoxType(type):
    """The type of :class:`GeoBox`: calls make odc-geo GeoBoxes, and every one is an instance."""

    def __call__(cls, *args: Any, **kwargs: Any) -> gbox.GeoBox:
        return _new_geobox(*args, **kwargs)

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, _OdcGeoBox)

    def __subclasscheck__(cls, sub: type) -> bool:
        return issubclass(sub, _OdcGeoBox)

    def __getattr__(cls, name: str) -> Any:
        return getattr(_OdcGeoBox, name)

    def __dir__(cls) -> list[str]:
        return sorted(set(dir(_OdcGeoBox)) | set(type.__dir__(cls)))


class GeoBox(metaclass=_GeoBoxType):
    """ODC's ``GeoBox`` name for odc-geo's :class:`odc.geo.geobox.GeoBox`, taking ODC 1.8's call forms too.

    ``GeoBox((ny, nx), affine, crs)`` (odc-geo's) and ``GeoBox(width, height, affine, crs)``
    (ODC 1.8's, by position or keyword) both return an odc-geo GeoBox, and
    ``isinstance(g, GeoBox)`` is true of every odc-geo GeoBox (``ds.odc.geobox`` included).
    :meth:`from_geopolygon` also takes ODC 1.8's ``(y, x)`` resolution and align pairs; every
    other attribute (``from_bbox``, ``resolution``...) is odc-geo's class's own. Subclass
    :class:`odc.geo.geobox.GeoBox` rather than this name.

    Raises
    ------
    NotOfferedCallError
        Arguments neither form takes; the message names both forms.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        raise NotOfferedError(
            f"class {cls.__name__}(GeoBox): subclass odc.geo.geobox.GeoBox, the class of every GeoBox"
        )

    @staticmethod
    def from_geopolygon(
        geopolygon: Geometry,
        resolution: Any = None,
        crs: SomeCRS | None = None,
        align: Any = None,
        **kwargs: Any,
    ) -> gbox.GeoBox:
        """odc-geo's ``GeoBox.from_geopolygon``; ``resolution`` and ``align`` may be ODC 1.8's ``(y, x)`` pairs.

        Parameters
        ----------
        geopolygon
            The area to cover.
        resolution
            A number (square pixels, y down), ODC 1.8's ``(y, x)`` pair (``(-30, 30)``) or an
            odc-geo ``Resolution``. None: give ``shape=``.
        crs
            The GeoBox's CRS. Default: the polygon's.
        align
            ODC 1.8's ``(y, x)`` pair of CRS units, or odc-geo's ``xy_(x, y)``: a point that lies
            on a pixel edge.
        **kwargs
            odc-geo's other keywords (``shape``, ``anchor``, ``tight``, ``tol``).

        Raises
        ------
        NotOfferedCallError
            ``geopolygon``, ``resolution`` or ``align`` of a type neither form takes.
        """
        if not isinstance(geopolygon, Geometry):
            _refuse(_FROM_GEOPOLYGON_FORMS, f"geopolygon={geopolygon!r}")
        if _is_pair(resolution, _is_real):
            resolution = resyx_(*resolution)
        elif not (resolution is None or isinstance(resolution, Resolution) or _is_real(resolution)):
            _refuse(_FROM_GEOPOLYGON_FORMS, f"resolution={resolution!r}")
        if _is_pair(align, _is_real):
            align = xy_(align[1], align[0])
        elif not (align is None or isinstance(align, XY)):
            _refuse(_FROM_GEOPOLYGON_FORMS, f"align={align!r}")
        return _OdcGeoBox.from_geopolygon(geopolygon, resolution, crs, align, **kwargs)


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
