"""STAC Items read, converted and validated in worker processes while this process writes them.

:meth:`StacReader.units <terracube.stac.StacReader.units>` leaves the Items' lines and files
unread; workers read chunks of them, convert each Item to an eo3 document and validate it
against its product (:mod:`terracube.index._workers`). Whatever a worker cannot finish alone
comes back to be done here exactly as without workers: an Item of a product the index does not
hold yet (this process makes the product), a Catalog or Collection, an unreadable file or a bad
Item (read again here, so that its error is the one reported without workers).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import TerracubeError
from terracube.index._workers import WorkerPool, validate_into, worker_products
from terracube.stac.import_ import block_lines

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from terracube.model import Dataset, Product
    from terracube.stac.import_ import StacReader, StacToDatasets

__all__ = ["CHUNK_UNITS", "parallel_datasets"]

#: Lines or files a worker reads in one task.
CHUNK_UNITS: Final = 256


def _convert(task: tuple[list[tuple[Any, ...]], str | None]) -> list[tuple[Any, ...]]:
    """In a worker: the results of a chunk of units, in order.

    Each is ``("ok", label, shipped dataset)``, ``("obj", label, object, uri, path)`` (for this
    process to do; ``path``: the file whose links it follows, else None) or ``("unit", unit)``
    (to read again here).
    """
    from terracube.index._shared import gc_paused
    from terracube.stac.import_ import StacReader

    with gc_paused():  # documents hold no cycles; collecting while building them costs a lot
        return _convert_chunk(StacReader(), *task)


def _convert_chunk(
    reader: StacReader, units: list[tuple[Any, ...]], product_name: str | None
) -> list[tuple[Any, ...]]:
    products = worker_products()  # the reader raises: a unit that fails goes back whole
    out: list[Any] = []
    todo: list[Any] = []
    items: dict[int, tuple[str, dict[str, Any], str]] = {}
    for unit in _lines(units):
        # links are followed in the process that knows which files were read already
        path = (unit[3] if unit[0] == "line" else unit[1]) if unit[-1] else None
        if unit[0] == "block":  # unreadable here: read it again there, to say why
            out.append(("unit", unit))
            continue
        try:
            found = list(reader.resolve((*unit[:-1], False)))
        except (TerracubeError, OSError, ValueError):
            out.append(("unit", unit))
            continue
        for label, obj, uri in found:
            if not isinstance(obj, dict) or obj.get("type") != "Feature":
                out.append(("obj", label, obj, uri, path))
                continue
            try:
                doc, location = _item_to_eo3(obj, label, product_name, uri)
            except TerracubeError:
                out.append(("obj", label, obj, uri, None))
                continue
            product = products.get(doc["product"]["name"])
            if product is None:
                out.append(("obj", label, obj, uri, None))
                continue
            items[len(out)] = (label, obj, uri)
            todo.append((out, len(out), doc, product, location, label))
            out.append(None)
    if todo:
        validate_into(todo, ship=True)
    for i, (label, obj, uri) in items.items():
        kind, payload = out[i][1]
        out[i] = ("ok", label, payload) if kind == "ok" else ("obj", label, obj, uri, None)
    return out


def _lines(units: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The units, each block of lines as its lines (a block that cannot be read as itself)."""
    for unit in units:
        if unit[0] == "block":
            try:
                yield from block_lines(unit)
                continue
            except OSError:
                pass
        yield unit


def _item_to_eo3(
    item: dict[str, Any], label: str, product: str | None, uri: str
) -> tuple[dict[str, Any], str | None]:
    from terracube.stac._mapping import item_to_eo3

    return item_to_eo3(item, where=label, product=product, self_href=uri)


def parallel_datasets(
    reader: StacReader,
    convert: StacToDatasets,
    units: Iterable[tuple[Any, ...]],
    workers: int,
    on_error: Callable[[str, Exception], None] | None,
) -> Iterator[tuple[str, Dataset]]:
    """``(label, dataset)`` for every Item of ``units``, in order, read by ``workers`` processes.

    What the workers send back unfinished is done here by ``convert`` (and ``reader``), so the
    datasets, the products made and the errors reported are those of doing everything here.
    """
    from terracube.model import Dataset

    known: dict[str, Product] = {p.name: p for p in convert.index.products.get_all()}
    with WorkerPool(workers, known) as pool:
        for results in pool.map(_convert, _tasks(iter(units), convert.product), local=_is_local):
            if results and results[0] == "obj":  # read here already (a catalog the links go through)
                results = [(*results, None)]
            for r in results:
                kind = r[0]
                if kind == "ok":
                    _, label, shipped = r
                    name = shipped[1]
                    yield label, Dataset._unshipped(shipped, known.get(name) or convert.product_named(name))
                else:
                    if kind == "unit":
                        here: Iterable[tuple[str, dict[str, Any], str]] = reader.resolve(r[1])
                    else:
                        _, label, obj, uri, path = r
                        here = [(label, obj, uri)]
                        if path is not None:
                            here = itertools.chain(here, reader.follow(path, obj))
                    yield from convert(here, on_error=on_error)
                    pool.learn(convert.saved_products())


def _is_local(task: Any) -> bool:
    return bool(task[0] == "obj")


def _tasks(units: Iterator[tuple[Any, ...]], product: str | None) -> Iterator[Any]:
    """Chunks of units for the workers; an object read here already is a task of its own, done here."""
    run: list[tuple[Any, ...]] = []
    for u in units:
        if u[0] == "obj":
            if run:
                yield run, product
                run = []
            yield u
        elif u[0] == "block":  # a few hundred Items: a task of its own
            if run:
                yield run, product
                run = []
            yield [u], product
        else:
            run.append(u)
            if len(run) >= CHUNK_UNITS:
                yield run, product
                run = []
    if run:
        yield run, product
