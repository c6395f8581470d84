"""Helpers for documents: JSON normalisation, schema checks, and reading YAML/JSON files."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from terracube.errors import DocumentError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["check_schema", "jsonify", "read_documents"]


def jsonify(value: Any) -> Any:
    """A deep copy of ``value`` holding only JSON types.

    Datetimes become ISO 8601 strings (naive ones stay naive), dates ``YYYY-MM-DD``, UUIDs
    strings, tuples lists, numpy scalars Python numbers. Dict keys become strings.
    """
    if isinstance(value, dict):
        return {str(k): jsonify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonify(v) for v in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return jsonify(value.item())
    if hasattr(value, "keys"):
        return {str(k): jsonify(value[k]) for k in value}
    raise TypeError(f"cannot store a {type(value).__name__} ({value!r}) in a JSON document")


def _path_text(path: Any) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def check_schema(doc: Mapping[str, Any], schema: Mapping[str, Any], *, kind: str, where: str) -> None:
    """Validate ``doc`` against a JSON schema, raising one clear :class:`DocumentError`.

    The error names the field, the bad value and the document.
    """
    validator = _validator(json.dumps(schema, sort_keys=True))
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(e.path), list(map(str, e.path))))
    if not errors:
        return
    err = errors[0]
    field = _path_text(err.absolute_path)
    value = err.instance
    shown = repr(value)
    if len(shown) > 200:
        shown = shown[:200] + "..."
    raise DocumentError(
        f"invalid {kind} document {where}: field {field} = {shown}: {err.message}",
        field=field,
        value=value,
        doc=where,
    )


@cache
def _validator(schema_json: str) -> Any:
    import jsonschema

    schema = json.loads(schema_json)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def read_documents(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(uri, document)`` for each document in a YAML (possibly multi-document) or JSON file.

    The uri names the file and, for a multi-document file, the document's position
    (``file:///a/b.yaml#2``).

    Raises
    ------
    DocumentError
        The file cannot be parsed, or holds something other than mappings.
    """
    import yaml

    p = Path(path)
    uri = p.absolute().as_uri()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise DocumentError(f"cannot read {str(p)!r}: {e.strerror or e}", doc=uri) from e
    try:
        if p.suffix.lower() == ".json":
            docs: list[Any] = [json.loads(text)]
        else:
            docs = [d for d in yaml.load_all(text, Loader=_loader()) if d is not None]
    except (ValueError, yaml.YAMLError) as e:
        raise DocumentError(f"cannot parse {str(p)!r}: {e}", doc=uri) from e
    for i, d in enumerate(docs):
        where = uri if len(docs) == 1 else f"{uri}#{i}"
        if not isinstance(d, dict):
            raise DocumentError(f"{where} holds a {type(d).__name__}, not a document (a mapping)", doc=where)
        yield where, d


@cache
def _loader() -> Any:
    """A safe YAML loader that keeps timestamps as the strings the document wrote."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
        for ch, rs in base.yaml_implicit_resolvers.items()
    }
    return type("DocumentLoader", (base,), {"yaml_implicit_resolvers": resolvers})
