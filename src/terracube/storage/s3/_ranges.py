"""Byte ranges: the half-open ``[start, stop)`` requests of ranged reads and multipart parts."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from terracube.errors import StorageRequestError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ByteRange", "RangeGroup", "coalesce", "split_aligned", "split_range"]


@dataclass(frozen=True, slots=True)
class ByteRange:
    """Bytes ``start`` (inclusive) to ``stop`` (exclusive) of one object.

    Examples
    --------
    >>> ByteRange(10, 20).length
    10
    >>> ByteRange(10, 20).http_header
    'bytes=10-19'
    """

    start: int
    """First byte."""
    stop: int
    """One past the last byte."""

    def __post_init__(self) -> None:
        if (
            not (isinstance(self.start, int) and isinstance(self.stop, int))
            or not 0 <= self.start <= self.stop
        ):
            raise StorageRequestError(
                f"invalid byte range [{self.start!r}, {self.stop!r}): need 0 <= start <= stop"
            )

    @property
    def length(self) -> int:
        """Number of bytes."""
        return self.stop - self.start

    @property
    def http_header(self) -> str:
        """The HTTP ``Range`` value (inclusive end); only for non-empty ranges."""
        return f"bytes={self.start}-{self.stop - 1}"


@dataclass(frozen=True, slots=True)
class RangeGroup:
    """Several ranges served by one fetch of `span`."""

    span: ByteRange
    """The bytes fetched."""
    first: int
    """Index of the first member range in the input sequence."""
    last: int
    """One past the index of the last member range."""


def split_range(start: int, stop: int, part_size: int) -> list[ByteRange]:
    """Cut ``[start, stop)`` into consecutive parts of `part_size` bytes (the last may be shorter).

    The parts begin at `start`, whatever it is, so they cover exactly the requested bytes.

    Examples
    --------
    >>> [(r.start, r.stop) for r in split_range(5, 17, 5)]
    [(5, 10), (10, 15), (15, 17)]
    """
    if part_size < 1:
        raise StorageRequestError(f"part size must be >= 1 byte, got {part_size!r}")
    ByteRange(start, stop)
    return [ByteRange(lo, min(lo + part_size, stop)) for lo in range(start, stop, part_size)]


def split_aligned(start: int, stop: int, part_size: int) -> list[ByteRange]:
    """Cut ``[start, stop)`` at the multiples of `part_size` (the first and last may be shorter).

    Parts that begin at multiples of `part_size` begin at checksum block boundaries too (block
    sizes are powers of two no larger than the part size), so verifying them reads nothing twice.

    Examples
    --------
    >>> [(r.start, r.stop) for r in split_aligned(5, 17, 5)]
    [(5, 10), (10, 15), (15, 17)]
    >>> [(r.start, r.stop) for r in split_aligned(7, 17, 5)]
    [(7, 10), (10, 15), (15, 17)]
    """
    if part_size < 1:
        raise StorageRequestError(f"part size must be >= 1 byte, got {part_size!r}")
    ByteRange(start, stop)
    edges = [start, *range((start // part_size + 1) * part_size, stop, part_size), stop]
    return [ByteRange(a, b) for a, b in itertools.pairwise(edges) if b > a]


def coalesce(ranges: Sequence[ByteRange], max_gap: int, max_span: int | None = None) -> list[RangeGroup]:
    """Group sorted, non-overlapping ranges whose gaps are at most `max_gap` bytes.

    Parameters
    ----------
    ranges
        Ranges in increasing order of `start`.
    max_gap
        Largest hole worth reading through rather than issuing another request.
    max_span
        Largest group span in bytes (None: unbounded), so big reads still split for parallelism.

    Returns
    -------
    list of RangeGroup
        In order; each group's members are ``ranges[first:last]``.

    Examples
    --------
    >>> [(g.span.start, g.span.stop, g.first, g.last)
    ...  for g in coalesce([ByteRange(0, 4), ByteRange(6, 8), ByteRange(100, 104)], 4)]
    [(0, 8, 0, 2), (100, 104, 2, 3)]
    """
    groups: list[RangeGroup] = []
    if not ranges:
        return groups
    first = 0
    lo, hi = ranges[0].start, ranges[0].stop
    for i in range(1, len(ranges)):
        r = ranges[i]
        if r.start < hi:
            raise StorageRequestError(f"ranges overlap or are unsorted at index {i}: {r!r} after stop {hi}")
        if r.start - hi <= max_gap and (max_span is None or r.stop - lo <= max_span):
            hi = r.stop
            continue
        groups.append(RangeGroup(ByteRange(lo, hi), first, i))
        first, lo, hi = i, r.start, r.stop
    groups.append(RangeGroup(ByteRange(lo, hi), first, len(ranges)))
    return groups
