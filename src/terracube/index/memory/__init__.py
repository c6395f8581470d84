"""The ``memory`` index driver: everything in process memory, nothing persisted.

Useful for tests, notebooks and as the reference the other drivers are checked against.
"""

from __future__ import annotations

from terracube.index.memory._driver import MemoryIndex, MemoryIndexDriver, driver_init

__all__ = ["MemoryIndex", "MemoryIndexDriver", "driver_init"]
