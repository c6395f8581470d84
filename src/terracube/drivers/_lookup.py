"""Look drivers up by name (index, writer) or by (scheme, format) (reader), and connect an index."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from terracube.cfg import Environment, get_environment
from terracube.drivers._discovery import (
    GROUPS,
    INDEX_GROUP,
    READER_GROUP,
    WRITER_GROUP,
    PluginTable,
    get_driver,
    get_table,
)
from terracube.errors import DriverNotFoundError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from terracube.cfg import Config
    from terracube.drivers._info import IndexDriverProtocol
    from terracube.index.abstract import AbstractIndex
    from terracube.storage.bands import ReaderDriverProtocol, WriterDriverProtocol

__all__ = [
    "DriverRow",
    "connect_index",
    "describe_drivers",
    "index_driver",
    "index_drivers",
    "reader_driver",
    "reader_drivers",
    "writer_driver",
    "writer_drivers",
]

#: (group, plugin name) -> the terracube extra that installs what it needs.
_EXTRAS: dict[tuple[str, str], str] = {
    (INDEX_GROUP, "postgis"): "postgis",
    (INDEX_GROUP, "odc"): "postgis",
    (INDEX_GROUP, "odc_postgres"): "postgis",
    (INDEX_GROUP, "odc_postgis"): "postgis",
    (READER_GROUP, "s3aio"): "s3",
    (WRITER_GROUP, "s3aio"): "s3",
}


class DriverRow(TypedDict):
    """One row of :func:`describe_drivers`."""

    group: str
    """Entry-point group."""
    name: str
    """Plugin (entry-point) name."""
    target: str
    """``module:attr`` of its init function."""
    distribution: str
    """``"<name> <version>"`` of the package that declares it (``""`` if unknown)."""
    status: str
    """``ok``, ``failed`` or ``skipped`` (a duplicate name that lost)."""
    reason: str
    """Why it failed or was skipped; ``""`` when ok."""
    description: str
    """The driver's ``description`` attribute or the first line of its class docstring."""


# --- index drivers ---------------------------------------------------------------------------


def index_drivers() -> Mapping[str, IndexDriverProtocol]:
    """Return the working index drivers by name (read-only, sorted by name).

    Discovers the ``terracube.plugins.index`` entry points on first use; broken plugins are left
    out with a :class:`~terracube.errors.TerracubePluginWarning`.
    """
    return get_table(INDEX_GROUP).drivers


def index_driver(driver: str | type | IndexDriverProtocol) -> IndexDriverProtocol:
    """Return an index driver.

    Parameters
    ----------
    driver
        A plugin name (``"sqlite"``); a driver class, which is instantiated without arguments
        (as an init function would be); or a driver object (anything with ``connect_to_index``),
        returned as is.

    Returns
    -------
    IndexDriverProtocol
        Never ``None``.

    Raises
    ------
    DriverNotFoundError
        No working index driver has that name; the message lists the installed ones, why a
        plugin of that name failed (if one did) and what to install.
    TypeError
        `driver` is neither a name nor a driver class or object.
    """
    if isinstance(driver, str):
        # Load only the named plugin when that settles it; the table explains any failure.
        alone: IndexDriverProtocol | None = get_driver(INDEX_GROUP, driver)
        if alone is not None:
            return alone
        table = get_table(INDEX_GROUP)
        found: IndexDriverProtocol | None = table.drivers.get(driver)
        if found is None:
            raise _not_found("index", driver, table)
        return found
    given: IndexDriverProtocol = _pass_through(driver, "connect_to_index", "an index")
    return given


def connect_index(env: str | Environment | None = None, *, config: Config | None = None) -> AbstractIndex:
    """Connect to the index of an environment.

    Parameters
    ----------
    env
        An environment name, an :class:`~terracube.cfg.Environment`, or ``None`` for the default
        environment (``$TERRACUBE_ENVIRONMENT`` or ``default``).
    config
        Configuration to resolve a name in; default :func:`terracube.cfg.load_config()`. Not
        used when `env` is an Environment.

    Returns
    -------
    AbstractIndex
        ``index_driver(env.index_driver).connect_to_index(env)``.

    Raises
    ------
    ConfigError
        The environment cannot be resolved.
    DriverNotFoundError
        Its ``index_driver`` is not installed.
    """
    environment = env if isinstance(env, Environment) else get_environment(env, config=config)
    return index_driver(environment.index_driver).connect_to_index(environment)


# --- writers ---------------------------------------------------------------------------------


def writer_drivers() -> Mapping[str, WriterDriverProtocol]:
    """Return the working writer drivers by entry-point name (read-only, sorted by name)."""
    return get_table(WRITER_GROUP).drivers


def writer_driver(driver: str | type | WriterDriverProtocol) -> WriterDriverProtocol:
    """Return a writer driver by name or alias.

    A writer answers to its entry-point name, its ``name`` attribute and each of its
    ``aliases``. Entry-point names win over aliases; an alias claimed by two writers goes to
    the first by entry-point name (a warning is issued at discovery).

    Parameters
    ----------
    driver
        A name or alias (exact, case-sensitive); a writer class, instantiated without arguments;
        or a writer object (anything with ``write_dataset_to_storage``), returned as is.

    Returns
    -------
    WriterDriverProtocol
        Never ``None``.

    Raises
    ------
    DriverNotFoundError
        No working writer answers to that name; the message lists the installed names.
    TypeError
        `driver` is neither a name nor a writer class or object.
    """
    if isinstance(driver, str):
        table = get_table(WRITER_GROUP)
        name = driver if driver in table.drivers else table.aliases.get(driver)
        if name is None:
            raise _not_found("writer", driver, table)
        found: WriterDriverProtocol = table.drivers[name]
        return found
    given: WriterDriverProtocol = _pass_through(driver, "write_dataset_to_storage", "a writer")
    return given


# --- readers ---------------------------------------------------------------------------------


def reader_drivers() -> Mapping[str, ReaderDriverProtocol]:
    """Return the working reader drivers by entry-point name (read-only, sorted by name)."""
    return get_table(READER_GROUP).drivers


def reader_driver(protocol: str, fmt: str) -> ReaderDriverProtocol:
    """Return the reader for a URI scheme and a format.

    A reader claims a pair when one of its ``protocols`` and one of its ``formats`` equal the
    request ignoring case (``"*"`` matches anything) and its ``supports()``, called with those
    spellings (the requested one for ``"*"``), returns true. When several readers claim the
    pair, the order is:

    1. the highest ``priority`` attribute (a number; default 0);
    2. then a reader naming both the scheme and the format beats one using ``"*"``;
    3. then the entry-point name, alphabetically.

    Parameters
    ----------
    protocol
        URI scheme, e.g. ``"file"`` or ``"s3"`` (without ``:``).
    fmt
        Format name, e.g. ``"GeoTIFF"``.

    Returns
    -------
    ReaderDriverProtocol
        Never ``None``.

    Raises
    ------
    DriverNotFoundError
        No reader claims the pair; the message names the scheme, the format and the installed
        readers with what they claim.
    """
    table = get_table(READER_GROUP)
    candidates: list[tuple[float, int, str]] = []
    for name, reader in table.drivers.items():
        exactness = _claim(reader, protocol, fmt)
        if exactness is not None:
            candidates.append((-float(getattr(reader, "priority", 0) or 0), exactness, name))
    if not candidates:
        installed = "; ".join(
            f"{name!r} (schemes: {_listing(r, 'protocols')}; formats: {_listing(r, 'formats')})"
            for name, r in table.drivers.items()
        )
        raise DriverNotFoundError(
            f"no reader driver supports scheme {protocol!r} with format {fmt!r}; installed "
            f"readers: {installed or 'none'}.{_failed_note(table)} Install a package that "
            f"registers a reader for them in the entry-point group {READER_GROUP!r}."
        )
    best: ReaderDriverProtocol = table.drivers[min(candidates)[2]]
    return best


def _claim(reader: Any, protocol: str, fmt: str) -> int | None:
    """Return 0 for an exact claim, 1 for a wildcard claim, None when `reader` does not claim."""
    best: int | None = None
    for p in getattr(reader, "protocols", ()):
        if p != "*" and p.lower() != protocol.lower():
            continue
        for f in getattr(reader, "formats", ()):
            if f != "*" and f.lower() != fmt.lower():
                continue
            exact = 0 if p != "*" and f != "*" else 1
            if (best is None or exact < best) and reader.supports(
                protocol if p == "*" else p, fmt if f == "*" else f
            ):
                best = exact
    return best


def _listing(reader: Any, attr: str) -> str:
    return ", ".join(str(v) for v in getattr(reader, attr, ())) or "none"


# --- description -----------------------------------------------------------------------------


def describe_drivers(group: str | None = None) -> list[DriverRow]:
    """Describe every plugin seen, working or not, for ``terracube system drivers``.

    Parameters
    ----------
    group
        One entry-point group, or ``None`` (default) for index, reader and writer plugins, in
        that order.

    Returns
    -------
    list of DriverRow
        One row per entry point, sorted by group then name. ``status`` is ``ok``, ``failed``
        (``reason`` says why) or ``skipped`` (another plugin with the same name is used).

    Raises
    ------
    ValueError
        `group` is not one of terracube's plugin groups.
    """
    if group is not None and group not in GROUPS:
        raise ValueError(f"unknown plugin group {group!r}; terracube reads {', '.join(GROUPS)}")
    rows: list[DriverRow] = []
    for g in GROUPS if group is None else (group,):
        rows.extend(
            DriverRow(
                group=r.group,
                name=r.name,
                target=r.target,
                distribution=r.distribution,
                status=r.status,
                reason=r.reason,
                description=_description(r.driver),
            )
            for r in get_table(g).records
        )
    return rows


def _description(driver: Any) -> str:
    if driver is None:
        return ""
    text = getattr(driver, "description", None)
    if isinstance(text, str) and text:
        return text
    doc = type(driver).__doc__ or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


# --- helpers ---------------------------------------------------------------------------------


def _pass_through(driver: Any, method: str, kind: str) -> Any:
    if isinstance(driver, type):
        if not hasattr(driver, method):
            raise TypeError(f"{driver.__qualname__} is not {kind} driver class: no {method}()")
        return driver()
    if not hasattr(driver, method):
        raise TypeError(f"expected {kind} driver name, class or object (with {method}()), got {driver!r}")
    return driver


def _not_found(kind: str, name: str, table: PluginTable) -> DriverNotFoundError:
    names = [*table.drivers, *table.aliases]
    installed = ", ".join(repr(n) for n in names) or "none"
    message = f"no {kind} driver named {name!r}; installed {kind} drivers: {installed}."
    failures = table.failures(name)
    if failures:
        message += f" The plugin {name!r} ({failures[0].target}) failed: {failures[0].reason}."
    else:
        message += _failed_note(table)
    extra = _EXTRAS.get((table.group, name))
    if extra is not None:
        message += f" Install it with: pip install 'terracube[{extra}]'"
    else:
        message += (
            f" Check the spelling, or install the package that registers {name!r} in the "
            f"entry-point group {table.group!r}."
        )
    return DriverNotFoundError(message)


def _failed_note(table: PluginTable) -> str:
    failures = table.failures()
    if not failures:
        return ""
    listed = ", ".join(f"{r.name!r} ({r.reason})" for r in failures)
    return f" Plugins that failed to load: {listed}."
