"""``terracube system init|check|drivers|clone``: the index itself and the installed plugins.

``clone`` lives in ``_clone``.
"""

from __future__ import annotations

from typing import Any

import click

from terracube.cli._clone import clone
from terracube.cli._context import CliState, pass_state
from terracube.cli._output import emit_rows, emit_value, format_option
from terracube.errors import IndexConnectionError, IndexNotInitialisedError, TerracubeError

__all__ = ["system"]


@click.group()
def system() -> None:
    """The index database and the installed drivers."""


def _redacted(url: str) -> str:
    from terracube.cfg._urls import redact_url

    return redact_url(url)


@system.command("init")
@click.option(
    "--no-default-types", is_flag=True, help="Do not add the built-in metadata types (eo3, eo, telemetry)."
)
@pass_state
def init(state: CliState, no_default_types: bool) -> None:
    """Create the index (or upgrade it to this version of terracube) and add the built-in types.

    The built-in metadata types are eo3, and the legacy eo and telemetry that products of
    existing deployments name.

    Safe to run again: an index that is up to date is left as is.
    """
    env = state.environment
    created = state.connect().init_db(with_default_types=not no_default_types)
    where = f"{env.index_driver} index {_redacted(env.db_url)} (environment {env.name!r})"
    click.echo(f"Created {where}." if created else f"Up to date: {where}.")


@system.command("check")
@format_option()
@pass_state
@click.pass_context
def check(ctx: click.Context, state: CliState, fmt: str) -> None:
    """Show the environment and whether its index is reachable and initialised.

    Exits with status 1 if the index cannot be opened or is not initialised.
    """
    env = state.environment
    info: dict[str, Any] = {
        "environment": env.name,
        "configuration": state.config.source,
        "driver": env.index_driver,
        "db_url": _redacted(env.db_url),
        "connected": False,
        "initialised": False,
    }
    problem = None
    try:
        index = state.connect()
        info["metadata_types"] = sum(1 for _ in index.metadata_types.get_all())
        info["connected"] = info["initialised"] = True
        info["products"] = sum(1 for _ in index.products.get_all())
        info["datasets"] = index.datasets.count()
        info["archived_datasets"] = index.datasets.count(archived=True)
    except IndexNotInitialisedError as e:
        info["connected"] = e.exists  # the database answered, with no terracube schema (yet)
        problem = f"{e}"
    except IndexConnectionError as e:  # its message says it cannot connect, and why
        problem = f"{e}"
    except TerracubeError as e:
        problem = f"cannot connect: {e}"
    except Exception as e:  # anything that stops a connection is the answer to "check"
        problem = f"cannot connect: {type(e).__name__}: {e}"
    emit_value(info, fmt)
    if problem is not None:
        click.echo(f"Error: {problem}", err=True)
        ctx.exit(1)


@system.command("prune-roles")
@click.option("--dry-run", is_flag=True, help="Only list the roles that would be dropped.")
@pass_state
def prune_roles(state: CliState, dry_run: bool) -> None:
    """Drop the roles that PostGIS indexes of dropped databases left in the cluster."""
    index = state.index
    prune = getattr(index, "prune_orphaned_roles", None)
    if prune is None:
        raise click.UsageError(
            f"the {index.driver_name!r} index driver has no database roles; prune-roles is for "
            "postgis indexes (point TERRACUBE_DB_URL or --env at one)"
        )
    names = prune(dry_run=dry_run)
    for name in names:
        click.echo(name)
    verb = "Would drop" if dry_run else "Dropped"
    click.echo(f"{verb} {len(names)} role{'s' if len(names) != 1 else ''} of dropped databases.", err=True)


@system.command("drivers")
@format_option()
def drivers(fmt: str) -> None:
    """List the plugins found (index, reader and writer drivers) and whether they loaded."""
    import warnings

    from terracube.drivers import describe_drivers

    with warnings.catch_warnings():
        # A broken plugin is shown as a row with its reason; no need to warn about it as well.
        warnings.simplefilter("ignore")
        rows = [dict(r) for r in describe_drivers()]
    for r in rows:
        r["group"] = str(r["group"]).removeprefix("terracube.plugins.")
    columns = ["group", "name", "status", "description", "reason"]
    if fmt in ("json", "yaml"):
        columns += ["target", "distribution"]
    emit_rows(rows, columns, fmt)


system.add_command(clone)
