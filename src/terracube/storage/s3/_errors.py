"""The one place where backend failures become terracube errors.

obstore (S3 objects), botocore (bucket operations and multipart uploads) and the local file
system each fail in their own way; :func:`storage_error` folds them into
:class:`~terracube.errors.ObjectNotFoundError`, :class:`~terracube.errors.BucketNotFoundError`,
:class:`~terracube.errors.StorageAuthError`, :class:`~terracube.errors.StorageTransientError`
or :class:`~terracube.errors.StorageError`, with messages naming the operation, the bucket,
the key and the store. :func:`is_retryable` says which raw failures deserve another attempt.
"""

from __future__ import annotations

import errno
import re
import socket

from terracube.errors import (
    BucketNotFoundError,
    ObjectNotFoundError,
    StorageAuthError,
    StorageError,
    StorageRequestError,
    StorageTransientError,
)

__all__ = ["is_retryable", "storage_error"]

_STATUS = re.compile(r"status code: (\d{3})")
_CODE = re.compile(r"<Code>([^<]+)</Code>")

_AUTH_CODES = {
    "AccessDenied",
    "AllAccessDisabled",
    "ExpiredToken",
    "InvalidAccessKeyId",
    "InvalidToken",
    "SignatureDoesNotMatch",
    "TokenRefreshRequired",
}
_TRANSIENT_CODES = {"InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout"}
# obstore retries 5xx answers and failed connections itself; these body failures it does not.
_BODY_FAILURES = ("body error", "error decoding response body", "response body", "IncompleteBody")
_AUTH_HINT = (
    "check the access key and secret (TERRACUBE_S3_ACCESS_KEY_ID / TERRACUBE_S3_SECRET_ACCESS_KEY "
    "or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) and the bucket's permissions"
)


#: botocore's exceptions for a request that got no (complete) answer.
_BOTOCORE_CONNECTION = {
    "ConnectionClosedError",
    "ConnectTimeoutError",
    "EndpointConnectionError",
    "HTTPClientError",
    "ProxyConnectionError",
    "ReadTimeoutError",
    "ResponseStreamingError",
}


def client_error(exc: BaseException) -> tuple[int | None, str | None]:
    """HTTP status and S3 error code of a botocore ``ClientError`` (None, None for others)."""
    response = getattr(exc, "response", None)
    if not isinstance(response, dict) or "Error" not in response:
        return None, None
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    code = response["Error"].get("Code")
    return (int(status) if status else None), (str(code) if code else None)


def _status_and_code(exc: BaseException) -> tuple[int | None, str | None]:
    status, code = client_error(exc)
    if status is not None or code is not None:
        if code is not None and code.isdigit():
            status, code = status or int(code), None  # a HEAD answer has no body, only a status
        return status, code
    text = str(exc)
    found_status = _STATUS.search(text)
    found_code = _CODE.search(text)
    return (int(found_status.group(1)) if found_status else None, found_code.group(1) if found_code else None)


def is_range_error(exc: BaseException) -> bool:
    """True when the server refused a byte range (416 ``InvalidRange``): it starts past the end."""
    status, code = _status_and_code(exc)
    return code == "InvalidRange" or status == 416


def _summary(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    code = _status_and_code(exc)[1]
    if code and code not in first:
        first = f"{first} [{code}]"
    return first if len(first) <= 400 else first[:397] + "..."


def is_retryable(exc: BaseException) -> bool:
    """True for an obstore failure another attempt may cure and that obstore did not retry.

    obstore retries server errors and connection failures itself, but not a body cut off half
    way. (botocore retries its own calls.)
    """
    name = type(exc).__name__
    if name == "GenericError":
        status, _ = _status_and_code(exc)
        text = str(exc)
        return status is None and any(marker in text for marker in _BODY_FAILURES)
    return False


def _is_connection_failure(exc: BaseException) -> bool:
    if isinstance(exc, ConnectionError | TimeoutError | socket.timeout):
        return True
    if type(exc).__module__.startswith("botocore") and type(exc).__name__ in _BOTOCORE_CONNECTION:
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.ECONNREFUSED, errno.ECONNRESET, errno.EPIPE):
        return True
    text = str(exc).lower()
    return type(exc).__name__ == "GenericError" and any(
        marker in text
        for marker in ("error sending request", "connection", "timed out", "timeout", *_BODY_FAILURES)
    )


def storage_error(
    exc: BaseException, *, op: str, location: str, bucket: str, key: str | None = None
) -> StorageError:
    """The terracube error for a failed operation.

    Parameters
    ----------
    exc
        The raw failure (obstore, botocore or OS error). Already-mapped errors pass through.
    op
        The operation, in words (``"get"``, ``"put"``, ``"create bucket"``).
    location
        The store: ``"S3 endpoint http://..."`` or ``"local root /data"``.
    bucket, key
        What the operation addressed.

    Returns
    -------
    StorageError
        One of its subclasses; raise it ``from exc``.
    """
    if isinstance(exc, StorageError):
        return exc
    target = f"{bucket}/{key}" if key else bucket
    status, code = _status_and_code(exc)
    name = type(exc).__name__
    summary = _summary(exc)
    if code == "NoSuchBucket" or (isinstance(exc, NotADirectoryError) and key is None):
        return BucketNotFoundError(
            f"bucket {bucket!r} does not exist at {location}; create it with create_bucket({bucket!r})"
        )
    if (
        code in ("NoSuchKey", "NoSuchUpload")
        or (status == 404 and key is not None and code is None)
        or (isinstance(exc, FileNotFoundError) and key is not None)
    ):
        return ObjectNotFoundError(f"object {key!r} not found in bucket {bucket!r} at {location}")
    if (
        code in _AUTH_CODES
        or status in (401, 403)
        or name in ("PermissionDeniedError", "UnauthenticatedError")
        or isinstance(exc, PermissionError)
    ):
        return StorageAuthError(f"{op} {target!r} was refused at {location} ({summary}); {_AUTH_HINT}")
    if is_range_error(exc):
        return StorageRequestError(f"{op} {target!r}: byte range not satisfiable at {location} ({summary})")
    if (status is not None and status >= 500) or code in _TRANSIENT_CODES or _is_connection_failure(exc):
        return StorageTransientError(f"{op} {target!r} failed at {location} after retries: {summary}")
    return StorageError(f"{op} {target!r} failed at {location}: {summary}")
