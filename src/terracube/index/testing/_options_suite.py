"""Options every search and count takes: ``archived`` and ``fetch_all`` (a mixin of ``IndexTests``)."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from terracube.index.testing._documents import dataset_doc

if TYPE_CHECKING:
    from terracube.index.abstract import AbstractIndex
    from terracube.model import Product

__all__ = ["SearchOptionTests"]

# ls8: two active and one archived dataset in the period, one active outside it;
# s2: one active and one archived in the period; custom: none.
L1 = "00000000-0000-4000-8000-0000000000c1"
L2 = "00000000-0000-4000-8000-0000000000c2"
L3 = "00000000-0000-4000-8000-0000000000c3"
LX = "00000000-0000-4000-8000-0000000000c4"
S1 = "00000000-0000-4000-8000-0000000000c5"
SX = "00000000-0000-4000-8000-0000000000c6"

_PERIOD: dict[str, Any] = {"time": ("2020-01", "2020-02")}
_MARK = {"properties": {"test:group": "options"}}  # every dataset in the period carries it

#: The datasets each ``archived`` value selects in the period, by product.
_EXPECTED: dict[bool | None, dict[str, set[str]]] = {
    False: {"ls8": {L1, L2}, "s2": {S1}},
    True: {"ls8": {LX}, "s2": {SX}},
    None: {"ls8": {L1, L2, LX}, "s2": {S1, SX}},
}


def _ids_by_product(datasets: Any) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in datasets:
        name = d.product if isinstance(d.product, str) else d.product.name
        out.setdefault(name, set()).add(str(d.id))
    return out


def _check_kind(result: Any, fetch_all: bool, what: str) -> None:
    if fetch_all:
        assert isinstance(result, list), f"{what}: fetch_all=True gave {type(result).__name__}"
    else:
        assert isinstance(result, types.GeneratorType), f"{what}: a stream gave {type(result).__name__}"


def _groups(result: Any, fetch_all: bool, what: str) -> dict[str, set[str]]:
    out = {}
    for p, found in result:
        _check_kind(found, fetch_all, f"{what} (datasets of {p.name})")
        ids = {str(d.id) for d in found}
        if ids:
            out[p.name] = ids
    return out


def _counts_by_name(pairs: Any) -> dict[str, int]:
    return {(p if isinstance(p, str) else p.name): n for p, n in pairs if n}


def _through_time(result: Any) -> dict[str, int]:
    return _counts_by_name((p, sum(n for _, n in series)) for p, series in result)


def _count_by(result: Any) -> dict[str, int]:
    return _counts_by_name((key.product, n) for key, n in result)


# name -> (call(index, archived, fetch_all), normalise(result, fetch_all), gives ids (else counts))
_Call = Callable[["AbstractIndex", "bool | None", bool], Any]
_METHODS: dict[str, tuple[_Call, Callable[[Any, bool], dict[str, Any]], bool]] = {
    "search": (
        lambda i, a, f: i.datasets.search(archived=a, fetch_all=f, **_PERIOD),
        lambda r, f: _ids_by_product(r),
        True,
    ),
    "search_returning": (
        lambda i, a, f: i.datasets.search_returning(["id", "product"], archived=a, fetch_all=f, **_PERIOD),
        lambda r, f: _ids_by_product(r),
        True,
    ),
    "search_by_product": (
        lambda i, a, f: i.datasets.search_by_product(archived=a, fetch_all=f, **_PERIOD),
        lambda r, f: _groups(r, f, "search_by_product"),
        True,
    ),
    "search_by_metadata": (
        lambda i, a, f: i.datasets.search_by_metadata(_MARK, archived=a, fetch_all=f),
        lambda r, f: _ids_by_product(r),
        True,
    ),
    "count": (
        lambda i, a, f: i.datasets.count(archived=a, fetch_all=f, **_PERIOD),
        lambda r, f: {"*": r},
        False,
    ),
    "count_by_product": (
        lambda i, a, f: i.datasets.count_by_product(archived=a, fetch_all=f, **_PERIOD),
        lambda r, f: _counts_by_name(r),
        False,
    ),
    "count_by_product_through_time": (
        lambda i, a, f: i.datasets.count_by_product_through_time(
            "1 month", archived=a, fetch_all=f, **_PERIOD
        ),
        lambda r, f: _through_time(r),
        False,
    ),
    "count_by": (
        lambda i, a, f: i.datasets.count_by(["product"], archived=a, fetch_all=f, **_PERIOD),
        lambda r, f: _count_by(r),
        False,
    ),
}


class SearchOptionTests:
    """Every search and count of datasets takes ``archived`` and ``fetch_all``; so do product searches."""

    @pytest.fixture
    def mixed(self, writable: AbstractIndex, products: dict[str, Product]) -> AbstractIndex:
        idx = writable
        docs = [
            dataset_doc("ls8", id=L1, time="2020-01-10T00:00:00Z", properties=_MARK["properties"]),
            dataset_doc("ls8", id=L2, time="2020-02-10T00:00:00Z", properties=_MARK["properties"]),
            dataset_doc("ls8", id=L3, time="2021-05-01T00:00:00Z"),
            dataset_doc("ls8", id=LX, time="2020-01-20T00:00:00Z", properties=_MARK["properties"]),
            dataset_doc(
                "s2",
                id=S1,
                time="2020-01-15T00:00:00Z",
                platform="sentinel-2a",
                properties=_MARK["properties"],
            ),
            dataset_doc(
                "s2",
                id=SX,
                time="2020-02-15T00:00:00Z",
                platform="sentinel-2a",
                properties=_MARK["properties"],
            ),
        ]
        idx.datasets.add_batch(idx.datasets.from_doc(d) for d in docs)
        idx.datasets.archive([LX, SX])
        return idx

    def test_every_search_and_count_takes_archived_and_fetch_all(self, mixed: AbstractIndex) -> None:
        checked = 0
        for name, (call, normalise, gives_ids) in _METHODS.items():
            for archived, by_product in _EXPECTED.items():
                for fetch_all in (False, True):
                    what = f"{name}(archived={archived}, fetch_all={fetch_all})"
                    result = call(mixed, archived, fetch_all)
                    if name == "count":
                        assert isinstance(result, int), what
                        expected: dict[str, Any] = {"*": sum(map(len, by_product.values()))}
                    else:
                        _check_kind(result, fetch_all, what)
                        expected = by_product if gives_ids else {k: len(v) for k, v in by_product.items()}
                    assert normalise(result, fetch_all) == expected, what
                    checked += 1
        assert checked == len(_METHODS) * 3 * 2

    def test_product_searches_take_fetch_all(self, mixed: AbstractIndex) -> None:
        idx = mixed
        for fetch_all in (False, True):
            found = idx.products.search(fetch_all=fetch_all, product=["s2", "custom"])
            _check_kind(found, fetch_all, f"products.search(fetch_all={fetch_all})")
            assert {p.name for p in found} == {"s2", "custom"}
            # Neither product's own metadata settles the platform: search leaves both out.
            assert not list(idx.products.search(fetch_all=fetch_all, platform="sentinel-2a"))
            robust = idx.products.search_robust(fetch_all=fetch_all, platform="sentinel-2a")
            _check_kind(robust, fetch_all, f"products.search_robust(fetch_all={fetch_all})")
            left = {"platform": "sentinel-2a"}  # s2 and custom do not settle the platform
            assert {p.name: rest for p, rest in robust} == {"s2": left, "custom": left}
            by_md = idx.products.search_by_metadata(
                {"properties": {"eo:platform": "landsat-8"}}, fetch_all=fetch_all
            )
            _check_kind(by_md, fetch_all, f"products.search_by_metadata(fetch_all={fetch_all})")
            assert [p.name for p in by_md] == ["ls8"]

    def test_search_errors_raise_at_the_call(self, mixed: AbstractIndex) -> None:
        from terracube.errors import QueryError, QueryWarning

        ds = mixed.datasets
        for fetch_all in (False, True):
            with pytest.raises(QueryError, match="wibble"):
                ds.count_by_product(fetch_all=fetch_all, wibble=1)
            with pytest.raises(QueryError, match="wibble"):
                ds.search_by_product(fetch_all=fetch_all, wibble=1)
            with pytest.warns(QueryWarning, match="no product named 'nope'"):
                counts = ds.count_by_product_through_time(
                    "1 month", fetch_all=fetch_all, product="nope", **_PERIOD
                )
            assert list(counts) == []
            with pytest.raises(QueryError, match="wibble"):
                mixed.products.search(fetch_all=fetch_all, wibble=1)
