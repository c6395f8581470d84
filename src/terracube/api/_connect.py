"""ODC's ways of saying which index a Datacube opens: ``env=``, ``config=``, ``raw_config=``, ``app=``.

``config`` may be a :class:`~terracube.cfg.Config`, a path to a configuration file, or a list
of paths of which the first that exists is read; ``raw_config`` is configuration text (INI or
YAML). ``app`` names the application to the database (PostgreSQL's ``application_name``,
shown in ``pg_stat_activity``), as ODC does.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from terracube.errors import ConfigError

if TYPE_CHECKING:
    from terracube.cfg import Config, Environment

__all__ = ["application_name", "resolve_environment"]

#: PostgreSQL keeps the first 63 bytes of an application name.
_MAX_NAME = 63


def application_name(app: str) -> str:
    """The connection's application name for ``app``: ``"<app> terracube"``, ASCII, 63 characters at most.

    Runs of characters other than letters and digits become ``-``; a long name loses its start.

    >>> application_name("NDVI notebook/v2")
    'NDVI-notebook-v2 terracube'

    Raises
    ------
    TypeError
        ``app`` is not a string.
    """
    if not isinstance(app, str):
        raise TypeError(f"app must be a string naming the application, not {app!r}")
    cleaned = re.sub(r"[^0-9A-Za-z]+", "-", app).strip("-")
    full = f"{cleaned} terracube" if cleaned else "terracube"
    return full[-_MAX_NAME:]


def _config(config: Any, raw_config: Any) -> Config | None:
    from terracube.cfg import Config, load_config

    if raw_config is not None:
        if config is not None:
            raise ConfigError("give config= (a file) or raw_config= (its text), not both")
        if not isinstance(raw_config, str):
            raise ConfigError(
                f"raw_config= is configuration text (INI or YAML), not {type(raw_config).__name__}"
            )
        return Config.from_text(raw_config, source="raw_config")
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, str | os.PathLike):
        return load_config(config)
    if isinstance(config, list | tuple):
        paths = [os.fspath(p) for p in config]
        for path in paths:
            if os.path.exists(path):
                return load_config(path)
        raise ConfigError(f"none of the configuration files {paths} exists")
    raise ConfigError(
        f"config= is a Config, a path to a configuration file or a list of paths, not {type(config).__name__}"
    )


def resolve_environment(
    env: Any = None, config: Any = None, raw_config: Any = None, app: str | None = None
) -> Environment:
    """The environment a Datacube connects to, with ``app`` as its ``application_name`` option.

    Raises
    ------
    ConfigError
        The configuration cannot be read or names no such environment.
    TypeError
        ``app`` is not a string.
    """
    from terracube.cfg import Environment, get_environment

    if isinstance(env, Environment):
        if config is not None or raw_config is not None:
            raise ConfigError("env= is an Environment already; leave out config= and raw_config=")
        environment = env
    else:
        environment = get_environment(env, config=_config(config, raw_config))
    if app is not None:
        environment = replace(
            environment, options={**environment.options, "application_name": application_name(app)}
        )
    return environment
