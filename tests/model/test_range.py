from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from terracube.model import Range

ends = st.one_of(st.none(), st.integers(-100, 100))


def test_unpacks_like_a_pair() -> None:
    lo, hi = Range(1, 2)
    assert (lo, hi) == (1, 2)
    assert Range(1, 2)[1] == 2
    assert len(Range(1, 2)) == 2
    assert pickle.loads(pickle.dumps(Range(1, 2))) == Range(1, 2)
    assert hash(Range(1, 2)) == hash(Range(1, 2))


@given(a=ends, b=ends, v=st.integers(-120, 120))
def test_contains_is_closed(a: int | None, b: int | None, v: int) -> None:
    expected = (a is None or v >= a) and (b is None or v <= b)
    assert Range(a, b).contains(v) == expected


@given(a=ends, b=ends, c=ends, d=ends)
def test_overlap_is_symmetric_and_matches_points(
    a: int | None, b: int | None, c: int | None, d: int | None
) -> None:
    r1, r2 = Range(a, b), Range(c, d)
    assert r1.overlaps(r2) == r2.overlaps(r1)
    points = range(-101, 102)
    shared = any(r1.contains(p) and r2.contains(p) for p in points)
    # Integer ranges within [-100, 100]: overlap is exactly "share a point" unless one is empty.
    empty = (a is not None and b is not None and a > b) or (c is not None and d is not None and c > d)
    if not empty:
        assert r1.overlaps(r2) == shared
