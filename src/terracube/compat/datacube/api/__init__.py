"""``datacube.api``: the :class:`Datacube`.

``GridWorkflow``, ``Tile`` and ``API`` import (modules that import them without using them
still load) and raise :class:`~terracube.errors.UnsupportedError`, saying what to use
instead, when used.
"""

from __future__ import annotations

from terracube.api import Datacube
from terracube.compat.datacube._not_offered import not_offered_class

GridWorkflow = not_offered_class("datacube.api.GridWorkflow")
Tile = not_offered_class("datacube.api.Tile")
API = not_offered_class("datacube.api.API")

__all__ = ["API", "Datacube", "GridWorkflow", "Tile"]
