"""What a PostgreSQL database holds: terracube's index, ODC's, both, or neither.

terracube's ``postgis`` driver keeps its index in a schema with a ``tc_meta`` table (``terracube``
unless configured). ODC 1.8 and 1.9 keep theirs in schema ``agdc`` (ODC's ``postgres`` driver)
and ODC 1.9's ``postgis`` driver in schema ``odc``, versioned by Alembic. Drivers look here
before they open a database, so that none of them mistakes another's index for its own, and
each can say what it found instead.

Only the system catalogs are read (``pg_namespace``, ``pg_class``, ``pg_attribute``), which
every user may read, plus the two version tables where they exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "AGDC_SCHEMA",
    "ODC_POSTGIS_REVISIONS",
    "ODC_SCHEMA",
    "FoundIndex",
    "describe_found",
    "find_indexes",
    "survey",
]

Kind = Literal["terracube", "odc_postgres", "odc_postgis"]

#: The schema of ODC's ``postgres`` index driver (ODC 1.8 and 1.9).
AGDC_SCHEMA: Final = "agdc"
#: The schema of ODC 1.9's ``postgis`` index driver.
ODC_SCHEMA: Final = "odc"

#: Alembic revisions of ODC 1.9's postgis schema, oldest first, and what each changed.
ODC_POSTGIS_REVISIONS: Final = {
    "48fb71ece268": "initial revision (locations in table odc.location)",
    "18afe14f2816": "updated columns",
    "610f32dca3cb": "archived and added indexed",
    "d27eed82e1f6": "one location per dataset (columns of odc.dataset)",
    "01fa1abedd6d": "ownerships and permissions",
}

#: Tables and columns the read-only drivers read, per ODC schema. ``updated`` columns
#: (ODC 1.8.3 and later) are optional and so not listed.
_AGDC_NEEDS: Final = {
    "metadata_type": ("id", "name", "definition"),
    "dataset_type": ("id", "name", "metadata_type_ref", "definition"),
    "dataset": ("id", "metadata_type_ref", "dataset_type_ref", "metadata", "archived", "added"),
    "dataset_location": ("dataset_ref", "uri_scheme", "uri_body", "added", "archived"),
    "dataset_source": ("dataset_ref", "classifier", "source_dataset_ref"),
}
_ODC_NEEDS: Final = {
    "metadata_type": ("id", "name", "definition"),
    "product": ("id", "name", "metadata_type_ref", "definition"),
    "dataset": ("id", "metadata_type_ref", "product_ref", "metadata", "archived", "added"),
    "dataset_lineage": ("derived_dataset_ref", "source_dataset_ref", "classifier"),
    "dataset_home": ("dataset_ref", "home"),
    "alembic_version": ("version_num",),
}

_NAMES: Final[dict[Kind, str]] = {
    "terracube": "a terracube index",
    "odc_postgres": "an ODC index of ODC's postgres driver",
    "odc_postgis": "an ODC index of ODC's postgis driver",
}


@dataclass(frozen=True, slots=True)
class FoundIndex:
    """An index found in a database."""

    kind: Kind
    """``terracube``, ``odc_postgres`` (schema ``agdc``) or ``odc_postgis`` (schema ``odc``)."""
    schema: str
    """The PostgreSQL schema holding it."""
    version: str
    """terracube's schema version, ``1.8/1.9`` for ``agdc``, or the Alembic revision of ``odc``."""
    problem: str = ""
    """Why terracube cannot read it (an ODC version it does not handle); empty when it can."""
    locations_table: bool = False
    """``odc`` only: locations are in table ``odc.location`` (revisions before ``d27eed82e1f6``)."""
    has_updated: bool = False
    """Whether its tables have ODC's ``updated`` column (ODC 1.8.3 and later)."""

    @property
    def readable(self) -> bool:
        """Whether terracube can read it."""
        return not self.problem

    def describe(self) -> str:
        """A phrase naming what was found, e.g. ``an ODC index of ODC's postgres driver (schema 'agdc')``."""
        what = f"{_NAMES[self.kind]} (schema {self.schema!r}"
        if self.kind == "terracube":
            what += f", version {self.version}"
        elif self.kind == "odc_postgis":
            what += f", revision {self.version}"
        return what + ")"


def describe_found(found: list[FoundIndex]) -> str:
    """``"it holds X"``, ``"it holds X and Y"`` or ``"it holds no terracube or ODC index"``."""
    if not found:
        return "it holds no terracube or ODC index"
    return "it holds " + " and ".join(f.describe() for f in found)


def find_indexes(conn: psycopg.Connection) -> list[FoundIndex]:
    """Every terracube or ODC index in the database ``conn`` is connected to.

    terracube indexes come first (one per schema with a ``tc_meta`` table), then ODC's.
    """
    columns: dict[tuple[str, str], set[str]] = {}
    rows = conn.execute(
        "SELECT n.nspname, c.relname, a.attname FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE c.relkind IN ('r', 'p') AND (n.nspname IN (%s, %s) OR c.relname = 'tc_meta')",
        (AGDC_SCHEMA, ODC_SCHEMA),
    ).fetchall()
    for schema, table, column in rows:
        columns.setdefault((schema, table), set()).add(column)
    found: list[FoundIndex] = []
    for schema in sorted({s for s, t in columns if t == "tc_meta"}):
        found.append(FoundIndex("terracube", schema, _terracube_version(conn, schema)))
    if any(s == AGDC_SCHEMA for s, _ in columns):
        found.append(_agdc(columns))
    if any(s == ODC_SCHEMA for s, _ in columns):
        found.append(_odc(conn, columns))
    return found


def _terracube_version(conn: psycopg.Connection, schema: str) -> str:
    try:
        row = conn.execute(f"SELECT value FROM \"{schema}\".tc_meta WHERE key = 'schema_version'").fetchone()
    except Exception:  # not readable by this user: the table's presence says enough
        conn.rollback()
        return "unknown"
    return "unknown" if row is None else str(row[0])


def _missing(
    columns: dict[tuple[str, str], set[str]], schema: str, needs: dict[str, tuple[str, ...]]
) -> list[str]:
    out = []
    for table, cols in needs.items():
        have = columns.get((schema, table))
        if have is None:
            out.append(f"table {schema}.{table}")
        else:
            out.extend(f"column {schema}.{table}.{c}" for c in cols if c not in have)
    return out


def _agdc(columns: dict[tuple[str, str], set[str]]) -> FoundIndex:
    missing = _missing(columns, AGDC_SCHEMA, _AGDC_NEEDS)
    problem = ""
    if missing:
        problem = (
            f"schema {AGDC_SCHEMA!r} lacks {', '.join(missing)}: it is not the schema of ODC 1.8 or 1.9, "
            "the versions terracube reads; upgrade it with ODC 1.8 or 1.9 (`datacube system init`) first"
        )
    updated = "updated" in columns.get((AGDC_SCHEMA, "dataset"), set())
    return FoundIndex("odc_postgres", AGDC_SCHEMA, "1.8/1.9", problem, has_updated=updated)


def _odc(conn: psycopg.Connection, columns: dict[tuple[str, str], set[str]]) -> FoundIndex:
    missing = _missing(columns, ODC_SCHEMA, _ODC_NEEDS)
    if missing:
        return FoundIndex(
            "odc_postgis",
            ODC_SCHEMA,
            "unknown",
            f"schema {ODC_SCHEMA!r} lacks {', '.join(missing)}: it is not the schema of ODC 1.9's postgis "
            "driver, which terracube reads",
        )
    try:
        rows = conn.execute(f"SELECT version_num FROM {ODC_SCHEMA}.alembic_version").fetchall()
    except Exception:  # no privilege: reading the index's tables will say so
        conn.rollback()
        rows = None
    revisions = sorted(str(r[0]) for r in rows or ())
    revision = ",".join(revisions) or "unknown"
    problem = ""
    if rows is not None and (len(revisions) != 1 or revisions[0] not in ODC_POSTGIS_REVISIONS):
        known = ", ".join(ODC_POSTGIS_REVISIONS)
        problem = (
            f"schema {ODC_SCHEMA!r} is at Alembic revision {revision!r}, which this terracube does not "
            f"know: it reads the revisions of ODC 1.9 ({known}); a newer ODC wrote it, so use a newer "
            "terracube"
        )
    dataset = columns.get((ODC_SCHEMA, "dataset"), set())
    located = {"uri_scheme", "uri_body"} <= dataset
    if not problem and not located and (ODC_SCHEMA, "location") not in columns:
        problem = f"schema {ODC_SCHEMA!r} has neither locations in odc.dataset nor a table odc.location"
    return FoundIndex(
        "odc_postgis",
        ODC_SCHEMA,
        revision,
        problem,
        locations_table=not located,
        has_updated="updated" in dataset,
    )


def survey(db_url: str) -> list[FoundIndex]:
    """:func:`find_indexes` of the database a ``postgresql://`` URL names (a connection of its own).

    Raises
    ------
    ConfigError
        The URL is not a PostgreSQL URL or the database cannot be reached.
    """
    import psycopg

    from terracube.cfg._urls import redact_url
    from terracube.errors import ConfigError

    scheme, sep, rest = db_url.partition("://")
    if not sep or scheme.lower() not in (
        "postgresql",
        "postgres",
        "postgresql+psycopg",
        "postgresql+psycopg2",
    ):
        raise ConfigError(f"not a PostgreSQL URL: {redact_url(db_url)!r}")
    try:
        with psycopg.connect("postgresql://" + rest, autocommit=True) as conn:
            return find_indexes(conn)
    except psycopg.Error as e:
        message = getattr(e.diag, "message_primary", None) or str(e).strip()
        raise ConfigError(f"cannot connect to {redact_url(db_url)}: {message}") from None
