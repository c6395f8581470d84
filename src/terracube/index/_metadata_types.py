"""The metadata types resource: its abstract core and the logic every driver shares."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from terracube.errors import (
    DocumentError,
    DuplicateRecordError,
    MetadataTypeNotFoundError,
    UpdateError,
)
from terracube.index.changes import (
    AllowPolicy,
    Offset,
    allow_any,
    allow_extension,
    classify_changes,
    get_doc_changes,
    is_text_change,
)
from terracube.model import MetadataType

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from terracube.index.abstract import AbstractIndex
    from terracube.index.changes import Change

__all__ = ["AbstractMetadataTypeResource"]

# Descriptions may change freely; search fields may be added but not altered.
_UPDATES_ALLOWED: dict[Offset, AllowPolicy] = {
    ("description",): allow_any,
    ("dataset",): allow_extension,
    ("dataset", "search_fields"): allow_extension,
}


class AbstractMetadataTypeResource(ABC):
    """``index.metadata_types``: add, update and look up metadata types.

    A driver implements the small core (``_add``, ``_replace``, ``_get_all``, ``get_unsafe``,
    ``get_by_name_unsafe``); the rest is built on it here.
    """

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index

    # --- driver core ------------------------------------------------------------------------

    @abstractmethod
    def _add(self, metadata_type: MetadataType) -> None:
        """Store a new metadata type (its name is not yet in the index)."""

    @abstractmethod
    def _replace(self, metadata_type: MetadataType) -> None:
        """Replace the stored document of the metadata type with this name."""

    @abstractmethod
    def _get_all(self) -> Iterable[tuple[int, MetadataType]]:
        """Every metadata type with its id."""

    @abstractmethod
    def get_unsafe(self, id_: int) -> MetadataType:
        """The metadata type with this id.

        Raises
        ------
        MetadataTypeNotFoundError
            No metadata type has this id.
        """

    @abstractmethod
    def get_by_name_unsafe(self, name: str) -> MetadataType:
        """The metadata type with this name.

        Raises
        ------
        MetadataTypeNotFoundError
            No metadata type has this name.
        """

    def check_field_indexes(  # noqa: B027 - a correct default, not a forgotten abstract
        self,
        allow_table_lock: bool = False,
        rebuild_views: bool = False,
        rebuild_indexes: bool = False,
    ) -> None:
        """Create any missing database indexes for search fields; idempotent.

        Adding or updating a metadata type calls it; call it to repair an index dropped by
        hand, or after an upgrade. The default does nothing, which is right for drivers that
        keep no per-field indexes (the memory index).

        Parameters
        ----------
        allow_table_lock
            Build indexes in a way that may block writers (quicker); drivers that can build
            them without blocking do so otherwise.
        rebuild_views
            Remake per-type views, for drivers that keep them (none of the built-in ones).
        rebuild_indexes
            Drop and remake every field index, not just the missing ones.
        """

    def _unreadable(self, name: str) -> str | None:
        """Why the stored metadata type of this name cannot be read, or None (drivers that keep
        documents as text override it; the memory index holds only values)."""
        return None

    # --- shared logic -------------------------------------------------------------------------

    def from_doc(self, definition: Mapping[str, Any], *, where: str = "") -> MetadataType:
        """Validate a metadata type document (no index access)."""
        return MetadataType.from_doc(definition, where=where)

    def get(self, id_: int) -> MetadataType | None:
        """The metadata type with this id, or None."""
        try:
            return self.get_unsafe(id_)
        except MetadataTypeNotFoundError:
            return None

    def get_by_name(self, name: str) -> MetadataType | None:
        """The metadata type with this name, or None."""
        try:
            return self.get_by_name_unsafe(name)
        except MetadataTypeNotFoundError:
            return None

    def get_all(self) -> Iterator[MetadataType]:
        """Every metadata type, by name."""
        return iter(sorted((mt for _, mt in self._get_all()), key=lambda m: m.name))

    def get_all_with_ids(self) -> list[tuple[int, MetadataType]]:
        """Every metadata type with its index id, by id."""
        return sorted(self._get_all(), key=lambda p: p[0])

    def get_with_fields(self, field_names: Iterable[str]) -> Iterator[MetadataType]:
        """Metadata types that have every one of these search fields."""
        names = set(field_names)
        return (mt for mt in self.get_all() if names <= set(mt.search_fields))

    def add(self, metadata_type: MetadataType, allow_table_lock: bool = False) -> MetadataType:
        """Add a metadata type; adding one identical to a stored one changes nothing.

        Adding one that differs from the stored one only in descriptions (its own, its
        fields') updates the stored one to these texts, so that set-up scripts adding the
        standard metadata types run unchanged on an index that holds them already.

        Raises
        ------
        DuplicateRecordError
            A different metadata type with this name exists (use :meth:`update`).
        UnsupportedError
            The index is read-only.
        """
        self._index._require("supports_write", "add metadata types")
        existing = self.get_by_name(metadata_type.name)
        if existing is None and (broken := self._unreadable(metadata_type.name)) is not None:
            raise DuplicateRecordError(f"{broken}; replace it with update")
        if existing is not None:
            if existing == metadata_type:
                return existing
            if all(map(is_text_change, get_doc_changes(existing.definition, metadata_type.definition))):
                return self.update(metadata_type, allow_table_lock=allow_table_lock)
            raise DuplicateRecordError(
                f"metadata type {metadata_type.name!r} already exists with a different document; "
                "use update to change it"
            )
        with self._index.transaction():
            self._add(metadata_type)
        self.check_field_indexes(allow_table_lock=allow_table_lock)
        return self.get_by_name_unsafe(metadata_type.name)

    def can_update(
        self, metadata_type: MetadataType, allow_unsafe_updates: bool = False
    ) -> tuple[bool, list[Change], list[Change]]:
        """Whether ``update`` would succeed: ``(ok, safe_changes, unsafe_changes)``.

        Safe: description changes (of the type and of its fields) and new search fields.
        Everything else is unsafe.

        Raises
        ------
        MetadataTypeNotFoundError
            No metadata type of that name exists.
        """
        broken = self._unreadable(metadata_type.name)
        if broken is not None:  # whatever is stored cannot be read: replacing it loses nothing
            return True, [((), broken, metadata_type.definition)], []
        existing = self.get_by_name_unsafe(metadata_type.name)
        changes = get_doc_changes(existing.definition, metadata_type.definition)
        safe, unsafe = classify_changes(changes, _UPDATES_ALLOWED)
        safe += [c for c in unsafe if is_text_change(c)]
        unsafe = [c for c in unsafe if not is_text_change(c)]
        return (allow_unsafe_updates or not unsafe), safe, unsafe

    def update(
        self,
        metadata_type: MetadataType,
        allow_unsafe_updates: bool = False,
        allow_table_lock: bool = False,
    ) -> MetadataType:
        """Replace a stored metadata type.

        Raises
        ------
        UpdateError
            The change is unsafe and ``allow_unsafe_updates`` is False; nothing was written.
        """
        self._index._require("supports_write", "update metadata types")
        ok, safe, unsafe = self.can_update(metadata_type, allow_unsafe_updates)
        if not ok:
            raise UpdateError(
                f"unsafe changes to metadata type {metadata_type.name!r}: "
                + "; ".join(f"{'.'.join(map(str, o))}: {a!r} -> {b!r}" for o, a, b in unsafe)
                + " (pass allow_unsafe_updates=True to force)"
            )
        if safe or unsafe:
            with self._index.transaction():
                self._replace(metadata_type)
            self._index.products._metadata_type_changed(metadata_type)
            self.check_field_indexes(allow_table_lock=allow_table_lock)
        return self.get_by_name_unsafe(metadata_type.name)

    def update_document(
        self, definition: Mapping[str, Any], allow_unsafe_updates: bool = False
    ) -> MetadataType:
        """Validate a document and :meth:`update` the metadata type it describes."""
        return self.update(self.from_doc(definition), allow_unsafe_updates=allow_unsafe_updates)

    def add_document(self, definition: Mapping[str, Any]) -> MetadataType:
        """Validate a document and :meth:`add` it."""
        return self.add(self.from_doc(definition))

    def _resolve(self, ref: str | Mapping[str, Any], where: str) -> MetadataType:
        """The metadata type a product document names (or embeds), as a DocumentError if unknown."""
        if not isinstance(ref, str):
            return self.from_doc(ref, where=f"{where} (metadata_type)")
        mt = self.get_by_name(ref)
        if mt is None:
            known = sorted(m.name for m in self.get_all())
            raise DocumentError(
                f"invalid product document {where}: field metadata_type = {ref!r}: no such "
                f"metadata type in the index (known: {known}); add it first",
                field="metadata_type",
                value=ref,
                doc=where,
            )
        return mt
