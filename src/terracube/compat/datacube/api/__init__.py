"""``datacube.api``: the :class:`Datacube`."""

from __future__ import annotations

from terracube.api import Datacube

__all__ = ["Datacube"]
