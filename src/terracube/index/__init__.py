"""The index API: abstract drivers, indexes and resources, and the canonical query types.

Drivers live in their own packages (``terracube.index.memory``, ``.sqlite``, ``.postgis``) and
are found through the ``terracube.plugins.index`` entry points (:mod:`terracube.drivers`); the
conformance suite every driver runs is :mod:`terracube.index.testing`.
"""

from __future__ import annotations

from terracube.index.abstract import (
    FLAGS,
    NATIVE_FIELDS,
    ROLES,
    AbstractDatasetResource,
    AbstractIndex,
    AbstractIndexDriver,
    AbstractLineageResource,
    AbstractMetadataTypeResource,
    AbstractProductResource,
    AbstractUserResource,
    BatchStatus,
    DatasetTuple,
    NoLineageResource,
    NoUserResource,
    ProgressCallback,
    Transaction,
)
from terracube.index.query import (
    AXIS_KEYWORDS,
    POINT_TOLERANCE,
    SPATIAL_KEYWORDS,
    Between,
    Expression,
    Negation,
    ProductQuery,
    SpatialFilter,
    ValueIn,
    parse_spatial,
    parse_time,
    to_field_expression,
)

__all__ = [
    "AXIS_KEYWORDS",
    "FLAGS",
    "NATIVE_FIELDS",
    "POINT_TOLERANCE",
    "ROLES",
    "SPATIAL_KEYWORDS",
    "AbstractDatasetResource",
    "AbstractIndex",
    "AbstractIndexDriver",
    "AbstractLineageResource",
    "AbstractMetadataTypeResource",
    "AbstractProductResource",
    "AbstractUserResource",
    "BatchStatus",
    "Between",
    "DatasetTuple",
    "Expression",
    "Negation",
    "NoLineageResource",
    "NoUserResource",
    "ProductQuery",
    "ProgressCallback",
    "SpatialFilter",
    "Transaction",
    "ValueIn",
    "parse_spatial",
    "parse_time",
    "to_field_expression",
]
