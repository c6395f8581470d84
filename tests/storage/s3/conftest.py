"""Stores for the array tests: local disk, the session's moto server, and moto behind a FaultProxy."""

from __future__ import annotations

import dataclasses
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from terracube.storage.s3 import S3IO, S3Config
from terracube.storage.testing import FaultProxy

from ._backdoors import BotoBackdoor, FileBackdoor

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MiB = 1024 * 1024


def new_bucket(store: S3IO) -> str:
    """A new empty bucket on `store`."""
    name = f"tc-{uuid.uuid4().hex[:20]}"
    store.create_bucket(name)
    return name


@pytest.fixture
def local_root(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def local_store(local_root: Path) -> Iterator[S3IO]:
    """S3IO on a local ``file://`` root (5 MiB parts, so multipart paths run on small data)."""
    with S3IO(S3Config.local(local_root.as_uri(), part_size=5 * MiB)) as s3:
        yield s3


@pytest.fixture
def local_backdoor(local_root: Path) -> FileBackdoor:
    return FileBackdoor(local_root)


@pytest.fixture
def s3_store(s3_config: S3Config) -> Iterator[S3IO]:
    """S3IO on the session's moto server (5 MiB parts)."""
    with S3IO(dataclasses.replace(s3_config, part_size=5 * MiB)) as s3:
        yield s3


@pytest.fixture
def s3_backdoor(boto3_client: Any) -> BotoBackdoor:
    return BotoBackdoor(boto3_client)


@pytest.fixture
def proxy(moto_endpoint: str) -> Iterator[FaultProxy]:
    """A FaultProxy in front of the moto server, recording every request."""
    with FaultProxy(moto_endpoint) as p:
        yield p


@pytest.fixture
def proxied_store(s3_config: S3Config, proxy: FaultProxy) -> Iterator[S3IO]:
    """S3IO talking to moto through `proxy` (5 MiB parts, fast retries)."""
    config = dataclasses.replace(s3_config, endpoint=proxy.endpoint, part_size=5 * MiB)
    with S3IO(config) as s3:
        yield s3
