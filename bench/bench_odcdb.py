"""Moving from ODC: clone an ODC postgis database, and search it in place, against ODC itself.

The ODC database is built in three steps. ODC (datacube 1.9, in its own virtual environment,
run here as a subprocess of that environment's Python, ``--odc-python``) sets up its postgis
schema, adds the product and adds the first ``--seed`` documents of ``_eo3_docs.py`` itself
(``datasets.bulk_add``: ODC adds some 30 a second here, too slow for 100,000). The rest are
made in SQL from those, row for row as ODC writes them (see ``multiply``), then ``VACUUM
ANALYZE``. Last, ODC's own API checks the result (``odc_check``: the count, stored documents
against ``prep_eo3`` of the same documents, searches finding SQL-made datasets). The ODC side
of the search comparison runs in that environment too. Then, in this process:

* ``clone``: ``terracube system clone``'s code path (``init_db`` without default types, then
  ``clone`` in batches of ``--batch-size``) from the ODC database, read through the read-only
  ``odc_postgis`` driver, into a new SQLite file and into a new PostGIS database; datasets/s.
* ``search``: the same product + time + box queries (``bench_postgis.py``'s) through the
  read-only driver straight against the ODC database, and through ODC's own
  ``index.datasets.search`` on it, side by side: median milliseconds (wall and client CPU),
  same ids.

Usage::

    python3.12 -m venv /work/odcenv && /work/odcenv/bin/pip install "datacube[postgres]==1.9.22" "sqlalchemy<2.1"
    PYTHONPATH=src python bench/bench_odcdb.py -n 100000 --odc-python /work/odcenv/bin/python

The ODC database (``--db``) is kept for the next run (built only if it lacks the datasets);
the clone destinations are removed. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import STEP, T0, docs, product_doc, tile_doc

SERVER = "postgresql://postgres@127.0.0.1:5432"


def query(i: int, steps: int) -> dict[str, object]:
    """The i-th product + time + bbox query (as ``bench_postgis.py`` builds it): plain values."""
    r = random.Random(i)
    step = r.randint(0, max(0, steps - 18))
    t0 = T0 + step * STEP
    lon0 = r.choice([108.0, 114.0, 120.0, 126.0, 132.0, 138.0, 144.0, 150.0]) + 0.2
    lat0 = r.uniform(-36.0, -20.0)
    return {
        "product": "bench",
        "time": (t0.isoformat(), (t0 + 17 * STEP - dt.timedelta(seconds=1)).isoformat()),
        "lon": (lon0, lon0 + 1.2),
        "lat": (lat0, lat0 + 1.2),
    }


# --- the ODC side (run with ODC's Python) ------------------------------------------------------


def _odc_index(url: str):
    from datacube.cfg import ODCConfig
    from datacube.index import index_connect

    cfg = ODCConfig(raw_dict={"bench": {"index_driver": "postgis", "db_url": url}})
    return index_connect(cfg["bench"], application_name="bench", validate_connection=False)


def odc_build(url: str, n: int) -> None:
    """Let ODC set up its postgis index at ``url`` and add the first ``n`` documents itself."""
    from datacube.index.abstract import DatasetTuple
    from datacube.index.eo3 import prep_eo3

    index = _odc_index(url)
    # datacube 1.9.22 sets up its roles with PostgreSQL 16 syntax, which 15 refuses: none then.
    index.init_db(with_permissions=False)
    if index.products.get_by_name("bench") is None:
        index.products.add_document(product_doc())
    product = index.products.get_by_name("bench")
    have = index.datasets.count(product="bench")
    if have < n:
        t = time.perf_counter()
        index.datasets.bulk_add(
            (
                DatasetTuple(product, prep_eo3(d), f"file:///bench/{d['id']}.yaml")
                for d in docs(n - have, start=have)
            ),
            batch_size=5000,
        )
        print(f"ODC added {n - have:,} ({(n - have) / (time.perf_counter() - t):.0f}/s)", file=sys.stderr)
    index.close()


def odc_check(url: str, n: int, seed: int) -> None:
    """Check through ODC's own API that it reads the multiplied database as if it had added it all.

    The count; the stored documents (as ``get`` returns them) of a sample of ODC-added and
    SQL-made datasets against what ODC makes of the same documents (``prep_eo3``); and ODC's
    searches by label and by product + time + box (its postgis driver fails on a
    cloud cover range: an error in datacube 1.9.22's SQL building) finding SQL-made datasets.
    """
    from datacube.index.eo3 import prep_eo3
    from datacube.model import Range

    index = _odc_index(url)
    count = index.datasets.count(product="bench")
    assert count == n, (count, n)
    rng = random.Random(7)
    sample = [0, seed - 1, seed, n - 1, *rng.sample(range(n), 30)]
    for i in sample:
        want = prep_eo3(tile_doc(i))
        got = index.datasets.get(want["id"])
        assert got is not None, i
        assert json.loads(json.dumps(got.metadata_doc)) == json.loads(json.dumps(want)), i
        assert got.uri == f"file:///bench/{want['id']}.yaml", (i, got.uri)
        by_label = list(index.datasets.search(product="bench", label=want["label"]))
        assert [str(d.id) for d in by_label] == [want["id"]], (i, by_label)
        t = dt.datetime.fromisoformat(want["properties"]["datetime"])
        lon, lat = want["extent"]["lon"], want["extent"]["lat"]
        mid_lon, mid_lat = (lon["begin"] + lon["end"]) / 2, (lat["begin"] + lat["end"]) / 2
        found = index.datasets.search(
            product="bench",
            time=Range(t - dt.timedelta(seconds=1), t + dt.timedelta(seconds=1)),
            lon=Range(mid_lon - 0.01, mid_lon + 0.01),
            lat=Range(mid_lat - 0.01, mid_lat + 0.01),
        )
        assert want["id"] in {str(d.id) for d in found}, i
    index.close()
    print(json.dumps({"odc_count": count, "documents_checked": len(sample)}))


def odc_search(url: str, n: int, repeats: int) -> None:
    """Time ODC's own search of the benchmark queries; print medians and ids as JSON."""
    from datacube.model import Range

    index = _odc_index(url)
    steps = n // 1000

    def odc_query(i: int) -> dict[str, object]:
        q = query(i, steps)
        t0, t1 = (dt.datetime.fromisoformat(t) for t in q["time"])  # type: ignore[union-attr]
        return {"product": "bench", "time": Range(t0, t1), "lon": Range(*q["lon"]), "lat": Range(*q["lat"])}  # type: ignore[misc]

    list(index.datasets.search(**odc_query(10_000)))  # warm up
    times, cpus, ids = [], [], {}
    for i in range(repeats):
        t, cpu = time.perf_counter(), time.process_time()
        found = list(index.datasets.search(**odc_query(i)))
        times.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        ids[i] = sorted(str(d.id) for d in found)
    index.close()
    print(
        json.dumps(
            {"median_ms": statistics.median(times), "median_cpu_ms": statistics.median(cpus), "ids": ids}
        )
    )


# --- the terracube side ----------------------------------------------------------------------------


def _db(server: str, name: str, *, drop: bool = False, create: bool = False) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        if drop:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create and c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            c.execute(f'CREATE DATABASE "{name}"')


def multiply(server: str, db: str, n: int, seed: int) -> dict[str, object]:
    """Make datasets ``seed`` .. ``n - 1`` of ``_eo3_docs`` in SQL from the ``seed`` ODC added.

    Dataset ``i`` is the same tile as dataset ``i % seed`` (``seed`` is a whole number of time
    steps), so its footprint, extent, grid and search rows are that one's. What differs is
    written here: the id, label, datetime and cloud cover of ``tile_doc(i)`` in the document,
    its location (``uri_scheme``/``uri_body``), and its label, time and cloud_cover search
    rows, as ODC writes them. Rows of ODC's ``dataset``, ``dataset_search_string``,
    ``dataset_search_num``, ``dataset_search_datetime`` and ``spatial_4326`` tables.
    """
    import psycopg

    tiles = 1000  # _eo3_docs: ZONES * COLS * ROWS
    if seed % tiles:
        raise SystemExit(f"--seed {seed} must be a multiple of {tiles} (whole time steps)")
    t = time.perf_counter()
    with psycopg.connect(f"{server}/{db}") as c:
        (have,) = c.execute("SELECT count(*) FROM odc.dataset").fetchone()
        if have >= n:
            return {"made_in_sql": 0}
        if have != seed:
            raise SystemExit(f"{db} holds {have} datasets; expected the {seed} ODC added")
        template = {i: tile_doc(i)["id"] for i in range(seed)}
        c.execute(
            "CREATE TEMP TABLE more (i int, id uuid, tmpl uuid, label text, t timestamptz, "
            "t_json text, cc text, uri_body text)"
        )
        with c.cursor().copy("COPY more FROM STDIN") as cp:
            for i in range(seed, n):
                d = tile_doc(i)
                p = d["properties"]
                cp.write_row(
                    (
                        i,
                        d["id"],
                        template[i % seed],
                        d["label"],
                        p["datetime"],
                        json.dumps(p["datetime"]),
                        repr(p["eo:cloud_cover"]),
                        f"///bench/{d['id']}.yaml",
                    )
                )
        c.execute("CREATE INDEX ON more (i)")
        c.execute(
            """
            INSERT INTO odc.dataset (id, metadata_type_ref, product_ref, metadata, archived, added,
                                     added_by, updated, uri_scheme, uri_body)
            SELECT m.id, d.metadata_type_ref, d.product_ref,
                   jsonb_set(jsonb_set(jsonb_set(jsonb_set(d.metadata,
                       '{id}', to_jsonb(m.id::text)),
                       '{label}', to_jsonb(m.label)),
                       '{properties,datetime}', m.t_json::jsonb),
                       '{properties,eo:cloud_cover}', m.cc::jsonb),
                   NULL, now(), d.added_by, now(), d.uri_scheme, m.uri_body
            FROM more m JOIN odc.dataset d ON d.id = m.tmpl ORDER BY m.i
            """
        )
        c.execute(
            """
            INSERT INTO odc.spatial_4326 (dataset_ref, extent)
            SELECT m.id, s.extent FROM more m JOIN odc.spatial_4326 s ON s.dataset_ref = m.tmpl ORDER BY m.i
            """
        )
        c.execute(
            """
            INSERT INTO odc.dataset_search_string (dataset_ref, search_key, search_val)
            SELECT m.id, s.search_key, CASE WHEN s.search_key = 'label' THEN m.label ELSE s.search_val END
            FROM more m JOIN odc.dataset_search_string s ON s.dataset_ref = m.tmpl ORDER BY m.i
            """
        )
        c.execute(
            """
            INSERT INTO odc.dataset_search_num (dataset_ref, search_key, search_val)
            SELECT m.id, s.search_key,
                   CASE WHEN s.search_key = 'cloud_cover' THEN numrange(m.cc::numeric, m.cc::numeric, '[]')
                        ELSE s.search_val END
            FROM more m JOIN odc.dataset_search_num s ON s.dataset_ref = m.tmpl ORDER BY m.i
            """
        )
        c.execute(
            """
            INSERT INTO odc.dataset_search_datetime (dataset_ref, search_key, search_val)
            SELECT m.id, s.search_key,
                   CASE WHEN s.search_key = 'time' THEN tstzrange(m.t, m.t, '[]') ELSE s.search_val END
            FROM more m JOIN odc.dataset_search_datetime s ON s.dataset_ref = m.tmpl ORDER BY m.i
            """
        )
    with psycopg.connect(f"{server}/{db}", autocommit=True) as c:
        c.execute("VACUUM ANALYZE")
    return {"made_in_sql": n - seed, "seconds": round(time.perf_counter() - t, 1)}


def _server_cpu(server: str, dbname: str) -> float | None:
    """CPU seconds used so far by the server processes connected to ``dbname`` (same machine only)."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        pids = [r[0] for r in c.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (dbname,))]
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # another machine, or gone
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _clone(src_url: str, dst: object, batch_size: int) -> dict[str, object]:
    from terracube.index.odcdb import OdcPostgisIndex

    src = OdcPostgisIndex(src_url)
    load = os.getloadavg()[0]
    t, cpu = time.perf_counter(), time.process_time()
    dst.init_db(with_default_types=False)  # type: ignore[attr-defined]
    counts = dst.clone(src, batch_size=batch_size)  # type: ignore[attr-defined]
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    server, src_db = src_url.rsplit("/", 1)
    servers = {"source_server_cpu_s": _server_cpu(server, src_db)}
    dst_url = getattr(dst, "_db_url", None)
    if dst_url:
        servers["destination_server_cpu_s"] = _server_cpu(server, dst_url.rsplit("/", 1)[1])
    src.close()
    dst.close()  # type: ignore[attr-defined]
    return {
        "seconds": round(secs, 1),
        "datasets_per_s": round(counts["datasets"].completed / secs),
        "client_cpu_s": round(cpu, 1),
        **{k: None if v is None else round(v, 1) for k, v in servers.items()},
        "load_average": [round(load, 1), round(os.getloadavg()[0], 1)],
        **{kind: st.completed for kind, st in counts.items()},
        "skipped": counts["datasets"].skipped,
        "failed": counts["datasets"].failed,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "mode", nargs="?", default="terracube", choices=["terracube", "odc-build", "odc-check", "odc-search"]
    )
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="the ODC database (default: tc_odcdb_bench_<n>)")
    ap.add_argument("--server", default=SERVER)
    ap.add_argument("--odc-python", default="/work/odcenv/bin/python")
    ap.add_argument("--seed", type=int, default=1000, help="datasets ODC adds itself (whole time steps)")
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=50)
    ap.add_argument(
        "--skip", default="", help="comma-separated parts to skip: check, sqlite, postgis, search"
    )
    args = ap.parse_args()
    db = args.db or f"tc_odcdb_bench_{args.n}"
    url = f"{args.server}/{db}"
    if args.mode == "odc-build":
        odc_build(url, args.n)
        return
    if args.mode == "odc-check":
        odc_check(url, args.n, args.seed)
        return
    if args.mode == "odc-search":
        odc_search(url, args.n, args.repeats)
        return

    from terracube.index.odcdb import OdcPostgisIndex

    skip = set(filter(None, args.skip.split(",")))
    _db(args.server, db, create=True)
    me = str(Path(__file__).resolve())
    subprocess.run([args.odc_python, me, "odc-build", "-n", str(args.seed), "--db", db], check=True)
    result: dict[str, object] = {"odc_database": db, "datasets": args.n, "batch_size": args.batch_size}
    result["build"] = multiply(args.server, db, args.n, args.seed)
    check = [args.odc_python, me, "odc-check", "-n", str(args.n), "--seed", str(args.seed), "--db", db]
    if "check" not in skip:
        result["odc_check"] = json.loads(
            subprocess.run(check, check=True, capture_output=True, text=True).stdout
        )
    if "sqlite" not in skip:
        from terracube.index.sqlite import SQLiteIndex

        with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR", "/tmp")) as tmp:
            result["clone_into_sqlite"] = _clone(url, SQLiteIndex(Path(tmp) / "clone.db"), args.batch_size)
    if "postgis" not in skip:
        from terracube.index.postgis import PostgisIndex

        dst = f"tc_odcdb_bench_clone_{os.getpid()}"
        _db(args.server, dst, drop=True, create=True)
        try:
            result["clone_into_postgis"] = _clone(url, PostgisIndex(f"{args.server}/{dst}"), args.batch_size)
        finally:
            _db(args.server, dst, drop=True)
    if "search" not in skip:
        load = os.getloadavg()[0]
        odc = json.loads(
            subprocess.run(
                [
                    args.odc_python,
                    me,
                    "odc-search",
                    "-n",
                    str(args.n),
                    "--db",
                    db,
                    "--repeats",
                    str(args.repeats),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        index = OdcPostgisIndex(url)
        steps = args.n // 1000
        list(index.datasets.search(**query(10_000, steps)))  # warm up
        times, cpus, sizes, same = [], [], [], 0
        for i in range(args.repeats):
            t, cpu = time.perf_counter(), time.process_time()
            found = list(index.datasets.search(**query(i, steps)))
            times.append((time.perf_counter() - t) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            sizes.append(len(found))
            same += sorted(str(d.id) for d in found) == odc["ids"][str(i)]
        index.close()
        result["search"] = {
            "load_average": [round(load, 1), round(os.getloadavg()[0], 1)],
            "queries": args.repeats,
            "median_results": statistics.median(sizes),
            "terracube_read_only_median_ms": round(statistics.median(times), 2),
            "odc_median_ms": round(odc["median_ms"], 2),
            "terracube_client_cpu_median_ms": round(statistics.median(cpus), 2),
            "odc_client_cpu_median_ms": round(odc["median_cpu_ms"], 2),
            "same_ids": f"{same}/{args.repeats}",
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
