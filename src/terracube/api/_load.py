"""Load: plan (find datasets, decide the grid, pick data sources), then read into xarray.

:func:`plan_load` does everything that needs the index: it finds the datasets (or checks the
given ones), decides the output GeoBox, groups the datasets into time steps and builds one
picklable data source per (band, dataset) that touches the grid. :func:`read_plan` reads
the plan's sources, eagerly or as Dask arrays, and never touches the index.

One output time step of one band is filled from the data sources of its group, in order:

* a source on the output grid (same CRS and pixel size, whole-pixel offset, or an integer
  multiple of the pixel size) is *pasted*: its window is read straight into the output
  array, at reduced resolution (COG overviews) when the output is coarser;
* any other source is read over the window that covers the output (at a reduced resolution
  when that is much coarser) and reprojected with ``rasterio.warp.reproject``;
* sources after the first are read into a buffer and fused into the output: by default the
  first valid pixel wins, else ``fuse_func(dest, src)`` updates ``dest`` in place.

The Dask path builds one task per (band, time chunk, y chunk, x chunk). A task holds only
picklable data sources for the datasets touching its chunk (no index), opens them and reads
just the windows it needs, so graphs run unchanged on a ``dask.distributed`` cluster.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from terracube.errors import DriverNotFoundError, LoadError, QueryError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    import numpy as np
    import xarray as xr
    from odc.geo.geobox import GeoBox

    from terracube.api._grouping import DatasetGroup, GroupBy
    from terracube.drivers import ReaderDriverProtocol
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Measurement, Product
    from terracube.storage.bands import DataSource, RasterReader

__all__ = [
    "BandPlan",
    "ChunkTask",
    "LoadPlan",
    "load_chunk",
    "plan_load",
    "read_plan",
    "read_sources",
    "search_datasets",
    "search_terms",
]

PixelBox = tuple[int, int, int, int]
"""``(row0, row1, col0, col1)`` of a source in the output grid."""

_log = logging.getLogger("terracube.load")

#: Options of a load that ODC's dataset search leaves aside: ``find_datasets(**load_query)`` works.
LOAD_OPTIONS_IGNORED_BY_SEARCH = frozenset({"measurements", "group_by", "output_crs", "resolution"})
#: Options of a load only; a search refuses them, naming them as such.
LOAD_ONLY_OPTIONS = frozenset(
    {"align", "dask_chunks", "fuse_func", "patch_url", "progress_cbk", "resampling", "skip_broken_datasets"}
)

#: Resampling names accepted (rasterio's).
RESAMPLING = (
    "nearest", "bilinear", "cubic", "cubic_spline", "lanczos", "average", "mode", "max", "min", "med", "q1",
    "q3", "sum", "rms",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class BandPlan:
    """How to fill one output variable (picklable: every Dask task carries it)."""

    name: str
    """Output variable name (as asked: a measurement name or an alias)."""
    dtype: str
    """Output dtype."""
    nodata: Any
    """Output nodata (fill value)."""
    resampling: str = "nearest"
    """Resampling when reprojecting or reading at reduced resolution."""
    fuse_func: Callable[[Any, Any], None] | None = None
    """``fuse_func(dest, src)`` merging a later source into ``dest`` in place; None: first valid wins."""
    skip_broken: bool = False
    """Skip sources that cannot be read (logged) instead of raising :class:`LoadError`."""


# --- planning --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadPlan:
    """Everything a load reads, decided before any pixel is read (no index inside)."""

    gbox: GeoBox
    """The output grid."""
    groups: tuple[DatasetGroup, ...]
    """The time steps, in time order."""
    measurements: Mapping[str, Measurement]
    """Output variable name (as asked) -> the product's measurement."""
    bands: Mapping[str, BandPlan]
    """Output variable name -> how to fill it."""
    sources: Mapping[str, tuple[tuple[tuple[DataSource, PixelBox | None], ...], ...]]
    """Output variable name -> for each time step, its sources in fusing order with their pixel
    box in :attr:`gbox` (None: unknown, the source may touch any pixel)."""


def _per_band(
    what: str, value: Any, wanted: Mapping[str, Measurement], others: Mapping[str, Measurement] | None = None
) -> Mapping[str, Any]:
    """A per-band setting as a mapping (``"*"``: the others), checking that it names only bands.

    A name of a band of the product that is not loaded (``others``) is allowed and unused, as in
    ODC: one mapping serves loads of different bands (``{"*": "bilinear", "oa_fmask": "nearest"}``).
    """
    if not isinstance(value, Mapping):
        return {"*": value}
    bands = {**(others or {}), **wanted}
    known = {n for m in bands.values() for n in (m.name, *m.aliases)} | set(wanted) | {"*"}
    extra = sorted(set(value) - known)
    if extra:
        names = sorted({m.name for m in bands.values()})
        raise QueryError(f"{what} names bands that are not loaded: {extra}; the product's bands are {names}")
    return value


def _for_band(per: Mapping[str, Any], name: str, m: Measurement, default: Any) -> Any:
    return per.get(name, per.get(m.name, per.get("*", default)))


def band_plans(
    wanted: Mapping[str, Measurement],
    resampling: str | Mapping[str, str] | None,
    fuse_func: Callable[[Any, Any], None] | Mapping[str, Callable[[Any, Any], None] | None] | None,
    skip: bool,
    product_bands: Mapping[str, Measurement] | None = None,
) -> dict[str, BandPlan]:
    """How to fill each output variable, checking the resampling names and fuse functions.

    ``resampling`` and ``fuse_func`` are one value for every band or a mapping of band name
    (or alias) -> value, ``"*"`` standing for the others; None is the default (nearest; first
    valid pixel wins). A mapping may name bands of the product (``product_bands``) that are not
    loaded; their values are checked all the same.

    Raises
    ------
    QueryError
        An unknown resampling, a fuse function that is not callable, or a mapping naming bands
        that are neither loaded nor in ``product_bands``.
    """
    if resampling is not None and not isinstance(resampling, str | Mapping):
        raise QueryError(f"resampling must be a name or a mapping of band -> name, not {resampling!r}")
    per_resampling = _per_band("resampling", resampling, wanted, product_bands)
    per_fuser = _per_band("fuse_func", fuse_func, wanted, product_bands)
    for band, method in per_resampling.items():
        if method is not None and method not in RESAMPLING:
            raise QueryError(f"unknown resampling {method!r} for {band!r}; use one of {list(RESAMPLING)}")
    for band, fuser in per_fuser.items():
        if fuser is not None and not callable(fuser):
            raise QueryError(f"fuse_func for {band!r} must be a function fuse(dest, src), not {fuser!r}")
    plans = {}
    for name, m in wanted.items():
        method = _for_band(per_resampling, name, m, None) or "nearest"
        if method not in RESAMPLING:
            raise QueryError(f"unknown resampling {method!r} for {name!r}; use one of {list(RESAMPLING)}")
        fuser = _for_band(per_fuser, name, m, None)
        if fuser is not None and not callable(fuser):
            raise QueryError(f"fuse_func for {name!r} must be a function fuse(dest, src), not {fuser!r}")
        plans[name] = BandPlan(name, m.dtype, m.nodata, method, fuser, skip)
    return plans


def search_terms(query: Mapping[str, Any], like: Any = None, *, for_load: bool = False) -> dict[str, Any]:
    """The dataset search a query asks for, as ODC's ``Query`` reads it.

    ``like`` gives the region (its GeoBox's extent) unless the query names one, and the time
    range of its ``time`` coordinate unless the query gives ``time``. A search (not a load)
    leaves aside the load options ODC's search leaves aside (``measurements``, ``group_by``,
    ``output_crs``, ``resolution``), so ``find_datasets(**load_query)`` finds what
    ``load(**load_query)`` loads.

    Raises
    ------
    QueryError
        A search given a load-only option (``dask_chunks``, ``resampling``...), ``like`` without
        a GeoBox, or a search given both ``like`` and a region.
    """
    from terracube.api._geobox import has_region

    search = dict(query)
    if not for_load:
        for key in LOAD_OPTIONS_IGNORED_BY_SEARCH:
            search.pop(key, None)
        load_only = sorted(k for k in search if k in LOAD_ONLY_OPTIONS)
        if load_only:
            raise QueryError(
                f"{', '.join(load_only)} {'is an option' if len(load_only) == 1 else 'are options'} of "
                "load(), not search terms; leave them out of find_datasets()"
            )
    if like is not None:
        if not for_load and has_region(search):
            raise QueryError("like= gives the region; leave out lat/lon, x/y, crs and geopolygon")
        if not has_region(search):
            from terracube.api._geobox import geobox_from_like

            search["geopolygon"] = geobox_from_like(like).extent
        if search.get("time") is None:
            span = _time_span(like)
            if span is not None:
                search["time"] = span
    return search


def search_datasets(
    index: AbstractIndex, search: Mapping[str, Any], limit: int | None = None
) -> Iterator[Dataset]:
    """``index.datasets.search(**search)``, taking ODC's ``id=`` (one dataset id or several) too.

    The id is not a search field of the index: the other terms are searched and the datasets
    whose id is one of those given are kept.

    Raises
    ------
    QueryError
        An id that is not a UUID, or a bad search.
    """
    import itertools

    terms = dict(search)
    ids = terms.pop("id", None)
    if ids is None:
        return iter(index.datasets.search(limit=limit, **terms))
    wanted = set()
    for i in ids if isinstance(ids, list | tuple | set | frozenset) else [ids]:
        try:
            wanted.add(i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)))
        except ValueError:
            raise QueryError(f"id= takes dataset ids (UUIDs), not {i!r}") from None
    found = (d for d in index.datasets.search(**terms) if d.id in wanted)
    return itertools.islice(found, limit) if limit is not None else found


def _time_span(like: Any) -> tuple[Any, Any] | None:
    """First and last of the ``time`` coordinate of an xarray object (None: it has none)."""
    coords = getattr(like, "coords", None)
    if coords is None or "time" not in coords:
        return None
    import numpy as np

    values = np.atleast_1d(coords["time"].values)
    if values.size == 0 or values.dtype.kind != "M":
        return None
    first, last = (v.astype("datetime64[us]").item() for v in (values.min(), values.max()))
    return first, last


def _find_datasets(
    index: AbstractIndex,
    products: Sequence[Product],
    datasets: Sequence[Dataset] | None,
    like: Any,
    query: Mapping[str, Any],
    limit: int | None = None,
) -> list[Dataset]:
    if datasets is not None:
        return list(datasets)
    search = search_terms(query, like, for_load=True)
    names = [p.name for p in products]
    return list(search_datasets(index, {"product": names[0] if len(names) == 1 else names, **search}, limit))


def _bands_per_product(
    product: Product,
    wanted: Mapping[str, Measurement],
    datasets: Sequence[Dataset],
) -> dict[str, Mapping[str, Measurement]]:
    """Product name -> output variable -> that product's band for it, for every product of ``datasets``.

    Another product's band is found by the name asked for (an alias resolves in each product,
    as bands of one name differ between sensors) and must have ``product``'s dtype and nodata.

    Raises
    ------
    QueryError
        A product of the datasets lacks a band, or has it with another dtype or nodata.
    """
    out: dict[str, Mapping[str, Measurement]] = {product.name: wanted}
    for ds in datasets:
        other = ds.product
        if other.name in out:
            continue
        together = f"datasets of products {product.name!r} and {other.name!r} cannot be loaded together"
        try:
            theirs = other.lookup_measurements(list(wanted))
        except QueryError as e:
            raise QueryError(f"{together}: {e}; ask for measurements both have") from None
        for var, m in wanted.items():
            o = theirs[var]
            if o.dtype != m.dtype or not _same_nodata(o.nodata, m.nodata):
                raise QueryError(
                    f"{together}: {var!r} is {m.dtype} with nodata {m.nodata!r} in the first and {o.dtype} "
                    f"with nodata {o.nodata!r} in the second; load them apart and combine with xarray"
                )
        out[other.name] = theirs
    return out


def datasource(
    ds: Dataset,
    m: Measurement,
    *,
    skip: bool,
    readers: dict[tuple[str, str], ReaderDriverProtocol],
    storage_options: Mapping[str, str],
    patch_url: Callable[[str], str] | None = None,
) -> DataSource | None:
    """The data source of one band of one dataset, from the reader for its (scheme, format).

    ``readers`` caches the readers found. ``patch_url`` rewrites the band's URL before it is
    opened (signing it, say). None when the band cannot be read and ``skip`` is set (logged).

    Raises
    ------
    LoadError
        The band cannot be described or no reader reads it, and ``skip`` is not set.
    """
    from terracube.drivers import reader_driver
    from terracube.storage.bands import BandInfo

    try:
        band = BandInfo.from_dataset(ds, m.name, storage_options=storage_options)
        if patch_url is not None:
            band = _patched(band, patch_url)
        key = (band.uri_scheme, band.format)
        reader = readers.get(key)
        if reader is None:
            if not band.format:
                raise LoadError(
                    f"dataset {str(ds.id)!r} gives no file format (properties.odc:file_format) and "
                    f"{band.uri!r} does not tell; set odc:file_format in its document"
                )
            try:
                reader = readers[key] = reader_driver(*key)
            except DriverNotFoundError as e:
                raise LoadError(f"cannot read {band.describe()}: {e}") from None
        source: DataSource = reader.new_datasource(band)
        return source
    except LoadError:
        if skip:
            _log.warning("skipping dataset %s", ds.id, exc_info=True)
            return None
        raise


def _patched(band: Any, patch_url: Callable[[str], str]) -> Any:
    """``band`` with its URL rewritten by ``patch_url``; a LoadError names a bad result."""
    import dataclasses

    new = patch_url(band.uri)
    if not isinstance(new, str):
        raise LoadError(f"patch_url({band.uri!r}) gave {new!r}, not a URL string")
    return dataclasses.replace(band, uri=new)


def plan_load(
    index: AbstractIndex,
    product: Product,
    *,
    measurements: Sequence[str] | str | None,
    datasets: Sequence[Dataset] | None,
    like: Any,
    output_crs: Any,
    resolution: Any,
    align: Any,
    resampling: str | Mapping[str, str] | None,
    group_by: GroupBy,
    fuse_func: Callable[[Any, Any], None] | Mapping[str, Callable[[Any, Any], None] | None] | None,
    skip_broken: bool,
    query: Mapping[str, Any],
    readers: dict[tuple[str, str], ReaderDriverProtocol],
    storage_options: Mapping[str, str],
    limit: int | None = None,
    dataset_predicate: Callable[[Dataset], bool] | None = None,
    patch_url: Callable[[str], str] | None = None,
    more_products: Sequence[Product] = (),
) -> LoadPlan | None:
    """Plan a load (arguments as ``Datacube.load`` takes them); None when no dataset matches.

    ``product`` gives the bands (names, aliases, dtypes, nodata); datasets of other products
    (``more_products``, or found in ``datasets``) are loaded with it when each of their products
    has the bands asked for, by name or alias, with the same dtype and nodata.

    Raises
    ------
    QueryError
        Bad query or options.
    LoadError
        A band cannot be read (no reader, no path...), unless ``skip_broken``.
    """
    from terracube.api._geobox import dataset_bboxes, output_geobox, query_region
    from terracube.api._grouping import group_datasets

    if isinstance(measurements, str):
        measurements = [measurements]
    wanted = product.lookup_measurements(measurements)
    bands = band_plans(wanted, resampling, fuse_func, skip_broken, product.measurements)
    found = _find_datasets(index, [product, *more_products], datasets, like, query, limit)
    if dataset_predicate is not None:
        found = [d for d in found if dataset_predicate(d)]
    per_product = _bands_per_product(product, wanted, found)
    if not found:
        return None
    region = None if like is not None else query_region(query)
    # measurements=[] loads the grid and times alone: the grid is the one all the bands would give.
    canonical = sorted({m.name for m in wanted.values()}) or sorted(
        {m.name for m in product.measurements.values()}
    )
    gbox = output_geobox(
        product=product, datasets=found, measurements=canonical, region=region, like=like,
        output_crs=output_crs, resolution=resolution, align=align,
    )  # fmt: skip
    groups = group_datasets(found, group_by)
    if gbox.crs is None:  # output_geobox always gives a CRS; this keeps the types honest
        raise QueryError("the output grid has no CRS; give output_crs=")
    # Same CRS: outlines are exact. Otherwise they are sampled, so grow them by a pixel.
    pads = [0 if d.crs is not None and d.crs == gbox.crs else 1 for d in found]
    bboxes = dataset_bboxes(found, canonical, gbox.crs)
    boxes = dict(zip([d.id for d in found], pixel_boxes(gbox, bboxes, pads), strict=True))
    ny, nx = gbox.shape
    sources = {}
    for name in wanted:
        per_step = []
        for g in groups:
            srcs = []
            for ds in g.datasets:
                box = boxes[ds.id]
                if box is not None and (box[1] <= 0 or box[0] >= ny or box[3] <= 0 or box[2] >= nx):
                    continue
                src = datasource(
                    ds,
                    per_product[ds.product.name][name],
                    skip=skip_broken,
                    readers=readers,
                    storage_options=storage_options,
                    patch_url=patch_url,
                )
                if src is not None:
                    srcs.append((src, box))
            per_step.append(tuple(srcs))
        sources[name] = tuple(per_step)
    return LoadPlan(gbox, tuple(groups), wanted, bands, sources)


def pixel_boxes(
    gbox: GeoBox, bboxes: np.ndarray[Any, Any], pads: Sequence[int]
) -> list[tuple[int, int, int, int] | None]:
    """Pixel boxes ``(row0, row1, col0, col1)`` in ``gbox`` of CRS bounding boxes, one per row.

    Each box is grown by its ``pads`` entry (pixels); a NaN row gives None (unknown: everywhere).
    Edges within 1e-6 pixel of a pixel boundary are taken as on it, so tiles on the output grid
    do not spill into their neighbours' chunks.
    """
    import math

    import numpy as np

    inv = ~gbox.transform
    eps = 1e-6
    out: list[tuple[int, int, int, int] | None] = []
    for (x0, y0, x1, y1), pad in zip(bboxes, pads, strict=True):
        if not np.isfinite([x0, y0, x1, y1]).all():
            out.append(None)
            continue
        cols, rows = zip(*(inv @ (x, y) for x in (x0, x1) for y in (y0, y1)), strict=True)
        out.append(
            (
                math.floor(min(rows) + eps) - pad,
                math.ceil(max(rows) - eps) + pad,
                math.floor(min(cols) + eps) - pad,
                math.ceil(max(cols) - eps) + pad,
            )
        )
    return out


# --- reading ---------------------------------------------------------------------------------


def read_plan(
    plan: LoadPlan,
    *,
    dask_chunks: Mapping[str, int | None] | None = None,
    progress_cbk: Callable[[int, int], Any] | None = None,
) -> xr.Dataset:
    """Read a plan into an ``xarray.Dataset``: eagerly, or lazily with ``dask_chunks``.

    Raises
    ------
    QueryError
        Bad ``dask_chunks``.
    LoadError
        A source cannot be read (eager loads; Dask raises it on compute).
    """
    if dask_chunks is not None:
        nt = len(plan.groups)
        chunks = norm_chunks(dict(dask_chunks), plan.gbox.dimensions, (nt, *plan.gbox.shape))
        data = {name: dask_band(bp, plan.gbox, plan.sources[name], chunks) for name, bp in plan.bands.items()}
    else:
        data = _eager_arrays(plan, progress_cbk)
    return _to_xarray(data, plan)


#: Reads an eager load runs at once. A read mostly waits on storage (a network round trip, a
#: transfer, a disk) with the GIL released, so one per core leaves the link idle: over a 20 ms
#: round trip, 2 reads at a time load 16 steps of s3aio data 3-6x slower than 16 at a time.
#: 16 matches the parallel requests of the S3 store's pools.
READ_THREADS = max(16, os.cpu_count() or 1)


def _eager_arrays(plan: LoadPlan, progress_cbk: Callable[[int, int], Any] | None) -> dict[str, Any]:
    from concurrent.futures import ThreadPoolExecutor, as_completed

    import numpy as np

    gbox = plan.gbox
    arrays = {}
    jobs: list[tuple[Any, list[DataSource], BandPlan]] = []
    for name, bp in plan.bands.items():
        steps = plan.sources[name]
        # Uninitialised: each job sets to nodata only what its sources leave out, in parallel.
        arrays[name] = arr = np.empty((len(steps), *gbox.shape), dtype=bp.dtype)
        for t, srcs in enumerate(steps):
            jobs.append((arr[t], [s for s, _ in srcs], bp))
    total = len(jobs)
    workers = max(1, min(total, READ_THREADS))
    if workers == 1:
        for done, (dst, job_srcs, bp) in enumerate(jobs, 1):
            read_sources(dst, gbox, job_srcs, bp, filled=False)
            if progress_cbk is not None:
                progress_cbk(done, total)
        return arrays
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="terracube-load") as ex:
        futures = [ex.submit(read_sources, dst, gbox, js, bp, filled=False) for dst, js, bp in jobs]
        try:
            for done, fut in enumerate(as_completed(futures), 1):
                fut.result()
                if progress_cbk is not None:
                    progress_cbk(done, total)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    return arrays


def _to_xarray(data: Mapping[str, Any], plan: LoadPlan) -> xr.Dataset:
    import numpy as np
    import xarray as xr
    from odc.geo.xr import xr_coords

    from terracube.api._xr_geo import register

    register()  # ds.geobox, .extent, .crs, .affine as ODC gave them
    gbox = plan.gbox
    times = np.array([np.datetime64(g.time, "ns") for g in plan.groups])
    coords: dict[Any, Any] = {"time": ("time", times)}
    coords.update(xr_coords(gbox, crs_coord_name="spatial_ref"))
    dims = ("time", *gbox.dimensions)
    variables = {}
    for name, m in plan.measurements.items():
        attrs: dict[str, Any] = {
            "units": m.units,
            "nodata": m.nodata,
            "crs": str(gbox.crs),
            "grid_mapping": "spatial_ref",
        }
        if m.flags_definition is not None:
            attrs["flags_definition"] = dict(m.flags_definition)
        variables[name] = xr.Variable(dims, data[name], attrs)
    # ODC 1.8 named the CRS on the dataset too; notebooks read ds.attrs["crs"].
    return xr.Dataset(variables, coords=coords, attrs={"crs": str(gbox.crs), "grid_mapping": "spatial_ref"})


# --- pixels ----------------------------------------------------------------------------------


def _is_nan(v: Any) -> bool:
    return isinstance(v, float) and v != v


def _same_nodata(a: Any, b: Any) -> bool:
    return a == b or (_is_nan(a) and _is_nan(b))


def _source_nodata(value: Any, dtype: Any) -> Any:
    """The product's nodata as a file's, for a file that gives none: None if the file's dtype
    cannot hold it (NaN, or out of range, for integer pixels), as then no pixel can be it."""
    import numpy as np

    kind = np.dtype(dtype).kind
    if value is None or kind not in "iub":
        return value
    if not isinstance(value, int | float) or not float(value).is_integer():
        return None
    info = np.iinfo(np.dtype(dtype)) if kind != "b" else None
    return value if info is None or info.min <= value <= info.max else None


def _fuse_first_valid(dest: np.ndarray[Any, Any], src: np.ndarray[Any, Any], nodata: Any) -> None:
    import numpy as np

    if _is_nan(nodata):
        np.copyto(dest, src, where=np.isnan(dest))
    else:
        np.copyto(dest, src, where=dest == nodata)


def _fill_outside(dst: np.ndarray[Any, Any], roi: Any, nodata: Any) -> None:
    """Set every pixel of ``dst`` outside the 2-D slice ``roi`` (None: all) to ``nodata``."""
    if roi is None:
        dst.fill(nodata)
        return
    ys, xs = roi
    y0, y1 = ys.start or 0, dst.shape[0] if ys.stop is None else ys.stop
    x0, x1 = xs.start or 0, dst.shape[1] if xs.stop is None else xs.stop
    dst[:y0].fill(nodata)
    dst[y1:].fill(nodata)
    dst[y0:y1, :x0].fill(nodata)
    dst[y0:y1, x1:].fill(nodata)


def read_sources(
    dst: np.ndarray[Any, Any],
    dst_gbox: GeoBox,
    sources: Sequence[DataSource],
    plan: BandPlan,
    *,
    filled: bool = True,
) -> None:
    """Fill ``dst`` (2-D, on ``dst_gbox``) from ``sources`` in order.

    ``dst`` is full of nodata already, or, with ``filled=False``, uninitialised: then only the
    pixels no source reaches are set to nodata (a source covering the whole output costs no
    fill at all).

    Raises
    ------
    LoadError
        A source cannot be read and ``plan.skip_broken`` is False; the message names it.
    """
    import numpy as np

    if not sources:
        if not filled:
            dst.fill(plan.nodata)
        return
    if len(sources) == 1:
        roi = _read_one(sources[0], dst, dst_gbox, plan)
        if not filled:
            _fill_outside(dst, roi, plan.nodata)
        return
    if not filled:
        dst.fill(plan.nodata)
    buf: np.ndarray[Any, Any] | None = None
    first = plan.fuse_func is None
    for src in sources:
        if first:
            first = _read_one(src, dst, dst_gbox, plan) is None  # dst is still all nodata: read straight in
            continue
        if buf is None:
            buf = np.full(dst.shape, plan.nodata, dtype=dst.dtype)
        roi = _read_one(src, buf, dst_gbox, plan)
        if roi is None:
            continue
        if plan.fuse_func is None:
            _fuse_first_valid(dst[roi], buf[roi], plan.nodata)
        else:
            plan.fuse_func(dst[roi], buf[roi])
        buf[roi] = plan.nodata


def _read_one(source: DataSource, dst: np.ndarray[Any, Any], dst_gbox: GeoBox, plan: BandPlan) -> Any:
    """Read one source into ``dst``; return the output region it touched, or None."""
    band = source.band
    try:
        with source.open() as rdr:
            return _read_reader(rdr, dst, dst_gbox, plan)
    except LoadError as e:
        if plan.skip_broken:
            _log.warning("skipping %s: %s", band.describe(), e)
            return None
        raise
    except (OSError, ValueError, RuntimeError) as e:
        if plan.skip_broken:
            _log.warning("skipping %s: %s", band.describe(), e)
            return None
        raise LoadError(f"cannot read {band.describe()}: {type(e).__name__}: {e}") from e


def _read_reader(rdr: RasterReader, dst: np.ndarray[Any, Any], dst_gbox: GeoBox, plan: BandPlan) -> Any:
    import numpy as np
    from affine import Affine
    from odc.geo.geobox import GeoBox
    from odc.geo.overlap import compute_reproject_roi
    from odc.geo.roi import roi_is_empty

    from terracube.api._geobox import norm_crs

    crs = rdr.crs
    src_crs = norm_crs(crs if isinstance(crs, str) else str(crs))
    src_gbox = GeoBox(rdr.shape, rdr.transform, src_crs)
    nearest = plan.resampling == "nearest"
    rr = compute_reproject_roi(src_gbox, dst_gbox, ttol=0.9 if nearest else 0.05, stol=1e-3)
    if roi_is_empty(rr.roi_dst) or roi_is_empty(rr.roi_src):
        return None
    src_nodata = rdr.nodata if rdr.nodata is not None else _source_nodata(plan.nodata, rdr.dtype)
    roi_dst = cast("tuple[slice, slice]", rr.roi_dst)
    view = dst[roi_dst]
    ys, xs = rr.roi_src
    h, w = ys.stop - ys.start, xs.stop - xs.start
    window = ((ys.start, ys.stop), (xs.start, xs.stop))
    shrink = rr.read_shrink
    if rr.paste_ok and (
        (shrink == 1 and (h, w) == view.shape) or (h, w) == (view.shape[0] * shrink, view.shape[1] * shrink)
    ):
        out_shape = None if shrink == 1 else view.shape
        if np.dtype(rdr.dtype) == view.dtype and _same_nodata(src_nodata, plan.nodata):
            rdr.read(window, out_shape, out=view, resampling=plan.resampling)
        else:
            data = rdr.read(window, out_shape, resampling=plan.resampling)
            _copy_with_nodata(view, data, src_nodata, plan.nodata)
        return rr.roi_dst
    oh, ow = (h, w) if shrink == 1 else (max(1, -(-h // shrink)), max(1, -(-w // shrink)))
    data = rdr.read(window, None if (oh, ow) == (h, w) else (oh, ow), resampling=plan.resampling)
    src_tr = src_gbox.transform @ Affine.translation(xs.start, ys.start) @ Affine.scale(w / ow, h / oh)
    # GDAL sizes resampling kernels from the scale change; it would take it from the windows'
    # sizes, which differ from chunk to chunk. Give it the true scale (what is left after a
    # reduced-resolution read) so that every chunking gives the same pixels.
    scale = (
        min(1.0, w / (ow * rr.scale2.x)) if rr.scale2.x else 1.0,
        min(1.0, h / (oh * rr.scale2.y)) if rr.scale2.y else 1.0,
    )
    _reproject(data, src_tr, src_gbox.crs, view, dst_gbox[rr.roi_dst], src_nodata, plan, scale)
    return rr.roi_dst


def _copy_with_nodata(
    view: np.ndarray[Any, Any], data: np.ndarray[Any, Any], src_nodata: Any, nodata: Any
) -> None:
    import numpy as np

    if src_nodata is None or _same_nodata(src_nodata, nodata):
        np.copyto(view, data, casting="unsafe")
        return
    missing = np.isnan(data) if _is_nan(src_nodata) else data == src_nodata
    np.copyto(view, data, casting="unsafe")
    view[missing] = nodata


_WARP_DTYPES = {"int8": "int16", "bool": "uint8"}

#: rasterio's array reprojection silences a warning of its own with ``warnings.catch_warnings``,
#: which is not thread-safe: two warps at once in one process can restore each other's filters
#: and let a spurious ``NotGeoreferencedWarning`` out. So warps take turns, each using GDAL's
#: own threads (``_WARP_THREADS``) to keep the cores busy.
_WARP_LOCK = threading.Lock()
_WARP_THREADS = max(1, os.cpu_count() or 1)


def _reproject(
    data: np.ndarray[Any, Any],
    src_tr: Any,
    src_crs: Any,
    view: np.ndarray[Any, Any],
    dst_gbox: GeoBox,
    src_nodata: Any,
    plan: BandPlan,
    scale: tuple[float, float],
) -> None:
    import numpy as np
    import rasterio.warp
    from rasterio.enums import Resampling

    work = _WARP_DTYPES.get(view.dtype.name, view.dtype.name)
    src = data if data.dtype.name not in _WARP_DTYPES else data.astype(_WARP_DTYPES[data.dtype.name])
    tmp = np.full(view.shape, plan.nodata, dtype=work)
    with _WARP_LOCK:
        rasterio.warp.reproject(
            src,
            tmp,
            src_transform=src_tr,
            src_crs=_rio_crs(src_crs),
            dst_transform=dst_gbox.transform,
            dst_crs=_rio_crs(dst_gbox.crs),
            resampling=Resampling[plan.resampling],
            src_nodata=src_nodata,
            dst_nodata=plan.nodata,
            num_threads=_WARP_THREADS if tmp.size >= 512 * 512 else 1,
            XSCALE=repr(scale[0]),
            YSCALE=repr(scale[1]),
        )
    np.copyto(view, tmp, casting="unsafe")


def _rio_crs(crs: Any) -> Any:
    return _rio_crs_cached(crs.epsg or crs.to_wkt()) if crs is not None else None


def _rio_crs_cached(key: Any) -> Any:
    from rasterio.crs import CRS as RioCRS

    if key not in _RIO_CRS:
        _RIO_CRS[key] = RioCRS.from_epsg(key) if isinstance(key, int) else RioCRS.from_wkt(key)
    return _RIO_CRS[key]


_RIO_CRS: dict[Any, Any] = {}


# --- Dask ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChunkTask:
    """Everything one Dask task needs to produce one output chunk of one band."""

    gbox: GeoBox
    """The chunk's grid."""
    steps: tuple[tuple[DataSource, ...], ...]
    """For each time step of the chunk, its sources in fusing order (empty: nodata)."""
    plan: BandPlan
    """How to read and fuse."""


def load_chunk(task: ChunkTask) -> np.ndarray[Any, Any]:
    """Produce one ``(time, y, x)`` chunk: nodata, then every step's sources read and fused."""
    import numpy as np

    out = np.empty((len(task.steps), *task.gbox.shape), dtype=task.plan.dtype)
    for i, sources in enumerate(task.steps):
        read_sources(out[i], task.gbox, sources, task.plan, filled=False)
    return out


def norm_chunks(dask_chunks: Any, dims: tuple[str, str], shape: tuple[int, int, int]) -> tuple[int, int, int]:
    """Chunk sizes ``(time, y, x)`` from ``dask_chunks`` (``{"time": 1, "x": 2048, "y": 2048}``).

    A missing dimension, ``-1`` or ``None`` spans the whole axis, except time (1 by default);
    ``x``/``y`` and ``longitude``/``latitude`` are accepted for either grid.

    Raises
    ------
    QueryError
        Unknown dimension or a size that is not a positive integer.
    """
    if not isinstance(dask_chunks, dict):
        raise QueryError(
            f"dask_chunks must be a dict such as {{'time': 1, 'x': 2048, 'y': 2048}}, not {dask_chunks!r}"
        )
    synonyms = {
        "time": "time",
        "y": "y",
        "x": "x",
        "latitude": "y",
        "longitude": "x",
        dims[0]: "y",
        dims[1]: "x",
    }
    sizes = {"time": 1, "y": shape[1], "x": shape[2]}
    full = {"time": shape[0], "y": shape[1], "x": shape[2]}
    for k, v in dask_chunks.items():
        if k not in synonyms:
            raise QueryError(
                f"dask_chunks names an unknown dimension {k!r}; use time, {dims[0]} and {dims[1]}"
            )
        d = synonyms[k]
        if v is None or v == -1 or v == "auto":
            sizes[d] = full[d]
        elif isinstance(v, int) and not isinstance(v, bool) and v > 0:
            sizes[d] = v
        else:
            raise QueryError(f"dask_chunks[{k!r}] = {v!r}: give a positive integer, or -1 for the whole axis")
    return max(1, min(sizes["time"], max(full["time"], 1))), max(1, sizes["y"]), max(1, sizes["x"])


def _splits(n: int, size: int) -> tuple[int, ...]:
    if n == 0:
        return (0,)
    return tuple(min(size, n - s) for s in range(0, n, size))


def dask_band(
    plan: BandPlan,
    gbox: GeoBox,
    steps: Sequence[Sequence[tuple[DataSource, tuple[int, int, int, int] | None]]],
    chunks: tuple[int, int, int],
) -> Any:
    """A lazy ``(time, y, x)`` Dask array for one band.

    ``steps[t]`` lists the sources of time step ``t`` with their pixel bounding box in ``gbox``
    (``(row0, row1, col0, col1)``, None when unknown: the source goes to every chunk).
    """
    import dask.array as da
    import numpy as np

    nt = len(steps)
    ny, nx = gbox.shape
    ct, cy, cx = chunks
    tch, ych, xch = _splits(nt, ct), _splits(ny, cy), _splits(nx, cx)
    nyc, nxc = len(ych), len(xch)
    name = f"terracube-load-{plan.name}-{uuid.uuid4().hex}"
    # Which spatial chunks each source touches, per time step.
    hits: list[dict[tuple[int, int], list[DataSource]]] = []
    for srcs in steps:
        per: dict[tuple[int, int], list[DataSource]] = {}
        for src, box in srcs:
            if box is None:
                yr, xr = range(nyc), range(nxc)
            else:
                r0, r1, c0, c1 = box
                r0, c0 = max(r0, 0), max(c0, 0)
                r1, c1 = min(r1, ny), min(c1, nx)
                if r1 <= r0 or c1 <= c0:
                    continue
                yr, xr = range(r0 // cy, (r1 - 1) // cy + 1), range(c0 // cx, (c1 - 1) // cx + 1)
            for yi in yr:
                for xi in xr:
                    per.setdefault((yi, xi), []).append(src)
        hits.append(per)
    dsk: dict[Any, Any] = {}
    for ti in range(len(tch)):
        t0 = ti * ct
        ts = range(t0, min(t0 + ct, nt))
        for yi in range(nyc):
            for xi in range(nxc):
                sub = gbox[yi * cy : yi * cy + ych[yi], xi * cx : xi * cx + xch[xi]]
                task = ChunkTask(sub, tuple(tuple(hits[t].get((yi, xi), ())) for t in ts), plan)
                dsk[(name, ti, yi, xi)] = (load_chunk, task)
    return da.Array(dsk, name, chunks=(tch, ych, xch), dtype=np.dtype(plan.dtype))  # type: ignore[no-untyped-call]
