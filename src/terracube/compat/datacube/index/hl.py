"""``datacube.index.hl``: :class:`Doc2Dataset`, ODC's resolver of dataset documents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from terracube.errors import DocumentError, UnsupportedError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from terracube.index.abstract import AbstractIndex
    from terracube.model import Dataset

__all__ = ["Doc2Dataset"]


class Doc2Dataset:
    """Make datasets of ``index`` from eo3 documents: ``dataset, error = resolver(doc, uri)``.

    Parameters
    ----------
    index
        The index whose products the documents name (``dc.index``).
    products
        Accept only documents of these products.
    exclude_products
        Refuse documents of these products.
    eo3
        ``"auto"`` or True: documents are eo3 (terracube's only dataset format).
    skip_lineage
        Drop the documents' ``lineage`` (their source ids).
    **kwargs
        ODC's lineage checks (``fail_on_missing_lineage``, ``verify_lineage``): accepted;
        terracube checks ``lineage.source_ids`` when the dataset is added, as the index's
        lineage settings say.

    Raises
    ------
    UnsupportedError
        ``eo3=False`` (ODC's legacy documents).
    """

    __slots__ = ("_exclude", "_index", "_products", "_skip_lineage")

    def __init__(
        self,
        index: AbstractIndex,
        products: Sequence[str] | None = None,
        exclude_products: Sequence[str] | None = None,
        eo3: bool | str = "auto",
        skip_lineage: bool = False,
        **kwargs: Any,
    ) -> None:
        lineage = {"fail_on_missing_lineage", "verify_lineage"}
        unknown = sorted(set(kwargs) - lineage)
        if unknown:
            raise TypeError(f"Doc2Dataset() got unexpected keyword arguments {unknown}")
        if eo3 is False:
            raise UnsupportedError("Doc2Dataset(eo3=False): terracube reads eo3 dataset documents only")
        self._index = index
        self._products = set(products) if products is not None else None
        self._exclude = set(exclude_products or ())
        self._skip_lineage = skip_lineage

    def __call__(self, doc: Mapping[str, Any], uri: str | None) -> tuple[Dataset | None, str | None]:
        """``(dataset, None)``, or ``(None, why)`` when the document is invalid or its product not accepted."""
        name = (doc.get("product") or {}).get("name") if isinstance(doc.get("product"), dict) else None
        if self._products is not None and name not in self._products:
            return None, f"product {name!r} is not one of {sorted(self._products)}"
        if name in self._exclude:
            return None, f"product {name!r} is excluded"
        if self._skip_lineage and "lineage" in doc:
            doc = {k: v for k, v in doc.items() if k != "lineage"}
        try:
            return self._index.datasets.from_doc(doc, uri=uri), None
        except DocumentError as e:
            return None, str(e)
