"""Fixtures for the command-line tests: a clean environment, a temporary SQLite index, documents."""

from __future__ import annotations

import os
import traceback
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from click.testing import CliRunner, Result

from terracube.cli import cli
from terracube.index.testing import dataset_doc, product_doc

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No TERRACUBE_* variables; HOME and the XDG data folder inside ``tmp_path``."""
    for var in list(os.environ):
        if var.startswith("TERRACUBE_"):
            monkeypatch.delenv(var)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SQLite index file (not created yet, its folder made) that the default environment points to."""
    path = tmp_path / "db" / "index.db"
    path.parent.mkdir()
    monkeypatch.setenv("TERRACUBE_DB_URL", f"sqlite:///{path}")
    return path


@pytest.fixture
def run(db_path: Path) -> Callable[..., Result]:
    """``run(*args, code=0)``: invoke the command line and check its exit status."""
    runner = CliRunner()

    def invoke(*args: str, code: int | None = 0, input: str | None = None) -> Result:
        result = runner.invoke(cli, list(args), input=input)
        if code is not None and result.exit_code != code:
            tb = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
            raise AssertionError(
                f"terracube {' '.join(args)} exited {result.exit_code}, expected {code}\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}\n{tb}"
            )
        return result

    return invoke


@pytest.fixture
def index_ready(run: Callable[..., Result]) -> None:
    """The index is initialised (eo3 metadata type added)."""
    run("system", "init")


def _write_yaml(path: Path, *docs: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump_all(docs, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def write_yaml() -> Callable[..., Path]:
    """``write_yaml(path, *docs)``: write documents to a YAML file (several: multi-document)."""
    return _write_yaml


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder for document files."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


@pytest.fixture
def with_product(run: Callable[..., Result], index_ready: None, docs: Path) -> str:
    """The product ``ls8`` (eo3) is in the index; returns its name."""
    run("product", "add", str(_write_yaml(docs / "ls8.yaml", product_doc("ls8"))))
    return "ls8"


def _ds_doc(n: int, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("time", f"2020-{n % 12 + 1:02d}-15T10:00:00Z")
    kwargs.setdefault("lonlat", (149.0 + n, -36.0, 150.0 + n, -35.0))
    kwargs.setdefault("cloud_cover", float(10 * n))
    return dataset_doc("ls8", id=uuid.UUID(int=n + 1), **kwargs)


@pytest.fixture
def ds_doc() -> Callable[..., dict[str, Any]]:
    """``ds_doc(n, **kw)``: an ``ls8`` dataset document with id ``UUID(int=n + 1)``.

    ``n`` picks the month (2020-(n+1)-15), a one-degree footprint starting at longitude 149 + n
    and cloud cover 10 * n; keywords go to :func:`terracube.index.testing.dataset_doc`.
    """
    return _ds_doc
