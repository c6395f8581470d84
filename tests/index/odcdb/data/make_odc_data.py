"""Build the ODC test databases with ODC itself, dump them, and record what ODC's API answers.

The tests restore the dumps into fresh databases and compare terracube's read-only drivers, and
clones made from them, with the answers recorded here; they never need ODC. This script does:
run it with datacube 1.9 in a virtual environment of its own::

    python3.12 -m venv /work/odcenv
    /work/odcenv/bin/pip install "datacube[postgres]==1.9.22" "sqlalchemy<2.1"
    /work/odcenv/bin/python tests/index/odcdb/data/make_odc_data.py [--server postgresql://postgres@127.0.0.1:5432]

For each of ODC's two index drivers (``postgres``: schema ``agdc``; ``postgis``: schema ``odc``)
it makes a scratch database, indexes the documents written below through ODC's own API
(several metadata types, eo3 and, for ``postgres``, legacy ``eo``; several products, one with
NaN nodata; archived datasets; lineage, external lineage and homes; several locations), then
writes next to this file:

* ``odc_<driver>.sql``: ``pg_dump --no-owner --no-privileges`` of the database, and
  ``odc_postgis_610f32dca3cb.sql``: the postgis one taken back by ODC's own migrations to an
  earlier revision of ODC 1.9's schema (locations in a table of their own);
* ``odc_<driver>.json``: ODC's answers: every metadata type and product definition, and per
  dataset its document, location(s), archived state and lineage; per query, the ids
  ``Datacube.find_datasets`` returns; per product, its counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import uuid
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
NS = uuid.UUID("0d1c5e0a-5a8e-4c7e-9f0b-3b6e2f7c9a11")
UTC = dt.UTC


def uid(*parts: object) -> str:
    return str(uuid.uuid5(NS, "/".join(map(str, parts))))


# --- metadata types ----------------------------------------------------------------------------

EO3_ARD = {
    "name": "eo3_ard",
    "description": "eo3 with analysis-ready fields of our own",
    "dataset": {
        "id": ["id"],
        "sources": ["lineage", "source_datasets"],
        "grid_spatial": ["grid_spatial", "projection"],
        "measurements": ["measurements"],
        "creation_dt": ["properties", "odc:processing_datetime"],
        "label": ["label"],
        "format": ["properties", "odc:file_format"],
        "search_fields": {
            "platform": {"description": "Platform code", "offset": ["properties", "eo:platform"]},
            "region_code": {"description": "Path/row", "offset": ["properties", "odc:region_code"]},
            "dataset_maturity": {"offset": ["properties", "dea:dataset_maturity"], "indexed": False},
            "cloud_cover": {"type": "double", "offset": ["properties", "eo:cloud_cover"], "indexed": False},
            "sun_elevation": {"type": "double", "offset": ["properties", "eo:sun_elevation"]},
            "wrs_path": {"type": "integer", "offset": ["properties", "landsat:wrs_path"]},
            "processed": {"type": "datetime", "offset": ["properties", "odc:processing_datetime"]},
            "gsd_range": {
                "type": "double-range",
                "min_offset": [["properties", "eo:gsd"]],
                "max_offset": [["properties", "landsat:thermal_gsd"], ["properties", "eo:gsd"]],
            },
            "time": {
                "type": "datetime-range",
                "min_offset": [["properties", "dtr:start_datetime"], ["properties", "datetime"]],
                "max_offset": [["properties", "dtr:end_datetime"], ["properties", "datetime"]],
            },
            "lon": {
                "type": "double-range",
                "min_offset": [["extent", "lon", "begin"]],
                "max_offset": [["extent", "lon", "end"]],
            },
            "lat": {
                "type": "double-range",
                "min_offset": [["extent", "lat", "begin"]],
                "max_offset": [["extent", "lat", "end"]],
            },
        },
    },
}


# --- products ----------------------------------------------------------------------------------


def band(name: str, dtype: str = "int16", nodata: Any = -999, **extra: Any) -> dict[str, Any]:
    return {"name": name, "dtype": dtype, "nodata": nodata, "units": "1", **extra}


def product(name: str, mtype: str, metadata: dict[str, Any], bands: list[dict[str, Any]], **extra: Any):
    return {
        "name": name,
        "description": f"{name}: test data indexed with ODC",
        "metadata_type": mtype,
        "license": "CC-BY-4.0",
        "metadata": metadata,
        "measurements": bands,
        **extra,
    }


EO3_PRODUCTS = [
    product("lvl1_scene", "eo3", {"product": {"name": "lvl1_scene"}}, [band("red"), band("nir")]),
    product(
        "ard_scene",
        "eo3_ard",
        {"product": {"name": "ard_scene"}, "properties": {"eo:platform": "landsat-8"}},
        [
            band("red", aliases=["band04"]),
            band("nir", aliases=["band05"]),
            band(
                "fmask",
                "uint8",
                0,
                flags_definition={
                    "fmask": {"bits": [0, 1, 2], "values": {"1": "valid", "2": "cloud", "3": "shadow"}}
                },
            ),
        ],
        load={"crs": "EPSG:32755", "resolution": {"x": 30, "y": -30}, "align": {"x": 0, "y": 0}},
    ),
    product(
        "s2_tiles",
        "eo3",
        {"product": {"name": "s2_tiles"}, "properties": {"odc:product_family": "s2"}},
        [
            band("blue", "uint16", 0),
            band(
                "swir", "uint16", 0, spectral_definition={"wavelength": [1600, 1610], "response": [0.5, 1.0]}
            ),
        ],
    ),
    product("wofs_nan", "eo3", {"product": {"name": "wofs_nan"}}, [band("water", "float32", "NaN")]),
    product("empty_product", "eo3", {"product": {"name": "empty_product"}}, [band("red")]),
]

LEGACY_PRODUCTS = [
    product(
        "ls5_level1_scene",
        "eo",
        {"product_type": "level1", "platform": {"code": "LANDSAT_5"}},
        [band("red"), band("nir")],
    ),
    product(
        "ls5_nbar_scene",
        "eo",
        {"product_type": "nbar", "platform": {"code": "LANDSAT_5"}},
        [band("red"), band("nir")],
    ),
]


# --- documents ---------------------------------------------------------------------------------


def _ring(x0: float, y0: float, w: float, h: float) -> list[list[float]]:
    return [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h], [x0, y0]]


def eo3(
    pname: str,
    key: str,
    *,
    crs: str,
    x0: float,
    y0: float,
    res: float,
    shape: tuple[int, int],
    props: dict[str, Any],
    bands: list[str],
    geometry: bool = True,
    lineage: dict[str, list[str]] | None = None,
    extra_grid: bool = False,
) -> dict[str, Any]:
    """An eo3 document: its grid's top-left corner at (x0, y0), ``res`` units per pixel."""
    h, w = shape
    grids: dict[str, Any] = {"default": {"shape": [h, w], "transform": [res, 0, x0, 0, -res, y0, 0, 0, 1]}}
    measurements: dict[str, Any] = {b: {"path": f"{key}_{b}.tif"} for b in bands}
    if extra_grid:
        grids["coarse"] = {"shape": [h // 2, w // 2], "transform": [res * 2, 0, x0, 0, -res * 2, y0, 0, 0, 1]}
        measurements[bands[-1]]["grid"] = "coarse"
    doc: dict[str, Any] = {
        "$schema": "https://schemas.opendatacube.org/dataset",
        "id": uid(pname, key),
        "label": f"{pname}_{key}",
        "product": {"name": pname},
        "crs": crs,
        "grids": grids,
        "properties": {"odc:file_format": "GeoTIFF", **props},
        "measurements": measurements,
    }
    if geometry:
        doc["geometry"] = {"type": "Polygon", "coordinates": [_ring(x0, y0 - h * res, w * res, h * res)]}
    if lineage is not None:
        doc["lineage"] = lineage
    return doc


def _iso(t: dt.datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def lvl1_docs() -> list[dict[str, Any]]:
    out = []
    for i in range(16):
        t = dt.datetime(2020, 1 + i % 12, 3 + i, 23, 50, 7, tzinfo=UTC)
        out.append(
            eo3(
                "lvl1_scene",
                f"l{i}",
                crs="epsg:32755",
                x0=550000 + 40000 * (i % 4),
                y0=6150000 - 40000 * (i // 4),
                res=30,
                shape=(3000, 3000),
                props={
                    "datetime": _iso(t),
                    "odc:processing_datetime": _iso(t + dt.timedelta(days=2)),
                    "odc:region_code": f"09{i % 4}08{i // 4}",
                    "eo:platform": "landsat-8",
                },
                bands=["red", "nir"],
            )
        )
    # One scene across the antimeridian (UTM zone 60 south), and one in a time range (dtr:*).
    out.append(
        eo3(
            "lvl1_scene",
            "antimeridian",
            crs="epsg:32760",
            x0=790000,
            y0=8000000,
            res=30,
            shape=(3000, 3000),
            props={
                "datetime": "2020-06-15T10:00:00Z",
                "odc:processing_datetime": "2020-06-16T00:00:00Z",
                "odc:region_code": "antimeridian",
            },
            bands=["red", "nir"],
        )
    )
    out.append(
        eo3(
            "lvl1_scene",
            "ranged",
            crs="epsg:32755",
            x0=700000,
            y0=6100000,
            res=30,
            shape=(2000, 2000),
            props={
                "datetime": "2021-03-10T00:00:00Z",
                "dtr:start_datetime": "2021-03-01T00:00:00Z",
                "dtr:end_datetime": "2021-03-20T12:00:00Z",
                "odc:processing_datetime": "2021-03-21T00:00:00Z",
                "odc:region_code": "ranged",
            },
            bands=["red", "nir"],
        )
    )
    return out


def ard_docs(level1: list[dict[str, Any]], external: str) -> list[dict[str, Any]]:
    out = []
    maturity = ["final", "final", "interim", "nrt"]
    for i, src in enumerate(level1[:16]):
        t = src["properties"]["datetime"]
        props = {
            "datetime": t,
            "odc:processing_datetime": f"2021-0{1 + i % 9}-0{1 + i % 9}T12:00:00Z",
            "odc:region_code": src["properties"]["odc:region_code"],
            "eo:platform": "landsat-8",
            "eo:cloud_cover": float(i * 6.25),
            "eo:sun_elevation": 20.0 + 2.5 * i,
            "landsat:wrs_path": 90 + i % 4,
            "eo:gsd": 30.0,
            "dea:dataset_maturity": maturity[i % 4],
        }
        if i % 5 == 0:
            props["landsat:thermal_gsd"] = 100.0
        lineage = {"level1": [src["id"]]}
        if i == 3:
            lineage = {"level1": [src["id"], level1[4]["id"]]}  # two sources, one classifier
        if i == 5:
            lineage = {"level1": [src["id"]], "ancillary": [level1[6]["id"]]}
        g = src["grids"]["default"]["transform"]
        out.append(
            eo3(
                "ard_scene",
                f"a{i}",
                crs="epsg:32755",
                x0=g[2],
                y0=g[5],
                res=30,
                shape=(3000, 3000),
                props=props,
                bands=["red", "nir", "fmask"],
                lineage=lineage,
                geometry=i % 3 != 0,
            )
        )
    if external:
        # Derived from a source kept in another index (external lineage: postgis only).
        out.append(
            eo3(
                "ard_scene",
                "from_external",
                crs="epsg:32755",
                x0=550000,
                y0=6230000,
                res=30,
                shape=(2000, 2000),
                props={
                    "datetime": "2020-11-11T00:00:00Z",
                    "odc:processing_datetime": "2020-11-12T00:00:00Z",
                    "odc:region_code": "external",
                    "eo:platform": "landsat-8",
                    "eo:sun_elevation": 45.0,
                    "landsat:wrs_path": 90,
                    "eo:gsd": 30.0,
                    "dea:dataset_maturity": "final",
                },
                bands=["red", "nir", "fmask"],
                lineage={"level1": [external]},
            )
        )
    return out


def s2_docs() -> list[dict[str, Any]]:
    out = []
    for i in range(12):
        zone = 32755 if i % 2 else 32756
        t = dt.datetime(2021, 1 + i % 6, 1 + 2 * i, 0, 5, 30, tzinfo=dt.timezone(dt.timedelta(hours=10)))
        out.append(
            eo3(
                "s2_tiles",
                f"s{i}",
                crs=f"epsg:{zone}",
                x0=300000 + 100000 * (i % 3),
                y0=6300000 - 100000 * (i // 3),
                res=10,
                shape=(10980, 10980),
                props={
                    "datetime": t.isoformat(),
                    "odc:processing_datetime": "2021-07-01T00:00:00Z",
                    "odc:region_code": f"55H{chr(65 + i)}",
                    "eo:platform": "sentinel-2a" if i % 3 else "sentinel-2b",
                    "odc:product_family": "s2",
                    "eo:cloud_cover": float(i * 8),
                },
                bands=["blue", "swir"],
                geometry=i % 4 != 1,  # some grids-only
                extra_grid=True,
            )
        )
    return out


def wofs_docs() -> list[dict[str, Any]]:
    """Small lon/lat grids (16 x 16 pixels): the load tests write real files for them."""
    out = []
    for i in range(8):
        out.append(
            eo3(
                "wofs_nan",
                f"w{i}",
                crs="epsg:4326",
                x0=149.0 + 0.16 * (i % 4),
                y0=-35.0 - 0.16 * (i // 4),
                res=0.01,
                shape=(16, 16),
                props={
                    "datetime": f"2022-02-{10 + i // 2:02d}T01:00:00Z",
                    "odc:processing_datetime": "2022-03-01T00:00:00Z",
                    "odc:region_code": f"w{i % 4}",
                },
                bands=["water"],
            )
        )
    return out


def legacy_doc(pname: str, ptype: str, key: str, i: int, sources: dict[str, Any]) -> dict[str, Any]:
    from pyproj import Transformer

    x0, y0, size = 600000 + 50000 * i, 6100000, 180000.0
    tr = Transformer.from_crs(32755, 4326, always_xy=True)
    corners = {"ul": (x0, y0), "ur": (x0 + size, y0), "ll": (x0, y0 - size), "lr": (x0 + size, y0 - size)}
    coord = {}
    for k, (x, y) in corners.items():
        lon, lat = tr.transform(x, y)
        coord[k] = {"lat": lat, "lon": lon}
    t = dt.datetime(2009, 3 + i, 5, 23, 40, tzinfo=UTC)
    return {
        "id": uid(pname, key),
        "product_type": ptype,
        "creation_dt": _iso(t + dt.timedelta(days=30)),
        "platform": {"code": "LANDSAT_5"},
        "instrument": {"name": "TM"},
        "format": {"name": "GeoTIFF"},
        "ga_label": f"LS5_TM_{ptype.upper()}_{key}",
        "extent": {
            "coord": coord,
            "from_dt": _iso(t - dt.timedelta(seconds=12)),
            "center_dt": _iso(t),
            "to_dt": _iso(t + dt.timedelta(seconds=12)),
        },
        "grid_spatial": {
            "projection": {
                "geo_ref_points": {k: {"x": x, "y": y} for k, (x, y) in corners.items()},
                "spatial_reference": "EPSG:32755",
            }
        },
        "image": {"bands": {"red": {"path": f"{key}_B3.TIF"}, "nir": {"path": f"{key}_B4.TIF"}}},
        "lineage": {"source_datasets": sources},
    }


# --- ODC side ----------------------------------------------------------------------------------


def connect(driver: str, url: str):
    from datacube.cfg import ODCConfig
    from datacube.index import index_connect

    cfg = ODCConfig(raw_dict={"gen": {"index_driver": driver, "db_url": url}})
    return index_connect(cfg["gen"], application_name="terracube-test-data", validate_connection=False)


def build(driver: str, url: str) -> dict[str, Any]:
    from datacube.index.hl import Doc2Dataset

    index = connect(driver, url)
    index.init_db(with_default_types=True, with_permissions=driver == "postgres")
    legacy = driver == "postgres"
    index.metadata_types.add(index.metadata_types.from_doc(EO3_ARD))
    for p in EO3_PRODUCTS + (LEGACY_PRODUCTS if legacy else []):
        index.products.add_document(p)

    level1 = lvl1_docs()
    external = "" if legacy else uid("external", "usgs-level1")
    ard = ard_docs(level1, external)
    s2, wofs = s2_docs(), wofs_docs()
    resolve = Doc2Dataset(index, verify_lineage=False, skip_lineage=not index.supports_lineage)

    def add(doc: dict[str, Any], uri: str | None, embedded: bool = False) -> None:
        ds, err = resolve(doc, uri)
        if err:
            raise RuntimeError(f"{doc['id']}: {err}")
        index.datasets.add(ds, with_lineage=embedded)  # embedded legacy sources are added too

    for d in level1:
        add(d, f"file:///data/lvl1/{d['label']}/odc-metadata.yaml")
    for d in ard:
        add(d, f"s3://ard-bucket/{d['label']}/odc-metadata.yaml")
    for i, d in enumerate(s2):
        add(d, None if i == 7 else f"https://example.org/s2/{d['label']}.json")
    for d in wofs:
        add(d, f"file:///data/wofs/{d['label']}/odc-metadata.yaml")
    if legacy:
        for i in range(4):
            l1 = legacy_doc("ls5_level1_scene", "level1", f"lvl1_{i}", i, {})
            nbar = legacy_doc("ls5_nbar_scene", "nbar", f"nbar_{i}", i, {"level1": l1})
            add(nbar, f"file:///data/ls5/nbar_{i}/ga-metadata.yaml", embedded=True)
        # ODC's postgres driver keeps several locations per dataset: its `uri` is the newest.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            index.datasets.add_location(level1[1]["id"], "s3://mirror/lvl1/l1/odc-metadata.yaml")
            index.datasets.add_location(level1[2]["id"], "s3://old/lvl1/l2/odc-metadata.yaml")
            index.datasets.archive_location(level1[2]["id"], "s3://old/lvl1/l2/odc-metadata.yaml")
    else:
        index.lineage.set_home("usgs-archive", external)
    index.datasets.archive([ard[1]["id"], ard[7]["id"], s2[4]["id"], level1[15]["id"]])
    answers = record(index, driver, url)
    index.close()
    return answers


def _time(t: dt.datetime | None) -> str | None:
    return None if t is None else t.astimezone(UTC).isoformat()


QUERIES: list[dict[str, Any]] = [
    {"product": "ard_scene"},
    {"product": "lvl1_scene", "time": ["2020-03", "2020-06"]},
    {"product": "lvl1_scene", "time": "2020-06"},
    {"product": "ard_scene", "lat": [-35.5, -35.0], "lon": [149.0, 149.5]},
    {
        "product": "ard_scene",
        "time": ["2020-01-01", "2020-08-31"],
        "lat": [-35.5, -34.8],
        "lon": [148.5, 149.6],
    },
    {"product": "ard_scene", "region_code": "090081"},
    {"product": "ard_scene", "wrs_path": 91},
    {"product": "ard_scene", "sun_elevation": [26.0, 39.0]},
    {"product": "ard_scene", "cloud_cover": [10.0, 30.0]},
    {"product": "s2_tiles", "time": ["2021-02", "2021-04"]},
    {"product": "s2_tiles", "platform": "sentinel-2b"},
    {"product": "s2_tiles", "lat": [-36.0, -35.0], "lon": [150.5, 151.5]},
    {"product": "wofs_nan", "time": "2022-02-11"},
    {"product": "wofs_nan", "lat": [-35.1, -35.05], "lon": [149.1, 149.2]},
    {"product": "lvl1_scene", "time": ["2021-03-05", "2021-03-06"]},
    {"product": "empty_product"},
    {"time": ["2020-05", "2020-07"], "lat": [-36.0, -34.0], "lon": [147.0, 151.0]},
]
LEGACY_QUERIES: list[dict[str, Any]] = [
    {"product": "ls5_nbar_scene"},
    {"product": "ls5_nbar_scene", "time": "2009-04"},
    {"product": "ls5_level1_scene", "lat": [-36, -35], "lon": [148.0, 148.6]},
]


def _query_args(q: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in q.items()}


def record(index, driver: str, url: str) -> dict[str, Any]:
    from datacube import Datacube

    out: dict[str, Any] = {"odc_version": __import__("datacube").__version__, "driver": driver}
    out["metadata_types"] = {mt.name: mt.definition for mt in index.metadata_types.get_all()}
    out["products"] = {p.name: p.definition for p in index.products.get_all()}
    datasets: dict[str, Any] = {}
    all_ids = list(index.datasets.get_all_dataset_ids(archived=False)) + list(
        index.datasets.get_all_dataset_ids(archived=True)
    )
    for id_ in sorted(all_ids, key=str):
        ds = index.datasets.get(id_)
        entry: dict[str, Any] = {
            "product": ds.product.name,
            "metadata_doc": ds.metadata_doc,
            "uri": ds.uri,
            "uris": list(ds._uris),
            "archived": ds.is_archived,
            "archived_time": _time(ds.archived_time),
            "indexed_time": _time(ds.indexed_time),
        }
        if driver == "postgres":
            with_src = index.datasets.get(id_, include_sources=True)
            entry["sources"] = {c: str(s.id) for c, s in (with_src.sources or {}).items()}
            entry["derived"] = sorted(str(d.id) for d in index.datasets.get_derived(id_))
        else:
            src = index.lineage.get_source_tree(id_, max_depth=1)
            der = index.lineage.get_derived_tree(id_, max_depth=1)
            entry["sources"] = {
                c: sorted(str(t.dataset_id) for t in ts) for c, ts in (src.children or {}).items()
            }
            entry["derived"] = {
                c: sorted(str(t.dataset_id) for t in ts) for c, ts in (der.children or {}).items()
            }
        datasets[str(id_)] = entry
    out["datasets"] = datasets
    if driver == "postgis":
        homes = index.lineage.get_homes(*all_ids, uuid.UUID(uid("external", "usgs-level1")))
        out["homes"] = {str(k): v for k, v in homes.items()}
    dc = Datacube(index=index)
    queries = QUERIES + (LEGACY_QUERIES if driver == "postgres" else [])

    def find(q: dict[str, Any]) -> list[str]:
        if "product" in q:
            found = dc.find_datasets(**_query_args(q))
        else:  # find_datasets needs a product; search through the same Query
            from datacube.api.query import Query

            found = index.datasets.search(**Query(index=index, **_query_args(q)).search_terms)
        return sorted(str(d.id) for d in found)

    out["queries"] = []
    for q in queries:
        try:
            out["queries"].append({"query": q, "ids": find(q)})
        except Exception as e:  # ODC refuses some queries (see docs/index.md): noted, not compared
            index.close()
            index = connect(driver, url)
            dc = Datacube(index=index)
            out["queries"].append({"query": q, "refused": f"{type(e).__name__}"})
    out["counts"] = {
        p.name: {
            "active": index.datasets.count(product=p.name),
            "archived": index.datasets.count(product=p.name, archived=True),
        }
        for p in index.products.get_all()
    }
    return out


#: An older revision of ODC 1.9's postgis schema: locations in their own table, odc.location.
OLD_REVISION = "610f32dca3cb"


def old_schema(admin: Any, server: str, name: str) -> None:
    """Dump a copy of the postgis database taken back to :data:`OLD_REVISION` by ODC's own migrations."""
    from alembic import command, config
    from datacube.drivers.postgis._core import ALEMBIC_INI_LOCATION
    from sqlalchemy import create_engine

    old = f"{name}_old"
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{old}"')
        cur.execute(f'CREATE DATABASE "{old}" TEMPLATE "{name}"')
        for role in ("odc_user", "odc_ingest", "odc_manage", "odc_admin"):  # the downgrade revokes them
            cur.execute(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'")
            if cur.fetchone() is None:
                cur.execute(f"CREATE ROLE {role} NOLOGIN")
    engine = create_engine(f"{server.replace('postgresql://', 'postgresql+psycopg2://')}/{old}")
    with engine.begin() as conn:
        cfg = config.Config(ALEMBIC_INI_LOCATION)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, OLD_REVISION)
    engine.dispose()
    dump = subprocess.run(
        ["pg_dump", "--no-owner", "--no-privileges", f"{server}/{old}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (HERE / f"odc_postgis_{OLD_REVISION}.sql").write_text(dump)
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE "{old}" WITH (FORCE)')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", default="postgresql://postgres@127.0.0.1:5432")
    args = ap.parse_args()
    import psycopg2

    for driver in ("postgres", "postgis"):
        name = f"tc_odc_testdata_{driver}"
        admin = psycopg2.connect(f"{args.server}/postgres")
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cur.execute(f'CREATE DATABASE "{name}"')
        url = f"{args.server}/{name}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            answers = build(driver, url)
        (HERE / f"odc_{driver}.json").write_text(json.dumps(answers, indent=1, sort_keys=True) + "\n")
        dump = subprocess.run(
            ["pg_dump", "--no-owner", "--no-privileges", url], check=True, capture_output=True, text=True
        ).stdout
        (HERE / f"odc_{driver}.sql").write_text(dump)
        if driver == "postgis":
            old_schema(admin, args.server, name)
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()
        print(f"{driver}: {len(answers['datasets'])} datasets, {len(answers['queries'])} queries")


if __name__ == "__main__":
    main()
