"""The plugin manager: index, reader and writer drivers found through entry points.

Built-in drivers and third-party ones register the same way, in three entry-point groups
(:data:`INDEX_GROUP`, :data:`READER_GROUP`, :data:`WRITER_GROUP`), each entry point naming a
zero-argument init function that returns a driver object. Each group is discovered once, on
first use, and cached; a broken plugin is reported with one
:class:`~terracube.errors.TerracubePluginWarning` and the others still load. See
``docs/plugins.md``.

Layering: this package imports ``terracube.cfg`` and ``terracube.errors`` only, and no driver
module until a group is discovered, so ``import terracube.drivers`` never pulls in psycopg,
obstore, dask or rasterio. The reader and writer contract (``ReaderDriverProtocol``,
``WriterDriverProtocol``, ``DriverInfo``) is defined in ``terracube.storage.bands`` and
re-exported here on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.drivers._discovery import (
    INDEX_GROUP,
    READER_GROUP,
    WRITER_GROUP,
    refresh_drivers,
)
from terracube.drivers._info import STORAGE_CONTRACT, IndexDriverProtocol
from terracube.drivers._lookup import (
    DriverRow,
    connect_index,
    describe_drivers,
    index_driver,
    index_drivers,
    reader_driver,
    reader_drivers,
    writer_driver,
    writer_drivers,
)

if TYPE_CHECKING:
    from terracube.storage.bands import DriverInfo, ReaderDriverProtocol, WriterDriverProtocol

__all__ = [
    "INDEX_GROUP",
    "READER_GROUP",
    "WRITER_GROUP",
    "DriverInfo",
    "DriverRow",
    "IndexDriverProtocol",
    "ReaderDriverProtocol",
    "WriterDriverProtocol",
    "connect_index",
    "describe_drivers",
    "index_driver",
    "index_drivers",
    "reader_driver",
    "reader_drivers",
    "refresh_drivers",
    "writer_driver",
    "writer_drivers",
]


def __getattr__(name: str) -> Any:
    # The reader/writer contract lives in terracube.storage.bands; import it on first use.
    if name in STORAGE_CONTRACT:
        from terracube.drivers import _info

        return getattr(_info, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
