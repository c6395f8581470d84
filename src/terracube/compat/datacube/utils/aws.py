"""``datacube.utils.aws``: :func:`configure_s3_access` (:mod:`terracube.storage.access`)."""

from __future__ import annotations

from terracube.storage.access import S3Credentials, configure_s3_access

__all__ = ["S3Credentials", "configure_s3_access"]
