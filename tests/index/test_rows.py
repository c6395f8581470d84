from __future__ import annotations

from typing import Any

import shapely

from terracube.index._rows import TIME_FIELD, DatasetRow, _open, dataset_row, dataset_rows, value_for_storage
from terracube.index.testing import box_geometry, custom_metadata_type_doc, dataset_doc, product_doc
from terracube.model import Dataset, MetadataType, Product, Range, eo3_metadata_type


def _one_by_one(ds: Dataset) -> DatasetRow:
    """The stored values of one dataset, field by field and part by part."""
    fields: dict[str, Any] = {}
    t0 = t1 = None
    defs = ds.product.metadata_type.search_fields
    for name, value in ds.search_values().items():
        f = defs[name]
        if isinstance(value, Range):
            lo = _open(f, False) if value.begin is None else value_for_storage(f, value.begin)
            hi = _open(f, True) if value.end is None else value_for_storage(f, value.end)
            fields[f"{name}.lo"], fields[f"{name}.hi"] = lo, hi
            if name == TIME_FIELD and f.value_type == "datetime":
                t0, t1 = lo, hi
        else:
            fields[name] = value_for_storage(f, value)
    fp = ds.lonlat_footprint
    boxes = () if fp is None else tuple(tuple(float(v) for v in p.bounds) for p in shapely.get_parts(fp))
    return DatasetRow(fields, t0, t1, fp, boxes)


def test_rows_of_many_datasets_as_of_each() -> None:
    eo3 = Product.from_doc(product_doc("p1"), eo3_metadata_type())
    custom = Product.from_doc(
        product_doc("p2", metadata_type="eo3_custom"), MetadataType.from_doc(custom_metadata_type_doc())
    )
    datasets = [
        Dataset.from_doc(dataset_doc("p1"), eo3),
        Dataset.from_doc(dataset_doc("p1", lonlat=(179.0, -20.0, 181.0, -19.0)), eo3),  # two parts
        Dataset.from_doc(dataset_doc("p1", crs=None), eo3),
        Dataset.from_doc(
            dataset_doc("p2", time=("2020-01-01", "2020-02-01"), properties={"test:gsd_min": 10}), custom
        ),
        Dataset.from_doc(
            dataset_doc("p1", crs="EPSG:32760", geometry=box_geometry(600000, 5000000, 900000, 5300000)), eo3
        ),
    ]
    expected = [_one_by_one(d) for d in datasets]
    got = dataset_rows(datasets)
    assert [(r.fields, r.t0, r.t1, r.boxes) for r in got] == [
        (r.fields, r.t0, r.t1, r.boxes) for r in expected
    ]
    assert [r.footprint for r in got] == [d.lonlat_footprint for d in datasets]
    assert len(got[1].boxes) == 2
    assert got[3].fields["gsd.hi"] == _open(custom.metadata_type.search_fields["gsd"], True)
    assert dataset_row(datasets[0]) == got[0]
    assert dataset_rows([]) == []
