from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from terracube.errors import QueryError
from terracube.index.query import (
    Between,
    Negation,
    ValueIn,
    matches,
    parse_spatial,
    parse_time,
    to_field_expression,
)
from terracube.model import Not, Range, eo3_metadata_type

FIELDS = eo3_metadata_type().search_fields


def _pd(value: str, end: bool) -> dt.datetime:
    p = pd.Period(value)
    t = p.end_time if end else p.start_time
    return t.to_pydatetime(warn=False).replace(tzinfo=dt.UTC)


@given(
    d=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    precision=st.sampled_from(["Y", "M", "D"]),
)
def test_period_strings_cover_their_whole_period(d: dt.date, precision: str) -> None:
    text = {"Y": f"{d:%Y}", "M": f"{d:%Y-%m}", "D": f"{d:%Y-%m-%d}"}[precision]
    r = parse_time(text)
    assert r == Range(_pd(text, end=False), _pd(text, end=True))
    # As the end of a range, a period string reaches the end of its period too.
    assert parse_time((None, text)).end == r.end
    assert parse_time((text, None)).begin == r.begin


@given(
    t=st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31)),
    precision=st.sampled_from(["h", "min", "s", "ms"]),
)
def test_time_strings_cover_the_unit_they_are_written_to(t: dt.datetime, precision: str) -> None:
    """To the hour, minute, second or millisecond: that unit, as a pandas Period (and ODC) has it."""
    text = {
        "h": f"{t:%Y-%m-%dT%H}",
        "min": f"{t:%Y-%m-%dT%H:%M}",
        "s": f"{t:%Y-%m-%dT%H:%M:%S}",
        "ms": f"{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}",
    }[precision]
    assert parse_time(text) == Range(_pd(text, end=False), _pd(text, end=True))
    assert parse_time(text + "Z") == parse_time(text)
    assert parse_time(text.replace("-", "", 2).replace(":", "")) == parse_time(text)  # basic form


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("20200315", "2020-03-15"),
        ("2020/03/15", "2020-03-15"),
        ("2020/3", "2020-03"),
        ("2020-3-5", "2020-03-05"),
        (" 2020-03 ", "2020-03"),
        ("2020-03-15 12:30", "2020-03-15T12:30"),
        ("2020-03-15T12:30:15,5", "2020-03-15T12:30:15.500"),
    ],
)
def test_other_spellings_of_a_period(text: str, period: str) -> None:
    assert parse_time(text) == parse_time(period)


def test_quarters() -> None:
    utc = dt.UTC
    assert parse_time("2020-Q2") == Range(
        dt.datetime(2020, 4, 1, tzinfo=utc), dt.datetime(2020, 6, 30, 23, 59, 59, 999999, tzinfo=utc)
    )
    assert parse_time("2020q4").end == dt.datetime(2020, 12, 31, 23, 59, 59, 999999, tzinfo=utc)


def test_fractions_beyond_milliseconds_are_instants() -> None:
    t = dt.datetime(2020, 3, 1, 12, 30, 15, 250000, tzinfo=dt.UTC)
    assert parse_time("2020-03-01T12:30:15.250000") == Range(t, t)
    assert parse_time("2020-03-01T12:30:15.2500009Z") == Range(t, t)
    assert parse_time("2020-03-01T12:30:15.25").end == t + dt.timedelta(microseconds=999)


@given(a=st.datetimes(timezones=st.just(dt.UTC)), b=st.datetimes(timezones=st.just(dt.UTC)))
def test_datetime_pairs(a: dt.datetime, b: dt.datetime) -> None:
    # A datetime without a fraction of a second covers that second, as its ISO string would.
    end = b if b.microsecond else b + dt.timedelta(microseconds=999_999)
    if a <= end:
        assert parse_time((a, b)) == Range(a, end)
    else:
        with pytest.raises(QueryError, match="ends before it starts"):
            parse_time((a, b))


def test_tz_aware_times_cover_their_period_in_their_zone() -> None:
    aest = dt.timezone(dt.timedelta(hours=10))
    r = parse_time(dt.datetime(2020, 3, 1, tzinfo=aest))
    assert r == Range(
        dt.datetime(2020, 2, 29, 14, tzinfo=dt.UTC), dt.datetime(2020, 2, 29, 14, 0, 0, 999999, tzinfo=dt.UTC)
    )
    assert parse_time("2020-03-01T00:00:00+10:00") == r
    assert parse_time("2020-03-01T23+10:00").end == dt.datetime(2020, 3, 1, 13, 59, 59, 999999, tzinfo=dt.UTC)


def test_naive_is_utc_and_offsets_convert() -> None:
    assert parse_time(dt.datetime(2020, 1, 1, 12)).begin == dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC)
    r = parse_time("2020-01-01T10:00+02:00")  # a minute, in +02:00
    assert r.begin == dt.datetime(2020, 1, 1, 8, tzinfo=dt.UTC)
    assert r.end == dt.datetime(2020, 1, 1, 8, 0, 59, 999999, tzinfo=dt.UTC)


def test_field_expressions() -> None:
    cc = FIELDS["cloud_cover"]
    assert to_field_expression(cc, (10, 50)) == Between(cc, Range(10.0, 50.0))
    assert to_field_expression(cc, [10, 20]) == ValueIn(cc, (10.0, 20.0))
    assert to_field_expression(cc, "5") == ValueIn(cc, (5.0,))
    assert matches(Between(cc, Range(10.0, 50.0)), 50.0)
    assert not matches(Between(cc, Range(10.0, 50.0)), 50.0001)
    lat = FIELDS["lat"]
    assert matches(ValueIn(lat, (3.0,)), Range(1.0, 3.0))
    assert not matches(ValueIn(lat, (3.1,)), Range(1.0, 3.0))
    with pytest.raises(QueryError, match=r"\(low, high\)"):
        to_field_expression(cc, (1, 2, 3))
    with pytest.raises(QueryError, match="empty list"):
        to_field_expression(cc, [])


def test_not_values_ours_and_odcs() -> None:
    family = FIELDS["product_family"]
    assert to_field_expression(family, Not("wo")) == Negation(ValueIn(family, ("wo",)))
    assert to_field_expression(family, Not(Not("wo"))) == ValueIn(family, ("wo",))

    # Code that imports ODC beside terracube passes ODC's own datacube.model.Not.
    class OdcNot:
        def __init__(self, value: object) -> None:
            self.value = value

    OdcNot.__name__, OdcNot.__module__ = "Not", "datacube.model"
    assert to_field_expression(family, OdcNot(["wo", "fc"])) == Negation(ValueIn(family, ("wo", "fc")))
    OdcNot.__module__ = "someone_else"
    with pytest.raises(QueryError, match="cannot search it"):
        to_field_expression(family, OdcNot("wo"))


def test_spatial_keywords() -> None:
    f = parse_spatial({"lat": (-10, 10), "lon": (170, 190)})
    assert f is not None
    assert len(f.boxes) == 2  # cut at the antimeridian
    assert f.geometry.bounds == pytest.approx((-180, -10, 180, 10))
    assert parse_spatial({"time": "2020"}) is None
    p = parse_spatial({"lat": 5, "lon": 6})
    assert p is not None
    assert p.geometry.bounds == pytest.approx((6 - 1e-6, 5 - 1e-6, 6 + 1e-6, 5 + 1e-6), abs=1e-12)
    q = parse_spatial({"lat": (-3_986_000, -3_976_000), "lon": (1_580_000, 1_590_000), "crs": "EPSG:3577"})
    r = parse_spatial({"y": (-3_986_000, -3_976_000), "x": (1_580_000, 1_590_000), "crs": "EPSG:3577"})
    assert q is not None and r is not None
    assert q.geometry.equals(r.geometry)
    assert q.crs == "EPSG:3577"
    s = parse_spatial({"x": (1, 2), "latitude": (3, 4), "coordinate_reference_system": "EPSG:4326"})
    assert s is not None and s.geometry.bounds == (1, 3, 2, 4)
    with pytest.raises(QueryError, match=r"\['crs', 'coordinate_reference_system'\] say the same thing"):
        parse_spatial({"x": 1, "y": 2, "crs": "EPSG:4326", "coordinate_reference_system": "EPSG:4326"})
    with pytest.raises(QueryError, match="crs alone"):
        parse_spatial({"crs": "EPSG:3577"})
    with pytest.raises(QueryError, match="'EPSG:999999' is not a known CRS"):
        parse_spatial({"x": (1, 2), "y": (1, 2), "crs": "EPSG:999999"})
    with pytest.raises(QueryError, match="lat must be numbers"):
        parse_spatial({"lat": ("a", "b")})
