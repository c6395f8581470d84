"""A small signed S3 REST client for what obstore does not offer.

obstore covers objects (get, ranged get, put, list, delete, head). Bucket operations and an
explicit multipart upload (create, upload part, complete, *abort*) go through this client:
AWS Signature Version 4 over ``http.client``, with a pool of keep-alive connections, retries
on transient failures and the error mapping of :mod:`._errors`.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import ssl
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from terracube.storage.s3._errors import HTTPStatusError
from terracube.storage.s3._retry import RetryPolicy, TransientError, retry_call

if TYPE_CHECKING:
    from collections.abc import Mapping

    from terracube.storage.s3.config import S3Config

__all__ = ["Response", "RestClient"]

_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_SIGNED_BODY_LIMIT = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """A 2xx answer."""

    status: int
    """HTTP status."""
    headers: dict[str, str]
    """Response headers, names lower-cased."""
    body: bytes
    """Response body."""

    def xml(self) -> ET.Element:
        """The body parsed as XML."""
        return ET.fromstring(self.body)


def _sign(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def find_text(element: ET.Element, path: str) -> list[str]:
    """Texts at `path` (``"Bucket/Name"``: tag names without namespace) anywhere below `element`.

    Examples
    --------
    >>> root = ET.fromstring('<A xmlns="urn:x"><B><C>1</C></B><B><C>2</C></B></A>')
    >>> find_text(root, "B/C")
    ['1', '2']
    """
    first, *rest = path.strip("./").split("/")
    found = [e for e in element.iter() if _local(e.tag) == first]
    for name in rest:
        found = [child for e in found for child in e if _local(child.tag) == name]
    return [e.text or "" for e in found]


class RestClient:
    """Signed requests to one S3 endpoint. Thread-safe; close it to drop idle connections."""

    def __init__(self, config: S3Config) -> None:
        self._config = config
        self._policy = RetryPolicy.from_config(config)
        parts = urlsplit(config.effective_endpoint)
        self._scheme = parts.scheme
        self._host = parts.hostname or ""
        self._port = parts.port
        self._netloc = parts.netloc
        self._lock = threading.Lock()
        self._idle: dict[str, list[http.client.HTTPConnection]] = {}
        self._closed = False

    # --- connections ------------------------------------------------------------------------------

    def _connect(self, host: str) -> http.client.HTTPConnection:
        timeout = self._config.timeout or None
        if self._scheme == "https":
            return http.client.HTTPSConnection(
                host, self._port, timeout=timeout, context=ssl.create_default_context()
            )
        return http.client.HTTPConnection(host, self._port, timeout=timeout)

    def _acquire(self, host: str) -> http.client.HTTPConnection:
        with self._lock:
            idle = self._idle.get(host)
            if idle:
                return idle.pop()
        return self._connect(host)

    def _release(self, host: str, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            if not self._closed and len(self._idle.setdefault(host, [])) < self._config.max_workers:
                self._idle[host].append(conn)
                return
        conn.close()

    def close(self) -> None:
        """Close the idle connections; the client still works afterwards (new ones open)."""
        with self._lock:
            conns = [c for idle in self._idle.values() for c in idle]
            self._idle.clear()
        for conn in conns:
            conn.close()

    # --- addressing and signing -----------------------------------------------------------------

    def _host_and_path(self, bucket: str | None, key: str | None) -> tuple[str, str]:
        path_key = "/" + quote(key, safe="/~") if key else ""
        if bucket is None:
            return self._host, "/"
        if self._config.effective_path_style:
            return self._host, f"/{bucket}{path_key}"
        return f"{bucket}.{self._host}", path_key or "/"

    def _headers(
        self,
        method: str,
        host: str,
        path: str,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        payload_hash: str,
    ) -> dict[str, str]:
        config = self._config
        amz_date = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        netloc_host = host if self._port is None else f"{host}:{self._port}"
        out = {"host": netloc_host, "x-amz-date": amz_date, "x-amz-content-sha256": payload_hash}
        out.update({k.lower(): v for k, v in headers.items()})
        if config.requester_pays:
            out["x-amz-request-payer"] = "requester"
        if config.unsigned:
            return out
        if config.session_token:
            out["x-amz-security-token"] = config.session_token
        if config.access_key_id is None or config.secret_access_key is None:
            return out
        canonical_query = "&".join(
            f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(query.items())
        )
        signed = sorted(out)
        canonical_headers = "".join(f"{name}:{' '.join(out[name].split())}\n" for name in signed)
        signed_headers = ";".join(signed)
        canonical = "\n".join(
            [method, path, canonical_query, canonical_headers, signed_headers, payload_hash]
        )
        scope = f"{amz_date[:8]}/{config.effective_region}/s3/aws4_request"
        to_sign = "\n".join(
            ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
        )
        key = _sign(f"AWS4{config.secret_access_key}".encode(), amz_date[:8])
        for part in (config.effective_region, "s3", "aws4_request"):
            key = _sign(key, part)
        signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        out["authorization"] = (
            f"AWS4-HMAC-SHA256 Credential={config.access_key_id}/{scope}, "
            f"SignedHeaders={signed_headers}, Signature={signature}"
        )
        return out

    # --- requests -------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        bucket: str | None = None,
        key: str | None = None,
        *,
        query: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | memoryview = b"",
        ok: tuple[int, ...] = (200, 204),
    ) -> Response:
        """Send one signed request, retrying transient failures.

        Parameters
        ----------
        method
            HTTP method.
        bucket, key
            What to address; no bucket means the service (list buckets).
        query
            Query parameters (``{"uploads": ""}``).
        headers
            Extra headers, signed too.
        body
            Request body.
        ok
            Statuses that count as success.

        Returns
        -------
        Response

        Raises
        ------
        HTTPStatusError
            For a 4xx answer or a 5xx one that outlived the retries.
        TransientError
            For connection failures that outlived the retries.
        """
        query = dict(query or {})
        data = body
        # Small bodies are signed; large ones (parts) go as UNSIGNED-PAYLOAD, which S3 documents.
        if not len(data):
            payload_hash = _EMPTY_SHA256
        elif len(data) <= _SIGNED_BODY_LIMIT:
            payload_hash = hashlib.sha256(data).hexdigest()
        else:
            payload_hash = "UNSIGNED-PAYLOAD"
        host, path = self._host_and_path(bucket, key)
        url = path + (
            "?"
            + "&".join(
                f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" if v else quote(k, safe="-_.~")
                for k, v in query.items()
            )
            if query
            else ""
        )

        def attempt() -> Response:
            signed = self._headers(method, host, path, query, headers or {}, payload_hash)
            signed["content-length"] = str(len(data))
            conn = self._acquire(host)
            try:
                conn.request(method, url, body=data if len(data) else None, headers=signed)
                response = conn.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                raise TransientError(f"{method} {path}: connection failed: {exc!r}") from exc
            result_headers = {k.lower(): v for k, v in response.getheaders()}
            if response.will_close:
                conn.close()
            else:
                self._release(host, conn)
            status = response.status
            if status in ok:
                if b"<Error>" in payload[:512] and method == "POST":
                    # CompleteMultipartUpload may fail after a 200 status: the error is in the body.
                    code = _xml_code(payload)
                    raise TransientError(f"{method} {path}: {code}", status=500, code=code)
                return Response(status, result_headers, payload)
            code = _xml_code(payload)
            message = f"{method} {path} answered {status} {code or ''}".strip()
            if status >= 500 or code in ("SlowDown", "RequestTimeout"):
                raise TransientError(message, status=status, code=code)
            raise HTTPStatusError(status, code, message)

        return retry_call(
            attempt,
            self._policy,
            is_transient=lambda e: isinstance(e, TransientError),
            what=f"{method} {path}",
        )


def _xml_code(payload: bytes) -> str | None:
    try:
        root = ET.fromstring(payload)
    except ET.ParseError:
        return None
    codes = find_text(root, "Code")
    return codes[0] if codes else None
