"""The one exception hierarchy of terracube.

Every error raised on purpose by terracube derives from :class:`TerracubeError` and also from the
builtin exception a caller would naturally catch (``KeyError`` for a missing record,
``ValueError`` for a bad document, ``FileNotFoundError`` for a missing object...), so both
``except TerracubeError`` and ``except KeyError`` work.

Messages name the thing, the bad value (with ``!r``) and what to do next.
"""

from __future__ import annotations

__all__ = [
    "BucketNotFoundError",
    "ConcurrentWriteError",
    "ConfigError",
    "DatasetNotFoundError",
    "DocumentError",
    "DriverNotFoundError",
    "DuplicateRecordError",
    "EndTransaction",
    "IndexConnectionError",
    "IndexNotInitialisedError",
    "LineageError",
    "LoadError",
    "MaskingError",
    "MaturityConflictError",
    "MetadataTypeNotFoundError",
    "MissingPackageError",
    "NotOfferedCallError",
    "NotOfferedError",
    "ObjectNotFoundError",
    "PermissionDeniedError",
    "ProductNotFoundError",
    "QueryError",
    "QueryWarning",
    "RecordNotFoundError",
    "StorageAuthError",
    "StorageError",
    "StorageIntegrityError",
    "StorageRequestError",
    "StorageTransientError",
    "StoredRecordWarning",
    "TerracubeError",
    "TerracubePluginWarning",
    "UnsupportedError",
    "UpdateError",
]


class TerracubeError(Exception):
    """Base of every error terracube raises on purpose."""

    def __str__(self) -> str:
        # KeyError quotes its message; we want the plain sentence for every subclass.
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class TerracubePluginWarning(UserWarning):
    """A plugin (entry point) could not be loaded or initialised; the others still load."""


class StoredRecordWarning(UserWarning):
    """The index holds a metadata type or product it cannot read; the other records are served."""


class QueryWarning(UserWarning):
    """A search names something the index does not hold (a product); it still answers."""


# --- configuration and plugins -----------------------------------------------------------------


class ConfigError(TerracubeError, ValueError):
    """The configuration file or a ``TERRACUBE_*`` variable is malformed or names nothing known."""


class DriverNotFoundError(TerracubeError, LookupError):
    """No installed driver has the requested name."""


class DependencyError(TerracubeError, ImportError):
    """An optional package a feature needs is not installed; the message names the extra."""


class UnsupportedError(TerracubeError, NotImplementedError):
    """The driver does not support this operation; the message names the ``supports_*`` flag."""


class NotOfferedError(TerracubeError, ImportError):
    """An import of ODC's ``datacube`` terracube cannot serve: a module it does not offer (the message
    says what to use), or ``terracube.compat.as_datacube`` after ODC's own package was imported."""


class NotOfferedCallError(NotOfferedError, TypeError):
    """A call of an ODC name in a form terracube does not offer (arguments of a type neither ODC
    nor odc-geo take); the message names the forms that are offered. Also a ``TypeError``, as
    Python's own error for a bad call."""


class MissingPackageError(TerracubeError, ImportError):
    """An optional package this operation needs is not installed; the message names the extra."""


# --- documents and queries ----------------------------------------------------------------------


class DocumentError(TerracubeError, ValueError):
    """A metadata type, product or dataset document is invalid.

    The message names the field, the bad value and the document.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        doc: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.doc = doc


class QueryError(TerracubeError, ValueError):
    """A search keyword or value is not understood."""


# --- index records ------------------------------------------------------------------------------


class RecordNotFoundError(TerracubeError, KeyError):
    """A record looked up by id or name is not in the index."""


class MetadataTypeNotFoundError(RecordNotFoundError):
    """No metadata type with that name or id."""


class ProductNotFoundError(RecordNotFoundError):
    """No product with that name or id."""


class DatasetNotFoundError(RecordNotFoundError):
    """No dataset with that id."""


class DuplicateRecordError(TerracubeError, ValueError):
    """A record with this id or name already exists with a different document."""


class UpdateError(TerracubeError, ValueError):
    """An update would make a change that is not allowed; nothing was written."""


class MaturityConflictError(TerracubeError, ValueError):
    """With ``archive_less_mature``: a version of the dataset as mature or more is in the index."""


class LineageError(TerracubeError, ValueError):
    """Lineage relations are invalid (for instance they would make a cycle)."""


class IndexNotInitialisedError(TerracubeError, RuntimeError):
    """The index database has no terracube schema (run ``terracube system init``).

    ``exists`` says whether there is a database at all: False for a SQLite file not yet made,
    which ``system init`` creates.
    """

    def __init__(self, message: str, *, exists: bool = True) -> None:
        super().__init__(message)
        self.exists = exists


class IndexConnectionError(TerracubeError, ConnectionError):
    """The index cannot be reached or opened.

    A database server that is down or refuses the login, a database that does not exist, a
    file that is not a SQLite database or cannot be opened. The message names the index (its
    URL with the password hidden, or its file) and the cause.
    """


class PermissionDeniedError(TerracubeError, PermissionError):
    """The database user lacks the role this operation needs (e.g. a read-only user writing)."""


class ConcurrentWriteError(TerracubeError, RuntimeError):
    """Another writer's transaction conflicted with this one, which was rolled back; run it again."""


class EndTransaction(TerracubeError):
    """Raised in a ``with index.transaction() as t:`` block to end it quietly.

    Made by ``t.rollback_exception(message)`` or ``t.commit_exception(message)``; the
    outermost transaction rolls back or commits and the exception goes no further.
    """

    def __init__(self, message: str, *, commit: bool = False) -> None:
        super().__init__(message)
        self.commit = commit
        """Whether the transaction commits (True) or rolls back (False)."""


# --- storage ------------------------------------------------------------------------------------


class StorageError(TerracubeError, OSError):
    """A storage operation failed."""


class ObjectNotFoundError(StorageError, FileNotFoundError):
    """The object (key) does not exist in its bucket."""


class BucketNotFoundError(StorageError, FileNotFoundError):
    """The bucket does not exist."""


class StorageAuthError(StorageError, PermissionError):
    """The storage endpoint refused the credentials or the request."""


class StorageTransientError(StorageError, ConnectionError):
    """A transient storage failure (5xx, timeout, dropped connection) persisted after retries."""


class StorageIntegrityError(StorageError):
    """Stored or received bytes do not match the checksum recorded when they were written.

    The message names the bucket, the key, the store and the bytes that failed; the object is
    damaged (or was changed behind the store's back) and has to be written again.
    """


class StorageRequestError(StorageError, ValueError):
    """A storage request is malformed: bad bucket name, key, byte range or array selection."""


# --- loading ------------------------------------------------------------------------------------


class LoadError(TerracubeError, RuntimeError):
    """Data for a dataset could not be read (missing or corrupt file, unknown format)."""


class MaskingError(TerracubeError, ValueError):
    """A mask cannot be made: an unknown flag or value, or a band without ``flags_definition``."""
