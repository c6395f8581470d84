"""Helpers for documents: JSON normalisation, schema checks, and reading YAML/JSON files."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import os
import re
import stat
import uuid
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from terracube.errors import DocumentError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["MAX_DOCUMENT_BYTES", "check_schema", "doc_json", "jsonify", "parse_documents", "read_documents"]

#: How non-finite floats are written in documents: JSON has no such numbers, and these are the
#: spellings ODC's product schema accepts for a measurement's ``nodata``.
NON_FINITE: Final = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def jsonify(value: Any) -> Any:
    """A deep copy of ``value`` holding only JSON types.

    Datetimes become ISO 8601 strings (naive ones stay naive), dates ``YYYY-MM-DD``, UUIDs
    strings, tuples lists, numpy scalars Python numbers. Dict keys become strings. NaN and
    infinities become the strings ``"NaN"``, ``"Infinity"`` and ``"-Infinity"`` (JSON has no such
    numbers; ODC stores them as strings too), so a document reads back from any index as it
    was added.
    """
    if isinstance(value, dict):
        return {str(k): jsonify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonify(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else NON_FINITE[repr(value)]
    if value is None or isinstance(value, str | bool | int):
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


def doc_json(doc: Any) -> bytes:
    """A JSON document (as :func:`jsonify` gives) as compact UTF-8 JSON bytes.

    Integers beyond 64 bits (a float32 extreme written out as an integer nodata, say) are
    written exactly, as PostgreSQL's ``jsonb`` and ODC keep them.
    """
    import orjson

    try:
        return orjson.dumps(doc)
    except TypeError:  # orjson stops at 64-bit integers; the standard library does not
        return json.dumps(doc, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def _path_text(path: Any) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def check_schema(doc: Mapping[str, Any], schema: Mapping[str, Any], *, kind: str, where: str) -> None:
    """Validate ``doc`` against a JSON schema, raising one clear :class:`DocumentError`.

    The error names the field, the bad value and the document. A missing required field and
    an unknown key are named by their own path (an unknown key with the allowed ones, and the
    closest if it looks misspelt).
    """
    validator = _validator(json.dumps(schema, sort_keys=True))
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(e.path), list(map(str, e.path))))
    if not errors:
        return
    err = errors[0]
    if err.validator == "required" and isinstance(err.instance, dict):
        missing = [k for k in err.validator_value if k not in err.instance]
        field = _path_text([*err.absolute_path, missing[0]])
        raise DocumentError(
            f"invalid {kind} document {where}: field {field} is missing; a {kind} document needs "
            f"{', '.join(err.validator_value)}"
            + (f" in {_path_text(err.absolute_path)}" if err.path else ""),
            field=field,
            value=None,
            doc=where,
        )
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        unknown = _unknown_keys(err.instance, err.schema)
        if unknown:
            field = _path_text([*err.absolute_path, unknown[0]])
            allowed = sorted(err.schema.get("properties", {}))
            close = difflib.get_close_matches(unknown[0], allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            patterns = "".join(f", keys matching {p!r}" for p in err.schema.get("patternProperties", {}))
            raise DocumentError(
                f"invalid {kind} document {where}: unknown field {field}; {hint}remove or rename it "
                f"(allowed here: {', '.join(allowed)}{patterns})",
                field=field,
                value=err.instance[unknown[0]],
                doc=where,
            )
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


def _unknown_keys(instance: Mapping[str, Any], schema: Mapping[str, Any]) -> list[str]:
    """Keys of ``instance`` that neither ``properties`` nor ``patternProperties`` of ``schema`` allow."""

    known = schema.get("properties", {})
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    return [k for k in instance if k not in known and not any(p.search(k) for p in patterns)]


@cache
def _validator(schema_json: str) -> Any:
    import jsonschema

    schema = json.loads(schema_json)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


#: The largest document file :func:`read_documents` reads (64 MiB; eo3 documents are a few KiB).
MAX_DOCUMENT_BYTES: Final = 64 * 1024 * 1024


def read_documents(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(uri, document)`` for each document in a YAML (possibly multi-document) or JSON file.

    The uri names the file and, for a multi-document file, the document's position
    (``file:///a/b.yaml#2``). YAML is read as PyYAML's safe loader reads it, keeping
    timestamps as the strings written (most documents by a faster reader that gives the
    same values, see :mod:`terracube.model._yaml`); ``.json`` files as JSON.

    Raises
    ------
    DocumentError
        The file cannot be read or parsed, is larger than :data:`MAX_DOCUMENT_BYTES`, nests
        deeper than 100 levels, has aliases that expand it far beyond what is written, or holds
        something other than mappings. The message names the file.
    """
    name = path if isinstance(path, str) and _is_plain_path(path) else str(Path(path))
    uri = _file_uri(name)
    docs = parse_documents(_read_bytes(name, uri), name=name, uri=uri, json=_is_json_name(name))
    for i, d in enumerate(docs):
        where = uri if len(docs) == 1 else f"{uri}#{i}"
        if not isinstance(d, dict):
            raise DocumentError(f"{where} holds a {type(d).__name__}, not a document (a mapping)", doc=where)
        yield where, d


def _is_plain_path(path: str) -> bool:
    """Whether ``path`` is written as :class:`pathlib.Path` writes it (no ``//``, ``.`` or ending ``/``)."""
    return (
        bool(path)
        and "//" not in path
        and "/./" not in path
        and not path.startswith("./")
        and not path.endswith(("/", "/."))
        and path != "."
    )


def _file_uri(name: str) -> str:
    """``Path(name).absolute().as_uri()`` of a path as :class:`pathlib.Path` writes it, without building one."""
    if not name.startswith("/"):
        cwd = os.getcwd()
        name = f"{cwd}/{name}" if cwd != "/" else f"/{name}"
        if not _is_plain_path(name):
            return Path(name).as_uri()
    from urllib.parse import quote_from_bytes

    return "file://" + quote_from_bytes(os.fsencode(name))


def _is_json_name(name: str) -> bool:
    """Whether a file's suffix (as :attr:`pathlib.PurePath.suffix` gives it) is ``.json``, in any case."""
    base = name.rpartition("/")[2]
    return base.lower().endswith(".json") and len(base) > 5


def _read_bytes(name: str, uri: str) -> bytes:
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            st = os.fstat(fd)
            size = st.st_size
            if size > MAX_DOCUMENT_BYTES:
                raise DocumentError(
                    f"cannot read {name!r}: it holds {size:,} bytes, more than the "
                    f"{MAX_DOCUMENT_BYTES:,} a document file may hold",
                    doc=uri,
                )
            # One read takes a whole regular file; a pipe, or a file grown since, takes more.
            want = size + 1 if size else 1 << 16
            data = os.read(fd, want)
            if len(data) == want or not stat.S_ISREG(st.st_mode):
                parts, got = [data], len(data)
                while parts[-1] and got <= MAX_DOCUMENT_BYTES:
                    parts.append(os.read(fd, min(MAX_DOCUMENT_BYTES + 1 - got, 1 << 20)))
                    got += len(parts[-1])
                data = b"".join(parts)
        finally:
            os.close(fd)
    except OSError as e:
        raise DocumentError(f"cannot read {name!r}: {e.strerror or e}", doc=uri) from e
    if len(data) > MAX_DOCUMENT_BYTES:  # it grew while being read
        raise DocumentError(
            f"cannot read {name!r}: more than the {MAX_DOCUMENT_BYTES:,} bytes a document file may hold",
            doc=uri,
        )
    return data


def parse_documents(data: bytes, *, name: str, uri: str, json: bool) -> list[Any]:
    """The documents of a file's bytes: JSON (one document) or YAML (empty documents left out).

    ``name`` names the file in messages, ``uri`` is the error's ``doc``.

    Raises
    ------
    DocumentError
        The bytes are not UTF-8 text, or not JSON or YAML, or hostile (see :func:`read_documents`).
    """
    from terracube.model._yaml import MAX_DEPTH, load_documents

    if json:
        try:
            doc = json_value(data)
        except UnicodeDecodeError as e:
            raise DocumentError(f"cannot read {name!r}: not UTF-8 text ({e})", doc=uri) from None
        except (ValueError, RecursionError) as e:
            raise DocumentError(f"cannot parse {name!r}: {e}", doc=uri) from None
        if data.count(b"[") + data.count(b"{") > MAX_DEPTH and _too_deep(doc, MAX_DEPTH):
            raise DocumentError(f"cannot read {name!r}: nested more than {MAX_DEPTH} levels deep", doc=uri)
        return [doc]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DocumentError(f"cannot read {name!r}: not UTF-8 text ({e})", doc=uri) from None
    try:
        return load_documents(text, where=repr(name))
    except DocumentError as e:
        raise DocumentError(str(e), doc=uri) from None


#: Bytes with every digit made "1" and everything else "0" (bytes.translate: C speed).
_DIGITS: Final = bytes(0x31 if 0x30 <= i <= 0x39 else 0x30 for i in range(256))
#: Nineteen digits in a row: maybe an integer beyond 64 bits, which orjson reads as a float.
_LONG_RUN: Final = b"1" * 19


def json_value(data: bytes | str) -> Any:
    """JSON bytes as Python values, exactly.

    orjson, but the json module where orjson would read otherwise (an integer beyond 64 bits,
    which it makes a float) or refuses (NaN and Infinity, as other tools write them).

    Raises
    ------
    ValueError
        Not JSON (``UnicodeDecodeError``: not UTF-8 text).
    RecursionError
        Nested too deep for the json module.
    """
    import orjson

    if isinstance(data, str):
        data = data.encode("utf-8")
    if _LONG_RUN not in data.translate(_DIGITS):
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    return json.loads(data.decode("utf-8"))


def _too_deep(value: Any, limit: int) -> bool:
    """Whether lists and dicts nest more than ``limit`` levels (without recursion)."""
    todo = [(value, 1)]
    while todo:
        v, d = todo.pop()
        if not isinstance(v, dict | list):
            continue
        if d > limit:
            return True
        todo.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return False


def _loader() -> Any:
    """PyYAML's safe loader keeping timestamps as the strings the document wrote."""
    from terracube.model._yaml import document_loader

    return document_loader()
