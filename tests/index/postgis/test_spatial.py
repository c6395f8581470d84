"""Spatial indexes per CRS, globe-spanning footprints held apart, and every search field indexed."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import TYPE_CHECKING, Any

import pytest
from odc.geo.geom import box

from terracube.errors import QueryError, UpdateError
from terracube.index.postgis import PostgisIndex
from terracube.index.postgis._sql import indexed_fields
from terracube.index.testing import custom_metadata_type_doc, dataset_doc, ids_of, product_doc

if TYPE_CHECKING:
    from collections.abc import Iterator

T0 = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
N = 2400


def _grid_docs(n: int, product: str = "ls8", **kw: Any) -> list[dict[str, Any]]:
    """Datasets on 1-degree boxes over Australia, one every 6 hours."""
    return [
        dataset_doc(
            product,
            id=uuid.UUID(int=i + 1, version=4),
            time=(T0 + dt.timedelta(hours=6 * i)).isoformat(),
            lonlat=(113.0 + i % 40, -44.0 + (i // 40) % 34, 114.0 + i % 40, -43.0 + (i // 40) % 34),
            cloud_cover=float(i % 100),
            region_code=f"{i % 40:02d}{(i // 40) % 34:02d}",
            **kw,
        )
        for i in range(n)
    ]


@pytest.fixture
def index(pg_url: str) -> Iterator[PostgisIndex]:
    idx = PostgisIndex(pg_url)
    idx.products.add_document(product_doc("ls8"))
    idx.datasets.add_batch(idx.datasets.from_doc(d) for d in _grid_docs(N))
    idx._db.run("ANALYZE")
    yield idx
    idx.close()


def _plan(idx: PostgisIndex, query: dict[str, Any], *, analyze: bool = False) -> str:
    ds = idx.datasets
    pq = ds._plan(query)[0]
    where, params = ds._where(pq, idx._catalog(), False)
    how = "(ANALYZE, BUFFERS, COSTS OFF)" if analyze else "(COSTS OFF)"
    rows = idx._db.run(f"EXPLAIN {how} SELECT d.id, d.doc FROM dataset d WHERE {where}", params)
    return "\n".join(r[0] for r in rows)


# --- spatial indexes in other CRSs -----------------------------------------------------------------


def test_search_in_a_crs_uses_its_index(index: PostgisIndex) -> None:
    rng = random.Random(4)
    boxes = []
    for _ in range(25):
        x, y = rng.uniform(-1_500_000, 1_800_000), rng.uniform(-4_800_000, -1_200_000)
        size = rng.choice([1_000.0, 50_000.0, 300_000.0])
        boxes.append((x, y, x + size, y + size))
    queries = [{"x": (b[0], b[2]), "y": (b[1], b[3]), "crs": "EPSG:3577"} for b in boxes]
    via_lonlat = [ids_of(index.datasets.search(**q)) for q in queries]
    assert "spatial_4326_narrow" in _plan(index, queries[0])

    assert index.create_spatial_index("EPSG:3577") is True
    assert index.create_spatial_index("epsg:3577") is True  # it exists (as ODC's says)
    assert [str(c) for c in index.spatial_indexes()] == ["EPSG:4326", "EPSG:3577"]
    plan = _plan(index, queries[0])
    assert "spatial_3577_narrow" in plan
    assert "spatial_4326" not in plan
    # The same answers as through the lon/lat index, for every query:
    assert [ids_of(index.datasets.search(**q)) for q in queries] == via_lonlat
    assert [index.datasets.count(**q) for q in queries] == [len(v) for v in via_lonlat]
    assert sum(map(len, via_lonlat)) > 50
    # A region given in lon/lat still reads the lon/lat index.
    assert "spatial_4326_narrow" in _plan(index, {"lat": (-30, -29), "lon": (140, 141)})
    # New datasets go into both.
    new = index.datasets.add(index.datasets.from_doc(dataset_doc("ls8", lonlat=(150.1, -33.9, 150.2, -33.8))))
    (n,) = index._db.one("SELECT count(*) FROM spatial_3577 WHERE id = %s", (new.id,))
    assert n == 1
    near = box(1_660_000, -3_815_000, 1_670_000, -3_810_000, "EPSG:3577")  # 150.15 E, 33.85 S
    assert str(new.id) in ids_of(index.datasets.search(geopolygon=near))


def test_crs_index_outside_its_area_falls_back(index: PostgisIndex) -> None:
    index.create_spatial_index("EPSG:32755")  # UTM 55S: 144-150 E
    inside = {"x": (600_000, 620_000), "y": (6_100_000, 6_120_000), "crs": "EPSG:32755"}
    assert "spatial_32755_narrow" in _plan(index, inside)
    outside = {"x": (-1_500_000, -1_400_000), "y": (6_100_000, 6_120_000), "crs": "EPSG:32755"}
    assert "spatial_4326_narrow" in _plan(index, outside)
    (clipped,) = index._db.one("SELECT count(*) FROM spatial_32755")
    assert 0 < clipped < N  # only parts within the zone's area of use


def test_update_and_drop_spatial_index(index: PostgisIndex) -> None:
    index.create_spatial_index("EPSG:3577")
    index._db.run("DELETE FROM spatial_3577")
    q = {"x": (1_000_000, 1_300_000), "y": (-3_500_000, -3_200_000), "crs": "EPSG:3577"}
    assert index.datasets.count(**q) == 0  # an emptied index finds nothing...
    assert index.update_spatial_index(crs=["EPSG:3577"], product_names=["ls8"]) == N
    assert index.datasets.count(**q) > 0  # ...until it is rewritten
    some = [uuid.UUID(int=i + 1, version=4) for i in range(10)]
    assert index.update_spatial_index(dataset_ids=some) == 20  # both CRSs
    (rows,) = index._db.one("SELECT count(*) FROM spatial_3577")
    assert rows == N
    assert index.drop_spatial_index("EPSG:3577") is True
    assert index.drop_spatial_index("EPSG:3577") is False
    assert [str(c) for c in index.spatial_indexes()] == ["EPSG:4326"]
    assert index.datasets.count(**q) > 0
    with pytest.raises(UpdateError, match="EPSG:4326"):
        index.drop_spatial_index("EPSG:4326")
    with pytest.raises(QueryError, match="no spatial index"):
        index.update_spatial_index(crs=["EPSG:3577"])
    assert index.create_spatial_index('LOCAL_CS["nowhere"]') is False  # no EPSG code: none made, as ODC's
    assert [str(c) for c in index.spatial_indexes()] == ["EPSG:4326"]
    index.create_spatial_index("EPSG:3577")
    ls8 = index.products.get_by_name_unsafe("ls8")
    other = [uuid.UUID(int=N + 1, version=4)]
    # Products and ids together select both (as ODC's), in every index.
    assert index.update_spatial_index(product_names=[ls8.name], dataset_ids=other) == 2 * N


# --- globe-spanning footprints ---------------------------------------------------------------------


def _narrow_scan(plan: str) -> tuple[int, int]:
    """(rows, shared buffers) of the narrow spatial index scan in an EXPLAIN ANALYZE."""
    lines = plan.splitlines()
    for i, line in enumerate(lines):
        if "Index Scan using spatial_4326_narrow" in line:
            rows = int(line.split("rows=")[1].split()[0])
            buffers = lines[i + 2] if "Index Cond" in lines[i + 1] else lines[i + 1]
            hit = sum(int(p.split("=")[1]) for p in buffers.split(":")[1].split() if "=" in p)
            return rows, hit
    raise AssertionError(f"no narrow index scan in\n{plan}")


def test_globe_spanning_footprints_kept_out_of_small_searches(index: PostgisIndex) -> None:
    small = {"product": "ls8", "lat": (-30.5, -30.2), "lon": (130.2, 130.5), "time": ("2020-01", "2020-06")}
    expected = ids_of(index.datasets.search(**small))
    before = _narrow_scan(_plan(index, small, analyze=True))
    globes = [
        dataset_doc("ls8", time=(T0 + dt.timedelta(hours=7 * i)).isoformat(), lonlat=(-180, -80, 180, 80))
        for i in range(600)
    ]
    index.datasets.add_batch(index.datasets.from_doc(d) for d in globes)
    index._db.run("ANALYZE")
    (wide,) = index._db.one("SELECT count(*) FROM spatial_4326 WHERE wide")
    assert wide == 600
    # The small region's search walks the same narrow index, untouched by the 600 globes...
    assert _narrow_scan(_plan(index, small, analyze=True)) == before
    # ...and still finds the globes of its period, through the index that holds them apart.
    got = ids_of(index.datasets.search(**small))
    in_period = {d["id"] for d in globes if d["properties"]["datetime"] < "2020-07"}
    assert got == expected | in_period
    assert "spatial_4326_wide" in _plan(index, small)


def test_antimeridian_footprint_split_not_wide(index: PostgisIndex) -> None:
    ds = index.datasets.add(index.datasets.from_doc(dataset_doc("ls8", lonlat=(179.0, -20.0, 181.0, -19.0))))
    rows = index._db.run(
        "SELECT wide, ST_XMin(box), ST_XMax(box) FROM spatial_4326 WHERE id = %s ORDER BY 2", (ds.id,)
    ).fetchall()
    assert rows == [(False, -180.0, -179.0), (False, 179.0, 180.0)]
    assert ids_of(index.datasets.search(lat=(-19.8, -19.5), lon=(-179.5, -179.2))) == {str(ds.id)}


# --- search fields ---------------------------------------------------------------------------------


def _field_value(field: Any) -> Any:
    """A selective query value for a field."""
    if field.is_range:
        return {"integer": (5, 6), "numeric": (5.0, 6.0), "datetime": ("2020-01-01", "2020-01-02")}[
            field.value_type
        ]
    return {"string": "no-such-value", "integer": 7, "numeric": 7.5, "datetime": "2020-01-01T00:00:00Z"}[
        field.value_type
    ]


def test_every_search_field_uses_an_index(index: PostgisIndex) -> None:
    index.metadata_types.add_document(custom_metadata_type_doc())
    index.products.add_document(product_doc("custom", metadata_type="eo3_custom"))
    custom = [
        dataset_doc(
            "custom", properties={"sat:absolute_orbit": i, "test:gsd_min": i % 50, "test:gsd_max": i % 50 + 5}
        )
        for i in range(N)
    ]
    index.datasets.add_batch(index.datasets.from_doc(d) for d in custom)
    index._db.run("ANALYZE")
    checked = 0
    for product in ("ls8", "custom"):
        fields = dict(index.products.get_by_name_unsafe(product).metadata_type.search_fields)
        for f in indexed_fields(fields):
            plan = _plan(index, {"product": product, f.name: _field_value(f)})
            assert "Seq Scan" not in plan, (f.name, plan)
            assert f"_{f.name}_" in plan, (f.name, plan)  # its own expression index
            checked += 1
    assert checked == 14  # the 6 eo3 fields, twice, and the custom type's orbit and gsd
    assert len(index.datasets.search(product="custom", gsd=(10, 12), fetch_all=True)) == len(
        [d for d in custom if d["properties"]["test:gsd_min"] <= 12 and d["properties"]["test:gsd_max"] >= 10]
    )
