"""The :class:`Environment` value: one named index connection and its settings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import overload

from terracube.cfg._urls import redact_url

__all__ = ["Environment", "FrozenOptions"]

#: Option keys whose values are hidden in reprs when the key contains one of these words.
_SECRET_WORDS = ("password", "secret", "token")


class FrozenOptions(Mapping[str, str]):
    """A read-only, hashable, picklable ``str -> str`` mapping that keeps insertion order.

    Equality is mapping equality (order does not matter), so it compares equal to a ``dict``
    with the same items.
    """

    __slots__ = ("_items", "_map")

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        data = dict(items or {})
        for key, value in data.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(
                    f"environment options map str to str; got {key!r}: {value!r} "
                    f"({type(key).__name__}: {type(value).__name__})"
                )
        self._map = data
        self._items = tuple(sorted(data.items()))

    def __getitem__(self, key: str) -> str:
        return self._map[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map)

    def __len__(self) -> int:
        return len(self._map)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenOptions):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._map == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._map)

    def __reduce__(self) -> tuple[type[FrozenOptions], tuple[dict[str, str]]]:
        return (FrozenOptions, (self._map,))


def _shown(key: str, value: str) -> str:
    return "***" if any(word in key for word in _SECRET_WORDS) else value


@dataclass(frozen=True, slots=True, repr=False)
class Environment:
    """One named index connection, resolved from the configuration and ``TERRACUBE_*`` variables.

    Environments compare equal, hash and pickle by value. The repr hides the password of
    `db_url` and any option whose key contains ``password``, ``secret`` or ``token``.

    Examples
    --------
    >>> env = Environment("ci", "memory", "memory://", {"s3_endpoint": "http://localhost:9000"})
    >>> env.get("s3_endpoint")
    'http://localhost:9000'
    >>> env.get("db_url")
    'memory://'
    """

    name: str
    """Name of the environment (for an alias, the name of the environment it points to)."""

    index_driver: str
    """Name of the index driver plugin (entry point in ``terracube.plugins.index``)."""

    db_url: str
    """Database URL handed to the index driver, e.g. ``sqlite:////data/index.db``."""

    options: Mapping[str, str] = field(default_factory=FrozenOptions)
    """Every other key of the environment (lower-case names), read-only."""

    def __post_init__(self) -> None:
        for attr in ("name", "index_driver", "db_url"):
            value = getattr(self, attr)
            if not isinstance(value, str):
                raise TypeError(f"Environment.{attr} must be a str, got {value!r}")
        if not isinstance(self.options, FrozenOptions):
            object.__setattr__(self, "options", FrozenOptions(self.options))

    @overload
    def get(self, key: str) -> str | None: ...

    @overload
    def get(self, key: str, default: str) -> str: ...

    @overload
    def get(self, key: str, default: object) -> str | object: ...

    def get(self, key: str, default: object = None) -> str | object:
        """Return a setting by key: ``name``, ``index_driver``, ``db_url`` or an option.

        Parameters
        ----------
        key
            Setting name (option keys are lower case).
        default
            Returned when the environment has no such setting.

        Returns
        -------
        str or the default
        """
        if key in ("name", "index_driver", "db_url"):
            value: str = getattr(self, key)
            return value
        return self.options.get(key, default)

    def __repr__(self) -> str:
        options = {key: _shown(key, value) for key, value in self.options.items()}
        return (
            f"Environment(name={self.name!r}, index_driver={self.index_driver!r}, "
            f"db_url={redact_url(self.db_url)!r}, options={options!r})"
        )
