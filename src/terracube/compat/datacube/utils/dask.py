"""``datacube.utils.dask``: :func:`start_local_dask`, a Dask cluster on this machine."""

from __future__ import annotations

from typing import Any

__all__ = ["start_local_dask"]


def start_local_dask(
    n_workers: int = 1,
    threads_per_worker: int | None = None,
    mem_safety_margin: int | str | None = None,
    memory_limit: int | str | None = "auto",
    **kw: Any,
) -> Any:
    """Start a ``distributed.LocalCluster`` and return a ``distributed.Client`` connected to it.

    Parameters
    ----------
    n_workers
        Worker processes (1).
    threads_per_worker
        Threads per worker (default: the cores, shared among the workers).
    mem_safety_margin
        Memory to leave to everything else (bytes, or ``"2GB"``...): the workers share the
        machine's total memory minus this margin. Only with ``memory_limit="auto"``.
    memory_limit
        Memory per worker (bytes or ``"4GB"``), or ``"auto"``: an equal share.
    **kw
        Passed to ``LocalCluster`` (``processes=False``, ``dashboard_address=None``...).

    Returns
    -------
    distributed.Client
        Close it (and its cluster) with ``client.close(); client.cluster.close()``.
    """
    from dask.utils import parse_bytes
    from distributed import Client, LocalCluster

    if memory_limit == "auto" and mem_safety_margin is not None:
        import psutil

        margin = parse_bytes(mem_safety_margin) if isinstance(mem_safety_margin, str) else mem_safety_margin
        memory_limit = max(0, psutil.virtual_memory().total - margin) // n_workers
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=n_workers, threads_per_worker=threads_per_worker, memory_limit=memory_limit, **kw
    )
    return Client(cluster)  # type: ignore[no-untyped-call]
