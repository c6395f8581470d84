"""Metadata types and products of an ODC database, read once and kept.

ODC stores each as its definition document (jsonb); terracube validates them as its own. One
that terracube cannot read (a field type it does not know, say) is left out and recorded as an
:class:`Unreadable`, with the reason, rather than failing the whole index: the rest can still
be searched and cloned, and ``terracube system clone`` reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from terracube.errors import DocumentError, MetadataTypeNotFoundError, ProductNotFoundError
from terracube.index._flags import refuse
from terracube.index._metadata_types import AbstractMetadataTypeResource
from terracube.index._products import AbstractProductResource
from terracube.model import MetadataType, Product

if TYPE_CHECKING:
    from collections.abc import Iterable

    from terracube.index.odcdb._index import OdcIndex

__all__ = ["Catalog", "MetadataTypes", "Products", "Unreadable", "load_catalog"]


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A metadata type or product of the ODC database that terracube cannot read."""

    kind: str
    """``metadata type`` or ``product``."""
    name: str
    """Its name."""
    reason: str
    """Why (the validation error)."""


class Catalog:
    """Metadata types and products with their ODC ids, and those that could not be read."""

    def __init__(
        self, types: dict[int, MetadataType], products: dict[int, Product], unreadable: list[Unreadable]
    ) -> None:
        self.types = types
        self.types_by_name = {m.name: m for m in types.values()}
        self.products = products
        self.products_by_name = {p.name: p for p in products.values()}
        self.product_ids = {p.name: i for i, p in products.items()}
        self.unreadable = unreadable
        #: ODC product id -> name, readable or not.
        self.product_names: dict[int, str] = {}


def load_catalog(index: OdcIndex) -> Catalog:
    """Read every metadata type and product of the ODC database."""
    db, layout = index._db, index._layout
    unreadable: list[Unreadable] = []
    types: dict[int, MetadataType] = {}
    rows = db.run(f"SELECT id, name, definition FROM {layout.schema}.metadata_type ORDER BY id").fetchall()
    for id_, name, doc in rows:
        try:
            types[id_] = MetadataType.from_doc(doc, where=f"ODC metadata type {name!r}")
        except DocumentError as e:
            unreadable.append(Unreadable("metadata type", name, str(e)))
    products: dict[int, Product] = {}
    names: dict[int, str] = {}
    rows = db.run(
        f"SELECT id, name, metadata_type_ref, definition FROM {layout.product_table} ORDER BY id"
    ).fetchall()
    for id_, name, mt_id, doc in rows:
        names[id_] = name
        mt = types.get(mt_id)
        if mt is None:
            unreadable.append(
                Unreadable("product", name, "its metadata type cannot be read (see the metadata types)")
            )
            continue
        try:
            products[id_] = Product.from_doc(doc, mt, where=f"ODC product {name!r}")
        except DocumentError as e:
            unreadable.append(Unreadable("product", name, str(e)))
    cat = Catalog(types, products, unreadable)
    cat.product_names = names
    return cat


class MetadataTypes(AbstractMetadataTypeResource):
    """``index.metadata_types`` of an ODC database (read-only)."""

    _index: OdcIndex

    def _add(self, metadata_type: MetadataType) -> None:
        refuse(self._index.driver_name, "supports_write", "add metadata types")

    def _replace(self, metadata_type: MetadataType) -> None:
        refuse(self._index.driver_name, "supports_write", "update metadata types")

    def _get_all(self) -> Iterable[tuple[int, MetadataType]]:
        return list(self._index._catalog().types.items())

    def get_unsafe(self, id_: int) -> MetadataType:
        """docstring inherited"""
        mt = self._index._lookup(lambda c: c.types.get(id_))
        if mt is None:
            raise MetadataTypeNotFoundError(f"no metadata type with id {id_!r} in {self._index.url}")
        return mt

    def get_by_name_unsafe(self, name: str) -> MetadataType:
        """docstring inherited"""
        mt = self._index._lookup(lambda c: c.types_by_name.get(name))
        if mt is None:
            raise MetadataTypeNotFoundError(f"no metadata type named {name!r} in {self._index.url}")
        return mt


class Products(AbstractProductResource):
    """``index.products`` of an ODC database (read-only)."""

    _index: OdcIndex

    def _add(self, product: Product) -> None:
        refuse(self._index.driver_name, "supports_write", "add products")

    def _replace(self, product: Product) -> None:
        refuse(self._index.driver_name, "supports_write", "update products")

    def _delete(self, product: Product) -> None:
        refuse(self._index.driver_name, "supports_write", "delete products")

    def _get_all(self) -> Iterable[tuple[int, Product]]:
        return list(self._index._catalog().products.items())

    def get_unsafe(self, id_: int) -> Product:
        """docstring inherited"""
        p = self._index._lookup(lambda c: c.products.get(id_))
        if p is None:
            raise ProductNotFoundError(f"no product with id {id_!r} in {self._index.url}")
        return p

    def get_by_name_unsafe(self, name: str) -> Product:
        """docstring inherited"""
        p = self._index._lookup(lambda c: c.products_by_name.get(name))
        if p is None:
            raise ProductNotFoundError(f"no product named {name!r} in {self._index.url}")
        return p
