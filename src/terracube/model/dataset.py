"""`Dataset`: one indexed eo3 document with its product, location and archive state."""

from __future__ import annotations

import contextlib
import copy
import math
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from terracube.errors import DocumentError
from terracube.model._docs import doc_json, jsonify
from terracube.model._reader import DatasetMetadata
from terracube.model._storable import check_storable, is_plain
from terracube.model.eo3 import (
    _check_eo3,
    _crs_key,
    _lonlat_many,
    _plain_polygons,
    check_projection,
    footprint,
    grids_outline,
    lonlat,
    parse_crs,
)
from terracube.model.fields import get_path, parse_datetime

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    import shapely
    from odc.geo import CRS
    from odc.geo.geom import BoundingBox, Geometry

    from terracube.model.lineage import LineageTree
    from terracube.model.metadata_type import MetadataType
    from terracube.model.product import Product
    from terracube.model.range import Range

__all__ = ["Dataset", "Grid", "SourceRef"]


#: In compact JSON a null value follows one of these; a string holding one of them only sends
#: a document down the slower, exact path.
_NULL_VALUE = re.compile(rb"[:,\[]null")


def _storable_copy_json(
    doc: Mapping[str, Any], uri: str | None, where: str
) -> tuple[dict[str, Any], bytes | None, bool]:
    """A JSON-only deep copy of a document, refusing what no index stores (NUL characters); its
    compact JSON (what :meth:`Dataset.to_json` gives) when known; and whether the document held
    neither NUL nor NaN nor infinity.

    NaN and infinities (which orjson would write as null) go through :func:`jsonify`, which
    keeps them as ``"NaN"``, ``"Infinity"`` and ``"-Infinity"``, as ODC stores them.

    Most documents hold only strings, numbers, lists and mappings with string keys, no NUL
    character and no null: one ``orjson.dumps`` shows that (a NUL is written ``\\u0000``, a NaN
    ``null``) and gives the stored JSON, which a walk of the document would only confirm.
    """
    if uri is not None and "\x00" in uri:
        raise DocumentError(
            f"invalid dataset location for {where}: the uri {uri!r} holds a NUL character (\\u0000); "
            "remove it (no index can store one)",
            field="uri",
            value=uri,
            doc=where,
        )
    import orjson

    try:
        data: bytes | None = orjson.dumps(doc)
    except TypeError:  # numpy scalars, keys that are not strings, huge integers: see below
        data = None
    if (
        data is not None
        and b"\\u0000" not in data
        and (b"null" not in data or _NULL_VALUE.search(data) is None)
    ):
        out = orjson.loads(data)
        if isinstance(out, dict):
            return out, data, True
    plain = is_plain(doc)
    if not plain:
        check_storable(doc, kind="dataset", where=where, finite=False)
        out = jsonify(doc)
    else:
        try:
            out = orjson.loads(orjson.dumps(doc, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY))
        except TypeError:  # an integer beyond 64 bits, say
            out = jsonify(doc)
    if not isinstance(out, dict):
        raise DocumentError(f"a dataset document is a mapping, not {type(doc).__name__}")
    return out, None, plain


def _check_numeric_fields(doc: Mapping[str, Any], product: Product, where: str) -> None:
    """Refuse a NaN or infinite value of a numeric search field (``eo:cloud_cover: .nan``).

    ODC stores one and then no search by that field can find the dataset: a value that is
    silently unsearchable. Only documents holding such numbers get here (they are rare); a
    NaN elsewhere in a document is kept as ODC keeps it.
    """
    for field in product.metadata_type.search_fields.values():
        if field.value_type != "numeric":
            continue
        for path in (*field.offsets, *field.min_offsets, *field.max_offsets):
            value = get_path(doc, path)
            if hasattr(value, "item") and callable(value.item):  # a numpy scalar
                value = value.item()
            if isinstance(value, float) and not math.isfinite(value):
                dotted = ".".join(map(str, path))
                raise DocumentError(
                    f"invalid dataset document {where}: field {dotted} (search field "
                    f"{field.name!r}) is {value!r}, which no search by {field.name} can find; give a "
                    "number, or leave the field out",
                    field=dotted,
                    value=value,
                    doc=where,
                )


def _check_product(doc: Mapping[str, Any], product: Product, where: str) -> None:
    if doc["product"]["name"] != product.name:
        raise DocumentError(
            f"invalid dataset document {where}: field product.name = "
            f"{doc['product']['name']!r} but the dataset is being added to {product.name!r}",
            field="product.name",
            value=doc["product"]["name"],
            doc=where,
        )


def _attach_source_tree(ds: Dataset) -> None:
    """Give a dataset built from a document the one-level source tree of its ``lineage.source_ids``."""
    srcs = get_path(ds._doc, ("lineage", "source_ids"))
    if srcs:
        from terracube.model.lineage import LineageTree

        ds._derived["source_tree"] = LineageTree.from_eo3_doc(ds._id, srcs)


SourceRef = tuple[str, uuid.UUID]
_UNSET: Any = object()
_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Grid:
    """One pixel grid of an eo3 dataset (``grids.<name>``), in the dataset's CRS.

    >>> Grid((2, 3), (10.0, 0.0, 500.0, 0.0, -10.0, 700.0)).shape
    (2, 3)
    """

    shape: tuple[int, int]
    """``(rows, cols)``."""
    transform: tuple[float, float, float, float, float, float]
    """Affine coefficients ``(a, b, c, d, e, f)`` taking pixel ``(col, row)`` to CRS ``(x, y)``."""

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Grid:
        """The grid of a validated ``{"shape": [rows, cols], "transform": [a, b, c, d, e, f, ...]}``."""
        rows, cols = doc["shape"]
        a, b, c, d, e, f = doc["transform"][:6]
        return cls((int(rows), int(cols)), (float(a), float(b), float(c), float(d), float(e), float(f)))


class Dataset:
    """An eo3 dataset: its document, product, location and index state.

    A value: immutable; equal when id, product, document, location and archive state are
    equal; hashed by id. Build one with :meth:`from_doc`; an index returns them from searches.
    Derived facts (footprint, lon/lat bounds, search field values) are computed once, lazily.
    Lineage trees an index looked up (:attr:`source_tree`, :attr:`derived_tree`) ride along
    with them; equality ignores them.
    """

    _TREES = ("source_tree", "derived_tree")

    # ``_json``: the document as JSON text, kept by :meth:`_make_json` until ``_doc`` is first read.
    __slots__ = ("_archived", "_derived", "_doc", "_id", "_indexed", "_json", "_product", "_uri")

    _id: uuid.UUID
    _product: Product
    _doc: dict[str, Any]
    _json: str | bytes
    _uri: str | None
    _archived: dt.datetime | None
    _indexed: dt.datetime | None
    _derived: dict[str, Any]

    @classmethod
    def from_doc(
        cls,
        doc: Mapping[str, Any],
        product: Product,
        *,
        uri: str | None = None,
        where: str = "",
    ) -> Dataset:
        """Validate an eo3 dataset document of ``product``.

        Parameters
        ----------
        doc
            The eo3 document.
        product
            Its product; ``doc["product"]["name"]`` must name it.
        uri
            The dataset's location (where its metadata file lives), if known.
        where
            Names the document in error messages (defaults to ``uri`` or its id).

        Raises
        ------
        DocumentError
            The document is invalid; the message names the field, value and document.
        """
        where = where or uri or f"dataset {doc.get('id')!r}"
        given = doc
        doc, data, plain = _storable_copy_json(doc, uri, where)
        id_, shape = _check_eo3(doc, where)
        _check_product(doc, product, where)
        if not plain:
            _check_numeric_fields(given, product, where)
        ds = cls._make(id_, product, doc, uri, None, None)
        if data is not None:
            ds._derived["json"] = data
        _attach_source_tree(ds)
        ds._derived["extent"] = ext = footprint(doc, shape)
        if ext is not None and not (ext.crs is not None and ext.crs.geographic):
            check_projection(ds._lonlat()[0], doc, where=where)
        try:
            ds.search_values()
        except DocumentError as e:
            raise DocumentError(
                f"invalid dataset document {where}: {e}", field=e.field, value=e.value, doc=where
            ) from None
        return ds

    @classmethod
    def from_docs(
        cls,
        docs: Sequence[Mapping[str, Any]],
        products: Product | Sequence[Product],
        *,
        uris: Sequence[str | None] | None = None,
        wheres: Sequence[str] | None = None,
    ) -> list[Dataset]:
        """Validate many eo3 documents: :meth:`from_doc` of each, in fewer and faster passes.

        The same datasets as ``from_doc(doc, product, uri=uri, where=where)`` of each document
        in turn, and the same error for the first bad one. Footprints are read and projected
        to lon/lat for all the documents at once, with one transform per CRS. When a document
        fails any check, all are validated again one by one, so the first bad document raises
        exactly as :meth:`from_doc` does.

        Parameters
        ----------
        docs
            The eo3 documents.
        products
            Their product, or the product of each document.
        uris
            The location of each document (default: none).
        wheres
            How error messages name each document (default: as :meth:`from_doc` does).

        Raises
        ------
        DocumentError
            The first invalid document, as :meth:`from_doc` raises it.
        """
        from terracube.model.product import Product

        n = len(docs)
        prods = [products] * n if isinstance(products, Product) else list(products)
        locations = [None] * n if uris is None else list(uris)
        names = [""] * n if wheres is None else list(wheres)
        if not len(prods) == len(locations) == len(names) == n:
            raise ValueError(
                f"{n} documents need as many products, uris and wheres; got {len(prods)}, "
                f"{len(locations)} and {len(names)}"
            )
        try:
            return cls._from_docs(docs, prods, locations, names)
        except Exception:  # a bad document, or an unusual one: the general path below decides
            pass
        return [
            cls.from_doc(d, p, uri=u, where=w)
            for d, p, u, w in zip(docs, prods, locations, names, strict=True)
        ]

    @classmethod
    def _from_docs(
        cls,
        docs: Sequence[Mapping[str, Any]],
        products: Sequence[Product],
        uris: Sequence[str | None],
        wheres: Sequence[str],
    ) -> list[Dataset]:
        """:meth:`from_docs` for documents that pass every check; raises at the first doubt."""
        out: list[Dataset] = []
        shapes: list[Any] = []
        plain: list[int] = []
        for doc, product, uri, where in zip(docs, products, uris, wheres, strict=True):
            where = where or uri or f"dataset {doc.get('id')!r}"
            given = doc
            doc, data, finite = _storable_copy_json(doc, uri, where)
            id_, shape = _check_eo3(doc, where, defer_plain=True)
            _check_product(doc, product, where)
            if not finite:
                _check_numeric_fields(given, product, where)
            if isinstance(shape, bytes):
                plain.append(len(out))
            out.append(cls._make(id_, product, doc, uri, None, None))
            if data is not None:
                out[-1]._derived["json"] = data
            _attach_source_tree(out[-1])
            shapes.append(shape)
        polygons = _plain_polygons([shapes[i] for i in plain], [out[i]._doc["crs"] for i in plain])
        if polygons is None:
            raise DocumentError("a geometry fails a check")
        for i, g in zip(plain, polygons, strict=True):
            shapes[i] = g
        projected = []
        for ds, shape in zip(out, shapes, strict=True):
            ds._derived["extent"] = ext = footprint(ds._doc, shape)
            if ext is not None and not (ext.crs is not None and ext.crs.geographic):
                projected.append(ds)
        exts = [ds._derived["extent"] for ds in projected]
        lls = _lonlat_many([e.geom for e in exts], [_crs_key(e.crs) for e in exts])
        for ds, ll in zip(projected, lls, strict=True):
            if ll is None:
                check_projection(ds._lonlat()[0], ds._doc, where="")
                continue
            ds._derived["ll"] = ll
            _, south, _, north = ll[1]  # the polygon's bounds, all finite
            if south < -90.0001 or north > 90.0001:
                raise DocumentError("a footprint does not project to lon/lat")
        for ds in out:
            ds.search_values()
        return out

    @classmethod
    def _make(
        cls,
        id_: uuid.UUID,
        product: Product,
        doc: dict[str, Any],
        uri: str | None,
        archived: dt.datetime | None,
        indexed: dt.datetime | None,
    ) -> Dataset:
        """Wrap an already validated document (used by index drivers; no checks)."""
        self = cls._bare(id_, product, uri, archived, indexed)
        self._doc = doc
        return self

    @classmethod
    def _bare(
        cls,
        id_: uuid.UUID,
        product: Product,
        uri: str | None,
        archived: dt.datetime | None,
        indexed: dt.datetime | None,
    ) -> Dataset:
        """A dataset with everything but its document, which the caller sets."""
        self = object.__new__(cls)
        self._id = id_
        self._product = product
        self._uri = uri
        self._archived = archived
        self._indexed = indexed
        self._derived = {}
        return self

    @classmethod
    def _make_json(
        cls,
        id_: uuid.UUID,
        product: Product,
        text: str | bytes,
        uri: str | None,
        archived: dt.datetime | None,
        indexed: dt.datetime | None,
    ) -> Dataset:
        """:meth:`_make` of a document still in JSON text, decoded when something first reads it.

        An index search returns many datasets whose documents are often never read (ids,
        locations, counts); decoding is most of the cost of building them. The JSON text must be
        that of an already validated document.
        """
        self = cls._bare(id_, product, uri, archived, indexed)
        self._json = text
        return self

    def __getattr__(self, name: str) -> Any:
        # Only reached for an unset slot: ``_doc`` of a dataset made by _make_json.
        if name == "_doc":
            from terracube.model._docs import json_value

            try:
                text = self._json
            except AttributeError:  # another thread decoded it just now
                return object.__getattribute__(self, "_doc")
            doc = json_value(text)  # integers beyond 64 bits exactly, as they were stored
            self._doc = doc
            with contextlib.suppress(AttributeError):  # deleted by another thread
                del self._json  # only one of the two is kept
            return doc
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _shipped(self, row: Any = None) -> tuple[Any, ...]:
        """This validated dataset as plain values, to rebuild in another process (:meth:`_unshipped`).

        The product goes by name (the receiver holds its own) and the document as its stored
        JSON when validation wrote it (bytes pickle at the cost of a copy; a document's objects
        one by one). ``row`` is
        what an index stores beside the document, derived here so the receiver need not derive
        it again; it is kept in the rebuilt dataset for the index to find (the model does not
        read it).
        """
        data = self._derived.get("json")  # none for the rare document orjson cannot write exactly
        sources = tuple((k, i.bytes) for k, i in self.source_ids)
        return (
            self._id.bytes,
            self._product.name,
            self._doc if data is None else data,
            self._uri,
            row,
            sources,
        )

    @classmethod
    def _unshipped(cls, shipped: tuple[Any, ...], product: Product) -> Dataset:
        """The dataset :meth:`_shipped` gave, bound to ``product`` (which has the name shipped).

        Its document stays JSON until something reads it: storing it needs only the JSON, the
        row and the lineage sources, which come shipped.
        """
        id_bytes, name, data, uri, row, sources = shipped
        if name != product.name:
            raise ValueError(f"a dataset of product {name!r} cannot be rebuilt with product {product.name!r}")
        if isinstance(data, bytes):
            ds = cls._make_json(uuid.UUID(bytes=id_bytes), product, data, uri, None, None)
            ds._derived["json"] = data
        else:
            ds = cls._make(uuid.UUID(bytes=id_bytes), product, data, uri, None, None)
        if row is not None:
            ds._derived["row"] = row
        ds._derived["source_ids"] = tuple((k, uuid.UUID(bytes=i)) for k, i in sources)
        return ds

    def _same_state(self, **state: Any) -> Dataset:
        """A copy with the document as it is here (still JSON if not read yet), ``state`` set."""
        try:
            text = object.__getattribute__(self, "_json")
        except AttributeError:
            out = Dataset._make(self._id, self._product, self._doc, self._uri, self._archived, self._indexed)
        else:
            out = Dataset._make_json(self._id, self._product, text, self._uri, self._archived, self._indexed)
        for name, value in state.items():
            setattr(out, name, value)
        return out

    def replace(
        self,
        *,
        product: Product = _UNSET,
        uri: str | None = _UNSET,
        archived_time: dt.datetime | None = _UNSET,
        indexed_time: dt.datetime | None = _UNSET,
    ) -> Dataset:
        """A copy with some index state replaced (the document stays the same)."""
        out = self._same_state(
            _product=self._product if product is _UNSET else product,
            _uri=self._uri if uri is _UNSET else uri,
            _archived=self._archived if archived_time is _UNSET else archived_time,
            _indexed=self._indexed if indexed_time is _UNSET else indexed_time,
        )
        if product is _UNSET or product is self._product or product == self._product:
            out._derived = self._derived
        return out

    def with_lineage_trees(
        self, *, source_tree: LineageTree | None = _UNSET, derived_tree: LineageTree | None = _UNSET
    ) -> Dataset:
        """A copy carrying lineage trees looked up in an index (the others kept as they are)."""
        out = self._same_state()
        out._derived = dict(self._derived)
        for key, tree in (("source_tree", source_tree), ("derived_tree", derived_tree)):
            if tree is not _UNSET:
                out._derived[key] = tree
        return out

    def same_document(self, other: Dataset) -> bool:
        """Whether two datasets have the same id, product name and document (index state aside)."""
        return self._id == other._id and self._product.name == other._product.name and self._doc == other._doc

    def to_json(self) -> bytes:
        """The document as compact JSON bytes (what index drivers store)."""
        data: bytes | None = self._derived.get("json")  # kept from validation, which wrote it
        return doc_json(self._doc) if data is None else data

    # --- identity and index state ------------------------------------------------------------

    @property
    def id(self) -> uuid.UUID:
        """The dataset's UUID."""
        return self._id

    @property
    def product(self) -> Product:
        """The product this dataset belongs to."""
        return self._product

    @property
    def type(self) -> Product:
        """The product this dataset belongs to: ODC's older name for :attr:`product`."""
        return self._product

    @property
    def metadata_type(self) -> MetadataType:
        """The product's metadata type."""
        return self._product.metadata_type

    @property
    def metadata_doc(self) -> dict[str, Any]:
        """A copy of the eo3 document."""
        return copy.deepcopy(self._doc)

    @property
    def metadata(self) -> DatasetMetadata:
        """The dataset's fields by attribute (``ds.metadata.cloud_cover``, ``ds.metadata.label``), as in ODC.

        See :class:`~terracube.model._reader.DatasetMetadata`.
        """
        return DatasetMetadata(self)

    @property
    def is_eo3(self) -> bool:
        """Whether the document is eo3: always, as terracube indexes eo3 documents only."""
        return True

    @property
    def uri(self) -> str | None:
        """The dataset's one location, or None."""
        return self._uri

    @property
    def uris(self) -> list[str]:
        """The locations as a list, as ODC 1.8 gave them: ``[uri]``, or ``[]`` without one."""
        return [] if self._uri is None else [self._uri]

    @property
    def local_uri(self) -> str | None:
        """The location if it is a local file (``file:``), else None."""
        return self._uri if self._uri is not None and self._uri.startswith("file:") else None

    @property
    def local_path(self) -> Path | None:
        """The local file the location names, or None when it is not a local file."""
        uri = self.local_uri
        if uri is None:
            return None
        from urllib.parse import unquote, urlsplit
        from urllib.request import url2pathname

        parts = urlsplit(uri)
        if parts.netloc not in ("", "localhost"):
            return None
        return Path(url2pathname(unquote(parts.path)))

    @property
    def archived_time(self) -> dt.datetime | None:
        """When the dataset was archived, or None if it is active."""
        return self._archived

    @property
    def is_archived(self) -> bool:
        """Whether the dataset is archived."""
        return self._archived is not None

    @property
    def is_active(self) -> bool:
        """Whether the dataset is active (not archived)."""
        return self._archived is None

    @property
    def indexed_time(self) -> dt.datetime | None:
        """When the dataset was added to the index it came from."""
        return self._indexed

    # --- document sections ---------------------------------------------------------------------

    def _offset(self, name: str) -> Any:
        return get_path(self._doc, self._product.metadata_type.dataset_offsets[name])

    @property
    def label(self) -> str | None:
        """The document's label, if any."""
        v = self._offset("label")
        return None if v is None else str(v)

    @property
    def format(self) -> str | None:
        """File format of the data (``odc:file_format``), if given."""
        v = self._offset("format")
        return None if v is None else str(v)

    @property
    def creation_dt(self) -> dt.datetime | None:
        """When the data was processed (``odc:processing_datetime``), if given."""
        v = self._offset("creation_dt")
        return None if v is None else parse_datetime(v)

    @property
    def measurements(self) -> dict[str, Any]:
        """A copy of the document's measurements (band name -> path, band, grid...)."""
        return copy.deepcopy(self._offset("measurements") or {})

    def measurement_doc(self, name: str) -> Mapping[str, Any] | None:
        """The document's entry for one band (``path``, ``band``, ``layer``, ``grid``), read-only.

        ``name`` is the product's measurement name (not an alias); None when the document does
        not list it. Unlike :attr:`measurements` this copies nothing.
        """
        entry = (self._doc.get("measurements") or _EMPTY).get(name)
        return None if entry is None else MappingProxyType(entry)

    @property
    def driver_data(self) -> Mapping[str, Any]:
        """What the writer recorded per band for its reader (``driver_data.<band>``), read-only."""
        data = self._doc.get("driver_data")
        return _EMPTY if not data else MappingProxyType(data)

    @property
    def properties(self) -> dict[str, Any]:
        """A copy of the document's properties."""
        return copy.deepcopy(self._doc.get("properties", {}))

    @property
    def source_ids(self) -> tuple[SourceRef, ...]:
        """Lineage sources as ``(classifier, id)`` pairs from ``lineage.source_ids``."""
        shipped: tuple[SourceRef, ...] | None = self._derived.get("source_ids")
        if shipped is not None:
            return shipped
        srcs = get_path(self._doc, ("lineage", "source_ids")) or {}
        return tuple((k, uuid.UUID(str(i))) for k, ids in srcs.items() for i in ids)

    @property
    def sources(self) -> None:
        """Always None: ODC's source datasets, which an index never loads with a dataset.

        Read a dataset's sources from :attr:`source_ids`, :attr:`source_tree` or
        ``index.lineage.get_source_tree(id)``.
        """
        return None

    @property
    def source_tree(self) -> LineageTree | None:
        """The tree of sources: one level from ``lineage.source_ids`` for a dataset built from its
        document, the index's tree for ``datasets.get(id, include_sources=True)``, else None."""
        tree: LineageTree | None = self._derived.get("source_tree")
        return tree

    @property
    def derived_tree(self) -> LineageTree | None:
        """The tree of derived datasets, when attached (``datasets.get(id, include_deriveds=True)``)."""
        tree: LineageTree | None = self._derived.get("derived_tree")
        return tree

    @property
    def time(self) -> Range[dt.datetime] | None:
        """The acquisition time range, from the metadata type's ``time`` field."""
        return self.search_values().get("time")

    @property
    def center_time(self) -> dt.datetime | None:
        """``properties.datetime`` when given, else the middle of :attr:`time`."""
        props = self._doc.get("properties") or {}
        if props.get("datetime") is not None:
            return parse_datetime(props["datetime"])
        t = self.time
        if t is None or t.begin is None or t.end is None:
            return None
        return t.begin + (t.end - t.begin) / 2

    # --- spatial -------------------------------------------------------------------------------

    @property
    def crs(self) -> CRS | None:
        """The document's CRS, or None for a non-spatial dataset."""
        c = self._doc.get("crs")
        return None if c is None else parse_crs(c)

    @property
    def grids(self) -> Mapping[str, Grid]:
        """The document's pixel grids by name (``default`` and any others), read-only."""
        grids: Mapping[str, Grid] | None = self._derived.get("grids")
        if grids is None:
            docs = self._doc.get("grids") or {}
            grids = self._derived["grids"] = MappingProxyType({n: Grid.from_doc(g) for n, g in docs.items()})
        return grids

    @property
    def extent(self) -> Geometry | None:
        """The footprint in the dataset's CRS: its geometry, else the union of its grids."""
        if "extent" not in self._derived:
            self._derived["extent"] = footprint(self._doc)
        ext: Geometry | None = self._derived["extent"]
        return ext

    @property
    def bounds(self) -> BoundingBox | None:
        """The bounding box of the footprint in the dataset's CRS (ODC's ``Dataset.bounds``), or None."""
        ext = self.extent
        return None if ext is None else ext.boundingbox

    def _lonlat(self) -> tuple[Any, Any]:
        if "ll" not in self._derived:
            ext = self.extent
            ll: tuple[Any, Any] = (None, None) if ext is None else lonlat(ext)
            grids = self._doc.get("grids") or {}
            if ext is not None and self._doc.get("geometry") is None and len(grids) > 1:
                # The lon/lat bounds cover every grid; the footprint is the default grid only.
                outline = grids_outline(self._doc)
                ll = (ll[0], lonlat(outline)[1] if outline is not None else ll[1])
            self._derived["ll"] = ll
        out: tuple[Any, Any] = self._derived["ll"]
        return out

    @property
    def lonlat_footprint(self) -> shapely.Geometry | None:
        """The footprint in EPSG:4326 within [-180, 180], split at the antimeridian."""
        return self._lonlat()[0]

    @property
    def lonlat_bounds(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north); east exceeds 180 across the antimeridian."""
        bb: tuple[float, float, float, float] | None = self._lonlat()[1]
        return bb

    # --- search fields -------------------------------------------------------------------------

    def search_doc(self) -> dict[str, Any]:
        """The document as search fields see it: with the derived lon/lat ``extent`` added."""
        if "extent" in self._doc or self._doc.get("crs") is None:
            return self._doc
        bb = self.lonlat_bounds
        if bb is None:
            return self._doc
        west, south, east, north = bb
        return {
            **self._doc,
            "extent": {"lon": {"begin": west, "end": east}, "lat": {"begin": south, "end": north}},
        }

    def search_values(self) -> dict[str, Any]:
        """Values of every search field of the metadata type present in the document.

        Raises
        ------
        DocumentError
            A field's value cannot be read as its declared type.
        """
        if "fields" not in self._derived:
            mt = self._product.metadata_type
            self._derived["fields"] = mt.search_values(self.search_doc() if mt.reads_extent else self._doc)
        out: dict[str, Any] = self._derived["fields"]
        return out

    # --- value protocol ------------------------------------------------------------------------

    def _key(self) -> tuple[Any, ...]:
        return (self._id, self._product.name, self._uri, self._archived is not None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Dataset) and self._key() == other._key() and self._doc == other._doc

    def __hash__(self) -> int:
        return hash(self._id)

    def __repr__(self) -> str:
        state = ", archived" if self._archived else ""
        return f"Dataset(id={str(self._id)!r}, product={self._product.name!r}{state})"

    def __reduce__(self) -> tuple[Any, ...]:
        args = (self._id, self._product, self._doc, self._uri, self._archived, self._indexed)
        trees = {k: self._derived[k] for k in self._TREES if k in self._derived}
        if trees:  # restored into the ``_derived`` slot
            return (Dataset._make, args, (None, {"_derived": trees}))
        return (Dataset._make, args)
