"""``terracube user list|grant|create|delete``: database users and their roles (ODC's ``datacube user``)."""

from __future__ import annotations

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import emit_rows, format_option

__all__ = ["USER_ROLES", "user"]

#: The roles, weakest first: read, add datasets, add products and types, everything.
USER_ROLES = ("user", "ingest", "manage", "admin")


@click.group()
def user() -> None:
    """Database users of the index and their roles (PostGIS indexes)."""


@user.command("list")
@format_option()
@pass_state
def list_users(state: CliState, fmt: str) -> None:
    """List the users with a terracube role: role, user name and description."""
    rows = [
        {"role": role, "user": name, "description": description}
        for role, name, description in state.index.users.list_users()
    ]
    emit_rows(rows, ["role", "user", "description"], fmt)


@user.command("grant")
@click.argument("role", type=click.Choice(USER_ROLES))
@click.argument("users", nargs=-1, required=True, metavar="USERS...")
@pass_state
def grant(state: CliState, role: str, users: tuple[str, ...]) -> None:
    """Grant a role to existing users."""
    state.index.users.grant(role, users)
    click.echo(f"Granted {role} to {', '.join(users)}")


@user.command("create")
@click.argument("role", type=click.Choice(USER_ROLES))
@click.argument("username")
@click.option("--description", help="What the user is for.")
@pass_state
def create(state: CliState, role: str, username: str, description: str | None) -> None:
    """Create a user with a role and a new random password.

    Prints one line in the form of a PostgreSQL password file (~/.pgpass):
    host:port:*:user:password. The password is shown only this once.
    """
    import secrets
    from urllib.parse import urlsplit

    password = secrets.token_urlsafe(12)
    state.index.users.create(role, username, password, description)
    url = urlsplit(state.environment.db_url or "")
    click.echo(f"{url.hostname or 'localhost'}:{url.port or 5432}:*:{username}:{password}")


@user.command("delete")
@click.argument("users", nargs=-1, required=True, metavar="USERS...")
@pass_state
def delete(state: CliState, users: tuple[str, ...]) -> None:
    """Delete users."""
    state.index.users.delete(users)
    click.echo(f"Deleted {', '.join(users)}")
