"""Raw access to the test backends: boto3 for the moto server, file IO for local disk."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

TMP_PREFIX = ".tc-tmp-"


class BotoBackdoor:
    """Objects through boto3, straight to the server."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def put(self, bucket: str, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=bucket, Key=key, Body=data)

    def get(self, bucket: str, key: str) -> bytes | None:
        try:
            return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()  # type: ignore[no-any-return]
        except self.client.exceptions.NoSuchKey:
            return None

    def keys(self, bucket: str) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def pending_uploads(self, bucket: str) -> list[str]:
        uploads = self.client.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
        return sorted(u["Key"] for u in uploads)

    def damage(self, bucket: str, key: str, offset: int) -> None:
        """Flip one bit of the stored object at `offset`, keeping its metadata (rot at rest)."""
        answer = self.client.get_object(Bucket=bucket, Key=key)
        data = bytearray(answer["Body"].read())
        data[offset] ^= 0x01
        self.client.put_object(Bucket=bucket, Key=key, Body=bytes(data), Metadata=answer["Metadata"])

    def truncate(self, bucket: str, key: str, size: int) -> None:
        """Cut the stored object to `size` bytes, keeping its metadata."""
        answer = self.client.get_object(Bucket=bucket, Key=key)
        data = answer["Body"].read()[:size]
        self.client.put_object(Bucket=bucket, Key=key, Body=data, Metadata=answer["Metadata"])

    def strip_record(self, bucket: str, key: str) -> None:
        """Rewrite the object without its metadata, as another tool would have written it."""
        data = self.client.get_object(Bucket=bucket, Key=key)["Body"].read()
        self.client.put_object(Bucket=bucket, Key=key, Body=data)


class FileBackdoor:
    """Objects as plain files under the root."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def put(self, bucket: str, key: str, data: bytes) -> None:
        path = self.root / bucket / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def get(self, bucket: str, key: str) -> bytes | None:
        path = self.root / bucket / key
        return path.read_bytes() if path.is_file() else None

    def _files(self, bucket: str) -> list[str]:
        base = self.root / bucket
        return sorted(
            os.path.relpath(os.path.join(d, f), base).replace(os.sep, "/")
            for d, _, fs in os.walk(base)
            for f in fs
        )

    def keys(self, bucket: str) -> list[str]:
        return [k for k in self._files(bucket) if not k.rsplit("/", 1)[-1].startswith(TMP_PREFIX)]

    def pending_uploads(self, bucket: str) -> list[str]:
        return [k for k in self._files(bucket) if k.rsplit("/", 1)[-1].startswith(TMP_PREFIX)]

    def damage(self, bucket: str, key: str, offset: int) -> None:
        """Flip one bit of the file at `offset`, in place (its extended attributes stay)."""
        with open(self.root / bucket / key, "r+b") as f:
            f.seek(offset)
            byte = f.read(1)[0]
            f.seek(offset)
            f.write(bytes([byte ^ 0x01]))

    def truncate(self, bucket: str, key: str, size: int) -> None:
        """Cut the file to `size` bytes, in place."""
        os.truncate(self.root / bucket / key, size)

    def strip_record(self, bucket: str, key: str) -> None:
        """Drop the file's checksum record, as a copy without extended attributes would."""
        os.removexattr(self.root / bucket / key, "user.terracube.crc32c")
