"""Where parallel work runs: a thread pool by default, or a ``dask.distributed`` client.

obstore and file reads release the GIL, so threads give real parallelism on one machine; a
Dask client spreads the same tasks over a cluster. Either way :meth:`Runner.run` waits for
every task and raises one ExceptionGroup naming each task that failed.
"""

from __future__ import annotations

import threading
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["Runner", "is_dask_client"]

T = TypeVar("T")


def is_dask_client(executor: object) -> bool:
    """True for a ``distributed.Client`` (checked without importing distributed)."""
    return type(executor).__module__.startswith("distributed") and hasattr(executor, "gather")


class Runner:
    """Runs tasks on a pool: its own threads, a given Executor, or a dask.distributed client.

    Parameters
    ----------
    executor
        None for a private thread pool of `max_workers` threads (made on first use), a
        ``concurrent.futures.Executor``, or a ``distributed.Client``.
    max_workers
        Size of the private pool.
    """

    def __init__(self, executor: Executor | Any | None = None, max_workers: int = 32) -> None:
        if executor is not None and not (isinstance(executor, Executor) or is_dask_client(executor)):
            raise TypeError(
                f"executor must be a concurrent.futures.Executor or a distributed.Client, got {executor!r}"
            )
        self._executor = executor
        self._max_workers = max_workers
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def shares_memory(self) -> bool:
        """True when tasks run in this process and may write into a shared output array."""
        return not is_dask_client(self._executor)

    @property
    def is_distributed(self) -> bool:
        """True when tasks run on a dask.distributed cluster."""
        return is_dask_client(self._executor)

    def _threads(self) -> Executor:
        if self._executor is not None:
            return self._executor
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._max_workers, thread_name_prefix="terracube-s3")
            return self._pool

    def run(
        self,
        fn: Callable[..., T],
        args: Sequence[tuple[Any, ...]],
        *,
        names: Sequence[str],
        what: str,
    ) -> list[T]:
        """Run ``fn(*a)`` for each tuple in `args` and return the results in order.

        Parameters
        ----------
        fn
            The task; for a Dask client it and its arguments must pickle.
        args
            One argument tuple per task.
        names
            One name per task (an object key), used in the error.
        what
            The operation, for the error message.

        Returns
        -------
        list
            The results, in the order of `args`.

        Raises
        ------
        ExceptionGroup
            After every task has finished, if any failed; its message names each failing
            task and it holds one exception per failure (each with a note naming its task).
        """
        if not args:
            return []
        futures_or_results: list[Any]
        if len(args) == 1 and self._executor is None:
            try:
                return [fn(*args[0])]
            except Exception as exc:
                _raise_group(what, [(names[0], exc)], 1)
        if is_dask_client(self._executor):
            client = self._executor
            futures_or_results = [
                client.submit(fn, *a, pure=False, key=f"terracube-{_slug(n)}-{i}-{id(args)}")  # type: ignore[union-attr]
                for i, (a, n) in enumerate(zip(args, names, strict=True))
            ]
        else:
            pool = self._threads()
            futures_or_results = [pool.submit(fn, *a) for a in args]
        results: list[Any] = []
        failures: list[tuple[str, BaseException]] = []
        for name, future in zip(names, futures_or_results, strict=True):
            try:
                results.append(future.result())
            except Exception as exc:
                failures.append((name, exc))
                results.append(None)
        if failures:
            _raise_group(what, failures, len(args))
        return results

    def close(self) -> None:
        """Shut the private pool down (a given executor or client is left alone)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)[-80:]


def _raise_group(what: str, failures: list[tuple[str, BaseException]], total: int) -> NoReturn:
    errors = []
    for name, exc in failures:
        if isinstance(exc, Exception):
            exc.add_note(f"while {what}: {name}")
            errors.append(exc)
    shown = ", ".join(repr(n) for n, _ in failures[:20])
    more = f" and {len(failures) - 20} more" if len(failures) > 20 else ""
    raise ExceptionGroup(f"{what}: {len(failures)} of {total} failed: {shown}{more}", errors)
