"""`Range`: a closed interval of two values (times, numbers), either end possibly open."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterator

T = TypeVar("T")

__all__ = ["Range"]


@dataclass(frozen=True, slots=True)
class Range(Generic[T]):
    """A closed interval ``[begin, end]``.

    Unpacks like a pair (``lo, hi = r``), as users of ODC's ``Range`` named tuple expect.
    ``None`` at either end means unbounded on that side.
    """

    begin: T | None
    """Lower bound (inclusive), or None for no lower bound."""
    end: T | None
    """Upper bound (inclusive), or None for no upper bound."""

    def __iter__(self) -> Iterator[T | None]:
        yield self.begin
        yield self.end

    def __getitem__(self, i: int) -> T | None:
        return (self.begin, self.end)[i]

    def __len__(self) -> int:
        return 2

    def contains(self, value: Any) -> bool:
        """Whether ``value`` lies inside the closed interval."""
        if value is None:
            return False
        if self.begin is not None and value < self.begin:
            return False
        return not (self.end is not None and value > self.end)

    def overlaps(self, other: Range[Any]) -> bool:
        """Whether two closed intervals share at least one point."""
        if self.end is not None and other.begin is not None and other.begin > self.end:
            return False
        return not (self.begin is not None and other.end is not None and other.end < self.begin)
