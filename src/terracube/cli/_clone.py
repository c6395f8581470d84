"""``terracube system clone SOURCE DESTINATION``: copy an index, terracube's or ODC's, into terracube.

SOURCE may be any terracube index or an ODC database (read through the read-only ``odc``
drivers); a ``postgresql://`` URL is looked at first to tell which it holds. DESTINATION is a
terracube index (SQLite or PostGIS), created if needed, and only once the source has opened:
a source that cannot be read leaves nothing behind. Progress goes to stderr (a bar on a
terminal, a line every few seconds otherwise), and the last line on stderr sums up what was
copied, skipped and not copied, with the reasons.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import echo_err, emit_value, format_option
from terracube.errors import ConfigError

if TYPE_CHECKING:
    import uuid
    from collections.abc import Sequence

    from terracube.cfg import Environment
    from terracube.index.abstract import AbstractIndex

__all__ = ["clone"]

#: Index drivers that only read (never a clone's destination).
_READ_ONLY = ("odc", "odc_postgres", "odc_postgis")
#: Seconds between progress lines when stderr is not a terminal.
_LINE_EVERY = 5.0


def _redacted(url: str) -> str:
    from terracube.cfg._urls import redact_url

    return redact_url(url)


def _source_environment(state: CliState, where: str, driver: str | None) -> Environment:
    """The source: an environment by name, or a URL whose database is looked at first."""
    from terracube.cfg import Environment
    from terracube.cfg._urls import infer_index_driver, url_scheme

    if "://" not in where:
        env = state.config.environment(where)
        return env if driver is None else Environment(env.name, driver, env.db_url, env.options)
    shown = _redacted(where)
    if driver is not None:
        return Environment(shown, driver, where)
    inferred = infer_index_driver(where, environment=shown, origin="the command line")
    if inferred != "postgis" or url_scheme(where) not in ("postgresql", "postgres", "postgresql+psycopg"):
        return Environment(shown, inferred, where)
    from terracube.index._databases import describe_found, survey

    found = survey(where)
    kinds = {f.kind for f in found}
    if len(kinds) > 1:
        raise ConfigError(
            f"{shown} {describe_found(found).removeprefix('it ')}; say which to copy with --source-driver "
            "(postgis for terracube's, odc_postgres or odc_postgis for ODC's)"
        )
    if not kinds:
        raise ConfigError(f"{shown} cannot be cloned: {describe_found(found)}; check the database name")
    return Environment(shown, "postgis" if kinds == {"terracube"} else "odc", where)


def _destination_environment(state: CliState, where: str) -> Environment:
    from terracube.cfg import Environment
    from terracube.cfg._urls import infer_index_driver

    if "://" in where:
        shown = _redacted(where)
        env = Environment(
            shown, infer_index_driver(where, environment=shown, origin="the command line"), where
        )
    else:
        env = state.config.environment(where)
    if env.index_driver in _READ_ONLY:
        raise ConfigError(
            f"cannot clone into {_redacted(env.db_url)}: its index driver {env.index_driver!r} only reads "
            "(an ODC database); give a terracube index (sqlite:///... or a postgresql:// database)"
        )
    return env


def _note_source(src: Any, products: Sequence[str], failures: _Failures) -> int:
    """Count the datasets of products the source cannot read as failed; return how many
    datasets have several locations (ODC's postgres schema keeps several, terracube one)."""
    for name, n in (getattr(src, "unreadable_datasets", dict)() or {}).items():
        if not products or name in products:
            why = next(u.reason for u in src.unreadable if u.kind == "product" and u.name == name)
            failures.add(name, f"terracube cannot read the product: {why}", n)
    several: int = getattr(src, "several_locations", lambda: 0)()
    return several


def _what(index: Any, env: Environment) -> str:
    describe = getattr(index, "describe", None)
    if callable(describe):
        return str(describe())
    return f"a terracube {env.index_driver} index in {_redacted(env.db_url)}"


class _Failures:
    """Datasets not copied, by reason, with their products."""

    def __init__(self) -> None:
        self.by_reason: dict[str, dict[str, int]] = {}

    def add(self, product: str, reason: str, ids: Sequence[uuid.UUID] | int) -> None:
        n = ids if isinstance(ids, int) else len(ids)
        per = self.by_reason.setdefault(reason, {})
        per[product] = per.get(product, 0) + n

    @property
    def total(self) -> int:
        return sum(n for per in self.by_reason.values() for n in per.values())

    def lines(self) -> list[str]:
        out = []
        for reason, per in self.by_reason.items():
            where = ", ".join(f"{n} of {p}" for p, n in sorted(per.items()))
            out.append(f"{sum(per.values())} ({where}): {reason}")
        return out


@click.command("clone")
@click.argument("source")
@click.argument("destination")
@click.option(
    "--product",
    "products",
    multiple=True,
    metavar="NAME",
    help="Copy only this product (its metadata type, datasets and their lineage); repeatable.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Datasets per transaction.",
)
@click.option(
    "--source-driver",
    metavar="NAME",
    help="Index driver of SOURCE (default: from the database: postgis, or odc for an ODC database).",
)
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=None,
    help="Show progress on stderr [default: a bar on a terminal, else a line every few seconds].",
)
@format_option()
@pass_state
def clone(
    state: CliState,
    source: str,
    destination: str,
    products: tuple[str, ...],
    batch_size: int,
    source_driver: str | None,
    show_progress: bool | None,
    fmt: str,
) -> None:
    """Copy every metadata type, product, dataset and lineage relation from SOURCE to DESTINATION.

    SOURCE and DESTINATION are environment names or database URLs (``sqlite:///path/index.db``,
    ``postgresql://user@host/db``). SOURCE may be any terracube index or an ODC 1.8/1.9
    database (read-only: nothing is written to it); DESTINATION is a terracube index, created
    if needed. Locations, archived state, index times, lineage and homes are kept. Datasets are
    copied in batches of --batch-size, each in one transaction: a clone stopped half-way keeps
    the batches it finished, and running the same command again copies the rest (what is
    already there is skipped). Datasets DESTINATION cannot hold (legacy eo documents, products
    terracube cannot read) are not copied; the closing line on stderr counts them, with why.
    """
    import sys

    from terracube.cli._output import progress
    from terracube.drivers import connect_index

    src_env = _source_environment(state, source, source_driver)
    dst_env = _destination_environment(state, destination)
    src: AbstractIndex = connect_index(src_env)  # opens and checks it: nothing is written before
    failures = _Failures()
    try:
        unknown = [n for n in products if src.products.get_by_name(n) is None]
        unreadable = {u.name: u.reason for u in getattr(src, "unreadable", []) if u.kind == "product"}
        if unknown:
            from terracube.errors import DocumentError, ProductNotFoundError

            for n in unknown:
                if n in unreadable:
                    raise DocumentError(
                        f"--product {n!r}: terracube cannot read this product: {unreadable[n]}"
                    )

            known = sorted(p.name for p in src.products.get_all())
            raise ProductNotFoundError(
                f"--product {', '.join(map(repr, unknown))}: no such product in {_redacted(source)} "
                f"(products: {known})"
            )
        several = _note_source(src, products, failures)
        total = (
            src.datasets.count(archived=None, product=list(products))
            if products
            else src.datasets.count(archived=None)
        )
        dst: AbstractIndex = connect_index(dst_env)
        try:
            dst.init_db(with_default_types=False)
            echo_err(f"Cloning {_what(src, src_env)} into {_what(dst, dst_env)}")
            started = time.perf_counter()
            lines = show_progress is None and not sys.stderr.isatty()
            with progress(total, "Cloning datasets", show=show_progress, min_items=1) as bar:
                seen = [0]
                last = [started]

                def advance(done: int, _total: int | None, _stage: str) -> None:
                    bar.advance(done - seen[0])
                    seen[0] = done
                    now = time.perf_counter()
                    if lines and done and (now - last[0] >= _LINE_EVERY or done == total):
                        last[0] = now
                        share = f" ({100 * done / total:.0f}%)" if total else ""
                        echo_err(f"  {done:,} of {total:,} datasets{share}, {done / (now - started):,.0f}/s")

                result = dst.clone(
                    src,
                    batch_size=batch_size,
                    progress=advance,
                    products=products or None,
                    on_failure=failures.add,
                )
            seconds = time.perf_counter() - started
        finally:
            dst.close()
    finally:
        src.close()
    counts = {kind: st.completed for kind, st in result.items()}
    counts["skipped"], counts["failed"] = result["datasets"].skipped, result["datasets"].failed
    copied = counts["datasets"]
    per_second = round((copied + counts["skipped"] + counts["failed"]) / seconds) if seconds > 0 else None
    summary = {
        "source": _redacted(source),
        "destination": _redacted(destination),
        **counts,
        "failed": failures.total,
        "failures": failures.lines(),
        "several_locations": several,
        "seconds": round(seconds, 2),
        "datasets_per_second": per_second,
    }
    emit_value(summary, fmt)
    closing = (
        f"Cloned: {copied:,} copied, {counts['skipped']:,} skipped, {failures.total:,} failed"
        + (" — " + "; ".join(failures.lines()) if failures.total else "")
        + f" ({counts['metadata_types']} metadata types, {counts['products']} products, "
        f"{counts.get('lineage', 0):,} lineage relations, {counts.get('homes', 0):,} homes added"
        + (f"; {several:,} datasets had several locations, the newest kept" if several else "")
        + f"; {seconds:.1f} s)"
    )
    echo_err(closing)
