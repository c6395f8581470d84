"""Database URLs: which index driver a URL implies, SQLite file paths, and redaction for display."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from terracube.errors import ConfigError

__all__ = ["SCHEME_DRIVERS", "infer_index_driver", "redact_url", "sqlite_path"]

#: URL scheme (lower case) -> index driver name, used when an environment names no ``index_driver``.
SCHEME_DRIVERS: dict[str, str] = {
    "memory": "memory",
    "postgres": "postgis",
    "postgresql": "postgis",
    "postgresql+psycopg": "postgis",
    "sqlite": "sqlite",
}

_SQLITE_PREFIX = "sqlite:///"
_MEMORY = ":memory:"
_PASSWORD = re.compile(r"^(?P<user>[^:@/]*):[^@/]*@")


def url_scheme(db_url: str) -> str:
    """Return the lower-case scheme of `db_url` (``""`` when it has none)."""
    try:
        return urlsplit(db_url).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 netloc
        return ""


def infer_index_driver(db_url: str, *, environment: str, origin: str) -> str:
    """Return the index driver a database URL implies.

    Parameters
    ----------
    db_url
        The environment's database URL.
    environment
        Name of the environment, for the error message.
    origin
        Where `db_url` came from (``"path:line"`` or ``"$VARIABLE"``), for the error message.

    Returns
    -------
    str
        One of the values of :data:`SCHEME_DRIVERS`.

    Raises
    ------
    ConfigError
        The scheme is missing or not one of :data:`SCHEME_DRIVERS`.
    """
    scheme = url_scheme(db_url)
    try:
        return SCHEME_DRIVERS[scheme]
    except KeyError:
        accepted = ", ".join(f"{s}:" for s in sorted(SCHEME_DRIVERS))
        what = f"unknown scheme {scheme + ':'!r}" if scheme else "no scheme"
        raise ConfigError(
            f"cannot tell the index driver of environment {environment!r}: db_url "
            f"{redact_url(db_url)!r} ({origin}) has {what}; accepted schemes are {accepted}. "
            "Fix the URL or set index_driver for this environment."
        ) from None


def sqlite_path(db_url: str) -> Path:
    """Return the database file a ``sqlite:`` URL names.

    The forms follow SQLAlchemy's: everything after ``sqlite:///`` is the file path, taken
    literally (no percent-decoding), with a leading ``~`` expanded.

    - ``sqlite:////abs/path/index.db`` -> ``/abs/path/index.db`` (absolute: four slashes on POSIX)
    - ``sqlite:///C:/data/index.db`` -> ``C:/data/index.db`` (absolute on Windows)
    - ``sqlite:///index.db`` -> ``index.db`` (relative to the current directory)
    - ``sqlite:///~/index.db`` -> ``<home>/index.db``
    - ``sqlite:///:memory:`` and ``sqlite://`` -> ``Path(":memory:")``, an in-memory database;
      ``sqlite3.connect(str(path))`` opens either kind.

    Parameters
    ----------
    db_url
        A ``sqlite:`` URL.

    Returns
    -------
    pathlib.Path
        The file path, or ``Path(":memory:")`` for an in-memory database.

    Raises
    ------
    ConfigError
        `db_url` is not a ``sqlite:`` URL in one of the forms above (a host part, a query string
        and a fragment are refused).

    Examples
    --------
    >>> sqlite_path("sqlite:////var/lib/terracube/index.db").as_posix()
    '/var/lib/terracube/index.db'
    >>> str(sqlite_path("sqlite:///:memory:"))
    ':memory:'
    """
    if url_scheme(db_url) != "sqlite":
        raise ConfigError(
            f"not a SQLite URL: {redact_url(db_url)!r}; expected sqlite:////absolute/path.db, "
            "sqlite:///relative/path.db or sqlite:///:memory:"
        )
    if db_url.lower() == "sqlite://":
        return Path(_MEMORY)
    if not db_url.lower().startswith(_SQLITE_PREFIX):
        raise ConfigError(
            f"SQLite URL {db_url!r} has a host part or too few slashes; expected "
            "sqlite:////absolute/path.db, sqlite:///relative/path.db or sqlite:///:memory:"
        )
    path = db_url[len(_SQLITE_PREFIX) :]
    if "?" in path or "#" in path:
        raise ConfigError(
            f"SQLite URL {db_url!r} has a query string or fragment, which terracube does not "
            "support; name the file only"
        )
    if not path:
        raise ConfigError(f"SQLite URL {db_url!r} names no file; use sqlite:///:memory: for memory")
    if path == _MEMORY:
        return Path(_MEMORY)
    return Path(path).expanduser()


def redact_url(url: str) -> str:
    """Return `url` with the password (if any) replaced by ``***``, for messages and reprs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.netloc or "@" not in parts.netloc:
        return url
    netloc, n = _PASSWORD.subn(r"\g<user>:***@", parts.netloc)
    return urlunsplit(parts._replace(netloc=netloc)) if n else url
