"""What the resource base classes and the drivers share: ids, result streams, the GC pause,
and the catalog and WHERE-clause values of the SQL drivers.

Everything here is public within the index layer; import it from this module rather than
from the resource module that happens to use it most.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import uuid
import warnings
from types import GeneratorType
from typing import TYPE_CHECKING, Any, TypeVar

from terracube.errors import DocumentError, QueryError, StoredRecordWarning
from terracube.model import MetadataType, Product

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

__all__ = [
    "DSID",
    "Catalog",
    "Where",
    "dataset_id",
    "fast_uuid",
    "gc_paused",
    "search_result",
    "utc_now",
    "uuid_from_bytes",
]

#: A dataset id as callers may give it: a UUID or its string form.
DSID = uuid.UUID | str

T = TypeVar("T")


def search_result(items: Iterable[T], fetch_all: bool) -> Iterator[T] | list[T]:
    """What every search returns: a list with ``fetch_all``, else a generator (a stream)."""
    if fetch_all:
        return list(items)
    return items if isinstance(items, GeneratorType) else (x for x in items)


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


# --- ids ------------------------------------------------------------------------------------------


def dataset_id(v: DSID) -> uuid.UUID:
    """A dataset id given as a UUID or a string, as a UUID.

    Raises
    ------
    QueryError
        The value is not a UUID.
    """
    if isinstance(v, uuid.UUID):
        return v
    try:
        return uuid.UUID(str(v))
    except ValueError:
        raise QueryError(f"{v!r} is not a dataset id (a UUID)") from None


_new = object.__new__
_set_int = vars(uuid.UUID)["int"].__set__
_set_is_safe = vars(uuid.UUID)["is_safe"].__set__
_UNKNOWN = uuid.SafeUUID.unknown
_from_bytes = int.from_bytes


def fast_uuid(i: int) -> uuid.UUID:
    """``uuid.UUID(int=i)`` without its argument checks: for ids that come from stored UUIDs."""
    u = _new(uuid.UUID)
    _set_int(u, i)
    _set_is_safe(u, _UNKNOWN)
    return u


def uuid_from_bytes(b: bytes) -> uuid.UUID:
    """``uuid.UUID(bytes=b)`` without its checks, for the 16-byte ids a database stores."""
    u = _new(uuid.UUID)
    _set_int(u, _from_bytes(b, "big"))
    _set_is_safe(u, _UNKNOWN)
    return u


# --- bulk work ------------------------------------------------------------------------------------


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk work (adds, imports, lineage trees).

    Validating and storing many documents allocates millions of small containers; with a large
    heap the collector's full passes then take about half the time. Documents and datasets hold
    no reference cycles, so reference counting alone frees them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- SQL drivers ----------------------------------------------------------------------------------


class Catalog:
    """Metadata types and products with their ids, as loaded at one moment.

    Stored records that cannot be read are kept apart in ``broken``, ``(kind, name) -> (id,
    reason)``, their names and ids still known so that they can be replaced; the others are
    served as usual.
    """

    def __init__(
        self,
        types: dict[int, MetadataType],
        products: dict[int, Product],
        broken: dict[tuple[str, str], tuple[int, str]] | None = None,
    ) -> None:
        self.types = types
        self.types_by_name = {m.name: m for m in types.values()}
        self.type_ids = {m.name: i for i, m in types.items()}
        self.products = products
        self.products_by_name = {p.name: p for p in products.values()}
        self.product_ids = {p.name: i for i, p in products.items()}
        self.broken = dict(broken or {})
        for (kind, name), (i, _) in self.broken.items():
            (self.type_ids if kind == "metadata type" else self.product_ids).setdefault(name, i)

    def why_unreadable(self, kind: str, name: str | None = None, id_: int | None = None) -> str | None:
        """Why the stored ``kind`` (``"product"`` or ``"metadata type"``) of this name or id
        cannot be read, or None when it can (or is not stored)."""
        for (k, n), (i, reason) in self.broken.items():
            if k == kind and (n == name or i == id_):
                return f"{kind} {n!r} (id {i}) is stored in the index but cannot be read: {reason}"
        return None

    @classmethod
    def from_rows(
        cls,
        type_rows: Iterable[tuple[int, Mapping[str, Any] | str]],
        product_rows: Iterable[tuple[int, int, Mapping[str, Any] | str]],
        warned: set[tuple[str, int, str]] | None = None,
    ) -> Catalog:
        """Build it from stored rows, documents parsed or as JSON text.

        ``type_rows`` are ``(id, document)`` of metadata types, ``product_rows``
        ``(id, metadata type id, document)`` of products. A record that cannot be read (a
        document an older version stored, or edited by hand) is reported with a
        :class:`~terracube.errors.StoredRecordWarning` naming it and left out; so are the
        products of a metadata type that cannot be read. ``warned`` holds what the caller was
        told before: a record reported there is not reported again (a catalog reloads often).
        """
        types: dict[int, MetadataType] = {}
        broken: dict[tuple[str, str], tuple[int, str]] = {}
        for i, doc in type_rows:
            try:
                # Stored documents passed the schema check when they were added.
                types[i] = MetadataType.from_doc(
                    _parsed(doc), where=f"stored metadata type (id {i})", validate=False
                )._with_index_id(i)
            except (DocumentError, ValueError, TypeError, KeyError) as e:
                broken[("metadata type", _stored_name(doc, i))] = (i, str(e))
        products: dict[int, Product] = {}
        for i, mt, doc in product_rows:
            try:
                if mt not in types:
                    name = next(
                        (n for (k, n), (j, _) in broken.items() if k == "metadata type" and j == mt), mt
                    )
                    raise DocumentError(f"its metadata type {name!r} cannot be read")
                products[i] = Product.from_doc(
                    _parsed(doc), types[mt], where=f"stored product (id {i})", validate=False
                )._with_index_id(i)
            except (DocumentError, ValueError, TypeError, KeyError) as e:
                broken[("product", _stored_name(doc, i))] = (i, str(e))
        for (kind, name), (i, reason) in broken.items():
            if warned is not None:
                if (kind, i, reason) in warned:
                    continue
                warned.add((kind, i, reason))
            warnings.warn(
                f"the index holds {kind} {name!r} (id {i}) but cannot read it: {reason}; the other "
                f"records are served. Replace it from a good document with `{kind.split()[-1]} "
                "update` (terracube metadata/product update)",
                StoredRecordWarning,
                stacklevel=2,
            )
        return cls(types, products, broken)


def _parsed(doc: Mapping[str, Any] | str) -> Mapping[str, Any]:
    """A stored document, parsed if it is JSON text (by the standard library: wide integers stay exact)."""
    if isinstance(doc, str | bytes):
        out = json.loads(doc)
        if not isinstance(out, dict):
            raise DocumentError(f"the stored document is a {type(out).__name__}, not a mapping")
        return out
    return doc


def _stored_name(doc: Mapping[str, Any] | str, id_: int) -> str:
    """The name a stored document gives itself, however damaged, else its id."""
    try:
        name = _parsed(doc).get("name")
    except (ValueError, TypeError, DocumentError):
        name = None
    return name if isinstance(name, str) else f"#{id_}"


class Where:
    """A WHERE clause under construction: conditions and their parameters."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.params: list[Any] = []

    def add(self, cond: str, *params: Any) -> None:
        """Add a condition (ANDed with the others) and the parameters it binds."""
        self.conds.append(cond)
        self.params.extend(params)

    def sql(self) -> str:
        """The conditions joined with AND (``TRUE`` when there are none)."""
        return " AND ".join(self.conds) if self.conds else "TRUE"
