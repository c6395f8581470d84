"""``terracube quickstart``: a working index with a demo product and datasets in a few seconds.

The run is a list of steps (:data:`STEPS`), each a function taking the shared
:class:`Quickstart` state and printing what it did. Every step is idempotent, so running the
command again adds nothing and still succeeds. To extend the tour (write real pixels, load
them), add a step function and put it in :data:`STEPS`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import emit_rows, iso_range

if TYPE_CHECKING:
    from collections.abc import Callable

    from terracube.cfg import Environment
    from terracube.index.abstract import AbstractIndex

__all__ = ["PRODUCT_NAME", "STEPS", "Quickstart", "dataset_docs", "product_doc", "quickstart"]

PRODUCT_NAME: Final = "quickstart_demo"

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
    """Search the demo datasets by time and by a lat/lon box, and show how on the command line."""
    datasets = qs.index.datasets
    total = datasets.count(product=PRODUCT_NAME)
    searches: list[tuple[str, dict[str, Any]]] = [
        ("time in [2020-02, 2020-03]", {"time": ("2020-02", "2020-03")}),
        (
            "lat in [-35.8, -35.2] lon in [150.2, 150.8]",
            {"lat": ("-35.8", "-35.2"), "lon": ("150.2", "150.8")},
        ),
    ]
    click.echo(f"\n{total} datasets of product {PRODUCT_NAME} in the index.")
    for text, query in searches:
        found = list(datasets.search(product=PRODUCT_NAME, order_by=["time", "id"], **query))
        click.echo(f"\n$ terracube dataset search product={PRODUCT_NAME} '{text}'   # {len(found)} found")
        rows = [
            {
                "id": str(ds.id),
                "time": iso_range(ds.time),
                "region": ds.metadata_doc["properties"].get("odc:region_code"),
                "cloud_cover": ds.metadata_doc["properties"].get("eo:cloud_cover"),
            }
            for ds in found
        ]
        emit_rows(rows, ["id", "time", "region", "cloud_cover"], "table")
        qs.notes[text] = len(found)
    click.echo(
        "\nNext: terracube product list | terracube dataset count product="
        f"{PRODUCT_NAME} 'time in [2020-01, 2020-12]' --period '1 month'"
    )


#: The steps, in order. Add new ones here.
STEPS: list[Callable[[Quickstart], None]] = [step_init, step_product, step_documents, step_index, step_search]


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
    """Set up an index with a demo product and datasets, then search them.

    Uses the selected environment (--env, $TERRACUBE_DB_URL, ...); with no configuration at all
    that is a SQLite index in your terracube data folder. Safe to run again.
    """
    env = state.environment
    qs = Quickstart(env, state.connect(), (folder or default_folder(env)).expanduser().absolute())
    for step in STEPS:
        step(qs)
