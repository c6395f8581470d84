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

import copy
import functools
import math
import re
import uuid
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError
from terracube.model.eo3 import EO3_SCHEMA

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "EO_EXTENSION",
    "PROJECTION_EXTENSION",
    "RASTER_EXTENSION",
    "STAC_ID_PROPERTY",
    "STAC_UUID_NAMESPACE",
    "STAC_VERSION",
    "collection_to_product_doc",
    "eo3_to_item",
    "item_to_eo3",
    "item_uuid",
    "product_name_for",
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
#: Item properties the export derives from the eo3 document (dropped again on import). Other
#: projection fields (``proj:bbox``, ``proj:centroid``, ``proj:projjson``) stay properties.
_PROJ_KEYS: Final = (
    "proj:code",
    "proj:epsg",
    "proj:wkt2",
    "proj:geometry",
    "proj:shape",
    "proj:transform",
    "odc:crs",
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
    item_id = props.pop(STAC_ID_PROPERTY, None)
    if not isinstance(item_id, str):
        item_id = doc["id"]
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
    for key, members in _asset_groups(doc.get("measurements") or {}):
        name, m = members[0]
        asset: dict[str, Any] = {"href": _href(m["path"], base)}
        mt = m["type"] if "type" in m else media_type(m["path"])
        if mt is not None:
            asset["type"] = mt
        asset["roles"] = ["data"]
        eo_bands, raster_bands = [], []
        for band_name, _ in members:
            eo_band, raster = _band_fields(band_name, _band_key(band_info.get(band_name)))
            eo_bands.append(dict(eo_band))
            if raster is not None:
                raster_bands.append(dict(raster))
        if raster_bands and len(raster_bands) == len(members):
            asset["raster:bands"] = raster_bands
            has_raster = True
        asset["eo:bands"] = eo_bands
        has_eo = True
        grid = m.get("grid", "default")
        if grid != "default" and grid in grids:
            asset["proj:shape"] = grids[grid]["shape"]
            asset["proj:transform"] = grids[grid]["transform"]
        if len(members) == 1:
            for k, v in m.items():
                if k not in ("path", "type") and not (k == "asset" and v == key != name):
                    asset[f"odc:{k}"] = v  # an asset key other than the name comes back by itself
            if "type" in m and m["type"] == media_type(m["path"]):
                asset["odc:type"] = m["type"]  # item_to_eo3 keeps only a type the name does not give
        assets[key] = asset
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
        "id": item_id,
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
    if item_id != doc["id"]:
        item["odc:id"] = doc["id"]  # the Item keeps the id it had in its own catalog
    if uri is None and any(
        isinstance(d.get("path"), str) and d["path"] and not _is_absolute(d["path"])
        for part in ("measurements", "accessories")
        for d in (doc.get(part) or {}).values()
    ):
        item["odc:location"] = None  # relative paths, but not relative to the Item's file
    if crs is not None and doc.get("geometry") is None and lonlat_geometry is not None:
        item["odc:geometry"] = None  # the footprint is the grids', not the lon/lat geometry's
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


def _asset_groups(measurements: Mapping[str, Any]) -> list[tuple[str, list[tuple[str, Any]]]]:
    """The assets of an eo3 document's measurements: ``(asset key, [(band name, doc), ...])``.

    A measurement is an asset of its own, keyed by its name, or by its ``asset`` field when
    :func:`item_to_eo3` recorded the key an Item gave it. The bands :func:`item_to_eo3` made of
    one asset of several bands (``<key>``, ``<key>_2``...) become that asset again.
    """
    groups: dict[str, list[tuple[str, Any]]] = {}
    for name, m in measurements.items():
        asset = m.get("asset") if isinstance(m, dict) else None
        groups.setdefault(asset if isinstance(asset, str) else name, []).append((name, m))
    out: list[tuple[str, list[tuple[str, Any]]]] = []
    for key, members in groups.items():
        if len(members) == 1 and (key == members[0][0] or product_name_for(key) == members[0][0]):
            out.append((key, members))  # item_to_eo3 names the band after the key again
        elif len(members) > 1 and _one_asset(key, members):
            out.append((key, members))
        else:
            out.extend((name, [(name, m)]) for name, m in members)
    return out


def _one_asset(key: str, members: list[tuple[str, Any]]) -> bool:
    """Whether measurements are the bands of one asset, as :func:`item_to_eo3` names them."""
    base, first = members[0]
    if base != product_name_for(key) or not set(first) <= {"path", "asset", "grid", "type"}:
        return False
    return all(
        name == f"{base}_{n}"
        and set(m) <= {"path", "band", "asset", "grid"}
        and (m.get("band"), m.get("asset"), m["path"], m.get("grid"))
        == (n, key, first["path"], first.get("grid"))
        for n, (name, m) in enumerate(members[1:], 2)
    )


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

#: The namespace of the dataset ids ODC's STAC tools (odc-stac, datacube-core's STAC converter)
#: derive for Items whose id is not a UUID: uuid5(NAMESPACE_URL, "https://stacspec.org").
STAC_UUID_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "https://stacspec.org")
#: The dataset property keeping an Item's own id when the dataset's id had to be derived from it.
STAC_ID_PROPERTY: Final = "stac:id"

_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NAME = re.compile(r"^[A-Za-z0-9_]+$")
#: Roles of assets that are never bands: pictures of the data, not the data.
_PICTURE_ROLES: Final = frozenset({"thumbnail", "overview"})
#: Media types, besides ``image/*``, of files holding raster bands.
_RASTER_MEDIA_TYPES: Final = frozenset(
    {"application/x-hdf", "application/x-hdf5", "application/hdf", "application/hdf5"}
    | {"application/x-netcdf", "application/netcdf", "application/x-zarr", "application/zarr"}
)
#: File suffixes of raster files, for assets that give no media type.
_RASTER_SUFFIXES: Final = frozenset({"tif", "tiff", "jpeg", "jpg", "jp2", "img", "hdf", "nc", "zarr"})


@functools.lru_cache(maxsize=4096)
def product_name_for(collection_id: str) -> str:
    """The product name for a STAC collection id (or a band name for an asset key).

    Each character other than an ASCII letter, digit or underscore becomes an underscore, so
    ``sentinel-2-l2a`` gives ``sentinel_2_l2a`` (the hyphens and spaces that ODC's tools map
    the same way, and anything else a product name may not hold).
    """
    return _NOT_NAME.sub("_", collection_id)


def item_uuid(item: Mapping[str, Any], *, where: str = "") -> uuid.UUID:
    """The dataset id of a STAC Item, derived as ODC's STAC tools derive it.

    The Item's ``id`` when that is a UUID; otherwise the UUIDv5, in
    :data:`STAC_UUID_NAMESPACE`, of the text ``"<collection>\\n<id>\\n"``, where
    ``<collection>`` is the Item's ``collection``, else its ``odc:product`` property, else
    ``_``. odc-stac's ``stac2ds`` and datacube-core's STAC converter give the same ids.

    Raises
    ------
    DocumentError
        The Item has no id (a non-empty string).
    """
    raw = item.get("id")
    if not isinstance(raw, str) or not raw:
        where = where or "STAC Item"
        raise DocumentError(
            f"{where}: a STAC Item needs an id (a non-empty string), not {raw!r}",
            field="id",
            value=raw,
            doc=where,
        )
    try:
        return uuid.UUID(raw)
    except ValueError:
        pass
    collection = item.get("collection")
    if collection is None:
        props = item.get("properties")
        collection = props.get("odc:product", "_") if isinstance(props, dict) else "_"
    return uuid.uuid5(STAC_UUID_NAMESPACE, f"{collection}\n{raw}\n")


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
    tr = list(tr)
    if len(tr) == 6 and tr[2] == 0 and tr[4] == 0 and tr[1] and tr[5]:
        # GDAL's geotransform order, [x0, a, b, y0, d, e], as some older Items wrote it: in the
        # affine's order STAC gives ([a, b, x0, d, e, y0]) this would be a grid turned a quarter
        # turn with its corner at x = 0, which no data is on.
        tr = [tr[1], tr[2], tr[0], tr[4], tr[5], tr[3]]
    return list(shape), tr


def _grid_key(shape: Any, transform: Any) -> tuple[Any, ...]:
    """A grid as a dict key (6 or 9 numbers of a transform are the same grid)."""
    return (*shape, *transform[:6])


def _is_data(asset: Mapping[str, Any], *, need_grid: bool = False) -> bool:
    """Whether an asset is a file of raster bands (a measurement), else an accessory.

    The ``data`` role says yes. Otherwise, as odc-stac decides: not a picture of the data
    (``thumbnail``, ``overview`` roles), nor only ``metadata`` unless it describes its pixels
    (``raster:bands``, as ESA WorldCover's quality layers do); then an ``image/*`` or other
    raster media type says yes, and without a media type the file's suffix decides. With
    ``need_grid`` (other assets of the Item give their pixel grid) an asset without one is not
    a band either.
    """
    roles = asset.get("roles") or ()
    if "data" in roles:
        return True
    if _PICTURE_ROLES.intersection(roles) or (list(roles) == ["metadata"] and not _describes_pixels(asset)):
        return False
    if need_grid and ("proj:shape" not in asset or "proj:transform" not in asset):
        return False
    mt = asset.get("type")
    if not isinstance(mt, str) or not mt:
        if "metadata" in roles:
            return False
        name = str(asset.get("href", "")).split("?", 1)[0].rsplit("/", 1)[-1]
        return "." in name and name.rsplit(".", 1)[1].lower() in _RASTER_SUFFIXES
    mt = mt.split(";", 1)[0].strip().lower()
    return mt.startswith("image/") or mt in _RASTER_MEDIA_TYPES


def _describes_pixels(asset: Mapping[str, Any]) -> bool:
    """Whether an asset gives its bands' pixel type (``raster:bands``, STAC 1.1's ``bands`` or
    ``data_type``)."""
    if "data_type" in asset:
        return True
    for key in ("raster:bands", "bands"):
        bands = asset.get(key)
        if isinstance(bands, list) and any(isinstance(b, dict) and "data_type" in b for b in bands):
            return True
    return False


def _eo_bands(asset: Mapping[str, Any], props: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """An asset's eo bands as objects: indices (STAC 0.9's form) name the Item's own bands."""
    bands = asset.get("eo:bands")
    if not isinstance(bands, list):
        bands = asset.get("bands")
        return [b if isinstance(b, dict) else {} for b in bands] if isinstance(bands, list) else []
    out: list[Mapping[str, Any]] = []
    item_bands = props.get("eo:bands")
    for b in bands:
        if isinstance(b, dict):
            out.append(b)
        elif (
            isinstance(b, int)
            and not isinstance(b, bool)
            and isinstance(item_bands, list)
            and 0 <= b < len(item_bands)
            and isinstance(item_bands[b], dict)
        ):
            out.append(item_bands[b])
        else:
            out.append({})
    return out


#: The fields that describe a band's pixels: in ``raster:bands``, or (STAC 1.1) in ``bands``, on
#: the asset or on the Item for all of its bands.
_PIXEL_FIELDS: Final = ("data_type", "nodata", "unit")


def _pixel_fields(obj: Mapping[str, Any]) -> dict[str, Any]:
    return {k: obj[k] for k in _PIXEL_FIELDS if obj.get(k) is not None}


def _raster_bands(asset: Mapping[str, Any], inherited: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """An asset's bands' pixel descriptions: its ``raster:bands``, overridden by what STAC 1.1
    says of them (``inherited``: the Item's and the asset's own fields; then each of ``bands``)."""
    raster = asset.get("raster:bands")
    raster = [b if isinstance(b, dict) else {} for b in raster] if isinstance(raster, list) else []
    common = asset.get("bands")
    common = [b if isinstance(b, dict) else {} for b in common] if isinstance(common, list) else []
    if not common and not inherited:
        return raster
    return [
        {
            **(raster[i] if i < len(raster) else {}),
            **inherited,
            **(_pixel_fields(common[i]) if i < len(common) else {}),
        }
        for i in range(max(len(raster), len(common), 1))
    ]


if TYPE_CHECKING:
    #: One band of a data asset, the measurement it becomes: (asset key, band name, band number
    #: in the file from 1, bands in the asset, its ``eo:bands`` entry, its ``raster:bands``
    #: entry). A tuple: an Item has a dozen, a bulk import millions.
    _Band = tuple[str, str, int, int, Mapping[str, Any], Mapping[str, Any]]
_NO_BAND: Final[Mapping[str, Any]] = MappingProxyType({})


def _data_bands(assets: Mapping[str, Any], props: Mapping[str, Any], *, where: str) -> list[_Band]:
    """The bands of an Item's (or a Collection's ``item_assets``') data assets, in order.

    A band is named after its asset's key, made a valid name (:func:`product_name_for`); an
    asset of several bands (``eo:bands`` or ``raster:bands`` listing more than one) gives
    ``<key>``, ``<key>_2``, ``<key>_3``... as odc-stac names them.
    """
    need_grid: bool | None = None  # worked out for the first asset without the data role
    item_pixels = _pixel_fields(props)  # STAC 1.1: data_type, nodata, unit for every band
    out: list[_Band] = []
    taken: dict[str, str] = {}
    for key, a in assets.items():
        if a.__class__ is not dict:
            continue
        roles = a.get("roles")
        if not (roles.__class__ is list and "data" in roles):
            if roles.__class__ is list and (
                (roles == ["metadata"] and not _describes_pixels(a)) or _PICTURE_ROLES.intersection(roles)
            ):
                continue  # not a band, whatever the rest says (as _is_data decides, sooner)
            if need_grid is None:
                need_grid = not ("proj:shape" in props and "proj:transform" in props) and any(
                    isinstance(o, dict) and "proj:shape" in o and "proj:transform" in o
                    for o in assets.values()
                )
            if not _is_data(a, need_grid=need_grid):
                continue
        eo = a.get("eo:bands")
        raster = a.get("raster:bands")
        inherited = (
            {**item_pixels, **_pixel_fields(a)}
            if item_pixels or "data_type" in a or "nodata" in a or "unit" in a
            else None
        )
        if (
            (eo is None or (eo.__class__ is list and len(eo) == 1 and eo[0].__class__ is dict))
            and (
                raster is None
                or (raster.__class__ is list and len(raster) == 1 and raster[0].__class__ is dict)
            )
            and "bands" not in a
            and not inherited
        ):  # one band described by objects (or not at all): the common case, kept quick
            name = product_name_for(key) or "_"
            if name in taken:
                raise _clash(where, taken[name], key, name)
            taken[name] = key
            out.append((key, name, 1, 1, eo[0] if eo else _NO_BAND, raster[0] if raster else _NO_BAND))
            continue
        eo, raster = _eo_bands(a, props), _raster_bands(a, inherited or {})
        mt = a.get("type")
        if (
            "eo:bands" in a
            and isinstance(mt, str)
            and mt.split(";", 1)[0].strip().lower() in _RASTER_MEDIA_TYPES
        ):
            # The eo:bands of a NetCDF, HDF or Zarr asset (Sentinel-3's) name the spectral bands its
            # variable was made from, not bands of the file: only raster:bands count those.
            eo = eo[: max(len(raster), 1)]
        count = max(len(eo), len(raster), 1)
        if inherited and len(raster) < count:  # the asset's own fields describe all its bands
            raster = [*raster, *([inherited] * (count - len(raster)))]
        key = str(key)
        base = product_name_for(key) or "_"
        for i in range(count):
            name = base if i == 0 else f"{base}_{i + 1}"
            if name in taken:
                raise _clash(where, taken[name], key, name)
            taken[name] = key
            out.append(
                (
                    key,
                    name,
                    i + 1,
                    count,
                    eo[i] if i < len(eo) else _NO_BAND,
                    raster[i] if i < len(raster) else _NO_BAND,
                )
            )
    return out


def _clash(where: str, first: str, key: str, name: str) -> DocumentError:
    return DocumentError(
        f"{where}: assets {first!r} and {key!r} both give the band name {name!r}; "
        "import into a product you define",
        field=f"assets.{key}",
        value=key,
        doc=where,
    )


def _crs_of(props: Mapping[str, Any]) -> str | None:
    if props.get("odc:crs") is not None:
        return str(props["odc:crs"])
    if props.get("proj:code") is not None:
        return str(props["proj:code"])
    if props.get("proj:epsg") is not None:  # projection extension 1.x
        return f"EPSG:{int(props['proj:epsg'])}"
    if props.get("proj:wkt2") is not None:
        return str(props["proj:wkt2"])
    if isinstance(props.get("proj:projjson"), dict):
        import orjson

        return _projjson_crs(orjson.dumps(props["proj:projjson"], option=orjson.OPT_SORT_KEYS).decode())
    return None


@functools.lru_cache(maxsize=64)
def _projjson_crs(text: str) -> str:
    """The CRS a ``proj:projjson`` gives (its only projection field), as ``EPSG:<code>`` when it
    names one, else as WKT2."""
    import orjson

    pj = orjson.loads(text)
    ident = pj.get("id")
    if isinstance(ident, dict) and str(ident.get("authority", "")).upper() == "EPSG" and ident.get("code"):
        return f"EPSG:{ident['code']}"
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        return str(CRS.from_json(text).to_wkt())
    except CRSError as e:
        raise DocumentError(
            f"proj:projjson is not a CRS pyproj can read ({e}); give the Item's proj:code or proj:wkt2",
            field="properties.proj:projjson",
            value=pj.get("name"),
        ) from None


def _short(crs: str) -> str:
    """A CRS for a message: a WKT's first words, not its whole text."""
    return crs if len(crs) <= 60 else crs[:57] + "..."


def _asset_crs(assets: Mapping[str, Any], bands: Sequence[_Band], where: str) -> str | None:
    """The CRS the data assets give when the Item gives none (projection fields on assets only,
    as Planet's Items have them); a dataset has one CRS, so they must agree."""
    found: dict[str, str] = {}
    for key, *_ in bands:
        c = _crs_of(assets[key])
        if c is not None:
            found.setdefault(c, key)
    if len(found) > 1:
        (c1, k1), (c2, k2) = list(found.items())[:2]
        raise DocumentError(
            f"{where}: data assets {k1!r} and {k2!r} are in different CRSs ({_short(c1)}, {_short(c2)}) "
            "and the Item names none; a dataset has one CRS: give the Item's proj:code or import "
            "the assets as Items of their own",
            field=f"assets.{k2}.proj:code",
            value=c2,
            doc=where,
        )
    return next(iter(found), None)


def _item_product(
    item: Mapping[str, Any], props: Mapping[str, Any], product: str | None, where: str
) -> dict[str, Any]:
    """The eo3 ``product`` of an Item: given, else its ``odc:product``, else its collection's."""
    own = item.get("odc:product")
    if isinstance(own, dict):
        return {**own, "name": product} if product is not None else dict(own)
    if product is not None:
        return {"name": product}
    name = item.get("collection")
    if name is None:
        name = props.get("odc:product")
    if not isinstance(name, str) or not name:
        raise DocumentError(
            f"{where}: the STAC Item names no collection and has no odc:product property, so its "
            "product is unknown; give the product to import it into (--product NAME)",
            field="collection",
            value=name,
            doc=where,
        )
    return {"name": product_name_for(name)}


def _self_link(item: Mapping[str, Any]) -> str | None:
    """The Item's own absolute location, from its ``self`` link (None if relative or absent)."""
    for lk in item.get("links") or ():
        if isinstance(lk, dict) and lk.get("rel") == "self":
            href = lk.get("href")
            if isinstance(href, str) and _is_absolute(href):
                return href
    return None


def _location(item: Mapping[str, Any], self_href: str | None) -> str | None:
    """The dataset's location: the Item's own when it has relative asset hrefs (they resolve
    against it), else its ``via`` link."""
    if "odc:location" in item:  # written by eo3_to_item: a dataset without a location
        return item["odc:location"]  # type: ignore[no-any-return]
    assets = item.get("assets") or {}
    if isinstance(assets, dict) and any(
        isinstance(a, dict) and isinstance(a.get("href"), str) and a["href"] and not _is_absolute(a["href"])
        for a in assets.values()
    ):
        # Relative hrefs resolve against the Item's own location, as STAC says, not against a
        # via link (Planetary Computer's and stactools' Items link the USGS Item so).
        own = self_href or _self_link(item)
        if own is not None:
            return own
    for lk in item.get("links") or ():
        if isinstance(lk, dict) and lk.get("rel") == "via":
            return lk.get("href")
    return None


def item_to_eo3(
    item: Mapping[str, Any], *, where: str = "", product: str | None = None, self_href: str | None = None
) -> tuple[dict[str, Any], str | None]:
    """The eo3 document and location of a STAC Item.

    Items made by :func:`eo3_to_item` give back their document exactly (see ``docs/stac.md``
    for the two cases where only the form changes). Items from elsewhere get: an id from
    :func:`item_uuid` (the Item's own id kept as the ``stac:id`` property when it is not that
    UUID); their collection's name made a product name (:func:`product_name_for`); ``proj:*``
    fields as crs, geometry and grids (the Item's lon/lat geometry when there is no
    projection); data assets (see ``docs/stac.md``) as measurements and the others as
    accessories; ``start_datetime``/``end_datetime`` as ``dtr:`` properties;
    ``derived_from`` links whose href names a UUID (else an ``odc:lineage`` property) as
    lineage.

    Parameters
    ----------
    item
        The Item as parsed JSON (not modified).
    where
        Names the Item in errors (default: its id).
    product
        The product to put it in, whatever its collection.
    self_href
        Where the Item was read from: relative asset hrefs resolve against it (default: its
        absolute ``self`` link). Such an Item's location is this href.

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
    raw_id = item.get("id")
    if "odc:id" in item:  # written by eo3_to_item: the dataset id of an Item named otherwise
        ds_id: Any = item["odc:id"]
    elif isinstance(raw_id, str) and _CANONICAL_UUID.fullmatch(raw_id):
        ds_id = raw_id  # the common case, without parsing it
    else:
        ds_id = str(item_uuid(item, where=where))
    if ds_id != raw_id:
        props[STAC_ID_PROPERTY] = raw_id
    doc: dict[str, Any] = {"$schema": EO3_SCHEMA, "id": ds_id}
    label = item["odc:label"] if "odc:label" in item else props.pop("title", None)
    if label is not None:
        doc["label"] = label
    doc["product"] = _item_product(item, props, product, where)

    # Projection: crs, geometry, grids.
    crs = _crs_of(props)
    native_geom = props.get("proj:geometry")
    wkt2 = props.get("proj:wkt2")
    for k in _PROJ_KEYS:
        props.pop(k, None)
    if wkt2 is not None and crs != wkt2:  # the CRS came from proj:code: the WKT stays a property
        props["proj:wkt2"] = wkt2
    grids: dict[str, Any] = {}
    default = _grid_of(item["properties"])
    if default is not None:
        grids["default"] = {"shape": default[0], "transform": default[1]}
    assets = item.get("assets") or {}
    if not isinstance(assets, dict):
        raise DocumentError(
            f"{where}: a STAC Item's assets are an object of asset key to asset, not {type(assets).__name__}",
            field="assets",
            value=None,
            doc=where,
        )
    bands = _data_bands(assets, item["properties"], where=where)
    if crs is None:
        crs = _asset_crs(assets, bands, where)
    if isinstance(item.get("odc:grids"), dict):
        grids = dict(item["odc:grids"])

    # Bands: measurements, and the grids they are on.
    location = _location(item, self_href)
    base = _base(location)
    inside = None if base is None else base + "/"
    measurements: dict[str, Any] = {}
    data_keys = set()
    named: dict[tuple[Any, ...], str] = {}  # an Item from elsewhere: grid -> the first band on it
    for key, band_name, index, count, _, _ in bands:
        a = assets[key]
        data_keys.add(key)
        href = a.get("href", "")
        # The path relative to the location's folder when under it (_path, inlined: hot).
        m: dict[str, Any] = {
            "path": href[len(inside) :] if inside is not None and href.startswith(inside) else href
        }
        if index > 1:
            m["band"] = index
        if index > 1 or band_name != key:
            m["asset"] = key  # the asset's own key, for the way back
        mt = a.get("type")
        if index == 1 and mt != media_type(m["path"]):  # cached: paths repeat
            m["type"] = mt  # (None: the asset gives no media type, though its name would)
        if "proj:shape" in a and (g := _grid_of(a)) is not None:  # most bands are on the Item's grid
            grid = a.get("odc:grid")
            if grid is None:
                if not grids:
                    grids["default"] = {"shape": g[0], "transform": g[1]}
                if not named:
                    named = {_grid_key(v["shape"], v["transform"]): n for n, v in reversed(grids.items())}
                grid = named.setdefault(_grid_key(g[0], g[1]), band_name)
                if grid != "default":
                    m["grid"] = grid
            elif named:  # a grid named by the Item: a later band on it without a name takes it
                named.setdefault(_grid_key(g[0], g[1]), grid)
            grids.setdefault(grid, {"shape": g[0], "transform": g[1]})
        if count == 1:
            for k, v in a.items():
                if k[:1] == "o" and k.startswith("odc:"):
                    m[k[4:]] = v
        measurements[band_name] = m
    if crs is None and (grids or native_geom is not None):
        raise DocumentError(
            f"{where}: the STAC Item has proj:shape/proj:transform or proj:geometry but no "
            "proj:code, proj:epsg, proj:wkt2 or proj:projjson (on the Item or its data assets); "
            "give its CRS",
            field="properties.proj:code",
            value=None,
            doc=where,
        )
    if crs is not None:
        doc["crs"] = crs
        lonlat = item.get("geometry")
        if native_geom is not None and not (
            lonlat is not None and (_finer(lonlat, native_geom) or _wraps(native_geom, crs, item.get("bbox")))
        ):
            doc["geometry"] = native_geom
        elif lonlat is not None and "odc:geometry" not in item:
            # The Item's footprint, not the whole grid: it is what searches should find. One
            # finer than proj:geometry (MODIS's curved tile edges) is kept so, to be given back.
            geom = _to_crs(lonlat, crs)
            if geom is None and native_geom is not None and not _wraps(native_geom, crs, item.get("bbox")):
                geom = native_geom
            if geom is not None:
                doc["geometry"] = geom
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
    as_is = set(props.pop("odc:as_is", ()))
    eo3_props = {}
    for k, v in props.items():
        if (k in _STAC_NAMES or k.startswith("odc:eo:")) and k not in as_is:  # else kept as it is
            k, v = _eo3_property(k, v, props)
        eo3_props[k] = v
    doc["properties"] = eo3_props

    # The other assets: accessories.
    accessories: dict[str, Any] = {}
    for key, a in assets.items():
        if key in data_keys or not isinstance(a, dict):
            continue
        href = a.get("href", "")
        acc: dict[str, Any] = {"path": _path(href, base)} if href else {}
        if "type" in a:
            acc["type"] = a["type"]
        for k, v in a.items():
            if k[:1] == "o" and k.startswith("odc:"):
                acc[k[4:]] = v
        accessories[key] = acc
    if measurements or "odc:measurements" in item:
        doc["measurements"] = measurements
    if accessories or "odc:accessories" in item:
        doc["accessories"] = accessories

    # Lineage: derived_from links, the eo3 lineage kept whole, or an odc:lineage property.
    if "odc:lineage" in item:
        doc["lineage"] = item["odc:lineage"]
    else:
        sources: dict[str, list[str]] = {}
        for lk in item.get("links") or ():
            if not isinstance(lk, dict) or lk.get("rel") != "derived_from":
                continue
            sid = _uuid_of_href(str(lk.get("href", "")))
            if sid is not None:
                sources.setdefault(str(lk.get("odc:classifier", "source")), []).append(sid)
        if not sources:
            sources = _lineage_property(eo3_props.get("odc:lineage"))
        if sources:
            doc["lineage"] = {"source_ids": sources}
    for k, v in item.items():
        if k.startswith("odc:") and k[4:] not in _MAPPED and k[4:] not in _ITEM_ONLY:
            doc[k[4:]] = v
    return doc, location


#: Item fields eo3_to_item writes that are not top-level eo3 keys.
_ITEM_ONLY: Final = frozenset({"measurements", "accessories", "location", "id"})


def _lineage_property(value: Any) -> dict[str, list[str]]:
    """Sources from an ``odc:lineage`` property (eodatasets' Items): classifier -> UUIDs."""
    if not isinstance(value, dict):
        return {}
    out: dict[str, list[str]] = {}
    for cls_, ids in value.items():
        if not isinstance(ids, list):
            return {}
        for i in ids:
            try:
                out.setdefault(str(cls_), []).append(str(uuid.UUID(str(i))))
            except ValueError:
                return {}
    return out


@functools.lru_cache(maxsize=64)
def _from_lonlat(crs: str) -> Any:
    """A transformer from lon/lat to ``crs`` (x, y order)."""
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def _to_crs(geometry: Mapping[str, Any], crs: str) -> dict[str, Any] | None:
    """A lon/lat GeoJSON (Multi)Polygon in another CRS (None if it cannot be made a valid one there)."""
    import numpy as np
    import shapely
    import shapely.geometry

    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind not in ("Polygon", "MultiPolygon") or not isinstance(coords, list) or not coords:
        return None
    polygons: list[Any] = [coords] if kind == "Polygon" else coords
    try:
        tr = _from_lonlat(crs)
        out = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                xy = np.asarray(ring, dtype="float64")[:, :2]
                if (np.abs(xy[:, 1]).max() >= 90 or np.abs(xy[:, 0]).max() > 180) and not _geographic(crs):
                    # An edge along a pole is one point in a projection, and a longitude past
                    # the antimeridian wraps round to the other side: the grids say better.
                    return None
                x, y = tr.transform(xy[:, 0], xy[:, 1], errcheck=True)
                if not (np.isfinite(x).all() and np.isfinite(y).all()):
                    return None
                rings.append(np.column_stack([x, y]).tolist())
            out.append(rings)
        g = shapely.geometry.shape({"type": kind, "coordinates": out[0] if kind == "Polygon" else out})
    except Exception:  # a footprint pyproj or shapely cannot take: fall back to the grids
        return None
    if g.is_empty:
        return None
    if not g.is_valid:  # e.g. the two halves of a footprint cut at the antimeridian: join them
        import orjson

        g = shapely.unary_union(shapely.make_valid(g))
        if g.geom_type not in ("Polygon", "MultiPolygon") or not g.is_valid:
            return None
        return orjson.loads(shapely.to_geojson(g))  # type: ignore[no-any-return]
    return {"type": kind, "coordinates": out[0] if kind == "Polygon" else out}


@functools.lru_cache(maxsize=64)
def _geographic(crs: str) -> bool:
    """Whether ``crs`` is a lon/lat one (where a pole is a line, not a point)."""
    from pyproj import CRS

    try:
        return bool(CRS.from_user_input(crs).is_geographic)
    except Exception:  # unknown to pyproj: the transform fails anyway
        return False


@functools.lru_cache(maxsize=64)
def _to_lonlat(crs: str) -> Any:
    """A transformer from ``crs`` to lon/lat (x, y order)."""
    from pyproj import Transformer

    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)


@functools.lru_cache(maxsize=64)
def _may_wrap(crs: str) -> bool:
    """Whether footprints in ``crs`` can reach past the antimeridian or the Earth's edge.

    Not for a CRS made for less than half the globe's longitudes (a UTM zone, a national grid):
    only then is :func:`_wraps`'s transform worth its cost on every Item.
    """
    from pyproj import CRS

    try:
        area = CRS.from_user_input(crs).area_of_use
    except Exception:  # unknown to pyproj: let _wraps decide
        return True
    if area is None:
        return True
    west, east = area.west, area.east
    span = east - west if east >= west else east + 360 - west
    return span >= 180


def _finer(lonlat: Any, native: Any) -> bool:
    """Whether an Item's ``geometry`` is a polygon of more points than its ``proj:geometry``: an
    outline of the footprint drawn finer (the curved edges of a sinusoidal MODIS tile) than its
    corners in the CRS, which are all :func:`eo3_to_item` would draw again."""
    try:
        if lonlat["type"] != "Polygon" or native["type"] != "Polygon":
            return False
        return sum(map(len, lonlat["coordinates"])) > sum(map(len, native["coordinates"]))
    except (KeyError, TypeError):
        return False


def _wraps(geometry: Any, crs: str, bbox: Any) -> bool:
    """Whether a ``proj:geometry`` reaches past the antimeridian, or past where its CRS is
    defined, though the Item's lon/lat ``bbox`` does not: a MODIS tile near the poles is the
    whole sinusoidal tile, most of it outside the Earth, while its ``geometry`` is the part that
    holds data. The Item's ``geometry`` is then the footprint."""
    import numpy as np

    if not isinstance(bbox, list) or len(bbox) not in (4, 6) or not isinstance(geometry, dict):
        return False
    if not _may_wrap(crs):
        return False
    try:
        west, east = float(bbox[0]), float(bbox[len(bbox) // 2])
        coords: list[Any] = geometry["coordinates"]
        polygons = coords if geometry.get("type") == "MultiPolygon" else [coords]
        xy = np.concatenate([np.asarray(ring, dtype="float64")[:, :2] for poly in polygons for ring in poly])
        lon, lat = _to_lonlat(crs).transform(xy[:, 0], xy[:, 1])
    except Exception:  # a geometry or bbox that cannot be read this way: keep proj:geometry
        return False
    if not (0 <= east - west <= 180):  # the Item's box crosses the antimeridian itself
        return False
    if not (np.isfinite(lon).all() and np.isfinite(lat).all()):
        return True
    return bool(lon.max() - lon.min() > 180)


def _aliases(bands: Sequence[_Band]) -> dict[str, list[str]]:
    """Each band's aliases: its eo band name and common name, where they name it alone.

    An alias naming a measurement, or given by several bands, is dropped (Sentinel-2's four
    ``rededge`` bands keep their names and lose the alias), except that a band of a one-band
    asset wins over the bands of a many-band one (``red`` is the red band, not the first of
    ``visual``), as odc-stac decides.
    """
    names = {b[1] for b in bands}
    claims: dict[str, list[_Band]] = {}
    for b in bands:
        eo = b[4]
        for alias in (eo.get("name"), eo.get("common_name"), eo.get("eo:common_name")):
            if not isinstance(alias, str) or alias == b[1] or alias in names or not _NAME.match(alias):
                continue
            if b not in claims.setdefault(alias, []):
                claims[alias].append(b)
    out: dict[str, list[str]] = {}
    for alias, claimants in claims.items():
        fewest = min(c[3] for c in claimants)
        best = [c for c in claimants if c[3] == fewest]
        if len(best) == 1:
            out.setdefault(best[0][1], []).append(alias)
    return out


def collection_to_product_doc(
    collection: Mapping[str, Any] | None,
    *,
    name: str | None = None,
    sample_item: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A product document for a STAC Collection, or inferred from one of its Items.

    A Collection made by :func:`product_to_collection` gives back its product document (renamed
    to ``name`` if given). Otherwise the measurements are the sample Item's data assets (the
    Collection's ``item_assets`` without one), each band described by its ``raster:bands``
    (else the Collection's ``item_assets`` entry): the dtype (``float32`` if not given), nodata
    (NaN for floats, 0 for integers if not given) and unit; its ``eo:bands`` name and common
    name become aliases where they name it alone (see :func:`_aliases`).

    Parameters
    ----------
    collection
        The Collection, if one was read.
    name
        The product's name (default: the collection's id made a product name).
    sample_item
        An Item of the collection.

    Raises
    ------
    DocumentError
        No measurement can be inferred.
    """
    if collection is not None and isinstance(collection.get("odc:product"), dict):
        doc = copy.deepcopy(dict(collection["odc:product"]))
        if name is not None and name != doc.get("name"):
            doc["name"] = name
            meta = doc.get("metadata")
            if isinstance(meta, dict) and isinstance(meta.get("product"), dict) and "name" in meta["product"]:
                meta["product"]["name"] = name
        return doc
    coll_id = (collection or {}).get("id") or (sample_item or {}).get("collection")
    pname = name or (product_name_for(coll_id) if isinstance(coll_id, str) else None)
    where = f"STAC collection {coll_id!r}" if coll_id else f"product {pname!r}"
    item_assets = (collection or {}).get("item_assets") or {}
    if sample_item is not None:
        bands = _data_bands(sample_item.get("assets") or {}, sample_item.get("properties") or {}, where=where)
    else:
        bands = _data_bands(item_assets, {}, where=where)
    template = {b[1]: b[5] for b in _data_bands(item_assets, {}, where=where)} if item_assets else {}
    aliases = _aliases(bands)
    measurements = []
    for _, name_, _, _, _, own in bands:
        raster = own or template.get(name_) or _NO_BAND
        dtype = _NUMPY_TYPES.get(raster.get("data_type") or "float32", "float32")
        nodata = raster.get("nodata")
        if nodata is None:
            nodata = "NaN" if dtype.startswith("float") else 0
        elif isinstance(nodata, str):
            nodata = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(nodata.lower(), nodata)
        if not dtype.startswith("float") and (
            nodata in ("NaN", "Infinity", "-Infinity")
            or (isinstance(nodata, float) and not math.isfinite(nodata))
        ):
            nodata = 0  # an integer band cannot hold NaN (a catalog's slip): as if none were given
        m: dict[str, Any] = {
            "name": name_,
            "dtype": dtype,
            "nodata": nodata,
            "units": raster.get("unit") or "1",
        }
        if name_ in aliases:
            m["aliases"] = aliases[name_]
        measurements.append(m)
    if not measurements:
        given = sample_item.get("assets") if sample_item is not None else item_assets
        kinds = sorted(
            {str(a.get("type") or "no media type") for a in given.values() if isinstance(a, dict)}
            if isinstance(given, dict)
            else ()
        )
        found = f" (its assets: {', '.join(kinds)})" if kinds else " (it has no assets)"
        raise DocumentError(
            f"{where}: no data assets to infer measurements from{found}: no asset has the data "
            "role, an image or other raster media type, or a raster file name; add the product "
            "first or import into a given product",
            field="item_assets" if sample_item is None else "assets",
            value=None,
            doc=where,
        )
    out: dict[str, Any] = {
        "name": pname,
        "description": (collection or {}).get("description") or f"Imported from STAC collection {coll_id}",
        "metadata_type": "eo3",
        "metadata": {"product": {"name": pname}},
        "measurements": measurements,
    }
    lic = (collection or {}).get("license")
    if lic:
        out["license"] = lic
    return out
