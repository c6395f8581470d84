"""`Datacube`: find datasets, load them as ``xarray.Dataset``, write and index new data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from terracube.errors import QueryError

if TYPE_CHECKING:
    import os
    import uuid
    from collections.abc import Callable, Iterator, Mapping, Sequence

    import xarray as xr

    from terracube.api._grouping import GroupBy
    from terracube.cfg import Config, Environment
    from terracube.drivers import ReaderDriverProtocol
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset, Product

__all__ = ["Datacube"]

#: Environment options forwarded to readers as storage options (never secrets).
_OPTION_PREFIXES = ("s3_", "gdal_")
_SECRET_WORDS = ("secret", "password", "token", "access_key", "credential")


def storage_options_of(env: Environment) -> dict[str, str]:
    """The storage options of an environment: its ``s3_*`` and ``gdal_*`` options, minus secrets."""
    return {
        k: v
        for k, v in env.options.items()
        if k.startswith(_OPTION_PREFIXES) and not any(w in k for w in _SECRET_WORDS)
    }


class Datacube:
    """An index and the drivers to read and write the data it describes.

    Parameters
    ----------
    index
        An open index (e.g. ``MemoryIndex()``, ``SQLiteIndex(path)``); it stays open when the
        Datacube is closed.
    env
        Otherwise, an environment name or :class:`~terracube.cfg.Environment` to connect to
        (default: ``$TERRACUBE_ENVIRONMENT`` or ``default``); that index is closed with the
        Datacube.
    config
        Configuration to resolve ``env`` in: a :class:`~terracube.cfg.Config`, a path to a
        configuration file, or a list of paths of which the first that exists is read
        (default: :func:`terracube.cfg.load_config`).
    app
        A short name of the application, given to the database as the connection's
        application name (PostgreSQL's ``pg_stat_activity`` shows ``"<app> terracube"``).
    raw_config
        Configuration text (INI or YAML) instead of ``config``.
    storage_options
        Settings for reaching storage (``s3_endpoint``, ``s3_region``, ``gdal_<OPTION>``...).
        Default: the environment's ``s3_*`` and ``gdal_*`` options.

    Examples
    --------
    >>> from terracube import Datacube
    >>> from terracube.index.memory import MemoryIndex
    >>> dc = Datacube(index=MemoryIndex())
    >>> dc.find_datasets()
    []
    """

    __slots__ = ("_index", "_own_index", "_readers", "_storage_options")

    def __init__(
        self,
        index: AbstractIndex | None = None,
        *,
        env: str | Environment | None = None,
        config: Config | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
        app: str | None = None,
        raw_config: str | None = None,
        storage_options: Mapping[str, str] | None = None,
    ) -> None:
        if index is not None:
            given = [
                k
                for k, v in {"env": env, "config": config, "app": app, "raw_config": raw_config}.items()
                if v is not None
            ]
            if given:
                raise ValueError(
                    f"give either index= or {'/'.join(given)}=, not both: the index is open already"
                )
        environment = None
        if index is None:
            from terracube.api._connect import resolve_environment
            from terracube.drivers import connect_index

            environment = resolve_environment(env, config, raw_config, app)
            index = connect_index(environment)
        self._index = index
        self._own_index = environment is not None
        if storage_options is not None:
            self._storage_options = dict(storage_options)
        else:
            self._storage_options = storage_options_of(environment) if environment is not None else {}
        self._readers: dict[tuple[str, str], ReaderDriverProtocol] = {}

    # --- lifecycle -----------------------------------------------------------------------------

    @property
    def index(self) -> AbstractIndex:
        """The index."""
        return self._index

    @property
    def storage_options(self) -> dict[str, str]:
        """Settings handed to readers (copy)."""
        return dict(self._storage_options)

    def close(self) -> None:
        """Close the index if this Datacube opened it."""
        if self._own_index:
            self._index.close()

    def __enter__(self) -> Datacube:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Datacube(index={self._index!r})"

    # --- finding -------------------------------------------------------------------------------

    def find_datasets(
        self,
        *,
        like: Any = None,
        limit: int | None = None,
        dataset_predicate: Callable[[Dataset], bool] | None = None,
        **query: Any,
    ) -> list[Dataset]:
        """Active datasets matching a query, as ``index.datasets.search`` finds them.

        Parameters
        ----------
        like
            A GeoBox, or an xarray object with one: search its extent (and, for an xarray
            object with a ``time`` coordinate, its time range unless ``time`` is given).
        limit
            At most this many.
        dataset_predicate
            Keep only the datasets for which ``dataset_predicate(dataset)`` is true.
        **query
            ``product``, ``time``, ``lat``/``lon``, ``x``/``y``/``crs``, ``geopolygon``, ``id``
            (dataset ids) or any search field. A load's ``measurements``, ``group_by``, ``output_crs`` and
            ``resolution`` are left aside, as ODC does, so a load's query finds its datasets.

        Raises
        ------
        QueryError
            Unknown field, malformed value, or an option of ``load()`` only (``dask_chunks``...).
        """
        return list(
            self.find_datasets_lazy(like=like, limit=limit, dataset_predicate=dataset_predicate, **query)
        )

    def find_datasets_lazy(
        self,
        limit: int | None = None,
        *,
        like: Any = None,
        ensure_location: bool = False,
        dataset_predicate: Callable[[Dataset], bool] | None = None,
        **query: Any,
    ) -> Iterator[Dataset]:
        """Active datasets matching a query, one at a time (see :meth:`find_datasets`).

        ``ensure_location=True`` keeps only datasets with a location (``dataset.uri``).
        """
        from terracube.api._load import search_datasets, search_terms

        found = search_datasets(self._index, search_terms(query, like), limit)
        if ensure_location:
            found = (d for d in found if d.uri is not None)
        if dataset_predicate is not None:
            found = (d for d in found if dataset_predicate(d))
        return found

    def list_products(self, with_pandas: bool = True, dataset_count: bool = False) -> Any:
        """Every product, one row each: ODC's columns ``name``, ``description``, ``license``,
        ``default_crs``, ``default_resolution`` (and ``dataset_count``).

        Returns
        -------
        pandas.DataFrame or list of dict
            Indexed by name; a list of dicts with ``with_pandas=False``.
        """
        from terracube.api._listing import list_products

        return list_products(self._index, with_pandas=with_pandas, dataset_count=dataset_count)

    def list_measurements(self, with_pandas: bool = True) -> Any:
        """Every measurement of every product: ``name``, ``dtype``, ``units``, ``nodata``, ``aliases``...

        Returns
        -------
        pandas.DataFrame or list of dict
            Indexed by ``(product, measurement)``; a list of dicts with ``with_pandas=False``.
        """
        from terracube.api._listing import list_measurements

        return list_measurements(self._index, with_pandas=with_pandas)

    @staticmethod
    def group_datasets(datasets: Sequence[Dataset], group_by: GroupBy = "time") -> xr.DataArray:
        """Group datasets into time steps, as ODC returns them: a ``time`` DataArray of dataset tuples.

        ``grouped.values`` are the tuples (in fusing order) and ``grouped.time`` the steps' times;
        :func:`terracube.api.group_datasets` gives the same groups as a list of
        :class:`~terracube.api.DatasetGroup`.
        """
        from terracube.api._grouping import group_datasets, grouped_array

        return grouped_array(group_datasets(datasets, group_by))

    # --- loading -------------------------------------------------------------------------------

    def load(
        self,
        product: str | Product | Sequence[str | Product] | None = None,
        *,
        measurements: Sequence[str] | str | None = None,
        datasets: Sequence[Dataset] | None = None,
        like: Any = None,
        output_crs: Any = None,
        resolution: Any = None,
        align: Any = None,
        resampling: str | Mapping[str, str] | None = "nearest",
        group_by: GroupBy = "time",
        fuse_func: Callable[[Any, Any], None] | Mapping[str, Callable[[Any, Any], None] | None] | None = None,
        dask_chunks: Mapping[str, int | None] | None = None,
        skip_broken_datasets: bool = False,
        progress_cbk: Callable[[int, int], Any] | None = None,
        dataset_predicate: Callable[[Dataset], bool] | None = None,
        limit: int | None = None,
        patch_url: Callable[[str], str] | None = None,
        **query: Any,
    ) -> xr.Dataset:
        """Load a product's data for a region and period as an ``xarray.Dataset``.

        Parameters
        ----------
        product
            Product name or :class:`~terracube.model.Product` (may be omitted with ``datasets=``), or
            a list of them: their datasets are loaded together (as are ``datasets=`` of several
            products) when each product has the bands asked for, by name or alias, with the first
            product's dtype and nodata.
        measurements
            Band names or aliases (default: all); variables are named as asked.
        datasets
            Load these datasets instead of searching the index (the query then only gives the region).
        like
            Load onto this grid: a GeoBox, an xarray object with one (``.odc.geobox``), or any
            object with a ``geobox`` (ODC's too); anything else is an error. Without ``time``,
            an xarray object's time range is searched, as in ODC.
        output_crs, resolution, align
            The output grid: CRS; resolution as a number (square pixels), a ``(y, x)`` pair or
            ``{"x":, "y":}``; alignment of pixel edges in CRS units, ``(y, x)``. Defaults come from
            the product's ``load`` hints, else the datasets' native grid.
        resampling
            ``"nearest"`` (default; None says the same), ``"bilinear"``, ``"cubic"``,
            ``"average"``... or a mapping of band name -> method, with ``"*"`` for the others.
        group_by
            ``"time"`` (one step per acquisition time), ``"solar_day"`` (one per local solar day)
            or a function of a dataset returning its group key.
        fuse_func
            ``fuse_func(dest, src)`` merging a later dataset of a group into ``dest`` in place,
            or a mapping of band name -> function with ``"*"`` for the others; default (None):
            the first valid (non-nodata) pixel wins.
        dask_chunks
            Return lazy Dask arrays with these chunks, e.g. ``{"time": 1, "x": 2048, "y": 2048}``
            (a missing spatial dimension spans the whole axis). Tasks read only their own windows
            and never touch the index, so they run on any ``dask.distributed`` cluster.
        skip_broken_datasets
            Skip (and log) datasets that cannot be read instead of raising.
        progress_cbk
            ``progress_cbk(done, total)`` after each (time step, band) of an eager load. With
            ``dask_chunks`` use Dask's progress tools instead.
        dataset_predicate
            Load only the datasets found for which ``dataset_predicate(dataset)`` is true.
        limit
            Search at most this many datasets.
        patch_url
            ``patch_url(url) -> url`` rewriting each file's URL before it is opened (e.g.
            ``planetary_computer.sign_url``).
        **query
            ``time``; the region as ``x``/``y`` (+ ``crs``), ``lat``/``lon`` or ``geopolygon``;
            ``id`` (one dataset id or several); and any search field of the product
            (``cloud_cover=(0, 20)``...).

        Returns
        -------
        xarray.Dataset
            Dims ``(time, y, x)`` (``latitude``/``longitude`` for geographic CRSs), ``time`` sorted,
            an odc-geo GeoBox (``ds.odc.geobox``), each variable with ``nodata`` and ``units``
            attributes. Empty (``xarray.Dataset()``) when no dataset matches.

        Raises
        ------
        QueryError
            Bad query or options (unknown band, unknown resampling, undecidable grid...).
        LoadError
            A dataset cannot be read (the message names it), unless ``skip_broken_datasets``.
        """
        from terracube.api._load import plan_load, read_plan

        if progress_cbk is not None and dask_chunks is not None:
            raise QueryError("progress_cbk reports eager loads; with dask_chunks use dask's progress tools")
        products = cast(
            "list[str | Product | None]", list(product) if isinstance(product, list | tuple) else [product]
        )
        if not products:
            raise QueryError("product=[] names no product; give a product name (or several)")
        first, *more = (self._product(p, datasets) for p in products)
        plan = plan_load(
            self._index, first, more_products=more, measurements=measurements, datasets=datasets,
            like=like, output_crs=output_crs, resolution=resolution, align=align, resampling=resampling,
            group_by=group_by, fuse_func=fuse_func, skip_broken=skip_broken_datasets, query=query,
            readers=self._readers, storage_options=self._storage_options, limit=limit,
            dataset_predicate=dataset_predicate, patch_url=patch_url,
        )  # fmt: skip
        if plan is None:
            import xarray as xr

            return xr.Dataset()
        return read_plan(plan, dask_chunks=dask_chunks, progress_cbk=progress_cbk)

    def _product(self, product: str | Product | None, datasets: Sequence[Dataset] | None) -> Product:
        from terracube.errors import ProductNotFoundError
        from terracube.model import Product

        if isinstance(product, Product):
            return product
        if product is None:
            if datasets:
                return datasets[0].product
            raise QueryError("load() needs a product (or datasets=)")
        if not isinstance(product, str):
            raise QueryError(f"product must be a name or a Product, not {product!r}")
        found = self._index.products.get_by_name(product)
        if found is None:
            known = sorted(p.name for p in self._index.products.get_all())
            raise ProductNotFoundError(f"no product named {product!r} in the index; products: {known}")
        return found

    # --- writing -------------------------------------------------------------------------------

    def write(
        self,
        dataset: Any,
        product: str | Product,
        *,
        driver: str = "s3aio",
        location: str,
        properties: Mapping[str, Any] | None = None,
        storage_config: Mapping[str, Any] | None = None,
        global_attributes: Mapping[str, Any] | None = None,
        variable_params: Mapping[str, Mapping[str, Any]] | None = None,
        ids: Sequence[uuid.UUID | str] | None = None,
    ) -> list[Dataset]:
        """Store an ``xarray.Dataset`` with a writer driver and index it, in one call.

        One storage unit is written under ``location``; one eo3 dataset is indexed per time step
        (geometry, grid, properties, measurements, and the writer's ``driver_data``). If writing
        fails nothing is indexed; if indexing fails the written unit is deleted.

        Parameters
        ----------
        dataset
            Variables named after the product's measurements (or aliases) over ``(time, y, x)``
            (a scalar ``time`` coordinate for one step), with a GeoBox (``dataset.odc.geobox``).
        product
            Product name or :class:`~terracube.model.Product` (in the index).
        driver
            Writer driver name or alias (``"netcdf"``, ``"s3aio"``...).
        location
            A folder or URI prefix to write into, or the storage unit's own path/URI (ending in
            the driver's suffix, e.g. ``.nc``).
        properties
            eo3 properties for every dataset (``eo:platform``, ``eo:cloud_cover``...).
        storage_config, global_attributes, variable_params
            Passed to the writer (chunking, codec; file attributes; per-band compression). The
            Datacube's storage options (``s3_endpoint``...) are added to ``storage_config``.
        ids
            Dataset ids, one per time step (default: new random UUIDs).

        Returns
        -------
        list of Dataset
            The indexed datasets, in time order.

        Raises
        ------
        QueryError
            The dataset does not fit the product.
        DocumentError
            The documents would be invalid.
        terracube.errors.StorageError
            Writing failed (nothing was indexed).
        DriverNotFoundError
            No writer of that name is installed.
        """
        from terracube.api._write import write_and_index
        from terracube.drivers import writer_driver

        prod = self._product(product, None)
        writer = writer_driver(driver)
        # The Datacube's storage options (S3 endpoint, region...) say how to reach the storage.
        config = {**self._storage_options, **(storage_config or {})}
        return write_and_index(
            self._index, dataset, prod, writer=writer, location=location, properties=properties,
            storage_config=config, global_attributes=global_attributes, variable_params=variable_params,
            ids=ids,
        )  # fmt: skip
