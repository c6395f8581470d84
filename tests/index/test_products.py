from __future__ import annotations

from typing import Any

import pytest

from terracube.index._products import contains_doc

DOC = {"a": 1.0, "b": True, "c": ["x", "y", {"d": 1, "e": [1, 2]}], "f": {"g": None}, "h": [[1, 2], [3]]}


@pytest.mark.parametrize(
    ("sub", "contained"),
    [
        ({}, True),
        ({"a": 1}, True),
        ({"a": 1.0}, True),
        ({"a": True}, False),
        ({"b": True}, True),
        ({"b": 1}, False),
        ({"c": ["y"]}, True),
        ({"c": ["y", "x", "y"]}, True),
        ({"c": []}, True),
        ({"c": "x"}, False),
        ({"c": [{"d": 1}]}, True),
        ({"c": [{"e": [2]}]}, True),
        ({"c": [{"d": 2}]}, False),
        ({"f": {"g": None}}, True),
        ({"f": {"g": "None"}}, False),
        ({"f": []}, False),
        ({"h": [[1]]}, True),
        ({"h": [[1, 3]]}, False),
        ({"z": None}, False),
    ],
)
def test_contains_doc_is_jsonb_containment(sub: dict[str, Any], contained: bool) -> None:
    """The same answers as PostgreSQL's ``jsonb @>`` (ODC's search_by_metadata)."""
    assert contains_doc(DOC, sub) is contained
