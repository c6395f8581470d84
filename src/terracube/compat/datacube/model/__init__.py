"""``datacube.model``: terracube's document values under ODC's names.

``DatasetType`` is ODC's old name of :class:`Product`. terracube's constructors differ from
ODC's: build values from documents with ``Product.from_doc``, ``index.products.from_doc`` and
``index.datasets.from_doc`` (see ``docs/odc-code.md``). ``datacube.model.utils`` has ``xr_apply``.
"""

from __future__ import annotations

import importlib
from typing import Any

from terracube.model import Dataset, Measurement, MetadataType, Not, Product, Range

#: ODC's name of a product before 1.9.
DatasetType = Product

__all__ = ["Dataset", "DatasetType", "Measurement", "MetadataType", "Not", "Product", "Range"]


def __getattr__(name: str) -> Any:
    if name == "utils":
        return importlib.import_module(f"{__name__}.utils")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
