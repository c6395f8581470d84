"""Find, load and cache the plugins of each entry-point group, tolerating broken ones.

Rules (also in ``docs/plugins.md``):

- Every entry point names a zero-argument init function that returns a driver object.
- Loading the target and calling the init are guarded separately. A failure in either, a target
  that is not callable, or an init returning ``None`` issues exactly one
  :class:`~terracube.errors.TerracubePluginWarning` naming the group, the plugin, its target
  and the error; the plugin is recorded as failed and the others still load.
- Entry points sharing a name: those with the same target count once; otherwise a warning, and
  the first after sorting by (distribution name, target) is used; the others are recorded as
  ``skipped`` and never imported.
- One table per group, built once on first use under a lock; :func:`refresh_drivers` drops it.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import sys
import threading
import warnings
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from terracube.errors import TerracubePluginWarning

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "GROUPS",
    "INDEX_GROUP",
    "READER_GROUP",
    "WRITER_GROUP",
    "PluginRecord",
    "PluginTable",
    "get_driver",
    "get_table",
    "refresh_drivers",
]

INDEX_GROUP = "terracube.plugins.index"
"""Entry-point group of index drivers (``memory``, ``sqlite``, ``postgis``)."""

READER_GROUP = "terracube.plugins.io.read"
"""Entry-point group of reader drivers."""

WRITER_GROUP = "terracube.plugins.io.write"
"""Entry-point group of writer drivers."""

GROUPS: tuple[str, ...] = (INDEX_GROUP, READER_GROUP, WRITER_GROUP)
"""Every plugin group terracube reads, in display order."""

Status = Literal["ok", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class PluginRecord:
    """What happened to one entry point when its group was discovered."""

    group: str
    """Entry-point group."""

    name: str
    """Entry-point (plugin) name."""

    target: str
    """The entry point's value, ``module:attr``."""

    distribution: str
    """``"<name> <version>"`` of the distribution that declares it, or ``""`` if unknown."""

    status: Status
    """``ok`` (loaded), ``failed`` (see `reason`) or ``skipped`` (a duplicate name lost)."""

    reason: str = ""
    """Why it failed or was skipped; empty when ``ok``."""

    driver: Any = field(default=None, compare=False)
    """The driver object the init function returned (``None`` unless ``ok``)."""


@dataclass(frozen=True, slots=True)
class PluginTable:
    """The discovered plugins of one group."""

    group: str
    """Entry-point group."""

    drivers: Mapping[str, Any]
    """Working drivers by entry-point name, sorted by name, read-only."""

    records: tuple[PluginRecord, ...]
    """One record per entry point seen, working or not, sorted by name."""

    aliases: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Extra lookup names -> entry-point name (writers' ``name`` and ``aliases``), read-only."""

    def failures(self, name: str | None = None) -> tuple[PluginRecord, ...]:
        """Return the failed records, all of them or those of plugin `name`."""
        return tuple(r for r in self.records if r.status == "failed" and (name is None or r.name == name))


_lock = threading.RLock()
_tables: dict[str, PluginTable] = {}
_building: set[str] = set()
# Drivers loaded alone by get_driver, by (group, name) -> (target, driver); discovery reuses them.
_singles: dict[tuple[str, str], tuple[str, Any]] = {}


def _entry_points(group: str) -> list[importlib.metadata.EntryPoint]:
    """Return the installed entry points of `group` (tests replace this function)."""
    return list(importlib.metadata.entry_points(group=group))


def get_table(group: str) -> PluginTable:
    """Return the plugin table of `group`, discovering it on first use (thread-safe).

    Raises
    ------
    RuntimeError
        A plugin's init function asked for the table of the group being built (the init call is
        guarded, so this surfaces as that plugin's failure warning).
    """
    table = _tables.get(group)
    if table is not None:
        return table
    with _lock:
        table = _tables.get(group)
        if table is not None:
            return table
        if group in _building:
            raise RuntimeError(
                f"plugin discovery of group {group!r} was re-entered: an init function of this "
                "group looked up drivers of the same group while it was being loaded"
            )
        _building.add(group)
        try:
            table = _discover(group)
        finally:
            _building.discard(group)
        _tables[group] = table
        return table


def get_driver(group: str, name: str) -> Any | None:
    """Return the working driver `name` of `group`, loading only its entry point if possible.

    Looking up one driver need not import every other plugin of the group (the CLI's start-up
    time depends on it). Returns ``None`` when the answer needs the whole table: the group is
    already discovered or being discovered, no entry point or several distinct ones have that
    name, or loading it fails; the caller then uses :func:`get_table`, which reports the
    failure with its one warning.
    """
    table = _tables.get(group)
    if table is not None:
        return table.drivers.get(name)
    with _lock:
        if group in _tables or group in _building:
            return None
        cached = _singles.get((group, name))
        if cached is not None:
            return cached[1]
        targets = {ep.value: ep for ep in _entry_points(group) if ep.name == name}
        if len(targets) != 1:
            return None
        (ep,) = targets.values()
        try:
            init = ep.load()
            driver = init() if callable(init) else None
        except Exception:
            return None
        if driver is None:
            return None
        _singles[(group, name)] = (ep.value, driver)
        return driver


def refresh_drivers(group: str | None = None) -> None:
    """Forget the discovered plugins so that the next lookup discovers them again.

    Use it after installing or removing a plugin package in a running process.

    Parameters
    ----------
    group
        One entry-point group, or ``None`` (default) for all of them.
    """
    importlib.invalidate_caches()
    with _lock:
        if group is None:
            _tables.clear()
            _singles.clear()
        else:
            _tables.pop(group, None)
            for key in [k for k in _singles if k[0] == group]:
                del _singles[key]


def _discover(group: str) -> PluginTable:
    by_name: dict[str, list[importlib.metadata.EntryPoint]] = {}
    for ep in _entry_points(group):
        by_name.setdefault(ep.name, []).append(ep)
    records: list[PluginRecord] = []
    drivers: dict[str, Any] = {}
    for name in sorted(by_name):
        unique: dict[str, importlib.metadata.EntryPoint] = {}
        for ep in sorted(by_name[name], key=lambda ep: (_dist_name(ep), ep.value)):
            unique.setdefault(ep.value, ep)
        chosen, *others = unique.values()
        if others:
            _warn_duplicates(group, name, chosen, others)
            used = f"{chosen.value!r} ({_dist_label(chosen) or 'unknown distribution'})"
            records.extend(
                PluginRecord(
                    group, name, ep.value, _dist_label(ep), "skipped", f"duplicate name; {used} is used"
                )
                for ep in others
            )
        single = _singles.get((group, name))
        if single is not None and single[0] == chosen.value:
            record = PluginRecord(group, name, chosen.value, _dist_label(chosen), "ok", driver=single[1])
        else:
            record = _load(group, chosen)
        records.append(record)
        if record.status == "ok":
            drivers[name] = record.driver
    records.sort(key=lambda r: (r.name, r.status != "ok", r.target))
    aliases = _writer_aliases(drivers) if group == WRITER_GROUP else {}
    return PluginTable(group, MappingProxyType(drivers), tuple(records), MappingProxyType(aliases))


def _load(group: str, ep: importlib.metadata.EntryPoint) -> PluginRecord:
    """Load one entry point and call its init function; never raises."""
    dist = _dist_label(ep)

    def failed(reason: str) -> PluginRecord:
        warnings.warn(
            f"terracube plugin {ep.name!r} in group {group!r} (target {ep.value!r}) {reason}; "
            "it is skipped and the other plugins still load",
            TerracubePluginWarning,
            stacklevel=_caller_level(),
        )
        return PluginRecord(group, ep.name, ep.value, dist, "failed", reason)

    try:
        init = ep.load()
    except Exception as exc:
        return failed(f"failed to load: {_describe(exc)}")
    if not callable(init):
        return failed(f"is not callable (got {type(init).__name__}; expected an init function)")
    try:
        driver = init()
    except Exception as exc:
        return failed(f"failed in its init function: {_describe(exc)}")
    if driver is None:
        return failed("returned None from its init function (expected a driver object)")
    return PluginRecord(group, ep.name, ep.value, dist, "ok", driver=driver)


def _writer_aliases(drivers: Mapping[str, Any]) -> dict[str, str]:
    """Map writers' ``name`` and ``aliases`` to entry-point names; the first writer by name wins."""
    aliases: dict[str, str] = {}
    for ep_name, driver in drivers.items():
        extra = getattr(driver, "aliases", None) or ()
        names = [getattr(driver, "name", None), *([extra] if isinstance(extra, str) else extra)]
        for alias in names:
            if not isinstance(alias, str) or not alias or alias == ep_name:
                continue
            owner = alias if alias in drivers else aliases.get(alias)
            if owner is None:
                aliases[alias] = ep_name
            elif owner != ep_name:
                warnings.warn(
                    f"terracube writer plugin {ep_name!r} claims the name {alias!r}, which "
                    f"already belongs to writer {owner!r}; {owner!r} keeps it",
                    TerracubePluginWarning,
                    stacklevel=_caller_level(),
                )
    return aliases


def _warn_duplicates(
    group: str,
    name: str,
    chosen: importlib.metadata.EntryPoint,
    others: list[importlib.metadata.EntryPoint],
) -> None:
    listed = ", ".join(
        f"{ep.value!r} ({_dist_label(ep) or 'unknown distribution'})" for ep in [chosen, *others]
    )
    warnings.warn(
        f"terracube plugins in group {group!r} share the name {name!r}: {listed}; using "
        f"{chosen.value!r} (the first by distribution name, then target). Uninstall the "
        "package you do not want to silence this warning",
        TerracubePluginWarning,
        stacklevel=_caller_level(),
    )


def _caller_level() -> int:
    """Return the ``stacklevel`` pointing a warning at the first frame outside terracube.

    Lookups reach discovery through varying depths (``index_driver``, ``connect_index``, the
    API...), so a fixed level would blame terracube's own code.
    """
    frame = sys._getframe(1)  # the function about to call warnings.warn
    level = 1
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("terracube."):
        frame = frame.f_back
        level += 1
    return level


def _dist_name(ep: importlib.metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return str(dist.name) if dist is not None else ""


def _dist_label(ep: importlib.metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return f"{dist.name} {dist.version}" if dist is not None else ""


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
