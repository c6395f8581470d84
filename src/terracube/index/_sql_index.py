"""The base of the SQL drivers' index classes (SQLite, PostGIS): what they have in common.

Both keep their catalog in a cache dropped on change, check the schema version before first
use, and create or upgrade their schema in ``init_db`` the same way. Each declares the
capabilities in which they differ (spatial indexes, users) and words its own schema errors.
"""

from __future__ import annotations

from abc import abstractmethod

from terracube.errors import IndexNotInitialisedError
from terracube.index.abstract import AbstractIndex

__all__ = ["SQLIndex"]


class SQLIndex(AbstractIndex):
    """An index in a SQL database, with lineage and a versioned schema."""

    supports_legacy = False
    supports_eo3 = True
    supports_nongeo = True
    supports_vector = False
    supports_write = True
    supports_persistence = True
    supports_transactions = True
    supports_lineage = True
    supports_external_lineage = True
    supports_external_home = True

    def __init__(self) -> None:
        super().__init__()
        self._schema_ok = False

    # --- driver hooks ---------------------------------------------------------------------------

    @abstractmethod
    def _create_or_upgrade(self) -> bool:
        """Create the schema, or upgrade an older one (in the open transaction); True if created."""

    @abstractmethod
    def _schema_problem(self) -> str | None:
        """Why the stored schema cannot be used (missing, too old), or None when it can."""

    @abstractmethod
    def _catalog_changed(self) -> None:
        """Drop the cached metadata types and products."""

    # --- shared logic ---------------------------------------------------------------------------

    def init_db(self, with_default_types: bool = True) -> bool:
        """Create or upgrade the schema; add the eo3 type (docstring inherited)."""
        with self.transaction():
            created = self._create_or_upgrade()
        self._schema_ok = True
        self._catalog_changed()
        if with_default_types:
            self._add_default_types()
        self.metadata_types.check_field_indexes()
        return created

    def _require_schema(self) -> None:
        """Refuse to work on a database without a current schema (checked once)."""
        if self._schema_ok:
            return
        problem = self._schema_problem()
        if problem is not None:
            raise IndexNotInitialisedError(problem)
        self._schema_ok = True
