"""terracube: an open data cube for Earth-observation data.

Index satellite datasets, search them by time, space and metadata, store arrays in S3-style
object storage and load any region and period as xarray.

Layers, bottom up (a layer imports only from those below it):
``errors``; ``model/`` and ``storage/s3/``; ``index/`` and the ``storage/<format>/`` drivers;
``drivers/`` and ``cfg/``; ``api/``; ``cli/``. Only ``cli/`` writes to the screen.

Heavy or optional libraries (psycopg, obstore, dask, rasterio, xarray) are imported inside the
functions that need them, so ``import terracube`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Datacube",
    "Dataset",
    "Measurement",
    "MetadataType",
    "Product",
    "Range",
    "__version__",
]

if TYPE_CHECKING:
    from terracube.api import Datacube
    from terracube.model import Dataset, Measurement, MetadataType, Product, Range


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import terracube` cheap (no shapely/pyproj until a model is used).
    if name == "Datacube":
        from terracube.api import Datacube

        return Datacube
    if name in __all__ and name != "__version__":
        import terracube.model as _model

        return getattr(_model, name)
    raise AttributeError(f"module 'terracube' has no attribute {name!r}")
