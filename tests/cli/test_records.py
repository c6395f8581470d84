"""``terracube metadata ...`` and ``terracube product ...``: add, update, list, show."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from terracube.index.testing import custom_metadata_type_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import Result


# --- metadata types -----------------------------------------------------------------------------


def test_metadata_add_list_show(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    path = write_yaml(docs / "custom.yaml", custom_metadata_type_doc("eo3_custom"))
    assert run("metadata", "add", str(path)).stdout == "Added metadata type 'eo3_custom'.\n"
    again = run("metadata", "add", str(path)).stdout
    assert again == "Unchanged: metadata type 'eo3_custom' is already in the index.\n"
    rows = json.loads(run("metadata", "list", "-f", "json").stdout)
    assert [(r["name"], r["search_fields"], r["products"]) for r in rows] == [
        ("eo", 6, 0),
        ("eo3", 9, 0),
        ("eo3_custom", 11, 0),
        ("telemetry", 8, 0),
    ]
    shown = list(yaml.safe_load_all(run("metadata", "show", "eo3_custom").stdout))
    assert shown == [custom_metadata_type_doc("eo3_custom")]
    both = json.loads(run("metadata", "show", "eo3", "eo3_custom", "-f", "json").stdout)
    assert [d["name"] for d in both] == ["eo3", "eo3_custom"]


def test_metadata_show_round_trips(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    run("metadata", "add", str(write_yaml(docs / "custom.yaml", custom_metadata_type_doc("mine"))))
    dumped = docs / "dumped.yaml"
    dumped.write_text(run("metadata", "show").stdout)
    out = run("metadata", "add", str(dumped)).stdout
    assert out.splitlines() == [
        "Unchanged: metadata type 'eo' is already in the index.",
        "Unchanged: metadata type 'eo3' is already in the index.",
        "Unchanged: metadata type 'mine' is already in the index.",
        "Unchanged: metadata type 'telemetry' is already in the index.",
    ]


def test_metadata_show_unknown(run: Callable[..., Result], index_ready: None) -> None:
    result = run("metadata", "show", "eo3", "nope", code=1)
    assert result.stdout == ""
    assert result.stderr == "Error: no metadata type named 'nope' in the index\n"


def test_metadata_update_safe_unsafe_and_dry_run(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    doc = custom_metadata_type_doc("mine")
    run("metadata", "add", str(write_yaml(docs / "mine.yaml", doc)))
    doc["description"] = "a new description"
    doc["dataset"]["search_fields"]["orbit"]["type"] = "numeric"  # changing a field is unsafe
    path = write_yaml(docs / "mine2.yaml", doc)

    dry = run("metadata", "update", "--dry-run", str(path), code=1)
    assert "1 safe, 1 unsafe change(s); would refuse" in dry.stdout
    assert "  safe    description: 'eo3 with extra fields for tests' -> 'a new description'" in dry.stdout
    assert "  unsafe  dataset.search_fields.orbit.type: 'integer' -> 'numeric'" in dry.stdout
    assert "would update" in run("metadata", "update", "--dry-run", "--allow-unsafe", str(path)).stdout
    shown = yaml.safe_load(run("metadata", "show", "mine").stdout)
    assert shown["description"] == "eo3 with extra fields for tests"  # dry runs wrote nothing

    refused = run("metadata", "update", str(path), code=1)
    assert refused.stderr == (
        f"Error: {path}: unsafe changes to metadata type 'mine' (pass --allow-unsafe to make them): "
        "dataset.search_fields.orbit.type: 'integer' -> 'numeric'\n"
    )
    assert yaml.safe_load(run("metadata", "show", "mine").stdout)["description"] != "a new description"

    done = run("metadata", "update", "--allow-unsafe", str(path))
    assert done.stdout.startswith("Updated metadata type 'mine' (1 safe, 1 unsafe change(s)).")
    shown = yaml.safe_load(run("metadata", "show", "mine").stdout)
    assert shown["dataset"]["search_fields"]["orbit"]["type"] == "numeric"
    assert run("metadata", "update", str(path)).stdout == "Unchanged: metadata type 'mine'.\n"


def test_metadata_update_unknown(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    path = write_yaml(docs / "x.yaml", custom_metadata_type_doc("never_added"))
    result = run("metadata", "update", str(path), code=1)
    assert "no metadata type named 'never_added'" in result.stderr
    assert "add it with `add` first" in result.stderr


# --- products -----------------------------------------------------------------------------------


def test_product_add_multi_document_and_json(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    multi = write_yaml(docs / "two.yaml", product_doc("p_one"), product_doc("p_two"))
    (docs / "three.json").write_text(json.dumps(product_doc("p_three")))
    out = run("product", "add", str(multi), str(docs / "three.json")).stdout
    assert out.splitlines() == [
        "Added product 'p_one'.",
        "Added product 'p_two'.",
        "Added product 'p_three'.",
    ]
    rows = json.loads(run("product", "list", "-f", "json").stdout)
    assert rows == [
        {"name": n, "description": f"Test product {n}", "metadata_type": "eo3", "datasets": 0}
        for n in ("p_one", "p_three", "p_two")
    ]


def test_product_add_from_folder(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    write_yaml(docs / "a" / "one.yaml", product_doc("p_one"))
    write_yaml(docs / "b" / "c" / "two.yml", product_doc("p_two"))
    (docs / "notes.txt").write_text("not a document")
    out = run("product", "add", str(docs)).stdout
    assert out.splitlines() == ["Added product 'p_one'.", "Added product 'p_two'."]


def test_product_add_reports_bad_documents_and_goes_on(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    bad_type = product_doc("p_bad")
    bad_type["metadata_type"] = "no_such_type"
    path = write_yaml(docs / "mixed.yaml", bad_type, product_doc("p_good"))
    result = run("product", "add", str(path), str(docs / "missing.yaml"), code=1)
    assert result.stdout == "Added product 'p_good'.\n"
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0] == f"Error: {docs / 'missing.yaml'}: no such file, folder or matching pattern"
    assert errors[1].startswith(
        f"Error: invalid product document {path}#0: field metadata_type = 'no_such_type'"
    )


def test_product_add_conflict(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    run("product", "add", str(write_yaml(docs / "p.yaml", product_doc("p"))))
    changed = product_doc("p")
    changed["measurements"][0]["units"] = "m"
    result = run("product", "add", str(write_yaml(docs / "p2.yaml", changed)), code=1)
    assert "already exists with a different document; use update" in result.stderr
    reworded = product_doc("p")
    reworded["description"] = "other words"
    result = run("product", "add", str(write_yaml(docs / "p3.yaml", reworded)))
    assert result.stdout == "Updated the descriptions of product 'p'.\n"
    assert yaml.safe_load(run("product", "show", "p").stdout)["description"] == "other words"


def _changed(doc: dict[str, Any]) -> dict[str, Any]:
    doc = json.loads(json.dumps(doc))
    doc["description"] = "new words"
    doc["measurements"][0]["dtype"] = "int32"
    return doc


def test_product_update(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path]
) -> None:
    run("product", "add", str(write_yaml(docs / "p.yaml", product_doc("p"))))
    path = write_yaml(docs / "p2.yaml", _changed(product_doc("p")))
    dry = run("product", "update", "--dry-run", str(path), code=1).stdout
    assert "Product 'p': 1 safe, 1 unsafe change(s); would refuse" in dry
    assert "  unsafe  measurements.0.dtype: 'int16' -> 'int32'" in dry
    assert yaml.safe_load(run("product", "show", "p").stdout) == product_doc("p")

    safe_only = product_doc("p")
    safe_only["description"] = "new words"
    out = run("product", "update", str(write_yaml(docs / "p3.yaml", safe_only))).stdout
    assert out.startswith("Updated product 'p' (1 safe, 0 unsafe change(s)).")
    assert yaml.safe_load(run("product", "show", "p").stdout)["description"] == "new words"

    run("product", "update", str(path), code=1)
    run("product", "update", "--allow-unsafe", str(path))
    shown = json.loads(run("product", "show", "p", "-f", "json").stdout)
    assert shown["measurements"][0]["dtype"] == "int32"


@pytest.mark.parametrize("fmt", ["table", "csv", "yaml"])
def test_product_list_formats(run: Callable[..., Result], with_product: str, fmt: str) -> None:
    out = run("product", "list", "--format", fmt).stdout
    assert "ls8" in out
    assert "Test product ls8" in out


def test_product_show_unknown(run: Callable[..., Result], with_product: str) -> None:
    result = run("product", "show", "nope", code=1)
    assert result.stderr == "Error: no product named 'nope' in the index\n"


def test_a_product_that_cannot_be_read_is_named_and_the_others_listed(
    run: Callable[..., Result], index_ready: None, docs: Path, write_yaml: Callable[..., Path], db_path: Path
) -> None:
    import sqlite3

    for name in ("good", "old"):
        run("product", "add", str(write_yaml(docs / f"{name}.yaml", product_doc(name))))
    stale = product_doc("old")
    stale["measurements"][1]["nodata"] = None  # what an older version stored for NaN
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE product SET doc = ? WHERE name = 'old'", (json.dumps(stale),))
    listed = run("product", "list", "-f", "json")
    assert [r["name"] for r in json.loads(listed.stdout)] == ["good"]
    assert listed.stderr.startswith("Warning: the index holds product 'old' (id 2) but cannot read it: ")
    assert "measurements.1.nodata = None" in listed.stderr
    assert listed.stderr.count("\n") == 1  # one line
    run("product", "add", str(write_yaml(docs / "third.yaml", product_doc("third"))))
    fixed = run("product", "update", str(docs / "old.yaml"))
    assert "old" in fixed.stdout
    assert [r["name"] for r in json.loads(run("product", "list", "-f", "json").stdout)] == [
        "good",
        "old",
        "third",
    ]
