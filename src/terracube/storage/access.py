"""How this process reaches S3: settings made once with :func:`configure_s3_access`.

Readers and writers get *storage options* with each band (the Datacube's ``s3_*`` and
``gdal_*`` options; see :func:`terracube.storage.geotiff.gdal_options`). This module holds a
process-wide set of the same options, under them: :func:`with_s3_access` lays a band's own
options over the process-wide ones, and the GeoTIFF reader (GDAL) and the s3aio store both call
it, so one call configures both::

    configure_s3_access(aws_unsigned=True)                      # public buckets
    configure_s3_access(profile="science", requester_pays=True)
    configure_s3_access(endpoint_url="http://minio.local:9000")

The options it sets (``s3_unsigned``, ``s3_requester_pays``, ``s3_profile``, ``s3_region``,
``s3_endpoint``, ``s3_path_style``, ``s3_cloud_defaults``, ``gdal_<NAME>``) never hold secrets:
credentials stay where AWS tools look for them (environment variables, ``~/.aws``, instance
roles) and are read there by each process, Dask workers included.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from terracube.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "S3Credentials",
    "configure_s3_access",
    "reset_s3_access",
    "s3_access_options",
    "set_s3_access_options",
    "with_s3_access",
]

_LOCK = threading.Lock()
_OPTIONS: dict[str, str] = {}

#: GDAL settings that also say where S3 is: read into ``s3_*`` options so the s3aio store
#: (which is not GDAL) follows them too.
_GDAL_S3_NAMES = {"AWS_S3_ENDPOINT", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING", "AWS_REGION", "AWS_DEFAULT_REGION"}
_CREDENTIAL_NAMES = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}
_TRUE_WORDS = {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class S3Credentials:
    """AWS credentials found by :func:`configure_s3_access` (attribute names as botocore's)."""

    access_key: str
    """Access key id."""
    secret_key: str = field(repr=False)
    """Secret access key (hidden in the repr)."""
    token: str | None = field(default=None, repr=False)
    """Session token of temporary credentials."""
    method: str = "env"
    """Where they came from: ``env``, or botocore's name for its source (``shared-credentials-file``...)."""

    def get_frozen_credentials(self) -> S3Credentials:
        """These credentials (botocore's method name, for code written against it)."""
        return self


def s3_access_options() -> dict[str, str]:
    """The process-wide storage options :func:`configure_s3_access` set (a copy)."""
    with _LOCK:
        return dict(_OPTIONS)


def set_s3_access_options(options: Mapping[str, str]) -> None:
    """Replace the process-wide storage options (what :func:`configure_s3_access` does last).

    Used on Dask workers to apply the settings made in the client's process.
    """
    with _LOCK:
        _OPTIONS.clear()
        _OPTIONS.update(options)


def reset_s3_access() -> None:
    """Forget every process-wide S3 setting."""
    set_s3_access_options({})


def with_s3_access(options: Mapping[str, Any]) -> dict[str, Any]:
    """A band's storage options laid over the process-wide ones (the band's win, key by key)."""
    with _LOCK:
        if not _OPTIONS:
            return dict(options)
        return {**_OPTIONS, **options}


def configure_s3_access(
    profile: str | None = None,
    region_name: str | None = "auto",
    aws_unsigned: bool = False,
    requester_pays: bool = False,
    cloud_defaults: bool = True,
    client: Any = None,
    *,
    endpoint_url: str | None = None,
    **gdal_opts: Any,
) -> S3Credentials | None:
    """Say once how this process (and a Dask cluster's workers) reach S3.

    The settings apply to every later read and write of ``s3://`` data: COGs through GDAL and
    s3aio arrays through terracube's store alike, whichever Datacube does it. A Datacube's
    own storage options (from its environment or ``storage_options=``) win over them, option
    by option. A later call replaces the settings of an earlier one.

    Parameters
    ----------
    profile
        AWS profile of the shared configuration files (``~/.aws/credentials``,
        ``~/.aws/config``) to take credentials and region from. Needs botocore.
    region_name
        The region of the buckets. ``"auto"`` (default) or None: the one the environment or
        the profile configures (``AWS_REGION``, ``AWS_DEFAULT_REGION``, the profile's
        ``region``), else each client's default (``us-east-1``). terracube does not ask the
        EC2 instance metadata service, as ODC does.
    aws_unsigned
        Send requests unsigned, without credentials: public buckets. Returns None.
    requester_pays
        Agree to pay for requests to requester-pays buckets.
    cloud_defaults
        Keep GDAL's settings for cloud-native files (no directory listing on open, only
        ``.tif`` files fetched); False lets GDAL look for side-car files.
    client
        A ``dask.distributed.Client``: apply the settings on its workers too, current and
        future (threads of this process need nothing more).
    endpoint_url
        An S3-compatible endpoint (``http://minio.local:9000``) instead of AWS. GDAL's
        ``AWS_S3_ENDPOINT`` (with ``AWS_HTTPS`` and ``AWS_VIRTUAL_HOSTING``) given in
        `gdal_opts` says the same.
    **gdal_opts
        Other GDAL configuration options (``GDAL_HTTP_MAX_RETRY=5``...), passed to GDAL for
        every remote read.

    Returns
    -------
    S3Credentials or None
        The credentials requests will be signed with, as found now; None when unsigned.

    Raises
    ------
    ConfigError
        No credentials can be found (and `aws_unsigned` is False); `profile` gives none, or
        needs botocore which is not installed; `gdal_opts` holds credentials (keep them in the
        environment or a profile) or a malformed endpoint.

    Examples
    --------
    >>> configure_s3_access(aws_unsigned=True, region_name="us-west-2")
    >>> s3_access_options()["s3_unsigned"], s3_access_options()["s3_region"]
    ('true', 'us-west-2')
    >>> reset_s3_access()
    """
    secrets = sorted(k for k in gdal_opts if k.upper() in _CREDENTIAL_NAMES)
    if secrets:
        raise ConfigError(
            f"configure_s3_access does not take credentials ({', '.join(secrets)}): set them as "
            "environment variables or in an AWS profile, where every process and worker reads them"
        )
    options: dict[str, str] = {}
    gdal = {k.upper(): str(v) for k, v in gdal_opts.items()}
    endpoint = endpoint_url or _gdal_endpoint(gdal)
    if endpoint:
        from terracube.storage.s3 import S3Config

        options["s3_endpoint"] = S3Config(endpoint=endpoint).endpoint or endpoint
        options["s3_path_style"] = (
            "false" if gdal.get("AWS_VIRTUAL_HOSTING", "").upper() == "TRUE" else "true"
        )
    region = (
        region_name
        if region_name not in (None, "auto")
        else gdal.get("AWS_REGION") or gdal.get("AWS_DEFAULT_REGION")
    )
    if profile is not None:
        options["s3_profile"] = profile
    if aws_unsigned:
        options["s3_unsigned"] = "true"
        credentials = None
    else:
        credentials = _find_credentials(profile, endpoint)
        if credentials is not None and credentials.method not in ("env", "iam-role", "container-role"):
            # Found in the shared files by botocore: the s3aio store reads that profile too.
            options.setdefault("s3_profile", _botocore_profile(profile))
    if region:
        options["s3_region"] = region
    elif profile is not None:
        found = _profile_region(profile)
        if found:
            options["s3_region"] = found
    if requester_pays:
        options["s3_requester_pays"] = "true"
    if not cloud_defaults:
        options["s3_cloud_defaults"] = "false"
    for name, value in gdal.items():
        if name not in _GDAL_S3_NAMES:
            options[f"gdal_{name}"] = value
    set_s3_access_options(options)
    if client is not None:
        from terracube.storage._dask_access import S3AccessPlugin

        client.register_plugin(S3AccessPlugin(options), name="terracube-s3-access")
    return credentials


def _gdal_endpoint(gdal: Mapping[str, str]) -> str | None:
    host = gdal.get("AWS_S3_ENDPOINT")
    if not host:
        return None
    if "://" in host:
        return host
    secure = gdal.get("AWS_HTTPS", "YES").strip().lower() in _TRUE_WORDS
    return f"{'https' if secure else 'http'}://{host}"


def _find_credentials(profile: str | None, endpoint: str | None) -> S3Credentials:
    from terracube.storage.s3 import S3Config

    if profile is None:
        env = S3Config(endpoint=endpoint or "http://s3.invalid").resolve()
        if env.access_key_id is not None and env.secret_access_key is not None:
            return S3Credentials(env.access_key_id, env.secret_access_key, env.session_token, "env")
    try:
        import botocore.session
        from botocore.exceptions import BotoCoreError
    except ImportError:
        what = f"profile {profile!r}" if profile else "credentials outside the environment variables"
        raise ConfigError(
            f"no S3 credentials in the environment, and {what} need(s) botocore: pip install "
            "'terracube[s3]'; or read public data with aws_unsigned=True"
        ) from None
    try:
        found = botocore.session.Session(profile=profile).get_credentials()
    except BotoCoreError as e:
        raise ConfigError(
            f"cannot read AWS credentials{f' of profile {profile!r}' if profile else ''}: {e}"
        ) from e
    if found is None:
        raise ConfigError(
            "no AWS credentials found"
            + (f" in profile {profile!r}" if profile else " (environment variables, ~/.aws, instance role)")
            + "; configure them, or read public data with aws_unsigned=True"
        )
    frozen = found.get_frozen_credentials()
    return S3Credentials(
        frozen.access_key, frozen.secret_key, frozen.token, str(getattr(found, "method", ""))
    )


def _botocore_profile(profile: str | None) -> str:
    if profile is not None:
        return profile
    import botocore.session

    return str(botocore.session.Session().profile or "default")


def _profile_region(profile: str) -> str | None:
    try:
        import botocore.session
    except ImportError:
        raise ConfigError(
            f"profile {profile!r} needs botocore to read the AWS configuration files: pip install "
            "'terracube[s3]'"
        ) from None
    region = botocore.session.Session(profile=profile).get_config_variable("region")
    return str(region) if region else None
