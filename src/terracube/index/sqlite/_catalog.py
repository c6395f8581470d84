"""Metadata types and products: stored as JSON text, cached until the database changes.

The cache is dropped when this index writes a type or product, when a transaction rolls back,
and when another connection commits (SQLite's ``data_version``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from terracube.errors import MetadataTypeNotFoundError, ProductNotFoundError
from terracube.index._metadata_types import AbstractMetadataTypeResource
from terracube.index._products import AbstractProductResource
from terracube.index._shared import Catalog
from terracube.index.sqlite._db import now_us
from terracube.index.sqlite._sql import field_index_sql, has_field_index

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable

    from terracube.index.sqlite._driver import SQLiteIndex
    from terracube.model import MetadataType, Product

__all__ = ["MetadataTypes", "Products", "load_catalog"]


def load_catalog(conn: sqlite3.Connection) -> Catalog:
    """Read every metadata type and product (one that cannot be read is reported and left out)."""
    return Catalog.from_rows(
        conn.execute("SELECT id, doc FROM metadata_type").fetchall(),
        conn.execute("SELECT id, metadata_type_id, doc FROM product").fetchall(),
    )


class MetadataTypes(AbstractMetadataTypeResource):
    """``index.metadata_types`` of a SQLite index."""

    _index: SQLiteIndex

    def _add(self, metadata_type: MetadataType) -> None:
        self._index._conn().execute(
            "INSERT INTO metadata_type(name, doc, added) VALUES (?, ?, ?)",
            (metadata_type.name, metadata_type.to_json().decode(), now_us()),
        )
        self._index._catalog_changed()

    def _replace(self, metadata_type: MetadataType) -> None:
        self._index._conn().execute(
            "UPDATE metadata_type SET doc = ?, updated = ? WHERE name = ?",
            (metadata_type.to_json().decode(), now_us(), metadata_type.name),
        )
        self._index._catalog_changed()

    def _get_all(self) -> Iterable[tuple[int, MetadataType]]:
        return list(self._index._catalog().types.items())

    def get_unsafe(self, id_: int) -> MetadataType:
        cat = self._index._catalog()
        try:
            return cat.types[id_]
        except KeyError:
            why = cat.why_unreadable("metadata type", id_=id_)
            raise MetadataTypeNotFoundError(why or f"no metadata type with id {id_!r}") from None

    def get_by_name_unsafe(self, name: str) -> MetadataType:
        cat = self._index._catalog()
        try:
            return cat.types_by_name[name]
        except KeyError:
            why = cat.why_unreadable("metadata type", name)
            raise MetadataTypeNotFoundError(why or f"no metadata type named {name!r} in the index") from None

    def _unreadable(self, name: str) -> str | None:
        return self._index._catalog().why_unreadable("metadata type", name)

    def check_field_indexes(
        self, allow_table_lock: bool = False, rebuild_views: bool = False, rebuild_indexes: bool = False
    ) -> None:
        """Create the expression index of every indexed search field; drop stale ones.

        Each metadata type's indexed fields get a partial index (``ix_field_<type id>_<field>``);
        time and the footprint live in the R*Tree. An index whose field is gone, is no longer
        indexed or is now read differently is dropped (and remade if still wanted);
        ``rebuild_indexes`` remakes them all. ``allow_table_lock`` changes nothing here (a
        SQLite write locks the whole file anyway), nor does ``rebuild_views`` (no views).
        """
        idx = self._index
        cat = idx._catalog()
        wanted: dict[str, str] = {}
        for mt_id, mt in cat.types.items():
            for f in mt.search_fields.values():
                if has_field_index(f):
                    name, sql = field_index_sql(mt_id, f)
                    wanted[name] = sql
        with idx.transaction():
            conn = idx._conn()
            have = dict(
                conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix!_field!_%' ESCAPE '!'"
                )
            )
            for name, sql in have.items():
                # SQLite keeps a CREATE statement as written, less its IF NOT EXISTS.
                current = name in wanted and sql == wanted[name].replace(" IF NOT EXISTS", "", 1)
                if rebuild_indexes or not current:
                    conn.execute(f'DROP INDEX "{name}"')
            for sql in wanted.values():
                conn.execute(sql)  # IF NOT EXISTS: only the missing ones


class Products(AbstractProductResource):
    """``index.products`` of a SQLite index."""

    _index: SQLiteIndex

    def _add(self, product: Product) -> None:
        cat = self._index._catalog()
        self._index._conn().execute(
            "INSERT INTO product(name, metadata_type_id, doc, added) VALUES (?, ?, ?, ?)",
            (
                product.name,
                cat.type_ids[product.metadata_type.name],
                product.to_json().decode(),
                now_us(),
            ),
        )
        self._index._catalog_changed()

    def _replace(self, product: Product) -> None:
        cat = self._index._catalog()
        mt_id = cat.type_ids[product.metadata_type.name]
        conn = self._index._conn()
        conn.execute(
            "UPDATE product SET doc = ?, metadata_type_id = ?, updated = ? WHERE name = ?",
            (product.to_json().decode(), mt_id, now_us(), product.name),
        )
        conn.execute(
            "UPDATE dataset SET metadata_type_id = ? WHERE product_id = ?",
            (mt_id, cat.product_ids[product.name]),
        )
        self._index._catalog_changed()

    def _delete(self, product: Product) -> None:
        self._index._conn().execute("DELETE FROM product WHERE name = ?", (product.name,))
        self._index._catalog_changed()

    def _get_all(self) -> Iterable[tuple[int, Product]]:
        return list(self._index._catalog().products.items())

    def get_unsafe(self, id_: int) -> Product:
        cat = self._index._catalog()
        try:
            return cat.products[id_]
        except KeyError:
            why = cat.why_unreadable("product", id_=id_)
            raise ProductNotFoundError(why or f"no product with id {id_!r}") from None

    def get_by_name_unsafe(self, name: str) -> Product:
        cat = self._index._catalog()
        try:
            return cat.products_by_name[name]
        except KeyError:
            why = cat.why_unreadable("product", name)
            raise ProductNotFoundError(why or f"no product named {name!r} in the index") from None

    def _unreadable(self, name: str) -> str | None:
        return self._index._catalog().why_unreadable("product", name)
