"""Tests for terracube.drivers._discovery: tolerant loading, duplicates, caching and refresh."""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest

from terracube.cfg import Environment
from terracube.drivers import (
    INDEX_GROUP,
    READER_GROUP,
    WRITER_GROUP,
    connect_index,
    describe_drivers,
    index_drivers,
    reader_drivers,
    refresh_drivers,
)
from terracube.errors import DriverNotFoundError, TerracubePluginWarning

if TYPE_CHECKING:
    from pathlib import Path

    from .conftest import FakePlugins


class FakeIndexDriver:
    """An index driver for tests."""

    def __init__(self, tag: str = "") -> None:
        self.tag = tag

    def connect_to_index(self, env: Any) -> Any:
        return (self.tag, env)


def plugin_warnings(record: pytest.WarningsRecorder) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, TerracubePluginWarning)]


def test_no_plugins_installed() -> None:
    assert dict(index_drivers()) == {}
    assert describe_drivers() == []


def test_good_plugins_load_sorted_and_read_only(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init_b=lambda: FakeIndexDriver("b"), init_a=lambda: FakeIndexDriver("a"))
    plugins.add(INDEX_GROUP, "zeta", "tc_fake:init_b")
    plugins.add(INDEX_GROUP, "alpha", "tc_fake:init_a")
    drivers = index_drivers()
    assert list(drivers) == ["alpha", "zeta"]
    assert drivers["alpha"].tag == "a"
    with pytest.raises(TypeError):
        drivers["new"] = FakeIndexDriver()  # type: ignore[index]
    assert dict(reader_drivers()) == {}  # groups are separate


def test_table_is_built_once(plugins: FakePlugins) -> None:
    calls = []

    def init() -> FakeIndexDriver:
        calls.append(1)
        return FakeIndexDriver()

    plugins.module("tc_fake", init=init)
    plugins.add(INDEX_GROUP, "one", "tc_fake:init")
    first = index_drivers()["one"]
    assert index_drivers()["one"] is first
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("tc_does_not_exist:init", "ModuleNotFoundError: No module named 'tc_does_not_exist'"),
        ("tc_fake:missing", "AttributeError: module 'tc_fake' has no attribute 'missing'"),
    ],
)
def test_broken_target_warns_once_and_others_load(plugins: FakePlugins, target: str, error: str) -> None:
    plugins.module("tc_fake", init=FakeIndexDriver)
    plugins.add(INDEX_GROUP, "good", "tc_fake:init")
    plugins.add(INDEX_GROUP, "broken", target)
    with pytest.warns(TerracubePluginWarning) as record:
        drivers = index_drivers()
    messages = plugin_warnings(record)
    assert len(messages) == 1
    assert f"plugin 'broken' in group '{INDEX_GROUP}' (target '{target}') failed to load" in messages[0]
    assert error in messages[0]
    assert "the other plugins still load" in messages[0]
    assert list(drivers) == ["good"]
    index_drivers()  # cached: no second warning (warnings are errors here)


def test_warning_points_at_the_callers_code(plugins: FakePlugins) -> None:
    plugins.add(INDEX_GROUP, "broken", "tc_nowhere:init")
    env = Environment("x", "broken", "x://")
    line = sys._getframe().f_lineno + 2  # the connect_index call below
    with pytest.warns(TerracubePluginWarning) as record, pytest.raises(DriverNotFoundError):
        connect_index(env)  # connect_index -> index_driver -> discovery: several frames deep
    assert [(w.filename, w.lineno) for w in record] == [(__file__, line)]


def test_module_raising_at_import(
    plugins: FakePlugins, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tc_explodes.py").write_text("raise RuntimeError('no GDAL here')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(__import__("sys").modules, "tc_explodes", raising=False)
    plugins.add(READER_GROUP, "explodes", "tc_explodes:init")
    with pytest.warns(TerracubePluginWarning) as record:
        assert dict(reader_drivers()) == {}
    messages = plugin_warnings(record)
    assert len(messages) == 1
    assert "'explodes'" in messages[0]
    assert "failed to load: RuntimeError: no GDAL here" in messages[0]


@pytest.mark.parametrize(
    ("attr", "message"),
    [
        ("raises", "failed in its init function: ValueError: missing credentials"),
        ("returns_none", "returned None from its init function (expected a driver object)"),
        ("not_callable", "is not callable (got int; expected an init function)"),
    ],
)
def test_bad_init_warns_once(plugins: FakePlugins, attr: str, message: str) -> None:
    def raises() -> None:
        raise ValueError("missing credentials")

    plugins.module("tc_fake", raises=raises, returns_none=lambda: None, not_callable=42, ok=FakeIndexDriver)
    plugins.add(INDEX_GROUP, "bad", f"tc_fake:{attr}")
    plugins.add(INDEX_GROUP, "ok", "tc_fake:ok")
    with pytest.warns(TerracubePluginWarning) as record:
        drivers = index_drivers()
    messages = plugin_warnings(record)
    assert len(messages) == 1
    assert f"'bad' in group '{INDEX_GROUP}' (target 'tc_fake:{attr}')" in messages[0]
    assert message in messages[0]
    assert list(drivers) == ["ok"]


def test_duplicates_warn_and_pick_the_first_target(plugins: FakePlugins) -> None:
    plugins.module("tc_a", init=lambda: FakeIndexDriver("a"))
    plugins.add(INDEX_GROUP, "sqlite", "tc_zz_never_imported:init")
    plugins.add(INDEX_GROUP, "sqlite", "tc_a:init")
    with pytest.warns(TerracubePluginWarning) as record:
        driver = index_drivers()["sqlite"]
    messages = plugin_warnings(record)
    assert len(messages) == 1  # the loser is never imported, so it does not warn too
    assert f"plugins in group '{INDEX_GROUP}' share the name 'sqlite'" in messages[0]
    assert "'tc_a:init'" in messages[0]
    assert "'tc_zz_never_imported:init'" in messages[0]
    assert "using 'tc_a:init'" in messages[0]
    assert driver.tag == "a"
    rows = [(r["target"], r["status"]) for r in describe_drivers(INDEX_GROUP)]
    assert rows == [("tc_a:init", "ok"), ("tc_zz_never_imported:init", "skipped")]
    skipped = describe_drivers(INDEX_GROUP)[1]
    assert skipped["reason"] == "duplicate name; 'tc_a:init' (unknown distribution) is used"


def test_duplicates_are_ordered_by_distribution_first(
    plugins: FakePlugins, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib.metadata import distributions

    for dist, target in [("b_dist", "tc_a:init"), ("a_dist", "tc_b:init")]:
        info = tmp_path / f"{dist}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[{INDEX_GROUP}]\ndup = {target}\n")
    real = [
        ep for d in distributions(path=[str(tmp_path)]) for ep in d.entry_points.select(group=INDEX_GROUP)
    ]
    assert len(real) == 2
    plugins.entry_points[INDEX_GROUP] = real
    plugins.module("tc_a", init=lambda: FakeIndexDriver("a"))
    plugins.module("tc_b", init=lambda: FakeIndexDriver("b"))
    with pytest.warns(TerracubePluginWarning, match=r"using 'tc_b:init' \(the first by distribution"):
        assert index_drivers()["dup"].tag == "b"  # a_dist sorts before b_dist
    rows = {r["target"]: r for r in describe_drivers(INDEX_GROUP)}
    assert rows["tc_b:init"]["distribution"] == "a_dist 1.0"
    assert rows["tc_a:init"]["reason"] == "duplicate name; 'tc_b:init' (a_dist 1.0) is used"


def test_identical_duplicates_are_not_a_conflict(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=FakeIndexDriver)
    plugins.add(INDEX_GROUP, "same", "tc_fake:init")
    plugins.add(INDEX_GROUP, "same", "tc_fake:init")
    assert list(index_drivers()) == ["same"]
    assert len(describe_drivers()) == 1


def test_refresh_sees_new_plugins(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=FakeIndexDriver)
    plugins.add(INDEX_GROUP, "first", "tc_fake:init")
    plugins.add(READER_GROUP, "r1", "tc_fake:init")
    assert list(index_drivers()) == ["first"]
    assert list(reader_drivers()) == ["r1"]
    plugins.add(INDEX_GROUP, "second", "tc_fake:init")
    plugins.add(READER_GROUP, "r2", "tc_fake:init")
    assert list(index_drivers()) == ["first"]  # cached
    refresh_drivers(INDEX_GROUP)
    assert list(index_drivers()) == ["first", "second"]
    assert list(reader_drivers()) == ["r1"]  # only the index group was refreshed
    refresh_drivers()
    assert list(reader_drivers()) == ["r1", "r2"]


def test_refresh_warns_again_for_a_still_broken_plugin(plugins: FakePlugins) -> None:
    plugins.add(INDEX_GROUP, "broken", "tc_nowhere:init")
    with pytest.warns(TerracubePluginWarning, match="'broken'"):
        index_drivers()
    refresh_drivers()
    with pytest.warns(TerracubePluginWarning, match="'broken'"):
        index_drivers()


def test_concurrent_first_use_builds_one_table(plugins: FakePlugins) -> None:
    calls = []

    def slow_init() -> FakeIndexDriver:
        calls.append(1)
        time.sleep(0.05)
        return FakeIndexDriver()

    plugins.module("tc_fake", init=slow_init)
    plugins.add(INDEX_GROUP, "slow", "tc_fake:init")
    results: list[Any] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        results.append(index_drivers()["slow"])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 8
    assert all(r is results[0] for r in results)


def test_reentrant_init_is_reported_as_that_plugins_failure(plugins: FakePlugins) -> None:
    def greedy() -> FakeIndexDriver:
        index_drivers()
        return FakeIndexDriver()

    plugins.module("tc_fake", greedy=greedy, ok=FakeIndexDriver)
    plugins.add(INDEX_GROUP, "greedy", "tc_fake:greedy")
    plugins.add(INDEX_GROUP, "ok", "tc_fake:ok")
    with pytest.warns(
        TerracubePluginWarning, match=r"'greedy'.*RuntimeError: plugin discovery .* re-entered"
    ):
        assert list(index_drivers()) == ["ok"]


def test_describe_drivers_rows(plugins: FakePlugins) -> None:
    class Described:
        description = "Keeps everything in memory"

        def connect_to_index(self, env: Any) -> None: ...

    plugins.module("tc_fake", described=Described, documented=FakeIndexDriver, bad=lambda: None)
    plugins.add(INDEX_GROUP, "memory", "tc_fake:described")
    plugins.add(INDEX_GROUP, "docs", "tc_fake:documented")
    plugins.add(WRITER_GROUP, "nothing", "tc_fake:bad")
    with pytest.warns(TerracubePluginWarning, match="'nothing'"):
        rows = describe_drivers()
    assert rows == [
        {
            "group": INDEX_GROUP,
            "name": "docs",
            "target": "tc_fake:documented",
            "distribution": "",
            "status": "ok",
            "reason": "",
            "description": "An index driver for tests.",
        },
        {
            "group": INDEX_GROUP,
            "name": "memory",
            "target": "tc_fake:described",
            "distribution": "",
            "status": "ok",
            "reason": "",
            "description": "Keeps everything in memory",
        },
        {
            "group": WRITER_GROUP,
            "name": "nothing",
            "target": "tc_fake:bad",
            "distribution": "",
            "status": "failed",
            "reason": "returned None from its init function (expected a driver object)",
            "description": "",
        },
    ]
    assert describe_drivers(WRITER_GROUP) == rows[2:]
    assert describe_drivers(READER_GROUP) == []


def test_describe_unknown_group() -> None:
    with pytest.raises(ValueError, match=r"unknown plugin group 'terracube\.plugins\.nope'"):
        describe_drivers("terracube.plugins.nope")


def test_real_discovery_reads_installed_metadata(
    plugins: FakePlugins, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = tmp_path / "tc_plugin_pkg-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tc_plugin_pkg\nVersion: 2.0\n")
    (info / "entry_points.txt").write_text("[terracube.plugins.test-only]\nthing = tc_pkg:init\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = plugins.real_entry_points("terracube.plugins.test-only")
    assert [(ep.name, ep.value, ep.dist.name if ep.dist else None) for ep in eps] == [
        ("thing", "tc_pkg:init", "tc_plugin_pkg")
    ]
