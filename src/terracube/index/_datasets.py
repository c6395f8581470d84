"""The datasets resource: its abstract core and the logic every driver shares.

A driver implements the core: ``_insert``, ``bulk_get``, ``_replace``, ``_set_archived``,
``_delete``, ``_search``, ``_count``, ``_most_recent_change`` and
``get_datasets_for_location``. Every public search and count here is built on ``_search`` and
``_count`` over a list of :class:`~terracube.index.query.ProductQuery` values, so a driver
sees only canonical queries. Defaults marked "slow" are correct; drivers override them to be
faster.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import re
import time
from abc import ABC, abstractmethod
from collections import Counter, namedtuple
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from terracube.errors import (
    DatasetNotFoundError,
    DocumentError,
    DuplicateRecordError,
    MaturityConflictError,
    QueryError,
    UpdateError,
)
from terracube.index._batching import BatchStatus, chunks, chunks_read_ahead
from terracube.index._maturity import (
    DEFAULT_MATURITY_TOLERANCE_MS,
    MATURITY_ORDER,
    maturity_of,
    maturity_tolerance,
)
from terracube.index._shared import DSID, dataset_id, gc_paused, search_result, utc_now
from terracube.index.changes import AllowPolicy, Offset, update_changes
from terracube.index.query import (
    OrderBy,
    ProductQuery,
    contains_doc,
    matches,
    norm_order_by,
    parse_time,
    plan_search,
    to_field_expression,
)
from terracube.model import Dataset, LineageRelation, NativeField, Product, Range, SearchField
from terracube.model.eo3 import EO3_SCHEMA
from terracube.model.fields import get_path

if TYPE_CHECKING:
    import uuid
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from odc.geo.geom import Geometry

    from terracube.index.abstract import AbstractIndex
    from terracube.index.changes import Change
    from terracube.model import Field

__all__ = [
    "DEFAULT_MATURITY_TOLERANCE_MS",
    "MATURITY_ORDER",
    "NATIVE_FIELDS",
    "AbstractDatasetResource",
    "BatchStatus",
    "DatasetTuple",
    "OrderBy",
]

#: Fields every dataset has, whatever its metadata type: what ``search_returning`` returns by
#: default, besides the search fields.
NATIVE_FIELDS: Final = ("id", "product", "uri", "indexed_time", "archived_time", "metadata_doc")
#: More fields every dataset has, returned by ``search_returning`` when asked for (as ODC's).
_MORE_NATIVE_FIELDS: Final = ("metadata_type", "creation_time", "format", "label")
#: Native fields a search can be ordered by.
_ORDERABLE: Final = frozenset({"id", "product", "uri", "indexed_time", "archived_time"})

#: One group of :meth:`AbstractDatasetResource.search_by_product`: a product and its datasets.
ProductDatasets = tuple[Product, "Iterator[Dataset] | list[Dataset]"]

_log = logging.getLogger(__name__)


class DatasetTuple(NamedTuple):
    """A dataset's product, document and location, without building a :class:`Dataset`."""

    product: Product
    metadata_doc: dict[str, Any]
    uri: str | None


_PERIOD_RX = re.compile(r"^\s*(\d+)\s*(day|week|month|year)s?\s*$")


def _periods(rng: Range[dt.datetime], period: str) -> Iterator[Range[dt.datetime]]:
    m = _PERIOD_RX.match(period)
    if not m:
        raise QueryError(
            f"period {period!r} not understood; use e.g. '1 day', '2 weeks', '1 month', '1 year'"
        )
    n, unit = int(m.group(1)), m.group(2)
    if rng.begin is None or rng.end is None:
        raise QueryError("counting through time needs a time range with both ends")
    start = rng.begin
    while start <= rng.end:
        if unit == "day":
            nxt = start + dt.timedelta(days=n)
        elif unit == "week":
            nxt = start + dt.timedelta(weeks=n)
        else:
            months = n * (12 if unit == "year" else 1)
            y, mo = divmod(start.month - 1 + months, 12)
            nxt = start.replace(year=start.year + y, month=mo + 1)
        yield Range(start, min(nxt - dt.timedelta(microseconds=1), rng.end))
        start = nxt


class AbstractDatasetResource(ABC):
    """``index.datasets``: add, update, archive, look up, search and count datasets."""

    #: Whether a bulk add from an iterator reads (validates) the next chunk in a thread while
    #: this one is stored. Worth it where storing mostly waits on a server; an embedded
    #: database keeps the GIL busy itself, and the two threads would only take turns.
    _read_ahead: bool = False

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index

    # --- driver core --------------------------------------------------------------------------

    @abstractmethod
    def _insert(self, datasets: Sequence[Dataset]) -> set[uuid.UUID]:
        """Insert datasets whose products are stored, skipping ids already present.

        A dataset's ``indexed_time`` and ``archived_time`` are stored as given (set by the
        caller). Returns the ids that were already present and so not inserted.
        """

    @abstractmethod
    def bulk_get(self, ids: Iterable[DSID]) -> list[Dataset]:
        """The datasets with these ids (active or archived), a list; unknown ids are left out."""

    @abstractmethod
    def _replace(self, dataset: Dataset, updated: dt.datetime) -> None:
        """Store a new document and location for an existing dataset."""

    @abstractmethod
    def _set_archived(self, ids: Sequence[uuid.UUID], when: dt.datetime | None) -> None:
        """Archive (``when`` set) or restore (None) the datasets, leaving others unchanged."""

    @abstractmethod
    def _delete(self, ids: Sequence[uuid.UUID]) -> None:
        """Remove the datasets."""

    @abstractmethod
    def _search(
        self, queries: Sequence[ProductQuery], *, archived: bool | None, limit: int | None, order_by: OrderBy
    ) -> Iterator[Dataset]:
        """Datasets matching any of the product queries, streamed."""

    @abstractmethod
    def _count(self, queries: Sequence[ProductQuery], *, archived: bool | None) -> int:
        """How many datasets match any of the product queries."""

    @abstractmethod
    def _most_recent_change(self, product: Product) -> dt.datetime | None:
        """When a dataset of the product was last added, updated, archived or restored."""

    @abstractmethod
    def get_datasets_for_location(self, uri: str, mode: str = "exact") -> Iterator[Dataset]:
        """Datasets at this location (``mode="exact"``) or under it (``mode="prefix"``)."""

    def get_unsafe(self, id_: DSID) -> Dataset:
        """The dataset with this id, active or archived.

        Raises
        ------
        DatasetNotFoundError
            No dataset has this id.
        """
        for ds in self.bulk_get([id_]):
            return ds
        raise DatasetNotFoundError(f"no dataset with id {str(id_)!r} in the index")

    def _temporal_extent_of(self, queries: Sequence[ProductQuery]) -> Range[dt.datetime] | None:
        """Earliest start and latest end of matching active datasets (slow default: scans)."""
        lo = hi = None
        for ds in self._search(queries, archived=False, limit=None, order_by=()):
            t = ds.time
            if t is None:
                continue
            if t.begin is not None and (lo is None or t.begin < lo):
                lo = t.begin
            if t.end is not None and (hi is None or t.end > hi):
                hi = t.end
        return None if lo is None and hi is None else Range(lo, hi)

    def _spatial_extent_of(self, queries: Sequence[ProductQuery], crs: Any) -> Geometry | None:
        """Union of footprints of matching active datasets in ``crs`` (slow default: scans)."""
        return _union_extent(self._search(queries, archived=False, limit=None, order_by=()), crs)

    # --- planning -----------------------------------------------------------------------------

    def _product_query(self, product: Product) -> ProductQuery:
        return ProductQuery(product)

    def _plan(self, query: Mapping[str, Any]) -> list[ProductQuery]:
        """One :class:`ProductQuery` per candidate product (see :func:`terracube.index.query.plan_search`)."""
        return plan_search(query, self._index.products)

    def _plan_search(self, query: dict[str, Any]) -> tuple[list[ProductQuery], frozenset[str] | None]:
        """:meth:`_plan` for searches, and the locations asked for (``uri=``), if any.

        As ODC's searches, a search no product can match is an error, not an empty answer:
        counts of it are zero. A search with no terms at all on an index with no products is
        an empty answer (ODC calls that an error too; nothing in it is wrong).

        Raises
        ------
        QueryError
            No product in the index can match the query.
        """
        uris = query.pop("uri", None)
        if uris is not None:
            uris = frozenset([uris] if isinstance(uris, str) else uris)
        names = query.get("product")
        if names is not None:
            wanted = names if isinstance(names, list | tuple | set | frozenset) else [names]
            wanted = [n if isinstance(n, str) else n.name for n in wanted]
            if not wanted:
                raise QueryError(
                    "product=[] names no product: give one or more product names, or leave product out"
                )
            if not any(self._index.products.get_by_name(n) is not None for n in wanted):
                known = sorted(p.name for p in self._index.products.get_all())
                raise QueryError(
                    f"no product named {', '.join(map(repr, wanted))} in the index; products: {known}"
                )
        plan = self._plan(query)
        terms = {k: v for k, v in query.items() if v is not None} if not plan else {}
        if not plan and (terms or uris is not None):
            raise QueryError(
                f"no product in the index matches the search terms {terms}: no product has these "
                "fields, metadata type or values in its metadata; search with other terms"
            )
        return plan, uris

    def _find(
        self,
        plan: Sequence[ProductQuery],
        uris: frozenset[str] | None,
        *,
        archived: bool | None,
        limit: int | None,
        order_by: OrderBy,
    ) -> Iterator[Dataset]:
        """The datasets of a planned search; ``limit`` caps each product's, as ODC's searches do."""
        if uris is not None:
            found = [
                ds
                for uri in sorted(uris)
                for ds in self.get_datasets_for_location(uri, mode="exact")
                if _in_plan(ds, plan, archived)
            ]
            if limit is not None:
                per_product: dict[str, list[Dataset]] = {}
                for ds in found:
                    per_product.setdefault(ds.product.name, []).append(ds)
                found = [ds for group in per_product.values() for ds in group[:limit]]
            return iter(_ordered(found, order_by))
        if limit is None or len(plan) == 1:
            return self._search(plan, archived=archived, limit=limit, order_by=order_by)
        if not order_by:
            return itertools.chain.from_iterable(
                self._search([pq], archived=archived, limit=limit, order_by=()) for pq in plan
            )
        found = [
            ds for pq in plan for ds in self._search([pq], archived=archived, limit=limit, order_by=order_by)
        ]
        return iter(_ordered(found, order_by))

    def _order_by(self, order_by: Any, plan: Sequence[ProductQuery]) -> OrderBy:
        """``order_by`` checked against the fields a search can sort by.

        Raises
        ------
        QueryError
            A name that is neither a native field nor a search field of the products searched.
        """
        out = norm_order_by(order_by)
        if not plan:  # nothing to sort (an empty index)
            return out
        known = _ORDERABLE | {f for pq in plan for f in pq.product.metadata_type.search_fields}
        bad = [n for n, _ in out if n not in known]
        if bad:
            raise QueryError(
                f"cannot order by {bad}; order by any of {sorted(known)} ('-name' for descending)"
            )
        return out

    # --- adding -------------------------------------------------------------------------------

    def from_doc(self, doc: Mapping[str, Any], *, uri: str | None = None, where: str = "") -> Dataset:
        """Validate an eo3 document against its product in this index.

        Raises
        ------
        DocumentError
            Invalid document, or its product is not in the index.
        """
        where = where or uri or f"dataset {doc.get('id')!r}"
        name = get_path(doc, ("product", "name"))
        if not isinstance(name, str) and doc.get("$schema") != EO3_SCHEMA:
            # A legacy (pre-eo3) document, or not a dataset document at all: say so, not which
            # products there are.
            raise DocumentError(
                f"invalid dataset document {where}: not an eo3 document (no $schema "
                f"{EO3_SCHEMA!r} and no product.name); terracube indexes eo3 dataset documents "
                "only: convert older EO documents to eo3 (eodatasets3 does) and add those",
                field="$schema",
                value=doc.get("$schema"),
                doc=where,
            )
        product = self._index.products.get_by_name(name) if isinstance(name, str) else None
        if product is None:
            known = sorted(p.name for p in self._index.products.get_all())
            shown = f"{known[:20]}" + (f" and {len(known) - 20} more" if len(known) > 20 else "")
            raise DocumentError(
                f"invalid dataset document {where}: field product.name = {name!r}: no such "
                f"product in the index (products: {shown}); add the product first",
                field="product.name",
                value=name,
                doc=where,
            )
        return Dataset.from_doc(doc, product, uri=uri, where=where)

    def from_docs(
        self,
        docs: Sequence[Mapping[str, Any]],
        *,
        uris: Sequence[str | None] | None = None,
        wheres: Sequence[str] | None = None,
    ) -> list[Dataset]:
        """Validate many eo3 documents against their products in this index.

        The same datasets as :meth:`from_doc` of each document in turn, and the same error
        for the first bad one, several times faster (see :meth:`Dataset.from_docs`).

        Raises
        ------
        DocumentError
            The first invalid document, or one whose product is not in the index.
        """
        locations = [None] * len(docs) if uris is None else list(uris)
        names = [""] * len(docs) if wheres is None else list(wheres)
        products: dict[str, Product] = {}
        of_docs: list[Product] = []
        for doc in docs:
            name = get_path(doc, ("product", "name"))
            if not isinstance(name, str):
                break
            if name not in products:
                found = self._index.products.get_by_name(name)
                if found is None:
                    break
                products[name] = found
            of_docs.append(products[name])
        else:
            named = [
                w or u or f"dataset {d.get('id')!r}" for d, u, w in zip(docs, locations, names, strict=True)
            ]
            return Dataset.from_docs(docs, of_docs, uris=locations, wheres=named)
        # A document of no known product: one at a time, the first bad document raises.
        return [self.from_doc(d, uri=u, where=w) for d, u, w in zip(docs, locations, names, strict=True)]

    def add(
        self,
        dataset: Dataset,
        with_lineage: bool = True,
        archive_less_mature: bool | float | None = None,
    ) -> Dataset:
        """Add one dataset; adding one already stored with the same document changes nothing.

        Parameters
        ----------
        dataset
            The dataset, validated against its product (:meth:`from_doc`).
        with_lineage
            Record the relations of its ``lineage.source_ids`` and of the source and derived
            trees attached to it (:meth:`Dataset.with_lineage_trees`), with the homes these
            give (drivers with lineage support).
        archive_less_mature
            None or False: off (default). True, or a time tolerance in milliseconds (True is
            500 ms): in the same transaction, archive the active datasets that
            :meth:`find_less_mature` finds, the less mature versions of this one.

        Raises
        ------
        DuplicateRecordError
            A dataset with this id exists with a different document or product.
        DocumentError
            Its product is not in the index; or, with ``archive_less_mature``, this dataset or
            a candidate lacks a dataset maturity, region code or time (nothing is written).
        QueryError
            ``archive_less_mature`` is given and the metadata type lacks the search fields
            ``time``, ``region_code`` or ``dataset_maturity``, or is not a tolerance.
        """
        tolerance = maturity_tolerance(archive_less_mature)
        if tolerance is None:
            self.add_batch([dataset], with_lineage=with_lineage)
            return self.get_unsafe(dataset.id)
        maturity_of(dataset)  # refuse before writing anything
        with self._index.transaction():
            self.add_batch([dataset], with_lineage=with_lineage)
            self._archive_less_mature(self.get_unsafe(dataset.id), tolerance)
        return self.get_unsafe(dataset.id)

    def add_batch(
        self, datasets: Iterable[Dataset], batch_size: int = 1000, with_lineage: bool = True
    ) -> BatchStatus:
        """Add many datasets in one transaction, ``batch_size`` at a time.

        All or nothing: if any dataset conflicts with a stored one, nothing is added.

        Raises
        ------
        DuplicateRecordError
            A dataset id is stored (or repeated in the input) with a different document.
        DocumentError
            A dataset's product is not in the index.
        """
        return self._add_batch(datasets, batch_size=batch_size, keep_state=False, with_lineage=with_lineage)

    def _add_batch(
        self, datasets: Iterable[Dataset], *, batch_size: int, keep_state: bool, with_lineage: bool = False
    ) -> BatchStatus:
        self._index._require("supports_write", "add datasets")
        t0 = time.perf_counter()
        done = skipped = 0
        products: dict[str, Product] = {}
        now = utc_now()
        # Read ahead only in a transaction of our own: a reading thread would not see what the
        # caller's open transaction has written (a product added just before, say).
        batches = (
            chunks_read_ahead(datasets, batch_size)
            if self._read_ahead and not self._index.in_transaction
            else chunks(datasets, batch_size)
        )
        with gc_paused(), contextlib.closing(batches), self._index.transaction():
            for chunk in batches:
                bound: dict[uuid.UUID, Dataset] = {}
                given: dict[uuid.UUID, Dataset] = {}  # with the lineage trees they carry
                for ds in chunk:
                    b = self._bind(ds, products, now, keep_state)
                    given.setdefault(b.id, ds)
                    prev = bound.get(b.id)
                    if prev is not None:
                        if not _same(prev, b):
                            raise DuplicateRecordError(
                                f"dataset {str(b.id)!r} appears twice in the input with different documents"
                            )
                        skipped += 1
                        continue
                    bound[b.id] = b
                existing = self._insert(list(bound.values()))
                if with_lineage and self._index.supports_lineage:
                    self._record_lineage([given[i] for i in bound if i not in existing])
                if existing:
                    for old in self.bulk_get(existing):
                        new = bound[old.id]
                        if not _same(old, new):
                            raise DuplicateRecordError(
                                f"dataset {str(old.id)!r} is already in the index "
                                f"(product {old.product.name!r}) with a different document; "
                                "use update to change it"
                            )
                done += len(bound) - len(existing)
                skipped += len(existing)
        return BatchStatus(done, skipped, time.perf_counter() - t0)

    def _record_lineage(self, datasets: Sequence[Dataset]) -> None:
        """Record the lineage new datasets carry: ``lineage.source_ids``, and the source and
        derived trees attached to them (with the homes these give).

        Sources need not be in the index (external lineage); cycles are refused.
        """
        rels = [
            LineageRelation(classifier, source, ds.id)
            for ds in datasets
            for classifier, source in ds.source_ids
        ]
        homes: dict[uuid.UUID, str] = {}
        for ds in datasets:
            for tree in (ds.source_tree, ds.derived_tree):
                if tree is not None:
                    rels += tree.relations()
                    homes.update(tree.homes())
        if homes and self._index.supports_external_home:
            self._index.lineage._check_homes(homes)
        if rels:
            self._index.lineage.merge(rels)
        if homes and self._index.supports_external_home:
            self._index.lineage.set_home_map(homes)

    def _bind(self, ds: Dataset, products: dict[str, Product], now: dt.datetime, keep_state: bool) -> Dataset:
        """The dataset bound to the stored version of its product, with index times set."""
        name = ds.product.name
        p = products.get(name)
        if p is None:
            p = self._index.products.get_by_name(name)
            if p is None:
                raise DocumentError(
                    f"dataset {str(ds.id)!r} belongs to product {name!r}, which is not in the "
                    "index; add the product first",
                    field="product.name",
                    value=name,
                    doc=str(ds.id),
                )
            products[name] = p
        if ds.source_tree is not None or ds.derived_tree is not None:  # stored without them
            ds = ds.with_lineage_trees(source_tree=None, derived_tree=None)
        if keep_state:
            return ds.replace(product=p, indexed_time=ds.indexed_time or now)
        return ds.replace(product=p, indexed_time=now, archived_time=None)

    # --- updating -----------------------------------------------------------------------------

    def can_update(
        self, dataset: Dataset, updates_allowed: Mapping[Offset, AllowPolicy] | None = None
    ) -> tuple[bool, list[Change], list[Change]]:
        """Whether :meth:`update` would succeed: ``(ok, safe_changes, unsafe_changes)``.

        Every change to the document is unsafe unless ``updates_allowed`` maps its offset (or a
        prefix of it) to a policy that allows it (see :mod:`terracube.index.changes`). The
        product may never change. A new location is always allowed.
        """
        return update_changes(self.get_unsafe(dataset.id), dataset, updates_allowed)

    def update(
        self,
        dataset: Dataset,
        updates_allowed: Mapping[Offset, AllowPolicy] | None = None,
        archive_less_mature: bool | float | None = None,
    ) -> Dataset:
        """Store a new version of a dataset's document and location.

        Parameters
        ----------
        dataset
            The new version.
        updates_allowed
            Offsets (or prefixes) of the document mapped to the policy that allows changing them.
        archive_less_mature
            As in :meth:`add`: archive the less mature versions of the updated dataset, in the
            same transaction (e.g. after its ``dataset_maturity`` went from nrt to final).

        Raises
        ------
        UpdateError
            A change is not allowed; nothing was written.
        DatasetNotFoundError
            The dataset is not in the index.
        DocumentError, QueryError
            As in :meth:`add`, for ``archive_less_mature``; nothing was written.
        """
        self._index._require("supports_write", "update datasets")
        tolerance = maturity_tolerance(archive_less_mature)
        ok, safe, unsafe = self.can_update(dataset, updates_allowed)
        if not ok:
            raise UpdateError(
                f"dataset {str(dataset.id)!r}: changes not allowed: "
                + "; ".join(f"{'.'.join(map(str, o))}: {a!r} -> {b!r}" for o, a, b in unsafe)
                + " (allow them with updates_allowed={offset: policy})"
            )
        existing = self.get_unsafe(dataset.id)
        if tolerance is not None:
            maturity_of(Dataset.from_doc(dataset.metadata_doc, existing.product))
        changed = bool(safe) or existing.uri != dataset.uri
        if not changed and tolerance is None:
            return existing
        with self._index.transaction():
            if changed:
                stored = existing.product
                new = Dataset.from_doc(dataset.metadata_doc, stored, uri=dataset.uri).replace(
                    archived_time=existing.archived_time, indexed_time=existing.indexed_time
                )
                self._replace(new, utc_now())
            if tolerance is not None:
                self._archive_less_mature(self.get_unsafe(dataset.id), tolerance)
        return self.get_unsafe(dataset.id)

    # --- maturity -------------------------------------------------------------------------------

    def find_less_mature(
        self, dataset: Dataset, delta: float = DEFAULT_MATURITY_TOLERANCE_MS
    ) -> list[Dataset]:
        """The active, less mature versions of a dataset in the index.

        Its versions are the active datasets (but itself) of the same product and
        ``region_code`` whose ``time`` lies within ``delta`` milliseconds of the dataset's; the
        less mature ones have a ``dataset_maturity`` ranking lower in :data:`MATURITY_ORDER`
        (nrt < interim < final).

        Raises
        ------
        MaturityConflictError
            A version is as mature as the dataset, or more (as ODC's, since which one to
            archive is then unclear, or it is this one).
        QueryError
            The metadata type lacks a search field ``time``, ``region_code`` or
            ``dataset_maturity``.
        DocumentError
            The dataset, or a candidate in the index, has no (known) value for one of them.
        """
        rank, region, t = maturity_of(dataset)
        pad = dt.timedelta(milliseconds=delta)
        assert t.begin is not None and t.end is not None  # checked by maturity_of
        candidates = self.search(
            product=dataset.product.name, region_code=region, time=Range(t.begin - pad, t.end + pad)
        )
        out = []
        for d in candidates:
            if d.id == dataset.id:
                continue
            other = maturity_of(d)[0]
            if other >= rank:
                how = "the same maturity" if other == rank else "a more mature version"
                raise MaturityConflictError(
                    f"dataset {str(dataset.id)!r} ({MATURITY_ORDER[rank]}): {how} of it is in the "
                    f"index already, dataset {str(d.id)!r} ({MATURITY_ORDER[other]}, region "
                    f"{region!r}, time within {delta:g} ms); nothing was written. Archive that one "
                    "first, or add without archive_less_mature"
                )
            out.append(d)
        return out

    def _archive_less_mature(self, dataset: Dataset, tolerance: float) -> None:
        victims = [d.id for d in self.find_less_mature(dataset, tolerance)]
        if victims:
            _log.info(
                "archiving %d less mature versions of dataset %s: %s", len(victims), dataset.id, victims
            )
            self.archive(victims)

    def archive(self, ids: Iterable[DSID]) -> None:
        """Archive datasets: searches leave them out unless asked. Unknown ids are ignored."""
        self._index._require("supports_write", "archive datasets")
        with self._index.transaction():
            self._set_archived([dataset_id(i) for i in ids], utc_now())

    def restore(self, ids: Iterable[DSID]) -> None:
        """Make archived datasets active again. Unknown ids are ignored."""
        self._index._require("supports_write", "restore datasets")
        with self._index.transaction():
            self._set_archived([dataset_id(i) for i in ids], None)

    def purge(self, ids: Iterable[DSID], allow_delete_active: bool = False) -> list[uuid.UUID]:
        """Delete archived datasets for good; active ones are kept unless ``allow_delete_active``.

        Returns the ids deleted.
        """
        self._index._require("supports_write", "purge datasets")
        wanted = [dataset_id(i) for i in ids]
        found = list(self.bulk_get(wanted))
        victims = [d.id for d in found if allow_delete_active or d.is_archived]
        if victims:
            with self._index.transaction():
                self._delete(victims)
        return victims

    # --- lookups ------------------------------------------------------------------------------

    def get(
        self,
        id_: DSID,
        include_sources: bool = False,
        include_deriveds: bool = False,
        max_depth: int = 0,
    ) -> Dataset | None:
        """The dataset with this id (active or archived), or None.

        Lineage follows the external model: a source need not be in this index, so sources
        come as a lineage tree of ids, classifiers and homes (:mod:`terracube.model.lineage`),
        never as datasets loaded from the index.

        Parameters
        ----------
        id_
            The dataset's UUID.
        include_sources
            Attach its source tree as :attr:`Dataset.source_tree` (as
            ``index.lineage.get_source_tree(id_, max_depth)`` gives it).
        include_deriveds
            Attach the tree of datasets derived from it as :attr:`Dataset.derived_tree`.
        max_depth
            Levels of those trees (0: all).

        Raises
        ------
        UnsupportedError
            A tree is asked for and the driver lacks ``supports_lineage``.
        """
        if include_sources or include_deriveds:
            self._index._require("supports_lineage", "attach lineage trees to a dataset")
        try:
            ds = self.get_unsafe(dataset_id(id_))
        except DatasetNotFoundError:
            return None
        if include_sources or include_deriveds:
            lineage = self._index.lineage
            ds = ds.with_lineage_trees(
                source_tree=lineage.get_source_tree(ds.id, max_depth) if include_sources else None,
                derived_tree=lineage.get_derived_tree(ds.id, max_depth) if include_deriveds else None,
            )
        return ds

    def has(self, id_: DSID) -> bool:
        """Whether a dataset with this id is in the index (active or archived)."""
        return self.bulk_has([id_])[0]

    def bulk_has(self, ids: Iterable[DSID]) -> list[bool]:
        """For each id, whether it is in the index."""
        wanted = [dataset_id(i) for i in ids]
        present = {d.id for d in self.bulk_get(wanted)}
        return [i in present for i in wanted]

    def get_location(self, id_: DSID) -> str | None:
        """The dataset's location, or None if it has none.

        Raises
        ------
        DatasetNotFoundError
            No dataset has this id.
        """
        return self.get_unsafe(dataset_id(id_)).uri

    def get_all_docs_for_product(
        self, product: str | Product, batch_size: int = 1000
    ) -> Iterator[DatasetTuple]:
        """Every dataset of a product (active and archived) as product, document and location."""
        p = self._index.products._by_name_or_value(product)
        for ds in self._search([ProductQuery(p)], archived=None, limit=None, order_by=()):
            yield DatasetTuple(ds.product, ds.metadata_doc, ds.uri)

    # --- search -------------------------------------------------------------------------------

    def search(
        self,
        limit: int | None = None,
        archived: bool | None = False,
        fetch_all: bool = False,
        order_by: Any = None,
        **query: Any,
    ) -> Iterator[Dataset] | list[Dataset]:
        """Datasets matching the query, streamed (a list with ``fetch_all=True``).

        Parameters
        ----------
        limit
            At most this many of each product (as ODC's searches count them).
        archived
            False: active only (default); True: archived only; None: both.
        fetch_all
            Return a list rather than a generator.
        order_by
            Fields to sort by: names (prefix ``-`` for descending) or fields
            (``metadata_type.dataset_fields``).
        **query
            ``product``, ``metadata_type``, ``uri`` (a location, or a list of them), ``time``,
            ``lat``/``lon``, ``x``/``y``/``crs``, ``geopolygon``, or any search field (a value,
            a list of values, a ``(low, high)`` range, or :class:`~terracube.model.Not` a value).

        Raises
        ------
        QueryError
            Unknown field or malformed value, or no product in the index can match the query.
        """
        if limit is not None and limit < 0:
            raise QueryError(f"limit must be >= 0, got {limit!r}")
        plan, uris = self._plan_search(query)
        order = self._order_by(order_by, plan)
        return search_result(
            self._find(plan, uris, archived=archived, limit=limit, order_by=order), fetch_all
        )

    def search_by_product(
        self, archived: bool | None = False, fetch_all: bool = False, **query: Any
    ) -> Iterator[ProductDatasets] | list[ProductDatasets]:
        """Matching datasets grouped by product: ``(product, datasets)`` for each candidate product.

        With ``fetch_all=True`` a list of ``(product, list of datasets)``; otherwise a generator
        of ``(product, generator of datasets)``. Products without a match are left out. Takes the
        keywords of :meth:`search`.
        """
        plan, uris = self._plan_search(query)

        def groups() -> Iterator[ProductDatasets]:
            for pq in plan:
                found = self._find([pq], uris, archived=archived, limit=None, order_by=())
                first = next(found, None)
                if first is not None:
                    yield pq.product, search_result(itertools.chain([first], found), fetch_all)

        return search_result(groups(), fetch_all)

    def search_by_metadata(
        self, metadata: Mapping[str, Any], archived: bool | None = False, fetch_all: bool = False
    ) -> Iterator[Dataset] | list[Dataset]:
        """Datasets whose document contains this nested mapping (slow default: scans)."""
        sub = dict(metadata)
        plan = [ProductQuery(p) for p in self._index.products.get_all()]
        it = (
            d
            for d in self._search(plan, archived=archived, limit=None, order_by=())
            if contains_doc(d.metadata_doc, sub)
        )
        return search_result(it, fetch_all)

    def search_returning(
        self,
        field_names: Iterable[str | Field] | None = None,
        custom_offsets: Mapping[str, Sequence[str | int]] | None = None,
        limit: int | None = None,
        archived: bool | None = False,
        order_by: Any = None,
        fetch_all: bool = False,
        **query: Any,
    ) -> Iterator[Any] | list[Any]:
        """Matching datasets as named tuples of the fields asked for.

        Parameters
        ----------
        field_names
            Names or fields (``metadata_type.dataset_fields``): the native fields (``id``,
            ``product``, ``uri``, ``indexed_time``, ``archived_time``, ``metadata_doc``, and
            ``metadata_type``, ``creation_time``, ``format``, ``label``) and search fields;
            None for the first six and every search field of the products searched.
        custom_offsets
            Extra columns: name -> path of keys into the document.
        limit, archived, order_by, **query
            As :meth:`search`.
        """
        plan, uris = self._plan_search(query)
        custom = {k: tuple(v) for k, v in (custom_offsets or {}).items()}
        if field_names is None:
            names = list(NATIVE_FIELDS) + sorted(
                {f for pq in plan for f in pq.product.metadata_type.search_fields} - set(NATIVE_FIELDS)
            )
        else:
            names = [_field_name(f) for f in field_names]
        known = {*NATIVE_FIELDS, *_MORE_NATIVE_FIELDS} | {
            f for pq in plan for f in pq.product.metadata_type.search_fields
        }
        bad = [n for n in names if n not in known]
        if bad:
            raise QueryError(f"unknown field(s) {bad} for search_returning; known: {sorted(known)}")
        names += [n for n in custom if n not in names]
        row_type = namedtuple("Result", names, rename=True)  # type: ignore[misc]
        order = self._order_by(order_by, plan)

        def rows() -> Iterator[Any]:
            for ds in self._find(plan, uris, archived=archived, limit=limit, order_by=order):
                yield row_type(*(_field_value(ds, n, custom) for n in names))

        return search_result(rows(), fetch_all)

    def search_product_duplicates(
        self, product: str | Product, *fields: str | Field
    ) -> list[tuple[Any, set[uuid.UUID]]]:
        """Groups of active datasets of a product that share the values of ``fields``.

        Each group with two datasets or more, as ``(values, ids)``: ``values`` a named tuple in
        the order of ``fields`` (a range field's value as its ``(begin, end)`` pair), ``ids``
        the set of the datasets' ids. With ``time`` among the fields, as ODC's: times within
        half a second of each other are the same, so two datasets match when their times,
        each widened by 500 ms, overlap; the group's ``time`` is where they overlap.

        Raises
        ------
        QueryError
            A field the product's metadata type does not have.
        """
        p = self._index.products._by_name_or_value(product)
        names = [_field_name(f) for f in fields]
        known = {*NATIVE_FIELDS, *_MORE_NATIVE_FIELDS, *p.metadata_type.search_fields} - {
            "id",
            "metadata_doc",
        }
        bad = [n for n in names if n not in known]
        if bad or not names:
            raise QueryError(
                f"search_product_duplicates of product {p.name!r} needs fields to compare; "
                f"{bad or 'none'} given, known: {sorted(known)}"
            )
        row_type = namedtuple("search_result", names, rename=True)  # type: ignore[misc]
        found = self._search([ProductQuery(p)], archived=False, limit=None, order_by=())
        if "time" in names and p.metadata_type.search_fields["time"].is_range:
            return [(row_type(*key), ids) for key, ids in _time_duplicates(found, names).items()]
        groups: dict[tuple[Any, ...], set[uuid.UUID]] = {}
        for ds in found:
            key = tuple(_hashable(_field_value(ds, n, {})) for n in names)
            groups.setdefault(key, set()).add(ds.id)
        return [(row_type(*key), ids) for key, ids in groups.items() if len(ids) > 1]

    # --- counts ---------------------------------------------------------------------------------
    #
    # Counts take the options of searches. ``fetch_all`` makes the grouped counts (which stream
    # like searches) a list; ``count`` is one number either way, so it accepts and ignores it.

    def count(self, archived: bool | None = False, fetch_all: bool = False, **query: Any) -> int:
        """How many datasets match the query (the keywords of :meth:`search`; zero when no
        product can match).

        ``archived`` as in :meth:`search`; ``fetch_all`` is accepted for symmetry with the other
        counts and has no effect: the result is a number.
        """
        if "uri" in query:
            try:
                plan, uris = self._plan_search(dict(query))
            except QueryError as e:
                if "no product" in str(e):
                    return 0
                raise
            return sum(1 for _ in self._find(plan, uris, archived=archived, limit=None, order_by=()))
        plan = self._plan(query)
        return self._count(plan, archived=archived) if plan else 0

    def count_by_product(
        self, archived: bool | None = False, fetch_all: bool = False, **query: Any
    ) -> Iterator[tuple[Product, int]] | list[tuple[Product, int]]:
        """Matching dataset counts per product, ``(product, n)``; products with none are left out."""
        plan = self._plan(query)

        def counts() -> Iterator[tuple[Product, int]]:
            for pq in plan:
                n = self._count([pq], archived=archived)
                if n:
                    yield pq.product, n

        return search_result(counts(), fetch_all)

    def count_by_product_through_time(
        self, period: str, archived: bool | None = False, fetch_all: bool = False, **query: Any
    ) -> (
        Iterator[tuple[Product, list[tuple[Range[dt.datetime], int]]]]
        | list[tuple[Product, list[tuple[Range[dt.datetime], int]]]]
    ):
        """Counts per product for each ``period`` (e.g. ``"1 month"``) of the query's time range.

        Raises
        ------
        QueryError
            No time range with both ends, or a malformed period.
        """
        if query.get("time") is None:
            raise QueryError("count_by_product_through_time needs time=(start, end)")
        whole = parse_time(query["time"])
        slices = list(_periods(whole, period))
        plan = self._plan({k: v for k, v in query.items() if k != "time"})

        def series() -> Iterator[tuple[Product, list[tuple[Range[dt.datetime], int]]]]:
            for pq in plan:
                fields = pq.product.metadata_type.search_fields
                if "time" not in fields:
                    continue
                counts = []
                for rng in slices:
                    expr = to_field_expression(fields["time"], (rng.begin, rng.end))
                    q = ProductQuery(pq.product, (*pq.expressions, expr), pq.spatial)
                    counts.append((rng, self._count([q], archived=archived)))
                yield pq.product, counts

        return search_result(series(), fetch_all)

    def count_by(
        self,
        fields: Iterable[str | Field],
        custom_offsets: Mapping[str, Sequence[str | int]] | None = None,
        archived: bool | None = False,
        fetch_all: bool = False,
        **query: Any,
    ) -> Iterator[tuple[tuple[Any, ...], int]] | list[tuple[tuple[Any, ...], int]]:
        """Counts of matching datasets grouped by the values of ``fields`` (slow default).

        Gives ``(values, count)`` with ``values`` a named tuple in the order of ``fields``
        (then the custom offsets).
        """
        names = [_field_name(f) for f in fields]
        rows = self.search_returning(
            field_names=names, custom_offsets=custom_offsets, archived=archived, **query
        )

        def grouped() -> Iterator[tuple[tuple[Any, ...], int]]:
            counts: Counter[tuple[Any, ...]] = Counter()
            row_type = None
            for r in rows:
                row_type = type(r)
                counts[tuple(_hashable(v) for v in r)] += 1
            for key, n in sorted(counts.items(), key=lambda kv: repr(kv[0])):
                yield (row_type(*key) if row_type is not None else key), n

        return search_result(grouped(), fetch_all)

    # --- extents ------------------------------------------------------------------------------

    def spatial_extent(self, ids: Iterable[DSID], crs: Any = "EPSG:4326") -> Geometry | None:
        """Union of these datasets' footprints in ``crs``; None if none has a footprint.

        The same geometry as ``products.spatial_extent`` gives for the same datasets.
        """
        return _union_extent(self.bulk_get([dataset_id(i) for i in ids]), crs)

    def temporal_extent(self, ids: Iterable[DSID]) -> Range[dt.datetime] | None:
        """Earliest start and latest end of these datasets; None if none has a time.

        Raises
        ------
        DatasetNotFoundError
            An id is not in the index (a KeyError, as ODC raises).
        """
        wanted = [dataset_id(i) for i in ids]
        found = list(self.bulk_get(wanted))
        missing = set(wanted) - {d.id for d in found}
        if missing:
            raise DatasetNotFoundError(
                f"no dataset with id {sorted(map(str, missing))[0]!r} in the index "
                f"({len(missing)} of the {len(set(wanted))} ids are not)"
            )
        times = [d.time for d in found if d.time is not None]
        if not times:
            return None
        los = [t.begin for t in times if t.begin is not None]
        his = [t.end for t in times if t.end is not None]
        return Range(min(los) if los else None, max(his) if his else None)

    # --- cloning ------------------------------------------------------------------------------

    def _iter_all(
        self, archived: bool | None = None, products: Iterable[Product] | None = None
    ) -> Iterator[Dataset]:
        """Every dataset of these products, or of every product (for cloning)."""
        chosen = self._index.products.get_all() if products is None else products
        plan = [ProductQuery(p) for p in chosen]
        return self._search(plan, archived=archived, limit=None, order_by=()) if plan else iter(())


def _same(a: Dataset, b: Dataset) -> bool:
    return a.same_document(b)


def _hashable(v: Any) -> Any:
    if isinstance(v, dict):
        return repr(v)
    if isinstance(v, list):
        return tuple(v)
    if isinstance(v, Range):
        return (v.begin, v.end)
    return v


def _union_extent(datasets: Iterable[Dataset], crs: Any) -> Geometry | None:
    """The union of the datasets' lon/lat footprints, in id order (so the same datasets always
    give the same geometry), in ``crs``; None when none has a footprint."""
    import shapely
    from odc.geo.geom import Geometry

    geoms = [
        g for _, g in sorted((d.id, d.lonlat_footprint) for d in datasets if d.lonlat_footprint is not None)
    ]
    if not geoms:
        return None
    union = Geometry(shapely.union_all(geoms), "EPSG:4326")
    return union.to_crs(crs) if crs is not None else union


_TIME_LENIENCY: Final = dt.timedelta(milliseconds=500)


def _time_duplicates(datasets: Iterable[Dataset], names: list[str]) -> dict[tuple[Any, ...], set[uuid.UUID]]:
    """Groups of datasets equal in the other fields whose times, widened by 500 ms, overlap.

    Keyed by the values of ``names`` with the overlap as the ``time`` value, as ODC groups them.
    """
    at = names.index("time")
    by_rest: dict[tuple[Any, ...], list[tuple[dt.datetime, dt.datetime, uuid.UUID]]] = {}
    for ds in datasets:
        t = ds.time
        if t is None or t.begin is None or t.end is None:
            continue
        rest = tuple(_hashable(_field_value(ds, n, {})) for i, n in enumerate(names) if i != at)
        by_rest.setdefault(rest, []).append((t.begin - _TIME_LENIENCY, t.end + _TIME_LENIENCY, ds.id))
    out: dict[tuple[Any, ...], set[uuid.UUID]] = {}
    for rest, spans in by_rest.items():
        spans.sort(key=lambda s: s[0])
        for i, (lo, hi, a) in enumerate(spans):
            for lo2, hi2, b in spans[i + 1 :]:
                if lo2 > hi:
                    break
                key = (*rest[:at], (max(lo, lo2), min(hi, hi2)), *rest[at:])
                out.setdefault(key, set()).update((a, b))
    return out


def _field_name(field: str | Field) -> str:
    """A field's name, given the name or the field (``metadata_type.dataset_fields``)."""
    if isinstance(field, str):
        return field
    if isinstance(field, SearchField | NativeField):
        return field.name
    raise QueryError(
        f"{field!r} is not a field: give a field name or a field of metadata_type.dataset_fields"
    )


def _in_plan(ds: Dataset, plan: Sequence[ProductQuery], archived: bool | None) -> bool:
    """Whether a dataset is one a planned search finds (tested in Python)."""
    if archived is not None and ds.is_archived != archived:
        return False
    for pq in plan:
        if pq.product.name != ds.product.name:
            continue
        values = ds.search_values()
        if all(matches(e, values.get(e.field.name)) for e in pq.expressions) and (
            pq.spatial is None or pq.spatial.matches(ds.lonlat_footprint)
        ):
            return True
    return False


def _ordered(datasets: list[Dataset], order_by: OrderBy) -> list[Dataset]:
    """Datasets sorted by several fields, missing values last whatever the direction."""
    out = list(datasets)
    for name, desc in reversed(order_by):
        keyed = [(_sort_value(d, name), d) for d in out]
        present = [(v, d) for v, d in keyed if v is not None]
        present.sort(key=lambda vd: vd[0], reverse=desc)
        out = [d for _, d in present] + [d for v, d in keyed if v is None]
    return out


def _sort_value(ds: Dataset, name: str) -> Any:
    v = str(ds.id) if name == "id" else _field_value(ds, name, {})
    return v.begin if isinstance(v, Range) else v


def _field_value(ds: Dataset, name: str, custom: Mapping[str, Offset]) -> Any:
    if name in custom:
        return get_path(ds.search_doc(), custom[name])
    if name == "id":
        return ds.id
    if name == "product":
        return ds.product.name
    if name == "metadata_type":
        return ds.metadata_type.name
    if name == "creation_time":
        return ds.creation_dt
    if name == "format":
        return ds.format
    if name == "label":
        return ds.label
    if name == "uri":
        return ds.uri
    if name == "indexed_time":
        return ds.indexed_time
    if name == "archived_time":
        return ds.archived_time
    if name == "metadata_doc":
        return ds.metadata_doc
    return ds.search_values().get(name)
