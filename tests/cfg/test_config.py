"""Tests for terracube.cfg._config: sources, environment selection, aliases and overrides."""

from __future__ import annotations

import os
import pickle
from typing import TYPE_CHECKING

import pytest

from terracube.cfg import Config, Environment, get_environment, load_config, sqlite_path
from terracube.errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

FILE = """\
[default]
db_url = sqlite:////data/default.db

[prod]
index_driver = postgis
db_url = postgresql://cube@db.example/cube
s3_region = eu-west-1

[dev]
alias = default
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cfg(text: str = FILE, **environ: str) -> Config:
    return Config.from_text(text, source="test.conf", environ=environ)


# --- sources ---------------------------------------------------------------------------------


def test_builtin_default_is_sqlite_in_the_user_data_dir(tmp_path: Path) -> None:
    config = load_config()
    assert config.environments == ("default",)
    assert "built-in defaults" in config.source
    env = config.environment()
    assert env == Environment(
        "default", "sqlite", f"sqlite:///{(tmp_path / 'xdg-data' / 'terracube' / 'index.db')}"
    )
    assert sqlite_path(env.db_url) == tmp_path / "xdg-data" / "terracube" / "index.db"
    assert sqlite_path(env.db_url).is_absolute()
    assert not (tmp_path / "xdg-data").exists()  # nothing is created just by loading


def test_home_file_is_used_when_present(clean_environ: Path) -> None:
    write(clean_environ / ".terracube.conf", "[default]\ndb_url = memory://\n")
    config = load_config()
    assert config.source == str(clean_environ / ".terracube.conf")
    assert config.environment().db_url == "memory://"


def test_config_path_variable_beats_home(
    clean_environ: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(clean_environ / ".terracube.conf", "[default]\ndb_url = memory://home\n")
    chosen = write(tmp_path / "a.conf", "[default]\ndb_url = memory://a\n")
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(chosen))
    assert load_config().environment().db_url == "memory://a"


def test_config_path_list_first_existing_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    second = write(tmp_path / "second.conf", "[default]\ndb_url = memory://second\n")
    third = write(tmp_path / "third.conf", "[default]\ndb_url = memory://third\n")
    paths = os.pathsep.join([str(tmp_path / "missing.conf"), "", str(second), str(third)])
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", paths)
    config = load_config()
    assert config.source == str(second)
    assert config.environment().db_url == "memory://second"


def test_config_path_with_no_existing_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = os.pathsep.join([str(tmp_path / "a.conf"), str(tmp_path / "b.conf")])
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", paths)
    with pytest.raises(ConfigError) as info:
        load_config()
    assert "no file listed in $TERRACUBE_CONFIG_PATH exists" in str(info.value)
    assert str(tmp_path / "a.conf") in str(info.value)
    assert str(tmp_path / "b.conf") in str(info.value)


def test_config_text_variable(clean_environ: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(clean_environ / ".terracube.conf", "[default]\ndb_url = memory://home\n")
    monkeypatch.setenv("TERRACUBE_CONFIG", "ci:\n  db_url: memory://ci\n")
    monkeypatch.setenv("TERRACUBE_ENVIRONMENT", "ci")
    config = load_config()
    assert config.source == "$TERRACUBE_CONFIG"
    assert config.environment() == Environment("ci", "memory", "memory://ci")


def test_config_text_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRACUBE_CONFIG", "[default]\n[default]\n")
    with pytest.raises(ConfigError, match=r"\$TERRACUBE_CONFIG:2: environment \[default\]"):
        load_config()


def test_config_path_and_text_together_are_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(write(tmp_path / "a.conf", FILE)))
    monkeypatch.setenv("TERRACUBE_CONFIG", FILE)
    with pytest.raises(ConfigError, match=r"both \$TERRACUBE_CONFIG_PATH and \$TERRACUBE_CONFIG"):
        load_config()


def test_explicit_path_beats_the_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(write(tmp_path / "a.conf", FILE)))
    monkeypatch.setenv("TERRACUBE_CONFIG", FILE)
    explicit = write(tmp_path / "explicit.conf", "[default]\ndb_url = memory://explicit\n")
    assert load_config(explicit).environment().db_url == "memory://explicit"
    assert load_config(str(explicit)).source == str(explicit)


def test_explicit_path_expands_home(clean_environ: Path) -> None:
    write(clean_environ / "cube.conf", "[default]\ndb_url = memory://x\n")
    assert load_config("~/cube.conf").source == str(clean_environ / "cube.conf")


def test_empty_variables_count_as_unset(clean_environ: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(clean_environ / ".terracube.conf", "[default]\ndb_url = memory://home\n")
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", "")
    monkeypatch.setenv("TERRACUBE_CONFIG", "")
    monkeypatch.setenv("TERRACUBE_DB_URL", "")
    monkeypatch.setenv("TERRACUBE_ENVIRONMENT", "")
    assert load_config().environment() == Environment("default", "memory", "memory://home")


def test_missing_explicit_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.conf"
    with pytest.raises(ConfigError, match=r"nope.conf' \(path argument\) does not exist"):
        load_config(missing)


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read configuration file .*IsADirectoryError"):
        load_config(tmp_path)
    bad = tmp_path / "latin1.conf"
    bad.write_bytes(b"[default]\ndb_url = sqlite:////caf\xe9.db\n")
    with pytest.raises(ConfigError, match=r"latin1.conf' .*UnicodeDecodeError"):
        load_config(bad)


def test_yaml_file_detected_by_content(tmp_path: Path) -> None:
    path = write(tmp_path / "cube.conf", "default:\n  db_url: memory://yaml\n")
    assert load_config(path).environment().db_url == "memory://yaml"


# --- selection -------------------------------------------------------------------------------


def test_selection_order(monkeypatch: pytest.MonkeyPatch) -> None:
    config = cfg()
    assert config.default_name == "default"
    assert config.environment().name == "default"
    assert config.environment("prod").name == "prod"
    with_var = cfg(TERRACUBE_ENVIRONMENT="prod")
    assert with_var.default_name == "prod"
    assert with_var.environment().name == "prod"
    assert with_var.environment("default").name == "default"


def test_environments_lists_every_name_in_order() -> None:
    assert cfg().environments == ("default", "prod", "dev")
    assert cfg(TERRACUBE_ZED_DB_URL="memory://", TERRACUBE_ALPHA_DB_URL="memory://").environments == (
        "default",
        "prod",
        "dev",
        "alpha",
        "zed",
    )


def test_unknown_requested_environment() -> None:
    with pytest.raises(ConfigError) as info:
        cfg().environment("qa")
    message = str(info.value)
    assert "unknown environment 'qa' (requested)" in message
    assert "known environments: 'default', 'prod', 'dev'" in message
    assert "configuration: test.conf" in message
    assert "$TERRACUBE_QA_DB_URL" in message


def test_unknown_environment_from_variable() -> None:
    with pytest.raises(ConfigError, match=r"unknown environment 'qa' \(from \$TERRACUBE_ENVIRONMENT\)"):
        cfg(TERRACUBE_ENVIRONMENT="qa").environment()


def test_file_without_default_section() -> None:
    config = cfg("[prod]\ndb_url = memory://\n")
    with pytest.raises(ConfigError, match=r"unknown environment 'default'; known environments: 'prod'"):
        config.environment()


def test_empty_file_has_no_environments() -> None:
    config = cfg("# nothing yet\n")
    assert config.environments == ()
    with pytest.raises(ConfigError, match="known environments: none"):
        config.environment()


def test_other_keys_become_options() -> None:
    env = cfg().environment("prod")
    assert env == Environment(
        "prod", "postgis", "postgresql://cube@db.example/cube", {"s3_region": "eu-west-1"}
    )
    assert env.get("s3_region") == "eu-west-1"


def test_index_driver_inferred_from_scheme() -> None:
    assert cfg().environment().index_driver == "sqlite"
    assert cfg("[x]\ndb_url = postgres://h/db\n").environment("x").index_driver == "postgis"


def test_empty_index_driver_is_inferred() -> None:
    assert cfg("[x]\nindex_driver =\ndb_url = memory://\n").environment("x").index_driver == "memory"


def test_explicit_index_driver_allows_any_scheme() -> None:
    env = cfg("[x]\nindex_driver = duckdb\ndb_url = duckdb:///tmp/x\n").environment("x")
    assert (env.index_driver, env.db_url) == ("duckdb", "duckdb:///tmp/x")


def test_unknown_scheme_names_file_and_line() -> None:
    config = cfg("[default]\n\ndb_url = mysql://h/db\n")
    with pytest.raises(ConfigError) as info:
        config.environment()
    assert "(test.conf:3)" in str(info.value)
    assert "unknown scheme 'mysql:'" in str(info.value)
    assert "accepted schemes are memory:, postgres:" in str(info.value)


def test_missing_db_url() -> None:
    with pytest.raises(ConfigError) as info:
        cfg("[prod]\nindex_driver = postgis\n").environment("prod")
    assert "environment 'prod' has no db_url (configuration: test.conf)" in str(info.value)
    assert "$TERRACUBE_PROD_DB_URL" in str(info.value)


def test_name_key_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"test.conf:2: 'name' is not a setting"):
        cfg("[prod]\nname = production\ndb_url = memory://\n")


# --- aliases ---------------------------------------------------------------------------------


def test_alias_resolves_to_its_target() -> None:
    config = cfg()
    assert config.environment("dev") == config.environment("default")
    assert config.environment("dev").name == "default"
    assert cfg(TERRACUBE_ENVIRONMENT="dev").environment().name == "default"


def test_alias_with_other_keys() -> None:
    with pytest.raises(ConfigError, match=r"test.conf:1: environment 'dev' is an alias .*db_url"):
        cfg("[dev]\nalias = default\ndb_url = memory://\n[default]\ndb_url = memory://\n")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("[dev]\nalias = nowhere\n[default]\ndb_url = memory://\n", "an unknown environment"),
        ("[a]\nalias = b\n[b]\nalias = default\n[default]\ndb_url = memory://\n", "another alias"),
    ],
)
def test_alias_must_name_a_real_environment(text: str, what: str) -> None:
    with pytest.raises(ConfigError) as info:
        cfg(text)
    assert f"points to {what}" in str(info.value)
    assert "test.conf:2" in str(info.value)
    assert "an alias must name one of: 'default'" in str(info.value)


def test_variable_for_an_alias_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        cfg(TERRACUBE_DEV_DB_URL="memory://")
    message = str(info.value)
    assert "$TERRACUBE_DEV_DB_URL targets 'dev', which is an alias of 'default'" in message
    assert "$TERRACUBE_DEFAULT_..." in message


# --- environment variables -------------------------------------------------------------------


def test_generic_variables_apply_to_the_default_environment_only() -> None:
    config = cfg(TERRACUBE_DB_URL="memory://override")
    assert config.environment() == Environment("default", "memory", "memory://override")
    assert config.environment("prod").db_url == "postgresql://cube@db.example/cube"


def test_generic_variables_follow_terracube_environment() -> None:
    config = cfg(TERRACUBE_ENVIRONMENT="prod", TERRACUBE_DB_URL="postgresql://other/cube")
    assert config.environment().db_url == "postgresql://other/cube"
    assert config.environment("prod").db_url == "postgresql://other/cube"
    assert config.environment("default").db_url == "sqlite:////data/default.db"


def test_generic_variables_through_an_alias() -> None:
    config = cfg(TERRACUBE_ENVIRONMENT="dev", TERRACUBE_DB_URL="memory://via-alias")
    assert config.environment("default").db_url == "memory://via-alias"


def test_specific_variables_win_over_generic_ones() -> None:
    config = cfg(
        TERRACUBE_DB_URL="memory://generic",
        TERRACUBE_DEFAULT_DB_URL="memory://specific",
        TERRACUBE_INDEX_DRIVER="generic-driver",
        TERRACUBE_DEFAULT_INDEX_DRIVER="specific-driver",
    )
    assert config.environment() == Environment("default", "specific-driver", "memory://specific")


def test_specific_variables_apply_to_their_environment() -> None:
    config = cfg(TERRACUBE_PROD_DB_URL="postgresql://replica/cube", TERRACUBE_PROD_INDEX_DRIVER="pg2")
    prod = config.environment("prod")
    assert (prod.index_driver, prod.db_url) == ("pg2", "postgresql://replica/cube")
    assert prod.options == {"s3_region": "eu-west-1"}
    assert config.environment().db_url == "sqlite:////data/default.db"


def test_explicit_file_driver_survives_a_url_override() -> None:
    config = cfg(TERRACUBE_PROD_DB_URL="postgresql://replica/cube")
    assert config.environment("prod").index_driver == "postgis"


def test_variables_define_environments_missing_from_the_file() -> None:
    config = cfg(TERRACUBE_MY_ENV_DB_URL="memory://mine")
    assert "my_env" in config.environments
    assert config.environment("my_env") == Environment("my_env", "memory", "memory://mine")


def test_generic_variables_define_the_selected_environment() -> None:
    config = cfg("[prod]\ndb_url = memory://prod\n", TERRACUBE_DB_URL="memory://ci")
    assert config.environments == ("prod", "default")
    assert config.environment() == Environment("default", "memory", "memory://ci")


def test_url_variable_over_builtin_default_infers_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRACUBE_DB_URL", "postgresql+psycopg://ci@localhost/cube")
    env = load_config().environment()
    assert env == Environment("default", "postgis", "postgresql+psycopg://ci@localhost/cube")


def test_bad_scheme_from_a_variable_names_it() -> None:
    with pytest.raises(ConfigError, match=r"'oracle://h/db' \(\$TERRACUBE_PROD_DB_URL\)"):
        cfg("[prod]\ndb_url = memory://\n", TERRACUBE_PROD_DB_URL="oracle://h/db").environment("prod")


def test_config_is_a_snapshot_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRACUBE_DB_URL", "memory://before")
    config = load_config()
    monkeypatch.setenv("TERRACUBE_DB_URL", "memory://after")
    monkeypatch.setenv("TERRACUBE_ENVIRONMENT", "other")
    assert config.environment() == Environment("default", "memory", "memory://before")


def test_unrelated_variables_are_ignored() -> None:
    assert cfg(TERRACUBE_DEBUG="1", OTHER_DB_URL="memory://x") == cfg()


# --- value protocol and helpers --------------------------------------------------------------


def test_equality_hash_pickle_and_repr() -> None:
    one = cfg(TERRACUBE_DB_URL="memory://x")
    two = cfg(TERRACUBE_DB_URL="memory://x")
    assert one == two
    assert hash(one) == hash(two)
    assert one != cfg(TERRACUBE_DB_URL="memory://y")
    assert one != cfg()
    back = pickle.loads(pickle.dumps(one))
    assert back == one
    assert back.environment() == one.environment()
    assert repr(one) == "Config(source='test.conf', environments=('default', 'prod', 'dev'))"


def test_get_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_environment("prod", config=cfg()).db_url == "postgresql://cube@db.example/cube"
    monkeypatch.setenv("TERRACUBE_CONFIG_PATH", str(write(tmp_path / "a.conf", FILE)))
    assert get_environment() == Environment("default", "sqlite", "sqlite:////data/default.db")
    assert get_environment("dev").name == "default"
