"""``terracube dataset add|update|info|search|count|archive|restore|purge``: datasets."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._expressions import parse_expressions
from terracube.cli._files import Failures, StopRun, find_document_files, on_error_option, read_file_documents
from terracube.cli._indexing import add_dataset_files
from terracube.cli._output import (
    DOC_FORMATS,
    echo_err,
    emit_docs,
    emit_rows,
    emit_value,
    format_option,
    iso,
    iso_range,
)
from terracube.cli._records import changes_text, describe_changes
from terracube.errors import DatasetNotFoundError, QueryError, TerracubeError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from terracube.model import Dataset

__all__ = ["dataset", "parse_offset", "query_from"]

_paths = click.argument("paths", nargs=-1, required=True, metavar="PATHS...")
_expressions = click.argument("expressions", nargs=-1, metavar="[EXPRESSIONS...]")
_dry_run = click.option("--dry-run", is_flag=True, help="Validate and report only; write nothing.")


def _ids(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> list[uuid.UUID]:
    out = []
    for v in values:
        try:
            out.append(uuid.UUID(v))
        except ValueError:
            raise click.BadParameter(f"{v!r} is not a dataset id (a UUID)", ctx, param) from None
    return out


_id_args = click.argument("ids", nargs=-1, required=True, metavar="IDS...", callback=_ids)


def _archived_option(func: Any) -> Any:
    func = click.option(
        "--all", "all_", is_flag=True, help="Include archived datasets (active and archived)."
    )(func)
    return click.option("--archived", is_flag=True, help="Archived datasets only.")(func)


def _archived_value(archived: bool, all_: bool) -> bool | None:
    if archived and all_:
        raise click.UsageError("give --archived or --all, not both")
    return None if all_ else archived


def query_from(expressions: Sequence[str]) -> dict[str, Any]:
    """Search keywords from command-line expressions (a malformed one is a usage error)."""
    try:
        return dict(parse_expressions(expressions))
    except QueryError as e:
        raise click.UsageError(str(e)) from None


def parse_offset(text: str) -> tuple[str | int, ...]:
    """A dotted document offset as a tuple: ``properties.eo:cloud_cover`` -> ``('properties', 'eo:cloud_cover')``.

    Parts made of digits are list positions (``geometry.coordinates.0`` -> ``(..., 0)``).
    """
    parts = text.split(".")
    if not text or any(not p for p in parts):
        raise click.BadParameter(f"{text!r} is not a dotted offset such as properties.eo:cloud_cover")
    return tuple(int(p) if p.isdigit() else p for p in parts)


@click.group()
def dataset() -> None:
    """Datasets: add, update, inspect, search, count, archive, restore and purge."""


# --- add and update -----------------------------------------------------------------------------


@dataset.command("add")
@_paths
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Datasets per transaction.",
)
@_dry_run
@on_error_option()
@click.option(
    "--with-lineage/--ignore-lineage",
    "with_lineage",
    default=True,
    show_default=True,
    help="Record lineage.source_ids relations, or pretend the documents have no lineage.",
)
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=None,
    help="Show a progress bar on stderr [default: when stderr is a terminal and the work is long].",
)
@pass_state
@click.pass_context
def add(
    ctx: click.Context,
    state: CliState,
    paths: tuple[str, ...],
    batch_size: int,
    dry_run: bool,
    on_error: str,
    with_lineage: bool,
    show_progress: bool | None,
) -> None:
    """Add eo3 dataset documents from files, folders (recursively: *.yaml, *.yml, *.json) and globs.

    Each document is validated against its product, which must be in the index; its location
    is its file's URI. Bad documents are reported on stderr and skipped (or stop the run with
    --on-error stop). Datasets already in the index with the same document are skipped.
    Exits with status 1 if any failed.

    Lineage is recorded by default, as ODC's dataset add does: each relation in
    lineage.source_ids, for new datasets and for those already present. A source need not be
    in the index (it is recorded as external lineage); a relation that would make a cycle, or
    give a recorded (source, dataset) pair another classifier, fails its document.
    --ignore-lineage records none.
    """
    index = state.index
    failures = Failures(stop=on_error == "stop")
    files, unmatched = find_document_files(paths)
    try:
        for arg in unmatched:
            failures.report(arg, "no such file, folder or matching pattern")
    except StopRun:
        click.echo("Stopped at the first failure; nothing was added.")
        ctx.exit(1)
    summary = add_dataset_files(
        index,
        files,
        failures=failures,
        batch_size=batch_size,
        dry_run=dry_run,
        show_progress=show_progress,
        with_lineage=with_lineage,
    )
    click.echo(summary.line())
    if summary.failed:
        ctx.exit(1)


@dataset.command("update")
@_paths
@click.option(
    "--allow-any",
    "allow_any",
    multiple=True,
    metavar="OFFSET",
    help="Allow any change under this dotted offset (e.g. properties.eo:cloud_cover). Repeatable.",
)
@_dry_run
@on_error_option()
@pass_state
@click.pass_context
def update(
    ctx: click.Context,
    state: CliState,
    paths: tuple[str, ...],
    allow_any: tuple[str, ...],
    dry_run: bool,
    on_error: str,
) -> None:
    """Update indexed datasets from their documents.

    Every change to a document is refused unless it lies under an --allow-any offset; a new
    location (file URI) is always allowed. Exits with status 1 if any update failed (or, with
    --dry-run, would fail).
    """
    from terracube.index.changes import allow_any as allow_any_policy

    index = state.index
    allowed = {parse_offset(o): allow_any_policy for o in allow_any}
    failures = Failures(stop=on_error == "stop")
    files, unmatched = find_document_files(paths)
    counts = {"updated": 0, "unchanged": 0}
    try:
        for arg in unmatched:
            failures.report(arg, "no such file, folder or matching pattern")
        for path in files:
            for label, uri, doc in read_file_documents(path, failures):
                _update_one(index, label, uri, doc, allowed, dry_run, failures, counts)
    except StopRun:
        pass
    verb = "would be updated" if dry_run else "updated"
    click.echo(
        f"{'Dry run: ' if dry_run else ''}{counts['updated']} {verb}, {counts['unchanged']} unchanged, "
        f"{failures.count} failed{'; nothing was written' if dry_run else ''}."
    )
    if failures.count:
        ctx.exit(1)


def _update_one(
    index: Any,
    label: str,
    uri: str,
    doc: dict[str, Any],
    allowed: dict[Any, Any],
    dry_run: bool,
    failures: Failures,
    counts: dict[str, int],
) -> None:
    try:
        ds = index.datasets.from_doc(doc, uri=uri, where=label)
        existing = index.datasets.get_unsafe(ds.id)
        ok, safe, unsafe = index.datasets.can_update(ds, allowed)
        moved = existing.uri != ds.uri
        if not (safe or unsafe or moved):
            counts["unchanged"] += 1
            return
        if not ok:
            failures.report(
                label,
                f"dataset {str(ds.id)!r}: changes not allowed (allow them with --allow-any OFFSET): "
                + changes_text(unsafe),
            )
            return
        if not dry_run:
            index.datasets.update(ds, allowed)
    except DatasetNotFoundError as e:
        failures.report(label, f"{e}; add it with `terracube dataset add` first")
        return
    except TerracubeError as e:
        failures.report(label, e)
        return
    counts["updated"] += 1
    click.echo(f"{'Would update' if dry_run else 'Updated'} {ds.id} ({label}):")
    if moved:
        click.echo(f"  location  {existing.uri} -> {ds.uri}")
    for line in describe_changes(safe, unsafe):
        click.echo(line)


# --- looking ------------------------------------------------------------------------------------


def _info(ds: Dataset) -> dict[str, Any]:
    return {
        "id": str(ds.id),
        "product": ds.product.name,
        "status": "archived" if ds.is_archived else "active",
        "uri": ds.uri,
        "indexed_time": iso(ds.indexed_time),
        "archived_time": iso(ds.archived_time),
        "time": iso_range(ds.time),
        "document": ds.metadata_doc,
    }


@dataset.command("info")
@_id_args
@format_option("yaml", DOC_FORMATS)
@pass_state
def info(state: CliState, ids: list[uuid.UUID], fmt: str) -> None:
    """Show datasets: index state (product, status, location, times) and the document.

    Raises an error naming the ids not in the index (nothing is printed then).
    """
    found = {ds.id: ds for ds in state.index.datasets.bulk_get(ids)}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise DatasetNotFoundError(f"no dataset with id {', '.join(map(repr, missing))} in the index")
    emit_docs([_info(found[i]) for i in dict.fromkeys(ids)], fmt)


_SEARCH_COLUMNS = ["id", "product", "time", "uri"]


@dataset.command("search")
@_expressions
@click.option("--limit", type=click.IntRange(min=0), help="At most this many datasets.")
@_archived_option
@format_option()
@pass_state
def search(
    state: CliState, expressions: tuple[str, ...], limit: int | None, archived: bool, all_: bool, fmt: str
) -> None:
    """Search datasets with query expressions; prints id, product, time and location.

    \b
    Examples:
      terracube dataset search product=ls8 'time in [2020-01, 2020-03]'
      terracube dataset search 'lat in [-36, -35]' 'lon in [149, 150]' 'cloud_cover in [0, 20]'
      terracube dataset search product=ls8 time=2020 platform=landsat-8 --format json
    """
    query = query_from(expressions)
    results = state.index.datasets.search(
        limit=limit, archived=_archived_value(archived, all_), order_by=["time", "id"], **query
    )
    rows = [
        {"id": str(ds.id), "product": ds.product.name, "time": iso_range(ds.time), "uri": ds.uri}
        for ds in results
    ]
    emit_rows(rows, _SEARCH_COLUMNS, fmt)


@dataset.command("count")
@_expressions
@click.option("--period", help="Count per period through the query's time range, e.g. '1 month'.")
@_archived_option
@format_option()
@pass_state
def count(
    state: CliState, expressions: tuple[str, ...], period: str | None, archived: bool, all_: bool, fmt: str
) -> None:
    """Count datasets matching query expressions (per product and period with --period).

    \b
    Examples:
      terracube dataset count product=ls8
      terracube dataset count product=ls8 'time in [2020-01, 2020-12]' --period '1 month'
    """
    query = query_from(expressions)
    which = _archived_value(archived, all_)
    datasets = state.index.datasets
    if period is None:
        n = datasets.count(archived=which, **query)
        if fmt == "table":
            click.echo(n)
        else:
            emit_value({"count": n}, fmt)
        return
    if query.get("time") is None:
        raise click.UsageError("--period needs a time range, e.g. 'time in [2020-01, 2020-12]'")
    rows = [
        {"product": p.name, "start": iso(rng.begin), "end": iso(rng.end), "count": n}
        for p, series in datasets.count_by_product_through_time(period, archived=which, **query)
        for rng, n in series
    ]
    emit_rows(rows, ["product", "start", "end", "count"], fmt)


# --- archive, restore, purge --------------------------------------------------------------------


def _lookup(state: CliState, ids: list[uuid.UUID]) -> tuple[list[Dataset], list[uuid.UUID]]:
    found = {ds.id: ds for ds in state.index.datasets.bulk_get(ids)}
    wanted = list(dict.fromkeys(ids))
    return [found[i] for i in wanted if i in found], [i for i in wanted if i not in found]


def _report_missing(ctx: click.Context, missing: list[uuid.UUID]) -> None:
    for i in missing:
        echo_err(f"Error: no dataset with id {str(i)!r} in the index")
    if missing:
        ctx.exit(1)


@dataset.command("archive")
@_id_args
@pass_state
@click.pass_context
def archive(ctx: click.Context, state: CliState, ids: list[uuid.UUID]) -> None:
    """Archive datasets: searches leave them out unless asked (--archived, --all)."""
    found, missing = _lookup(state, ids)
    todo = [ds.id for ds in found if not ds.is_archived]
    if todo:
        state.index.datasets.archive(todo)
    for ds in found:
        click.echo(f"{'Archived' if ds.id in todo else 'Already archived'} {ds.id}")
    _report_missing(ctx, missing)


@dataset.command("restore")
@_id_args
@pass_state
@click.pass_context
def restore(ctx: click.Context, state: CliState, ids: list[uuid.UUID]) -> None:
    """Restore archived datasets: make them active again."""
    found, missing = _lookup(state, ids)
    todo = [ds.id for ds in found if ds.is_archived]
    if todo:
        state.index.datasets.restore(todo)
    for ds in found:
        click.echo(f"{'Restored' if ds.id in todo else 'Already active'} {ds.id}")
    _report_missing(ctx, missing)


@dataset.command("purge")
@_id_args
@click.option("--force", is_flag=True, help="Also delete datasets that are still active.")
@pass_state
@click.pass_context
def purge(ctx: click.Context, state: CliState, ids: list[uuid.UUID], force: bool) -> None:
    """Delete archived datasets from the index for good (active ones too with --force).

    The files themselves are not touched. Exits with status 1 if an id is unknown or an active
    dataset was kept.
    """
    found, missing = _lookup(state, ids)
    deleted = set(state.index.datasets.purge([ds.id for ds in found], allow_delete_active=force))
    kept = False
    for ds in found:
        if ds.id in deleted:
            click.echo(f"Purged {ds.id}")
        else:
            kept = True
            echo_err(f"Error: dataset {str(ds.id)!r} is active; archive it first or pass --force")
    if kept and not missing:
        ctx.exit(1)
    _report_missing(ctx, missing)
