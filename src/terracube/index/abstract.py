"""The index API (EP-13's clean form): drivers, indexes and their resources.

A driver package provides an :class:`AbstractIndexDriver` whose one abstract method,
:meth:`~AbstractIndexDriver.index_class`, names its :class:`AbstractIndex` subclass. The index
declares every ``supports_*`` flag, and its resources implement a small core; searches,
counts, updates and cloning are shared here.

Resource base classes live in private modules and are re-exported from this one.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

from terracube.index._datasets import (
    NATIVE_FIELDS,
    AbstractDatasetResource,
    BatchStatus,
    DatasetTuple,
)
from terracube.index._flags import FLAG_REQUIRES, FLAGS, refuse
from terracube.index._lineage import AbstractLineageResource, NoLineageResource
from terracube.index._metadata_types import AbstractMetadataTypeResource
from terracube.index._products import AbstractProductResource
from terracube.index._transaction import Transaction
from terracube.index._users import ROLES, AbstractUserResource, NoUserResource

if TYPE_CHECKING:
    import uuid
    from collections.abc import Iterable, Sequence
    from typing import Self

    from terracube.cfg import Environment

__all__ = [
    "FLAGS",
    "NATIVE_FIELDS",
    "ROLES",
    "AbstractDatasetResource",
    "AbstractIndex",
    "AbstractIndexDriver",
    "AbstractLineageResource",
    "AbstractMetadataTypeResource",
    "AbstractProductResource",
    "AbstractUserResource",
    "BatchStatus",
    "DatasetTuple",
    "NoLineageResource",
    "NoUserResource",
    "ProgressCallback",
    "Transaction",
]

#: ``progress(done, total_or_None, stage)``: how long operations report progress.
ProgressCallback: TypeAlias = Callable[[int, int | None, str], None]


class AbstractIndex(ABC):
    """An index: metadata types, products and datasets, with declared capabilities.

    Every capability flag is set explicitly by each driver's index class; the defaults are
    False. An operation a driver does not support raises
    :class:`~terracube.errors.UnsupportedError` (a ``NotImplementedError``) naming the flag.
    """

    driver_name: ClassVar[str] = "abstract"

    supports_legacy: ClassVar[bool] = False
    """Accepts pre-eo3 ("legacy") dataset documents."""
    supports_eo3: ClassVar[bool] = False
    """Accepts eo3 dataset documents."""
    supports_nongeo: ClassVar[bool] = False
    """Accepts datasets without a footprint."""
    supports_vector: ClassVar[bool] = False
    """Accepts vector datasets."""
    supports_write: ClassVar[bool] = False
    """Can add, update and remove records."""
    supports_persistence: ClassVar[bool] = False
    """Keeps its contents after the process exits."""
    supports_transactions: ClassVar[bool] = False
    """``transaction()`` rolls back on error."""
    supports_spatial_indexes: ClassVar[bool] = False
    """Can add spatial indexes in other CRSs."""
    supports_users: ClassVar[bool] = False
    """Manages database users and roles."""
    supports_lineage: ClassVar[bool] = False
    """Records lineage between datasets."""
    supports_external_lineage: ClassVar[bool] = False
    """Records lineage to sources not in the index."""
    supports_external_home: ClassVar[bool] = False
    """Records which external index holds a source."""

    metadata_types: AbstractMetadataTypeResource
    products: AbstractProductResource
    datasets: AbstractDatasetResource
    lineage: AbstractLineageResource
    users: AbstractUserResource

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for flag, needs in FLAG_REQUIRES.items():
            if getattr(cls, flag):
                missing = [n for n in needs if not getattr(cls, n)]
                if missing:
                    raise TypeError(f"{cls.__name__} sets {flag}=True but not {missing}")

    def __init__(self) -> None:
        self._tx = threading.local()

    @classmethod
    @abstractmethod
    def from_environment(cls, env: Environment) -> Self:
        """Connect to the index an environment describes."""

    # --- lifecycle ----------------------------------------------------------------------------

    @abstractmethod
    def init_db(self, with_default_types: bool = True) -> bool:
        """Create (or upgrade) the index's storage; True if it was created now.

        With ``with_default_types`` the built-in metadata types are added too: ``eo3``, and the
        legacy ``eo`` and ``telemetry`` that products of existing deployments name.
        """

    @abstractmethod
    def close(self) -> None:
        """Release connections. The index must not be used afterwards."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _add_default_types(self) -> None:
        from terracube.model import default_metadata_types

        for mt in default_metadata_types():
            if self.metadata_types.get_by_name(mt.name) is None:
                self.metadata_types.add(mt)

    # --- capabilities -------------------------------------------------------------------------

    def _require(self, flag: str, what: str) -> None:
        if not getattr(self, flag):
            refuse(self.driver_name, flag, what)

    @classmethod
    def capabilities(cls) -> dict[str, bool]:
        """Every ``supports_*`` flag and its value."""
        return {f: bool(getattr(cls, f)) for f in FLAGS}

    # --- transactions -------------------------------------------------------------------------

    def _begin(self) -> None:
        """Start a transaction (drivers with ``supports_transactions``)."""
        raise NotImplementedError

    def _commit(self) -> None:
        """Commit the transaction."""
        raise NotImplementedError

    def _rollback(self) -> None:
        """Roll the transaction back."""
        raise NotImplementedError

    def transaction(self) -> Transaction:
        """A transaction grouping writes across resources: all land, or none.

        ``with index.transaction() as t:`` commits when the block ends, or rolls back if it
        raises (and the exception goes on); ``t.rollback()``, ``t.commit()`` and ``t.begin()``
        work inside the block or without one. A transaction begun while one is open on this
        thread joins it. On a driver without ``supports_transactions`` each write lands on
        its own. See :class:`~terracube.index.Transaction`.
        """
        return Transaction(self)

    def thread_transaction(self) -> Transaction | None:
        """The transaction open on this thread (the outermost one), or None."""
        outer: Transaction | None = getattr(self._tx, "outer", None)
        return outer if outer is not None and outer.active else None

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open on this thread."""
        return self.thread_transaction() is not None

    # --- spatial indexes ----------------------------------------------------------------------

    def spatial_indexes(self, refresh: bool = False) -> Iterable[Any]:
        """CRSs with a spatial index (EPSG:4326 is always searchable)."""
        from odc.geo import CRS

        return [CRS("EPSG:4326")]

    def create_spatial_index(self, crs: Any) -> bool:
        """Add a spatial index in another CRS."""
        refuse(self.driver_name, "supports_spatial_indexes", "create spatial indexes")

    def update_spatial_index(
        self,
        crs: Iterable[Any] | None = None,
        product_names: Iterable[str] | None = None,
        dataset_ids: Iterable[Any] | None = None,
    ) -> int:
        """Backfill spatial indexes; returns how many entries were written."""
        refuse(self.driver_name, "supports_spatial_indexes", "update spatial indexes")

    def drop_spatial_index(self, crs: Any) -> bool:
        """Remove a spatial index."""
        refuse(self.driver_name, "supports_spatial_indexes", "drop spatial indexes")

    # --- cloning ------------------------------------------------------------------------------

    def clone(
        self,
        source_index: AbstractIndex,
        batch_size: int = 1000,
        progress: ProgressCallback | None = None,
        *,
        products: Iterable[str] | None = None,
        on_failure: Callable[[str, str, Sequence[uuid.UUID]], None] | None = None,
    ) -> dict[str, BatchStatus]:
        """Copy every metadata type, product and dataset of another index into this one.

        Locations, archived state and index times are kept, and lineage relations and
        dataset homes when both indexes support them. Datasets are added ``batch_size`` at a
        time, each batch in one transaction; records already here with the same documents
        are skipped, so an interrupted clone can simply be run again. A metadata type already
        here under the same name is kept when it reads every search field of the source's
        alike (descriptions aside; terracube's built-in ``eo3`` and ODC's, for instance).

        Parameters
        ----------
        source_index
            The index to copy.
        batch_size
            Datasets per transaction.
        progress
            Called with (datasets done, total, ``"datasets"``) after each batch.
        products
            Copy only these products (their metadata types, datasets and the lineage of those
            datasets); default: everything.
        on_failure
            Called with (product name, reason, dataset ids) for datasets this index cannot
            hold (e.g. legacy documents in an eo3-only index); they are left out, counted as
            ``failed``, and the clone goes on.

        Returns a :class:`BatchStatus` per kind of record, as ODC's clone does:
        ``metadata_types`` and ``products`` (with the names now here as ``safe``),
        ``datasets`` (with those left out as ``failed``), and ``lineage`` and ``homes`` when
        both indexes keep them.

        Raises
        ------
        DuplicateRecordError
            A record exists here with a different document.
        ProductNotFoundError
            ``products`` names a product the source does not hold.
        """
        from terracube.index._clone import clone

        return clone(
            self,
            source_index,
            batch_size=batch_size,
            progress=progress,
            products=products,
            on_failure=on_failure,
        )


class AbstractIndexDriver:
    """A plugin that opens indexes of one kind (entry point group ``terracube.plugins.index``)."""

    name: ClassVar[str] = "abstract"
    description: ClassVar[str] = ""
    #: The :class:`AbstractIndex` subclass this driver opens (or override :meth:`index_class`).
    opens: ClassVar[type[AbstractIndex] | None] = None

    @classmethod
    def index_class(cls) -> type[AbstractIndex]:
        """The :class:`AbstractIndex` subclass this driver opens: :attr:`opens`.

        Raises
        ------
        TypeError
            The driver sets neither ``opens`` nor its own ``index_class``.
        """
        if cls.opens is None:
            raise TypeError(f"index driver {cls.__name__} sets neither `opens` nor `index_class()`")
        return cls.opens

    def connect_to_index(self, env: Environment) -> AbstractIndex:
        """Open the index an environment describes."""
        return self.index_class().from_environment(env)

    def capabilities(self) -> dict[str, bool]:
        """The index class's ``supports_*`` flags."""
        return self.index_class().capabilities()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r}: {self.description}>"
