"""Bulk adds: their outcome, and the chunks a stream of datasets is stored in."""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable

    from terracube.model import Dataset

__all__ = ["BatchStatus", "chunks", "chunks_read_ahead"]


@dataclass(frozen=True, slots=True)
class BatchStatus:
    """The outcome of a bulk add (of datasets; of each kind of record, for a clone)."""

    completed: int
    """Records newly added."""
    skipped: int
    """Records already in the index with the same document."""
    seconds: float
    """Wall time taken."""
    safe: frozenset[str] | None = None
    """For metadata types and products: the names now in the index with the document added
    (the new ones and those skipped as identical), as ODC reports them. None for datasets."""
    failed: int = 0
    """Records left out because this index cannot hold them (a clone's legacy datasets, say)."""

    @property
    def seconds_elapsed(self) -> float:
        """:attr:`seconds`, by ODC's name."""
        return self.seconds


def chunks(datasets: Iterable[Dataset], size: int) -> Generator[list[Dataset], None, None]:
    """Chunks of `size` datasets, read in this thread."""
    it = iter(datasets)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def chunks_read_ahead(datasets: Iterable[Dataset], size: int) -> Generator[list[Dataset], None, None]:
    """Chunks of `size` datasets; from an iterator, the next chunk is read in a thread meanwhile.

    Reading an iterator usually means validating documents (``from_doc``: Python, holding the
    GIL) while storing a chunk mostly waits on the database (which releases it), so the two
    overlap. The iterator is only ever advanced by the reading thread. Lists are just sliced.
    """
    if isinstance(datasets, list | tuple):
        yield from chunks(datasets, size)
        return
    it = iter(datasets)
    ready: queue.Queue[list[Dataset] | BaseException] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                chunk = list(itertools.islice(it, size))
                ready.put(chunk)
                if not chunk:
                    return
        except BaseException as e:  # handed to the consumer, which raises it
            ready.put(e)

    reader = threading.Thread(target=read, name="terracube-add-read-ahead", daemon=True)
    reader.start()
    try:
        while True:
            item = ready.get()
            if isinstance(item, BaseException):
                raise item
            if not item:
                return
            yield item
    finally:
        stop.set()
        while reader.is_alive():  # unblock a reader waiting to hand over a chunk
            with contextlib.suppress(queue.Empty):
                ready.get(timeout=0.01)
        reader.join()
