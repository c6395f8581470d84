"""``datacube.utils.rio``: where older ODC kept :func:`configure_s3_access`."""

from __future__ import annotations

from terracube.storage.access import configure_s3_access

__all__ = ["configure_s3_access"]
