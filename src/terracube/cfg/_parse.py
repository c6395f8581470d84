"""Parse configuration text (INI or YAML) into environments that remember each value's origin.

The format is detected by content: if the first line that is neither blank nor a comment starts
with ``[``, the text is INI; otherwise it is YAML. Either way the result is a tuple of
:class:`RawEnvironment`, in the order the text defines them, with lower-case keys and string values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from terracube.errors import ConfigError

if TYPE_CHECKING:
    import yaml

__all__ = ["ENV_NAME", "RawEnvironment", "Setting", "check_env_name", "parse_config_text"]

#: An environment name: it also forms ``TERRACUBE_<NAME>_DB_URL``, hence the narrow alphabet.
ENV_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")

_SECTION = re.compile(r"\[\s*(?P<name>[^\]]*?)\s*\]\Z")
_KEY_SPLIT = re.compile(r"[=:]")
_NULL_TAG = "tag:yaml.org,2002:null"


class Setting(NamedTuple):
    """One configuration value and where it came from."""

    value: str
    """The value, as text."""

    origin: str
    """``"<source>:<line>"``, ``"$VARIABLE"`` or ``"built-in default"``."""


class RawEnvironment(NamedTuple):
    """One environment as written in the configuration, before any resolution."""

    name: str
    """The environment name (section name)."""

    origin: str
    """Where the environment is defined (``"<source>:<line>"``)."""

    settings: tuple[tuple[str, Setting], ...]
    """Keys (lower case) and values, in the order written."""


def check_env_name(name: str, origin: str) -> str:
    """Return `name` if it is a valid environment name, else raise :class:`ConfigError`."""
    if not ENV_NAME.match(name):
        raise ConfigError(
            f"{origin}: invalid environment name {name!r}; use lower-case letters, digits and "
            "'_', starting with a letter (the name also forms TERRACUBE_<NAME>_DB_URL)"
        )
    return name


def parse_config_text(text: str, source: str) -> tuple[RawEnvironment, ...]:
    """Parse configuration text, INI or YAML (detected by content).

    Parameters
    ----------
    text
        The configuration text.
    source
        Where the text came from (a file path or ``$TERRACUBE_CONFIG``), used in origins and
        error messages.

    Returns
    -------
    tuple of RawEnvironment
        The environments in the order defined; empty for a text with no content.

    Raises
    ------
    ConfigError
        The text is malformed; the message names the source and line.
    """
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if stripped.startswith("["):
            return _parse_ini(text, source)
        return _parse_yaml(text, source)
    return ()


def _parse_ini(text: str, source: str) -> tuple[RawEnvironment, ...]:
    sections: dict[str, tuple[int, dict[str, tuple[int, str]]]] = {}
    current: dict[str, tuple[int, str]] | None = None
    key: str | None = None
    key_indent = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        indent = len(line) - len(line.lstrip())
        if current is not None and key is not None and indent > key_indent:
            # A continuation line (configparser's rule): append it to the value of `key`.
            first_line, value = current[key]
            current[key] = (first_line, f"{value}\n{stripped}" if value else stripped)
            continue
        where = f"{source}:{lineno}"
        if stripped.startswith("["):
            match = _SECTION.match(stripped)
            if match is None:
                raise ConfigError(f"{where}: malformed section header {stripped!r}; write [name]")
            name = check_env_name(match["name"], where)
            if name in sections:
                raise ConfigError(
                    f"{where}: environment [{name}] is defined twice (first at line "
                    f"{sections[name][0]}); merge the two sections"
                )
            current = {}
            sections[name] = (lineno, current)
            key = None
            continue
        if current is None:
            raise ConfigError(f"{where}: {stripped!r} comes before any [environment] section header")
        split = _KEY_SPLIT.search(stripped)
        if split is None or not stripped[: split.start()].strip():
            raise ConfigError(f"{where}: expected 'key = value', got {stripped!r}")
        key = stripped[: split.start()].strip().lower()
        if key in current:
            raise ConfigError(
                f"{where}: key {key!r} is set twice in one environment (first at line {current[key][0]})"
            )
        current[key] = (lineno, stripped[split.end() :].strip())
        key_indent = indent
    return tuple(
        RawEnvironment(
            name,
            f"{source}:{start}",
            tuple((k, Setting(v, f"{source}:{n}")) for k, (n, v) in keys.items()),
        )
        for name, (start, keys) in sections.items()
    )


def _parse_yaml(text: str, source: str) -> tuple[RawEnvironment, ...]:
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise ConfigError(
                f"{_yaml_where(exc, source)}: not valid YAML, and not INI (the first line is not "
                f"an [environment] header): {_yaml_problem(exc)}"
            ) from None
        if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL_TAG):
            return ()
        if not isinstance(root, yaml.MappingNode):
            raise ConfigError(
                f"{_where(root, source)}: the configuration must map environment names to "
                "settings (INI [sections] or a YAML mapping)"
            )
        envs: dict[str, RawEnvironment] = {}
        for key_node, value_node in _pairs(loader, root, source):
            where = _where(key_node, source)
            name = check_env_name(_scalar_key(key_node, source), where)
            if name in envs:
                raise ConfigError(
                    f"{where}: environment {name!r} is defined twice (first at {envs[name].origin})"
                )
            if not isinstance(value_node, yaml.MappingNode):
                raise ConfigError(
                    f"{where}: environment {name!r} must be a mapping of settings, e.g. "
                    "'db_url: sqlite:////path/index.db'"
                )
            settings: dict[str, Setting] = {}
            for skey_node, svalue_node in _pairs(loader, value_node, source):
                skey = _scalar_key(skey_node, source).lower()
                settings[skey] = Setting(_scalar_value(svalue_node, skey, source), _where(skey_node, source))
            envs[name] = RawEnvironment(name, where, tuple(settings.items()))
        return tuple(envs.values())
    finally:
        loader.dispose()


def _pairs(loader: yaml.SafeLoader, node: yaml.MappingNode, source: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """Return the key/value pairs of a mapping, merge keys (``<<``) applied, own keys last."""
    import yaml

    seen: dict[str, str] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
            continue
        key = key_node.value.lower()
        if key in seen:
            raise ConfigError(
                f"{_where(key_node, source)}: key {key_node.value!r} is given twice in one "
                f"mapping (first at {seen[key]})"
            )
        seen[key] = _where(key_node, source)
    try:
        loader.flatten_mapping(node)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{_yaml_where(exc, source)}: {_yaml_problem(exc)}") from None
    return list(node.value)


def _scalar_key(node: yaml.Node, source: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise ConfigError(f"{_where(node, source)}: keys must be plain names")
    return str(node.value)


def _scalar_value(node: yaml.Node, key: str, source: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise ConfigError(
            f"{_where(node, source)}: setting {key!r} must be a single value (text), not a list or mapping"
        )
    return "" if node.tag == _NULL_TAG else str(node.value)


def _where(node: yaml.Node, source: str) -> str:
    return f"{source}:{node.start_mark.line + 1}"


def _yaml_where(exc: yaml.YAMLError, source: str) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f"{source}:{mark.line + 1}" if mark is not None else source


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return str(problem) if problem else str(exc).splitlines()[0]
