"""STAC Items in the shapes the big public catalogs give them, for import tests.

Each builder returns one Item as the catalog's STAC API or bucket serves it: its id scheme,
collection name, extensions (and their versions), roles or none, media types, where the
projection fields sit (Item or asset), band descriptions, links. The values are made up, and
small grids can be asked for (``size``: pixels across at the finest resolution) so that the
same Item can point at small files written by a test. ``root`` is prefixed to every asset href;
``root=""`` gives hrefs relative to the Item's own location.
"""

from __future__ import annotations

from typing import Any

COG = "image/tiff; application=geotiff; profile=cloud-optimized"

_EO = "https://stac-extensions.github.io/eo/v1.1.0/schema.json"
_EO_10 = "https://stac-extensions.github.io/eo/v1.0.0/schema.json"
_PROJ_10 = "https://stac-extensions.github.io/projection/v1.0.0/schema.json"
_PROJ_11 = "https://stac-extensions.github.io/projection/v1.1.0/schema.json"
_RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json"
_VIEW = "https://stac-extensions.github.io/view/v1.0.0/schema.json"
_FILE = "https://stac-extensions.github.io/file/v2.1.0/schema.json"


def _href(root: str, name: str) -> str:
    return f"{root}/{name}" if root else f"./{name}"


def _box(w: float, s: float, e: float, n: float) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def _grid(size: int, res: float, x0: float, y0: float) -> dict[str, Any]:
    """``proj:shape`` and ``proj:transform`` of a north-up grid ``size`` pixels at resolution ``res``."""
    return {"proj:shape": [size, size], "proj:transform": [res, 0.0, x0, 0.0, -res, y0]}


def usgs_landsat_c2(
    root: str = "https://landsatlook.usgs.gov/data/collection02/level-2", size: int = 7801
) -> dict[str, Any]:
    """USGS Landsat Collection 2 Level-2 (landsatlook's STAC server): a grid on the Item, no
    ``raster:bands``, a USGS media type, QA bands with roles but not ``data``."""
    scene = "LC09_L2SP_091084_20230203_20230206_02_T1"
    bands = {
        "blue": ("B2", "blue", ["data", "reflectance"]),
        "green": ("B3", "green", ["data", "reflectance"]),
        "red": ("B4", "red", ["data", "reflectance"]),
        "nir08": ("B5", "nir08", ["data", "reflectance"]),
    }
    usgs_cog = "image/vnd.stac.geotiff; cloud-optimized=true"
    assets: dict[str, Any] = {
        "thumbnail": {
            "href": _href(root, f"{scene}_thumb_small.jpeg"),
            "type": "image/jpeg",
            "title": "Thumbnail image",
            "roles": ["thumbnail"],
        },
        "reduced_resolution_browse": {
            "href": _href(root, f"{scene}_thumb_large.jpeg"),
            "type": "image/jpeg",
            "roles": ["overview"],
        },
        "index": {
            "href": "https://landsatlook.usgs.gov/stac-browser/x",
            "type": "text/html",
            "roles": ["metadata"],
        },
    }
    for key, (band, common, roles) in bands.items():
        assets[key] = {
            "href": _href(root, f"{scene}_SR_{band}.TIF"),
            "type": usgs_cog,
            "title": f"{common} band ({band})",
            "eo:bands": [{"name": band, "common_name": common, "gsd": 30}],
            "roles": roles,
        }
    assets["qa_pixel"] = {
        "href": _href(root, f"{scene}_QA_PIXEL.TIF"),
        "type": usgs_cog,
        "title": "Pixel Quality Assessment Band",
        "roles": ["cloud", "cloud-shadow", "snow-ice", "water-mask"],
    }
    assets["MTL.json"] = {
        "href": _href(root, f"{scene}_MTL.json"),
        "type": "application/json",
        "roles": ["metadata"],
    }
    res = 30.0 * 7801 / size
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [
            "https://landsat.usgs.gov/stac/landsat-extension/v1.1.1/schema.json",
            _VIEW,
            _PROJ_10,
            "https://stac-extensions.github.io/file/v1.0.0/schema.json",
            _EO_10,
            "https://stac-extensions.github.io/alternate-assets/v1.1.0/schema.json",
            "https://stac-extensions.github.io/storage/v1.0.0/schema.json",
        ],
        "id": f"{scene}_SR",
        "description": "Landsat Collection 2 Level-2 Surface Reflectance Product",
        "bbox": [149.1, -35.6, 151.6, -33.5],
        "geometry": _box(149.1, -35.6, 151.6, -33.5),
        "properties": {
            "datetime": "2023-02-03T23:55:12.180442Z",
            "eo:cloud_cover": 12.07,
            "view:sun_azimuth": 71.93,
            "view:sun_elevation": 50.12,
            "platform": "LANDSAT_9",
            "instruments": ["OLI", "TIRS"],
            "view:off_nadir": 0,
            "landsat:cloud_cover_land": 12.1,
            "landsat:wrs_type": "2",
            "landsat:wrs_path": "091",
            "landsat:wrs_row": "084",
            "landsat:scene_id": "LC90910842023034LGN00",
            "landsat:collection_category": "T1",
            "landsat:collection_number": "02",
            "landsat:correction": "L2SP",
            "accuracy:geometric_x_bias": 0,
            "proj:epsg": 32656,
            "proj:shape": [size, size],
            "proj:transform": [res, 0, 195000, 0, -res, -3715800],
            "card4l:specification": "SR",
            "card4l:specification_version": "5.0",
            "created": "2023-02-07T12:00:01.224Z",
            "updated": "2023-02-07T12:00:01.224Z",
        },
        "links": [
            {
                "rel": "self",
                "href": "https://landsatlook.usgs.gov/stac-server/collections/landsat-c2l2-sr/items/x",
            },
            {"rel": "parent", "href": "https://landsatlook.usgs.gov/stac-server/collections/landsat-c2l2-sr"},
            {
                "rel": "collection",
                "href": "https://landsatlook.usgs.gov/stac-server/collections/landsat-c2l2-sr",
            },
            {"rel": "root", "href": "https://landsatlook.usgs.gov/stac-server/"},
        ],
        "assets": assets,
        "collection": "landsat-c2l2-sr",
    }


def usgs_landsat_c2_band_indices(
    root: str = "https://landsatlook.usgs.gov/data", size: int = 200
) -> dict[str, Any]:
    """The earlier USGS Landsat Collection 2 form: the bands described once on the Item and
    named from each asset by index (``"eo:bands": [0]``), asset keys holding dots, and no
    ``self`` link."""
    scene = "LC08_L2SR_081119_20200101_20200823_02_T2"
    names = [("SR_B2", "blue"), ("SR_B3", "green"), ("SR_B4", "red")]
    res = 1200.0 * 200 / size
    assets: dict[str, Any] = {
        "thumbnail": {"href": _href(root, f"{scene}_thumb_small.jpeg"), "type": "image/jpeg"},
        "index": {"href": "https://landsatlook.usgs.gov/stac-browser/y", "type": "text/html"},
    }
    for n, (band, _) in enumerate(names):
        assets[f"{band}.TIF"] = {
            "href": _href(root, f"{scene}_{band}.TIF"),
            "type": COG,
            "title": f"Band {band}",
            "eo:bands": [n],
            **_grid(size, res, 857000.0, -127200.0),
        }
    assets["QA_PIXEL.TIF"] = {
        "href": _href(root, f"{scene}_QA_PIXEL.TIF"),
        "type": COG,
        **_grid(size, res, 857000.0, -127200.0),
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0-beta.2",
        "stac_extensions": [
            "eo",
            "https://landsat.usgs.gov/stac/landsat-extension/schema.json",
            "view",
            "projection",
        ],
        "id": scene,
        "collection": "landsat-c2l2-sr",
        "bbox": [97.0, -81.9, 111.5, -79.6],
        "geometry": _box(97.0, -81.9, 111.5, -79.6),
        "properties": {
            "datetime": "2020-01-01T00:00:00Z",
            "eo:gsd": 30,
            "eo:cloud_cover": 0,
            "landsat:wrs_path": "81",
            "landsat:wrs_row": "119",
            "eo:bands": [{"name": band, "common_name": common, "gsd": 30} for band, common in names],
            "platform": "landsat-8",
            "instruments": ["oli", "tirs"],
            "proj:epsg": 3031,
        },
        "links": [],
        "assets": assets,
    }


_S2_BANDS = [  # key, band, common name, resolution
    ("B01", "B01", "coastal", 60),
    ("B02", "B02", "blue", 10),
    ("B03", "B03", "green", 10),
    ("B04", "B04", "red", 10),
    ("B05", "B05", "rededge", 20),
    ("B06", "B06", "rededge", 20),
    ("B07", "B07", "rededge", 20),
    ("B08", "B08", "nir", 10),
    ("B8A", "B8A", "nir08", 20),
    ("B09", "B09", "nir09", 60),
    ("B11", "B11", "swir16", 20),
    ("B12", "B12", "swir22", 20),
]


def earth_search_v0(
    root: str = "https://sentinel-cogs.s3.us-west-2.amazonaws.com/sentinel-s2-l2a-cogs/55/H/FA/2021/5",
    size: int = 10980,
) -> dict[str, Any]:
    """Earth Search v0 (``sentinel-s2-l2a-cogs``): 17 COG assets with a media type and a grid
    each and no roles at all, short extension names, a thumbnail with neither."""
    x0, y0 = 600000.0, 6100000.0
    scale = 10980 / size
    assets: dict[str, Any] = {
        "thumbnail": {"title": "Thumbnail", "type": "image/png", "href": _href(root, "preview.jpg")},
        "overview": {
            "title": "True color image",
            "type": COG,
            "href": _href(root, "L2A_PVI.tif"),
            **_grid(size // 32 or 1, 320.0 * scale, x0, y0),
        },
        "info": {
            "title": "Original JSON metadata",
            "type": "application/json",
            "href": _href(root, "tileInfo.json"),
        },
        "metadata": {
            "title": "Original XML metadata",
            "type": "application/xml",
            "href": _href(root, "metadata.xml"),
        },
        "visual": {
            "title": "True color image",
            "type": COG,
            "href": _href(root, "TCI.tif"),
            **_grid(size, 10.0 * scale, x0, y0),
        },
    }
    for key, band, common, res in _S2_BANDS:
        assets[key] = {
            "title": f"Band {band[1:]} ({common})",
            "type": COG,
            "href": _href(root, f"{key}.tif"),
            "eo:bands": [{"name": band, "common_name": common, "center_wavelength": 0.5}],
            "gsd": res,
            **_grid(size * 10 // res, res * scale, x0, y0),
        }
    for key, title, res in (
        ("AOT", "Aerosol Optical Thickness (AOT)", 60),
        ("WVP", "Water Vapour (WVP)", 10),
        ("SCL", "Scene Classification Map (SCL)", 20),
    ):
        assets[key] = {
            "title": title,
            "type": COG,
            "href": _href(root, f"{key}.tif"),
            **_grid(size * 10 // res, res * scale, x0, y0),
        }
    return {
        "type": "Feature",
        "stac_version": "1.0.0-beta.2",
        "stac_extensions": ["eo", "view", "proj"],
        "id": "S2B_55HFA_20210501_0_L2A",
        "bbox": [148.1, -35.3, 149.3, -34.3],
        "geometry": _box(148.1, -35.3, 149.3, -34.3),
        "properties": {
            "datetime": "2021-05-01T00:02:25Z",
            "platform": "sentinel-2b",
            "constellation": "sentinel-2",
            "instruments": ["msi"],
            "gsd": 10,
            "view:off_nadir": 0,
            "proj:epsg": 32755,
            "sentinel:utm_zone": 55,
            "sentinel:latitude_band": "H",
            "sentinel:grid_square": "FA",
            "sentinel:sequence": "0",
            "sentinel:product_id": "S2B_MSIL2A_20210501T000239_N0300_R030_T55HFA_20210501T020115",
            "sentinel:data_coverage": 100,
            "eo:cloud_cover": 3.21,
            "sentinel:valid_cloud_cover": True,
            "created": "2021-05-01T04:08:23.201Z",
            "updated": "2021-05-01T04:08:23.201Z",
        },
        "collection": "sentinel-s2-l2a-cogs",
        "assets": assets,
        "links": [
            {
                "rel": "self",
                "href": "https://earth-search.aws.element84.com/v0/collections/sentinel-s2-l2a-cogs/items/S2B_55HFA_20210501_0_L2A",
            },
            {
                "rel": "canonical",
                "href": "s3://cirrus-v0-data/sentinel-s2-l2a-cogs/S2B_55HFA_20210501_0_L2A.json",
                "type": "application/json",
            },
            {
                "rel": "derived_from",
                "href": "https://cirrus-v0-data.s3.amazonaws.com/sentinel-s2-l2a/S2B_55HFA_20210501_0_L2A.json",
            },
            {
                "rel": "parent",
                "href": "https://earth-search.aws.element84.com/v0/collections/sentinel-s2-l2a-cogs",
            },
        ],
    }


def earth_search_v1(
    root: str = "https://sentinel-cogs.s3.us-west-2.amazonaws.com/sentinel-s2-l2a-cogs/55/H/FA/2021/5/S2B_55HFA_20210501_0_L2A",
    size: int = 10980,
) -> dict[str, Any]:
    """Earth Search v1 (``sentinel-2-l2a``): bands keyed by common name with ``raster:bands``
    (scale, offset), JPEG 2000 twins under hyphenated keys, a three-band ``visual`` asset, the
    grids on the assets."""
    x0, y0 = 600000.0, 6100000.0
    scale = 10980 / size
    names = {
        "B01": "coastal",
        "B02": "blue",
        "B03": "green",
        "B04": "red",
        "B05": "rededge1",
        "B06": "rededge2",
        "B07": "rededge3",
        "B08": "nir",
        "B8A": "nir08",
        "B09": "nir09",
        "B11": "swir16",
        "B12": "swir22",
    }
    assets: dict[str, Any] = {}
    for band, common_name, res in [(b, names[b], r) for b, _, _, r in _S2_BANDS]:
        raster = {
            "nodata": 0,
            "data_type": "uint16",
            "bits_per_sample": 15,
            "spatial_resolution": res,
            "scale": 0.0001,
            "offset": -0.1,
        }
        common = "rededge" if common_name.startswith("rededge") else common_name
        grid = _grid(size * 10 // res, res * scale, x0, y0)
        assets[common_name] = {
            "href": _href(root, f"{band}.tif"),
            "type": COG,
            "title": f"{common_name} - {res}m",
            "eo:bands": [
                {
                    "name": common_name,
                    "common_name": common,
                    "center_wavelength": 0.6,
                    "full_width_half_max": 0.03,
                }
            ],
            "gsd": res,
            **grid,
            "raster:bands": [raster],
            "roles": ["data", "reflectance"],
        }
        assets[f"{common_name}-jp2"] = {
            "href": f"s3://sentinel-s2-l2a/tiles/55/H/FA/2021/5/1/0/R{res}m/{band}.jp2",
            "type": "image/jp2",
            "title": f"{common_name} - {res}m",
            "eo:bands": [{"name": common_name, "common_name": common}],
            "gsd": res,
            **grid,
            "raster:bands": [raster],
            "roles": ["data", "reflectance"],
        }
    assets["scl"] = {
        "href": _href(root, "SCL.tif"),
        "type": COG,
        "title": "Scene classification map (SCL)",
        **_grid(size // 2, 20.0 * scale, x0, y0),
        "raster:bands": [{"nodata": 0, "data_type": "uint8", "spatial_resolution": 20, "unit": "1"}],
        "roles": ["data", "reflectance"],
    }
    assets["visual"] = {
        "href": _href(root, "TCI.tif"),
        "type": COG,
        "title": "True color image",
        "eo:bands": [{"name": n, "common_name": n} for n in ("red", "green", "blue")],
        **_grid(size, 10.0 * scale, x0, y0),
        "roles": ["visual"],
    }
    assets["thumbnail"] = {
        "href": _href(root, "thumbnail.jpg"),
        "type": "image/jpeg",
        "title": "Thumbnail image",
        "roles": ["thumbnail"],
    }
    assets["granule_metadata"] = {
        "href": _href(root, "granule_metadata.xml"),
        "type": "application/xml",
        "roles": ["metadata"],
    }
    assets["tileinfo_metadata"] = {
        "href": _href(root, "tileinfo_metadata.json"),
        "type": "application/json",
        "roles": ["metadata"],
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": "S2B_55HFA_20210501_0_L2A",
        "properties": {
            "created": "2022-11-06T13:14:57.270Z",
            "platform": "sentinel-2b",
            "constellation": "sentinel-2",
            "instruments": ["msi"],
            "eo:cloud_cover": 3.214,
            "proj:epsg": 32755,
            "mgrs:utm_zone": 55,
            "mgrs:latitude_band": "H",
            "mgrs:grid_square": "FA",
            "grid:code": "MGRS-55HFA",
            "view:sun_azimuth": 36.2,
            "view:sun_elevation": 35.9,
            "s2:degraded_msi_data_percentage": 0,
            "s2:nodata_pixel_percentage": 0.0013,
            "s2:product_type": "S2MSI2A",
            "s2:processing_baseline": "03.00",
            "s2:product_uri": "S2B_MSIL2A_20210501T000239_N0300_R030_T55HFA_20210501T020115.SAFE",
            "s2:granule_id": "S2B_OPER_MSI_L2A_TL_VGS4_20210501T020115_A021745_T55HFA_N03.00",
            "s2:sequence": "0",
            "earthsearch:payload_id": "roda-sentinel2/workflow-sentinel2-to-stac/0a1b2c",
            "earthsearch:boa_offset_applied": False,
            "processing:software": {"sentinel2-to-stac": "0.1.0"},
            "datetime": "2021-05-01T00:02:25.512000Z",
            "updated": "2022-11-06T13:14:57.270Z",
        },
        "geometry": _box(148.1, -35.3, 149.3, -34.3),
        "links": [
            {
                "rel": "self",
                "type": "application/geo+json",
                "href": "https://earth-search.aws.element84.com/v1/collections/sentinel-2-l2a/items/S2B_55HFA_20210501_0_L2A",
            },
            {
                "rel": "canonical",
                "href": "s3://earthsearch-data/sentinel-2-l2a/55/H/FA/2021/5/S2B_55HFA_20210501_0_L2A/S2B_55HFA_20210501_0_L2A.json",
                "type": "application/json",
            },
            {
                "rel": "license",
                "href": "https://sentinel.esa.int/documents/247904/690755/Sentinel_Data_Legal_Notice",
            },
            {
                "rel": "parent",
                "type": "application/json",
                "href": "https://earth-search.aws.element84.com/v1/collections/sentinel-2-l2a",
            },
            {
                "rel": "collection",
                "type": "application/json",
                "href": "https://earth-search.aws.element84.com/v1/collections/sentinel-2-l2a",
            },
            {"rel": "root", "type": "application/json", "href": "https://earth-search.aws.element84.com/v1"},
        ],
        "assets": assets,
        "bbox": [148.1, -35.3, 149.3, -34.3],
        "stac_extensions": [
            "https://stac-extensions.github.io/mgrs/v1.0.0/schema.json",
            "https://stac-extensions.github.io/processing/v1.1.0/schema.json",
            _FILE,
            _PROJ_11,
            _RASTER,
            "https://stac-extensions.github.io/grid/v1.0.0/schema.json",
            _EO_10,
            _VIEW,
        ],
        "collection": "sentinel-2-l2a",
    }


def planetary_computer_s2(
    root: str = "https://sentinel2l2a01.blob.core.windows.net/sentinel2-l2/55/H/FA/2021/05/01",
    size: int = 10980,
) -> dict[str, Any]:
    """Planetary Computer's ``sentinel-2-l2a``: bands keyed B01..B12 with ``eo:bands`` (four
    sharing the common name ``rededge``), ``proj:bbox`` on the assets, a ``visual`` asset of
    three bands with the data role, tiles and a rendered preview."""
    x0, y0 = 600000.0, 6100000.0
    scale = 10980 / size
    assets: dict[str, Any] = {}
    for key in ("AOT", "SCL", "WVP"):
        res = {"AOT": 10, "SCL": 20, "WVP": 10}[key]
        n = size * 10 // res
        assets[key] = {
            "href": _href(root, f"{key}_{res}m.tif"),
            "type": COG,
            "title": key,
            "gsd": float(res),
            "proj:bbox": [x0, y0 - n * res * scale, x0 + n * res * scale, y0],
            **_grid(n, res * scale, x0, y0),
            "roles": ["data"],
        }
    for key, band, common, res in _S2_BANDS:
        n = size * 10 // res
        eo: dict[str, Any] = {
            "name": band,
            "description": f"Band {band[1:]}",
            "center_wavelength": 0.7,
            "full_width_half_max": 0.02,
        }
        if common != "nir09":
            eo["common_name"] = common
        assets[key] = {
            "href": _href(root, f"T55HFA_20210501T000239_{key}_{res}m.tif"),
            "type": COG,
            "title": f"Band {band[1:]} - {res}m",
            "eo:bands": [eo],
            "gsd": float(res),
            "proj:bbox": [x0, y0 - n * res * scale, x0 + n * res * scale, y0],
            **_grid(n, res * scale, x0, y0),
            "roles": ["data"],
        }
    assets["visual"] = {
        "href": _href(root, "T55HFA_20210501T000239_TCI_10m.tif"),
        "type": COG,
        "title": "True color image",
        "eo:bands": [
            {"name": "B04", "common_name": "red"},
            {"name": "B03", "common_name": "green"},
            {"name": "B02", "common_name": "blue"},
        ],
        "gsd": 10.0,
        **_grid(size, 10.0 * scale, x0, y0),
        "roles": ["data"],
    }
    assets["preview"] = {
        "href": _href(root, "T55HFA_20210501T000239_PVI.tif"),
        "type": COG,
        "title": "Thumbnail",
        "roles": ["thumbnail"],
    }
    assets["safe-manifest"] = {
        "href": _href(root, "manifest.safe"),
        "type": "application/xml",
        "title": "SAFE manifest",
        "roles": ["metadata"],
    }
    assets["tilejson"] = {
        "href": "https://planetarycomputer.microsoft.com/api/data/v1/item/tilejson.json?collection=sentinel-2-l2a",
        "type": "application/json",
        "title": "TileJSON with default rendering",
        "roles": ["tiles"],
    }
    assets["rendered_preview"] = {
        "href": "https://planetarycomputer.microsoft.com/api/data/v1/item/preview.png?collection=sentinel-2-l2a",
        "type": "image/png",
        "title": "Rendered preview",
        "rel": "preview",
        "roles": ["overview"],
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": "S2B_MSIL2A_20210501T000239_R030_T55HFA_20210501T020115",
        "properties": {
            "datetime": "2021-05-01T00:02:39.024000Z",
            "platform": "Sentinel-2B",
            "proj:epsg": 32755,
            "instruments": ["msi"],
            "s2:mgrs_tile": "55HFA",
            "constellation": "Sentinel 2",
            "s2:granule_id": "S2B_OPER_MSI_L2A_TL_ESRI_20210501T020115_A021745_T55HFA_N02.12",
            "eo:cloud_cover": 3.2,
            "s2:datatake_id": "GS2B_20210501T000239_021745_N02.12",
            "s2:product_uri": "S2B_MSIL2A_20210501T000239_N0212_R030_T55HFA_20210501T020115.SAFE",
            "s2:datastrip_id": "S2B_OPER_MSI_L2A_DS_ESRI_20210501T020115_S20210501T000239_N02.12",
            "s2:product_type": "S2MSI2A",
            "sat:orbit_state": "descending",
            "s2:datatake_type": "INS-NOBS",
            "s2:generation_time": "2021-05-01T02:01:15.000000Z",
            "sat:relative_orbit": 30,
            "s2:water_percentage": 1.2,
            "s2:mean_solar_zenith": 54.1,
            "s2:mean_solar_azimuth": 36.2,
            "s2:processing_baseline": "02.12",
            "s2:snow_ice_percentage": 0.0,
        },
        "geometry": _box(148.1, -35.3, 149.3, -34.3),
        "links": [
            {
                "rel": "collection",
                "type": "application/json",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/sentinel-2-l2a",
            },
            {
                "rel": "parent",
                "type": "application/json",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/sentinel-2-l2a",
            },
            {
                "rel": "root",
                "type": "application/json",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/",
            },
            {
                "rel": "self",
                "type": "application/geo+json",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/sentinel-2-l2a/items/S2B_MSIL2A_20210501T000239_R030_T55HFA_20210501T020115",
            },
            {
                "rel": "license",
                "href": "https://sentinel.esa.int/documents/247904/690755/Sentinel_Data_Legal_Notice",
            },
            {
                "rel": "preview",
                "href": "https://planetarycomputer.microsoft.com/api/data/v1/item/map?collection=sentinel-2-l2a",
                "title": "Map of item",
                "type": "text/html",
            },
        ],
        "assets": assets,
        "bbox": [148.1, -35.3, 149.3, -34.3],
        "stac_extensions": [_EO_10, "https://stac-extensions.github.io/sat/v1.0.0/schema.json", _PROJ_10],
        "collection": "sentinel-2-l2a",
    }


def planetary_computer_nasadem(
    root: str = "https://nasademeuwest.blob.core.windows.net/nasadem-cog/v001", size: int = 3601
) -> dict[str, Any]:
    """Planetary Computer's ``nasadem``: one elevation asset in lon/lat on the Item's grid."""
    res = 1.0 / (size - 1)
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": "NASADEM_HGT_s56w072",
        "properties": {
            "datetime": "2000-02-20T00:00:00Z",
            "platform": "shuttle",
            "instruments": ["sir-c", "x-sar"],
            "proj:epsg": 4326,
            "proj:shape": [size, size],
            "proj:transform": [res, 0.0, -72.0 - res / 2, 0.0, -res, -55.0 + res / 2],
        },
        "geometry": _box(-72.0, -56.0, -71.0, -55.0),
        "links": [
            {
                "rel": "collection",
                "type": "application/json",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/nasadem",
            },
            {
                "rel": "self",
                "type": "application/geo+json",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/nasadem/items/NASADEM_HGT_s56w072",
            },
        ],
        "assets": {
            "elevation": {
                "href": _href(root, "NASADEM_HGT_s56w072.tif"),
                "type": COG,
                "title": "Elevation",
                "raster:bands": [{"unit": "meter", "data_type": "int16", "spatial_resolution": 30}],
                "roles": ["data"],
            },
            "tilejson": {
                "href": "https://planetarycomputer.microsoft.com/api/data/v1/item/tilejson.json?collection=nasadem",
                "type": "application/json",
                "roles": ["tiles"],
            },
            "rendered_preview": {
                "href": "https://planetarycomputer.microsoft.com/api/data/v1/item/preview.png?collection=nasadem",
                "type": "image/png",
                "roles": ["overview"],
            },
        },
        "bbox": [-72.0, -56.0, -71.0, -55.0],
        "stac_extensions": [_PROJ_10, "https://stac-extensions.github.io/raster/v1.0.0/schema.json"],
        "collection": "nasadem",
    }


def planetary_computer_io_lulc(
    root: str = "https://ai4edataeuwest.blob.core.windows.net/io-lulc/io-lulc-model-001-v01-composite-v03-supercell-v02-clip-v01",
    size: int = 1000,
) -> dict[str, Any]:
    """Planetary Computer's ``io-lulc``: a time range with a null ``datetime``, one classified
    ``data`` asset with ``file:values``."""
    res = 10.0 * 1000 / size
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": "55H-2020",
        "properties": {
            "datetime": None,
            "start_datetime": "2020-01-01T00:00:00Z",
            "end_datetime": "2021-01-01T00:00:00Z",
            "io:tile_id": "55H",
            "io:supercell_id": "55H",
            "proj:epsg": 32755,
            "proj:bbox": [500000.0, 6000000.0, 500000.0 + size * res, 6000000.0 + size * res],
            "proj:shape": [size, size],
            "proj:transform": [res, 0.0, 500000.0, 0.0, -res, 6000000.0 + size * res],
        },
        "geometry": _box(147.0, -36.2, 148.2, -35.1),
        "links": [
            {
                "rel": "collection",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/io-lulc",
            },
            {
                "rel": "self",
                "href": "https://planetarycomputer.microsoft.com/api/stac/v1/collections/io-lulc/items/55H-2020",
            },
        ],
        "assets": {
            "data": {
                "href": _href(root, "55H_20200101-20210101.tif"),
                "type": COG,
                "title": "Global land cover data",
                "file:values": [{"values": [1], "summary": "Water"}, {"values": [2], "summary": "Trees"}],
                "roles": ["data"],
            },
            "tilejson": {
                "href": "https://planetarycomputer.microsoft.com/api/data/v1/item/tilejson.json?collection=io-lulc",
                "type": "application/json",
                "roles": ["tiles"],
            },
        },
        "bbox": [147.0, -36.2, 148.2, -35.1],
        "stac_extensions": [_PROJ_10, "https://stac-extensions.github.io/file/v2.0.0/schema.json"],
        "collection": "io-lulc",
    }


def de_africa(
    root: str = "https://deafrica-services.s3.af-south-1.amazonaws.com/gm_s2_annual/1-0-0/x174/y067/2021--P1Y",
    size: int = 9600,
) -> dict[str, Any]:
    """Digital Earth Africa's Explorer: UUID ids, an ODC product name as the collection,
    ``odc:`` properties and a title, EPSG:6933, ``data`` assets with a grid each."""
    res = 10.0 * 9600 / size
    x0, y0 = 6336000.0, -4032000.0 + 9600 * 10.0
    assets = {
        band: {
            "title": band,
            "eo:bands": [{"name": band}],
            "type": COG,
            "roles": ["data"],
            "href": _href(root, f"gm_s2_annual_x174y067_2021-P1Y_final_{band}.tif"),
            **_grid(size, res, x0, y0),
        }
        for band in ("B02", "B03", "B04", "SMAD")
    }
    assets["thumbnail"] = {
        "title": "Thumbnail image",
        "type": "image/jpeg",
        "roles": ["thumbnail"],
        "href": _href(root, "thumbnail.jpg"),
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [_EO_10, _PROJ_10, _VIEW],
        "id": "2f3b2c5e-8a1d-5b7a-9c4e-1f2a3b4c5d6e",
        "collection": "gm_s2_annual",
        "bbox": [65.6, -39.9, 66.6, -39.1],
        "geometry": _box(65.6, -39.9, 66.6, -39.1),
        "properties": {
            "title": "gm_s2_annual_x174y067_2021--P1Y",
            "platform": "sentinel-2a,sentinel-2b",
            "odc:product": "gm_s2_annual",
            "odc:producer": "digitalearthafrica.org",
            "odc:region_code": "x174y067",
            "odc:file_format": "GeoTIFF",
            "odc:product_family": "geomedian",
            "odc:dataset_version": "1.0.0",
            "odc:processing_datetime": "2022-03-14T01:23:45.000000Z",
            "datetime": "2021-07-02T11:59:59.999999Z",
            "start_datetime": "2021-01-01T00:00:00Z",
            "end_datetime": "2021-12-31T23:59:59.999999Z",
            "proj:epsg": 6933,
            "cubedash:region_code": "x174y067",
        },
        "links": [
            {
                "rel": "self",
                "type": "application/json",
                "href": "https://explorer.digitalearth.africa/stac/collections/gm_s2_annual/items/2f3b2c5e-8a1d-5b7a-9c4e-1f2a3b4c5d6e",
            },
            {
                "rel": "odc_yaml",
                "type": "text/yaml",
                "title": "ODC Dataset YAML",
                "href": "https://explorer.digitalearth.africa/dataset/2f3b2c5e-8a1d-5b7a-9c4e-1f2a3b4c5d6e.odc-metadata.yaml",
            },
            {
                "rel": "collection",
                "href": "https://explorer.digitalearth.africa/stac/collections/gm_s2_annual",
            },
            {
                "rel": "product_overview",
                "type": "text/html",
                "title": "ODC Product Overview",
                "href": "https://explorer.digitalearth.africa/product/gm_s2_annual",
            },
            {"rel": "root", "href": "https://explorer.digitalearth.africa/stac"},
        ],
        "assets": assets,
    }


def de_pacific(
    root: str = "https://dep-public-data.s3.us-west-2.amazonaws.com/dep_s2_geomad/0-3-0/066/020/2023",
    size: int = 4800,
) -> dict[str, Any]:
    """Digital Earth Pacific (rio-stac's shape): an id made of the tile and year, PDC Mercator
    (EPSG:3832), a tile across the antimeridian (a lon/lat MultiPolygon), ``raster:bands`` with
    statistics, every asset's single band named ``b1``."""
    res = 10.0 * 4800 / size
    x0, y0 = 3336000.0, -2032000.0
    assets = {}
    for band in ("red", "green", "blue", "count"):
        assets[band] = {
            "href": _href(root, f"dep_s2_geomad_066_020_2023_{band}.tif"),
            "type": COG,
            "roles": ["data"],
            "eo:bands": [{"name": "b1", "description": band}],
            "raster:bands": [
                {
                    "data_type": "uint16" if band == "count" else "float32",
                    "scale": 1.0,
                    "offset": 0.0,
                    "sampling": "area",
                    **({"nodata": 0} if band == "count" else {"nodata": "nan"}),
                    "statistics": {
                        "mean": 0.1,
                        "minimum": 0.0,
                        "maximum": 1.0,
                        "stddev": 0.05,
                        "valid_percent": 42.0,
                    },
                }
            ],
            **_grid(size, res, x0, y0),
        }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": "dep_s2_geomad_66_20_2023",
        "properties": {
            "start_datetime": "2023-01-01T00:00:00.000Z",
            "datetime": "2023-01-01T00:00:00Z",
            "end_datetime": "2023-12-31T23:59:59Z",
            "created": "2024-03-01T03:19:24.875082Z",
            "proj:epsg": 3832,
            "proj:geometry": _box(x0, y0 - size * res, x0 + size * res, y0),
            "proj:bbox": [x0, y0 - size * res, x0 + size * res, y0],
            "proj:shape": [size, size],
            "proj:transform": [res, 0.0, x0, 0.0, -res, y0],
        },
        "geometry": {  # the tile in lon/lat, cut at the antimeridian
            "type": "MultiPolygon",
            "coordinates": [
                [
                    [
                        [179.967798, -18.47767],
                        [180.0, -18.47767],
                        [180.0, -18.065731],
                        [179.967798, -18.065731],
                        [179.967798, -18.47767],
                    ]
                ],
                [
                    [
                        [-180.0, -18.47767],
                        [-179.601011, -18.47767],
                        [-179.601011, -18.065731],
                        [-180.0, -18.065731],
                        [-180.0, -18.47767],
                    ]
                ],
            ],
        },
        "links": [
            {
                "rel": "self",
                "href": "https://dep-public-data.s3.us-west-2.amazonaws.com/dep_s2_geomad/0-3-0/066/020/2023/dep_s2_geomad_066_020_2023.stac-item.json",
                "type": "application/json",
            },
        ],
        "assets": assets,
        "bbox": [179.967798, -18.47767, -179.601011, -18.065731],
        "stac_extensions": [_PROJ_11, _RASTER, _EO],
        "collection": "dep_s2_geomad",
    }


def dea_eodatasets(
    root: str = "https://data.dea.ga.gov.au/baseline/ga_ls8c_ard_3/091/084/2023/02/03", size: int = 7811
) -> dict[str, Any]:
    """Digital Earth Australia, as eodatasets writes an Item beside the eo3 document: no
    ``collection`` (the product is the ``odc:product`` property), short extension names,
    lineage in an ``odc:lineage`` property, an accessory without roles."""
    res = 30.0 * 7811 / size
    grid = _grid(size, res, 194985.0, -3715785.0)
    assets: dict[str, Any] = {
        band: {
            "eo:bands": [{"name": band}],
            "type": "image/tiff; application=geotiff",
            "roles": ["data"],
            "href": _href(root, f"ga_ls8c_{band}_3-2-1_091084_2023-02-03_final.tif"),
            **grid,
        }
        for band in ("nbart_blue", "nbart_green", "nbart_red", "oa_fmask")
    }
    assets["thumbnail:nbart"] = {
        "title": "Thumbnail image",
        "type": "image/jpeg",
        "roles": ["thumbnail"],
        "href": _href(root, "thumbnail.jpg"),
    }
    assets["checksum:sha1"] = {
        "type": "text/plain",
        "href": _href(root, "ga_ls8c_ard_3-2-1_091084_2023-02-03_final.sha1"),
    }
    assets["metadata:processor"] = {
        "type": "text/yaml",
        "roles": ["metadata"],
        "href": _href(root, "ga_ls8c_ard_3-2-1_091084_2023-02-03_final.proc-info.yaml"),
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": ["eo", "projection", "view"],
        "id": "0f9bfc5c-14d3-4a8e-9f3b-7c1d2e3f4a5b",
        "bbox": [149.1, -35.6, 151.6, -33.5],
        "geometry": _box(149.1, -35.6, 151.6, -33.5),
        "properties": {
            "title": "ga_ls8c_ard_3-2-1_091084_2023-02-03_final",
            "datetime": "2023-02-03T23:55:12.180442Z",
            "eo:cloud_cover": 12.07,
            "eo:gsd": 15.0,
            "eo:instrument": "OLI_TIRS",
            "eo:platform": "landsat-8",
            "eo:sun_azimuth": 71.93,
            "eo:sun_elevation": 50.12,
            "landsat:landsat_scene_id": "LC80910842023034LGN00",
            "landsat:wrs_path": 91,
            "landsat:wrs_row": 84,
            "odc:dataset_version": "3.2.1",
            "odc:file_format": "GeoTIFF",
            "odc:processing_datetime": "2023-02-06T10:11:12.131415Z",
            "odc:producer": "ga.gov.au",
            "odc:product_family": "ard",
            "odc:region_code": "091084",
            "dea:dataset_maturity": "final",
            "odc:product": "ga_ls8c_ard_3",
            "odc:lineage": {"level1": ["6c2a4a1e-3c4d-5e6f-8a9b-0c1d2e3f4a5b"]},
            "proj:epsg": 32656,
        },
        "links": [
            {
                "rel": "self",
                "type": "application/json",
                "href": f"{root}/ga_ls8c_ard_3-2-1_091084_2023-02-03_final.stac-item.json",
            },
            {
                "rel": "odc_yaml",
                "type": "text/yaml",
                "title": "ODC Dataset YAML",
                "href": f"{root}/ga_ls8c_ard_3-2-1_091084_2023-02-03_final.odc-metadata.yaml",
            },
            {
                "rel": "product_overview",
                "type": "text/html",
                "href": "https://explorer.dea.ga.gov.au/product/ga_ls8c_ard_3",
            },
        ],
        "assets": assets,
    }


def pystac_simple(root: str = "https://storage.googleapis.com/open-cogs/stac-examples") -> dict[str, Any]:
    """pystac's and the STAC spec's simple example: no projection at all, a ``visual`` asset
    and a thumbnail, relative links to its Collection."""
    return {
        "stac_version": "1.0.0",
        "stac_extensions": [],
        "type": "Feature",
        "id": "20201211_223832_CS2",
        "bbox": [172.91, 1.34, 172.95, 1.37],
        "geometry": _box(172.91, 1.34, 172.95, 1.37),
        "properties": {"datetime": "2020-12-11T22:38:32.125000Z"},
        "collection": "simple-collection",
        "links": [
            {
                "rel": "collection",
                "href": "./collection.json",
                "type": "application/json",
                "title": "Simple Example Collection",
            },
            {"rel": "root", "href": "./collection.json", "type": "application/json"},
            {"rel": "parent", "href": "./collection.json", "type": "application/json"},
        ],
        "assets": {
            "visual": {
                "href": _href(root, "20201211_223832_CS2.tif"),
                "type": COG,
                "title": "3-Band Visual",
                "roles": ["visual"],
            },
            "thumbnail": {
                "href": _href(root, "20201211_223832_CS2.jpg"),
                "title": "Thumbnail",
                "type": "image/jpeg",
                "roles": ["thumbnail"],
            },
        },
    }


def pystac_extended(root: str = "", size: int | None = None) -> dict[str, Any]:
    """pystac's extended example (STAC 1.1): relative asset hrefs, a four-band analytic asset,
    common metadata, the eo, projection (``proj:code``), view and sat extensions."""
    return {
        "stac_version": "1.1.0",
        "stac_extensions": [
            "https://stac-extensions.github.io/eo/v2.0.0/schema.json",
            "https://stac-extensions.github.io/projection/v2.0.0/schema.json",
            "https://stac-extensions.github.io/scientific/v1.0.0/schema.json",
            _VIEW,
        ],
        "type": "Feature",
        "id": "20201211_223832_CS2_extended",
        "bbox": [172.91, 1.34, 172.95, 1.37],
        "geometry": _box(172.91, 1.34, 172.95, 1.37),
        "properties": {
            "title": "Extended Item",
            "description": "A sample STAC Item that includes a variety of examples from the stable extensions",
            "keywords": ["extended", "example", "item"],
            "datetime": "2020-12-14T18:02:31.437000Z",
            "created": "2020-12-15T01:48:13.725Z",
            "updated": "2020-12-15T01:48:13.725Z",
            "platform": "cool_sat2",
            "instruments": ["cool_sensor_v1"],
            "eo:cloud_cover": 1.2,
            "eo:snow_cover": 0,
            "statistics": {"vegetation": 12.57, "water": 1.23},
            "proj:code": "EPSG:32659",
            "proj:shape": [5558, 9559] if size is None else [size, size],
            "proj:transform": [
                0.5 if size is None else 4779.5 / size,
                0,
                712710,
                0,
                -0.5 if size is None else -4779.5 / size,
                151406,
                0,
                0,
                1,
            ],
            "view:sun_elevation": 54.9,
            "view:off_nadir": 3.8,
            "view:sun_azimuth": 135.7,
            "sci:doi": "10.5061/dryad.s2v81.2",
            "license": "CC-BY-4.0",
        },
        "collection": "simple-collection",
        "links": [
            {"rel": "collection", "href": "./collection.json", "type": "application/json"},
            {
                "rel": "alternate",
                "type": "text/html",
                "href": "http://remotedata.io/catalog/20201211_223832_CS2/index.html",
            },
        ],
        "assets": {
            "analytic": {
                "href": _href(root, "20201211_223832_CS2_analytic.tif"),
                "type": COG,
                "title": "4-Band Analytic",
                "roles": ["data"],
                "bands": [
                    {"name": "band1", "eo:common_name": "blue"},
                    {"name": "band2", "eo:common_name": "green"},
                    {"name": "band3", "eo:common_name": "red"},
                    {"name": "band4", "eo:common_name": "nir"},
                ],
            },
            "thumbnail": {
                "href": _href(root, "20201211_223832_CS2.jpg"),
                "title": "Thumbnail",
                "type": "image/png",
                "roles": ["thumbnail"],
            },
            "visual": {
                "href": _href(root, "20201211_223832_CS2.tif"),
                "type": COG,
                "title": "3-Band Visual",
                "roles": ["visual"],
            },
            "udm": {
                "href": _href(root, "20201211_223832_CS2_analytic_udm.tif"),
                "title": "Unusable Data Mask",
                "type": COG,
            },
            "json-metadata": {
                "href": "http://remotedata.io/catalog/20201211_223832_CS2/extended-metadata.json",
                "title": "Extended Metadata",
                "type": "application/json",
                "roles": ["metadata"],
            },
            "ephemeris": {
                "href": "http://cool-sat.com/catalog/20201211_223832_CS2/20201211_223832_CS2.EPH",
                "title": "Satellite Ephemeris Metadata",
            },
        },
    }


_PROJ_20 = "https://stac-extensions.github.io/projection/v2.0.0/schema.json"


def planet_psscene(
    root: str = "https://api.planet.com/data/v1/assets/psscene", size: int = 2400
) -> dict[str, Any]:
    """Planet's PlanetScope scenes (STAC 1.1, projection 2.0): the projection fields on each
    asset and none on the Item, multi-band assets described by ``raster:bands`` and
    ``eo:bands``."""
    res = 3.0 * 2400 / size
    x0, y0 = 452100.0, 4512300.0
    grid = {"proj:code": "EPSG:32633", **_grid(size, res, x0, y0)}
    colours = [("Blue", "blue"), ("Green", "green"), ("Red", "red"), ("NIR", "nir")]
    return {
        "type": "Feature",
        "stac_version": "1.1.0",
        "stac_extensions": [_EO, _RASTER, _PROJ_20, _VIEW],
        "id": "20230611_101530_42_24a1",
        "collection": "psscene",
        "geometry": _box(14.42, 40.69, 14.51, 40.76),
        "bbox": [14.42, 40.69, 14.51, 40.76],
        "properties": {
            "datetime": "2023-06-11T10:15:30.421Z",
            "platform": "24a1",
            "constellation": "planetscope",
            "instruments": ["PSB.SD"],
            "gsd": 3.9,
            "eo:cloud_cover": 2.0,
            "view:off_nadir": 3.1,
            "pl:item_type": "PSScene",
        },
        "links": [],
        "assets": {
            "ortho_visual": {
                "href": _href(root, "20230611_101530_42_24a1_3B_Visual.tif"),
                "type": "image/tiff",
                "roles": ["data", "visual"],
                "eo:bands": [{"name": n, "common_name": c} for n, c in reversed(colours[:3])],
                "raster:bands": [{"data_type": "uint8", "spatial_resolution": res} for _ in range(3)],
                **grid,
            },
            "ortho_analytic_4b_sr": {
                "href": _href(root, "20230611_101530_42_24a1_3B_AnalyticMS_SR.tif"),
                "type": "image/tiff",
                "roles": ["data", "reflectance"],
                "eo:bands": [{"name": n, "common_name": c} for n, c in colours],
                "raster:bands": [{"data_type": "uint16", "nodata": 0, "scale": 0.0001} for _ in colours],
                **grid,
            },
            "ortho_udm2": {
                "href": _href(root, "20230611_101530_42_24a1_3B_udm2.tif"),
                "type": "image/tiff",
                "roles": ["data", "snow-ice", "cloud", "cloud-shadow"],
                "raster:bands": [{"data_type": "uint8"}],
                **grid,
            },
            "metadata": {
                "href": _href(root, "20230611_101530_42_24a1_metadata.json"),
                "type": "application/json",
                "roles": ["metadata"],
            },
        },
    }


def esa_worldcover(
    root: str = "https://esa-worldcover.s3.eu-central-1.amazonaws.com/v200/2021/map", size: int = 36000
) -> dict[str, Any]:
    """ESA WorldCover (stactools, Planetary Computer): a 3 degree lon/lat tile, a classified
    ``data`` map at 10 m and a three-band quality layer at 60 m whose only role is
    ``metadata`` but which lists its ``raster:bands``."""
    res = 3.0 / size
    quality = [
        ("Sentinel-1 observations", "int16"),
        ("Sentinel-2 observations", "int16"),
        ("Share of invalid Sentinel-2 observations", "int16"),
    ]
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [
            _PROJ_10,
            _RASTER,
            "https://stac-extensions.github.io/classification/v1.0.0/schema.json",
        ],
        "id": "ESA_WorldCover_10m_2021_v200_N45E012",
        "collection": "esa-worldcover",
        "geometry": _box(12.0, 45.0, 15.0, 48.0),
        "bbox": [12.0, 45.0, 15.0, 48.0],
        "properties": {
            "start_datetime": "2021-01-01T00:00:00Z",
            "end_datetime": "2021-12-31T23:59:59Z",
            "datetime": None,
            "esa_worldcover:product_tile": "N45E012",
            "proj:epsg": 4326,
            "platform": "sentinel-2a",
        },
        "links": [],
        "assets": {
            "map": {
                "href": _href(root, "ESA_WorldCover_10m_2021_v200_N45E012_Map.tif"),
                "type": COG,
                "roles": ["data"],
                "raster:bands": [
                    {"name": "Band1", "nodata": 0, "data_type": "uint8", "spatial_resolution": 10}
                ],
                **_grid(size, res, 12.0, 48.0),
            },
            "input_quality": {
                "href": _href(root, "ESA_WorldCover_10m_2021_v200_N45E012_InputQuality.tif"),
                "type": COG,
                "roles": ["metadata"],
                "raster:bands": [
                    {"name": f"Band{i + 1}", "description": d, "nodata": -1, "data_type": t}
                    for i, (d, t) in enumerate(quality)
                ],
                **_grid(size // 6, res * 6, 12.0, 48.0),
            },
            "thumbnail": {
                "href": _href(root, "ESA_WorldCover_10m_2021_v200_N45E012_Map.png"),
                "type": "image/png",
                "roles": ["thumbnail"],
            },
        },
    }


def sentinel3_olci(
    root: str = "https://sentinel3euwest.blob.core.windows.net/sentinel-3/OLCI",
) -> dict[str, Any]:
    """Sentinel-3 OLCI land products (stactools): NetCDF ``data`` assets whose ``eo:bands``
    list the spectral bands each variable was made from, no projection (a swath), a time range
    and a ``datetime``."""
    safe = (
        "S3B_OL_2_LFR____20220914T231542_20220914T231842_20220916T042117_0179_070_358_3420_PS2_O_NT_003.SEN3"
    )

    def olci(*numbers: int) -> list[dict[str, Any]]:
        return [{"name": f"Oa{n:02d}", "description": f"Band {n}"} for n in numbers]

    def nc(name: str, bands: list[dict[str, Any]] | None) -> dict[str, Any]:
        asset: dict[str, Any] = {"href": _href(root, f"{safe}/{name}.nc"), "type": "application/x-netcdf"}
        if bands is not None:
            asset["eo:bands"] = bands
        return {**asset, "s3:shape": [4091, 4865], "roles": ["data"]}

    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [_EO, _FILE, "https://stac-extensions.github.io/sat/v1.0.0/schema.json"],
        "id": safe.removesuffix(".SEN3"),
        "collection": "sentinel-3-olci-lfr-l2-netcdf",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[120.3, 40.1], [134.9, 37.2], [139.6, 49.3], [122.8, 52.6], [120.3, 40.1]]],
        },
        "bbox": [120.3, 37.2, 139.6, 52.6],
        "properties": {
            "datetime": "2022-09-14T23:17:12.000000Z",
            "start_datetime": "2022-09-14T23:15:42.000000Z",
            "end_datetime": "2022-09-14T23:18:42.000000Z",
            "platform": "Sentinel-3B",
            "constellation": "Sentinel-3",
            "instruments": ["OLCI"],
            "s3:product_type": "OL_2_LFR___",
            "sat:orbit_state": "descending",
        },
        "links": [],
        "assets": {
            "safe-manifest": {
                "href": _href(root, f"{safe}/xfdumanifest.xml"),
                "type": "application/xml",
                "roles": ["metadata"],
            },
            "ogvi": nc("ogvi", olci(3, 10, 17)),
            "otci": nc("otci", olci(10, 11, 12)),
            "iwv": nc("iwv", olci(18, 19)),
            "lqsf": nc("lqsf", None),
        },
    }


def planetary_computer_zarr(root: str = "abfs://cil-gdpcir/ScenarioMIP") -> dict[str, Any]:
    """Planetary Computer's climate projections: one Zarr store per variable
    (``application/vnd+zarr``, no roles), a global box, a null ``datetime`` with a range.
    Neither terracube nor odc-stac takes these for raster bands: importing them is refused."""
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": ["https://stac-extensions.github.io/datacube/v2.0.0/schema.json"],
        "id": "cmip6-model-a-ssp245-r1i1p1f1-day",
        "collection": "cmip6-daily",
        "geometry": _box(-180.0, -90.0, 180.0, 90.0),
        "bbox": [-180.0, -90.0, 180.0, 90.0],
        "properties": {
            "datetime": None,
            "start_datetime": "2015-01-01T12:00:00Z",
            "end_datetime": "2100-12-31T12:00:00Z",
        },
        "links": [],
        "assets": {
            v: {"href": f"{root}/model-a/ssp245/r1i1p1f1/day/{v}/v1.1.zarr", "type": "application/vnd+zarr"}
            for v in ("pr", "tasmax", "tasmin")
        },
    }


def cdse_sentinel2_l2a(
    root: str = "s3://eodata/Sentinel-2/MSI/L2A/2024/08/14", size: int = 10980
) -> dict[str, Any]:
    """The Copernicus Data Space Ecosystem's Sentinel-2 L2A (STAC 1.1, projection and raster
    2.0): no projection on the Item, ``proj:code`` and a grid on every asset; the pixel type and
    nodata on the asset itself (``data_type``, ``nodata``) rather than in ``raster:bands``;
    ``bands`` holding eo fields only, or (a three-band asset) each band's pixel type; a band
    at several resolutions, each its own asset; JPEG 2000 files."""
    safe = "S2B_MSIL2A_20240814T101559_N0511_R065_T32TQM_20240814T131409.SAFE"
    x0, y0 = 699960.0, 5100000.0

    def jp2(
        name: str, res: int, bands: list[dict[str, Any]] | None, data_type: str, **extra: Any
    ) -> dict[str, Any]:
        n, pixel = size * 10 // res, res * 10980 / size  # pixels across, and their size
        asset: dict[str, Any] = {
            "href": _href(root, f"{safe}/GRANULE/IMG_DATA/R{res}m/T32TQM_20240814T101559_{name}.jp2"),
            "type": "image/jp2",
            "title": f"{name}",
            "roles": ["data", f"gsd:{res}m"],
            "gsd": res,
            "proj:code": "EPSG:32632",
            "proj:bbox": [x0, y0 - n * pixel, x0 + n * pixel, y0],
            **_grid(n, pixel, x0, y0),
            **extra,
        }
        if bands is not None:
            asset["bands"] = bands
        if data_type:
            asset["data_type"] = data_type
        return asset

    def band(name: str, common: str) -> list[dict[str, Any]]:
        return [{"name": name, "eo:common_name": common, "eo:center_wavelength": 0.5}]

    reflectance = {"nodata": 0, "raster:scale": 0.0001, "raster:offset": -0.1}
    return {
        "type": "Feature",
        "stac_version": "1.1.0",
        "stac_extensions": [
            "https://stac-extensions.github.io/eo/v2.0.0/schema.json",
            _PROJ_20,
            "https://stac-extensions.github.io/raster/v2.0.0/schema.json",
            _FILE,
        ],
        "id": safe.removesuffix(".SAFE"),
        "collection": "sentinel-2-l2a",
        "geometry": {  # the tile's corners: the whole grid holds data
            "type": "Polygon",
            "coordinates": [
                [
                    [11.583549, 46.024365],
                    [11.538707, 45.037034],
                    [12.930033, 44.997588],
                    [12.999321, 45.983545],
                    [11.583549, 46.024365],
                ]
            ],
        },
        "bbox": [11.538707, 44.997588, 12.999321, 46.024365],
        "properties": {
            "datetime": "2024-08-14T10:15:59.024Z",
            "start_datetime": "2024-08-14T10:15:59.024Z",
            "end_datetime": "2024-08-14T10:15:59.024Z",
            "platform": "sentinel-2b",
            "constellation": "sentinel-2",
            "instruments": ["msi"],
            "eo:cloud_cover": 12.5,
            "grid:code": "MGRS-32TQM",
            "product:type": "S2MSI2A",
        },
        "links": [],
        "assets": {
            "AOT_10m": jp2("AOT_10m", 10, None, "uint16", **reflectance),
            "B02_10m": jp2("B02_10m", 10, band("B02", "blue"), "uint16", **reflectance),
            "B02_20m": jp2("B02_20m", 20, band("B02", "blue"), "uint16", **reflectance),
            "B04_10m": jp2("B04_10m", 10, band("B04", "red"), "uint16", **reflectance),
            "B05_20m": jp2("B05_20m", 20, band("B05", "rededge071"), "uint16", **reflectance),
            "SCL_20m": jp2("SCL_20m", 20, None, "uint8", nodata=0),
            "TCI_10m": jp2(
                "TCI_10m",
                10,
                [
                    {"name": n, "description": n, "nodata": 0, "data_type": "uint8"}
                    for n in ("B04", "B03", "B02")
                ],
                "",
            ),
            "product_metadata": {
                "href": _href(root, f"{safe}/MTD_MSIL2A.xml"),
                "type": "application/xml",
                "roles": ["metadata"],
            },
        },
    }


def planetary_computer_modis_polar(
    root: str = "https://modiseuwest.blob.core.windows.net/modis-061/MOD13A1/26/02/2022017", size: int = 2400
) -> dict[str, Any]:
    """Planetary Computer's MODIS tiles (stactools) near the pole: the sinusoidal CRS as
    ``proj:wkt2`` with a null ``proj:epsg``, ``proj:geometry`` the whole tile (most of it past
    the antimeridian, off the Earth), ``geometry`` the part that holds data, densified."""
    import math

    radius = 6371007.181
    x0, x1, y0, y1 = 8895604.157333, 10007554.677, 6671703.118, 7783653.637667
    res = (x1 - x0) / size
    top = math.degrees(math.acos(x0 / (radius * math.pi)))  # where the tile's west edge meets 180°
    west_edge = [
        [round(math.degrees(x0 / (radius * math.cos(math.radians(lat)))), 6), round(lat, 6)]
        for lat in (60.0 + (top - 60.0) * i / 8 for i in range(9))
    ]
    west_edge[-1][0] = 180.0
    ring = [[180.0, 60.0], *reversed(west_edge), [180.0, 60.0]]
    wkt2 = (
        'PROJCRS["unnamed",BASEGEOGCRS["Unknown datum based upon the custom spheroid",'
        'DATUM["Not specified (based on custom spheroid)",ELLIPSOID["Custom spheroid",6371007.181,0,'
        'LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]]],'
        'CONVERSION["unnamed",METHOD["Sinusoidal"],PARAMETER["Longitude of natural origin",0,'
        'ANGLEUNIT["degree",0.0174532925199433]],PARAMETER["False easting",0,LENGTHUNIT["metre",1]],'
        'PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],CS[Cartesian,2],'
        'AXIS["easting",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["northing",north,ORDER[2],'
        'LENGTHUNIT["metre",1]]]'
    )
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [_PROJ_10, _RASTER],
        "id": "MOD13A1.A2022017.h26v02.061.2022034050111",
        "collection": "modis-13A1-061",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "bbox": [west_edge[0][0], 60.0, 180.0, round(top, 6)],
        "properties": {
            "start_datetime": "2022-01-17T00:00:00Z",
            "end_datetime": "2022-02-01T23:59:59Z",
            "datetime": None,
            "platform": "terra",
            "instruments": ["modis"],
            "modis:tile-id": "51026002",
            "modis:horizontal-tile": 26,
            "modis:vertical-tile": 2,
            "proj:epsg": None,
            "proj:wkt2": wkt2,
            "proj:shape": [size, size],
            "proj:transform": [res, 0.0, x0, 0.0, -res, y1],
            "proj:geometry": {
                "type": "Polygon",
                "coordinates": [[[x1, y0], [x1, y1], [x0, y1], [x0, y0], [x1, y0]]],
            },
        },
        "links": [],
        "assets": {
            "hdf": {
                "href": _href(root, "MOD13A1.A2022017.h26v02.061.2022034050111.hdf"),
                "type": "application/x-hdf",
                "roles": ["data"],
            },
            "500m_16_days_NDVI": {
                "href": _href(root, "MOD13A1.A2022017.h26v02.061.2022034050111_NDVI.tif"),
                "type": COG,
                "roles": ["data"],
                "raster:bands": [{"data_type": "int16", "nodata": -3000, "scale": 0.0001}],
            },
            "metadata": {
                "href": _href(root, "MOD13A1.A2022017.h26v02.061.2022034050111.hdf.xml"),
                "type": "application/xml",
                "roles": ["metadata"],
            },
        },
    }


def stactools_sentinel2(
    root: str = "https://sentinel2l2a01.blob.core.windows.net/sentinel2-l2/07/H/FE/2019/02/12",
    size: int = 10980,
) -> dict[str, Any]:
    """stactools' Sentinel-2 L2A Items (from the SAFE archive): each band at every resolution it
    is made at (``blue_20m``, ``blue_60m`` before the 10 m ``blue``), a three-band ``visual`` at
    each too, projection 2.0's ``proj:code`` on the Item, every grid on its asset, GeoTIFFs typed
    without the cloud-optimized profile, ``alternate`` s3 hrefs, a band with no media type."""
    x0, y0 = 600000.0, 6500020.0
    scale = 10980 / size
    tiff = "image/tiff; application=geotiff"
    bands = [("blue", "B02", 0.49), ("green", "B03", 0.56), ("red", "B04", 0.665)]
    assets: dict[str, Any] = {}
    for res, suffix in ((20, "_20m"), (60, "_60m"), (10, "")):
        grid = _grid(size * 10 // res, res * scale, x0, y0)
        for key, band, wavelength in bands:
            assets[f"{key}{suffix}"] = {
                "href": _href(root, f"R{res}m/T07HFE_20190212T192651_{band}_{res}m.tif"),
                "type": tiff,
                "title": f"{key.title()} - {res}m",
                "eo:bands": [{"name": band, "common_name": key, "center_wavelength": wavelength}],
                "gsd": float(res),
                **grid,
                "alternate": {"s3": {"href": f"s3://sentinel-s2-l2a/07/H/FE/R{res}m/{band}.tif"}},
                "roles": ["data", "reflectance"],
            }
        assets[f"visual{suffix}"] = {
            "href": _href(root, f"R{res}m/T07HFE_20190212T192651_TCI_{res}m.tif"),
            "type": tiff,
            "title": "True color image",
            "eo:bands": [{"name": b, "common_name": k} for k, b, _ in reversed(bands)],
            **grid,
            "roles": ["data"],
        }
    assets["aot"] = {  # no media type: the file's name says it is a GeoTIFF
        "href": _href(root, "R20m/T07HFE_20190212T192651_AOT_20m.tif"),
        "title": "Aerosol optical thickness (AOT)",
        **_grid(size // 2, 20.0 * scale, x0, y0),
        "roles": ["data"],
    }
    assets["preview"] = {
        "href": _href(root, "QI_DATA/T07HFE_20190212T192651_PVI.tif"),
        "type": tiff,
        "roles": ["overview"],
    }
    assets["granule-metadata"] = {
        "href": _href(root, "MTD_TL.xml"),
        "type": "application/xml",
        "roles": ["metadata"],
    }
    return {
        "type": "Feature",
        "stac_version": "1.1.0",
        "stac_extensions": [
            _EO,
            "https://stac-extensions.github.io/projection/v2.0.0/schema.json",
            "https://stac-extensions.github.io/sat/v1.0.0/schema.json",
            "https://stac-extensions.github.io/alternate-assets/v1.2.0/schema.json",
        ],
        "id": "S2A_T07HFE_20190212T192646_L2A",
        "collection": "sentinel2-l2a",
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [
                    [-139.575, -31.626],
                    [-139.946, -31.631],
                    [-139.945, -31.690],
                    [-139.887, -31.703],
                    [-139.855, -31.715],
                    [-139.613, -31.772],
                    [-139.575, -31.626],
                ]
            ],
        },
        "bbox": [-139.946, -31.772, -139.575, -31.626],
        "properties": {
            "datetime": "2019-02-12T19:26:51.024000Z",
            "platform": "sentinel-2a",
            "constellation": "sentinel-2",
            "instruments": ["msi"],
            "eo:cloud_cover": 51.6,
            "sat:orbit_state": "descending",
            "sat:relative_orbit": 13,
            "proj:code": "EPSG:32707",
            "proj:centroid": {"lat": -31.68, "lon": -139.74},
            "s2:product_uri": "S2A_MSIL2A_20190212T192651_N0212_R013_T07HFE_20201007T160857.SAFE",
            "s2:processing_baseline": "02.12",
        },
        "links": [],
        "assets": assets,
    }


#: MODIS's sinusoidal CRS, as stactools writes it in ``proj:wkt2``.
_SINUSOIDAL = (
    'PROJCRS["unnamed",BASEGEOGCRS["Unknown datum based upon the custom spheroid",'
    'DATUM["Not specified (based on custom spheroid)",ELLIPSOID["Custom spheroid",6371007.181,0,'
    'LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]]],'
    'CONVERSION["unnamed",METHOD["Sinusoidal"],PARAMETER["Longitude of natural origin",0,'
    'ANGLEUNIT["degree",0.0174532925199433]],PARAMETER["False easting",0,LENGTHUNIT["metre",1]],'
    'PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],CS[Cartesian,2],'
    'AXIS["easting",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["northing",north,ORDER[2],'
    'LENGTHUNIT["metre",1]]]'
)


def planetary_computer_modis(
    root: str = "https://modiseuwest.blob.core.windows.net/modis-061/MOD09A1/19/10/2022033", size: int = 2400
) -> dict[str, Any]:
    """Planetary Computer's MODIS tiles (stactools) away from the poles: the sinusoidal CRS as
    ``proj:wkt2`` beside a null ``proj:epsg``, ``proj:geometry`` the tile's four corners while
    ``geometry`` follows its curved edges in lon/lat (many points), a time range with a null
    ``datetime``, ``raster:bands`` with scale and offset, the HDF the COGs were cut from, a long
    property."""
    import math

    radius = 6371007.181
    tile = 1111950.519667
    x0, y1 = 1 * tile, -9 * tile + 10 * tile  # h19v10: x from 1 tile east of 0, y from 0 down
    x1, y0 = x0 + tile, y1 - tile
    res = tile / size

    def lonlat(x: float, y: float) -> list[float]:
        lat = math.degrees(y / radius)
        return [round(math.degrees(x / (radius * math.cos(math.radians(lat)))), 6), round(lat, 6)]

    steps = 12
    ring = (
        [lonlat(x0, y1 - (y1 - y0) * i / steps) for i in range(steps)]
        + [lonlat(x0 + (x1 - x0) * i / steps, y0) for i in range(steps)]
        + [lonlat(x1, y0 + (y1 - y0) * i / steps) for i in range(steps)]
        + [lonlat(x1 - (x1 - x0) * i / steps, y1) for i in range(steps)]
    )
    ring.append(ring[0])
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    reflectance = {"data_type": "int16", "nodata": -28672, "scale": 0.0001, "offset": 0.0, "unit": "1"}
    assets: dict[str, Any] = {
        "hdf": {  # the archive the COGs were cut from: served from elsewhere, read by no GeoTIFF reader
            "href": "https://modiseuwest.blob.core.windows.net/modis-061/MOD09A1/19/10/2022033/MOD09A1.hdf",
            "type": "application/x-hdf",
            "roles": ["data"],
        },
        "metadata": {
            "href": _href(root, "MOD09A1.A2022033.h19v10.061.2022042050729.hdf.xml"),
            "type": "application/xml",
            "roles": ["metadata"],
        },
    }
    for n, key in enumerate(("sur_refl_b01", "sur_refl_b02", "sur_refl_b03"), 1):
        assets[key] = {
            "href": _href(root, f"MOD09A1.A2022033.h19v10.061.2022042050729_{key}.tif"),
            "type": COG,
            "title": f"Surface Reflectance Band {n}",
            "roles": ["data"],
            "raster:bands": [dict(reflectance)],
        }
    assets["sur_refl_qc_500m"] = {
        "href": _href(root, "MOD09A1.A2022033.h19v10.061.2022042050729_sur_refl_qc_500m.tif"),
        "type": COG,
        "roles": ["data"],
        "raster:bands": [{"data_type": "uint32", "nodata": 4294967295}],
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [_PROJ_10, _RASTER],
        "id": "MOD09A1.A2022033.h19v10.061.2022042050729",
        "collection": "modis-09A1-061",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "properties": {
            "start_datetime": "2022-02-02T00:00:00Z",
            "end_datetime": "2022-02-09T23:59:59Z",
            "datetime": None,
            "platform": "terra",
            "instruments": ["modis"],
            "modis:tile-id": "51019010",
            "modis:horizontal-tile": 19,
            "modis:vertical-tile": 10,
            "modis:input-files": [f"MOD09GA.A20220{d}.h19v10.061.hdf" for d in range(33, 41)] * 40,
            "proj:epsg": None,
            "proj:wkt2": _SINUSOIDAL,
            "proj:shape": [size, size],
            "proj:transform": [res, 0.0, x0, 0.0, -res, y1],
            "proj:geometry": {
                "type": "Polygon",
                "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
            },
        },
        "links": [],
        "assets": assets,
    }


def stactools_landsat_c2(
    root: str = "https://landsateuwest.blob.core.windows.net/landsat-c2/level-2/standard/oli-tirs/2020/047/027",
    size: int = 7801,
) -> dict[str, Any]:
    """stactools' Landsat Collection 2 Items (Planetary Computer's shape): bands keyed by common
    name with the USGS band in ``eo:bands``, ``raster:bands`` with scale and offset, two ``via``
    links to the USGS Items the Item was made from (not where its files are), the thermal band
    on the same grid, classification-role QA bands."""
    scene = "LC08_L2SP_047027_20201204_20210313_02_T1"
    x0, y0 = 352185.0, 5373615.0
    res = 30.0 * 7801 / size
    reflectance = {"data_type": "uint16", "nodata": 0, "scale": 2.75e-05, "offset": -0.2, "unit": "1"}
    assets: dict[str, Any] = {
        "thumbnail": {
            "href": _href(root, f"{scene}_thumb_small.jpeg"),
            "type": "image/jpeg",
            "roles": ["thumbnail"],
        },
        "mtl.json": {
            "href": _href(root, f"{scene}_MTL.json"),
            "type": "application/json",
            "roles": ["metadata"],
        },
    }
    for key, band in (("coastal", "SR_B1"), ("blue", "SR_B2"), ("red", "SR_B4"), ("nir08", "SR_B5")):
        assets[key] = {
            "href": _href(root, f"{scene}_{band}.TIF"),
            "type": COG,
            "title": f"{key} band",
            "eo:bands": [{"name": band, "common_name": key, "center_wavelength": 0.5}],
            "raster:bands": [dict(reflectance)],
            "roles": ["data", "reflectance"],
        }
    assets["lwir11"] = {
        "href": _href(root, f"{scene}_ST_B10.TIF"),
        "type": COG,
        "eo:bands": [{"name": "ST_B10", "common_name": "lwir11"}],
        "raster:bands": [
            {"data_type": "uint16", "nodata": 0, "scale": 0.00341802, "offset": 149.0, "unit": "kelvin"}
        ],
        "roles": ["data", "temperature"],
    }
    assets["qa_pixel"] = {
        "href": _href(root, f"{scene}_QA_PIXEL.TIF"),
        "type": COG,
        "raster:bands": [{"data_type": "uint16", "nodata": 1, "unit": "bit index"}],
        "roles": ["cloud", "cloud-shadow", "snow-ice", "water-mask"],
    }
    usgs = "https://landsatlook.usgs.gov/stac-server/collections"
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [_EO, _PROJ_10, _RASTER, _VIEW],
        "id": scene.replace("_20210313_02_T1", "_02_T1"),
        "collection": "landsat-c2-l2",
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[-124.27, 48.42], [-121.18, 47.90], [-121.83, 46.18], [-124.87, 46.70], [-124.27, 48.42]]
            ],
        },
        "bbox": [-124.87, 46.18, -121.18, 48.42],
        "properties": {
            "datetime": "2020-12-04T19:02:14.888051Z",
            "platform": "landsat-8",
            "instruments": ["oli", "tirs"],
            "gsd": 30,
            "eo:cloud_cover": 1.55,
            "view:off_nadir": 0,
            "view:sun_elevation": 18.8,
            "landsat:wrs_path": "047",
            "landsat:wrs_row": "027",
            "landsat:collection_category": "T1",
            "proj:epsg": 32610,
            "proj:shape": [size, size],
            "proj:transform": [res, 0.0, x0, 0.0, -res, y0],
            "proj:centroid": {"lat": 47.3, "lon": -123.0},
        },
        "links": [
            {"rel": "cite-as", "href": "https://doi.org/10.5066/P9OGBGM6"},
            {"rel": "via", "href": f"{usgs}/landsat-c2l2-sr/items/{scene}_SR", "type": "application/json"},
            {"rel": "via", "href": f"{usgs}/landsat-c2l2-st/items/{scene}_ST", "type": "application/json"},
        ],
        "assets": assets,
    }


def noaa_cdr_sea_ice(
    root: str = "https://noaadata.apps.nsidc.org/NOAA/G02202_V4/south/daily/2021",
) -> dict[str, Any]:
    """NOAA's sea ice concentration record (stactools): a polar stereographic grid over the South
    Pole as ``proj:wkt2`` (``proj:epsg`` null), a lon/lat ``geometry`` that is the whole cap
    south of 41°S (one edge along the pole), one NetCDF asset, a time range with a null
    ``datetime``, no collection. Not in :data:`CATALOGS`: its ``geometry`` is not the grid's
    outline, so it does not come back as it was."""
    wkt2 = (
        'PROJCRS["unknown",BASEGEOGCRS["unknown",DATUM["unknown",ELLIPSOID["unknown",6378273,'
        '298.279411123064,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",'
        '0.0174532925199433]]],CONVERSION["unknown",METHOD["Polar Stereographic (variant B)",'
        'ID["EPSG",9829]],PARAMETER["Latitude of standard parallel",-70,ANGLEUNIT["degree",'
        '0.0174532925199433]],PARAMETER["Longitude of origin",0,ANGLEUNIT["degree",'
        '0.0174532925199433]],PARAMETER["False easting",0,LENGTHUNIT["metre",1]],'
        'PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],CS[Cartesian,2],'
        'AXIS["(E)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]]]'
    )
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [_PROJ_11, "https://stac-extensions.github.io/processing/v1.1.0/schema.json"],
        "id": "seaice_conc_daily_sh_20211231_f17_v04r00",
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[180.0, -90.0], [180.0, -41.4], [-180.0, -41.4], [-180.0, -90.0], [180.0, -90.0]]
            ],
        },
        "bbox": [-180.0, -90.0, 180.0, -41.4],
        "properties": {
            "start_datetime": "2021-12-31T00:00:00Z",
            "end_datetime": "2021-12-31T23:59:59Z",
            "datetime": None,
            "noaa_cdr:interval": "daily",
            "processing:level": "L3",
            "proj:epsg": None,
            "proj:wkt2": wkt2,
            "proj:shape": [332, 316],
            "proj:transform": [25000.0, 0.0, -3950000.0, 0.0, -25000.0, 4350000.0],
        },
        "links": [],
        "assets": {
            "netcdf": {
                "href": _href(root, "seaice_conc_daily_sh_20211231_f17_v04r00.nc"),
                "type": "application/netcdf",
                "roles": ["data"],
            }
        },
    }


#: Every shape, by a short name (the catalog it comes from).
CATALOGS = {
    "usgs-landsat-c2": usgs_landsat_c2,
    "usgs-landsat-c2-band-indices": usgs_landsat_c2_band_indices,
    "earth-search-v0": earth_search_v0,
    "earth-search-v1": earth_search_v1,
    "planetary-computer-s2": planetary_computer_s2,
    "planetary-computer-nasadem": planetary_computer_nasadem,
    "planetary-computer-io-lulc": planetary_computer_io_lulc,
    "de-africa": de_africa,
    "de-pacific": de_pacific,
    "dea-eodatasets": dea_eodatasets,
    "pystac-simple": pystac_simple,
    "pystac-extended": pystac_extended,
    "planet-psscene": planet_psscene,
    "esa-worldcover": esa_worldcover,
    "sentinel3-olci": sentinel3_olci,
    "cdse-sentinel2-l2a": cdse_sentinel2_l2a,
    "stactools-sentinel2": stactools_sentinel2,
    "planetary-computer-modis": planetary_computer_modis,
    "stactools-landsat-c2": stactools_landsat_c2,
}
