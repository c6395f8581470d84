"""JSON read exactly: integers beyond 64 bits, NaN and Infinity, as the json module reads them."""

from __future__ import annotations

import json
import math

import hypothesis.strategies as st
import pytest
from hypothesis import given

from terracube.model._docs import json_value

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_values_are_the_json_modules(value: object) -> None:
    text = json.dumps(value)
    assert json_value(text.encode()) == json.loads(text)
    assert json_value(text) == json.loads(text)


@pytest.mark.parametrize(
    "number", [2**64, -(2**63) - 1, 340282346638528859811704183484516925440, 10**400, 2**64 - 1]
)
def test_integers_beyond_64_bits_stay_integers(number: int) -> None:
    got = json_value(f'{{"nodata": {number}, "id": "S2B_55HFA_20210501_0_L2A"}}'.encode())
    assert got["nodata"] == number
    assert type(got["nodata"]) is int


def test_nan_and_infinity_as_other_tools_write_them() -> None:
    got = json_value(b'{"a": NaN, "b": -Infinity, "c": Infinity}')
    assert math.isnan(got["a"])
    assert (got["b"], got["c"]) == (-math.inf, math.inf)


@pytest.mark.parametrize("bad", [b'{"a": }', b"\xff\xfe", b""])
def test_not_json_is_a_value_error(bad: bytes) -> None:
    with pytest.raises(ValueError):
        json_value(bad)
