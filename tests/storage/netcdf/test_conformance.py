"""The netcdf reader and writer through the shared format-driver suites."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from terracube.storage.netcdf import NetCDFReaderDriver, NetCDFWriterDriver, write_dataset_to_netcdf
from terracube.storage.testing import ReaderTests, WriterTests

from .._formats import as_dataset, band_info

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import numpy as np
    from odc.geo.geobox import GeoBox

    from terracube.storage.bands import BandInfo


class TestNetCDFReader(ReaderTests):
    @pytest.fixture
    def reader(self) -> NetCDFReaderDriver:
        return NetCDFReaderDriver()

    @pytest.fixture
    def write_bands(self, tmp_path: Path) -> Callable[[np.ndarray, GeoBox, Any], list[BandInfo]]:
        def write(data: np.ndarray, gbox: GeoBox, nodata: Any) -> list[BandInfo]:
            path = tmp_path / "unit.nc"
            write_dataset_to_netcdf(as_dataset(data, gbox, nodata), path)
            return [
                band_info(path.as_uri(), data, gbox, nodata, t, "NetCDF", layer="b") for t in range(len(data))
            ]

        return write


class TestNetCDFWriter(WriterTests):
    @pytest.fixture
    def writer(self) -> NetCDFWriterDriver:
        return NetCDFWriterDriver()

    @pytest.fixture
    def reader(self) -> NetCDFReaderDriver:
        return NetCDFReaderDriver()

    @pytest.fixture
    def location(self, tmp_path: Path) -> str:
        return str(tmp_path)
