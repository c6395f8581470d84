"""Query expressions on the command line -> search keywords."""

from __future__ import annotations

import pytest

from terracube.cli._expressions import parse_expressions
from terracube.errors import QueryError


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["product=ls8"], {"product": "ls8"}),
        (["time in [2020-01, 2020-03]"], {"time": ("2020-01", "2020-03")}),
        (["time=2020"], {"time": "2020"}),
        (["time in 2020-06"], {"time": "2020-06"}),
        (["lat in [-36, -35]", "lon in [149, 150]"], {"lat": ("-36", "-35"), "lon": ("149", "150")}),
        (["cloud_cover in [0,20]"], {"cloud_cover": ("0", "20")}),
        (["platform=landsat-8"], {"platform": "landsat-8"}),
        # Several expressions in one argument, and one expression over several arguments.
        (["product=ls8 time in [2020-01, 2020-03]"], {"product": "ls8", "time": ("2020-01", "2020-03")}),
        (["time", "in", "[2020-01,", "2020-03]"], {"time": ("2020-01", "2020-03")}),
        # Open ends.
        (["time in [2020-06, ]"], {"time": ("2020-06", None)}),
        (["cloud_cover in [, 20]"], {"cloud_cover": (None, "20")}),
        # Quotes keep spaces, commas and brackets; escapes inside quotes.
        (['platform="landsat 8"'], {"platform": "landsat 8"}),
        (["label='a, [b]'"], {"label": "a, [b]"}),
        ([r'label="say \"hi\""'], {"label": 'say "hi"'}),
        # Full timestamps and numeric-looking strings stay as written.
        (["time=2020-01-01T10:00:00+10:00"], {"time": "2020-01-01T10:00:00+10:00"}),
        (["region_code=089084"], {"region_code": "089084"}),
        (["IN in [1, 2]"], {"IN": ("1", "2")}),
        ([], {}),
        (["  "], {}),
    ],
)
def test_parse(args: list[str], expected: dict[str, object]) -> None:
    assert parse_expressions(args) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("product", r"expected '=' or 'in' after 'product' but found the end"),
        ("product=", r"expected a value but found the end at position 8"),
        ("=ls8", r"expected a field name but found '='"),
        ("9lives=1", r"expected a field name but found '9lives'"),
        ("time in [2020 2021]", r"expected ',' between the two ends .* found '2021'"),
        ("time in [2020, 2021", r"expected ']' closing the range"),
        ("time in [2020, 2021, 2022]", r"expected ']' closing the range .* found ','"),
        ("time > 2020", r"expected '=' or 'in' after 'time' but found '>'"),
        ('platform="landsat', r"unclosed quote"),
        ("time=2020 time=2021", r"field 'time' is given twice"),
    ],
)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_expressions([text])


def test_error_names_the_whole_expression() -> None:
    with pytest.raises(QueryError, match=r"of 'product=ls8 time in \[2020'"):
        parse_expressions(["product=ls8", "time in [2020"])
