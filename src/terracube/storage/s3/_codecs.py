"""Chunk codecs: raw bytes, or one zstd frame with its content size and checksum.

zstd frames are written with their content checksum (XXH64 of the decoded bytes), which the
decoder checks, so a damaged frame never decodes to wrong values; frames written without it
(older terracube) still decode.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from terracube.errors import StorageError, StorageIntegrityError, StorageRequestError

__all__ = ["Codec", "codec_from_spec"]

_local = threading.local()


@dataclass(frozen=True, slots=True)
class Codec:
    """How an array's bytes are stored: ``raw`` or ``zstd`` at a level.

    Examples
    --------
    >>> Codec("zstd", 3).to_json()
    {'name': 'zstd', 'level': 3}
    >>> codec_from_spec(None)
    Codec(name='raw', level=0)
    """

    name: str = "raw"
    """``raw`` (uncompressed C-order bytes) or ``zstd``."""
    level: int = 0
    """Compression level (zstd: 1-22, 3 by default); 0 for raw."""

    def __post_init__(self) -> None:
        if self.name not in ("raw", "zstd"):
            raise StorageRequestError(f"unknown codec {self.name!r}: use 'raw' or 'zstd'")
        if self.name == "zstd" and not 1 <= self.level <= 22:
            raise StorageRequestError(f"zstd level must be within 1..22, got {self.level!r}")

    @property
    def is_raw(self) -> bool:
        """True for uncompressed bytes, which allow ranged reads inside an object."""
        return self.name == "raw"

    def to_json(self) -> dict[str, Any]:
        """The header form."""
        return {"name": self.name, "level": self.level}

    def encode(self, data: memoryview) -> memoryview:
        """Encode C-order bytes."""
        if self.is_raw:
            return data
        compressors = _cache("compressors")
        compressor = compressors.get(self.level)
        if compressor is None:
            import zstandard

            compressor = compressors[self.level] = zstandard.ZstdCompressor(
                level=self.level, write_content_size=True, write_checksum=True
            )
        return memoryview(compressor.compress(data))

    def decode_into(self, data: Any, out: memoryview, *, what: str) -> None:
        """Decode `data` into `out`, which must receive exactly ``len(out)`` bytes.

        Raises
        ------
        StorageIntegrityError
            When a zstd frame fails its content checksum (a damaged object).
        StorageError
            When the stored bytes do not decode to the expected size (wrong codec, dtype or
            shape, or a damaged object); `what` names the object in the message.
        """
        src = memoryview(data).cast("B")
        if self.is_raw:
            if src.nbytes != out.nbytes:
                raise StorageError(
                    f"{what} holds {src.nbytes} bytes but {out.nbytes} were expected; "
                    "check its shape, dtype and codec"
                )
            out[:] = src
            return
        import zstandard

        decompressors = _cache("decompressors")
        decompressor = decompressors.get(0)
        if decompressor is None:
            decompressor = decompressors[0] = zstandard.ZstdDecompressor()
        try:
            size = zstandard.frame_content_size(src)
            if size != out.nbytes:
                raise StorageError(
                    f"{what} decompresses to {size} bytes but {out.nbytes} were expected; "
                    "check its shape, dtype and codec"
                )
            with decompressor.stream_reader(src) as reader:
                filled = 0
                while filled < out.nbytes:
                    n = reader.readinto(out[filled:])
                    if not n:
                        break
                    filled += n
                # read to the end of the frame, where the decoder checks the content checksum
                trailing = reader.read(1) if filled == out.nbytes else b""
        except zstandard.ZstdError as exc:
            if "checksum" in str(exc):
                raise StorageIntegrityError(
                    f"{what} is damaged: its zstd frame fails its content checksum ({exc}); write it again"
                ) from exc
            raise StorageError(f"{what} is not a valid zstd frame ({exc}); check its codec") from exc
        if trailing:
            raise StorageError(f"{what} decodes to more than the {out.nbytes} bytes its frame header states")
        if filled != out.nbytes:
            raise StorageError(f"{what} decoded to {filled} bytes, {out.nbytes} expected")


def _cache(name: str) -> dict[int, Any]:
    cache: dict[int, Any] | None = getattr(_local, name, None)
    if cache is None:
        cache = {}
        setattr(_local, name, cache)
    return cache


def codec_from_spec(spec: Codec | str | dict[str, Any] | None) -> Codec:
    """A codec from loose input: None or ``"raw"``, ``"zstd"`` (level 3), a header dict, a Codec."""
    if spec is None:
        return Codec()
    if isinstance(spec, Codec):
        return spec
    if isinstance(spec, str):
        return Codec(spec, 3 if spec == "zstd" else 0)
    if isinstance(spec, dict):
        name = spec.get("name", "raw")
        return Codec(name, int(spec.get("level", 3 if name == "zstd" else 0)))
    raise StorageRequestError(f"cannot make a codec from {spec!r}: use None, 'raw', 'zstd' or a Codec")
