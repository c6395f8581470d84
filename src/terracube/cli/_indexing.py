"""Indexing dataset documents from files: validate each, add in batches, report bad ones.

Shared by ``terracube dataset add`` and ``terracube quickstart``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from terracube.cli._files import Failures, StopRun, read_file_documents
from terracube.cli._output import progress
from terracube.errors import TerracubeError

if TYPE_CHECKING:
    from collections.abc import Sequence
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

    def line(self) -> str:
        """One summary line."""
        if self.dry_run:
            text = (
                f"Dry run: {self.added} would be added, {self.skipped} already present, "
                f"{self.failed} failed; nothing was written."
            )
        else:
            text = f"Added {self.added}, skipped {self.skipped} already present, {self.failed} failed."
        return text + (" Stopped at the first failure." if self.stopped else "")


class _Batcher:
    """Collects validated datasets and adds them ``batch_size`` at a time."""

    def __init__(
        self, index: AbstractIndex, summary: AddSummary, failures: Failures, batch_size: int, dry_run: bool
    ) -> None:
        self.index = index
        self.summary = summary
        self.failures = failures
        self.batch_size = batch_size
        self.dry_run = dry_run
        self.pending: list[tuple[str, Dataset]] = []

    def put(self, label: str, ds: Dataset) -> None:
        self.pending.append((label, ds))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        datasets = self.index.datasets
        if self.dry_run:
            present = datasets.bulk_has([ds.id for _, ds in batch])
            n = sum(present)
            self.summary.skipped += n
            self.summary.added += len(batch) - n
            return
        try:
            status = datasets.add_batch([ds for _, ds in batch], batch_size=self.batch_size)
        except TerracubeError:
            # The batch was all or nothing: add one by one to find and report the bad ones.
            for label, ds in batch:
                try:
                    one = datasets.add_batch([ds])
                except TerracubeError as e:
                    self.failures.report(label, e)
                    continue
                self.summary.added += one.completed
                self.summary.skipped += one.skipped
            return
        self.summary.added += status.completed
        self.summary.skipped += status.skipped


def add_dataset_files(
    index: AbstractIndex,
    files: Sequence[Path],
    *,
    failures: Failures,
    batch_size: int = 1000,
    dry_run: bool = False,
    show_progress: bool | None = None,
) -> AddSummary:
    """Validate every dataset document in ``files`` and add the valid ones to ``index``.

    Each document's location is its file's URI. A file or document that cannot be read,
    validated or added is reported to ``failures`` (which may stop the run); the rest go on.
    With ``dry_run`` documents are only validated and checked for presence.

    Parameters
    ----------
    batch_size
        Datasets per ``add_batch`` call (each call is one transaction).
    show_progress
        See :func:`terracube.cli._output.progress`.
    """
    summary = AddSummary(dry_run=dry_run)
    batcher = _Batcher(index, summary, failures, max(1, batch_size), dry_run)
    datasets = index.datasets
    with progress(len(files), "Indexing" if not dry_run else "Checking", show=show_progress) as bar:
        try:
            for path in files:
                for label, uri, doc in read_file_documents(path, failures):
                    try:
                        ds = datasets.from_doc(doc, uri=uri, where=label)
                    except TerracubeError as e:
                        failures.report(label, e)
                        continue
                    batcher.put(label, ds)
                bar.advance()
        except StopRun:
            summary.stopped = True
        # With --on-error stop, documents before the bad one are still added.
        try:
            batcher.flush()
        except StopRun:
            summary.stopped = True
    summary.failed = failures.count
    return summary
