"""The Dask worker plugin that applies :func:`~terracube.storage.access.configure_s3_access` on workers."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from terracube.storage.access import set_s3_access_options

__all__ = ["S3AccessPlugin"]


class S3AccessPlugin(WorkerPlugin):
    """Sets a worker's process-wide S3 storage options when it starts (and on registration)."""

    def __init__(self, options: dict[str, str]) -> None:
        self.options = dict(options)

    def setup(self, worker: Any) -> None:
        """Apply the options in the worker's process."""
        set_s3_access_options(self.options)
