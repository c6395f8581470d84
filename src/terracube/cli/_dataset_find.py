"""``terracube dataset find-duplicates|uri-search``: datasets by repeated field values or by location."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._dataset import _cell_value
from terracube.cli._output import emit_rows, format_option, iso_range

if TYPE_CHECKING:
    from terracube.model import Product

__all__ = ["find_duplicates", "uri_search"]


@click.command("find-duplicates")
@click.argument("fields", nargs=-1, required=True, metavar="FIELDS...")
@click.option(
    "--product", "-p", "products", multiple=True, metavar="NAME", help="Only this product (repeatable)."
)
@format_option()
@pass_state
def find_duplicates(state: CliState, fields: tuple[str, ...], products: tuple[str, ...], fmt: str) -> None:
    """Find active datasets of one product that share the values of all FIELDS.

    Prints one row per group of two or more: the product, the shared values and the ids.
    Without --product, every product whose metadata type has all the fields is searched.

    \\b
    Example:
      terracube dataset find-duplicates region_code time -p ls8
    """
    index = state.index
    with_fields = {p.name: p for p in index.products.get_with_fields(fields)}
    if products:
        chosen: list[Product] = []
        for name in products:
            p = index.products.get_by_name(name)
            if p is None:
                raise click.ClickException(f"no product named {name!r} in the index")
            if name not in with_fields:
                known = sorted(p.metadata_type.search_fields)
                raise click.ClickException(
                    f"product {name!r} lacks some of the fields {list(fields)}; its fields: {known}"
                )
            chosen.append(p)
    else:
        chosen = sorted(with_fields.values(), key=lambda p: p.name)
        if not chosen:
            raise click.ClickException(f"no product has all the fields {list(fields)}")
    rows = []
    for p in chosen:
        groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        for row in index.datasets.search_returning(["id", *fields], product=p.name):
            groups[tuple(getattr(row, f) for f in fields)].append(str(row.id))
        for values, ids in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if len(ids) > 1:
                rows.append(
                    {"product": p.name, **{f: _cell_value(v) for f, v in zip(fields, values, strict=True)},
                     "count": len(ids), "ids": sorted(ids)}
                )  # fmt: skip
    if not rows and fmt == "table":
        click.echo("No duplicates found.", err=True)
        return
    emit_rows(rows, ["product", *fields, "count", "ids"], fmt)


def _as_uri(text: str) -> str:
    if urlsplit(text).scheme and len(urlsplit(text).scheme) > 1:
        return text
    path = Path(text).expanduser().absolute()
    return path.as_uri() + ("/" if path.is_dir() else "")


@click.command("uri-search")
@click.argument("paths", nargs=-1, required=True, metavar="PATHS...")
@click.option(
    "--search-mode",
    type=click.Choice(["exact", "prefix", "guess"]),
    default="prefix",
    show_default=True,
    help="Datasets at the location (exact), under it (prefix), or prefix for a folder and exact for a file (guess).",
)
@format_option()
@pass_state
def uri_search(state: CliState, paths: tuple[str, ...], search_mode: str, fmt: str) -> None:
    """Find datasets by location: file paths or URIs (s3://..., file:///...).

    Prints id, product, status, time and location of each; archived datasets are included.
    """
    index = state.index
    rows: list[dict[str, Any]] = []
    for text in paths:
        uri = _as_uri(text)
        mode = search_mode if search_mode != "guess" else ("prefix" if uri.endswith("/") else "exact")
        found = list(index.datasets.get_datasets_for_location(uri, mode=mode))
        if not found:
            click.echo(f"Not in the index: {text}", err=True)
        rows.extend(
            {"id": str(ds.id), "product": ds.product.name, "status": "archived" if ds.is_archived else "active",
             "time": iso_range(ds.time), "uri": ds.uri}
            for ds in found
        )  # fmt: skip
    emit_rows(rows, ["id", "product", "status", "time", "uri"], fmt)
