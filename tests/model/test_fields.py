from __future__ import annotations

import datetime as dt

import pytest

from terracube.errors import DocumentError, QueryError
from terracube.model import Range, SearchField, parse_datetime
from terracube.model.fields import get_path


def test_get_path() -> None:
    doc = {"a": {"b": [10, {"c": 3}]}}
    assert get_path(doc, ["a", "b", 1, "c"]) == 3
    assert get_path(doc, ["a", "x"]) is None
    assert get_path(doc, ["a", "b", 5]) is None
    assert get_path(doc, ["a", "b", "c"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-02T03:04:05Z", dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
        ("2020-01-02T03:04:05.5+01:00", dt.datetime(2020, 1, 2, 2, 4, 5, 500000, tzinfo=dt.UTC)),
        ("2020-01-02", dt.datetime(2020, 1, 2, tzinfo=dt.UTC)),
        (dt.date(2020, 1, 2), dt.datetime(2020, 1, 2, tzinfo=dt.UTC)),
        (dt.datetime(2020, 1, 2, 3), dt.datetime(2020, 1, 2, 3, tzinfo=dt.UTC)),
    ],
)
def test_parse_datetime(text: object, expected: dt.datetime) -> None:
    assert parse_datetime(text) == expected


def test_parse_datetime_refuses_junk() -> None:
    with pytest.raises(ValueError, match="'soon' is not an ISO 8601"):
        parse_datetime("soon")


def test_scalar_field() -> None:
    f = SearchField.from_doc("cc", {"type": "double", "offset": ["properties", "eo:cloud_cover"]})
    assert f.value_type == "numeric"
    assert not f.is_range
    assert f.extract({"properties": {"eo:cloud_cover": "12.5"}}) == 12.5
    assert f.extract({"properties": {}}) is None
    with pytest.raises(DocumentError, match=r"properties.eo:cloud_cover has the value 'x'"):
        f.extract({"properties": {"eo:cloud_cover": "x"}})
    with pytest.raises(QueryError, match="cannot search it for 'x'"):
        f.coerce("x")
    assert f.to_doc() == {"type": "double", "offset": ["properties", "eo:cloud_cover"]}


def test_range_field_takes_least_and_greatest() -> None:
    f = SearchField.from_doc(
        "time",
        {
            "type": "datetime-range",
            "min_offset": [["p", "start"], ["p", "dt"]],
            "max_offset": [["p", "end"], ["p", "dt"]],
        },
    )
    doc = {"p": {"start": "2020-01-01", "end": "2020-01-03", "dt": "2020-01-02"}}
    assert f.extract(doc) == Range(parse_datetime("2020-01-01"), parse_datetime("2020-01-03"))
    assert f.extract({"p": {"dt": "2020-01-02"}}) == Range(
        parse_datetime("2020-01-02"), parse_datetime("2020-01-02")
    )
    assert f.extract({"p": {}}) is None


def test_scalar_with_alternative_offsets() -> None:
    f = SearchField.from_doc("x", {"offset": [["a"], ["b"]]})
    assert f.extract({"b": "second"}) == "second"
    assert f.extract({"a": "first", "b": "second"}) == "first"


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"type": "bogus", "offset": ["a"]}, "type is 'bogus'"),
        ({"type": "integer"}, "needs an offset"),
        ({"type": "numeric-range", "min_offset": [["a"]]}, "needs both min_offset and max_offset"),
        ({"offset": "a"}, "give a list of keys"),
    ],
)
def test_bad_field_docs(doc: dict[str, object], message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        SearchField.from_doc("f", doc, where="test")
