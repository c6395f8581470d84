"""Tests for terracube.cfg._environment: the Environment value."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from terracube.cfg import Environment


def make(**options: str) -> Environment:
    return Environment("prod", "postgis", "postgresql://ana:hunter2@db.example/cube", options)


def test_fields_and_get() -> None:
    env = make(s3_endpoint="http://localhost:9000")
    assert (env.name, env.index_driver) == ("prod", "postgis")
    assert env.get("db_url") == "postgresql://ana:hunter2@db.example/cube"
    assert env.get("name") == "prod"
    assert env.get("index_driver") == "postgis"
    assert env.get("s3_endpoint") == "http://localhost:9000"
    assert env.get("missing") is None
    assert env.get("missing", "fallback") == "fallback"


def test_options_default_to_empty() -> None:
    env = Environment("ci", "memory", "memory://")
    assert env.options == {}
    assert len(env.options) == 0


def test_is_frozen_and_options_read_only() -> None:
    env = make(a="1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        env.db_url = "sqlite:///x.db"  # type: ignore[misc]
    with pytest.raises(TypeError):
        env.options["a"] = "2"  # type: ignore[index]


def test_options_are_copied_from_the_input() -> None:
    given = {"a": "1"}
    env = Environment("x", "memory", "memory://", given)
    given["a"] = "changed"
    assert env.options["a"] == "1"


def test_equality_and_hash_ignore_option_order() -> None:
    one = make(a="1", b="2")
    two = make(b="2", a="1")
    assert one == two
    assert hash(one) == hash(two)
    assert len({one, two}) == 1
    assert one != make(a="1", b="3")
    assert one != dataclasses.replace(one, name="other")


def test_options_compare_equal_to_a_dict() -> None:
    assert make(a="1").options == {"a": "1"}
    assert make(a="1").options != {"a": "2"}


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol: int) -> None:
    env = make(region="eu-west-1")
    back = pickle.loads(pickle.dumps(env, protocol=protocol))
    assert back == env
    assert hash(back) == hash(env)
    assert back.options["region"] == "eu-west-1"
    with pytest.raises(TypeError):
        back.options["region"] = "x"


def test_replace_keeps_a_valid_value() -> None:
    env = dataclasses.replace(make(a="1"), db_url="postgresql://other/cube")
    assert env.db_url == "postgresql://other/cube"
    assert hash(env) == hash(dataclasses.replace(make(a="1"), db_url="postgresql://other/cube"))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": 1}, "Environment.name must be a str"),
        ({"db_url": None}, "Environment.db_url must be a str"),
        ({"options": {"port": 5432}}, "environment options map str to str"),
    ],
)
def test_bad_field_types_are_refused(kwargs: dict[str, object], message: str) -> None:
    fields = {"name": "x", "index_driver": "memory", "db_url": "memory://", **kwargs}
    with pytest.raises(TypeError, match=message):
        Environment(**fields)  # type: ignore[arg-type]


def test_repr_hides_secrets() -> None:
    env = make(aws_secret_access_key="abc123", db_password="pw", region="eu")
    text = repr(env)
    assert "hunter2" not in text
    assert "abc123" not in text
    assert "'pw'" not in text
    assert "postgresql://ana:***@db.example/cube" in text
    assert "'region': 'eu'" in text
