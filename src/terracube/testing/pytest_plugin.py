"""pytest plugin (``pytest11`` entry point): makes terracube's suites available to any project.

It only registers markers; the suites are base classes a test module subclasses, so loading
this plugin imports nothing heavy.
"""

from __future__ import annotations

from typing import Any


def pytest_configure(config: Any) -> None:
    """Register the markers terracube's suites use."""
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


def _register_rewrites() -> None:
    import pytest

    # The suites live in the package, not in test modules: ask pytest to rewrite their asserts.
    pytest.register_assert_rewrite("terracube.index.testing", "terracube.storage.testing")


_register_rewrites()
