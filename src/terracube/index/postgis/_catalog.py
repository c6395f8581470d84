"""Metadata types and products: stored as jsonb, cached in memory, reloaded when changed.

The cache is dropped when this index writes a type or product, when a transaction rolls back,
and when another connection announces a change (``NOTIFY``, see ``_schema.py``). A lookup that
misses reloads once before it fails, so a product another process just added is found.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import orjson

from terracube.errors import DuplicateRecordError, MetadataTypeNotFoundError, ProductNotFoundError
from terracube.index._metadata_types import AbstractMetadataTypeResource
from terracube.index._products import AbstractProductResource
from terracube.index._shared import Catalog
from terracube.index.postgis._sql import field_index, indexed_fields
from terracube.model import doc_json

if TYPE_CHECKING:
    from collections.abc import Iterable

    from terracube.index.postgis._driver import PostgisIndex
    from terracube.model import MetadataType, Product

__all__ = ["MetadataTypes", "Products", "load_catalog"]

_log = logging.getLogger(__name__)
_CONCURRENT_ABOVE = 10_000  # estimated datasets above which new field indexes are built concurrently


def load_catalog(index: PostgisIndex) -> Catalog:
    """Read every metadata type and product (one that cannot be read is reported and left out)."""
    db = index._db
    # As text, read by the standard library: integers beyond 64 bits stay exact.
    return Catalog.from_rows(
        db.run("SELECT id, doc::text FROM metadata_type").fetchall(),
        db.run("SELECT id, metadata_type_id, doc::text FROM product").fetchall(),
        index._warned_records,
    )


def _json(doc: object) -> str:
    return doc_json(doc).decode()


def _insert_once(
    index: PostgisIndex, sql: str, table: str, name: str, doc: dict[str, object], *extra: object
) -> None:
    """Insert a named document; if another writer stored the same name meanwhile, it must match.

    Raises
    ------
    DuplicateRecordError
        A concurrent writer stored a different document under this name.
    """
    db = index._db
    params = (name, *extra, _json(doc))
    if db.run(sql, params).rowcount == 0:
        (stored,) = db.one(f"SELECT doc FROM {table} WHERE name = %s", (name,))
        if stored != orjson.loads(_json(doc)):
            raise DuplicateRecordError(
                f"{table.replace('_', ' ')} {name!r} was just added by another writer with a different "
                "document; use update to change it"
            )
    index._catalog_changed()


class MetadataTypes(AbstractMetadataTypeResource):
    """``index.metadata_types`` of a PostGIS index."""

    _index: PostgisIndex

    def _add(self, metadata_type: MetadataType) -> None:
        _insert_once(
            self._index,
            "INSERT INTO metadata_type (name, doc) VALUES (%s, %s::jsonb) ON CONFLICT (name) DO NOTHING",
            "metadata_type",
            metadata_type.name,
            metadata_type.definition,
        )

    def _replace(self, metadata_type: MetadataType) -> None:
        self._index._db.run(
            "UPDATE metadata_type SET doc = %s::jsonb, updated = now() WHERE name = %s",
            (_json(metadata_type.definition), metadata_type.name),
        )
        self._index._catalog_changed()

    def _get_all(self) -> Iterable[tuple[int, MetadataType]]:
        return list(self._index._catalog().types.items())

    def get_unsafe(self, id_: int) -> MetadataType:
        """docstring inherited"""
        mt = self._index._lookup(lambda c: c.types.get(id_))
        if mt is None:
            why = self._index._catalog().why_unreadable("metadata type", id_=id_)
            raise MetadataTypeNotFoundError(why or f"no metadata type with id {id_!r}")
        return mt

    def get_by_name_unsafe(self, name: str) -> MetadataType:
        """docstring inherited"""
        mt = self._index._lookup(lambda c: c.types_by_name.get(name))
        if mt is None:
            why = self._unreadable(name)
            raise MetadataTypeNotFoundError(why or f"no metadata type named {name!r} in the index")
        return mt

    def _unreadable(self, name: str) -> str | None:
        return self._index._catalog().why_unreadable("metadata type", name)

    def check_field_indexes(
        self, allow_table_lock: bool = False, rebuild_views: bool = False, rebuild_indexes: bool = False
    ) -> None:
        """Create the expression index of every search field; drop those of removed fields.

        Indexes are partial (one metadata type each). Without ``allow_table_lock``, outside a
        transaction and on a large table, they are built ``CONCURRENTLY`` so writers go on.
        """
        idx = self._index
        db = idx._db
        cat = idx._catalog()
        wanted: dict[str, str] = {}
        for mt_id, mt in cat.types.items():
            for f in indexed_fields(dict(mt.search_fields)):
                name, body = field_index(mt_id, f)
                wanted[name] = body
        have = {
            r[0]
            for r in db.run(
                "SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = 'dataset' "
                "AND indexname LIKE 'ix\\_%%'",
                (idx.schema,),
            )
        }
        (rows,) = db.one("SELECT reltuples FROM pg_class WHERE oid = 'dataset'::regclass")
        concurrently = not allow_table_lock and not idx.in_transaction and rows > _CONCURRENT_ABOVE
        how = " CONCURRENTLY" if concurrently else ""
        drop = [n for n in have if n not in wanted or rebuild_indexes]
        create = [n for n in wanted if n not in have or rebuild_indexes]
        for name in drop:
            db.run(f'DROP INDEX{how} IF EXISTS "{name}"')
        for name in create:
            _log.info("creating search field index %s", name)
            db.run(f'CREATE INDEX{how} IF NOT EXISTS "{name}" {wanted[name]}')


class Products(AbstractProductResource):
    """``index.products`` of a PostGIS index."""

    _index: PostgisIndex

    def _add(self, product: Product) -> None:
        cat = self._index._catalog()
        _insert_once(
            self._index,
            "INSERT INTO product (name, metadata_type_id, doc) VALUES (%s, %s, %s::jsonb) "
            "ON CONFLICT (name) DO NOTHING",
            "product",
            product.name,
            product.definition,
            cat.type_ids[product.metadata_type.name],
        )

    def _replace(self, product: Product) -> None:
        cat = self._index._catalog()
        mt_id = cat.type_ids[product.metadata_type.name]
        db = self._index._db
        db.run(
            "UPDATE product SET doc = %s::jsonb, metadata_type_id = %s, updated = now() WHERE name = %s",
            (_json(product.definition), mt_id, product.name),
        )
        db.run(
            "UPDATE dataset SET metadata_type_id = %s WHERE product_id = %s AND metadata_type_id <> %s",
            (mt_id, cat.product_ids[product.name], mt_id),
        )
        self._index._catalog_changed()

    def _delete(self, product: Product) -> None:
        self._index._db.run("DELETE FROM product WHERE name = %s", (product.name,))
        self._index._catalog_changed()

    def _get_all(self) -> Iterable[tuple[int, Product]]:
        return list(self._index._catalog().products.items())

    def get_unsafe(self, id_: int) -> Product:
        """docstring inherited"""
        p = self._index._lookup(lambda c: c.products.get(id_))
        if p is None:
            why = self._index._catalog().why_unreadable("product", id_=id_)
            raise ProductNotFoundError(why or f"no product with id {id_!r}")
        return p

    def get_by_name_unsafe(self, name: str) -> Product:
        """docstring inherited"""
        p = self._index._lookup(lambda c: c.products_by_name.get(name))
        if p is None:
            why = self._unreadable(name)
            raise ProductNotFoundError(why or f"no product named {name!r} in the index")
        return p

    def _unreadable(self, name: str) -> str | None:
        return self._index._catalog().why_unreadable("product", name)
