"""What a driver looks like: structural protocols for each group and the :class:`DriverInfo` mixin."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from terracube.cfg import Environment

__all__ = ["DriverInfo", "IndexDriverProtocol", "ReaderDriverProtocol", "WriterDriverProtocol"]


@runtime_checkable
class IndexDriverProtocol(Protocol):
    """An index driver, as the init function of a ``terracube.plugins.index`` entry point returns.

    terracube's own drivers derive from ``terracube.index.abstract.AbstractIndexDriver``; any
    object with this method works.
    """

    def connect_to_index(self, env: Environment) -> Any:
        """Return an open index for the environment."""
        ...


@runtime_checkable
class ReaderDriverProtocol(Protocol):
    """A reader driver (``terracube.plugins.io.read``).

    It may also define ``priority`` (a number, default 0): when several readers support a
    (scheme, format) pair the highest priority wins.
    """

    @property
    def name(self) -> str:
        """Short name."""
        ...

    @property
    def protocols(self) -> Sequence[str]:
        """URI schemes it reads (``"*"``: any)."""
        ...

    @property
    def formats(self) -> Sequence[str]:
        """Format names it reads (``"*"``: any)."""
        ...

    def supports(self, protocol: str, fmt: str) -> bool:
        """Whether it reads this (scheme, format) pair; called with its own spellings."""
        ...

    def new_datasource(self, band: Any) -> Any:
        """Return a data source for one band of one dataset."""
        ...


@runtime_checkable
class WriterDriverProtocol(Protocol):
    """A writer driver (``terracube.plugins.io.write``).

    It also provides ``write_dataset_to_storage(dataset, uri, ...)`` returning per-band storage
    metadata (its keyword arguments belong to the storage layer, so they are not typed here).
    """

    @property
    def name(self) -> str:
        """Short name."""
        ...

    @property
    def aliases(self) -> Sequence[str]:
        """Other names it answers to in :func:`~terracube.drivers.writer_driver`."""
        ...

    @property
    def format(self) -> str:
        """Format name written into the dataset documents."""
        ...

    @property
    def uri_scheme(self) -> str:
        """Scheme of the URIs it writes."""
        ...

    def mk_uri(self, path: Any, storage_config: Mapping[str, Any]) -> str:
        """Return the URI to write `path` to under `storage_config`."""
        ...


class DriverInfo:
    """Mixin giving a driver class plain class-level metadata shown by ``repr``.

    Set the metadata as class attributes; the repr shows each attribute named in
    :attr:`repr_attrs` that the class defines and that is not empty.

    Examples
    --------
    >>> class ZarrReader(DriverInfo):
    ...     name = "zarr"
    ...     description = "Zarr v3 arrays"
    ...     protocols = ("file", "s3")
    ...     formats = ("zarr",)
    >>> ZarrReader()
    <ZarrReader name='zarr' description='Zarr v3 arrays' protocols=('file', 's3') formats=('zarr',)>
    """

    __slots__ = ()

    name: str = ""
    """Short name of the driver, usually its entry-point name."""

    description: str = ""
    """One line saying what it does, shown by ``terracube system drivers``."""

    url: str = ""
    """Where to read more about it."""

    repr_attrs: ClassVar[tuple[str, ...]] = (
        "name",
        "description",
        "url",
        "protocols",
        "formats",
        "priority",
        "aliases",
        "format",
        "uri_scheme",
    )
    """Attributes the repr shows, in order, when present and not empty."""

    def __repr__(self) -> str:
        parts = []
        for attr in self.repr_attrs:
            value = getattr(self, attr, None)
            if value is None or (isinstance(value, str | tuple | list | frozenset) and not value):
                continue
            if isinstance(value, list):
                value = tuple(value)
            parts.append(f"{attr}={value!r}")
        return f"<{type(self).__qualname__}{''.join(' ' + p for p in parts)}>"
