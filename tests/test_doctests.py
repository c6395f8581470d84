"""The examples in docstrings run and print what they show."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src"


def _runs_examples(path: Path) -> bool:
    """Has at least one example not marked ``+SKIP`` (those start servers)."""
    return any(">>> " in line and "+SKIP" not in line for line in path.read_text().splitlines())


MODULES = sorted(
    ".".join(p.relative_to(SRC).with_suffix("").parts)
    for p in (SRC / "terracube").rglob("*.py")
    if _runs_examples(p)
)


def test_some_modules_have_examples() -> None:
    assert "terracube.storage.s3.labelled" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f'{name} has ">>> " but no example doctest finds'
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
