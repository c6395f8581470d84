"""``terracube dataset add``: files, folders and globs; bad documents; batches; dry runs."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import Result

DsDoc = Any  # the ds_doc fixture: Callable[..., dict]


def ds_id(n: int) -> uuid.UUID:
    """The id the ds_doc fixture gives document ``n``."""
    return uuid.UUID(int=n + 1)


def _count(run: Callable[..., Result], *expressions: str) -> int:
    return int(run("dataset", "count", *expressions).stdout)


def _ids(run: Callable[..., Result]) -> list[str]:
    return [r["id"] for r in json.loads(run("dataset", "search", "--all", "-f", "json").stdout)]


def test_add_files_folders_and_globs(
    run: Callable[..., Result],
    with_product: str,
    tmp_path: Path,
    write_yaml: Callable[..., Path],
    ds_doc: DsDoc,
) -> None:
    data = tmp_path / "data"
    one = write_yaml(data / "one.odc-metadata.yaml", ds_doc(0))
    write_yaml(data / "deep" / "er" / "two.yaml", ds_doc(1))
    (data / "deep" / "three.json").write_text(json.dumps(ds_doc(2)))
    write_yaml(data / "deep" / "ignored.txt", ds_doc(9))
    write_yaml(tmp_path / "globbed" / "x4.yml", ds_doc(4))
    write_yaml(tmp_path / "globbed" / "x5.yml", ds_doc(5))
    write_yaml(tmp_path / "globbed" / "y6.yml", ds_doc(6))
    result = run("dataset", "add", str(one), str(data / "deep"), str(tmp_path / "globbed" / "x*.yml"))
    assert result.stdout == "Added 5, skipped 0 already present, 0 failed.\n"
    assert result.stderr == ""
    assert sorted(_ids(run)) == sorted(str(ds_id(n)) for n in (0, 1, 2, 4, 5))
    # The location is the file's URI.
    info = json.loads(run("dataset", "info", str(ds_id(1)), "-f", "json").stdout)
    assert info["uri"] == (data / "deep" / "er" / "two.yaml").absolute().as_uri()


def test_add_again_skips(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    for n in range(3):
        write_yaml(docs / "ds" / f"{n}.yaml", ds_doc(n))
    assert run("dataset", "add", str(docs / "ds")).stdout == "Added 3, skipped 0 already present, 0 failed.\n"
    assert run("dataset", "add", str(docs / "ds")).stdout == "Added 0, skipped 3 already present, 0 failed.\n"
    assert _count(run) == 3


def test_multi_document_file_gets_fragment_uris(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    path = write_yaml(docs / "many.yaml", ds_doc(0), ds_doc(1))
    run("dataset", "add", str(path))
    info = json.loads(run("dataset", "info", str(ds_id(1)), "-f", "json").stdout)
    assert info["uri"] == f"{path.absolute().as_uri()}#1"


def _mixed(docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc) -> list[Path]:
    bad_product = ds_doc(1)
    bad_product["product"]["name"] = "no_such_product"
    bad_id = ds_doc(2)
    bad_id["id"] = "not-a-uuid"
    paths = [
        write_yaml(docs / "a_good.yaml", ds_doc(0)),
        write_yaml(docs / "b_bad_product.yaml", bad_product),
        write_yaml(docs / "c_good.yaml", ds_doc(3)),
        write_yaml(docs / "d_bad_id.yaml", bad_id),
        docs / "e_broken.yaml",
        write_yaml(docs / "f_good.yaml", ds_doc(5)),
    ]
    paths[4].write_text("id: [unclosed\n")
    return paths


def test_bad_documents_are_reported_and_the_run_continues(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    paths = _mixed(docs, write_yaml, ds_doc)
    result = run("dataset", "add", *map(str, paths), code=1)
    assert result.stdout == "Added 3, skipped 0 already present, 3 failed.\n"
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert all(e.startswith("Error: ") for e in errors)
    assert str(paths[1]) in errors[0]
    assert "field product.name = 'no_such_product'" in errors[0]
    assert str(paths[3]) in errors[1]
    assert "field id = 'not-a-uuid'" in errors[1]
    assert str(paths[4]) in errors[2]
    assert "cannot parse" in errors[2]
    assert sorted(_ids(run)) == sorted(str(ds_id(n)) for n in (0, 3, 5))


def test_on_error_stop(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    paths = _mixed(docs, write_yaml, ds_doc)
    result = run("dataset", "add", "--on-error", "stop", *map(str, paths), code=1)
    assert result.stdout == "Added 1, skipped 0 already present, 1 failed. Stopped at the first failure.\n"
    assert len(result.stderr.splitlines()) == 1
    assert str(paths[1]) in result.stderr
    # Documents before the bad one are indexed, none after it.
    assert _ids(run) == [str(ds_id(0))]


def test_missing_path_is_a_failure(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    good = write_yaml(docs / "good.yaml", ds_doc(0))
    result = run("dataset", "add", str(docs / "nope.yaml"), str(docs / "*.nothing"), str(good), code=1)
    assert result.stderr.splitlines() == [
        f"Error: {docs / 'nope.yaml'}: no such file, folder or matching pattern",
        f"Error: {docs / '*.nothing'}: no such file, folder or matching pattern",
    ]
    assert result.stdout == "Added 1, skipped 0 already present, 2 failed.\n"
    stopped = run("dataset", "add", "--on-error", "stop", str(docs / "nope.yaml"), str(good), code=1)
    assert stopped.stdout == "Stopped at the first failure; nothing was added.\n"


def test_dry_run_validates_and_writes_nothing(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    folder = docs / "dry"
    run("dataset", "add", str(write_yaml(folder / "present.yaml", ds_doc(7))))
    paths = _mixed(folder, write_yaml, ds_doc)
    result = run("dataset", "add", "--dry-run", str(folder), code=1)
    assert result.stdout == ("Dry run: 3 would be added, 1 already present, 3 failed; nothing was written.\n")
    assert str(paths[1]) in result.stderr
    assert _ids(run) == [str(ds_id(7))]
    clean = run("dataset", "add", "--dry-run", str(folder / "a_good.yaml"))
    assert clean.stdout.startswith("Dry run: 1 would be added, 0 already present, 0 failed")
    assert _ids(run) == [str(ds_id(7))]


@pytest.mark.parametrize("batch_size", [1, 2, 1000])
def test_conflicts_inside_a_batch_are_isolated(
    run: Callable[..., Result],
    with_product: str,
    docs: Path,
    write_yaml: Callable[..., Path],
    ds_doc: DsDoc,
    batch_size: int,
) -> None:
    run("dataset", "add", str(write_yaml(docs / "first" / "x.yaml", ds_doc(1))))
    # Same id as the stored dataset 1, but a different document: add_batch refuses the whole batch.
    clash = ds_doc(1, cloud_cover=99.0)
    for n, doc in enumerate([ds_doc(0), clash, ds_doc(2), ds_doc(1), ds_doc(3)]):
        write_yaml(docs / "batch" / f"{n}.yaml", doc)
    result = run("dataset", "add", "--batch-size", str(batch_size), str(docs / "batch"), code=1)
    assert result.stdout == "Added 3, skipped 1 already present, 1 failed.\n"
    assert result.stderr.startswith(f"Error: {docs / 'batch' / '1.yaml'}: dataset ")
    assert "with a different document" in result.stderr
    assert len(_ids(run)) == 4


def test_progress_bar_goes_to_stderr(
    run: Callable[..., Result], with_product: str, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    for n in range(3):
        write_yaml(docs / "ds" / f"{n}.yaml", ds_doc(n))
    result = run("dataset", "add", "--progress", str(docs / "ds"))
    assert result.stdout == "Added 3, skipped 0 already present, 0 failed.\n"
    assert "Indexing" in result.stderr
    assert "3/3" in result.stderr
    quiet = run("dataset", "add", "--no-progress", str(docs / "ds"))
    assert quiet.stderr == ""


def test_batch_size_must_be_positive(run: Callable[..., Result], with_product: str, docs: Path) -> None:
    assert (
        "Invalid value for '--batch-size'"
        in run("dataset", "add", "--batch-size", "0", str(docs), code=2).stderr
    )


def test_index_not_initialised_is_one_error(
    run: Callable[..., Result], db_path: Path, docs: Path, write_yaml: Callable[..., Path], ds_doc: DsDoc
) -> None:
    for n in range(3):
        write_yaml(docs / f"{n}.yaml", ds_doc(n))
    result = run("dataset", "add", str(docs), code=1)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: no SQLite index at {str(db_path)!r} (no such file); run `terracube system init` to create it"
    ]
