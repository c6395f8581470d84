"""What every index can store: no NUL character in a string, no NaN or infinite number.

PostgreSQL cannot hold a NUL character in ``text`` or ``jsonb`` at all: rather than store such
documents in some drivers and not others, every driver refuses them, naming the field. JSON has
no NaN or infinity either, but ODC stores them in dataset documents as the strings ``"NaN"``,
``"Infinity"`` and ``"-Infinity"``, and so does terracube (:func:`terracube.model._docs.jsonify`);
``finite=True`` is for callers that must refuse them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from terracube.errors import DocumentError

__all__ = ["check_storable", "is_plain"]


def _clean(value: Any, finite: bool) -> bool:
    """Whether ``value`` holds neither NUL characters nor (with ``finite``) non-finite numbers."""
    stack = [value]
    while stack:
        v = stack.pop()
        t = type(v)
        if t is str:
            if "\x00" in v:
                return False
        elif t is dict:
            for k in v:
                if type(k) is str and "\x00" in k:
                    return False
            stack.extend(v.values())
        elif t is list or t is tuple:
            stack.extend(v)
        elif t is float:
            if finite and not math.isfinite(v):
                return False
        elif t is int or t is bool or v is None:
            continue
        elif isinstance(v, Mapping):
            stack.append(dict(v))
        elif isinstance(v, str):
            stack.append(str(v))
        elif finite and hasattr(v, "item") and callable(v.item):  # a numpy scalar
            stack.append(v.item())
    return True


def is_plain(doc: Any) -> bool:
    """Whether ``doc`` holds no NUL character and no NaN or infinite number (the common case)."""
    return _clean(doc, True)


def _first_problem(value: Any, path: tuple[str, ...], finite: bool) -> tuple[str, Any, str] | None:
    """``(field path, bad value, what is wrong)`` of the first problem, depth first."""
    if isinstance(value, str):
        if "\x00" in value:
            return ".".join(path), value, "holds a NUL character (\\u0000)"
        return None
    if isinstance(value, Mapping):
        for k, v in value.items():
            if isinstance(k, str) and "\x00" in k:
                return ".".join(path), k, f"has a key holding a NUL character (\\u0000), {k!r}"
            found = _first_problem(v, (*path, str(k)), finite)
            if found:
                return found
        return None
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            found = _first_problem(v, (*path, str(i)), finite)
            if found:
                return found
        return None
    if finite and hasattr(value, "item") and callable(value.item):
        value = value.item()
    if finite and isinstance(value, float) and not math.isfinite(value):
        return ".".join(path), value, "is not a finite number (JSON has no NaN or infinity)"
    return None


def check_storable(doc: Mapping[str, Any], *, kind: str, where: str, finite: bool = True) -> None:
    """Refuse a document no index can store faithfully.

    Parameters
    ----------
    doc
        The document, before any normalisation (which would turn NaN into null).
    kind
        What it is, for the message: ``"dataset"``, ``"product"``, ``"metadata type"``.
    where
        Names the document in the message (its file, location or id).
    finite
        Also refuse NaN and infinite numbers (product documents may hold a NaN ``nodata``).

    Raises
    ------
    DocumentError
        A string holds a NUL character, or (with ``finite``) a number is NaN or infinite; the
        message names the field path, and ``field`` is set to it.
    """
    if _clean(doc, finite):
        return
    found = _first_problem(doc, (), finite)
    if found is None:  # pragma: no cover - the two walks agree
        return
    field, value, what = found
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    hint = (
        "remove the NUL characters (no index can store them)"
        if "NUL" in what
        else "leave the field out, or give a finite number"
    )
    raise DocumentError(
        f"invalid {kind} document {where}: field {field or '(top level)'} {what}: {shown}; {hint}",
        field=field,
        value=value,
        doc=where,
    )
