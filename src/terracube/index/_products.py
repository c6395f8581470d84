"""The products resource: its abstract core and the logic every driver shares."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from terracube.errors import DuplicateRecordError, ProductNotFoundError, UpdateError
from terracube.index._shared import search_result
from terracube.index.changes import (
    AllowPolicy,
    Offset,
    allow_any,
    allow_removal,
    classify_changes,
    get_doc_changes,
    is_text_change,
)
from terracube.index.query import contains_doc, select_products
from terracube.model import MetadataType, Product

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Mapping

    from odc.geo import CRS
    from odc.geo.geom import Geometry

    from terracube.index.abstract import AbstractIndex
    from terracube.index.changes import Change
    from terracube.model import Range

__all__ = ["AbstractProductResource", "contains_doc"]

_UPDATES_ALLOWED: dict[Offset, AllowPolicy] = {
    ("description",): allow_any,
    ("license",): allow_any,
    ("metadata_type",): allow_any,
    ("load",): allow_any,
    # Loosening the match rules is safe; tightening could exclude datasets already indexed.
    ("metadata",): allow_removal,
}


class AbstractProductResource(ABC):
    """``index.products``: add, update, look up and search products."""

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index

    # --- driver core ------------------------------------------------------------------------

    @abstractmethod
    def _add(self, product: Product) -> None:
        """Store a new product (its name is not yet in the index)."""

    @abstractmethod
    def _replace(self, product: Product) -> None:
        """Replace the stored product of this name."""

    @abstractmethod
    def _delete(self, product: Product) -> None:
        """Remove a product that has no datasets left."""

    @abstractmethod
    def _get_all(self) -> Iterable[tuple[int, Product]]:
        """Every product with its id."""

    @abstractmethod
    def get_unsafe(self, id_: int) -> Product:
        """The product with this id.

        Raises
        ------
        ProductNotFoundError
            No product has this id.
        """

    @abstractmethod
    def get_by_name_unsafe(self, name: str) -> Product:
        """The product with this name.

        Raises
        ------
        ProductNotFoundError
            No product has this name.
        """

    def _metadata_type_changed(self, metadata_type: MetadataType) -> None:  # noqa: B027
        """Hook: a metadata type was updated (drivers caching products refresh them)."""

    def _unreadable(self, name: str) -> str | None:
        """Why the stored product of this name cannot be read, or None (drivers that keep
        documents as text override it; the memory index holds only values)."""
        return None

    # --- shared logic -------------------------------------------------------------------------

    def from_doc(self, definition: Mapping[str, Any], *, where: str = "") -> Product:
        """Validate a product document, resolving its metadata type in this index.

        Raises
        ------
        DocumentError
            Invalid document, or its metadata type is not in the index.
        """
        where = where or f"product {definition.get('name')!r}"
        ref = definition.get("metadata_type")
        if isinstance(ref, str | dict):
            mt = self._index.metadata_types._resolve(ref, where)
            return Product.from_doc(definition, mt, where=where)
        return Product.from_doc(definition, where=where)  # raises the schema error

    def get(self, id_: int) -> Product | None:
        """The product with this id, or None."""
        try:
            return self.get_unsafe(id_)
        except ProductNotFoundError:
            return None

    def get_by_name(self, name: str) -> Product | None:
        """The product with this name, or None."""
        try:
            return self.get_by_name_unsafe(name)
        except ProductNotFoundError:
            return None

    def get_all(self) -> Iterator[Product]:
        """Every product, by name."""
        return iter(sorted((p for _, p in self._get_all()), key=lambda p: p.name))

    def get_all_with_ids(self) -> list[tuple[int, Product]]:
        """Every product with its index id, by id."""
        return sorted(self._get_all(), key=lambda p: p[0])

    def get_with_fields(self, field_names: Iterable[str]) -> Iterator[Product]:
        """Products whose metadata type has every one of these search fields."""
        names = set(field_names)
        return (p for p in self.get_all() if names <= set(p.metadata_type.search_fields))

    def get_with_types(self, types: Iterable[MetadataType | str]) -> Iterator[Product]:
        """Products of any of these metadata types."""
        names = {t if isinstance(t, str) else t.name for t in types}
        return (p for p in self.get_all() if p.metadata_type.name in names)

    def get_field_names(self, product: str | Product | None = None) -> set[str]:
        """Search field names of one product, or of every product."""
        if product is not None:
            p = self._by_name_or_value(product)
            return set(p.metadata_type.search_fields)
        return {n for p in self.get_all() for n in p.metadata_type.search_fields}

    def _by_name_or_value(self, product: str | Product) -> Product:
        return self.get_by_name_unsafe(product if isinstance(product, str) else product.name)

    def add(self, product: Product, allow_table_lock: bool = False) -> Product:
        """Add a product; adding one identical to a stored one changes nothing.

        Its metadata type must already be in the index. Adding one that differs from the
        stored one only in descriptions updates the stored one to these texts.

        Raises
        ------
        DuplicateRecordError
            A different product with this name exists (use :meth:`update`).
        DocumentError
            Its metadata type is not in the index.
        """
        self._index._require("supports_write", "add products")
        existing = self.get_by_name(product.name)
        if existing is None and (broken := self._unreadable(product.name)) is not None:
            raise DuplicateRecordError(f"{broken}; replace it with update")
        if existing is not None:
            if existing == product:
                return existing
            if existing.metadata_type == product.metadata_type and all(
                map(is_text_change, get_doc_changes(existing.definition, product.definition))
            ):
                return self.update(product, allow_table_lock=allow_table_lock)
            raise DuplicateRecordError(
                f"product {product.name!r} already exists with a different document; use update to change it"
            )
        stored_mt = self._index.metadata_types._resolve(
            product.metadata_type.name, f"product {product.name!r}"
        )
        if stored_mt != product.metadata_type:
            raise DuplicateRecordError(
                f"product {product.name!r} carries a metadata type {product.metadata_type.name!r} "
                "that differs from the one in the index; build it from the index's metadata type"
            )
        with self._index.transaction():
            self._add(product)
        return self.get_by_name_unsafe(product.name)

    def add_document(self, definition: Mapping[str, Any]) -> Product:
        """Validate a product document and :meth:`add` it."""
        return self.add(self.from_doc(definition))

    def can_update(
        self, product: Product, allow_unsafe_updates: bool = False
    ) -> tuple[bool, list[Change], list[Change]]:
        """Whether :meth:`update` would succeed: ``(ok, safe_changes, unsafe_changes)``.

        Safe: descriptions (the product's, its flags'), license, metadata type name, load
        hints, and loosening ``metadata`` match rules. Changes to measurements and tightening
        match rules are unsafe.
        """
        broken = self._unreadable(product.name)
        if broken is not None:  # whatever is stored cannot be read: replacing it loses nothing
            return True, [((), broken, product.definition)], []
        existing = self.get_by_name_unsafe(product.name)
        changes = get_doc_changes(existing.definition, product.definition)
        safe, unsafe = classify_changes(changes, _UPDATES_ALLOWED)
        safe += [c for c in unsafe if is_text_change(c)]
        unsafe = [c for c in unsafe if not is_text_change(c)]
        return (allow_unsafe_updates or not unsafe), safe, unsafe

    def update(
        self, product: Product, allow_unsafe_updates: bool = False, allow_table_lock: bool = False
    ) -> Product:
        """Replace a stored product.

        Raises
        ------
        UpdateError
            Unsafe changes without ``allow_unsafe_updates``; nothing was written.
        """
        self._index._require("supports_write", "update products")
        ok, safe, unsafe = self.can_update(product, allow_unsafe_updates)
        if not ok:
            raise UpdateError(
                f"unsafe changes to product {product.name!r}: "
                + "; ".join(f"{'.'.join(map(str, o))}: {a!r} -> {b!r}" for o, a, b in unsafe)
                + " (pass allow_unsafe_updates=True to force)"
            )
        if safe or unsafe:
            self._index.metadata_types._resolve(product.metadata_type.name, f"product {product.name!r}")
            with self._index.transaction():
                self._replace(product)
        return self.get_by_name_unsafe(product.name)

    def update_document(self, definition: Mapping[str, Any], allow_unsafe_updates: bool = False) -> Product:
        """Validate a product document and :meth:`update` the stored product."""
        return self.update(self.from_doc(definition), allow_unsafe_updates=allow_unsafe_updates)

    def delete(self, products: Iterable[Product | str], allow_delete_active: bool = False) -> list[Product]:
        """Delete products and their archived datasets.

        A product that still has active datasets is refused unless ``allow_delete_active``,
        in which case its active datasets are purged too.

        Raises
        ------
        UpdateError
            A product still has active datasets; nothing was deleted.
        """
        self._index._require("supports_write", "delete products")
        prods = [self._by_name_or_value(p) for p in products]
        ds = self._index.datasets
        if not allow_delete_active:
            for p in prods:
                n = ds.count(product=p.name)
                if n:
                    raise UpdateError(
                        f"product {p.name!r} has {n} active datasets; archive them first or "
                        "pass allow_delete_active=True"
                    )
        with self._index.transaction():
            for p in prods:
                ids = [d.id for d in ds.search(product=p.name, archived=None)]
                ds.purge(ids, allow_delete_active=True)
                self._delete(p)
        return prods

    # --- search -------------------------------------------------------------------------------

    def search_robust(
        self, fetch_all: bool = False, **query: Any
    ) -> Iterator[tuple[Product, dict[str, Any]]] | list[tuple[Product, dict[str, Any]]]:
        """Products that may hold matching datasets, each with the query left to check.

        ``product`` and ``metadata_type`` (a name, a value, or a list of them) select products;
        names not in the index select nothing. A product is left out when its metadata type
        lacks a queried field or its ``metadata`` section contradicts one; the fields its
        ``metadata`` section settles are dropped from what is left, and the rest (spatial
        keywords too) are left for the datasets. A generator, or a list with ``fetch_all=True``.

        Raises
        ------
        QueryError
            A field that no product in the index has.
        """
        return search_result(self._search_robust(query), fetch_all)

    def _search_robust(self, query: dict[str, Any]) -> list[tuple[Product, dict[str, Any]]]:
        return select_products(query, self.get_all())

    def search(self, fetch_all: bool = False, **query: Any) -> Iterator[Product] | list[Product]:
        """Products whose ``metadata`` section settles every field of the query.

        A product whose ``metadata`` does not give a queried field (or any spatial keyword) is
        not returned, as it cannot be known to match; :meth:`search_robust` returns it with
        the query left to check against its datasets. A generator, or a list with
        ``fetch_all=True``.
        """
        return search_result((p for p, left in self._search_robust(query) if not left), fetch_all)

    def search_by_metadata(
        self, metadata: Mapping[str, Any], fetch_all: bool = False
    ) -> Iterator[Product] | list[Product]:
        """Products whose ``metadata`` section contains this nested mapping (a list with ``fetch_all``)."""
        sub = dict(metadata)
        return search_result((p for p in self.get_all() if contains_doc(p.metadata_doc, sub)), fetch_all)

    # --- extents ------------------------------------------------------------------------------

    def spatial_extent(self, product: str | Product, crs: Any = "EPSG:4326") -> Geometry | None:
        """Union of the footprints of the product's active datasets, in ``crs``; None if none."""
        p = self._by_name_or_value(product)
        return self._index.datasets._spatial_extent_of([self._index.datasets._product_query(p)], crs)

    def temporal_extent(self, product: str | Product) -> Range[dt.datetime] | None:
        """Earliest start and latest end of the product's active datasets; None if none."""
        p = self._by_name_or_value(product)
        return self._index.datasets._temporal_extent_of([self._index.datasets._product_query(p)])

    def most_recent_change(self, product: str | Product) -> dt.datetime | None:
        """When a dataset of the product was last added, updated, archived or restored."""
        p = self._by_name_or_value(product)
        return self._index.datasets._most_recent_change(p)

    def _crs(self, crs: Any) -> CRS:
        from odc.geo import CRS

        return CRS(crs)
