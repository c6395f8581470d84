"""Factories for test documents: eo3 datasets, products and metadata types."""

from __future__ import annotations

import copy
import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "EO3_SCHEMA_URL",
    "box_geometry",
    "custom_metadata_type_doc",
    "dataset_doc",
    "product_doc",
]

EO3_SCHEMA_URL = "https://schemas.opendatacube.org/dataset"


def product_doc(
    name: str = "test_product",
    *,
    metadata_type: str = "eo3",
    platform: str | None = None,
    measurements: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A product document with a couple of bands; ``platform`` goes into its match rules."""
    md: dict[str, Any] = {"product": {"name": name}}
    if platform is not None:
        md["properties"] = {"eo:platform": platform}
    return {
        "name": name,
        "description": f"Test product {name}",
        "license": "CC-BY-4.0",
        "metadata_type": metadata_type,
        "metadata": md,
        "measurements": measurements
        if measurements is not None
        else [
            {"name": "red", "dtype": "int16", "nodata": -999, "units": "1", "aliases": ["band_4"]},
            {"name": "nir", "dtype": "int16", "nodata": -999, "units": "1"},
            {
                "name": "fmask",
                "dtype": "uint8",
                "nodata": 0,
                "units": "1",
                "flags_definition": {"fmask": {"bits": [0, 1, 2], "values": {"1": "valid", "2": "cloud"}}},
            },
        ],
        "load": {"crs": "EPSG:32755", "resolution": {"x": 30, "y": -30}},
    }


def custom_metadata_type_doc(name: str = "eo3_custom") -> dict[str, Any]:
    """A metadata type extending eo3's fields with an integer and a numeric range field."""
    from terracube.model import eo3_metadata_type

    doc = eo3_metadata_type().definition
    doc["name"] = name
    doc["description"] = "eo3 with extra fields for tests"
    doc["dataset"]["search_fields"]["orbit"] = {
        "description": "Orbit number",
        "type": "integer",
        "offset": ["properties", "sat:absolute_orbit"],
    }
    doc["dataset"]["search_fields"]["gsd"] = {
        "description": "Ground sample distance range",
        "type": "numeric-range",
        "min_offset": [["properties", "test:gsd_min"]],
        "max_offset": [["properties", "test:gsd_max"]],
    }
    return doc


def box_geometry(x0: float, y0: float, x1: float, y1: float, *, clockwise: bool = False) -> dict[str, Any]:
    """A GeoJSON polygon for a box; ``clockwise`` winds the ring the other way."""
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    if clockwise:
        ring = ring[::-1]
    return {"type": "Polygon", "coordinates": [ring]}


def dataset_doc(
    product: str = "test_product",
    *,
    id: uuid.UUID | str | None = None,
    time: dt.datetime | str | tuple[Any, Any] = "2020-06-15T10:00:00Z",
    crs: str | None = "EPSG:4326",
    geometry: dict[str, Any] | None = None,
    lonlat: tuple[float, float, float, float] | None = (149.0, -36.0, 150.0, -35.0),
    grids: bool = True,
    platform: str | None = "landsat-8",
    cloud_cover: float | None = 20.0,
    region_code: str | None = "089084",
    properties: dict[str, Any] | None = None,
    lineage: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """An eo3 dataset document.

    ``time`` is an instant (``properties.datetime``) or a ``(start, end)`` pair (``dtr:``
    properties, with ``datetime`` between). The footprint is ``geometry`` (GeoJSON in ``crs``)
    or, by default, the ``lonlat`` box (west, south, east, north) in EPSG:4326.
    """

    def iso(v: Any) -> str:
        return v if isinstance(v, str) else v.isoformat()

    props: dict[str, Any] = {"odc:processing_datetime": "2021-01-01T00:00:00Z", "odc:file_format": "GeoTIFF"}
    if isinstance(time, tuple):
        props["dtr:start_datetime"] = iso(time[0])
        props["dtr:end_datetime"] = iso(time[1])
        props["datetime"] = iso(time[0])
    else:
        props["datetime"] = iso(time)
    if platform is not None:
        props["eo:platform"] = platform
    if cloud_cover is not None:
        props["eo:cloud_cover"] = cloud_cover
    if region_code is not None:
        props["odc:region_code"] = region_code
    props.update(properties or {})
    doc: dict[str, Any] = {
        "$schema": EO3_SCHEMA_URL,
        "id": str(id or uuid.uuid4()),
        "label": f"{product}_{id}",
        "product": {"name": product},
        "properties": props,
        "measurements": {
            "red": {"path": "red.tif"},
            "nir": {"path": "nir.tif"},
            "fmask": {"path": "fmask.tif"},
        },
        "accessories": {"metadata:processor": {"path": "proc.yaml"}},
    }
    if crs is not None:
        doc["crs"] = crs
        if geometry is None and lonlat is not None:
            geometry = box_geometry(*lonlat)
        if geometry is not None:
            doc["geometry"] = copy.deepcopy(geometry)
            if grids:
                import shapely.geometry

                x0, y0, x1, y1 = shapely.geometry.shape(geometry).bounds
                nx, ny = 100, 100
                doc["grids"] = {
                    "default": {
                        "shape": [ny, nx],
                        "transform": [(x1 - x0) / nx, 0.0, x0, 0.0, -(y1 - y0) / ny, y1, 0.0, 0.0, 1.0],
                    }
                }
    if lineage is not None:
        doc["lineage"] = {"source_ids": lineage}
    return doc
