"""The header of a labelled chunked array and its coordinates, stored as a small JSON object."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import StorageError, StorageRequestError
from terracube.storage.s3._codecs import Codec, codec_from_spec
from terracube.storage.s3._layout import KEY_SCHEME, chunk_key

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ArrayHeader", "Coordinate"]

FORMAT = "terracube-chunked-array"
VERSION = 1
#: Coordinate positions are rounded to this many decimals before they count as on the grid.
DECIMAL_PLACES = 6


def _label_kind(dtype: np.dtype[Any]) -> str:
    if dtype.kind in "iu":
        return "int"
    if dtype.kind == "f":
        return "float"
    if dtype.kind == "M":
        return "datetime"
    if dtype.kind in "US":
        return "str"
    raise StorageRequestError(f"unsupported coordinate dtype {dtype}: use numbers, datetime64 or strings")


def _show(value: Any) -> str:
    """A label for a message: ``30`` or ``2020-01-01T00:00:00``, not ``np.int64(30)``."""
    return str(value) if isinstance(value, np.generic) else repr(value)


def _to_json_values(values: np.ndarray) -> list[Any]:
    if values.dtype.kind == "M":
        return [int(v) for v in values.view(np.int64)]
    if values.dtype.kind == "f":
        return [float(v) for v in values]
    if values.dtype.kind in "iu":
        return [int(v) for v in values]
    return [str(v) for v in values]


@dataclass(frozen=True, slots=True, eq=False)
class Coordinate:
    """The labels along one axis: regular (``start + i * step``) or a list of values.

    Examples
    --------
    >>> c = Coordinate.from_values("x", np.arange(5) * 30.0 + 500000.0)
    >>> c.is_regular, c.index(500060.0), c.index_range(500010.0, 500100.0)
    (True, 2, slice(1, 4, None))
    """

    dim: str
    """Dimension name."""
    size: int
    """Number of labels."""
    dtype: str
    """numpy dtype string of the labels (``<f8``, ``<M8[ns]``, ``<U4``...)."""
    start: Any = None
    """First label of a regular coordinate."""
    step: Any = None
    """Spacing of a regular coordinate (may be negative)."""
    values: np.ndarray | None = field(default=None)
    """All labels of an irregular coordinate."""

    @classmethod
    def from_values(cls, dim: str, values: Any) -> Coordinate:
        """Describe `values`: regular when they are ``values[0] + i * step``.

        Integers and datetimes must match exactly; floats within a billionth of a step (or a
        few units in the last place), so grids computed as ``start + i * resolution`` count
        as regular.
        """
        arr = np.asarray(values)
        if arr.ndim != 1:
            raise StorageRequestError(f"coordinate {dim!r} must be 1-d, got shape {arr.shape}")
        if arr.dtype.kind == "O":
            arr = arr.astype(str)
        if arr.dtype.kind == "M":
            arr = arr.astype("datetime64[ns]")
        _label_kind(arr.dtype)
        n = len(arr)
        if n >= 2 and arr.dtype.kind in "iuM":
            step = arr[1] - arr[0]
            if step != 0 and np.array_equal(arr[0] + np.arange(n) * step, arr):
                return cls(dim, n, arr.dtype.str, arr[0], step)
        elif n >= 2 and arr.dtype.kind == "f" and np.isfinite(arr).all():
            # start + i * step computed in floating point is off by a rounding error or two:
            # within a billionth of a step (or a few units in the last place) it is the same grid
            step = (arr[-1] - arr[0]) / (n - 1)
            tolerance = max(abs(step) * 1e-9, 8 * float(np.spacing(np.abs(arr).max())))
            if step != 0 and np.abs(arr[0] + np.arange(n) * step - arr).max() <= tolerance:
                return cls(dim, n, arr.dtype.str, arr[0], step)
        return cls(dim, n, arr.dtype.str, values=arr.copy())

    @property
    def is_regular(self) -> bool:
        """True when the labels are ``start + i * step``."""
        return self.values is None

    def to_numpy(self) -> np.ndarray:
        """All labels."""
        if self.values is not None:
            return self.values
        return self.start + np.arange(self.size) * self.step  # type: ignore[no-any-return]

    def _as_label(self, value: Any) -> Any:
        dt = np.dtype(self.dtype)
        try:
            if dt.kind == "M":
                return np.datetime64(value).astype(dt)
            if dt.kind in "US":
                return str(value)
            return np.asarray(value, dtype=np.float64)[()]
        except (TypeError, ValueError) as exc:
            raise StorageRequestError(f"{value!r} is not a label of coordinate {self.dim!r} ({dt})") from exc

    def _position(self, value: Any) -> float:
        """Fractional index of `value` on a regular coordinate."""
        label = self._as_label(value)
        if np.dtype(self.dtype).kind == "M":
            return float((label - self.start) / self.step)
        return float((label - float(self.start)) / float(self.step))

    def index(self, value: Any) -> int:
        """The index of the label `value`.

        Raises
        ------
        StorageRequestError
            When `value` is not one of the labels (off the grid, or out of range).
        """
        if self.values is None:
            position = round(self._position(value), DECIMAL_PLACES)
            if position != int(position) or not 0 <= position < self.size:
                raise StorageRequestError(
                    f"{value!r} is not a label of coordinate {self.dim!r} "
                    f"(start {_show(self.start)}, step {_show(self.step)}, {self.size} labels)"
                )
            return int(position)
        label = self._as_label(value)
        if self.values.dtype.kind == "f":
            hits = np.flatnonzero(np.isclose(self.values, label, rtol=1e-12, atol=0.0))
        else:
            hits = np.flatnonzero(self.values == label)
        if len(hits) == 0:
            raise StorageRequestError(f"{value!r} is not a label of coordinate {self.dim!r}")
        return int(hits[0])

    def index_range(self, low: Any, high: Any) -> slice:
        """The index slice of the labels between `low` and `high`, both included.

        Works for increasing and decreasing coordinates; the bounds may come in either order.

        Raises
        ------
        StorageRequestError
            For an irregular coordinate that is not monotonic over the range.
        """
        if self.values is None:
            a, b = sorted((self._position(low), self._position(high)))
            first = max(0, math.ceil(round(a, DECIMAL_PLACES)))
            last = min(self.size - 1, math.floor(round(b, DECIMAL_PLACES)))
            return slice(first, last + 1) if first <= last else slice(0, 0)
        lo, hi = self._as_label(low), self._as_label(high)
        if hi < lo:
            lo, hi = hi, lo
        hits = np.flatnonzero((self.values >= lo) & (self.values <= hi))
        if len(hits) == 0:
            return slice(0, 0)
        if hits[-1] - hits[0] + 1 != len(hits):
            raise StorageRequestError(
                f"coordinate {self.dim!r} is not monotonic between {low!r} and {high!r}; select by index"
            )
        return slice(int(hits[0]), int(hits[-1]) + 1)

    def to_json(self) -> dict[str, Any]:
        """The header form."""
        out: dict[str, Any] = {"dim": self.dim, "size": self.size, "dtype": self.dtype}
        if self.values is None:
            pair = _to_json_values(np.array([self.start, self.start + self.step]))
            if np.dtype(self.dtype).kind == "M":
                out["start"], out["step"] = pair[0], pair[1] - pair[0]
            else:
                out["start"], out["step"] = pair[0], _to_json_values(np.array([self.step]))[0]
        else:
            out["values"] = _to_json_values(self.values)
        return out

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Coordinate:
        """Read the header form."""
        dt = np.dtype(doc["dtype"])
        if "values" in doc:
            if dt.kind == "M":
                values = np.array(doc["values"], dtype=np.int64).view(dt)
            else:
                values = np.array(doc["values"], dtype=dt)
            return cls(doc["dim"], int(doc["size"]), dt.str, values=values)
        if dt.kind == "M":
            unit = np.datetime_data(dt)[0]
            start = np.int64(doc["start"]).view(dt)
            step = np.int64(doc["step"]).astype(f"m8[{unit}]")
        else:
            start, step = dt.type(doc["start"]), dt.type(doc["step"])
        return cls(doc["dim"], int(doc["size"]), dt.str, start, step)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Coordinate):
            return NotImplemented
        return self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(json.dumps(self.to_json(), sort_keys=True))


@dataclass(frozen=True, slots=True)
class ArrayHeader:
    """What a reader needs to know about a labelled chunked array.

    Stored as JSON at ``<name>/header.json``; chunks are at ``<name>/c/<i.j.k>`` (C-order
    bytes, encoded with `codec`, truncated at the array's edges).
    """

    name: str
    """Array name (the key prefix)."""
    shape: tuple[int, ...]
    """Shape of the whole array."""
    chunks: tuple[int, ...]
    """Nominal chunk shape."""
    dtype: str
    """numpy dtype string, with byte order (``<f4``)."""
    codec: Codec = field(default_factory=Codec)
    """How each chunk is encoded."""
    fill_value: Any = None
    """Value for elements of chunks never written (``missing="fill"`` reads)."""
    dims: tuple[str, ...] = ()
    """Dimension names (``dim_0``... when not given)."""
    coords: tuple[Coordinate | None, ...] = ()
    """Labels per dimension (None: the indices are the labels)."""
    key_scheme: str = KEY_SCHEME
    """Chunk key template."""

    def __post_init__(self) -> None:
        ndim = len(self.shape)
        if len(self.chunks) != ndim:
            raise StorageRequestError(
                f"chunks {self.chunks} must have one entry per axis of shape {self.shape}"
            )
        if any(n < 0 for n in self.shape) or any(c < 1 for c in self.chunks):
            raise StorageRequestError(
                f"invalid shape {self.shape} or chunks {self.chunks}: need n >= 0 and c >= 1"
            )
        if not self.dims:
            object.__setattr__(self, "dims", tuple(f"dim_{i}" for i in range(ndim)))
        if not self.coords:
            object.__setattr__(self, "coords", (None,) * ndim)
        if len(self.dims) != ndim or len(set(self.dims)) != ndim:
            raise StorageRequestError(f"dims {self.dims} must name each of the {ndim} axes once")
        for axis, coord in enumerate(self.coords):
            if coord is not None and (coord.size != self.shape[axis] or coord.dim != self.dims[axis]):
                raise StorageRequestError(
                    f"coordinate {coord.dim!r} has {coord.size} labels; axis {axis} ({self.dims[axis]!r}) "
                    f"has size {self.shape[axis]}"
                )

    @property
    def numpy_dtype(self) -> np.dtype[Any]:
        """The dtype."""
        return np.dtype(self.dtype)

    @property
    def grid_shape(self) -> tuple[int, ...]:
        """Number of chunks along each axis."""
        return tuple(-(-n // c) for n, c in zip(self.shape, self.chunks, strict=True))

    @property
    def n_chunks(self) -> int:
        """Number of chunk objects (when every chunk is written)."""
        return math.prod(self.grid_shape)

    def chunk_key(self, grid_index: Sequence[int]) -> str:
        """Key of the chunk at `grid_index`."""
        return chunk_key(self.name, grid_index)

    def chunk_slices(self, grid_index: Sequence[int]) -> tuple[slice, ...]:
        """The region of the array the chunk at `grid_index` holds (truncated at the edges)."""
        return tuple(
            slice(g * c, min((g + 1) * c, n))
            for g, c, n in zip(grid_index, self.chunks, self.shape, strict=True)
        )

    def axis(self, dim: str) -> int:
        """The axis number of dimension `dim`."""
        try:
            return self.dims.index(dim)
        except ValueError:
            raise StorageRequestError(
                f"array {self.name!r} has no dimension {dim!r}; it has {self.dims}"
            ) from None

    def coordinate(self, dim: str) -> Coordinate:
        """The labels of `dim` (its indices when it has none)."""
        axis = self.axis(dim)
        coord = self.coords[axis]
        return (
            coord if coord is not None else Coordinate(dim, self.shape[axis], "<i8", np.int64(0), np.int64(1))
        )

    def to_json(self) -> bytes:
        """The JSON document stored as the header object."""
        fill = self.fill_value
        if isinstance(fill, float) and not math.isfinite(fill):
            fill = "NaN" if math.isnan(fill) else ("Infinity" if fill > 0 else "-Infinity")
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "shape": list(self.shape),
            "chunks": list(self.chunks),
            "dtype": self.dtype,
            "order": "C",
            "codec": self.codec.to_json(),
            "fill_value": fill,
            "dims": list(self.dims),
            "coords": [c.to_json() if c is not None else None for c in self.coords],
            "key_scheme": self.key_scheme,
        }
        return json.dumps(doc, indent=1).encode()

    @classmethod
    def from_json(cls, data: bytes, *, what: str) -> ArrayHeader:
        """Read a header document; `what` names the object in errors.

        Raises
        ------
        StorageError
            When the document is not a terracube array header or a field is invalid.
        """
        try:
            doc = json.loads(bytes(data))
            if doc.get("format") != FORMAT or doc.get("version") != VERSION:
                raise ValueError(
                    f"format {doc.get('format')!r} version {doc.get('version')!r} is not {FORMAT!r} {VERSION}"
                )
            if doc.get("key_scheme") != KEY_SCHEME:
                raise ValueError(f"unknown key scheme {doc.get('key_scheme')!r}")
            fill = doc.get("fill_value")
            if fill in ("NaN", "Infinity", "-Infinity"):
                fill = float(fill.replace("Infinity", "inf"))
            return cls(
                name=doc["name"],
                shape=tuple(int(n) for n in doc["shape"]),
                chunks=tuple(int(c) for c in doc["chunks"]),
                dtype=np.dtype(doc["dtype"]).str,
                codec=codec_from_spec(doc["codec"]),
                fill_value=fill,
                dims=tuple(doc["dims"]),
                coords=tuple(Coordinate.from_json(c) if c is not None else None for c in doc["coords"]),
            )
        except (ValueError, KeyError, TypeError, StorageRequestError) as exc:
            raise StorageError(f"{what} is not a valid terracube array header: {exc}") from exc
