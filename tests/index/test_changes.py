from __future__ import annotations

from terracube.index.changes import (
    MISSING,
    allow_any,
    allow_extension,
    allow_removal,
    classify_changes,
    get_doc_changes,
)


def test_doc_changes() -> None:
    a = {"x": 1, "y": {"z": [1, 2]}, "gone": 1}
    b = {"x": 1, "y": {"z": [1, 3]}, "new": {"k": 1}}
    assert get_doc_changes(a, b) == [
        (("gone",), 1, MISSING),
        (("new",), MISSING, {"k": 1}),
        (("y", "z", 1), 2, 3),
    ]
    assert get_doc_changes(a, a) == []
    assert get_doc_changes([1], [1, 2]) == [((), [1], [1, 2])]


def test_classify_uses_longest_prefix() -> None:
    changes = get_doc_changes({"a": {"b": 1, "c": 1}}, {"a": {"b": 2}, "d": 1})
    safe, unsafe = classify_changes(
        changes, {("a",): allow_removal, ("a", "b"): allow_any, (): allow_extension}
    )
    assert [c[0] for c in safe] == [("a", "b"), ("a", "c"), ("d",)]
    assert unsafe == []
    safe, unsafe = classify_changes(changes, {("a", "b"): allow_any})
    assert [c[0] for c in unsafe] == [("a", "c"), ("d",)]
