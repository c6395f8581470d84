"""The s3aio reader and writer through the shared format-driver suites, on local disk and on S3 (moto)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.storage.s3aio import S3AIOReaderDriver, S3AIOWriterDriver
from terracube.storage.testing import MOTO_CREDENTIALS, ReaderTests, WriterTests

from .._formats import as_dataset, band_info

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import numpy as np
    from odc.geo.geobox import GeoBox

    from terracube.storage.bands import BandInfo


def _write_with_s3aio(
    location: str, config: dict[str, Any]
) -> Callable[[np.ndarray, GeoBox, Any], list[BandInfo]]:
    def write(data: np.ndarray, gbox: GeoBox, nodata: Any) -> list[BandInfo]:
        writer = S3AIOWriterDriver()
        uri = writer.mk_uri(f"{location}/unit-{uuid.uuid4().hex[:8]}", config)
        stored = writer.write_dataset_to_storage(
            as_dataset(data, gbox, nodata), uri, storage_config={**config, "chunks": {"y": 16, "x": 16}}
        )
        options = tuple(sorted(config.items()))
        return [
            band_info(uri + stored["b"]["path"], data, gbox, nodata, t, "aio",
                      driver_data=stored["b"]["driver_data"], storage_options=options)
            for t in range(len(data))
        ]  # fmt: skip

    return write


@pytest.fixture
def moto_bucket(moto_endpoint: str, boto3_client: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh bucket on the session's moto server; credentials in the environment."""
    for var in ("TERRACUBE_S3_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", MOTO_CREDENTIALS["access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", MOTO_CREDENTIALS["secret_access_key"])
    bucket = f"aio-{uuid.uuid4().hex[:10]}"
    boto3_client.create_bucket(Bucket=bucket)
    return bucket


class TestS3AIOReaderOnDisk(ReaderTests):
    @pytest.fixture
    def reader(self) -> S3AIOReaderDriver:
        return S3AIOReaderDriver()

    @pytest.fixture
    def write_bands(self, tmp_path: Path) -> Callable[[np.ndarray, GeoBox, Any], list[BandInfo]]:
        return _write_with_s3aio(str(tmp_path), {})


class TestS3AIOReaderOnS3(ReaderTests):
    @pytest.fixture
    def reader(self) -> S3AIOReaderDriver:
        return S3AIOReaderDriver()

    @pytest.fixture
    def write_bands(
        self, moto_endpoint: str, moto_bucket: str
    ) -> Callable[[np.ndarray, GeoBox, Any], list[BandInfo]]:
        return _write_with_s3aio(f"s3://{moto_bucket}/cube", {"s3_endpoint": moto_endpoint})

    @pytest.fixture(autouse=True)
    def _raw_client(self, boto3_client: Any) -> None:
        self.client = boto3_client

    def remove_data(self, band: BandInfo) -> None:
        bucket, _, prefix = band.uri.removeprefix("s3://").partition("/")
        for obj in self.client.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", []):
            self.client.delete_object(Bucket=bucket, Key=obj["Key"])


class TestS3AIOWriterOnDisk(WriterTests):
    @pytest.fixture
    def writer(self) -> S3AIOWriterDriver:
        return S3AIOWriterDriver()

    @pytest.fixture
    def reader(self) -> S3AIOReaderDriver:
        return S3AIOReaderDriver()

    @pytest.fixture
    def location(self, tmp_path: Path) -> str:
        return str(tmp_path)


class TestS3AIOWriterOnS3(TestS3AIOWriterOnDisk):
    @pytest.fixture
    def location(self, moto_bucket: str) -> str:
        return f"s3://{moto_bucket}/cube"

    @pytest.fixture
    def storage_config(self, moto_endpoint: str) -> dict[str, Any]:
        return {"s3_endpoint": moto_endpoint, "chunks": {"y": 16, "x": 32}}
