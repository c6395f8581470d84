"""Optional packages, the extras that install them, and the one error for a missing one."""

from __future__ import annotations

from typing import Final

from terracube.errors import MissingPackageError

__all__ = ["EXTRAS", "missing_package"]

#: Top-level module of an optional package -> the terracube extra that installs it.
EXTRAS: Final = {
    "psycopg": "postgis",
    "psycopg_binary": "postgis",
    "sqlalchemy": "postgis",
    "obstore": "s3",
    "zstandard": "s3",
    "pystac": "stac",
    "zarr": "zarr",
    "distributed": "dask",
}


def missing_package(e: ImportError, what: str = "this command") -> MissingPackageError:
    """The clear error for an optional package that failed to import.

    Parameters
    ----------
    e
        The ``ImportError`` (usually ``ModuleNotFoundError``) the import raised.
    what
        What needs the package, for the message ("the postgis index driver").

    Examples
    --------
    >>> print(missing_package(ModuleNotFoundError("no psycopg", name="psycopg"), "the postgis index driver"))
    the postgis index driver needs the package 'psycopg', which is not installed: pip install 'terracube[postgis]'
    """
    module = (e.name or "").partition(".")[0] or str(e)
    extra = EXTRAS.get(module)
    how = f"pip install 'terracube[{extra}]'" if extra else f"pip install {module}"
    return MissingPackageError(f"{what} needs the package {module!r}, which is not installed: {how}")
