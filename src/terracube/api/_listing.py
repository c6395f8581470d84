"""Tables of what an index holds: products and their measurements (``Datacube.list_*``).

The columns are ODC's, so notebooks that print or filter these tables keep working:
``list_products`` has ``name``, ``description``, ``license``, ``default_crs``,
``default_resolution`` (and ``dataset_count`` when asked), indexed by name, then the columns
ODC gave before 1.8.4: a column per search field the products' ``metadata`` sets
(``platform``, ``instrument``...), and ``crs``, ``resolution``, ``tile_size`` and
``spatial_dimensions`` from a product's ``storage`` section (None without one);
``list_measurements`` has one row per (product, measurement) with every key of the
measurement's document (``name``, ``dtype``, ``units``, ``nodata``, ``aliases``,
``flags_definition``...), indexed by ``(product, measurement)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from terracube.model import Product

__all__ = ["list_measurements", "list_products"]

PRODUCT_COLUMNS = ["name", "description", "license", "default_crs", "default_resolution"]
#: Columns of ODC before 1.8.4, from a product's ``storage`` section (its grid spec).
GRID_COLUMNS = ["crs", "resolution", "tile_size", "spatial_dimensions"]


def _resolution(value: Any) -> Any:
    """A ``(y, x)`` pair from a document's resolution (``{x:, y:}``, ``{longitude:, latitude:}``, a pair or one number)."""
    if isinstance(value, dict):
        for y, x in (("y", "x"), ("latitude", "longitude")):
            if y in value and x in value:
                return (value[y], value[x])
    if isinstance(value, list):
        return tuple(value)
    return value


def _defaults(product: Product) -> tuple[Any, Any]:
    """CRS and resolution a load defaults to: the ``load`` hints, else ODC's ``storage`` section."""
    for section in (product.load_hints, product.definition.get("storage") or {}):
        crs = section.get("crs") or section.get("output_crs")
        if crs is not None or section.get("resolution") is not None:
            return crs, _resolution(section.get("resolution"))
    return None, None


def _grid(product: Product) -> dict[str, Any]:
    """ODC's older grid columns from the ``storage`` section (all None without one)."""
    storage = product.definition.get("storage") or {}
    crs = storage.get("crs")
    dims = None
    if crs is not None:
        from odc.geo.crs import CRS

        dims = ("latitude", "longitude") if CRS(crs).geographic else ("y", "x")
    tile = storage.get("tile_size")
    return {
        "crs": crs,
        "resolution": _resolution(storage.get("resolution")),
        "tile_size": _resolution(tile) if tile is not None else None,
        "spatial_dimensions": dims,
    }


def list_products(index: Any, with_pandas: bool = True, dataset_count: bool = False) -> Any:
    """Every product of ``index``, one row each, sorted by name.

    Returns
    -------
    pandas.DataFrame or list of dict
        Indexed by ``name`` (kept as a column too), as ODC's ``Datacube.list_products``: its
        columns, then those of ODC before 1.8.4 (search fields, grid).
    """
    rows = []
    fields: set[str] = set()
    for p in sorted(index.products.get_all(), key=lambda p: p.name):
        crs, res = _defaults(p)
        values = {
            k: v for k, v in p.field_values().items() if k not in PRODUCT_COLUMNS and k not in GRID_COLUMNS
        }
        fields.update(values)
        rows.append(
            {"name": p.name, "description": p.description, "license": p.license, "default_crs": crs,
             "default_resolution": res, **values, **_grid(p)}
        )  # fmt: skip
    columns = [*PRODUCT_COLUMNS, *sorted(fields), *GRID_COLUMNS]
    for row in rows:
        for f in fields:
            row.setdefault(f, None)
    if dataset_count:
        counts = {p.name: n for p, n in index.datasets.count_by_product()}
        for row in rows:
            row["dataset_count"] = counts.get(row["name"], 0)
        columns.append("dataset_count")
    if not with_pandas:
        return rows
    import pandas as pd

    return pd.DataFrame(rows, columns=columns).set_index("name", drop=False)


def list_measurements(index: Any, with_pandas: bool = True) -> Any:
    """Every measurement of every product, one row each, by product name then document order.

    Returns
    -------
    pandas.DataFrame or list of dict
        Indexed by ``(product, measurement)``, as ODC's ``Datacube.list_measurements``.
    """
    rows = []
    for p in sorted(index.products.get_all(), key=lambda p: p.name):
        for name, m in p.measurements.items():
            doc = m.to_doc()
            doc["nodata"] = m.nodata  # a number (NaN too), as it is loaded
            rows.append({"product": p.name, "measurement": name, **doc})
    if not with_pandas:
        return rows
    import pandas as pd

    if not rows:
        return pd.DataFrame(columns=["product", "measurement"]).set_index(["product", "measurement"])
    return pd.DataFrame.from_records(rows).set_index(["product", "measurement"])
