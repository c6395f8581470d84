"""Masks from flags_definition: bit flags, multi-bit fields, nodata; checked against plain bit maths."""

from __future__ import annotations

from typing import Any

import dask.array as da
import numpy as np
import pandas as pd
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st

from terracube.api.masking import (
    create_mask_value,
    describe_flags_def,
    describe_variable_flags,
    get_flags_def,
    list_flag_names,
    make_mask,
    mask_invalid_data,
    mask_to_dict,
    valid_data_mask,
)
from terracube.errors import MaskingError

# A pixel-quality band as products define them: single bits (given as a number or a one-item
# list) and multi-bit fields, with bool, string and integer meanings.
PQ = {
    "nodata": {"bits": 0, "values": {0: False, 1: True}, "description": "No data"},
    "cloud": {
        "bits": [1, 2],
        "values": {0: "none", 1: "low", 2: "medium", 3: "high"},
        "description": "Cloud",
    },
    "water": {"bits": [3], "values": {"0": "land", "1": "water"}, "description": "Water"},
    "class": {"bits": [4, 5, 6, 7], "values": {"0": 0, "5": 5, "15": 15}},
}


def band(values: Any, flags: Any = PQ, nodata: Any = None, name: str = "pq") -> xr.DataArray:
    attrs = {"flags_definition": flags}
    if nodata is not None:
        attrs["nodata"] = nodata
    arr = values if isinstance(values, da.Array) else np.asarray(values)
    return xr.DataArray(arr, dims=[f"d{i}" for i in range(arr.ndim)], name=name, attrs=attrs)


# --- fixed examples ---------------------------------------------------------------------------


def test_single_bit_and_multi_bit_flags() -> None:
    values = np.array([0b0000, 0b0001, 0b0110, 0b0010, 0b1100, 0b1110], dtype="uint8")
    pq = band(values)
    assert make_mask(pq, nodata=True).values.tolist() == [False, True, False, False, False, False]
    assert make_mask(pq, cloud="high").values.tolist() == [False, False, True, False, False, True]
    assert make_mask(pq, cloud="low").values.tolist() == [False, False, False, True, False, False]
    # Several flags: all of them; "water" is keyed by strings (as after a JSON round trip).
    clear_land = make_mask(pq, nodata=False, cloud="none", water="land")
    assert clear_land.values.tolist() == [True, False, False, False, False, False]
    assert make_mask(pq, water="water", cloud="medium").values.tolist() == [False] * 4 + [True, False]
    assert make_mask(pq, **{"class": 0}).dtype == bool


def test_create_mask_value_and_mask_to_dict() -> None:
    assert create_mask_value(PQ, cloud="medium") == (0b110, 0b100)
    assert create_mask_value(PQ, water="water", nodata=True) == (0b1001, 0b1001)
    assert create_mask_value(PQ, **{"class": 15}) == (0xF0, 0xF0)
    assert mask_to_dict(PQ, 0b1111_1101) == {"nodata": True, "cloud": "medium", "water": "water", "class": 15}
    # A value the definition does not name leaves the flag out.
    assert "class" not in mask_to_dict(PQ, 0b0011_0000)


def test_dataset_uses_the_band_with_flags() -> None:
    ds = xr.Dataset(
        {
            "red": ("x", np.array([1.0, 2.0, 3.0])),
            "pq": band(np.array([0, 1, 6], dtype="uint8"), name="pq").rename({"d0": "x"}),
        }
    )
    assert get_flags_def(ds) is PQ
    assert list_flag_names(ds) == ["class", "cloud", "nodata", "water"]
    mask = make_mask(ds[["pq"]], cloud="high")
    assert isinstance(mask, xr.Dataset) and mask.pq.values.tolist() == [False, False, True]
    with pytest.raises(MaskingError, match=r"needs integer bands; band 'red' is float64"):
        make_mask(ds, cloud="high")


def test_lazy_bands_stay_lazy() -> None:
    values = np.arange(64, dtype="uint16").reshape(8, 8)
    pq = band(da.from_array(values, chunks=4))
    mask = make_mask(pq, cloud="low", nodata=False)
    assert isinstance(mask.data, da.Array)
    expected = ((values >> 1) & 3 == 1) & (values & 1 == 0)
    np.testing.assert_array_equal(mask.compute().values, expected)
    valid = valid_data_mask(band(da.from_array(values, chunks=4), nodata=7))
    assert isinstance(valid.data, da.Array)
    np.testing.assert_array_equal(valid.values, values != 7)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ({"clouds": "high"}, r"unknown flag 'clouds'; the band's flags are \['class', 'cloud', 'nodata', 'water'\]"),
        ({"cloud": "heavy"}, r"unknown value 'heavy' for flag 'cloud'; its values are \['none', 'low', 'medium', 'high'\]"),
    ],
)  # fmt: skip
def test_unknown_flag_or_value(flags: dict[str, Any], message: str) -> None:
    with pytest.raises(MaskingError, match=message):
        make_mask(band([0]), **flags)


def test_bad_definitions_and_requests() -> None:
    shared = {"a": {"bits": [0, 1], "values": {1: "x", 2: "x"}}}
    with pytest.raises(MaskingError, match=r"value 'x' of flag 'a' is given by several bit values \[1, 2\]"):
        create_mask_value(shared, a="x")
    too_big = {"a": {"bits": 0, "values": {2: "two"}}}
    with pytest.raises(MaskingError, match=r"value 2 of flag 'a' does not fit in its bits 0"):
        create_mask_value(too_big, a="two")
    overlapping = {"a": {"bits": [0, 1], "values": {3: "both"}}, "b": {"bits": 1, "values": {0: "off"}}}
    with pytest.raises(MaskingError, match=r"flag 'b'='off' contradicts an earlier flag on bits \[1\]"):
        create_mask_value(overlapping, a="both", b="off")
    with pytest.raises(MaskingError, match=r"flag 'a' has bits 'x'"):
        get_flags_def(band([0], flags={"a": {"bits": "x", "values": {}}}))
    with pytest.raises(MaskingError, match=r"flag 'a' is malformed"):
        get_flags_def(band([0], flags={"a": {"values": {}}}))
    with pytest.raises(MaskingError, match=r"band 'red' has no 'flags_definition' attribute"):
        make_mask(xr.DataArray([1], name="red"), cloud="high")
    with pytest.raises(MaskingError, match=r"needs integer bands; band 'pq' is float32"):
        make_mask(band(np.array([1.0], dtype="float32")), cloud="high")


def test_valid_data_mask_and_mask_invalid_data() -> None:
    ints = band(np.array([0, -999, 5], dtype="int16"), nodata=-999)
    assert valid_data_mask(ints).values.tolist() == [True, False, True]
    masked = mask_invalid_data(ints)
    assert masked.dtype.kind == "f" and np.isnan(masked.values[1]) and masked.values[2] == 5
    assert "nodata" not in masked.attrs and masked.attrs["flags_definition"] is PQ
    assert mask_invalid_data(ints, keep_attrs=False).attrs == {}
    floats = band(np.array([1.0, np.nan, -1.0], dtype="float32"), nodata=-1.0)
    assert valid_data_mask(floats).values.tolist() == [True, False, False]
    nan_nodata = band(np.array([1.0, np.nan]), nodata=float("nan"))
    assert valid_data_mask(nan_nodata).values.tolist() == [True, False]
    no_nodata = xr.DataArray(np.array([1, 2]), attrs={"units": "1"})
    assert valid_data_mask(no_nodata).values.tolist() == [True, True]
    assert mask_invalid_data(no_nodata) is no_nodata
    ds = xr.Dataset({"a": ints.rename({"d0": "x"}), "b": floats.rename({"d0": "x"})}, attrs={"title": "t"})
    out = mask_invalid_data(ds)
    assert out.attrs == {"title": "t"} and np.isnan(out.b.values[2]) and np.isnan(out.a.values[1])
    assert valid_data_mask(ds).b.values.tolist() == [True, False, False]
    with pytest.raises(TypeError, match=r"takes an xarray Dataset or DataArray, not ndarray"):
        valid_data_mask(np.zeros(2))  # type: ignore[arg-type]


def test_describe() -> None:
    pq = band([0])
    frame = describe_variable_flags(pq)
    assert isinstance(frame, pd.DataFrame)
    assert sorted(frame.index) == ["class", "cloud", "nodata", "water"]
    assert frame.loc["cloud", "bits"] == [1, 2] and frame.loc["nodata", "description"] == "No data"
    text = describe_variable_flags(pq, with_pandas=False)
    assert isinstance(text, str) and text == describe_flags_def(PQ)
    lines = text.splitlines()
    assert lines[0].split(" | ")[0].strip() == "Flag name"
    # Lowest bits first; each value on its own line, the flag named on its first.
    assert [ln.split("|")[0].strip() for ln in lines[2:] if ln.split("|")[0].strip()] == [
        "nodata", "cloud", "water", "class",
    ]  # fmt: skip
    assert len(lines) == 2 + 2 + 4 + 2 + 3


# --- properties: any definition of disjoint fields, any pixels ------------------------------------


@st.composite
def definitions(draw: st.DrawFn) -> dict[str, Any]:
    """Disjoint fields over 16 bits: single bits (as a number or a list) and multi-bit fields."""
    widths = draw(st.lists(st.integers(1, 4), min_size=1, max_size=6))
    flags: dict[str, Any] = {}
    low = draw(st.integers(0, 2))
    for i, width in enumerate(widths):
        if low + width > 16:
            break
        bits: Any = list(range(low, low + width))
        if width == 1 and draw(st.booleans()):
            bits = low
        numbers = draw(st.lists(st.integers(0, 2**width - 1), min_size=1, unique=True))
        as_text = draw(st.booleans())
        flags[f"f{i}"] = {
            "bits": bits,
            "values": {(str(n) if as_text else n): f"v{i}_{n}" for n in numbers},
        }
        low += width + draw(st.integers(0, 1))
    return flags


def field_of(defn: dict[str, Any], pixels: np.ndarray) -> np.ndarray:
    bits = defn["bits"] if isinstance(defn["bits"], list) else [defn["bits"]]
    return (pixels.astype("int64") >> min(bits)) & (2 ** len(bits) - 1)


@settings(max_examples=200, deadline=None)
@given(flags=definitions(), data=st.data())
def test_make_mask_matches_bit_arithmetic(flags: dict[str, Any], data: st.DataObject) -> None:
    pixels = np.array(data.draw(st.lists(st.integers(0, 2**16 - 1), min_size=1, max_size=50)), dtype="uint16")
    chosen = data.draw(st.lists(st.sampled_from(sorted(flags)), unique=True, min_size=1))
    wanted = {name: data.draw(st.sampled_from(list(flags[name]["values"].items()))) for name in chosen}
    mask = make_mask(band(pixels, flags), **{name: meaning for name, (_, meaning) in wanted.items()})
    expected = np.ones(pixels.shape, dtype=bool)
    for name, (number, _) in wanted.items():
        expected &= field_of(flags[name], pixels) == int(number)
    np.testing.assert_array_equal(mask.values, expected)


@settings(max_examples=200, deadline=None)
@given(flags=definitions(), pixel=st.integers(0, 2**16 - 1))
def test_mask_to_dict_round_trips(flags: dict[str, Any], pixel: int) -> None:
    meanings = mask_to_dict(flags, pixel)
    for name, defn in flags.items():
        named = {int(n) for n in defn["values"]}
        held = int(field_of(defn, np.array([pixel]))[0])
        assert (name in meanings) == (held in named)
    if meanings:
        mask, value = create_mask_value(flags, **meanings)
        assert pixel & mask == value
        assert bool(make_mask(band(np.array([pixel], dtype="uint16"), flags), **meanings).values[0])


@settings(max_examples=100, deadline=None)
@given(
    values=st.lists(st.integers(-5, 5), min_size=1, max_size=30),
    nodata=st.integers(-5, 5),
)
def test_nodata_masks_agree(values: list[int], nodata: int) -> None:
    arr = band(np.array(values, dtype="int16"), nodata=nodata)
    valid = valid_data_mask(arr).values
    np.testing.assert_array_equal(valid, np.array(values) != nodata)
    masked = mask_invalid_data(arr).values
    np.testing.assert_array_equal(np.isnan(masked), ~valid)
    np.testing.assert_array_equal(masked[valid], np.array(values)[valid])
