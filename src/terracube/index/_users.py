"""The users resource: database users and their roles.

Drivers with ``supports_users=False`` refuse every call, naming the flag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from terracube.index._flags import refuse

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from terracube.index.abstract import AbstractIndex

__all__ = ["ROLES", "AbstractUserResource", "NoUserResource"]

#: Roles from least to most privileged: read; add datasets; manage products; administer.
ROLES: Final = ("user", "ingest", "manage", "admin")


class AbstractUserResource:
    """``index.users``: create, grant, delete and list index users."""

    def __init__(self, index: AbstractIndex) -> None:
        self._index = index

    def _refuse(self) -> Any:
        refuse(self._index.driver_name, "supports_users", "manage users")

    def grant(self, role: str, users: Iterable[str]) -> None:
        """Give users a role (one of :data:`ROLES`)."""
        self._refuse()

    def create(self, role: str, username: str, password: str, description: str | None = None) -> None:
        """Create a user with a role."""
        self._refuse()

    def delete(self, usernames: Iterable[str]) -> None:
        """Delete users."""
        self._refuse()

    def list_users(self) -> Iterator[tuple[str, str, str | None]]:
        """``(role, username, description)`` for every user."""
        return self._refuse()  # type: ignore[no-any-return]

    def list(self) -> Iterator[tuple[str, str, str | None]]:
        """The same as :meth:`list_users` (its ODC name): ``(role, username, description)``."""
        return self.list_users()


class NoUserResource(AbstractUserResource):
    """The users resource of a driver without users."""
