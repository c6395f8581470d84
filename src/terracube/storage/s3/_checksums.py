"""Checksums of stored objects: a CRC32C per block, recorded when an object is written.

Every object S3IO writes carries a record of its size, a block size and the CRC32C of each
block: S3 user metadata (``x-amz-meta-tc-crc32c``) on an S3 endpoint, an extended attribute
(``user.terracube.crc32c``) on local disk. The record travels with the object: a write
replaces both at once, and every GET answer carries the record of the version it serves.

A read verifies every block it returns. A ranged read is widened to the blocks it touches
(:meth:`Checksums.cover`), so a range is verified without reading the whole object. Blocks
are 64 KiB, or larger for objects over 16 MiB so that no object has more than 256 blocks
(S3 allows 2 KB of user metadata).

CRC32C comes from the ``crc32c`` package: hardware instructions where the CPU has them, any
buffer without a copy, and the GIL released, so parallel reads verify in parallel.
"""

from __future__ import annotations

import base64
import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from terracube.errors import StorageIntegrityError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "MIN_BLOCK",
    "RECORD_KEY",
    "XATTR",
    "ChecksumMismatch",
    "Checksums",
    "block_size_for",
    "crc32c",
    "record_from",
    "widen",
]

_log = logging.getLogger("terracube.storage.s3")

#: Name of the record in an object's S3 user metadata (sent as ``x-amz-meta-tc-crc32c``).
RECORD_KEY = "tc-crc32c"
#: Extended attribute holding the record of a file on local disk.
XATTR = "user.terracube.crc32c"
#: Smallest block (64 KiB); larger objects get larger blocks.
MIN_BLOCK = 64 * 1024
#: Most blocks one object has, so the record fits S3's 2 KB of user metadata.
MAX_BLOCKS = 256
_VERSION = "1"

_crc: Callable[..., int] | None = None


def crc32c(data: Any) -> int:
    """The CRC32C (Castagnoli) of a buffer.

    Examples
    --------
    >>> hex(crc32c(b"123456789"))
    '0xe3069283'
    """
    global _crc
    if _crc is None:
        from crc32c import crc32c as impl

        _crc = impl
    return _crc(data)


def block_size_for(size: int) -> int:
    """The block size S3IO uses for an object of `size` bytes.

    Examples
    --------
    >>> block_size_for(1000), block_size_for(16 * 2**20), block_size_for(2**30) // 2**20
    (65536, 65536, 4)
    """
    block = MIN_BLOCK
    while block * MAX_BLOCKS < size:
        block *= 2
    return block


def widen(start: int, stop: int, block: int, size: int | None = None) -> tuple[int, int]:
    """``[start, stop)`` widened to whole blocks of `block` bytes (clipped to `size` when known).

    Examples
    --------
    >>> widen(70_000, 70_010, 65536)
    (65536, 131072)
    >>> widen(70_000, 70_010, 65536, 100_000)
    (65536, 100000)
    """
    lo = start - start % block
    hi = -(-stop // block) * block
    if size is not None:
        hi = min(hi, max(size, stop))
    return lo, hi


class ChecksumMismatch(StorageIntegrityError):
    """Bytes read differ from their recorded checksum (worth reading again: the wire may be at fault)."""


@dataclass(frozen=True, slots=True)
class Checksums:
    """The CRC32C of each `block`-byte block of an object of `size` bytes.

    Examples
    --------
    >>> record = Checksums.of(memoryview(b"x" * 100_000))
    >>> record.block, len(record.crcs)
    (65536, 2)
    >>> Checksums.from_text(record.to_text(), what="x") == record
    True
    """

    size: int
    """Object size in bytes."""
    block: int
    """Block size in bytes (the last block may be shorter)."""
    crcs: tuple[int, ...]
    """CRC32C of each block, in order (none for an empty object)."""

    @classmethod
    def of(cls, data: memoryview) -> Checksums:
        """The record of `data`, as it will be stored."""
        view = data.cast("B") if data.format != "B" or data.ndim != 1 else data
        size = view.nbytes
        block = block_size_for(size)
        return cls(size, block, tuple(crc32c(view[lo : lo + block]) for lo in range(0, size, block)))

    def to_text(self) -> str:
        """The stored form: ``1;<size>;<block>;<base64 of big-endian CRCs>`` (ASCII)."""
        packed = base64.b64encode(np.asarray(self.crcs, dtype=">u4").tobytes()).decode("ascii")
        return f"{_VERSION};{self.size};{self.block};{packed}"

    @classmethod
    def from_text(cls, text: str | bytes, *, what: str) -> Checksums:
        """Read the stored form.

        Raises
        ------
        StorageIntegrityError
            When the record is damaged or of an unknown version.
        """
        try:
            if isinstance(text, bytes):
                text = text.decode("ascii")
            version, size_text, block_text, packed = text.strip().split(";")
            if version != _VERSION:
                raise ValueError(f"unknown record version {version!r}")
            size, block = int(size_text), int(block_text)
            raw = base64.b64decode(packed.encode("ascii"), validate=True)
            crcs = tuple(int(c) for c in np.frombuffer(raw, dtype=">u4"))
            if size < 0 or block < 1 or len(crcs) != -(-size // block):
                raise ValueError(f"{len(crcs)} checksums for {size} bytes in blocks of {block}")
        except (ValueError, UnicodeError) as exc:
            raise StorageIntegrityError(
                f"{what} has a damaged checksum record ({exc}); write the object again"
            ) from exc
        return cls(size, block, crcs)

    def cover(self, start: int, stop: int) -> tuple[int, int]:
        """The blocks holding bytes ``[start, stop)``, as a byte range within the object."""
        return widen(start, stop, self.block, self.size)

    def verify(self, data: Any, start: int, *, what: str) -> None:
        """Check the whole blocks `data` holds, `data` being the object's bytes from `start` on.

        Parameters
        ----------
        data
            A buffer starting at a block boundary and ending at one or at the object's end.
        start
            Offset of `data` in the object.
        what
            Names the object in the error (``object bucket/key at S3 endpoint ...``).

        Raises
        ------
        StorageIntegrityError
            When a block's CRC32C differs from the record (:class:`ChecksumMismatch`).
        """
        block = self.block
        mismatch = None
        # every view is released before raising: a traceback must not pin a memory map
        with memoryview(data) as outer, outer.cast("B") as view:
            n = view.nbytes
            if start % block or (n % block and start + n != self.size) or start + n > self.size:
                raise StorageIntegrityError(
                    f"internal: bytes [{start}, {start + n}) of {what} are not whole checksum blocks of {block}"
                )
            first = start // block
            for i, lo in enumerate(range(0, n, block)):
                with view[lo : lo + block] as piece:
                    got = crc32c(piece)
                if got != self.crcs[first + i]:
                    mismatch = (start + lo, got, self.crcs[first + i])
                    break
        if mismatch is not None:
            a, got, want = mismatch
            b = min(a + block, self.size)
            raise ChecksumMismatch(
                f"{what}: bytes [{a}, {b}) do not match the CRC32C recorded when the object was "
                f"written (read {got:08x}, recorded {want:08x}); the object or the connection is "
                "damaging data: write the object again if reading again does not help"
            )

    def check_size(self, size: int, *, what: str) -> None:
        """Raise StorageIntegrityError when the object's `size` is not the recorded one."""
        if size != self.size:
            raise ChecksumMismatch(
                f"{what} holds {size} bytes but its checksum record says {self.size}; the object was "
                "truncated or changed without its record: write it again"
            )


def record_from(text: str | bytes | None, *, what: str, required: bool) -> Checksums | None:
    """The record of an object from its stored form, or None for an object written without one.

    Raises
    ------
    StorageIntegrityError
        When the record is damaged, or missing while `required`.
    """
    if text is None:
        if required:
            raise StorageIntegrityError(
                f"{what} has no checksum record (it was written by another tool or an older "
                "terracube), and this store requires one (S3Config.require_checksums); write it "
                "again with S3IO"
            )
        return None
    try:
        return _parse(text)
    except StorageIntegrityError:
        return Checksums.from_text(text, what=what)  # again, for a message naming the object


@functools.lru_cache(maxsize=1024)
def _parse(text: str | bytes) -> Checksums:
    """Records parsed once: every read of an object brings the same record again."""
    return Checksums.from_text(text, what="an object")


def metadata_text(attributes: Mapping[str, Any]) -> str | None:
    """The record's text among an object's attributes (obstore lower-cases no names)."""
    value = attributes.get(RECORD_KEY)
    if value is None:
        for name, candidate in attributes.items():
            if name.lower() == RECORD_KEY:
                return str(candidate)
    return None if value is None else str(value)
