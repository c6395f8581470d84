"""Session fixtures for the storage tests: one moto S3 server on a free loopback port."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from terracube.storage.s3 import S3Config
from terracube.storage.testing import MOTO_CREDENTIALS, moto_server

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Fast retries so fault tests stay short.
FAST_RETRIES: dict[str, Any] = {
    "max_retries": 3,
    "backoff": 0.01,
    "max_backoff": 0.05,
    "retry_timeout": 15.0,
    "timeout": 10.0,
    "connect_timeout": 2.0,
}


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """``http://127.0.0.1:PORT`` of a moto S3 server running for the whole session."""
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture(scope="session")
def s3_config(moto_endpoint: str) -> S3Config:
    """A store configuration for the session's moto server."""
    return S3Config(endpoint=moto_endpoint, **MOTO_CREDENTIALS, **FAST_RETRIES)


@pytest.fixture(scope="session")
def boto3_client(moto_endpoint: str) -> Any:
    """A boto3 S3 client on the moto server: the backdoor that bypasses terracube."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        aws_access_key_id=MOTO_CREDENTIALS["access_key_id"],
        aws_secret_access_key=MOTO_CREDENTIALS["secret_access_key"],
        region_name=MOTO_CREDENTIALS["region"],
    )
