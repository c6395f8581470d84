"""``Datacube.write``: store an ``xarray.Dataset`` through a writer driver and index it, all or nothing.

The order makes failures clean:

1. the data is checked against the product and the eo3 documents are built and validated
   against the index (bad input stops here, nothing written);
2. the writer stores one storage unit — all or nothing on its side;
3. the documents, now with the writer's paths and ``driver_data``, are added in one index
   transaction; if that fails the writer deletes the unit again.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from typing import TYPE_CHECKING, Any

from terracube.errors import DocumentError, QueryError
from terracube.model import EO3_SCHEMA

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from odc.geo.geobox import GeoBox

    from terracube.model import Dataset, Product
    from terracube.storage.bands import StoredBand

__all__ = ["eo3_document", "prepare_for_writing", "write_and_index"]


def _iso(t: dt.datetime) -> str:
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _crs_text(crs: Any) -> str:
    return f"epsg:{crs.epsg}" if crs.epsg else crs.to_wkt()


def eo3_document(
    product: Product,
    gbox: GeoBox,
    time: dt.datetime,
    measurements: Mapping[str, Mapping[str, Any]],
    *,
    id: uuid.UUID | str | None = None,
    fmt: str | None = None,
    properties: Mapping[str, Any] | None = None,
    driver_data: Mapping[str, Mapping[str, Any]] | None = None,
    label: str | None = None,
) -> dict[str, Any]:
    """An eo3 dataset document for data on one grid at one time.

    Parameters
    ----------
    product
        The product; its ``metadata.properties`` (match rules) are copied into ``properties``.
    gbox
        The grid of every band (``grids.default``); its outline is the ``geometry``.
    time
        Acquisition time (naive means UTC).
    measurements
        Band name -> ``{"path": ..., "band": ..., "layer": ...}``.
    id
        The dataset id (default: a new random UUID).
    fmt
        ``odc:file_format`` (how readers are chosen), e.g. ``GeoTIFF`` or ``NetCDF``.
    properties
        More properties (``eo:platform``, ``eo:cloud_cover``...); they win over the product's.
    driver_data
        Per band data for the reader (``driver_data.<band>``).
    label
        The label (default ``<product>_<time>``).

    Returns
    -------
    dict
        The document; validate it with ``index.datasets.from_doc``.
    """
    if gbox.crs is None:
        raise DocumentError("an eo3 document needs a CRS; the grid has none", field="crs")
    ny, nx = gbox.shape
    a, b, c, d, e, f = gbox.transform[:6]
    props: dict[str, Any] = {}
    props.update(product.metadata_doc.get("properties") or {})
    props["datetime"] = _iso(time)
    props["odc:processing_datetime"] = _iso(dt.datetime.now(dt.UTC).replace(microsecond=0))
    props["odc:product"] = product.name
    if fmt:
        props["odc:file_format"] = fmt
    props.update(properties or {})
    stamp = time.strftime("%Y%m%dT%H%M%S")
    doc: dict[str, Any] = {
        "$schema": EO3_SCHEMA,
        "id": str(id or uuid.uuid4()),
        "label": label or f"{product.name}_{stamp}",
        "product": {"name": product.name},
        "crs": _crs_text(gbox.crs),
        "geometry": gbox.extent.json,
        "grids": {"default": {"shape": [int(ny), int(nx)], "transform": [a, b, c, d, e, f, 0.0, 0.0, 1.0]}},
        "properties": props,
        "measurements": {k: dict(v) for k, v in measurements.items()},
    }
    if driver_data:
        doc["driver_data"] = {k: dict(v) for k, v in driver_data.items()}
    return doc


def _times(ds: Any) -> list[dt.datetime]:
    import numpy as np

    values = np.atleast_1d(np.asarray(ds["time"].values)).astype("datetime64[us]")
    return [v.astype(dt.datetime) for v in values]


def prepare_for_writing(dataset: Any, product: Product) -> Any:
    """The dataset as writers receive it: the product's bands (by canonical name) over
    ``(time, y, x)`` with its dtypes, ``nodata`` and ``units`` attributes, and a GeoBox.

    Raises
    ------
    QueryError
        No GeoBox, no time, a band missing or unknown, or values that do not fit the dtype.
    """
    import numpy as np
    import odc.geo.xr  # noqa: F401  (registers .odc)
    import xarray as xr

    if not isinstance(dataset, xr.Dataset):
        raise QueryError(f"write() takes an xarray.Dataset, not {type(dataset).__name__}")
    gbox = dataset.odc.geobox
    if gbox is None or gbox.crs is None:
        raise QueryError(
            "the dataset has no GeoBox with a CRS; attach one (odc.geo.xr.assign_crs) before writing"
        )
    if "time" not in dataset.coords:
        raise QueryError("the dataset has no time coordinate; add one (dims (time, y, x) or a scalar time)")
    if "time" not in dataset.dims:
        dataset = dataset.expand_dims("time")
    lookup = {n: m for m in product.measurements.values() for n in (m.name, *m.aliases)}
    unknown = [str(v) for v in dataset.data_vars if v not in lookup]
    if unknown:
        raise QueryError(
            f"product {product.name!r} has no measurement {unknown}; it has {sorted(product.measurements)}"
        )
    given = {lookup[str(v)].name: str(v) for v in dataset.data_vars}
    missing = [m for m in product.measurements if m not in given]
    if missing:
        raise QueryError(f"the dataset lacks measurements {missing} of product {product.name!r}")
    ydim, xdim = gbox.dimensions
    out = {}
    for name, m in product.measurements.items():
        var = dataset[given[name]]
        if set(var.dims) != {"time", ydim, xdim}:
            raise QueryError(f"variable {given[name]!r} has dims {var.dims}; expected (time, {ydim}, {xdim})")
        var = var.transpose("time", ydim, xdim)
        dtype = np.dtype(m.dtype)
        if var.dtype != dtype:
            if not np.can_cast(var.dtype, dtype, "same_kind"):
                raise QueryError(
                    f"variable {given[name]!r} is {var.dtype}; product {product.name!r} stores {dtype}"
                )
            if dtype.kind in "iu":
                info = np.iinfo(dtype)
                lo, hi = float(var.min()), float(var.max())
                if lo < info.min or hi > info.max:
                    raise QueryError(f"values of {given[name]!r} ({lo}..{hi}) do not fit {dtype}")
            var = var.astype(dtype)
        var = var.copy(deep=False)
        var.attrs = {**{k: v for k, v in var.attrs.items() if k not in ("nodata", "units")}, "nodata": m.nodata,
                     "units": m.units}  # fmt: skip
        out[name] = var
    result = xr.Dataset(
        out, coords={k: v for k, v in dataset.coords.items() if k in ("time", ydim, xdim, "spatial_ref")}
    )
    return result


def _unit_path(location: str, product: Product, first: dt.datetime, suffix: str) -> str:
    if suffix and location.lower().endswith(suffix.lower()):
        return location
    name = f"{product.name}_{first.strftime('%Y%m%dT%H%M%S')}_{uuid.uuid4().hex[:8]}{suffix}"
    return posixpath.join(location.rstrip("/"), name) if "://" in location else _join_local(location, name)


def _join_local(folder: str, name: str) -> str:
    import os

    return os.path.join(os.path.abspath(os.path.expanduser(folder)), name)


def write_and_index(
    index: Any,
    dataset: Any,
    product: Product,
    *,
    writer: Any,
    location: str,
    properties: Mapping[str, Any] | None = None,
    storage_config: Mapping[str, Any] | None = None,
    global_attributes: Mapping[str, Any] | None = None,
    variable_params: Mapping[str, Mapping[str, Any]] | None = None,
    ids: Sequence[uuid.UUID | str] | None = None,
) -> list[Dataset]:
    """Store ``dataset`` in one storage unit under ``location`` and index one dataset per time step.

    See ``Datacube.write``.
    """
    ds = prepare_for_writing(dataset, product)
    gbox = ds.odc.geobox
    times = _times(ds)
    if ids is not None and len(ids) != len(times):
        raise QueryError(f"ids= has {len(ids)} ids for {len(times)} time steps")
    dataset_ids = [uuid.UUID(str(i)) for i in ids] if ids is not None else [uuid.uuid4() for _ in times]
    storage_config = dict(storage_config or {})
    uri = writer.mk_uri(
        _unit_path(location, product, times[0], getattr(writer, "suffix", "")), storage_config
    )
    fmt = writer.format

    def docs(stored: Mapping[str, StoredBand]) -> list[Any]:
        out = []
        for i, (t, dsid) in enumerate(zip(times, dataset_ids, strict=True)):
            meas: dict[str, dict[str, Any]] = {}
            driver_data: dict[str, Any] = {}
            for band, st in stored.items():
                entry: dict[str, Any] = {"path": st["path"], "band": i + 1}
                if st.get("layer"):
                    entry["layer"] = st["layer"]
                meas[band] = entry
                if st.get("driver_data"):
                    driver_data[band] = st["driver_data"]
            doc = eo3_document(
                product, gbox, t, meas, id=dsid, fmt=fmt, properties=properties, driver_data=driver_data
            )
            out.append(index.datasets.from_doc(doc, uri=uri))
        return out

    existing = [str(i) for i in dataset_ids if index.datasets.has(i)]
    if existing:
        raise QueryError(f"datasets {existing} are in the index already; give new ids")
    # 1. Validate the documents before anything is written (paths are placeholders here).
    placeholder = {b: {"path": posixpath.basename(uri) or "data"} for b in ds.data_vars}
    docs(placeholder)  # type: ignore[arg-type]
    # 2. Write the storage unit (the writer leaves nothing behind if it fails).
    stored = writer.write_dataset_to_storage(
        ds,
        uri,
        global_attributes=global_attributes,
        variable_params=variable_params,
        storage_config=storage_config,
    )
    # 3. Index, or undo the write.
    try:
        datasets = docs(stored)
        with index.transaction():
            index.datasets.add_batch(datasets)
    except BaseException:
        writer.delete_dataset_from_storage(uri, stored, storage_config=storage_config)
        raise
    return [index.datasets.get_unsafe(d.id) for d in datasets]
