"""Lineage of an ODC database, read-only.

ODC's postgres driver records sources in ``agdc.dataset_source`` (one row per derived dataset
and classifier; its foreign keys keep both sides in the index). ODC 1.9's postgis driver
records them in ``odc.dataset_lineage``, where a source need not be in the index (external
lineage), and where a source lives in ``odc.dataset_home``. Both become terracube's relations
(``classifier``, ``source_id``, ``derived_id``) and trees, as ODC records them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from terracube.index._flags import refuse
from terracube.index._lineage import AbstractLineageResource
from terracube.model import LineageDirection, LineageRelation

if TYPE_CHECKING:
    import uuid
    from collections.abc import Iterator, Mapping, Sequence

    from terracube.index.odcdb._index import OdcIndex

__all__ = ["Lineage"]

Pair = tuple["uuid.UUID", "uuid.UUID"]


class Lineage(AbstractLineageResource):
    """``index.lineage`` of an ODC database (read-only)."""

    _index: OdcIndex

    def _sql(self) -> tuple[str, str, str]:
        return self._index._layout.lineage

    def _relations_of(self, ids: Sequence[uuid.UUID], direction: LineageDirection) -> list[LineageRelation]:
        table, derived, source = self._sql()
        col = derived if direction is LineageDirection.SOURCES else source
        rows = self._index._db.run(
            f"SELECT classifier, {source}, {derived} FROM {table} WHERE {col} = ANY(%s)", (list(ids),)
        )
        return [LineageRelation(c, s, d) for c, s, d in rows]

    def _existing(self, pairs: Sequence[Pair]) -> dict[Pair, str]:
        table, derived, source = self._sql()
        rows = self._index._db.run(
            f"SELECT l.{source}, l.{derived}, l.classifier FROM {table} l "
            f"JOIN unnest(%s::uuid[], %s::uuid[]) AS p(s, d) ON l.{derived} = p.d AND l.{source} = p.s",
            ([s for s, _ in pairs], [d for _, d in pairs]),
        )
        return {(s, d): c for s, d, c in rows}

    def _iter_relations(self, batch_size: int) -> Iterator[LineageRelation]:
        table, derived, source = self._sql()
        for rows in self._index._db.batches(f"SELECT classifier, {source}, {derived} FROM {table}"):
            for c, s, d in rows:
                yield LineageRelation(c, s, d)

    def _has_homes(self) -> bool:
        if not self._index.supports_external_home:
            return False
        row = self._index._db.run(
            f"SELECT EXISTS (SELECT 1 FROM {self._index._layout.schema}.dataset_home)"
        ).fetchone()
        return bool(row and row[0])

    def _get_homes(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not self._index.supports_external_home:
            return {}
        rows = self._index._db.run(
            f"SELECT dataset_ref, home FROM {self._index._layout.schema}.dataset_home "
            "WHERE dataset_ref = ANY(%s)",
            (list(ids),),
        )
        return dict(rows.fetchall())

    # --- writing: refused -----------------------------------------------------------------------

    def _insert(self, relations: Sequence[LineageRelation]) -> None:
        refuse(self._index.driver_name, "supports_write", "record lineage")

    def _update(self, relations: Sequence[LineageRelation]) -> None:
        refuse(self._index.driver_name, "supports_write", "record lineage")

    def _delete(self, pairs: Sequence[Pair]) -> None:
        refuse(self._index.driver_name, "supports_write", "remove lineage")

    def _set_homes(self, homes: Mapping[uuid.UUID, str]) -> None:
        refuse(self._index.driver_name, "supports_write", "record dataset homes")

    def _clear_homes(self, ids: Sequence[uuid.UUID]) -> None:
        refuse(self._index.driver_name, "supports_write", "clear dataset homes")
