"""The ``terracube`` command line (click): manage an index, add and search datasets, try it out.

``terracube [--env NAME] [--config PATH] COMMAND ...`` with the command groups ``system``,
``metadata``, ``product`` and ``dataset``, ``load``, ``stac`` and ``quickstart``. See ``docs/cli.md``
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
from terracube.cli._load import load
from terracube.cli._metadata import metadata
from terracube.cli._product import product
from terracube.cli._quickstart import quickstart
from terracube.cli._stac import stac
from terracube.cli._system import system
from terracube.errors import QueryWarning, TerracubeError

__all__ = ["cli", "main"]


def _show_warning(message: Any, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    click.echo(f"Warning: {message}", err=True)


class _Main(click.Group):
    """The root group: turns terracube's own errors into one ``Error:`` line and exit status 1.

    A :class:`~terracube.errors.QueryWarning` (a search naming a product the index does not
    hold) is printed as one ``Warning:`` line; the command goes on.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("always", category=QueryWarning)
                shown = warnings.showwarning

                def show(message: Any, category: type[Warning], *args: Any, **kwargs: Any) -> None:
                    (_show_warning if issubclass(category, QueryWarning) else shown)(
                        message, category, *args, **kwargs
                    )

                warnings.showwarning = show
                return super().invoke(ctx)
        except TerracubeError as e:
            raise click.ClickException(str(e)) from e
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
@click.version_option(_version(), "--version", prog_name="terracube")
@click.pass_context
def cli(ctx: click.Context, env_name: str | None, config_path: str | None) -> None:
    """terracube: index, search and load Earth-observation datasets.

    New here? Run `terracube quickstart`.
    """
    state = CliState(env_name, config_path)
    ctx.obj = state
    ctx.call_on_close(state.close)


cli.add_command(system)
cli.add_command(metadata)
cli.add_command(product)
cli.add_command(dataset)
cli.add_command(quickstart)
cli.add_command(load)
cli.add_command(stac)


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``terracube`` console script)."""
    cli.main(args=argv, prog_name="terracube")
