"""ODC's configuration is read, by ODC 1.9's rules, where no terracube configuration exists."""

from __future__ import annotations

import getpass
import os
import pickle
from typing import TYPE_CHECKING

import pytest

from terracube.cfg import load_config
from terracube.errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

INI = """\
; ODC's own example style
[default]
alias: main

[main]
index_driver: postgres
db_hostname: db.example.org
db_database: cube
db_username: ana
db_password: p@ss word

[gis]
index_driver: postgis
db_url: postgresql+psycopg2://ana@gis.example.org:5433/cubegis
db_connection_timeout: 30
"""

YAML = """\
# ODC accepts YAML too
default:
  index_driver: postgis
  db_url: postgresql://yaml@h/yamlcube
local:
  db_hostname: ''
  db_database: mine
datacube:
  alias: default
"""


@pytest.fixture(autouse=True)
def no_odc_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ODC variables; the current directory is an empty folder."""
    for var in list(os.environ):
        if var.startswith(("ODC_", "DATACUBE_")) or var in (
            "DB_DATABASE",
            "DB_HOSTNAME",
            "DB_USERNAME",
            "DB_PASSWORD",
            "DB_PORT",
        ):
            monkeypatch.delenv(var)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


def test_without_odc_configuration_the_builtin_default_stays(clean_environ: Path) -> None:
    cfg = load_config()
    assert not cfg.is_odc and cfg.source.startswith("built-in defaults")


def test_home_datacube_conf_ini_with_defaults_aliases_and_url_parts(clean_environ: Path) -> None:
    (clean_environ / ".datacube.conf").write_text(INI)
    cfg = load_config()
    assert cfg.is_odc
    assert cfg.source == f"ODC configuration file {clean_environ / '.datacube.conf'} (ODC's search path)"
    assert cfg.environments == ("default", "main", "gis")
    main = cfg.environment()
    assert (main.name, main.index_driver) == ("main", "odc_postgres")
    assert main.db_url == "postgresql://ana:p%40ss+word@db.example.org/cube"
    gis = cfg.environment("gis")
    assert (gis.index_driver, gis.db_url) == ("odc_postgis", "postgresql://ana@gis.example.org:5433/cubegis")
    assert gis.options == {"db_connection_timeout": "30"}
    assert cfg.origin("db_url", "gis") == f"{clean_environ / '.datacube.conf'} [gis] db_url"
    assert pickle.loads(pickle.dumps(cfg)) == cfg


def test_ini_default_section_and_interpolation_as_configparser_reads_them(clean_environ: Path) -> None:
    text = "[DEFAULT]\nhost: db.example.org\ndb_hostname: %(host)s\n\n[one]\ndb_database: a\n\n[two]\ndb_database: b\n"
    (clean_environ / ".datacube.conf").write_text(text)
    cfg = load_config()
    user = getpass.getuser()
    assert cfg.environment("one").db_url == f"postgresql://{user}@db.example.org/a"
    assert cfg.environment("two").db_url == f"postgresql://{user}@db.example.org/b"


def test_the_current_directory_comes_first_and_yaml_is_read(clean_environ: Path) -> None:
    (clean_environ / ".datacube.conf").write_text(INI)
    (clean_environ.parent / "work" / "datacube.conf").write_text(YAML)
    cfg = load_config()
    assert "work/datacube.conf" in cfg.source
    assert cfg.environment().db_url == "postgresql://yaml@h/yamlcube"
    local = cfg.environment("local")
    assert local.index_driver == "odc_postgres"  # ODC's default driver
    assert local.db_url == f"postgresql://{getpass.getuser()}@/mine"  # empty host: the local socket


def test_odc_config_text_wins_and_variables_still_override(
    clean_environ: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean_environ / ".datacube.conf").write_text(INI)
    monkeypatch.setenv("ODC_CONFIG", YAML)
    monkeypatch.setenv("ODC_DEFAULT_DB_URL", "postgresql://var@h/fromvar")
    cfg = load_config()
    assert cfg.source == "ODC configuration in $ODC_CONFIG"
    assert cfg.environment().db_url == "postgresql://var@h/fromvar"
    assert cfg.origin("db_url") == "$ODC_DEFAULT_DB_URL"


def test_odc_config_path_lists_files_and_none_readable_is_an_error(
    clean_environ: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "b.conf").write_text(INI)
    monkeypatch.setenv("ODC_CONFIG_PATH", f"{tmp_path / 'a.conf'}:{tmp_path / 'b.conf'}")
    assert load_config().source == f"ODC configuration file {tmp_path / 'b.conf'} ($ODC_CONFIG_PATH)"
    monkeypatch.setenv("ODC_CONFIG_PATH", str(tmp_path / "a.conf"))
    with pytest.raises(ConfigError, match=r"no file listed in \$ODC_CONFIG_PATH can be read"):
        load_config()
    monkeypatch.delenv("ODC_CONFIG_PATH")
    monkeypatch.setenv("DATACUBE_CONFIG_PATH", str(tmp_path / "b.conf"))
    assert load_config().source.endswith("($DATACUBE_CONFIG_PATH)")


def test_override_order_canonical_alias_legacy_all(
    clean_environ: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean_environ / ".datacube.conf").write_text(INI)
    steps = [
        ("ODC_ALL_DB_URL", "postgresql://all@h/a"),
        ("DATACUBE_DB_URL", "postgresql://legacy@h/l"),
        ("ODC_DEFAULT_DB_URL", "postgresql://alias@h/d"),
        ("ODC_MAIN_DB_URL", "postgresql://canonical@h/m"),
    ]
    for var, url in steps:  # each wins over the ones before
        monkeypatch.setenv(var, url)
        cfg = load_config()
        assert (cfg.environment("main").db_url, cfg.origin("db_url", "main")) == (url, f"${var}")


def test_variables_alone_define_environments(clean_environ: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ODC_DEFAULT_DB_URL", "postgresql://u@h/cube")
    monkeypatch.setenv("ODC_AUX_INDEX_DRIVER", "postgis")
    monkeypatch.setenv("ODC_AUX_DB_URL", "postgresql://u@h/aux")
    monkeypatch.setenv("DB_PASSWORD", "ignored-without-a-file")
    cfg = load_config()
    assert cfg.is_odc and cfg.source == (
        "ODC environment variables ($ODC_AUX_DB_URL, $ODC_AUX_INDEX_DRIVER, $ODC_DEFAULT_DB_URL)"
    )
    assert cfg.environments == ("default", "aux")
    assert cfg.environment().db_url == "postgresql://u@h/cube"
    assert cfg.environment("aux").index_driver == "odc_postgis"


def test_legacy_db_variables_alone_are_not_odc_configuration(
    clean_environ: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DB_DATABASE", "other_tool")
    monkeypatch.setenv("DB_HOSTNAME", "elsewhere")
    assert not load_config().is_odc
    (clean_environ / ".datacube.conf").write_text("[default]\nindex_driver: postgis\n")
    # ...but apply on top of ODC's file, as ODC applies them.
    assert load_config().environment().db_url == f"postgresql://{getpass.getuser()}@elsewhere/other_tool"


def test_default_environment_names(clean_environ: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_environ / ".datacube.conf").write_text(
        "[datacube]\ndb_database: legacy\n\n[other]\ndb_database: o\n"
    )
    assert load_config().environment().db_url.endswith("/legacy")  # ODC's deprecated fallback
    monkeypatch.setenv("DATACUBE_ENVIRONMENT", "other")
    assert load_config().default_name == "other"
    monkeypatch.setenv("ODC_ENVIRONMENT", "datacube")
    assert load_config().default_name == "datacube"
    monkeypatch.setenv("TERRACUBE_ENVIRONMENT", "other")
    assert load_config().default_name == "other"
    with pytest.raises(ConfigError, match=r"unknown environment 'nope'.*set \$ODC_NOPE_DB_URL"):
        load_config().environment("nope")


def test_terracube_configuration_wins(clean_environ: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_environ / ".datacube.conf").write_text(INI)
    monkeypatch.setenv("TERRACUBE_DB_URL", "memory://")
    assert not load_config().is_odc
    monkeypatch.delenv("TERRACUBE_DB_URL")
    (clean_environ / ".terracube.conf").write_text("[default]\ndb_url = memory://\n")
    assert load_config().source == str(clean_environ / ".terracube.conf")


def test_drivers_memory_and_unknown(clean_environ: Path) -> None:
    (clean_environ / ".datacube.conf").write_text(
        "[default]\nindex_driver: memory\n\n[none]\nindex_driver: null\n"
    )
    cfg = load_config()
    assert (cfg.environment().index_driver, cfg.environment().db_url) == ("memory", "memory://")
    assert cfg.environment("none").index_driver == "null"  # connecting says no such driver


def test_malformed_odc_files_name_the_file(clean_environ: Path) -> None:
    (clean_environ / ".datacube.conf").write_text("[main\nx: 1\n")
    with pytest.raises(ConfigError, match=r"\.datacube\.conf .* is not valid INI"):
        load_config()
    (clean_environ / ".datacube.conf").write_text("[Main]\ndb_database: x\n")
    with pytest.raises(ConfigError, match="environment 'Main' is not a name ODC accepts"):
        load_config()
    (clean_environ / ".datacube.conf").write_text("[default]\nalias: main\ndb_database: x\n[main]\n")
    with pytest.raises(ConfigError, match="is an alias of 'main' and may hold nothing else"):
        load_config()
