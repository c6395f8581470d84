"""``terracube quickstart``: a working data cube, from nothing, in a few seconds.

On a clean machine (no configuration) it creates the SQLite index, writes a small synthetic
four-band, four-date product as real Cloud-Optimised GeoTIFFs with their eo3 documents,
indexes and searches them, loads a region across the dates, derives an NDVI product stored
through the ``s3aio`` driver on local disk (written and indexed in one call), loads it back,
and writes a PNG preview and a summary.

The run is a list of steps (:data:`STEPS`), each a function taking the shared
:class:`Quickstart` state and printing what it did. Every step is idempotent, so running the
command again adds nothing and still succeeds. To extend the tour, add a step function and put
it in :data:`STEPS`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import emit_rows

if TYPE_CHECKING:
    from collections.abc import Callable

    from terracube.cfg import Environment
    from terracube.index.abstract import AbstractIndex

__all__ = [
    "NDVI_PRODUCT",
    "PRODUCT_NAME",
    "REGION",
    "STEPS",
    "Quickstart",
    "dataset_docs",
    "ndvi_product_doc",
    "pixels",
    "product_doc",
    "quickstart",
]

PRODUCT_NAME: Final = "quickstart_demo"

#: The derived product, stored through the s3aio driver.
NDVI_PRODUCT: Final = "quickstart_ndvi"

#: The region loaded across dates: (west, south, east, north) in degrees, over both tiles.
REGION: Final = (149.6, -35.8, 150.4, -35.2)

#: Dataset ids are derived from this namespace, so every run writes the same documents.
_NAMESPACE: Final = uuid.UUID("6f0c3a52-9d1e-4b8f-a7c4-2e51d0b3c9aa")

#: Acquisition days of the demo datasets (one per month, early 2020).
DATES: Final = tuple(dt.date(2020, m, 10 + m) for m in range(1, 5))

#: Demo tiles: name -> (west, south, east, north) in degrees, around Canberra.
TILES: Final = {
    "t149_36": (149.0, -36.0, 150.0, -35.0),
    "t150_36": (150.0, -36.0, 151.0, -35.0),
}

_BANDS: Final = ("blue", "green", "red", "nir")
_PIXELS: Final = 100  # per degree and side: 0.01 degree pixels


def product_doc() -> dict[str, Any]:
    """The demo product: four 16-bit bands on a 0.01 degree grid."""
    return {
        "name": PRODUCT_NAME,
        "description": "Synthetic demo product written by `terracube quickstart`",
        "license": "CC-BY-4.0",
        "metadata_type": "eo3",
        "metadata": {"product": {"name": PRODUCT_NAME}},
        "measurements": [
            {"name": b, "dtype": "uint16", "nodata": 0, "units": "1", "aliases": [f"band_{i + 1}"]}
            for i, b in enumerate(_BANDS)
        ],
        "load": {"crs": "EPSG:4326", "resolution": {"x": 1 / _PIXELS, "y": -1 / _PIXELS}},
    }


def dataset_docs() -> list[tuple[str, dict[str, Any]]]:
    """The demo eo3 documents with their paths relative to the quickstart folder.

    Deterministic: ids, times, footprints and cloud cover depend only on tile and date.
    """
    out = []
    for t, (tile, (w, s, e, n)) in enumerate(TILES.items()):
        for d, day in enumerate(DATES):
            label = f"{PRODUCT_NAME}_{tile}_{day:%Y%m%d}"
            ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
            doc = {
                "$schema": "https://schemas.opendatacube.org/dataset",
                "id": str(uuid.uuid5(_NAMESPACE, label)),
                "label": label,
                "product": {"name": PRODUCT_NAME},
                "crs": "EPSG:4326",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "grids": {
                    "default": {
                        "shape": [_PIXELS, _PIXELS],
                        "transform": [(e - w) / _PIXELS, 0.0, w, 0.0, -(n - s) / _PIXELS, n, 0.0, 0.0, 1.0],
                    }
                },
                "properties": {
                    "datetime": f"{day:%Y-%m-%d}T00:{10 + t:02d}:00Z",
                    "eo:platform": "demo-sat-1",
                    "eo:instrument": "demo-imager",
                    "eo:cloud_cover": float((17 * (t + 1) + 23 * d) % 60),
                    "odc:region_code": tile,
                    "odc:file_format": "GeoTIFF",
                    "odc:processing_datetime": "2024-01-01T00:00:00Z",
                    "odc:product_family": "demo",
                },
                "measurements": {b: {"path": f"{label}_{b}.tif"} for b in _BANDS},
            }
            out.append((f"{tile}/{day:%Y/%m/%d}/{label}.odc-metadata.yaml", doc))
    return out


def ndvi_product_doc() -> dict[str, Any]:
    """The derived product: NDVI of the demo product, float32, stored through s3aio."""
    return {
        "name": NDVI_PRODUCT,
        "description": "NDVI of quickstart_demo, stored as chunked arrays by the s3aio driver",
        "license": "CC-BY-4.0",
        "metadata_type": "eo3",
        "metadata": {"product": {"name": NDVI_PRODUCT}},
        "measurements": [{"name": "ndvi", "dtype": "float32", "nodata": "NaN", "units": "1"}],
    }


def pixels(bounds: tuple[float, float, float, float], day: int) -> dict[str, Any]:
    """Synthetic reflectance (x 10000, uint16, never 0 = nodata) of the four bands of one tile.

    A smooth landscape of vegetation and water that depends only on longitude and latitude
    (so neighbouring tiles join without a seam), greening and browning with the season, with a
    bank of cloud drifting east from date to date.
    """
    import numpy as np

    w, _, _, n = bounds
    lon = w + (np.arange(_PIXELS) + 0.5) / _PIXELS
    lat = n - (np.arange(_PIXELS) + 0.5) / _PIXELS
    x, y = np.meshgrid(lon, lat)
    veg = 0.55 + 0.25 * np.sin(x * 9.0) * np.cos(y * 7.0) + 0.12 * np.sin(x * 23.0 + y * 17.0)
    veg = np.clip(veg * (1.0 - 0.12 * day), 0.0, 1.0)
    water = np.sin(x * 5.0 + 1.0) + np.cos(y * 6.0) > 1.55
    cloud = np.exp(-(((x - 149.2 - 0.45 * day) / 0.18) ** 2 + ((y + 35.5 + 0.1 * day) / 0.15) ** 2))
    bands = {
        "blue": 0.04 + 0.04 * (1 - veg),
        "green": 0.06 + 0.05 * veg,
        "red": 0.03 + 0.12 * (1 - veg),
        "nir": 0.12 + 0.38 * veg,
    }
    out = {}
    for name, refl in bands.items():
        refl = np.where(water, {"blue": 0.06, "green": 0.05, "red": 0.03, "nir": 0.01}[name], refl)
        refl = refl * (1 - cloud) + 0.6 * cloud
        out[name] = np.clip(np.round(refl * 10000), 1, 65535).astype("uint16")
    return out


@dataclass
class Quickstart:
    """What the steps share: where things are and what was done so far."""

    env: Environment
    """The environment in use."""
    index: AbstractIndex
    """Its index."""
    folder: Path
    """Where the demo files go."""
    files: list[Path] = field(default_factory=list)
    """Dataset documents written."""
    notes: dict[str, Any] = field(default_factory=dict)
    """Anything a step wants to hand to a later one."""


def step_init(qs: Quickstart) -> None:
    """Create (or upgrade) the index and add the eo3 metadata type."""
    from terracube.cfg._urls import redact_url

    created = qs.index.init_db()
    state = "created" if created else "already initialised"
    click.echo(
        f"Index: {qs.env.index_driver} {redact_url(qs.env.db_url)} ({state}; environment {qs.env.name!r})"
    )


def step_product(qs: Quickstart) -> None:
    """Add the demo product (left as is if already there)."""
    products = qs.index.products
    had = products.get_by_name(PRODUCT_NAME) is not None
    products.add(products.from_doc(product_doc(), where="quickstart product"))
    click.echo(f"Product: {PRODUCT_NAME} ({'already there' if had else 'added'})")


def step_images(qs: Quickstart) -> None:
    """Write the demo images as Cloud-Optimised GeoTIFFs, next to their documents (only missing ones)."""
    import rasterio
    from affine import Affine

    written = total = 0
    for rel, doc in dataset_docs():
        folder = (qs.folder / rel).parent
        tile = doc["properties"]["odc:region_code"]
        day = DATES.index(dt.date.fromisoformat(doc["properties"]["datetime"][:10]))
        bounds = TILES[tile]
        data: dict[str, Any] | None = None
        for band, entry in doc["measurements"].items():
            path = folder / entry["path"]
            total += 1
            if path.is_file():
                continue
            if data is None:
                data = pixels(bounds, day)
                folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp")
            profile = {
                "driver": "COG", "width": _PIXELS, "height": _PIXELS, "count": 1, "dtype": "uint16",
                "crs": "EPSG:4326", "transform": Affine(1 / _PIXELS, 0, bounds[0], 0, -1 / _PIXELS, bounds[3]),
                "nodata": 0, "compress": "deflate", "blocksize": 256,
            }  # fmt: skip
            with rasterio.open(tmp, "w", **profile) as f:
                f.write(data[band], 1)
            tmp.replace(path)  # never a half-written image under the real name
            written += 1
    click.echo(f"Images: {total} COGs in {qs.folder} ({written} written)")


def step_documents(qs: Quickstart) -> None:
    """Write the demo dataset documents (only files whose content differs are rewritten)."""
    import yaml

    written = 0
    for rel, doc in dataset_docs():
        path = qs.folder / rel
        text = yaml.safe_dump(doc, sort_keys=False)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
        qs.files.append(path)
    click.echo(f"Documents: {len(qs.files)} in {qs.folder} ({written} written)")


def step_index(qs: Quickstart) -> None:
    """Index the documents as `terracube dataset add` does."""
    from terracube.cli._files import Failures
    from terracube.cli._indexing import add_dataset_files
    from terracube.errors import TerracubeError

    failures = Failures()
    summary = add_dataset_files(qs.index, qs.files, failures=failures)
    if summary.failed:
        raise click.ClickException(f"{summary.failed} demo documents could not be indexed (see above)")
    click.echo(f"Datasets: {summary.added} added, {summary.skipped} already indexed")
    if summary.added + summary.skipped != len(qs.files):
        raise TerracubeError(
            f"expected {len(qs.files)} demo datasets, indexed {summary.added + summary.skipped}"
        )


def step_search(qs: Quickstart) -> None:
    """Search the demo datasets by time and by a lat/lon box, running `terracube dataset search`."""
    from terracube.cli._dataset import search

    datasets = qs.index.datasets
    total = datasets.count(product=PRODUCT_NAME)
    searches: list[tuple[str, dict[str, Any]]] = [
        ("time in [2020-02, 2020-03]", {"time": ("2020-02", "2020-03")}),
        (
            "lat in [-35.8, -35.2] lon in [150.2, 150.8]",
            {"lat": ("-35.8", "-35.2"), "lon": ("150.2", "150.8")},
        ),
    ]
    fields = ["id", "time", "region_code", "cloud_cover"]
    click.echo(f"\n{total} datasets of product {PRODUCT_NAME} in the index.")
    ctx = click.get_current_context()
    for text, query in searches:
        qs.notes[text] = datasets.count(product=PRODUCT_NAME, **query)
        # The command itself runs: what follows the $ line is what it prints.
        click.echo(
            f"\n$ terracube dataset search product={PRODUCT_NAME} '{text}' --fields {','.join(fields)}"
        )
        ctx.invoke(search, expressions=(f"product={PRODUCT_NAME}", text), fields=fields)
    click.echo(
        "\nNext: terracube product list | terracube dataset count product="
        f"{PRODUCT_NAME} 'time in [2020-01, 2020-12]' --period '1 month'"
    )


def _datacube(qs: Quickstart) -> Any:
    from terracube import Datacube
    from terracube.api.core import storage_options_of

    return Datacube(index=qs.index, storage_options=storage_options_of(qs.env))


def _region() -> dict[str, Any]:
    w, s, e, n = REGION
    # The two tiles of a date are a minute apart: one pass of the satellite, one solar day.
    return {"lon": (w, e), "lat": (s, n), "time": ("2020-01", "2020-04"), "group_by": "solar_day"}


def step_load(qs: Quickstart) -> None:
    """Load the region across the dates: `terracube load` to a NetCDF file, then in Python."""
    import time

    from terracube.cli._load import load

    w, s, e, n = REGION
    output = qs.folder / "demo.nc"
    click.echo(
        f"\n$ terracube load {PRODUCT_NAME} --lon {w} {e} --lat {s} {n} --time 2020-01/2020-04 "
        f"--group-by solar_day --output {output} --overwrite"
    )
    click.get_current_context().invoke(
        load, product=PRODUCT_NAME, lon=(w, e), lat=(s, n), time_="2020-01/2020-04", group_by="solar_day",
        output=output, overwrite=True,
    )  # fmt: skip
    t0 = time.perf_counter()
    ds = _datacube(qs).load(PRODUCT_NAME, **_region())
    took = time.perf_counter() - t0
    qs.notes["loaded"] = ds
    click.echo(
        f"\nIn Python, Datacube.load gives the same: {ds.sizes['time']} dates x {ds.sizes['latitude']} x "
        f"{ds.sizes['longitude']} pixels x {len(ds.data_vars)} bands ({', '.join(map(str, ds.data_vars))}) "
        f"from the COGs in {took:.2f} s"
    )


def step_ndvi(qs: Quickstart) -> None:
    """Derive NDVI from the loaded region; store and index it through s3aio (once)."""
    import shutil

    import numpy as np

    from terracube.storage.bands import uri_to_path

    ds = qs.notes["loaded"]
    red, nir = ds.red.astype("float32"), ds.nir.astype("float32")
    valid = (ds.red != 0) & (ds.nir != 0)
    ndvi = ((nir - red) / (nir + red)).where(valid).astype("float32")
    qs.notes["ndvi"] = ndvi
    products = qs.index.products
    products.add(products.from_doc(ndvi_product_doc(), where="quickstart product"))
    ids = [uuid.uuid5(_NAMESPACE, f"{NDVI_PRODUCT}_{np.datetime_as_string(t, 'D')}") for t in ds.time.values]
    store = qs.folder / "s3aio"
    indexed = [d for d in (qs.index.datasets.get(i) for i in ids) if d is not None]
    have = len(indexed)
    if have == len(ids) and all(d.uri and Path(uri_to_path(d.uri)).is_dir() for d in indexed):
        click.echo(f"\nNDVI: {NDVI_PRODUCT} already stored through s3aio in {store} ({have} datasets)")
        return
    # Data lost, or a run stopped half way: start this part afresh.
    if indexed:
        qs.index.datasets.archive([d.id for d in indexed])
        qs.index.datasets.purge([d.id for d in indexed])
    shutil.rmtree(store, ignore_errors=True)
    written = _datacube(qs).write(
        ndvi.to_dataset(name="ndvi"), NDVI_PRODUCT, driver="s3aio", location=str(store), ids=ids,
        properties={"odc:product_family": "demo"}, storage_config={"chunks": {"y": 32, "x": 32}},
    )  # fmt: skip
    click.echo(
        f"\nNDVI: {len(written)} datasets of {NDVI_PRODUCT} written through s3aio to {store} and indexed"
    )


def step_preview(qs: Quickstart) -> None:
    """Load NDVI back from s3aio; write an RGB and NDVI preview PNG of every date."""
    import numpy as np
    import rasterio
    from affine import Affine

    back = _datacube(qs).load(NDVI_PRODUCT, **_region())
    if not np.array_equal(back.ndvi.values, qs.notes["ndvi"].values, equal_nan=True):
        from terracube.errors import TerracubeError

        raise TerracubeError("NDVI read back from s3aio differs from what was written")
    ds = qs.notes["loaded"]
    rgb = np.stack([ds[b].values for b in ("red", "green", "blue")], axis=1).astype("float32")
    rgb = np.clip(255 * np.sqrt(rgb / 3000.0), 0, 255)  # a gamma stretch of reflectance 0..0.3
    green = np.nan_to_num(np.clip(back.ndvi.values, 0, 1)) * 255
    ndvi_rgb = np.stack([255 - green, np.full_like(green, 200), 255 - green], axis=1)
    rows = [np.concatenate(list(panel), axis=2) for panel in (rgb, ndvi_rgb)]
    image = np.concatenate(rows, axis=1).astype("uint8")  # (3, 2 * height, dates * width)
    path = qs.folder / "preview.png"
    gbox = ds.odc.geobox
    with rasterio.open(
        path, "w", driver="PNG", width=image.shape[2], height=image.shape[1], count=3, dtype="uint8",
        crs="EPSG:4326", transform=Affine(gbox.resolution.x, 0, REGION[0], 0, gbox.resolution.y, REGION[3]),
    ) as f:  # fmt: skip
        f.write(image)
    qs.notes["preview"] = path
    qs.notes["ndvi_back"] = back


def step_summary(qs: Quickstart) -> None:
    """Print a summary table: per date, NDVI statistics of the region, and where everything is."""
    import numpy as np

    back = qs.notes["ndvi_back"]
    rows = []
    for i, t in enumerate(back.time.values):
        v = back.ndvi.values[i]
        ok = np.isfinite(v)
        rows.append(
            {
                "date": np.datetime_as_string(t, "D"),
                "mean_ndvi": round(float(v[ok].mean()), 3),
                "vegetated_%": round(100 * float((v[ok] > 0.4).mean()), 1),
                "water_or_cloud_%": round(100 * float((v[ok] < 0.1).mean()), 1),
            }
        )
    click.echo(
        f"\nSummary of {NDVI_PRODUCT} over lon {REGION[0]}..{REGION[2]}, lat {REGION[1]}..{REGION[3]}:"
    )
    emit_rows(rows, ["date", "mean_ndvi", "vegetated_%", "water_or_cloud_%"], "table")
    click.echo(f"Preview: {qs.notes['preview']} (top: true colour, bottom: NDVI; one column per date)")
    w, s, e, n = REGION
    click.echo(
        f"\nNext: terracube load {NDVI_PRODUCT} --lon {w} {e} --lat {s} {n} --time 2020-01/2020-04 "
        "--output ndvi.tif"
    )


#: The steps, in order. Add new ones here.
STEPS: list[Callable[[Quickstart], None]] = [
    step_init, step_product, step_images, step_documents, step_index, step_search, step_load, step_ndvi,
    step_preview, step_summary,
]  # fmt: skip


def default_folder(env: Environment) -> Path:
    """Next to a SQLite index file; otherwise in the user's terracube data folder."""
    if env.db_url.lower().startswith("sqlite:"):
        from terracube.cfg import sqlite_path

        path = sqlite_path(env.db_url)
        if str(path) != ":memory:":
            return path.expanduser().absolute().parent / "quickstart"
    import platformdirs

    return platformdirs.user_data_path("terracube", appauthor=False) / "quickstart"


@click.command("quickstart")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="TERRACUBE_QUICKSTART_DIR",
    help="Folder for the demo files [default: 'quickstart' next to a SQLite index, else the "
    "terracube data folder; env: TERRACUBE_QUICKSTART_DIR].",
)
@pass_state
def quickstart(state: CliState, folder: Path | None) -> None:
    """Build a small data cube: COGs and an s3aio product, indexed, searched, loaded, previewed.

    Uses the selected environment (--env, $TERRACUBE_DB_URL, ...); with no configuration at all
    that is a SQLite index in your terracube data folder. Safe to run again.
    """
    env = state.environment
    qs = Quickstart(env, state.connect(), (folder or default_folder(env)).expanduser().absolute())
    for step in STEPS:
        step(qs)
