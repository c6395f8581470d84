"""Offline STAC checks: the core schemas from pystac's package, the extensions' field rules."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from terracube.errors import DocumentError
from terracube.index.testing import dataset_doc
from terracube.stac import EO_EXTENSION, eo3_to_item, stac_problems, validate_stac

BANDS = {"red": {"dtype": "int16", "nodata": -999, "units": "1"}}
LL = {"type": "Polygon", "coordinates": [[[149.0, -36.0], [150.0, -36.0], [150.0, -35.0], [149.0, -36.0]]]}


@pytest.fixture
def item() -> dict[str, Any]:
    doc = dataset_doc("ls8")
    doc["measurements"] = {"red": {"path": "red.tif"}}
    return eo3_to_item(doc, bands=BANDS, lonlat_geometry=LL, lonlat_bbox=(149, -36, 150, -35))


def _broken(item: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(item)
    *parents, last = path.split("/")
    d = out
    for p in parents:
        d = d[p]
    if value is None:
        del d[last]
    else:
        d[last] = value
    return out


def test_a_good_item_has_no_problems(item: dict[str, Any]) -> None:
    assert stac_problems(item) == []
    validate_stac(item)


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("bbox", [1, 2], "bbox: [1, 2] is too short"),
        ("properties/datetime", 5, "properties.datetime: 5 is not of type 'string', 'null'"),
        ("id", None, "'id' is a required property"),
        ("properties/proj:shape", [1], "properties.proj:shape: [1] is not two non-negative integers"),
        (
            "properties/proj:transform",
            [1, 2, 3],
            "properties.proj:transform: [1, 2, 3] is not 6 or 9 numbers",
        ),
        ("properties/eo:cloud_cover", 130, "properties.eo:cloud_cover: 130 is not a percentage"),
        ("properties/eo:platform", "x", "properties.eo:platform: the eo extension defines no such field"),
        ("assets/red/raster:bands", [{"data_type": "int17"}], "'int17' is not a raster data type"),
        ("assets/red/raster:bands", [{"nodata": "none"}], "'none' is not a number, 'nan', 'inf' or '-inf'"),
        (
            "assets/red/eo:bands",
            [{"name": "red", "common_name": "band_4"}],
            "'band_4' is not a common band name",
        ),
        ("stac_extensions", [], f"eo: fields are used but stac_extensions does not list {EO_EXTENSION}"),
    ],
)
def test_problems_are_found_and_named(item: dict[str, Any], path: str, value: Any, problem: str) -> None:
    bad = _broken(item, path, value)
    problems = stac_problems(bad)
    assert any(problem in p for p in problems), problems
    with pytest.raises(DocumentError, match="is not valid STAC 1.1"):
        validate_stac(bad)


def test_unknown_type() -> None:
    assert stac_problems({"type": "Point"}) == ["type: 'Point' is not Feature, Collection or Catalog"]
