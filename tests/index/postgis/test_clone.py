"""Cloning between SQLite and PostGIS keeps every document, location, state and time stamp."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from terracube.index.postgis import PostgisIndex
from terracube.index.sqlite import SQLiteIndex
from terracube.index.testing import box_geometry, custom_metadata_type_doc, dataset_doc, product_doc
from terracube.model.lineage import LineageRelation

if TYPE_CHECKING:
    from pathlib import Path

    from terracube.index.abstract import AbstractIndex


def _snapshot(idx: AbstractIndex) -> dict[uuid.UUID, tuple[object, ...]]:
    return {
        d.id: (d.product.name, d.metadata_doc, d.uri, d.archived_time, d.indexed_time)
        for d in idx.datasets._iter_all(archived=None)
    }


def _populate(idx: AbstractIndex) -> None:
    idx.products.add_document(product_doc("ls8", platform="landsat-8"))
    idx.metadata_types.add_document(custom_metadata_type_doc())
    idx.products.add_document(product_doc("custom", metadata_type="eo3_custom"))
    t0 = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    docs = [
        dataset_doc("ls8", time=(t0 + dt.timedelta(days=i)).isoformat(), cloud_cover=float(i))
        for i in range(40)
    ]
    docs += [
        dataset_doc("ls8", crs=None),  # no footprint
        dataset_doc("ls8", lonlat=(179.0, -20.0, 181.0, -19.0)),  # across the antimeridian
        dataset_doc("ls8", crs="EPSG:32760", geometry=box_geometry(600000, 5000000, 900000, 5300000)),
        dataset_doc("custom", properties={"sat:absolute_orbit": 7, "test:gsd_min": 10, "test:gsd_max": 20}),
    ]
    idx.datasets.add_batch(
        idx.datasets.from_doc(d, uri=None if i % 7 == 0 else f"s3://bucket/{d['id']}.yaml")
        for i, d in enumerate(docs)
    )
    idx.datasets.archive([d["id"] for d in docs[:5]])
    idx.lineage.merge([LineageRelation("level1", uuid.UUID(docs[0]["id"]), uuid.UUID(docs[1]["id"]))])


def test_clone_sqlite_to_postgis_and_back(tmp_path: Path, pg_url: str) -> None:
    src = SQLiteIndex(tmp_path / "src.db")
    src.init_db()
    _populate(src)
    expected = _snapshot(src)
    assert sum(1 for v in expected.values() if v[3] is not None) == 5

    pg = PostgisIndex(pg_url)
    progress: list[tuple[int, int | None, str]] = []
    counts = pg.clone(src, batch_size=10, progress=lambda *a: progress.append(a))
    assert counts["datasets"].completed == len(expected)
    assert counts["datasets"].skipped == 0
    assert counts["lineage"].completed == 1
    assert progress[-1][:2] == (len(expected), len(expected))
    assert _snapshot(pg) == expected
    assert pg.datasets.count(product="ls8", time="2020-01", cloud_cover=(10, 20)) == src.datasets.count(
        product="ls8", time="2020-01", cloud_cover=(10, 20)
    )
    assert pg.datasets.count(lat=(-19.8, -19.5), lon=(-179.5, -179.2)) == 1
    assert pg.clone(src)["datasets"].skipped == len(expected)  # an interrupted clone can simply be re-run

    back = SQLiteIndex(tmp_path / "back.db")
    back.init_db()
    assert back.clone(pg)["datasets"].completed == len(expected)
    assert _snapshot(back) == expected
    assert {(r.source_id, r.derived_id) for r in back.lineage.get_all_lineage()} == {
        (r.source_id, r.derived_id) for r in src.lineage.get_all_lineage()
    }
    for idx in (src, pg, back):
        idx.close()
