"""Where an s3aio storage unit lives: URIs to (store, bucket, key prefix), and one store per place.

A storage unit is a folder of arrays, one per band:

* on S3, ``s3://bucket/some/prefix/unit/`` holds the arrays ``some/prefix/unit/<band>`` of
  ``bucket``;
* on local disk, ``file:///data/cube/unit/`` is the bucket ``unit`` of a store rooted at
  ``/data/cube``, holding the arrays ``<band>`` (so the unit's name follows S3's bucket rules:
  :func:`unit_name` makes one).

Stores are cached per configuration (and per process), so the many bands and time steps of a
load share connections, and all of them share one pool of I/O threads; they pickle by
configuration, so Dask workers build their own.
"""

from __future__ import annotations

import posixpath
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from terracube.errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from terracube.storage.s3 import S3LIO, S3Config

__all__ = [
    "UnitLocation",
    "band_location",
    "lio_for",
    "require",
    "store_config",
    "unit_location",
    "unit_name",
]

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_LOCK = threading.Lock()
_STORES: dict[Any, S3LIO] = {}
#: One thread pool for the chunk reads and writes of every cached store: a load touching units
#: under many folders (one local store each) still runs at most this many I/O threads.
_POOL: list[ThreadPoolExecutor] = []
IO_THREADS = 16


def unit_name(name: str) -> str:
    """A local unit name that is also a valid bucket name: lower case, ``-`` for other characters.

    Long names keep their end (where the unique part is).

    >>> unit_name("LS8_nbar_20200101T000000_ab12cd34")
    'ls8-nbar-20200101t000000-ab12cd34'
    """
    out = re.sub(r"[^a-z0-9.-]+", "-", name.lower()).strip("-.")
    if len(out) > 63:
        out = out[-63:].lstrip("-.")
    return out


@dataclass(frozen=True, slots=True)
class UnitLocation:
    """Where the arrays of one storage unit are."""

    uri: str
    """The unit's URI (ends with ``/``)."""
    root: str | None
    """Local store root (a directory), None on S3."""
    bucket: str
    """The bucket (local: the unit's own directory)."""
    prefix: str
    """Key prefix of the unit's arrays (``""`` or ending with ``/``)."""

    def array(self, band: str) -> str:
        """Name of the array holding `band`."""
        return f"{self.prefix}{band}"


def unit_location(uri: str) -> UnitLocation:
    """Parse a unit URI (``file:///.../unit/`` or ``s3://bucket/prefix/unit/``).

    Raises
    ------
    StorageError
        Another scheme, no bucket, or a local unit name that is not a valid bucket name.
    """
    parsed = urlparse(uri)
    scheme = parsed.scheme.lower()
    if scheme == "s3":
        if not parsed.netloc:
            raise StorageError(f"s3aio unit {uri!r} names no bucket: use s3://bucket/prefix/")
        prefix = parsed.path.strip("/")
        return UnitLocation(uri, None, parsed.netloc, f"{prefix}/" if prefix else "")
    if scheme in ("", "file"):
        path = unquote(parsed.path).rstrip("/")
        name = posixpath.basename(path)
        if not _BUCKET.match(name):
            raise StorageError(
                f"s3aio unit folder {name!r} (in {uri!r}) is not a valid name: use 3-63 lower-case "
                "letters, digits, '.' or '-', starting and ending with a letter or digit"
            )
        return UnitLocation(uri, posixpath.dirname(path) or "/", name, "")
    raise StorageError(f"s3aio stores units on s3:// or file:// URIs, not {uri!r}")


def band_location(uri: str, bucket: str, array: str) -> tuple[str | None, str, str]:
    """``(local root or None, bucket, array)`` of a band at `uri`, given its recorded bucket and array.

    On S3 the URI decides (data copied to another bucket or prefix stays readable); on local
    disk the URI must end with ``<bucket>/<array>`` and the folder above is the store's root.

    Raises
    ------
    StorageError
        The URI does not fit the recorded layout.
    """
    parsed = urlparse(uri)
    scheme = parsed.scheme.lower()
    if scheme == "s3":
        name = parsed.path.lstrip("/")
        if not parsed.netloc or not name:
            raise StorageError(f"s3aio band URI {uri!r} needs a bucket and an array name")
        return None, parsed.netloc, name
    if scheme in ("", "file"):
        path = unquote(parsed.path).rstrip("/")
        tail = f"/{bucket}/{array}"
        if not path.endswith(tail):
            raise StorageError(
                f"s3aio band URI {uri!r} does not end with the recorded bucket and array {tail[1:]!r}"
            )
        return path[: -len(tail)] or "/", bucket, array
    raise StorageError(f"s3aio reads s3:// and file:// URIs, not {uri!r}")


def store_config(root: str | None, options: Mapping[str, Any]) -> S3Config:
    """The store configuration: local disk at `root`, else S3 from ``s3_*`` options and the environment.

    ``s3_endpoint``, ``s3_region``, ``s3_path_style``, ``s3_unsigned``, ``s3_requester_pays``
    and ``s3_profile`` are read from `options` laid over the process-wide settings of
    :func:`terracube.storage.access.configure_s3_access`; credentials come from a profile or
    ``TERRACUBE_S3_*`` / ``AWS_*`` variables, never from documents.
    """
    from terracube.storage.access import with_s3_access
    from terracube.storage.s3 import S3Config

    if root is not None:
        return S3Config.local(root)
    require("obstore", "s3aio on S3")
    options = with_s3_access(options)

    def flag(name: str) -> bool | None:
        value = options.get(name)
        return None if value is None else str(value).strip().lower() in ("1", "true", "yes", "on")

    return S3Config(
        endpoint=options.get("s3_endpoint") or None,
        region=options.get("s3_region") or None,
        path_style=flag("s3_path_style"),
        unsigned=flag("s3_unsigned"),
        requester_pays=flag("s3_requester_pays"),
        profile=options.get("s3_profile") or None,
    ).resolve()


def require(module: str, what: str) -> None:
    """Raise a clear error when an optional package of the ``s3`` extra is missing.

    Raises
    ------
    StorageError
        ``module`` is not installed; the message says how to install it.
    """
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise StorageError(f"{what} needs the {module} package: pip install 'terracube[s3]'")


def lio_for(config: S3Config) -> S3LIO:
    """The process-wide S3LIO of a configuration (made on first use)."""
    lio = _STORES.get(config)
    if lio is None:
        with _LOCK:
            lio = _STORES.get(config)
            if lio is None:
                from terracube.storage.s3 import S3LIO

                if not _POOL:
                    _POOL.append(ThreadPoolExecutor(IO_THREADS, thread_name_prefix="terracube-s3aio"))
                lio = _STORES[config] = S3LIO(config, executor=_POOL[0])
    return lio


def local_unit_uri(path: str) -> str:
    """The ``file://`` URI of a local unit folder, its name made valid (see :func:`unit_name`)."""
    p = Path(path).expanduser().absolute()
    return p.with_name(unit_name(p.name)).as_uri() + "/"
