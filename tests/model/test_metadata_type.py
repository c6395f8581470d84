from __future__ import annotations

import json
import pickle

import pytest

from terracube.errors import DocumentError
from terracube.index.testing import custom_metadata_type_doc, dataset_doc
from terracube.model import MetadataType, NativeField, Range, default_metadata_types, eo3_metadata_type


def test_builtin_eo3() -> None:
    mt = eo3_metadata_type()
    assert mt.name == "eo3"
    assert mt.search_fields["lat"].type == "double-range"
    assert mt.search_fields["platform"].indexed is False
    assert mt.dataset_offsets["creation_dt"] == ("properties", "odc:processing_datetime")


def test_search_values_as_each_field_extracts() -> None:
    mt = MetadataType.from_doc(custom_metadata_type_doc())
    doc = dataset_doc("p1")
    doc["properties"].update({"sat:absolute_orbit": 12, "test:gsd_min": 10, "test:gsd_max": 30.0})
    doc["extent"] = {"lon": {"begin": 1.0, "end": 2.0}, "lat": {"begin": 3.0, "end": 4.0}}
    expected = {n: v for n, f in mt.search_fields.items() if (v := f.extract(doc)) is not None}
    assert mt.search_values(doc) == expected
    assert {"orbit", "gsd", "time", "lon", "lat"} <= set(expected)
    assert mt.reads_extent
    plain = custom_metadata_type_doc("plain")
    plain["dataset"]["search_fields"] = {"orbit": plain["dataset"]["search_fields"]["orbit"]}
    assert not MetadataType.from_doc(plain).reads_extent
    with pytest.raises(DocumentError, match=r"properties.sat:absolute_orbit has the value 'x'.*'orbit'"):
        mt.search_values({"properties": {"sat:absolute_orbit": "x"}})


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


def test_builtin_eo3_has_odc_s_fields() -> None:
    """The built-in eo3 has the fields of ODC's eo3 (names, types, offsets, indexing), no others."""
    fields = eo3_metadata_type().search_fields
    string = {
        "platform": (("properties", "eo:platform"),),
        "instrument": (("properties", "eo:instrument"),),
        "product_family": (("properties", "odc:product_family"),),
        "region_code": (("properties", "odc:region_code"),),
        "dataset_maturity": (("properties", "dea:dataset_maturity"),),
    }
    assert set(fields) == {*string, "cloud_cover", "time", "lon", "lat"}
    for name, offsets in string.items():
        assert (fields[name].type, fields[name].offsets) == ("string", offsets)
    assert {n for n, f in fields.items() if not f.indexed} == {
        "platform", "instrument", "product_family", "dataset_maturity", "cloud_cover"
    }  # fmt: skip
    assert (fields["cloud_cover"].type, fields["cloud_cover"].offsets) == (
        "double",
        (("properties", "eo:cloud_cover"),),
    )
    assert fields["time"].type == "datetime-range"
    assert fields["time"].min_offsets == (("properties", "dtr:start_datetime"), ("properties", "datetime"))
    assert fields["time"].max_offsets == (("properties", "dtr:end_datetime"), ("properties", "datetime"))
    for axis in ("lon", "lat"):
        assert fields[axis].type == "double-range"
        assert fields[axis].min_offsets == (("extent", axis, "begin"),)
        assert fields[axis].max_offsets == (("extent", axis, "end"),)
    assert dict(eo3_metadata_type().dataset_offsets) == {
        "id": ("id",),
        "sources": ("lineage", "source_datasets"),
        "grid_spatial": ("grid_spatial", "projection"),
        "measurements": ("measurements",),
        "creation_dt": ("properties", "odc:processing_datetime"),
        "label": ("label",),
        "format": ("properties", "odc:file_format"),
    }


def test_to_json_round_trip() -> None:
    mt = MetadataType.from_doc(custom_metadata_type_doc())
    assert MetadataType.from_doc(json.loads(mt.to_json())) == mt


def test_dataset_fields() -> None:
    mt = MetadataType.from_doc(custom_metadata_type_doc())
    fields = mt.dataset_fields
    assert set(mt.search_fields) < set(fields)
    assert {"id", "product", "uri", "indexed_time", "archived_time", "metadata_doc"} < set(fields)
    assert fields["orbit"] is mt.search_fields["orbit"]
    assert fields["creation_time"] == NativeField(
        "creation_time", "When the dataset was processed", ("properties", "odc:processing_datetime")
    )
    assert fields["label"].offset == ("label",)
    assert fields["id"].offset is None
    assert all(name == f.name for name, f in fields.items())


def test_index_id_is_not_part_of_the_value() -> None:
    mt = MetadataType.from_doc(custom_metadata_type_doc())
    assert mt.id is None
    stored = mt._with_index_id(7)
    assert (stored.id, mt.id) == (7, None)
    assert stored == mt
    assert hash(stored) == hash(mt)
    assert pickle.loads(pickle.dumps(stored)).id == 7


def _small_metadata_type() -> dict[str, object]:
    return {
        "name": "scenes",
        "description": "Scene records",
        "dataset": {
            "id": ["id"],
            "creation_dt": ["properties", "created"],
            "label": ["label"],
            "sources": ["lineage", "source_datasets"],
            "search_fields": {"sensor": {"description": "Sensor", "offset": ["properties", "sensor"]}},
        },
    }


def test_odc_metadata_type_rules() -> None:
    # The sections ODC requires are required here, and keys it does not know are refused, so a
    # metadata type terracube accepts is one ODC accepts too.
    mt = MetadataType.from_doc(_small_metadata_type())
    assert mt.search_fields["sensor"].extract({"properties": {"sensor": "oli"}}) == "oli"
    doc = _small_metadata_type()
    del doc["description"]
    with pytest.raises(DocumentError, match=r"field description is missing"):
        MetadataType.from_doc(doc)
    for section in ("id", "creation_dt", "label", "sources"):
        doc = _small_metadata_type()
        del doc["dataset"][section]  # type: ignore[attr-defined]
        with pytest.raises(DocumentError, match=rf"field dataset\.{section} is missing"):
            MetadataType.from_doc(doc)
    doc = _small_metadata_type()
    doc["dataset"]["search_fields"]["sensor"]["ofset"] = ["x"]  # type: ignore[index]
    with pytest.raises(DocumentError, match=r"unknown field .*ofset.*did you mean 'offset'"):
        MetadataType.from_doc(doc)
    doc = _small_metadata_type()
    doc["datasets"] = {}
    with pytest.raises(DocumentError, match=r"unknown field datasets"):
        MetadataType.from_doc(doc)


def test_default_metadata_types_hold_the_legacy_ones() -> None:
    # Products of existing deployments name eo and telemetry without shipping them.
    eo3, eo, telemetry = default_metadata_types()
    assert (eo3.name, eo.name, telemetry.name) == ("eo3", "eo", "telemetry")
    assert eo3 == eo3_metadata_type()
    assert eo.search_fields["lat"].type == "double-range"
    assert eo.search_fields["time"].type == "datetime-range"
    assert eo.dataset_offsets["measurements"] == ("image", "bands")
    assert telemetry.search_fields["orbit"].type == "integer"
    assert telemetry.search_fields["gsi"].indexed is False
    scene = {
        "extent": {
            "coord": {c: {"lat": -30.0 - i, "lon": 140.0 + i} for i, c in enumerate(("ul", "ur", "ll", "lr"))}
        }
    }
    assert eo.search_fields["lat"].extract(scene) == Range(-33.0, -30.0)
