from __future__ import annotations

import json
import math
import pickle
from typing import Any

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


@pytest.mark.parametrize(
    ("dtype", "nodata", "value"),
    [
        ("int8", 255, -1),
        ("int8", 128, -128),
        ("uint8", -1, 255),
        ("uint16", -1, 65535),
        ("int16", 40000, -25536),
    ],
)
def test_measurement_nodata_of_the_other_signedness(dtype: str, nodata: int, value: int) -> None:
    # A signed band with an unsigned nodata of the same width (or the reverse) is accepted, as
    # ODC accepts it: pixels with those bits are nodata, read in the band's own type.
    doc = product_doc("p1")
    doc["measurements"] = [{"name": "b", "dtype": dtype, "nodata": nodata, "units": "1"}]
    product = Product.from_doc(doc, eo3_metadata_type())
    assert product.measurements["b"].nodata == value
    assert product.definition["measurements"][0]["nodata"] == nodata
    np = pytest.importorskip("numpy")
    assert np.array([nodata & 0xFFFF]).astype(f"u{np.dtype(dtype).itemsize}").view(dtype)[0] == value


@pytest.mark.parametrize(
    ("nodata", "stored", "value"),
    [
        (float("nan"), "NaN", math.nan),
        ("NaN", "NaN", math.nan),
        ("nan", "nan", math.nan),
        (float("inf"), "Infinity", math.inf),
        (float("-inf"), "-Infinity", -math.inf),
        ("-Infinity", "-Infinity", -math.inf),  # as ODC's own databases hold it
        (
            -340282346638528859811704183484516925440,
            -340282346638528859811704183484516925440,
            -3.4028234663852886e38,
        ),
    ],
)
def test_nodata_kept_as_written(nodata: object, stored: object, value: float) -> None:
    doc = product_doc("dem", measurements=[{"name": "h", "dtype": "float32", "nodata": nodata, "units": "m"}])
    p = Product.from_doc(doc, eo3_metadata_type())
    assert p.definition["measurements"][0]["nodata"] == stored
    got = p.measurements["h"].nodata
    assert (math.isnan(got) and math.isnan(value)) or got == value
    assert p == Product.from_doc(p.definition, eo3_metadata_type())
    assert pickle.loads(pickle.dumps(p)) == p


def test_to_json_writes_what_json_cannot_hold() -> None:
    bands = [
        {"name": "a", "dtype": "float32", "nodata": float("nan"), "units": "1"},
        {"name": "b", "dtype": "float64", "nodata": 2**70 + 1, "units": "1"},
    ]
    p = Product.from_doc(product_doc("p1", measurements=bands), eo3_metadata_type())
    text = p.to_json()
    assert b'"nodata":"NaN"' in text
    assert b'"nodata":1180591620717411303425' in text
    assert Product.from_doc(json.loads(text), eo3_metadata_type()) == p


def test_aliases_as_odc_writes_them() -> None:
    bands = [
        {
            "name": "lia",
            "dtype": "float32",
            "nodata": "NaN",
            "units": "1",
            "aliases": ["local incidence angle"],
        },
        {"name": "blue", "dtype": "int16", "nodata": -1, "units": "1", "aliases": ["blue", "band_2"]},
        {"name": "b1", "dtype": "int16", "nodata": -1, "units": "1", "aliases": ["coastal", "blue"]},
        {"name": "b1_60m", "dtype": "int16", "nodata": -1, "units": "1", "aliases": ["coastal"]},
    ]
    p = Product.from_doc(product_doc("p1", measurements=bands), eo3_metadata_type())
    got = p.lookup_measurements(["local incidence angle", "blue", "band_2"])
    assert {k: m.name for k, m in got.items()} == {
        "local incidence angle": "lia",
        "blue": "blue",
        "band_2": "blue",
    }
    with pytest.raises(
        QueryError, match=r"alias 'coastal' is declared by the measurements \['b1', 'b1_60m'\]"
    ):
        p.lookup_measurements(["coastal"])
    twice = product_doc("p1", measurements=[bands[1], {**bands[2], "name": "blue"}])
    with pytest.raises(DocumentError, match="two measurements are named 'blue'"):
        Product.from_doc(twice, eo3_metadata_type())


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d.update(measurments=d.pop("measurements")),
            r"unknown field measurments; did you mean 'measurements'",
        ),
        (
            lambda d: d.update(wibble=1),
            r"unknown field wibble; remove or rename it \(allowed here: description, ",
        ),
        (
            lambda d: d.pop("description"),
            r"field description is missing; a product document needs name, description",
        ),
        (lambda d: d["load"].update(aling={}), r"unknown field load.aling; did you mean 'align'"),
        (
            lambda d: d["measurements"][0].update(unit="1"),
            r"unknown field measurements.0.unit; did you mean 'units'",
        ),
    ],
)
def test_product_schema_as_strict_as_odc(mutate: Any, message: str) -> None:
    doc = product_doc("p1")
    mutate(doc)
    with pytest.raises(DocumentError, match=message) as e:
        Product.from_doc(doc, eo3_metadata_type(), where="file:///p1.yaml")
    assert "file:///p1.yaml" in str(e.value)
    assert "\n" not in str(e.value)


def test_sections_odc_allows() -> None:
    doc = product_doc("p1")
    doc.update(default_nodata={"x": 1}, managed=True, storage={"driver": "NetCDF CF", "crs": "EPSG:3577"})
    doc["measurements"][0].update(extra_dim="wavelength", dims=["y", "x"], spectral_definition=[{}, {}])
    doc["measurements"][2]["flags_definition"]["note"] = "values are bit flags"
    assert Product.from_doc(doc, eo3_metadata_type()).definition["managed"] is True


def test_index_id_is_not_part_of_the_value() -> None:
    p = Product.from_doc(product_doc("p1"), eo3_metadata_type())
    assert p.id is None
    stored = p._with_index_id(3)
    assert (stored.id, p.id) == (3, None)
    assert stored == p
    assert pickle.loads(pickle.dumps(stored)).id == 3
    assert stored.with_metadata_type(eo3_metadata_type()).id == 3
