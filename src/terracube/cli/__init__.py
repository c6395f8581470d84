"""The ``terracube`` command line (click): manage an index, add and search datasets, try it out.

``terracube [--env NAME] [--config PATH] [-v] [--log-queries] COMMAND ...`` with the command
groups ``system``, ``metadata``, ``product``, ``dataset``, ``user`` and ``spindex``, ``load``,
``stac`` and ``quickstart``. See ``docs/cli.md``
and ``docs/load.md``.

This is the only part of terracube that writes to the screen: results go to stdout in the
format asked for (``--format table|json|yaml|csv``); messages, errors and progress bars go to
stderr. An error terracube raises on purpose (:class:`~terracube.errors.TerracubeError`) is
printed as one ``Error: ...`` line and exits with status 1; usage errors exit with 2. A search
naming a product the index does not hold prints a ``Warning: ...`` line and finds nothing.

Modules: ``_output`` (formats, progress) and ``_expressions`` (query parsing) at the bottom;
``_context`` (shared state); ``_files`` and ``_records`` (document files, shared add/update
logic); one module per command group on top. Importing this package loads click only;
rich, yaml and the index are imported when a command needs them.
"""

from __future__ import annotations

import errno
import warnings
from typing import Any

import click

from terracube.cli._context import CliState
from terracube.cli._dataset import dataset
from terracube.cli._dataset_find import find_duplicates, uri_search
from terracube.cli._load import load
from terracube.cli._metadata import metadata
from terracube.cli._product import product
from terracube.cli._quickstart import quickstart
from terracube.cli._spindex import spindex
from terracube.cli._stac import stac
from terracube.cli._storage import storage
from terracube.cli._system import system
from terracube.cli._user import user
from terracube.errors import QueryWarning, StoredRecordWarning, TerracubeError

__all__ = ["cli", "main"]


def _show_warning(message: Any, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    click.echo(f"Warning: {message}", err=True)


class _Main(click.Group):
    """The root group: turns terracube's own errors into one ``Error:`` line and exit status 1.

    A :class:`~terracube.errors.QueryWarning` (a search naming a product the index does not
    hold) or :class:`~terracube.errors.StoredRecordWarning` (a stored record that cannot be
    read) is printed as one ``Warning:`` line; the command goes on.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("always", category=QueryWarning)
                warnings.filterwarnings("once", category=StoredRecordWarning)
                shown = warnings.showwarning

                def show(message: Any, category: type[Warning], *args: Any, **kwargs: Any) -> None:
                    ours = issubclass(category, QueryWarning | StoredRecordWarning)
                    (_show_warning if ours else shown)(message, category, *args, **kwargs)

                warnings.showwarning = show
                return super().invoke(ctx)
        except TerracubeError as e:
            raise click.ClickException(str(e)) from e
        except ImportError as e:  # an optional package (psycopg, zarr, ...) is not installed
            if not isinstance(e, ModuleNotFoundError) or (e.name or "").startswith("terracube"):
                raise  # terracube's own import failing is a bug: show its traceback
            from terracube._packages import missing_package

            raise click.ClickException(str(missing_package(e, f"terracube {ctx.invoked_subcommand}"))) from e
        except OSError as e:  # a file or folder that cannot be read or written
            if e.errno == errno.EPIPE:
                raise  # click quietens a closed pipe (`terracube ... | head`)
            raise click.ClickException(f"{type(e).__name__}: {e}") from e


def _version() -> str:
    from terracube import __version__

    return __version__


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--env",
    "-E",
    "env_name",
    metavar="NAME",
    help="Environment to use (default: $TERRACUBE_ENVIRONMENT, else 'default').",
)
@click.option(
    "--config",
    "-C",
    "config_path",
    metavar="PATH",
    type=click.Path(dir_okay=False),
    help="Configuration file (default: $TERRACUBE_CONFIG_PATH, $TERRACUBE_CONFIG, ~/.terracube.conf).",
)
@click.option("--verbose", "-v", count=True, help="Log what terracube does on stderr (-vv for more).")
@click.option("--log-queries", is_flag=True, help="Log the database queries on stderr.")
@click.version_option(_version(), "--version", prog_name="terracube")
@click.pass_context
def cli(
    ctx: click.Context, env_name: str | None, config_path: str | None, verbose: int, log_queries: bool
) -> None:
    """terracube: index, search and load Earth-observation datasets.

    New here? Run `terracube quickstart`.
    """
    if verbose or log_queries:
        _start_logging(verbose, log_queries)
    state = CliState(env_name, config_path)
    ctx.obj = state
    ctx.call_on_close(state.close)


def _start_logging(verbose: int, log_queries: bool) -> None:
    """Log records of terracube (INFO with -v, DEBUG with -vv) and of the SQL drivers to stderr."""
    import logging
    import sys

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    names = []
    if verbose:
        names.append(("terracube", logging.INFO if verbose == 1 else logging.DEBUG))
    if log_queries:
        # SQLite statements (terracube's driver) and PostgreSQL ones (SQLAlchemy's engine).
        names += [("terracube.sql", logging.INFO), ("sqlalchemy.engine", logging.INFO)]
    for name, level in names:
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if handler not in logger.handlers:
            logger.addHandler(handler)
        logger.propagate = False


cli.add_command(system)
cli.add_command(user)
cli.add_command(spindex)
dataset.add_command(find_duplicates)
dataset.add_command(uri_search)
cli.add_command(metadata)
cli.add_command(product)
cli.add_command(dataset)
cli.add_command(quickstart)
cli.add_command(load)
cli.add_command(stac)
cli.add_command(storage)


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``terracube`` console script)."""
    cli.main(args=argv, prog_name="terracube")
