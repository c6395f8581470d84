"""Conformance suites for format drivers: every reader and writer keeps the same contract.

The contract is :mod:`terracube.storage.bands`. A driver's test module subclasses
:class:`ReaderTests` or :class:`WriterTests` and supplies a few fixtures; everything else is
inherited.

:class:`ReaderTests` needs

``reader``
    The reader driver.
``write_bands``
    A function ``write_bands(data, gbox, nodata) -> list[BandInfo]`` that stores ``data``
    (``(time, y, x)``, on ``gbox``) in the reader's format with the driver's own tools or a
    third-party library, and returns one :class:`~terracube.storage.bands.BandInfo` per time
    step, as the index would describe it.

and may override :meth:`ReaderTests.remove_data` (default: delete the local file or folder of
the band's URI) for data that is not on local disk.

:class:`WriterTests` needs ``writer``, ``reader`` (the reader driver of what it writes) and
``location`` (a folder or URI prefix to write under, fresh per test), and may override
``storage_config`` (default ``{}``) and ``storage_options`` (default: its string values).
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from terracube.errors import LoadError, StorageError
from terracube.storage.bands import (
    BandInfo,
    DataSource,
    RasterReader,
    ReaderDriverProtocol,
    WriterDriverProtocol,
    resolve_uri,
    uri_to_path,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import xarray as xr
    from odc.geo.geobox import GeoBox

    from terracube.storage.bands import ReaderDriver, StoredBand, WriterDriver

    WriteBands = Callable[[np.ndarray[Any, Any], GeoBox, Any], list[BandInfo]]

__all__ = ["ReaderTests", "WriterTests"]

#: (dtype, nodata) of the bands every suite stores.
BANDS = {"count": ("uint16", 0), "temp": ("float32", float("nan")), "level": ("int16", -999)}
#: Windows read from each band: whole, corners, a pixel, an edge strip, odd interior.
WINDOWS = [
    ((0, 37), (0, 53)),
    ((0, 1), (0, 1)),
    ((36, 37), (52, 53)),
    ((0, 37), (50, 53)),
    ((5, 31), (7, 46)),
]
STEPS = 2


def _grid() -> GeoBox:
    from affine import Affine
    from odc.geo.geobox import GeoBox

    # Odd sizes, so no chunking or tiling divides them.
    return GeoBox((37, 53), Affine(10.0, 0.0, 500000.0, 0.0, -10.0, 7000000.0), "EPSG:32633")


def _data(dtype: str, nodata: Any, seed: int = 1) -> np.ndarray[Any, Any]:
    rng = np.random.default_rng(seed)
    h, w = _grid().shape
    if np.dtype(dtype).kind == "f":
        data = rng.random((STEPS, h, w)).astype(dtype) * 300
    else:
        data = rng.integers(1, 3000, (STEPS, h, w)).astype(dtype)
    data[1, 2:6, 3:9] = nodata  # some nodata in the second step
    return data


def _equal(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> None:
    np.testing.assert_array_equal(a, b)  # NaN equals NaN here


def _same_nodata(a: Any, b: Any) -> bool:
    return bool(a == b or (isinstance(a, float) and isinstance(b, float) and a != a and b != b))


def _same_band(a: BandInfo, b: BandInfo) -> bool:
    """Equal bands (a NaN nodata equals NaN: dataclass equality compares it by identity first)."""
    return dataclasses.replace(a, nodata=None) == dataclasses.replace(b, nodata=None) and _same_nodata(
        a.nodata, b.nodata
    )


class ReaderTests:
    """Conformance tests for a reader driver; see the module docstring."""

    @pytest.fixture
    def reader(self) -> ReaderDriver:
        raise NotImplementedError("a ReaderTests subclass must supply a `reader` fixture")

    @pytest.fixture
    def write_bands(self) -> WriteBands:
        raise NotImplementedError("a ReaderTests subclass must supply a `write_bands` fixture")

    def remove_data(self, band: BandInfo) -> None:
        """Delete what ``band`` reads (default: the local file or folder of its URI)."""
        path = Path(uri_to_path(band.uri))
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()

    @pytest.fixture(params=sorted(BANDS))
    def stored(
        self, request: pytest.FixtureRequest, write_bands: WriteBands
    ) -> tuple[np.ndarray[Any, Any], list[BandInfo]]:
        dtype, nodata = BANDS[request.param]
        data = _data(dtype, nodata)
        bands = write_bands(data, _grid(), nodata)
        assert len(bands) == STEPS, f"write_bands returned {len(bands)} bands for {STEPS} time steps"
        return data, bands

    # --- the driver ------------------------------------------------------------------------

    def test_declares_what_it_reads(self, reader: ReaderDriver) -> None:
        assert isinstance(reader, ReaderDriverProtocol)
        assert isinstance(reader.name, str) and reader.name
        assert reader.protocols and reader.formats
        for p in reader.protocols:
            for f in reader.formats:
                assert reader.supports(p, f), (p, f)
                assert reader.supports(p.upper(), f.lower()), (p, f)
        assert not reader.supports(reader.protocols[0], "no-such-format")
        assert not reader.supports("no-such-scheme", reader.formats[0])
        assert f"name={reader.name!r}" in repr(reader)

    def test_supports_the_bands_it_is_given(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        for band in stored[1]:
            assert reader.supports(band.uri_scheme, band.format), (band.uri_scheme, band.format)

    def test_data_sources_are_lazy_values(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        band = stored[1][0]
        src = reader.new_datasource(band)
        assert isinstance(src, DataSource)
        assert src.band == band
        again = pickle.loads(pickle.dumps(src))  # shipped to Dask workers
        assert _same_band(again.band, band)
        self.remove_data(band)
        reader.new_datasource(band)  # no I/O before open()

    # --- reading ---------------------------------------------------------------------------

    def test_reports_the_grid(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        from odc.geo import CRS

        data, bands = stored
        gbox = _grid()
        for band in bands:
            with reader.new_datasource(band).open() as rdr:
                assert isinstance(rdr, RasterReader)
                assert tuple(rdr.shape) == gbox.shape
                assert rdr.transform.almost_equals(gbox.transform)
                assert CRS(str(rdr.crs)) == gbox.crs
                assert np.dtype(rdr.dtype) == data.dtype
                assert rdr.nodata is None or _same_nodata(rdr.nodata, band.nodata), rdr.nodata

    def test_reads_every_step(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        data, bands = stored
        for t, band in enumerate(bands):
            with pickle.loads(pickle.dumps(reader.new_datasource(band))).open() as rdr:
                _equal(rdr.read(), data[t])

    @pytest.mark.parametrize("window", WINDOWS, ids=str)
    def test_reads_windows(
        self,
        reader: ReaderDriver,
        stored: tuple[np.ndarray[Any, Any], list[BandInfo]],
        window: tuple[tuple[int, int], tuple[int, int]],
    ) -> None:
        data, bands = stored
        (r0, r1), (c0, c1) = window
        with reader.new_datasource(bands[1]).open() as rdr:
            _equal(rdr.read(window), data[1, r0:r1, c0:c1])
            out = np.full((r1 - r0, c1 - c0), 7, dtype=data.dtype)
            got = rdr.read(window, out=out)
            _equal(out, data[1, r0:r1, c0:c1])
            _equal(got, data[1, r0:r1, c0:c1])

    def test_reads_at_reduced_resolution(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        data, bands = stored
        window = ((3, 35), (2, 50))
        part = data[0, 3:35, 2:50]
        with reader.new_datasource(bands[0]).open() as rdr:
            for shape in ((16, 24), (8, 12), (11, 17)):
                got = rdr.read(window, shape)
                assert got.shape == shape
                # nearest: every pixel is one of the window's pixels
                assert np.isin(got, part).all(), shape
            out = np.zeros((16, 24), dtype=data.dtype)
            rdr.read(window, (16, 24), out=out)
            assert np.isin(out, part).all()

    def test_a_window_outside_the_band_is_refused(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        h, w = _grid().shape
        with reader.new_datasource(stored[1][0]).open() as rdr:
            for window in (((0, h + 1), (0, w)), ((0, 1), (-1, 3)), ((4, 4), (0, 1))):
                with pytest.raises(LoadError, match="window"):
                    rdr.read(window)

    def test_missing_data_is_a_load_error_naming_the_band(
        self, reader: ReaderDriver, stored: tuple[np.ndarray[Any, Any], list[BandInfo]]
    ) -> None:
        band = dataclasses.replace(stored[1][0], dataset_id="d-missing")
        self.remove_data(band)
        with pytest.raises(LoadError, match="d-missing"), reader.new_datasource(band).open() as rdr:
            rdr.read()


class WriterTests:
    """Conformance tests for a writer driver and the reader of what it writes; see the module docstring."""

    @pytest.fixture
    def writer(self) -> WriterDriver:
        raise NotImplementedError("a WriterTests subclass must supply a `writer` fixture")

    @pytest.fixture
    def reader(self) -> ReaderDriver:
        raise NotImplementedError("a WriterTests subclass must supply a `reader` fixture")

    @pytest.fixture
    def location(self) -> str:
        raise NotImplementedError("a WriterTests subclass must supply a `location` fixture")

    @pytest.fixture
    def storage_config(self) -> dict[str, Any]:
        return {}

    @pytest.fixture
    def storage_options(self, storage_config: Mapping[str, Any]) -> dict[str, str]:
        return {k: v for k, v in storage_config.items() if isinstance(v, str)}

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def dataset(seed: int = 1, fail: str | None = None) -> xr.Dataset:
        """Three bands over ``(time, y, x)`` (see ``BANDS``); ``fail``: that band raises when computed."""
        import xarray as xr
        from odc.geo.xr import xr_coords

        gbox = _grid()
        dims = ("time", *gbox.dimensions)
        times = np.array(["2022-01-01T10:00", "2022-01-17T10:00"], dtype="datetime64[ns]")
        variables = {}
        for name, (dtype, nodata) in BANDS.items():
            data: Any = _data(dtype, nodata, seed)
            if name == fail:
                data = _failing(data)
            variables[name] = (dims, data, {"nodata": nodata, "units": "1"})
        return xr.Dataset(variables, coords={"time": times, **xr_coords(gbox)})

    @staticmethod
    def unit_uri(writer: WriterDriver, location: str, name: str, config: Mapping[str, Any]) -> str:
        return writer.mk_uri(f"{location.rstrip('/')}/{name}{getattr(writer, 'suffix', '')}", config)

    @staticmethod
    def band(
        writer: WriterDriver,
        uri: str,
        stored: Mapping[str, StoredBand],
        name: str,
        step: int,
        options: Mapping[str, str],
    ) -> BandInfo:
        """What the index says about band ``name`` of time step ``step`` (as ``Datacube.write`` records it)."""
        gbox = _grid()
        st = stored[name]
        dtype, nodata = BANDS[name]
        return BandInfo(
            name, resolve_uri(uri, st["path"]), dtype, nodata, band=step + 1, layer=st.get("layer"),
            crs=str(gbox.crs), transform=tuple(gbox.transform)[:6], shape=gbox.shape,  # type: ignore[arg-type]
            format=writer.format, driver_data=dict(st.get("driver_data") or {}), dataset_id=f"d-{step}",
            storage_options=tuple(sorted(options.items())),
        )  # fmt: skip

    # --- the driver ------------------------------------------------------------------------

    def test_declares_what_it_writes(self, writer: WriterDriver) -> None:
        assert isinstance(writer, WriterDriverProtocol)
        assert isinstance(writer.name, str) and writer.name
        assert isinstance(writer.format, str) and writer.format
        assert isinstance(writer.uri_scheme, str) and writer.uri_scheme
        assert all(isinstance(a, str) and a for a in writer.aliases)
        assert f"name={writer.name!r}" in repr(writer)

    # --- writing -----------------------------------------------------------------------------

    def test_round_trip(
        self,
        writer: WriterDriver,
        reader: ReaderDriver,
        location: str,
        storage_config: dict[str, Any],
        storage_options: dict[str, str],
    ) -> None:
        ds = self.dataset()
        uri = self.unit_uri(writer, location, "unit-a", storage_config)
        stored = writer.write_dataset_to_storage(ds, uri, storage_config=storage_config)
        assert sorted(stored) == sorted(BANDS)
        json.dumps(stored)  # it goes into the dataset documents
        for name in BANDS:
            assert isinstance(stored[name]["path"], str)
            for step in range(STEPS):
                band = self.band(writer, uri, stored, name, step, storage_options)
                assert reader.supports(band.uri_scheme, band.format)
                with reader.new_datasource(band).open() as rdr:
                    assert tuple(rdr.shape) == _grid().shape
                    assert rdr.transform.almost_equals(_grid().transform)
                    assert np.dtype(rdr.dtype) == np.dtype(BANDS[name][0])
                    _equal(rdr.read(), ds[name].values[step])
                    _equal(rdr.read(((5, 31), (7, 46))), ds[name].values[step, 5:31, 7:46])

    def test_never_overwrites(
        self,
        writer: WriterDriver,
        reader: ReaderDriver,
        location: str,
        storage_config: dict[str, Any],
        storage_options: dict[str, str],
    ) -> None:
        uri = self.unit_uri(writer, location, "unit-a", storage_config)
        stored = writer.write_dataset_to_storage(self.dataset(1), uri, storage_config=storage_config)
        with pytest.raises(StorageError, match="exists"):
            writer.write_dataset_to_storage(self.dataset(2), uri, storage_config=storage_config)
        band = self.band(writer, uri, stored, "level", 0, storage_options)
        with reader.new_datasource(band).open() as rdr:
            _equal(rdr.read(), self.dataset(1)["level"].values[0])

    def test_a_failed_write_leaves_nothing(
        self,
        writer: WriterDriver,
        reader: ReaderDriver,
        location: str,
        storage_config: dict[str, Any],
        storage_options: dict[str, str],
    ) -> None:
        uri = self.unit_uri(writer, location, "unit-a", storage_config)
        with pytest.raises((StorageError, _WriteFailure)):
            writer.write_dataset_to_storage(self.dataset(fail="temp"), uri, storage_config=storage_config)
        # Nothing is left: the same unit can be written afresh, and reads what was written.
        stored = writer.write_dataset_to_storage(self.dataset(3), uri, storage_config=storage_config)
        with reader.new_datasource(self.band(writer, uri, stored, "count", 1, storage_options)).open() as rdr:
            _equal(rdr.read(), self.dataset(3)["count"].values[1])

    def test_delete_removes_the_unit(
        self,
        writer: WriterDriver,
        reader: ReaderDriver,
        location: str,
        storage_config: dict[str, Any],
        storage_options: dict[str, str],
    ) -> None:
        keep = self.unit_uri(writer, location, "unit-b", storage_config)
        kept = writer.write_dataset_to_storage(self.dataset(4), keep, storage_config=storage_config)
        uri = self.unit_uri(writer, location, "unit-a", storage_config)
        stored = writer.write_dataset_to_storage(self.dataset(1), uri, storage_config=storage_config)
        writer.delete_dataset_from_storage(uri, stored, storage_config=storage_config)
        band = dataclasses.replace(
            self.band(writer, uri, stored, "count", 0, storage_options), dataset_id="d-gone"
        )
        with pytest.raises(LoadError, match="d-gone"), reader.new_datasource(band).open() as rdr:
            rdr.read()
        writer.write_dataset_to_storage(self.dataset(2), uri, storage_config=storage_config)
        with reader.new_datasource(self.band(writer, keep, kept, "count", 0, storage_options)).open() as rdr:
            _equal(rdr.read(), self.dataset(4)["count"].values[0])  # other units are untouched


class _WriteFailure(RuntimeError):
    """Raised by a band's data while a writer computes it."""


def _failing(data: np.ndarray[Any, Any]) -> Any:
    """A Dask array of ``data``'s shape and dtype whose last block raises when computed."""
    import dask.array as da

    def block(x: np.ndarray[Any, Any], block_info: Any = None) -> np.ndarray[Any, Any]:
        if block_info and block_info[0]["chunk-location"][0] == STEPS - 1:
            raise _WriteFailure("this band cannot be computed")
        return x

    chunks = da.from_array(data, chunks=(1, *data.shape[1:]))  # type: ignore[no-untyped-call]
    return chunks.map_blocks(block, dtype=data.dtype, meta=np.empty((0, 0, 0), dtype=data.dtype))
