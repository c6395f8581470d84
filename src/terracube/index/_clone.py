"""Copying one index into another (``AbstractIndex.clone``), batch by batch, resumable.

Metadata types and products first (those of the chosen products), then datasets ``batch_size``
at a time, each batch one transaction of the destination, then lineage relations and homes.
What is already there with the same document is skipped, so running a clone again after it
stopped (killed, say) copies the rest. A dataset the destination cannot hold (a legacy
document in an eo3-only index, a value it cannot read) is not copied and is reported, with the
reason, to ``on_failure``; the others go on.
"""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING, Any

from terracube.errors import DocumentError, DuplicateRecordError, ProductNotFoundError
from terracube.index._batching import BatchStatus
from terracube.index._shared import gc_paused
from terracube.model import EO3_SCHEMA

if TYPE_CHECKING:
    import uuid
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from terracube.index.abstract import AbstractIndex, ProgressCallback
    from terracube.model import Dataset, MetadataType, Product

__all__ = ["clone"]


def _chosen(source: AbstractIndex, names: Iterable[str] | None) -> list[Product]:
    everything = list(source.products.get_all())
    if names is None:
        return everything
    wanted = list(dict.fromkeys(names))
    known = {p.name: p for p in everything}
    missing = [n for n in wanted if n not in known]
    if missing:
        raise ProductNotFoundError(
            f"no product named {', '.join(map(repr, missing))} in the source index "
            f"(products: {sorted(known)}); check --product"
        )
    return [known[n] for n in wanted]


def _serves(mine: MetadataType, theirs: MetadataType) -> bool:
    """Whether the destination's metadata type reads every field of the source's alike.

    Descriptions and ``indexed`` aside: terracube's built-in ``eo3`` serves ODC's, say, as it
    has the same fields, worded its own way, and one more.
    """
    if mine.dataset_offsets != theirs.dataset_offsets:
        return False
    fields = mine.search_fields
    return all(
        n in fields
        and (fields[n].type, fields[n].offsets, fields[n].min_offsets, fields[n].max_offsets)
        == (f.type, f.offsets, f.min_offsets, f.max_offsets)
        for n, f in theirs.search_fields.items()
    )


def _refusal(dst: AbstractIndex, ds: Dataset) -> str | None:
    """Why the destination cannot hold this dataset, or None if it can."""
    if not dst.supports_legacy and ds._doc.get("$schema") != EO3_SCHEMA:
        return (
            f"legacy (pre-eo3) document: the {dst.driver_name!r} index holds eo3 documents only; "
            "convert it to eo3 (e.g. with eodatasets3) and add it"
        )
    try:
        ds.search_values()
        footprint = ds.lonlat_footprint
    except DocumentError as e:
        return f"its document cannot be indexed: {e}"
    except Exception as e:  # a footprint that does not project (pyproj raises several kinds)
        return f"its footprint cannot be read: {type(e).__name__}: {e}"
    if footprint is None and not dst.supports_nongeo:
        return f"no footprint, and the {dst.driver_name!r} index holds spatial datasets only"
    return None


def clone(
    dst: AbstractIndex,
    src: AbstractIndex,
    *,
    batch_size: int,
    progress: ProgressCallback | None,
    products: Iterable[str] | None,
    on_failure: Callable[[str, str, Sequence[uuid.UUID]], None] | None,
) -> dict[str, BatchStatus]:
    """See :meth:`AbstractIndex.clone`."""
    dst._require("supports_write", "clone into it")
    chosen = _chosen(src, products)
    filtered = products is not None
    type_names = {p.metadata_type.name for p in chosen}
    counts = {"metadata_types": 0, "products": 0, "datasets": 0, "skipped": 0, "failed": 0}
    out: dict[str, BatchStatus] = {}
    t0 = time.perf_counter()
    names: list[str] = []
    for mt in src.metadata_types.get_all():
        if filtered and mt.name not in type_names:
            continue
        mine = dst.metadata_types.get_by_name(mt.name)
        if mine is None:
            dst.metadata_types.add(mt)
            counts["metadata_types"] += 1
        elif mine != mt and not _serves(mine, mt):
            raise DuplicateRecordError(
                f"metadata type {mt.name!r} differs between the two indexes; update one first"
            )
        names.append(mt.name)
    out["metadata_types"] = BatchStatus(
        counts["metadata_types"],
        len(names) - counts["metadata_types"],
        time.perf_counter() - t0,
        frozenset(names),
    )
    t0 = time.perf_counter()
    names = []
    for p in chosen:
        mine_p = dst.products.get_by_name(p.name)
        if mine_p is None:
            dst.products.add(
                p.with_metadata_type(dst.metadata_types.get_by_name_unsafe(p.metadata_type.name))
            )
            counts["products"] += 1
        elif mine_p.definition != p.definition:
            raise DuplicateRecordError(
                f"product {p.name!r} differs between the two indexes; update one first"
            )
        names.append(p.name)
    out["products"] = BatchStatus(
        counts["products"], len(names) - counts["products"], time.perf_counter() - t0, frozenset(names)
    )
    if filtered:
        total = src.datasets.count(archived=None, product=[p.name for p in chosen]) if chosen else 0
    else:
        total = src.datasets.count(archived=None)
    if progress:
        progress(0, total, "datasets")
    # Homes are looked up per batch only where the source has any.
    homes = src.supports_external_home and dst.supports_external_home and src.lineage._has_homes()
    if homes:
        counts["homes"] = 0
    failed: set[uuid.UUID] = set()
    copied: set[uuid.UUID] | None = set() if filtered else None
    stream = src.datasets._iter_all(archived=None, products=chosen) if chosen else iter(())
    # Many small containers and no reference cycles: the cyclic collector would only cost time
    # (it took two thirds of the time of reading documents from PostgreSQL).
    with gc_paused():
        t0 = time.perf_counter()
        _copy_datasets(
            dst, src, stream, batch_size, counts, homes, copied, failed, on_failure, progress, total
        )
        out["datasets"] = BatchStatus(
            counts["datasets"], counts["skipped"], time.perf_counter() - t0, failed=counts["failed"]
        )
        if src.supports_lineage and dst.supports_lineage:
            t0 = time.perf_counter()
            _copy_lineage(dst, src, batch_size, counts, homes, copied, failed)
            out["lineage"] = BatchStatus(
                counts["lineage"], counts["lineage_skipped"], time.perf_counter() - t0
            )
    if homes:
        out["homes"] = BatchStatus(counts["homes"], 0, 0.0)
    return out


def _copy_datasets(
    dst: AbstractIndex,
    src: AbstractIndex,
    stream: Iterator[Dataset],
    batch_size: int,
    counts: dict[str, int],
    homes: bool,
    copied: set[uuid.UUID] | None,
    failed: set[uuid.UUID],
    on_failure: Callable[[str, str, Sequence[uuid.UUID]], None] | None,
    progress: ProgressCallback | None,
    total: int,
) -> None:
    """Copy the datasets of ``stream`` in batches, each one transaction of ``dst``."""
    done = 0
    while chunk := list(itertools.islice(stream, batch_size)):
        keep: list[Dataset] = []
        refused: dict[tuple[str, str], list[uuid.UUID]] = {}
        for ds in chunk:
            why = _refusal(dst, ds)
            if why is None:
                keep.append(ds)
            else:
                refused.setdefault((ds.product.name, why), []).append(ds.id)
        if keep:
            st = dst.datasets._add_batch(keep, batch_size=batch_size, keep_state=True)
            counts["datasets"] += st.completed
            counts["skipped"] += st.skipped
            if homes:
                counts["homes"] += _clone_homes(dst, src, [ds.id for ds in keep])
            if copied is not None:
                copied.update(ds.id for ds in keep)
        for (name, why), ids in refused.items():
            counts["failed"] += len(ids)
            failed.update(ids)
            if on_failure is not None:
                on_failure(name, why, ids)
        done += len(chunk)
        if progress:
            progress(done, total, "datasets")


def _copy_lineage(
    dst: AbstractIndex,
    src: AbstractIndex,
    batch_size: int,
    counts: dict[str, int],
    homes: bool,
    copied: set[uuid.UUID] | None,
    failed: set[uuid.UUID],
) -> None:
    """Copy the lineage relations (and homes) of the datasets copied."""
    counts["lineage"] = counts["lineage_skipped"] = 0
    rels = src.lineage.get_all_lineage(batch_size)
    while batch := list(itertools.islice(rels, batch_size)):
        # Relations of datasets left behind (not chosen, or refused) stay behind too.
        if copied is not None:
            batch = [r for r in batch if r.derived_id in copied]
        if failed:
            batch = [r for r in batch if r.derived_id not in failed]
        if not batch:
            continue
        st = dst.lineage._add_batch(batch)
        counts["lineage"] += st.completed
        counts["lineage_skipped"] += st.skipped
        if homes:  # sources kept elsewhere have homes and no dataset here
            ids = list({r.source_id for r in batch} | {r.derived_id for r in batch})
            counts["homes"] += _clone_homes(dst, src, ids)


def _clone_homes(dst: AbstractIndex, src: AbstractIndex, ids: list[Any]) -> int:
    """Copy the homes of these datasets; a different home here is a conflict."""
    theirs = src.lineage.get_homes(*ids)
    if not theirs:
        return 0
    mine = dst.lineage.get_homes(*theirs)
    clash = next((i for i, h in theirs.items() if i in mine and mine[i] != h), None)
    if clash is not None:
        raise DuplicateRecordError(
            f"dataset {clash} has home {mine[clash]!r} here and {theirs[clash]!r} in the source; "
            "the two indexes disagree on where it lives"
        )
    return dst.lineage.set_home_map(theirs)
