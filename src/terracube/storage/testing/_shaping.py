"""A loopback TCP proxy that gives each connection a network's latency and bandwidth.

A server on this machine answers in microseconds and moves gigabytes a second on one
connection; an object store across a network takes tens of milliseconds per round trip and
tens of MiB/s per connection. What parallel requests buy shows only on the second kind.
:class:`ShapedProxy` sits in front of a local server (a moto S3 server, say) and makes each
connection behave like one over a real link: every byte is held for half the round-trip time
in each direction, and each direction of each connection carries at most ``bandwidth``
bytes a second. New connections wait one round trip, as a TCP handshake does. The proxy
listens on and connects to loopback addresses only.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Final

__all__ = ["ShapedProxy"]

_CHUNK: Final = 64 * 1024


class ShapedProxy:
    """A TCP proxy from a free loopback port to ``target``, with latency and bandwidth per connection.

    Use it as a context manager (or :meth:`start` and :meth:`close`); point clients at
    :attr:`endpoint` (or :attr:`port`).

    Parameters
    ----------
    target
        ``(host, port)`` of the server, on a loopback address.
    rtt
        Round-trip time in seconds (default 20 ms): half of it is added in each direction.
    bandwidth
        Bytes per second each direction of each connection carries (default 50 MiB/s);
        None: unlimited.

    Examples
    --------
    >>> import socket
    >>> server = socket.create_server(("127.0.0.1", 0))
    >>> with ShapedProxy(server.getsockname(), rtt=0.01) as proxy:
    ...     proxy.endpoint.startswith("http://127.0.0.1:")
    True
    >>> server.close()
    """

    def __init__(
        self, target: tuple[str, int], *, rtt: float = 0.020, bandwidth: float | None = 50 * 2**20
    ) -> None:
        host, port = target
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"ShapedProxy forwards to loopback addresses only, not {host!r}")
        if rtt < 0 or (bandwidth is not None and bandwidth <= 0):
            raise ValueError(f"rtt must be >= 0 and bandwidth > 0, got {rtt!r} and {bandwidth!r}")
        self.target = (host, int(port))
        self.rtt = float(rtt)
        self.bandwidth = bandwidth
        self.port = 0
        """The port the proxy listens on (0 until started)."""
        self.connections = 0
        """Connections accepted so far."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def endpoint(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ShapedProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> ShapedProxy:
        """Listen on a free loopback port, in a thread of its own."""
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        async def serve() -> None:
            self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(serve())
            loop.run_forever()

        self._loop = loop
        self._thread = threading.Thread(target=run, name="shaped-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the shaped proxy did not start")
        return self

    def close(self) -> None:
        """Stop listening, close every connection and the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return

        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            for t in list(self._tasks):
                t.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        self._loop = self._thread = None

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.connections += 1
        try:
            await asyncio.sleep(self.rtt)  # the handshake's round trip
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except (OSError, asyncio.CancelledError):
            writer.close()
            self._tasks.discard(task)
            return
        try:
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            for w in (writer, up_writer):
                with contextlib.suppress(Exception):
                    w.close()
            self._tasks.discard(task)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        """Carry one direction: each chunk leaves when the link is free, arrives half an RTT later."""
        loop = asyncio.get_running_loop()
        delay = self.rtt / 2
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        free_at = 0.0  # when the link has sent everything read so far

        async def deliver() -> None:
            while True:
                at, data = await queue.get()
                wait = at - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    with contextlib.suppress(OSError):
                        if dst.can_write_eof():
                            dst.write_eof()
                    return
                dst.write(data)
                await dst.drain()

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await src.read(_CHUNK)
                now = loop.time()
                start = max(now, free_at)
                free_at = start + (len(data) / self.bandwidth if self.bandwidth else 0.0)
                queue.put_nowait((free_at + delay, data))
                if not data:
                    break
                # Hold the reader back while the link is busy, as a full send window would.
                if free_at - now > delay + 0.05:
                    await asyncio.sleep(free_at - now - delay)
            await sender
        finally:
            sender.cancel()
