"""S3IO: the conformance suite on local disk and on a moto S3 server, plus what differs."""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import StorageAuthError, StorageRequestError, StorageTransientError
from terracube.storage.s3 import S3IO, S3Config
from terracube.storage.testing import StoreTests, set_moto_auth

from ._backdoors import BotoBackdoor, FileBackdoor

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class TestLocalStore(StoreTests):
    @pytest.fixture
    def root(self, tmp_path: Path) -> Path:
        return tmp_path / "store"

    @pytest.fixture
    def store(self, root: Path) -> Iterator[S3IO]:
        with S3IO(root.as_uri()) as s3:
            yield s3

    @pytest.fixture
    def backdoor(self, root: Path) -> FileBackdoor:
        return FileBackdoor(root)

    def test_plain_path_and_file_url_are_the_same_store(self, root: Path) -> None:
        with S3IO(str(root)) as a, S3IO(root.as_uri()) as b:
            a.create_bucket("same")
            a.put_bytes("same", "k", b"v")
            assert b.get_bytes("same", "k") == b"v"
            assert a.config == b.config

    def test_listing_hides_unfinished_writes(self, store: S3IO, root: Path) -> None:
        store.create_bucket("tmp-files")
        (root / "tmp-files" / ".tc-tmp-abc").write_bytes(b"half")
        store.put_bytes("tmp-files", "done", b"whole")
        assert store.list_objects("tmp-files") == ["done"]

    def test_key_that_is_also_a_prefix(self, store: S3IO) -> None:
        store.create_bucket("prefixes")
        store.put_bytes("prefixes", "a/b", b"x")
        with pytest.raises(StorageRequestError, match="a key cannot also be a prefix of other keys"):
            store.put_bytes("prefixes", "a", b"y")
        with pytest.raises(StorageRequestError, match="a key cannot also be a prefix of other keys"):
            store.put_bytes("prefixes", "a/b/c", b"z")

    def test_deleting_prunes_empty_directories(self, store: S3IO, root: Path) -> None:
        store.create_bucket("prune")
        store.put_bytes("prune", "deep/er/key", b"x")
        store.delete_objects("prune", ["deep/er/key"])
        assert list((root / "prune").iterdir()) == []

    def test_handles_are_local_stores(self, store: S3IO) -> None:
        store.create_bucket("handles")
        assert type(store.s3_resource()).__name__ == "LocalStore"
        assert type(store.s3_bucket("handles")).__name__ == "LocalStore"


class TestS3Store(StoreTests):
    @pytest.fixture
    def store(self, s3_config: S3Config) -> Iterator[S3IO]:
        with S3IO(s3_config) as s3:
            yield s3

    @pytest.fixture
    def backdoor(self, boto3_client: Any) -> BotoBackdoor:
        return BotoBackdoor(boto3_client)

    def test_handles_are_s3(self, store: S3IO, bucket: str) -> None:
        assert type(store.s3_bucket(bucket)).__name__ == "S3Store"
        client = store.s3_resource()  # the botocore client behind bucket and multipart calls
        assert bucket in [b["Name"] for b in client.list_buckets()["Buckets"]]

    def test_bad_credentials(self, moto_endpoint: str, s3_config: S3Config, bucket: str) -> None:
        bad = S3Config(endpoint=moto_endpoint, access_key_id="AKIDNOTKNOWN", secret_access_key="wrong")
        set_moto_auth(moto_endpoint, True)
        try:
            with S3IO(bad) as s3:
                with pytest.raises(
                    StorageAuthError, match=r"InvalidAccessKeyId.*check the access key and secret"
                ):
                    s3.get_bytes(bucket, "k")
                with pytest.raises(PermissionError, match="InvalidAccessKeyId"):
                    s3.put_bytes(bucket, "k", b"x")
                with pytest.raises(StorageAuthError, match=r"list buckets .* was refused"):
                    s3.list_buckets()
        finally:
            set_moto_auth(moto_endpoint, False)

    def test_unreachable_endpoint(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        config = S3Config(
            endpoint=f"http://127.0.0.1:{port}",
            access_key_id="a",
            secret_access_key="b",
            max_retries=1,
            backoff=0.01,
            connect_timeout=1.0,
            retry_timeout=5.0,
        )
        with S3IO(config) as s3:
            with pytest.raises(
                StorageTransientError,
                match=rf"get 'bucket/key' failed at S3 endpoint http://127.0.0.1:{port}",
            ):
                s3.get_bytes("bucket", "key")
            with pytest.raises(StorageTransientError, match="list buckets"):
                s3.list_buckets()
            with pytest.raises(ConnectionError):
                s3.create_bucket("bucket")

    def test_configured_from_environment(
        self, moto_endpoint: str, bucket: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        for name in list(os.environ):
            if name.startswith(("AWS_", "TERRACUBE_S3_")):
                monkeypatch.delenv(name)
        monkeypatch.setenv("TERRACUBE_S3_ENDPOINT", moto_endpoint)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        monkeypatch.setenv("TERRACUBE_S3_PATH_STYLE", "true")
        with S3IO() as s3:
            assert s3.config.endpoint == moto_endpoint
            assert s3.bucket_exists(bucket)
