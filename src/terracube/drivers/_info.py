"""What a driver looks like: the index-driver protocol, and the storage-driver contract re-exported.

Reader and writer drivers follow the contract in :mod:`terracube.storage.bands` (the protocols,
base classes and the ``DriverInfo`` mixin live there, next to the bands and data sources they
exchange); this module names them for the plugin manager, importing them on first use so that
``import terracube.drivers`` stays free of the storage package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from terracube.cfg import Environment
    from terracube.index.abstract import AbstractIndex
    from terracube.storage.bands import DriverInfo, ReaderDriverProtocol, WriterDriverProtocol

#: Names this module re-exports from ``terracube.storage.bands``.
STORAGE_CONTRACT = frozenset({"DriverInfo", "ReaderDriverProtocol", "WriterDriverProtocol"})

__all__ = ["DriverInfo", "IndexDriverProtocol", "ReaderDriverProtocol", "WriterDriverProtocol"]


@runtime_checkable
class IndexDriverProtocol(Protocol):
    """An index driver, as the init function of a ``terracube.plugins.index`` entry point returns.

    terracube's own drivers derive from ``terracube.index.abstract.AbstractIndexDriver``; any
    object with this method works.
    """

    def connect_to_index(self, env: Environment) -> AbstractIndex:
        """Return an open index for the environment."""
        ...


def __getattr__(name: str) -> Any:
    if name in STORAGE_CONTRACT:
        from terracube.storage import bands

        return getattr(bands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
