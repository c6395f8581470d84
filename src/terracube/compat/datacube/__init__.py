"""``datacube``: :class:`Datacube`, and ODC's ``api``, ``model``, ``utils``, ``helpers``, ``storage``,
``drivers``, ``index`` and ``testutils`` modules that notebooks use.

Submodules load on first use, so ``import terracube.compat.datacube as datacube`` followed by
``datacube.utils.masking.make_mask(...)`` works as it does with ODC. ``datacube.virtual`` is
not offered: importing it raises :class:`~terracube.errors.NotOfferedError` saying what to use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from terracube import __version__
from terracube.api._xr_geo import register as _register_xr_properties

if TYPE_CHECKING:
    from terracube.api import Datacube

__all__ = ["Datacube", "__version__"]

_SUBMODULES = {"api", "drivers", "helpers", "index", "model", "storage", "testutils", "utils"}

# ``ds.geobox``, ``ds.extent``, ``ds.crs``, ``ds.affine`` on xarray objects, as after ``import datacube``.
_register_xr_properties()


def __getattr__(name: str) -> Any:
    if name == "Datacube":
        from terracube.api import Datacube

        return Datacube
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    from terracube.compat.datacube._not_offered import NOT_OFFERED

    if f"datacube.{name}" in NOT_OFFERED:
        raise AttributeError(f"{NOT_OFFERED[f'datacube.{name}']}; see docs/odc-code.md")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
