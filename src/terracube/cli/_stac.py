"""``terracube stac export|import``: an index to and from a static STAC catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._files import Failures, StopRun, on_error_option, workers_option
from terracube.cli._output import emit_value, format_option, progress

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["stac"]


@click.group()
def stac() -> None:
    """STAC: export the index as a static catalog, import STAC Items as eo3 datasets."""


@stac.command("export")
@click.argument("destination", type=click.Path(file_okay=False, writable=True))
@click.argument("expressions", nargs=-1, metavar="[EXPRESSIONS...]")
@click.option("--archived", is_flag=True, help="Archived datasets only.")
@click.option("--all", "all_", is_flag=True, help="Active and archived datasets.")
@click.option("--catalog-id", default="terracube", show_default=True, help="The root Catalog's id.")
@click.option(
    "--ndjson",
    is_flag=True,
    help="Write each product's Items as lines of DEST/<product>/items.ndjson, not a file each.",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Check every file written against the STAC 1.1 schemas (offline; see docs/stac.md).",
)
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=None,
    help="Show a progress bar on stderr [default: when stderr is a terminal].",
)
@format_option()
@pass_state
@click.pass_context
def export(
    ctx: click.Context,
    state: CliState,
    destination: str,
    expressions: tuple[str, ...],
    archived: bool,
    all_: bool,
    catalog_id: str,
    ndjson: bool,
    validate: bool,
    show_progress: bool | None,
    fmt: str,
) -> None:
    """Write datasets as STAC Items and their products as Collections into DESTINATION.

    DESTINATION/catalog.json is the root; DESTINATION/<product>/collection.json and
    DESTINATION/items/<id>.json hold the rest, all linked by relative links (with --ndjson,
    DESTINATION/<product>/items.ndjson instead of the items folder). EXPRESSIONS
    select datasets as in `dataset search` (default: every active dataset, and a Collection
    for every product).
    """
    from terracube.cli._dataset import _archived_value, query_from
    from terracube.stac import export_stac

    query = query_from(expressions)
    if validate:
        from terracube.stac.validate import require_pystac

        require_pystac()  # before writing anything
    index = state.index
    total = index.datasets.count(archived=_archived_value(archived, all_), **query)
    with progress(total, "Exporting to STAC", show=show_progress, min_items=1000) as bar:
        seen = [0]

        def advance(done: int) -> None:
            bar.advance(done - seen[0])
            seen[0] = done

        summary = export_stac(
            index,
            destination,
            archived=_archived_value(archived, all_),
            catalog_id=catalog_id,
            ndjson=ndjson,
            progress=advance,
            **query,
        )
    out = {
        "destination": summary.destination,
        "collections": summary.collections,
        "items": summary.items,
        "seconds": round(summary.seconds, 2),
        "items_per_second": round(summary.items / summary.seconds) if summary.seconds > 0 else None,
    }
    problems = 0
    if validate:
        problems = _validate_tree(destination)
        out["invalid_files"] = problems
    emit_value(out, fmt)
    if problems:
        ctx.exit(1)


def _validate_tree(destination: str | Path) -> int:
    """Check every STAC file under ``destination``; report each bad one; return how many."""
    from terracube.cli._output import echo_err
    from terracube.stac import read_stac, stac_problems

    bad = 0
    for label, obj in read_stac([destination]):
        problems = stac_problems(obj)
        if problems:
            bad += 1
            echo_err(f"Error: {label}: not valid STAC: {'; '.join(problems[:5])}")
    return bad


def _added_products(names: list[str], made_from: dict[str, str | None]) -> str:
    """``Added product x.``, saying the collection a product was made for when named otherwise."""
    parts = []
    for name in names:
        coll = made_from.get(name)
        parts.append(name if coll is None or coll == name else f"{name} (STAC collection {coll})")
    return f"Added product{'s' if len(names) > 1 else ''} {', '.join(parts)}."


@stac.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATHS...")
@click.option(
    "--product",
    "-p",
    "product_name",
    metavar="NAME",
    help="Put every Item into this product, whatever its collection (made from the first Item "
    "when the index does not hold it).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Datasets per transaction.",
)
@on_error_option()
@click.option(
    "--with-lineage/--ignore-lineage",
    "with_lineage",
    default=True,
    show_default=True,
    help="Record derived_from links as lineage, or ignore them.",
)
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=None,
    help="Show a progress bar on stderr [default: when stderr is a terminal].",
)
@workers_option("Items")
@pass_state
@click.pass_context
def import_(
    ctx: click.Context,
    state: CliState,
    paths: tuple[str, ...],
    product_name: str | None,
    batch_size: int,
    on_error: str,
    with_lineage: bool,
    show_progress: bool | None,
    workers: int | None,
) -> None:
    """Add the STAC Items in PATHS to the index as eo3 datasets.

    PATHS are Item, ItemCollection, Collection or Catalog files (a Catalog or Collection is
    followed through its child and item links), .ndjson files of Items, or folders (every
    STAC file in them). An Item goes into the product named by its collection: the one in
    the index, else one made from its Collection (exactly, for a catalog terracube wrote),
    else one inferred from its assets; a collection id such as sentinel-2-l2a names the
    product sentinel_2_l2a (every character other than a letter, digit or underscore becomes
    an underscore). --product puts every Item into one product. Bad Items are reported on
    stderr and skipped (or stop the run with --on-error stop); a product made for Items that
    all failed is deleted again.
    """
    from terracube.cli._indexing import AddSummary, _Batcher
    from terracube.stac import StacReader, StacToDatasets, located_datasets

    index = state.index
    failures = Failures(stop=on_error == "stop")
    summary = AddSummary()
    batcher = _Batcher(index, summary, failures, batch_size, False, with_lineage)
    reader = StacReader(on_error=failures.report)
    convert = StacToDatasets(index, product_name)
    located = located_datasets(reader, convert, paths, workers=workers, on_error=failures.report)
    try:
        try:
            with progress(None, "Importing STAC Items", show=show_progress) as bar:
                for label, ds in located:
                    batcher.put(label, ds)
                    bar.advance()
        except StopRun:
            summary.stopped = True
        finally:
            located.close()
        try:
            batcher.flush()
        except StopRun:
            summary.stopped = True
    finally:
        convert.drop_empty_products()  # made for Items that all failed
    summary.failed = failures.count
    if convert.added_products:
        click.echo(_added_products(convert.added_products, convert.made_from))
    click.echo(summary.line())
    if summary.failed:
        ctx.exit(1)
