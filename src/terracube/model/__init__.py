"""The data model: metadata types, products, measurements, datasets and ranges.

Every value here wraps a validated document and is immutable, comparable, hashable and
picklable. This package imports nothing else of terracube but ``terracube.errors``.
Import order inside it: ``range`` <- ``fields`` <- ``metadata_type`` <- ``product`` <- ``eo3``
<- ``dataset``.
"""

from __future__ import annotations

from terracube.model._docs import doc_json, jsonify, read_documents
from terracube.model.dataset import Dataset, Grid
from terracube.model.eo3 import EO3_SCHEMA
from terracube.model.fields import FIELD_TYPES, Field, NativeField, Not, SearchField, parse_datetime
from terracube.model.lineage import LineageDirection, LineageRelation, LineageTree
from terracube.model.metadata_type import MetadataType, default_metadata_types, eo3_metadata_type
from terracube.model.product import Measurement, Product
from terracube.model.range import Range

__all__ = [
    "EO3_SCHEMA",
    "FIELD_TYPES",
    "Dataset",
    "Field",
    "Grid",
    "LineageDirection",
    "LineageRelation",
    "LineageTree",
    "Measurement",
    "MetadataType",
    "NativeField",
    "Not",
    "Product",
    "Range",
    "SearchField",
    "default_metadata_types",
    "doc_json",
    "eo3_metadata_type",
    "jsonify",
    "parse_datetime",
    "read_documents",
]
