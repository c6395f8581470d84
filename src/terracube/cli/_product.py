"""``terracube product add|update|list|show``: products."""

from __future__ import annotations

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import DOC_FORMATS, emit_rows, format_option
from terracube.cli._records import RecordKind, add_records, show_records, update_records

__all__ = ["product"]

KIND = RecordKind("product", lambda index: index.products)

_paths = click.argument("paths", nargs=-1, required=True, metavar="PATHS...")


@click.group()
def product() -> None:
    """Products: kinds of datasets, with their bands (measurements)."""


@product.command("add")
@_paths
@pass_state
@click.pass_context
def add(ctx: click.Context, state: CliState, paths: tuple[str, ...]) -> None:
    """Add products from YAML (multi-document) or JSON files, or folders of them.

    Their metadata types must be in the index. A product already in the index with the same
    document is left as is.
    """
    if add_records(state.index, KIND, paths):
        ctx.exit(1)


@product.command("update")
@_paths
@click.option("--allow-unsafe", is_flag=True, help="Also make changes that may break existing datasets.")
@click.option("--dry-run", is_flag=True, help="Only list the changes (safe and unsafe); write nothing.")
@pass_state
@click.pass_context
def update(
    ctx: click.Context, state: CliState, paths: tuple[str, ...], allow_unsafe: bool, dry_run: bool
) -> None:
    """Update products from files.

    Safe: description, license, load hints, the metadata type's name and loosening the
    ``metadata`` match rules. Changing measurements is unsafe.
    """
    if update_records(state.index, KIND, paths, allow_unsafe=allow_unsafe, dry_run=dry_run):
        ctx.exit(1)


@product.command("list")
@format_option()
@pass_state
def list_(state: CliState, fmt: str) -> None:
    """List products: name, description, metadata type and number of active datasets."""
    index = state.index
    counts = {p.name: n for p, n in index.datasets.count_by_product()}
    rows = [
        {
            "name": p.name,
            "description": p.description,
            "metadata_type": p.metadata_type.name,
            "datasets": counts.get(p.name, 0),
        }
        for p in index.products.get_all()
    ]
    emit_rows(rows, ["name", "description", "metadata_type", "datasets"], fmt)


@product.command("show")
@click.argument("names", nargs=-1, metavar="[NAMES...]")
@format_option("yaml", DOC_FORMATS)
@pass_state
def show(state: CliState, names: tuple[str, ...], fmt: str) -> None:
    """Print product documents (all of them when no name is given)."""
    show_records(state.index, KIND, names, fmt)
