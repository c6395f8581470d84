"""What ``metadata`` and ``product`` share: add and update from files, change listings, show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from terracube.cli._files import Failures, find_document_files, read_file_documents
from terracube.cli._output import emit_docs
from terracube.errors import RecordNotFoundError, TerracubeError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from terracube.index.abstract import AbstractIndex
    from terracube.index.changes import Change

__all__ = ["RecordKind", "add_records", "changes_text", "describe_changes", "show_records", "update_records"]


@dataclass(frozen=True, slots=True)
class RecordKind:
    """A kind of named record: metadata types or products."""

    label: str
    """What one record is called in messages (``"product"``)."""
    resource: Callable[[AbstractIndex], Any]
    """The index resource holding them (``lambda index: index.products``)."""


def _short(value: Any, width: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def describe_changes(safe: Sequence[Change], unsafe: Sequence[Change]) -> list[str]:
    """One indented line per change: ``safe|unsafe  offset: old -> new``."""
    lines = []
    for kind, changes in (("safe", safe), ("unsafe", unsafe)):
        for offset, old, new in changes:
            where = ".".join(map(str, offset)) or "(whole document)"
            lines.append(f"  {kind:<6}  {where}: {_short(old)} -> {_short(new)}")
    return lines


def changes_text(changes: Sequence[Change]) -> str:
    """Changes on one line: ``offset: old -> new; ...``."""
    return "; ".join(
        f"{'.'.join(map(str, o)) or '(whole document)'}: {_short(a)} -> {_short(b)}" for o, a, b in changes
    )


def _documents(paths: Sequence[str], failures: Failures) -> Any:
    files, unmatched = find_document_files(paths)
    for arg in unmatched:
        failures.report(arg, "no such file, folder or matching pattern")
    for path in files:
        yield from read_file_documents(path, failures)


def add_records(index: AbstractIndex, kind: RecordKind, paths: Sequence[str]) -> int:
    """Add every record document in ``paths``; returns how many failed (each reported)."""
    res = kind.resource(index)
    failures = Failures()
    for label, _, doc in _documents(paths, failures):
        try:
            value = res.from_doc(doc, where=label)
            before = res.get_by_name(value.name)
            after = res.add(value)
        except TerracubeError as e:
            failures.report(label, e)
            continue
        if before is None:
            click.echo(f"Added {kind.label} {value.name!r}.")
        elif before == after:
            click.echo(f"Unchanged: {kind.label} {value.name!r} is already in the index.")
        else:  # the stored one differed only in descriptions
            click.echo(f"Updated the descriptions of {kind.label} {value.name!r}.")
    return failures.count


def update_records(
    index: AbstractIndex,
    kind: RecordKind,
    paths: Sequence[str],
    *,
    allow_unsafe: bool,
    dry_run: bool,
) -> int:
    """Update records from documents (or, with ``dry_run``, list what would change).

    Returns how many failed or, in a dry run, would fail (each reported).
    """
    res = kind.resource(index)
    failures = Failures()
    for label, _, doc in _documents(paths, failures):
        try:
            value = res.from_doc(doc, where=label)
            ok, safe, unsafe = res.can_update(value, allow_unsafe_updates=allow_unsafe)
            if not (safe or unsafe):
                click.echo(f"Unchanged: {kind.label} {value.name!r}.")
                continue
            counts = f"{len(safe)} safe, {len(unsafe)} unsafe change(s)"
            if dry_run:
                verdict = "would update" if ok else "would refuse (unsafe changes; pass --allow-unsafe)"
                click.echo(f"{kind.label.capitalize()} {value.name!r}: {counts}; {verdict}:")
                for line in describe_changes(safe, unsafe):
                    click.echo(line)
                if not ok:
                    failures.count += 1
                continue
            if not ok:
                failures.report(
                    label,
                    f"unsafe changes to {kind.label} {value.name!r} (pass --allow-unsafe to make them): "
                    + changes_text(unsafe),
                )
                continue
            res.update(value, allow_unsafe_updates=allow_unsafe)
        except RecordNotFoundError as e:
            failures.report(label, f"{e}; add it with `add` first")
            continue
        except TerracubeError as e:
            failures.report(label, e)
            continue
        click.echo(f"Updated {kind.label} {value.name!r} ({counts}).")
        for line in describe_changes(safe, unsafe):
            click.echo(line)
    return failures.count


def show_records(index: AbstractIndex, kind: RecordKind, names: Sequence[str], fmt: str) -> None:
    """Print the documents of named records (all of them when ``names`` is empty).

    Raises
    ------
    RecordNotFoundError
        A name is not in the index (nothing is printed).
    """
    res = kind.resource(index)
    records = [res.get_by_name_unsafe(n) for n in names] if names else list(res.get_all())
    if not records:
        click.echo(f"No {kind.label}s in the index.", err=True)
        return
    emit_docs([r.definition for r in records], fmt)
