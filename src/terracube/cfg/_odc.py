"""ODC's own configuration (datacube 1.9's rules), for users who have no terracube configuration.

Where ODC 1.9 finds its configuration, in order (only the first source is read):

1. ``$ODC_CONFIG``: the configuration text itself;
2. ``$ODC_CONFIG_PATH``, else the deprecated ``$DATACUBE_CONFIG_PATH``: files separated by
   ``:``; the first readable one is used, and none being readable is an error;
3. the search path ``./datacube.conf``, ``~/.datacube.conf``, ``/etc/default/datacube.conf``,
   ``/etc/datacube.conf``.

Text whose first non-blank line starts with ``[`` or ``;`` is INI (Python's ``configparser``:
a ``DEFAULT`` section applies to every section, ``%(name)s`` interpolates), anything else YAML.
Each section is an environment; ``alias: other`` makes it another name for ``other``.

Every option of an environment may be overridden by a variable: ``$ODC_<ENV>_<OPTION>`` (also
under any alias's name), then the legacy ``$DATACUBE_DB_URL``, ``$DB_USERNAME``,
``$DB_PASSWORD``, ``$DB_HOSTNAME``, ``$DB_PORT``, ``$DB_DATABASE``, then
``$ODC_ALL_<OPTION>``. Variables alone define an environment no file names
(``ODC_AUX_DB_URL=...`` makes ``aux``). The environment used by default is
``$ODC_ENVIRONMENT``, else ``$DATACUBE_ENVIRONMENT``, else ``default``, else ``datacube``.

Without any file or ``$ODC_CONFIG``, ODC's configuration is still used when a variable defines a
database (``$ODC_<ENV>_DB_URL``, ``_DB_DATABASE``, ``_DB_HOSTNAME``, ``_INDEX_DRIVER``, or
``$DATACUBE_DB_URL``), on top of ODC's built-in default environment. The legacy ``$DB_*``
variables alone do not count: other tools set them too.

An environment's database is its ``db_url`` or, without one, the URL ODC builds from
``db_username`` (default: the login name), ``db_password``, ``db_hostname`` (default
``localhost``; empty: the local socket), ``db_port`` and ``db_database`` (default
``datacube``). ODC's index drivers become terracube's read-only ones: ``postgres`` (and its
names ``default`` and ``legacy``) -> ``odc_postgres``, ``postgis`` -> ``odc_postgis``;
``memory`` -> ``memory``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from terracube.cfg._parse import RawEnvironment, Setting
from terracube.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["ODC_DRIVERS", "ODC_SEARCH_PATH", "OdcSource", "find_odc_config", "odc_environments"]

#: ODC 1.9's configuration files, looked for in this order.
ODC_SEARCH_PATH: Final = (
    "datacube.conf",
    "~/.datacube.conf",
    "/etc/default/datacube.conf",
    "/etc/datacube.conf",
)

#: ODC index driver names -> terracube's.
ODC_DRIVERS: Final = {
    "default": "odc_postgres",
    "postgres": "odc_postgres",
    "legacy": "odc_postgres",
    "postgis": "odc_postgis",
    "memory": "memory",
}

_OPTIONS: Final = (
    "index_driver",
    "db_url",
    "db_database",
    "db_hostname",
    "db_port",
    "db_username",
    "db_password",
    "db_iam_authentication",
    "db_iam_timeout",
    "db_connection_timeout",
    "db_query_timeout",
    "psycopg_version",
    "skip_broken_datasets",
    "dc_load_limit",
)
_LEGACY: Final = {
    "db_url": "DATACUBE_DB_URL",
    "db_username": "DB_USERNAME",
    "db_password": "DB_PASSWORD",
    "db_hostname": "DB_HOSTNAME",
    "db_port": "DB_PORT",
    "db_database": "DB_DATABASE",
    "db_iam_authentication": "DATACUBE_IAM_AUTHENTICATION",
    "db_iam_timeout": "DATACUBE_IAM_TIMEOUT",
}
#: Options that make up the database URL (not kept as environment options).
_URL_PARTS: Final = {"db_url", "db_database", "db_hostname", "db_port", "db_username", "db_password"}
#: Variables that, without any file, say the user configured ODC by environment variables.
_DEFINING: Final = ("db_url", "db_database", "db_hostname", "index_driver")
_ODC_DEFAULT: Final = "default:\n  db_hostname: ''\n  db_database: datacube\n  index_driver: default\n"
_ENV_NAME = re.compile(r"[a-z][a-z0-9]*\Z")
_BY_LENGTH = sorted(_OPTIONS, key=len, reverse=True)


class OdcSource(NamedTuple):
    """ODC's configuration text and where it came from."""

    text: str
    """The text (INI or YAML)."""
    origin: str
    """A file path, ``$ODC_CONFIG``, or ``ODC's built-in default``."""
    description: str
    """How terracube names it: ``ODC configuration file /path``, ``ODC configuration in $ODC_CONFIG``..."""


def _variable_options(environ: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """``ODC_<ENV>_<OPTION>`` variables set (non-empty): env (lower case, ``all`` too) -> option -> variable."""
    out: dict[str, dict[str, str]] = {}
    for var, value in environ.items():
        if not value or not var.startswith("ODC_"):
            continue
        rest = var[4:].lower()
        for opt in _BY_LENGTH:
            if rest.endswith("_" + opt):
                env = rest[: -len(opt) - 1]
                if _ENV_NAME.match(env):
                    out.setdefault(env, {})[opt] = var
                break
    return out


def _read(paths: list[str], how: str) -> OdcSource:
    for p in paths:
        path = Path(p).expanduser().absolute()
        try:
            return OdcSource(
                path.read_text(encoding="utf-8"), str(path), f"ODC configuration file {path} ({how})"
            )
        except (OSError, UnicodeDecodeError):
            continue
    raise ConfigError(
        f"no file listed in {how} can be read: {', '.join(map(repr, paths))}; fix the variable or unset it"
    )


def find_odc_config(environ: Mapping[str, str]) -> OdcSource | None:
    """ODC's configuration where ODC 1.9 would find it, or None if the user has none.

    Raises
    ------
    ConfigError
        ``$ODC_CONFIG_PATH`` (or ``$DATACUBE_CONFIG_PATH``) lists no readable file.
    """
    text = environ.get("ODC_CONFIG", "")
    if text:
        return OdcSource(text, "$ODC_CONFIG", "ODC configuration in $ODC_CONFIG")
    for var in ("ODC_CONFIG_PATH", "DATACUBE_CONFIG_PATH"):
        paths = [p for p in environ.get(var, "").split(":") if p.strip()]
        if paths:
            return _read(paths, f"${var}")
    for p in ODC_SEARCH_PATH:
        path = Path(p).expanduser()
        if path.is_file():
            try:
                return _read([str(path)], "ODC's search path")
            except ConfigError:
                continue
    defining = sorted(
        var for opts in _variable_options(environ).values() for opt, var in opts.items() if opt in _DEFINING
    )
    if environ.get("DATACUBE_DB_URL"):
        defining.append("DATACUBE_DB_URL")
    if defining:
        names = ", ".join(f"${v}" for v in defining)
        return OdcSource(_ODC_DEFAULT, "ODC's built-in default", f"ODC environment variables ({names})")
    return None


def _smells_like_ini(text: str) -> bool:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[0] in "[;"
    return True


def _parse(source: OdcSource) -> dict[str, dict[str, str | None]]:
    """Environment -> option -> value (None: given empty in YAML, as if absent)."""
    if _smells_like_ini(source.text):
        import configparser

        parser = configparser.ConfigParser()
        try:
            parser.read_string(source.text, source=source.origin)
            return {s: dict(parser.items(s)) for s in parser.sections()}
        except configparser.Error as e:
            raise ConfigError(f"{source.description} is not valid INI: {e}") from None
    import yaml

    try:
        doc = yaml.safe_load(source.text)
    except yaml.YAMLError as e:
        raise ConfigError(f"{source.description} is not valid YAML: {e}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict) or not all(isinstance(v, dict) for v in doc.values()):
        raise ConfigError(f"{source.description} must map environment names to their options")
    out: dict[str, dict[str, str | None]] = {}
    for env, opts in doc.items():
        out[str(env)] = {str(k).lower(): _text(v) for k, v in opts.items()}
    return out


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _login() -> str | None:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name on this system
        return None


def _url(opts: Mapping[str, Setting]) -> Setting:
    """The environment's database URL: ``db_url``, else the URL ODC builds from its parts."""
    from urllib.parse import quote_plus

    url = opts.get("db_url")
    if url is not None and url.value:
        value = url.value
        for dialect in ("postgresql+psycopg2://", "postgresql+psycopg://"):
            if value.startswith(dialect):
                value = "postgresql://" + value[len(dialect) :]
        return Setting(value, url.origin)
    user = opts["db_username"].value if "db_username" in opts else _login()
    password = opts["db_password"].value if "db_password" in opts else None
    host = opts["db_hostname"].value if "db_hostname" in opts else "localhost"
    port = opts["db_port"].value if "db_port" in opts else None
    database = opts["db_database"].value if "db_database" in opts else "datacube"
    login = ""
    if user:
        login = f"{user}:{quote_plus(password)}@" if password else f"{user}@"
    text = f"postgresql://{login}{host}{':' + port if port else ''}/{database}"
    given = [opts[k].origin for k in ("db_hostname", "db_database", "db_username", "db_port") if k in opts]
    return Setting(text, "; ".join(dict.fromkeys(given)) or "ODC's defaults")


def odc_environments(
    source: OdcSource, environ: Mapping[str, str]
) -> tuple[list[RawEnvironment], Setting | None]:
    """terracube's environments from ODC's configuration, and the default environment's name.

    Raises
    ------
    ConfigError
        The text is malformed, an environment name is not one ODC accepts, or an alias is
        mixed with other options.
    """
    raw = _parse(source)
    variables = _variable_options(environ)
    names = list(raw) + sorted(n for n in variables if n != "all" and n not in raw)
    aliases: dict[str, list[str]] = {}
    for name in names:
        if not _ENV_NAME.match(name):
            raise ConfigError(
                f"{source.description}: environment {name!r} is not a name ODC accepts "
                "(lower-case letters and digits, starting with a letter)"
            )
        target = (raw.get(name) or {}).get("alias")
        if target:
            extra = sorted(k for k, v in raw[name].items() if k != "alias" and v is not None)
            if extra:
                raise ConfigError(
                    f"{source.description}: environment {name!r} is an alias of {target!r} and may hold "
                    f"nothing else; remove {', '.join(extra)}"
                )
            aliases.setdefault(target, []).append(name)
    envs: list[RawEnvironment] = []
    where = source.origin
    for name in names:
        opts = raw.get(name) or {}
        if opts.get("alias"):
            envs.append(
                RawEnvironment(name, f"{where} [{name}]", (("alias", Setting(str(opts["alias"]), where)),))
            )
            continue
        values: dict[str, Setting] = {}
        for opt in _OPTIONS:
            candidates = [variables.get(n, {}).get(opt) for n in (name, *aliases.get(name, ()))]
            candidates += [_LEGACY.get(opt), variables.get("all", {}).get(opt)]
            var = next((v for v in candidates if v and environ.get(v)), None)
            if var is not None:
                values[opt] = Setting(environ[var], f"${var}")
            elif opts.get(opt) is not None:
                values[opt] = Setting(str(opts[opt]), f"{where} [{name}] {opt}")
        odc_driver = values.get("index_driver", Setting("default", "ODC's default"))
        # A driver terracube lacks (ODC's ``null``) stays as named: connecting says so.
        name_in = odc_driver.value.strip().lower()
        driver = ODC_DRIVERS.get(name_in, name_in)
        settings = [("index_driver", Setting(driver, odc_driver.origin))]
        if driver == "memory":
            settings.append(("db_url", Setting("memory://", odc_driver.origin)))
        else:
            settings.append(("db_url", _url(values)))
        settings += [(k, s) for k, s in values.items() if k not in _URL_PARTS and k != "index_driver"]
        envs.append(RawEnvironment(name, f"{where} [{name}]", tuple(settings)))
    default = None
    for var in ("ODC_ENVIRONMENT", "DATACUBE_ENVIRONMENT"):
        if environ.get(var):
            default = Setting(environ[var], f"${var}")
            break
    if default is None and "default" not in names and "datacube" in names:
        default = Setting("datacube", f"{source.description} (ODC's fallback environment)")
    return envs, default
