"""BandInfo, URI resolution and the shared reader helpers of storage/bands.py."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from terracube.api import eo3_document
from terracube.errors import LoadError
from terracube.model import Dataset, Product, eo3_metadata_type
from terracube.storage.bands import (
    BandInfo,
    check_window,
    guess_format,
    nearest_indices,
    resolve_uri,
    uri_scheme,
)

PRODUCT = Product.from_doc(
    {
        "name": "p",
        "description": "Two test bands",
        "metadata_type": "eo3",
        "metadata": {"product": {"name": "p"}},
        "measurements": [
            {"name": "red", "dtype": "uint16", "nodata": 0, "units": "1", "aliases": ["b4"]},
            {"name": "qa", "dtype": "uint8", "nodata": 255, "units": "1"},
        ],
    },
    eo3_metadata_type(),
)


def _dataset(uri: str | None = "s3://bucket/scenes/x/odc-metadata.yaml", **extra: object) -> Dataset:
    import datetime as dt

    from affine import Affine
    from odc.geo.geobox import GeoBox

    gbox = GeoBox((10, 20), Affine(30, 0, 1000, 0, -30, 2000), "EPSG:32601")
    doc = eo3_document(
        PRODUCT,
        gbox,
        dt.datetime(2020, 5, 1),
        {"red": {"path": "red.tif", "band": 2}, "qa": {"path": "qa.nc", "layer": "qa"}},
    )
    doc.update(extra)
    return Dataset.from_doc(doc, PRODUCT, uri=uri)


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("file:///data/a/meta.yaml", "b.tif", "file:///data/a/b.tif"),
        ("file:///data/a/meta.yaml", "sub/b.tif", "file:///data/a/sub/b.tif"),
        ("file:///data/a/meta.yaml", "../c/b.tif", "file:///data/c/b.tif"),
        ("file:///data/a/unit.nc", "", "file:///data/a/unit.nc"),
        ("s3://bucket/x/meta.json", "b.tif", "s3://bucket/x/b.tif"),
        ("https://host.org/x/meta.json?sig=1", "b.tif", "https://host.org/x/b.tif"),
        ("s3://bucket/x/meta.json", "https://other.org/b.tif", "https://other.org/b.tif"),
        (None, "/abs/b.tif", "file:///abs/b.tif"),
        ("/data/a/meta.yaml", "b.tif", "file:///data/a/b.tif"),
    ],
)
def test_resolve_uri(base: str | None, path: str, expected: str) -> None:
    assert resolve_uri(base, path) == expected


def test_relative_path_without_location() -> None:
    with pytest.raises(ValueError, match="relative measurement path 'b.tif'"):
        resolve_uri(None, "b.tif")


def test_schemes_and_formats() -> None:
    assert uri_scheme("/data/x.tif") == "file"
    assert uri_scheme("C:/data/x.tif") == "file"
    assert uri_scheme("S3://b/k") == "s3"
    assert guess_format("s3://b/k/x.TIF") == "GeoTIFF"
    assert guess_format("file:///x.nc") == "NetCDF"
    assert guess_format("file:///x.jp2") == "JPEG2000"
    assert guess_format("file:///x.xml") is None


def test_band_info_from_dataset() -> None:
    ds = _dataset(driver_data={"qa": {"codec": "zstd"}})
    red = BandInfo.from_dataset(ds, "b4", storage_options={"s3_region": "eu-west-1"})
    assert red.name == "red"
    assert red.uri == "s3://bucket/scenes/x/red.tif"
    assert red.uri_scheme == "s3"
    assert red.band == 2 and red.layer is None
    assert (red.dtype, red.nodata, red.units) == ("uint16", 0, "1")
    assert red.transform == (30.0, 0.0, 1000.0, 0.0, -30.0, 2000.0) and red.shape == (10, 20)
    assert red.geobox is not None and red.geobox.crs.epsg == 32601
    assert red.format == "GeoTIFF"  # guessed from the suffix: the document gives no odc:file_format
    assert red.driver_data == {}
    assert red.options == {"s3_region": "eu-west-1"}
    assert red.dataset_id == str(ds.id)
    qa = BandInfo.from_dataset(ds, "qa")
    assert qa.layer == "qa" and qa.format == "NetCDF" and qa.driver_data == {"codec": "zstd"}
    assert pickle.loads(pickle.dumps(red)) == red
    assert hash(red) == hash(pickle.loads(pickle.dumps(red)))


def test_band_info_errors() -> None:
    with pytest.raises(LoadError, match="has no measurement 'blue'"):
        BandInfo.from_dataset(_dataset(), "blue")
    with pytest.raises(LoadError, match="relative measurement path 'red.tif'"):
        BandInfo.from_dataset(_dataset(uri=None), "red")


def test_window_helpers() -> None:
    assert check_window(None, (5, 6), "x") == ((0, 5), (0, 6))
    assert check_window(((1, 2), (3, 4)), (5, 6), "x") == ((1, 2), (3, 4))
    with pytest.raises(LoadError, match="not inside band 'x' of shape \\(5, 6\\)"):
        check_window(((0, 6), (0, 1)), (5, 6), "band 'x'")
    assert nearest_indices(0, 8, 4).tolist() == [1, 3, 5, 7]
    assert nearest_indices(10, 13, 3).tolist() == [10, 11, 12]


_SEGMENT = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,8}", fullmatch=True)


@given(
    base=st.sampled_from(
        ["file:///data/ls8/x/metadata.yaml", "https://example.org/a/b/doc.json", "file:///unit/"]
    ),
    folders=st.lists(_SEGMENT | st.just(".."), max_size=3),
    name=_SEGMENT,
)
def test_relative_paths_resolve_as_urljoin_does(base: str, folders: list[str], name: str) -> None:
    from urllib.parse import urljoin

    path = "/".join([*folders, name])
    expected = urljoin(base, path)
    if "/.." in expected.split("://", 1)[1]:  # urljoin keeps a '..' that climbs above the root
        return
    assert resolve_uri(base, path) == expected
