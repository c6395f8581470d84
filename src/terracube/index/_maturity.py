"""Dataset maturity (nrt < interim < final): the checks behind ``archive_less_mature``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from terracube.errors import DocumentError, QueryError
from terracube.model import Range

if TYPE_CHECKING:
    import datetime as dt

    from terracube.model import Dataset

__all__ = [
    "DEFAULT_MATURITY_TOLERANCE_MS",
    "MATURITY_FIELDS",
    "MATURITY_ORDER",
    "maturity_of",
    "maturity_tolerance",
]

#: ``dataset_maturity`` values from least to most mature (compared without case).
MATURITY_ORDER: Final = ("nrt", "interim", "final")

#: The search fields ``archive_less_mature`` reads.
MATURITY_FIELDS: Final = ("time", "region_code", "dataset_maturity")

#: The tolerance ``archive_less_mature=True`` stands for, in milliseconds.
DEFAULT_MATURITY_TOLERANCE_MS: Final = 500


def maturity_tolerance(archive_less_mature: bool | float | None) -> float | None:
    """The ``archive_less_mature`` option as a tolerance in milliseconds, or None when off.

    Raises
    ------
    QueryError
        Neither a flag nor a tolerance >= 0.
    """
    if archive_less_mature is None or archive_less_mature is False:
        return None
    if archive_less_mature is True:
        return float(DEFAULT_MATURITY_TOLERANCE_MS)
    if not isinstance(archive_less_mature, int | float) or not archive_less_mature >= 0:
        raise QueryError(
            f"archive_less_mature must be None/False (off), True ({DEFAULT_MATURITY_TOLERANCE_MS} ms) "
            f"or a time tolerance in milliseconds >= 0, not {archive_less_mature!r}"
        )
    return float(archive_less_mature)


def maturity_of(dataset: Dataset) -> tuple[int, str, Range[dt.datetime]]:
    """(rank in :data:`MATURITY_ORDER`, region code, time) of a dataset.

    Raises
    ------
    QueryError
        The metadata type lacks one of :data:`MATURITY_FIELDS`.
    DocumentError
        The dataset has no (known) value for one of them.
    """
    mt = dataset.product.metadata_type
    fields = mt.search_fields
    missing = [f for f in MATURITY_FIELDS if f not in fields]
    if missing:
        raise QueryError(
            f"archive_less_mature needs the search fields {list(MATURITY_FIELDS)}; metadata type "
            f"{mt.name!r} of product {dataset.product.name!r} lacks {missing}: add them to the "
            "metadata type, or add without archive_less_mature"
        )
    values = dataset.search_values()
    where = f"dataset {str(dataset.id)!r}"
    for name in MATURITY_FIELDS:
        value = values.get(name)
        if value is None:
            ok = False
        elif name == "dataset_maturity":
            ok = str(value).lower() in MATURITY_ORDER
        elif name == "time":
            ok = isinstance(value, Range) and value.begin is not None and value.end is not None
        else:
            ok = True
        if not ok:
            f = fields[name]
            offset = ".".join(map(str, (f.offsets or f.min_offsets or ((name,),))[0]))
            need = f"one of {list(MATURITY_ORDER)}" if name == "dataset_maturity" else "a value"
            raise DocumentError(
                f"{where}: field {offset} = {value!r}: archive_less_mature compares the datasets' "
                f"{name}, which needs {need}",
                field=offset,
                value=value,
                doc=where,
            )
    return (
        MATURITY_ORDER.index(str(values["dataset_maturity"]).lower()),
        values["region_code"],
        values["time"],
    )
