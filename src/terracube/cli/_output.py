"""Everything the command line writes: result formats on stdout, messages and progress on stderr.

Formats:

* ``table``: aligned columns under a header. On a terminal it is drawn by rich; otherwise
  (pipes, files) it is plain text, two spaces between columns, no box drawing.
* ``json``: one JSON value (an array of objects for rows), indented, UTF-8.
* ``yaml``: a YAML list of mappings for rows; a multi-document stream for documents, so the
  output of ``show`` can be fed back to ``add``.
* ``csv``: a header line then one line per row (RFC 4180 quoting, ``\\n`` line ends).

Dates are ISO 8601 in UTC with a ``Z`` suffix; ``None`` is ``null`` in JSON/YAML and an empty
cell in tables and CSV.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sys
import uuid
from typing import TYPE_CHECKING, Any, Final

import click

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from terracube.model import Range

__all__ = [
    "DOC_FORMATS",
    "ROW_FORMATS",
    "Progress",
    "echo_err",
    "emit_docs",
    "emit_rows",
    "emit_value",
    "format_option",
    "iso",
    "iso_range",
    "plain",
    "progress",
]

ROW_FORMATS: Final = ("table", "json", "yaml", "csv")
DOC_FORMATS: Final = ("yaml", "json")


def format_option(default: str = "table", choices: Sequence[str] = ROW_FORMATS) -> Callable[[Any], Any]:
    """The ``--format`` / ``-f`` option of a command printing results."""
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


# --- values -------------------------------------------------------------------------------------


def iso(value: dt.datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in UTC (``...Z``); a naive one as is; None stays None."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None).isoformat() + "Z"
    return value.isoformat()


def iso_range(value: Range[dt.datetime] | None) -> str | None:
    """A time range as one ISO 8601 instant, or ``start/end`` when the ends differ."""
    if value is None:
        return None
    begin, end = iso(value.begin), iso(value.end)
    if begin == end:
        return begin
    return f"{begin or '..'}/{end or '..'}"


def plain(value: Any) -> Any:
    """A copy of ``value`` holding only JSON types (datetimes as :func:`iso`, UUIDs as text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return iso(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _json(value: Any) -> str:
    return json.dumps(plain(value), indent=2, ensure_ascii=False)


def _yaml(value: Any) -> str:
    import yaml

    text: str = yaml.safe_dump(plain(value), sort_keys=False, allow_unicode=True, default_flow_style=False)
    return text


# --- results on stdout --------------------------------------------------------------------------


def emit_rows(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Print rows (mappings with at least ``columns``) in a format."""
    rows = [{c: r.get(c) for c in columns} for r in rows]
    if fmt == "json":
        click.echo(_json(rows))
    elif fmt == "yaml":
        click.echo(_yaml(rows), nl=False)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(r[c]) for c in columns] for r in rows)
        click.echo(buf.getvalue(), nl=False)
    elif fmt == "table":
        _table([[_cell(r[c]) for c in columns] for r in rows], columns)
    else:
        raise ValueError(f"unknown output format {fmt!r}; use one of {ROW_FORMATS}")


def _table(cells: list[list[str]], columns: Sequence[str]) -> None:
    if sys.stdout.isatty():
        from rich import box
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, box=box.SIMPLE_HEAD, highlight=False)
        for row in cells:
            table.add_row(*row)
        Console(highlight=False).print(table)
        return
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    for row in [list(columns), *cells]:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def emit_docs(docs: Sequence[Any], fmt: str) -> None:
    """Print documents: a YAML multi-document stream, or JSON (one object, or an array of several)."""
    if fmt == "json":
        click.echo(_json(docs[0] if len(docs) == 1 else list(docs)))
    elif fmt == "yaml":
        import yaml

        text = yaml.safe_dump_all(
            [plain(d) for d in docs], sort_keys=False, allow_unicode=True, explicit_start=True
        )
        click.echo(text, nl=False)
    else:
        raise ValueError(f"unknown document format {fmt!r}; use one of {DOC_FORMATS}")


def emit_value(value: Mapping[str, Any], fmt: str) -> None:
    """Print one record: ``key: value`` lines as a table, else one object (one CSV row)."""
    if fmt == "table":
        width = max((len(k) for k in value), default=0)
        for k, v in value.items():
            click.echo(f"{(k + ':').ljust(width + 1)} {_cell(v)}")
    elif fmt == "json":
        click.echo(_json(dict(value)))
    elif fmt == "yaml":
        click.echo(_yaml(dict(value)), nl=False)
    else:
        emit_rows([value], list(value), fmt)


# --- messages and progress on stderr ------------------------------------------------------------


def echo_err(message: str) -> None:
    """Print a message line on stderr (above the progress bar, if one is showing)."""
    bar = _ACTIVE[-1] if _ACTIVE else None
    if bar is not None:
        bar.print(message)
    else:
        click.echo(message, err=True)


class Progress:
    """A progress bar on stderr; ``advance`` moves it, ``print`` writes a line above it."""

    def __init__(self, bar: Any, task: Any) -> None:
        self._bar = bar
        self._task = task

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done."""
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def print(self, message: str) -> None:
        """Write one line on stderr without breaking the bar."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)


_ACTIVE: list[Progress] = []


@contextlib.contextmanager
def progress(
    total: int | None, description: str, *, show: bool | None, min_items: int = 20
) -> Iterator[Progress]:
    """A rich progress bar on stderr for long work.

    Parameters
    ----------
    total
        Number of items, if known.
    description
        Shown left of the bar.
    show
        True: always (drawn as on a terminal); False: never; None: only when stderr is a
        terminal and there are at least ``min_items`` items.
    """
    if show is None:
        show = sys.stderr.isatty() and (total is None or total >= min_items)
    if not show:
        bar = Progress(None, None)
        _ACTIVE.append(bar)
        try:
            yield bar
        finally:
            _ACTIVE.pop()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    console = Console(file=sys.stderr, force_terminal=True)
    with RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=sys.stderr.isatty(),
    ) as rp:
        bar = Progress(rp, rp.add_task(description, total=total))
        _ACTIVE.append(bar)
        try:
            yield bar
        finally:
            _ACTIVE.pop()
