"""Synthetic eo3 documents for index benchmarks: a grid of tiles revisited over time."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

TILE = 100_000.0  # metres
ZONES = 8  # UTM zones 49S..56S (Australia)
COLS, ROWS = 5, 25  # tiles per zone across, and rows: 1,000 tiles in all
X0, Y0 = 200_000.0, 6_000_000.0
T0 = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
STEP = dt.timedelta(days=8)


def tile_doc(i: int, *, product: str = "bench") -> dict[str, Any]:
    """The i-th document: tiles vary fastest, then time (every 8 days)."""
    tiles = ZONES * COLS * ROWS
    tile, step = i % tiles, i // tiles
    zone, col, row = 49 + tile % ZONES, (tile // ZONES) % COLS, tile // (ZONES * COLS)
    tx, ty = (zone - 49) * COLS + col, row
    x0, y0 = X0 + col * TILE * 1.1, Y0 + row * TILE * 0.9
    # A slightly skewed quadrilateral, like a real scene footprint.
    ring = [[x0 + 2000, y0], [x0 + TILE, y0 + 3000], [x0 + TILE - 2000, y0 + TILE], [x0, y0 + TILE - 3000]]
    ring.append(ring[0])
    t = T0 + step * STEP + dt.timedelta(seconds=tile * 7)
    return {
        "$schema": "https://schemas.opendatacube.org/dataset",
        "id": str(uuid.UUID(int=(i + 1) * 2654435761 % (1 << 122) | (4 << 76) | (1 << 127) >> 1, version=4)),
        "label": f"{product}_{tx:02d}{ty:02d}_{t:%Y%m%d}",
        "product": {"name": product},
        "crs": f"epsg:327{zone}",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "grids": {
            "default": {
                "shape": [3334, 3334],
                "transform": [30.0, 0.0, x0, 0.0, -30.0, y0 + TILE, 0.0, 0.0, 1.0],
            }
        },
        "properties": {
            "datetime": t.isoformat(),
            "eo:platform": "landsat-8",
            "eo:instrument": "OLI_TIRS",
            "eo:cloud_cover": float((i * 37) % 100),
            "odc:region_code": f"{tx:02d}{ty:02d}",
            "odc:processing_datetime": "2021-01-01T00:00:00Z",
            "odc:file_format": "GeoTIFF",
            "odc:product_family": "ard",
            "dea:dataset_maturity": "final",
        },
        "measurements": {
            b: {"path": f"{b}.tif"} for b in ("blue", "green", "red", "nir", "swir1", "swir2", "fmask")
        },
        "accessories": {"metadata:processor": {"path": "proc.yaml"}},
        "lineage": {"source_ids": {}},
    }


def product_doc(name: str = "bench") -> dict[str, Any]:
    bands = ("blue", "green", "red", "nir", "swir1", "swir2")
    return {
        "name": name,
        "description": "benchmark product",
        "metadata_type": "eo3",
        "metadata": {"product": {"name": name}, "properties": {"eo:platform": "landsat-8"}},
        "measurements": [{"name": b, "dtype": "int16", "nodata": -999, "units": "1"} for b in bands]
        + [{"name": "fmask", "dtype": "uint8", "nodata": 0, "units": "1"}],
    }


def docs(n: int, start: int = 0, product: str = "bench") -> Iterator[dict[str, Any]]:
    for i in range(start, start + n):
        yield tile_doc(i, product=product)


def _scalar(v: Any) -> str:
    """A scalar as eo-datasets' writer puts it: plain when it reads back the same, else quoted."""
    if isinstance(v, bool) or v is None:
        return {True: "true", False: "false", None: "null"}[v]
    if isinstance(v, int | float):
        return repr(v)
    from terracube.model._yaml import _resolver

    text = str(v)
    plain = text and text.strip() == text and ": " not in text and " #" not in text
    if plain and text[0] not in "-?:,[]{}#&*!|>'\"%@`" and _resolver()(text) == text:
        return text  # reads back as this string (times stay text, as terracube reads them)
    return "'" + text.replace("'", "''") + "'"


def _flow(v: Any, indent: int, width: int = 90) -> str:
    """A list of numbers (or of such lists) in flow style, wrapped near ``width`` columns."""
    parts: list[str] = []

    def emit(x: Any) -> None:
        if isinstance(x, list):
            parts.append("[")
            for i, y in enumerate(x):
                if i:
                    parts.append(", ")
                emit(y)
            parts.append("]")
        else:
            parts.append(_scalar(x))

    emit(v)
    lines, line = [], ""
    for p in parts:  # break after ", " when the line is long, as ruamel does
        line += p
        if p == ", " and len(line) > width - indent:
            lines.append(line.rstrip())
            line = " " * (indent + 4)
    lines.append(line)
    return "\n".join(lines)


def eo3_yaml(doc: dict[str, Any]) -> str:
    """An eo3 document as YAML, laid out as eo-datasets writes ``*.odc-metadata.yaml`` files."""
    out = ["---", "# Dataset"]

    def block(d: dict[str, Any], indent: int) -> None:
        pad = " " * indent
        for k, v in d.items():
            if isinstance(v, dict):
                if v:
                    out.append(f"{pad}{k}:")
                    block(v, indent + 2)
                else:
                    out.append(f"{pad}{k}: {{}}")
            elif isinstance(v, list) and v and all(isinstance(x, str) for x in v):
                out.append(f"{pad}{k}:")
                out.extend(f"{pad}- {_scalar(x)}" for x in v)
            elif isinstance(v, list):
                out.append(f"{pad}{k}: {_flow(v, indent + len(k) + 2)}")
            else:
                out.append(f"{pad}{k}: {_scalar(v)}")
            if indent == 0 and k in ("id", "product", "grids", "properties", "measurements", "accessories"):
                out.append("")

    block(doc, 0)
    out.append("...")
    return "\n".join(out) + "\n"
