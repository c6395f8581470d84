"""The read-only indexes over ODC's databases, and their drivers.

:class:`OdcPostgresIndex` reads ODC 1.8/1.9's ``postgres`` driver schema (``agdc``),
:class:`OdcPostgisIndex` ODC 1.9's ``postgis`` driver schema (``odc``). :meth:`OdcIndex.open`
looks at the database first and opens whichever it holds. Each checks what it finds before
reading anything: a database with terracube's own schema, with the other ODC schema, with an
ODC schema of a version it does not handle, or with nothing, is refused with one sentence
saying what is there; and a user who may not read the tables is refused when it opens.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, ClassVar

from terracube.errors import IndexNotInitialisedError
from terracube.index._databases import AGDC_SCHEMA, ODC_SCHEMA, FoundIndex, describe_found, find_indexes
from terracube.index._flags import refuse
from terracube.index._users import NoUserResource
from terracube.index.abstract import AbstractIndex, AbstractIndexDriver
from terracube.index.odcdb._catalog import Catalog, MetadataTypes, Products, Unreadable, load_catalog
from terracube.index.odcdb._datasets import Datasets
from terracube.index.odcdb._db import OdcDatabase
from terracube.index.odcdb._lineage import Lineage
from terracube.index.odcdb._sql import Layout

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Self, TypeVar

    from terracube.cfg import Environment

    T = TypeVar("T")

__all__ = [
    "OdcIndex",
    "OdcIndexDriver",
    "OdcPostgisIndex",
    "OdcPostgisIndexDriver",
    "OdcPostgresIndex",
    "OdcPostgresIndexDriver",
    "driver_init",
    "postgis_driver_init",
    "postgres_driver_init",
]

_DRIVER_OF = {"terracube": "postgis", "odc_postgres": "odc_postgres", "odc_postgis": "odc_postgis"}


def _refusal(url: str, wanted: str, found: list[FoundIndex]) -> IndexNotInitialisedError:
    """The error for a database that does not hold the ODC index asked for, saying what it holds."""
    hint = ""
    others = [f for f in found if f.kind != "terracube" and f.readable]
    if others:
        names = " or ".join(repr(_DRIVER_OF[f.kind]) for f in others)
        hint = f"; open it with the {names} (or 'odc') index driver"
    elif any(f.kind == "terracube" for f in found):
        hint = "; it is terracube's own: open it with the 'postgis' index driver"
    else:
        hint = "; check the database name, or index it with ODC first"
    return IndexNotInitialisedError(f"{url} holds no {wanted}: {describe_found(found)}{hint}")


class OdcIndex(AbstractIndex):
    """A read-only index over an ODC database (use :meth:`open`, or a subclass).

    The flags here are those both subclasses share; each subclass declares its own.

    Parameters
    ----------
    db_url
        ``postgresql://user:password@host:port/dbname`` of the ODC database.
    """

    driver_name = "odc"
    supports_legacy = False
    supports_eo3 = True
    supports_nongeo = True
    supports_vector = False
    supports_write = False
    supports_persistence = False
    supports_transactions = False
    supports_spatial_indexes = False
    supports_users = False
    supports_lineage = True
    supports_external_lineage = False
    supports_external_home = False

    #: The kind of schema a subclass reads (see :class:`~terracube.index._databases.FoundIndex`).
    kind: ClassVar[str] = ""
    #: Its schema.
    schema: ClassVar[str] = ""
    _what: ClassVar[str] = "ODC index"

    def __init__(self, db_url: str, *, found: FoundIndex | None = None) -> None:
        if not self.kind:
            raise TypeError("use OdcIndex.open(db_url), OdcPostgresIndex or OdcPostgisIndex")
        super().__init__()
        self._db = OdcDatabase(db_url, self.schema)
        self._cat: Catalog | None = None
        self._cat_lock = threading.Lock()
        try:
            self._found = found if found is not None else self._locate()
            if self._found.problem:
                raise IndexNotInitialisedError(f"{self._db.url}: {self._found.problem}")
            self._layout = Layout.of(self._found)
            self.metadata_types = MetadataTypes(self)
            self.products = Products(self)
            self.datasets = Datasets(self)
            self.lineage = Lineage(self)
            self.users = NoUserResource(self)
            self._probe()
            self._catalog()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, db_url: str) -> OdcIndex:
        """Open the ODC index a database holds, whichever of ODC's two schemas it is.

        Raises
        ------
        IndexNotInitialisedError
            The database holds no ODC index (saying what it holds), both ODC schemas (name the
            driver then), or an ODC schema of a version terracube does not read.
        PermissionDeniedError
            The user may not read the ODC index's tables.
        ConfigError
            The database cannot be reached.
        """
        probe = OdcDatabase(db_url, "public")
        try:
            found = find_indexes(probe.conn())
        finally:
            probe.close()
        odc = [f for f in found if f.kind != "terracube"]
        if not odc:
            raise _refusal(probe.url, "ODC index (ODC's postgres or postgis driver schema)", found)
        if len(odc) > 1:
            raise IndexNotInitialisedError(
                f"{probe.url} {describe_found(found).removeprefix('it ')}; say which to read: index "
                "driver 'odc_postgres' (schema agdc) or 'odc_postgis' (schema odc)"
            )
        sub: type[OdcIndex] = OdcPostgresIndex if odc[0].kind == "odc_postgres" else OdcPostgisIndex
        return sub(db_url, found=odc[0])

    @classmethod
    def from_environment(cls, env: Environment) -> Self:
        """Open the ODC index an environment's ``db_url`` names."""
        if not cls.kind:
            return cls.open(env.db_url)  # type: ignore[return-value]
        return cls(env.db_url)

    def _locate(self) -> FoundIndex:
        found = find_indexes(self._db.conn())
        for f in found:
            if f.kind == self.kind:
                return f
        raise _refusal(self._db.url, f"{self._what} (schema {self.schema!r})", found)

    def _probe(self) -> None:
        """Read a row of each table used, so that a user who may not read them is told now."""
        layout = self._layout
        tables = [
            f"{self.schema}.dataset",
            layout.product_table,
            f"{self.schema}.metadata_type",
            layout.lineage[0],
        ]
        if layout.locations_table:
            tables.append(layout.locations_table)
        if self.supports_external_home:
            tables.append(f"{self.schema}.dataset_home")
        for t in tables:
            self._db.run(f"SELECT 1 FROM {t} LIMIT 1").fetchall()

    # --- what it is -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._db.url

    @property
    def found(self) -> FoundIndex:
        """The ODC schema read (kind, schema, version)."""
        return self._found

    def describe(self) -> str:
        """What this index reads, e.g. ``an ODC index of ODC's postgres driver (schema 'agdc') in ...``."""
        return f"{self._found.describe()} in {self.url}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    @property
    def unreadable(self) -> list[Unreadable]:
        """The metadata types and products of the database that terracube cannot read."""
        return list(self._catalog().unreadable)

    def unreadable_datasets(self) -> dict[str, int]:
        """How many datasets (active and archived) each unreadable product holds, by product name."""
        cat = self._catalog()
        names = {u.name for u in cat.unreadable if u.kind == "product"}
        pids = [i for i, n in cat.product_names.items() if n in names]
        if not pids:
            return {}
        rows = self._db.run(
            f"SELECT {self._layout.product_ref}, count(*) FROM {self.schema}.dataset "
            f"WHERE {self._layout.product_ref} = ANY(%s) GROUP BY 1",
            (pids,),
        ).fetchall()
        return {cat.product_names[p]: int(n) for p, n in rows}

    def several_locations(self) -> int:
        """How many datasets have more than one active location (terracube keeps the newest)."""
        table = self._layout.locations_table
        if table is None:
            return 0
        row = self._db.run(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE archived IS NULL "
            "GROUP BY dataset_ref HAVING count(*) > 1) x"
        ).fetchone()
        return int(row[0]) if row else 0

    # --- lifecycle ------------------------------------------------------------------------------

    def init_db(self, with_default_types: bool = True) -> bool:
        """Refused: ODC's own tools create and upgrade an ODC database."""
        refuse(
            self.driver_name,
            "supports_write",
            "create or upgrade an index (ODC's `datacube system init` does)",
        )

    def close(self) -> None:
        """Close every connection this index opened."""
        self._db.close()

    # --- catalog --------------------------------------------------------------------------------

    def _catalog(self) -> Catalog:
        cat = self._cat
        if cat is None:
            cat = load_catalog(self)
            with self._cat_lock:
                self._cat = cat
        return cat

    def _lookup(self, find: Callable[[Catalog], T | None]) -> T | None:
        """Find something in the catalog; on a miss, read it again once (ODC may have added it)."""
        found = find(self._catalog())
        if found is None:
            with self._cat_lock:
                self._cat = None
            found = find(self._catalog())
        return found


class OdcPostgresIndex(OdcIndex):
    """The index of ODC 1.8/1.9's ``postgres`` driver (schema ``agdc``), read-only.

    Holds eo3 and legacy (``eo``) datasets; a dataset may have several locations there, of which
    terracube reads the newest active one (ODC's ``Dataset.uri``). Lineage is ODC's
    ``dataset_source`` table, whose sources are always datasets of the same index.
    """

    driver_name = "odc_postgres"
    kind = "odc_postgres"
    schema = AGDC_SCHEMA
    _what = "ODC index of ODC's postgres driver"
    supports_legacy = True
    supports_external_lineage = False
    supports_external_home = False


class OdcPostgisIndex(OdcIndex):
    """The index of ODC 1.9's ``postgis`` driver (schema ``odc``), read-only.

    Holds eo3 datasets only, one location each; lineage may name sources kept elsewhere
    (external lineage) and where they live (homes).
    """

    driver_name = "odc_postgis"
    kind = "odc_postgis"
    schema = ODC_SCHEMA
    _what = "ODC index of ODC's postgis driver"
    supports_legacy = False
    supports_external_lineage = True
    supports_external_home = True


class OdcIndexDriver(AbstractIndexDriver):
    """Opens an ODC database read-only, whichever of ODC's two schemas it holds."""

    name = "odc"
    description = "ODC 1.8/1.9 database, read-only (ODC's postgres or postgis schema, as found)"

    opens = OdcIndex

    def connect_to_index(self, env: Environment) -> Any:
        """Open the ODC index the environment's ``db_url`` names (the subclass found there)."""
        return OdcIndex.open(env.db_url)


class OdcPostgresIndexDriver(AbstractIndexDriver):
    """Opens the database of ODC's ``postgres`` index driver (schema ``agdc``), read-only."""

    name = "odc_postgres"
    description = "ODC 1.8/1.9 postgres driver database (schema agdc), read-only"

    opens = OdcPostgresIndex


class OdcPostgisIndexDriver(AbstractIndexDriver):
    """Opens the database of ODC 1.9's ``postgis`` index driver (schema ``odc``), read-only."""

    name = "odc_postgis"
    description = "ODC 1.9 postgis driver database (schema odc), read-only"

    opens = OdcPostgisIndex


#: Entry point of the ``odc`` index driver (a class is called with no arguments).
driver_init = OdcIndexDriver


#: Entry point of the ``odc_postgres`` index driver (a class is called with no arguments).
postgres_driver_init = OdcPostgresIndexDriver


#: Entry point of the ``odc_postgis`` index driver (a class is called with no arguments).
postgis_driver_init = OdcPostgisIndexDriver
