"""A brute-force oracle: which documents a query should match, computed independently.

It reads the raw eo3 documents with plain Python (pandas periods for date strings, pyproj and
shapely for footprints), sharing no code with the index, so a driver's answers can be checked
against it on random documents and queries.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import shapely

from terracube.index.testing._documents import box_geometry, dataset_doc

__all__ = ["expected_ids", "random_documents"]

PLATFORMS = ("landsat-8", "landsat-9", "sentinel-2a")
CLOUDS = (0.0, 10.0, 10.5, 50.0, 99.9, 100.0, None)


def random_documents(n: int, seed: int, product: str = "rnd") -> list[dict[str, Any]]:
    """``n`` varied eo3 documents: instants and ranges, boundary times, antimeridian crossers."""
    rng = random.Random(seed)
    docs = []
    base = dt.datetime(2019, 11, 1, tzinfo=dt.UTC)
    for _i in range(n):
        start = base + dt.timedelta(days=rng.randint(0, 600), seconds=rng.choice([0, 1, 43200, 86399]))
        if rng.random() < 0.1:
            start = dt.datetime(rng.choice([2020, 2021]), 1, 1, tzinfo=dt.UTC) - dt.timedelta(
                microseconds=rng.choice([0, 1])
            )
        time: Any = start if rng.random() < 0.7 else (start, start + dt.timedelta(days=rng.randint(0, 40)))
        kind = rng.random()
        if kind < 0.15:
            w = rng.uniform(178.0, 179.9)
            s = rng.uniform(-60, 60)
            geom, crs = box_geometry(w, s, w + rng.uniform(0.2, 3.0), s + rng.uniform(0.2, 2.0)), "EPSG:4326"
        elif kind < 0.35:
            x0 = rng.uniform(200_000, 700_000)
            y0 = rng.uniform(5_800_000, 6_200_000)
            geom, crs = (
                box_geometry(x0, y0, x0 + rng.uniform(5_000, 100_000), y0 + rng.uniform(5_000, 100_000)),
                "EPSG:32755",
            )
        else:
            w = rng.uniform(-179.0, 176.0)
            s = rng.uniform(-70, 68)
            geom, crs = (
                box_geometry(w, s, w + rng.uniform(0.01, 3.0), s + rng.uniform(0.01, 2.0)),
                "EPSG:4326",
            )
        docs.append(
            dataset_doc(
                product,
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                time=time,
                crs=crs,
                geometry=geom,
                platform=rng.choice(PLATFORMS),
                cloud_cover=rng.choice(CLOUDS),
                region_code=f"{rng.randint(1, 4):03d}",
            )
        )
    return docs


def _period(value: Any, end: bool) -> dt.datetime:
    import pandas as pd

    if isinstance(value, str):
        p = pd.Period(value)
        t = p.end_time if end else p.start_time
        out: dt.datetime = t.to_pydatetime(warn=False).replace(tzinfo=dt.UTC)
        return out
    assert isinstance(value, dt.datetime)
    t = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if end and not t.microsecond:  # written to the second, as its ISO string: covers that second
        t += dt.timedelta(microseconds=999_999)
    return t


def _doc_time(doc: dict[str, Any]) -> tuple[dt.datetime, dt.datetime]:
    p = doc["properties"]

    def parse(s: str) -> dt.datetime:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))

    start = parse(p.get("dtr:start_datetime", p["datetime"]))
    end = parse(p.get("dtr:end_datetime", p["datetime"]))
    return min(start, parse(p["datetime"])), max(end, parse(p["datetime"]))


def _footprint(doc: dict[str, Any]) -> shapely.Geometry:
    g = shapely.geometry.shape(doc["geometry"])
    if doc["crs"] == "EPSG:4326":
        return g
    from pyproj import Transformer

    t = Transformer.from_crs(doc["crs"], "EPSG:4326", always_xy=True)
    return shapely.transform(g, lambda xy: __import__("numpy").column_stack(t.transform(xy[:, 0], xy[:, 1])))


def expected_ids(docs: list[dict[str, Any]], query: dict[str, Any]) -> set[str]:
    """Ids of the documents the query matches, by brute force."""
    out = set()
    for doc in docs:
        p = doc["properties"]
        if "time" in query:
            lo, hi = query["time"]
            qs = None if lo is None else _period(lo, end=False)
            qe = None if hi is None else _period(hi, end=True)
            ds, de = _doc_time(doc)
            if (qe is not None and ds > qe) or (qs is not None and de < qs):
                continue
        if "cloud_cover" in query:
            lo, hi = query["cloud_cover"]
            cc = p.get("eo:cloud_cover")
            if cc is None or cc < lo or cc > hi:
                continue
        if "platform" in query and p["eo:platform"] not in query["platform"]:
            continue
        if "region_code" in query and p["odc:region_code"] != query["region_code"]:
            continue
        if "lon" in query:
            (w, e), (s, n) = query["lon"], query["lat"]
            qbox = shapely.box(w, s, e, n)
            fp = _footprint(doc)
            hit = any(
                shapely.intersects(shapely.affinity.translate(fp, xoff=shift), qbox)
                for shift in (-360, 0, 360)
            )
            if not hit:
                continue
        out.add(doc["id"])
    return out
