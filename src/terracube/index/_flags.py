"""Capability flags of an index and the refusals that name them."""

from __future__ import annotations

from typing import Final, NoReturn

from terracube.errors import UnsupportedError

__all__ = ["FLAGS", "FLAG_REQUIRES", "refuse"]

#: Every capability flag an index declares, all False unless the driver says otherwise.
FLAGS: Final = (
    "supports_legacy",
    "supports_eo3",
    "supports_nongeo",
    "supports_vector",
    "supports_write",
    "supports_persistence",
    "supports_transactions",
    "supports_spatial_indexes",
    "supports_users",
    "supports_lineage",
    "supports_external_lineage",
    "supports_external_home",
)

#: A flag that is True needs these flags True as well.
FLAG_REQUIRES: Final[dict[str, tuple[str, ...]]] = {
    "supports_persistence": ("supports_write",),
    "supports_transactions": ("supports_write",),
    "supports_users": ("supports_persistence",),
    "supports_external_lineage": ("supports_lineage",),
    "supports_external_home": ("supports_external_lineage",),
}


def refuse(driver: str, flag: str, what: str) -> NoReturn:
    """Raise :class:`UnsupportedError` for an operation a driver does not support."""
    raise UnsupportedError(
        f"the {driver!r} index driver cannot {what}: it has {flag}=False; "
        "use an index driver that supports it (e.g. sqlite or postgis)"
    )
