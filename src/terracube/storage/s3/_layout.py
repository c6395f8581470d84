"""Object keys of a labelled chunked array: a pure function of its name and chunk position.

An array called ``name`` keeps its header at ``name/header.json`` and the chunk at grid
position ``(i, j, k)`` at ``name/c/i.j.k`` (``name/c/0`` for a 0-d array). The header records
this scheme (:data:`KEY_SCHEME`) so a reader can find every chunk without listing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from terracube.errors import StorageRequestError
from terracube.storage.s3._backend import check_key

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["HEADER_NAME", "KEY_SCHEME", "array_name", "chunk_key", "header_key"]

HEADER_NAME = "header.json"
KEY_SCHEME = "{name}/c/{index}"
"""Chunk key template: ``index`` is the grid position joined by dots."""


def header_key(name: str) -> str:
    """Key of the header object of array `name`."""
    return check_key(f"{check_name(name)}/{HEADER_NAME}")


def chunk_key(name: str, grid_index: Sequence[int]) -> str:
    """Key of the chunk at `grid_index` of array `name`.

    Examples
    --------
    >>> chunk_key("ls8/blue", (0, 3, 1))
    'ls8/blue/c/0.3.1'
    """
    index = ".".join(str(int(i)) for i in grid_index) if len(grid_index) else "0"
    return KEY_SCHEME.format(name=name, index=index)


def array_name(key: str) -> str | None:
    """The array name if `key` is a header key, else None."""
    suffix = "/" + HEADER_NAME
    return key[: -len(suffix)] if key.endswith(suffix) else None


def check_name(name: str) -> str:
    """Return `name` if it can name an array (a valid key prefix), else raise."""
    check_key(name)
    if name.endswith("/c") or "/c/" in f"/{name}/":
        raise StorageRequestError(f"invalid array name {name!r}: a segment 'c' is reserved for chunks")
    return name
