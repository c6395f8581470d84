"""Fixtures for the configuration tests: a process environment with no terracube settings."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Drop every TERRACUBE_* variable and point HOME and the XDG data dir into `tmp_path`.

    Returns the fake home directory (empty: no ``~/.terracube.conf``).
    """
    for var in list(os.environ):
        if var.startswith("TERRACUBE_"):
            monkeypatch.delenv(var)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return home
