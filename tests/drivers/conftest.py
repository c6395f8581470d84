"""Fixtures for the plugin-manager tests: synthetic entry points instead of installed ones."""

from __future__ import annotations

import sys
import types
from importlib.metadata import EntryPoint
from typing import TYPE_CHECKING, Any

import pytest

from terracube.drivers import _discovery, refresh_drivers

if TYPE_CHECKING:
    from collections.abc import Iterator


class FakePlugins:
    """Entry points served to the plugin manager, and fake modules for their targets."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.entry_points: dict[str, list[EntryPoint]] = {}
        self.real_entry_points = _discovery._entry_points

    def module(self, name: str, **attrs: Any) -> types.ModuleType:
        """Register a module `name` in sys.modules (for this test only) holding `attrs`."""
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        self._monkeypatch.setitem(sys.modules, name, module)
        return module

    def add(self, group: str, name: str, target: str) -> EntryPoint:
        """Declare an entry point ``name = target`` in `group`."""
        ep = EntryPoint(name=name, value=target, group=group)
        self.entry_points.setdefault(group, []).append(ep)
        return ep

    def serve(self, group: str) -> list[EntryPoint]:
        return list(self.entry_points.get(group, []))


@pytest.fixture(autouse=True)
def plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakePlugins]:
    """Replace entry-point discovery with an empty synthetic registry; reset the caches."""
    fake = FakePlugins(monkeypatch)
    monkeypatch.setattr(_discovery, "_entry_points", fake.serve)
    refresh_drivers()
    yield fake
    refresh_drivers()
