"""Lineage of a PostGIS index: relations and homes in two tables, walked level by level.

Either side of a relation may be missing from the index (external lineage). A tree is read one
level per query (``= ANY`` over the level's ids), each dataset expanded once, so it stays linear
where many lineage paths meet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.index._lineage import AbstractLineageResource
from terracube.model.lineage import LineageDirection, LineageRelation

if TYPE_CHECKING:
    import uuid
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from terracube.index.postgis._driver import PostgisIndex

__all__ = ["Lineage"]

Pair = tuple["uuid.UUID", "uuid.UUID"]


def _same(key: uuid.UUID) -> uuid.UUID:
    return key


class Lineage(AbstractLineageResource):
    """``index.lineage`` of a PostGIS index."""

    _index: PostgisIndex

    def _relations_of(self, ids: Sequence[uuid.UUID], direction: LineageDirection) -> list[LineageRelation]:
        col = "derived_id" if direction is LineageDirection.SOURCES else "source_id"
        rows = self._index._db.run(
            f"SELECT classifier, source_id, derived_id FROM dataset_lineage WHERE {col} = ANY(%s)",
            (list(ids),),
        )
        return [LineageRelation(c, s, d) for c, s, d in rows]

    def _key(self, id_: uuid.UUID) -> Any:
        return id_

    def _id_from_key(self) -> Callable[[Any], uuid.UUID]:
        return _same

    def _edges(
        self, root: Any, direction: LineageDirection, max_depth: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """Level by level, each dataset expanded once (docstring inherited)."""
        near, far = (
            ("derived_id", "source_id")
            if direction is LineageDirection.SOURCES
            else ("source_id", "derived_id")
        )
        db = self._index._db
        out: list[tuple[str, Any, Any]] = []
        seen = {root}
        frontier = [root]
        depth = 0
        while frontier and not (max_depth and depth >= max_depth):
            rows = db.run(
                f"SELECT classifier, {near}, {far} FROM dataset_lineage WHERE {near} = ANY(%s)",
                (frontier,),
            ).fetchall()
            out += rows
            frontier = []
            for r in rows:
                child = r[2]
                if child not in seen:
                    seen.add(child)
                    frontier.append(child)
            depth += 1
        return out

    def _existing(self, pairs: Sequence[Pair]) -> dict[Pair, str]:
        rows = self._index._db.run(
            "SELECT l.source_id, l.derived_id, l.classifier FROM dataset_lineage l "
            "JOIN unnest(%s::uuid[], %s::uuid[]) AS p(s, d) ON l.derived_id = p.d AND l.source_id = p.s",
            ([s for s, _ in pairs], [d for _, d in pairs]),
        )
        return {(s, d): c for s, d, c in rows}

    def _insert(self, relations: Sequence[LineageRelation]) -> None:
        # A concurrent writer may have recorded the same relation meanwhile: keep one.
        self._index._db.run(
            "INSERT INTO dataset_lineage (derived_id, source_id, classifier) "
            "SELECT * FROM unnest(%s::uuid[], %s::uuid[], %s::text[]) ON CONFLICT DO NOTHING",
            (
                [r.derived_id for r in relations],
                [r.source_id for r in relations],
                [r.classifier for r in relations],
            ),
        )

    def _update(self, relations: Sequence[LineageRelation]) -> None:
        self._index._db.run(
            "UPDATE dataset_lineage l SET classifier = u.c "
            "FROM unnest(%s::uuid[], %s::uuid[], %s::text[]) AS u(d, s, c) "
            "WHERE l.derived_id = u.d AND l.source_id = u.s",
            (
                [r.derived_id for r in relations],
                [r.source_id for r in relations],
                [r.classifier for r in relations],
            ),
        )

    def _delete(self, pairs: Sequence[Pair]) -> None:
        self._index._db.run(
            "DELETE FROM dataset_lineage l USING unnest(%s::uuid[], %s::uuid[]) AS u(d, s) "
            "WHERE l.derived_id = u.d AND l.source_id = u.s",
            ([d for _, d in pairs], [s for s, _ in pairs]),
        )

    def _iter_relations(self, batch_size: int) -> Iterator[LineageRelation]:
        idx = self._index
        sql = "SELECT classifier, source_id, derived_id FROM dataset_lineage"
        for rows in idx._db.batches(sql, (), in_transaction=idx.in_transaction):
            for c, s, d in rows:
                yield LineageRelation(c, s, d)

    def _has_homes(self) -> bool:
        return bool(self._index._db.one("SELECT EXISTS (SELECT 1 FROM dataset_home)")[0])

    def _get_homes(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        rows = self._index._db.run(
            "SELECT dataset_id, home FROM dataset_home WHERE dataset_id = ANY(%s)", (list(ids),)
        )
        return dict(rows.fetchall())

    def _set_homes(self, homes: Mapping[uuid.UUID, str]) -> None:
        self._index._db.run(
            "INSERT INTO dataset_home (dataset_id, home) SELECT * FROM unnest(%s::uuid[], %s::text[]) "
            "ON CONFLICT (dataset_id) DO UPDATE SET home = excluded.home",
            (list(homes), list(homes.values())),
        )

    def _clear_homes(self, ids: Sequence[uuid.UUID]) -> None:
        self._index._db.run("DELETE FROM dataset_home WHERE dataset_id = ANY(%s)", (list(ids),))
