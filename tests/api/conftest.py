"""Small rasters on disk, indexed into a memory index: the fixtures of the API tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
import rasterio
from affine import Affine
from odc.geo.geobox import GeoBox

from terracube import Datacube
from terracube.api import eo3_document
from terracube.index.memory import MemoryIndex
from terracube.storage.testing import MOTO_CREDENTIALS, moto_server

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from terracube.model import Dataset, Product

CRS = "EPSG:32755"
RES = 30.0
SIZE = 64

PRODUCT = {
    "name": "ls",
    "description": "Landsat-like test bands",
    "metadata_type": "eo3",
    "metadata": {"product": {"name": "ls"}},
    "measurements": [
        {"name": "red", "dtype": "int16", "nodata": -999, "units": "1", "aliases": ["band_4"]},
        {"name": "swir", "dtype": "float32", "nodata": "NaN", "units": "reflectance"},
    ],
}


def write_tif(
    path: Path,
    data: np.ndarray,
    gbox: GeoBox,
    *,
    nodata: Any = None,
    overviews: tuple[int, ...] = (),
    resampling: str = "average",
) -> None:
    """A tiled GeoTIFF (with internal overviews if asked) holding ``data`` on ``gbox``."""
    profile = {
        "driver": "GTiff", "width": gbox.shape[1], "height": gbox.shape[0], "count": 1, "dtype": data.dtype.name,
        "crs": str(gbox.crs), "transform": gbox.transform, "tiled": True, "blockxsize": 32, "blockysize": 32,
        "nodata": nodata,
    }  # fmt: skip
    with rasterio.open(path, "w", **profile) as f:
        f.write(data, 1)
        if overviews:
            f.build_overviews(list(overviews), rasterio.enums.Resampling[resampling])


def tile_gbox(col: int, row: int, size: int = SIZE, x0: float = 600000.0, y0: float = 6000000.0) -> GeoBox:
    """Tile (col, row) of a regular grid of ``size``-pixel tiles."""
    return GeoBox((size, size), Affine(RES, 0, x0 + col * size * RES, 0, -RES, y0 - row * size * RES), CRS)


@dataclass
class Scene:
    """One indexed dataset and the arrays written for it."""

    dataset: Dataset
    gbox: GeoBox
    red: np.ndarray
    swir: np.ndarray
    folder: Path


class Cube:
    """A memory index with product ``ls`` and helpers to add GeoTIFF scenes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.index = MemoryIndex()
        self.index.init_db()
        self.index.products.add_document(PRODUCT)
        self.product: Product = self.index.products.get_by_name("ls")
        self.dc = Datacube(index=self.index)
        self.rng = np.random.default_rng(42)

    def add(
        self,
        gbox: GeoBox,
        time: str,
        *,
        red: np.ndarray | None = None,
        swir: np.ndarray | None = None,
        overviews: tuple[int, ...] = (),
        properties: dict[str, Any] | None = None,
    ) -> Scene:
        ny, nx = gbox.shape
        if red is None:
            red = self.rng.integers(0, 10000, (ny, nx)).astype("int16")
        if swir is None:
            swir = self.rng.random((ny, nx)).astype("float32")
        folder = self.root / f"scene{len(list(self.root.iterdir()))}"
        folder.mkdir()
        write_tif(folder / "red.tif", red, gbox, nodata=-999, overviews=overviews)
        write_tif(folder / "swir.tif", swir, gbox, nodata=float("nan"), overviews=overviews)
        t = dt.datetime.fromisoformat(time)
        doc = eo3_document(
            self.product, gbox, t, {"red": {"path": "red.tif"}, "swir": {"path": "swir.tif"}}, fmt="GeoTIFF",
            properties=properties,
        )  # fmt: skip
        ds = self.index.datasets.add(
            self.index.datasets.from_doc(doc, uri=(folder / "odc-metadata.yaml").as_uri())
        )
        return Scene(ds, gbox, red, swir, folder)


@pytest.fixture
def cube(tmp_path: Path) -> Cube:
    root = tmp_path / "data"
    root.mkdir()
    return Cube(root)


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """``http://127.0.0.1:PORT`` of a moto S3 server (a child process) for the whole session."""
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def s3_bucket(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new bucket on the moto server, with its credentials in the environment (as on a worker).

    GDAL and terracube's S3 store both read ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``.
    """
    import boto3

    for var in (
        "TERRACUBE_S3_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_SESSION_TOKEN", "AWS_PROFILE",
        "AWS_S3_ENDPOINT", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING",
    ):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", MOTO_CREDENTIALS["access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", MOTO_CREDENTIALS["secret_access_key"])
    monkeypatch.setenv("AWS_DEFAULT_REGION", MOTO_CREDENTIALS["region"])
    bucket = f"cube-{uuid.uuid4().hex[:10]}"
    boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1").create_bucket(Bucket=bucket)
    return bucket
