"""Finding document files: the order and the files of sorted ``Path.rglob``, found as they are read."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from terracube.cli._files import DOCUMENT_SUFFIXES, DocumentFiles


def listed(paths: list[str]) -> tuple[list[str], list[str]]:
    """What listing every file first gives: sorted rglob per folder, globs, each real file once."""
    files: list[str] = []
    seen: set[Path] = set()
    unmatched = []

    def docs_under(folder: Path) -> list[Path]:
        return sorted(
            p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(DOCUMENT_SUFFIXES)
        )

    for arg in paths:
        path = Path(arg).expanduser()
        if path.is_dir():
            found = docs_under(path)
        elif path.is_file():
            found = [path]
        elif set("*?[") & set(arg):
            found = []
            for match in sorted(glob.glob(str(path), recursive=True)):
                m = Path(match)
                found.extend(docs_under(m) if m.is_dir() else [m] if m.is_file() else [])
        else:
            found = []
        if not found and not path.is_dir():
            unmatched.append(arg)
        for p in found:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                files.append(str(p))
    return files, unmatched


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in [
        "a/b.yaml",
        "a-c.yaml",
        "a/z/y.json",
        "b.txt",
        "c/d.YML",
        "c/.hidden.yaml",
        "e/f.yaml",
        "g/h.yml",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("a: 1\n")
    os.symlink("../a/b.yaml", tmp_path / "c/link.yaml")  # after its target: left out
    os.symlink("e/f.yaml", tmp_path / "0link.yaml")  # before its target: the target is left out
    os.symlink("a", tmp_path / "zdir")  # a folder link: not entered
    os.symlink(tmp_path / "g/h.yml", tmp_path / "g/h2.yaml")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "paths",
    [
        ["."],
        ["TREE"],
        ["TREE/"],
        ["a", "a/b.yaml"],
        ["c", "."],
        ["*"],
        ["**/*.yaml"],
        ["nope", "c/", "empty", "empty/*"],
        ["a/z/../b.yaml", "./a"],
        ["g", "c/link.yaml", "a"],
    ],
)
def test_document_files_are_those_of_listing_first(tree: Path, paths: list[str]) -> None:
    paths = [p.replace("TREE", str(tree)) for p in paths]
    found = DocumentFiles(paths)
    assert (list(found), found.unmatched) == listed(paths)
    assert found.count() == len(listed(paths)[0])
