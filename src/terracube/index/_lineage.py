"""The lineage resource: relations between datasets and their sources, and where sources live.

The external lineage model: a relation records that one dataset was derived from another,
with a classifier; either side may be missing from the index. A *home* names the index that
holds a dataset kept elsewhere. Drivers with ``supports_lineage`` implement a small core
(``_relations_of``, ``_existing``, ``_insert``, ``_update``, ``_delete``, ``_iter_relations``
and the ``_homes`` trio); trees, merging, cycle checks and removal are built here. Without the
flag every method refuses, naming it.
"""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING, Any

from terracube.errors import LineageError
from terracube.index._flags import refuse
from terracube.model.lineage import LineageDirection, LineageRelation, LineageTree, check_acyclic

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence

    from terracube.index._datasets import BatchStatus
    from terracube.index.abstract import AbstractIndex

__all__ = ["AbstractLineageResource", "NoLineageResource"]

Pair = tuple[uuid.UUID, uuid.UUID]  # (source_id, derived_id)


def _uuid(v: Any) -> uuid.UUID:
    return v if isinstance(v, uuid.UUID) else uuid.UUID(str(v))


_new = object.__new__
_set = object.__setattr__


def _fast_uuid(i: int) -> uuid.UUID:
    """``uuid.UUID(int=i)`` without its argument checks: ids here come from stored UUIDs."""
    u = _new(uuid.UUID)
    _set(u, "int", i)
    _set(u, "is_safe", uuid.SafeUUID.unknown)
    return u


class AbstractLineageResource:
    """``index.lineage``: source and derived trees of datasets, relations and homes."""

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index

    # --- driver core (default: refuse) -------------------------------------------------------------

    def _refuse(self, what: str) -> Any:
        refuse(self._index.driver_name, "supports_lineage", what)

    def _relations_of(self, ids: Sequence[uuid.UUID], direction: LineageDirection) -> list[LineageRelation]:
        """Relations one step from ``ids``: where they are derived (SOURCES) or sources (DERIVED)."""
        return self._refuse("read lineage")  # type: ignore[no-any-return]

    def _existing(self, pairs: Sequence[Pair]) -> dict[Pair, str]:
        """Classifiers of the stored relations among these (source, derived) pairs."""
        return self._refuse("read lineage")  # type: ignore[no-any-return]

    def _insert(self, relations: Sequence[LineageRelation]) -> None:
        """Store new relations (their pairs are not stored yet)."""
        self._refuse("record lineage")

    def _update(self, relations: Sequence[LineageRelation]) -> None:
        """Change the classifier of stored relations."""
        self._refuse("record lineage")

    def _delete(self, pairs: Sequence[Pair]) -> None:
        """Remove stored relations."""
        self._refuse("remove lineage")

    def _iter_relations(self, batch_size: int) -> Iterator[LineageRelation]:
        """Every stored relation."""
        return self._refuse("read lineage")  # type: ignore[no-any-return]

    def _get_homes(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """Recorded homes of these datasets."""
        return self._refuse("read dataset homes")  # type: ignore[no-any-return]

    def _set_homes(self, homes: Mapping[uuid.UUID, str]) -> None:
        """Record (or replace) homes."""
        self._refuse("record dataset homes")

    def _clear_homes(self, ids: Sequence[uuid.UUID]) -> None:
        """Forget the homes of these datasets."""
        self._refuse("clear dataset homes")

    def _has_homes(self) -> bool:
        """Whether any home may be recorded (a driver answers cheaply to skip a lookup)."""
        return True

    # --- trees ----------------------------------------------------------------------------------

    def get_source_tree(self, id_: Any, max_depth: int = 0) -> LineageTree:
        """The tree of datasets ``id_`` was derived from, ``max_depth`` levels deep (0: all)."""
        return self._tree(_uuid(id_), LineageDirection.SOURCES, max_depth)

    def get_derived_tree(self, id_: Any, max_depth: int = 0) -> LineageTree:
        """The tree of datasets derived from ``id_``, ``max_depth`` levels deep (0: all)."""
        return self._tree(_uuid(id_), LineageDirection.DERIVED, max_depth)

    def _key(self, id_: uuid.UUID) -> Hashable:
        """The driver's cheap, hashable form of an id (default: its 128-bit integer)."""
        return id_.int

    def _id(self, key: Any) -> uuid.UUID:
        """The UUID of a key made by :meth:`_key` or returned by :meth:`_edges`."""
        return _fast_uuid(key)

    def _edges(
        self, root: Any, direction: LineageDirection, max_depth: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """Relations within ``max_depth`` steps of ``root`` as (classifier, source, derived) keys.

        Keys (see :meth:`_key`) hash far faster than UUIDs. The default walks one level per
        :meth:`_relations_of` call; drivers override it to work on their raw ids.
        """
        seen = {root}
        frontier = [root]
        depth = 0
        while frontier and not (max_depth and depth >= max_depth):
            rels = self._relations_of([uuid.UUID(int=i) for i in frontier], direction)
            nxt = []
            for r in rels:
                s, d = r.source_id.int, r.derived_id.int
                yield r.classifier, s, d
                child = s if direction is LineageDirection.SOURCES else d
                if child not in seen:
                    seen.add(child)
                    nxt.append(child)
            frontier = nxt
            depth += 1

    def _tree(self, root: uuid.UUID, direction: LineageDirection, max_depth: int) -> LineageTree:
        from terracube.index._datasets import _gc_paused

        self._index._require("supports_lineage", "read lineage")
        with _gc_paused():  # thousands of small nodes; no cycles among them
            return self._build_tree(root, direction, max_depth)

    def _build_tree(self, root: uuid.UUID, direction: LineageDirection, max_depth: int) -> LineageTree:
        sources = direction is LineageDirection.SOURCES
        children: dict[Any, dict[str, set[Any]]] = {}
        root_key = self._key(root)
        for classifier, s, d in self._edges(root_key, direction, max_depth):
            parent, child = (d, s) if sources else (s, d)
            children.setdefault(parent, {}).setdefault(classifier, set()).add(child)
        # Depth of each node (shortest path), to know which ones were looked up.
        depth_of = {root_key: 0}
        levels = [[root_key]]
        while levels[-1]:
            nxt = []
            for n in levels[-1]:
                for same in children.get(n, {}).values():
                    for k in same:
                        if k not in depth_of:
                            depth_of[k] = len(levels)
                            nxt.append(k)
            levels.append(nxt)
        ids = {k: self._id(k) for k in depth_of}
        homes: dict[uuid.UUID, str] = {}
        if self._index.supports_external_home and self._has_homes():
            homes = self._get_homes(list(ids.values()))
        # Build bottom-up, deepest level first, so every child exists before its parent.
        built: dict[Any, LineageTree] = {}
        for level in reversed(levels):
            for node in level:
                by_class = children.get(node)
                looked_up = not max_depth or depth_of[node] < max_depth
                sub: Mapping[str, Sequence[LineageTree]] | None = None
                if looked_up:
                    try:
                        sub = (
                            {c: tuple(built[k] for k in sorted(ks)) for c, ks in sorted(by_class.items())}
                            if by_class
                            else {}
                        )
                    except KeyError as e:
                        raise LineageError(
                            f"stored lineage has a cycle through dataset {self._id(e.args[0])}"
                        ) from None
                u = ids[node]
                built[node] = LineageTree(direction, u, sub, homes.get(u))
        return built[root_key]

    # --- writing --------------------------------------------------------------------------------

    def add(self, tree: LineageTree, max_depth: int = 0, allow_updates: bool = False) -> None:
        """Record a tree's relations (and homes), ``max_depth`` levels deep (0: all).

        Raises
        ------
        LineageError
            A relation conflicts with a stored one (unless ``allow_updates``) or would make a
            cycle; nothing is recorded.
        """
        homes = tree.homes()
        with self._index.transaction():
            self.merge(tree.relations(max_depth), allow_updates=allow_updates)
            if homes:
                self.set_home_map(homes, allow_updates=allow_updates)

    def merge(
        self,
        rels: Iterable[LineageRelation] | LineageTree,
        allow_updates: bool = False,
        validate_only: bool = False,
    ) -> None:
        """Record relations, checking them against what is stored.

        Parameters
        ----------
        rels
            Relations, or a tree whose relations to take.
        allow_updates
            Replace the classifier of relations already stored with another one.
        validate_only
            Check only; record nothing.

        Raises
        ------
        LineageError
            Conflicting classifiers (unless ``allow_updates``) or a cycle; nothing is recorded.
        """
        self._index._require("supports_lineage", "record lineage")
        relations = rels.relations() if isinstance(rels, LineageTree) else list(rels)
        if not relations:
            return
        by_pair: dict[Pair, LineageRelation] = {}
        for r in relations:
            pair = (r.source_id, r.derived_id)
            prev = by_pair.get(pair)
            if prev is not None and prev.classifier != r.classifier:
                raise LineageError(
                    f"dataset {r.derived_id} has source {r.source_id} under two classifiers "
                    f"({prev.classifier!r} and {r.classifier!r})"
                )
            by_pair[pair] = r
        existing = self._existing(list(by_pair))
        changed = [r for p, r in by_pair.items() if p in existing and existing[p] != r.classifier]
        if changed and not allow_updates:
            shown = "; ".join(
                f"{r.derived_id} <- {r.source_id}: {existing[(r.source_id, r.derived_id)]!r} -> {r.classifier!r}"
                for r in changed[:5]
            )
            raise LineageError(f"lineage conflicts with what is recorded ({shown}); pass allow_updates=True")
        new = [r for p, r in by_pair.items() if p not in existing]
        self._check_no_cycle(new)
        if validate_only:
            return
        with self._index.transaction():
            if new:
                self._insert(new)
            if changed:
                self._update(changed)

    def _check_no_cycle(self, new: Sequence[LineageRelation]) -> None:
        """Any cycle a new relation makes runs through the stored ancestors of its source."""
        if not new:
            return
        known: dict[uuid.UUID, set[uuid.UUID]] = {}
        seen = {r.source_id for r in new}
        frontier = list(seen)
        while frontier:
            nxt = []
            for r in self._relations_of(frontier, LineageDirection.SOURCES):
                known.setdefault(r.derived_id, set()).add(r.source_id)
                if r.source_id not in seen:
                    seen.add(r.source_id)
                    nxt.append(r.source_id)
            frontier = nxt
        check_acyclic(new, known)

    def remove(self, id_: Any, direction: LineageDirection, max_depth: int = 0) -> None:
        """Remove the relations of the tree rooted at ``id_`` in ``direction`` (0: all levels)."""
        self._index._require("supports_lineage", "remove lineage")
        tree = self._tree(_uuid(id_), direction, max_depth)
        pairs = [(r.source_id, r.derived_id) for r in tree.relations()]
        if pairs:
            with self._index.transaction():
                self._delete(pairs)

    def get_all_lineage(self, batch_size: int = 1000) -> Iterator[LineageRelation]:
        """Every recorded relation, fetched ``batch_size`` at a time."""
        self._index._require("supports_lineage", "read lineage")
        return self._iter_relations(batch_size)

    def _add_batch(self, batch_rels: Iterable[LineageRelation]) -> BatchStatus:
        """Record relations in bulk, skipping pairs already stored (no cycle check: for cloning)."""
        from terracube.index._datasets import BatchStatus

        self._index._require("supports_lineage", "record lineage")
        t0 = time.perf_counter()
        rels = {(r.source_id, r.derived_id): r for r in batch_rels}
        existing = self._existing(list(rels))
        new = [r for p, r in rels.items() if p not in existing]
        if new:
            with self._index.transaction():
                self._insert(new)
        return BatchStatus(len(new), len(rels) - len(new), time.perf_counter() - t0)

    # --- homes ----------------------------------------------------------------------------------

    def get_homes(self, *ids: Any) -> dict[uuid.UUID, str]:
        """Recorded homes of these datasets (those without one are left out)."""
        self._index._require("supports_external_home", "read dataset homes")
        return self._get_homes([_uuid(i) for i in ids])

    def set_home(self, home: str, *ids: Any, allow_updates: bool = False) -> int:
        """Record that these datasets live in the index ``home``; returns how many changed.

        Raises
        ------
        LineageError
            A dataset has another home already (unless ``allow_updates``).
        """
        return self.set_home_map({_uuid(i): home for i in ids}, allow_updates=allow_updates)

    def set_home_map(self, homes: Mapping[uuid.UUID, str], allow_updates: bool = False) -> int:
        """Record several datasets' homes; returns how many changed."""
        self._index._require("supports_external_home", "record dataset homes")
        current = self._get_homes(list(homes))
        clashes = {i: (current[i], h) for i, h in homes.items() if i in current and current[i] != h}
        if clashes and not allow_updates:
            i, (old, new) = next(iter(clashes.items()))
            raise LineageError(f"dataset {i} already has home {old!r}, not {new!r}; pass allow_updates=True")
        todo = {i: h for i, h in homes.items() if current.get(i) != h}
        if todo:
            with self._index.transaction():
                self._set_homes(todo)
        return len(todo)

    def clear_home(self, *ids: Any, home: str | None = None) -> int:
        """Forget the homes of these datasets (only those at ``home``, if given); returns how many."""
        self._index._require("supports_external_home", "clear dataset homes")
        current = self._get_homes([_uuid(i) for i in ids])
        todo = [i for i, h in current.items() if home is None or h == home]
        if todo:
            with self._index.transaction():
                self._clear_homes(todo)
        return len(todo)


class NoLineageResource(AbstractLineageResource):
    """The lineage resource of a driver without lineage support: every call refuses."""
