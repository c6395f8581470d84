"""Output formats: exact machine formats for json/yaml/csv, plain aligned tables off a terminal."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid

import pytest
import yaml

from terracube.cli._output import emit_docs, emit_rows, emit_value, iso, iso_range, plain, progress
from terracube.model import Range

UTC = dt.UTC
ROWS = [
    {"id": uuid.UUID(int=1), "name": "a, b", "when": dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC), "n": 1},
    {"id": uuid.UUID(int=2), "name": 'say "hi"', "when": None, "n": 22, "extra": "not a column"},
]
COLUMNS = ["id", "name", "when", "n"]


def test_json_rows(capsys: pytest.CaptureFixture[str]) -> None:
    emit_rows(ROWS, COLUMNS, "json")
    assert json.loads(capsys.readouterr().out) == [
        {"id": str(uuid.UUID(int=1)), "name": "a, b", "when": "2020-01-02T03:04:05Z", "n": 1},
        {"id": str(uuid.UUID(int=2)), "name": 'say "hi"', "when": None, "n": 22},
    ]


def test_yaml_rows(capsys: pytest.CaptureFixture[str]) -> None:
    emit_rows(ROWS, COLUMNS, "yaml")
    loaded = yaml.safe_load(capsys.readouterr().out)
    assert [r["n"] for r in loaded] == [1, 22]
    assert loaded[0]["when"] == "2020-01-02T03:04:05Z"
    assert loaded[1]["when"] is None


def test_csv_rows(capsys: pytest.CaptureFixture[str]) -> None:
    emit_rows(ROWS, COLUMNS, "csv")
    out = capsys.readouterr().out
    assert out.endswith("\n")
    assert "\r" not in out
    assert list(csv.reader(io.StringIO(out))) == [
        COLUMNS,
        [str(uuid.UUID(int=1)), "a, b", "2020-01-02T03:04:05Z", "1"],
        [str(uuid.UUID(int=2)), 'say "hi"', "", "22"],
    ]


def test_table_is_plain_and_aligned_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    emit_rows([{"a": "x", "bb": 1}, {"a": "longer", "bb": None}], ["a", "bb"], "table")
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["a       bb", "x       1", "longer"]


def test_table_header_only_when_empty(capsys: pytest.CaptureFixture[str]) -> None:
    emit_rows([], ["name", "count"], "table")
    assert capsys.readouterr().out == "name  count\n"


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        emit_rows([], ["a"], "xml")


def test_docs_yaml_is_a_multi_document_stream(capsys: pytest.CaptureFixture[str]) -> None:
    emit_docs([{"name": "a"}, {"name": "b"}], "yaml")
    assert list(yaml.safe_load_all(capsys.readouterr().out)) == [{"name": "a"}, {"name": "b"}]


def test_docs_json_one_object_or_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    emit_docs([{"name": "a"}], "json")
    assert json.loads(capsys.readouterr().out) == {"name": "a"}
    emit_docs([{"name": "a"}, {"name": "b"}], "json")
    assert json.loads(capsys.readouterr().out) == [{"name": "a"}, {"name": "b"}]


def test_value_formats(capsys: pytest.CaptureFixture[str]) -> None:
    value = {"driver": "sqlite", "initialised": True, "datasets": 3}
    emit_value(value, "table")
    assert capsys.readouterr().out.splitlines() == [
        "driver:      sqlite",
        "initialised: yes",
        "datasets:    3",
    ]
    emit_value(value, "json")
    assert json.loads(capsys.readouterr().out) == value
    emit_value(value, "yaml")
    assert yaml.safe_load(capsys.readouterr().out) == value
    emit_value(value, "csv")
    assert capsys.readouterr().out == "driver,initialised,datasets\nsqlite,yes,3\n"


def test_iso() -> None:
    aest = dt.timezone(dt.timedelta(hours=10))
    assert iso(dt.datetime(2020, 1, 2, 10, 0, tzinfo=aest)) == "2020-01-02T00:00:00Z"
    assert iso(dt.datetime(2020, 1, 2)) == "2020-01-02T00:00:00"
    assert iso(None) is None


def test_iso_range() -> None:
    t0 = dt.datetime(2020, 1, 1, tzinfo=UTC)
    t1 = dt.datetime(2020, 1, 2, tzinfo=UTC)
    assert iso_range(Range(t0, t0)) == "2020-01-01T00:00:00Z"
    assert iso_range(Range(t0, t1)) == "2020-01-01T00:00:00Z/2020-01-02T00:00:00Z"
    assert iso_range(Range(t0, None)) == "2020-01-01T00:00:00Z/.."
    assert iso_range(None) is None


def test_plain() -> None:
    assert plain({"d": dt.date(2020, 1, 2), "t": (1, uuid.UUID(int=0))}) == {
        "d": "2020-01-02",
        "t": [1, "00000000-0000-0000-0000-000000000000"],
    }


def test_progress_hidden_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(1000, "Indexing", show=None) as bar:
        bar.advance(1000)
        bar.print("a message")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "a message\n"


def test_progress_forced_draws_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(3, "Indexing", show=True) as bar:
        bar.advance(3)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Indexing" in captured.err
    assert "3/3" in captured.err
