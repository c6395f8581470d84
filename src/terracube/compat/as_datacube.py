"""``import terracube.compat.as_datacube``: from then on, ``import datacube`` anywhere gives terracube's.

A notebook changes its own import lines to ``terracube.compat.datacube``; the helper packages it
uses (a lab's own ``*_tools`` modules, say) import ``datacube`` themselves. Importing this module
first makes every later ``import datacube`` and ``from datacube.x import y`` — in the notebook
and in those packages alike — give the modules of :mod:`terracube.compat.datacube`, the very
same objects::

    import terracube.compat.as_datacube  # noqa: F401  (first, before the helpers)
    import datacube
    from lab_tools.loading import load_clean   # its `import datacube` is terracube's too

ODC's own ``datacube`` package, if installed, is not imported after this. If it was imported
already, importing this module raises :class:`~terracube.errors.NotOfferedError`: two
``datacube`` packages in one process would mix their objects. A ``datacube`` module terracube
does not lay out raises ``ModuleNotFoundError`` naming it.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from typing import TYPE_CHECKING, Any

from terracube.errors import NotOfferedError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

__all__: list[str] = []

_ODC = "datacube"
_OURS = "terracube.compat.datacube"


def _ours(fullname: str) -> str:
    return _OURS + fullname[len(_ODC) :]


class _AliasLoader(importlib.abc.Loader):
    """Loads ``datacube.x`` as the module object of ``terracube.compat.datacube.x``."""

    def __init__(self, target: str) -> None:
        self._target = target
        self._spec: ModuleSpec | None = None

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        module = importlib.import_module(self._target)
        self._spec = module.__spec__
        # Submodules the target registered itself (``geometry._base``, a module that is not a
        # package) get their ``datacube.`` names now: Python looks those up in sys.modules
        # before it asks a finder, and fails on a parent that is not a package.
        prefix = self._target + "."
        for name, sub in list(sys.modules.items()):
            if name.startswith(prefix):
                sys.modules.setdefault(spec.name + name[len(self._target) :], sub)
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The import system gave the module the alias' spec; it keeps its own (its name, its path).
        module.__spec__ = self._spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Finds ``datacube`` and ``datacube.*`` among terracube's compat modules, before any other finder."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != _ODC and not fullname.startswith(_ODC + "."):
            return None
        target_name = _ours(fullname)
        parent = target_name.rpartition(".")[0]
        importlib.import_module(parent)
        if importlib.util.find_spec(target_name) is None:
            raise ModuleNotFoundError(
                f"No module named {fullname!r}: terracube.compat.datacube does not lay it out "
                "(see docs/odc-code.md for the modules it offers)",
                name=fullname,
            )
        return importlib.util.spec_from_loader(fullname, _AliasLoader(target_name))


def _install() -> None:
    odc: Any = sys.modules.get(_ODC)
    if odc is not None and getattr(odc, "__name__", _ODC) != _OURS:
        raise NotOfferedError(
            "ODC's own datacube package is imported already; import terracube.compat.as_datacube before "
            "anything imports datacube (first in the notebook), or restart the kernel",
            name=_ODC,
        )
    if not any(isinstance(f, _AliasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _AliasFinder())


_install()
