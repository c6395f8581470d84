"""``terracube storage uploads``: incomplete multipart uploads on local disk and on a moto server."""

from __future__ import annotations

import json
import os
import time
from typing import TYPE_CHECKING

import pytest

from terracube.cli._storage import parse_age
from terracube.storage.s3 import S3IO
from terracube.storage.testing import MOTO_CREDENTIALS, moto_server

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from click.testing import Result

MiB = 1024 * 1024


@pytest.fixture
def local_store(tmp_path: Path) -> Iterator[tuple[Path, S3IO]]:
    root = tmp_path / "store"
    with S3IO(root.as_uri()) as s3:
        s3.create_bucket("cube")
        yield root, s3


def test_local_uploads_listed_and_aborted_by_age(
    run: Callable[..., Result], local_store: tuple[Path, S3IO]
) -> None:
    root, s3 = local_store
    old = s3.backend.mpu_start("cube", "bands/old", 5 * MiB)
    s3.backend.mpu_start("cube", "bands/new", 5 * MiB)
    s3.backend.mpu_start("cube", "elsewhere", 5 * MiB)
    stale = time.time() - 3 * 86400
    os.utime(root / "cube" / "bands" / old.upload_id, (stale, stale))

    listed = run("storage", "uploads", str(root), "cube", "--prefix", "bands/", "--format", "json")
    assert [row["key"] for row in json.loads(listed.stdout)] == ["bands/new", "bands/old"]
    assert "found 2 incomplete upload(s) in 'cube'" in listed.stderr

    aged = run("storage", "uploads", root.as_uri(), "cube", "--older-than", "2d", "--format", "json")
    (row,) = json.loads(aged.stdout)
    assert (row["key"], row["upload_id"], row["age"]) == ("bands/old", old.upload_id, "3d")

    aborted = run("storage", "uploads", str(root), "cube", "--older-than", "2d", "--abort")
    assert "bands/old" in aborted.stdout and "aborted 1 incomplete upload(s)" in aborted.stderr
    assert [u.key for u in s3.list_incomplete_uploads("cube")] == ["bands/new", "elsewhere"]


def test_abort_needs_an_age(run: Callable[..., Result], local_store: tuple[Path, S3IO]) -> None:
    root, _ = local_store
    result = run("storage", "uploads", str(root), "cube", "--abort", code=2)
    assert "--abort needs --older-than" in result.stderr
    result = run("storage", "uploads", str(root), "cube", "--older-than", "soon", code=2)
    assert "'soon' is not an age" in result.stderr


def test_missing_bucket_is_one_line(run: Callable[..., Result], local_store: tuple[Path, S3IO]) -> None:
    root, _ = local_store
    result = run("storage", "uploads", str(root), "nope-bucket", code=1)
    assert result.stderr.startswith("Error: bucket 'nope-bucket' does not exist")
    assert "Traceback" not in result.stderr


def test_unreachable_endpoint_is_one_line(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as sock:  # a port with nothing listening on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    endpoint = f"http://127.0.0.1:{port}"
    result = run("storage", "uploads", "s3://", "cube", "--endpoint", endpoint, code=1)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"Error: list multipart uploads 'cube' failed at S3 endpoint {endpoint}")
    assert result.stdout == ""


def test_s3_uploads(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    import boto3

    with moto_server() as endpoint:
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=MOTO_CREDENTIALS["access_key_id"],
            aws_secret_access_key=MOTO_CREDENTIALS["secret_access_key"],
            region_name=MOTO_CREDENTIALS["region"],
        )
        client.create_bucket(Bucket="cube")
        upload = client.create_multipart_upload(Bucket="cube", Key="bands/red")["UploadId"]
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", MOTO_CREDENTIALS["access_key_id"])
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", MOTO_CREDENTIALS["secret_access_key"])
        listed = run("storage", "uploads", "s3://", "cube", "--endpoint", endpoint, "--format", "csv")
        assert listed.stdout.splitlines()[0] == "key,upload_id,initiated,age"
        assert f"bands/red,{upload}," in listed.stdout
        run("storage", "uploads", "s3://", "cube", "--endpoint", endpoint, "--older-than", "1h", "--abort")
        assert client.list_multipart_uploads(Bucket="cube").get("Uploads", []) == []


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("90s", 90), ("30m", 1800), ("1.5h", 5400), ("2w", 1209600)]
)
def test_parse_age(text: str, seconds: float) -> None:
    assert parse_age(text).total_seconds() == seconds
