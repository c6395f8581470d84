"""Write an index (or part of it) as a static STAC catalog.

Layout, all links relative so the folder can move::

    DEST/catalog.json                  the root Catalog, one child link per Collection
    DEST/<product>/collection.json     one Collection per product, item links to its Items
    DEST/items/<dataset id>.json       one Item per dataset

or, with ``ndjson=True``, ``DEST/<product>/items.ndjson`` holding a product's Items one per
line (an ``items`` link from the Collection) instead of the ``items`` folder.

Items share one folder, so a ``derived_from`` link is ``./<source id>.json`` whatever the
source's product (and whether or not the source is in the catalog).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from terracube.index._shared import gc_paused
from terracube.stac._mapping import STAC_VERSION, eo3_to_item, product_to_collection

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Product

__all__ = ["ExportSummary", "dataset_to_item", "export_stac"]


@dataclass(slots=True)
class ExportSummary:
    """What :func:`export_stac` wrote."""

    destination: str
    """The catalog folder."""
    collections: int = 0
    """Collections written (one per product)."""
    items: int = 0
    """Items written (one per dataset)."""
    seconds: float = 0.0
    """Time taken."""
    by_product: dict[str, int] = field(default_factory=dict)
    """Items per product."""


def _bands(product: Product) -> dict[str, dict[str, Any]]:
    return {
        name: {"dtype": m.dtype, "nodata": m.nodata, "units": m.units, "aliases": m.aliases}
        for name, m in product.measurements.items()
    }


def dataset_to_item(
    ds: Dataset,
    *,
    bands: Mapping[str, Mapping[str, Any]] | None = None,
    product_href: str | None = None,
    root_href: str | None = None,
) -> dict[str, Any]:
    """The STAC Item of an indexed dataset (see :func:`terracube.stac.eo3_to_item`).

    ``bands`` is the product's measurement table, computed once per product by
    :func:`export_stac`; it is read from the dataset's product when not given.
    """
    import orjson

    doc = orjson.loads(ds.to_json())
    geojson, bbox = _lonlat(doc, ds)
    return eo3_to_item(
        doc,
        uri=ds.uri,
        bands=bands if bands is not None else _bands(ds.product),
        lonlat_geometry=geojson,
        lonlat_bbox=bbox,
        product_href=product_href,
        root_href=root_href,
    )


@functools.lru_cache(maxsize=64)
def _to_lonlat(crs: str) -> Any:
    """A transformer from ``crs`` to lon/lat (x, y order), or None if ``crs`` is EPSG:4326."""
    from pyproj import CRS, Transformer

    c = CRS.from_user_input(crs)
    if c.equals(CRS.from_epsg(4326), ignore_axis_order=True):
        return None
    return Transformer.from_crs(c, "EPSG:4326", always_xy=True)


#: Degrees past the antimeridian that are taken as on it (a projection's rounding).
_EDGE: Final = 1e-9


def _lonlat(doc: Mapping[str, Any], ds: Dataset) -> tuple[Any, Any]:
    """The lon/lat footprint as GeoJSON and its (west, south, east, north).

    A footprint given as a Polygon is projected corner by corner here, as the index projects
    it for its lon/lat fields but without shapely objects; anything else (a MultiPolygon, a
    footprint from grids, one across the antimeridian) is left to the dataset's own method.
    """
    import orjson
    import shapely

    crs, geom = doc.get("crs"), doc.get("geometry")
    if crs is not None and isinstance(geom, dict) and geom.get("type") == "Polygon":
        tr = _to_lonlat(crs)
        rings = []
        for ring in geom["coordinates"]:
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if tr is not None:
                xs, ys = tr.transform(xs, ys)
            rings.append([[x, y] for x, y in zip(xs, ys, strict=True)])
        lons = [p[0] for p in rings[0]]
        lats = [p[1] for p in rings[0]]
        w, e = min(lons), max(lons)
        if (w < -180 and w > -180 - _EDGE) or (e > 180 and e < 180 + _EDGE):
            # A footprint whose edge is the antimeridian (a MODIS tile's), off it by rounding.
            for ring in rings:
                for p in ring:
                    p[0] = max(-180.0, min(180.0, p[0]))
            lons = [p[0] for p in rings[0]]
            w, e = min(lons), max(lons)
        if e - w <= 180 and w >= -180 and e <= 180 and all(map(math.isfinite, lons + lats)):
            return {"type": "Polygon", "coordinates": rings}, (w, min(lats), e, max(lats))
    footprint = ds.lonlat_footprint
    if footprint is None:
        return None, None
    if footprint.geom_type == "GeometryCollection":  # cut at the antimeridian: keep its area
        footprint = shapely.union_all(
            [g for g in footprint.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        )
    return orjson.loads(shapely.to_geojson(footprint)), ds.lonlat_bounds


def _time_range(props: Mapping[str, Any]) -> tuple[dt.datetime | None, dt.datetime | None]:
    from terracube.model import parse_datetime

    values = [props.get(k) for k in ("datetime", "dtr:start_datetime", "dtr:end_datetime")]
    times = [parse_datetime(v) for v in values if v is not None]
    return (min(times), max(times)) if times else (None, None)


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _write(path: str, data: bytes) -> None:
    """Write a small file with bare system calls: a Python file object costs more than the write."""
    fd = os.open(path, _CREATE, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _rfc3339(t: dt.datetime | None) -> str | None:
    if t is None:
        return None
    return t.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


class _Extent:
    """Lon/lat box and time range of a product's exported datasets, and their Item hrefs."""

    __slots__ = ("begin", "count", "east", "end", "hrefs", "north", "south", "west")

    def __init__(self) -> None:
        self.west = self.south = float("inf")
        self.east = self.north = float("-inf")
        self.begin: dt.datetime | None = None
        self.end: dt.datetime | None = None
        self.hrefs: list[str] = []
        self.count = 0

    def add(self, item: Mapping[str, Any], href: str | None) -> None:
        self.count += 1
        if href is not None:
            self.hrefs.append(href)
        bb = item.get("bbox")
        if bb is not None:
            w, s, e, n = bb
            if e < w:  # across the antimeridian
                e += 360
            self.west, self.south = min(self.west, w), min(self.south, s)
            self.east, self.north = max(self.east, e), max(self.north, n)
        begin, end = _time_range(item["properties"])
        if begin is not None and (self.begin is None or begin < self.begin):
            self.begin = begin
        if end is not None and (self.end is None or end > self.end):
            self.end = end

    def bbox(self) -> tuple[float, float, float, float] | None:
        if self.west == float("inf"):
            return None
        east = self.east
        if east - self.west >= 360:
            return (-180.0, self.south, 180.0, self.north)
        return (self.west, self.south, east, self.north)


def export_stac(
    index: AbstractIndex,
    destination: str | Path,
    *,
    archived: bool | None = False,
    catalog_id: str = "terracube",
    description: str | None = None,
    ndjson: bool = False,
    progress: Callable[[int], None] | None = None,
    **query: Any,
) -> ExportSummary:
    """Write datasets as STAC Items, their products as Collections, under a root Catalog.

    Parameters
    ----------
    index
        The index to read.
    destination
        The catalog folder, best new: files of an earlier export there are overwritten, but
        Items of datasets not selected this time stay.
    archived
        False: active datasets (default); True: archived only; None: both.
    catalog_id, description
        The root Catalog's id and description.
    ndjson
        Write each product's Items as lines of ``DEST/<product>/items.ndjson`` rather than
        one file each: far fewer files, for bulk loading (``stac import`` reads both).
    progress
        Called with the number of Items written so far, every 1,000 and at the end.
    **query
        Search keywords selecting the datasets (``product=``, ``time=``...); every product
        gets a Collection when no query is given.

    Raises
    ------
    QueryError
        A malformed query.
    DocumentError
        A dataset cannot be expressed as an Item (an accessory named like a band).
    """
    import orjson

    t0 = time.perf_counter()
    dest = Path(destination)
    items_dir = dest / "items"
    if not ndjson:
        items_dir.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(str(dest))
    extents: dict[str, _Extent] = {}
    products: dict[str, Product] = {}
    bands: dict[str, dict[str, dict[str, Any]]] = {}
    if not query:
        for p in index.products.get_all():
            products[p.name] = p
            extents[p.name] = _Extent()
    dumps, indent = orjson.dumps, orjson.OPT_INDENT_2
    lines: dict[str, Any] = {}  # product name -> open items.ndjson
    n = 0
    # Datasets and Items hold no reference cycles: the cyclic collector only slows this down.
    with gc_paused():
        try:
            for ds in index.datasets.search(archived=archived, **query):
                pname = ds.product.name
                if pname not in bands:
                    products[pname] = ds.product
                    bands[pname] = _bands(ds.product)
                    extents.setdefault(pname, _Extent())
                    if ndjson:
                        (dest / pname).mkdir(parents=True, exist_ok=True)
                        lines[pname] = open(dest / pname / "items.ndjson", "wb")  # noqa: SIM115
                if ndjson:
                    item = dataset_to_item(
                        ds, bands=bands[pname], product_href="./collection.json", root_href="../catalog.json"
                    )
                    lines[pname].write(dumps(item, option=orjson.OPT_APPEND_NEWLINE))
                    extents[pname].add(item, None)
                else:
                    item = dataset_to_item(
                        ds,
                        bands=bands[pname],
                        product_href=f"../{pname}/collection.json",
                        root_href="../catalog.json",
                    )
                    # Named by dataset id, as derived_from links name sources, whatever the Item id.
                    _write(f"{items_dir}/{ds.id}.json", dumps(item, option=indent))
                    extents[pname].add(item, f"../items/{ds.id}.json")
                n += 1
                if progress is not None and n % 1000 == 0:
                    progress(n)
        finally:
            for f in lines.values():
                f.close()
    children = []
    for pname, p in sorted(products.items()):
        ext = extents[pname]
        mt = p.metadata_type
        coll = product_to_collection(
            p.definition,
            bbox=ext.bbox(),
            interval=(_rfc3339(ext.begin), _rfc3339(ext.end)),
            item_hrefs=ext.hrefs,
            root_href="../catalog.json",
            metadata_type=None if mt.name == "eo3" else mt.definition,
        )
        if pname in lines:
            coll["links"].append(
                {
                    "rel": "items",
                    "href": "./items.ndjson",
                    "type": "application/x-ndjson",
                    "title": "Items, one per line",
                }
            )
        (dest / pname).mkdir(exist_ok=True)
        (dest / pname / "collection.json").write_bytes(dumps(coll, option=indent))
        children.append({"rel": "child", "href": f"./{pname}/collection.json", "type": "application/json"})
        summary.by_product[pname] = ext.count
    catalog = {
        "type": "Catalog",
        "stac_version": STAC_VERSION,
        "id": catalog_id,
        "description": description or f"Datasets of the {catalog_id} index, as STAC Items by product.",
        "links": [{"rel": "root", "href": "./catalog.json", "type": "application/json"}, *children],
    }
    (dest / "catalog.json").write_bytes(dumps(catalog, option=indent))
    if progress is not None:
        progress(n)
    summary.items = n
    summary.collections = len(children)
    summary.seconds = time.perf_counter() - t0
    return summary
