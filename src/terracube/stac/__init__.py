"""STAC interoperability: an index as a static STAC catalog, and STAC Items as eo3 datasets.

Products become Collections and datasets Items (STAC 1.1 with the eo, projection and raster
extensions); reading them back gives the same eo3 documents and product definitions. Items
from other catalogs are read too, their products inferred from their Collections or assets.
See ``docs/stac.md``.

Import order: ``_mapping`` (pure conversions) <- ``export``, ``import_``, ``validate``. This
package sits beside ``api/``: it uses ``index/`` and ``model/``; only ``cli/`` uses it.
``pystac`` is needed only by :func:`validate_stac` (the ``stac`` extra).
"""

from __future__ import annotations

from terracube.stac._mapping import (
    EO_EXTENSION,
    PROJECTION_EXTENSION,
    RASTER_EXTENSION,
    STAC_ID_PROPERTY,
    STAC_UUID_NAMESPACE,
    STAC_VERSION,
    collection_to_product_doc,
    eo3_to_item,
    item_to_eo3,
    item_uuid,
    product_name_for,
    product_to_collection,
)
from terracube.stac.export import ExportSummary, dataset_to_item, export_stac
from terracube.stac.import_ import (
    ImportSummary,
    StacReader,
    StacToDatasets,
    import_stac,
    located_datasets,
    read_stac,
)
from terracube.stac.validate import stac_problems, validate_stac

__all__ = [
    "EO_EXTENSION",
    "PROJECTION_EXTENSION",
    "RASTER_EXTENSION",
    "STAC_ID_PROPERTY",
    "STAC_UUID_NAMESPACE",
    "STAC_VERSION",
    "ExportSummary",
    "ImportSummary",
    "StacReader",
    "StacToDatasets",
    "collection_to_product_doc",
    "dataset_to_item",
    "eo3_to_item",
    "export_stac",
    "import_stac",
    "item_to_eo3",
    "item_uuid",
    "located_datasets",
    "product_name_for",
    "product_to_collection",
    "read_stac",
    "stac_problems",
    "validate_stac",
]
