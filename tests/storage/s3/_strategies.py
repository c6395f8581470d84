"""Hypothesis strategies and helpers shared by the array tests: random arrays and selections."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

#: Byte orders, widths and kinds a store must keep exactly (bytes in, same bytes out).
DTYPES = ["|u1", "<i2", ">i4", "<u8", "<f4", ">f8", "<c8", "|b1", "<M8[s]"]

#: For tests that take store fixtures: the store is shared by the examples of one test, and
#: the same test body runs in one subclass per store.
ON_STORE = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.differing_executors],
)


def random_array(seed: int, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    """An array of random bytes (random bits for bool), so every byte pattern gets stored."""
    dt = np.dtype(dtype)
    rng = np.random.default_rng(seed)
    n = math.prod(shape)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool).reshape(shape)
    return np.frombuffer(rng.bytes(n * dt.itemsize), dtype=dt).reshape(shape).copy()


def expected(array: np.ndarray, selection: Any) -> np.ndarray:
    """``array[selection]`` as an array of `array`'s dtype (numpy gives a scalar for points)."""
    return np.asarray(array[selection], dtype=array.dtype)


def assert_same(got: np.ndarray, want: np.ndarray) -> None:
    """Equal shape, dtype and bytes (NaN payloads and byte order included)."""
    assert isinstance(got, np.ndarray)
    assert (got.shape, got.dtype) == (want.shape, want.dtype)
    assert np.ascontiguousarray(got).tobytes() == np.ascontiguousarray(want).tobytes()


@st.composite
def array_cases(draw: st.DrawFn, *, max_dims: int = 4, max_side: int = 9) -> tuple[tuple[int, ...], str, Any]:
    """A shape (0 to `max_dims` axes, empty axes allowed), a dtype and a numpy basic index."""
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=max_dims, min_side=0, max_side=max_side))
    dtype = draw(st.sampled_from(DTYPES))
    index = draw(hnp.basic_indices(shape, allow_ellipsis=True))
    return shape, dtype, index


@st.composite
def chunked_cases(
    draw: st.DrawFn, *, max_dims: int = 3, max_side: int = 9, max_per_axis: int = 3
) -> tuple[tuple[int, ...], tuple[int, ...], str, Any]:
    """Like :func:`array_cases`, plus a chunk shape of at most `max_per_axis` chunks per axis."""
    shape, dtype, index = draw(array_cases(max_dims=max_dims, max_side=max_side))
    chunks = tuple(draw(st.integers(max(1, -(-n // max_per_axis)), max(n, 1))) for n in shape)
    return shape, chunks, dtype, index
