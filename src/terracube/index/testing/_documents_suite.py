"""Documents as Open Data Cube users have them (a mixin of ``IndexTests``).

Each test holds one kind of document that ODC accepts and real deployments write: non-finite
and very wide nodata values, aliases with spaces or repeated, the standard metadata types added
again with other wording, products with ODC's optional sections, footprints of no area, and a
band on a grid the document does not define. Every driver must store them faithfully (a stored
document reads back equal to what was added) and refuse what ODC refuses, naming the field.
A stored record that cannot be read (written by an older version, or by hand) is named and
left out; the others are served, and it can be replaced.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

import pytest

from terracube.errors import DocumentError, DuplicateRecordError, QueryError, StoredRecordWarning
from terracube.index.testing._documents import (
    box_geometry,
    custom_metadata_type_doc,
    dataset_doc,
    product_doc,
)
from terracube.model import MetadataType

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Product

__all__ = ["DocumentTests"]

#: float32's lowest value written out as an integer, as elevation products write their nodata.
FLOAT32_MIN_INT = -340282346638528859811704183484516925440
#: An integer no 64-bit type holds and no double holds exactly.
WIDE_INT = 2**70 + 1


def _bands(*specs: tuple[str, str, Any]) -> list[dict[str, Any]]:
    return [{"name": n, "dtype": t, "nodata": v, "units": "1"} for n, t, v in specs]


def _ids(datasets: Any) -> set[str]:
    return {str(d.id) for d in datasets}


class DocumentTests:
    """Documents ODC accepts are accepted, stored faithfully and found; what it refuses is refused."""

    # --- nodata -------------------------------------------------------------------------------

    def test_non_finite_and_wide_nodata_read_back(self, writable: AbstractIndex) -> None:
        idx = writable
        doc = product_doc(
            "dem",
            measurements=_bands(
                ("nan_float", "float32", float("nan")),
                ("nan_text", "float32", "NaN"),
                ("plus_inf", "float64", float("inf")),
                ("minus_inf", "float64", float("-inf")),
                ("odc_stored_inf", "float64", "-Infinity"),
                ("elevation", "float32", FLOAT32_MIN_INT),
                ("wide", "float64", WIDE_INT),
                ("u64", "uint64", 2**64 - 1),
            ),
        )
        added = idx.products.add_document(doc)
        got = idx.products.get_by_name_unsafe("dem")
        assert got == added
        m = got.measurements
        assert math.isnan(m["nan_float"].nodata)
        assert math.isnan(m["nan_text"].nodata)
        assert m["plus_inf"].nodata == math.inf
        assert m["minus_inf"].nodata == -math.inf
        assert m["odc_stored_inf"].nodata == -math.inf
        assert m["u64"].nodata == 2**64 - 1
        stored = [b["nodata"] for b in got.definition["measurements"]]
        assert stored == [
            "NaN",
            "NaN",
            "Infinity",
            "-Infinity",
            "-Infinity",
            FLOAT32_MIN_INT,
            WIDE_INT,
            2**64 - 1,
        ]
        assert all(type(v) is int for v in stored[5:])
        # Adding the same document again changes nothing; other products still come and go.
        assert idx.products.add_document(doc) == added
        idx.products.add_document(product_doc("other"))
        assert [p.name for p in idx.products.get_all()] == ["dem", "other"]
        assert idx.products.get_by_name_unsafe("dem") == added

    def test_non_finite_values_in_a_dataset_document(self, writable: AbstractIndex) -> None:
        idx = writable
        idx.products.add_document(product_doc("ls8"))
        doc = dataset_doc("ls8", properties={"x:gain": float("-inf")})
        doc["properties"]["eo:cloud_cover"] = "NaN"  # as an ODC database stores a NaN
        ds = idx.datasets.add(idx.datasets.from_doc(doc))
        got = idx.datasets.get_unsafe(ds.id)
        assert got.metadata_doc["properties"]["eo:cloud_cover"] == "NaN"  # as ODC stores it
        assert got.metadata_doc["properties"]["x:gain"] == "-Infinity"
        assert got == ds
        # A NaN is no value of a numeric search field (ODC leaves it out of its fields too).
        assert "cloud_cover" not in got.search_values()
        assert idx.datasets.count(product="ls8", cloud_cover=(0, 100)) == 0
        assert _ids(idx.datasets.search(product="ls8")) == {str(ds.id)}

    # --- measurements -------------------------------------------------------------------------

    def test_aliases_as_odc_accepts_them(self, writable: AbstractIndex) -> None:
        idx = writable
        bands = _bands(("incidence", "float32", "NaN"), ("blue", "int16", -999), ("b03_500", "int16", 0))
        bands += _bands(("b03_1000", "int16", 0))
        bands[0]["aliases"] = ["local incidence angle"]
        bands[1]["aliases"] = ["blue", "band_1"]  # its own name again
        bands[2]["aliases"] = ["band_3"]
        bands[3]["aliases"] = ["band_3", "blue"]  # another band's alias and another band's name
        added = idx.products.add_document(product_doc("sar", measurements=bands))
        got = idx.products.get_by_name_unsafe("sar")
        assert got == added
        found = got.lookup_measurements(["local incidence angle", "blue", "band_1"])
        assert {k: m.name for k, m in found.items()} == {
            "local incidence angle": "incidence",
            "blue": "blue",
            "band_1": "blue",
        }
        with pytest.raises(
            QueryError, match=r"'band_3' is declared by the measurements \['b03_500', 'b03_1000'\]"
        ):
            got.lookup_measurements(["band_3"])

    def test_band_on_a_grid_the_document_does_not_define(self, writable: AbstractIndex) -> None:
        idx = writable
        idx.products.add_document(product_doc("ls8"))
        doc = dataset_doc("ls8")
        doc["measurements"]["red"]["grid"] = "panchromatic"
        ds = idx.datasets.add(idx.datasets.from_doc(doc))
        assert idx.datasets.get_unsafe(ds.id).measurements["red"]["grid"] == "panchromatic"
        doc = dataset_doc("ls8")
        doc["measurements"]["red"]["grid"] = 15
        with pytest.raises(DocumentError, match=r"field measurements\.red\.grid = 15"):
            idx.datasets.from_doc(doc)

    # --- product document rules -----------------------------------------------------------------

    def test_odc_product_sections_accepted(self, writable: AbstractIndex) -> None:
        idx = writable
        doc = product_doc("wofs")
        doc["default_allowances"] = {"nodata": 1}  # sections kept for YAML anchors
        doc["storage"] = {"crs": "EPSG:3577", "resolution": {"x": 25, "y": -25}}
        doc["managed"] = False
        doc["extra_dimensions"] = [{"name": "wavelength", "values": [450, 550], "dtype": "float32"}]
        doc["measurements"][2]["flags_definition"]["back-transformation"] = "x/100"
        doc["measurements"][0].update(scale_factor=0.0001, add_offset=-0.1, spectral_definition={})
        added = idx.products.add_document(doc)
        assert idx.products.get_by_name_unsafe("wofs") == added
        assert added.definition["storage"]["crs"] == "EPSG:3577"

    @pytest.mark.parametrize(
        ("mutate", "message"),
        [
            (
                lambda d: d.update(measurments=d.pop("measurements")),
                r"unknown field measurments; did you mean 'measurements'\?",
            ),
            (lambda d: d.pop("description"), r"field description is missing"),
            (lambda d: d.pop("metadata"), r"field metadata is missing"),
            (lambda d: d["measurements"][1].update(nodta=0), r"unknown field measurements\.1\.nodta"),
            (lambda d: d["load"].pop("resolution"), r"field load\.resolution is missing"),
            (lambda d: d.update(license="CC BY"), r"field license = 'CC BY'"),
            (lambda d: d["measurements"][0].update(nodata="missing"), r"field measurements\.0\.nodata"),
            (
                lambda d: d["measurements"][2]["flags_definition"]["fmask"].pop("values"),
                r"field measurements\.2\.flags_definition\.fmask\.values is missing",
            ),
        ],
    )
    def test_product_document_rules(self, writable: AbstractIndex, mutate: Any, message: str) -> None:
        doc = product_doc("p1")
        mutate(doc)
        with pytest.raises(DocumentError, match=message):
            writable.products.add_document(doc)
        assert list(writable.products.get_all()) == []

    # --- adding documents again -----------------------------------------------------------------

    def test_standard_metadata_type_added_again_in_other_words(self, writable: AbstractIndex) -> None:
        idx = writable
        eo3 = idx.metadata_types.get_by_name_unsafe("eo3")
        reworded = eo3.definition
        reworded["description"] = "The eo3 type as a deployment describes it"
        for name, field in reworded["dataset"]["search_fields"].items():
            field["description"] = f"{name}, described by the deployment"
        added = idx.metadata_types.add_document(reworded)
        assert added.description == "The eo3 type as a deployment describes it"
        assert idx.metadata_types.get_by_name_unsafe("eo3") == MetadataType.from_doc(reworded)
        assert {n: f.offsets for n, f in added.search_fields.items()} == {
            n: f.offsets for n, f in eo3.search_fields.items()
        }
        # A different field is not a matter of words.
        changed = added.definition
        changed["dataset"]["search_fields"]["platform"]["offset"] = ["properties", "platform"]
        with pytest.raises(DuplicateRecordError, match="'eo3'"):
            idx.metadata_types.add_document(changed)

    def test_other_metadata_types_of_odc_deployments(self, writable: AbstractIndex) -> None:
        """Metadata types laid out as ODC's older standard ones are: labels, formats, ranges."""
        doc = {
            "name": "scene_telemetry",
            "description": "Satellite downlink records",
            "dataset": {
                "id": ["id"],
                "creation_dt": ["creation_dt"],
                "label": ["ga_label"],
                "sources": ["lineage", "source_datasets"],
                "measurements": ["image", "bands"],
                "format": ["format", "name"],
                "search_fields": {
                    "platform": {"offset": ["platform", "code"]},
                    "orbit": {"type": "integer", "offset": ["acquisition", "platform_orbit"]},
                    "sat_path": {
                        "type": "integer-range",
                        "min_offset": [["image", "satellite_ref_point_start", "x"]],
                        "max_offset": [["image", "satellite_ref_point_end", "x"]],
                    },
                    "time": {
                        "type": "datetime-range",
                        "min_offset": [["acquisition", "aos"]],
                        "max_offset": [["acquisition", "los"]],
                    },
                },
            },
        }
        added = writable.metadata_types.add_document(doc)
        assert writable.metadata_types.get_by_name_unsafe("scene_telemetry") == added
        assert writable.metadata_types.add_document(doc) == added

    def test_product_added_again_with_another_description(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        doc = product_doc("ls8", platform="landsat-8")
        doc["description"] = "Landsat 8, as the new catalog describes it"
        doc["measurements"][2]["flags_definition"]["fmask"]["description"] = "Function of mask"
        got = idx.products.add_document(doc)
        assert got.description == "Landsat 8, as the new catalog describes it"
        assert idx.products.get_by_name_unsafe("ls8") == got
        assert got.measurements["fmask"].flags_definition == {
            "fmask": {
                "bits": [0, 1, 2],
                "values": {"1": "valid", "2": "cloud"},
                "description": "Function of mask",
            }
        }
        assert [got.measurements[b] for b in ("red", "nir")] == [
            products["ls8"].measurements[b] for b in ("red", "nir")
        ]

    # --- footprints ---------------------------------------------------------------------------

    def test_zero_area_footprints_found_by_touching_regions(self, writable: AbstractIndex) -> None:
        idx = writable
        idx.products.add_document(product_doc("s2"))
        line = {
            "type": "Polygon",
            "coordinates": [[[149.5, -35.5], [149.5, -35.2], [149.5, -35.5], [149.5, -35.5]]],
        }
        point = {"type": "Polygon", "coordinates": [[[149.7, -35.5]] * 4]}
        # A ring out and back along a meridian in UTM zone 39S (about 52.9 E, 4.06 S).
        utm = {
            "type": "Polygon",
            "coordinates": [
                [[709791.0, 9551450.0], [709791.0, 9551499.0], [709791.0, 9551450.0], [709791.0, 9551450.0]]
            ],
        }
        docs = [
            dataset_doc("s2", geometry=line),
            dataset_doc("s2", geometry=point),
            dataset_doc("s2", geometry=utm, crs="EPSG:32739"),
        ]
        a, b, c = (str(d["id"]) for d in docs)
        idx.datasets.add_batch(idx.datasets.from_doc(d) for d in docs)
        assert idx.datasets.get_unsafe(a).metadata_doc["geometry"] == line

        def found(lon: Any, lat: Any) -> set[str]:
            return _ids(idx.datasets.search(product="s2", lon=lon, lat=lat))

        assert found((149.5, 149.6), (-35.4, -35.3)) == {a}  # touches the line's east side
        assert found((149.4, 149.5), (-35.4, -35.3)) == {a}
        assert found((149.51, 149.6), (-35.4, -35.3)) == set()
        assert found((149.6, 149.8), (-35.6, -35.4)) == {b}
        assert found(149.7, -35.5) == {b}
        assert found((52.88, 52.9), (-4.06, -4.05)) == {c}
        assert found((52.8897, 52.9), (-4.0, -3.9)) == set()
        assert _ids(
            idx.datasets.search(product="s2", geopolygon=box_geometry(149.0, -36.0, 150.0, -35.0))
        ) == {a, b}
        extent = idx.products.spatial_extent("s2")
        assert extent is not None
        assert extent.boundingbox.left == pytest.approx(52.8897, abs=1e-4)
        assert extent.boundingbox.right == pytest.approx(149.7)

    def test_footprints_with_area_must_be_valid(self, writable: AbstractIndex) -> None:
        writable.products.add_document(product_doc("s2"))
        bowtie = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
        with pytest.raises(DocumentError, match="field geometry = .*not a valid polygon: Self-intersection"):
            writable.datasets.from_doc(dataset_doc("s2", geometry=bowtie))

    # --- stored records that cannot be read -------------------------------------------------------

    def overwrite_stored_document(self, index: AbstractIndex, kind: str, name: str, text: str) -> bool:
        """Backdoor: store ``text`` as the document of the ``kind`` (``"product"`` or
        ``"metadata_type"``) of this name, behind the index's back; False (the default) for a
        driver that keeps no documents as text, such as the memory index."""
        return False

    def test_a_stored_record_that_cannot_be_read(
        self, products: dict[str, Product], writable: AbstractIndex
    ) -> None:
        idx = writable
        s2 = idx.datasets.add(idx.datasets.from_doc(dataset_doc("s2")))
        ls8 = idx.datasets.add(idx.datasets.from_doc(dataset_doc("ls8")))
        # What an older version wrote for a NaN nodata: null.
        bad = products["ls8"].definition
        bad["measurements"][0]["nodata"] = None
        if not self.overwrite_stored_document(idx, "product", "ls8", json.dumps(bad)):
            assert idx.products._unreadable("ls8") is None  # values only: nothing to misread
            return
        with pytest.warns(
            StoredRecordWarning, match=r"product 'ls8' \(id \d+\) but cannot read it: .*nodata"
        ):
            assert [p.name for p in idx.products.get_all()] == ["custom", "s2"]
        # The others are served as usual; the bad one is named whenever it is asked for.
        assert _ids(idx.datasets.search()) == {str(s2.id)}
        assert idx.datasets.count(product="s2") == 1
        with pytest.raises(KeyError, match="product 'ls8' .*stored in the index but cannot be read"):
            idx.products.get_by_name_unsafe("ls8")
        assert idx.products.get_by_name("ls8") is None
        with pytest.raises(KeyError, match="cannot be read"):
            idx.datasets.get_unsafe(ls8.id)
        with pytest.raises(DuplicateRecordError, match="cannot be read.*replace it with update"):
            idx.products.add_document(product_doc("ls8", platform="landsat-8"))
        assert idx.products.can_update(idx.products.from_doc(product_doc("ls8", platform="landsat-8")))[0]
        # Replacing it from a good document mends it.
        assert idx.products.update_document(product_doc("ls8", platform="landsat-8")) == products["ls8"]
        assert [p.name for p in idx.products.get_all()] == ["custom", "ls8", "s2"]
        assert idx.datasets.get_unsafe(ls8.id) == ls8
        # A metadata type that cannot be read takes its products with it, until it is replaced.
        assert self.overwrite_stored_document(idx, "metadata_type", "eo3_custom", '{"name": "eo3_custom"}')
        with pytest.warns(StoredRecordWarning, match=r"metadata type 'eo3_custom'.*\n?.*") as got:
            assert [m.name for m in idx.metadata_types.get_all()] == ["eo", "eo3", "telemetry"]
        assert any(
            "product 'custom'" in str(w.message) and "'eo3_custom' cannot be read" in str(w.message)
            for w in got
        )
        assert [p.name for p in idx.products.get_all()] == ["ls8", "s2"]
        idx.metadata_types.update_document(custom_metadata_type_doc())
        assert [p.name for p in idx.products.get_all()] == ["custom", "ls8", "s2"]
