"""The ``s3aio`` reader and writer drivers: bands as labelled chunked arrays on S3 or local disk.

The writer stores each band of an ``xarray.Dataset`` as one :class:`~terracube.storage.s3.S3LIO`
array ``(time, y, x)``: one object per chunk plus a JSON header. A storage unit is a folder of
those arrays (``s3://bucket/prefix/unit/`` or ``file:///data/cube/unit/``). The header (shape,
chunk shape, dtype, codec, key scheme, fill value, coordinates) is copied into each dataset
document as ``driver_data.<band>``, so the reader needs nothing but the document: it fetches
no header and reads only the chunks, and inside uncompressed chunks only the bytes, that a
window needs.

Local disk needs neither obstore nor zstandard (the ``s3`` extra): the local store uses plain
files and the default codec is ``raw``. S3, and the ``zstd`` codec, need the extra.
"""

from __future__ import annotations

from terracube.storage.s3aio._read import S3AIODataSource, S3AIOReader, S3AIOReaderDriver
from terracube.storage.s3aio._write import DEFAULT_CHUNKS, S3AIOWriterDriver

__all__ = [
    "DEFAULT_CHUNKS",
    "S3AIODataSource",
    "S3AIOReader",
    "S3AIOReaderDriver",
    "S3AIOWriterDriver",
    "reader_driver_init",
    "writer_driver_init",
]


def reader_driver_init() -> S3AIOReaderDriver:
    """Entry point of ``terracube.plugins.io.read``: the ``s3aio`` reader."""
    return S3AIOReaderDriver()


def writer_driver_init() -> S3AIOWriterDriver:
    """Entry point of ``terracube.plugins.io.write``: the ``s3aio`` writer."""
    return S3AIOWriterDriver()
