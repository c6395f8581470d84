"""read_sources on uninitialised outputs: the same pixels as on outputs filled with nodata first."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from affine import Affine
from hypothesis import given, settings
from hypothesis import strategies as st
from odc.geo.geobox import GeoBox

from terracube.api._load import BandPlan, _fill_outside, read_sources
from terracube.storage.bands import BandInfo, check_window

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pytest

CRS = "EPSG:32633"


class ArrayReader:
    """A RasterReader over a numpy array (the protocol, in memory)."""

    def __init__(self, data: np.ndarray, gbox: GeoBox) -> None:
        self.data, self.gbox = data, gbox

    crs = CRS
    nodata = -1

    @property
    def transform(self) -> Affine:
        return self.gbox.transform

    @property
    def shape(self) -> tuple[int, int]:
        return self.data.shape  # type: ignore[return-value]

    @property
    def dtype(self) -> str:
        return self.data.dtype.name

    def read(
        self, window: Any = None, out_shape: Any = None, *, out: Any = None, resampling: str = "nearest"
    ) -> Any:
        (r0, r1), (c0, c1) = check_window(window, self.shape, "array")
        data = self.data[r0:r1, c0:c1]
        if out is not None:
            out[...] = data
            return out
        return data.copy()


_BAND = BandInfo("b", "mem://", "int32", -1, dataset_id="mem")


@dataclass(frozen=True)
class ArraySource:
    data: np.ndarray
    gbox: GeoBox
    band: BandInfo = _BAND

    @contextlib.contextmanager
    def open(self) -> Iterator[ArrayReader]:
        yield ArrayReader(self.data, self.gbox)


BASE = GeoBox((30, 40), Affine(10, 0, 500000, 0, -10, 6000000), CRS)


@settings(max_examples=60, deadline=None)
@given(
    tiles=st.lists(
        st.tuples(st.integers(-35, 35), st.integers(-45, 45), st.integers(1, 40), st.integers(1, 50)),
        min_size=0,
        max_size=3,
    ),
)
def test_unfilled_output_gives_the_same_pixels(tiles: list[tuple[int, int, int, int]]) -> None:
    rng = np.random.default_rng(len(tiles))
    sources = []
    for row, col, h, w in tiles:
        gbox = GeoBox((h, w), BASE.transform @ Affine.translation(col, row), CRS)
        data = rng.integers(0, 100, (h, w)).astype("int32")
        data[rng.random((h, w)) < 0.2] = -1  # some nodata, for fusing
        sources.append(ArraySource(data, gbox))
    plan = BandPlan("b", "int32", -1)
    filled = np.full(BASE.shape, -1, dtype="int32")
    read_sources(filled, BASE, sources, plan)
    garbage = np.full(BASE.shape, 12345, dtype="int32")
    read_sources(garbage, BASE, sources, plan, filled=False)
    np.testing.assert_array_equal(garbage, filled)


@given(
    shape=st.tuples(st.integers(1, 12), st.integers(1, 12)),
    box=st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(0, 12), st.integers(0, 12)),
)
def test_fill_outside_touches_only_the_outside(
    shape: tuple[int, int], box: tuple[int, int, int, int]
) -> None:
    y0, y1 = sorted(box[:2])
    x0, x1 = sorted(box[2:])
    a = np.arange(shape[0] * shape[1]).reshape(shape) + 1
    before = a.copy()
    _fill_outside(a, (slice(y0, y1), slice(x0, x1)), 0)
    inside = np.zeros(shape, bool)
    inside[y0:y1, x0:x1] = True
    np.testing.assert_array_equal(a[inside], before[inside])
    assert (a[~inside] == 0).all()
    _fill_outside(a, None, 0)
    assert (a == 0).all()


def test_eager_loads_keep_many_reads_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads wait on storage: an eager load runs more of them at once than there are cores."""
    from types import SimpleNamespace

    from terracube.api import _load

    at_once = 8
    barrier = threading.Barrier(at_once, timeout=10)
    # Each read waits until `at_once` reads are running: fewer threads break the barrier.
    monkeypatch.setattr(_load, "read_sources", lambda *args, **kwargs: barrier.wait())
    plan = SimpleNamespace(
        gbox=SimpleNamespace(shape=(2, 2)),
        bands={"b": SimpleNamespace(dtype="float32")},
        sources={"b": tuple(((object(), None),) for _ in range(at_once))},
    )
    arrays = _load._eager_arrays(plan, None)  # type: ignore[arg-type]
    assert arrays["b"].shape == (at_once, 2, 2)
    assert at_once <= _load.READ_THREADS
