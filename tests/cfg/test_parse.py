"""Tests for terracube.cfg._parse: the INI and YAML formats, with line numbers in errors."""

from __future__ import annotations

import pytest

from terracube.cfg._parse import parse_config_text
from terracube.errors import ConfigError


def as_dict(text: str) -> dict[str, dict[str, str]]:
    return {
        env.name: {key: setting.value for key, setting in env.settings}
        for env in parse_config_text(text, "cfg")
    }


INI = """\
# terracube environments
; another comment style
[default]
db_url = sqlite:////data/index.db
S3_Endpoint: http://localhost:9000

[prod]
index_driver = postgis
db_url = postgresql://cube@db.example:5432/cube?sslmode=require#x
description = first line
    second line
"""

YAML = """\
# terracube environments
default:
  db_url: sqlite:////data/index.db
  S3_Endpoint: http://localhost:9000
prod:
  index_driver: postgis
  db_url: "postgresql://cube@db.example:5432/cube?sslmode=require#x"
  description: "first line\\nsecond line"
"""

EXPECTED = {
    "default": {"db_url": "sqlite:////data/index.db", "s3_endpoint": "http://localhost:9000"},
    "prod": {
        "index_driver": "postgis",
        "db_url": "postgresql://cube@db.example:5432/cube?sslmode=require#x",
        "description": "first line\nsecond line",
    },
}


@pytest.mark.parametrize("text", [INI, YAML], ids=["ini", "yaml"])
def test_both_formats_parse_to_the_same_environments(text: str) -> None:
    assert as_dict(text) == EXPECTED
    assert [env.name for env in parse_config_text(text, "cfg")] == ["default", "prod"]


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        (INI, {"db_url": "f.conf:4", "s3_endpoint": "f.conf:5"}),
        (YAML, {"db_url": "f.conf:3", "s3_endpoint": "f.conf:4"}),
    ],
    ids=["ini", "yaml"],
)
def test_values_remember_file_and_line(text: str, origins: dict[str, str]) -> None:
    default = parse_config_text(text, "f.conf")[0]
    assert {key: s.origin for key, s in default.settings} == origins


@pytest.mark.parametrize("text", ["", "\n  \n# only a comment\n; and another\n", "---\n"])
def test_empty_text_has_no_environments(text: str) -> None:
    assert parse_config_text(text, "cfg") == ()


def test_ini_keeps_percent_signs_and_leading_indented_keys() -> None:
    text = "[default]\n  db_url = postgresql://u:p%40ss@h/db\n  index_driver = postgis\n"
    assert as_dict(text) == {"default": {"db_url": "postgresql://u:p%40ss@h/db", "index_driver": "postgis"}}


def test_ini_empty_value_and_spaced_header() -> None:
    assert as_dict("[ dev ]\nindex_driver =\ndb_url=memory://\n") == {
        "dev": {"index_driver": "", "db_url": "memory://"}
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[default]\ndb_url = a\n\n[default]\n", r"cfg:4: environment \[default\] is defined twice"),
        ("[default]\ndb_url = a\nDB_URL = b\n", r"cfg:3: key 'db_url' is set twice .*line 2"),
        ("[default\ndb_url = a\n", r"cfg:1: malformed section header '\[default'"),
        ("[Prod]\n", r"cfg:1: invalid environment name 'Prod'"),
        ("[my-env]\n", r"cfg:1: invalid environment name 'my-env'"),
        ("[]\n", r"cfg:1: invalid environment name ''"),
        ("[default]\njust words\n", r"cfg:2: expected 'key = value', got 'just words'"),
        ("[default]\n= value\n", r"cfg:2: expected 'key = value'"),
    ],
)
def test_ini_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config_text(text, "cfg")


def test_yaml_merge_keys_and_nulls() -> None:
    text = """\
prod: &base
  index_driver: postgis
  db_url: postgresql://h/prod
  region: eu
staging:
  <<: *base
  db_url: postgresql://h/staging
  index_driver: ~
  flag: true
  port: 5432
"""
    assert as_dict(text)["staging"] == {
        "index_driver": "",
        "db_url": "postgresql://h/staging",
        "region": "eu",
        "flag": "true",
        "port": "5432",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("default: [1, 2]\n", r"cfg:1: environment 'default' must be a mapping of settings"),
        ("default:\n", r"cfg:1: environment 'default' must be a mapping"),
        ("default:\n  db_url: [a, b]\n", r"cfg:2: setting 'db_url' must be a single value"),
        ("- default\n- prod\n", r"cfg:1: the configuration must map environment names"),
        ("just text\n", r"cfg:1: the configuration must map environment names"),
        ("default:\n  db_url: a\n  DB_URL: b\n", r"cfg:3: key 'DB_URL' is given twice .*cfg:2"),
        ("default:\n  a: 1\ndefault:\n  a: 2\n", r"cfg:3: key 'default' is given twice"),
        ("Prod:\n  db_url: x\n", r"cfg:1: invalid environment name 'Prod'"),
        ("default:\n  db_url: 'unclosed\n", r"cfg:\d+: not valid YAML, and not INI"),
        ("default:\n  [a]: b\n", r"cfg:2: keys must be plain names"),
    ],
)
def test_yaml_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config_text(text, "cfg")
