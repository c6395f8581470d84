"""Check STAC objects against the STAC 1.1 JSON schemas, offline.

The core schemas (Catalog, Collection, Item, and the GeoJSON ones they use) ship with pystac;
they are read from the installed package, never fetched. The eo, projection and raster
extension schemas are not shipped, and this machine may have no network: their fields are
checked here against the rules the extensions state (types, lengths, allowed values), and
``fetch_extension_schemas=True`` also validates against the published schemas, which needs
the network.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any

from terracube.errors import DependencyError, DocumentError
from terracube.stac._mapping import COMMON_NAMES, EXTENSION_FIELDS, EXTENSION_URIS

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["require_pystac", "stac_problems", "validate_stac"]

_KINDS = {"Feature": "item", "Collection": "collection", "Catalog": "catalog"}
_RASTER_DATA_TYPES = frozenset(
    {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}
    | {"float16", "float32", "float64", "cint16", "cint32", "cfloat32", "cfloat64", "other"}
)


def require_pystac() -> None:
    """Check that pystac, which holds the STAC schemas, is installed.

    Raises
    ------
    DependencyError
        It is not, naming the extra that installs it.
    """
    try:
        import pystac.validation.local_validator  # noqa: F401
    except ImportError:
        raise DependencyError(
            "checking STAC needs pystac, which is not installed; install it with: "
            "pip install 'terracube[stac]'"
        ) from None


@functools.cache
def _core_validator(kind: str) -> Any:
    """A jsonschema validator for one core STAC schema, built from pystac's local copies."""
    import jsonschema
    from pystac.validation.local_validator import VERSION, get_local_schema_cache
    from referencing import Registry, Resource

    cache = get_local_schema_cache()
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(schema)) for uri, schema in cache.items()
    )
    uri = f"https://schemas.stacspec.org/v{VERSION}/{kind}-spec/json-schema/{kind}.json"
    schema = cache[uri]
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry)


def _short(error: Any) -> str:
    """A schema error's message without the whole failing value in it."""
    if error.validator in ("oneOf", "anyOf", "allOf") and error.context:
        from jsonschema.exceptions import best_match

        best = best_match(error.context)
        where = ".".join(map(str, best.path))
        return f"matches none of the allowed forms ({where + ': ' if where else ''}{_short(best)})"
    msg: str = error.message
    return msg if len(msg) <= 200 else msg[:197] + "..."


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _extension_problems(obj: Mapping[str, Any]) -> Iterator[str]:
    """Problems with the eo, projection and raster fields of an Item or Collection."""
    exts = set(obj.get("stac_extensions") or [])
    places: list[tuple[str, Mapping[str, Any]]] = []
    if obj.get("type") == "Feature":
        places.append(("properties", obj.get("properties") or {}))
        places.extend((f"assets.{k}", a) for k, a in (obj.get("assets") or {}).items())
    else:
        places.extend((f"item_assets.{k}", a) for k, a in (obj.get("item_assets") or {}).items())
    used = {k.split(":", 1)[0] for _, d in places for k in d if ":" in k}
    for prefix, uri in EXTENSION_URIS.items():
        if prefix in used and uri not in exts:
            yield f"{prefix}: fields are used but stac_extensions does not list {uri}"
    for where, d in places:
        for k in d:
            ext = k.split(":", 1)[0]
            if ext != k and ext in EXTENSION_FIELDS and k not in EXTENSION_FIELDS[ext]:
                yield f"{where}.{k}: the {ext} extension defines no such field"
        for n, b in enumerate(d.get("eo:bands") or []):
            if not isinstance(b, dict):
                yield f"{where}.eo:bands[{n}]: not an object"
                continue
            if "name" in b and not isinstance(b["name"], str):
                yield f"{where}.eo:bands[{n}].name: not a string"
            if "common_name" in b and b["common_name"] not in COMMON_NAMES:
                yield f"{where}.eo:bands[{n}].common_name: {b['common_name']!r} is not a common band name"
        for k in ("eo:cloud_cover", "eo:snow_cover"):
            if k in d and not (_number(d[k]) and 0 <= d[k] <= 100):
                yield f"{where}.{k}: {d[k]!r} is not a percentage"
        if "proj:code" in d and d["proj:code"] is not None and not isinstance(d["proj:code"], str):
            yield f"{where}.proj:code: {d['proj:code']!r} is not a string such as 'EPSG:32655'"
        if "proj:wkt2" in d and d["proj:wkt2"] is not None and not isinstance(d["proj:wkt2"], str):
            yield f"{where}.proj:wkt2: not a string"
        shape = d.get("proj:shape")
        if shape is not None and not (
            isinstance(shape, list) and len(shape) == 2 and all(isinstance(v, int) and v >= 0 for v in shape)
        ):
            yield f"{where}.proj:shape: {shape!r} is not two non-negative integers"
        tr = d.get("proj:transform")
        if tr is not None and not (isinstance(tr, list) and len(tr) in (6, 9) and all(map(_number, tr))):
            yield f"{where}.proj:transform: {tr!r} is not 6 or 9 numbers"
        geom = d.get("proj:geometry")
        if geom is not None and not (isinstance(geom, dict) and isinstance(geom.get("coordinates"), list)):
            yield f"{where}.proj:geometry: not a GeoJSON geometry"
        for n, b in enumerate(d.get("raster:bands") or []):
            if not isinstance(b, dict):
                yield f"{where}.raster:bands[{n}]: not an object"
                continue
            nd = b.get("nodata")
            if nd is not None and not (_number(nd) or nd in ("nan", "inf", "-inf")):
                yield f"{where}.raster:bands[{n}].nodata: {nd!r} is not a number, 'nan', 'inf' or '-inf'"
            if "data_type" in b and b["data_type"] not in _RASTER_DATA_TYPES:
                yield f"{where}.raster:bands[{n}].data_type: {b['data_type']!r} is not a raster data type"
            if "unit" in b and not isinstance(b["unit"], str):
                yield f"{where}.raster:bands[{n}].unit: not a string"


def stac_problems(obj: Mapping[str, Any], *, fetch_extension_schemas: bool = False) -> list[str]:
    """Every problem found with a STAC Catalog, Collection or Item (empty: valid).

    Parameters
    ----------
    obj
        The object as parsed JSON.
    fetch_extension_schemas
        Also validate against the extensions' published JSON schemas, fetched over the
        network by pystac.

    Raises
    ------
    DependencyError
        pystac is not installed (the ``stac`` extra).
    """
    require_pystac()
    kind = _KINDS.get(obj.get("type"))  # type: ignore[arg-type]
    if kind is None:
        return [f"type: {obj.get('type')!r} is not Feature, Collection or Catalog"]
    errors = sorted(_core_validator(kind).iter_errors(obj), key=lambda e: list(e.path))
    out = [f"{'.'.join(map(str, e.path)) or '(object)'}: {_short(e)}" for e in errors]
    if kind != "catalog":
        out.extend(_extension_problems(obj))
    if fetch_extension_schemas:
        import pystac
        import pystac.validation

        validator = pystac.validation.JsonSchemaSTACValidator()
        otype = {
            "item": pystac.STACObjectType.ITEM,
            "collection": pystac.STACObjectType.COLLECTION,
            "catalog": pystac.STACObjectType.CATALOG,
        }[kind]
        for ext in obj.get("stac_extensions") or []:
            try:
                validator.validate_extension(dict(obj), otype, str(obj.get("stac_version")), ext)
            except pystac.STACValidationError as e:
                out.append(f"{ext}: {e}")
    return out


def validate_stac(obj: Mapping[str, Any], *, where: str = "", fetch_extension_schemas: bool = False) -> None:
    """Check a STAC object; see :func:`stac_problems`.

    Raises
    ------
    DocumentError
        Listing the problems, naming the object (``where``, else its id).
    """
    problems = stac_problems(obj, fetch_extension_schemas=fetch_extension_schemas)
    if problems:
        name = where or f"STAC {obj.get('type')} {obj.get('id')!r}"
        raise DocumentError(
            f"{name} is not valid STAC 1.1: " + "; ".join(problems[:10]),
            field=problems[0].split(":", 1)[0],
            value=None,
            doc=name,
        )
