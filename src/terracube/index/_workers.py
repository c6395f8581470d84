"""Worker processes that read and validate documents while this process writes them to an index.

``dataset add``, ``dataset update`` and ``stac import`` spend most of their time turning files
into validated datasets (parsing, validation, the rows an index stores beside a document) and
the rest writing. :class:`WorkerPool` runs the first part in forked worker processes, task by
task, and hands the results back in the order the tasks were given, so that what the writer
does (its batches, the failures it reports, where ``--on-error stop`` stops) is what it does
when it reads everything itself.

A worker knows the products the index held when the pool started, and the ones this process
added since (sent with each task). A validated dataset comes back *shipped*
(:meth:`Dataset._shipped <terracube.model.Dataset._shipped>`: its stored JSON and its index
row), so this process neither pickles a document's objects nor derives the row again.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import TerracubeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from concurrent.futures import Future, ProcessPoolExecutor

    from terracube.model import Dataset, Product

__all__ = [
    "AUTO_WORKERS_FROM",
    "WorkerPool",
    "auto_workers",
    "default_workers",
    "fork_usable",
    "validate_into",
    "worker_products",
]

#: With the worker count left to terracube, runs of more items than this use workers.
AUTO_WORKERS_FROM: Final = 1000


def default_workers() -> int:
    """Worker processes to use: one per CPU this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def fork_usable() -> bool:
    """Whether workers can be forked from this process (cheap to start, nothing to import)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def auto_workers(workers: int | None, items: int) -> int:
    """The worker processes for a run: ``workers`` as asked (0 or 1: none), or, left to
    terracube (None), :func:`default_workers` for more than :data:`AUTO_WORKERS_FROM` items
    when workers can be forked, else none (starting them afresh costs seconds)."""
    if workers is None:
        workers = default_workers() if items > AUTO_WORKERS_FROM and fork_usable() else 0
    return workers if workers > 1 else 0


# --- in a worker ----------------------------------------------------------------------------------

_PRODUCTS: dict[str, Product] = {}


def worker_products() -> dict[str, Product]:
    """The products this worker knows, by name."""
    return _PRODUCTS


def _start_worker(products: dict[str, Product]) -> None:
    _PRODUCTS.clear()
    _PRODUCTS.update(products)
    # This process decides what an interrupt stops; a worker just ends with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":  # and ends if this process is killed
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _run(fn: Callable[[Any], Any], task: Any, added: list[Product]) -> Any:
    for p in added:
        _PRODUCTS.setdefault(p.name, p)
    return fn(task)


def validate_into(
    todo: Sequence[tuple[list[Any], int, dict[str, Any], Product, str | None, str]], *, ship: bool
) -> None:
    """Validate documents together, or one by one when one of them is bad; fill in the results.

    Each entry of ``todo`` is ``(out, i, document, product, uri, label)``: ``out[i]`` becomes
    ``(label, ("ok", shipped))`` (with ``ship``), ``(label, ("dataset", dataset))`` (without),
    or ``(label, ("error", message))``.
    """
    from terracube.model import Dataset

    try:
        datasets = Dataset.from_docs(
            [t[2] for t in todo], [t[3] for t in todo], uris=[t[4] for t in todo], wheres=[t[5] for t in todo]
        )
    except TerracubeError:
        good = []
        for out, i, doc, product, uri, label in todo:
            try:
                ds = Dataset.from_doc(doc, product, uri=uri, where=label)
            except TerracubeError as e:
                out[i] = (label, ("error", str(e)))
            else:
                good.append((out, i, label, ds))
    else:
        good = [(out, i, label, ds) for (out, i, _, _, _, label), ds in zip(todo, datasets, strict=True)]
    if ship:
        _ship(good)
    else:
        for out, i, label, ds in good:
            out[i] = (label, ("dataset", ds))


def _ship(good: list[tuple[list[Any], int, str, Dataset]]) -> None:
    """Fill in valid datasets as shipped, with the rows an index stores derived here."""
    from terracube.index._rows import shippable_rows

    try:
        rows: list[Any] = shippable_rows([g[3] for g in good])
    except TerracubeError:  # a search field the writer must report: it derives the rows itself
        rows = [None] * len(good)
    for (out, i, label, ds), row in zip(good, rows, strict=True):
        out[i] = (label, ("ok", ds._shipped(row)))


# --- in this process ------------------------------------------------------------------------------


def _preload() -> None:
    """Import what validating documents needs once here, not in each forked worker.

    odc-geo, pyproj and shapely (with numpy and, through odc-geo, dask) take about a second of
    CPU to import: once per worker that is a tenth of a millisecond per dataset over 20,000.
    """
    import odc.geo.geom  # noqa: F401
    import orjson  # noqa: F401
    import pyproj  # noqa: F401
    import shapely  # noqa: F401

    import terracube.index._rows
    import terracube.model.eo3  # noqa: F401


class WorkerPool:
    """Worker processes running tasks for this process, results taken in the tasks' order.

    Parameters
    ----------
    workers
        How many processes (at least 2: with one, do the work here).
    products
        The products the workers know from the start, by name.
    """

    def __init__(self, workers: int, products: dict[str, Product]) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self._known = set(products)
        self._added: list[Product] = []
        # Forking is fastest (the workers have everything imported) but only safe while this
        # process runs one thread; otherwise start workers afresh.
        if fork_usable():
            method = "fork"
            _preload()
        else:
            methods = multiprocessing.get_all_start_methods()
            method = "forkserver" if "forkserver" in methods else "spawn"
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(products,),
        )
        # Forked workers share this process' memory until they write to it, and a collection
        # of the cyclic garbage collector writes to every object it looks at: frozen, this
        # process' objects are never looked at there (nor copied, page by page, into each).
        gc.freeze()
        try:
            self._pool.submit(int).result()  # start the workers now, before any other thread starts
        finally:
            gc.unfreeze()

    def learn(self, products: Iterable[Product]) -> None:
        """Products added to the index since the start: tasks submitted from now on carry them."""
        for p in products:
            if p.name not in self._known:
                self._known.add(p.name)
                self._added.append(p)

    def map(
        self, fn: Callable[[Any], Any], tasks: Iterable[Any], *, local: Callable[[Any], bool] | None = None
    ) -> Iterator[Any]:
        """``fn(task)`` for every task, run in the workers, in the tasks' order.

        ``fn`` is a module-level function (it is pickled by name); in it,
        :func:`worker_products` gives the products the worker knows. A task for which
        ``local(task)`` is true is not sent: it comes back as itself, in its place, for this
        process to do. A few tasks are kept queued ahead of the one taken, enough to keep
        every worker busy.
        """
        from concurrent.futures import Future

        pool = self._pool
        if pool is None:
            raise RuntimeError("the worker pool is closed")
        window: collections.deque[Future[Any]] = collections.deque()
        ahead = 4 * self.workers + 1
        for task in tasks:
            if local is not None and local(task):
                done: Future[Any] = Future()
                done.set_result(task)
                window.append(done)
            else:
                window.append(pool.submit(_run, fn, task, list(self._added)))
            if len(window) > ahead:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    def close(self) -> None:
        """Stop the workers (tasks not started are dropped; running ones are let finish)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
