"""``terracube metadata add|update|list|show``: metadata types."""

from __future__ import annotations

from collections import Counter

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import DOC_FORMATS, emit_rows, format_option
from terracube.cli._records import RecordKind, add_records, show_records, update_records

__all__ = ["metadata"]

KIND = RecordKind("metadata type", lambda index: index.metadata_types)

_paths = click.argument("paths", nargs=-1, required=True, metavar="PATHS...")


@click.group()
def metadata() -> None:
    """Metadata types: which fields of dataset documents are searchable."""


@metadata.command("add")
@_paths
@pass_state
@click.pass_context
def add(ctx: click.Context, state: CliState, paths: tuple[str, ...]) -> None:
    """Add metadata types from YAML (multi-document) or JSON files, or folders of them.

    A metadata type already in the index with the same document is left as is.
    """
    if add_records(state.index, KIND, paths):
        ctx.exit(1)


@metadata.command("update")
@_paths
@click.option("--allow-unsafe", is_flag=True, help="Also make changes that may break existing datasets.")
@click.option("--dry-run", is_flag=True, help="Only list the changes (safe and unsafe); write nothing.")
@pass_state
@click.pass_context
def update(
    ctx: click.Context, state: CliState, paths: tuple[str, ...], allow_unsafe: bool, dry_run: bool
) -> None:
    """Update metadata types from files. Descriptions and new search fields are safe changes."""
    if update_records(state.index, KIND, paths, allow_unsafe=allow_unsafe, dry_run=dry_run):
        ctx.exit(1)


@metadata.command("list")
@format_option()
@pass_state
def list_(state: CliState, fmt: str) -> None:
    """List metadata types: name, description, search fields and products using each."""
    index = state.index
    used = Counter(p.metadata_type.name for p in index.products.get_all())
    rows = [
        {
            "name": mt.name,
            "description": mt.description,
            "search_fields": len(mt.search_fields),
            "products": used[mt.name],
        }
        for mt in index.metadata_types.get_all()
    ]
    emit_rows(rows, ["name", "description", "search_fields", "products"], fmt)


@metadata.command("show")
@click.argument("names", nargs=-1, metavar="[NAMES...]")
@format_option("yaml", DOC_FORMATS)
@pass_state
def show(state: CliState, names: tuple[str, ...], fmt: str) -> None:
    """Print metadata type documents (all of them when no name is given)."""
    show_records(state.index, KIND, names, fmt)
