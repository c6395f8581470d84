"""``datacube.utils.dates``: :func:`normalise_dt`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["normalise_dt"]


def normalise_dt(value: Any) -> dt.datetime:
    """A naive UTC datetime from an ISO 8601 string, a datetime (aware ones converted to UTC) or a timestamp.

    >>> normalise_dt("2020-01-02T10:00:00+10:00")
    datetime.datetime(2020, 1, 2, 0, 0)

    Raises
    ------
    ValueError
        ``value`` is not a date or time.
    """
    from terracube.model.fields import parse_datetime

    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "M":  # numpy datetime64
        value = value.astype("datetime64[us]").item()
    return parse_datetime(value).replace(tzinfo=None)
