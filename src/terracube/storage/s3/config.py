"""Settings of an S3 array store: where the bytes live and how to reach them.

One frozen value, :class:`S3Config`, says everything a store needs: a local ``file://`` root,
or an S3 endpoint with its region, credentials and addressing style, plus the retry, timeout,
multipart, parallelism and checksum settings. It pickles by value, so a store shipped to a Dask worker
rebuilds its connections from it.

Settings come from, in order: the constructor arguments, the ``TERRACUBE_S3_*`` variables
(``ENDPOINT``, ``REGION``, ``ACCESS_KEY_ID``, ``SECRET_ACCESS_KEY``, ``SESSION_TOKEN``,
``PATH_STYLE``, ``UNSIGNED``, ``REQUESTER_PAYS``), then the standard AWS variables
(``AWS_ENDPOINT_URL_S3``, ``AWS_ENDPOINT_URL``, ``AWS_REGION``, ``AWS_DEFAULT_REGION``,
``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``) and GDAL's
``AWS_NO_SIGN_REQUEST`` and ``AWS_REQUEST_PAYER``. A named AWS ``profile`` (from the shared
``~/.aws`` files, through botocore) gives credentials and region before the variables do.
:meth:`S3Config.resolve` applies them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from terracube.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["S3Config"]

MiB = 1024 * 1024

#: Environment variables read by :meth:`S3Config.resolve`, per field, first match wins.
ENV_VARS: dict[str, tuple[str, ...]] = {
    "endpoint": ("TERRACUBE_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"),
    "region": ("TERRACUBE_S3_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
    "access_key_id": ("TERRACUBE_S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID"),
    "secret_access_key": ("TERRACUBE_S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"),
    "session_token": ("TERRACUBE_S3_SESSION_TOKEN", "AWS_SESSION_TOKEN"),
    "path_style": ("TERRACUBE_S3_PATH_STYLE",),
    "unsigned": ("TERRACUBE_S3_UNSIGNED", "AWS_NO_SIGN_REQUEST"),
    "requester_pays": ("TERRACUBE_S3_REQUESTER_PAYS", "AWS_REQUEST_PAYER"),
}
_BOOL_FIELDS = {"path_style", "unsigned", "requester_pays"}
_CREDENTIAL_FIELDS = ("access_key_id", "secret_access_key", "session_token")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_SECRET_FIELDS = {"secret_access_key", "session_token"}


@dataclass(frozen=True, slots=True, repr=False)
class S3Config:
    """Where an S3 array store keeps its bytes and how it talks to them.

    Build one for S3 with keyword arguments (``S3Config(endpoint="http://127.0.0.1:9000")``)
    or for local disk with :meth:`local`. Unset fields (None) are filled from the environment
    by :meth:`resolve`, which every store calls once.

    Examples
    --------
    >>> S3Config.local("/tmp/cube").root
    '/tmp/cube'
    >>> S3Config(endpoint="http://127.0.0.1:9000/", path_style=True).endpoint
    'http://127.0.0.1:9000'
    """

    root: str | None = None
    """Local-disk root directory (``file://`` URL or plain path); None for an S3 endpoint."""
    endpoint: str | None = None
    """S3 endpoint URL (``http://127.0.0.1:9000``); None means AWS for `region`."""
    region: str | None = None
    """Signing region; ``us-east-1`` when nothing sets it."""
    access_key_id: str | None = None
    """Access key id; None leaves requests unsigned unless the environment has one."""
    secret_access_key: str | None = None
    """Secret access key (hidden in the repr)."""
    session_token: str | None = None
    """Temporary-credential session token (hidden in the repr)."""
    path_style: bool | None = None
    """Address buckets as ``endpoint/bucket`` (True) or ``bucket.endpoint`` (False).

    None picks path style for a custom endpoint and virtual-hosted style for AWS."""
    unsigned: bool | None = None
    """Send requests unsigned, without credentials (public buckets); None is False."""
    requester_pays: bool | None = None
    """Agree to pay for requests to a requester-pays bucket; None is False."""
    profile: str | None = None
    """AWS profile whose credentials and region to use (``~/.aws/credentials``, ``~/.aws/config``);
    needs botocore. It wins over the environment variables; keys given here win over it."""
    max_retries: int = 5
    """Retries of a request that failed transiently (5xx, timeout, dropped connection)."""
    backoff: float = 0.1
    """First retry delay in seconds (0.1 s); doubles per retry, with jitter."""
    max_backoff: float = 5.0
    """Upper bound of one retry delay in seconds (5 s)."""
    retry_timeout: float = 120.0
    """No retry starts later than this many seconds after the first attempt (120 s)."""
    timeout: float = 60.0
    """Timeout of one request in seconds, connection to last byte (60 s)."""
    connect_timeout: float = 10.0
    """Timeout to open a connection in seconds (10 s)."""
    part_size: int = 16 * MiB
    """Multipart upload part size in bytes (16 MiB; S3 needs >= 5 MiB but for the last part)."""
    max_workers: int = 32
    """Threads of the default pool used by the ``_mp`` calls and chunked reads (32): requests
    in flight at once. Over a 20 ms round trip a read of 65 chunks of 1 MiB took half as long
    with 32 as with 16, and no less with 64. On a local root at most two per CPU are used."""
    require_checksums: bool = False
    """Refuse objects that carry no checksum record (written by other tools or an older
    terracube) instead of reading them unverified (False). Recorded checksums are always verified."""

    def __post_init__(self) -> None:
        if self.root is not None:
            object.__setattr__(self, "root", _normalise_root(self.root))
            if self.endpoint is not None:
                raise ConfigError(
                    f"S3Config takes a local root or an S3 endpoint, not both: root={self.root!r}, "
                    f"endpoint={self.endpoint!r}"
                )
        if self.endpoint is not None:
            object.__setattr__(self, "endpoint", _normalise_endpoint(self.endpoint))
        for name in ("max_retries", "part_size", "max_workers"):
            value = getattr(self, name)
            if (
                not isinstance(value, int)
                or isinstance(value, bool)
                or value < (0 if name == "max_retries" else 1)
            ):
                raise ConfigError(f"S3Config.{name} must be a positive integer, got {value!r}")
        if not isinstance(self.require_checksums, bool):
            raise ConfigError(
                f"S3Config.require_checksums must be True or False, got {self.require_checksums!r}"
            )
        for name in ("backoff", "max_backoff", "retry_timeout", "timeout", "connect_timeout"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"S3Config.{name} must be a number of seconds >= 0, got {value!r}")

    # --- constructors -----------------------------------------------------------------------

    @classmethod
    def local(cls, root: str | os.PathLike[str], **settings: object) -> S3Config:
        """A configuration for local disk: buckets are directories under `root`.

        Parameters
        ----------
        root
            A directory path or a ``file://`` URL; created on first write if missing.
        **settings
            Other fields (``part_size``, ``max_workers``...).

        Returns
        -------
        S3Config
        """
        return cls(root=os.fspath(root), **settings)  # type: ignore[arg-type]

    @classmethod
    def from_url(cls, url: str | os.PathLike[str], **settings: object) -> S3Config:
        """A configuration from a location string: a ``file://`` URL or a plain path.

        Parameters
        ----------
        url
            ``file:///data/cube``, ``/data/cube``, or ``s3://`` for S3 configured by `settings`
            and the environment.
        **settings
            Other fields.

        Returns
        -------
        S3Config

        Raises
        ------
        ConfigError
            For a scheme other than ``file`` or ``s3``.
        """
        text = os.fspath(url)
        scheme = urlsplit(text).scheme
        if scheme == "s3":
            return cls(**settings)  # type: ignore[arg-type]
        if scheme in ("", "file") or (len(scheme) == 1 and os.name == "nt"):
            return cls.local(text, **settings)
        raise ConfigError(
            f"unsupported store location {text!r}: use a file:// URL, a directory path, or s3:// "
            "with an endpoint"
        )

    # --- resolution ---------------------------------------------------------------------------

    @property
    def is_local(self) -> bool:
        """True for a local-disk store."""
        return self.root is not None

    def resolve(self, environ: Mapping[str, str] | None = None) -> S3Config:
        """Fill unset S3 fields from ``TERRACUBE_S3_*`` then AWS environment variables.

        Parameters
        ----------
        environ
            The variables to read; ``os.environ`` by default.

        Returns
        -------
        S3Config
            A new value; fields set in this one win. A local config is returned unchanged.

        Raises
        ------
        ConfigError
            When a boolean variable is not a boolean word, only one half of a key pair is set,
            or `profile` gives no credentials.
        """
        if self.is_local:
            return self
        env = os.environ if environ is None else environ
        changes: dict[str, object] = {}
        for name, variables in ENV_VARS.items():
            if getattr(self, name) is not None:
                continue
            for var in variables:
                value = env.get(var)
                if value:
                    changes[name] = _parse_bool(var, value) if name in _BOOL_FIELDS else value
                    break
        unsigned = changes.get("unsigned", self.unsigned)
        if unsigned:
            # No credentials at all: none from the environment, none sent.
            for name in _CREDENTIAL_FIELDS:
                changes[name] = None
        elif self.profile is not None and self.access_key_id is None:
            for name, value in _profile_settings(self.profile).items():
                if name in _CREDENTIAL_FIELDS or getattr(self, name) is None:
                    changes[name] = value
        resolved = replace(self, **changes) if changes else self  # type: ignore[arg-type]
        if unsigned:
            return resolved
        if (resolved.access_key_id is None) != (resolved.secret_access_key is None):
            missing = "secret_access_key" if resolved.secret_access_key is None else "access_key_id"
            raise ConfigError(
                f"S3 credentials are incomplete: {missing} is not set; set both "
                "TERRACUBE_S3_ACCESS_KEY_ID and TERRACUBE_S3_SECRET_ACCESS_KEY (or the AWS_* pair)"
            )
        return resolved

    @property
    def effective_region(self) -> str:
        """The signing region: `region` or ``us-east-1``."""
        return self.region or "us-east-1"

    @property
    def effective_path_style(self) -> bool:
        """The addressing style in use (see `path_style`)."""
        return self.path_style if self.path_style is not None else self.endpoint is not None

    @property
    def effective_endpoint(self) -> str:
        """The endpoint URL requests go to (AWS's regional endpoint when `endpoint` is None)."""
        return self.endpoint or f"https://s3.{self.effective_region}.amazonaws.com"

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == f.default:
                continue
            shown = "'***'" if f.name in _SECRET_FIELDS else repr(value)
            parts.append(f"{f.name}={shown}")
        return f"S3Config({', '.join(parts)})"


def _normalise_root(root: str) -> str:
    parts = urlsplit(root)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise ConfigError(
                f"a file:// root must be on this machine, got host {parts.netloc!r} in {root!r}"
            )
        path = unquote(parts.path)
    elif parts.scheme in ("",) or (len(parts.scheme) == 1 and os.name == "nt"):
        path = root
    else:
        raise ConfigError(f"a local root is a directory path or a file:// URL, got {root!r}")
    if not path:
        raise ConfigError(f"a local root needs a directory, got {root!r}")
    return str(Path(path).expanduser().absolute())


def _normalise_endpoint(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"an S3 endpoint is an http(s) URL such as 'http://127.0.0.1:9000', got {endpoint!r}"
        )
    if parts.path.strip("/") or parts.query:
        raise ConfigError(f"an S3 endpoint has no path or query, got {endpoint!r}")
    return f"{parts.scheme}://{parts.netloc}"


#: Profile settings read in the last few minutes: every store opening resolves its config, and
#: reading the AWS files (or refreshing temporary credentials) each time would be slow.
_PROFILE_CACHE: dict[str, tuple[float, dict[str, str | None]]] = {}
_PROFILE_TTL = 300.0


def _profile_settings(profile: str) -> dict[str, str | None]:
    """Credentials (and region, if the profile sets one) of an AWS profile, through botocore."""
    import time

    cached = _PROFILE_CACHE.get(profile)
    if cached is not None and time.monotonic() - cached[0] < _PROFILE_TTL:
        return cached[1]
    settings = _read_profile(profile)
    _PROFILE_CACHE[profile] = (time.monotonic(), settings)
    return settings


def _read_profile(profile: str) -> dict[str, str | None]:
    try:
        import botocore.session
        from botocore.exceptions import BotoCoreError
    except ImportError:
        raise ConfigError(
            f"S3 profile {profile!r} needs botocore to read the AWS configuration files: "
            "pip install 'terracube[s3]'"
        ) from None
    try:
        session = botocore.session.Session(profile=profile)
        credentials = session.get_credentials()
        region = session.get_config_variable("region")
    except BotoCoreError as e:
        raise ConfigError(f"cannot use AWS profile {profile!r}: {e}") from e
    if credentials is None:
        raise ConfigError(
            f"AWS profile {profile!r} gives no credentials; add them to ~/.aws/credentials, or read "
            "public data unsigned"
        )
    frozen = credentials.get_frozen_credentials()
    out: dict[str, str | None] = {
        "access_key_id": frozen.access_key,
        "secret_access_key": frozen.secret_key,
        "session_token": frozen.token,
    }
    if region:
        out["region"] = region
    return out


def _parse_bool(var: str, value: str) -> bool:
    if var == "AWS_REQUEST_PAYER":  # GDAL's variable names the payer
        return value.strip().lower() == "requester"
    word = value.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ConfigError(f"{var} must be true or false, got {value!r}")
