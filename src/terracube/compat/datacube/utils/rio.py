"""``datacube.utils.rio``: where older ODC kept :func:`configure_s3_access`, and :func:`set_default_rio_config`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.errors import ConfigError
from terracube.storage.access import configure_s3_access, set_s3_access_options

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["configure_s3_access", "set_default_rio_config"]

#: Keys of ODC's ``aws=`` dictionary -> the argument of :func:`configure_s3_access` saying the same.
_AWS_KEYS = {
    "aws_unsigned": "aws_unsigned",
    "requester_pays": "requester_pays",
    "region_name": "region_name",
    "profile_name": "profile",
    "endpoint_url": "endpoint_url",
}


def set_default_rio_config(
    aws: Mapping[str, Any] | str | None = None, cloud_defaults: bool = False, **kwargs: Any
) -> None:
    """Settings for every later read through GDAL, in ODC's form (:func:`configure_s3_access` does the work).

    Parameters
    ----------
    aws
        None: no S3 settings, only GDAL options. ``"auto"``: S3 with the credentials and region
        the environment gives (as ``configure_s3_access()``). A dict of
        ``aws_unsigned``, ``requester_pays``, ``region_name``, ``profile_name`` or
        ``endpoint_url``: S3 configured with those.
    cloud_defaults
        GDAL's settings for cloud-native files (no directory listing on open, only ``.tif``
        files fetched).
    **kwargs
        Other GDAL configuration options (``GDAL_HTTP_MAX_RETRY=5``...).

    Raises
    ------
    ConfigError
        ``aws`` holds another key (credentials belong in the environment or an AWS profile),
        or ``"auto"``/a dict without ``aws_unsigned`` finds no credentials.
    """
    if aws is None:
        options = {f"gdal_{k.upper()}": str(v) for k, v in kwargs.items()}
        if not cloud_defaults:
            options["s3_cloud_defaults"] = "false"
        set_s3_access_options(options)
        return
    if aws == "auto":
        given: dict[str, Any] = {}
    elif isinstance(aws, str):
        raise ConfigError(f"set_default_rio_config(aws={aws!r}): aws is None, 'auto' or a dict of settings")
    else:
        unknown = sorted(set(aws) - set(_AWS_KEYS))
        if unknown:
            raise ConfigError(
                f"set_default_rio_config(aws=...) does not take {unknown}: it takes {sorted(_AWS_KEYS)}; "
                "keep credentials in the environment or an AWS profile"
            )
        given = {_AWS_KEYS[k]: v for k, v in aws.items()}
    configure_s3_access(cloud_defaults=cloud_defaults, **given, **kwargs)
