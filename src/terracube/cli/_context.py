"""The state every command shares: which environment, and its index (opened on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from terracube.errors import ConfigError

if TYPE_CHECKING:
    from terracube.cfg import Config, Environment
    from terracube.index.abstract import AbstractIndex

__all__ = ["CliState", "pass_state"]


class CliState:
    """Global options and the lazily opened index of one command-line run.

    The index is connected when a command first asks for it and closed when the run ends.
    """

    def __init__(self, env_name: str | None, config_path: str | None) -> None:
        self.env_name = env_name
        self.config_path = config_path
        self._config: Config | None = None
        self._environment: Environment | None = None
        self._index: AbstractIndex | None = None
        self._checked = False

    @property
    def config(self) -> Config:
        """The configuration (``--config``, else the usual search; see ``docs/configuration.md``)."""
        if self._config is None:
            from terracube.cfg import load_config

            self._config = load_config(self.config_path)
            if self._config.is_odc:
                cfg = self._config
                try:
                    used = f"; environment {cfg.environment(self.env_name).name!r}, db_url from "
                    used += str(cfg.origin("db_url", self.env_name))
                except ConfigError:
                    used = ""  # the command reports an unknown environment itself
                click.echo(f"Using {cfg.source}{used} (there is no terracube configuration).", err=True)
        return self._config

    @property
    def environment(self) -> Environment:
        """The environment named by ``--env``, else the default one.

        Raises
        ------
        ConfigError
            Unknown environment or malformed configuration.
        """
        if self._environment is None:
            self._environment = self.config.environment(self.env_name)
        return self._environment

    def connect(self) -> AbstractIndex:
        """The environment's index, connected on first use (it may not be initialised yet).

        Raises
        ------
        ConfigError, DriverNotFoundError
            The environment cannot be resolved or its driver is not installed.
        """
        if self._index is None:
            from terracube.drivers import connect_index

            index: Any = connect_index(self.environment)
            self._index = index
        return self._index

    @property
    def index(self) -> AbstractIndex:
        """The environment's index, connected and checked to be initialised.

        Checking up front gives one clear error instead of one per document.

        Raises
        ------
        IndexNotInitialisedError
            The index has no terracube schema yet (run ``terracube system init``).
        """
        index = self.connect()
        if not self._checked:
            next(iter(index.metadata_types.get_all()), None)
            self._checked = True
        return index

    def close(self) -> None:
        """Close the index, if one was opened."""
        if self._index is not None:
            index, self._index = self._index, None
            index.close()


pass_state = click.make_pass_decorator(CliState)
