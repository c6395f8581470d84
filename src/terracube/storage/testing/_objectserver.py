"""A read-only object server for benchmarks: GET and HEAD with ranges, over kept-alive HTTP/1.1.

moto is an S3 server for correctness, not for timing reads: its werkzeug server closes the
connection after every answer (``Connection: close``, under HTTP/1.0 and HTTP/1.1 alike), so
each request pays a new connection's handshake; and it serves each ranged GET by copying the
whole object under a lock, so parallel ranged reads of one large object run one after another.
A store across a network does neither. :class:`ObjectServer` serves copies of objects first
written through moto (or any S3 endpoint) as an object store would for reads:

* ``GET`` and ``HEAD`` of ``/<bucket>/<key>`` (path style; ``HEAD /<bucket>`` too), with
  ``Range: bytes=a-b``, ``bytes=a-`` and ``bytes=-n`` (206 with ``Content-Range``; 416 past
  the end);
* the headers S3 clients read, copied from the source: ``ETag``, ``Last-Modified``,
  ``Content-Type`` and every ``x-amz-meta-*`` (terracube's checksum record travels there);
* HTTP/1.1 with keep-alive, one thread per connection, so a client's connection pool is
  reused as it would be against S3;
* any signature, or none: requests are not checked. Anything else gets ``501``.

A missing object is a ``404`` with S3's ``NoSuchKey`` error document (``NoSuchBucket`` when
no object of its bucket is served). The objects live in memory; keep them to a benchmark's
size.

>>> with moto_server() as moto, ObjectServer() as server:  # doctest: +SKIP
...     ...  # write through moto
...     server.copy_bucket(S3IO(S3Config(endpoint=moto, ...)), "bucket")
...     reader = S3IO(S3Config(endpoint=server.endpoint, unsigned=True))
"""

from __future__ import annotations

import http.server
import re
import socketserver
import threading
import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from terracube.storage.s3 import S3IO

__all__ = ["ObjectServer"]

_RANGE: Final = re.compile(r"bytes=(\d*)-(\d*)$")
_COPIED: Final = ("etag", "last-modified", "content-type", "cache-control", "content-encoding")


@dataclass(frozen=True)
class _Object:
    data: bytes
    headers: tuple[tuple[str, str], ...]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive unless the client says close
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: a benchmark makes thousands of requests

    def _target(self) -> tuple[str, str]:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        bucket, _, key = path.lstrip("/").partition("/")
        return bucket, key

    def _error(self, status: int, code: str, message: str, body: bool = True) -> None:
        text = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
            f"<Message>{message}</Message></Error>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        if body:
            self.wfile.write(text)

    def _empty(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _answer(self, body: bool) -> None:
        self._drain_body()
        bucket, key = self._target()
        with self.server.lock:
            self.server.requests += 1
            obj = self.server.objects.get((bucket, key))
            known = obj is not None or any(b == bucket for b, _ in self.server.objects)
        if not key and known and not body:  # HEAD of a bucket: it exists
            self._empty(200)
            return
        if not key and body:
            self._error(501, "NotImplemented", "this read-only test server does not list buckets")
            return
        if obj is None:
            if known:
                self._error(404, "NoSuchKey", "The specified key does not exist.", body)
            else:
                self._error(404, "NoSuchBucket", "The specified bucket does not exist.", body)
            return
        size = len(obj.data)
        start, stop = 0, size
        wanted = self.headers.get("Range")
        match = _RANGE.match(wanted.strip()) if wanted else None
        if match:
            first, last = match.groups()
            if first:
                start = int(first)
                stop = min(size, int(last) + 1) if last else size
            elif last:
                start = max(0, size - int(last))
            if start >= size or stop <= start:
                self._error(416, "InvalidRange", "The requested range is not satisfiable", body)
                return
        self.send_response(206 if match else 200)
        for name, value in obj.headers:
            self.send_header(name, value)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(stop - start))
        if match:
            self.send_header("Content-Range", f"bytes {start}-{stop - 1}/{size}")
        self.end_headers()
        if body:
            self.wfile.write(memoryview(obj.data)[start:stop])

    def _drain_body(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _refuse(self) -> None:
        self._drain_body()
        self._error(501, "NotImplemented", f"this read-only test server does not serve {self.command}")

    do_PUT = do_POST = do_DELETE = _refuse


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.objects: dict[tuple[str, str], _Object] = {}
        self.requests = 0
        self.connections = 0

    def process_request(self, request: object, client_address: object) -> None:
        with self.lock:
            self.connections += 1
        super().process_request(request, client_address)  # type: ignore[arg-type]


class ObjectServer:
    """Serves copies of S3 objects for reading, on a free loopback port (see the module).

    Use it as a context manager (or :meth:`start` and :meth:`close`); put objects in with
    :meth:`copy_bucket` or :meth:`put`; point readers at :attr:`endpoint` with path-style
    addressing.
    """

    def __init__(self) -> None:
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None:
            raise RuntimeError("the object server is not started; call start() first")
        return int(self._server.server_address[1])

    @property
    def endpoint(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def connections(self) -> int:
        """Connections accepted so far."""
        return self._server.connections if self._server is not None else 0

    @property
    def requests(self) -> int:
        """GET and HEAD requests answered so far."""
        return self._server.requests if self._server is not None else 0

    def __enter__(self) -> ObjectServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> ObjectServer:
        """Listen on a free loopback port, in a thread of its own."""
        self._server = _Server()
        self._thread = threading.Thread(target=self._server.serve_forever, name="object-server", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving (connections still open end with their threads)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(10)
        self._server = self._thread = None

    def put(self, bucket: str, key: str, data: bytes, headers: dict[str, str] | None = None) -> None:
        """Serve `data` as ``bucket/key`` with these answer headers (``ETag``, ``x-amz-meta-*``...)."""
        if self._server is None:
            raise RuntimeError("the object server is not started; call start() first")
        obj = _Object(bytes(data), tuple((headers or {}).items()))
        with self._server.lock:
            self._server.objects[(bucket, key)] = obj

    def copy_bucket(self, source: S3IO, bucket: str, prefix: str = "") -> int:
        """Copy every object of `bucket` under `prefix` from the S3 store `source`; return how many.

        One GET per object through the store's botocore client, keeping the bytes and the
        answer headers listed in the module docstring as the source sent them.
        """
        client = source.s3_resource()
        keys = source.list_objects(bucket, prefix)
        for key in keys:
            answer = client.get_object(Bucket=bucket, Key=key)
            data = answer["Body"].read()
            sent = answer["ResponseMetadata"]["HTTPHeaders"]
            headers = {
                name: value
                for name, value in sent.items()
                if name.lower() in _COPIED or name.lower().startswith("x-amz-meta-")
            }
            self.put(bucket, key, data, headers)
        return len(keys)
