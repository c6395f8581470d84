"""``terracube storage uploads``: find and abort multipart uploads that never finished."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import click

from terracube.cli._output import emit_rows, format_option, iso

__all__ = ["storage"]

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_age(text: str) -> timedelta:
    """An age such as ``90s``, ``30m``, ``12h``, ``7d``, ``2w`` or plain seconds.

    Examples
    --------
    >>> parse_age("36h")
    datetime.timedelta(days=1, seconds=43200)
    """
    match = _AGE.match(text)
    if match is None:
        raise click.BadParameter(f"{text!r} is not an age; use a number with s, m, h, d or w (e.g. 24h)")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2)])


def _age_option(ctx: click.Context, param: click.Parameter, value: str | None) -> timedelta | None:
    return None if value is None else parse_age(value)


@click.group()
def storage() -> None:
    """The S3 array store: housekeeping of buckets on S3 or local disk."""


@storage.command("uploads")
@click.argument("store", metavar="STORE")
@click.argument("bucket")
@click.option("--prefix", default="", help="Only uploads whose key starts with this.")
@click.option(
    "--older-than",
    "older_than",
    metavar="AGE",
    default=None,
    callback=_age_option,
    help="Only uploads started at least this long ago: 90s, 30m, 12h, 7d (default: all).",
)
@click.option("--abort", is_flag=True, help="Abort them (needs --older-than), freeing their storage.")
@click.option(
    "--endpoint", metavar="URL", help="S3 endpoint for an s3:// STORE (default: the environment's)."
)
@format_option()
def uploads(
    store: str,
    bucket: str,
    prefix: str,
    older_than: timedelta | None,
    abort: bool,
    endpoint: str | None,
    fmt: str,
) -> None:
    """List (or abort) the multipart uploads in BUCKET that were started and never finished.

    STORE is a local store's directory (a path or a file:// URL), or s3:// for the S3 endpoint
    and credentials of the environment (TERRACUBE_S3_* or AWS_* variables, --endpoint).
    An upload still running counts too: give --abort a margin, such as --older-than 1d.
    """
    from terracube.storage.s3 import S3IO, S3Config

    if abort and older_than is None:
        raise click.UsageError(
            "--abort needs --older-than (e.g. --older-than 1d), so running uploads are spared"
        )
    config = S3Config.from_url(store, **({"endpoint": endpoint} if endpoint else {}))
    age = older_than if older_than is not None else timedelta(0)
    with S3IO(config) as s3:
        if abort:
            found = s3.abort_incomplete_uploads(bucket, prefix, older_than=age)
        else:
            found = s3.list_incomplete_uploads(bucket, prefix, older_than=age)
    now = datetime.now(UTC)
    rows = [
        {
            "key": u.key,
            "upload_id": u.upload_id,
            "initiated": iso(u.initiated),
            "age": _show_age(now - u.initiated),
        }
        for u in found
    ]
    emit_rows(rows, ["key", "upload_id", "initiated", "age"], fmt)
    what = "aborted" if abort else "found"
    click.echo(f"{what} {len(rows)} incomplete upload(s) in {bucket!r}", err=True)


def _show_age(age: timedelta) -> str:
    seconds = max(0, int(age.total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
