"""``terracube dataset add|update|info|search|count|archive|restore|purge``: datasets."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import uuid
from typing import TYPE_CHECKING, Any, Final, TypeVar

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._expressions import parse_expressions
from terracube.cli._files import DocumentFiles, Failures, StopRun, on_error_option, workers_option
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
from terracube.cli._reading import DocumentReader
from terracube.cli._records import changes_text, describe_changes
from terracube.errors import DatasetNotFoundError, QueryError, TerracubeError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from terracube.model import Dataset

__all__ = ["dataset", "parse_offset", "query_from"]

_T = TypeVar("_T")

_paths = click.argument("paths", nargs=-1, required=True, metavar="PATHS...")
_expressions = click.argument("expressions", nargs=-1, metavar="[EXPRESSIONS...]")
_dry_run = click.option("--dry-run", is_flag=True, help="Validate and report only; write nothing.")
_archive_less_mature = click.option(
    "--archive-less-mature",
    "archive_less_mature",
    is_flag=True,
    help="Archive less mature versions: same product, region_code and time (within 500 ms).",
)


def _tolerance(archive_less_mature: bool) -> int | None:
    """The time tolerance of ``--archive-less-mature`` in milliseconds (ODC's 500), or None."""
    from terracube.index._datasets import DEFAULT_MATURITY_TOLERANCE_MS

    return DEFAULT_MATURITY_TOLERANCE_MS if archive_less_mature else None


_workers = workers_option("files")


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
@click.option(
    "--product",
    "-p",
    "products",
    multiple=True,
    metavar="NAME",
    help="Only add datasets of this product (repeatable); others are reported as errors.",
)
@click.option(
    "--exclude-product",
    "-x",
    "excluded",
    multiple=True,
    metavar="NAME",
    help="Do not add datasets of this product (repeatable); they are reported as errors.",
)
@_archive_less_mature
@_workers
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
    products: tuple[str, ...],
    excluded: tuple[str, ...],
    archive_less_mature: bool,
    workers: int | None,
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

    --archive-less-mature archives, in the same transaction, the active datasets of the same
    product, region code and time (within 500 ms) whose dataset_maturity is lower
    (nrt < interim < final).
    """
    index = state.index
    for name in (*products, *excluded):
        if index.products.get_by_name(name) is None:
            known = sorted(p.name for p in index.products.get_all())
            raise click.BadParameter(f"no product named {name!r} in the index; products: {known}")
    failures = Failures(stop=on_error == "stop")
    files = DocumentFiles(paths)
    try:
        for arg in files.unmatched:
            failures.report(arg, "no such file, folder or matching pattern")
    except StopRun:
        click.echo("Stopped at the first failure; nothing was added.")
        ctx.exit(1)
    # Files are found as they are read; they are counted first only for a progress bar.
    counted = show_progress or (show_progress is None and sys.stderr.isatty())
    summary = add_dataset_files(
        index,
        iter(files),
        failures=failures,
        batch_size=batch_size,
        dry_run=dry_run,
        show_progress=show_progress,
        with_lineage=with_lineage,
        products=products or None,
        excluded=excluded,
        archive_less_mature=_tolerance(archive_less_mature),
        workers=workers,
        total=files.count() if counted else None,
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
@_archive_less_mature
@_workers
@pass_state
@click.pass_context
def update(
    ctx: click.Context,
    state: CliState,
    paths: tuple[str, ...],
    allow_any: tuple[str, ...],
    dry_run: bool,
    on_error: str,
    archive_less_mature: bool,
    workers: int | None,
) -> None:
    """Update indexed datasets from their documents.

    Safe changes go through, as with ODC: adding a value where the stored document has none.
    Changing or removing a value is refused unless it lies under an --allow-any offset; a new
    location (file URI) is always allowed. Exits with status 1 if any update failed (or, with
    --dry-run, would fail).
    """
    from terracube.index.changes import allow_any as allow_any_policy
    from terracube.index.changes import allow_extension

    index = state.index
    allowed: dict[Any, Any] = {(): allow_extension}
    allowed.update({parse_offset(o): allow_any_policy for o in allow_any})
    failures = Failures(stop=on_error == "stop")
    files = DocumentFiles(paths)
    counts = {"updated": 0, "unchanged": 0}
    try:
        for arg in files.unmatched:
            failures.report(arg, "no such file, folder or matching pattern")
        tolerance = _tolerance(archive_less_mature)
        with DocumentReader(index, iter(files), failures, workers=workers) as reader:
            for batch in _batches(reader, _UPDATE_BATCH):
                # The stored versions of a batch in one read; an id met twice in it (the second
                # time after the first update) and one not stored are read one by one.
                # Archiving less mature versions changes others as it goes: no reading ahead then.
                ids = {ds.id for _, ds in batch} if tolerance is None else ()
                stored = {d.id: d for d in index.datasets.bulk_get(ids)}
                for label, ds in batch:
                    existing = stored.pop(ds.id, None)
                    _update_one(index, label, ds, allowed, dry_run, failures, counts, tolerance, existing)
    except StopRun:
        pass
    verb = "would be updated" if dry_run else "updated"
    click.echo(
        f"{'Dry run: ' if dry_run else ''}{counts['updated']} {verb}, {counts['unchanged']} unchanged, "
        f"{failures.count} failed{'; nothing was written' if dry_run else ''}."
    )
    if failures.count:
        ctx.exit(1)


#: Datasets whose stored versions ``dataset update`` reads at once.
_UPDATE_BATCH: Final = 500


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _update_one(
    index: Any,
    label: str,
    ds: Dataset,
    allowed: dict[Any, Any],
    dry_run: bool,
    failures: Failures,
    counts: dict[str, int],
    archive_less_mature: int | None = None,
    existing: Dataset | None = None,
) -> None:
    from terracube.index.changes import update_changes

    try:
        if existing is None:
            existing = index.datasets.get_unsafe(ds.id)
        ok, safe, unsafe = update_changes(existing, ds, allowed)
        moved = existing.uri != ds.uri
        if archive_less_mature is not None and ok:
            victims = [d.id for d in index.datasets.find_less_mature(ds, archive_less_mature)]
            if not dry_run:
                index.datasets.update(ds, allowed, archive_less_mature=archive_less_mature)
            for v in victims:
                click.echo(
                    f"{'Would archive' if dry_run else 'Archived'} {v}, a less mature version of {ds.id}"
                )
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
        if not dry_run and archive_less_mature is None:
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
@click.option(
    "--show-sources", is_flag=True, help="Also show the datasets each was derived from, recursively."
)
@click.option("--show-derived", is_flag=True, help="Also show the datasets derived from each, recursively.")
@click.option(
    "--max-depth",
    type=click.IntRange(min=0),
    default=0,
    help="Levels of sources or derived datasets to show (0: all).",
)
@format_option("yaml", DOC_FORMATS)
@pass_state
def info(
    state: CliState,
    ids: list[uuid.UUID],
    show_sources: bool,
    show_derived: bool,
    max_depth: int,
    fmt: str,
) -> None:
    """Show datasets: index state (product, status, location, times) and the document.

    --show-sources and --show-derived add the lineage trees (a source outside the index is
    shown by its id, with status "not indexed"). Raises an error naming the ids not in the
    index (nothing is printed then).
    """
    index = state.index
    found = {ds.id: ds for ds in index.datasets.bulk_get(ids)}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise DatasetNotFoundError(f"no dataset with id {', '.join(map(repr, missing))} in the index")
    docs = []
    for i in dict.fromkeys(ids):
        doc = _info(found[i])
        if show_sources:
            doc["sources"] = _tree_doc(index, index.lineage.get_source_tree(i, max_depth))
        if show_derived:
            doc["derived"] = _tree_doc(index, index.lineage.get_derived_tree(i, max_depth))
        docs.append(doc)
    emit_docs(docs, fmt)


def _tree_doc(index: Any, tree: Any) -> dict[str, list[dict[str, Any]]]:
    """A lineage tree's children as ``{classifier: [{id, product, status, sources|derived}]}``."""
    nodes = list(tree.nodes())
    known = {ds.id: ds for ds in index.datasets.bulk_get({n.dataset_id for n in nodes})}
    key = "sources" if tree.direction.name == "SOURCES" else "derived"

    def node(t: Any) -> dict[str, Any]:
        ds = known.get(t.dataset_id)
        out: dict[str, Any] = {"id": str(t.dataset_id)}
        if ds is None:
            out["status"] = "not indexed"
        else:
            out.update(product=ds.product.name, status="archived" if ds.is_archived else "active")
        if t.children:
            out[key] = children(t)
        return out

    def children(t: Any) -> dict[str, list[dict[str, Any]]]:
        return {c: [node(k) for k in kids] for c, kids in sorted((t.children or {}).items())}

    return children(tree)


_FIRST_COLUMNS = ["id", "product", "time", "uri"]
_LEFT_OUT = {"metadata_doc"}


def _cell_value(value: Any) -> Any:
    from terracube.model import Range

    if isinstance(value, Range):
        if isinstance(value.begin, dt.datetime) or isinstance(value.end, dt.datetime):
            return iso_range(value)
        return value.begin if value.begin == value.end else f"{value.begin}/{value.end}"
    return value


def _field_names(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> list[str] | None:
    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    return names or None


@dataset.command("search")
@_expressions
@click.option("--limit", type=click.IntRange(min=0), help="At most this many datasets.")
@click.option(
    "--fields",
    "fields",
    multiple=True,
    callback=_field_names,
    metavar="NAMES",
    help="Columns to print, comma-separated (default: id, product, time, uri and every search field).",
)
@_archived_option
@format_option()
@pass_state
def search(
    state: CliState,
    expressions: tuple[str, ...],
    limit: int | None,
    fields: list[str] | None,
    archived: bool,
    all_: bool,
    fmt: str,
) -> None:
    """Search datasets with query expressions; prints their search fields, one dataset a row.

    By default every search field of the products searched is printed, after id, product,
    time and location; --fields chooses (id, product, uri, indexed_time, archived_time and any
    search field). A range field prints as `min/max`.

    \b
    Examples:
      terracube dataset search product=ls8 'time in [2020-01, 2020-03]'
      terracube dataset search 'lat in [-36, -35]' 'lon in [149, 150]' 'cloud_cover in [0, 20]'
      terracube dataset search product=ls8 time=2020 --fields id,time,cloud_cover --format csv
    """
    query = query_from(expressions)
    results = state.index.datasets.search_returning(
        field_names=fields, limit=limit, archived=_archived_value(archived, all_), order_by=["time", "id"],
        **query,
    )  # fmt: skip
    rows = []
    columns: list[str] = list(fields) if fields else []
    for row in results:
        values = row._asdict()
        if not columns:
            rest = sorted(n for n in values if n not in _FIRST_COLUMNS and n not in _LEFT_OUT)
            columns = [n for n in _FIRST_COLUMNS if n in values] + rest
        rows.append({n: _cell_value(values.get(n)) for n in columns})
    if not columns:
        columns = fields or list(_FIRST_COLUMNS)
    emit_rows(rows, columns, fmt)


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


_optional_ids = click.argument("ids", nargs=-1, metavar="[IDS...]", callback=_ids)
_show_only = click.option("--dry-run", is_flag=True, help="Show what would be done; change nothing.")


def _targets(
    ctx: click.Context, state: CliState, ids: list[uuid.UUID], all_: bool, archived: bool
) -> tuple[list[Dataset], list[uuid.UUID]]:
    """The datasets named (and the unknown ids), or with ``all_`` every active/archived one."""
    if all_ and ids:
        raise click.UsageError("give dataset ids or --all, not both")
    if not all_ and not ids:
        raise click.UsageError("give dataset ids, or --all")
    if all_:
        found = list(state.index.datasets.search(archived=archived))
        if not found:
            echo_err(f"No {'archived' if archived else 'active'} datasets in the index.")
        return found, []
    return _lookup(state, ids)


def _derived(state: CliState, roots: Sequence[Dataset]) -> list[Dataset]:
    """The indexed datasets derived from ``roots``, recursively (roots left out), by id."""
    ids = {n.dataset_id for ds in roots for n in state.index.lineage.get_derived_tree(ds.id).nodes()}
    ids -= {ds.id for ds in roots}
    return sorted(state.index.datasets.bulk_get(ids), key=lambda d: d.id)


@dataset.command("archive")
@_optional_ids
@click.option(
    "--archive-derived", "-d", is_flag=True, help="Also archive the datasets derived from them, recursively."
)
@_show_only
@click.option("--all", "all_", is_flag=True, help="Archive every active dataset (give no ids).")
@pass_state
@click.pass_context
def archive(
    ctx: click.Context,
    state: CliState,
    ids: list[uuid.UUID],
    archive_derived: bool,
    dry_run: bool,
    all_: bool,
) -> None:
    """Archive datasets: searches leave them out unless asked (--archived, --all)."""
    found, missing = _targets(ctx, state, ids, all_, archived=False)
    derived = _derived(state, found) if archive_derived else []
    todo = [ds.id for ds in [*found, *derived] if not ds.is_archived]
    if todo and not dry_run:
        state.index.datasets.archive(todo)
    verb = "Would archive" if dry_run else "Archived"
    for ds in found:
        click.echo(f"{verb if ds.id in todo else 'Already archived'} {ds.id}")
    for ds in derived:
        if ds.id in todo:
            click.echo(f"{verb} {ds.id} (derived)")
    _report_missing(ctx, missing)


@dataset.command("restore")
@_optional_ids
@click.option(
    "--restore-derived",
    "-d",
    is_flag=True,
    help="Also restore the datasets derived from them that were archived at about the same time.",
)
@click.option(
    "--derived-tolerance-seconds",
    type=click.IntRange(min=0),
    default=600,
    show_default=True,
    help="How close to a dataset's archiving a derived one must have been archived to be restored with it.",
)
@_show_only
@click.option("--all", "all_", is_flag=True, help="Restore every archived dataset (give no ids).")
@pass_state
@click.pass_context
def restore(
    ctx: click.Context,
    state: CliState,
    ids: list[uuid.UUID],
    restore_derived: bool,
    derived_tolerance_seconds: int,
    dry_run: bool,
    all_: bool,
) -> None:
    """Restore archived datasets: make them active again."""
    found, missing = _targets(ctx, state, ids, all_, archived=True)
    todo = [ds.id for ds in found if ds.is_archived]
    derived: list[Dataset] = []
    if restore_derived:
        pad = dt.timedelta(seconds=derived_tolerance_seconds)
        times = [ds.archived_time for ds in found if ds.archived_time is not None]
        derived = [
            d
            for d in _derived(state, found)
            if d.archived_time is not None and any(abs(d.archived_time - t) <= pad for t in times)
        ]
        todo += [d.id for d in derived if d.id not in todo]
    if todo and not dry_run:
        state.index.datasets.restore(todo)
    verb = "Would restore" if dry_run else "Restored"
    for ds in found:
        click.echo(f"{verb if ds.id in todo else 'Already active'} {ds.id}")
    for ds in derived:
        click.echo(f"{verb} {ds.id} (derived)")
    _report_missing(ctx, missing)


@dataset.command("purge")
@_optional_ids
@click.option("--force", is_flag=True, help="Also delete datasets that are still active.")
@_show_only
@click.option("--all", "all_", is_flag=True, help="Purge every archived dataset (give no ids).")
@pass_state
@click.pass_context
def purge(
    ctx: click.Context, state: CliState, ids: list[uuid.UUID], force: bool, dry_run: bool, all_: bool
) -> None:
    """Delete archived datasets from the index for good (active ones too with --force).

    The files themselves are not touched. Exits with status 1 if an id is unknown or an active
    dataset was kept.
    """
    found, missing = _targets(ctx, state, ids, all_, archived=True)
    if dry_run:
        deleted = {ds.id for ds in found if force or ds.is_archived}
    else:
        deleted = set(state.index.datasets.purge([ds.id for ds in found], allow_delete_active=force))
    kept = False
    for ds in found:
        if ds.id in deleted:
            click.echo(f"{'Would purge' if dry_run else 'Purged'} {ds.id}")
        else:
            kept = True
            echo_err(f"Error: dataset {str(ds.id)!r} is active; archive it first or pass --force")
    if kept and not missing:
        ctx.exit(1)
    _report_missing(ctx, missing)
