"""``ds.geobox``, ``ds.extent``, ``ds.crs`` and ``ds.affine`` on xarray objects, as ODC gave them.

ODC added these properties to ``xarray.Dataset`` and ``xarray.DataArray``; notebooks use them
on loaded data. They are odc-geo's ``.odc.geobox`` and its extent, CRS and transform. On an
object without a GeoBox each falls back to what xarray itself gives for the name (a variable
or attribute called ``crs``, say), and raises AttributeError when there is none, so objects
that are not geographic behave as before.

:func:`register` adds them once; ``Datacube.load`` and ``terracube.compat`` call it. A
property another library already defined under one of these names is left alone.
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["register"]

_LOCK = threading.Lock()
_DONE: list[bool] = []


def _geobox(obj: Any) -> Any:
    import odc.geo.xr  # noqa: F401  (registers the .odc accessor)

    return obj.odc.geobox


def _property(name: str, pick: Any) -> property:
    def get(self: Any) -> Any:
        gbox = _geobox(self)
        if gbox is None:
            # Not geographic: what xarray would give without this property (variable, attribute).
            return type(self).__getattr__(self, name)
        return pick(gbox)

    get.__name__ = name
    get.__doc__ = f"The {name} of the object's GeoBox (``.odc.geobox``), as ODC gave it."
    return property(get)


_PROPERTIES = {
    "geobox": lambda g: g,
    "extent": lambda g: g.extent,
    "crs": lambda g: g.crs,
    "affine": lambda g: g.transform,
}


def register() -> None:
    """Add the properties to ``xarray.Dataset`` and ``xarray.DataArray`` (once; idempotent)."""
    if _DONE:
        return
    with _LOCK:
        if _DONE:
            return
        import xarray as xr

        for cls in (xr.Dataset, xr.DataArray):
            for name, pick in _PROPERTIES.items():
                if name not in cls.__dict__:
                    setattr(cls, name, _property(name, pick))
        _DONE.append(True)
