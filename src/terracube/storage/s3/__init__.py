"""The S3 array store: bytes (:class:`S3IO`), one array per object (:class:`S3AIO`) and
labelled chunked arrays (:class:`S3LIO`), on any S3 endpoint or on local disk.

Import order, bottom up: ``config``; the private helpers (``_retry``, ``_errors``,
``_checksums``, ``_ranges``, ``_selection``, ``_codecs``, ``_parallel``, ``_client``, the
backends); ``byteio`` (S3IO); ``arrayio`` (S3AIO); ``labelled`` (S3LIO). Importing this package
loads neither obstore, botocore, crc32c, zstandard nor dask: they are imported by the calls
that use them.
"""

from __future__ import annotations

from terracube.storage.s3.arrayio import S3AIO
from terracube.storage.s3.byteio import S3IO
from terracube.storage.s3.config import S3Config
from terracube.storage.s3.labelled import S3LIO

__all__ = ["S3AIO", "S3IO", "S3LIO", "S3Config"]
