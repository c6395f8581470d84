"""Dataset document files read and validated, in worker processes when there are many.

Reading YAML and validating eo3 documents are most of the work of ``dataset add`` and
``dataset update``; writing to the index is the rest. With many files, worker processes read
and validate chunks of files while this process writes what they send back. Their results are
taken in the order of the files, so the datasets, the batches they are written in and the
failures reported (and where ``--on-error stop`` stops) are those of reading the files one by
one in this process, which is what happens with few files or ``--workers 0``.
"""

from __future__ import annotations

import gc
import itertools
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import TerracubeError
from terracube.index._workers import (
    AUTO_WORKERS_FROM,
    WorkerPool,
    default_workers,
    validate_into,
    worker_products,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from terracube.cli._files import Failures
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Product

__all__ = ["AUTO_WORKERS_FROM", "CHUNK_FILES", "DocumentReader", "default_workers", "read_chunk"]

#: Files a worker reads and validates in one task: validation and the rows derived for the
#: index go a chunk at a time (one lon/lat transform per CRS, vectorised geometry), and below a
#: few hundred documents the fixed cost per chunk shows.
CHUNK_FILES: Final = 256

#: What a worker sends back per file: its label, an error message or None, and per document
#: its label and ``("ok", shipped dataset)``, ``("error", message)`` or ``("doc", uri, doc)``
#: (a document of a product the worker does not know: this process validates it). A shipped
#: dataset carries its stored JSON and the row an index stores beside it, so this process
#: neither pickles a document's objects nor derives the row again.
FileResult = tuple[str, str | None, list[tuple[str, tuple[Any, ...]]]]


# --- what a worker does (and this process, without workers) ---------------------------------------


def read_chunk(paths: list[str], products: dict[str, Product], *, ship: bool = True) -> list[FileResult]:
    """Read and validate the documents of some files (see :data:`FileResult`).

    Without ``ship`` (read in the process that writes), a valid document's item is
    ``("dataset", dataset)``, not to be pickled.
    """
    from terracube.model import read_documents
    from terracube.model.fields import get_path

    out: list[FileResult] = []
    todo: list[tuple[list[tuple[str, tuple[Any, ...]]], int, dict[str, Any], Product, str, str]] = []
    was_enabled = gc.isenabled()
    gc.disable()  # documents hold no cycles; collecting while building them costs a lot
    try:
        for path in paths:
            docs: list[tuple[str, tuple[Any, ...]]] = []
            try:
                found = list(read_documents(path))
            except (TerracubeError, ValueError) as e:  # ValueError: not UTF-8 text
                out.append((path, str(e), docs))
                continue
            for uri, doc in found:
                _, sep, fragment = uri.partition("#")
                label = f"{path}#{fragment}" if sep else path
                name = get_path(doc, ("product", "name"))
                product = products.get(name) if isinstance(name, str) else None
                if product is None:
                    docs.append((label, ("doc", uri, doc)))
                else:
                    todo.append((docs, len(docs), doc, product, uri, label))
                    docs.append((label, ()))
            out.append((path, None, docs))
        if todo:
            validate_into(todo, ship=ship)
    finally:
        if was_enabled:
            gc.enable()
    return out


def _work(paths: list[str]) -> list[FileResult]:
    return read_chunk(paths, worker_products())


# --- this process ---------------------------------------------------------------------------------


class DocumentReader:
    """Reads and validates the dataset documents of files; iterate for ``(label, dataset)``.

    Bad files and documents go to ``failures`` (which may stop the run by raising
    :class:`~terracube.cli._files.StopRun`), in the order of the files. Use it as a context
    manager: leaving it stops the workers.

    Parameters
    ----------
    index
        Validates documents of products not in the index at the start (their error names the
        products there).
    files
        The files, in order (an iterator is read as it goes).
    workers
        Worker processes; 0 or 1: none; None: :func:`default_workers` when there are more than
        :data:`AUTO_WORKERS_FROM` files, else none.
    on_file
        Called after each file's documents.
    """

    def __init__(
        self,
        index: AbstractIndex,
        files: Iterable[str],
        failures: Failures,
        *,
        workers: int | None = None,
        on_file: Callable[[], None] | None = None,
    ) -> None:
        self.index = index
        self.failures = failures
        self.on_file = on_file
        self.products = {p.name: p for p in index.products.get_all()}
        it = iter(files)
        if workers is None:
            head = list(itertools.islice(it, AUTO_WORKERS_FROM + 1))
            workers = default_workers() if len(head) > AUTO_WORKERS_FROM else 0
            it = itertools.chain(head, it)
        self._chunks = _chunks(it, CHUNK_FILES)
        self.workers = workers if workers > 1 else 0
        self._pool: WorkerPool | None = None
        if self.workers:
            self._pool = WorkerPool(self.workers, self.products)

    def __enter__(self) -> DocumentReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (tasks not started are dropped; running ones are let finish)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()

    def __iter__(self) -> Iterator[tuple[str, Dataset]]:
        for results in self._results():
            yield from self._deliver(results)

    def _results(self) -> Iterator[list[FileResult]]:
        pool = self._pool
        if pool is None:
            for chunk in self._chunks:
                yield read_chunk(chunk, self.products, ship=False)
            return
        yield from pool.map(_work, self._chunks)

    def _deliver(self, results: list[FileResult]) -> Iterator[tuple[str, Dataset]]:
        from terracube.model import Dataset

        report = self.failures.report
        for path, error, docs in results:
            if error is not None:
                report(path, error)
            for label, item in docs:
                kind = item[0]
                if kind == "ok":
                    shipped = item[1]
                    yield label, Dataset._unshipped(shipped, self.products[shipped[1]])
                elif kind == "dataset":
                    yield label, item[1]
                elif kind == "error":
                    report(label, item[1])
                else:
                    try:
                        ds = self.index.datasets.from_doc(item[2], uri=item[1], where=label)
                    except TerracubeError as e:
                        report(label, e)
                        continue
                    yield label, ds
            if self.on_file is not None:
                self.on_file()


def _chunks(files: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(files, size)):
        yield chunk
