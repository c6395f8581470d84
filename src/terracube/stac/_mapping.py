"""eo3 documents and STAC objects, one into the other, without losing eo3 fields.

An eo3 dataset becomes a STAC Item (STAC 1.1 with the eo, projection and raster extensions);
a product becomes a STAC Collection. The Item says everything in STAC's own terms, for STAC
tools: a lon/lat ``geometry`` and ``bbox``, ``datetime`` and ``start_datetime``/``end_datetime``,
``title``, ``proj:code`` (or ``proj:wkt2``), ``proj:geometry``, ``proj:shape``,
``proj:transform``, one asset per band with ``eo:bands`` and ``raster:bands``, a ``via`` link
to the dataset's location and one ``derived_from`` link per lineage source. What STAC has no
place for is kept in ``odc:`` fields, so that :func:`item_to_eo3` gives back the same eo3
document (see ``docs/stac.md`` for the rules).
"""

from __future__ import annotations

import functools
import math
import re
import uuid
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError
from terracube.model.eo3 import EO3_SCHEMA

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "EO_EXTENSION",
    "PROJECTION_EXTENSION",
    "RASTER_EXTENSION",
    "STAC_VERSION",
    "collection_to_product_doc",
    "eo3_to_item",
    "item_to_eo3",
    "product_to_collection",
]

STAC_VERSION: Final = "1.1.0"
EO_EXTENSION: Final = "https://stac-extensions.github.io/eo/v1.1.0/schema.json"
PROJECTION_EXTENSION: Final = "https://stac-extensions.github.io/projection/v2.0.0/schema.json"
RASTER_EXTENSION: Final = "https://stac-extensions.github.io/raster/v1.1.0/schema.json"
VIEW_EXTENSION: Final = "https://stac-extensions.github.io/view/v1.0.0/schema.json"
#: Fields each extension defines; a field with its prefix but not listed is not valid there.
EXTENSION_FIELDS: Final = {
    "eo": frozenset({"eo:bands", "eo:cloud_cover", "eo:snow_cover"}),
    "proj": frozenset(
        {"proj:code", "proj:wkt2", "proj:projjson", "proj:geometry", "proj:bbox", "proj:centroid"}
        | {"proj:shape", "proj:transform"}
    ),
    "raster": frozenset({"raster:bands"}),
    "view": frozenset(
        {"view:off_nadir", "view:incidence_angle", "view:azimuth", "view:sun_azimuth", "view:sun_elevation"}
    ),
}
EXTENSION_URIS: Final = {
    "eo": EO_EXTENSION,
    "proj": PROJECTION_EXTENSION,
    "raster": RASTER_EXTENSION,
    "view": VIEW_EXTENSION,
}
#: eo3 property names and the STAC fields holding the same thing.
_EO3_TO_STAC: Final = {
    "eo:platform": "platform",
    "eo:constellation": "constellation",
    "eo:gsd": "gsd",
    "eo:off_nadir": "view:off_nadir",
    "eo:azimuth": "view:azimuth",
    "eo:incidence_angle": "view:incidence_angle",
    "eo:sun_azimuth": "view:sun_azimuth",
    "eo:sun_elevation": "view:sun_elevation",
}
_STAC_TO_EO3: Final = {v: k for k, v in _EO3_TO_STAC.items()}
_STAC_NAMES: Final = frozenset({*_STAC_TO_EO3, "instruments"})

_EPSG = re.compile(r"(?i)^epsg:(\d+)$")
#: Item properties the export derives from the eo3 document (dropped again on import).
_PROJ_KEYS: Final = (
    "proj:code",
    "proj:epsg",
    "proj:wkt2",
    "proj:projjson",
    "proj:geometry",
    "proj:bbox",
    "proj:centroid",
    "proj:shape",
    "proj:transform",
)
#: eo3 top-level keys the Item expresses in STAC terms.
_MAPPED: Final = frozenset(
    {"$schema", "id", "label", "product", "crs", "geometry", "grids", "properties", "measurements"}
    | {"accessories", "lineage"}
)
_MEDIA_TYPES: Final = {
    ".tif": "image/tiff; application=geotiff",
    ".tiff": "image/tiff; application=geotiff",
    ".nc": "application/netcdf",
    ".jp2": "image/jp2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".json": "application/json",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".xml": "application/xml",
    ".txt": "text/plain",
}
#: The raster extension's data types by numpy dtype name (the names coincide but for complex).
_RASTER_TYPES: Final = {
    **{t: t for t in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")},
    **{t: t for t in ("float16", "float32", "float64")},
    "complex64": "cfloat32",
    "complex128": "cfloat64",
}
_NUMPY_TYPES: Final = {v: k for k, v in _RASTER_TYPES.items()}
#: The eo extension's common band names: a product alias among them becomes ``common_name``.
COMMON_NAMES: Final = frozenset(
    {"coastal", "blue", "green", "red", "rededge", "yellow", "pan", "nir", "nir08", "nir09"}
    | {"cirrus", "swir16", "swir22", "lwir", "lwir11", "lwir12"}
)


def _eo_band(name: str, aliases: Sequence[str]) -> dict[str, Any]:
    band: dict[str, Any] = {"name": name}
    common = next((a for a in (name, *aliases) if a in COMMON_NAMES), None)
    if common is not None:
        band["common_name"] = common
    return band


def _band_key(b: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    """A hashable form of a product band's description (None: not known)."""
    if b is None:
        return None
    nodata = b.get("nodata")
    if isinstance(nodata, float) and math.isnan(nodata):
        nodata = "nan"  # NaN != NaN would defeat the cache
    return (b.get("dtype"), nodata, b.get("units"), tuple(b.get("aliases") or ()))


@functools.lru_cache(maxsize=1024)
def _band_fields(name: str, key: tuple[Any, ...] | None) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """An asset's ``eo:bands`` and ``raster:bands`` entries (cached: bands repeat per product).

    Callers copy them before handing them out.
    """
    if key is None:
        return _eo_band(name, ()), None
    dtype, nodata, units, aliases = key
    nodata = float("nan") if nodata == "nan" else nodata
    return _eo_band(name, aliases), _raster_band({"dtype": dtype, "nodata": nodata, "units": units})


def _raster_band(m: Mapping[str, Any]) -> dict[str, Any]:
    raster: dict[str, Any] = {"nodata": _json_number(_nodata(m.get("nodata")))}
    if m.get("dtype") in _RASTER_TYPES:
        raster["data_type"] = _RASTER_TYPES[m["dtype"]]
    if m.get("units"):
        raster["unit"] = m["units"]
    return raster


# --- small helpers -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def media_type(path: str) -> str | None:
    """The media type STAC gives a file, from its name's suffix (None if unknown)."""
    name = path.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1].lower()
    dot = name.rfind(".")
    return _MEDIA_TYPES.get(name[dot:]) if dot >= 0 else None


def _base(location: str | None) -> str | None:
    """The folder of a location (fragment dropped), which eo3 relative paths start from."""
    if not location:
        return None
    loc = location.split("#", 1)[0]
    return loc.rsplit("/", 1)[0] if "/" in loc else None


def _is_absolute(path: str) -> bool:
    return "://" in path or path.startswith("/") or path.startswith("urn:")


def _href(path: str, base: str | None) -> str:
    """An asset href: a relative eo3 path joined, as it is, to the location's folder."""
    if base is None or _is_absolute(path):
        return path
    return f"{base}/{path}"


def _path(href: str, base: str | None) -> str:
    """The eo3 path of an href: relative again when it lies under the location's folder."""
    if base is not None and href.startswith(base + "/"):
        return href[len(base) + 1 :]
    return href


def _crs_fields(crs: str) -> dict[str, Any]:
    m = _EPSG.match(crs)
    if m:
        code = f"EPSG:{m.group(1)}"
        return {"proj:code": code} if code == crs else {"proj:code": code, "odc:crs": crs}
    if ":" in crs and " " not in crs and "[" not in crs:  # another authority, e.g. ESRI:54008
        return {"proj:code": crs}
    return {"proj:wkt2": crs}


def _json_number(v: Any) -> Any:
    """A nodata value as JSON allows it: NaN and infinities as STAC's strings."""
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


# --- eo3 -> STAC ---------------------------------------------------------------------------------


def eo3_to_item(
    doc: Mapping[str, Any],
    *,
    uri: str | None = None,
    bands: Mapping[str, Mapping[str, Any]] | None = None,
    lonlat_geometry: Mapping[str, Any] | None = None,
    lonlat_bbox: Sequence[float] | None = None,
    product_href: str | None = None,
    root_href: str | None = None,
) -> dict[str, Any]:
    """The STAC Item of an eo3 dataset document.

    Parameters
    ----------
    doc
        A valid eo3 document (not modified).
    uri
        The dataset's location: relative measurement paths are joined to its folder, and it
        becomes the Item's ``via`` link.
    bands
        The product's measurements by name (``dtype``, ``nodata``, ``units``, ``aliases``), for
        each asset's ``raster:bands`` and ``eo:bands``.
    lonlat_geometry, lonlat_bbox
        The footprint in EPSG:4326 as GeoJSON, and its (west, south, east, north) box with
        east > 180 across the antimeridian; None for a dataset without one.
    product_href, root_href
        Hrefs of the Item's Collection (default: ``../<product>/collection.json``, as
        :func:`~terracube.stac.export_stac` lays a catalog out) and of the catalog root.
    """
    props: dict[str, Any] = dict(doc.get("properties") or {})
    out_props: dict[str, Any] = {}
    if "datetime" not in props:
        out_props["datetime"] = None
    for k, v in props.items():
        if k.startswith("eo:"):
            out_props.update(_stac_property(k, v, props))
        else:
            out_props[k] = v
    # eo3 properties already named as STAC names them would be renamed on the way back.
    as_is = [
        k
        for k in props
        if (k in _STAC_NAMES or k.startswith("odc:eo:")) and _eo3_property(k, props[k], {})[0] != k
    ]
    if as_is:
        out_props["odc:as_is"] = as_is
    for dtr, common in (("dtr:start_datetime", "start_datetime"), ("dtr:end_datetime", "end_datetime")):
        if props.get(dtr) is not None and common not in props:
            out_props[common] = _stac_time(props[dtr])
    when = props.get("datetime")
    if when is not None and _stac_time(when) != when:
        # STAC wants UTC (Z or +00:00); the eo3 spelling comes back from odc:datetime.
        out_props["datetime"] = _stac_time(when)
        out_props["odc:datetime"] = when
    if "title" not in props and doc.get("label") is not None:
        out_props["title"] = doc["label"]
    extensions = []
    crs = doc.get("crs")
    grids = doc.get("grids") or {}
    if crs is not None:
        extensions.append(PROJECTION_EXTENSION)
        out_props.update(_crs_fields(crs))
        if doc.get("geometry") is not None:
            out_props["proj:geometry"] = doc["geometry"]
        default = grids.get("default")
        if default is not None:
            out_props["proj:shape"] = default["shape"]
            out_props["proj:transform"] = default["transform"]

    assets: dict[str, Any] = {}
    base = _base(uri)
    band_info = bands or {}
    has_raster = has_eo = False
    for name, m in (doc.get("measurements") or {}).items():
        asset: dict[str, Any] = {"href": _href(m["path"], base)}
        mt = media_type(m["path"])
        if mt is not None:
            asset["type"] = mt
        asset["roles"] = ["data"]
        b = band_info.get(name)
        eo_band, raster = _band_fields(name, _band_key(b))
        if raster is not None:
            asset["raster:bands"] = [dict(raster)]
            has_raster = True
        asset["eo:bands"] = [dict(eo_band)]
        has_eo = True
        grid = m.get("grid", "default")
        if grid != "default" and grid in grids:
            asset["proj:shape"] = grids[grid]["shape"]
            asset["proj:transform"] = grids[grid]["transform"]
        for k, v in m.items():
            if k != "path":
                asset[f"odc:{k}"] = v
        assets[name] = asset
    for name, acc in (doc.get("accessories") or {}).items():
        if name in assets:
            raise DocumentError(
                f"dataset {doc.get('id')}: accessory {name!r} has the name of a measurement; "
                "STAC keeps one asset per name, so rename one of them",
                field=f"accessories.{name}",
                value=acc,
                doc=str(doc.get("id")),
            )
        asset = {"href": _href(acc["path"], base)} if "path" in acc else {"href": ""}
        for k, v in acc.items():
            if k == "type":
                asset["type"] = v
            elif k != "path":
                asset[f"odc:{k}"] = v
        asset["roles"] = ["thumbnail"] if name.startswith("thumbnail") else ["metadata"]
        assets[name] = asset
    prefixes = {k[: k.find(":")] for k in out_props}
    if has_eo or "eo" in prefixes:
        extensions.insert(0, EO_EXTENSION)
    if has_raster:
        extensions.append(RASTER_EXTENSION)
    if "view" in prefixes:
        extensions.append(VIEW_EXTENSION)

    links: list[dict[str, Any]] = []
    if root_href is not None:
        links.append({"rel": "root", "href": root_href, "type": "application/json"})
    # An Item naming its collection must link to it: by default where export_stac puts it.
    product_href = product_href or f"../{doc['product']['name']}/collection.json"
    links.append({"rel": "parent", "href": product_href, "type": "application/json"})
    links.append({"rel": "collection", "href": product_href, "type": "application/json"})
    if uri is not None:
        link = {"rel": "via", "href": uri, "title": "eo3 dataset document"}
        mt = media_type(uri)
        if mt is not None:
            link["type"] = mt
        links.append(link)
    lineage = doc.get("lineage")
    if lineage is not None:
        source_ids = lineage.get("source_ids") or {}
        for classifier, ids in source_ids.items():
            for i in ids:
                links.append(
                    {
                        "rel": "derived_from",
                        "href": f"./{i}.json",
                        "type": "application/geo+json",
                        "odc:classifier": classifier,
                    }
                )

    item: dict[str, Any] = {
        "type": "Feature",
        "stac_version": STAC_VERSION,
        "stac_extensions": extensions,
        "id": doc["id"],
        "geometry": lonlat_geometry,
    }
    if lonlat_geometry is not None and lonlat_bbox is not None:
        w, s, e, n = lonlat_bbox
        item["bbox"] = [w, s, e - 360 if e > 180 else e, n]
    item["properties"] = out_props
    item["links"] = links
    item["assets"] = assets
    item["collection"] = doc["product"]["name"]
    # What STAC has no place for, kept as it is.
    if "title" in props:
        item["odc:label"] = doc.get("label")  # the eo3 properties hold a title of their own
    used = {m.get("grid", "default") for m in (doc.get("measurements") or {}).values()}
    if any(g != "default" and g not in used for g in grids):
        item["odc:grids"] = grids  # a grid no band uses has no asset to carry it
    product = doc["product"]
    if set(product) != {"name"}:
        item["odc:product"] = product
    if lineage is not None and not _lineage_in_links(lineage):
        item["odc:lineage"] = lineage
    if "measurements" in doc and not doc["measurements"]:
        item["odc:measurements"] = {}
    if "accessories" in doc and not doc["accessories"]:
        item["odc:accessories"] = {}
    for k, v in doc.items():
        if k not in _MAPPED:
            item[f"odc:{k}"] = v
    return item


_UTC_SUFFIX = re.compile(r"(\+00:00|Z)$")


def _stac_time(value: Any) -> Any:
    """A time as STAC 1.1 wants it: RFC 3339 in UTC; other values (not times) as they are."""
    if isinstance(value, str) and _UTC_SUFFIX.search(value) and "T" in value:
        return value
    from terracube.model import parse_datetime

    try:
        t = parse_datetime(value)
    except ValueError:
        return value
    return t.isoformat().replace("+00:00", "Z")


def _stac_property(key: str, value: Any, props: Mapping[str, Any]) -> dict[str, Any]:
    """An eo3 property as STAC names it: ``eo:platform`` is ``platform``, and so on.

    eo3 puts under ``eo:`` what STAC has as common metadata or in the view extension; an
    ``eo:`` name the eo extension does not define would make the Item invalid there, so it
    travels as ``odc:eo:...``. A name kept as it is when its STAC form is taken already.
    """
    if key == "eo:instrument" and isinstance(value, str) and "instruments" not in props:
        return {"instruments": [value]}
    new = _EO3_TO_STAC.get(key)
    if new is not None and new not in props:
        return {new: value}
    if key.startswith("eo:") and key not in EXTENSION_FIELDS["eo"]:
        return {f"odc:{key}": value}
    return {key: value}


def _eo3_property(key: str, value: Any, props: Mapping[str, Any]) -> tuple[str, Any]:
    """The eo3 name of a STAC property (the inverse of :func:`_stac_property`)."""
    if (
        key == "instruments"
        and isinstance(value, list)
        and len(value) == 1
        and "eo:instrument" not in props
        and "odc:eo:instrument" not in props
    ):
        return "eo:instrument", value[0]
    old = _STAC_TO_EO3.get(key)
    if old is not None and old not in props and f"odc:{old}" not in props:
        return old, value
    if key.startswith("odc:eo:"):
        return key[4:], value
    return key, value


def _lineage_in_links(lineage: Mapping[str, Any]) -> bool:
    """Whether derived_from links give this lineage back exactly."""
    srcs = lineage.get("source_ids")
    return (
        set(lineage) == {"source_ids"}
        and isinstance(srcs, dict)
        and bool(srcs)
        and all(ids and len(set(ids)) == len(ids) for ids in srcs.values())
        and all(isinstance(i, str) and i == str(uuid.UUID(i)) for ids in srcs.values() for i in ids)
    )


def product_to_collection(
    definition: Mapping[str, Any],
    *,
    bbox: Sequence[float] | None = None,
    interval: tuple[str | None, str | None] = (None, None),
    item_hrefs: Sequence[str] = (),
    root_href: str | None = None,
    metadata_type: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The STAC Collection of a product.

    Parameters
    ----------
    definition
        The product document; kept whole as ``odc:product`` so that importing gives it back.
    bbox
        (west, south, east, north) of its datasets in lon/lat; the whole globe if None.
    interval
        First and last acquisition times (RFC 3339), None for open ends.
    item_hrefs
        Hrefs of the Items, for ``item`` links.
    metadata_type
        The metadata type's document, when it is not the built-in ``eo3`` (kept as
        ``odc:metadata_type``).
    """
    item_assets: dict[str, Any] = {}
    for m in definition.get("measurements") or []:
        item_assets[m["name"]] = {
            "title": m["name"],
            "roles": ["data"],
            "eo:bands": [_eo_band(m["name"], m.get("aliases") or ())],
            "raster:bands": [_raster_band(m)],
        }
    w, s, e, n = bbox if bbox is not None else (-180.0, -90.0, 180.0, 90.0)
    links: list[dict[str, Any]] = []
    if root_href is not None:
        links.append({"rel": "root", "href": root_href, "type": "application/json"})
        links.append({"rel": "parent", "href": root_href, "type": "application/json"})
    links.extend({"rel": "item", "href": h, "type": "application/geo+json"} for h in item_hrefs)
    coll: dict[str, Any] = {
        "type": "Collection",
        "stac_version": STAC_VERSION,
        "stac_extensions": [EO_EXTENSION, RASTER_EXTENSION] if item_assets else [],
        "id": definition["name"],
        "title": definition["name"],
        "description": definition.get("description") or definition["name"],
        "license": definition.get("license") or "other",
        "extent": {
            "spatial": {"bbox": [[w, s, e - 360 if e > 180 else e, n]]},
            "temporal": {"interval": [list(interval)]},
        },
        "links": links,
    }
    if item_assets:
        coll["item_assets"] = item_assets
    coll["odc:product"] = dict(definition)
    if metadata_type is not None:
        coll["odc:metadata_type"] = dict(metadata_type)
    return coll


def _nodata(v: Any) -> Any:
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return v
    return v


# --- STAC -> eo3 ---------------------------------------------------------------------------------


def _uuid_of_href(href: str) -> str | None:
    stem = href.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    stem = stem.removesuffix(".json").removesuffix(".geojson")
    stem = stem.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(stem))
    except ValueError:
        return None


def _grid_of(asset: Mapping[str, Any]) -> tuple[Any, Any] | None:
    shape, tr = asset.get("proj:shape"), asset.get("proj:transform")
    if shape is None or tr is None:
        return None
    return list(shape), list(tr)


def _is_data(asset: Mapping[str, Any]) -> bool:
    roles = asset.get("roles")
    if roles is not None:
        return "data" in roles
    return "raster:bands" in asset or "eo:bands" in asset or "bands" in asset


def _crs_of(props: Mapping[str, Any]) -> str | None:
    if props.get("odc:crs") is not None:
        return str(props["odc:crs"])
    if props.get("proj:code") is not None:
        return str(props["proj:code"])
    if props.get("proj:epsg") is not None:  # projection extension 1.x
        return f"EPSG:{int(props['proj:epsg'])}"
    if props.get("proj:wkt2") is not None:
        return str(props["proj:wkt2"])
    return None


def item_to_eo3(item: Mapping[str, Any], *, where: str = "") -> tuple[dict[str, Any], str | None]:
    """The eo3 document and location of a STAC Item.

    Items made by :func:`eo3_to_item` give back their document exactly (see ``docs/stac.md``
    for the two cases where only the form changes). Items from elsewhere get: ``collection``
    as the product name; ``proj:*`` fields as crs, geometry and grids (the Item's lon/lat
    geometry when there is no projection); assets with the ``data`` role as measurements and
    the others as accessories; ``start_datetime``/``end_datetime`` as ``dtr:`` properties;
    ``derived_from`` links whose href names a UUID as lineage (classifier ``source``
    unless given).

    Raises
    ------
    DocumentError
        The Item is not a STAC Item, or has no id or product, naming the field.
    """
    where = where or str(item.get("id"))
    if item.get("type") != "Feature":
        raise DocumentError(
            f"{where}: not a STAC Item (type {item.get('type')!r}, expected 'Feature')",
            field="type",
            value=item.get("type"),
            doc=where,
        )
    if not isinstance(item.get("properties"), dict):
        raise DocumentError(
            f"{where}: a STAC Item needs properties", field="properties", value=None, doc=where
        )
    props: dict[str, Any] = dict(item["properties"])
    doc: dict[str, Any] = {"$schema": EO3_SCHEMA, "id": item.get("id")}
    label = item["odc:label"] if "odc:label" in item else props.pop("title", None)
    if label is not None:
        doc["label"] = label
    product = item.get("odc:product")
    if product is None:
        name = item.get("collection")
        if not isinstance(name, str):
            raise DocumentError(
                f"{where}: the STAC Item names no collection, so its product is unknown; "
                "give the product to import it into",
                field="collection",
                value=name,
                doc=where,
            )
        product = {"name": name}
    doc["product"] = dict(product)

    # Projection: crs, geometry, grids.
    crs = _crs_of(props)
    native_geom = props.get("proj:geometry")
    for k in (*_PROJ_KEYS, "odc:crs"):
        props.pop(k, None)
    grids: dict[str, Any] = {}
    default = _grid_of(item["properties"])
    if default is not None:
        grids["default"] = {"shape": default[0], "transform": default[1]}
    assets = item.get("assets") or {}
    data = {k: a for k, a in assets.items() if _is_data(a)}
    asset_grid: dict[str, str] = {}
    if isinstance(item.get("odc:grids"), dict):
        grids = dict(item["odc:grids"])
    for key, a in data.items():
        g = _grid_of(a)
        if g is None:
            continue
        name = a.get("odc:grid")
        if name is None:  # an Item from elsewhere: name grids after the first band on them
            if not grids:
                grids["default"] = {"shape": g[0], "transform": g[1]}
            same = [n for n, v in grids.items() if [v["shape"], v["transform"]] == [g[0], g[1]]]
            name = same[0] if same else key
        grids.setdefault(name, {"shape": g[0], "transform": g[1]})
        asset_grid[key] = name
    if crs is None and (grids or native_geom is not None):
        raise DocumentError(
            f"{where}: the STAC Item has proj:shape/proj:transform or proj:geometry but no "
            "proj:code, proj:epsg or proj:wkt2; give its CRS",
            field="properties.proj:code",
            value=None,
            doc=where,
        )
    if crs is not None:
        doc["crs"] = crs
        if native_geom is not None:
            doc["geometry"] = native_geom
        elif not grids and item.get("geometry") is not None:
            doc["geometry"] = _to_crs(item["geometry"], crs)
    elif item.get("geometry") is not None:
        doc["crs"] = "EPSG:4326"
        doc["geometry"] = item["geometry"]
    if grids:
        doc["grids"] = grids

    # Time: STAC's common names back to eo3's dtr: properties.
    for dtr, common in (("dtr:start_datetime", "start_datetime"), ("dtr:end_datetime", "end_datetime")):
        v = props.pop(common, None)
        if v is not None and props.get(dtr) is None:
            props[dtr] = v
    if "odc:datetime" in props:
        props["datetime"] = props.pop("odc:datetime")
    if props.get("datetime") is None:
        props.pop("datetime", None)
    for k in ("eo:bands", "raster:bands", "bands"):
        props.pop(k, None)
    as_is = set(props.pop("odc:as_is", ()))
    eo3_props = {}
    for k, v in props.items():
        if (k in _STAC_NAMES or k.startswith("odc:eo:")) and k not in as_is:  # else kept as it is
            k, v = _eo3_property(k, v, props)
        eo3_props[k] = v
    doc["properties"] = eo3_props

    # Assets: measurements and accessories.
    links = item.get("links") or []
    location = next((lk.get("href") for lk in links if lk.get("rel") == "via"), None)
    base = _base(location)
    measurements: dict[str, Any] = {}
    accessories: dict[str, Any] = {}
    for key, a in assets.items():
        href = a.get("href", "")
        if key in data:
            m: dict[str, Any] = {"path": _path(href, base)}
            if key in asset_grid and asset_grid[key] != "default" and "odc:grid" not in a:
                m["grid"] = asset_grid[key]
            for k, v in a.items():
                if k.startswith("odc:"):
                    m[k[4:]] = v
            measurements[key] = m
        else:
            acc: dict[str, Any] = {"path": _path(href, base)} if href else {}
            if "type" in a:
                acc["type"] = a["type"]
            for k, v in a.items():
                if k.startswith("odc:"):
                    acc[k[4:]] = v
            accessories[key] = acc
    if measurements or "odc:measurements" in item:
        doc["measurements"] = measurements
    if accessories or "odc:accessories" in item:
        doc["accessories"] = accessories

    # Lineage: derived_from links (or the eo3 lineage kept whole).
    if "odc:lineage" in item:
        doc["lineage"] = item["odc:lineage"]
    else:
        sources: dict[str, list[str]] = {}
        for lk in links:
            if lk.get("rel") != "derived_from":
                continue
            sid = _uuid_of_href(str(lk.get("href", "")))
            if sid is not None:
                sources.setdefault(str(lk.get("odc:classifier", "source")), []).append(sid)
        if sources:
            doc["lineage"] = {"source_ids": sources}
    for k, v in item.items():
        if k.startswith("odc:") and k[4:] not in _MAPPED and k[4:] not in ("measurements", "accessories"):
            doc[k[4:]] = v
    return doc, location


def _to_crs(geometry: Mapping[str, Any], crs: str) -> dict[str, Any]:
    """A lon/lat GeoJSON geometry in another CRS."""
    from odc.geo.geom import Geometry

    g = Geometry(dict(geometry), "EPSG:4326")
    return dict(g.to_crs(crs).json)


def collection_to_product_doc(
    collection: Mapping[str, Any] | None,
    *,
    name: str | None = None,
    sample_item: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A product document for a STAC Collection, or inferred from one of its Items.

    A Collection made by :func:`product_to_collection` gives back its product document.
    Otherwise the measurements come from the Collection's ``item_assets``, else from the
    sample Item's data assets: ``raster:bands`` for the dtype (``float32`` if not given), nodata
    (NaN for floats, 0 for integers if not given) and unit, ``eo:bands`` for an alias.

    Raises
    ------
    DocumentError
        No measurement can be inferred.
    """
    if collection is not None and isinstance(collection.get("odc:product"), dict):
        return dict(collection["odc:product"])
    pname = name or (collection or {}).get("id") or (sample_item or {}).get("collection")
    where = f"STAC collection {pname!r}"
    assets: Mapping[str, Any] = {}
    if collection is not None and collection.get("item_assets"):
        assets = collection["item_assets"]
    elif sample_item is not None:
        assets = sample_item.get("assets") or {}
    measurements = []
    for key, a in assets.items():
        if not _is_data(a):
            continue
        raster = (a.get("raster:bands") or a.get("bands") or [{}])[0]
        dtype = _NUMPY_TYPES.get(raster.get("data_type") or "float32", "float32")
        nodata = raster.get("nodata")
        if nodata is None:
            nodata = "NaN" if dtype.startswith("float") else 0
        elif isinstance(nodata, str):
            nodata = {"nan": "NaN", "inf": "Inf", "-inf": "-Inf"}.get(nodata.lower(), nodata)
        m: dict[str, Any] = {
            "name": key,
            "dtype": dtype,
            "nodata": nodata,
            "units": raster.get("unit") or "1",
        }
        eo_band = (a.get("eo:bands") or a.get("bands") or [{}])[0]
        alias = eo_band.get("common_name") or eo_band.get("eo:common_name") or a.get("eo:common_name")
        if alias and alias != key:
            m["aliases"] = [alias]
        measurements.append(m)
    if not measurements:
        raise DocumentError(
            f"{where}: no data assets to infer measurements from; add the product first "
            "or import into a given product",
            field="item_assets",
            value=None,
            doc=where,
        )
    doc: dict[str, Any] = {
        "name": pname,
        "description": (collection or {}).get("description") or f"Imported from STAC collection {pname}",
        "metadata_type": "eo3",
        "metadata": {"product": {"name": pname}},
        "measurements": measurements,
    }
    lic = (collection or {}).get("license")
    if lic:
        doc["license"] = lic
    return doc
