"""The output grid of a load: from ``like=``, or a region + CRS + resolution + alignment.

Rules, in order:

1. ``like=`` (a GeoBox, or anything with ``.odc.geobox``) fixes the grid; ``output_crs``,
   ``resolution`` and ``align`` must then be left out.
2. CRS: ``output_crs``, else the product's ``load.crs`` hint, else the datasets' own CRS when
   they all share one.
3. Resolution: ``resolution``, else the product's ``load.resolution`` hint, else — when the
   output CRS is the datasets' own — the finest native resolution of the loaded bands.
4. Alignment: ``align`` (CRS units, ``(y, x)`` or ``{"x":, "y":}``), else the product's
   ``load.align`` hint, else the native grid's alignment when CRS and resolution are native
   (so a native load pastes pixels without resampling), else pixel edges on multiples of the
   resolution.
5. Region: the query's ``x``/``y`` (+ ``crs``), ``lat``/``lon`` or ``geopolygon`` in its own CRS,
   else the union of the datasets' footprints.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from terracube.errors import QueryError

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np
    from odc.geo import CRS, Resolution
    from odc.geo.geobox import GeoBox
    from odc.geo.geom import Geometry

    from terracube.model import Dataset, Grid, Product

__all__ = [
    "dataset_bboxes",
    "geobox_from_like",
    "has_region",
    "norm_resolution",
    "output_geobox",
    "query_region",
]


def norm_crs(crs: Any) -> CRS:
    """An odc-geo CRS from anything it accepts (cached for strings).

    Raises
    ------
    QueryError
        Not a CRS.
    """
    from odc.geo import CRS

    if isinstance(crs, CRS):
        return crs
    try:
        return _crs_from_text(crs) if isinstance(crs, str) else CRS(crs)
    except Exception as e:
        raise QueryError(f"{crs!r} is not a CRS: {e}") from None


@lru_cache(maxsize=256)
def _crs_from_text(text: str) -> CRS:
    from odc.geo import CRS

    return CRS(text)


def norm_resolution(value: Any) -> Resolution:
    """Resolution from a number (square pixels, y negative), a ``(y, x)`` pair as ODC writes it,
    a ``{"x":, "y":}`` mapping (product load hints) or an odc-geo Resolution.

    >>> norm_resolution(30)
    Resolution(x=30, y=-30)
    >>> norm_resolution((-10, 10))
    Resolution(x=10, y=-10)

    Raises
    ------
    QueryError
        Not a resolution.
    """
    from odc.geo import XY, Resolution

    if isinstance(value, Resolution):
        return value
    if isinstance(value, XY):
        return Resolution(value.x, value.y)
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            r = float(value)
            out = Resolution(abs(r), -abs(r))
        elif isinstance(value, Mapping):
            out = Resolution(float(value["x"]), float(value["y"]))
        elif isinstance(value, tuple | list) and len(value) == 2:
            out = Resolution(float(value[1]), float(value[0]))
        else:
            raise TypeError(type(value).__name__)
    except (KeyError, TypeError, ValueError):
        raise QueryError(
            f"resolution {value!r} is not understood; give a number, a (y, x) pair or {{'x': .., 'y': ..}}"
        ) from None
    if out.x == 0 or out.y == 0 or not (math.isfinite(out.x) and math.isfinite(out.y)):
        raise QueryError(f"resolution {value!r} must be finite and non-zero")
    return out


def _norm_align(value: Any) -> tuple[float, float]:
    """Alignment as ``(x, y)`` in CRS units from ``(y, x)`` or ``{"x":, "y":}``."""
    from odc.geo import XY

    if isinstance(value, XY):
        return float(value.x), float(value.y)
    try:
        if isinstance(value, Mapping):
            return float(value.get("x", 0.0)), float(value.get("y", 0.0))
        if isinstance(value, tuple | list) and len(value) == 2:
            return float(value[1]), float(value[0])
        if isinstance(value, int | float):
            return float(value), float(value)
    except (TypeError, ValueError):
        pass
    raise QueryError(
        f"align {value!r} is not understood; give a (y, x) pair in CRS units or {{'x': .., 'y': ..}}"
    )


#: The axes of a region, each with its spellings, as :func:`~terracube.index.query.parse_spatial`
#: reads them (all of them are in ``SPATIAL_KEYWORDS``); it checks that each axis is given once.
def has_region(query: Mapping[str, Any]) -> bool:
    """Whether a query names a region (any of ``SPATIAL_KEYWORDS``)."""
    from terracube.index.query import SPATIAL_KEYWORDS

    return any(query.get(k) is not None for k in SPATIAL_KEYWORDS)


def query_region(query: Mapping[str, Any]) -> Geometry | None:
    """The region a query names, in its own CRS: ``x``/``y`` (+ ``crs``), ``lat``/``lon``, ``geopolygon``.

    The keywords are read as the index's search reads them (``parse_spatial``), so the output
    grid covers the region the datasets were found in; only the CRS stays the query's own.

    Raises
    ------
    QueryError
        Mixed or malformed spatial keywords.
    """
    from odc.geo.geom import Geometry, box, point

    from terracube.index.query import AXIS_KEYWORDS, parse_spatial

    if parse_spatial(query) is None:  # validates the keywords and their combinations
        return None
    if query.get("geopolygon") is not None:
        g = query["geopolygon"]
        if isinstance(g, Geometry):
            return g if g.crs is not None else Geometry(g.geom, "EPSG:4326")
        import shapely
        import shapely.geometry

        shape = g if isinstance(g, shapely.Geometry) else shapely.geometry.shape(g)
        return Geometry(shape, "EPSG:4326")

    def rng(v: Any, lo: float, hi: float) -> tuple[float, float]:
        if v is None:
            return lo, hi
        if isinstance(v, tuple | list):
            a, b = (lo if v[0] is None else float(v[0])), (hi if v[1] is None else float(v[1]))
            return min(a, b), max(a, b)
        return float(v), float(v)

    xv, yv, crs = (
        next((query[k] for k in names if query.get(k) is not None), None) for names in AXIS_KEYWORDS
    )
    x0, x1 = rng(xv, -180.0, 180.0)
    y0, y1 = rng(yv, -90.0, 90.0)
    crs = crs or "EPSG:4326"
    if x0 == x1 and y0 == y1:
        return point(x0, y0, crs)
    return box(x0, y0, x1, y1, crs)


def geobox_from_like(like: Any) -> GeoBox:
    """The GeoBox of ``like=``: anything that has one, or a clear error.

    Accepted: an odc-geo GeoBox; an xarray object with one (``.odc.geobox``); an object with a
    ``geobox`` attribute holding any of these (ODC's loaded data and tiles); and a GeoBox of
    ODC 1.8 (``width``, ``height``, ``affine`` and ``crs``).

    Raises
    ------
    QueryError
        ``like`` has no GeoBox, or one that cannot be loaded onto (ground control points, no
        CRS); the message names its type.
    """
    gbox = _find_geobox(like, depth=0)
    if gbox is None:
        raise QueryError(
            f"like= needs something with a GeoBox: an odc-geo GeoBox, an xarray object with "
            f".odc.geobox, or an object with a .geobox; got {type(like).__module__}.{type(like).__qualname__}"
        )
    if gbox.crs is None:
        raise QueryError(f"like= gives a GeoBox without a CRS ({type(like).__name__}); assign it a CRS first")
    return gbox


def _find_geobox(like: Any, depth: int) -> GeoBox | None:
    from odc.geo.geobox import GeoBox, GeoBoxBase

    if isinstance(like, GeoBox):
        return like
    if isinstance(like, GeoBoxBase):
        raise QueryError(
            f"like= is a {type(like).__name__} (a grid of ground control points); load onto a regular "
            "grid: pass its .approx GeoBox, or output_crs= and resolution="
        )
    if depth > 2 or like is None:
        return None
    if hasattr(like, "dims") and hasattr(like, "coords"):  # xarray
        import odc.geo.xr  # noqa: F401  (registers .odc)

        return _find_geobox(getattr(getattr(like, "odc", None), "geobox", None), depth + 1)
    if all(hasattr(like, a) for a in ("width", "height", "affine", "crs")):  # ODC 1.8's GeoBox
        crs = like.crs
        crs = getattr(crs, "crs_str", None) or getattr(crs, "wkt", None) or crs
        return GeoBox((int(like.height), int(like.width)), like.affine, str(crs) if crs is not None else None)
    inner = getattr(like, "geobox", None)
    return None if inner is None else _find_geobox(inner, depth + 1)


# --- footprints in another CRS ---------------------------------------------------------------


@lru_cache(maxsize=64)
def _transformer(src: str, dst: str) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs(_crs_from_text(src).proj, _crs_from_text(dst).proj, always_xy=True)


def _grids_of(ds: Dataset, measurements: Sequence[str]) -> list[Grid]:
    """The grids the named bands of a dataset are on, each once, in the order of the bands."""
    names: dict[str, None] = {}
    for m in measurements:
        entry = ds.measurement_doc(m)
        names["default" if entry is None else entry.get("grid", "default")] = None
    grids = ds.grids
    return [grids[n] for n in names if n in grids]


def _outline(ds: Dataset, measurements: Sequence[str]) -> np.ndarray[Any, Any] | None:
    """Points around the grids of the named bands (5 per side), in the dataset's CRS; else its footprint's."""
    import numpy as np

    pts = []
    t = np.linspace(0.0, 1.0, 5)
    for g in _grids_of(ds, measurements):
        ny, nx = g.shape
        a, b, c, d, e, f = g.transform
        u = np.concatenate([t * nx, np.full(5, nx), (1 - t) * nx, np.zeros(5)])
        v = np.concatenate([np.zeros(5), t * ny, np.full(5, ny), (1 - t) * ny])
        pts.append(np.column_stack([a * u + b * v + c, d * u + e * v + f]))
    if pts:
        return np.concatenate(pts)
    extent = ds.extent
    if extent is not None:
        import shapely

        coords: np.ndarray[Any, Any] = shapely.get_coordinates(extent.geom)
        return coords
    return None


def dataset_bboxes(
    datasets: Sequence[Dataset], measurements: Sequence[str], crs: CRS
) -> np.ndarray[Any, Any]:
    """Bounding boxes ``(x0, y0, x1, y1)`` of each dataset's loaded grids in ``crs``, one row each.

    Outlines are projected in one batch per source CRS. A dataset without a footprint, or whose
    outline does not project, gets a row of NaN.
    """
    import numpy as np

    out = np.full((len(datasets), 4), np.nan)
    dst_text = crs.to_wkt() if not crs.epsg else f"EPSG:{crs.epsg}"
    batches: dict[str, list[tuple[int, np.ndarray[Any, Any]]]] = {}
    for i, ds in enumerate(datasets):
        src = ds.crs
        if src is None:
            continue
        pts = _outline(ds, measurements)
        if pts is not None and len(pts):
            batches.setdefault(str(src), []).append((i, pts))
    for src_text, items in batches.items():
        allpts = np.concatenate([p for _, p in items])
        if norm_crs(src_text) == crs:
            x, y = allpts[:, 0], allpts[:, 1]
        else:
            x, y = _transformer(src_text, dst_text).transform(allpts[:, 0], allpts[:, 1], errcheck=False)
            x, y = np.asarray(x, dtype="f8"), np.asarray(y, dtype="f8")
        start = 0
        for i, p in items:
            n = len(p)
            xs, ys = x[start : start + n], y[start : start + n]
            start += n
            ok = np.isfinite(xs) & np.isfinite(ys)
            if ok.any():
                out[i] = (xs[ok].min(), ys[ok].min(), xs[ok].max(), ys[ok].max())
    return out


# --- the output grid -------------------------------------------------------------------------


def _native(datasets: Sequence[Dataset], measurements: Sequence[str]) -> tuple[CRS | None, Any, Any]:
    """The datasets' shared CRS (None if they differ), the finest native resolution and its grid's anchor."""
    from affine import Affine
    from odc.geo import xy_

    parsed = {str(c): c for c in (ds.crs for ds in datasets) if c is not None}
    if len(set(parsed.values())) != 1:
        return None, None, None
    best: tuple[float, Any, Any] | None = None
    for ds in datasets:
        for g in _grids_of(ds, measurements):
            tr = Affine(*g.transform)
            if tr.b != 0 or tr.d != 0:
                continue
            size = abs(tr.a * tr.e)
            if best is None or size < best[0]:
                # Pixel edges sit at c + k*|a| and f + k*|e|: the anchor odc-geo's snapping takes.
                anchor = xy_((tr.c / abs(tr.a)) % 1.0, (tr.f / abs(tr.e)) % 1.0)
                best = (size, norm_resolution({"x": tr.a, "y": tr.e}), anchor)
    crs = next(iter(parsed.values()))
    if best is None:
        return crs, None, None
    return crs, best[1], best[2]


def output_geobox(
    *,
    product: Product,
    datasets: Sequence[Dataset],
    measurements: Sequence[str],
    region: Geometry | None = None,
    like: Any = None,
    output_crs: Any = None,
    resolution: Any = None,
    align: Any = None,
) -> GeoBox:
    """The grid of a load (see the module docstring for the rules).

    Parameters
    ----------
    product
        Its ``load`` hints (``crs``, ``resolution``, ``align``) are the defaults.
    datasets
        The datasets to load: native CRS and resolution, and the default region.
    measurements
        Canonical names of the bands loaded (their grids give the native resolution).
    region
        The query's region, in any CRS.
    like, output_crs, resolution, align
        As given to ``Datacube.load``.

    Raises
    ------
    QueryError
        The grid cannot be decided (no CRS or resolution), or ``like`` is combined with grid options.
    """
    from odc.geo import xy_
    from odc.geo.geobox import GeoBox
    from odc.geo.geom import BoundingBox

    if like is not None:
        given = [
            n
            for n, v in (("output_crs", output_crs), ("resolution", resolution), ("align", align))
            if v is not None
        ]
        if given:
            raise QueryError(f"like= fixes the output grid; leave out {', '.join(given)}")
        return geobox_from_like(like)

    hints = product.load_hints
    native_crs, native_res, native_anchor = _native(datasets, measurements)
    crs_value = output_crs if output_crs is not None else hints.get("crs")
    if crs_value is None:
        if native_crs is None:
            raise QueryError(
                f"the datasets of product {product.name!r} are in several CRSs and the product has no load.crs "
                "hint; give output_crs= and resolution="
            )
        crs = native_crs
    else:
        crs = norm_crs(crs_value)

    res_value = resolution if resolution is not None else hints.get("resolution")
    if res_value is not None:
        res = norm_resolution(res_value)
    elif native_crs is not None and crs == native_crs and native_res is not None:
        res = native_res
    else:
        raise QueryError(
            f"no resolution for the output CRS {crs_value!r} of product {product.name!r}: give resolution= "
            "(the product has no load.resolution hint)"
        )

    align_value = align if align is not None else hints.get("align")
    anchor: Any
    if align_value is not None:
        ax, ay = _norm_align(align_value)
        anchor = xy_((ax / abs(res.x)) % 1.0, (ay / abs(res.y)) % 1.0)
    elif native_anchor is not None and crs == native_crs and res == native_res:
        anchor = native_anchor
    else:
        anchor = "edge"

    if region is not None:
        g = region if region.crs == crs else region.to_crs(crs)
        bbox = g.boundingbox
    else:
        boxes = dataset_bboxes(datasets, measurements, crs)
        import numpy as np

        ok = np.isfinite(boxes).all(axis=1)
        if not ok.any():
            raise QueryError(
                f"the datasets of product {product.name!r} have no footprint in {crs}; give a region"
            )
        b = boxes[ok]
        bbox = BoundingBox(b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max(), crs)
    if bbox.span_x == 0 or bbox.span_y == 0:  # a point or a line: at least one pixel
        x, y = bbox.left, bbox.bottom
        hx, hy = abs(res.x) / 2, abs(res.y) / 2
        bbox = BoundingBox(x - hx if bbox.span_x == 0 else bbox.left, y - hy if bbox.span_y == 0 else bbox.bottom,
                           x + hx if bbox.span_x == 0 else bbox.right, y + hy if bbox.span_y == 0 else bbox.top,
                           crs)  # fmt: skip
    return GeoBox.from_bbox(bbox, crs, resolution=res, anchor=anchor)
