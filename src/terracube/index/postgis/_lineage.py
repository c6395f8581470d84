"""Lineage of a PostGIS index: relations and homes in two tables.

Either side of a relation may be missing from the index (external lineage). A tree is read in
one recursive query that keeps each relation once, so it stays linear where many lineage paths
meet, and returns raw 16-byte ids in binary form. Cycle checks walk level by level (``= ANY``
over the level's ids).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from terracube.index._lineage import ByteKeysLineageResource
from terracube.index._shared import uuid_from_bytes
from terracube.model.lineage import LineageDirection, LineageRelation

if TYPE_CHECKING:
    import uuid
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from terracube.index.postgis._driver import PostgisIndex

__all__ = ["Lineage"]

Pair = tuple["uuid.UUID", "uuid.UUID"]

#: The columns of the side nearer the root and of the far side, by direction.
_WALK: Final = {
    LineageDirection.SOURCES: ("derived_id", "source_id"),
    LineageDirection.DERIVED: ("source_id", "derived_id"),
}

# Relations one step from a node of the walk. The planner cannot know how many rows a step of
# a recursive query has, and a freshly filled table has no statistics: it may then scan the
# whole table at every step. A lateral subquery kept apart by OFFSET 0 looks each node up in
# the index instead, which costs what the tree costs, whatever the size of the table.
_STEP: Final = "SELECT classifier, {near}, {far} FROM dataset_lineage WHERE {near} = w.child OFFSET 0"

#: Relations reachable from a root, each once: (classifier, parent, child) with 16-byte ids.
_WALK_ALL: Final = f"""
WITH RECURSIVE walk (classifier, parent, child) AS (
    SELECT NULL::text, NULL::uuid, %s::uuid
  UNION
    SELECT l.* FROM walk w CROSS JOIN LATERAL ({_STEP}) l
)
SELECT classifier, uuid_send(parent), uuid_send(child) FROM walk WHERE parent IS NOT NULL
"""

#: The same within a number of steps.
_WALK_TO_DEPTH: Final = f"""
WITH RECURSIVE walk (classifier, parent, child, depth) AS (
    SELECT NULL::text, NULL::uuid, %s::uuid, 0
  UNION
    SELECT l.*, w.depth + 1 FROM walk w CROSS JOIN LATERAL ({_STEP}) l WHERE w.depth < %s
)
SELECT DISTINCT classifier, uuid_send(parent), uuid_send(child) FROM walk WHERE parent IS NOT NULL
"""


class Lineage(ByteKeysLineageResource):
    """``index.lineage`` of a PostGIS index."""

    _index: PostgisIndex

    def _relations_of(self, ids: Sequence[uuid.UUID], direction: LineageDirection) -> list[LineageRelation]:
        col = "derived_id" if direction is LineageDirection.SOURCES else "source_id"
        rows = self._index._db.run(
            f"SELECT classifier, source_id, derived_id FROM dataset_lineage WHERE {col} = ANY(%s)",
            (list(ids),),
        )
        return [LineageRelation(c, s, d) for c, s, d in rows]

    def _edges(
        self, root: Any, direction: LineageDirection, max_depth: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """One recursive query returning 16-byte ids, in binary (docstring inherited).

        ``UNION`` keeps each relation once, so a dataset reached along many paths is expanded
        once per relation leading to it, never once per path. With a depth limit a relation
        may be reached at several depths (at most ``max_depth`` times); ``DISTINCT`` keeps one.
        Rows come level by level, which lets the tree be built children first without sorting.
        """
        near, far = _WALK[direction]
        if max_depth:
            sql = _WALK_TO_DEPTH.format(near=near, far=far)
            params: tuple[Any, ...] = (uuid_from_bytes(root), max_depth)
        else:
            sql = _WALK_ALL.format(near=near, far=far)
            params = (uuid_from_bytes(root),)
        return self._index._db.run(sql, params, binary=True).fetchall()

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
