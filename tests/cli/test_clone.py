"""``terracube system clone SRC DST``: every record copied, interrupted clones resumed."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

import pytest

from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import dataset_doc, product_doc
from terracube.model import LineageRelation

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from click.testing import Result

N = 45


def _state(index: SQLiteIndex) -> dict[str, tuple[object, ...]]:
    """Everything clone must keep, per dataset id."""
    return {
        str(ds.id): (ds.metadata_doc, ds.uri, ds.archived_time, ds.indexed_time, ds.product.name)
        for ds in index.datasets.search(archived=None)
    }


@pytest.fixture
def source(tmp_path: Path) -> SQLiteIndex:
    index = SQLiteIndex(tmp_path / "src.db")
    index.init_db()
    index.products.add_document(product_doc("ls8"))
    index.products.add_document(product_doc("empty"))
    ids = [uuid.UUID(int=n + 1) for n in range(N)]
    index.datasets.add_batch(
        index.datasets.from_doc(dataset_doc("ls8", id=i), uri=f"file:///data/{i}.yaml") for i in ids
    )
    index.datasets.archive(ids[:7])
    index.lineage.merge([LineageRelation("ard", uuid.UUID(int=999), ids[10])])
    index.close()
    return SQLiteIndex(tmp_path / "src.db")


def test_clone_copies_everything_and_reruns_as_a_noop(
    run: Callable[..., Result], source: SQLiteIndex, tmp_path: Path
) -> None:
    dst_url = f"sqlite:///{tmp_path / 'dst.db'}"
    out = json.loads(
        run(
            "system", "clone", f"sqlite:///{tmp_path / 'src.db'}", dst_url, "--batch-size", "10", "-f", "json"
        ).stdout
    )
    assert (out["metadata_types"], out["products"], out["datasets"], out["skipped"]) == (1, 2, N, 0)
    dst = SQLiteIndex(tmp_path / "dst.db")
    assert _state(dst) == _state(source)
    assert (
        dst.products.get_by_name_unsafe("empty").definition
        == source.products.get_by_name_unsafe("empty").definition
    )
    tree = dst.lineage.get_source_tree(uuid.UUID(int=11), max_depth=1)
    assert [c.dataset_id for c in tree.children["ard"]] == [uuid.UUID(int=999)]
    again = json.loads(
        run("system", "clone", f"sqlite:///{tmp_path / 'src.db'}", dst_url, "-f", "json").stdout
    )
    assert (again["metadata_types"], again["products"], again["datasets"], again["skipped"]) == (0, 0, 0, N)
    assert len(_state(dst)) == N


def test_interrupted_clone_resumes_without_duplicates(
    run: Callable[..., Result], source: SQLiteIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from terracube.index._datasets import AbstractDatasetResource as Datasets

    real = Datasets._add_batch
    calls = [0]

    def failing(self: Datasets, *args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] == 3:
            raise ConnectionError("the destination went away")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Datasets, "_add_batch", failing)
    src_url, dst_url = f"sqlite:///{tmp_path / 'src.db'}", f"sqlite:///{tmp_path / 'dst.db'}"
    result = run("system", "clone", src_url, dst_url, "--batch-size", "10", code=1)
    assert "the destination went away" in result.stderr + str(result.exception)
    dst = SQLiteIndex(tmp_path / "dst.db")
    assert len(_state(dst)) == 20  # the two batches before the failure are kept, whole
    monkeypatch.setattr(Datasets, "_add_batch", real)
    out = json.loads(run("system", "clone", src_url, dst_url, "--batch-size", "10", "-f", "json").stdout)
    assert (out["datasets"], out["skipped"]) == (N - 20, 20)
    assert _state(dst) == _state(source)


def test_clone_between_environments_by_name(
    run: Callable[..., Result], source: SQLiteIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "terracube.conf"
    conf.write_text(
        f"[old]\ndb_url = sqlite:///{tmp_path / 'src.db'}\n\n[new]\ndb_url = sqlite:///{tmp_path / 'new.db'}\n"
    )
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(conf))
    monkeypatch.delenv("TERRACUBE_DB_URL")
    out = run("system", "clone", "old", "new").stdout
    assert f"datasets:            {N}" in out
    assert _state(SQLiteIndex(tmp_path / "new.db")) == _state(source)
    bad = run("system", "clone", "old", "nowhere", code=1)
    assert "nowhere" in bad.stderr
