"""``import terracube.compat.as_datacube``: helper packages' own ``import datacube`` gives terracube's.

Each case runs in a fresh interpreter: the alias changes how the process imports ``datacube``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# A lab's helper module, written for ODC: it imports datacube itself.
HELPER = '''
import datacube
from datacube.utils import masking
from datacube.utils.geometry import CRS


def clear_red(dc, **query):
    """Red where the pixel-quality band says clear, as a helper written for ODC would do it."""
    ds = dc.load(product="demo", measurements=["red", "pq"], **query)
    clear = masking.make_mask(ds.pq, cloud=False)
    return masking.mask_invalid_data(ds.red).where(clear), ds.geobox.crs == CRS("EPSG:32755")
'''


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_helpers_importing_datacube_get_terracubes(tmp_path: Path) -> None:
    (tmp_path / "lab_tools.py").write_text(HELPER)
    code = """
        import terracube.compat.as_datacube  # noqa: F401

        import numpy as np
        import xarray as xr
        from affine import Affine
        from odc.geo.geobox import GeoBox
        from odc.geo.xr import xr_coords

        import datacube
        from lab_tools import clear_red
        from terracube.index.memory import MemoryIndex
        import terracube.compat.datacube as ours

        assert datacube is ours and datacube.utils.masking is ours.utils.masking
        index = MemoryIndex()
        index.init_db()
        index.products.add_document({"name": "demo", "description": "Demo", "metadata_type": "eo3", "metadata": {"product": {"name": "demo"}}, "measurements": [
            {"name": "red", "dtype": "int16", "nodata": -999, "units": "1"},
            {"name": "pq", "dtype": "uint8", "nodata": 255, "units": "1",
             "flags_definition": {"cloud": {"bits": 0, "values": {"0": False, "1": True}}}}]})
        dc = datacube.Datacube(index=index)
        grid = GeoBox((4, 4), Affine(30, 0, 600000, 0, -30, 6000000), "EPSG:32755")
        red = np.arange(16, dtype="int16").reshape(1, 4, 4)
        red[0, 0, 0] = -999
        pq = np.zeros((1, 4, 4), dtype="uint8")
        pq[0, 3, 3] = 1
        data = xr.Dataset({"red": (("time", "y", "x"), red), "pq": (("time", "y", "x"), pq)},
                          coords={"time": np.array(["2021-01-01"], dtype="datetime64[ns]"), **xr_coords(grid)})
        dc.write(data, "demo", driver="s3aio", location="store")
        masked, same_crs = clear_red(dc)
        assert same_crs
        assert int(masked.isnull().sum()) == 2  # the nodata pixel and the cloudy one
        print("ok")
    """
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_submodules_are_the_same_objects_and_unknown_ones_are_named(tmp_path: Path) -> None:
    code = """
        import sys
        import terracube.compat.as_datacube  # noqa: F401
        import datacube.utils.masking
        from datacube.storage.masking import make_mask
        import terracube.compat.datacube.utils.masking as ours

        assert sys.modules["datacube.utils.masking"] is ours and make_mask is ours.make_mask
        assert ours.__spec__.name == "terracube.compat.datacube.utils.masking"  # keeps its own spec
        try:
            import datacube.ingest
        except ModuleNotFoundError as e:
            print(e)
        try:
            from datacube.virtual import construct
        except ImportError as e:
            print(type(e).__name__)
    """
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == (
        "No module named 'datacube.ingest': terracube.compat.datacube does not lay it out "
        "(see docs/odc-code.md for the modules it offers)"
    )
    assert lines[1] == "NotOfferedError"


def test_geometry_submodules_helpers_import(tmp_path: Path) -> None:
    # Helper code imports ODC's geometry submodules: 1.8's private _base, odc-geo's GeoBox
    # module as gbox, and 1.7's tools; each is the module that holds those names here.
    code = """
        import terracube.compat.as_datacube  # noqa: F401
        from datacube.utils.geometry._base import Geometry
        from datacube.utils.geometry.gbox import GeoboxTiles
        from datacube.utils.geometry.tools import Affine, roi_shape
        import datacube
        import affine, odc.geo.geobox, odc.geo.geom, odc.geo.roi

        assert Geometry is odc.geo.geom.Geometry and datacube.utils.geometry._base.Geometry is Geometry
        assert GeoboxTiles is odc.geo.geobox.GeoboxTiles and datacube.utils.geometry.gbox is odc.geo.geobox
        assert Affine is affine.Affine and roi_shape is odc.geo.roi.roi_shape
        print("ok")
    """
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_refused_after_odcs_own_datacube(tmp_path: Path) -> None:
    # Another package called datacube, imported first: the alias refuses rather than mix the two.
    (tmp_path / "datacube.py").write_text("NAME = 'not terracube'\n")
    code = """
        import datacube
        try:
            import terracube.compat.as_datacube
        except ImportError as e:
            print(type(e).__name__, e)
    """
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("NotOfferedError ODC's own datacube package is imported already")
