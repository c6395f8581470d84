"""Tests for terracube.drivers._lookup: index, writer and reader lookups and their errors."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import pytest

from terracube.drivers import (
    INDEX_GROUP,
    READER_GROUP,
    WRITER_GROUP,
    DriverInfo,
    index_driver,
    reader_driver,
    reader_drivers,
    writer_driver,
    writer_drivers,
)
from terracube.errors import DriverNotFoundError, TerracubeError, TerracubePluginWarning

if TYPE_CHECKING:
    from .conftest import FakePlugins


class IndexDriver:
    def connect_to_index(self, env: Any) -> Any:
        return env


class Writer(DriverInfo):
    format = "GeoTIFF"
    uri_scheme = "file"

    def __init__(self, name: str = "", aliases: Any = ()) -> None:
        self.name = name
        self.aliases = aliases

    def mk_uri(self, path: Any, storage_config: Any) -> str:
        return f"file://{path}"

    def write_dataset_to_storage(self, dataset: Any, uri: str, **kwargs: Any) -> dict[str, Any]:
        return {}


class Reader(DriverInfo):
    def __init__(
        self,
        name: str,
        protocols: tuple[str, ...],
        formats: tuple[str, ...],
        priority: int = 0,
        refuse: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.name = name
        self.protocols = protocols
        self.formats = formats
        self.priority = priority
        self.refuse = refuse
        self.asked: list[tuple[str, str]] = []

    def supports(self, protocol: str, fmt: str) -> bool:
        self.asked.append((protocol, fmt))
        return (protocol, fmt) not in self.refuse

    def new_datasource(self, band: Any) -> Any:
        return band


# --- index ---------------------------------------------------------------------------------


def test_index_driver_by_name_class_or_object(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=IndexDriver)
    plugins.add(INDEX_GROUP, "memory", "tc_fake:init")
    found = index_driver("memory")
    assert isinstance(found, IndexDriver)
    assert index_driver("memory") is found
    made = index_driver(IndexDriver)
    assert isinstance(made, IndexDriver)
    assert made is not found
    given = IndexDriver()
    assert index_driver(given) is given


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (42, "expected an index driver name, class or object .*got 42"),
        (dict, "dict is not an index driver class: no connect_to_index"),
    ],
)
def test_index_driver_refuses_other_things(value: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        index_driver(value)


def test_unknown_index_driver_lists_installed_names(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=IndexDriver)
    plugins.add(INDEX_GROUP, "sqlite", "tc_fake:init")
    plugins.add(INDEX_GROUP, "memory", "tc_fake:init")
    with pytest.raises(DriverNotFoundError) as info:
        index_driver("duckdb")
    message = str(info.value)
    assert "no index driver named 'duckdb'; installed index drivers: 'memory', 'sqlite'." in message
    assert f"install the package that registers 'duckdb' in the entry-point group '{INDEX_GROUP}'" in message
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, TerracubeError)


def test_unknown_postgis_names_the_extra() -> None:
    with pytest.raises(DriverNotFoundError) as info:
        index_driver("postgis")
    assert "installed index drivers: none." in str(info.value)
    assert "Install it with: pip install 'terracube[postgis]'" in str(info.value)


def test_failed_plugin_is_explained_by_lookup(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=IndexDriver)
    plugins.add(INDEX_GROUP, "memory", "tc_fake:init")
    plugins.add(INDEX_GROUP, "postgis", "tc_no_psycopg:driver_init")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a lookup by name loads only that plugin
        index_driver("memory")
    with (
        pytest.warns(TerracubePluginWarning, match="'postgis'"),
        pytest.raises(DriverNotFoundError) as info,
    ):
        index_driver("postgis")
    message = str(info.value)
    assert "installed index drivers: 'memory'." in message
    assert (
        "The plugin 'postgis' (tc_no_psycopg:driver_init) failed: failed to load: "
        "ModuleNotFoundError: No module named 'tc_no_psycopg'." in message
    )
    assert "pip install 'terracube[postgis]'" in message


def test_other_failures_are_mentioned(plugins: FakePlugins) -> None:
    plugins.add(INDEX_GROUP, "broken", "tc_nowhere:init")
    with pytest.warns(TerracubePluginWarning), pytest.raises(DriverNotFoundError) as info:
        index_driver("sqlite")
    assert "Plugins that failed to load: 'broken' (failed to load: ModuleNotFoundError" in str(info.value)


# --- writers -------------------------------------------------------------------------------


def test_writer_by_name_attribute_and_aliases(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=lambda: Writer("cog", aliases=("GeoTIFF COG", "tiff")))
    plugins.add(WRITER_GROUP, "geotiff", "tc_fake:init")
    writer = writer_driver("geotiff")
    assert writer_driver("cog") is writer
    assert writer_driver("GeoTIFF COG") is writer
    assert writer_driver("tiff") is writer
    assert list(writer_drivers()) == ["geotiff"]
    with pytest.raises(DriverNotFoundError, match="no writer driver named 'TIFF'"):
        writer_driver("TIFF")  # exact, case-sensitive


def test_writer_alias_as_a_single_string(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=lambda: Writer("netcdf", aliases="NetCDF CF"))
    plugins.add(WRITER_GROUP, "netcdf", "tc_fake:init")
    assert writer_driver("NetCDF CF") is writer_driver("netcdf")


def test_writer_alias_conflicts_warn_and_resolve_deterministically(plugins: FakePlugins) -> None:
    plugins.module(
        "tc_fake",
        a=lambda: Writer("a", aliases=("shared", "b")),
        b=lambda: Writer("b", aliases=("shared",)),
    )
    plugins.add(WRITER_GROUP, "b", "tc_fake:b")
    plugins.add(WRITER_GROUP, "a", "tc_fake:a")
    with pytest.warns(TerracubePluginWarning) as record:
        a = writer_driver("a")
    messages = sorted(str(w.message) for w in record)
    assert messages == [
        "terracube writer plugin 'a' claims the name 'b', which already belongs to writer 'b'; 'b' keeps it",
        "terracube writer plugin 'b' claims the name 'shared', which already belongs to writer 'a'; 'a' keeps it",
    ]
    assert writer_driver("shared") is a
    assert writer_driver("b") is not a


def test_unknown_writer_lists_names_and_aliases(plugins: FakePlugins) -> None:
    plugins.module("tc_fake", init=lambda: Writer("netcdf", aliases=("NetCDF CF",)))
    plugins.add(WRITER_GROUP, "netcdf", "tc_fake:init")
    with pytest.raises(DriverNotFoundError) as info:
        writer_driver("s3aio")
    assert "installed writer drivers: 'netcdf', 'NetCDF CF'." in str(info.value)
    assert "pip install 'terracube[s3]'" in str(info.value)


def test_writer_pass_through() -> None:
    given = Writer("w")
    assert writer_driver(given) is given
    assert isinstance(writer_driver(Writer), Writer)
    with pytest.raises(TypeError, match="IndexDriver is not a writer driver class"):
        writer_driver(IndexDriver)


# --- readers -------------------------------------------------------------------------------


def serve_readers(plugins: FakePlugins, **readers: Reader) -> None:
    plugins.module("tc_readers", **{name: (lambda r=r: r) for name, r in readers.items()})
    for name in readers:
        plugins.add(READER_GROUP, name, f"tc_readers:{name}")


def test_reader_match_is_case_insensitive_and_uses_driver_spelling(plugins: FakePlugins) -> None:
    tiff = Reader("tiff", ("file", "S3"), ("GeoTIFF",))
    serve_readers(plugins, tiff=tiff)
    assert reader_driver("s3", "geotiff") is tiff
    assert reader_driver("FILE", "GEOTIFF") is tiff
    assert ("S3", "GeoTIFF") in tiff.asked


def test_reader_supports_can_refuse_a_pair(plugins: FakePlugins) -> None:
    netcdf = Reader("netcdf", ("file", "s3"), ("NetCDF",), refuse=(("s3", "NetCDF"),))
    serve_readers(plugins, netcdf=netcdf)
    assert reader_driver("file", "netcdf") is netcdf
    with pytest.raises(
        DriverNotFoundError, match="no reader driver supports scheme 's3' with format 'netcdf'"
    ):
        reader_driver("s3", "netcdf")


def test_reader_priority_then_exactness_then_name(plugins: FakePlugins) -> None:
    fallback = Reader("fallback", ("*",), ("*",), priority=-10)
    generic = Reader("generic", ("file", "s3"), ("*",))
    beta = Reader("beta", ("s3",), ("zarr",))
    alpha = Reader("alpha", ("s3",), ("zarr",))
    fast = Reader("fast", ("s3",), ("zarr",), priority=5)
    serve_readers(plugins, fallback=fallback, generic=generic, beta=beta, alpha=alpha, fast=fast)
    assert reader_driver("s3", "zarr") is fast  # 1. highest priority
    assert reader_driver("file", "zarr") is generic  # only generic and fallback claim it
    assert reader_driver("https", "png") is fallback  # only the wildcard reader
    assert ("https", "png") in fallback.asked  # "*" is replaced by the requested spelling


def test_reader_exact_claim_beats_wildcard_and_name_breaks_ties(plugins: FakePlugins) -> None:
    generic = Reader("generic", ("s3",), ("*",))
    beta = Reader("beta", ("s3",), ("zarr",))
    alpha = Reader("alpha", ("s3",), ("zarr",))
    serve_readers(plugins, aaa_generic=generic, beta=beta, alpha=alpha)
    assert reader_driver("s3", "zarr") is alpha  # exact beats "*", then names: alpha < beta
    assert reader_driver("s3", "cog") is generic


def test_no_reader_message_lists_installed_readers(plugins: FakePlugins) -> None:
    serve_readers(
        plugins,
        netcdf=Reader("netcdf", ("file",), ("NetCDF",)),
        s3aio=Reader("s3aio", ("s3", "file"), ("aio",)),
    )
    plugins.add(READER_GROUP, "zarr", "tc_no_zarr:init")
    with pytest.warns(TerracubePluginWarning), pytest.raises(DriverNotFoundError) as info:
        reader_driver("gs", "zarr")
    message = str(info.value)
    assert "no reader driver supports scheme 'gs' with format 'zarr'" in message
    assert "'netcdf' (schemes: file; formats: NetCDF); 's3aio' (schemes: s3, file; formats: aio)" in message
    assert "Plugins that failed to load: 'zarr' (failed to load: ModuleNotFoundError" in message
    assert f"entry-point group '{READER_GROUP}'" in message


def test_no_readers_installed() -> None:
    assert dict(reader_drivers()) == {}
    with pytest.raises(DriverNotFoundError, match="installed readers: none"):
        reader_driver("file", "GeoTIFF")
