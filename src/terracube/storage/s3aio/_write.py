"""The s3aio writer: each band of an ``xarray.Dataset`` as one labelled chunked array (S3LIO)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar, Final

from terracube.errors import StorageError
from terracube.storage.bands import StoredBand, WriterDriver
from terracube.storage.s3aio._location import (
    lio_for,
    local_unit_uri,
    require,
    store_config,
    unit_location,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from terracube.storage.s3aio._location import UnitLocation

__all__ = ["DEFAULT_CHUNKS", "S3AIOWriterDriver", "band_chunks"]

#: Chunk shape ``(time, y, x)`` unless ``storage_config["chunks"]`` says otherwise: one time
#: step and 1024 x 1024 pixels (4 MiB of float32) per object.
DEFAULT_CHUNKS: Final = {"time": 1, "y": 1024, "x": 1024}

_VARIABLE_KEYS: Final = frozenset({"chunksizes", "codec", "attrs"})


def band_chunks(
    dims: tuple[str, ...], shape: tuple[int, ...], chunks: Mapping[str, int] | None, sizes: Any
) -> tuple[int, ...]:
    """The chunk shape of one band from ``variable_params`` ``chunksizes``, else ``storage_config``
    ``chunks`` (by dimension name; ``latitude``/``longitude`` may be called ``y``/``x``), else
    :data:`DEFAULT_CHUNKS`; clipped to the array's shape.

    Raises
    ------
    StorageError
        Sizes that are not positive integers, or the wrong number of them.
    """
    if sizes is not None:
        if not isinstance(sizes, list | tuple) or len(sizes) != len(dims):
            raise StorageError(f"chunksizes {sizes!r} must give one size per dimension {dims}")
        picked = list(sizes)
    else:
        given = dict(DEFAULT_CHUNKS)
        for k, v in (chunks or {}).items():
            given[{"latitude": "y", "longitude": "x"}.get(k, k)] = v
        names = ("time", "y", "x")
        unknown = sorted(set(given) - set(names))
        if unknown:
            raise StorageError(f"storage_config chunks name unknown dimensions {unknown}; use time, y and x")
        picked = [given[n] for n in names]
    for v in picked:
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise StorageError(f"chunk sizes must be positive integers, got {picked!r}")
    return tuple(max(1, min(int(c), n)) for c, n in zip(picked, shape, strict=True))


class S3AIOWriterDriver(WriterDriver):
    """Each band an S3LIO array (one object per chunk, JSON header) on S3 or local disk.

    Storage settings (``storage_config``): ``chunks`` (``{"time": 1, "y": 1024, "x": 1024}``),
    ``codec`` (``"raw"``, the default, allows ranged reads inside a chunk; ``"zstd"``
    compresses), and for S3 ``s3_endpoint``, ``s3_region``, ``s3_path_style``. Per band
    (``variable_params[band]``): ``chunksizes`` (a list in ``(time, y, x)`` order), ``codec``, and
    ``attrs`` (recorded with the layout).
    The whole array layout goes into the dataset documents (``driver_data.<band>``), so reading
    needs nothing but the document.
    """

    __slots__ = ()

    name: ClassVar[str] = "s3aio"
    description: ClassVar[str] = "bands as chunked arrays (S3LIO) on S3 or local disk; layout in the document"
    aliases: ClassVar[tuple[str, ...]] = ("aio",)
    format: ClassVar[str] = "aio"
    uri_scheme: ClassVar[str] = "s3"
    suffix: ClassVar[str] = ""

    def mk_uri(self, path: str, storage_config: Mapping[str, Any]) -> str:
        """docstring inherited"""
        if path.startswith("s3://"):
            return path.rstrip("/") + "/"
        if path.startswith("file://"):
            from terracube.storage.bands import uri_to_path

            path = uri_to_path(path)
        elif "://" in path:
            raise StorageError(f"s3aio writes to s3:// URIs or local folders, not {path!r}")
        return local_unit_uri(path.rstrip("/"))

    def write_dataset_to_storage(
        self,
        dataset: Any,
        uri: str,
        *,
        global_attributes: Mapping[str, Any] | None = None,
        variable_params: Mapping[str, Mapping[str, Any]] | None = None,
        storage_config: Mapping[str, Any] | None = None,
    ) -> dict[str, StoredBand]:
        """docstring inherited"""
        import numpy as np

        cfg = dict(storage_config or {})
        params = {str(k): dict(v) for k, v in (variable_params or {}).items()}
        names = [str(v) for v in dataset.data_vars]
        for var, p in params.items():
            if var not in names:
                raise StorageError(f"variable_params names {var!r}, which is not a band; bands are {names}")
            unknown = sorted(set(p) - _VARIABLE_KEYS)
            if unknown:
                raise StorageError(
                    f"unknown s3aio variable_params {unknown} for {var!r}; use {sorted(_VARIABLE_KEYS)}"
                )
        loc = unit_location(uri)
        lio = lio_for(store_config(loc.root, cfg))
        s3 = lio.s3io
        self._claim(s3, loc)
        stored: dict[str, StoredBand] = {}
        try:
            for name in names:
                var = dataset[name]
                dims = tuple(str(d) for d in var.dims)
                if len(dims) != 3 or dims[0] != "time":
                    raise StorageError(f"band {name!r} has dims {dims}; s3aio stores (time, y, x)")
                values = np.asarray(var.values)
                p = params.get(name, {})
                chunks = band_chunks(dims, values.shape, cfg.get("chunks"), p.get("chunksizes"))
                codec = p.get("codec", cfg.get("codec"))
                codec_name = codec.get("name") if isinstance(codec, dict) else getattr(codec, "name", codec)
                if codec_name not in (None, "raw"):
                    require("zstandard", f"the {codec_name!r} codec")
                coords = {d: np.asarray(dataset[d].values) for d in dims if d in dataset.coords}
                header = lio.put_array_in_s3_mp(
                    loc.bucket, loc.array(name), values, chunks, dims=dims, coords=coords,
                    fill_value=var.attrs.get("nodata"), codec=codec,
                )  # fmt: skip
                layout: dict[str, Any] = {
                    "bucket": loc.bucket,
                    "array": loc.array(name),
                    "header": json.loads(header.to_json()),
                }
                if p.get("attrs"):
                    layout["attrs"] = dict(p["attrs"])
                stored[name] = StoredBand(path=name, layer=name, driver_data=layout)
        except BaseException as exc:
            self._remove(s3, loc)
            if isinstance(exc, StorageError | KeyboardInterrupt):
                raise
            if isinstance(exc, Exception):
                raise StorageError(f"s3aio could not write {uri!r}: {type(exc).__name__}: {exc}") from exc
            raise
        return stored

    @staticmethod
    def _claim(s3: Any, loc: UnitLocation) -> None:
        """Make sure the unit is new (never overwrite) and its bucket exists."""
        if loc.root is not None:
            if s3.bucket_exists(loc.bucket):
                raise StorageError(f"{loc.uri!r} exists already; terracube never overwrites a storage unit")
            s3.create_bucket(loc.bucket)
            return
        if not s3.bucket_exists(loc.bucket):
            raise StorageError(f"bucket {loc.bucket!r} of {loc.uri!r} does not exist; create it first")
        if s3.list_objects(loc.bucket, loc.prefix):
            raise StorageError(f"{loc.uri!r} exists already; terracube never overwrites a storage unit")

    @staticmethod
    def _remove(s3: Any, loc: UnitLocation) -> None:
        from terracube.errors import BucketNotFoundError

        try:
            if loc.root is not None:
                s3.delete_bucket(loc.bucket, force=True)
            else:
                s3.delete_objects(loc.bucket, s3.list_objects(loc.bucket, loc.prefix))
        except BucketNotFoundError:
            pass

    def delete_dataset_from_storage(
        self,
        uri: str,
        stored: Mapping[str, StoredBand],
        *,
        storage_config: Mapping[str, Any] | None = None,
    ) -> None:
        """docstring inherited"""
        loc = unit_location(uri)
        self._remove(lio_for(store_config(loc.root, dict(storage_config or {}))).s3io, loc)
