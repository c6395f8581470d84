"""Document files on the command line: finding them, reading them, and reporting bad ones."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import click

from terracube.cli._output import echo_err
from terracube.errors import TerracubeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

_F = TypeVar("_F", bound="Callable[..., Any]")

__all__ = [
    "DOCUMENT_SUFFIXES",
    "Failures",
    "StopRun",
    "find_document_files",
    "on_error_option",
    "read_file_documents",
]

#: Files picked up when a folder is given (``.odc-metadata.yaml`` ends in ``.yaml``).
DOCUMENT_SUFFIXES: Final = (".yaml", ".yml", ".json")
_GLOB_CHARS: Final = frozenset("*?[")


def on_error_option() -> Callable[[_F], _F]:
    """The ``--on-error continue|stop`` option."""
    return click.option(
        "--on-error",
        type=click.Choice(["continue", "stop"]),
        default="continue",
        show_default=True,
        help="After a bad document: report it and go on, or report it and stop.",
    )


class StopRun(Exception):
    """Raised by :class:`Failures` after a failure when the run is to stop (``--on-error stop``)."""


class Failures:
    """Counts failures and reports each on stderr as ``Error: <file>: <message>``."""

    def __init__(self, *, stop: bool = False) -> None:
        self.stop = stop
        self.count = 0

    def report(self, label: str, error: BaseException | str) -> None:
        """Report one failure naming the file (or document) ``label``.

        Raises
        ------
        StopRun
            The run stops at the first failure.
        """
        message = " ".join(str(error).split())  # one line, whatever the error's layout
        self.count += 1
        echo_err(f"Error: {message}" if label in message else f"Error: {label}: {message}")
        if self.stop:
            raise StopRun


def _is_document(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(DOCUMENT_SUFFIXES)


def _under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if _is_document(p))


def find_document_files(paths: Iterable[str]) -> tuple[list[Path], list[str]]:
    """Expand command-line paths into document files.

    A file is taken as is (any name); a folder gives every ``*.yaml``, ``*.yml`` and ``*.json``
    file under it, recursively, sorted; a pattern with ``*``, ``?`` or ``[`` is expanded by
    :mod:`glob` (``**`` recurses), folders it matches as above. Files found twice are kept once.

    Returns
    -------
    (files, unmatched)
        The files in order, and the arguments that named nothing.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    unmatched: list[str] = []

    def keep(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for arg in paths:
        path = Path(arg).expanduser()
        if path.is_dir():
            found = _under(path)
        elif path.is_file():
            found = [path]
        elif _GLOB_CHARS & set(arg):
            found = []
            for match in sorted(glob.glob(str(path), recursive=True)):
                m = Path(match)
                found.extend(_under(m) if m.is_dir() else [m] if m.is_file() else [])
        else:
            found = []
        if not found and not path.is_dir():
            unmatched.append(arg)
        for p in found:
            keep(p)
    return files, unmatched


def read_file_documents(path: Path, failures: Failures) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(label, uri, document)`` for each document of a file.

    ``label`` is the path as found, with ``#<n>`` for the n-th document of a multi-document
    file; ``uri`` is what :func:`terracube.model.read_documents` gives (the file's URI). A file
    that cannot be read or parsed is reported to ``failures``.
    """
    from terracube.model import read_documents

    try:
        docs = list(read_documents(path))
    except (TerracubeError, ValueError) as e:  # ValueError: not UTF-8 text
        failures.report(str(path), e)
        return
    for uri, doc in docs:
        _, sep, fragment = uri.partition("#")
        yield (f"{path}#{fragment}" if sep else str(path)), uri, doc
