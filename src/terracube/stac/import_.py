"""Read STAC Items into an index as eo3 datasets, adding their products as needed.

Sources are files (an Item, a FeatureCollection of Items, a Collection, a Catalog, or
newline-delimited Items in ``.ndjson``/``.jsonl``) and folders. A Catalog or Collection file
is followed through its ``child`` and ``item`` links; a folder is read whole (every
``*.json``, ``*.geojson``, ``*.ndjson`` and ``*.jsonl`` in it, links not followed), Catalog
and Collection files first so that products come from them.
"""

from __future__ import annotations

import errno
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError
from terracube.index._shared import gc_paused
from terracube.stac._mapping import collection_to_product_doc, item_to_eo3

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator

    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Product

__all__ = ["ImportSummary", "StacReader", "StacToDatasets", "import_stac", "located_datasets", "read_stac"]

STAC_SUFFIXES: Final = (".json", ".geojson", ".ndjson", ".jsonl")
_FIRST: Final = ("catalog.json", "collection.json")


#: Levels of nesting a STAC object may have: orjson writes no more (and no STAC object nests
#: beyond ten or so); deeper, converting, validating or sending it between processes recurses
#: too deep.
MAX_DEPTH: Final = 255


def _loads(data: bytes, label: str) -> Any:
    """A JSON file's or line's value, read as ``dataset add`` reads JSON (exact integers, NaN)."""
    import orjson

    from terracube.model._docs import _too_deep, json_value

    try:
        obj = json_value(data)
    except (ValueError, RecursionError) as e:
        raise DocumentError(f"{label}: not JSON ({e})", field="", value=None, doc=label) from None
    if data.count(b"[") + data.count(b"{") > MAX_DEPTH:
        try:
            orjson.dumps(obj)  # the depth check at C speed: it refuses more than MAX_DEPTH levels
            deep = False
        except orjson.JSONEncodeError as e:  # or an integer beyond 64 bits: then walk it
            deep = "ecursion" in str(e) or _too_deep(obj, MAX_DEPTH)
        if deep:
            raise DocumentError(
                f"{label}: nested more than {MAX_DEPTH} levels deep; no STAC object nests so deep",
                field="",
                value=None,
                doc=label,
            )
    return obj


class StacReader:
    """Yields ``(label, object)`` for every STAC object under some paths, each file once.

    Parameters
    ----------
    on_error
        Called with a label and the error for a file that cannot be read; None raises.
    """

    def __init__(self, on_error: Callable[[str, Exception], None] | None = None) -> None:
        self.on_error = on_error
        self._seen: set[str] = set()

    def files(self, paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
        """The files to read, each with whether to follow its links.

        Raises
        ------
        DocumentError
            A path does not exist (unless ``on_error`` is set).
        """
        out: list[tuple[Path, bool]] = []
        for p in paths:
            path = Path(p)
            if path.is_dir():
                found = sorted(
                    f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in STAC_SUFFIXES
                )
                first = [f for f in found if f.name in _FIRST]
                out.extend((f, False) for f in first)
                out.extend((f, False) for f in found if f.name not in _FIRST)
            elif path.is_file():
                out.append((path, True))
            else:
                self._fail(
                    str(p), DocumentError(f"{p}: no such file or folder", field="", value=p, doc=str(p))
                )
        return out

    def _fail(self, label: str, error: Exception) -> None:
        if self.on_error is None:
            raise error
        self.on_error(label, error)

    def read(self, path: str | Path, follow: bool) -> Iterator[tuple[str, dict[str, Any]]]:
        """The STAC objects of one file (and, with ``follow``, of the files its links name)."""
        for label, obj, _ in self._read(os.path.abspath(path), follow, False, False):
            yield label, obj

    def read_located(self, path: str | Path, follow: bool) -> Iterator[tuple[str, dict[str, Any], str]]:
        """As :meth:`read`, each object with where it was read from: relative hrefs in it
        resolve against that URI (the object's file, or for an Item among others in a file its
        absolute ``self`` link)."""
        return self._read(os.path.abspath(path), follow, False, False)

    def units(self, paths: Iterable[str | Path]) -> Iterator[tuple[Any, ...]]:
        """As :meth:`located`, but what can be read elsewhere is left unread: a line of an
        ``.ndjson`` file, a file of a folder, a file an ``item`` link names. Each is yielded
        as a *unit* (``("line", ...)`` or ``("file", ...)``), for :meth:`resolve` or a worker
        process to read; catalogs and collections the links go through are read here, and
        come as ``("obj", label, object, uri)``."""
        for f, follow in self.files(paths):
            for got in self._read(os.path.abspath(f), follow, True, not follow):
                yield got if got[0] in ("block", "line", "file") else ("obj", *got)

    def resolve(self, unit: tuple[Any, ...]) -> Iterator[tuple[str, dict[str, Any], str]]:
        """The located objects of a unit of :meth:`units`, read here (links followed)."""
        if unit[0] == "block":
            try:
                lines = block_lines(unit)
            except OSError as e:
                self._fail(unit[1], e)
                return
            for line in lines:
                yield from self.resolve(line)
            return
        if unit[0] == "line":
            _, label, line, path, uri, follow = unit
            try:
                obj = _loads(line, label)
            except DocumentError as e:
                self._fail(label, e)
                return
            if isinstance(obj, dict) and obj.get("type") == "Feature":
                yield label, obj, _own_href(obj, uri)
            else:
                yield from self._objects(path, uri, label, obj, follow, False)
            return
        _, path, uri, follow = unit
        yield from self._whole_file(path, uri, follow, False)

    def _whole_file(self, path: str, uri: str, follow: bool, defer: bool) -> Iterator[tuple[Any, ...]]:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            self._fail(path, e)
            return
        try:
            obj = _loads(data, path)
        except DocumentError as e:
            self._fail(path, e)
            return
        yield from self._objects(path, uri, path, obj, follow, defer)

    # Below, paths are absolute path strings: the links of a catalog of a million Items are a
    # million paths to join and normalise, and os.path does it several times faster than Path.

    def _read(self, path: str, follow: bool, defer: bool, may_defer: bool) -> Iterator[tuple[Any, ...]]:
        """The located objects of a file, or (``defer``) its units where they may be left unread.

        ``may_defer``: this file itself may be a unit (it is not a catalog the links go through).
        """
        if path in self._seen:
            return
        self._seen.add(path)
        uri = Path(path).as_uri()
        if os.path.splitext(path)[1].lower() in (".ndjson", ".jsonl"):
            try:
                if defer:  # blocks of lines, for the workers to read
                    yield from _blocks(path, uri, follow)
                    return
                with open(path, "rb") as f:  # line by line: the file may hold millions of Items
                    for n, line in enumerate(f, 1):
                        if line.strip():
                            yield from self.resolve(("line", f"{path}:{n}", line, path, uri, follow))
            except OSError as e:
                self._fail(path, e)
            return
        if defer and may_defer:
            yield ("file", path, uri, follow)
            return
        yield from self._whole_file(path, uri, follow, defer)

    def _objects(
        self, path: str, uri: str, label: str, obj: Any, follow: bool, defer: bool
    ) -> Iterator[tuple[Any, ...]]:
        kind = obj.get("type") if isinstance(obj, dict) else None
        if kind == "FeatureCollection":
            for n, f in enumerate(obj.get("features") or [], 1):
                yield f"{label}#{n}", f, _own_href(f, uri) if isinstance(f, dict) else uri
        elif kind in ("Feature", "Collection", "Catalog"):
            yield label, obj, uri
            if follow and kind != "Feature":
                yield from self.follow(path, obj, defer)
        elif os.path.basename(path).lower().endswith(".json") and not follow:
            return  # some other JSON file in a folder: not ours to judge
        else:
            self._fail(
                label,
                DocumentError(
                    f"{label}: not a STAC object (type {kind!r})", field="type", value=kind, doc=label
                ),
            )

    def follow(self, path: str, obj: dict[str, Any], defer: bool = False) -> Iterator[tuple[Any, ...]]:
        """The objects the links of a Catalog or Collection read from ``path`` name (or, with
        ``defer``, their units as :meth:`units` gives them)."""
        links = obj.get("links") or []
        folder = os.path.dirname(path)
        # Children (Collections) before Items, so products are known when Items come.
        for rel in ("child", "item", "items"):
            for lk in links:
                if lk.get("rel") != rel:
                    continue
                href = str(lk.get("href", ""))
                if rel == "items" and not href.lower().endswith((".ndjson", ".jsonl")):
                    continue  # an API's items endpoint, not a file of Items
                if "://" in href and not href.startswith("file://"):
                    self._fail(
                        f"{path}: {href}",
                        DocumentError(
                            f"{path}: link {href!r} is remote; download the catalog first "
                            "(only local files are read)",
                            field="links",
                            value=href,
                            doc=path,
                        ),
                    )
                    continue
                target = os.path.normpath(os.path.join(folder, href.removeprefix("file://")))
                yield from self._read(target, True, defer, rel == "item")

    def __call__(self, paths: Iterable[str | Path]) -> Iterator[tuple[str, dict[str, Any]]]:
        for f, follow in self.files(paths):
            yield from self.read(f, follow)

    def located(self, paths: Iterable[str | Path]) -> Iterator[tuple[str, dict[str, Any], str]]:
        """As calling the reader, each object with where it was read from (see :meth:`read_located`)."""
        for f, follow in self.files(paths):
            yield from self.read_located(f, follow)


#: Bytes of an ``.ndjson`` file in one unit: a few hundred Items.
BLOCK_BYTES: Final = 1 << 19


def _blocks(path: str, uri: str, follow: bool) -> Iterator[tuple[Any, ...]]:
    """Units of whole lines of an ``.ndjson`` file: ``("block", path, offset, size, first line
    number, uri, follow, lines, identity)``. Read here only to find where lines end and count
    them; the file's identity (device, inode, size, time of change) lets a reader see that it
    changed since."""
    with open(path, "rb") as f:
        ident = _identity(f.fileno())
        offset, line = 0, 1
        while data := f.read(BLOCK_BYTES):
            if not data.endswith(b"\n"):
                data += f.readline()  # to the end of the line (or of the file)
            lines = data.count(b"\n")
            yield ("block", path, offset, len(data), line, uri, follow, lines + (data[-1:] != b"\n"), ident)
            offset += len(data)
            line += lines


def _identity(fd: int) -> tuple[int, ...]:
    st = os.fstat(fd)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def block_lines(unit: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """The ``("line", ...)`` units of the non-blank lines of a block unit (see :func:`_blocks`).

    Raises
    ------
    OSError
        The file cannot be read.
    """
    _, path, offset, size, first, uri, follow, _, ident = unit
    with open(path, "rb") as f:
        if _identity(f.fileno()) != ident:  # its lines are no longer where they were found
            raise OSError(errno.ESTALE, "the file changed while it was being imported; import it again", path)
        f.seek(offset)
        data = f.read(size)
    return [
        ("line", f"{path}:{n}", line, path, uri, follow)
        for n, line in enumerate(data.split(b"\n"), first)
        if line.strip()
    ]


def _own_href(item: dict[str, Any], file_uri: str) -> str:
    """Where an Item among others in a file is: its absolute ``self`` link, else the file."""
    for lk in item.get("links") or ():
        if isinstance(lk, dict) and lk.get("rel") == "self":
            href = lk.get("href")
            if isinstance(href, str) and ("://" in href or href.startswith("/")):
                return href
            break
    return file_uri


def read_stac(
    paths: Iterable[str | Path], on_error: Callable[[str, Exception], None] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every STAC object (Catalog, Collection, Item) under ``paths`` as ``(label, object)``.

    See the module docstring for what is read. ``on_error`` gets unreadable files; without
    it they raise :class:`~terracube.errors.DocumentError`.
    """
    return StacReader(on_error)(paths)


class StacToDatasets:
    """Turns STAC Items into datasets of an index, adding the products they need.

    A product the index lacks is made from the first Item of its collection (and the
    Collection, if one was read) and added to the index only when a first Item of it has
    passed validation, just before that dataset is handed out: Items that fail leave no
    product behind.

    Parameters
    ----------
    index
        Where products are looked up and added, and datasets validated.
    product
        Put every Item into this product rather than its collection's; it is made from the
        first Item when the index does not hold it.
    batch_size
        Items converted before their documents are validated together
        (:meth:`Dataset.from_docs <terracube.model.Dataset.from_docs>`).
    """

    def __init__(self, index: AbstractIndex, product: str | None = None, *, batch_size: int = 1000) -> None:
        self.index = index
        self.product = product
        self.batch_size = batch_size
        self.collections: dict[str, dict[str, Any]] = {}
        self._products: dict[str, Product] = {}
        self._unsaved: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
        """Products made here and not yet in the index: name -> (document, metadata type document)."""
        self.added_products: list[str] = []
        """Products added to the index, in order."""
        self.made_from: dict[str, str | None] = {}
        """The STAC collection each added product was made for (None: an Item without one)."""

    def collection(self, coll: dict[str, Any]) -> None:
        """Remember a Collection, to make its product from when an Item of it comes."""
        if isinstance(coll.get("id"), str):
            self.collections[coll["id"]] = coll

    def dataset(self, label: str, item: dict[str, Any], *, self_href: str | None = None) -> Dataset:
        """The validated dataset of an Item (its product added to the index if missing).

        Raises
        ------
        DocumentError
            The Item cannot be read as an eo3 dataset, naming the field and ``label``.
        """
        from terracube.model import Dataset

        doc, uri, product = self._document(label, item, self_href)
        ds = Dataset.from_doc(doc, product, uri=uri, where=label)
        self._save(product.name)
        return ds

    def _document(
        self, label: str, item: dict[str, Any], self_href: str | None
    ) -> tuple[dict[str, Any], str | None, Product]:
        """An Item's eo3 document, location and product (made if missing, not yet added)."""
        doc, uri = item_to_eo3(item, where=label, product=self.product, self_href=self_href)
        name = doc["product"]["name"]
        product = self._products.get(name)
        if product is None:
            product = self._products[name] = self._make_product(name, item, label)
        return doc, uri, product

    def _make_product(self, name: str, item: dict[str, Any], label: str) -> Product:
        """The index's product ``name``, else one made from the Item's Collection or the Item."""
        from terracube.model import MetadataType
        from terracube.model import Product as ProductValue

        p = self.index.products.get_by_name(name)
        if p is not None:
            return p
        coll_id = item.get("collection")
        if not isinstance(coll_id, str):
            own = (item.get("properties") or {}).get("odc:product")
            coll_id = own if isinstance(own, str) else None
        coll = self.collections.get(coll_id) if coll_id is not None else None
        if coll is None:
            coll = self.collections.get(name)
        mt_doc = (coll or {}).get("odc:metadata_type")
        if not isinstance(mt_doc, dict):
            mt_doc = None
        pdoc = collection_to_product_doc(coll, name=name, sample_item=item)
        where = f"{label}: product {name!r} made for it"
        stored_mt = None if mt_doc is None else self.index.metadata_types.get_by_name(mt_doc.get("name", ""))
        if mt_doc is not None and stored_mt is None:
            product = ProductValue.from_doc(pdoc, MetadataType.from_doc(mt_doc, where=where), where=where)
        else:
            product = self.index.products.from_doc(pdoc, where=where)
        self._unsaved[name] = (pdoc, mt_doc if stored_mt is None else None)
        self.made_from[name] = coll_id
        return product

    def _save(self, name: str) -> None:
        """Add a product made here to the index (with its metadata type), once."""
        unsaved = self._unsaved.pop(name, None)
        if unsaved is None:
            return
        pdoc, mt_doc = unsaved
        if mt_doc is not None and self.index.metadata_types.get_by_name(mt_doc.get("name", "")) is None:
            self.index.metadata_types.add_document(mt_doc)
        self._products[name] = self.index.products.add_document(pdoc)
        self.added_products.append(name)

    def product_named(self, name: str) -> Product:
        """A product this converter looked up or made, by name."""
        return self._products[name]

    def saved_products(self) -> list[Product]:
        """The products this converter added to the index, in order."""
        return [self._products[n] for n in self.added_products]

    def drop_empty_products(self) -> list[str]:
        """Delete the products added here that hold no dataset (every add failed); their names."""
        dropped = [n for n in self.added_products if not self.index.datasets.count(product=n, archived=None)]
        if dropped:
            self.index.products.delete(dropped)
            self.added_products = [n for n in self.added_products if n not in dropped]
        return dropped

    def __call__(
        self,
        objects: Iterable[tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], str]],
        on_error: Callable[[str, Exception], None] | None = None,
    ) -> Iterator[tuple[str, Dataset]]:
        """``(label, dataset)`` for every Item among ``objects``; Collections are remembered.

        ``objects`` are ``(label, object)``, or ``(label, object, href)`` with where the object
        was read from (:meth:`StacReader.read_located`). A bad Item goes to ``on_error``
        (raised without it), in the order of the Items.
        """
        from terracube.errors import TerracubeError

        pending: list[tuple[str, dict[str, Any], str | None, Product]] = []
        source = iter(objects)
        while True:
            try:
                label, obj, *where = next(source)
            except StopIteration:
                break
            except Exception:  # the reader failed (or stopped the run): the Items before come first
                yield from self._validate(pending, on_error)
                raise
            kind = obj.get("type")
            if kind == "Collection":
                self.collection(obj)
            elif kind == "Feature":
                try:
                    doc, uri, product = self._document(label, obj, where[0] if where else None)
                except TerracubeError as e:
                    yield from self._validate(pending, on_error)  # the Items before it come first
                    pending = []
                    if on_error is None:
                        raise
                    on_error(label, e)
                    continue
                pending.append((label, doc, uri, product))
                if len(pending) >= self.batch_size:
                    yield from self._validate(pending, on_error)
                    pending = []
        yield from self._validate(pending, on_error)

    def _validate(
        self,
        pending: list[tuple[str, dict[str, Any], str | None, Product]],
        on_error: Callable[[str, Exception], None] | None,
    ) -> Iterator[tuple[str, Dataset]]:
        """The datasets of converted Items, validated together; bad ones to ``on_error``.

        A product made here is added to the index before its first dataset is handed out.
        """
        from terracube.errors import TerracubeError
        from terracube.model import Dataset

        if not pending:
            return
        labels = [label for label, _, _, _ in pending]
        try:
            datasets = Dataset.from_docs(
                [doc for _, doc, _, _ in pending],
                [product for _, _, _, product in pending],
                uris=[uri for _, _, uri, _ in pending],
                wheres=labels,
            )
        except TerracubeError:
            if on_error is None:
                raise  # the first bad Item's error
            for label, doc, uri, product in pending:  # the bad ones: one at a time
                try:
                    ds = Dataset.from_doc(doc, product, uri=uri, where=label)
                    self._save(product.name)
                except TerracubeError as e:
                    on_error(label, e)
                    continue
                yield label, ds
            return
        if self._unsaved:
            for name in dict.fromkeys(p.name for _, _, _, p in pending):  # in the order of the Items
                self._save(name)
        yield from zip(labels, datasets, strict=True)


@dataclass(slots=True)
class ImportSummary:
    """What :func:`import_stac` did."""

    added: int = 0
    """Datasets added."""
    skipped: int = 0
    """Datasets already in the index with the same document."""
    products: list[str] = field(default_factory=list)
    """Products added (made from Collections or inferred from Items)."""
    made_from: dict[str, str | None] = field(default_factory=dict)
    """The STAC collection each added product was made for: ``sentinel-2-l2a`` for the product
    ``sentinel_2_l2a`` (None for Items without one, put into a given product)."""
    seconds: float = 0.0
    """Time taken."""


def located_datasets(
    reader: StacReader,
    convert: StacToDatasets,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
) -> Generator[tuple[str, Dataset], None, None]:
    """``(label, dataset)`` for every Item under ``paths``, read by ``reader``, made datasets
    of ``convert``'s index by ``convert``.

    ``workers`` processes read, convert and validate the Items while the caller writes (see
    :func:`~terracube.index._workers.auto_workers` for None); the datasets, the products made
    and the errors given to ``on_error`` (raised without it) are the same with or without.
    """
    import itertools

    from terracube.index._workers import AUTO_WORKERS_FROM, auto_workers

    units = reader.units(paths)
    if workers is None:
        head, items = [], 0
        for u in units:  # until there are more Items than that (or no more)
            head.append(u)
            items += u[7] if u[0] == "block" else u[0] != "obj"
            if items > AUTO_WORKERS_FROM:
                break
        units = itertools.chain(head, units)
        workers = auto_workers(None, items)
    else:
        workers = auto_workers(workers, 0)
    if workers:
        from terracube.stac._workers import parallel_datasets

        yield from parallel_datasets(reader, convert, units, workers, on_error)
        return
    yield from convert(_resolved(reader, units), on_error=on_error)


def _resolved(
    reader: StacReader, units: Iterable[tuple[Any, ...]]
) -> Iterator[tuple[str, dict[str, Any], str]]:
    for u in units:
        if u[0] == "obj":
            yield u[1], u[2], u[3]
        else:
            yield from reader.resolve(u)


def import_stac(
    index: AbstractIndex,
    paths: Iterable[str | Path],
    *,
    product: str | None = None,
    batch_size: int = 1000,
    with_lineage: bool = True,
    workers: int | None = None,
) -> ImportSummary:
    """Add the STAC Items under ``paths`` to ``index`` as eo3 datasets.

    Products come from the Items' Collections (exactly, for a catalog written by
    :func:`~terracube.stac.export_stac`), are inferred from the Items, or are given
    (``product``, made from the first Item if the index lacks it). A collection id that is
    not a valid product name is made one (:func:`~terracube.stac.product_name_for`). All or
    nothing per batch of ``batch_size``; the first bad Item raises, and a product made by the
    import that ends up with no dataset is deleted again.

    ``workers`` processes read, convert and validate Items while this one writes: 0 for
    none; None (the default) for one per CPU when there are more than 1,000 Items (or Item
    files) and workers can be forked. The result is the same either way.

    Raises
    ------
    DocumentError
        An unreadable file or an Item that is not a valid eo3 dataset, naming it.
    DuplicateRecordError
        A dataset is in the index with another document.
    """
    import itertools

    t0 = time.perf_counter()
    convert = StacToDatasets(index, product, batch_size=batch_size)
    summary = ImportSummary()
    located = located_datasets(StacReader(), convert, paths, workers=workers)
    datasets = (ds for _, ds in located)
    # Converted here, in batches, so that products are added outside the batch's transaction.
    # Items and documents hold no reference cycles: the cyclic collector only slows this down.
    try:
        with gc_paused():
            while batch := list(itertools.islice(datasets, batch_size)):
                status = index.datasets.add_batch(batch, batch_size=batch_size, with_lineage=with_lineage)
                summary.added += status.completed
                summary.skipped += status.skipped
    finally:
        located.close()  # stops the workers now, not when the traceback is let go
        convert.drop_empty_products()  # a failed import leaves no product it made behind
    summary.products = convert.added_products
    summary.made_from = {n: convert.made_from.get(n) for n in convert.added_products}
    summary.seconds = time.perf_counter() - t0
    return summary
