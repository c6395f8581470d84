"""The geotiff reader through the shared reader suite (data written by write_dataset_to_geotiff)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from terracube.storage.geotiff import GeoTIFFReaderDriver, write_dataset_to_geotiff
from terracube.storage.testing import ReaderTests

from .._formats import as_dataset, band_info

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import numpy as np
    from odc.geo.geobox import GeoBox

    from terracube.storage.bands import BandInfo


class TestGeoTIFFReader(ReaderTests):
    @pytest.fixture
    def reader(self) -> GeoTIFFReaderDriver:
        return GeoTIFFReaderDriver()

    @pytest.fixture
    def write_bands(self, tmp_path: Path) -> Callable[[np.ndarray, GeoBox, Any], list[BandInfo]]:
        def write(data: np.ndarray, gbox: GeoBox, nodata: Any) -> list[BandInfo]:
            path = tmp_path / "steps.tif"  # one band per time step
            write_dataset_to_geotiff(as_dataset(data, gbox, nodata), path)
            return [band_info(path.as_uri(), data, gbox, nodata, t, "GeoTIFF") for t in range(len(data))]

        return write
