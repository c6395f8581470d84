from __future__ import annotations

import pickle

import pytest

from terracube.errors import DocumentError
from terracube.index.testing import custom_metadata_type_doc
from terracube.model import MetadataType, eo3_metadata_type


def test_builtin_eo3() -> None:
    mt = eo3_metadata_type()
    assert mt.name == "eo3"
    assert mt.search_fields["lat"].type == "double-range"
    assert mt.search_fields["platform"].indexed is False
    assert mt.dataset_offsets["creation_dt"] == ("properties", "odc:processing_datetime")


def test_value_semantics() -> None:
    a = MetadataType.from_doc(custom_metadata_type_doc())
    b = MetadataType.from_doc(custom_metadata_type_doc())
    assert a == b
    assert hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a
    doc = a.definition
    doc["description"] = "changed"
    assert a.description != "changed"  # definition is a copy
    assert MetadataType.from_doc(doc) != a


def test_error_names_field_value_and_document() -> None:
    doc = custom_metadata_type_doc()
    doc["dataset"]["search_fields"]["orbit"]["indexed"] = "yes"
    with pytest.raises(
        DocumentError, match=r"file:///x.yaml.*dataset.search_fields.orbit.indexed = 'yes'"
    ) as e:
        MetadataType.from_doc(doc, where="file:///x.yaml")
    assert e.value.field == "dataset.search_fields.orbit.indexed"
    assert e.value.value == "yes"


def test_bad_field_name() -> None:
    doc = custom_metadata_type_doc()
    doc["dataset"]["search_fields"]["Bad-Name"] = {"offset": ["a"]}
    with pytest.raises(DocumentError, match="Bad-Name"):
        MetadataType.from_doc(doc)
