"""Lineage: which datasets a dataset was derived from, as relations and as trees.

A :class:`LineageRelation` says "``derived_id`` was made from ``source_id``" with a
classifier (``"ard"``, ``"level1"``...). A :class:`LineageTree` is the same information
rooted at one dataset, looking towards its sources or towards what was derived from it.
Sources need not be in the index (external lineage); a *home* names the index that holds one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from terracube.errors import LineageError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

__all__ = ["LineageDirection", "LineageRelation", "LineageTree", "check_acyclic"]


class LineageDirection(Enum):
    """Which way a lineage tree looks from its root."""

    SOURCES = 1
    """Towards the datasets the root was derived from."""
    DERIVED = 2
    """Towards the datasets derived from the root."""

    def opposite(self) -> LineageDirection:
        """The other direction."""
        return LineageDirection.DERIVED if self is LineageDirection.SOURCES else LineageDirection.SOURCES


@dataclass(frozen=True, slots=True)
class LineageRelation:
    """``derived_id`` was made from ``source_id``."""

    classifier: str
    """The kind of source, e.g. ``"ard"``."""
    source_id: uuid.UUID
    """The source dataset."""
    derived_id: uuid.UUID
    """The derived dataset."""


@dataclass(frozen=True, slots=True)
class LineageTree:
    """One node of a lineage tree and, recursively, its children.

    ``children`` maps a classifier to the child nodes: sources for a ``SOURCES`` tree, derived
    datasets for a ``DERIVED`` tree. ``None`` means "not looked up" (there may be more in the
    index, e.g. past ``max_depth``); an empty mapping means "none recorded".
    """

    direction: LineageDirection
    """Whether children are sources or derived datasets."""
    dataset_id: uuid.UUID
    """The dataset at this node."""
    children: Mapping[str, Sequence[LineageTree]] | None = None
    """Child nodes by classifier, or None when not looked up."""
    home: str | None = None
    """The index that holds this dataset, if recorded."""

    @classmethod
    def from_eo3_doc(
        cls,
        dataset_id: uuid.UUID | str,
        sources: Mapping[str, Sequence[uuid.UUID | str]] | None = None,
        direction: LineageDirection = LineageDirection.SOURCES,
        home: str | None = None,
    ) -> LineageTree:
        """A one-level source tree from an eo3 ``lineage.source_ids`` mapping."""
        children = (
            None
            if sources is None
            else {
                cls_: tuple(cls(direction, uuid.UUID(str(s)), None, home) for s in ids)
                for cls_, ids in sources.items()
            }
        )
        return cls(direction, uuid.UUID(str(dataset_id)), children)

    def nodes(self) -> Iterator[LineageTree]:
        """Every node, depth first, root first (a node reached twice is yielded twice)."""
        yield self
        for kids in (self.children or {}).values():
            for k in kids:
                yield from k.nodes()

    def child_datasets(self) -> set[uuid.UUID]:
        """Ids of every node below the root."""
        return {n.dataset_id for n in self.nodes()} - {self.dataset_id}

    def find_subtree(self, dataset_id: uuid.UUID) -> LineageTree | None:
        """The first node for ``dataset_id`` that was looked up, else the first placeholder."""
        first = None
        for n in self.nodes():
            if n.dataset_id == dataset_id:
                if n.children is not None:
                    return n
                first = first or n
        return first

    def relations(self, max_depth: int = 0) -> list[LineageRelation]:
        """The tree's relations, down to ``max_depth`` levels (0: all).

        Raises
        ------
        LineageError
            The tree mixes directions, gives two classifiers for one pair, or has a cycle.
        """
        out: dict[tuple[uuid.UUID, uuid.UUID], str] = {}

        def walk(node: LineageTree, depth: int) -> None:
            if node.children is None or (max_depth and depth >= max_depth):
                return
            for classifier, kids in node.children.items():
                for k in kids:
                    if k.direction is not node.direction:
                        raise LineageError(
                            f"lineage tree of {node.dataset_id} mixes source and derived nodes; "
                            "build each tree in one direction"
                        )
                    if node.direction is LineageDirection.SOURCES:
                        pair = (k.dataset_id, node.dataset_id)
                    else:
                        pair = (node.dataset_id, k.dataset_id)
                    if out.get(pair, classifier) != classifier:
                        raise LineageError(
                            f"dataset {pair[1]} has source {pair[0]} under two classifiers "
                            f"({out[pair]!r} and {classifier!r})"
                        )
                    out[pair] = classifier
                    walk(k, depth + 1)

        walk(self, 0)
        rels = [LineageRelation(c, s, d) for (s, d), c in out.items()]
        check_acyclic(rels)
        return rels

    def homes(self) -> dict[uuid.UUID, str]:
        """Homes recorded on the tree's nodes.

        Raises
        ------
        LineageError
            One dataset is given two different homes.
        """
        out: dict[uuid.UUID, str] = {}
        for n in self.nodes():
            if n.home is not None:
                if out.get(n.dataset_id, n.home) != n.home:
                    raise LineageError(
                        f"dataset {n.dataset_id} has two homes: {out[n.dataset_id]!r}, {n.home!r}"
                    )
                out[n.dataset_id] = n.home
        return out


_new = object.__new__
_slot = vars(LineageTree)
_set_direction = _slot["direction"].__set__
_set_dataset_id = _slot["dataset_id"].__set__
_set_children = _slot["children"].__set__
_set_home = _slot["home"].__set__


def _unchecked_tree(
    direction: LineageDirection,
    dataset_id: uuid.UUID,
    children: Mapping[str, Sequence[LineageTree]] | None,
    home: str | None,
) -> LineageTree:
    """``LineageTree(direction, dataset_id, children, home)`` at about half the cost.

    The frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; this
    sets the slots directly. For readers building trees of thousands of nodes; the value is the
    same in every respect (equality, hashing, pickling).
    """
    t = _new(LineageTree)
    _set_direction(t, direction)
    _set_dataset_id(t, dataset_id)
    _set_children(t, children)
    _set_home(t, home)
    return t


def check_acyclic(relations: Sequence[LineageRelation], known: Mapping[uuid.UUID, Any] | None = None) -> None:
    """Refuse relations that make a dataset its own (indirect) source.

    Parameters
    ----------
    relations
        Relations to check, all together.
    known
        Optional: for each dataset, an iterable of its already recorded source ids, to check
        against relations stored elsewhere.

    Raises
    ------
    LineageError
        Naming a dataset on the cycle.
    """
    sources: dict[uuid.UUID, set[uuid.UUID]] = {}
    for r in relations:
        if r.source_id == r.derived_id:
            raise LineageError(f"dataset {r.derived_id} cannot be its own source")
        sources.setdefault(r.derived_id, set()).add(r.source_id)
    if known:
        for d, srcs in known.items():
            sources.setdefault(d, set()).update(srcs)
    state: dict[uuid.UUID, int] = {}  # 1: on the current path, 2: done
    for start in list(sources):
        if state.get(start) == 2:
            continue
        stack = [(start, iter(sources.get(start, ())))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                continue
            s = state.get(nxt)
            if s == 1:
                raise LineageError(
                    f"lineage would make a cycle: dataset {nxt} would be derived from itself "
                    f"(through {node}); nothing was recorded"
                )
            if s is None:
                state[nxt] = 1
                stack.append((nxt, iter(sources.get(nxt, ()))))
