"""Indexing dataset documents from files: validate each, add in batches, report bad ones.

Shared by ``terracube dataset add`` and ``terracube quickstart``.
"""

from __future__ import annotations

from collections.abc import Sized
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from terracube.cli._files import Failures, StopRun
from terracube.cli._output import progress
from terracube.errors import TerracubeError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset

__all__ = ["AddSummary", "add_dataset_files"]


@dataclass(slots=True)
class AddSummary:
    """What a run of :func:`add_dataset_files` did."""

    added: int = 0
    """Datasets newly added (in a dry run: valid and not yet in the index)."""
    skipped: int = 0
    """Datasets already in the index with the same document (or repeated in the input)."""
    failed: int = 0
    """Files or documents that could not be read, validated or added."""
    stopped: bool = False
    """The run stopped at a failure (``--on-error stop``)."""
    dry_run: bool = False
    """Nothing was written."""
    relations: int = 0
    """Lineage relations recorded (or, in a dry run, checked) for the datasets added or present."""
    external: int = 0
    """Of those, relations whose source is neither in the index nor in this run (external lineage)."""
    archived: int = 0
    """Less mature versions archived (or, in a dry run, found) by ``archive_less_mature``."""

    def line(self) -> str:
        """One summary line."""
        if self.dry_run:
            text = (
                f"Dry run: {self.added} would be added, {self.skipped} already present, "
                f"{self.failed} failed; nothing was written."
            )
        else:
            text = f"Added {self.added}, skipped {self.skipped} already present, {self.failed} failed."
        if self.relations:
            verb = "Checked" if self.dry_run else "Recorded"
            text += (
                f" {verb} {self.relations} lineage relation{'s' if self.relations != 1 else ''}"
                f" ({self.external} with sources outside this index)."
            )
        if self.archived:
            verb = "Would archive" if self.dry_run else "Archived"
            text += f" {verb} {self.archived} less mature version{'s' if self.archived != 1 else ''}."
        return text + (" Stopped at the first failure." if self.stopped else "")


class _Batcher:
    """Collects validated datasets and adds them ``batch_size`` at a time."""

    def __init__(
        self,
        index: AbstractIndex,
        summary: AddSummary,
        failures: Failures,
        batch_size: int,
        dry_run: bool,
        with_lineage: bool,
        archive_less_mature: int | None = None,
    ) -> None:
        self.index = index
        self.archive_less_mature = archive_less_mature
        self.summary = summary
        self.failures = failures
        self.batch_size = batch_size
        self.dry_run = dry_run
        self.with_lineage = with_lineage and index.supports_lineage
        self.pending: list[tuple[str, Dataset]] = []
        self.seen: set[int] = set()
        """Ids of the datasets read in this run: sources among them are not external."""

    def put(self, label: str, ds: Dataset) -> None:
        self.seen.add(ds.id.int)  # ints: half the memory of UUIDs over a run of millions
        self.pending.append((label, ds))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.dry_run:
            try:
                self._check([ds for _, ds in batch])
            except TerracubeError:
                for label, ds in batch:
                    try:
                        self._check([ds])
                    except TerracubeError as e:
                        self.failures.report(label, e)
            return
        try:
            self._add([ds for _, ds in batch])
        except TerracubeError:
            # The batch was all or nothing: add one by one to find and report the bad ones.
            for label, ds in batch:
                try:
                    self._add([ds])
                except TerracubeError as e:
                    self.failures.report(label, e)

    def _check(self, batch: list[Dataset]) -> None:
        """Dry run: check lineage, count what would be added; count only if all pass."""
        relations, external = self._lineage(batch, validate_only=True)
        present = sum(self.index.datasets.bulk_has([ds.id for ds in batch]))
        self.summary.archived += len(self._less_mature(batch))
        self.summary.skipped += present
        self.summary.added += len(batch) - present
        self.summary.relations += relations
        self.summary.external += external

    def _add(self, batch: list[Dataset]) -> None:
        """Add datasets and record their lineage, all in one transaction; count only if it lands."""
        with self.index.transaction():
            status = self.index.datasets.add_batch(batch, batch_size=self.batch_size, with_lineage=False)
            relations, external = self._lineage(batch, validate_only=False)
            victims = self._less_mature(batch)
            if victims:
                self.index.datasets.archive(victims)
        self.summary.archived += len(victims)
        self.summary.added += status.completed
        self.summary.skipped += status.skipped
        self.summary.relations += relations
        self.summary.external += external

    def _less_mature(self, batch: list[Dataset]) -> list[Any]:
        """Ids of the active, less mature versions of ``batch`` (none unless asked for)."""
        if self.archive_less_mature is None:
            return []
        tolerance = self.archive_less_mature
        return sorted({d.id for ds in batch for d in self.index.datasets.find_less_mature(ds, tolerance)})

    def _lineage(self, batch: list[Dataset], *, validate_only: bool) -> tuple[int, int]:
        """Record (or check) the ``lineage.source_ids`` relations of ``batch``.

        Datasets already in the index get their relations too, so adding again with lineage
        fills in what an earlier run without it left out. Sources in the index or in this run
        are checked by the lineage resource (no cycles, one classifier per pair); the others
        are recorded as external lineage. Returns (relations, external ones).
        """
        if not self.with_lineage:
            return 0, 0
        from terracube.model.lineage import LineageRelation

        rels = [LineageRelation(c, s, ds.id) for ds in batch for c, s in ds.source_ids]
        if not rels:
            return 0, 0
        self.index.lineage.merge(rels, validate_only=validate_only)
        outside = [u for u in {r.source_id for r in rels} if u.int not in self.seen]
        absent = {
            s for s, here in zip(outside, self.index.datasets.bulk_has(outside), strict=True) if not here
        }
        return len(rels), sum(r.source_id in absent for r in rels)


def add_dataset_files(
    index: AbstractIndex,
    files: Iterable[str | Path],
    *,
    failures: Failures,
    batch_size: int = 1000,
    dry_run: bool = False,
    show_progress: bool | None = None,
    with_lineage: bool = True,
    products: Sequence[str] | None = None,
    excluded: Sequence[str] = (),
    archive_less_mature: int | None = None,
    workers: int | None = None,
    total: int | None = None,
) -> AddSummary:
    """Validate every dataset document in ``files`` and add the valid ones to ``index``.

    Each document's location is its file's URI. A file or document that cannot be read,
    validated or added is reported to ``failures`` (which may stop the run); the rest go on.
    With ``dry_run`` documents are only validated and checked for presence.

    Parameters
    ----------
    files
        The files, in order; an iterator is read as the run goes.
    batch_size
        Datasets per ``add_batch`` call (each call is one transaction).
    show_progress
        See :func:`terracube.cli._output.progress`.
    with_lineage
        Record each document's ``lineage.source_ids`` (sources need not be in the index;
        cycles and conflicting classifiers fail the document). False ignores lineage.
    products, excluded
        Add only datasets of these products (None: any), and none of those; the others are
        reported as failures.
    archive_less_mature
        A tolerance in milliseconds: archive the less mature versions of the datasets added
        (see ``index.datasets.find_less_mature``), in the same transaction. None: off.
    workers
        Processes reading and validating files (see :class:`~terracube.cli._reading.DocumentReader`).
    total
        The number of files, for the progress bar (default: ``len(files)`` if it has one).
    """
    from terracube.cli._reading import DocumentReader
    from terracube.index._shared import gc_paused

    summary = AddSummary(dry_run=dry_run)
    batcher = _Batcher(
        index, summary, failures, max(1, batch_size), dry_run, with_lineage, archive_less_mature
    )
    if total is None and isinstance(files, Sized):
        total = len(files)
    names = (str(f) for f in files)
    with (
        DocumentReader(index, names, failures, workers=workers) as reader,
        progress(total, "Indexing" if not dry_run else "Checking", show=show_progress) as bar,
        gc_paused(),
    ):
        reader.on_file = bar.advance
        try:
            for label, ds in reader:
                name = ds.product.name
                if (products is not None and name not in products) or name in excluded:
                    which = f"--product {list(products)}" if products is not None else "--exclude-product"
                    failures.report(label, f"dataset of product {name!r}, left out by {which}")
                    continue
                batcher.put(label, ds)
        except StopRun:
            summary.stopped = True
        # With --on-error stop, documents before the bad one are still added.
        try:
            batcher.flush()
        except StopRun:
            summary.stopped = True
    summary.failed = failures.count
    return summary
