"""The SQL of the two ODC schemas: where things live, and the candidate filters of a search.

ODC's ``postgres`` driver (schema ``agdc``) and ODC 1.9's ``postgis`` driver (schema ``odc``)
hold the same records in differently named tables, which :class:`Layout` names.

Searches answer with terracube's semantics (``docs/index.md``), decided exactly in Python on
each candidate. The SQL only narrows the candidates, through ODC's own indexes, and must never
drop a dataset terracube would match, so its filters are wider than the query:

* ``time``: ODC's stored time ranges are compared with the query widened by a day either side
  (ODC's postgres driver reads a time's UTC offset as if the time were UTC; its postgis
  driver reads the end of a tz-aware time so).
* space: ODC's lon/lat extents (``agdc``: the ``lat``/``lon`` fields, as ODC's GiST indexes hold
  them; ``odc``: the ``spatial_4326`` table) are compared with the query's boxes widened by
  :data:`SPATIAL_MARGIN`, plus the boxes shifted by 360 degrees near the antimeridian, where
  ODC stores longitudes beyond 180. A query reaching towards a pole compares longitudes only:
  ODC's extent of a footprint round a pole need not reach the pole.

The ``agdc`` time and lat/lon expressions are written exactly as ODC writes those of its
per-product indexes (partial on ``archived IS NULL`` and the product id), so PostgreSQL uses them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from terracube.index._databases import AGDC_SCHEMA

if TYPE_CHECKING:
    from terracube.index._databases import FoundIndex
    from terracube.index.query import ProductQuery, SpatialFilter
    from terracube.model import SearchField

__all__ = ["SPATIAL_MARGIN", "TIME_MARGIN", "Layout", "candidates_sql"]

#: How far (degrees) the SQL widens a query's boxes beyond the exact test's region.
SPATIAL_MARGIN: Final = 0.02
#: How far the SQL widens a query's time range.
TIME_MARGIN: Final = dt.timedelta(days=1)
#: A query reaching beyond this latitude compares longitudes only (footprints round a pole).
_POLAR: Final = 60.0
#: A query this close (degrees) to the antimeridian also tries its boxes shifted by 360.
_NEAR_ANTIMERIDIAN: Final = 20.0


@dataclass(frozen=True, slots=True)
class Layout:
    """Where an ODC schema keeps each kind of record."""

    kind: str
    """``odc_postgres`` or ``odc_postgis``."""
    schema: str
    """``agdc`` or ``odc``."""
    locations_table: str | None
    """The table of locations (several per dataset), or None: one per dataset, in its row."""
    has_updated: bool
    """Whether the tables have ODC's ``updated`` column."""

    @classmethod
    def of(cls, found: FoundIndex) -> Layout:
        """The layout of a schema :func:`~terracube.index._databases.find_indexes` found."""
        if found.kind == "odc_postgres":
            return cls(found.kind, found.schema, f"{found.schema}.dataset_location", found.has_updated)
        table = f"{found.schema}.location" if found.locations_table else None
        return cls(found.kind, found.schema, table, found.has_updated)

    @property
    def agdc(self) -> bool:
        """Whether this is ODC's postgres driver schema."""
        return self.schema == AGDC_SCHEMA

    @property
    def product_table(self) -> str:
        """The products table."""
        return f"{self.schema}.dataset_type" if self.agdc else f"{self.schema}.product"

    @property
    def product_ref(self) -> str:
        """The column of a dataset naming its product."""
        return "dataset_type_ref" if self.agdc else "product_ref"

    @property
    def lineage(self) -> tuple[str, str, str]:
        """(table, derived dataset column, source dataset column) of lineage relations."""
        if self.agdc:
            return f"{self.schema}.dataset_source", "dataset_ref", "source_dataset_ref"
        return f"{self.schema}.dataset_lineage", "derived_dataset_ref", "source_dataset_ref"

    def uri_sql(self, d: str = "d") -> str:
        """The dataset's location: its newest active one where ODC keeps several (ODC's ``uri``)."""
        if self.locations_table is None:
            return f"({d}.uri_scheme || ':' || {d}.uri_body)"
        return (
            f"(SELECT l.uri_scheme || ':' || l.uri_body FROM {self.locations_table} l "
            f"WHERE l.dataset_ref = {d}.id AND l.archived IS NULL ORDER BY l.added DESC, l.id DESC LIMIT 1)"
        )

    def select_sql(self) -> str:
        """SELECT of a dataset row: id, product id, document, location, archived, added."""
        return (
            f"SELECT d.id, d.{self.product_ref}, d.metadata, {self.uri_sql()}, d.archived, d.added "
            f"FROM {self.schema}.dataset d"
        )

    def archived_sql(self, archived: bool | None) -> str:
        """The condition of ``archived=False|True|None``."""
        if archived is None:
            return "true"
        return "d.archived IS NOT NULL" if archived else "d.archived IS NULL"


# --- candidate filters ----------------------------------------------------------------------------


def _path(offset: tuple[str | int, ...]) -> str:
    """A jsonb path literal as ODC's index definitions write it: ``'{properties,datetime}'::text[]``."""
    parts = []
    for p in offset:
        s = str(p)
        if not s or any(c in s for c in ',{}"\\ ') or s.upper() == "NULL":
            s = '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
        parts.append(s)
    text = "{" + ",".join(parts) + "}"
    return "'" + text.replace("'", "''") + "'::text[]"


def _bounds(schema: str, offsets: tuple[tuple[str | int, ...], ...], greatest: bool, ts: bool) -> str:
    """ODC's SQL for the lower (LEAST) or upper (GREATEST) end of a range field."""
    if ts:
        values = [f"{schema}.common_timestamp((d.metadata #>> {_path(o)}))" for o in offsets]
    else:
        values = [f"((d.metadata #>> {_path(o)}))::double precision" for o in offsets]
    if len(values) == 1:
        return values[0]
    return f"{'GREATEST' if greatest else 'LEAST'}({', '.join(values)})"


def agdc_range_sql(schema: str, field: SearchField) -> str | None:
    """The range expression ODC's postgres driver indexes for a ``*-range`` field, or None."""
    if not field.min_offsets or not field.max_offsets:
        return None
    if field.value_type == "datetime":
        lo = _bounds(schema, field.min_offsets, False, True)
        hi = _bounds(schema, field.max_offsets, True, True)
        return f"tstzrange({lo}, {hi}, '[]'::text)"
    if field.value_type == "numeric":
        lo = _bounds(schema, field.min_offsets, False, False)
        hi = _bounds(schema, field.max_offsets, True, False)
        return f"{schema}.float8range({lo}, {hi}, '[]'::text)"
    return None


def _time_range(pq: ProductQuery) -> tuple[dt.datetime | None, dt.datetime | None] | None:
    """The query's range on the ``time`` field, widened by :data:`TIME_MARGIN`; None if it has none."""
    from terracube.index.query import Between

    for e in pq.expressions:
        if isinstance(e, Between) and e.field.name == "time" and e.field.value_type == "datetime":
            lo, hi = e.range.begin, e.range.end
            if lo is None and hi is None:
                return None
            return (
                None if lo is None else lo - TIME_MARGIN,
                None if hi is None else hi + TIME_MARGIN,
            )
    return None


def _boxes(spatial: SpatialFilter) -> tuple[list[tuple[float, float]], tuple[float, float] | None]:
    """Longitude intervals (with shifted copies) and the latitude interval (None: don't compare)."""
    m = SPATIAL_MARGIN
    lons: list[tuple[float, float]] = []
    south, north = 90.0, -90.0
    for west, s, east, n in spatial.boxes:
        lons.append((west - m, east + m))
        if west < -180 + _NEAR_ANTIMERIDIAN or east > 180 - _NEAR_ANTIMERIDIAN:
            lons.append((west + 360 - m, east + 360 + m))
            lons.append((west - 360 - m, east - 360 + m))
        south, north = min(south, s), max(north, n)
    lat = None if south < -_POLAR or north > _POLAR else (south - m, north + m)
    return lons, lat


def _lit(v: float) -> str:
    return repr(float(v))


def candidates_sql(
    layout: Layout, pq: ProductQuery, product_id: int, archived: bool | None
) -> tuple[str, str, list[Any]]:
    """JOINs, WHERE conditions and their parameters of the candidates of one product's query.

    ``odc``: the time and the footprint are joined in from ODC's tables (one row per dataset
    each), as ODC's own search does, so PostgreSQL may start from either index.
    """
    conds = [f"d.{layout.product_ref} = {int(product_id)}", layout.archived_sql(archived)]
    joins: list[str] = []
    params: list[Any] = []
    fields = pq.product.metadata_type.search_fields
    time = _time_range(pq)
    if layout.agdc:
        if time is not None and "time" in fields:
            expr = agdc_range_sql(layout.schema, fields["time"])
            if expr is not None:
                conds.append(f"{expr} && tstzrange(%s, %s, '[]')")
                params += [time[0], time[1]]
        if pq.spatial is not None:
            lons, lat = _boxes(pq.spatial)
            lat_f, lon_f = fields.get("lat"), fields.get("lon")
            lat_sql = agdc_range_sql(layout.schema, lat_f) if lat_f is not None else None
            lon_sql = agdc_range_sql(layout.schema, lon_f) if lon_f is not None else None
            rng = f"{layout.schema}.float8range"
            if lon_sql is not None:
                conds.append(
                    "("
                    + " OR ".join(f"{lon_sql} && {rng}({_lit(a)}, {_lit(b)}, '[]')" for a, b in lons)
                    + ")"
                )
            if lat_sql is not None and lat is not None:
                conds.append(f"{lat_sql} && {rng}({_lit(lat[0])}, {_lit(lat[1])}, '[]')")
        return "", " AND ".join(conds), params
    if time is not None and "time" in fields:
        joins.append(
            f"JOIN {layout.schema}.dataset_search_datetime t ON t.dataset_ref = d.id AND t.search_key = 'time'"
        )
        conds.append("t.search_val && tstzrange(%s, %s, '[]')")
        params += [time[0], time[1]]
    if pq.spatial is not None:
        lons, lat = _boxes(pq.spatial)
        s, n = lat if lat is not None else (-90.0, 90.0)
        joins.append(f"JOIN {layout.schema}.spatial_4326 s ON s.dataset_ref = d.id")
        conds.append(
            "("
            + " OR ".join(
                f"s.extent && ST_MakeEnvelope({_lit(a)}, {_lit(s)}, {_lit(b)}, {_lit(n)}, 4326)"
                for a, b in lons
            )
            + ")"
        )
    return " ".join(joins), " AND ".join(conds), params
