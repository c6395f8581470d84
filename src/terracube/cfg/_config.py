"""The :class:`Config` value, :func:`load_config` and :func:`get_environment`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from terracube.cfg._environment import Environment
from terracube.cfg._parse import ENV_NAME, RawEnvironment, Setting, parse_config_text
from terracube.cfg._urls import infer_index_driver
from terracube.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "DEFAULT_ENVIRONMENT",
    "HOME_CONFIG_NAME",
    "Config",
    "get_environment",
    "load_config",
]

#: Name of the environment used when none is named and ``$TERRACUBE_ENVIRONMENT`` is unset.
DEFAULT_ENVIRONMENT = "default"

#: Name of the per-user configuration file, looked up in the home directory.
HOME_CONFIG_NAME = ".terracube.conf"

_PREFIX = "TERRACUBE_"
_VAR_ENVIRONMENT = "TERRACUBE_ENVIRONMENT"
_VAR_CONFIG_PATH = "TERRACUBE_CONFIG_PATH"
_VAR_CONFIG = "TERRACUBE_CONFIG"
#: Variable suffix -> setting key, for TERRACUBE_<SUFFIX> and TERRACUBE_<ENV>_<SUFFIX>.
_OVERRIDES = {"DB_URL": "db_url", "INDEX_DRIVER": "index_driver"}
_RESERVED = frozenset({"alias", "db_url", "index_driver", "name"})
_BUILTIN = "built-in default"


class Config:
    """Named environments from one configuration source plus the ``TERRACUBE_*`` variables.

    A value: it holds a snapshot of the source's environments and of the relevant environment
    variables taken when it was made, compares equal, hashes and pickles by that content, and
    never reads the process environment again. Make one with :func:`load_config` or
    :meth:`from_text`.

    Parameters
    ----------
    environments
        Parsed environments, as :func:`~terracube.cfg._parse.parse_config_text` returns them.
    source
        Description of where they came from (a path, ``$TERRACUBE_CONFIG``, ...).
    environ
        The process environment to snapshot; only ``TERRACUBE_ENVIRONMENT`` and the
        ``*DB_URL`` / ``*INDEX_DRIVER`` variables are kept, and empty values count as unset.

    Raises
    ------
    ConfigError
        An alias is malformed or points nowhere, or a ``TERRACUBE_<ENV>_*`` variable targets an
        alias.
    """

    __slots__ = ("_default", "_environ", "_envs", "_generic", "_odc", "_source", "_specific")

    _envs: dict[str, RawEnvironment]
    _environ: tuple[tuple[str, str], ...]
    _generic: dict[str, Setting]
    _source: str
    _specific: dict[str, dict[str, Setting]]
    _default: Setting | None
    _odc: bool

    def __init__(
        self,
        environments: Iterable[RawEnvironment],
        *,
        source: str,
        environ: Mapping[str, str],
        default_environment: Setting | None = None,
        odc: bool = False,
    ) -> None:
        self._source = source
        self._default = default_environment
        self._odc = odc
        self._envs = {env.name: env for env in environments}
        self._environ = tuple(sorted((k, v) for k, v in environ.items() if _relevant(k, v)))
        self._generic = {}
        self._specific = {}
        for var, value in self._environ:
            rest = var.removeprefix(_PREFIX)
            for suffix, key in _OVERRIDES.items():
                if rest == suffix:
                    self._generic[key] = Setting(value, f"${var}")
                elif rest.endswith(f"_{suffix}"):
                    env = rest[: -len(suffix) - 1].lower()
                    if ENV_NAME.match(env):
                        self._specific.setdefault(env, {})[key] = Setting(value, f"${var}")
        self._check()

    # --- construction -----------------------------------------------------------------------

    @classmethod
    def from_text(
        cls, text: str, *, source: str = "<text>", environ: Mapping[str, str] | None = None
    ) -> Config:
        """Make a configuration from INI or YAML text (the format is detected by content).

        Parameters
        ----------
        text
            The configuration text; see ``docs/configuration.md`` for both formats.
        source
            Where the text came from, used in error messages (default ``"<text>"``).
        environ
            Environment variables to apply (default: a snapshot of ``os.environ``).

        Returns
        -------
        Config

        Raises
        ------
        ConfigError
            The text is malformed; the message names the source and line.
        """
        return cls(
            parse_config_text(text, source),
            source=source,
            environ=os.environ if environ is None else environ,
        )

    @classmethod
    def _builtin(cls, environ: Mapping[str, str]) -> Config:
        import platformdirs

        path = (platformdirs.user_data_path("terracube", appauthor=False) / "index.db").absolute()
        setting = Setting(f"sqlite:///{path.as_posix()}", _BUILTIN)
        env = RawEnvironment(DEFAULT_ENVIRONMENT, _BUILTIN, (("db_url", setting),))
        return cls([env], source="built-in defaults (no configuration file)", environ=environ)

    # --- queries ----------------------------------------------------------------------------

    @property
    def source(self) -> str:
        """Where the environments came from: a file path, ``$TERRACUBE_CONFIG`` or built-in."""
        return self._source

    @property
    def is_odc(self) -> bool:
        """Whether the environments come from ODC's configuration (no terracube configuration exists)."""
        return self._odc

    @property
    def default_name(self) -> str:
        """The environment used when none is named.

        ``$TERRACUBE_ENVIRONMENT``; for ODC's configuration then ``$ODC_ENVIRONMENT``,
        ``$DATACUBE_ENVIRONMENT`` or ODC's ``datacube`` fallback; else ``default``.
        """
        named = dict(self._environ).get(_VAR_ENVIRONMENT)
        if named:
            return named
        return self._default.value if self._default is not None else DEFAULT_ENVIRONMENT

    @property
    def environments(self) -> tuple[str, ...]:
        """Every name :meth:`environment` accepts.

        First the source's environments (aliases included) in the order written, then names that
        only ``TERRACUBE_*`` variables define, sorted.
        """
        extra = set(self._specific)
        if self._generic:
            extra.add(self._canonical(self.default_name))
        return tuple(self._envs) + tuple(sorted(extra - set(self._envs)))

    def environment(self, name: str | None = None) -> Environment:
        """Resolve one environment.

        Resolution: pick the name (`name`, else ``$TERRACUBE_ENVIRONMENT``, else ``default``);
        follow an ``alias``; start from the source's settings; apply ``$TERRACUBE_DB_URL`` and
        ``$TERRACUBE_INDEX_DRIVER`` if this is the environment used by default; apply
        ``$TERRACUBE_<NAME>_DB_URL`` and ``$TERRACUBE_<NAME>_INDEX_DRIVER``; infer a missing
        ``index_driver`` from the ``db_url`` scheme.

        Parameters
        ----------
        name
            Environment name; ``None`` selects :attr:`default_name`.

        Returns
        -------
        Environment
            For an alias, the environment it points to (its `name` is the target's).

        Raises
        ------
        ConfigError
            The name is unknown (the message lists the known ones), the environment has no
            ``db_url``, or its ``index_driver`` cannot be inferred from the URL scheme.
        """
        canonical, settings = self._settings(name)
        return _resolve(canonical, settings, self._source)

    def origin(self, key: str, name: str | None = None) -> str | None:
        """Where a setting of an environment comes from: ``"<file>:<line>"``, ``"$VARIABLE"``...

        None when the environment has no such setting (``index_driver`` inferred from the URL,
        say). Raises as :meth:`environment` does.
        """
        setting = self._settings(name)[1].get(key)
        return None if setting is None else setting.origin

    def _settings(self, name: str | None) -> tuple[str, dict[str, Setting]]:
        """The canonical name of an environment and its settings, variables applied."""
        if name is None:
            name = self.default_name
            if _VAR_ENVIRONMENT in dict(self._environ):
                how: str | None = f"from ${_VAR_ENVIRONMENT}"
            else:
                how = f"from {self._default.origin}" if self._default is not None else None
        else:
            how = "requested"
        known = self.environments
        if name not in known:
            listed = ", ".join(repr(n) for n in known) or "none"
            variable = f"$ODC_{name.upper()}_DB_URL" if self._odc else f"${_PREFIX}{name.upper()}_DB_URL"
            raise ConfigError(
                f"unknown environment {name!r}{f' ({how})' if how else ''}; known environments: "
                f"{listed} (configuration: {self._source}). Define [{name}] there or set {variable}."
            )
        canonical = self._canonical(name)
        settings: dict[str, Setting] = {}
        if canonical in self._envs:
            settings.update(self._envs[canonical].settings)
        if canonical == self._canonical(self.default_name):
            settings.update(self._generic)
        settings.update(self._specific.get(canonical, {}))
        return canonical, settings

    # --- value protocol ---------------------------------------------------------------------

    def _key(self) -> tuple[object, ...]:
        return (self._source, tuple(self._envs.values()), self._environ, self._default, self._odc)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Config(source={self._source!r}, environments={self.environments!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (tuple(self._envs.values()), self._source, self._environ, self._default, self._odc))

    # --- internals --------------------------------------------------------------------------

    def _canonical(self, name: str) -> str:
        env = self._envs.get(name)
        if env is not None:
            alias = dict(env.settings).get("alias")
            if alias is not None:
                return alias.value
        return name

    def _check(self) -> None:
        for env in self._envs.values():
            keys = dict(env.settings)
            if "name" in keys:
                raise ConfigError(
                    f"{keys['name'].origin}: 'name' is not a setting; the section header "
                    f"[{env.name}] names the environment"
                )
            alias = keys.get("alias")
            if alias is None:
                continue
            if len(keys) > 1:
                others = ", ".join(sorted(k for k in keys if k != "alias"))
                raise ConfigError(
                    f"{env.origin}: environment {env.name!r} is an alias and may hold nothing "
                    f"else; remove {others} (set them in {alias.value!r} instead)"
                )
            target = self._envs.get(alias.value)
            if target is None or "alias" in dict(target.settings):
                what = "another alias" if target is not None else "an unknown environment"
                real = [n for n, e in self._envs.items() if "alias" not in dict(e.settings)]
                raise ConfigError(
                    f"{alias.origin}: alias {env.name!r} -> {alias.value!r} points to {what}; "
                    f"an alias must name one of: {', '.join(map(repr, real)) or 'none'}"
                )
        for name, settings in self._specific.items():
            aliased = self._envs.get(name)
            if aliased is not None and "alias" in dict(aliased.settings):
                real_name = self._canonical(name)
                var = next(iter(settings.values())).origin
                raise ConfigError(
                    f"{var} targets {name!r}, which is an alias of {real_name!r} "
                    f"({aliased.origin}); set ${_PREFIX}{real_name.upper()}_... instead"
                )


def _rebuild(
    envs: tuple[RawEnvironment, ...],
    source: str,
    environ: tuple[tuple[str, str], ...],
    default: Setting | None = None,
    odc: bool = False,
) -> Config:
    return Config(envs, source=source, environ=dict(environ), default_environment=default, odc=odc)


def _relevant(var: str, value: str) -> bool:
    if not value or not var.startswith(_PREFIX):
        return False
    return var == _VAR_ENVIRONMENT or var.endswith(tuple(_OVERRIDES))


def _resolve(name: str, settings: dict[str, Setting], source: str) -> Environment:
    db_url = settings.get("db_url")
    if db_url is None or not db_url.value:
        raise ConfigError(
            f"environment {name!r} has no db_url (configuration: {source}); set db_url in its "
            f"section or ${_PREFIX}{name.upper()}_DB_URL, e.g. sqlite:////path/index.db, "
            "postgresql://user@host/dbname or memory://"
        )
    driver = settings.get("index_driver")
    if driver is not None and driver.value:
        index_driver = driver.value
    else:
        index_driver = infer_index_driver(db_url.value, environment=name, origin=db_url.origin)
    options = {k: s.value for k, s in settings.items() if k not in _RESERVED}
    return Environment(name, index_driver, db_url.value, options)


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Load the configuration.

    The first source found is used, whole (sources are never merged):

    1. `path`, when given;
    2. ``$TERRACUBE_CONFIG_PATH``: a list of files separated by :data:`os.pathsep`; the first
       that exists is used;
    3. ``$TERRACUBE_CONFIG``: the configuration text itself (handy in CI);
    4. ``~/.terracube.conf``, if it exists;
    5. ODC's configuration, as ODC 1.9 finds it (``$ODC_CONFIG``, ``$ODC_CONFIG_PATH``,
       ``./datacube.conf``, ``~/.datacube.conf``, ``/etc/default/datacube.conf``,
       ``/etc/datacube.conf``, or ``ODC_*`` variables naming a database), when no
       ``TERRACUBE_*`` variable but ``$TERRACUBE_ENVIRONMENT`` is set; its environments open
       ODC's databases through the read-only ``odc_postgres`` and ``odc_postgis`` drivers and
       :attr:`Config.source` names the file or variables read;
    6. built-in defaults: one ``default`` environment, a SQLite index at
       ``platformdirs.user_data_dir("terracube")/index.db``.

    The ``TERRACUBE_*`` override variables are then applied on top of whichever source is used
    (see :meth:`Config.environment`). Variables set to the empty string count as unset.

    Parameters
    ----------
    path
        A configuration file (INI or YAML, detected by content). ``~`` is expanded.

    Returns
    -------
    Config

    Raises
    ------
    ConfigError
        `path` does not exist or cannot be read; no file in ``$TERRACUBE_CONFIG_PATH`` exists;
        both ``$TERRACUBE_CONFIG_PATH`` and ``$TERRACUBE_CONFIG`` are set; or the text is
        malformed (the message names the file and line).
    """
    environ = dict(os.environ)
    if path is not None:
        return _from_file(Path(path).expanduser(), "path argument", environ)
    paths_var = environ.get(_VAR_CONFIG_PATH, "")
    text_var = environ.get(_VAR_CONFIG, "")
    if paths_var and text_var:
        raise ConfigError(
            f"both ${_VAR_CONFIG_PATH} and ${_VAR_CONFIG} are set; unset one of them "
            "(the first names configuration files, the second holds the text itself)"
        )
    if paths_var:
        candidates = [Path(p.strip()).expanduser() for p in paths_var.split(os.pathsep) if p.strip()]
        for candidate in candidates:
            if candidate.is_file():
                return _from_file(candidate, f"${_VAR_CONFIG_PATH}", environ)
        if candidates:
            listed = ", ".join(repr(str(c)) for c in candidates)
            raise ConfigError(
                f"no file listed in ${_VAR_CONFIG_PATH} exists: {listed}; create one or unset the variable"
            )
    if text_var:
        return Config.from_text(text_var, source=f"${_VAR_CONFIG}", environ=environ)
    try:
        home_file = Path.home() / HOME_CONFIG_NAME
    except RuntimeError:  # no home directory can be determined
        home_file = None
    if home_file is not None and home_file.is_file():
        return _from_file(home_file, "home directory", environ)
    if not any(_relevant(k, v) and k != _VAR_ENVIRONMENT for k, v in environ.items()):
        odc = _odc_config(environ)
        if odc is not None:
            return odc
    return Config._builtin(environ)


def _odc_config(environ: Mapping[str, str]) -> Config | None:
    """ODC's configuration, where the user has one and no terracube configuration (see ``_odc``)."""
    from terracube.cfg._odc import find_odc_config, odc_environments

    source = find_odc_config(environ)
    if source is None:
        return None
    envs, default = odc_environments(source, environ)
    return Config(envs, source=source.description, environ=environ, default_environment=default, odc=True)


def _from_file(path: Path, how: str, environ: Mapping[str, str]) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"configuration file {str(path)!r} ({how}) does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read configuration file {str(path)!r} ({how}): {type(exc).__name__}: {exc}"
        ) from None
    return Config.from_text(text, source=str(path), environ=environ)


def get_environment(name: str | None = None, *, config: Config | None = None) -> Environment:
    """Resolve one environment, loading the configuration if none is given.

    Parameters
    ----------
    name
        Environment name; ``None`` means ``$TERRACUBE_ENVIRONMENT`` or ``default``.
    config
        The configuration to use; default :func:`load_config()`.

    Returns
    -------
    Environment

    Raises
    ------
    ConfigError
        See :func:`load_config` and :meth:`Config.environment`.
    """
    return (config if config is not None else load_config()).environment(name)
