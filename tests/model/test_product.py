from __future__ import annotations

import math
import pickle

import pytest

from terracube.errors import DocumentError, QueryError
from terracube.index.testing import product_doc
from terracube.model import Measurement, Product, eo3_metadata_type


def test_product_value() -> None:
    p = Product.from_doc(product_doc("p1", platform="landsat-8"), eo3_metadata_type())
    assert p.name == "p1"
    assert list(p.measurements) == ["red", "nir", "fmask"]
    assert p.measurements["fmask"].flags_definition is not None
    assert p.field_values() == {"platform": "landsat-8"}
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(p) == hash(Product.from_doc(product_doc("p1", platform="landsat-8"), eo3_metadata_type()))
    assert p.lookup_measurements(["band_4", "nir"]) == {
        "band_4": p.measurements["red"],
        "nir": p.measurements["nir"],
    }
    with pytest.raises(QueryError, match=r"no measurement or alias 'blue'.*'band_4'"):
        p.lookup_measurements(["blue"])


def test_metadata_type_must_match() -> None:
    with pytest.raises(DocumentError, match="names metadata type 'other'"):
        Product.from_doc(product_doc("p1", metadata_type="other"), eo3_metadata_type())
    with pytest.raises(DocumentError, match="resolve it through an index"):
        Product.from_doc(product_doc("p1"))


def test_embedded_metadata_type() -> None:
    doc = product_doc("p1")
    doc["metadata_type"] = eo3_metadata_type().definition
    assert Product.from_doc(doc).metadata_type == eo3_metadata_type()


def test_measurement_nodata() -> None:
    m = Measurement.from_doc({"name": "b", "dtype": "float32", "nodata": "NaN", "units": "1"})
    assert math.isnan(m.nodata)
    assert m == Measurement.from_doc(m.to_doc())
    assert m.to_doc()["nodata"] == "NaN"
    with pytest.raises(DocumentError, match=r"nodata 300 cannot be stored as uint8"):
        Measurement.from_doc({"name": "b", "dtype": "uint8", "nodata": 300, "units": "1"})
    with pytest.raises(DocumentError, match=r"nodata 1.5 cannot be stored as int16"):
        Measurement.from_doc({"name": "b", "dtype": "int16", "nodata": 1.5, "units": "1"})
