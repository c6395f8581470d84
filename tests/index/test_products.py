from __future__ import annotations

from typing import Any

import pytest

from terracube.index._products import contains_doc

DOC = {"a": 1.0, "b": True, "c": ["x", "y", {"d": 1, "e": [1, 2]}], "f": {"g": None}, "h": [[1, 2], [3]]}


@pytest.mark.parametrize(
    ("sub", "contained"),
    [
        ({}, True),
        ({"a": 1}, True),
        ({"a": 1.0}, True),
        ({"a": True}, False),
        ({"b": True}, True),
        ({"b": 1}, False),
        ({"c": ["y"]}, True),
        ({"c": ["y", "x", "y"]}, True),
        ({"c": []}, True),
        ({"c": "x"}, False),
        ({"c": [{"d": 1}]}, True),
        ({"c": [{"e": [2]}]}, True),
        ({"c": [{"d": 2}]}, False),
        ({"f": {"g": None}}, True),
        ({"f": {"g": "None"}}, False),
        ({"f": []}, False),
        ({"h": [[1]]}, True),
        ({"h": [[1, 3]]}, False),
        ({"z": None}, False),
    ],
)
def test_contains_doc_is_jsonb_containment(sub: dict[str, Any], contained: bool) -> None:
    """The same answers as PostgreSQL's ``jsonb @>`` (ODC's search_by_metadata)."""
    assert contains_doc(DOC, sub) is contained


def test_products_read_back_skip_the_schema_check(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every command opens the index and reads its catalog: with hundreds of products (a real
    # deployment's), checking each stored document against the schema again cost ~3 ms each.
    import terracube.model.product as product_module
    from terracube.index.sqlite import SQLiteIndex
    from terracube.index.testing import product_doc

    url = str(tmp_path / "index.db")
    with SQLiteIndex(url) as idx:
        idx.init_db()
        for i in range(5):
            idx.products.add_document(product_doc(f"p{i}"))
    kinds: list[str] = []
    real = product_module.check_schema
    monkeypatch.setattr(
        product_module,
        "check_schema",
        lambda doc, schema, *, kind, where: kinds.append(kind) or real(doc, schema, kind=kind, where=where),
    )
    with SQLiteIndex(url) as idx:
        assert [p.name for p in idx.products.get_all()] == [f"p{i}" for i in range(5)]
        assert idx.products.get_by_name_unsafe("p3").measurements["red"].dtype == "int16"
    assert kinds == []
    product_module.Product.from_doc(product_doc("new"), idx.metadata_types.get_by_name("eo3"))
    assert kinds[0] == "product"  # a new document is still checked
