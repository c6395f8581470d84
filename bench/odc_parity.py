"""Do terracube's searches answer as ODC's do? The same documents and queries on both, compared.

ODC's side runs in its own virtual environment (``pip install 'datacube[postgres]'``) against a
scratch PostgreSQL database with its ``postgis`` index driver; terracube's side runs on every
terracube driver (memory, sqlite, postgis). The documents are generated here, deliberately
awkward: UTM and lon/lat footprints, rings wound both ways, footprints across the antimeridian,
datasets with a time range (``dtr:start_datetime``/``dtr:end_datetime``), cloud cover exactly on
range ends, timestamps on period boundaries.

Usage::

    /tmp/odc-venv/bin/python bench/odc_parity.py odc [postgis|postgres] > /tmp/odc-answers.json
    python bench/odc_parity.py terracube /tmp/odc-answers.json

The second command prints, per driver, the queries whose answers differ (ids only in one side),
and exits non-zero if any do. ODC's postgis index refuses ranges on eo3's ``cloud_cover`` (an
unindexed numeric field): those queries are reported as refused; ``odc_parity_wide.py`` checks
closed numeric ranges on indexed fields instead.
"""

from __future__ import annotations

import json
import random
import sys
import uuid

N_DATASETS = 600
SERVER = "postgresql://postgres@127.0.0.1:5432"
ODC_DB = "tc_odc_parity"
NS = uuid.UUID("3c1f3b0e-2f55-4c55-9d5e-7d0c4f0a6b11")

PRODUCT = {
    "name": "parity",
    "description": "parity check product",
    "metadata_type": "eo3",
    "license": "CC-BY-4.0",
    "metadata": {"product": {"name": "parity"}},
    "measurements": [{"name": "red", "dtype": "int16", "nodata": -999, "units": "1"}],
}


def _utm_epsg(lon: float, lat: float) -> int:
    zone = int((lon + 180) // 6) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def _ring_in_crs(lon0: float, lat0: float, w: float, h: float, epsg: int, rng: random.Random):
    """A skewed quadrilateral around (lon0, lat0) of about w x h degrees, in `epsg` coordinates."""
    from pyproj import Transformer

    corners = [
        (lon0 + rng.uniform(-0.1, 0.1) * w, lat0 + rng.uniform(-0.1, 0.1) * h),
        (lon0 + w + rng.uniform(-0.1, 0.1) * w, lat0 + rng.uniform(-0.1, 0.1) * h),
        (lon0 + w + rng.uniform(-0.1, 0.1) * w, lat0 + h + rng.uniform(-0.1, 0.1) * h),
        (lon0 + rng.uniform(-0.1, 0.1) * w, lat0 + h + rng.uniform(-0.1, 0.1) * h),
    ]
    if epsg == 4326:
        pts = corners
    else:
        tr = Transformer.from_crs(4326, epsg, always_xy=True)
        pts = [tr.transform(x, y) for x, y in corners]
    pts = [[round(x, 3), round(y, 3)] for x, y in pts]
    return [*pts, pts[0]]


def documents() -> list[dict]:
    rng = random.Random(20201)
    out = []
    for i in range(N_DATASETS):
        kind = rng.random()
        if kind < 0.08:
            # Across the antimeridian, in a UTM zone at its edge or in a polar/3832 projection.
            lon0, lat0 = rng.uniform(178.0, 179.6), rng.uniform(-20.0, -10.0)
            w, h = rng.uniform(0.6, 1.8), rng.uniform(0.3, 1.0)
            epsg = rng.choice([32660, 3832])
        elif kind < 0.25:
            lon0, lat0 = rng.uniform(140.0, 152.0), rng.uniform(-38.0, -30.0)
            w, h = rng.uniform(0.2, 1.5), rng.uniform(0.2, 1.5)
            epsg = 4326
        else:
            lon0, lat0 = rng.uniform(140.0, 152.0), rng.uniform(-38.0, -30.0)
            w, h = rng.uniform(0.2, 1.0), rng.uniform(0.2, 1.0)
            epsg = _utm_epsg(lon0 + w / 2, lat0 + h / 2)
        ring = _ring_in_crs(lon0, lat0, w, h, epsg, rng)
        if rng.random() < 0.5:
            ring = ring[::-1]
        # Times: many exactly on period boundaries, some with a range.
        year = rng.choice([2019, 2020, 2021])
        month = rng.randint(1, 12)
        day = rng.choice([1, 1, 15, 28])
        hh, mm, ss = rng.choice([(0, 0, 0), (23, 59, 59), (12, 30, 0), (23, 59, 59)])
        t = f"{year}-{month:02d}-{day:02d}T{hh:02d}:{mm:02d}:{ss:02d}"
        # Spellings of a time: UTC with Z, a local offset (another UTC day), fractions, none (UTC).
        tz = rng.choice(["Z", "Z", "+10:00", "-05:30", ".250000Z", ""])
        t += tz
        props = {
            "datetime": t,
            "eo:platform": "landsat-8",
            "eo:instrument": "OLI_TIRS",
            "odc:file_format": "GeoTIFF",
            "odc:processing_datetime": f"2021-06-01T00:00:00{tz.removeprefix('.250000')}",
            "odc:region_code": f"{rng.randint(88, 95):03d}{rng.randint(80, 86):03d}",
            "eo:cloud_cover": rng.choice([0.0, 10.0, 10.0, 25.5, 50.0, 50.0, 50.000001, 9.999, 80.0]),
            "odc:product_family": "ard",
        }
        if rng.random() < 0.3:
            days = rng.choice([1, 10, 40])
            props["dtr:start_datetime"] = t
            end_month = month + (days // 30)
            end_year = year + (end_month - 1) // 12
            end_month = (end_month - 1) % 12 + 1
            props["dtr:end_datetime"] = (
                f"{end_year}-{end_month:02d}-{min(28, day + days % 28):02d}T00:00:00{tz.removeprefix('.250000')}"
            )
        out.append(
            {
                "$schema": "https://schemas.opendatacube.org/dataset",
                "id": str(uuid.uuid5(NS, str(i))),
                "product": {"name": "parity"},
                "crs": f"EPSG:{epsg}",
                "geometry": {"type": "Polygon", "coordinates": [ring]}
                if i % 17
                else {"type": "MultiPolygon", "coordinates": [[ring]]},
                "grids": {
                    "default": {
                        "shape": [100, 100],
                        "transform": [30, 0, ring[0][0], 0, -30, ring[0][1], 0, 0, 1],
                    }
                },
                "properties": props,
                "measurements": {"red": {"path": f"red_{i}.tif"}},
                "lineage": {},
            }
        )
    return out


def queries() -> list[dict]:
    """Queries as JSON: time strings/pairs (None = open), numeric ranges, lat/lon, x/y+crs, geopolygon."""
    q: list[dict] = [
        {"time": "2020"},
        {"time": "2020-03"},
        {"time": "2020-03-01"},
        {"time": ["2020-01", "2020-03"]},
        {"time": ["2019-12-31", "2020-01-01"]},
        {"time": [None, "2019-06"]},
        {"time": ["2021-11", None]},
        {"time": ["2020-02-15T12:00:00", "2020-02-16"]},
        {"cloud_cover": [10, 50]},
        {"cloud_cover": [0, 10]},
        {"cloud_cover": [50, 100]},
        {"region_code": "090083"},
        {"lat": [-35.5, -34.5], "lon": [148.5, 149.5]},
        {"lat": [-33.0, -32.9], "lon": [145.0, 145.1]},
        {"lat": [-16.0, -14.0], "lon": [179.5, 180.0]},
        {"lat": [-16.0, -14.0], "lon": [-180.0, -179.5]},
        {"lat": [-20.0, -10.0], "lon": [-179.9, -179.0]},
        {"x": [600000, 700000], "y": [6100000, 6200000], "crs": "EPSG:32755"},
        {"x": [1.62e7, 1.65e7], "y": [-2.3e6, -1.7e6], "crs": "EPSG:3857"},
        {"time": "2020", "lat": [-36.0, -31.0], "lon": [144.0, 150.0], "cloud_cover": [10, 50]},
        {
            "geopolygon": {
                "type": "Polygon",
                "coordinates": [[[146.0, -36.0], [148.0, -33.0], [150.0, -36.0], [146.0, -36.0]]],
            },
            "geopolygon_crs": "EPSG:4326",
        },
    ]
    rng = random.Random(5)
    for _ in range(30):
        lon0, lat0 = rng.uniform(140.0, 151.0), rng.uniform(-38.0, -30.5)
        size = rng.choice([0.05, 0.3, 1.0, 3.0])
        q.append({"lat": [lat0, lat0 + size], "lon": [lon0, lon0 + size]})
    for _ in range(10):
        y = rng.choice([2019, 2020, 2021])
        m0 = rng.randint(1, 12)
        m1 = min(12, m0 + rng.randint(0, 3))
        q.append({"time": [f"{y}-{m0:02d}", f"{y}-{m1:02d}"], "cloud_cover": [rng.choice([0, 10, 25.5]), 50]})
    return q


# --- ODC's side --------------------------------------------------------------------------------


def run_odc(driver: str = "postgis") -> dict:
    import os

    import psycopg2  # datacube[postgres] brings it

    conn = psycopg2.connect(f"{SERVER}/postgres")
    conn.autocommit = True
    with conn.cursor() as c:
        c.execute(f'DROP DATABASE IF EXISTS "{ODC_DB}"')
        c.execute(f'CREATE DATABASE "{ODC_DB}"')
        # The legacy driver's schema names its roles even when set up without permissions.
        for role in ("agdc_user", "agdc_ingest", "agdc_manage", "agdc_admin"):
            c.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if c.fetchone() is None:
                c.execute(f"CREATE ROLE {role} NOLOGIN")
    conn.close()
    os.environ["ODC_DEFAULT_DB_URL"] = f"{SERVER}/{ODC_DB}".replace("postgresql://", "postgresql+psycopg2://")
    os.environ["ODC_DEFAULT_INDEX_DRIVER"] = driver
    from datacube import Datacube
    from datacube.index import index_connect
    from datacube.index.hl import Doc2Dataset
    from odc.geo.geom import Geometry

    index = index_connect(application_name="parity", validate_connection=False)
    index.init_db(with_permissions=(driver == "postgres"))
    index.products.add_document(PRODUCT)
    resolver = Doc2Dataset(index, products=["parity"], verify_lineage=False, skip_lineage=True)
    for doc in documents():
        ds, err = resolver(doc, f"file:///parity/{doc['id']}.yaml")
        if err:
            raise SystemExit(f"ODC refused {doc['id']}: {err}")
        index.datasets.add(ds, with_lineage=False)
    # Users query through Datacube (its Query turns date strings into periods, x/y + crs into a
    # polygon, numeric pairs into ranges): that is the answer to compare with.
    dc = Datacube(index=index)
    answers = {}
    for i, q in enumerate(queries()):
        kw = _odc_query(q, Geometry)
        try:
            ids = sorted(str(d.id) for d in dc.find_datasets(product="parity", **kw))
            answers[str(i)] = {"query": q, "ids": ids}
        except Exception as e:  # record refusals too: a different answer is still an answer
            answers[str(i)] = {"query": q, "error": f"{type(e).__name__}: {e}"}
    index.close()
    return answers


def _odc_query(q: dict, geometry_class) -> dict:
    """ODC's keywords: pairs as tuples (Datacube's Query makes them ranges), polygons as Geometry."""
    kw = {k: tuple(v) if isinstance(v, list) else v for k, v in q.items() if not k.startswith("geopolygon")}
    if "geopolygon" in q:
        kw["geopolygon"] = geometry_class(q["geopolygon"], crs=q["geopolygon_crs"])
    return kw


# --- terracube's side --------------------------------------------------------------------------


def _tc_query(q: dict) -> dict:
    from odc.geo.geom import Geometry

    from terracube.model import Range

    kw = {}
    for k, v in q.items():
        if k == "geopolygon_crs":
            continue
        if k == "geopolygon":
            kw["geopolygon"] = Geometry(v, crs=q["geopolygon_crs"])
        elif k == "time" and isinstance(v, list):
            kw["time"] = tuple(v)
        elif k in ("lat", "lon", "x", "y"):
            kw[k] = tuple(v)
        elif k == "cloud_cover":
            kw[k] = Range(*v)
        else:
            kw[k] = v
    return kw


def _tc_indexes():
    import tempfile

    from terracube.index.memory import MemoryIndex
    from terracube.index.sqlite import SQLiteIndex

    yield "memory", MemoryIndex()
    yield "sqlite", SQLiteIndex(f"{tempfile.mkdtemp()}/parity.db")
    try:
        import psycopg

        from terracube.index.postgis import PostgisIndex
    except ImportError:
        return
    db = "tc_parity_tc"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{db}"')
        c.execute(f'CREATE DATABASE "{db}"')
    yield "postgis", PostgisIndex(f"{SERVER}/{db}")


def run_terracube(odc_answers: dict) -> int:
    docs = documents()
    qs = queries()
    bad = 0
    for name, index in _tc_indexes():
        index.init_db()
        index.products.add_document(PRODUCT)
        index.datasets.add_batch(
            index.datasets.from_doc(d, uri=f"file:///parity/{d['id']}.yaml") for d in docs
        )
        differ = refused = 0
        for i, q in enumerate(qs):
            want = odc_answers[str(i)]
            try:
                got = sorted(str(d.id) for d in index.datasets.search(product="parity", **_tc_query(q)))
            except Exception as e:
                got_err = f"{type(e).__name__}: {e}"
                if "error" not in want:
                    differ += 1
                    print(
                        f"[{name}] #{i} {json.dumps(q)}: terracube refused ({got_err}); ODC found {len(want['ids'])}"
                    )
                continue
            if "error" in want:
                refused += 1
                print(
                    f"[{name}] #{i} {json.dumps(q)}: ODC refused ({want['error']}); terracube found {len(got)}"
                )
                continue
            if got != want["ids"]:
                differ += 1
                only_tc = sorted(set(got) - set(want["ids"]))
                only_odc = sorted(set(want["ids"]) - set(got))
                print(
                    f"[{name}] #{i} {json.dumps(q)}: terracube {len(got)}, ODC {len(want['ids'])}; "
                    f"only terracube {only_tc[:5]}, only ODC {only_odc[:5]}"
                )
        total = sum(len(a.get("ids", [])) for a in odc_answers.values())
        print(
            f"[{name}] {len(qs) - differ - refused}/{len(qs)} queries agree with ODC ({total} matches in all), "
            f"{differ} differ, {refused} refused by ODC"
        )
        bad += differ
        index.close()
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["odc"]:
        json.dump(run_odc(*sys.argv[2:3]), sys.stdout, indent=1)
    elif sys.argv[1:2] == ["terracube"] and len(sys.argv) == 3:
        with open(sys.argv[2]) as f:
            sys.exit(run_terracube(json.load(f)))
    else:
        raise SystemExit(__doc__)
