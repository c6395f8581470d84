"""The botocore S3 client for what obstore does not offer: buckets and explicit multipart uploads.

obstore covers objects (get, ranged get, put, list, delete, head). Creating and deleting
buckets, and a multipart upload S3IO drives itself (create, upload part, complete, abort,
list the unfinished ones) go through botocore: AWS's own request signing, error parsing,
retry rules (5xx, throttling, dropped connections, a ``200`` answer with an error in its
body) and request checksums (each part carries its CRC32, which S3 verifies).

The one change to botocore's defaults: retry delays follow the store's configuration
(``backoff`` doubling up to ``max_backoff``, full jitter) instead of botocore's fixed ones, so
tests and impatient callers can shorten them; which failures are retried, and how many
times (``max_retries``), is botocore's standard mode.
"""

from __future__ import annotations

import random
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from terracube.storage.s3.config import S3Config

__all__ = ["make_client", "retry_attempts"]

# botocore's Session reads files and the environment when made; making several at once races.
_lock = threading.Lock()


def make_client(config: S3Config) -> Any:
    """A botocore S3 client for `config` (thread-safe, as botocore clients are).

    Credentials come from `config` only (a profile is read when the config is resolved);
    without them, or with ``unsigned``, requests go unsigned and botocore never looks for
    others (no profile files, no instance metadata). ``requester_pays`` adds its header to
    every request.
    """
    import botocore.session
    from botocore import UNSIGNED
    from botocore.config import Config

    options = Config(
        region_name=config.effective_region,
        connect_timeout=config.connect_timeout,
        read_timeout=config.timeout,
        retries={"mode": "standard", "total_max_attempts": config.max_retries + 1},
        max_pool_connections=max(10, config.max_workers),
        s3={"addressing_style": "path" if config.effective_path_style else "virtual"},
        signature_version=UNSIGNED if config.unsigned or config.access_key_id is None else "s3v4",
    )
    with _lock:
        session = botocore.session.Session()
        client = session.create_client(
            "s3",
            endpoint_url=config.effective_endpoint,
            aws_access_key_id=config.access_key_id,
            aws_secret_access_key=config.secret_access_key,
            aws_session_token=config.session_token,
            config=options,
        )
    _use_configured_backoff(client, config)
    if config.requester_pays:
        client.meta.events.register("before-sign.s3", _pay_as_requester)
    return client


def _pay_as_requester(request: Any, **kwargs: Any) -> None:
    """Agree to pay for the request: every call to a requester-pays bucket must say so."""
    request.headers["x-amz-request-payer"] = "requester"


def _use_configured_backoff(client: Any, config: S3Config) -> None:
    """Swap botocore's retry handler for one with the same rules and our delays."""
    from botocore.retries import quota, standard
    from botocore.retries.base import BaseRetryBackoff

    class ConfiguredBackoff(BaseRetryBackoff):  # type: ignore[misc]
        def delay_amount(self, context: Any) -> float:
            ceiling = min(config.max_backoff, config.backoff * 2 ** (context.attempt_number - 1))
            return random.uniform(ceiling / 2, ceiling)

    event = client.meta.service_model.service_id.hyphenize()
    retry_quota = standard.RetryQuotaChecker(quota.RetryQuota())
    handler = standard.RetryHandler(
        retry_policy=standard.RetryPolicy(
            retry_checker=standard.StandardRetryConditions(max_attempts=config.max_retries + 1),
            retry_backoff=ConfiguredBackoff(),
        ),
        retry_event_adapter=standard.RetryEventAdapter(),
        retry_quota=retry_quota,
    )
    client.meta.events.unregister(f"needs-retry.{event}", unique_id=f"retry-config-{event}")
    client.meta.events.register(
        f"needs-retry.{event}", handler.needs_retry, unique_id=f"retry-config-{event}"
    )
    client.meta.events.register(f"after-call.{event}", retry_quota.release_retry_quota)


def retry_attempts(response: Any) -> int:
    """How many times botocore retried the call that gave `response` (a dict, or a ClientError)."""
    answer = getattr(response, "response", response)
    if not isinstance(answer, dict):
        return 0
    return int(answer.get("ResponseMetadata", {}).get("RetryAttempts", 0) or 0)
