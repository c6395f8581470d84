"""What S3AIO and S3LIO share: the byte store beneath, a codec, and how they pickle and close."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from terracube.errors import StorageRequestError
from terracube.storage.s3._codecs import Codec, codec_from_spec
from terracube.storage.s3.byteio import S3IO

if TYPE_CHECKING:
    import os
    from concurrent.futures import Executor

    from terracube.storage.s3.config import S3Config

__all__ = ["DEFAULT_MERGE_GAP", "OnByteStore", "as_store"]

#: Runs closer than this many bytes are fetched in one request (1 MiB).
DEFAULT_MERGE_GAP = 1024 * 1024


def as_store(store: S3IO | S3Config | str | os.PathLike[str] | None, executor: Executor | Any | None) -> S3IO:
    """An S3IO from an S3IO, a config, a location or None (the environment)."""
    if isinstance(store, S3IO):
        if executor is not None:
            raise StorageRequestError("pass executor to the S3IO, not to a layer built on it")
        return store
    return S3IO(store, executor=executor)


class OnByteStore:
    """A layer over an :class:`S3IO`: holds the store, a codec and a merge gap; picklable."""

    def __init__(
        self,
        store: S3IO | S3Config | str | os.PathLike[str] | None = None,
        *,
        codec: Codec | str | None = None,
        executor: Executor | Any | None = None,
        merge_gap: int = DEFAULT_MERGE_GAP,
    ) -> None:
        self._s3io = as_store(store, executor)
        self._codec = codec_from_spec(codec)
        self._merge_gap = int(merge_gap)

    def __getstate__(self) -> dict[str, Any]:
        return {"s3io": self._s3io, "codec": self._codec, "merge_gap": self._merge_gap}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._s3io = state["s3io"]
        self._codec = state["codec"]
        self._merge_gap = state["merge_gap"]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._s3io!r}, codec={self._codec.name!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying S3IO."""
        self._s3io.close()

    @property
    def s3io(self) -> S3IO:
        """The byte store beneath."""
        return self._s3io

    @property
    def codec(self) -> Codec:
        """How new objects are encoded (S3LIO reads use the codec each array's header records)."""
        return self._codec
