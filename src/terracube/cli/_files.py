"""Document files on the command line: finding them, reading them, and reporting bad ones."""

from __future__ import annotations

import glob
import os
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
    "DocumentFiles",
    "Failures",
    "StopRun",
    "find_document_files",
    "on_error_option",
    "read_file_documents",
    "workers_option",
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


def workers_option(counting: str) -> Callable[[_F], _F]:
    """The ``--workers N`` option of commands that read many files (``counting``: what the
    automatic choice counts, "files" or "Items")."""
    what = "reading and validating files" if counting == "files" else "reading and converting Items"
    more = "files" if counting == "files" else "Items or Item files"
    return click.option(
        "--workers",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help=f"Processes {what} while this one writes; 0: none "
        f"[default: one per CPU when there are more than 1,000 {more}].",
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


def _is_document_name(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


class DocumentFiles:
    """The document files that command-line paths name, found while they are read.

    A file is taken as is (any name); a folder gives every ``*.yaml``, ``*.yml`` and ``*.json``
    file under it, recursively, in sorted order (each folder's entries by name, which is the
    order of the sorted paths); a pattern with ``*``, ``?`` or ``[`` is expanded by
    :mod:`glob` (``**`` recurses), folders it matches as above. A file found twice (named by
    two arguments, or reached again through a symbolic link) is given once, compared by its
    real path.

    Folders are walked as the files are taken, so memory does not grow with the number of
    files; only with several arguments (or a pattern) does it remember each file's real path.
    Iterating again walks again.
    """

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = list(paths)
        self.unmatched = [arg for arg in self.paths if not self._matches(arg)]
        """The arguments that name nothing (no file, folder, or pattern match)."""

    @staticmethod
    def _matches(arg: str) -> bool:
        path = Path(arg).expanduser()
        if path.is_dir() or path.is_file():
            return True
        if not _GLOB_CHARS & set(arg):
            return False
        for match in glob.iglob(str(path), recursive=True):
            if os.path.isfile(match) or (os.path.isdir(match) and next(_walk(match, None), None) is not None):
                return True
        return False

    def __iter__(self) -> Iterator[str]:
        """The files, as paths written the way :class:`pathlib.Path` writes them."""
        several = len(self.paths) > 1 or any(_GLOB_CHARS & set(a) for a in self.paths)
        seen: set[str] | None = set() if several else None
        for arg in self.paths:
            path = Path(arg).expanduser()
            if path.is_dir():
                yield from _walk(str(path), seen)
            elif path.is_file():
                if _first(str(path), seen):
                    yield str(path)
            elif _GLOB_CHARS & set(arg):
                for match in sorted(glob.glob(str(path), recursive=True)):
                    m = str(Path(match))
                    if os.path.isdir(m):
                        yield from _walk(m, seen)
                    elif os.path.isfile(m) and _first(m, seen):
                        yield m

    def count(self) -> int:
        """How many files there are (walks the folders once more)."""
        return sum(1 for _ in self)


def _first(path: str, seen: set[str] | None) -> bool:
    """Whether a file is met for the first time (always, when nothing is remembered)."""
    if seen is None:
        return True
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _walk(root: str, seen: set[str] | None) -> Iterator[str]:
    """Document files under folder ``root``, depth first, each folder's entries sorted by name.

    Folders reached through symbolic links are not entered (as :meth:`pathlib.Path.rglob`
    does not); files that are links are taken. With ``seen`` None (one argument), real paths
    are remembered only for links: a link whose target is a document file of this folder
    met before it is left out, and so is the target met after it.
    """
    base = "" if root == "." else root if root.endswith("/") else root + "/"
    real_root = os.path.realpath(root)
    linked: set[str] = set()  # real paths of files given through links (one-argument walks)

    def entries(folder: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(folder or ".") as it:
                return sorted(it, key=lambda e: e.name, reverse=True)
        except OSError:
            return []

    stack = [(base, entries(root))]
    while stack:
        prefix, todo = stack[-1]
        if not todo:
            stack.pop()
            continue
        entry = todo.pop()
        path = prefix + entry.name
        try:
            if entry.is_dir():
                if not entry.is_symlink():
                    stack.append((path + "/", entries(path)))
                continue
            if not (entry.is_file() and _is_document_name(entry.name)):
                continue
        except OSError:
            continue
        if seen is not None:
            if _first(path, seen):
                yield path
        elif entry.is_symlink():
            real = os.path.realpath(path)
            rel = os.path.relpath(real, real_root).split(os.sep)
            # A target that is a document file of this folder (no link on its way) is met at
            # its own place too: keep whichever comes first.
            mine = rel[0] != ".." and _is_document_name(real)
            if real in linked or (mine and rel < path[len(base) :].split("/")):
                continue
            linked.add(real)
            yield path
        elif not linked or os.path.join(real_root, path[len(base) :]) not in linked:
            yield path


def find_document_files(paths: Iterable[str]) -> tuple[list[Path], list[str]]:
    """Expand command-line paths into document files (see :class:`DocumentFiles`).

    Returns
    -------
    (files, unmatched)
        The files in order, and the arguments that named nothing.
    """
    found = DocumentFiles(paths)
    return [Path(f) for f in found], found.unmatched


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
