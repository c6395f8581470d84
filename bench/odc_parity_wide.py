"""Parity with ODC on document sets like real users': several metadata types and products.

``odc_parity.py`` checks one eo3 product on awkward footprints and times. This script widens
that to what users' indexes hold: metadata types of their own (an ``eo3_landsat_ard`` and an
``eo3_sentinel_ard`` written here, with extra string, integer, double, datetime and ``*-range``
search fields, some indexed and some not), several products of each type and of plain eo3,
footprints in UTM, Albers, polar stereographic and lon/lat (the antimeridian, the poles),
datasets with grids only, times before 1970 and in the future, and archived datasets.

Queries go across products (no ``product``) and within them: by metadata-type fields (single
values and lists), numeric and datetime ranges open and closed, ``*-range`` fields, time as
strings of every period length (alone and as a range's end), datetimes, tz-aware strings,
lat/lon points and boxes, x/y with a projected crs, geopolygons in UTM, polar and lon/lat, and
``metadata_type``. For each query both of ODC's answers are recorded -- through
``datacube.api.query.Query`` (what ``Datacube.find_datasets`` does: periods, x/y+crs) and
straight through ``index.datasets.search`` -- with ``count`` and ``count_by_product``. Product
searches (``products.search``, ``search_by_metadata``), ``datasets.search_by_metadata``, the
derived ``lat``/``lon``/``time`` values, and temporal/spatial extents are compared too.

Usage::

    /tmp/odc-venv/bin/python bench/odc_parity_wide.py odc > /tmp/odc-wide.json
    PYTHONPATH=src python bench/odc_parity_wide.py terracube /tmp/odc-wide.json

ODC 1.9.22 with SQLAlchemy 2.0 or 2.1 gives the same answers (``pip install 'datacube[postgres]'
geoalchemy2 psycopg``). Each dataset's lon/lat footprint is compared with the one in ODC's
EPSG:4326 spatial index first; a spatial answer that differs only by datasets whose footprints
differ is put down to those footprints, judged once.

The second command prints, per terracube driver, every answer that differs from ODC's, the
answers ODC refused (errors: e.g. a range on an unindexed numeric field), then the differences
that are known ODC bugs, each with the reason (``KNOWN_ODC_BUGS`` and the checks in
``_compare``), and exits non-zero if any other answer differs.

Known ODC bugs met on the way, which shape the documents: a dataset lacking a value for any
``*-range`` field cannot be added, nor one whose time field mixes naive and tz-aware times.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import random
import sys
import uuid
from typing import Any

SERVER = "postgresql://postgres@127.0.0.1:5432"
ODC_DB = "tc_odc_parity_wide"
NS = uuid.UUID("6a0e3c52-8f0f-4d53-9f1c-1b2f1d7c2e42")
UTC = dt.UTC

# --- metadata types ----------------------------------------------------------------------------

_EO3_FIELDS: dict[str, Any] = {
    "platform": {"description": "Platform code", "offset": ["properties", "eo:platform"], "indexed": False},
    "instrument": {"description": "Instrument", "offset": ["properties", "eo:instrument"], "indexed": False},
    "product_family": {"offset": ["properties", "odc:product_family"], "indexed": False},
    "region_code": {"description": "Path/row or MGRS tile", "offset": ["properties", "odc:region_code"]},
    "dataset_maturity": {"offset": ["properties", "dea:dataset_maturity"], "indexed": False},
    "cloud_cover": {"type": "double", "offset": ["properties", "eo:cloud_cover"], "indexed": False},
    "time": {
        "type": "datetime-range",
        "min_offset": [["properties", "dtr:start_datetime"], ["properties", "datetime"]],
        "max_offset": [["properties", "dtr:end_datetime"], ["properties", "datetime"]],
    },
    "lon": {
        "type": "double-range",
        "min_offset": [["extent", "lon", "begin"]],
        "max_offset": [["extent", "lon", "end"]],
    },
    "lat": {
        "type": "double-range",
        "min_offset": [["extent", "lat", "begin"]],
        "max_offset": [["extent", "lat", "end"]],
    },
}

_SECTIONS = {
    "id": ["id"],
    "sources": ["lineage", "source_datasets"],
    "grid_spatial": ["grid_spatial", "projection"],
    "measurements": ["measurements"],
    "creation_dt": ["properties", "odc:processing_datetime"],
    "label": ["label"],
    "format": ["properties", "odc:file_format"],
}


def _metadata_type(name: str, description: str, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "description": description,
        "dataset": {**copy.deepcopy(_SECTIONS), "search_fields": {**copy.deepcopy(_EO3_FIELDS), **extra}},
    }


LANDSAT_ARD = _metadata_type(
    "eo3_landsat_ard",
    "eo3 for Landsat analysis-ready data, with quality and scene fields",
    {
        "creation_time": {
            "type": "datetime",
            "offset": ["properties", "odc:processing_datetime"],
            "indexed": False,
        },
        "fmask_clear": {"type": "double", "offset": ["properties", "fmask:clear"], "indexed": False},
        "fmask_snow": {"type": "double", "offset": ["properties", "fmask:snow"]},
        "gqa_cep90": {"type": "double", "offset": ["properties", "gqa:cep90"], "indexed": False},
        "sun_elevation": {"type": "double", "offset": ["properties", "eo:sun_elevation"]},
        "landsat_scene_id": {"offset": ["properties", "landsat:landsat_scene_id"]},
        "wrs_path": {"type": "integer", "offset": ["properties", "landsat:wrs_path"]},
        "wrs_row": {"type": "integer", "offset": ["properties", "landsat:wrs_row"], "indexed": False},
        "wrs_rows": {
            "type": "integer-range",
            "min_offset": [["properties", "landsat:wrs_row"]],
            "max_offset": [["properties", "landsat:wrs_row_end"], ["properties", "landsat:wrs_row"]],
        },
        "gsd_range": {
            "type": "double-range",
            "min_offset": [["properties", "eo:gsd"]],
            "max_offset": [["properties", "landsat:thermal_gsd"], ["properties", "eo:gsd"]],
        },
    },
)

SENTINEL_ARD = _metadata_type(
    "eo3_sentinel_ard",
    "eo3 for Sentinel-2 analysis-ready data, with tile, orbit and datatake fields",
    {
        "creation_time": {"type": "datetime", "offset": ["properties", "odc:processing_datetime"]},
        "sentinel_tile_id": {"offset": ["properties", "sentinel:sentinel_tile_id"], "indexed": False},
        "s2cloudless_clear": {"type": "double", "offset": ["properties", "s2cloudless:clear"]},
        "relative_orbit": {"type": "integer", "offset": ["properties", "sat:relative_orbit"]},
        "orbit_state": {"offset": ["properties", "sat:orbit_state"]},
        "sun_azimuth": {"type": "double", "offset": ["properties", "eo:sun_azimuth"], "indexed": False},
        "datatake": {
            "type": "datetime-range",
            "min_offset": [["properties", "sentinel:datatake_start_datetime"]],
            "max_offset": [
                ["properties", "sentinel:datatake_end_datetime"],
                ["properties", "sentinel:datatake_start_datetime"],
            ],
            "indexed": False,
        },
    },
)

METADATA_TYPES = [LANDSAT_ARD, SENTINEL_ARD]


def _product(
    name: str, mtype: str, props: dict[str, Any], bands: tuple[str, ...] = ("red", "nir")
) -> dict[str, Any]:
    md: dict[str, Any] = {"product": {"name": name}}
    if props:
        md["properties"] = props
    return {
        "name": name,
        "description": f"{name} (parity check)",
        "metadata_type": mtype,
        "license": "CC-BY-4.0",
        "metadata": md,
        "measurements": [{"name": b, "dtype": "int16", "nodata": -999, "units": "1"} for b in bands],
    }


PRODUCTS = [
    _product("ga_ls8c_ard_3", "eo3_landsat_ard", {"eo:platform": "landsat-8", "odc:product_family": "ard"}),
    _product("ga_ls9c_ard_3", "eo3_landsat_ard", {"eo:platform": "landsat-9", "odc:product_family": "ard"}),
    _product(
        "ga_s2am_ard_3", "eo3_sentinel_ard", {"eo:platform": "sentinel-2a", "odc:product_family": "ard"}
    ),
    _product(
        "ga_s2bm_ard_3", "eo3_sentinel_ard", {"eo:platform": "sentinel-2b", "odc:product_family": "ard"}
    ),
    _product("ga_ls_wo_3", "eo3", {"odc:product_family": "wo"}, ("water",)),
    _product("polar_mosaic", "eo3", {}, ("red",)),
    _product("global_ll", "eo3", {"odc:product_family": "ll"}, ("red",)),
    _product("historic", "eo3", {}, ("red",)),
]


# --- documents ---------------------------------------------------------------------------------

_BANDS = {p["name"]: [m["name"] for m in p["measurements"]] for p in PRODUCTS}


def _utm_epsg(lon: float, lat: float) -> int:
    return (32600 if lat >= 0 else 32700) + int((lon + 180) // 6) % 60 + 1


_TRANSFORMERS: dict[tuple[int, int], Any] = {}


def _tr(src: int, dst: int) -> Any:
    from pyproj import Transformer

    key = (src, dst)
    if key not in _TRANSFORMERS:
        _TRANSFORMERS[key] = Transformer.from_crs(src, dst, always_xy=True)
    return _TRANSFORMERS[key]


def _rotated_rect(cx: float, cy: float, hw: float, hh: float, angle: float) -> list[list[float]]:
    c, s = math.cos(angle), math.sin(angle)
    pts = [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]
    ring = [[round(cx + x * c - y * s, 3), round(cy + x * s + y * c, 3)] for x, y in pts]
    return [*ring, ring[0]]


def _bounds(ring: list[list[float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _grid(x0: float, y0: float, x1: float, y1: float, res: float) -> dict[str, Any]:
    nx = max(1, math.ceil((x1 - x0) / res))
    ny = max(1, math.ceil((y1 - y0) / res))
    return {"shape": [ny, nx], "transform": [res, 0.0, x0, 0.0, -res, y1, 0.0, 0.0, 1.0]}


def _maybe_reverse(ring: list[list[float]], rng: random.Random) -> list[list[float]]:
    return ring[::-1] if rng.random() < 0.5 else ring


# Time spellings: UTC with Z, local offsets (another UTC day), fractions of a second, none (UTC).
_TZ = ["Z", "Z", "+10:00", "-05:30", ".500Z", ".250000Z", "", "+00:00"]


def _time(rng: random.Random, years: tuple[int, ...] = (2019, 2020, 2021)) -> tuple[str, dt.datetime]:
    year = rng.choice(years)
    month = rng.randint(1, 12)
    day = rng.choice([1, 1, 15, 28, 31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 28])
    hh, mm, ss = rng.choice([(0, 0, 0), (23, 59, 59), (12, 30, 15), (23, 59, 59), (0, 0, 0), (10, 5, 0)])
    tz = rng.choice(_TZ)
    text = f"{year}-{month:02d}-{day:02d}T{hh:02d}:{mm:02d}:{ss:02d}{tz}"
    return text, _parse(text)


def _parse(text: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)


def _iso(t: dt.datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def _like(text: str, t: dt.datetime) -> str:
    """``t`` (UTC) spelled naive when ``text`` is naive, else with Z."""
    naive = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).tzinfo is None
    return t.replace(tzinfo=None).isoformat() if naive else _iso(t)


def _base_props(rng: random.Random, t_text: str, t: dt.datetime, platform: str | None) -> dict[str, Any]:
    props: dict[str, Any] = {"datetime": t_text, "odc:file_format": "GeoTIFF"}
    if platform:
        props["eo:platform"] = platform
    if rng.random() < 0.25:
        days = rng.choice([0, 1, 10, 40])
        end = t + dt.timedelta(days=days, seconds=rng.choice([0, 1, 86399]))
        props["dtr:start_datetime"] = t_text
        # Spelled as the start is: ODC cannot compare a naive time with an aware one.
        props["dtr:end_datetime"] = _like(t_text, end)
    props["odc:processing_datetime"] = _iso(
        t + dt.timedelta(days=rng.choice([1, 20, 400]), hours=rng.randint(0, 23))
    )
    props["eo:cloud_cover"] = rng.choice([0.0, 10.0, 10.0, 25.5, 50.0, 50.0, 50.000001, 9.999, 80.0, 100])
    props["dea:dataset_maturity"] = rng.choice(["final", "final", "interim", "nrt"])
    return props


def _doc(
    i: int, product: str, crs: str, props: dict[str, Any], *, geometry: Any, grids: dict[str, Any]
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "$schema": "https://schemas.opendatacube.org/dataset",
        "id": str(uuid.uuid5(NS, f"{product}/{i}")),
        "label": f"{product}_{i}",
        "product": {"name": product},
        "crs": crs,
        "grids": grids,
        "properties": props,
        "measurements": {b: {"path": f"{b}_{i}.tif"} for b in _BANDS[product]},
        "lineage": {},
    }
    if geometry is not None:
        doc["geometry"] = geometry
    return doc


def _landsat(rng: random.Random, i: int, product: str, platform: str) -> dict[str, Any]:
    lon, lat = rng.uniform(138.0, 153.0), rng.uniform(-39.0, -28.0)
    epsg = _utm_epsg(lon, lat)
    cx, cy = _tr(4326, epsg).transform(lon, lat)
    ring = _maybe_reverse(
        _rotated_rect(
            cx, cy, rng.uniform(40e3, 95e3), rng.uniform(40e3, 90e3), math.radians(rng.uniform(-14, -10))
        ),
        rng,
    )
    x0, y0, x1, y1 = _bounds(ring)
    t_text, t = _time(rng)
    props = _base_props(rng, t_text, t, platform)
    path, row = rng.randint(88, 95), rng.randint(80, 86)
    props.update(
        {
            "eo:instrument": "OLI_TIRS" if platform == "landsat-8" else "OLI_TIRS2",
            "odc:product_family": "ard",
            "odc:region_code": f"{path:03d}{row:03d}",
            "landsat:wrs_path": path,
            "landsat:wrs_row": row,
            "landsat:landsat_scene_id": f"LC{platform[-1]}{path:03d}{row:03d}{t.year}{t.timetuple().tm_yday:03d}LGN0{i % 3}",
            "eo:sun_elevation": rng.choice([30.0, 45.5, 60.0, 60.000001, 29.99, 75.25]),
            "fmask:clear": rng.choice([0.0, 12.5, 50.0, 99.9, 100.0]),
            "gqa:cep90": rng.choice([0.25, 0.5, 1.0, 1.5]),
            "eo:gsd": 15.0 if rng.random() < 0.5 else 30.0,
        }
    )
    if rng.random() < 0.5:
        props["fmask:snow"] = rng.choice([0.0, 1.0, 5.5, 20.0])
    if rng.random() < 0.3:
        props["landsat:wrs_row_end"] = row + rng.choice([1, 2])
    if rng.random() < 0.4:
        props["landsat:thermal_gsd"] = 100.0
    if rng.random() < 0.1:
        del props["dea:dataset_maturity"]
    geometry = {"type": "Polygon", "coordinates": [ring]}
    grids = {
        "default": _grid(x0, y0, x1, y1, 30.0),
        "panchromatic": _grid(x0 - 7.5, y0 - 7.5, x1 + 7.5, y1 + 7.5, 15.0),
    }
    return _doc(i, product, f"EPSG:{epsg}", props, geometry=geometry, grids=grids)


_MGRS_BANDS = "HJK"


def _sentinel(rng: random.Random, i: int, product: str, platform: str) -> dict[str, Any]:
    zone = rng.choice([54, 55, 56])
    epsg = 32700 + zone
    x0 = 100000 * rng.randint(2, 7) + rng.choice([0, 9780])
    y0 = 100000 * rng.randint(56, 66)
    x1, y1 = x0 + 109800, y0 + 109800
    full = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    kind = rng.random()
    if kind < 0.5:
        ring = full
    elif kind < 0.8:
        # The edge of a swath cuts the tile: a quadrilateral.
        cut = rng.uniform(0.2, 0.8) * 109800
        ring = [[x0 + cut, y0], [x1, y0], [x1, y1], [x0 + cut * 0.6, y1], [x0 + cut, y0]]
    else:
        # Only a corner of the tile holds data: a triangle.
        ring = [[x1, y0], [x1, y1], [x0 + 20000, y1], [x1, y0]]
    ring = _maybe_reverse(ring, rng)
    t_text, t = _time(rng, (2020, 2021))
    props = _base_props(rng, t_text, t, platform)
    band = _MGRS_BANDS[rng.randint(0, 2)]
    props.update(
        {
            "eo:instrument": "MSI",
            "odc:product_family": "ard",
            "odc:region_code": f"{zone}{band}{rng.choice(['BU', 'CV', 'FA', 'GB'])}",
            "sentinel:sentinel_tile_id": f"S2{platform[-1].upper()}_OPER_MSI_L1C_TL_{t.year}{i:06d}",
            "s2cloudless:clear": rng.choice([0.0, 33.3, 50.0, 100.0]),
            "sat:relative_orbit": rng.choice([2, 16, 45, 59, 102, 145]),
            "sat:orbit_state": rng.choice(["descending", "descending", "ascending"]),
            "eo:sun_azimuth": rng.choice([20.5, 45.0, 60.25]),
        }
    )
    # Always given: ODC's postgis index cannot add a dataset lacking a value for a range field.
    start = t - dt.timedelta(minutes=rng.choice([0, 5, 30]))
    props["sentinel:datatake_start_datetime"] = _iso(start)
    if rng.random() < 0.6:
        props["sentinel:datatake_end_datetime"] = _iso(start + dt.timedelta(hours=rng.choice([0, 1, 30])))
    geometry = {"type": "Polygon", "coordinates": [ring]}
    grids = {
        "default": _grid(x0, y0, x1, y1, 10.0),
        "a": _grid(x0, y0, x1, y1, 20.0),
        "b": _grid(x0, y0, x1, y1, 60.0),
    }
    return _doc(i, product, f"EPSG:{epsg}", props, geometry=geometry, grids=grids)


def _wofs(rng: random.Random, i: int) -> dict[str, Any]:
    """Albers tiles with grids only (no geometry); some with a second, wider grid."""
    tx, ty = rng.randint(12, 21), rng.randint(-44, -34)
    x0, y0 = tx * 96000 + rng.choice([0, 0, 15]), ty * 96000
    x1, y1 = x0 + 96000, y0 + 96000
    t_text, t = _time(rng)
    props = _base_props(rng, t_text, t, None)
    props["odc:product_family"] = "wo"
    props["odc:region_code"] = f"x{tx:02d}y{ty:03d}"
    grids = {"default": _grid(x0, y0, x1, y1, 30.0)}
    if rng.random() < 0.4:
        # A coarser grid reaching 3 km further east and south than the default grid.
        grids["coarse"] = _grid(x0, y0 - 3000, x1 + 3000, y1, 120.0)
    crs = rng.choice(["EPSG:3577", "EPSG:3577", "epsg:3577"])
    return _doc(i, "ga_ls_wo_3", crs, props, geometry=None, grids=grids)


def _polar(rng: random.Random, i: int) -> dict[str, Any]:
    kind = rng.random()
    if kind < 0.2:
        # Around the south pole.
        epsg, cx, cy = 3031, rng.uniform(-50e3, 50e3), rng.uniform(-50e3, 50e3)
    elif kind < 0.6:
        epsg, cx, cy = 3031, rng.uniform(-2.5e6, 2.5e6), rng.uniform(-2.5e6, 2.5e6)
    elif kind < 0.75:
        # Around the north pole.
        epsg, cx, cy = 3413, rng.uniform(-50e3, 50e3), rng.uniform(-50e3, 50e3)
    else:
        epsg, cx, cy = 3413, rng.uniform(-2.5e6, 2.5e6), rng.uniform(-2.5e6, 2.5e6)
    hw, hh = rng.uniform(100e3, 400e3), rng.uniform(100e3, 400e3)
    ring = _maybe_reverse(_rotated_rect(cx, cy, hw, hh, math.radians(rng.uniform(0, 40))), rng)
    x0, y0, x1, y1 = _bounds(ring)
    t_text, t = _time(rng)
    props = _base_props(rng, t_text, t, rng.choice(["landsat-8", "sentinel-2a", None]))
    return _doc(
        i,
        "polar_mosaic",
        f"EPSG:{epsg}",
        props,
        geometry={"type": "Polygon", "coordinates": [ring]},
        grids={"default": _grid(x0, y0, x1, y1, 1000.0)},
    )


def _global_ll(rng: random.Random, i: int) -> dict[str, Any]:
    kind = rng.random()
    t_text, t = _time(rng)
    props = _base_props(rng, t_text, t, rng.choice(["landsat-9", "sentinel-2b", None]))
    props["odc:product_family"] = "ll"
    if kind < 0.25:
        # Written past 180 in lon/lat.
        w, s = rng.uniform(178.5, 179.8), rng.uniform(-25.0, -5.0)
        ring = [[w, s], [w + rng.uniform(0.5, 2.0), s], [w + 1.0, s + 1.0], [w, s + 1.0], [w, s]]
        crs = "EPSG:4326"
    elif kind < 0.45:
        # Across the antimeridian in a UTM zone at its edge (zone 60 / zone 1).
        lon, lat = (
            rng.choice([rng.uniform(178.6, 179.7), rng.uniform(-179.7, -178.6)]),
            rng.uniform(-25.0, -5.0),
        )
        epsg = 32760 if lon > 0 else 32701
        cx, cy = _tr(4326, epsg).transform(lon, lat)
        ring = _rotated_rect(cx, cy, rng.uniform(60e3, 120e3), rng.uniform(30e3, 60e3), 0.0)
        crs = f"EPSG:{epsg}"
    elif kind < 0.6:
        lon, lat = rng.uniform(-20, 40), rng.uniform(-30, 60)
        cx, cy = _tr(4326, 3857).transform(lon, lat)
        ring = _rotated_rect(
            cx, cy, rng.uniform(20e3, 200e3), rng.uniform(20e3, 200e3), math.radians(rng.uniform(0, 30))
        )
        crs = "EPSG:3857"
    else:
        w, s = rng.uniform(-179.0, 176.0), rng.uniform(-60.0, 60.0)
        size = rng.uniform(0.05, 3.0)
        ring = [
            [round(w, 4), round(s, 4)],
            [round(w + size, 4), round(s, 4)],
            [round(w + size, 4), round(s + size, 4)],
            [round(w, 4), round(s + size, 4)],
            [round(w, 4), round(s, 4)],
        ]
        crs = "EPSG:4326"
    ring = _maybe_reverse(ring, rng)
    x0, y0, x1, y1 = _bounds(ring)
    res = 0.01 if crs == "EPSG:4326" else 100.0
    geometry: Any = {"type": "Polygon", "coordinates": [ring]}
    if i % 9 == 0:
        geometry = {"type": "MultiPolygon", "coordinates": [[ring]]}
    return _doc(i, "global_ll", crs, props, geometry=geometry, grids={"default": _grid(x0, y0, x1, y1, res)})


_HISTORIC_TIMES = [
    "1965-06-01T00:00:00Z",
    "1969-12-31T23:59:59Z",
    "1970-01-01T00:00:00Z",
    "1972-07-23T10:00:00Z",
    "2019-05-05T05:05:05.250Z",
    "2030-01-01T00:00:00Z",
    "2099-12-31T23:59:59Z",
]


def _historic(i: int) -> dict[str, Any]:
    t_text = _HISTORIC_TIMES[i % len(_HISTORIC_TIMES)]
    props = {
        "datetime": t_text,
        "odc:file_format": "GeoTIFF",
        "odc:processing_datetime": "2000-01-01T00:00:00Z",
    }
    ring = [
        [130.0 + i, -25.0],
        [131.0 + i, -25.0],
        [131.0 + i, -24.0],
        [130.0 + i, -24.0],
        [130.0 + i, -25.0],
    ]
    return _doc(
        i,
        "historic",
        "EPSG:4326",
        props,
        geometry={"type": "Polygon", "coordinates": [ring]},
        grids={"default": _grid(130.0 + i, -25.0, 131.0 + i, -24.0, 0.01)},
    )


N_PER_PRODUCT = {
    "ga_ls8c_ard_3": 220,
    "ga_ls9c_ard_3": 120,
    "ga_s2am_ard_3": 160,
    "ga_s2bm_ard_3": 120,
    "ga_ls_wo_3": 150,
    "polar_mosaic": 90,
    "global_ll": 160,
    "historic": len(_HISTORIC_TIMES),
}


def documents() -> list[dict[str, Any]]:
    rng = random.Random(31337)
    out: list[dict[str, Any]] = []
    for name, n in N_PER_PRODUCT.items():
        for i in range(n):
            if name == "ga_ls8c_ard_3":
                out.append(_landsat(rng, i, name, "landsat-8"))
            elif name == "ga_ls9c_ard_3":
                out.append(_landsat(rng, i, name, "landsat-9"))
            elif name == "ga_s2am_ard_3":
                out.append(_sentinel(rng, i, name, "sentinel-2a"))
            elif name == "ga_s2bm_ard_3":
                out.append(_sentinel(rng, i, name, "sentinel-2b"))
            elif name == "ga_ls_wo_3":
                out.append(_wofs(rng, i))
            elif name == "polar_mosaic":
                out.append(_polar(rng, i))
            elif name == "global_ll":
                out.append(_global_ll(rng, i))
            else:
                out.append(_historic(i))
    return out


def archived_ids(docs: list[dict[str, Any]]) -> list[str]:
    """About one dataset in fourteen, from every product; the earliest historic one too."""
    rng = random.Random(99)
    ids = [d["id"] for d in docs if rng.random() < 0.07]
    return sorted({*ids, str(uuid.uuid5(NS, "historic/0"))})


# --- queries -----------------------------------------------------------------------------------
#
# Built by a function of the side's own classes (ODC's or terracube's Range; odc-geo's Geometry),
# so both sides run the same query. Each is (label, keywords, reference) where the reference says
# which of ODC's answers the semantics follow: "find" (through Query, as Datacube.find_datasets)
# or "search" (index.datasets.search as called). A 2-element list is "any of" in the index API
# but a range in Query, so lists use "search"; date strings are periods in Query only, so time
# queries use "find".


def queries(R: Any, G: Any, docs: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any], str]]:
    def utc(*a: int) -> dt.datetime:
        return dt.datetime(*a, tzinfo=UTC)

    aest = dt.timezone(dt.timedelta(hours=10))
    q: list[tuple[str, dict[str, Any], str]] = []

    def add(kw: dict[str, Any], ref: str = "find", label: str | None = None) -> None:
        q.append((label or _label(kw), kw, ref))

    # Across products: metadata-type fields.
    add({}, "search")
    add({"platform": "landsat-8"})
    add({"platform": "sentinel-2b"})
    add({"platform": ["landsat-8", "sentinel-2b"]}, "search")
    add({"platform": ["landsat-9", "sentinel-2a", "landsat-8"]}, "search")
    add({"platform": "nope"})
    add({"instrument": "MSI"})
    add({"instrument": "OLI_TIRS2"})
    add({"product_family": "ard"})
    add({"product_family": "wo"})
    add({"product_family": ["wo", "ll"]}, "search")
    add({"region_code": "090084"})
    add({"region_code": ["55HFA", "090084", "091083"]}, "search")
    add({"dataset_maturity": "final"})
    add({"dataset_maturity": "nrt"})
    add({"dataset_maturity": ["interim", "nrt"]}, "search")
    add({"cloud_cover": 50.0})
    add({"cloud_cover": 50})
    add({"cloud_cover": [10.0, 50.0, 80.0]}, "search")
    add({"cloud_cover": (10, 50)})
    add({"cloud_cover": R(10, 50)}, "search")
    add({"cloud_cover": (None, 10)})
    add({"cloud_cover": (50, None)})
    # Fields of one metadata type only (other products are left out).
    add({"sun_elevation": (30, 60)})
    add({"sun_elevation": R(30, 60)}, "search")
    add({"sun_elevation": R(None, 45.5)}, "search")
    add({"sun_elevation": R(60, None)}, "search")
    add({"sun_elevation": 60.0})
    add({"fmask_snow": R(0, 5.5)}, "search")
    add({"fmask_snow": 0})
    add({"fmask_clear": R(50, 100)}, "search")
    add({"fmask_clear": 100})
    add({"gqa_cep90": [0.25, 1.5]}, "search")
    add({"s2cloudless_clear": R(33.3, 50)}, "search")
    add({"s2cloudless_clear": (None, 33.3)})
    add({"wrs_path": 90})
    add({"wrs_path": [90, 91, 95]}, "search")
    add({"wrs_path": (89, 91)})
    add({"wrs_path": R(93, None)}, "search")
    add({"wrs_row": 84})
    add({"wrs_row": R(80, 82)}, "search")
    add({"wrs_rows": 85})
    add({"wrs_rows": R(86, 90)}, "search")
    add({"wrs_rows": (81, 82)})
    add({"gsd_range": 15.0})
    add({"gsd_range": 50})
    add({"gsd_range": R(31, 99)}, "search")
    add({"gsd_range": R(None, 15)}, "search")
    add({"relative_orbit": 45})
    add({"relative_orbit": (40, 102)})
    add({"orbit_state": "ascending"})
    add({"orbit_state": "ascending", "relative_orbit": [2, 16]}, "search")
    scene = next(d for d in docs if d["product"]["name"] == "ga_ls9c_ard_3")["properties"][
        "landsat:landsat_scene_id"
    ]
    tile = next(d for d in docs if d["product"]["name"] == "ga_s2am_ard_3")["properties"][
        "sentinel:sentinel_tile_id"
    ]
    add({"landsat_scene_id": scene})
    add({"sentinel_tile_id": [tile, "nope"]}, "search")
    add({"creation_time": R(utc(2021, 1, 1), utc(2021, 6, 30, 23, 59, 59))}, "search")
    add({"creation_time": R(utc(2022, 1, 1), None)}, "search")
    add({"creation_time": ("2021-01", "2021-06")})
    add({"creation_time": "2021-03"})
    add({"datatake": R(utc(2020, 3, 1), utc(2020, 3, 31, 23, 59, 59))}, "search")
    add({"datatake": ("2020-03", "2020-04")})
    add({"datatake": "2021-02-15"})
    # metadata_type and product selections.
    add({"metadata_type": "eo3_sentinel_ard"}, "search")
    add(
        {
            "metadata_type": ["eo3", "eo3_landsat_ard"],
            "time": R(utc(2020, 1, 1), utc(2020, 12, 31, 23, 59, 59)),
        },
        "search",
    )
    add({"metadata_type": "eo3_landsat_ard", "platform": "landsat-9"}, "search")
    add({"product": ["ga_ls8c_ard_3", "ga_s2am_ard_3"], "time": "2020-06"})
    add({"product": ("ga_ls9c_ard_3", "ga_ls_wo_3"), "region_code": "091083"}, "search")
    add({"product": "ga_ls8c_ard_3", "platform": "landsat-9"})
    add({"product": "ga_ls8c_ard_3", "platform": "landsat-8", "cloud_cover": 10.0})
    add({"product": "nope"}, "search")
    # Time: every period length, alone and as range ends; datetimes; tz-aware strings.
    for t in [
        "2020",
        "2021-02",
        "2020-02-29",
        "2020-03-01T00",
        "2020-01-01T00:00",
        "2020-06-15T12:30:15",
        "2021-12-31T23:59:59",
        "2020-07-01T00:00:00.5",
        "2020-07-01T00:00:00.500",
    ]:
        add({"time": t})
    for lo, hi in [
        ("2020-01", "2020-03"),
        ("2019-12-31", "2020-01-01"),
        ("2020", "2020"),
        ("2020-12-31T23:59:59", "2021-01-01T00:00:00"),
        ("2019-06-15T12:30:15", "2019-06-15T12:30:15"),
        ("2020-01-01T00", "2020-01-01T10"),
    ]:
        add({"time": (lo, hi)})
    add({"time": [("2020-02"), ("2020-04")]}, "find", "time=['2020-02', '2020-04']")
    add({"time": (None, "2019-06")})
    add({"time": ("2021-11", None)})
    add({"time": (None, "1970")})
    add({"time": ("2025", None)})
    add({"time": (None, "1969-12-31T23:59:59")})
    add({"time": dt.datetime(2020, 1, 1)})
    add({"time": utc(2020, 6, 15, 12, 30, 15)})
    add({"time": utc(2020, 6, 15, 12, 30, 15, 250000)})
    add({"time": (dt.datetime(2020, 3, 1), dt.datetime(2020, 3, 31, 23, 59, 59))})
    add({"time": (utc(2020, 3, 1), utc(2020, 4, 1))})
    add({"time": (dt.datetime(2020, 3, 1, tzinfo=aest), dt.datetime(2020, 4, 1, tzinfo=aest))})
    add({"time": dt.date(2020, 2, 29)})
    add({"time": (dt.date(2020, 2, 1), dt.date(2020, 2, 29))})
    add({"time": "2020-03-01T00:00:00+10:00"})
    add({"time": "2020-03-01T10:00:00+10:00"})
    add({"time": ("2020-02-29T23:00:00-05:30", "2020-03-02T00:00:00+10:00")})
    add({"time": "2020-06-15T12:30:15Z"})
    add({"time": ("2020-06-01T00:00:00Z", "2020-06-30T23:59:59Z")})
    add({"time": "20200315"})
    add({"time": "2020/03/15"})
    add({"time": "2020-Q2"})
    add({"time": R(utc(2020, 3, 1), utc(2020, 3, 31))}, "find")
    add({"time": R(utc(2020, 3, 1), utc(2020, 3, 31, 23, 59, 59, 999999))}, "search")
    # Space: boxes, points, x/y with a crs, geopolygons.
    add({"lat": (-35.5, -34.5), "lon": (148.5, 149.5)})
    add({"lat": (-33.0, -32.9), "lon": (145.0, 145.1)})
    add({"latitude": (-30.0, -29.0), "longitude": (150.0, 151.0)})
    add({"lat": -35.3, "lon": 149.1})
    add({"lat": -31.0, "lon": 147.2})
    add({"lat": (-36.0, -30.0)})
    add({"lon": (150.5, 150.6)})
    add({"lat": (-16.0, -14.0), "lon": (179.5, 180.0)})
    add({"lat": (-16.0, -14.0), "lon": (-180.0, -179.5)})
    add({"lat": (-25.0, -5.0), "lon": (-179.9, -179.0)})
    add({"lat": (-90.0, -88.0)})
    add({"lat": (-89.5, -89.0), "lon": (10.0, 20.0)})
    add({"lat": (88.0, 90.0)})
    add({"lat": -90.0, "lon": 0.0})
    add({"lat": (-75.0, -60.0), "lon": (0.0, 90.0)})
    add({"lat": (60.0, 80.0), "lon": (-60.0, -30.0)})
    add({"x": (1.5e6, 1.7e6), "y": (-4.0e6, -3.8e6), "crs": "EPSG:3577"})
    add({"x": (600000, 700000), "y": (6100000, 6200000), "crs": "EPSG:32755"})
    add({"x": (-100000, 100000), "y": (-100000, 100000), "crs": "EPSG:3031"})
    add({"x": (1.0e6, 1.5e6), "y": (1.0e6, 1.5e6), "crs": "EPSG:3031"})
    add({"x": (-2.0e6, -1.0e6), "y": (-1.0e6, 0), "crs": "EPSG:3413"})
    add({"x": (1.0e6, 3.0e6), "y": (1.0e6, 4.0e6), "crs": "EPSG:3857"})
    add({"x": 1600000, "y": -3900000, "crs": "EPSG:3577"})
    add({"lat": (-35.0, -34.0), "lon": (149.0, 150.0), "crs": "EPSG:4326"})
    add({"x": (149.0, 150.0), "y": (-35.0, -34.0)})
    add(
        {
            "geopolygon": G(
                {
                    "type": "Polygon",
                    "coordinates": [
                        [[600000, 6000000], [700000, 6050000], [650000, 6150000], [600000, 6000000]]
                    ],
                },
                "EPSG:32755",
            )
        }
    )
    add(
        {
            "geopolygon": G(
                {
                    "type": "Polygon",
                    "coordinates": [[[146.0, -36.0], [148.0, -33.0], [150.0, -36.0], [146.0, -36.0]]],
                },
                "EPSG:4326",
            )
        }
    )
    add(
        {
            "geopolygon": G(
                {
                    "type": "Polygon",
                    "coordinates": [[[146.0, -36.0], [150.0, -36.0], [148.0, -33.0], [146.0, -36.0]]],
                },
                "EPSG:4326",
            )
        }
    )
    add(
        {
            "geopolygon": G(
                {
                    "type": "MultiPolygon",
                    "coordinates": [
                        [[[140, -30], [141, -30], [141, -29], [140, -30]]],
                        [[[152, -28], [153, -28], [153, -27], [152, -28]]],
                    ],
                },
                "EPSG:4326",
            )
        }
    )
    add(
        {
            "geopolygon": G(
                {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [-300000, -300000],
                            [300000, -300000],
                            [300000, 300000],
                            [-300000, 300000],
                            [-300000, -300000],
                        ]
                    ],
                },
                "EPSG:3031",
            )
        }
    )
    add(
        {
            "geopolygon": G(
                {
                    "type": "Polygon",
                    "coordinates": [
                        [[1.4e6, -4.0e6], [1.9e6, -4.0e6], [1.9e6, -3.6e6], [1.4e6, -3.6e6], [1.4e6, -4.0e6]]
                    ],
                },
                "EPSG:3577",
            )
        }
    )
    add(
        {
            "geopolygon": G(
                {
                    "type": "Polygon",
                    "coordinates": [
                        [[179.0, -20.0], [179.9, -20.0], [179.9, -15.0], [179.0, -15.0], [179.0, -20.0]]
                    ],
                },
                "EPSG:4326",
            )
        }
    )
    # Combinations.
    add({"time": "2020", "lat": (-36.0, -31.0), "lon": (144.0, 150.0), "platform": "landsat-8"})
    add(
        {
            "product": "ga_s2am_ard_3",
            "time": ("2020-03", "2020-05"),
            "orbit_state": "descending",
            "lat": (-34.0, -30.0),
            "lon": (146.0, 150.0),
        }
    )
    add(
        {
            "product": "ga_ls_wo_3",
            "x": (1.6e6, 1.7e6),
            "y": (-3.9e6, -3.8e6),
            "crs": "EPSG:3577",
            "time": "2021",
        }
    )
    add(
        {
            "dataset_maturity": "final",
            "time": R(utc(2020, 1, 1), utc(2020, 6, 30, 23, 59, 59, 999999)),
            "region_code": ["090084", "091083", "55HFA"],
        },
        "search",
    )
    # Random boxes over eastern Australia and times.
    rng = random.Random(5)
    for _ in range(25):
        lon0, lat0 = rng.uniform(138.0, 153.0), rng.uniform(-39.0, -28.0)
        size = rng.choice([0.02, 0.3, 1.0, 3.0])
        add({"lat": (round(lat0, 4), round(lat0 + size, 4)), "lon": (round(lon0, 4), round(lon0 + size, 4))})
    for _ in range(10):
        y = rng.choice([2019, 2020, 2021])
        m0 = rng.randint(1, 12)
        m1 = min(12, m0 + rng.randint(0, 3))
        add(
            {"time": (f"{y}-{m0:02d}", f"{y}-{m1:02d}"), "platform": rng.choice(["landsat-8", "sentinel-2a"])}
        )
    return q


def _label(kw: dict[str, Any]) -> str:
    def show(v: Any) -> str:
        if type(v).__name__ == "Geometry":
            return f"Geometry({v.geom_type} in {v.crs})"
        if type(v).__name__ == "Range":
            return f"Range({show(v.begin)}, {show(v.end)})"
        if isinstance(v, tuple):
            return "(" + ", ".join(show(x) for x in v) + ")"
        if isinstance(v, list):
            return "[" + ", ".join(show(x) for x in v) + "]"
        if isinstance(v, dt.datetime | dt.date):
            return repr(v).replace("datetime.", "").replace("timezone.utc", "UTC")
        return repr(v)

    return ", ".join(f"{k}={show(v)}" for k, v in kw.items()) or "(everything)"


# Queries for products.search / search_robust, and documents for search_by_metadata.


def product_queries(R: Any) -> list[dict[str, Any]]:
    return [
        {},
        {"platform": "landsat-8"},
        {"platform": ["landsat-8", "sentinel-2b"]},
        {"product_family": "ard"},
        {"product_family": "wo", "platform": "landsat-8"},
        {"product": "ga_ls_wo_3"},
        {"product": ["ga_ls8c_ard_3", "polar_mosaic"]},
        {"metadata_type": "eo3_landsat_ard"},
        {"metadata_type": "eo3"},
        {"time": R(dt.datetime(2020, 1, 1, tzinfo=UTC), dt.datetime(2020, 2, 1, tzinfo=UTC))},
        {"sun_elevation": R(10, 20)},
        {"platform": "landsat-9", "product_family": "ard"},
        {"cloud_cover": 10.0},
    ]


METADATA_SEARCHES = [
    {"properties": {"eo:platform": "landsat-8"}},
    {"properties": {"dea:dataset_maturity": "nrt", "odc:product_family": "ard"}},
    {"properties": {"eo:cloud_cover": 50}},
    {"properties": {"eo:cloud_cover": 50.0}},
    {"properties": {"landsat:wrs_path": 90, "landsat:wrs_row": 84}},
    {"product": {"name": "ga_ls_wo_3"}},
    {"crs": "epsg:3577"},
    {"grids": {"coarse": {"shape": [826, 826]}}},
    {"geometry": {"type": "MultiPolygon"}},
    {"properties": {"sat:orbit_state": "ascending", "sat:relative_orbit": 45}},
    {"label": "historic_0"},
    {"grids": {"default": {"shape": [3200]}}},
    {"grids": {"default": {"shape": []}}, "crs": "epsg:3577"},
    {"properties": {"landsat:wrs_path": True}},
    {"extent": {}},
]

PRODUCT_METADATA_SEARCHES = [
    {"properties": {"eo:platform": "landsat-8"}},
    {"properties": {"odc:product_family": "ard"}},
    {"product": {"name": "polar_mosaic"}},
    {"properties": {"odc:product_family": "wo", "eo:platform": "landsat-8"}},
]

# Differences that are ODC's bugs, by query label: printed with the reason, not counted.
_OPEN_END = (
    "an open time range ends at the end of today and starts at 1970-01-01 "
    "(datetime.fromtimestamp(0)), so future and pre-1970 datasets are left out"
)
_TZ_END = (
    "the end of a tz-aware time is read as if its wall clock time were UTC "
    "(pandas.Period drops the offset), so a +10:00 end runs ten hours late"
)
_POLE_QUERY = "a query region around a pole is projected vertex by vertex and not closed over the pole"
KNOWN_ODC_BUGS: dict[str, str] = {
    "fmask_snow=Range(0, 5.5)": (
        "an indexed numeric field missing from a document is stored as an unbounded range, "
        "so every range search matches the datasets that lack the field"
    ),
    "time=(None, '2019-06')": _OPEN_END,
    "time=('2021-11', None)": _OPEN_END,
    "time=(None, '1970')": _OPEN_END,
    "time=('2025', None)": _OPEN_END,
    "time=(datetime(2020, 3, 1, 0, 0, tzinfo=timezone(timedelta(seconds=36000))), "
    "datetime(2020, 4, 1, 0, 0, tzinfo=timezone(timedelta(seconds=36000))))": _TZ_END,
    "time='2020-03-01T00:00:00+10:00'": _TZ_END,
    "time='2020-03-01T10:00:00+10:00'": _TZ_END,
    "time=('2020-02-29T23:00:00-05:30', '2020-03-02T00:00:00+10:00')": _TZ_END,
    "geopolygon=Geometry(Polygon in EPSG:3031)": _POLE_QUERY,
    "x=(-100000, 100000), y=(-100000, 100000), crs='EPSG:3031'": _POLE_QUERY,
    "temporal historic": "a product's temporal extent counts its archived datasets (its spatial extent does not)",
}
for _archived in (False, True, None):
    KNOWN_ODC_BUGS[f'{{"extent": {{}}}}, archived={_archived}'] = (
        "not a bug but how ODC stores documents: with derived extent and grid_spatial sections added"
    )


# --- ODC's side --------------------------------------------------------------------------------


def _ids(datasets: Any) -> list[str]:
    return sorted(str(d.id) for d in datasets)


def _try(fn: Any) -> dict[str, Any]:
    try:
        return {"ok": fn()}
    except Exception as e:  # a refusal is an answer too
        return {"error": f"{type(e).__name__}: {str(e)[:300]}"}


def _range_json(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, tuple) and not hasattr(v, "begin"):
        lo, hi = v
    else:
        lo = getattr(v, "lower", getattr(v, "begin", None))
        hi = getattr(v, "upper", getattr(v, "end", None))
    conv = [
        x.astimezone(UTC).isoformat() if isinstance(x, dt.datetime) else (None if x is None else float(x))
        for x in (lo, hi)
    ]
    return conv


def run_odc() -> dict[str, Any]:
    import os
    import warnings

    import psycopg2

    warnings.simplefilter("ignore")
    conn = psycopg2.connect(f"{SERVER}/postgres")
    conn.autocommit = True
    with conn.cursor() as c:
        c.execute(f'DROP DATABASE IF EXISTS "{ODC_DB}"')
        c.execute(f'CREATE DATABASE "{ODC_DB}"')
    conn.close()
    os.environ["ODC_DEFAULT_DB_URL"] = f"{SERVER}/{ODC_DB}".replace("postgresql://", "postgresql+psycopg2://")
    os.environ["ODC_DEFAULT_INDEX_DRIVER"] = "postgis"
    from datacube.api.query import Query
    from datacube.index import index_connect
    from datacube.index.hl import Doc2Dataset
    from datacube.model import Range
    from odc.geo.geom import Geometry

    index = index_connect(application_name="parity-wide", validate_connection=False)
    index.init_db(with_permissions=False)
    for mt in METADATA_TYPES:
        index.metadata_types.add(index.metadata_types.from_doc(mt))
    for p in PRODUCTS:
        index.products.add_document(p)
    resolver = Doc2Dataset(index, verify_lineage=False, skip_lineage=True)
    docs = documents()
    for doc in docs:
        ds, err = resolver(copy.deepcopy(doc), f"file:///parity/{doc['product']['name']}/{doc['id']}.yaml")
        if err:
            raise SystemExit(f"ODC refused {doc['id']}: {err}")
        index.datasets.add(ds, with_lineage=False)
    index.datasets.archive(archived_ids(docs))

    out: dict[str, Any] = {
        "queries": [],
        "archived": [],
        "products": [],
        "product_metadata": [],
        "metadata": [],
    }
    for label, kw, ref in queries(Range, lambda g, crs: Geometry(g, crs=crs), docs):

        def find(kw: dict[str, Any] = kw) -> list[str]:
            terms = Query(index, **kw).search_terms
            return _ids(index.datasets.search(**terms))

        entry = {
            "label": label,
            "ref": ref,
            "find": _try(find),
            "search": _try(lambda kw=kw: _ids(index.datasets.search(**kw))),
            "count": _try(lambda kw=kw: index.datasets.count(**kw)),
            "count_by_product": _try(
                lambda kw=kw: {p.name: n for p, n in index.datasets.count_by_product(**kw)}
            ),
        }
        out["queries"].append(entry)
    for label, kw, ref in _archived_queries(Range):
        for archived in (True, None):
            out["archived"].append(
                {
                    "label": f"{label}, archived={archived}",
                    "ref": ref,
                    "search": _try(lambda kw=kw, a=archived: _ids(index.datasets.search(archived=a, **kw))),
                    "count": _try(lambda kw=kw, a=archived: index.datasets.count(archived=a, **kw)),
                }
            )
    for pq in product_queries(Range):
        out["products"].append(
            {
                "label": _label(pq),
                "search": _try(lambda pq=pq: sorted(p.name for p in index.products.search(**pq))),
                "robust": _try(
                    lambda pq=pq: sorted(
                        [p.name, sorted(left)] for p, left in index.products.search_robust(**pq)
                    )
                ),
            }
        )
    for md in PRODUCT_METADATA_SEARCHES:
        out["product_metadata"].append(
            {"label": json.dumps(md), "ok": sorted(p.name for p in index.products.search_by_metadata(md))}
        )
    for md in METADATA_SEARCHES:
        for archived in (False, True, None):
            out["metadata"].append(
                {
                    "label": f"{json.dumps(md)}, archived={archived}",
                    **_try(lambda md=md, a=archived: _ids(index.datasets.search_by_metadata(md, archived=a))),
                }
            )
    rows = index.datasets.search_returning(["id", "lat", "lon", "time"], archived=None)
    out["fields"] = {
        str(r.id): {"lat": _range_json(r.lat), "lon": _range_json(r.lon), "time": _range_json(r.time)}
        for r in rows
    }
    out["extents"] = _extents_odc(index, docs)
    index.close()
    # The footprints ODC matches spatial queries against: its EPSG:4326 spatial index.
    conn = psycopg2.connect(f"{SERVER}/{ODC_DB}")
    with conn.cursor() as c:
        c.execute("SELECT dataset_ref::text, ST_AsText(extent) FROM odc.spatial_4326")
        out["footprints"] = dict(c.fetchall())
    conn.close()
    return out


def _archived_queries(R: Any) -> list[tuple[str, dict[str, Any], str]]:
    return [
        ("(everything)", {}, "search"),
        ("product=historic", {"product": "historic"}, "search"),
        ("platform=landsat-8", {"platform": "landsat-8"}, "search"),
        ("lat=(-36, -30), lon=(144, 150)", {"lat": (-36.0, -30.0), "lon": (144.0, 150.0)}, "search"),
    ]


def _extents_odc(index: Any, docs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in PRODUCTS:
        name = p["name"]
        out[f"temporal {name}"] = _try(lambda n=name: _range_json(index.products.temporal_extent(n)))
        out[f"spatial {name}"] = _try(lambda n=name: index.products.spatial_extent(n).geom.wkt)
        ids = [d["id"] for d in docs if d["product"]["name"] == name][:25]
        out[f"temporal ids {name}"] = _try(lambda ids=ids: _range_json(index.datasets.temporal_extent(ids)))
        out[f"spatial ids {name}"] = _try(lambda ids=ids: index.datasets.spatial_extent(ids).geom.wkt)
    return out


# --- terracube's side --------------------------------------------------------------------------


def _tc_indexes() -> Any:
    import tempfile

    import psycopg

    from terracube.index.memory import MemoryIndex
    from terracube.index.postgis import PostgisIndex
    from terracube.index.sqlite import SQLiteIndex

    yield "memory", MemoryIndex()
    yield "sqlite", SQLiteIndex(f"{tempfile.mkdtemp()}/parity-wide.db")
    db = "tc_parity_wide_tc"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{db}"')
        c.execute(f'CREATE DATABASE "{db}"')
    yield "postgis", PostgisIndex(f"{SERVER}/{db}")


class _Report:
    """Every answer compared on one driver: agreements, differences, known ODC bugs, refusals."""

    def __init__(self, driver: str) -> None:
        self.driver = driver
        self.compared = 0
        self.differ: list[str] = []
        self.known: list[str] = []
        self.refused: list[str] = []
        #: Datasets whose lon/lat footprint differs from ODC's (a difference judged once, there).
        self.footprints_differ: set[str] = set()

    def check(
        self,
        what: str,
        label: str,
        got: dict[str, Any],
        want: dict[str, Any],
        *,
        same: Any = None,
        known: str | None = None,
    ) -> None:
        if "error" in want:
            if "error" not in got:
                self.refused.append(
                    f"{what} {label}: ODC refused ({want['error'][:160]}); terracube answered"
                )
            return
        self.compared += 1
        if "error" in got:
            line = f"{what} {label}: terracube refused ({got['error'][:200]})"
        elif (same or (lambda a, b: a == b))(got["ok"], want["ok"]):
            return
        else:
            line = f"{what} {label}: {_diff(got['ok'], want['ok'])}"
        reason = known or KNOWN_ODC_BUGS.get(label) or self._by_footprint(got, want)
        if reason:
            self.known.append(f"{line}\n      known, ODC's: {reason}")
        else:
            self.differ.append(line)

    def _by_footprint(self, got: dict[str, Any], want: dict[str, Any]) -> str | None:
        a, b = got.get("ok"), want.get("ok")
        if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, str) for x in a + b):
            odd = set(a) ^ set(b)
            if odd and odd <= self.footprints_differ:
                return (
                    f"only datasets whose footprints differ from ODC's ({len(odd)}; see the footprint lines)"
                )
        return None

    def print(self) -> None:
        for line in self.differ:
            print(f"[{self.driver}] DIFFERS {line}")
        for line in self.refused:
            print(f"[{self.driver}] refused by ODC: {line}")
        for line in self.known:
            print(f"[{self.driver}] {line}")
        print(
            f"[{self.driver}] {self.compared} answers compared: "
            f"{self.compared - len(self.differ) - len(self.known)} agree, {len(self.differ)} differ, "
            f"{len(self.known)} differ where ODC is known to be wrong (or stores more); "
            f"{len(self.refused)} refused by ODC"
        )


def _diff(got: Any, want: Any) -> str:
    if isinstance(got, list) and isinstance(want, list) and all(isinstance(x, str) for x in got + want):
        only_tc, only_odc = sorted(set(got) - set(want)), sorted(set(want) - set(got))
        return f"terracube {len(got)}, ODC {len(want)}; only terracube {only_tc[:4]}, only ODC {only_odc[:4]}"
    return f"terracube {_short(got)}, ODC {_short(want)}"


def _short(v: Any) -> str:
    text = repr(v)
    return text if len(text) < 240 else text[:240] + "..."


def _close_ranges(a: Any, b: Any, tol: float = 1e-6) -> bool:
    if a is None or b is None:
        return a == b
    for x, y in zip(a, b, strict=True):
        if isinstance(x, str) or isinstance(y, str) or x is None or y is None:
            if x != y:
                return False
        elif abs(x - y) > tol:
            return False
    return True


def _same_shape(a: str, b: str) -> bool:
    import shapely

    ga, gb = shapely.from_wkt(a), shapely.from_wkt(b)
    union = shapely.union(ga, gb).area
    return bool(union == 0 or shapely.symmetric_difference(ga, gb).area / union < 1e-6)


def _complement(a: str, b: str) -> bool:
    """Whether two lon/lat footprints are each other's complement on the globe."""
    import shapely

    ga, gb = shapely.from_wkt(a), shapely.from_wkt(b)
    return bool(abs(ga.area + gb.area - 360 * 180) < 1e-3 and shapely.intersection(ga, gb).area < 1e-3)


def _mixed_offsets(doc: dict[str, Any]) -> bool:
    """Whether the document's times are written with different UTC offsets."""
    props = doc["properties"]
    texts = [props[k] for k in ("datetime", "dtr:start_datetime", "dtr:end_datetime") if k in props]
    return len({t[19:].lstrip(".0123456789") for t in texts}) > 1


def run_terracube(odc: dict[str, Any]) -> int:
    docs = documents()
    bad = 0
    for name, index in _tc_indexes():
        rep = _compare(name, index, odc, docs)
        rep.print()
        bad += len(rep.differ)
        index.close()
    return 1 if bad else 0


def _compare(name: str, index: Any, odc: dict[str, Any], docs: list[dict[str, Any]]) -> _Report:
    """Load the documents into one terracube index and compare every answer with ODC's."""
    from odc.geo.geom import Geometry

    from terracube.model import Range

    by_id = {d["id"]: d for d in docs}
    product_of = {d["id"]: d["product"]["name"] for d in docs}
    rep = _Report(name)
    index.init_db()
    for mt in METADATA_TYPES:
        index.metadata_types.add_document(mt)
    for p in PRODUCTS:
        index.products.add_document(p)
    index.datasets.add_batch(
        index.datasets.from_doc(d, uri=f"file:///parity/{d['product']['name']}/{d['id']}.yaml") for d in docs
    )
    index.datasets.archive(archived_ids(docs))
    ds = index.datasets
    # Footprints first: a difference there explains the spatial answers it changes.
    for i, wkt in sorted(odc["footprints"].items()):
        mine = ds.get_unsafe(i).lonlat_footprint
        got = {"ok": mine.wkt if mine is not None else None}
        want = {"ok": wkt}
        if not _same_shape(got["ok"], wkt):
            rep.footprints_differ.add(i)
        known = (
            "a footprint enclosing a pole is stored as its complement (the rest of the globe) "
            "when its ring, in lon/lat, runs clockwise"
            if _complement(got["ok"], wkt)
            else None
        )
        rep.check("footprint", f"{product_of[i]} {i}", got, want, same=_same_shape, known=known)
    for (label, kw, ref), want in zip(
        queries(Range, lambda g, crs: Geometry(g, crs=crs), docs), odc["queries"], strict=True
    ):
        assert label == want["label"], (label, want["label"])
        rep.check("search", label, _try(lambda kw=kw: _ids(ds.search(**kw))), want[ref])
        # The count and the per-product counts: against ODC's own where its two answers agree
        # (else against the reference answer's ids).
        agree = want["find"] == want["search"]
        if agree:
            want_count, want_cbp = want["count"], want["count_by_product"]
        elif "ok" in want[ref]:
            counts: dict[str, int] = {}
            for i in want[ref]["ok"]:
                counts[product_of[i]] = counts.get(product_of[i], 0) + 1
            want_count, want_cbp = {"ok": len(want[ref]["ok"])}, {"ok": counts}
        else:
            want_count = want_cbp = want[ref]
        got_ids = _try(lambda kw=kw: _ids(ds.search(**kw)))
        explained = rep._by_footprint(got_ids, want[ref]) if "ok" in want[ref] else None
        rep.check("count", label, _try(lambda kw=kw: ds.count(**kw)), want_count, known=explained)
        rep.check(
            "count_by_product",
            label,
            _try(lambda kw=kw: {p.name: n for p, n in ds.count_by_product(**kw)}),
            want_cbp,
            known=explained,
        )
    archived_q = [
        (f"{label}, archived={a}", kw, a) for label, kw, _ in _archived_queries(Range) for a in (True, None)
    ]
    for (label, kw, a), want in zip(archived_q, odc["archived"], strict=True):
        got_ids = _try(lambda kw=kw, a=a: _ids(ds.search(archived=a, **kw)))
        rep.check("search", label, got_ids, want["search"])
        explained = rep._by_footprint(got_ids, want["search"]) if "ok" in want["search"] else None
        rep.check(
            "count",
            label,
            _try(lambda kw=kw, a=a: ds.count(archived=a, **kw)),
            want["count"],
            known=explained,
        )
    for pq, want in zip(product_queries(Range), odc["products"], strict=True):
        label = _label(pq)
        rep.check(
            "products.search",
            label,
            _try(lambda pq=pq: sorted(p.name for p in index.products.search(**pq))),
            want["search"],
        )
        rep.check(
            "products.search_robust",
            label,
            _try(
                lambda pq=pq: sorted([p.name, sorted(left)] for p, left in index.products.search_robust(**pq))
            ),
            want["robust"],
        )
    for md, want in zip(PRODUCT_METADATA_SEARCHES, odc["product_metadata"], strict=True):
        rep.check(
            "products.search_by_metadata",
            json.dumps(md),
            _try(lambda md=md: sorted(p.name for p in index.products.search_by_metadata(md))),
            want,
        )
    md_q = [(md, a) for md in METADATA_SEARCHES for a in (False, True, None)]
    for (md, a), want in zip(md_q, odc["metadata"], strict=True):
        label = f"{json.dumps(md)}, archived={a}"
        rep.check(
            "datasets.search_by_metadata",
            label,
            _try(lambda md=md, a=a: _ids(ds.search_by_metadata(md, archived=a))),
            want,
        )
    rows = ds.search_returning(["id", "lat", "lon", "time"], archived=None)
    mine = {
        str(r.id): {"lat": _range_json(r.lat), "lon": _range_json(r.lon), "time": _range_json(r.time)}
        for r in rows
    }
    for i, want_f in sorted(odc["fields"].items()):
        for f in ("lat", "lon", "time"):
            known = None
            if f == "time" and _mixed_offsets(by_id[i]):
                known = "search_returning takes the least/greatest of the time strings as text"
            fp = ds.get_unsafe(i).lonlat_footprint
            if f != "time" and fp is not None and (fp.bounds[1] <= -90 or fp.bounds[3] >= 90):
                known = (
                    "the lon/lat bounds of a footprint around a pole leave the pole out (and, "
                    "when the ring is invalid in lon/lat, come from its buffer(0) repair)"
                )
            rep.check(
                f"field {f}",
                f"{product_of[i]} {i}",
                {"ok": mine.get(i, {}).get(f)},
                {"ok": want_f[f]},
                same=_close_ranges,
                known=known,
            )
    _extents_tc(index, docs, odc["extents"], rep)
    return rep


def _extents_tc(index: Any, docs: list[dict[str, Any]], want: dict[str, Any], rep: _Report) -> None:
    for p in PRODUCTS:
        name = p["name"]
        ids = [d["id"] for d in docs if d["product"]["name"] == name][:25]
        got = {
            f"temporal {name}": _try(lambda n=name: _range_json(index.products.temporal_extent(n))),
            f"spatial {name}": _try(lambda n=name: index.products.spatial_extent(n).geom.wkt),
            f"temporal ids {name}": _try(lambda ids=ids: _range_json(index.datasets.temporal_extent(ids))),
            f"spatial ids {name}": _try(lambda ids=ids: index.datasets.spatial_extent(ids).geom.wkt),
        }
        for key, g in got.items():
            known = None
            if key.startswith("spatial") and rep.footprints_differ & set(
                ids if " ids " in key else [d["id"] for d in docs if d["product"]["name"] == name]
            ):
                known = "made of footprints that differ from ODC's (see the footprint lines)"
            rep.check(
                "extent",
                key,
                g,
                want[key],
                same=_same_shape if key.startswith("spatial") else None,
                known=known,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["odc"]:
        json.dump(run_odc(), sys.stdout, indent=1)
    elif sys.argv[1:2] == ["terracube"] and len(sys.argv) == 3:
        with open(sys.argv[2]) as f:
            sys.exit(run_terracube(json.load(f)))
    else:
        raise SystemExit(__doc__)
