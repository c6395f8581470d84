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
from itertools import chain
from typing import TYPE_CHECKING, Any

from terracube.errors import LineageError
from terracube.index._batching import BatchStatus
from terracube.index._flags import refuse
from terracube.index._shared import fast_uuid, gc_paused, uuid_from_bytes
from terracube.model.lineage import (
    LineageDirection,
    LineageRelation,
    LineageTree,
    _unchecked_tree,
    check_acyclic,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence

    from terracube.index.abstract import AbstractIndex

__all__ = ["AbstractLineageResource", "ByteKeysLineageResource", "NoLineageResource"]

Pair = tuple[uuid.UUID, uuid.UUID]  # (source_id, derived_id)


def _uuid(v: Any) -> uuid.UUID:
    return v if isinstance(v, uuid.UUID) else uuid.UUID(str(v))


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
        """The driver's cheap form of an id (default: its 128-bit integer).

        Keys must hash fast and sort as their UUIDs do: children are ordered by key.
        """
        return id_.int

    def _id_from_key(self) -> Callable[[Any], uuid.UUID]:
        """The function turning a key made by :meth:`_key` or returned by :meth:`_edges` into its UUID."""
        return fast_uuid

    def _edges(
        self, root: Any, direction: LineageDirection, max_depth: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """Relations within ``max_depth`` steps of ``root`` as (classifier, parent, child) keys.

        The parent is the side nearer the root: the derived dataset of a ``SOURCES`` tree, the
        source of a ``DERIVED`` one. Every node within ``max_depth - 1`` steps (all, for 0) is
        expanded, each relation given once. Keys (see :meth:`_key`) hash far faster than
        UUIDs. The default walks one level per :meth:`_relations_of` call; drivers override
        it to work on their raw ids.
        """
        sources = direction is LineageDirection.SOURCES
        seen = {root}
        frontier = [root]
        depth = 0
        while frontier and not (max_depth and depth >= max_depth):
            rels = self._relations_of([fast_uuid(i) for i in frontier], direction)
            nxt = []
            for r in rels:
                s, d = r.source_id.int, r.derived_id.int
                parent, child = (d, s) if sources else (s, d)
                yield r.classifier, parent, child
                if child not in seen:
                    seen.add(child)
                    nxt.append(child)
            frontier = nxt
            depth += 1

    def _tree(self, root: uuid.UUID, direction: LineageDirection, max_depth: int) -> LineageTree:
        self._index._require("supports_lineage", "read lineage")
        with gc_paused():  # thousands of small nodes; no cycles among them
            return self._build_tree(root, direction, max_depth)

    def _build_tree(self, root: uuid.UUID, direction: LineageDirection, max_depth: int) -> LineageTree:
        root_key = self._key(root)
        # parent -> classifier -> children
        groups: dict[Any, dict[str, list[Any]]] = {}
        group = groups.get
        for classifier, parent, child in self._edges(root_key, direction, max_depth):
            g = group(parent)
            if g is None:
                groups[parent] = {classifier: [child]}
            else:
                same = g.get(classifier)
                if same is None:
                    g[classifier] = [child]
                else:
                    same.append(child)
        # Parents in the order of the rows, deepest first: drivers return rows level by level,
        # so children usually come before their parents. Nodes without relations are made when
        # a parent first asks for them.
        order: Iterable[Any] = reversed(groups)
        past: set[Any] = set()
        if max_depth:
            # Nodes at max_depth were not looked up: they have no children, not even an empty
            # mapping. Find them (and a reliable order) level by level, by shortest path.
            levels = _levels(root_key, groups)
            if len(levels) > max_depth:
                past = set(levels[max_depth])
            order = [n for n in chain.from_iterable(reversed(levels)) if n in groups]
        id_of = self._id_from_key()
        homes: dict[Any, str] = {}
        if self._index.supports_external_home and self._has_homes():
            every = {root_key}.union(*(chain.from_iterable(g.values()) for g in groups.values()))
            homes = {self._key(i): h for i, h in self._get_homes([id_of(k) for k in every]).items()}
        try:
            return _assemble(direction, root_key, order, groups, past, id_of, homes)
        except KeyError:
            # A relation joins two nodes of one level, or closes a cycle: sort the parents.
            order = _children_first(root_key, groups, id_of)
            return _assemble(direction, root_key, order, groups, past, id_of, homes)

    # --- writing --------------------------------------------------------------------------------

    def add(self, tree: LineageTree, max_depth: int = 0, allow_updates: bool = False) -> None:
        """Record a tree's relations (and homes), ``max_depth`` levels deep (0: all).

        Raises
        ------
        LineageError
            A relation or a home conflicts with a stored one (unless ``allow_updates``) or a
            relation would make a cycle; nothing is recorded.
        """
        homes = tree.homes()
        if homes and not allow_updates:
            self._check_homes(homes)
        with self._index.transaction():
            self.merge(tree.relations(max_depth), allow_updates=allow_updates)
            if homes:
                self.set_home_map(homes, allow_updates=allow_updates)

    def _check_homes(self, homes: Mapping[uuid.UUID, str]) -> None:
        """Refuse homes that differ from the ones recorded (adding a tree, not setting homes).

        Raises
        ------
        LineageError
            A dataset has another home recorded.
        """
        self._index._require("supports_external_home", "record dataset homes")
        current = self._get_homes(list(homes))
        for i, h in homes.items():
            if i in current and current[i] != h:
                raise LineageError(
                    f"dataset {i} already has home {current[i]!r}, not {h!r}; pass allow_updates=True"
                )

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

        A dataset that has another home already keeps it, unless ``allow_updates``.
        """
        return self.set_home_map({_uuid(i): home for i in ids}, allow_updates=allow_updates)

    def set_home_map(self, homes: Mapping[uuid.UUID, str], allow_updates: bool = False) -> int:
        """Record several datasets' homes; returns how many changed.

        A dataset that has another home already keeps it, unless ``allow_updates``.
        """
        self._index._require("supports_external_home", "record dataset homes")
        current = self._get_homes(list(homes))
        todo = {i: h for i, h in homes.items() if current.get(i) != h and (allow_updates or i not in current)}
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


def _levels(root: Any, groups: Mapping[Any, dict[str, list[Any]]]) -> list[list[Any]]:
    """The nodes below and including ``root`` by depth (length of the shortest path)."""
    levels = [[root]]
    seen = {root}
    group = groups.get
    while True:
        nxt = []
        for n in levels[-1]:
            g = group(n)
            if g is not None:
                for same in g.values():
                    for k in same:
                        if k not in seen:
                            seen.add(k)
                            nxt.append(k)
        if not nxt:
            return levels
        levels.append(nxt)


def _assemble(
    direction: LineageDirection,
    root: Any,
    order: Iterable[Any],
    groups: Mapping[Any, dict[str, list[Any]]],
    past: set[Any],
    id_of: Callable[[Any], uuid.UUID],
    homes: Mapping[Any, str],
) -> LineageTree:
    """Make the nodes of a tree, one per dataset, and return the root's.

    ``order`` holds every parent (key of ``groups``), each after the parents among its
    children; a parent met before it is made raises KeyError. Other nodes are made when first
    met; those in ``past`` were not looked up. Children are ordered by classifier, then by key.
    """
    make = _unchecked_tree
    home = homes.get if homes else None
    built: dict[Any, LineageTree] = {}
    get = built.get
    for node in order:
        g = groups[node]
        sub = {}
        for classifier in g if len(g) == 1 else sorted(g):
            same = g[classifier]
            same.sort()
            kids = []
            for k in same:
                t = get(k)
                if t is None:
                    if k in groups:
                        raise KeyError(k)
                    t = built[k] = make(
                        direction, id_of(k), None if k in past else {}, home(k) if home else None
                    )
                kids.append(t)
            sub[classifier] = tuple(kids)
        built[node] = make(direction, id_of(node), sub, home(node) if home else None)
    t = get(root)
    if t is None:  # no relations
        t = make(direction, id_of(root), {}, home(root) if home else None)
    return t


def _children_first(
    root: Any, groups: Mapping[Any, dict[str, list[Any]]], id_of: Callable[[Any], uuid.UUID]
) -> list[Any]:
    """The parents among the nodes below and including ``root``, each after its children.

    Raises
    ------
    LineageError
        The relations make a cycle.
    """

    def kids(n: Any) -> Iterator[Any]:
        return chain.from_iterable(groups.get(n, {}).values())

    order: list[Any] = []
    on_path, done = object(), object()
    state = {root: on_path}
    stack = [(root, kids(root))]
    while stack:
        node, it = stack[-1]
        k = next(it, done)
        if k is done:
            stack.pop()
            state[node] = done
            if node in groups:
                order.append(node)
            continue
        s = state.get(k)
        if s is None:
            state[k] = on_path
            stack.append((k, kids(k)))
        elif s is on_path:
            raise LineageError(f"stored lineage has a cycle through dataset {id_of(k)}")
    return order


class ByteKeysLineageResource(AbstractLineageResource):
    """A lineage resource whose driver keys datasets by their 16-byte ids, as SQL databases store them."""

    def _key(self, id_: uuid.UUID) -> bytes:
        return id_.bytes

    def _id_from_key(self) -> Callable[[Any], uuid.UUID]:
        return uuid_from_bytes


class NoLineageResource(AbstractLineageResource):
    """The lineage resource of a driver without lineage support: every call refuses."""
