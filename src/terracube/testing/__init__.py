"""Test helpers for terracube and for third-party drivers.

The reusable conformance suites live beside what they test:
:class:`terracube.index.testing.IndexTests` for index drivers and
``terracube.storage.testing.StoreTests`` for byte stores. The pytest plugin in
:mod:`terracube.testing.pytest_plugin` is registered through the ``pytest11`` entry point.
"""

from __future__ import annotations

__all__: list[str] = []
