"""ODC names terracube does not offer, each with what to use instead.

A module of them (``datacube.virtual``) raises :class:`~terracube.errors.NotOfferedError`
(an ImportError) when imported. A class of them (``GridWorkflow``) imports, so that modules
which import it without using it still load, and raises
:class:`~terracube.errors.UnsupportedError` when it is called or one of its attributes is
used. Either way the message names the thing and the way to do it in terracube.
"""

from __future__ import annotations

from typing import Any, NoReturn

from terracube.errors import NotOfferedError, UnsupportedError

__all__ = ["NOT_OFFERED", "not_offered_class", "not_offered_module"]

_SEE = "see docs/odc-code.md"

#: ODC name -> why it is missing and what to use instead.
NOT_OFFERED = {
    "datacube.virtual": (
        "ODC's virtual products (datacube.virtual) are not offered by terracube: load each product "
        "with dc.load(...) and combine the results with xarray (xr.merge, .where, ...)"
    ),
    "datacube.api.GridWorkflow": (
        "GridWorkflow (removed in ODC 1.9) is not offered by terracube: load each region with "
        "dc.load(..., like=geobox), or lazily in chunks with dc.load(..., dask_chunks={...})"
    ),
    "datacube.api.Tile": (
        "Tile (of ODC's GridWorkflow, removed in ODC 1.9) is not offered by terracube: load each region "
        "with dc.load(..., like=geobox), or lazily in chunks with dc.load(..., dask_chunks={...})"
    ),
    "datacube.api.API": (
        "datacube.api.API (ODC's first API, removed in ODC 1.2) is not offered by terracube: use "
        "datacube.Datacube() and its load, find_datasets, list_products and list_measurements"
    ),
}


def _message(name: str) -> str:
    return f"{NOT_OFFERED[name]}; {_SEE}"


def not_offered_module(name: str) -> NoReturn:
    """Raise the error of importing ODC's module ``name``.

    Raises
    ------
    NotOfferedError
        Always; the message says what to use instead.
    """
    raise NotOfferedError(_message(name), name=name)


class _NotOfferedMeta(type):
    """Attribute lookups on the placeholder class (``GridWorkflow.tile_sources``) raise too."""

    _odc_name: str

    def __getattr__(cls, attr: str) -> Any:
        if attr.startswith("_"):  # introspection (inspect, IPython, pickle) probes private names
            raise AttributeError(attr)
        raise UnsupportedError(_message(cls._odc_name))


def not_offered_class(name: str) -> type:
    """A placeholder for ODC's class ``name``: importable, and raising when used.

    Raises
    ------
    KeyError
        ``name`` is not in :data:`NOT_OFFERED`.
    """
    message = _message(name)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        raise UnsupportedError(message)

    short = name.rsplit(".", 1)[-1]
    return _NotOfferedMeta(
        short,
        (),
        {
            "__init__": __init__,
            "__doc__": f"Not offered: {message}.",
            "_odc_name": name,
            "__module__": __name__,
        },
    )
