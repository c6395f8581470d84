"""Footprints of the datasets read from an ODC database, many at once.

An eo3 dataset's lon/lat footprint is what :class:`~terracube.model.Dataset` derives from its
document, here for a batch of datasets with one projection per CRS (as ``Dataset.from_docs``
does), which is most of the cost of a spatial search or of a clone.

A legacy (pre-eo3, ODC ``eo``) document has no eo3 ``crs``/``geometry``/``grids``; its
footprint is its ``grid_spatial.projection``: ``valid_data`` or, without it, the polygon of its
four ``geo_ref_points``, in ``spatial_reference``; failing that, the lon/lat corners of
``extent.coord``. It is set on the dataset so that spatial searches treat it like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.model import EO3_SCHEMA

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from odc.geo.geom import Geometry

    from terracube.model import Dataset

__all__ = ["is_eo3", "legacy_extent", "prime"]

_CORNERS = ("ul", "ur", "lr", "ll")


def is_eo3(doc: Mapping[str, Any]) -> bool:
    """Whether a document is eo3 (ODC's rule: its ``$schema``)."""
    return doc.get("$schema") == EO3_SCHEMA


def legacy_extent(doc: Mapping[str, Any]) -> Geometry | None:
    """The footprint of a legacy ``eo`` document in its own CRS, or None if it gives none."""
    from odc.geo.geom import Geometry
    from shapely.geometry import Polygon, shape

    from terracube.model.eo3 import parse_crs

    proj = (doc.get("grid_spatial") or {}).get("projection") or {}
    ref = proj.get("spatial_reference")
    try:
        if ref:
            crs = parse_crs(str(ref))
            if proj.get("valid_data"):
                return Geometry(shape(proj["valid_data"]), crs)
            pts = proj.get("geo_ref_points") or {}
            if all(c in pts for c in _CORNERS):
                return Geometry(Polygon([(pts[c]["x"], pts[c]["y"]) for c in _CORNERS]), crs)
        coord = (doc.get("extent") or {}).get("coord") or {}
        if all(c in coord for c in _CORNERS):
            ring = [(coord[c]["lon"], coord[c]["lat"]) for c in _CORNERS]
            return Geometry(Polygon(ring), "EPSG:4326")
    except (KeyError, TypeError, ValueError):  # a malformed section: no footprint
        return None
    except Exception:  # an unknown CRS (pyproj raises several kinds): no footprint
        return None
    return None


def prime(datasets: Sequence[Dataset]) -> None:
    """Compute the lon/lat footprints of many datasets together, where not done yet."""
    from terracube.model.eo3 import _crs_key, _lonlat_many, _plain_polygons, footprint, lonlat

    batch: list[tuple[Dataset, Any]] = []
    plain: list[int] = []
    wkbs: list[bytes] = []
    crss: list[str] = []
    for ds in datasets:
        derived = ds._derived
        if "ll" in derived:
            continue
        doc = ds._doc
        if not is_eo3(doc):
            ext = legacy_extent(doc)
            derived["extent"] = ext
            derived["ll"] = (None, None) if ext is None else lonlat(ext)
            continue
        grids = doc.get("grids") or {}
        geom = doc.get("geometry")
        crs = doc.get("crs")
        if not isinstance(crs, str) or (geom is None and len(grids) > 1):
            continue  # Dataset works it out itself when asked (grids outline, or none)
        if isinstance(geom, dict) and geom.get("type") == "Polygon":
            from terracube.model.eo3 import _plain_polygon_wkb

            wkb = _plain_polygon_wkb(geom.get("coordinates"))
            if wkb is not None:
                plain.append(len(batch))
                wkbs.append(wkb)
                crss.append(crs)
                batch.append((ds, None))
                continue
        batch.append((ds, False))
    if plain:
        polys = _plain_polygons(wkbs, crss)
        if polys is None:  # one fails a check: leave those to the dataset itself
            for i in plain:
                batch[i] = (batch[i][0], False)
        else:
            for i, p in zip(plain, polys, strict=True):
                batch[i] = (batch[i][0], p)
    projected: list[tuple[Dataset, Any]] = []
    for ds, shape in batch:
        try:
            ext = footprint(ds._doc, shape if shape is not False else None)
        except Exception:  # a malformed document: the dataset raises its own error when asked
            continue
        ds._derived["extent"] = ext
        if ext is not None and not (ext.crs is not None and ext.crs.geographic):
            projected.append((ds, ext))
    if not projected:
        return
    lls = _lonlat_many([e.geom for _, e in projected], [_crs_key(e.crs) for _, e in projected])
    for (ds, _), ll in zip(projected, lls, strict=True):
        if ll is not None:
            ds._derived["ll"] = ll
