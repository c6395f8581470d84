"""Retry with exponential backoff and jitter, bounded in count and in time.

obstore retries its own requests and botocore its own; this loop covers what they do not:
an obstore read whose body was cut off half way, and a read whose bytes failed their
checksum (damaged on the wire: reading again may give the right ones).
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from terracube.storage.s3.config import S3Config

__all__ = ["RetryPolicy", "retry_call"]

_log = logging.getLogger("terracube.storage.s3")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry a transient failure."""

    max_retries: int = 5
    """Retries after the first attempt (5)."""
    backoff: float = 0.1
    """First delay in seconds (0.1 s); doubles per retry."""
    max_backoff: float = 5.0
    """Largest single delay in seconds (5 s)."""
    retry_timeout: float = 120.0
    """No retry starts later than this after the first attempt (120 s)."""

    @classmethod
    def from_config(cls, config: S3Config) -> RetryPolicy:
        """The policy a store configuration asks for."""
        return cls(config.max_retries, config.backoff, config.max_backoff, config.retry_timeout)

    def delay(self, attempt: int) -> float:
        """Delay before retry number `attempt` (1-based): full jitter over the backoff."""
        ceiling = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        return random.uniform(ceiling / 2, ceiling)


def retry_call(
    fn: Callable[[], T],
    policy: RetryPolicy,
    *,
    is_transient: Callable[[BaseException], bool],
    what: str,
) -> T:
    """Call `fn`, retrying while it raises a transient error and the policy allows.

    Parameters
    ----------
    fn
        The attempt; called at most ``policy.max_retries + 1`` times.
    policy
        Retry count and delays.
    is_transient
        Says whether an exception is worth another attempt.
    what
        The operation, for the log.

    Returns
    -------
    Whatever `fn` returns.

    Raises
    ------
    Exception
        The last error when it is not transient or when the retries are spent; its notes say
        how many attempts were made.
    """
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as exc:
            attempt += 1
            elapsed = time.monotonic() - started
            if not is_transient(exc):
                raise
            if attempt > policy.max_retries or elapsed >= policy.retry_timeout:
                exc.add_note(f"gave up on {what} after {attempt} attempt(s) in {elapsed:.1f} s")
                raise
            pause = min(policy.delay(attempt), max(0.0, policy.retry_timeout - elapsed))
            _log.debug("retrying %s after %s (attempt %d, %.2f s)", what, exc, attempt, pause)
            time.sleep(pause)
