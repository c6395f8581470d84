"""Document changes and the policies that allow them, for updates of stored documents.

An update compares the stored document with the new one, lists every change as
``(offset, old, new)`` and checks each against a policy keyed by offset (the longest matching
prefix wins). A change no policy allows makes the update unsafe; nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias

if TYPE_CHECKING:
    from terracube.model import Dataset

__all__ = [
    "MISSING",
    "AllowPolicy",
    "Change",
    "Offset",
    "allow_any",
    "allow_extension",
    "allow_removal",
    "allow_truncation",
    "classify_changes",
    "get_doc_changes",
    "is_text_change",
    "update_changes",
]

Offset: TypeAlias = tuple[str | int, ...]


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


#: Marks a key absent on one side of a change.
MISSING: Final = _Missing()

Change: TypeAlias = tuple[Offset, Any, Any]
AllowPolicy: TypeAlias = Callable[[Offset, Any, Any], bool]


def get_doc_changes(original: Any, new: Any, base: Offset = ()) -> list[Change]:
    """Every difference between two documents as ``(offset, old, new)``, leaves first.

    >>> get_doc_changes({"a": 1, "b": {"c": 2}}, {"a": 1, "b": {"c": 3}, "d": 4})
    [(('b', 'c'), 2, 3), (('d',), MISSING, 4)]
    """
    if original == new:
        return []
    if isinstance(original, Mapping) and isinstance(new, Mapping):
        out: list[Change] = []
        for k in sorted(set(original) | set(new), key=str):
            out.extend(get_doc_changes(original.get(k, MISSING), new.get(k, MISSING), (*base, k)))
        return out
    if isinstance(original, list) and isinstance(new, list) and len(original) == len(new):
        out = []
        for i, (a, b) in enumerate(zip(original, new, strict=True)):
            out.extend(get_doc_changes(a, b, (*base, i)))
        return out
    return [(base, original, new)]


def allow_any(offset: Offset, old: Any, new: Any) -> bool:
    """Any change is allowed."""
    return True


def allow_extension(offset: Offset, old: Any, new: Any) -> bool:
    """Adding a value where there was none."""
    return old is MISSING or old is None


def allow_removal(offset: Offset, old: Any, new: Any) -> bool:
    """Removing a value."""
    return new is MISSING or new is None


def allow_truncation(offset: Offset, old: Any, new: Any) -> bool:
    """Removing a value (loosening a match rule)."""
    return allow_removal(offset, old, new)


def classify_changes(
    changes: list[Change], allowed: Mapping[Offset, AllowPolicy]
) -> tuple[list[Change], list[Change]]:
    """Split changes into (safe, unsafe) by the policy of the longest matching offset prefix."""
    safe: list[Change] = []
    unsafe: list[Change] = []
    for change in changes:
        offset = change[0]
        policy = None
        for n in range(len(offset), -1, -1):
            policy = allowed.get(tuple(offset[:n]))
            if policy is not None:
                break
        (safe if policy is not None and policy(*change) else unsafe).append(change)
    return safe, unsafe


def is_text_change(change: Change) -> bool:
    """Whether a change only rewords a ``description`` (of the document, a field, a flag...).

    Descriptions are texts for people: metadata types and products may change them freely, and
    adding a document that differs from the stored one only in them takes its texts.
    """
    offset, old, new = change
    return (
        bool(offset)
        and offset[-1] == "description"
        and all(v is MISSING or isinstance(v, str) for v in (old, new))
    )


def update_changes(
    existing: Dataset, dataset: Dataset, updates_allowed: Mapping[Offset, AllowPolicy] | None = None
) -> tuple[bool, list[Change], list[Change]]:
    """Whether ``dataset`` may replace the stored ``existing``: ``(ok, safe_changes, unsafe_changes)``.

    What ``index.datasets.can_update`` answers, for a stored version already at hand (a command
    updating many datasets reads them in batches). Every change to the document is unsafe
    unless ``updates_allowed`` maps its offset (or a prefix of it) to a policy that allows it.
    The product may never change; the location is not compared.
    """
    if existing.product.name != dataset.product.name:
        return False, [], [(("product", "name"), existing.product.name, dataset.product.name)]
    if existing.same_document(dataset):  # most often, when many files are updated again
        return True, [], []
    changes = get_doc_changes(existing.metadata_doc, dataset.metadata_doc)
    safe, unsafe = classify_changes(changes, dict(updates_allowed or {}))
    return not unsafe, safe, unsafe
