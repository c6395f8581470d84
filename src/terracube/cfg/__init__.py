"""Environments: which index to connect to, from a configuration file and ``TERRACUBE_*`` variables.

The bottom layer of terracube next to ``errors``: it imports nothing else of the project.
``pyyaml`` and ``platformdirs`` are imported only when a YAML text or the built-in default needs
them. See ``docs/configuration.md`` for the file formats and the precedence rules.

Examples
--------
>>> from terracube.cfg import Config
>>> cfg = Config.from_text("[default]\\ndb_url = memory://\\n", environ={})
>>> cfg.environment()
Environment(name='default', index_driver='memory', db_url='memory://', options={})
"""

from __future__ import annotations

from terracube.cfg._config import (
    DEFAULT_ENVIRONMENT,
    HOME_CONFIG_NAME,
    Config,
    get_environment,
    load_config,
)
from terracube.cfg._environment import Environment
from terracube.cfg._urls import SCHEME_DRIVERS, sqlite_path

__all__ = [
    "DEFAULT_ENVIRONMENT",
    "HOME_CONFIG_NAME",
    "SCHEME_DRIVERS",
    "Config",
    "Environment",
    "get_environment",
    "load_config",
    "sqlite_path",
]
