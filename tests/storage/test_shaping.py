"""The shaping proxy really delays: a round trip takes its RTT, a transfer its bandwidth."""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING

import pytest

from terracube.storage.testing import ShapedProxy

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def echo() -> Iterator[tuple[str, int]]:
    """A loopback server that sends back what it receives."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return

            def one(c: socket.socket) -> None:
                with c:
                    while data := c.recv(65536):
                        c.sendall(data)

            threading.Thread(target=one, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()
    server.close()


def _round_trip(port: int, payload: bytes) -> tuple[float, float]:
    """(seconds to connect, seconds to send ``payload`` and read it all back)."""
    t = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as s:
        connected = time.perf_counter() - t
        t = time.perf_counter()
        sender = threading.Thread(target=s.sendall, args=(payload,))
        sender.start()
        got = 0
        while got < len(payload):
            got += len(s.recv(1 << 20))
        sender.join()
        return connected, time.perf_counter() - t


def test_round_trips_take_the_rtt(echo: tuple[str, int]) -> None:
    with ShapedProxy(echo, rtt=0.1, bandwidth=None) as proxy:
        _, direct = _round_trip(echo[1], b"x")
        t = time.perf_counter()
        _, shaped = _round_trip(proxy.port, b"x")
        first = time.perf_counter() - t
    assert direct < 0.05
    assert 0.1 <= shaped < 0.5  # one RTT for the request and its answer
    assert first >= 0.2  # the handshake's RTT as well


def test_transfers_take_the_bandwidth(echo: tuple[str, int]) -> None:
    payload = b"y" * (4 * 2**20)
    with ShapedProxy(echo, rtt=0.0, bandwidth=8 * 2**20) as proxy:
        _, secs = _round_trip(proxy.port, payload)
    # 4 MiB each way at 8 MiB/s, the two directions overlapping: at least half a second.
    assert 0.5 <= secs < 5


def test_connections_are_shaped_each_on_its_own(echo: tuple[str, int]) -> None:
    payload = b"z" * (2 * 2**20)
    with ShapedProxy(echo, rtt=0.0, bandwidth=4 * 2**20) as proxy:
        t = time.perf_counter()
        threads = [threading.Thread(target=_round_trip, args=(proxy.port, payload)) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        secs = time.perf_counter() - t
        assert proxy.connections == 4
    # Four connections at 4 MiB/s each run side by side: about as long as one (0.5 s), not four.
    assert 0.5 <= secs < 1.6


def test_only_loopback_targets() -> None:
    with pytest.raises(ValueError, match="loopback addresses only"):
        ShapedProxy(("10.0.0.1", 80))
