"""``ds.geobox``, ``ds.extent``, ``ds.crs`` and ``ds.affine`` on xarray objects, as ODC gave them.

ODC added these properties to ``xarray.Dataset`` and ``xarray.DataArray``; notebooks use them
on loaded data. They are odc-geo's ``.odc.geobox`` and its extent, CRS and transform. On an
object without a GeoBox each falls back to what xarray itself gives for the name (a variable
or attribute called ``crs``, say). A grid without a CRS counts as no GeoBox, as in ODC 1.8
(odc-geo's ``.odc.geobox`` still gives it). When there is none, ``geobox``, ``extent`` and ``affine``
are None, as ODC gave them (helpers test ``if xarr.geobox is None:`` before assigning a CRS),
and ``crs`` raises AttributeError, as xarray does for an object with no such attribute.

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
    """odc-geo's GeoBox of ``obj``, or None when it has none or its grid has no CRS (as ODC 1.8 read it)."""
    import odc.geo.xr  # noqa: F401  (registers the .odc accessor)

    gbox = obj.odc.geobox
    return None if gbox is None or gbox.crs is None else gbox


def _property(name: str, pick: Any, none_without: bool) -> property:
    def get(self: Any) -> Any:
        gbox = _geobox(self)
        if gbox is None:
            # Not geographic: what xarray would give without this property (variable, attribute).
            try:
                return type(self).__getattr__(self, name)
            except AttributeError:
                if none_without:
                    return None
                raise
        return pick(gbox)

    get.__name__ = name
    get.__doc__ = f"The {name} of the object's GeoBox (``.odc.geobox``), as ODC gave it."
    return property(get)


#: name -> (what it is of a GeoBox, None when there is no GeoBox rather than AttributeError)
_PROPERTIES = {
    "geobox": (lambda g: g, True),
    "extent": (lambda g: g.extent, True),
    "crs": (lambda g: g.crs, False),
    "affine": (lambda g: g.transform, True),
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
            for name, (pick, none_without) in _PROPERTIES.items():
                if name not in cls.__dict__:
                    setattr(cls, name, _property(name, pick, none_without))
        _DONE.append(True)
