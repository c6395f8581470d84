"""``datacube.utils.cog``: Cloud-Optimised GeoTIFFs from xarray, by odc-geo.

``write_cog(geo_im, fname, overwrite=False, ...)`` writes a file (``fname=":mem:"`` returns
the bytes), ``to_cog(geo_im, ...)`` returns the bytes. ``geo_im`` is a 2-D or 3-D DataArray
with a GeoBox, such as one band of one time step of ``Datacube.load``
(``ds.red.isel(time=0)``). Options after ``fname`` are keyword-only, as in odc-geo.
"""

from __future__ import annotations

from odc.geo.cog import to_cog, write_cog

__all__ = ["to_cog", "write_cog"]
