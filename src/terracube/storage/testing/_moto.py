"""A moto S3 server on a free loopback port, for tests and benchmarks.

>>> with moto_server() as endpoint:  # doctest: +SKIP
...     store = S3IO(S3Config(endpoint=endpoint, access_key_id="testing",
...                           secret_access_key="testing"))
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import urllib.request
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["MOTO_CREDENTIALS", "moto_server", "set_moto_auth"]

#: Credentials moto accepts while authentication is off (its default).
MOTO_CREDENTIALS = {"access_key_id": "testing", "secret_access_key": "testing", "region": "us-east-1"}


#: The child process: serve on a free port, print the endpoint, stop when stdin closes.
_SERVER_PROCESS = """
import logging
import sys
logging.getLogger("werkzeug").setLevel(logging.ERROR)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
print(f"http://{host}:{port}", flush=True)
sys.stdin.read()
server.stop()
"""


@contextlib.contextmanager
def moto_server() -> Iterator[str]:
    """Run moto's S3 server on 127.0.0.1, port 0, in a child process; yield its endpoint URL.

    A child process, not a thread: a client that holds the GIL while it waits for an answer
    (GDAL reading through rasterio does) would otherwise wait forever for a server thread that
    needs the GIL to answer. The child stops when this context exits, or when its parent dies
    (its stdin closes).

    Yields
    ------
    str
        ``http://127.0.0.1:PORT`` with the port the server bound.
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER_PROCESS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        endpoint = proc.stdout.readline().strip()
        if not endpoint.startswith("http://"):
            raise RuntimeError(f"moto's S3 server did not start (exit status {proc.poll()})")
        yield endpoint
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def set_moto_auth(endpoint: str, enabled: bool) -> None:
    """Turn moto's credential checks on or off (they are off by default).

    With checks on, requests signed with an unknown access key are refused with 403
    ``InvalidAccessKeyId``. The setting is process-wide in moto: turn it off again.
    """
    count = b"0" if enabled else b"inf"
    # A form content type (urllib's default) would leave the raw body unread by the server.
    request = urllib.request.Request(
        f"{endpoint}/moto-api/reset-auth",
        data=count,
        method="POST",
        headers={"Content-Type": "text/plain"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        json.load(response)


def reset_moto(endpoint: str) -> None:
    """Delete every bucket and object on the moto server."""
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
