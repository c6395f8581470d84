"""COGs on S3 (a moto server over HTTP), loaded through Datacube with the environment's S3 settings."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from typing import TYPE_CHECKING

import boto3
import numpy as np
import pytest
import rasterio
from affine import Affine
from odc.geo.geobox import GeoBox

from terracube import Datacube
from terracube.api import eo3_document
from terracube.cfg import Environment
from terracube.errors import LoadError
from terracube.index.memory import MemoryIndex
from terracube.storage.testing import moto_server

if TYPE_CHECKING:
    from collections.abc import Iterator

GBOX = GeoBox((96, 80), Affine(20, 0, 400000, 0, -20, 6500000), "EPSG:32755")


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_S3_ENDPOINT", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


def _cog(data: np.ndarray) -> bytes:
    buf = io.BytesIO()
    with rasterio.MemoryFile() as mem:
        with mem.open(
            driver="GTiff", width=GBOX.shape[1], height=GBOX.shape[0], count=1, dtype=data.dtype.name, crs="EPSG:32755",
            transform=GBOX.transform, tiled=True, blockxsize=32, blockysize=32, nodata=0,
        ) as f:  # fmt: skip
            f.write(data[None])
            f.build_overviews([2], rasterio.enums.Resampling.average)
        buf.write(mem.read())
    return buf.getvalue()


@pytest.fixture
def scene(moto_url: str, aws_env: None) -> tuple[MemoryIndex, np.ndarray, str]:
    """One uint16 COG in a fresh bucket, indexed with an s3:// location."""
    bucket = f"cogs-{uuid.uuid4().hex[:8]}"
    s3 = boto3.client("s3", endpoint_url=moto_url, region_name="us-east-1")
    s3.create_bucket(Bucket=bucket)
    data = np.random.default_rng(3).integers(1, 60000, GBOX.shape).astype("uint16")
    s3.put_object(Bucket=bucket, Key="scene/red.tif", Body=_cog(data))
    index = MemoryIndex()
    index.init_db()
    index.products.add_document(
        {
            "name": "cog",
            "description": "One COG band on S3",
            "metadata_type": "eo3",
            "metadata": {"product": {"name": "cog"}},
            "measurements": [{"name": "red", "dtype": "uint16", "nodata": 0, "units": "1"}],
        }
    )
    product = index.products.get_by_name("cog")
    doc = eo3_document(product, GBOX, dt.datetime(2022, 2, 2), {"red": {"path": "red.tif"}}, fmt="GeoTIFF")
    index.datasets.add(index.datasets.from_doc(doc, uri=f"s3://{bucket}/scene/odc-metadata.yaml"))
    return index, data, bucket


def test_load_with_environment_s3_settings(scene: tuple[MemoryIndex, np.ndarray, str], moto_url: str) -> None:
    index, data, _ = scene
    env = Environment(
        "t", "memory", "memory://", {"s3_endpoint": moto_url, "s3_region": "us-east-1", "s3_secret_key": "x"}
    )
    from terracube.api.core import storage_options_of

    options = storage_options_of(env)
    assert options == {"s3_endpoint": moto_url, "s3_region": "us-east-1"}  # secrets are never forwarded
    dc = Datacube(index=index, storage_options=options)
    ds = dc.load("cog")
    np.testing.assert_array_equal(ds.red.values[0], data)
    lazy = dc.load("cog", dask_chunks={"x": 40, "y": 48}, like=GBOX[10:90, 5:75])
    np.testing.assert_array_equal(lazy.red.compute(scheduler="threads").values[0], data[10:90, 5:75])
    coarse = dc.load("cog", resolution=40)
    assert coarse.red.shape == (1, 48, 40)


def test_load_with_gdal_environment_variables(
    scene: tuple[MemoryIndex, np.ndarray, str], moto_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, data, _ = scene
    monkeypatch.setenv("AWS_S3_ENDPOINT", moto_url.removeprefix("http://"))
    monkeypatch.setenv("AWS_VIRTUAL_HOSTING", "FALSE")
    monkeypatch.setenv("AWS_HTTPS", "NO")
    ds = Datacube(index=index).load("cog", like=GBOX[:32, :32])
    np.testing.assert_array_equal(ds.red.values[0], data[:32, :32])


def test_missing_object_names_the_dataset(scene: tuple[MemoryIndex, np.ndarray, str], moto_url: str) -> None:
    index, _, bucket = scene
    boto3.client("s3", endpoint_url=moto_url, region_name="us-east-1").delete_object(
        Bucket=bucket, Key="scene/red.tif"
    )
    (ds,) = index.datasets.search(product="cog")
    dc = Datacube(index=index, storage_options={"s3_endpoint": moto_url})
    with pytest.raises(LoadError, match=f"dataset '{ds.id}' \\(s3://{bucket}/scene/red.tif\\)"):
        dc.load("cog")
