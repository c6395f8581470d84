"""``terracube load``: load a product's data for a region and period into a NetCDF, GeoTIFF or Zarr file.

The command searches the index (the product, the region, the period and any query
expressions), groups the datasets into time steps, loads them with ``Datacube.load`` with a
progress bar on stderr (one tick per time step and band), and writes the result:

* ``.nc``: CF NetCDF4 through the ``netcdf`` writer (coordinates, CRS, compression);
* ``.tif``/``.tiff``: one tiled, compressed GeoTIFF, a band per (time, measurement), each
  described as ``<measurement> <time>``;
* ``.zarr``: xarray's Zarr store (needs the ``zarr`` package).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click

from terracube.cli._context import CliState, pass_state
from terracube.cli._output import echo_err, progress

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["FORMATS", "load", "output_format", "parse_time", "write_output"]

#: Output suffix -> format name.
FORMATS: Final = {".nc": "netcdf", ".nc4": "netcdf", ".tif": "geotiff", ".tiff": "geotiff", ".zarr": "zarr"}


def output_format(path: Path) -> str:
    """The output format of a path, from its suffix.

    Raises
    ------
    click.BadParameter
        An unknown suffix.
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise click.BadParameter(
            f"{str(path)!r} has no known suffix; use one of {', '.join(sorted(FORMATS))}",
            param_hint="--output",
        )
    return fmt


def parse_time(text: str | None) -> Any:
    """``2020-01/2020-04`` -> a ``(start, end)`` pair; ``2020-03`` -> that period; None -> None.

    >>> parse_time("2020-01/2020-04")
    ('2020-01', '2020-04')
    >>> parse_time("2020")
    '2020'
    """
    if text is None:
        return None
    if "/" in text:
        start, _, end = text.partition("/")
        return (start.strip() or None, end.strip() or None)
    return text.strip()


def _require_zarr() -> None:
    try:
        import zarr  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "writing .zarr needs the zarr package, which is not installed: pip install zarr "
            "(or write .nc or .tif instead)"
        ) from None


def write_output(ds: Any, path: Path, fmt: str) -> None:
    """Write a loaded ``xarray.Dataset`` to ``path`` in format ``fmt`` (see :data:`FORMATS`)."""
    if fmt == "netcdf":
        from terracube.storage.netcdf import write_dataset_to_netcdf

        write_dataset_to_netcdf(
            ds, path, global_attributes={"title": f"terracube load of {ds.attrs.get('product', 'data')}"}
        )
    elif fmt == "geotiff":
        from terracube.storage.geotiff import write_dataset_to_geotiff

        write_dataset_to_geotiff(ds, path)
    else:
        _require_zarr()
        out = ds.copy()
        for var in out.data_vars.values():
            var.attrs.pop("grid_mapping", None)  # xarray keeps it as the variable's encoding
        out.to_zarr(path, mode="w-", consolidated=False)


def _pair(value: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if value is None else (min(value), max(value))


@click.command("load")
@click.argument("product")
@click.argument("expressions", nargs=-1)
@click.option("--lon", type=float, nargs=2, metavar="MIN MAX", help="Longitude range (degrees).")
@click.option("--lat", type=float, nargs=2, metavar="MIN MAX", help="Latitude range (degrees).")
@click.option(
    "--time", "time_", metavar="PERIOD", help="A period: '2020-03', '2020', or START/END ('2020-01/2020-04')."
)
@click.option(
    "--measurements", "-m", multiple=True, metavar="NAMES",
    help="Bands to load, by name or alias; comma-separated or repeated [default: all].",
)  # fmt: skip
@click.option("--output-crs", metavar="CRS", help="Output CRS (e.g. EPSG:3577); needs --resolution.")
@click.option("--resolution", type=float, metavar="RES", help="Output pixel size in output-CRS units.")
@click.option(
    "--resampling",
    default="nearest",
    show_default=True,
    help="Resampling method (nearest, bilinear, cubic, average...).",
)
@click.option(
    "--group-by", type=click.Choice(["time", "solar_day"]), default="time", show_default=True,
    help="One time step per acquisition time, or per local solar day.",
)  # fmt: skip
@click.option(
    "--skip-broken", is_flag=True, help="Skip datasets whose files cannot be read (with a warning)."
)
@click.option(
    "--output", "-o", "output", required=True, type=click.Path(dir_okay=True, path_type=Path),
    help="File to write: .nc (NetCDF), .tif (GeoTIFF) or .zarr (needs the zarr package).",
)  # fmt: skip
@click.option("--overwrite", is_flag=True, help="Replace the output if it exists.")
@click.option(
    "--progress/--no-progress", "show_progress", default=None,
    help="Show a progress bar on stderr [default: when stderr is a terminal].",
)  # fmt: skip
@pass_state
def load(
    state: CliState,
    product: str,
    expressions: Sequence[str],
    lon: tuple[float, float] | None,
    lat: tuple[float, float] | None,
    time_: str | None,
    measurements: Sequence[str],
    output_crs: str | None,
    resolution: float | None,
    resampling: str,
    group_by: str,
    skip_broken: bool,
    output: Path,
    overwrite: bool,
    show_progress: bool | None,
) -> None:
    """Load PRODUCT for a region and period and write it to a file.

    EXPRESSIONS narrow the search as in `dataset search` (e.g. 'cloud_cover in [0, 20]').

    \b
    Example:
      terracube load quickstart_demo --lon 149.6 150.4 --lat -35.8 -35.2 \\
          --time 2020-01/2020-04 --group-by solar_day -m red,nir --output demo.nc
    """
    from terracube import Datacube
    from terracube.api.core import storage_options_of
    from terracube.cli._expressions import parse_expressions

    fmt = output_format(output)
    if fmt == "zarr":
        _require_zarr()
    if output.exists() and not overwrite:
        raise click.ClickException(f"{str(output)!r} exists; give --overwrite to replace it")
    if (output_crs is None) != (resolution is None) and output_crs is not None:
        raise click.BadParameter("--output-crs needs --resolution", param_hint="--output-crs")
    query: dict[str, Any] = dict(parse_expressions(expressions))
    if "product" in query:
        raise click.BadParameter("give the product as the first argument, not as an expression")
    if lon is not None:
        query["lon"] = _pair(lon)
    if lat is not None:
        query["lat"] = _pair(lat)
    if time_ is not None:
        query["time"] = parse_time(time_)
    names = [n.strip() for m in measurements for n in m.split(",") if n.strip()] or None

    dc = Datacube(index=state.index, storage_options=storage_options_of(state.environment))
    prod = dc.index.products.get_by_name(product)
    if prod is None:
        known = sorted(p.name for p in dc.index.products.get_all())
        raise click.ClickException(f"no product named {product!r} in the index; products: {known}")
    bands = len(prod.lookup_measurements(names))
    t0 = time.perf_counter()
    datasets = dc.find_datasets(product=product, **query)
    if not datasets:
        raise click.ClickException(f"no datasets of product {product!r} match the query; nothing written")
    steps = len(dc.group_datasets(datasets, group_by))
    echo_err(f"Loading {len(datasets)} datasets of {product} into {steps} time steps x {bands} bands")
    region = {k: query[k] for k in ("lon", "lat") if k in query}
    with progress(steps * bands, "Loading", show=show_progress, min_items=1) as bar:
        ds = dc.load(
            product, datasets=datasets, measurements=names, output_crs=output_crs, resolution=resolution,
            resampling=resampling, group_by=group_by, skip_broken_datasets=skip_broken,
            progress_cbk=lambda done, total: bar.advance(), **region,
        )  # fmt: skip
    loaded = time.perf_counter() - t0
    ds.attrs["product"] = product
    ds.attrs["date_created"] = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    if output.exists():
        import shutil

        shutil.rmtree(output) if output.is_dir() else output.unlink()
    write_output(ds, output, fmt)
    ydim, xdim = ds.odc.geobox.dimensions
    crs = ds.odc.geobox.crs
    click.echo(
        f"Wrote {output} ({fmt}): {ds.sizes['time']} time steps x {ds.sizes[ydim]} x {ds.sizes[xdim]} pixels, "
        f"bands {', '.join(map(str, ds.data_vars))}, CRS {f'EPSG:{crs.epsg}' if crs.epsg else crs.to_wkt()}; "
        f"loaded in {loaded:.2f} s"
    )
