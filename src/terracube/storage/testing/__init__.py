"""Test helpers for storage, shipped for third-party backends, format drivers and tests.

- :class:`StoreTests`: the S3IO conformance suite (subclass it, supply ``store`` and
  ``backdoor`` fixtures);
- :class:`ReaderTests` and :class:`WriterTests`: the format-driver conformance suites (subclass
  one, supply the driver and a way to store data; see ``terracube.storage.testing._formats``);
- :func:`moto_server`: a moto S3 server on a free loopback port;
- :class:`FaultProxy` and :class:`Fault`: a loopback proxy that counts requests and injects
  server errors, dropped connections, truncated bodies and delays;
- :class:`ShapedProxy`: a loopback TCP proxy giving each connection a network's round-trip
  time and bandwidth (20 ms and 50 MiB/s by default);
- :class:`ObjectServer`: a read-only object server (GET and HEAD with ranges, kept-alive
  HTTP/1.1) serving copies of objects written through moto, for timing reads.

A backend's test module::

    import pytest
    from terracube.storage.testing import StoreTests

    class TestMyBackend(StoreTests):
        @pytest.fixture
        def store(self):
            with S3IO(my_config) as s3:
                yield s3

        @pytest.fixture
        def backdoor(self):
            return MyRawClient()
"""

from __future__ import annotations

from terracube.storage.testing._formats import ReaderTests, WriterTests
from terracube.storage.testing._moto import MOTO_CREDENTIALS, moto_server, reset_moto, set_moto_auth
from terracube.storage.testing._objectserver import ObjectServer
from terracube.storage.testing._proxy import Fault, FaultProxy, RequestRecord
from terracube.storage.testing._shaping import ShapedProxy
from terracube.storage.testing._suite import Backdoor, StoreTests

__all__ = [
    "MOTO_CREDENTIALS",
    "Backdoor",
    "Fault",
    "FaultProxy",
    "ObjectServer",
    "ReaderTests",
    "RequestRecord",
    "ShapedProxy",
    "StoreTests",
    "WriterTests",
    "moto_server",
    "reset_moto",
    "set_moto_auth",
]
