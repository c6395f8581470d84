from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terracube.errors import DocumentError, QueryError
from terracube.model import FIELD_TYPES, Range, SearchField, parse_datetime
from terracube.model.fields import compile_extractor, get_path

if TYPE_CHECKING:
    from collections.abc import Callable


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


@pytest.mark.parametrize("missing", [float("nan"), float("inf"), float("-inf"), "NaN", "Inf", "-Inf", "nan"])
def test_a_number_that_cannot_be_searched_is_no_value(missing: object) -> None:
    """NaN and the infinities (as documents store them) leave a numeric field without a value."""
    scalar = SearchField.from_doc("gqa", {"type": "double", "offset": [["a"], ["b"]]})
    assert scalar.extract({"a": missing}) is None
    assert scalar.extract({"a": missing, "b": 2}) == 2.0  # the next offset is read instead
    ranged = SearchField.from_doc(
        "r", {"type": "double-range", "min_offset": [["a"], ["b"]], "max_offset": [["c"]]}
    )
    assert ranged.extract({"a": missing, "b": 1, "c": missing}) == Range(1.0, None)
    assert ranged.extract({"a": missing, "c": missing}) is None
    for doc in ({"a": missing, "b": 2}, {"a": missing, "b": 1, "c": missing}):
        assert compile_extractor({"gqa": scalar, "r": ranged})(doc) == {
            n: v for n, f in (("gqa", scalar), ("r", ranged)) if (v := f.extract(doc)) is not None
        }
    with pytest.raises(QueryError, match="NaN is not a searchable number"):
        scalar.coerce(float("nan"))  # a query value is still refused


# --- compiled extractors: the same values and errors as SearchField.extract ---------------------

# Values of every kind, valid or not for some type; documents holding them at the fields'
# paths (or near them: a list where a dict is expected, a missing key...).
_KEYS = st.sampled_from(["a", "b"])
_PATH = st.lists(st.one_of(_KEYS, _KEYS, st.integers(-1, 1)), min_size=1, max_size=3)
_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-10, 10),
    st.text(max_size=3),
    st.sampled_from(
        ["2020-01-02", "2020-01-02T03:04:05Z", " 2021-06-01T00:00:00+10:00 ", "12.5", "7", "NaN", "-Inf"]
    ),
    st.datetimes(),
    st.dates(),
    st.just([]),
    st.just({}),
)


@st.composite
def _field_docs(draw: st.DrawFn) -> dict[str, Any]:
    ftype = draw(st.sampled_from(sorted(FIELD_TYPES)))
    paths = st.lists(_PATH, min_size=1, max_size=3)
    if FIELD_TYPES[ftype][1]:
        return {"type": ftype, "min_offset": draw(paths), "max_offset": draw(paths)}
    return {"type": ftype, "offset": draw(paths)}


def _put(doc: Any, path: list[Any], value: Any) -> Any:
    """``doc`` with ``value`` at ``path``: dicts for string keys, lists for numbers."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(key, str):
        out = doc if isinstance(doc, dict) else {}
        out[key] = _put(out.get(key), rest, value)
        return out
    out = doc if isinstance(doc, list) else []
    out.extend([None] * (max(key + 1, -key) - len(out)))
    out[key] = _put(out[key], rest, value)
    return out


@st.composite
def _fields_and_doc(draw: st.DrawFn) -> tuple[list[dict[str, Any]], Any]:
    fdocs = draw(st.lists(_field_docs(), min_size=1, max_size=4))
    paths = [p for fd in fdocs for key in ("offset", "min_offset", "max_offset") for p in fd.get(key, [])]
    doc: Any = {}
    for p in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=len(paths))):
        doc = _put(doc, p, draw(_LEAF))
    return fdocs, doc


def _outcome(fn: Callable[[], object]) -> tuple[str, object]:
    try:
        return "value", fn()
    except Exception as e:
        return type(e).__name__, (str(e), getattr(e, "field", None), repr(getattr(e, "value", None)))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_fields_and_doc())
def test_compiled_extractor_matches_generic(case: tuple[list[dict[str, Any]], Any]) -> None:
    fdocs, doc = case
    fields = {f"f{i}": SearchField.from_doc(f"f{i}", fd) for i, fd in enumerate(fdocs)}

    def generic() -> dict[str, object]:
        out = {}
        for name, f in fields.items():
            v = f.extract(doc)
            if v is not None:
                out[name] = v
        return out

    expected = _outcome(generic)
    got = _outcome(lambda: compile_extractor(fields)(doc))
    assert got == expected
    if expected[0] == "value":  # equal values of the same types (1 == 1.0 == True otherwise)
        assert repr(got[1]) == repr(expected[1])


def test_compiled_extractor_reads_a_shared_path_once_with_the_same_error() -> None:
    f = SearchField.from_doc(
        "time",
        {"type": "datetime-range", "min_offset": [["s"], ["d"]], "max_offset": [["e"], ["d"]]},
    )
    extract = compile_extractor({"time": f})
    doc = {"s": "2020-01-05", "e": "2020-01-01", "d": "2020-01-03"}
    assert (
        extract(doc)
        == {"time": f.extract(doc)}
        == {"time": Range(parse_datetime("2020-01-03"), parse_datetime("2020-01-03"))}
    )
    with pytest.raises(DocumentError, match=r"field d has the value 'soon'.*'time'"):
        extract({"e": "2020-01-01", "d": "soon"})
