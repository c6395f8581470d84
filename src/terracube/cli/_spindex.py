"""``terracube spindex create|update|drop|list``: spatial indexes in other CRSs (ODC's ``datacube spindex``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import emit_rows, format_option

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["spindex"]


def _crs_list(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> list[Any]:
    """CRSs from ``EPSG:3577``, ``3577`` or ``epsg:3577``; each must have an EPSG code."""
    from odc.geo import CRS

    out = []
    for text in values:
        try:
            crs = CRS(f"EPSG:{text}" if text.isdigit() else text)
        except Exception:
            raise click.BadParameter(
                f"{text!r} is not a CRS; give an EPSG code such as 3577", ctx, param
            ) from None
        if crs.epsg is None:
            raise click.BadParameter(
                f"{text!r} has no EPSG code; spatial indexes are made per EPSG code", ctx, param
            )
        out.append(crs)
    return out


_crs_args = click.argument("crses", nargs=-1, required=True, metavar="CRS...", callback=_crs_list)


@click.group()
def spindex() -> None:
    """Spatial indexes: make searches in other CRSs exact and fast (PostGIS indexes)."""


@spindex.command("list")
@format_option()
@pass_state
def list_spindexes(state: CliState, fmt: str) -> None:
    """List the CRSs with a spatial index."""
    rows = [{"crs": f"EPSG:{crs.epsg}"} for crs in state.index.spatial_indexes(refresh=True)]
    emit_rows(rows, ["crs"], fmt)


@spindex.command("create")
@_crs_args
@click.option("--update", "-u", is_flag=True, help="Fill the new indexes now (slow on a large index).")
@pass_state
def create(state: CliState, crses: list[Any], update: bool) -> None:
    """Create (empty) spatial indexes for CRSs; fill them with --update or `spindex update`."""
    index = state.index
    # create_spatial_index answers True for an index made now or before (as ODC's does).
    before = {c.epsg for c in index.spatial_indexes(refresh=True)}
    for crs in crses:
        index.create_spatial_index(crs)
        click.echo(
            f"{'Already present' if crs.epsg in before else 'Created'}: spatial index for EPSG:{crs.epsg}"
        )
    if update:
        n = index.update_spatial_index(crs=crses)
        click.echo(f"{n} dataset extents written to the spatial indexes")
    else:
        click.echo("New spatial indexes are empty until `terracube spindex update` fills them.")


@spindex.command("update")
@_crs_args
@click.option(
    "--product", "-p", "products", multiple=True, metavar="NAME", help="Only this product (repeatable)."
)
@click.option(
    "--dataset", "-d", "datasets", multiple=True, metavar="ID", help="Only this dataset (repeatable)."
)
@pass_state
def update(state: CliState, crses: list[Any], products: tuple[str, ...], datasets: tuple[str, ...]) -> None:
    """Fill (or refresh) spatial indexes with the extents of datasets, all or those selected."""
    index = state.index
    have = {c.epsg for c in index.spatial_indexes(refresh=True)}
    absent = [f"EPSG:{c.epsg}" for c in crses if c.epsg not in have]
    if absent:
        raise click.ClickException(
            f"no spatial index for {', '.join(absent)}; create it with `terracube spindex create`"
        )
    n = index.update_spatial_index(crs=crses, product_names=products or None, dataset_ids=datasets or None)
    click.echo(f"{n} dataset extents written to {len(crses)} spatial index{'es' if len(crses) != 1 else ''}")


@spindex.command("drop")
@_crs_args
@click.option("--force", is_flag=True, help="Do not ask for confirmation.")
@pass_state
def drop(state: CliState, crses: list[Any], force: bool) -> None:
    """Drop spatial indexes (searches in those CRSs become slower; recreating them is slow)."""
    if not force:
        names = ", ".join(f"EPSG:{c.epsg}" for c in crses)
        click.confirm(f"Drop the spatial indexes for {names}?", abort=True, err=True)
    index = state.index
    for crs in crses:
        dropped = index.drop_spatial_index(crs)
        click.echo(f"{'Dropped' if dropped else 'Not present'}: spatial index for EPSG:{crs.epsg}")
