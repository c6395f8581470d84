"""Tests for terracube.drivers._info: the DriverInfo repr and the driver protocols."""

from __future__ import annotations

from typing import Any, ClassVar

from terracube.drivers import (
    DriverInfo,
    IndexDriverProtocol,
    ReaderDriverProtocol,
    WriterDriverProtocol,
)


class ZarrReader(DriverInfo):
    name = "zarr"
    description = "Zarr v3 arrays"
    protocols = ("file", "s3")
    formats: ClassVar[list[str]] = ["zarr"]
    priority = 3

    def supports(self, protocol: str, fmt: str) -> bool:
        return True

    def new_datasource(self, band: Any) -> Any:
        return band


class Bare(DriverInfo):
    pass


def test_repr_shows_class_metadata() -> None:
    assert repr(ZarrReader()) == (
        "<ZarrReader name='zarr' description='Zarr v3 arrays' protocols=('file', 's3') "
        "formats=('zarr',) priority=3>"
    )


def test_repr_skips_empty_metadata() -> None:
    assert repr(Bare()) == "<Bare>"


def test_repr_attrs_can_be_chosen() -> None:
    class Short(ZarrReader):
        repr_attrs = ("name",)

    assert repr(Short()) == "<test_repr_attrs_can_be_chosen.<locals>.Short name='zarr'>"


def test_protocols_are_checkable() -> None:
    class Index:
        def connect_to_index(self, env: Any) -> None: ...

    assert isinstance(Index(), IndexDriverProtocol)
    assert isinstance(ZarrReader(), ReaderDriverProtocol)
    assert not isinstance(ZarrReader(), IndexDriverProtocol)
    assert not isinstance(ZarrReader(), WriterDriverProtocol)
