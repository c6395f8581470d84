"""ODC's import lines, with ``datacube`` changed to ``terracube.compat.datacube``, import terracube's names."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

# Import lines as ODC notebooks and scripts write them (module, names).
IMPORTS = [
    ("datacube", ["Datacube"]),
    ("datacube.api", ["Datacube"]),
    ("datacube.api.core", ["Datacube"]),
    ("datacube.model", ["Dataset", "DatasetType", "Measurement", "MetadataType", "Product", "Range"]),
    ("datacube.utils", ["masking", "geometry", "cog", "aws", "rio", "dask"]),
    ("datacube.utils.masking", ["make_mask", "mask_invalid_data", "valid_data_mask", "describe_variable_flags"]),
    ("datacube.utils.geometry", ["CRS", "Geometry", "GeoBox", "BoundingBox", "box", "point", "polygon", "assign_crs", "gbox"]),
    ("datacube.utils.geometry._base", ["Geometry", "GeoBox", "CRS"]),
    ("datacube.utils.geometry.gbox", ["GeoBox", "GeoboxTiles"]),
    ("datacube.utils.geometry.tools", ["Affine", "roi_shape"]),
    ("datacube.utils.cog", ["write_cog", "to_cog"]),
    ("datacube.utils.aws", ["configure_s3_access"]),
    ("datacube.utils.rio", ["configure_s3_access"]),
    ("datacube.utils.dask", ["start_local_dask"]),
    ("datacube.testutils.io", ["rio_slurp_xarray"]),
]  # fmt: skip


@pytest.mark.parametrize(("module", "names"), IMPORTS)
def test_from_imports(module: str, names: list[str]) -> None:
    mod = importlib.import_module(module.replace("datacube", "terracube.compat.datacube", 1))
    for name in names:
        assert getattr(mod, name) is not None, name


def test_names_are_terracubes_and_odc_geos() -> None:
    import odc.geo.geobox
    import odc.geo.geom

    import terracube
    import terracube.compat.datacube as datacube
    from terracube.api import masking
    from terracube.compat.datacube.utils import geometry
    from terracube.storage.access import configure_s3_access

    assert datacube.Datacube is terracube.Datacube
    assert datacube.utils.masking.make_mask is masking.make_mask
    assert datacube.utils.aws.configure_s3_access is configure_s3_access
    assert geometry.Geometry is odc.geo.geom.Geometry
    # GeoBox is not odc-geo's class itself but a name for it that also takes ODC 1.8's call forms
    # (GeoBox(width, height, affine, crs)); it makes odc-geo GeoBoxes, and every one is an instance
    # (tests/compat/test_geobox_forms.py has the rest).
    assert isinstance(odc.geo.geobox.GeoBox((2, 3), geometry.Affine.identity(), None), geometry.GeoBox)
    assert geometry.GeoBox.from_bbox is odc.geo.geobox.GeoBox.from_bbox
    assert geometry.gbox is odc.geo.geobox
    assert geometry._base.Geometry is odc.geo.geom.Geometry  # ODC 1.8's private module, as helpers test it
    assert datacube.model.DatasetType is terracube.Product
    assert datacube.__version__ == terracube.__version__
    with pytest.raises(AttributeError, match=r"virtual products \(datacube.virtual\) are not offered"):
        _ = datacube.virtual  # type: ignore[attr-defined]


def test_import_datacube_then_attribute_paths() -> None:
    # ``import datacube`` then ``datacube.utils.masking.make_mask``: submodules load on use.
    code = (
        "import terracube.compat.datacube as datacube\n"
        "print(datacube.utils.masking.make_mask.__module__, datacube.utils.geometry.CRS('EPSG:4326').epsg)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["terracube.api.masking", "4326"]
