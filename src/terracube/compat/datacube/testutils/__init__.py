"""``datacube.testutils``: the ``io`` helpers notebooks use."""

from __future__ import annotations

__all__: list[str] = []
