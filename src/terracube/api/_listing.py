"""Tables of what an index holds: products and their measurements (``Datacube.list_*``).

The columns are ODC's, so notebooks that print or filter these tables keep working:
``list_products`` has ``name``, ``description``, ``license``, ``default_crs``,
``default_resolution`` (and ``dataset_count`` when asked), indexed by name;
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


def _resolution(value: Any) -> Any:
    """A ``(y, x)`` pair from a document's resolution (``{x:, y:}``, a pair or one number)."""
    if isinstance(value, dict) and "x" in value and "y" in value:
        return (value["y"], value["x"])
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


def list_products(index: Any, with_pandas: bool = True, dataset_count: bool = False) -> Any:
    """Every product of ``index``, one row each, sorted by name.

    Returns
    -------
    pandas.DataFrame or list of dict
        Indexed by ``name`` (kept as a column too), as ODC's ``Datacube.list_products``.
    """
    rows = []
    for p in sorted(index.products.get_all(), key=lambda p: p.name):
        crs, res = _defaults(p)
        rows.append(
            {"name": p.name, "description": p.description, "license": p.license, "default_crs": crs,
             "default_resolution": res}
        )  # fmt: skip
    columns = list(PRODUCT_COLUMNS)
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
