"""eo3 dataset documents: structural checks and the spatial facts derived from them.

eo3 documents give ``crs``, ``geometry`` (the valid-data footprint, optional) and ``grids``.
They write no lon/lat extent, so it is derived here: from the geometry when present,
otherwise from the union of the grids' outlines, the way users' existing indexes derive it.
"""

from __future__ import annotations

import math
import struct
import uuid
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError
from terracube.model._lonlat import cut_lonlat, norm_lonlat
from terracube.model.fields import parse_datetime

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import shapely
    from odc.geo import CRS
    from odc.geo.geom import Geometry

__all__ = [
    "EO3_SCHEMA",
    "check_eo3",
    "check_projection",
    "footprint",
    "grids_outline",
    "lonlat",
    "lonlat_bbox",
    "lonlat_footprint",
    "norm_lonlat",
]

EO3_SCHEMA: Final = "https://schemas.opendatacube.org/dataset"


def _err(where: str, field: str, value: Any, what: str) -> DocumentError:
    shown = repr(value)
    if len(shown) > 200:
        shown = shown[:200] + "..."
    return DocumentError(
        f"invalid dataset document {where}: field {field} = {shown}: {what}",
        field=field,
        value=value,
        doc=where,
    )


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _all_numbers(values: list[Any]) -> bool:
    """Whether every value is a finite number (:func:`_is_number`), plain floats and ints first."""
    isfinite = math.isfinite
    for v in values:
        t = type(v)
        if t is float or t is int:
            if not isfinite(v):
                return False
        elif not _is_number(v):
            return False
    return True


def _all_counts(values: list[Any]) -> bool:
    """Whether every value is a positive integer (not a bool)."""
    return all(
        v > 0 if type(v) is int else isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in values
    )


@lru_cache(maxsize=256)
def parse_crs(text: str) -> CRS:
    """Parse and cache a CRS string (EPSG code, WKT, PROJ string)."""
    from odc.geo import CRS

    return CRS(text)


@lru_cache(maxsize=256)
def _to_lonlat(crs_text: str) -> Any:
    """A cached always-xy transformer from ``crs_text`` to EPSG:4326."""
    from pyproj import Transformer

    return Transformer.from_crs(parse_crs(crs_text).proj, "EPSG:4326", always_xy=True)


def _project_lonlat(g: shapely.Geometry, crs_text: str) -> shapely.Geometry:
    """Project every vertex of ``g`` to lon/lat, as they are (no densification)."""
    import shapely

    t = _to_lonlat(crs_text)

    def fn(xy: Any) -> Any:
        import numpy as np

        x, y = t.transform(xy[:, 0], xy[:, 1], errcheck=False)
        return np.column_stack([x, y])

    return shapely.transform(g, fn)


def check_eo3(doc: Mapping[str, Any], *, where: str) -> shapely.Geometry | None:
    """Check the structure of an eo3 dataset document.

    Checks the id, schema, product, crs, grids, geometry, properties (datetimes), measurements
    and lineage. Search-field values are checked separately by the metadata type's fields.

    Returns the ``geometry`` as a shapely geometry (in the document's CRS), if it has one.

    Raises
    ------
    DocumentError
        Naming the field, the value and the document.
    """
    shape = _check_eo3(doc, where)[1]
    assert not isinstance(shape, bytes)
    return shape


def _check_eo3(
    doc: Mapping[str, Any], where: str, *, defer_plain: bool = False
) -> tuple[uuid.UUID, shapely.Geometry | bytes | None]:
    """:func:`check_eo3`, also returning the document's id.

    With ``defer_plain``, a plain polygon ``geometry`` (see :func:`_plain_polygon_wkb`) is
    returned as WKB, its checks left to the caller (:func:`_plain_polygons`), for many at once.
    """
    if doc.get("$schema") != EO3_SCHEMA:
        raise _err(
            where, "$schema", doc.get("$schema"),
            f"terracube indexes eo3 documents; set $schema to {EO3_SCHEMA!r}",
        )  # fmt: skip
    try:
        id_ = uuid.UUID(str(doc.get("id")))
    except ValueError:
        raise _err(where, "id", doc.get("id"), "not a UUID") from None
    product = doc.get("product")
    if not isinstance(product, dict) or not isinstance(product.get("name"), str):
        raise _err(where, "product.name", product, "give the product's name as product.name")

    crs_text = doc.get("crs")
    if crs_text is not None:
        if not isinstance(crs_text, str):
            raise _err(where, "crs", crs_text, "a CRS string such as 'epsg:32655'")
        try:
            parse_crs(crs_text)
        except Exception as e:  # pyproj raises several kinds
            raise _err(where, "crs", crs_text, f"not a known CRS ({e})") from None

    grids = doc.get("grids")
    if grids is not None:
        if not isinstance(grids, dict) or not grids:
            raise _err(where, "grids", grids, "a mapping of grid name to {shape, transform}")
        for name, g in grids.items():
            f = f"grids.{name}"
            if not isinstance(g, dict):
                raise _err(where, f, g, "a mapping with shape and transform")
            shape, tr = g.get("shape"), g.get("transform")
            if not isinstance(shape, list) or len(shape) != 2 or not _all_counts(shape):
                raise _err(where, f"{f}.shape", shape, "two positive integers [ny, nx]")
            if (
                not isinstance(tr, list)
                or len(tr) not in (6, 9)
                or not _all_numbers(tr)
                or (len(tr) == 9 and list(tr[6:]) != [0, 0, 1])
            ):
                raise _err(where, f"{f}.transform", tr, "6 numbers, or 9 ending in 0, 0, 1")
        if crs_text is None:
            raise _err(where, "crs", None, "a document with grids needs a crs")

    geom = doc.get("geometry")
    parsed: shapely.Geometry | bytes | None = None
    if geom is not None:
        if crs_text is None:
            raise _err(where, "crs", None, "a document with a geometry needs a crs")
        if defer_plain and isinstance(geom, dict) and geom.get("type") == "Polygon":
            parsed = _plain_polygon_wkb(geom.get("coordinates"))
        if parsed is None:
            parsed = _check_geometry(geom, crs_text, where)

    props = doc.get("properties")
    if not isinstance(props, dict):
        raise _err(where, "properties", props, "a mapping holding at least datetime")
    has_dt = props.get("datetime") is not None
    has_range = props.get("dtr:start_datetime") is not None and props.get("dtr:end_datetime") is not None
    if not (has_dt or has_range):
        raise _err(
            where, "properties.datetime", None,
            "give properties.datetime, or dtr:start_datetime and dtr:end_datetime",
        )  # fmt: skip
    times = {}
    for key in ("datetime", "dtr:start_datetime", "dtr:end_datetime", "odc:processing_datetime"):
        if props.get(key) is not None:
            try:
                times[key] = parse_datetime(props[key])
            except ValueError as e:
                raise _err(where, f"properties.{key}", props[key], str(e)) from None
    # ODC accepts an end before the start; it is more likely a mistake than a meaning.
    start, end = times.get("dtr:start_datetime"), times.get("dtr:end_datetime")
    if start is not None and end is not None and end < start:
        raise _err(
            where, "properties.dtr:end_datetime", props["dtr:end_datetime"],
            f"ends before properties.dtr:start_datetime ({props['dtr:start_datetime']!r}); swap the two",
        )  # fmt: skip

    meas = doc.get("measurements")
    if meas is not None:
        if not isinstance(meas, dict):
            raise _err(where, "measurements", meas, "a mapping of band name to {path, ...}")
        for name, m in meas.items():
            f = f"measurements.{name}"
            if not isinstance(m, dict) or not isinstance(m.get("path"), str):
                raise _err(where, f"{f}.path", m, "each measurement needs a path (a string)")
            # A grid the document does not define is accepted, as ODC accepts it: the band is
            # then read with its file's own georeferencing.
            grid = m.get("grid", "default")
            if not isinstance(grid, str):
                raise _err(where, f"{f}.grid", grid, "the name of one of the document's grids")
            band = m.get("band")
            if band is not None and (not isinstance(band, int) or isinstance(band, bool) or band < 1):
                raise _err(where, f"{f}.band", band, "a band number counts from 1")

    lineage = doc.get("lineage")
    if lineage is not None:
        if not isinstance(lineage, dict):
            raise _err(where, "lineage", lineage, "a mapping with source_ids")
        srcs = lineage.get("source_ids", {})
        if not isinstance(srcs, dict):
            raise _err(where, "lineage.source_ids", srcs, "a mapping of classifier to ids")
        for cls_, ids in srcs.items():
            if not isinstance(ids, list):
                raise _err(where, f"lineage.source_ids.{cls_}", ids, "a list of dataset ids")
            for i in ids:
                try:
                    uuid.UUID(str(i))
                except ValueError:
                    raise _err(where, f"lineage.source_ids.{cls_}", i, "not a UUID") from None
    return id_, parsed


def zero_area_form(g: shapely.Geometry) -> shapely.Geometry:
    """A footprint of no area as the line or point its rings collapse to; others as they are.

    A polygon whose ring runs out and back along a line (or sits on one point) is not a valid
    polygon, but ODC indexes it as it is, and a search region touching it finds it. As a line
    or a point it is a valid geometry, so every spatial test treats it alike.
    """
    import shapely

    if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty and shapely.area(g) == 0.0:
        collapsed = shapely.make_valid(g)
        if shapely.area(collapsed) == 0.0:  # (a ring crossing itself can sum to no area too)
            return shapely.line_merge(collapsed) if collapsed.geom_type == "MultiLineString" else collapsed
    return g


def _check_geometry(geom: Any, crs_text: str, where: str) -> shapely.Geometry:
    """Check a GeoJSON footprint's shape; return it as a shapely geometry in its CRS."""
    import shapely
    from shapely.geometry import shape

    if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon"):
        raise _err(where, "geometry", geom, "a GeoJSON Polygon or MultiPolygon")
    g = _plain_polygon(geom["coordinates"]) if geom["type"] == "Polygon" and "coordinates" in geom else None
    if g is None:
        try:
            g = shape(geom)
        except Exception as e:
            raise _err(where, "geometry", geom, f"not readable as GeoJSON ({e})") from None
    if g.is_empty:
        raise _err(where, "geometry", geom, "the footprint is empty")
    g = zero_area_form(g)
    if not g.is_valid:
        raise _err(where, "geometry", geom, f"not a valid polygon: {shapely.is_valid_reason(g)}")
    if parse_crs(crs_text).geographic:
        minx, miny, maxx, maxy = g.bounds
        if miny < -90 - 1e-9 or maxy > 90 + 1e-9 or minx < -360 or maxx > 360:
            raise _err(
                where, "geometry", geom,
                f"coordinates fall outside lon/lat range in {crs_text!r} (bounds {g.bounds})",
            )  # fmt: skip
    return g


_POLYGON_HEAD: Final = struct.Struct("<BII")  # little-endian WKB: byte order, type 3, rings
_RING_HEAD: Final = struct.Struct("<BIII")  # the same for a polygon of one ring, and its length
_WKB_POLYGON: Final = 3


def _plain_polygon_wkb(coords: Any) -> bytes | None:
    """The WKB of GeoJSON Polygon ``coordinates`` in the plain case, else None.

    Plain: every ring is a closed list of four or more ``[x, y]`` pairs of finite numbers (int
    or float). GEOS reads such a polygon from WKB several times faster than
    :func:`shapely.geometry.shape` builds it, and it is the same geometry. Anything else (3-d
    positions, open rings, numbers as strings, NaN) is left to ``shape``, and so to its errors.
    """
    if type(coords) is not list or not coords:
        return None
    parts = [_POLYGON_HEAD.pack(1, _WKB_POLYGON, len(coords))]
    for ring in coords:
        if type(ring) is not list or len(ring) < 4:
            return None
        flat: list[Any] = []
        for pos in ring:
            if type(pos) is not list or len(pos) != 2:
                return None
            x, y = pos
            if (type(x) is not float and type(x) is not int) or (type(y) is not float and type(y) is not int):
                return None
            flat += pos
        if flat[:2] != flat[-2:]:  # an open ring: shape() closes it
            return None
        try:
            if not math.isfinite(math.fsum(flat)):
                return None
            parts.append(struct.pack(f"<I{len(flat)}d", len(ring), *flat))
        except (OverflowError, ValueError, struct.error):  # beyond a double: shape() says so
            return None
    return b"".join(parts)


def _plain_polygon(coords: Any) -> shapely.Geometry | None:
    """The polygon of GeoJSON Polygon ``coordinates`` in the plain case, else None."""
    import shapely

    wkb = _plain_polygon_wkb(coords)
    return None if wkb is None else shapely.from_wkb(wkb)


def _plain_polygons(wkbs: Sequence[bytes], crs_texts: Sequence[str]) -> list[shapely.Geometry] | None:
    """Plain polygons read at once, or None if any fails a check of :func:`_check_geometry`."""
    import numpy as np
    import shapely

    if not wkbs:
        return []
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object))
    if shapely.is_empty(geoms).any() or not shapely.is_valid(geoms).all():
        return None
    geographic = np.array([parse_crs(c).geographic for c in crs_texts])
    if geographic.any():
        minx, miny, maxx, maxy = shapely.bounds(geoms[geographic]).T
        if (miny < -90 - 1e-9).any() or (maxy > 90 + 1e-9).any() or (minx < -360).any() or (maxx > 360).any():
            return None
    return list(geoms)


def check_projection(ll: shapely.Geometry, doc: Mapping[str, Any], *, where: str) -> None:
    """Check that a footprint's corners projected to lon/lat land on Earth.

    Raises
    ------
    DocumentError
        Naming the geometry, the CRS and the document.
    """
    minx, miny, maxx, maxy = ll.bounds
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)) or miny < -90.0001 or maxy > 90.0001:
        raise _err(
            where, "geometry", doc.get("geometry"),
            f"coordinates do not fit {doc.get('crs')!r}: they project to lon/lat bounds {ll.bounds}",
        )  # fmt: skip


def footprint(doc: Mapping[str, Any], shape: shapely.Geometry | None = None) -> Geometry | None:
    """The dataset's footprint in its own CRS (geometry, else its default grid), or None.

    ``shape`` is the already parsed ``geometry``, when the caller has it.
    """
    from odc.geo.geom import Geometry
    from shapely.geometry import shape as to_shape

    crs_text = doc.get("crs")
    if crs_text is None:
        return None
    crs = parse_crs(crs_text)
    if doc.get("geometry") is not None:
        return Geometry(shape if shape is not None else zero_area_form(to_shape(doc["geometry"])), crs)
    grids = doc.get("grids") or {}
    if "default" in grids:
        # Without a geometry, the valid data is the default grid (the other grids set only the
        # lon/lat bounds, see grids_outline), as in users' existing indexes.
        grids = {"default": grids["default"]}
    return grids_outline({**doc, "grids": grids})


def grids_outline(doc: Mapping[str, Any]) -> Geometry | None:
    """The union of the outlines of all the document's grids, in its CRS, or None."""
    from odc.geo.geom import polygon

    crs_text = doc.get("crs")
    grids = doc.get("grids") or {}
    if crs_text is None or not grids:
        return None
    crs = parse_crs(crs_text)
    out = None
    for g in grids.values():
        ny, nx = g["shape"]
        a, b, c, d, e, f = g["transform"][:6]
        pts = [(0.0, 0.0), (nx, 0.0), (nx, ny), (0.0, ny), (0.0, 0.0)]
        ring = [(a * x + b * y + c, d * x + e * y + f) for x, y in pts]
        p = polygon(ring, crs)
        out = p if out is None else out.union(p)
    return out


def lonlat_bbox(geom: Geometry) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a footprint; east > 180 when it crosses the antimeridian.

    This is the ``lon``/``lat`` extent the eo3 metadata type's fields read: vertices projected as
    they are, and a longitude span over 180 degrees read as a crossing of the antimeridian.
    """
    return lonlat(geom)[1]


def lonlat(geom: Geometry) -> tuple[shapely.Geometry, tuple[float, float, float, float]]:
    """The footprint in lon/lat within [-180, 180] and its lon/lat bounding box, projected once.

    See :func:`lonlat_footprint` and :func:`lonlat_bbox`.
    """
    if geom.crs is None or geom.crs.geographic:
        minx, miny, maxx, maxy = geom.geom.bounds
        return cut_lonlat(geom.geom), (minx, miny, maxx, maxy)
    return _lonlat_simple(geom.geom, _crs_key(geom.crs)) or _lonlat_projected(geom)


def _lonlat_projected(geom: Geometry) -> tuple[shapely.Geometry, tuple[float, float, float, float]]:
    """:func:`lonlat` of a footprint in a projected CRS, in every case."""
    import numpy as np
    import shapely

    ll = _project_lonlat(geom.geom, _crs_key(geom.crs))  # type: ignore[arg-type]
    xy = shapely.get_coordinates(ll)
    xy = xy[np.isfinite(xy).all(axis=1)]
    if not len(xy):
        nan = float("nan")
        return ll, (nan, nan, nan, nan)
    minx, miny = xy.min(axis=0)
    maxx, maxy = xy.max(axis=0)
    west, east = float(minx), float(maxx)
    if east - west > 180:
        shifted = [x + 360 if x < 0 else x for x in (west, east)]
        if max(shifted) - min(shifted) < east - west:
            west, east = min(shifted), max(shifted)
    shape = cut_lonlat(ll, _pole_test(geom))
    _, south, _, north = shape.bounds
    if (south <= -90 < miny) or (north >= 90 > maxy):  # closed over a pole: every longitude
        return shape, (-180.0, float(south), 180.0, float(north))
    return shape, (west, float(miny), east, float(maxy))


def _lonlat_simple(
    g: shapely.Geometry, crs_text: str
) -> tuple[shapely.Geometry, tuple[float, float, float, float]] | None:
    """:func:`lonlat` of a projected footprint in the common case, or None.

    The common case: a polygon without holes whose corners all project to finite lon/lat
    within [-180, 180], spanning at most 180 degrees. :func:`lonlat` then keeps the projected
    polygon as it is, and its bounds are those of its corners; here both come from one pass
    over the projected corners, and the polygon is handed to GEOS as WKB.
    """
    import numpy as np
    import shapely

    if type(g) is not shapely.Polygon or shapely.get_num_interior_rings(g):
        return None
    xy = shapely.get_coordinates(g)
    x, y = _to_lonlat(crs_text).transform(xy[:, 0], xy[:, 1], errcheck=False)
    xs, ys = x.tolist(), y.tolist()
    if not (all(map(math.isfinite, xs)) and all(map(math.isfinite, ys))):
        return None
    west, east = min(xs), max(xs)
    if west < -180 or east > 180 or east - west >= 180:  # (a ring round a pole spans more)
        return None
    wkb = _RING_HEAD.pack(1, _WKB_POLYGON, 1, len(xs)) + np.column_stack([x, y]).astype("<f8").tobytes()
    return shapely.from_wkb(wkb), (west, min(ys), east, max(ys))


def _lonlat_many(
    geoms: Sequence[shapely.Geometry], crs_texts: Sequence[str]
) -> list[tuple[shapely.Geometry, tuple[float, float, float, float]] | None]:
    """:func:`_lonlat_simple` of many projected footprints, with one transform per CRS.

    Each answer is the one :func:`_lonlat_simple` gives (None outside the common case).
    """
    import numpy as np
    import shapely

    out: list[tuple[shapely.Geometry, tuple[float, float, float, float]] | None] = [None] * len(geoms)
    by_crs: dict[str, list[int]] = {}
    for i, g in enumerate(geoms):
        if type(g) is shapely.Polygon:
            by_crs.setdefault(crs_texts[i], []).append(i)
    for crs_text, at in by_crs.items():
        polys = np.empty(len(at), dtype=object)
        polys[:] = [geoms[i] for i in at]
        xy = shapely.get_coordinates(polys)
        x, y = _to_lonlat(crs_text).transform(xy[:, 0], xy[:, 1], errcheck=False)
        starts = np.zeros(len(at), dtype=np.intp)
        np.cumsum(shapely.get_num_coordinates(polys)[:-1], out=starts[1:])
        finite = np.logical_and.reduceat(np.isfinite(x) & np.isfinite(y), starts)
        west, east = np.minimum.reduceat(x, starts), np.maximum.reduceat(x, starts)
        south, north = np.minimum.reduceat(y, starts), np.maximum.reduceat(y, starts)
        with np.errstate(invalid="ignore"):  # NaN corners: not simple, and not compared
            simple = (
                finite
                & (shapely.get_num_interior_rings(polys) == 0)
                & (west >= -180)
                & (east <= 180)
                & (east - west < 180)  # as _lonlat_simple
            )
        lls = shapely.set_coordinates(polys.copy(), np.column_stack([x, y]))
        boxes = np.column_stack([west, south, east, north]).tolist()
        for k in np.flatnonzero(simple).tolist():
            w, s, e, n = boxes[k]
            out[at[k]] = (lls[k], (w, s, e, n))
    return out


def _crs_key(crs: CRS) -> str:
    return str(crs)


def _pole_test(geom: Geometry) -> Any:
    """For the i-th polygon of a projected footprint: which pole it encloses (1 N, -1 S)."""
    import shapely
    from pyproj import Transformer

    def pole_of(i: int) -> int:
        part = shapely.get_parts(geom.geom)[i]
        tr = Transformer.from_crs("EPSG:4326", geom.crs.proj, always_xy=True)  # type: ignore[union-attr]
        for sign in (1, -1):
            x, y = tr.transform(0.0, 90.0 * sign, errcheck=False)
            if math.isfinite(x) and math.isfinite(y) and part.covers(shapely.Point(x, y)):
                return sign
        lats = shapely.get_coordinates(_project_lonlat(part, _crs_key(geom.crs)))[:, 1]  # type: ignore[arg-type]
        return 1 if float(lats.mean()) >= 0 else -1

    return pole_of


def lonlat_footprint(geom: Geometry) -> shapely.Geometry:
    """The footprint as a shapely geometry in EPSG:4326 within [-180, 180].

    A footprint across the antimeridian becomes a MultiPolygon of its two sides. Corners are
    projected as they are (no densification), as the lon/lat extent is computed.
    """
    return lonlat(geom)[0]
