"""A loopback HTTP proxy in front of an S3 endpoint that counts requests and injects faults.

Point a store at :attr:`FaultProxy.endpoint` instead of the server's own endpoint. Every
request is recorded (method, path, query, status returned), and faults added with
:meth:`FaultProxy.add_fault` replace or disturb the next matching requests: an error status
with an S3 error body, a connection dropped before or after the server saw the request, a
response cut off half way through its body, one byte flipped in a response or request body,
or a delay. A fault may fire on a random share of the matching requests. Each fault fires a
bounded number of times, and the proxy only listens on and forwards to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import http.client
import random
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal
from urllib.parse import urlsplit

__all__ = ["Fault", "FaultProxy", "RequestRecord"]

FaultKind = Literal["status", "drop", "drop_after", "truncate", "delay", "flip", "flip_request"]

#: Longest delay a fault may inject (seconds); keeps every test bounded in time.
MAX_DELAY = 10.0


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request the proxy received."""

    method: str
    """HTTP method."""
    path: str
    """Path, without the query string."""
    query: str
    """Raw query string (``uploads``, ``partNumber=1&uploadId=...``)."""
    status: int | None
    """Status sent back to the client; None when the connection was dropped."""
    fault: FaultKind | None
    """The fault applied to this request, if any."""
    range: str | None = None
    """The request's ``Range`` header (``bytes=0-99``), if it had one."""
    headers: tuple[tuple[str, str], ...] = ()
    """The request's headers, names in lower case, in arrival order."""

    def header(self, name: str) -> str | None:
        """The value of header `name` (any case), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k == wanted), None)


@dataclass(slots=True)
class Fault:
    """A fault applied to the next `times` requests that match."""

    kind: FaultKind
    """``status``: answer `status` with an S3 error body without forwarding. ``drop``: close
    the connection before forwarding. ``drop_after``: forward, then close without answering.
    ``truncate``: forward, send the headers and half the body, then close. ``delay``: wait
    `delay` seconds, then forward. ``flip``: forward, then answer with one bit of the body's
    byte at `offset` inverted. ``flip_request``: invert that bit of the request body before
    forwarding (a request without a body is forwarded unchanged)."""
    times: int = 1
    """How many matching requests the fault applies to."""
    method: str | None = None
    """Only requests with this method (None: any)."""
    path: str | None = None
    """Only requests whose ``path?query`` matches this regular expression (None: any)."""
    status: int = 500
    """Status for ``status`` faults."""
    delay: float = 0.0
    """Seconds for ``delay`` faults (at most :data:`MAX_DELAY`)."""
    offset: int | None = None
    """Byte of the body a ``flip`` fault damages (None: the middle one)."""
    probability: float = 1.0
    """Share of the matching requests the fault fires on (drawn from the proxy's seeded RNG)."""
    fired: int = field(default=0, init=False)
    """How many times the fault has fired so far."""

    def __post_init__(self) -> None:
        if not 0 <= self.delay <= MAX_DELAY:
            raise ValueError(f"fault delay must be within 0..{MAX_DELAY} s, got {self.delay!r}")
        if self.times < 1:
            raise ValueError(f"a fault fires at least once, got times={self.times!r}")
        if not 0.0 < self.probability <= 1.0:
            raise ValueError(f"fault probability must be within (0, 1], got {self.probability!r}")

    def matches(self, method: str, target: str) -> bool:
        """True when this fault still has shots left and matches the request."""
        if self.fired >= self.times:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.path is None or re.search(self.path, target) is not None


_HOP_HEADERS = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "upgrade"}

_ERROR_CODES = {500: "InternalError", 503: "SlowDown", 403: "AccessDenied", 404: "NoSuchKey"}


class FaultProxy:
    """A threaded loopback reverse proxy with programmable faults.

    Parameters
    ----------
    upstream
        The endpoint to forward to, on 127.0.0.1 (``http://127.0.0.1:PORT``).
    seed
        Seed of the generator that decides which requests a fault with a `probability`
        below 1 hits.

    Examples
    --------
    ``with FaultProxy(moto_endpoint) as proxy: proxy.add_fault(Fault("status", times=2))``
    """

    def __init__(self, upstream: str, *, seed: int = 0) -> None:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or parts.hostname != "127.0.0.1" or parts.port is None:
            raise ValueError(f"FaultProxy only forwards to http://127.0.0.1:PORT, got {upstream!r}")
        self._upstream = (parts.hostname, parts.port)
        self._lock = threading.Lock()
        self._random = random.Random(seed)
        self._faults: list[Fault] = []
        self._records: list[RequestRecord] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        """Start listening on 127.0.0.1 on a free port."""
        handler = _make_handler(self)
        server = _QuietServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        server.block_on_close = False
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and close the listening socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = None
            self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def endpoint(self) -> str:
        """The proxy's URL, to use as a store endpoint."""
        if self._server is None:
            raise RuntimeError("the proxy is not running; call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # --- faults and records -----------------------------------------------------------------------

    def add_fault(self, fault: Fault) -> Fault:
        """Queue `fault`; faults are tried in the order they were added."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Forget every fault and record."""
        with self._lock:
            self._faults.clear()
            self._records.clear()

    @property
    def records(self) -> list[RequestRecord]:
        """A copy of the requests seen so far, in arrival order."""
        with self._lock:
            return list(self._records)

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """How many recorded requests match `method` and the `path` regular expression."""
        return sum(
            1
            for r in self.records
            if (method is None or r.method == method)
            and (path is None or re.search(path, f"{r.path}?{r.query}") is not None)
        )

    def _take_fault(self, method: str, target: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, target) and (
                    fault.probability >= 1.0 or self._random.random() < fault.probability
                ):
                    fault.fired += 1
                    return fault
        return None

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-request is expected here


def _make_handler(proxy: FaultProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 30

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _read_body(self) -> bytes:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        break
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
                return b"".join(chunks)
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _drop(self) -> None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def _handle(self) -> None:
            try:
                self._forward()
            except (ConnectionError, TimeoutError, OSError):
                # the client went away (it timed out, or a fault cut the line): nothing to answer
                self.close_connection = True

        def _forward(self) -> None:
            method = self.command
            target = self.path
            path, _, query = target.partition("?")
            byte_range = self.headers.get("Range")
            seen = tuple((k.lower(), v) for k, v in self.headers.items())
            body = self._read_body()
            fault = proxy._take_fault(method, target)
            kind = fault.kind if fault else None
            if fault is not None and kind == "delay":
                time.sleep(fault.delay)
            if fault is not None and kind == "status":
                code = _ERROR_CODES.get(fault.status, "InternalError")
                payload = (
                    f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
                    f"<Message>injected by FaultProxy</Message></Error>"
                ).encode()
                proxy._record(RequestRecord(method, path, query, fault.status, kind, byte_range, seen))
                self.send_response(fault.status)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if method != "HEAD":
                    self.wfile.write(payload)
                return
            if kind == "drop":
                proxy._record(RequestRecord(method, path, query, None, kind, byte_range, seen))
                self._drop()
                return
            if fault is not None and kind == "flip_request" and body:
                body = _flip(body, fault.offset)
            conn = http.client.HTTPConnection(*proxy._upstream, timeout=60)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS}
                if body or method in ("PUT", "POST"):
                    headers["Content-Length"] = str(len(body))
                conn.request(method, target, body=body or None, headers=headers)
                response = conn.getresponse()
                data = response.read()
                status = response.status
                out_headers = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP_HEADERS]
            finally:
                conn.close()
            if kind == "drop_after":
                proxy._record(RequestRecord(method, path, query, None, kind, byte_range, seen))
                self._drop()
                return
            truncated = kind == "truncate" and method != "HEAD"
            # record before answering: a client may act on the headers alone (an empty body)
            proxy._record(
                RequestRecord(method, path, query, None if truncated else status, kind, byte_range, seen)
            )
            self.send_response_only(status)
            has_length = False
            for key, value in out_headers:
                if key.lower() == "content-length":
                    has_length = True
                self.send_header(key, value)
            if not has_length:
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if method == "HEAD":
                return
            if truncated:
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self._drop()
                return
            if fault is not None and kind == "flip" and data:
                data = _flip(data, fault.offset)
            self.wfile.write(data)

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

    return Handler


def _flip(data: bytes, offset: int | None) -> bytes:
    """`data` with the lowest bit of the byte at `offset` (the middle one by default) inverted."""
    at = len(data) // 2 if offset is None else min(max(offset, 0), len(data) - 1)
    damaged = bytearray(data)
    damaged[at] ^= 0x01
    return bytes(damaged)
