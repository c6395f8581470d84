"""``datacube.api``: the :class:`Datacube`, and ``datacube.api.query`` (``Query``, ``query_group_by``).

``GridWorkflow``, ``Tile`` and ``API`` import (modules that import them without using them
still load) and raise :class:`~terracube.errors.UnsupportedError`, saying what to use
instead, when used.
"""

from __future__ import annotations

import importlib
from typing import Any

from terracube.api import Datacube
from terracube.compat.datacube._not_offered import not_offered_class

GridWorkflow = not_offered_class("datacube.api.GridWorkflow")
Tile = not_offered_class("datacube.api.Tile")
API = not_offered_class("datacube.api.API")

__all__ = ["API", "Datacube", "GridWorkflow", "Tile"]


def __getattr__(name: str) -> Any:
    if name in {"core", "query"}:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
