"""The YAML reader: exactly PyYAML's values (the plain reader or PyYAML itself), and hostile texts refused."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap
import time
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terracube.errors import DocumentError
from terracube.model._yaml import MAX_DEPTH, document_loader, load_documents, plain_documents


def pyyaml(text: str) -> list[Any]:
    return [d for d in yaml.load_all(text, Loader=document_loader()) if d is not None]


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types (1, 1.0 and True differ), NaN equal to NaN, keys in order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(x, y) for x, y in zip(a.values(), b.values(), strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def check(text: str) -> list[Any] | None:
    """The plain reader gives PyYAML's documents or declines; load_documents always agrees."""
    try:
        expected: list[Any] | Exception = pyyaml(text)
    except yaml.YAMLError as e:
        expected = e
    got = plain_documents(text)
    if isinstance(expected, Exception):
        assert got is None, f"PyYAML refuses {text!r} ({expected}) but the plain reader gave {got!r}"
        with pytest.raises(DocumentError):
            load_documents(text, where="'t.yaml'")
        return None
    if got is not None:
        assert same(got, expected), f"{text!r}: plain reader {got!r}, PyYAML {expected!r}"
    assert same(load_documents(text, where="'t.yaml'"), expected)
    return got


# --- scalars ----------------------------------------------------------------------------------------

_WORDS = """
    yes Yes YES no No NO on On ON off Off OFF y n Y N true True TRUE false False FALSE
    null Null NULL ~ .nan .NaN .NAN .inf .Inf -.inf +.INF .infinity nan inf
    0 -0 +0 00 007 010 08 09 0o17 0x1F 0X1f -0x1f 0b101 +0b1 1_000 -1_0 1:20 -1:20 1:20.5 190:20:30
    1e3 1E3 1.0e3 1.0e+3 1.0E-3 -1.0e+3 1. -1. .5 -.5 +.5 3.14 -3.14 +3.14 1_0.5 1.5_ 0.1e+1_0
    9223372036854775807 9223372036854775808 -9223372036854775809 123456789012345678901234567890
    2020 2020-01 2020-01-01 2020-1-1 2020-01-01T10:00:00Z 2001-12-14t21:59:43.10-05:00
    << = ! & * a#b a:b a-b -a -5 :a ?a a? epsg:32656 landsat-8 088080 1.2.3 v1.0 0.0.0
"""
TRICKY = [
    *_WORDS.split(),
    "2020-05-25 23:35:47.745731Z",
    "a b",
    "a  b",
    "a #b",
    "x # comment",
    "\xa0",
    "a\u2003b",
]


@pytest.mark.parametrize("word", TRICKY)
@pytest.mark.parametrize("template", ["k: {w}\n", "- {w}\n", "k: [{w}, {w}]\n", "{w}: v\n", "- {w}: v\n"])
def test_tricky_scalars_read_as_pyyaml(word: str, template: str) -> None:
    check(template.format(w=word))


def test_plain_values_of_every_kind() -> None:
    docs = check("a: yes\nb: 010\nc: 1e3\nd: .nan\ne: 2020-01-01T00:00:00Z\nf: ~\ng: 0x1F\nh: 1:20\n")
    assert docs is not None  # all read by the plain reader, not PyYAML
    d = docs[0]
    assert d["a"] is True and d["b"] == 8 and d["c"] == "1e3" and math.isnan(d["d"])
    assert d["e"] == "2020-01-01T00:00:00Z"  # timestamps stay the text written
    assert d["f"] is None and d["g"] == 31 and d["h"] == 80


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_floats_read_as_pyyaml(x: float) -> None:
    check(f"v: {x!r}\nl: [{x!r}, [{x!r}]]\n")


@given(st.integers())
def test_integers_read_as_pyyaml(n: int) -> None:
    check(f"v: {n}\nl: [{n}, {-n}]\n")


@given(st.text(alphabet=st.sampled_from("0123456789+-._:eEoxXbB# '\"ynYNtf~aZ"), min_size=1, max_size=12))
def test_scalar_soup_reads_as_pyyaml(word: str) -> None:
    check(f"k: {word}\n- {word}\n")
    check(f"k: {word}\n")
    check(f"- {word}\n- [{word}]\n")


# --- structure ------------------------------------------------------------------------------------------

WORDS = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=8
    ),
    st.floats(allow_nan=True).map(repr),
    st.integers().map(str),
)


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Texts near what tools write: block mappings and sequences, flow sequences, comments,
    quotes, markers; with words that may mean anything, and now and then a line out of place."""
    lines: list[str] = []

    def scalar() -> str:
        w = draw(WORDS)
        style = draw(st.sampled_from(["plain", "plain", "plain", "single", "double"]))
        if style == "single":
            return "'" + w.replace("'", "''") + "'"
        if style == "double":
            return '"' + w.replace('"', "") + '"'
        return w

    def flow(depth: int) -> str:
        items = [
            flow(depth + 1) if depth < 3 and draw(st.booleans()) else scalar()
            for _ in range(draw(st.integers(0, 4)))
        ]
        return "[" + ", ".join(items) + draw(st.sampled_from(["]", "]", ", ]"]))

    def node(indent: int, depth: int) -> None:
        pad = " " * indent
        if draw(st.booleans()):  # mapping
            for _ in range(draw(st.integers(1, 4))):
                key = scalar()
                kind = draw(st.sampled_from(["scalar", "scalar", "flow", "block", "seq", "empty"]))
                if kind == "scalar":
                    lines.append(f"{pad}{key}: {scalar()}")
                elif kind == "flow":
                    lines.append(f"{pad}{key}: {flow(0)}")
                elif kind == "empty":
                    lines.append(f"{pad}{key}:" + draw(st.sampled_from(["", " {}", " []", "  # c"])))
                elif depth < 4:
                    lines.append(f"{pad}{key}:")
                    step = 0 if kind == "seq" and draw(st.booleans()) else draw(st.sampled_from([1, 2, 4]))
                    if kind == "seq":
                        seq(indent + step, depth + 1)
                    else:
                        node(indent + max(step, 1), depth + 1)
        else:
            seq(indent, depth)

    def seq(indent: int, depth: int) -> None:
        pad = " " * indent
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(["scalar", "flow", "compact", "nested"]))
            if kind == "scalar":
                lines.append(f"{pad}- {scalar()}")
            elif kind == "flow":
                lines.append(f"{pad}- {flow(0)}")
            elif kind == "compact":
                lines.append(f"{pad}- {scalar()}: {scalar()}")
                if draw(st.booleans()):
                    lines.append(f"{pad}  {scalar()}: {scalar()}")
            elif depth < 4:
                lines.append(f"{pad}-")
                node(indent + 2, depth + 1)

    if draw(st.booleans()):
        lines.append("---")
    node(0, 0)
    for _ in range(draw(st.integers(0, 3))):  # noise: comments, blanks, markers, stray lines
        at = draw(st.integers(0, len(lines)))
        lines.insert(
            at, draw(st.sampled_from(["", "# note", "   # indented note", "---", "...", "  x", "- y"]))
        )
    if draw(st.booleans()):  # a flow sequence over several lines
        lines.append("last: [1.5, 2,\n    3, [4,\n  5]]")
    end = draw(st.sampled_from(["\n", "", "\n...\n", "  \n"]))
    return "\n".join(lines) + end


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_texts())
def test_texts_read_as_pyyaml(text: str) -> None:
    check(text)


# --- documents as tools write them ---------------------------------------------------------------------

# An eo3 document laid out as eo-datasets writes them (our own values).
EO3 = """\
---
# Dataset
$schema: https://schemas.opendatacube.org/dataset
id: 3f9a1d2c-8b7e-4c1a-9f00-5a6b7c8d9e01

label: demo_ls9c_ard_3-2-1_091086_2023-02-14_final
product:
  name: demo_ls9c_ard_3
  href: https://example.org/product/demo_ls9c_ard_3

crs: epsg:32755
geometry:
  type: Polygon
  coordinates: [[[604210.0, -3914455.0], [604213.2211, -3914452.8], [781905.0, -3951135.0],
      [741015.0, -4123185.0], [561915.0, -4086885.0], [604210.0,
        -3914455.0]]]
grids:
  default:
    shape: [7821, 7721]
    transform: [30.0, 0.0, 561885.0, 0.0, -30.0, -3914385.0, 0.0, 0.0, 1.0]
  panchromatic:
    shape: [15641, 15441]
    transform: [15.0, 0.0, 561892.5, 0.0, -15.0, -3914392.5, 0.0, 0.0, 1.0]

properties:
  datetime: 2023-02-14 23:51:12.274183Z
  dea:dataset_maturity: final
  dtr:end_datetime: 2023-02-14 23:51:26.991031Z
  dtr:start_datetime: 2023-02-14 23:50:57.557335Z
  eo:cloud_cover: 12.718281828459045
  eo:gsd: 15.0  # Ground sample distance (m)
  eo:instrument: OLI_TIRS
  eo:platform: landsat-9
  eo:sun_azimuth: 61.75309123
  eo:sun_elevation: 54.01230011
  fmask:snow: 0.00021978311212345678
  gqa:cep90: .nan
  gqa:abs_x: -0.08
  landsat:collection_number: 2
  landsat:wrs_path: 91
  landsat:wrs_row: 86
  odc:dataset_version: 3.2.1
  odc:file_format: GeoTIFF
  odc:processing_datetime: 2023-03-01 07:07:06.303867Z
  odc:producer: example.org
  odc:product_family: ard
  odc:region_code: '091086'

measurements:
  nbart_blue:
    path: demo_ls9c_nbart_3-2-1_091086_2023-02-14_final_band02.tif
  nbart_panchromatic:
    path: demo_ls9c_nbart_3-2-1_091086_2023-02-14_final_band08.tif
    grid: panchromatic
  oa_fmask:
    path: demo_ls9c_oa_3-2-1_091086_2023-02-14_final_fmask.tif

accessories:
  checksum:sha1:
    path: demo_ls9c_ard_3-2-1_091086_2023-02-14_final.sha1
  thumbnail:nbart:
    path: demo_ls9c_nbart_3-2-1_091086_2023-02-14_final_thumbnail.jpg

lineage:
  level1:
  - 8d0c3a41-2f6b-5e7d-9a1c-0b2e4f6a8c10
...
"""

# A product with flags (flow mappings) and a metadata type with block scalars: PyYAML reads these.
PRODUCT = """\
name: demo_wo
description: Water observations, a demonstration product
metadata_type: eo3
license: CC-BY-4.0
metadata:
  product:
    name: demo_wo
load:
  crs: EPSG:3577
  resolution: {y: -30, x: 30}
measurements:
  - name: water
    dtype: uint8
    nodata: 1
    units: '1'
    flags_definition:
      dry:
        bits: [7, 6, 5, 4, 3, 2, 1, 0]
        description: No water detected
        values: {0: true}
      wet:
        bits: [7, 6, 5, 4, 3, 2, 1, 0]
        values: {128: true}
"""

METADATA_TYPE = """\
name: demo_type
description: |
  A metadata type with a long description
  over several lines.
dataset:
  id: [id]
  sources: [lineage, source_datasets]
  search_fields:
    platform:
      description: Platform code
      offset: [properties, 'eo:platform']
    time:
      description: >-
        Acquisition time range,
        folded.
      type: datetime-range
      min_offset:
        - [properties, 'dtr:start_datetime']
        - [properties, datetime]
      max_offset:
      - [properties, 'dtr:end_datetime']
      - [properties, datetime]
"""


def test_eo3_documents_take_the_plain_reader() -> None:
    docs = check(EO3)
    assert docs is not None  # the fast path, not PyYAML
    (d,) = docs
    assert d["properties"]["datetime"] == "2023-02-14 23:51:12.274183Z"
    assert d["properties"]["odc:region_code"] == "091086"
    assert math.isnan(d["properties"]["gqa:cep90"])
    assert d["geometry"]["coordinates"][0][-1] == [604210.0, -3914455.0]
    assert d["lineage"] == {"level1": ["8d0c3a41-2f6b-5e7d-9a1c-0b2e4f6a8c10"]}


@pytest.mark.parametrize("text", [PRODUCT, METADATA_TYPE])
def test_other_documents_read_as_pyyaml(text: str) -> None:
    check(text)


def test_several_documents_in_one_text() -> None:
    docs = check("---\na: 1\n---\n# only a comment\n---\n- b\n...\n---\nc: [1]\n")
    assert docs == [{"a": 1}, ["b"], {"c": [1]}]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",  # anchors and aliases
        "a: !!str 5\n",  # tags
        "a: |\n  two\n  lines\n",  # block scalar
        "a: one\n  more\n",  # multi-line plain scalar
        'a: "tab\\there"\n',  # escapes
        "a:\tb\n",  # a tab
        "a: {b: 1}\n",  # flow mapping
        "<<: {a: 1}\nb: 2\n",  # merge key
        "? a\n: b\n",  # complex key
        "%YAML 1.1\n---\na: 1\n",  # directive
        "a: 1\r\nb: 2\r\n",  # CRLF
    ],
)
def test_texts_beyond_the_plain_subset_go_to_pyyaml(text: str) -> None:
    assert plain_documents(text) is None
    check(text)


# --- hostile texts ------------------------------------------------------------------------------------


def alias_bomb(levels: int) -> str:
    lines = ["  a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "properties:\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [7, 9, 30])
def test_alias_expansion_is_bounded(levels: int) -> None:
    text = alias_bomb(levels)
    assert len(text) < 5000
    t = time.perf_counter()
    with pytest.raises(
        DocumentError, match=r"^cannot read 'bomb.yaml': its aliases expand it to [\d,]+ nodes"
    ):
        load_documents(text, where="'bomb.yaml'")
    assert time.perf_counter() - t < 2


def test_modest_alias_use_is_read() -> None:
    text = alias_bomb(3)  # 9**3 leaves, under the bound
    assert same(load_documents(text, where="'t.yaml'"), pyyaml(text))


def test_an_alias_inside_itself_is_refused() -> None:
    with pytest.raises(DocumentError, match="an alias refers to a node that holds it"):
        load_documents("a: &x [1, *x]\n", where="'t.yaml'")


@pytest.mark.parametrize(
    "text", ["a: " + "[" * 150 + "]" * 150, "a:\n" + "".join(f"{' ' * i}- \n" for i in range(150))]
)
def test_nesting_is_bounded(text: str) -> None:
    with pytest.raises(DocumentError, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_documents(text, where="'deep.yaml'")


def test_very_deep_nesting_is_an_error_not_a_crash() -> None:
    # libyaml's composer recurses in C: 100,000 levels crash a process that gives them to it.
    code = textwrap.dedent(
        """
        from terracube.errors import DocumentError
        from terracube.model._yaml import load_documents
        for text in ["a: " + "[" * 100_000 + "]" * 100_000, "a: " + "{b: " * 100_000 + "1" + "}" * 100_000]:
            try:
                load_documents(text, where="'deep.yaml'")
            except DocumentError as e:
                print(str(e)[:60])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.count("cannot parse 'deep.yaml': nested more than") == 2


@pytest.mark.parametrize(
    "name",
    ["a.yaml", "sub/b c%.yaml", "./sub/c.yaml", "sub//d.yaml", "sub/../e.yaml", "sub/ü.JSON", "sub/.json"],
)
def test_read_documents_names_files_as_pathlib_does(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from pathlib import Path

    from terracube.model import read_documents

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    Path(name).write_text('{"a": 1}\n')
    for arg in (name, Path(name), str(tmp_path / name)):
        ((uri, doc),) = read_documents(arg)
        assert uri == Path(arg).absolute().as_uri()
        assert doc == {"a": 1}


def test_read_documents_reads_a_pipe(tmp_path: Any) -> None:
    import os
    import threading

    from terracube.model import read_documents

    fifo = tmp_path / "docs.yaml"
    os.mkfifo(fifo)
    text = "".join(f"---\nn: {i}\npad: {'x' * 200}\n" for i in range(2000))
    writer = threading.Thread(target=lambda: fifo.write_text(text))
    writer.start()
    docs = [d for _, d in read_documents(str(fifo))]
    writer.join()
    assert [d["n"] for d in docs] == list(range(2000))
