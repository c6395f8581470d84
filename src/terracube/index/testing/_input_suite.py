"""Hostile input (a mixin of ``IndexTests``): what no driver may store, and what no query means.

Every driver refuses the same documents, one at a time, with a :class:`DocumentError` naming
the document and the field, and adds the good documents of the same batch: a NUL character
in any string (PostgreSQL cannot store one, so no driver does), a number that is not finite
(JSON has no NaN or infinity) and a time range that ends before it starts. A query with a NaN
bound is a :class:`QueryError`.
"""

from __future__ import annotations

import math
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import DocumentError, QueryError
from terracube.index.testing._documents import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Callable

    from terracube.index.abstract import AbstractIndex
    from terracube.model import Product

__all__ = ["HostileInputTests"]


def _set(doc: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


def _rename(doc: dict[str, Any], path: tuple[str, ...], new_key: str) -> dict[str, Any]:
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[new_key] = node.pop(path[-1])
    return doc


#: name -> (how to spoil a document, the field path the error must name).
_NUL_CASES: dict[str, tuple[Callable[[dict[str, Any]], dict[str, Any]], str]] = {
    "property value": (
        lambda d: _set(d, ("properties", "eo:platform"), "landsat\x008"),
        "properties.eo:platform",
    ),
    "property key": (lambda d: _rename(d, ("properties", "eo:platform"), "eo:\x00platform"), "properties"),
    "label": (lambda d: _set(d, ("label",), "\x00"), "label"),
    "nested list": (
        lambda d: _set(d, ("properties", "test:tags"), ["ok", {"deep": ["fine", "bad\x00"]}]),
        "properties.test:tags.1.deep.1",
    ),
    "measurement path": (
        lambda d: _set(d, ("measurements", "red", "path"), "red\x00.tif"),
        "measurements.red.path",
    ),
}


class HostileInputTests:
    """Documents and queries every driver refuses in the same way."""

    def _add_each(self, idx: AbstractIndex, docs: list[dict[str, Any]]) -> dict[str, DocumentError]:
        """Add documents as ``dataset add`` does: each refused one reported, the others added."""
        refused: dict[str, DocumentError] = {}
        good = []
        for doc in docs:
            try:
                good.append(idx.datasets.from_doc(doc, uri=f"file:///data/{doc['id']}.yaml"))
            except DocumentError as e:
                refused[doc["id"]] = e
        idx.datasets.add_batch(good)
        return refused

    @pytest.mark.parametrize("case", list(_NUL_CASES))
    def test_nul_in_a_string_refused_per_document(
        self, case: str, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        spoil, field = _NUL_CASES[case]
        docs = [dataset_doc("ls8", id=uuid.UUID(int=i + 1)) for i in range(10)]
        bad = spoil(dataset_doc("ls8", id=uuid.UUID(int=99)))
        refused = self._add_each(writable, [*docs[:4], bad, *docs[4:]])
        assert list(refused) == [bad["id"]]
        err = refused[bad["id"]]
        assert field in str(err) and "NUL" in str(err) and bad["id"] in str(err)
        assert err.field == field
        assert writable.datasets.count() == 10
        assert writable.datasets.get(bad["id"]) is None

    def test_nul_in_a_location_or_product_refused(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        with pytest.raises(DocumentError, match=r"uri.*NUL"):
            writable.datasets.from_doc(dataset_doc("ls8"), uri="file:///data/a\x00.yaml")
        with pytest.raises(DocumentError, match=r"description.*NUL"):
            writable.products.add_document({**product_doc("s9"), "description": "bad\x00"})
        assert writable.products.get_by_name("s9") is None
        # A faithful round trip of every other unusual character.
        odd = 'tab\t nl\n quote" back\\ \u2028 \U0001f600 \x01\x7f'
        added = writable.datasets.add(
            writable.datasets.from_doc(dataset_doc("ls8", properties={"test:odd": odd, f"test:{odd}": 1}))
        )
        got = writable.datasets.get_unsafe(added.id).metadata_doc["properties"]
        assert (got["test:odd"], got[f"test:{odd}"]) == (odd, 1)

    @pytest.mark.parametrize(
        ("value", "stored"), [(math.nan, "NaN"), (math.inf, "Infinity"), (-math.inf, "-Infinity")]
    )
    def test_non_finite_number_stored_as_odc_stores_it(
        self, value: float, stored: str, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        # JSON has no NaN: ODC keeps one as a string, wherever it sits, and so does every driver.
        deep = dataset_doc("ls8", id=uuid.UUID(int=3), properties={"test:xs": [1.0, {"y": value}]})
        assert self._add_each(writable, [deep]) == {}
        got = writable.datasets.get_unsafe(deep["id"]).metadata_doc["properties"]["test:xs"]
        assert got == [1.0, {"y": stored}]
        assert writable.datasets.count() == 1

    def test_time_range_ending_before_it_starts_refused(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        bad = dataset_doc("ls8", time=("2021-01-01T00:00:00Z", "2020-01-01T00:00:00Z"))
        with pytest.raises(DocumentError, match=r"dtr:end_datetime.*before.*dtr:start_datetime") as info:
            writable.datasets.from_doc(bad)
        assert info.value.field == "properties.dtr:end_datetime"
        same = dataset_doc("ls8", time=("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z"))
        assert writable.datasets.add(writable.datasets.from_doc(same)).time is not None

    @pytest.mark.parametrize(
        "query",
        [
            {"lon": (math.nan, 1)},
            {"lat": (-10, math.nan)},
            {"lon": math.nan},
            {"x": (math.nan, 1), "y": (0, 1), "crs": "EPSG:3577"},
            {"cloud_cover": (math.nan, 10)},
            {"time": ("2021-01-01", "2020-01-01")},
        ],
        ids=["lon-nan", "lat-nan", "lon-scalar-nan", "x-nan", "field-nan", "time-reversed"],
    )
    def test_query_without_meaning_refused(
        self, query: dict[str, Any], products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        with pytest.raises(QueryError):
            writable.datasets.count(product="ls8", **query)
        with pytest.raises(QueryError):
            list(writable.datasets.search(product="ls8", **query))
