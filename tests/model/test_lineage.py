"""Lineage values: relations and trees compare, hash and pickle as values."""

from __future__ import annotations

import dataclasses
import pickle
import uuid
from typing import TYPE_CHECKING

import pytest

from terracube.model.lineage import LineageDirection, LineageRelation, LineageTree, _unchecked_tree

if TYPE_CHECKING:
    from collections.abc import Callable

SRC = LineageDirection.SOURCES
A, B, C = (uuid.UUID(int=0xABC0000 + i, version=4) for i in range(3))


def _tree(mk: Callable[..., LineageTree]) -> LineageTree:
    leaf = mk(SRC, C, None, "elsewhere")
    return mk(SRC, A, {"ard": (mk(SRC, B, {}, None), leaf)}, None)


def test_relation_is_a_value() -> None:
    r = LineageRelation("ard", A, B)
    assert r == LineageRelation("ard", A, B)
    assert hash(r) == hash(LineageRelation("ard", A, B))
    assert r != LineageRelation("level1", A, B)
    assert pickle.loads(pickle.dumps(r)) == r
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.classifier = "x"  # type: ignore[misc]


@pytest.mark.parametrize("children", [None, {}])
def test_unchecked_tree_equals_the_dataclass_one(children: dict[str, tuple[LineageTree, ...]] | None) -> None:
    fast = _unchecked_tree(SRC, A, children, "home")
    slow = LineageTree(SRC, A, children, "home")
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert type(fast) is LineageTree
    assert [getattr(fast, f.name) for f in dataclasses.fields(LineageTree)] == [SRC, A, children, "home"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.home = "x"  # type: ignore[misc]


def test_tree_equality_hash_and_pickle() -> None:
    fast, slow = _tree(_unchecked_tree), _tree(LineageTree)
    assert fast == slow
    assert fast != LineageTree(SRC, A, {"ard": (LineageTree(SRC, B, {}),)})
    # Hashable where the fields are (a node not looked up); a mapping of children is not.
    leaf = _unchecked_tree(SRC, C, None, None)
    assert hash(leaf) == hash(LineageTree(SRC, C))
    with pytest.raises(TypeError, match="unhashable"):
        hash(fast)
    back = pickle.loads(pickle.dumps(fast))
    assert back == slow
    assert back.children is not None
    assert back.children["ard"][1].home == "elsewhere"
    assert {r.source_id for r in fast.relations()} == {B, C}
    assert fast.homes() == {C: "elsewhere"}
