"""Lineage tests of the conformance suite (a mixin of :class:`IndexTests`)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from terracube.errors import LineageError, UnsupportedError
from terracube.index.testing._documents import dataset_doc, product_doc
from terracube.model.lineage import LineageDirection, LineageRelation, LineageTree

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex

__all__ = ["LineageTests"]

SRC, DER = LineageDirection.SOURCES, LineageDirection.DERIVED


def _ids(n: int) -> list[uuid.UUID]:
    return [uuid.UUID(int=0xABC0000 + i, version=4) for i in range(n)]


def _pairs(index: AbstractIndex) -> set[tuple[str, uuid.UUID, uuid.UUID]]:
    return {(r.classifier, r.source_id, r.derived_id) for r in index.lineage.get_all_lineage()}


class LineageTests:
    """Lineage trees, merging, cycles, homes; or the refusal when a driver has no lineage."""

    @pytest.fixture
    def lineage_index(self, index: AbstractIndex) -> AbstractIndex | None:
        """The index, or None after checking that a driver without lineage refuses clearly."""
        if not index.supports_lineage:
            with pytest.raises(UnsupportedError, match="supports_lineage"):
                index.lineage.get_derived_tree(uuid.uuid4())
            with pytest.raises(UnsupportedError, match="supports_lineage"):
                index.lineage.merge([LineageRelation("ard", uuid.uuid4(), uuid.uuid4())])
            return None
        assert index.supports_external_lineage
        return index

    def test_dataset_add_records_lineage(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        idx.products.add_document(product_doc("l1"))
        idx.products.add_document(product_doc("ard"))
        level1 = idx.datasets.add(idx.datasets.from_doc(dataset_doc("l1")))
        external = uuid.uuid4()  # a source that is not in this index
        doc = dataset_doc("ard", lineage={"level1": [str(level1.id), str(external)]})
        ard = idx.datasets.add(idx.datasets.from_doc(doc))
        tree = idx.lineage.get_source_tree(ard.id)
        assert tree.direction is SRC
        assert tree.children is not None
        assert {t.dataset_id for t in tree.children["level1"]} == {level1.id, external}
        derived = idx.lineage.get_derived_tree(level1.id)
        assert derived.children is not None
        assert [t.dataset_id for t in derived.children["level1"]] == [ard.id]
        assert derived.children["level1"][0].children == {}
        plain = dataset_doc("ard", lineage={"level1": [str(uuid.uuid4())]})
        idx.datasets.add(idx.datasets.from_doc(plain), with_lineage=False)
        assert idx.lineage.get_source_tree(plain["id"]).children == {}

    def test_depth_and_shared_nodes(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        a, b, c, d, e = _ids(5)
        # e <- d <- (b, c) <- a : a diamond under a chain
        idx.lineage.merge(
            [
                LineageRelation("x", d, e),
                LineageRelation("y", b, d),
                LineageRelation("y", c, d),
                LineageRelation("z", a, b),
                LineageRelation("z", a, c),
            ]
        )
        full = idx.lineage.get_source_tree(e)
        assert full.child_datasets() == {a, b, c, d}
        assert len(full.relations()) == 5
        leaf = full.find_subtree(a)
        assert leaf is not None
        assert leaf.children == {}  # looked up: no sources recorded
        two = idx.lineage.get_source_tree(e, max_depth=2)
        assert two.child_datasets() == {b, c, d}
        assert two.find_subtree(b).children is None  # type: ignore[union-attr]  # past max_depth
        down = idx.lineage.get_derived_tree(a)
        assert down.child_datasets() == {b, c, d, e}

    def test_tree_order_and_sharing(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        root, a, b, c, d = _ids(5)
        # Classifiers in sorted order, children by id; one node per dataset, shared.
        idx.lineage.merge(
            [
                LineageRelation("y", d, root),
                LineageRelation("x", c, root),
                LineageRelation("x", a, root),
                LineageRelation("z", b, a),
                LineageRelation("z", b, c),
            ]
        )
        tree = idx.lineage.get_source_tree(root)
        assert tree.children is not None
        assert list(tree.children) == ["x", "y"]
        xa, xc = tree.children["x"]
        assert [xa.dataset_id, xc.dataset_id] == [a, c]
        assert isinstance(tree.children["x"], tuple)
        assert xa.children is not None
        assert xc.children is not None
        assert xa.children["z"][0] is xc.children["z"][0]
        expected = LineageTree(
            SRC,
            root,
            {
                "x": (
                    LineageTree(SRC, a, {"z": (LineageTree(SRC, b, {}),)}),
                    LineageTree(SRC, c, {"z": (LineageTree(SRC, b, {}),)}),
                ),
                "y": (LineageTree(SRC, d, {}),),
            },
        )
        assert tree == expected
        assert idx.lineage.get_source_tree(b) == LineageTree(SRC, b, {})
        assert idx.lineage.get_source_tree(uuid.uuid4(), max_depth=3).children == {}

    def test_relation_within_one_level(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        root, a, b = _ids(3)
        # a and b are both sources of root, and b is also a source of a: no cycle.
        for first, second in ((a, b), (b, a)):
            idx.lineage.merge(
                [
                    LineageRelation("x", first, root),
                    LineageRelation("x", second, root),
                    LineageRelation("y", b, a),
                ]
            )
            tree = idx.lineage.get_source_tree(root)
            assert tree.children is not None
            na, nb = tree.children["x"]
            assert na.children == {"y": (nb,)}
            assert nb.children == {}
            one = idx.lineage.get_source_tree(root, max_depth=1)
            assert one.children is not None
            assert [n.children for n in one.children["x"]] == [None, None]
            down = idx.lineage.get_derived_tree(b, max_depth=1)
            assert down.children is not None
            assert [n.dataset_id for n in down.children["x"]] == [root]
            assert [n.dataset_id for n in down.children["y"]] == [a]
            idx.lineage.remove(root, SRC)

    def test_depth_limit_takes_the_shortest_path(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        root, a, b, c = _ids(4)
        # c is one step from root directly and three steps along root <- a <- b <- c.
        idx.lineage.merge(
            [
                LineageRelation("x", a, root),
                LineageRelation("x", b, a),
                LineageRelation("x", c, b),
                LineageRelation("x", c, root),
            ]
        )
        two = idx.lineage.get_source_tree(root, max_depth=2)
        node_c = two.find_subtree(c)
        assert node_c is not None
        assert node_c.children == {}  # looked up at depth 1
        node_b = two.find_subtree(b)
        assert node_b is not None
        assert node_b.children is None  # at depth 2: not looked up
        assert len(two.relations()) == 3

    def test_stored_cycle_is_reported(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        root, a, b = _ids(3)
        # A bulk copy does not check for cycles; reading the tree must not loop.
        idx.lineage._add_batch(
            [LineageRelation("x", a, root), LineageRelation("x", b, a), LineageRelation("x", a, b)]
        )
        with pytest.raises(LineageError, match="cycle through dataset"):
            idx.lineage.get_source_tree(root)
        assert idx.lineage.get_source_tree(root, max_depth=2).child_datasets() == {a, b}

    def test_cycles_refused(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        a, b, c = _ids(3)
        idx.lineage.merge([LineageRelation("x", a, b), LineageRelation("x", b, c)])
        before = _pairs(idx)
        with pytest.raises(LineageError, match="cycle"):
            idx.lineage.merge([LineageRelation("x", c, a)])
        with pytest.raises(LineageError, match="its own source"):
            idx.lineage.merge([LineageRelation("x", a, a)])
        assert _pairs(idx) == before
        tree = LineageTree(SRC, a, {"x": (LineageTree(SRC, c, {}),)})
        with pytest.raises(LineageError, match="cycle"):
            idx.lineage.add(tree)
        assert _pairs(idx) == before

    def test_conflicts_updates_and_validation(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        a, b = _ids(2)
        idx.lineage.merge([LineageRelation("ard", a, b)])
        idx.lineage.merge([LineageRelation("ard", a, b)])  # identical: fine
        with pytest.raises(LineageError, match="'ard' -> 'level1'"):
            idx.lineage.merge([LineageRelation("level1", a, b)])
        idx.lineage.merge([LineageRelation("level1", a, b)], validate_only=True, allow_updates=True)
        assert _pairs(idx) == {("ard", a, b)}
        idx.lineage.merge([LineageRelation("level1", a, b)], allow_updates=True)
        assert _pairs(idx) == {("level1", a, b)}

    def test_remove(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        a, b, c = _ids(3)
        idx.lineage.merge([LineageRelation("x", a, b), LineageRelation("x", b, c)])
        idx.lineage.remove(c, SRC, max_depth=1)
        assert _pairs(idx) == {("x", a, b)}
        idx.lineage.remove(a, DER)
        assert _pairs(idx) == set()

    def test_homes(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        a, b, c = _ids(3)
        tree = LineageTree(SRC, b, {"ard": (LineageTree(SRC, a, None, home="remote-index"),)})
        idx.lineage.add(tree)
        assert idx.lineage.get_homes(a, b) == {a: "remote-index"}
        got = idx.lineage.get_source_tree(b)
        assert got.children is not None
        assert got.children["ard"][0].home == "remote-index"
        moved = LineageTree(SRC, b, {"ard": (LineageTree(SRC, a, None, home="moved"),)})
        with pytest.raises(LineageError, match="already has home 'remote-index', not 'moved'"):
            idx.lineage.add(moved)  # a tree's homes must agree with the recorded ones
        assert idx.lineage.set_home("other", a, c) == 1  # a keeps its home
        assert idx.lineage.get_homes(a, c) == {a: "remote-index", c: "other"}
        assert idx.lineage.set_home("other", a, c, allow_updates=True) == 1
        assert idx.lineage.get_homes(a, c) == {a: "other", c: "other"}
        assert idx.lineage.clear_home(a, c, home="nowhere") == 0
        assert idx.lineage.clear_home(a, c) == 2
        assert idx.lineage.get_homes(a, c) == {}

    def test_lineage_rolls_back(self, lineage_index: AbstractIndex | None) -> None:
        idx = lineage_index
        if idx is None:
            return
        a, b = _ids(2)

        def fail() -> None:
            with idx.transaction():
                idx.lineage.merge([LineageRelation("x", a, b)])
                raise RuntimeError("stop")

        with pytest.raises(RuntimeError, match="stop"):
            fail()
        assert _pairs(idx) == set()

    def test_clone_copies_lineage(self, lineage_index: AbstractIndex | None) -> None:
        from terracube.index.memory import MemoryIndex

        idx = lineage_index
        if idx is None:
            return
        a, b, c = _ids(3)
        idx.lineage.merge([LineageRelation("x", a, b), LineageRelation("y", b, c)])
        mem = MemoryIndex()
        mem.init_db()
        counts = mem.clone(idx)
        assert counts["lineage"].completed == 2
        assert _pairs(mem) == _pairs(idx)
        assert mem.clone(idx)["lineage"].completed == 0
